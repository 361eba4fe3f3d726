"""RSS 2.0, optionally with full article HTML in content:encoded."""
# ruff: noqa: E501  (HTML and XML template lines are kept whole for readability)

from __future__ import annotations

from email.utils import format_datetime
from html import escape

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates.common import body_html


def x(text: str) -> str:
    """Escape for XML text and attribute values."""
    return escape(text, quote=True)


def rss_item(item: Item, *, full_content: bool) -> str:
    a = item.article
    permalink = "true" if item.guid == a.canonical_url else "false"
    parts = [
        f"<title>{x(a.title)}</title>",
        f"<link>{x(a.url)}</link>",
        f'<guid isPermaLink="{permalink}">{x(item.guid)}</guid>',
        f"<pubDate>{format_datetime(a.published)}</pubDate>",
        f"<dc:creator>{x(a.author)}</dc:creator>",
        f"<category>{x('Opinion' if a.opinion else item.spec.section)}</category>",
        f"<description>{x(item.spec.summary)}</description>",
    ]
    if full_content:
        html = body_html(item.spec.body)
        if a.lead_image:
            html = f'<figure><img src="{a.lead_image}" alt=""></figure>\n{html}'
        parts.append(f"<content:encoded><![CDATA[{html}]]></content:encoded>")
    if a.lead_image:
        kind = "image/png" if a.lead_image.endswith(".png") else "image/svg+xml"
        parts.append(f'<enclosure url="{x(a.lead_image)}" length="0" type="{kind}"/>')
    return "<item>\n  " + "\n  ".join(parts) + "\n</item>"


def render(outlet: OutletSpec, items: list[Item], catalog: Catalog, *, full_content: bool) -> str:
    meta = catalog.outlet(outlet.slug)
    newest = items[0].article.published if items else catalog.started
    body = "\n".join(rss_item(i, full_content=full_content) for i in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{x(outlet.name)}</title>
<link>{x(meta.home_url)}</link>
<atom:link href="{x(meta.feed_url)}" rel="self" type="application/rss+xml"/>
<description>{x(outlet.tagline)}</description>
<language>{x(outlet.language)}</language>
<lastBuildDate>{format_datetime(newest)}</lastBuildDate>
<generator>newsloom demo</generator>
<ttl>15</ttl>
{body}
</channel>
</rss>
"""
