"""The stored articles that may be related to one article, read in one connection: members of
its story and of the stories linked to it by follow-ups, and recent articles sharing at least
two of its hashtags. A copy is always replaced by the copy it republishes, so one text takes
one place. Typing them (same story, follow-up, background, opinion) is the pipeline's job."""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, or_, select, union_all

from newsloom.domain.records import RelatedPool, RelatedRow
from newsloom.storage.schema import article_hashtags, articles, sources, stories

FOLLOW_UP_STEPS = 3
"""How far the follow-up chain is walked from the article's story, each way."""
_MIN_SHARED_TAGS = 2
PER_TAG = 150
"""Articles read per hashtag on each side of the article's date (see _sharing_tags)."""


class RelatedRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def pool(
        self,
        *,
        story_id: int | None,
        tag_keys: Sequence[str],
        exclude: Collection[int],
        around: datetime,
        since: datetime,
        until: datetime,
        per_story: int,
        per_linked_story: int,
        by_tags: int,
    ) -> RelatedPool:
        """Candidates of one article (the ids in ``exclude`` never among them): up to
        ``per_story`` of its story's, ``per_linked_story`` of each linked story's, and
        ``by_tags`` articles published in [since, until] sharing two or more of the hashtags
        whose keys (``domain.models.hashtag_key``) are ``tag_keys``."""
        with self._engine.connect() as conn:
            follows: dict[int, int | None] = {}
            outlets = 0
            picked: dict[int, None] = {}
            if story_id is not None:
                follows = _follow_up_chain(conn, story_id)
                outlets = int(conn.execute(select(stories.c.outlet_count)
                                           .where(stories.c.id == story_id)).scalar() or 0)
                for sid in follows:
                    limit = per_story if sid == story_id else per_linked_story
                    picked.update(dict.fromkeys(_story_members(conn, sid, exclude, limit)))
            keys = list(dict.fromkeys(tag_keys))
            if keys:
                picked.update(dict.fromkeys(
                    _sharing_tags(conn, keys, exclude, around, since, until, by_tags)))
            rows = _rows(conn, [i for i in picked if i not in exclude])
        return RelatedPool(rows=rows, follows=follows, story_outlets=outlets)


def _canonical() -> Any:
    return func.coalesce(articles.c.duplicate_of, articles.c.id)


def _follow_up_chain(conn: Connection, story_id: int) -> dict[int, int | None]:
    """The story and those linked to it by follow-ups, each way, with what each follows."""
    follows: dict[int, int | None] = {}
    visited: set[int] = set()
    frontier = {story_id}
    for _ in range(FOLLOW_UP_STEPS + 1):
        frontier -= visited
        if not frontier:
            break
        visited |= frontier
        reached: set[int] = set()
        for sid, earlier in conn.execute(
            select(stories.c.id, stories.c.follow_up_of).where(
                or_(stories.c.id.in_(frontier), stories.c.follow_up_of.in_(frontier))
            )
        ):
            follows[int(sid)] = int(earlier) if earlier is not None else None
            reached.add(int(sid))
            if earlier is not None:
                reached.add(int(earlier))
        frontier = reached
    return follows


def _story_members(conn: Connection, story_id: int, exclude: Collection[int],
                   limit: int) -> list[int]:
    """The story's articles, newest first, each copy counted as the copy it republishes."""
    canonical = _canonical().label("canonical")
    rows = conn.execute(
        select(canonical)
        .where(articles.c.story_id == story_id)
        .group_by(canonical)
        .order_by(func.max(articles.c.published_at).desc(), canonical)
        .limit(limit + len(exclude))
    ).scalars()
    return [int(i) for i in rows if int(i) not in exclude][:limit]


def _sharing_tags(conn: Connection, tag_keys: Sequence[str], exclude: Collection[int],
                  around: datetime, since: datetime, until: datetime, limit: int) -> list[int]:
    """Articles in [since, until] with at least two of these hashtags, most shared first.

    Each tag contributes at most PER_TAG articles on each side of ``around`` (the nearest in
    time, read backwards and forwards on the (tag, published) index), so a tag carried by
    thousands of articles costs no more than a rare one: the work is bounded by the number of
    tags, not by the size of the database."""
    if len(tag_keys) < _MIN_SHARED_TAGS:
        return []
    params: dict[str, Any] = {f"k{n}": key for n, key in enumerate(tag_keys)}
    params.update(since=since, around=around, until=until, limit=limit + len(exclude))
    query = _sharing_statement(len(tag_keys))
    ids = [int(r[0]) for r in conn.execute(query, params)]
    if not ids:
        return []
    # a copy stands for the copy it republishes
    roots: dict[int, int] = {
        int(i): int(c) for i, c in conn.execute(select(articles.c.id, _canonical())
                                                .where(articles.c.id.in_(ids)))
    }
    found = dict.fromkeys(roots.get(i, i) for i in ids)
    return [i for i in found if i not in exclude][:limit]


@functools.cache
def _sharing_statement(tags: int) -> Any:
    """The statement of _sharing_tags for this many tags (built once: it has many parts)."""
    h = article_hashtags.c
    parts = []
    for n in range(tags):
        key: Any = bindparam(f"k{n}")
        before = (select(h.article_id, h.published_at)
                  .where(h.tag_key == key, h.published_at >= bindparam("since"),
                         h.published_at <= bindparam("around"))
                  .order_by(h.published_at.desc()).limit(PER_TAG))
        after = (select(h.article_id, h.published_at)
                 .where(h.tag_key == key, h.published_at > bindparam("around"),
                        h.published_at <= bindparam("until"))
                 .order_by(h.published_at).limit(PER_TAG))
        parts += [select(before.subquery()), select(after.subquery())]
    near = union_all(*parts).subquery()
    shared = func.count().label("shared")
    return (
        select(near.c.article_id, shared)
        .group_by(near.c.article_id)
        .having(shared >= _MIN_SHARED_TAGS)
        .order_by(shared.desc(), func.max(near.c.published_at).desc())
        .limit(bindparam("limit"))
    )


def _rows(conn: Connection, ids: list[int]) -> list[RelatedRow]:
    if not ids:
        return []
    tags: dict[int, list[str]] = {}
    for article_id, tag in conn.execute(
        select(article_hashtags.c.article_id, article_hashtags.c.tag)
        .where(article_hashtags.c.article_id.in_(ids))
        .order_by(article_hashtags.c.article_id, article_hashtags.c.score.desc(),
                  article_hashtags.c.tag_key)
    ):
        tags.setdefault(int(article_id), []).append(tag)
    found = {
        int(r.id): RelatedRow(
            id=int(r.id), story_id=r.story_id, source_name=r.name,
            published_at=r.published_at, is_opinion=bool(r.is_opinion),
            hashtags=tuple(tags.get(int(r.id), ())),
        )
        for r in conn.execute(
            select(articles.c.id, articles.c.story_id, sources.c.name,
                   articles.c.published_at, articles.c.is_opinion)
            .join(sources, sources.c.id == articles.c.source_id)
            .where(articles.c.id.in_(ids))
        )
    }
    return [found[i] for i in ids if i in found]


__all__ = ["FOLLOW_UP_STEPS", "RelatedRepository"]
