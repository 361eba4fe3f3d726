"""Known topics of several words in English text: "climate change" is #ClimateChange, never
#Climate, and "interest rates" #InterestRates, never #Rates.

    phrase_topics(toks) -> (list[TopicWord], Counter of covered words)

The phrases come from ``topic_phrases_en.txt``, with phrases whose words are never a topic
("news conference": no #Conference). A phrase matches its words in any case, in a row, its last
word also in the plural, and is named by its line's first phrase, in the plural when the text
uses it so at least half the time ("electric cars": #ElectricVehicles). The covered counter
says how many uses of each single word (by its singular) sat inside a phrase, so that a word
used only there is no topic of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsloom.pipeline.hashtags_tokens import Tok
from newsloom.pipeline.hashtags_topics import TopicWord, phrase_keyness, singular

__all__ = ["phrase_topics"]


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    """Lower case, as listed (the last word singular)."""
    plural: str
    """The plural of the last word."""
    name: str
    """The first phrase of the topic's line: the tag's words."""
    topic: bool
    """False for a phrase whose words are never a topic ("news conference")."""


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, tuple[_Phrase, ...]]:
    text = resources.files("newsloom").joinpath("data", "hashtags", "topic_phrases_en.txt")
    by_first: dict[str, list[_Phrase]] = {}
    for line in text.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        topic = not line.startswith("-")
        variants = [v.split() for v in line.lstrip("- ").casefold().split("|")]
        name = " ".join(variants[0])
        for words in variants:
            phrase = _Phrase(tuple(words), _plural(words[-1]), name, topic)
            by_first.setdefault(words[0], []).append(phrase)
    # the longest first: "freedom of the press" before any shorter phrase it opens
    return {w: tuple(sorted(ps, key=lambda p: -len(p.words))) for w, ps in by_first.items()}


def _match(toks: list[Tok], i: int, phrase: _Phrase) -> bool:
    words = phrase.words
    if i + len(words) > len(toks):
        return False
    for k, word in enumerate(words):
        tok = toks[i + k]
        if tok.kind != "word":
            return False
        low = tok.text.casefold()
        if low != word and not (k == len(words) - 1 and low == phrase.plural):
            return False
    return True


def _plural(phrase: str) -> str:
    """The phrase with its last word in the plural ("electric vehicle" -> "electric
    vehicles", "greenhouse gas" -> "greenhouse gases")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _written_as_topic(span: list[Tok]) -> bool:
    """In lower case (its first word may open a sentence), or in a headline: capitalised in a
    sentence, the words are part of a name ("Framework Convention on Climate Change")."""
    return span[0].in_title or all(
        t.text.islower() or (k == 0 and t.initial) for k, t in enumerate(span)
    )


def phrase_topics(toks: list[Tok]) -> tuple[list[TopicWord], Counter[str]]:
    """The known topic phrases a tokenised text (title tokens first) uses, scored as rare topic
    words, and the uses of single words (by singular) that they cover."""
    index = _phrases_by_first_word()
    found: dict[str, TopicWord] = {}
    covered: Counter[str] = Counter()
    plural_uses: Counter[str] = Counter()
    i = 0
    while i < len(toks):
        tok = toks[i]
        candidates = index.get(tok.text.casefold()) if tok.kind == "word" else None
        phrase = next((p for p in candidates or () if _match(toks, i, p)), None)
        if phrase is None:
            i += 1
            continue
        span = toks[i : i + len(phrase.words)]
        i += len(phrase.words)
        if phrase.topic and not _written_as_topic(span):
            continue
        covered.update(singular(t.text.casefold()) for t in span)
        if not phrase.topic:
            continue
        surface = " ".join(t.text.casefold() for t in span)
        topic = found.get(phrase.name)
        if topic is None:
            topic = found[phrase.name] = TopicWord(phrase.name, 0.0, 0, tok.index, False)
        topic.count += 1
        topic.in_title = topic.in_title or tok.in_title
        topic.forms[surface] += 1
        plural_uses[phrase.name] += span[-1].text.casefold() == phrase.plural
    for topic in found.values():
        topic.score = phrase_keyness(topic.word.split(), topic.count, topic.first)
        if 2 * plural_uses[topic.word] >= topic.count:
            topic.word = _plural(topic.word)  # as often in the plural: "electric cars"
    return list(found.values()), covered
