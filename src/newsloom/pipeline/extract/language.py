"""A cheap language guess from stopwords and scripts, for pages that do not declare one."""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "was",
            "with",
            "on",
            "as",
            "it",
            "by",
            "at",
            "from",
            "his",
            "her",
            "are",
            "be",
            "this",
            "have",
            "not",
            "but",
            "they",
            "has",
            "were",
            "which",
            "an",
            "said",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "und",
            "das",
            "ist",
            "nicht",
            "mit",
            "den",
            "von",
            "zu",
            "sich",
            "des",
            "auf",
            "für",
            "ein",
            "eine",
            "im",
            "dem",
            "auch",
            "es",
            "wird",
            "sind",
            "wie",
            "bei",
            "aus",
            "nach",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "et",
            "des",
            "est",
            "une",
            "un",
            "du",
            "dans",
            "que",
            "pour",
            "qui",
            "pas",
            "sur",
            "au",
            "avec",
            "plus",
            "ce",
            "par",
            "sont",
            "il",
            "elle",
            "ont",
            "été",
            "aux",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "que",
            "y",
            "en",
            "un",
            "una",
            "por",
            "con",
            "para",
            "es",
            "del",
            "se",
            "no",
            "al",
            "lo",
            "como",
            "más",
            "pero",
            "sus",
            "fue",
            "ha",
            "son",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "la",
            "di",
            "che",
            "e",
            "è",
            "un",
            "una",
            "per",
            "non",
            "del",
            "della",
            "con",
            "sono",
            "le",
            "gli",
            "si",
            "anche",
            "al",
            "nel",
            "alla",
            "dei",
            "più",
            "ha",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "de",
            "que",
            "e",
            "do",
            "da",
            "em",
            "um",
            "uma",
            "para",
            "com",
            "não",
            "por",
            "se",
            "dos",
            "das",
            "no",
            "na",
            "mais",
            "foi",
            "ao",
            "também",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "is",
            "dat",
            "op",
            "te",
            "in",
            "voor",
            "niet",
            "met",
            "zijn",
            "aan",
            "er",
            "ook",
            "als",
            "bij",
            "door",
            "maar",
            "wordt",
        ]
    ),
    "sv": frozenset(
        [
            "och",
            "att",
            "det",
            "som",
            "en",
            "på",
            "är",
            "av",
            "för",
            "med",
            "till",
            "den",
            "har",
            "de",
            "inte",
            "om",
            "ett",
            "var",
            "jag",
            "men",
            "från",
        ]
    ),
    "pl": frozenset(
        [
            "i",
            "w",
            "na",
            "z",
            "się",
            "nie",
            "do",
            "że",
            "to",
            "jest",
            "o",
            "jak",
            "po",
            "ale",
            "za",
            "od",
            "przez",
            "jego",
            "być",
        ]
    ),
    "tr": frozenset(
        [
            "ve",
            "bir",
            "bu",
            "da",
            "de",
            "için",
            "ile",
            "olarak",
            "çok",
            "daha",
            "gibi",
            "olan",
            "en",
            "ama",
            "ne",
            "kadar",
        ]
    ),
    "da": frozenset(
        [
            "og",
            "i",
            "at",
            "det",
            "er",
            "en",
            "til",
            "på",
            "af",
            "for",
            "med",
            "den",
            "de",
            "ikke",
            "som",
            "har",
            "et",
            "var",
            "fra",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[A-Za-z]+")
"""_WORD on ASCII text (where it is much faster)."""
_SCRIPTS = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FIRST_SCRIPT_CHAR = "\u0370"
"""The lowest character of the scripts above (Greek)."""
_UKRAINIAN = re.compile(r"[іїєґ]")


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little to tell."""
    sample = text[:6000]
    if len(sample.strip()) < 20:
        return None
    head = sample[:2000]
    letters = sum(map(str.isalpha, head))
    if not letters:
        return None
    if max(head) >= _FIRST_SCRIPT_CHAR:  # else none of the scripts below has a letter here
        for pattern, code in _SCRIPTS:
            if len(pattern.findall(head)) > letters * 0.2:
                return code
        if len(_CYRILLIC.findall(head)) > letters * 0.3:
            return "uk" if len(_UKRAINIAN.findall(sample)) > 5 else "ru"
    found = (_ASCII_WORD if sample.isascii() else _WORD).findall(sample)
    words = list(map(str.lower, found[:1500]))
    if len(words) < 5:
        return None
    # Each language's hits: how many of the words are its stop words (counted once per
    # distinct word, times its count).
    counts = Counter(words)
    distinct = set(counts)
    best, best_hits = None, 0
    for code, stop in _STOPWORDS.items():
        hits = sum(counts[w] for w in stop & distinct)
        if hits > best_hits:
            best, best_hits = code, hits
    if best_hits < max(2, len(words) // 25):
        return None
    return best
