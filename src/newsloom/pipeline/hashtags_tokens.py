"""Tokens for hashtag extraction: words, acronyms, sentence ends and breaks, with the flags
the name finder needs (sentence-initial, in the title, split from a hyphenated compound).
Datelines in capitals ("EL PASO, Texas (AP) —") are title-cased first."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "NAMEISH",
    "NAME_PARTICLES",
    "Tok",
    "fix_dateline",
    "is_title_cased",
    "strip_possessive",
    "tokenize",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a string, as a set."""
    return frozenset(text.split())


_TOKEN = re.compile(
    r"(?P<acr>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W_][\w&]*(?:[-'’][\w&]+)*)"
    r"|(?P<end>[.!?]+)"
    r"|(?P<brk>[;:()\[\]\"“”«»|]|[—–]|--|\s-\s|\n)"
    r"|(?P<comma>,)"
)
_ABBREVIATIONS = words(
    """
    mr mrs ms dr st gen sen rep gov lt col capt sgt jr sr inc corp co ltd no vs mt ft calif fla
    mass prof rev adm maj cmdr pres jan feb aug sept oct nov dec
    """
)
_COMPOUND_TAILS = words(
    """
    based born led backed owned made bound style era type like wide run area level class size
    friendly linked themed
    """
)
_ELISION = re.compile(r"^(?:[dlmnst]|qu|dell|all|sull|nell|dall)['’](?=[^\W\d_])", re.IGNORECASE)
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|t|m)$", re.IGNORECASE)
_OPENERS = frozenset({'"', "“", "«", "\n", ":", "—", "–", "--", "(", "[", "|"})
_DATELINE = re.compile(r"^\s*((?:[A-Z][A-Z'’.-]*\s+){0,3}[A-Z][A-Z'’.-]+)(?=\s*[,(—–-])")
NAMEISH = ("word", "acr")
NAME_PARTICLES = words("de del della la le von van der den du da al el bin ibn y")
"""Lower-case particles inside names: "Joran van der Sloot", "Mohammed bin Salman"."""


@dataclass(slots=True)
class Tok:
    text: str
    kind: str  # word | acr | end | brk | comma
    initial: bool = False
    in_title: bool = False
    index: int = 0
    split_from_hyphen: bool = False

    @property
    def is_cap(self) -> bool:
        return self.kind in ("word", "acr") and self.text[:1].isupper()


def strip_possessive(word: str) -> str:
    if "'" not in word and "’" not in word:
        return word
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def fix_dateline(text: str) -> str:
    """ "EL PASO, Texas (AP) —" -> "El Paso, Texas (AP) —" at the start of each paragraph."""

    def fix(paragraph: str) -> str:
        m = _DATELINE.match(paragraph)
        if not m or len(re.sub(r"\W", "", m.group(1))) < 3:
            return paragraph
        span = m.group(1)
        titled = " ".join(w.capitalize() for w in span.split())
        return paragraph[: m.start(1)] + titled + paragraph[m.end(1) :]

    return "\n".join(fix(p) for p in text.split("\n"))


def tokenize(text: str, in_title: bool, offset: int) -> list[Tok]:
    toks: list[Tok] = []
    initial = True
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "brk"
        value = m.group(0)
        if kind in ("word", "acr"):
            elided = _ELISION.match(value) if kind == "word" else None
            if elided:
                # d'Esterel-sur-Mer, l'Ukraine, dell'Europa: the article is not part of the name
                value = value[elided.end():]
                initial = False
            if kind == "word" and len(value) == 1 and initial:
                # À, A, O starting a sentence never open a name
                value = value.lower()
            if kind == "word" and "-" in value:
                head, _, rest = value.partition("-")
                if head in NAME_PARTICLES and rest[:1].isupper():
                    # Bashar al-Assad, Abdel Fattah el-Sisi: the particle joins the name
                    toks.append(Tok(head, "word", False, in_title, offset + len(toks)))
                    toks.append(
                        Tok(strip_possessive(rest), "word", False, in_title, offset + len(toks))
                    )
                    initial = False
                    continue
                if head.islower() and rest[:1].isupper():
                    # ex-CIA, pro-Russian: the name part, never joined to a neighbour
                    toks.append(
                        Tok(
                            strip_possessive(rest),
                            "word",
                            False,
                            in_title,
                            offset + len(toks),
                            True,
                        )
                    )
                    initial = False
                    continue
                tail = value.rpartition("-")[2]
                if (
                    head[:1].isupper()
                    and rest.islower()
                    and (
                        tail in _COMPOUND_TAILS or (len(tail) >= 5 and tail.endswith(("ed", "ing")))
                    )
                ):
                    # Oscar-winning, Atlanta-based: the name is the head
                    toks.append(Tok(head, "word", initial, in_title, offset + len(toks), True))
                    initial = False
                    continue
            if kind == "word" and _CONTRACTION.search(value):
                # I've, Don't, We'll: never part of a name
                toks.append(Tok(value.lower(), "word", initial, in_title, offset + len(toks)))
                initial = False
                continue
            toks.append(
                Tok(
                    strip_possessive(value) if kind == "word" else value,
                    kind,
                    initial,
                    in_title,
                    offset + len(toks),
                )
            )
            initial = False
        elif kind == "end":
            prev = toks[-1] if toks else None
            abbreviation = (
                prev is not None
                and prev.kind == "word"
                and (
                    prev.text.casefold() in _ABBREVIATIONS or (len(prev.text) == 1 and prev.is_cap)
                )
            )
            if value == "." and abbreviation:
                continue
            toks.append(Tok(value, "end", False, in_title, offset + len(toks)))
            initial = True
        elif kind == "brk":
            toks.append(Tok(value, "brk", False, in_title, offset + len(toks)))
            if value in _OPENERS or value.strip() == "-":
                initial = True
        else:
            toks.append(Tok(value, "comma", False, in_title, offset + len(toks)))
    return toks


def is_title_cased(tokens: list[Tok], common: frozenset[str]) -> bool:
    words = [t for t in tokens if t.kind == "word" and t.text.isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[:1].isupper())
    lowered_function = sum(1 for t in words if t.text.islower() and t.text in common)
    return (caps >= 0.75 * len(words) and lowered_function == 0) or caps == len(words)
