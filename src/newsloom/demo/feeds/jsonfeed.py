"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

from __future__ import annotations

import json

from newsloom.demo.catalog import Catalog, Item
from newsloom.demo.content import OutletSpec
from newsloom.demo.templates.common import iso


def feed_item(item: Item) -> dict[str, object]:
    a = item.article
    data: dict[str, object] = {
        "id": item.guid,
        "url": a.url,
        "title": a.title,
        "summary": item.spec.summary,
        "content_text": item.spec.summary,
        "date_published": iso(a.published),
        "authors": [{"name": a.author}],
        "tags": ["opinion"] if a.opinion else [item.spec.section.lower(), *item.spec.tags],
        "language": a.language,
    }
    if a.lead_image:
        data["image"] = a.lead_image
    return data


def render(outlet: OutletSpec, items: list[Item], catalog: Catalog) -> str:
    meta = catalog.outlet(outlet.slug)
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": outlet.name,
        "home_page_url": meta.home_url,
        "feed_url": meta.feed_url,
        "description": outlet.tagline,
        "language": outlet.language,
        "authors": [{"name": outlet.name}],
        "items": [feed_item(i) for i in items],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
