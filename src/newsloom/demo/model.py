"""Plain records describing the demo site: outlets, articles, and the request counter."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class DemoOutlet:
    """One invented outlet on the demo site.

    ``feed_format`` is one of ``"rss"``, ``"atom"``, ``"json"`` (JSON Feed 1.1),
    ``"rss-content"`` (RSS 2.0 with ``content:encoded``). ``feed_url`` is always the real feed;
    when ``discovered`` is true the outlet's feed is meant to be found from ``home_url`` through
    ``<link rel="alternate">`` and :attr:`DemoSite.feed_urls` lists the home page instead.
    """

    slug: str
    name: str
    home_url: str
    feed_url: str
    feed_format: str
    language: str
    discovered: bool = False


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One article page and what an extractor should find in it.

    ``url`` is the link as the outlet's feed gives it (it may carry tracking parameters);
    ``canonical_url`` is the page's ``<link rel="canonical">``. ``paragraphs`` are the plain body
    paragraphs in order (subheadings, list items, quotes and captions are not included).
    ``junk`` holds distinctive phrases printed on the page outside the article body (newsletter
    box, carousel, a reader comment, related titles, ...) that must never reach an extracted body.
    """

    outlet_slug: str
    url: str
    canonical_url: str
    title: str
    author: str
    published: datetime
    paragraphs: tuple[str, ...]
    junk: tuple[str, ...]
    story: str | None
    wire: bool
    opinion: bool
    lead_image: str | None
    language: str
    summary: str = ""
    slug: str = ""


@dataclass(slots=True)
class RequestCounter:
    """Thread-safe count of responses by (path, status). Paths exclude the query string."""

    _counts: Counter[tuple[str, int]] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, status: int) -> None:
        with self._lock:
            self._counts[(path, status)] += 1

    def count(self, path: str, status: int | None = None) -> int:
        """Responses served for ``path`` (with or without the base URL) with ``status``;
        every status when ``status`` is None."""
        path = _path_only(path)
        with self._lock:
            if status is not None:
                return self._counts[(path, status)]
            return sum(n for (p, _), n in self._counts.items() if p == path)

    def total(self) -> int:
        with self._lock:
            return sum(self._counts.values())


def _path_only(url_or_path: str) -> str:
    if "://" in url_or_path:
        rest = url_or_path.split("://", 1)[1]
        url_or_path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    return url_or_path.split("?", 1)[0].split("#", 1)[0]
