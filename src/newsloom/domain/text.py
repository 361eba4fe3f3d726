"""Small text rules shared by listings, pages, the CLI and feeds out: snippets and times in
words."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_SPACE = re.compile(r"\s+")


def snippet(text: str, max_chars: int = 220) -> str:
    """The opening of a clean text, cut at a word boundary, with an ellipsis when cut."""
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= max_chars:
        return flat
    cut = flat[: max_chars + 1]
    space = cut.rfind(" ")
    if space > max_chars * 0.6:
        cut = cut[:space]
    return cut[:max_chars].rstrip(" ,;:-–—") + "…"


def as_utc(moment: datetime) -> datetime:
    """Naive datetimes from storage are UTC; aware ones are converted to UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def relative_time(moment: datetime, now: datetime) -> str:
    """How long ago, in the words a person would use: ``just now``, ``5 minutes ago``,
    ``3 hours ago``, ``yesterday``, ``2 days ago``; older than a week, the date itself."""
    m, n = as_utc(moment), as_utc(now)
    delta = n - m
    if delta < timedelta(0):
        # a clock slightly ahead of ours still reads as "just now"; real future dates show as such
        if -delta < timedelta(minutes=5):
            return "just now"
        return f"{m.day} {m:%b %Y}"
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return plural(seconds // 60, "minute") + " ago"
    if seconds < 86400:
        return plural(seconds // 3600, "hour") + " ago"
    days = (n.date() - m.date()).days
    if days <= 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    if m.year == n.year:
        return f"{m.day} {m:%b}"
    return f"{m.day} {m:%b %Y}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 feed``, ``3 feeds`` (or an irregular plural given as ``words``)."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"
