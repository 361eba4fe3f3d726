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
    "strip_elision",
    "strip_possessive",
    "tokenize",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a string, as a set."""
    return frozenset(text.split())


_WEB_ADDRESS = (
    r"(?:https?://|www\.)\S*[^\s.,;:!?)\"'”’]"  # http://example.com/page, www.example.com
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@\w+"  # @handles
    r"|\b[a-z\d][a-z\d-]*(?:\.[a-z\d-]+)*\.(?:com|net|org|edu|gov|io|co|uk|de|fr)\b"
    r"(?:/\S*[^\s.,;:!?)\"'”’])?"
)
"""Web addresses, e-mail addresses and social-media handles: never words of the text (a
lower-case domain or handle is no name: "startribune.com", "@danieldaekim")."""

_WEB = re.compile(_WEB_ADDRESS)
_WEB_HINT = re.compile(r"@|www\.|://|\.(?:com|net|org|edu|gov|io|co|uk|de|fr)\b")

_TOKEN = re.compile(
    r"(?P<acr>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W_][\w&]*(?:[-'’][\w&]+)*(?:(?<=s)['’](?!\w))?|&)"
    r"|(?P<end>[.!?…]+)"
    r"|(?P<brk>[;:()\[\]\"“”„«»|'‘’/]|[—–]|--|\s-\s|\n)"
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
_QUOTES = frozenset({"'", "‘", "’"})
_OPENERS = frozenset({'"', "“", "«", "\n", ":", "—", "–", "--", "(", "[", "|", "/"})
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-Ž"
"""Capital letters of Latin scripts (ASCII, Latin-1 and most of Latin Extended-A, where the
capitals and small letters alternate: the class includes a few small ones, harmless here)."""
_DATELINE = re.compile(
    rf"^\s*((?:[{_CAPITAL}][{_CAPITAL}'’.-]*\s+){{0,3}}[{_CAPITAL}][{_CAPITAL}'’.-]+)(?=\s*[,(—–-])"
)
NAMEISH = ("word", "acr")
NAME_PARTICLES = words("de del della la le los las von van der den du da dos al el bin ibn y")
"""Lower-case particles inside names: "Joran van der Sloot", "Mohammed bin Salman", "Congreso de
los Diputados"."""


@dataclass(slots=True)
class Tok:
    text: str
    kind: str  # word | acr | end | brk | comma
    initial: bool = False
    in_title: bool = False
    index: int = 0
    split_from_hyphen: bool = False
    possessive: bool = False
    """Written with "'s" or "'" (stripped from ``text``): "Taiwan's", "Qwest's"."""
    abbreviated: bool = False
    """Followed by a full stop, which may abbreviate it: "Mass.", "Pa."."""
    elided: bool = False
    """Written after an elided article (stripped from ``text``): "l'Élysée", "d'Ivoire"."""

    @property
    def is_cap(self) -> bool:
        return self.kind in ("word", "acr") and self.text[:1].isupper()


def strip_elision(word: str) -> str:
    """A word without its elided article, as the tokenizer reads it: "d'Ivoire" -> "Ivoire"."""
    elided = _ELISION.match(word)
    return word[elided.end() :] if elided else word


def strip_possessive(word: str) -> str:
    if "'" not in word and "’" not in word:
        return word
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    if word.isupper() and word.endswith(("'S", "’S")) and len(word) > 3:
        return word[:-2]  # "ST GEORGE'S", "TODAY'S" in a line of capitals
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


# A Latin word followed straight by Korean, Japanese or Chinese script: "SNS에" (a particle
# written onto the acronym) is the word "SNS", then the particle.
_LATIN_THEN_CJK = re.compile(
    r"(?<=[A-Za-z])(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af])"
)


def tokenize(text: str, in_title: bool, offset: int) -> list[Tok]:
    toks: list[Tok] = []
    initial = True
    if _WEB_HINT.search(text):
        text = _WEB.sub(" ; ", text)
    text = _LATIN_THEN_CJK.sub(" ", text)
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
            quoted = value[-1] in "'’" and bool(toks) and toks[-1].text in _QUOTES
            stripped = strip_possessive(value) if kind == "word" else value
            possessive = stripped is not value and not quoted
            index = offset + len(toks)
            toks.append(
                Tok(stripped, kind, initial, in_title, index, False, possessive,
                    elided=elided is not None)
            )
            if quoted:
                # 'Bones' Star: a closing quote, not a plural possessive
                toks.append(Tok(value[-1], "brk", False, in_title, offset + len(toks)))
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
            if value == "." and prev is not None and prev.kind == "word":
                prev.abbreviated = True
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


_MINOR_WORDS = words(
    """
    a an the and but or nor for so yet of in on at to by as up via vs v with from into onto
    over off per than out
    """
)
"""The words a Title Cased Headline writes in lower case: articles, conjunctions and short
prepositions ("Air Pollution Affects Troops in Iraq")."""


def is_title_cased(tokens: list[Tok]) -> bool:
    """Whether a headline capitalises its ordinary words ("Harbour Board Approves Repairs in
    Valderra"): at least three words, three in five capitalised, and the only lower-case
    words minor ones ("No Agreement on Plan to Avert Shutdown"). A sentence-cased headline
    writes a content word in lower case ("Kim Jong Un meets Vladimir Putin")."""
    words = [t.text for t in tokens if t.kind == "word" and t.text.isalpha() and len(t.text) > 1]
    if len(words) < 3:
        return False
    lower = [w for w in words if w.islower()]  # "iPhone" counts as capitalised
    if any(w not in _MINOR_WORDS for w in lower):
        return False
    return len(lower) <= 0.4 * len(words)


_MAX_NAME_WORDS = 6


def defined_acronyms(toks: list[Tok]) -> dict[str, set[str]]:
    """Acronyms given in brackets right after a name ("the Social Democrats (SPD)",
    "Alternative for Germany (AfD)"), each with the texts of the words before its bracket
    (one to six of them: which of them make the name is for the caller to tell)."""
    found: dict[str, set[str]] = {}
    for i in range(1, len(toks) - 2):
        if toks[i].text != "(" or toks[i + 2].text != ")":
            continue
        acronym = toks[i + 1].text
        if not (2 <= len(acronym) <= 6 and acronym[0].isupper()) or sum(
            ch.isupper() for ch in acronym
        ) < 2:
            continue
        words: list[str] = []
        for tok in reversed(toks[max(0, i - _MAX_NAME_WORDS) : i]):
            if tok.kind not in ("word", "acr"):
                break
            words.insert(0, tok.text)
            found.setdefault(acronym, set()).add(" ".join(words))
    return found
