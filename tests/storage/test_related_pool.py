"""The storage side of related coverage (RelatedRepository.pool) on a real database: story and
follow-up members, hashtag sharing bounded per tag, copies standing for what they republish."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from newsloom.domain.models import Block, BlockKind, Hashtag, HashtagKind, hashtag_key
from newsloom.domain.records import NewArticle
from newsloom.storage.related import PER_TAG
from newsloom.storage.schema import articles, stories
from newsloom.storage.store import Store

pytestmark = pytest.mark.integration

T0 = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)


class Corpus:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.source = store.sources.add(
            feed_url="http://127.0.0.1:9/feed.xml", name="Quay Weekly", slug="quay",
            site_url=None, language="en", region=None, interval_seconds=900, now=T0).id
        self.n = 0

    def add(self, tags: tuple[str, ...], hours: float, story: int | None = None,
            copy_of: int | None = None) -> int:
        self.n += 1
        new = NewArticle(
            source_id=self.source, guid=f"g{self.n}", url=f"http://127.0.0.1:9/{self.n}",
            canonical_url=f"http://127.0.0.1:9/{self.n}", title=f"Article {self.n}",
            slug=f"a{self.n}", author=None, published_at=T0 + timedelta(hours=hours),
            updated_at=None, fetched_at=T0, blocks=(Block(BlockKind.PARAGRAPH, "Text."),),
            lead_image=None, language="en", description=None, extraction_score=1.0,
            status="ok", status_note=None, content_hash=None, fingerprint=None,
            originator=None, is_opinion=False,
            hashtags=tuple(Hashtag(t, HashtagKind.TOPIC, 1.0) for t in tags),
        )
        article_id = self.store.articles.insert(new)
        assert article_id is not None
        with self.store.engine.begin() as conn:
            conn.execute(update(articles).where(articles.c.id == article_id)
                         .values(story_id=story, duplicate_of=copy_of,
                                 duplicate_kind="edited" if copy_of else None))
        return article_id

    def story(self, follows: int | None = None) -> int:
        with self.store.engine.begin() as conn:
            return int(conn.execute(
                stories.insert().values(title="s", first_at=T0, last_at=T0, article_count=1,
                                        outlet_count=3, follow_up_of=follows)
                .returning(stories.c.id)).scalar_one())


def _pool(store: Store, tags: tuple[str, ...], story: int | None = None,
          exclude: frozenset[int] = frozenset()) -> list[int]:
    keys = [hashtag_key(t) for t in tags]  # the corpus stores them as topics
    pool = store.related.pool(story_id=story, tag_keys=keys, exclude=exclude, around=T0,
                              since=T0 - timedelta(days=14), until=T0 + timedelta(days=14),
                              per_story=8, per_linked_story=3, by_tags=16)
    return [r.id for r in pool.rows]


def test_two_rare_shared_tags_are_found_behind_a_crowd_of_a_popular_one(store: Store) -> None:
    c = Corpus(store)
    rare = c.add(("Brennholt", "Varkonyi", "Quarry"), hours=-240)
    # a crowd of articles with the popular tag, all nearer in time than `rare`
    for k in range(PER_TAG + 20):
        c.add(("Quarry", f"Other{k}"), hours=-1 - k * 0.5)
    one_rare_one_popular = c.add(("Brennholt", "Quarry"), hours=-300)
    one_tag = c.add(("Varkonyi",), hours=-2)

    found = _pool(store, ("Brennholt", "Varkonyi", "Quarry"))

    assert rare in found
    # its popular tag was beyond the nearest PER_TAG: one shared tag seen, not enough
    assert one_rare_one_popular not in found
    assert one_tag not in found


def test_copies_stand_for_what_they_republish_and_excluded_ids_never_come_back(
    store: Store
) -> None:
    c = Corpus(store)
    first = c.add(("Ferry", "Inquiry"), hours=-5)
    copy = c.add(("Ferry", "Inquiry"), hours=-4, copy_of=first)
    me = c.add(("Ferry", "Inquiry"), hours=0)
    found = _pool(store, ("Ferry", "Inquiry"), exclude=frozenset({me}))
    assert found == [first]
    assert copy not in found
    assert _pool(store, ("Ferry", "Inquiry"), exclude=frozenset({me, first})) == []


def test_story_and_follow_up_members_with_the_links_between_stories(store: Store) -> None:
    c = Corpus(store)
    earliest = c.story()
    earlier = c.story(follows=earliest)
    mine = c.story(follows=earlier)
    later = c.story(follows=mine)
    unlinked = c.story()
    me = c.add((), hours=0, story=mine)
    same = [c.add((), hours=-h, story=mine) for h in (1, 2)]
    before = c.add((), hours=-100, story=earlier)
    oldest = c.add((), hours=-200, story=earliest)
    after = c.add((), hours=+50, story=later)
    c.add((), hours=-1, story=unlinked)

    pool = store.related.pool(story_id=mine, tag_keys=(), exclude=frozenset({me}), around=T0,
                              since=T0 - timedelta(days=14), until=T0 + timedelta(days=14),
                              per_story=8, per_linked_story=3, by_tags=16)

    assert {r.id for r in pool.rows} == {*same, before, oldest, after}
    assert pool.follows == {earliest: None, earlier: earliest, mine: earlier, later: mine}
    assert pool.story_outlets == 3
