"""Turn raw byline strings into clean person names."""

from __future__ import annotations

import re
from collections.abc import Iterable

_PREFIX = re.compile(
    r"^\s*(?:(?:written|words|posted|reported|story|text|photos?|compiled|edited|published)"
    r"\s+by|by|von|par|por|di|door|av|af|autor(?:in)?|author|auteur|authors?)\b\s*[:\-]?\s*",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||/|•|·|\band\b|&|\bund\b|\bet\b(?!\.)|\by\b(?!\.)|\be\b(?!\.)|\ben\b)\s*",
    re.IGNORECASE,
)
_SEVERAL = re.compile(r"[,;|&]|\band\b|\bund\b", re.IGNORECASE)
_CUT = re.compile(
    r"\s*(?:\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d|\d{1,2}[:/.]\d|\d{4}|"
    r"\bminutes?\b|\bmin\b|\bread\b|\bhours?\s+ago|\bdays?\s+ago|\bfollow\b|\bemail\b).*$",
    re.IGNORECASE,
)
_NOT_NAME_WORDS = frozenset(
    [
        "staff",
        "reporter",
        "reporters",
        "writer",
        "writers",
        "editor",
        "editors",
        "correspondent",
        "contributor",
        "contributors",
        "columnist",
        "desk",
        "team",
        "news",
        "newsroom",
        "agency",
        "press",
        "wire",
        "wires",
        "associated",
        "reuters",
        "afp",
        "admin",
        "administrator",
        "published",
        "updated",
        "minute",
        "minutes",
        "read",
        "reading",
        "by",
        "share",
        "comments",
        "comment",
        "photo",
        "photos",
        "photographer",
        "video",
        "the",
        "of",
        "for",
        "and",
        "in",
        "at",
        "view",
        "profile",
        "more",
        "articles",
        "bio",
        "posts",
        "all",
        "follow",
        "twitter",
        "facebook",
        "instagram",
        "linkedin",
        "email",
        "subscribe",
        "guest",
        "senior",
        "chief",
        "political",
        "business",
        "sports",
        "health",
        "science",
        "technology",
        "tech",
        "opinion",
        "contributing",
        "special",
        "correspondents",
        "media",
        "online",
        "digital",
        "web",
        "editorial",
        "board",
        "unknown",
        "anonymous",
        "author",
    ]
)
_HANDLE = re.compile(r"@\w|https?:|www\.|\.com\b|[{}<>=#/\\\[\]]|\w\.\w{2,}")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def clean_name(raw: str) -> str | None:
    """One person's name from a fragment of a byline, or None if it is not a name."""
    s = " ".join(raw.split()).strip(" -–—:|,.·•")
    s = _PREFIX.sub("", s)
    s = _CUT.sub("", s).strip(" -–—:|,.·•()")
    if not s or len(s) < 3 or len(s) > 60 or _HANDLE.search(s):
        return None
    if any(c.isdigit() for c in s):
        return None
    words = s.split()
    if not 1 <= len(words) <= 5:
        return None
    lowered = [w.lower().strip(".") for w in words]
    if all(w in _NOT_NAME_WORDS for w in lowered):
        return None
    if sum(w in _NOT_NAME_WORDS for w in lowered) * 2 >= len(words):
        return None
    if not _LETTER.search(s):
        return None
    if s.isupper() and len(s) > 4:
        s = s.title()
    return s


def clean_whole_names(raws: Iterable[str], limit: int = 6) -> tuple[str, ...]:
    """Names that are already one person each (schema.org Person names): cleaned, not split."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        name = clean_name(raw) if raw and not _SEVERAL.search(raw) else None
        if name is None and raw:
            out_split = clean_names([raw], limit)
            for n in out_split:
                if n.lower() not in seen:
                    seen.add(n.lower())
                    out.append(n)
            continue
        if name and name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
        if len(out) >= limit:
            break
    return tuple(out[:limit])


def clean_names(raws: Iterable[str], limit: int = 6) -> tuple[str, ...]:
    """Split bylines ("By A, B and C") into names, drop non-names and duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        if not raw:
            continue
        raw = _PREFIX.sub("", " ".join(raw.split()))
        for part in _SPLIT.split(raw):
            name = clean_name(part)
            if name and name.lower() not in seen:
                seen.add(name.lower())
                out.append(name)
                if len(out) >= limit:
                    return tuple(out)
    return tuple(out)
