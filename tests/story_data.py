"""Outlets, articles and stories written through the store at fixed times, for the tests of the
story pages (importable from any test: pytest puts this folder on sys.path)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from newsloom.domain.models import Block, BlockKind, Hashtag, HashtagKind
from newsloom.domain.records import NewArticle
from newsloom.domain.stories import StoryState
from newsloom.storage.store import Store
from newsloom.storage.stories import StoryTransaction

NOW = datetime(2031, 3, 12, 12, 0, tzinfo=UTC)
"""The tests' clock: an invented Wednesday noon."""


def hours_ago(hours: float) -> datetime:
    return NOW - timedelta(hours=hours)


class StoryWriter:
    """Writes invented coverage straight into a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._n = 0

    def outlet(self, name: str) -> int:
        slug = name.lower().replace(" ", "-")
        return self.store.sources.add(
            feed_url=f"https://{slug}.example/feed.xml", name=name, slug=slug,
            site_url=f"https://{slug}.example/", language="en", region=None,
            interval_seconds=900, now=NOW - timedelta(days=60),
        ).id

    def article(self, outlet: int, title: str, published: datetime,
                tags: Sequence[str] = (), *, opinion: bool = False) -> int:
        self._n += 1
        n = self._n
        text = f"{title}. An invented report, number {n}, written for the story-page tests."
        new = NewArticle(
            source_id=outlet, guid=f"guid-{n}", url=f"https://news.example/{n}",
            canonical_url=f"https://news.example/{n}", title=title, slug=f"article-{n}",
            author=None, published_at=published, updated_at=None, fetched_at=published,
            blocks=(Block(BlockKind.PARAGRAPH, text),), lead_image=None, language="en",
            description=None, extraction_score=0.9, status="ok", status_note=None,
            content_hash=f"hash-{n}", fingerprint=None, originator=None, is_opinion=opinion,
            hashtags=tuple(Hashtag(t, HashtagKind.TOPIC, 1.0) for t in tags),
        )
        article_id = self.store.articles.insert(new)
        assert article_id is not None
        return article_id

    def story(self, article_ids: Sequence[int], *, follows: int | None = None) -> int:
        """Put these articles (in this order) into one new story, as the clusterer would."""
        created: list[int] = []
        first: datetime | None = None
        last: datetime | None = None
        for article_id in article_ids:
            published = self.store.articles.get(article_id).published_at
            first = min(first or published, published)
            last = max(last or published, published)
            state = StoryState(id="", centroid={"term": 1.0}, norm=1.0, size=1,
                               first_seen=first, last_seen=last,
                               follows=str(follows) if follows and not created else None)

            def run(tx: StoryTransaction, state: StoryState = state) -> None:
                story_id = created[0] if created else tx.create("stored title", state)
                if not created:
                    created.append(story_id)
                tx.save(story_id, state, ["term"])

            self.store.stories.assign(article_id, run)
        return created[0]
