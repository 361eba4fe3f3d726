"""Cached AI results, one per article and kind (summary, ...), as JSON."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select

from newsloom.storage._sql import upsert
from newsloom.storage.schema import ai_results


class AiResultRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, article_id: int, kind: str, provider: str) -> str | None:
        with self._engine.connect() as conn:
            return conn.execute(
                select(ai_results.c.payload).where(
                    ai_results.c.article_id == article_id,
                    ai_results.c.kind == kind,
                    ai_results.c.provider == provider,
                )
            ).scalar()

    def put(self, article_id: int, kind: str, provider: str, payload: str, now: datetime) -> None:
        with self._engine.begin() as conn:
            upsert(
                conn,
                ai_results,
                ["article_id", "kind"],
                {"article_id": article_id, "kind": kind, "provider": provider,
                 "payload": payload, "created_at": now},
            )
