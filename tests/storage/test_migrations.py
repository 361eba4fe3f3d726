"""Schema migrations on a real database: topic hashtag keys written before 0005 (lower case
only) are folded so that a singular and its plural are one hashtag; names keep theirs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import func, insert, select, update

from newsloom.domain.models import Block, BlockKind, Hashtag, HashtagKind
from newsloom.domain.records import NewArticle
from newsloom.storage.db import alembic_config
from newsloom.storage.schema import article_hashtags
from newsloom.storage.store import Store

pytestmark = pytest.mark.integration

T0 = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)


def _article(store: Store, tags: tuple[Hashtag, ...]) -> int:
    source = store.sources.add(
        feed_url="http://127.0.0.1:9/feed.xml", name="Quay Weekly", slug="quay",
        site_url=None, language="en", region=None, interval_seconds=900, now=T0).id
    new = NewArticle(
        source_id=source, guid="g1", url="http://127.0.0.1:9/1",
        canonical_url="http://127.0.0.1:9/1", title="Floods in Kessa", slug="floods",
        author=None, published_at=T0, updated_at=None, fetched_at=T0,
        blocks=(Block(BlockKind.PARAGRAPH, "Text."),), lead_image=None, language="en",
        description=None, extraction_score=1.0, status="ok", status_note=None,
        content_hash=None, fingerprint=None, originator=None, is_opinion=False,
        hashtags=tags,
    )
    article_id = store.articles.insert(new)
    assert article_id is not None
    return article_id


def _rerun(store: Store, start: str, end: str) -> None:
    config = alembic_config(store.engine)
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, start)
        command.upgrade(config, end)


def test_hashtag_keys_fold_plurals_and_drop_a_doubled_tag(store: Store) -> None:
    article_id = _article(store, (
        Hashtag("Floods", HashtagKind.TOPIC, 1.0),
        Hashtag("Congress", HashtagKind.ORG, 0.9),
        Hashtag("Williams", HashtagKind.PERSON, 0.8),
    ))
    with store.engine.begin() as conn:
        # the keys as 0004 wrote them (lower case), and a second tag that folds onto one
        conn.execute(update(article_hashtags).values(tag_key=func.lower(article_hashtags.c.tag)))
        conn.execute(insert(article_hashtags).values(
            article_id=article_id, tag_key="flood", tag="Flood", kind="topic", score=0.5,
            published_at=T0))
    _rerun(store, "0004_duplicates", "head")
    with store.engine.begin() as conn:
        keys = sorted(conn.execute(select(article_hashtags.c.tag_key)).scalars())
    assert keys == ["congress", "flood", "williams"]  # a name keeps its "s"
    assert store.articles.tag_display("Floods") == "Flood"  # the doubled tag was dropped
    assert store.articles.tag_display("William") is None


def test_a_tag_is_found_under_its_own_key_before_its_folded_one(store: Store) -> None:
    _article(store, (
        Hashtag("William", HashtagKind.PERSON, 1.0),
        Hashtag("Williams", HashtagKind.ORG, 0.9),
        Hashtag("Floods", HashtagKind.TOPIC, 0.8),
    ))
    articles = store.articles
    assert articles.stored_tag_key("Williams") == "williams"
    assert articles.stored_tag_key("william") == "william"
    assert articles.stored_tag_key("Flood") == articles.stored_tag_key("FLOODS") == "flood"
    assert articles.stored_tag_key("Kessa") is None
