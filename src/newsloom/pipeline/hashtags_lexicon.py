"""The English background lexicon of topic hashtags: how common a word is in general English
(its Zipf value, log10 of uses per billion words) and whether it can be a noun, a verb or an
adjective.

Read once from ``newsloom/data/hashtags/lexicon_en.txt`` (built by ``build_lexicon.py`` there
from wordfreq's English list and WordNet's word classes). A word missing from the file is rarer
than about one use per million words (or, rarer than one in 10 million, not listed at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["RARE_ZIPF", "Lexicon", "lexicon"]

RARE_ZIPF = 2.5
"""The Zipf value given to words the file does not list (they are rarer than 3.0)."""

_ADJECTIVE_ENDINGS = ("ly", "ed", "ous", "ful", "ive", "less", "able", "ible", "ish", "ary")
_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ing", ""), ("ing", "e"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    zipf: dict[str, float]
    """Lower-case word -> Zipf value."""
    not_nouns: frozenset[str]
    """Words WordNet knows only as verbs, adjectives or adverbs."""
    noun_verbs: frozenset[str]
    """Words that are nouns and verbs ("fires", "report", "shares")."""
    adjectives: frozenset[str]
    """Words that can be adjectives, nouns too or not ("conservative", "overwhelming")."""

    def frequency(self, word: str) -> float:
        """Zipf value of a lower-case word (RARE_ZIPF when the word is not listed)."""
        return self.zipf.get(word, RARE_ZIPF)

    def can_be_noun(self, word: str) -> bool:
        """Whether a lower-case word can be a noun: WordNet's classes for listed words; for a
        rare one, its ending ("-ly", "-ous", "-ed" are not nouns) and its stem ("deepens" is a
        form of the verb "deepen")."""
        if word in self.not_nouns:
            return False
        if word in self.zipf:
            return True
        if word.endswith(_ADJECTIVE_ENDINGS):
            return False
        for suffix, replacement in _INFLECTIONS:
            if word.endswith(suffix) and word[: -len(suffix)] + replacement in self.not_nouns:
                return False
        return True


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The English lexicon, loaded once."""
    text = resources.files("newsloom").joinpath("data", "hashtags", "lexicon_en.txt")
    zipf: dict[str, float] = {}
    not_nouns: set[str] = set()
    noun_verbs: set[str] = set()
    adjectives: set[str] = set()
    for line in text.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        value, cls, *words = line.split()
        z = int(value) / 10
        for word in words:
            zipf.setdefault(word, z)
        if cls in ("a", "x"):
            not_nouns.update(words)
        if cls in ("a", "j"):
            adjectives.update(words)
        elif cls == "v":
            noun_verbs.update(words)
    return Lexicon(
        zipf=zipf,
        not_nouns=frozenset(not_nouns),
        noun_verbs=frozenset(noun_verbs),
        adjectives=frozenset(adjectives),
    )
