"""Copies of articles: the LSH band keys written beside each article, the lookup of candidate
copies, and the links from each copy to the copy shown for the group (one level deep)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, or_, select, update

from newsloom.domain.records import StoredCopy
from newsloom.storage._sql import insert_ignoring_conflicts
from newsloom.storage.schema import article_bands, articles, sources


def insert_bands(conn: Connection, article_id: int, keys: Iterable[str],
                 published_at: datetime) -> None:
    """Store an article's band keys (in the transaction that stores the article)."""
    rows = [{"band_key": k, "article_id": article_id, "published_at": published_at}
            for k in dict.fromkeys(keys)]
    if rows:
        conn.execute(insert_ignoring_conflicts(conn, article_bands), rows)


class DuplicateRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def candidates(self, article_id: int, band_keys: Sequence[str], content_hash: str | None,
                   *, since: datetime, until: datetime) -> list[int]:
        """Other articles sharing a band key and published in [since, until], or with the same
        content hash (at any time): the ones worth comparing."""
        parts: list[Any] = []
        if band_keys:
            parts.append(
                select(article_bands.c.article_id).where(
                    article_bands.c.band_key.in_(list(band_keys)),
                    article_bands.c.article_id != article_id,
                    article_bands.c.published_at >= since,
                    article_bands.c.published_at <= until,
                )
            )
        if content_hash:
            parts.append(select(articles.c.id).where(articles.c.content_hash == content_hash,
                                                     articles.c.id != article_id))
        found: set[int] = set()
        with self._engine.connect() as conn:
            for part in parts:
                found.update(int(i) for i in conn.execute(part).scalars())
        return sorted(found)

    def groups(self, ids: Sequence[int]) -> list[StoredCopy]:
        """Every member of the copy groups these articles belong to (the copy shown and the
        copies linked to it), these articles included."""
        if not ids:
            return []
        with self._engine.connect() as conn:
            roots = {
                int(r[0]) if r[0] is not None else int(r[1])
                for r in conn.execute(select(articles.c.duplicate_of, articles.c.id)
                                      .where(articles.c.id.in_(list(ids))))
            }
            query = (
                select(articles.c.id, articles.c.title, articles.c.text,
                       articles.c.published_at, sources.c.name, articles.c.originator,
                       articles.c.duplicate_of, articles.c.duplicate_kind)
                .join(sources, sources.c.id == articles.c.source_id)
                .where(or_(articles.c.id.in_(roots), articles.c.id.in_(list(ids)),
                           articles.c.duplicate_of.in_(roots)))
                .order_by(articles.c.id)
            )
            return [StoredCopy(*row) for row in conn.execute(query)]

    def link(self, links: Sequence[tuple[int, int | None, str | None]]) -> None:
        """Set (article id, the copy it republishes or None, kind of copy or None) at once."""
        if not links:
            return
        with self._engine.begin() as conn:
            for article_id, duplicate_of, kind in links:
                conn.execute(update(articles).where(articles.c.id == article_id)
                             .values(duplicate_of=duplicate_of, duplicate_kind=kind))

    def copies_of(self, article_id: int) -> list[tuple[int, str | None]]:
        """(id, kind) of the articles linked to this one as its copies, oldest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.id, articles.c.duplicate_kind)
                .where(articles.c.duplicate_of == article_id)
                .order_by(articles.c.published_at, articles.c.id)
            ).all()
        return [(int(i), k) for i, k in rows]


__all__ = ["DuplicateRepository", "insert_bands"]
