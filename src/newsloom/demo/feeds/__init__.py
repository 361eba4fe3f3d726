"""Feed renderers, one module per format. Each returns the document as a str."""

from __future__ import annotations

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.feeds import atom, jsonfeed, rss

CONTENT_TYPES: dict[str, str] = {
    "rss": "application/rss+xml; charset=utf-8",
    "rss-content": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


def render_feed(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    if outlet.feed_format == "atom":
        return atom.render(outlet, items, catalog)
    if outlet.feed_format == "json":
        return jsonfeed.render(outlet, items, catalog)
    return rss.render(outlet, items, catalog, full_content=outlet.feed_format == "rss-content")
