"""Every stored article as plain rows, for `newsloom export` (JSON lines or CSV)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsloom.storage.store import Store

EXPORT_FIELDS = ("url", "canonical_url", "title", "author", "published", "outlet", "text",
                 "hashtags")


def export_rows(store: Store) -> Iterator[dict[str, Any]]:
    for article in store.articles.iter_all():
        yield {
            "url": article.url,
            "canonical_url": article.canonical_url,
            "title": article.title,
            "author": article.author,
            "published": article.published_at.isoformat(),
            "outlet": article.source_name,
            "text": article.text,
            "hashtags": [f"#{t.tag}" for t in article.hashtags],
        }
