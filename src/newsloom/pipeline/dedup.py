"""Exact and near-duplicate articles: the same wire copy under several outlets, one article under
two URLs, small edits.

Per article, the ingest service calls :func:`fingerprint` once and stores:

* ``content_hash`` (hex, 32 chars) in an indexed column: exact copies share it;
* ``simhash`` (signed 64-bit int, fits ``BIGINT``): a compact summary, handy for display/debug;
* ``minhash`` (tuple of 32 unsigned 32-bit ints; store as JSON or ``BIGINT[]``);
* ``band_keys`` (8 short strings) in a side table ``(band_key TEXT, article_id)`` with an index on
  ``band_key``.

To find candidate duplicates of a new article::

    SELECT article_id FROM article_band WHERE band_key IN (:k1, ..., :k8)
    UNION SELECT id FROM article WHERE content_hash = :h

then call :func:`compare` on each candidate's stored fingerprint (rebuild it with
:class:`Fingerprint` from the columns). Among copies judged exact / near-duplicate,
:func:`choose_canonical` picks the copy to show; :func:`detect_originator` names the agency a
text came from, and :func:`attribution` renders "AFP via Straits Times".

Everything here is pure: no I/O.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import numpy as np

__all__ = [
    "BANDS",
    "FINGERPRINT_VERSION",
    "NUM_PERM",
    "Copy",
    "DuplicateKind",
    "Fingerprint",
    "Verdict",
    "attribution",
    "band_keys",
    "choose_canonical",
    "compare",
    "content_hash",
    "detect_originator",
    "fingerprint",
    "minhash",
    "normalize_text",
    "shingles",
    "simhash",
]

FINGERPRINT_VERSION = 2
"""Bumped whenever fingerprints of the same text change (stored ones must then be rebuilt)."""
NUM_PERM = 32
"""Number of minhash values per signature."""
BANDS = 8
"""LSH bands: 8 bands of 4 rows; pairs with Jaccard 0.5 collide with probability ~0.42, 0.7 ~0.9."""
_ROWS = NUM_PERM // BANDS
_MASK32 = (1 << 32) - 1

_rng = np.random.default_rng(0x5EED_0F_1005)
_PERM_A = _rng.integers(1, 1 << 63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_PERM_B = _rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalize_text(text: str) -> str:
    """Fold a text for comparison: NFKC, lower case, typographic quotes/dashes made plain,
    punctuation dropped, runs of whitespace collapsed to one space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_WORD.findall(text))


def content_hash(text: str) -> str:
    """Hash of the normalised text (32 hex chars): equal for copies that differ only in
    case, punctuation, quotes or spacing."""
    return hashlib.blake2b(normalize_text(text).encode("utf-8"), digest_size=16).hexdigest()


def _h64(data: str) -> int:
    """A stable 64-bit hash of a shingle (two CRC-32s: fast, and the same in every process)."""
    raw = data.encode("utf-8")
    return zlib.crc32(raw) | (zlib.crc32(raw, 0x9E3779B9) << 32)


def shingles(text: str, size: int = 3) -> list[str]:
    """Word ``size``-grams of the normalised text (one shingle for very short texts)."""
    return _shingles_of(normalize_text(text).split(), size)


def _shingles_of(words: list[str], size: int = 3) -> list[str]:
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def _shingle_hashes(text: str) -> np.ndarray:
    return _hashes_of(set(shingles(text)))


def _hashes_of(shs: set[str]) -> np.ndarray:
    return np.fromiter((_h64(s) for s in shs), dtype=np.uint64, count=len(shs))


def _simhash_of(hashes: np.ndarray) -> int:
    if not len(hashes):
        return 0
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(hashes)
    value = int.from_bytes(np.packbits(votes > 0, bitorder="little").tobytes(), "little")
    return value - (1 << 64) if value >= 1 << 63 else value


def _minhash_of(hashes: np.ndarray) -> tuple[int, ...]:
    if not len(hashes):
        return tuple([_MASK32] * NUM_PERM)
    # multiply-shift hashing: (a*x + b) mod 2**64, keep the high 32 bits
    with np.errstate(over="ignore"):
        values = np.outer(hashes, _PERM_A) + _PERM_B
    mins = (values >> np.uint64(32)).min(axis=0)
    return tuple(int(v) for v in mins)


def simhash(text: str) -> int:
    """64-bit simhash over word 3-shingles, as a signed int (fits SQL ``BIGINT``)."""
    return _simhash_of(_shingle_hashes(text))


def minhash(text: str) -> tuple[int, ...]:
    """A :data:`NUM_PERM`-value minhash signature (32-bit values) of the word 3-shingles."""
    return _minhash_of(_shingle_hashes(text))


def band_keys(signature: Sequence[int]) -> list[str]:
    """LSH band keys ("b<band>:<hex>") of a minhash signature, for an indexed lookup."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * _ROWS : (band + 1) * _ROWS]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=6).hexdigest()
        keys.append(f"b{band}:{digest}")
    return keys


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What to store per article to find its duplicates later."""

    content_hash: str
    simhash: int
    minhash: tuple[int, ...]
    band_keys: tuple[str, ...]
    length: int
    """Number of words of the normalised text."""


def fingerprint(title: str | None, text: str) -> Fingerprint:
    """Fingerprint of an article. The body is what is compared; the title is used only when
    the body is empty (a feed item with a headline and nothing else)."""
    body = text if text.strip() else (title or "")
    normal = normalize_text(body)
    words = normal.split()
    hashes = _hashes_of(set(_shingles_of(words)))
    sig = _minhash_of(hashes)
    return Fingerprint(
        content_hash=hashlib.blake2b(normal.encode("utf-8"), digest_size=16).hexdigest(),
        simhash=_simhash_of(hashes),
        minhash=sig,
        band_keys=tuple(band_keys(sig)),
        length=len(words),
    )


class DuplicateKind(StrEnum):
    EXACT = "exact"
    NEAR_DUPLICATE = "near_duplicate"
    EDITED = "edited"
    """The same piece republished with edits (cut, a paragraph added, a new headline)."""
    DIFFERENT = "different"


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: DuplicateKind
    similarity: float
    """Estimated Jaccard similarity of the word 3-shingles (1.0 for exact copies)."""

    @property
    def is_duplicate(self) -> bool:
        return self.kind is not DuplicateKind.DIFFERENT


NEAR_DUPLICATE_AT = 0.8
EDITED_AT = 0.45
_CONTAINED_AT = 0.85


def _hamming(a: int, b: int) -> int:
    return bin((a ^ b) & ((1 << 64) - 1)).count("1")


def compare(a: Fingerprint, b: Fingerprint) -> Verdict:
    """Compare two fingerprints: exact copy, near duplicate (Jaccard ≥ 0.8 or simhash within 3
    bits), edited republication (Jaccard ≥ 0.45, or a cut copy whose shingles the longer text
    mostly contains), or different."""
    if a.content_hash == b.content_hash:
        return Verdict(DuplicateKind.EXACT, 1.0)
    same = sum(1 for x, y in zip(a.minhash, b.minhash, strict=True) if x == y)
    jaccard = same / len(a.minhash) if a.minhash else 0.0
    if jaccard >= NEAR_DUPLICATE_AT or (
        _hamming(a.simhash, b.simhash) <= 3 and min(a.length, b.length) >= 20
    ):
        return Verdict(DuplicateKind.NEAR_DUPLICATE, round(max(jaccard, NEAR_DUPLICATE_AT), 3))
    if jaccard >= EDITED_AT:
        return Verdict(DuplicateKind.EDITED, round(jaccard, 3))
    # A shortened copy: J = |A∩B|/|A∪B|; if the short text is inside the long one,
    # |A∩B| ≈ short and J ≈ short/long, so containment ≈ J * long / short.
    short, long_ = sorted((max(a.length, 1), max(b.length, 1)))
    if jaccard > 0 and short >= 30:
        contained = min(1.0, jaccard * (long_ + short) / (short * (1 + jaccard)))
        if contained >= _CONTAINED_AT:
            return Verdict(DuplicateKind.EDITED, round(jaccard, 3))
    return Verdict(DuplicateKind.DIFFERENT, round(jaccard, 3))


# --- originators -----------------------------------------------------------------------------

_AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "REUTERS"),
    "AP": ("AP", "Associated Press"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "Xinhua": ("Xinhua",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "PTI": ("PTI", "Press Trust of India"),
    "UPI": ("UPI", "United Press International"),
    "AAP": ("AAP", "Australian Associated Press"),
    "The Canadian Press": ("Canadian Press", "CP"),
    "PA": ("PA Media", "Press Association", "PA"),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Bernama": ("Bernama",),
    "ANI": ("ANI",),
    "IANS": ("IANS",),
}
_NAME_TO_AGENCY = {alias: canon for canon, aliases in _AGENCIES.items() for alias in aliases}
_ALT = "|".join(sorted((re.escape(a) for a in _NAME_TO_AGENCY), key=len, reverse=True))
_DASH = r"[-–—]"
# "(AFP) —", "PARIS (Reuters) -", "WASHINGTON, May 2 (AP) -"
_DATELINE = re.compile(rf"\((?P<a>{_ALT})\)\s*(?:{_DASH}|:)?")
# "PARIS — AP" / "— AFP" near the start or at the very end of the text
_DASHED = re.compile(rf"{_DASH}\s*(?P<a>{_ALT})\b(?!-)")
_VIA = re.compile(rf"\b(?:via|from|by|copyright|©)\s*(?:the\s+)?(?P<a>{_ALT})\b", re.IGNORECASE)
_REUTERS_CREDIT = re.compile(r"\((?:Reporting|Additional reporting|Writing) by [^)]*\)")
# "TARSOVA CITY (Wirepoint) —": an opening dateline crediting a source the list above lacks
_OPENING_CREDIT = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{1,30})?\s*"
    rf"\((?P<a>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){{0,3}})\)\s*(?:{_DASH}|:)"
)
_PLAIN_NAME = re.compile(rf"^(?:By\s+)?(?:the\s+)?(?P<a>{_ALT})(?:\s+(?:staff|reporters?))?$")


def _agency(name: str) -> str | None:
    if name in _NAME_TO_AGENCY:
        return _NAME_TO_AGENCY[name]
    for alias, canon in _NAME_TO_AGENCY.items():
        if alias.casefold() == name.casefold() and len(alias) > 3:
            return canon
    return None


def detect_originator(text: str, byline: str | None = None) -> str | None:
    """The news agency an article's text comes from, if the text or byline says so: a dateline
    "(AFP) —", "- Reuters", a byline "Associated Press", a closing "— AP", "via AFP",
    Reuters' "(Reporting by ...)". Returns the agency's short name ("AFP", "Reuters", "AP", ...)
    or None. A mention inside the story ("Reuters reported") is not enough. An agency not in
    the list is named only by an opening dateline in capitals: "OSLO (Nordwire) —"."""
    if byline:
        for part in re.split(r",|\band\b|/|;", byline):
            m = _PLAIN_NAME.match(part.strip())
            if m:
                return _agency(m.group("a"))
    head = text[:400]
    tail = text[-200:]
    m = _DATELINE.search(head)
    if m:
        return _agency(m.group("a"))
    for m in _DASHED.finditer(head):
        # "PARIS — AFP" (a dateline) — but not "— AP reporters found ..." inside a sentence
        after = head[m.end() : m.end() + 3]
        if not after.strip() or not after.strip()[0].islower():
            return _agency(m.group("a"))
    m = _DASHED.search(tail)
    if m and not tail[m.end() :].strip(" .\n"):
        return _agency(m.group("a"))
    m = _VIA.search(head + "\n" + tail)
    if m:
        return _agency(m.group("a"))
    if _REUTERS_CREDIT.search(tail):
        return "Reuters"
    m = _OPENING_CREDIT.match(text)
    if m:
        return m.group("a")
    return None


def attribution(originator: str | None, outlet: str | None) -> str | None:
    """What to show as the source: "AFP via Straits Times", or just the outlet (or agency)."""
    if originator and outlet and originator.casefold() not in outlet.casefold():
        return f"{originator} via {outlet}"
    return outlet or originator


# --- canonical copy --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Copy:
    """One copy of a duplicated article, as the service knows it."""

    id: str
    published: datetime | None = None
    source: str | None = None
    originator: str | None = None


def _is_original_outlet(copy: Copy) -> bool:
    if not copy.source:
        return False
    if copy.originator:
        return copy.originator.casefold() in copy.source.casefold()
    return _agency(copy.source.strip()) is not None


def choose_canonical(copies: Sequence[Copy]) -> Copy:
    """The copy to show for a set of duplicates: the earliest published (copies without a date
    last), then one from the originating outlet (an agency's own site), then the smallest id.
    Raises ValueError on an empty sequence."""
    if not copies:
        raise ValueError("choose_canonical needs at least one copy")

    def key(c: Copy) -> tuple[int, float, int, str]:
        ts = c.published.timestamp() if c.published is not None else 0.0
        return (c.published is None, ts, not _is_original_outlet(c), c.id)

    return min(copies, key=key)
