"""Sources (feeds) and their health; claiming a feed for a poll with a lease."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from newsloom.domain.records import Source
from newsloom.errors import Conflict, NotFound
from newsloom.storage.schema import articles, sources


class SourceRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(
        self,
        *,
        feed_url: str,
        name: str,
        slug: str,
        site_url: str | None,
        language: str | None,
        region: str | None,
        interval_seconds: int,
        now: datetime,
    ) -> Source:
        """Insert a source; an existing feed URL raises Conflict. The slug is made unique."""
        with self._engine.begin() as conn:
            existing = conn.execute(
                select(sources.c.id).where(sources.c.feed_url == feed_url)
            ).first()
            if existing:
                raise Conflict(f"{feed_url} is already a source", detail={"id": existing.id})
            taken = set(
                conn.execute(select(sources.c.slug).where(sources.c.slug.like(f"{slug}%")))
                .scalars()
                .all()
            )
            unique_slug, n = slug, 2
            while unique_slug in taken:
                unique_slug, n = f"{slug}-{n}", n + 1
            try:
                new_id = conn.execute(
                    sources.insert()
                    .values(
                        feed_url=feed_url,
                        site_url=site_url,
                        name=name,
                        slug=unique_slug,
                        language=language,
                        region=region,
                        interval_seconds=interval_seconds,
                        next_check_at=now,
                        error_count=0,
                        low_quality_count=0,
                        created_at=now,
                    )
                    .returning(sources.c.id)
                ).scalar_one()
            except IntegrityError:
                raise Conflict(f"{feed_url} is already a source") from None
        return self.get(new_id)

    def get(self, source_id: int) -> Source:
        found = self._select(sources.c.id == source_id)
        if not found:
            raise NotFound(f"there is no source {source_id}")
        return found[0]

    def by_slug(self, slug: str) -> Source:
        found = self._select(sources.c.slug == slug)
        if not found:
            raise NotFound(f"there is no outlet called {slug!r}")
        return found[0]

    def by_feed_url(self, feed_url: str) -> Source | None:
        found = self._select(sources.c.feed_url == feed_url)
        return found[0] if found else None

    def all(self) -> list[Source]:
        return self._select(None)

    def remove(self, source_id: int) -> None:
        with self._engine.begin() as conn:
            gone = conn.execute(sources.delete().where(sources.c.id == source_id)).rowcount
        if not gone:
            raise NotFound(f"there is no source {source_id}")

    def due(self, now: datetime, limit: int = 100) -> list[Source]:
        rows = self._select(
            and_(
                sources.c.next_check_at <= now,
                or_(sources.c.lease_until.is_(None), sources.c.lease_until < now),
            ),
            order=sources.c.next_check_at,
            limit=limit,
        )
        return rows

    def claim(self, source_id: int, owner: str, now: datetime, lease_seconds: int) -> bool:
        """Take the feed for one poll. A conditional UPDATE: of several pollers at once, exactly
        one gets it, and a crashed poller's lease runs out."""
        with self._engine.begin() as conn:
            claimed = conn.execute(
                update(sources)
                .where(
                    sources.c.id == source_id,
                    or_(sources.c.lease_until.is_(None), sources.c.lease_until < now),
                )
                .values(lease_until=now + timedelta(seconds=lease_seconds), lease_owner=owner)
            ).rowcount
        return bool(claimed)

    def release(self, source_id: int, owner: str, **health: Any) -> None:
        """End a poll: record its outcome (health fields) and give the lease back."""
        with self._engine.begin() as conn:
            conn.execute(
                update(sources)
                .where(sources.c.id == source_id, sources.c.lease_owner == owner)
                .values(lease_until=None, lease_owner=None, **health)
            )

    def update(self, source_id: int, **values: Any) -> None:
        with self._engine.begin() as conn:
            conn.execute(update(sources).where(sources.c.id == source_id).values(**values))

    def _select(self, where: Any, order: Any = None, limit: int | None = None) -> list[Source]:
        count = (
            select(func.count(articles.c.id))
            .where(articles.c.source_id == sources.c.id)
            .scalar_subquery()
        )
        query = select(sources, count.label("article_count"))
        if where is not None:
            query = query.where(where)
        query = query.order_by(order if order is not None else sources.c.name)
        if limit:
            query = query.limit(limit)
        with self._engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [_source(row) for row in rows]


def _source(row: Any) -> Source:
    return Source(
        id=row["id"],
        feed_url=row["feed_url"],
        site_url=row["site_url"],
        name=row["name"],
        slug=row["slug"],
        language=row["language"],
        region=row["region"],
        interval_seconds=row["interval_seconds"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        next_check_at=row["next_check_at"],
        last_fetched_at=row["last_fetched_at"],
        last_success_at=row["last_success_at"],
        last_error=row["last_error"],
        error_count=row["error_count"],
        low_quality_count=row["low_quality_count"],
        boilerplate_profile=row["boilerplate_profile"],
        created_at=row["created_at"],
        article_count=row["article_count"] or 0,
    )
