"""Each outlet's recent pages' block fingerprints (what its boilerplate is learned from)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine, select

from newsloom.storage.schema import site_pages

KEEP_PER_SOURCE = 50


class SitePageRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, source_id: int, pages: Sequence[Sequence[str]], now: datetime) -> None:
        """Remember these pages and forget all but the newest KEEP_PER_SOURCE of the outlet."""
        rows = [{"source_id": source_id, "fingerprints": json.dumps(list(p)), "seen_at": now}
                for p in pages if p]
        if not rows:
            return
        with self._engine.begin() as conn:
            conn.execute(site_pages.insert(), rows)
            keep = (
                select(site_pages.c.id)
                .where(site_pages.c.source_id == source_id)
                .order_by(site_pages.c.id.desc())
                .limit(KEEP_PER_SOURCE)
                .scalar_subquery()
            )
            conn.execute(
                site_pages.delete().where(site_pages.c.source_id == source_id,
                                          site_pages.c.id.not_in(keep))
            )

    def recent(self, source_id: int) -> list[tuple[str, ...]]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(site_pages.c.fingerprints)
                .where(site_pages.c.source_id == source_id)
                .order_by(site_pages.c.id.desc())
                .limit(KEEP_PER_SOURCE)
            ).scalars()
            return [tuple(json.loads(r)) for r in rows]
