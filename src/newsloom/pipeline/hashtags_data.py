"""Loading the hashtag gazetteers and word lists shipped under ``newsloom/data/hashtags``.

Files (tab-separated, '#' comments):

* ``countries.tsv``: tag, names, demonyms, capitals (a demonym means the country; a capital is a
  place of its own);
* ``places.tsv``: tag, names (regions, states, cities, seas);
* ``entities.tsv``: tag, kind, names (organisations, events, a few topics);
* ``common_words.txt``: words never a hashtag on their own;
* ``titles.txt``: titles written before a name ("President", "Sen.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsloom.domain.models import HashtagKind
from newsloom.pipeline.hashtags_tokens import strip_elision, strip_possessive

__all__ = ["Gazetteer", "GazetteerEntry", "camel_case", "gazetteer", "phrase_key", "tokenize_name"]

_NAME_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[\w&]+(?:['’][\w]+)*")
_HYPHENED_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[\w&]+(?:[-'’][\w&]+)*")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    tag: str
    kind: HashtagKind
    demonym: bool = False
    abbreviation: bool = False
    """A name written with a full stop ("Mass."): the text must write the stop too."""


def tokenize_name(name: str) -> list[str]:
    """The tokens of a name as the hashtag tokenizer sees them (hyphens split)."""
    return _NAME_TOKEN.findall(name.replace("-", " "))


def phrase_key(tokens: list[str] | tuple[str, ...]) -> str:
    """Case-folded lookup key of a token sequence ("U.S." and "US" stay distinct)."""
    return " ".join(t.casefold() for t in tokens)


def camel_case(tokens: list[str] | tuple[str, ...]) -> str:
    """CamelCase tag of name tokens: ("Kim", "Jong", "un") -> "KimJongUn"; acronyms kept."""
    return _camel_case(tuple(tokens))


_POSSESSIVE_END = re.compile(r"(?<=\w)['’][sS]$")


@lru_cache(maxsize=65536)
def _camel_case(tokens: tuple[str, ...]) -> str:
    parts: list[str] = []
    for token in tokens:
        # "St. George's" is #StGeorges, not #StGeorgeS
        token = _POSSESSIVE_END.sub("S" if token.isupper() else "s", token)
        for piece in re.split(r"[-'’.\s]+", token):
            if not piece:
                continue
            if not parts and piece[0].islower() and piece[1:2].isupper():
                parts.append(piece)  # a brand that opens in lower case: "iPhone", "eBay"
            elif piece.isupper() or any(c.isupper() for c in piece[1:]):
                parts.append(piece[0].upper() + piece[1:])
            else:
                parts.append(piece[0].upper() + piece[1:].lower())
    return "".join(parts)


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


@dataclass(frozen=True, slots=True)
class Gazetteer:
    folded: dict[str, GazetteerEntry]
    """Names matched case-insensitively (keys from :func:`phrase_key`)."""
    exact: dict[str, GazetteerEntry]
    """Short all-capital names matched exactly ("US", "WHO", "UN")."""
    max_tokens: int
    common: frozenset[str]
    titles: frozenset[str]
    given_names: frozenset[str]
    """Common first names (``given_names.txt``), case-folded."""
    lower_names: frozenset[str]
    """Lower-cased one-word place names and demonyms (so "american" is not a topic word)."""
    starts: dict[str, int] = field(default_factory=dict)
    """Case-folded first word of every name -> the most words a name starting with it has."""

    def longest_from(self, word: str) -> int:
        """The most words of a name that starts with this word (0 when none does)."""
        return self.starts.get(word.casefold(), 0)

    def lookup(self, tokens: list[str] | tuple[str, ...]) -> GazetteerEntry | None:
        exact = self.exact.get(" ".join(tokens))
        if exact is not None:
            return exact
        return self.folded.get(phrase_key(tokens))


def _lines(name: str) -> list[list[str]]:
    text = resources.files("newsloom").joinpath("data", "hashtags", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _words(name: str) -> frozenset[str]:
    text = resources.files("newsloom").joinpath("data", "hashtags", name).read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        words.update(line.split("#", 1)[0].split())
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once."""
    folded: dict[str, GazetteerEntry] = {}
    exact: dict[str, GazetteerEntry] = {}
    lower_names: set[str] = set()
    max_tokens = 1

    def add(name: str, entry: GazetteerEntry) -> None:
        nonlocal max_tokens
        name = name.strip()
        if not name:
            return
        tokens = tokenize_name(name)
        if not tokens:
            return
        max_tokens = max(max_tokens, len(tokens))
        hyphened = _HYPHENED_TOKEN.findall(name)
        if hyphened != tokens and not _is_acronym(name):
            # the text reads "Coca-Cola", "Wal-Mart", "COVID-19" as one word
            folded.setdefault(phrase_key(hyphened), entry)
            max_tokens = max(max_tokens, len(hyphened))
        if _is_acronym(name):
            exact.setdefault(" ".join(tokens), entry)
        else:
            folded.setdefault(phrase_key(tokens), entry)
            # the text's tokens lose their possessive ("People's" -> "People")
            folded.setdefault(phrase_key([strip_possessive(t) for t in tokens]), entry)
            # and their elided articles ("Côte d'Ivoire" -> "Côte Ivoire")
            folded.setdefault(phrase_key([strip_elision(t) for t in tokens]), entry)
            if len(tokens) == 1:
                lower_names.add(tokens[0].casefold())

    for row in _lines("entities.tsv"):
        tag, kind, names = row[0], HashtagKind(row[1]), row[2]
        for name in names.split("|"):
            add(name, GazetteerEntry(tag, kind))
    for row in _lines("countries.tsv"):
        row = [*row, "", "", ""]
        tag, names, demonyms, capitals = row[0], row[1], row[2], row[3]
        for name in names.split("|"):
            add(name, GazetteerEntry(tag, HashtagKind.PLACE))
        for name in demonyms.split("|"):
            add(name, GazetteerEntry(tag, HashtagKind.PLACE, demonym=True))
        for name in capitals.split("|"):
            tokens = tokenize_name(name)
            if tokens:
                add(name, GazetteerEntry(camel_case(tokens), HashtagKind.PLACE))
    for row in _lines("places.tsv"):
        for name in row[1].split("|"):
            tokens = tokenize_name(name)
            abbreviation = len(tokens) == 1 and name.strip().endswith(".") and (
                not tokens[0].endswith(".")
            )  # "Mass." (never "N.J.", read as one token with its stops)
            add(name, GazetteerEntry(row[0], HashtagKind.PLACE, abbreviation=abbreviation))
    starts: dict[str, int] = {}
    for key in (*folded, *exact):
        words = key.split(" ")
        first = words[0].casefold()
        starts[first] = max(starts.get(first, 0), len(words))
    return Gazetteer(
        folded=folded,
        exact=exact,
        max_tokens=max_tokens,
        common=_words("common_words.txt"),
        titles=_words("titles.txt"),
        given_names=_words("given_names.txt"),
        lower_names=frozenset(lower_names),
        starts=starts,
    )
