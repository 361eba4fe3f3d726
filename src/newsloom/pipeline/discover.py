"""Finding a site's feeds from its home page: `<link rel="alternate">` and common paths."""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from newsloom.domain.urls import is_http_url

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "text/xml",
    "application/xml",
)


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """A cheap check before parsing: XML with a feed root, or a JSON Feed."""
    ctype = (content_type or "").lower()
    if any(t in ctype for t in ("rss", "atom", "feed+json")):
        return True
    head = body[:2048].lstrip().lower()
    if head.startswith(b"{"):
        return b"jsonfeed.org" in body[:4096]
    return any(marker in head for marker in (b"<rss", b"<feed", b"<rdf:rdf")) or (
        head.startswith(b"<?xml") and not head.startswith(b"<?xml-stylesheet")
        and b"<html" not in head
    )


def feed_links(html: bytes | str, page_url: str) -> list[str]:
    """Feed URLs a page announces, best first (RSS/Atom/JSON Feed alternates in document order)."""
    tree = LexborHTMLParser(html if isinstance(html, str) else html.decode("utf-8", "replace"))
    found: list[str] = []
    base_node = tree.css_first("base[href]")
    base_href = (base_node.attributes.get("href") or "").strip() if base_node else ""
    base = urljoin(page_url, base_href) if base_href else page_url
    for node in tree.css("link[rel][href]"):
        rels = (node.attributes.get("rel") or "").lower().split()
        kind = (node.attributes.get("type") or "").lower().split(";")[0].strip()
        href = node.attributes.get("href")
        if "alternate" in rels and kind in FEED_TYPES and href:
            url = urljoin(base, href.strip())
            if url not in found and is_http_url(url):
                found.append(url)
    return found
