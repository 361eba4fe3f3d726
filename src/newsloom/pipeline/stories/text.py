"""Terms of an article for story clustering: lower-cased words without common words, lightly
stemmed ("tapering" and "taper" meet), plus the article's hashtags as ``#tag`` terms."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from newsloom.pipeline.hashtags_data import gazetteer

__all__ = ["stem", "story_terms"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_VOWELS = frozenset("aeiouy")
_EXTRA_STOP = frozenset(
    str.split(
        """
    a an the of to in on for and or but with at by from as is are was were be been it its this
    that these those he she they we you i his her their our not no says said say will would can
    could has have had after over new up out about more than into amp video photos photo watch
    update updated live via
    """
    )
)
_OTHER_LANGUAGE_STOP = frozenset(
    str.split(
        """
    le la les un une des du de d l au aux et ou mais dans sur sous avec pour sans est sont
    était ont été être avoir qui que quoi dont où ce cet cette ces il elle ils elles nous vous
    leur leurs se sa ses mon ma mes ne pas plus selon entre depuis lors aussi comme après
    der das den dem des ein eine einer einem einen und oder aber mit für auf aus bei nach von
    zu zum zur ist sind wurde werden hat haben nicht auch sich dass wie noch nur über
    el los las una unos unas y o pero en con por para sin es son fue ser está están que del
    al lo su sus se como más según entre también
    il lo gli le uno una e ed o ma di da in con su per tra fra è sono era che del della dei
    delle al alla nel nella non più anche
    os as um uma uns umas e ou mas em no na nos nas com por para sem é são foi que do da dos
    das ao à pelo pela não mais também como
    """
    )
)
_STEM_CACHE: dict[str, str] = {}


def _has_vowel(s: str) -> bool:
    return any(c in _VOWELS for c in s)


def stem(word: str) -> str:
    """A light English suffix stripper (not Porter): plural, -ing, -ed, -ly, final -e."""
    cached = _STEM_CACHE.get(word)
    if cached is not None:
        return cached
    w = word
    if len(w) > 3:
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "i"
        elif w.endswith("sses"):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        for suffix in ("ingly", "edly", "ing", "ed", "ly"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and _has_vowel(w[: -len(suffix)]):
                w = w[: -len(suffix)]
                if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                    w = w[:-1]
                break
        if w.endswith("y") and len(w) > 3 and w[-2] not in _VOWELS:
            w = w[:-1] + "i"
        if w.endswith("e") and len(w) > 3:
            w = w[:-1]
    if len(_STEM_CACHE) < 200_000:
        _STEM_CACHE[word] = w
    return w


def story_terms(title: str | None, text: str | None, hashtags: Iterable[str] = ()) -> Counter[str]:
    """Term counts of an article for clustering. Title words count twice; the body is read up
    to its first 400 words (the lead says what the story is). Hashtags become ``#tag`` terms."""
    common = gazetteer().common
    counts: Counter[str] = Counter()

    def add(chunk: str, weight: int, limit: int) -> None:
        folded = unicodedata.normalize("NFKC", chunk).casefold()
        for n, m in enumerate(_WORD.finditer(folded)):
            if n >= limit:
                break
            w = m.group(0)
            if w.endswith(("'s", "’s")):
                w = w[:-2]
            if len(w) < 2 or w in common or w in _EXTRA_STOP or w in _OTHER_LANGUAGE_STOP:
                continue
            counts[stem(w)] += weight

    if title:
        add(title, 2, 60)
    if text:
        add(text, 1, 400)
    for tag in hashtags:
        counts["#" + tag.lstrip("#").casefold()] += 2
    return counts
