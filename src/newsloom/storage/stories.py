"""Stories as the streaming clusterer keeps them: state (centroid JSON), the term index that
finds candidate stories, and document frequencies. One transaction per assigned article."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update

from newsloom.domain.stories import StoryState
from newsloom.storage._sql import dialect_insert, insert_ignoring_conflicts
from newsloom.storage.schema import articles, stories, story_terms, term_stats

DOCS_TERM = " documents"
"""The term_stats row that counts documents (no real term contains a space)."""


class StoryRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def assign(self, article_id: int, decide: Callable[[StoryTransaction], None]) -> None:
        """Run `decide` with a transaction holding the story tables (one writer at a time)."""
        with self._engine.begin() as conn:
            decide(StoryTransaction(conn, article_id))

    def get(self, story_id: int) -> dict[str, Any] | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
            return dict(row) if row else None


class StoryTransaction:
    """The reads and writes of one article's story assignment."""

    def __init__(self, conn: Connection, article_id: int) -> None:
        self._conn = conn
        self.article_id = article_id

    def frequencies(self, terms: Iterable[str]) -> tuple[dict[str, int], int]:
        """Document frequencies of these terms, and the number of documents."""
        wanted = [*set(terms), DOCS_TERM]
        rows = self._conn.execute(
            select(term_stats.c.term, term_stats.c.df).where(term_stats.c.term.in_(wanted))
        ).all()
        df = {term: int(n) for term, n in rows}
        docs = df.pop(DOCS_TERM, 0)
        return df, docs

    def count_document(self, terms: Iterable[str]) -> None:
        """One more document with these terms: df + 1 for each, in one batched upsert."""
        statement = dialect_insert(self._conn, term_stats).on_conflict_do_update(
            index_elements=["term"], set_={"df": term_stats.c.df + 1}
        )
        self._conn.execute(statement, [{"term": t, "df": 1} for t in {*terms, DOCS_TERM}])

    def candidates(self, terms: Iterable[str], since: datetime, limit: int = 200
                   ) -> list[StoryState]:
        ids = (
            select(story_terms.c.story_id)
            .where(story_terms.c.term.in_(list(terms)))
            .distinct()
            .subquery()
        )
        rows = self._conn.execute(
            select(stories)
            .join(ids, ids.c.story_id == stories.c.id)
            .where(stories.c.last_at >= since)
            .order_by(stories.c.last_at.desc())
            .limit(limit)
        ).mappings()
        return [_state(row) for row in rows]

    def create(self, title: str, state: StoryState) -> int:
        when = state.first_seen
        assert when is not None
        return int(
            self._conn.execute(
                stories.insert()
                .values(title=title, first_at=when, last_at=state.last_seen or when,
                        article_count=0, outlet_count=0, state=_state_json(state),
                        follow_up_of=int(state.follows) if state.follows else None)
                .returning(stories.c.id)
            ).scalar_one()
        )

    def save(self, story_id: int, state: StoryState, terms: Iterable[str]) -> None:
        """Store the story's new state, index it under these terms, and put the article in it."""
        conn = self._conn
        conn.execute(update(articles).where(articles.c.id == self.article_id)
                     .values(story_id=story_id))
        counts = conn.execute(
            select(func.count(articles.c.id), func.count(func.distinct(articles.c.source_id)))
            .where(articles.c.story_id == story_id)
        ).one()
        values: dict[str, Any] = {"state": _state_json(state), "article_count": counts[0],
                                  "outlet_count": counts[1]}
        if state.first_seen:
            values["first_at"] = state.first_seen
        if state.last_seen:
            values["last_at"] = state.last_seen
        conn.execute(update(stories).where(stories.c.id == story_id).values(**values))
        rows = [{"term": t, "story_id": story_id} for t in set(terms)]
        if rows:
            conn.execute(insert_ignoring_conflicts(conn, story_terms), rows)


def _state_json(state: StoryState) -> str:
    return json.dumps({"centroid": dict(state.centroid), "norm": state.norm,
                       "size": state.size}, separators=(",", ":"))


def _state(row: Any) -> StoryState:
    data = json.loads(row["state"] or "{}")
    return StoryState(
        id=str(row["id"]),
        centroid=data.get("centroid", {}),
        norm=float(data.get("norm", 0.0)),
        size=int(data.get("size", 0)),
        first_seen=row["first_at"],
        last_seen=row["last_at"],
        follows=str(row["follow_up_of"]) if row["follow_up_of"] else None,
    )
