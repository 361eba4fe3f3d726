"""Build ``lexicon_en.txt``: background frequencies and noun classes of common English words,
used to pick topic hashtags by keyness. Run by hand when the list is to be rebuilt; newsloom
only reads the text file it writes (nothing is downloaded at run time).

    python -m venv /tmp/lex && /tmp/lex/bin/pip install wordfreq==3.1.1 spacy-lookups-data==1.0.5
    /tmp/lex/bin/python src/newsloom/data/hashtags/build_lexicon.py > \
        src/newsloom/data/hashtags/lexicon_en.txt

Sources, both installed from PyPI at build time:

* frequencies: wordfreq 3.1.1, its "large" English list (Wikipedia, subtitles, news, books,
  web text, Reddit, Twitter), as Zipf values (log10 of occurrences per billion words); the
  word lists of wordfreq are licensed CC BY-SA 4.0;
* word classes: WordNet 3.0 (Princeton University, WordNet 3.0 license), read from the lemma
  index, exceptions and suffix rules shipped in spacy-lookups-data 1.0.5 (MIT).
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

LINE_WIDTH = 99
MIN_ZIPF = 3.0
"""Words rarer than this (about one in a million words) are left out: they count as rare..."""
MIN_NOT_NOUN_ZIPF = 2.0
"""... unless they are never nouns and at least this common ("horrify", "surefire")."""


def _wordnet() -> tuple[dict[str, set[str]], dict[str, dict[str, list[str]]], dict[str, Any]]:
    import spacy_lookups_data  # type: ignore[import-not-found]

    data = Path(spacy_lookups_data.__file__).parent / "data"

    def load(name: str) -> Any:
        with gzip.open(data / name, "rt", encoding="utf-8") as fh:
            return json.load(fh)

    index = {pos: set(words) for pos, words in load("en_lemma_index.json.gz").items()}
    return index, load("en_lemma_exc.json.gz"), load("en_lemma_rules.json.gz")


def _classes(
    word: str,
    index: dict[str, set[str]],
    exc: dict[str, dict[str, list[str]]],
    rules: dict[str, Any],
) -> set[str]:
    """The WordNet parts of speech a word form can have (through its lemmas)."""
    found = set()
    for pos in ("noun", "verb", "adj", "adv"):
        lemmas = set(exc.get(pos, {}).get(word, []))
        if word in index[pos]:
            lemmas.add(word)
        for suffix, replacement in rules.get(pos, []):
            if suffix and word.endswith(suffix) and len(word) > len(suffix) + 1:
                lemma = word[: -len(suffix)] + replacement
                if lemma in index[pos]:
                    lemmas.add(lemma)
        if lemmas:
            found.add(pos)
    return found


def _class_letter(classes: set[str]) -> str:
    if "noun" in classes:
        if "adj" in classes:
            return "j"
        return "v" if "verb" in classes else "n"
    if "adj" in classes:
        return "a"
    return "x" if classes else "?"


def main() -> None:
    import wordfreq  # type: ignore[import-not-found]

    index, exc, rules = _wordnet()
    groups: dict[tuple[int, str], list[str]] = defaultdict(list)
    for word, freq in wordfreq.get_frequency_dict("en", "large").items():
        zipf = math.log10(freq * 1e9)
        if zipf < MIN_NOT_NOUN_ZIPF or not word.isascii() or not word.isalpha() or len(word) < 2:
            continue
        cls = _class_letter(_classes(word, index, exc, rules))
        if zipf < MIN_ZIPF and cls not in ("a", "x"):
            continue
        groups[(round(zipf * 10), cls)].append(word)
    out = sys.stdout
    out.write(
        "# Background frequencies and word classes of English words, for topic hashtags.\n"
        "# Built by build_lexicon.py (see there): frequencies from wordfreq 3.1.1 (word lists\n"
        "# CC BY-SA 4.0, https://github.com/rspeer/wordfreq), word classes from WordNet 3.0\n"
        "# (Copyright 2006 by Princeton University, WordNet 3.0 license) via spacy-lookups-data\n"
        "# 1.0.5. This file is shared under CC BY-SA 4.0.\n"
        "# Each line: Zipf x 10 (log10 of uses per billion words), class, words. Classes from\n"
        "# WordNet: n a noun (perhaps an adverb too); v a noun and a verb; j a noun and an\n"
        "# adjective; a an adjective, never a noun; x a verb or adverb only; ? not in WordNet.\n"
        "# Words under Zipf 3.0 are listed only when they are never nouns (a, x).\n"
    )
    for (zipf10, cls), words in sorted(groups.items(), key=lambda kv: (-kv[0][0], kv[0][1])):
        line = f"{zipf10} {cls}"
        for word in sorted(words):
            if len(line) + 1 + len(word) > LINE_WIDTH:
                out.write(line + "\n")
                line = f"{zipf10} {cls}"
            line += " " + word
        out.write(line + "\n")


if __name__ == "__main__":
    main()
