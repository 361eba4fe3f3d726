"""OPML import and export of subscriptions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.parsers import expat
from xml.sax.saxutils import quoteattr

from newsloom.domain.urls import is_http_url
from newsloom.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    feed_url: str
    title: str | None = None
    site_url: str | None = None


def parse_opml(body: bytes) -> list[OpmlFeed]:
    """Every outline with an http(s) xmlUrl, nested folders included."""
    if b"<!ENTITY" in body[:65536]:
        raise InvalidInput(_ENTITIES)
    # The byte check above misses other encodings (UTF-16...): a first pass refuses them too.
    checker = expat.ParserCreate()
    checker.EntityDeclHandler = _refuse_entities
    checker.UnparsedEntityDeclHandler = _refuse_entities
    try:
        checker.Parse(body, True)
        root = ET.fromstring(body)
    except (ET.ParseError, expat.ExpatError) as exc:
        raise InvalidInput(f"not a readable OPML file ({exc})") from None
    if root.tag.lower() != "opml":
        raise InvalidInput("not an OPML file (its root element is not <opml>)")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or not is_http_url(url) or url in seen:
            continue
        seen.add(url)
        title = " ".join((outline.get("title") or outline.get("text") or "").split())
        site = (outline.get("htmlUrl") or "").strip()
        feeds.append(OpmlFeed(url, title or None, site if is_http_url(site) else None))
    return feeds


_ENTITIES = "the OPML file declares XML entities, which are not accepted"


def _refuse_entities(*_args: object) -> None:
    raise InvalidInput(_ENTITIES)


def render_opml(feeds: list[OpmlFeed], title: str = "newsloom subscriptions") -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_text(title)}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        name = feed.title or feed.feed_url
        attrs = f'type="rss" text={quoteattr(name)} title={quoteattr(name)} '
        attrs += f"xmlUrl={quoteattr(feed.feed_url)}"
        if feed.site_url:
            attrs += f" htmlUrl={quoteattr(feed.site_url)}"
        lines.append(f"    <outline {attrs}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
