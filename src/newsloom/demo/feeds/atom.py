"""Atom 1.0 (RFC 4287). Entry ids are tag: URIs, unlike the entry links."""

from __future__ import annotations

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.feeds.rss import x
from newsloom.demo.templates.common import iso


def entry(item: Item) -> str:
    a = item.article
    image = ""
    if a.lead_image:
        image = f'\n  <link rel="enclosure" type="image/svg+xml" href="{x(a.lead_image)}"/>'
    return f"""<entry>
  <id>{x(item.guid)}</id>
  <title type="text">{x(a.title)}</title>
  <link rel="alternate" type="text/html" href="{x(a.url)}"/>{image}
  <published>{iso(a.published)}</published>
  <updated>{iso(a.published)}</updated>
  <author><name>{x(a.author)}</name></author>
  <category term="{x("opinion" if a.opinion else item.spec.section.lower())}"/>
  <summary type="text">{x(item.spec.summary)}</summary>
</entry>"""


def render(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    meta = catalog.outlet(outlet.slug)
    newest = items[0].article.published if items else catalog.started
    entries = "\n".join(entry(i) for i in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{x(outlet.language)}">
<id>tag:meridian-daily.example,2026:feed/{x(outlet.slug)}</id>
<title>{x(outlet.name)}</title>
<subtitle>{x(outlet.tagline)}</subtitle>
<link rel="self" type="application/atom+xml" href="{x(meta.feed_url)}"/>
<link rel="alternate" type="text/html" href="{x(meta.home_url)}"/>
<updated>{iso(newest)}</updated>
<generator>newsloom demo</generator>
{entries}
</feed>
"""
