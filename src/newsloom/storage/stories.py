"""Stories as the streaming clusterer keeps them: state (centroid JSON), the term index that
finds candidate stories, and document frequencies. One transaction per assigned article.

The reads for the story pages are here too: one story, its articles and follow-ups, and the
ranked listing of the home and hashtag pages (see `StoryRepository.ranked`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Float,
    Integer,
    and_,
    case,
    cast,
    exists,
    extract,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from newsloom.domain.coverage import (
    OUTLET_WEIGHT_CAP,
    RankedEntry,
    StoryMember,
    StoryRow,
    outlet_weight,
    rank_key,
    rank_margin,
)
from newsloom.domain.stories import StoryState
from newsloom.storage._sql import dialect_insert, insert_ignoring_conflicts
from newsloom.storage.schema import article_hashtags, articles, stories, story_terms, term_stats

DOCS_TERM = " documents"
TAG_WINDOW_FROM = 2000
"""Hashtags on more articles than this are ranked through the recent-stories window."""
"""The term_stats row that counts documents (no real term contains a space)."""
STORY_DECISION_LOCK = 0x6E6C_5354_4F52_5931 & 0x7FFF_FFFF_FFFF_FFFF
"""The PostgreSQL advisory lock key (a bigint) held while one article's story is decided."""


class StoryRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def assign(self, article_id: int, decide: Callable[[StoryTransaction], None]) -> None:
        """Run `decide` with a transaction holding the story tables (one writer at a time).

        On PostgreSQL a transaction-scoped advisory lock makes story decisions take turns, so
        two pollers assigning articles about one event at the same instant cannot both find no
        story and open two; it is released at commit or rollback. SQLite has one writer at a
        time already, and the decision writes before it reads the candidate stories."""
        with self._engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(STORY_DECISION_LOCK)))
            decide(StoryTransaction(conn, article_id))

    def get(self, story_id: int) -> dict[str, Any] | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
            return dict(row) if row else None

    # -- reading, for the story pages --------------------------------------------------------

    def story(self, story_id: int) -> StoryRow | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(*_ROW_COLUMNS).where(stories.c.id == story_id)).first()
        return _row(row) if row else None

    def by_ids(self, ids: Sequence[int]) -> list[StoryRow]:
        if not ids:
            return []
        with self._engine.connect() as conn:
            rows = conn.execute(select(*_ROW_COLUMNS).where(stories.c.id.in_(list(ids)))).all()
        found = {r.id: _row(r) for r in rows}
        return [found[i] for i in ids if i in found]

    def follow_ups(self, story_id: int, limit: int = 20) -> list[StoryRow]:
        """The stories that follow this one up, earliest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(*_ROW_COLUMNS)
                .where(stories.c.follow_up_of == story_id)
                .order_by(stories.c.first_at, stories.c.id)
                .limit(limit)
            ).all()
        return [_row(r) for r in rows]

    def article_ids(self, story_id: int, limit: int) -> list[int]:
        """The story's articles in the order they were published (the first ``limit``)."""
        with self._engine.connect() as conn:
            return list(
                conn.execute(
                    select(articles.c.id)
                    .where(articles.c.story_id == story_id)
                    .order_by(articles.c.published_at, articles.c.id)
                    .limit(limit)
                ).scalars()
            )

    def members(self, story_ids: Sequence[int], *, tag_key: str | None = None
                ) -> list[StoryMember]:
        """For each story, its first report and each outlet's newest article (with ``tag_key``,
        among the articles carrying that hashtag only). A first report is the earliest news
        article: duplicates of another article and opinion pieces come after every other."""
        if not story_ids:
            return []
        first_order = (case((articles.c.duplicate_of.is_(None), 0), else_=1),
                       case((articles.c.is_opinion.is_(True), 1), else_=0),
                       articles.c.published_at, articles.c.id)
        latest_order = (articles.c.published_at.desc(), articles.c.id.desc())
        inner = (
            select(
                articles.c.id, articles.c.story_id, articles.c.source_id, articles.c.published_at,
                func.row_number().over(partition_by=articles.c.story_id, order_by=first_order)
                .label("first_rank"),
                func.row_number().over(partition_by=(articles.c.story_id, articles.c.source_id),
                                       order_by=latest_order)
                .label("outlet_rank"),
            )
            .where(articles.c.story_id.in_(list(story_ids)))
        )
        if tag_key is not None:
            inner = inner.join(article_hashtags, and_(
                article_hashtags.c.article_id == articles.c.id,
                article_hashtags.c.tag_key == tag_key))
        m = inner.subquery()
        query = select(m).where(or_(m.c.first_rank == 1, m.c.outlet_rank == 1))
        with self._engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            StoryMember(article_id=r["id"], story_id=r["story_id"], source_id=r["source_id"],
                        published_at=_aware(r["published_at"]), is_first=r["first_rank"] == 1,
                        is_outlet_latest=r["outlet_rank"] == 1)
            for r in rows
        ]

    def ranked(
        self,
        *,
        limit: int,
        offset: int,
        half_life: timedelta,
        solo_per_outlet: int | None = None,
        tag_key: str | None = None,
    ) -> list[RankedEntry]:
        """Stories (and articles no story holds) best first by `rank_key`: the latest article's
        time moved later by one half-life per doubling of the story's outlets.

        With ``solo_per_outlet``, stories of a single outlet count against that outlet: only
        its newest ``solo_per_outlet`` appear, so a prolific outlet cannot flood the list.
        With ``tag_key``, only stories with an article carrying that hashtag.

        The listing does not read every story: it ranks those updated in a window before the
        newest article and widens the window until the page is provably the same as a ranking
        of everything (a story older than the window can be ahead of its latest article by
        `rank_margin` at most). A hashtag on few articles is ranked from its own index
        instead; a common one (over TAG_WINDOW_FROM articles) through the window too."""
        with self._engine.connect() as conn:
            if tag_key is None:
                dates = select(articles.c.published_at)
            else:
                used = conn.execute(select(func.count()).where(
                    article_hashtags.c.tag_key == tag_key)).scalar_one()
                if used <= TAG_WINDOW_FROM:
                    return self._ranked(conn, limit, offset, half_life, solo_per_outlet,
                                        tag_key, since=None)
                dates = select(article_hashtags.c.published_at).where(
                    article_hashtags.c.tag_key == tag_key)
            column = dates.selected_columns[0]
            newest = conn.execute(dates.with_only_columns(func.max(column))).scalar()
            oldest = conn.execute(dates.with_only_columns(func.min(column))).scalar()
            if newest is None or oldest is None:
                return []
            newest, oldest = _aware(newest), _aware(oldest)
            margin = rank_margin(half_life)
            window = 2 * margin
            while True:
                since: datetime | None = newest - window
                if since is not None and since <= oldest:
                    since = None
                rows = self._ranked(conn, limit, offset, half_life, solo_per_outlet, tag_key,
                                    since)
                if since is None:
                    return rows
                if len(rows) == limit and (
                    rank_key(rows[-1].last_at, rows[-1].outlet_count, half_life)
                    >= since + margin
                ):
                    return rows
                window *= 4

    @staticmethod
    def _ranked(
        conn: Connection,
        limit: int,
        offset: int,
        half_life: timedelta,
        solo_per_outlet: int | None,
        tag_key: str | None,
        since: datetime | None,
    ) -> list[RankedEntry]:
        solo_source = (
            select(func.min(articles.c.source_id))
            .where(articles.c.story_id == stories.c.id)
            .scalar_subquery()
        )
        has_articles = exists().where(articles.c.story_id == stories.c.id)
        story_part = select(
            stories.c.id.label("story_id"),
            cast(null(), Integer).label("article_id"),
            stories.c.last_at.label("at"),
            stories.c.outlet_count.label("outlets"),
            stories.c.article_count.label("articles"),
            case((stories.c.outlet_count <= 1, solo_source), else_=null()).label("solo_source"),
        ).where(has_articles)
        loose_part = select(
            cast(null(), Integer).label("story_id"),
            articles.c.id.label("article_id"),
            articles.c.published_at.label("at"),
            literal(1, Integer).label("outlets"),
            literal(1, Integer).label("articles"),
            articles.c.source_id.label("solo_source"),
        ).where(articles.c.story_id.is_(None))
        if since is not None:
            story_part = story_part.where(stories.c.last_at >= since)
            loose_part = loose_part.where(articles.c.published_at >= since)
        if tag_key is not None and since is None:
            # every story with a tagged article, found from the tag's index
            tagged = select(article_hashtags.c.article_id).where(
                article_hashtags.c.tag_key == tag_key)
            story_part = story_part.where(stories.c.id.in_(
                select(articles.c.story_id).where(articles.c.id.in_(tagged))))
            loose_part = loose_part.where(articles.c.id.in_(tagged))
        elif tag_key is not None:
            # each story of the window asked whether one of its articles has the tag
            member = articles.alias("member")
            story_part = story_part.where(exists().where(
                member.c.story_id == stories.c.id,
                article_hashtags.c.article_id == member.c.id,
                article_hashtags.c.tag_key == tag_key))
            loose_part = loose_part.where(exists().where(
                article_hashtags.c.article_id == articles.c.id,
                article_hashtags.c.tag_key == tag_key))
        c = union_all(story_part, loose_part).subquery()
        key = _seconds(conn, c.c.at) + half_life.total_seconds() * _weight(c.c.outlets)
        solo_rank = func.row_number().over(
            partition_by=c.c.solo_source,
            order_by=(c.c.at.desc(), c.c.story_id.desc(), c.c.article_id.desc()),
        )
        inner = select(c, key.label("key"), solo_rank.label("solo_rank")).subquery()
        query = select(inner.c.story_id, inner.c.article_id, inner.c.at, inner.c.outlets,
                       inner.c.articles)
        if solo_per_outlet is not None:
            query = query.where(or_(inner.c.solo_source.is_(None),
                                    inner.c.solo_rank <= solo_per_outlet))
        query = query.order_by(
            inner.c.key.desc(), inner.c.at.desc(), inner.c.story_id.desc(),
            inner.c.article_id.desc(),
        ).limit(limit).offset(offset)
        return [
            RankedEntry(story_id=r.story_id, article_id=r.article_id, last_at=_aware(r.at),
                        outlet_count=int(r.outlets), article_count=int(r.articles))
            for r in conn.execute(query)
        ]


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


_ROW_COLUMNS = (stories.c.id, stories.c.title, stories.c.first_at, stories.c.last_at,
                stories.c.article_count, stories.c.outlet_count, stories.c.follow_up_of)


def _row(row: Any) -> StoryRow:
    return StoryRow(id=row.id, title=row.title, first_at=row.first_at, last_at=row.last_at,
                    article_count=row.article_count, outlet_count=row.outlet_count,
                    follow_up_of=row.follow_up_of)


def _aware(moment: Any) -> datetime:
    """Union columns lose the column type on SQLite: parse and mark UTC like UTCDateTime."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    assert isinstance(moment, datetime)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _seconds(conn: Connection, moment: Any) -> ColumnElement[float]:
    """Seconds since 1970 of a stored (naive UTC) time, in SQL."""
    if conn.dialect.name == "postgresql":
        return cast(extract("epoch", moment), Float)
    return (func.julianday(moment) - 2440587.5) * 86400.0


def _weight(outlets: Any) -> ColumnElement[float]:
    """`outlet_weight` as a SQL CASE (no math functions needed on SQLite)."""
    whens = {n: outlet_weight(n) for n in range(OUTLET_WEIGHT_CAP)}
    return case(whens, value=outlets, else_=outlet_weight(OUTLET_WEIGHT_CAP))


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
