"""Reader comments: stored as plain text; escaping happens where they are shown."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, func, select

from newsloom.domain.records import Comment
from newsloom.storage.schema import comments


class CommentRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, article_id: int, author_name: str, body: str, now: datetime) -> Comment:
        with self._engine.begin() as conn:
            new_id = conn.execute(
                comments.insert()
                .values(article_id=article_id, author_name=author_name, body=body, created_at=now)
                .returning(comments.c.id)
            ).scalar_one()
        return Comment(id=new_id, article_id=article_id, author_name=author_name, body=body,
                       created_at=now)

    def for_article(self, article_id: int, *, limit: int = 200) -> list[Comment]:
        """Newest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(comments)
                .where(comments.c.article_id == article_id)
                .order_by(comments.c.created_at.desc(), comments.c.id.desc())
                .limit(limit)
            ).mappings()
            return [Comment(**dict(r)) for r in rows]

    def count(self, article_id: int) -> int:
        with self._engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count()).where(comments.c.article_id == article_id)
                ).scalar_one()
            )
