"""Renders every static response of the demo site once, at start-up, keyed by path."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from newsloom.demo import bad, images, sitepages
from newsloom.demo.catalog import Catalog
from newsloom.demo.feeds import CONTENT_TYPES, render_feed
from newsloom.demo.templates import page_charset, render_article, render_home

HTML_UTF8 = "text/html; charset=utf-8"
RSS_UTF8 = "application/rss+xml; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Resource:
    body: bytes
    content_type: str
    last_modified: datetime
    status: int = 200
    conditional: bool = True
    """Whether ETag / Last-Modified are sent and conditional requests may answer 304."""

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


def build_resources(catalog: Catalog) -> dict[str, Resource]:
    res: dict[str, Resource] = {}
    started = catalog.started
    for outlet in catalog.outlet_specs:
        items = catalog.items_of(outlet.slug)
        newest = items[0].article.published if items else started
        charset = page_charset(outlet.slug)
        html_type = f"text/html; charset={charset}"
        res[f"/{outlet.slug}/"] = Resource(
            _encode(render_home(outlet, items, catalog), charset), html_type, newest
        )
        res[outlet.feed_path] = Resource(
            render_feed(outlet, items, catalog).encode("utf-8"),
            CONTENT_TYPES[outlet.feed_format],
            newest,
        )
        for item in items:
            page = render_article(item, catalog)
            res[item.path] = Resource(_encode(page, charset), html_type, item.article.published)
            if item.image_path and item.spec.image:
                if item.image_path.endswith(".png"):
                    body, kind = images.png_image(item.spec.image), "image/png"
                else:
                    body, kind = images.svg_image(item.spec.image), "image/svg+xml"
                res[item.image_path] = Resource(body, kind, item.article.published)
    res["/"] = Resource(sitepages.index_page(catalog).encode("utf-8"), HTML_UTF8, started)
    res["/opml.xml"] = Resource(
        sitepages.opml(catalog).encode("utf-8"), "text/x-opml; charset=utf-8", started
    )
    res["/robots.txt"] = Resource(
        b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8", started
    )
    res.update(_bad_resources(catalog))
    return res


def _bad_resources(catalog: Catalog) -> dict[str, Resource]:
    started = catalog.started
    return {
        bad.MALFORMED_PATH: Resource(bad.malformed_feed(catalog).encode(), RSS_UTF8, started),
        bad.NOT_A_FEED_PATH: Resource(bad.not_a_feed().encode(), HTML_UTF8, started),
        bad.MISSING_ARTICLE_PATH: Resource(
            bad.missing_page().encode(), HTML_UTF8, started, status=404, conditional=False
        ),
        bad.FEED_WITH_MISSING_PATH: Resource(
            bad.feed_with_missing_article(catalog).encode(), RSS_UTF8, started
        ),
        bad.EMPTY_ARTICLE_PATH: Resource(bad.empty_article().encode(), HTML_UTF8, started),
        bad.SLOW_PATH: Resource(
            bad.slow_feed(catalog).encode(), RSS_UTF8, started, conditional=False
        ),
    }


def _encode(text: str, charset: str) -> bytes:
    return text.encode(charset, errors="xmlcharrefreplace")
