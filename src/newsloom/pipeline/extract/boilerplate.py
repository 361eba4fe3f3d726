"""Learned per-site boilerplate: blocks that repeat across many pages of one outlet.

A page's fingerprints are short hashes of its candidate blocks' normalised text (case and
whitespace folded, nothing else), so only text that repeats exactly is learned; a sentence that
merely looks like boilerplate on one page is never removed. A fingerprint becomes boilerplate
when it occurs on at least ``min_pages`` pages and on at least ``min_share`` of the pages seen.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b

from newsloom.domain.models import Extracted
from newsloom.errors import ExtractionError

PROFILE_VERSION = 1
MAX_FINGERPRINTS_PER_PAGE = 400
MIN_FINGERPRINT_CHARS = 12


_HASH = blake2b(digest_size=8)
"""An empty hasher: copying it is cheaper than making one (the same digests)."""


def _digest(text: str) -> str:
    h = _HASH.copy()
    h.update(text.encode())
    return h.hexdigest()


def fingerprint(text: str) -> str:
    """The fingerprint of one block's text (16 hex digits)."""
    return _digest(" ".join(text.lower().split()))


def page_fingerprints(texts: Iterable[str], *, squashed: bool = False) -> tuple[str, ...]:
    """Distinct fingerprints of a page's block texts, in page order, capped.

    ``squashed``: every text is already whitespace-collapsed (``" ".join(text.split())``),
    so only its case needs folding."""
    out: list[str] = []
    seen: set[str] = set()
    for text in texts:
        if len(text) < MIN_FINGERPRINT_CHARS:
            continue
        # Lower-casing never makes or removes whitespace, so a squashed text's digest of its
        # lower case is fingerprint(text).
        fp = _digest(text.lower()) if squashed else fingerprint(text)
        if fp not in seen:
            seen.add(fp)
            out.append(fp)
            if len(out) >= MAX_FINGERPRINTS_PER_PAGE:
                break
    return tuple(out)


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """What one site repeats on every page. Build it with :meth:`learn`; store it as JSON."""

    boilerplate: frozenset[str] = field(default_factory=frozenset)
    pages: int = 0

    @classmethod
    def learn(
        cls,
        pages: Sequence[Extracted | Sequence[str]],
        *,
        min_pages: int = 2,
        min_share: float = 0.3,
    ) -> SiteProfile:
        """Learn from several pages of one site: each an ``Extracted`` (its ``fingerprints``)
        or the stored fingerprint list of a page."""
        counts: Counter[str] = Counter()
        n = 0
        for page in pages:
            fps = page.fingerprints if isinstance(page, Extracted) else page
            if not fps:
                continue
            n += 1
            counts.update(set(fps))
        if n < 2:
            return cls(frozenset(), n)
        need = max(min_pages, math.ceil(min_share * n))
        return cls(frozenset(fp for fp, c in counts.items() if c >= need), n)

    def is_boilerplate(self, text: str) -> bool:
        return bool(self.boilerplate) and fingerprint(text) in self.boilerplate

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": PROFILE_VERSION,
                "pages": self.pages,
                "boilerplate": sorted(self.boilerplate),
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, data: str | bytes) -> SiteProfile:
        try:
            raw = json.loads(data)
            if not isinstance(raw, dict) or raw.get("version") != PROFILE_VERSION:
                raise ValueError("unknown profile format")
            items = raw.get("boilerplate", [])
            pages = int(raw.get("pages", 0))
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                raise ValueError("boilerplate must be a list of strings")
        except (ValueError, TypeError) as exc:
            raise ExtractionError(f"The stored site profile cannot be read: {exc}.") from exc
        return cls(frozenset(items), pages)
