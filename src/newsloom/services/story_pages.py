"""What readers see of stories: the home page and hashtag pages as ranked story blocks, and a
story's own page (full coverage: every outlet's articles, a timeline, coverage over time)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsloom.config import Settings
from newsloom.domain.coverage import (
    RankedEntry,
    StoryRow,
    Timeline,
    story_score,
    timeline,
)
from newsloom.domain.records import ArticleCard
from newsloom.errors import InvalidInput, NotFound
from newsloom.services.articles import HOME_PER_OUTLET
from newsloom.services.clock import Clock

if TYPE_CHECKING:
    from newsloom.storage.store import Store

BLOCK_OTHERS = 3
"""Other outlets' articles shown under a story's lead on the home and hashtag pages."""
STORY_PAGE_ARTICLES = 500
"""A story page lists at most this many articles (the earliest)."""


@dataclass(frozen=True, slots=True)
class StoryBlock:
    """One place on the home or a hashtag page: a story's first report (its headline) and the
    newest article of a few other outlets; or an article that no story holds."""

    story_id: int | None
    lead: ArticleCard
    others: tuple[ArticleCard, ...]
    outlet_count: int
    article_count: int
    last_at: datetime
    score: float
    """`story_score` now: outlets halved per half-life since the latest article."""

    @property
    def headline(self) -> str:
        return self.lead.title


@dataclass(frozen=True, slots=True)
class StoryListing:
    blocks: list[StoryBlock]
    page: int
    has_next: bool


@dataclass(frozen=True, slots=True)
class StoryRef:
    """Another story named on a story page (the one it follows up, or its follow-ups)."""

    id: int
    headline: str
    first_at: datetime
    last_at: datetime
    outlet_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class OutletCoverage:
    name: str
    slug: str
    articles: tuple[ArticleCard, ...]
    """In the order they were published."""


@dataclass(frozen=True, slots=True)
class StoryPage:
    id: int
    headline: str
    first: ArticleCard
    latest: ArticleCard
    article_count: int
    outlet_count: int
    outlets: tuple[OutletCoverage, ...]
    """In the order the outlets first reported the story."""
    articles: tuple[ArticleCard, ...]
    """Every article (up to STORY_PAGE_ARTICLES) in the order published: the timeline."""
    chart: Timeline
    follows: StoryRef | None
    followed_by: tuple[StoryRef, ...]
    truncated: bool
    """More articles than STORY_PAGE_ARTICLES: the page shows the earliest."""


class StoryPages:
    def __init__(self, store: Store, settings: Settings, clock: Clock) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock

    @property
    def half_life(self) -> timedelta:
        return timedelta(hours=self._settings.story_half_life_hours)

    def home(self, page: int = 1) -> StoryListing:
        """Stories ranked by how many outlets cover them and how recent they are
        (`newsloom.domain.coverage.story_score`: outlets, halved every half-life since the latest
        article). Stories of one outlet count against it: only its newest HOME_PER_OUTLET appear
        here, the rest are on the outlet's page."""
        return self._listing(page, solo_per_outlet=HOME_PER_OUTLET, tag_key=None)

    def hashtag(self, tag: str, page: int = 1) -> tuple[str, StoryListing]:
        """The stories with an article carrying the hashtag, ranked like the home page; each
        block shows the story's tagged articles."""
        found = self._store.articles.stored_tag(tag)
        if found is None:
            raise NotFound(f"no article has the hashtag #{tag}")
        display, key = found
        return display, self._listing(page, solo_per_outlet=None, tag_key=key)

    def story(self, story_id: int) -> StoryPage:
        row = self._store.stories.story(story_id)
        ids = self._store.stories.article_ids(story_id, STORY_PAGE_ARTICLES + 1) if row else []
        if row is None or not ids:
            raise NotFound(f"there is no story {story_id}")
        truncated = len(ids) > STORY_PAGE_ARTICLES
        cards = tuple(self._store.articles.by_ids(ids[:STORY_PAGE_ARTICLES]))
        members = self._store.stories.members([story_id])
        first_id = next((m.article_id for m in members if m.is_first), cards[0].id)
        latest_id = max(members, key=lambda m: (m.published_at, m.article_id)).article_id
        by_id = {c.id: c for c in cards}
        if latest_id not in by_id:  # beyond the articles listed on a very long story
            by_id.update((c.id, c) for c in self._store.articles.by_ids([latest_id]))
        first = by_id.get(first_id) or cards[0]
        latest = by_id.get(latest_id) or cards[-1]
        by_outlet: dict[str, list[ArticleCard]] = {}
        for card in cards:
            by_outlet.setdefault(card.source_slug, []).append(card)
        outlets = tuple(OutletCoverage(group[0].source_name, slug, tuple(group))
                        for slug, group in by_outlet.items())
        refs = self._refs([*([row.follow_up_of] if row.follow_up_of else []),
                           *(s.id for s in self._store.stories.follow_ups(story_id))])
        return StoryPage(
            id=story_id,
            headline=first.title,
            first=first,
            latest=latest,
            article_count=row.article_count if truncated else len(cards),
            outlet_count=len({m.source_id for m in members}),
            outlets=outlets,
            articles=cards,
            chart=timeline([(c.source_slug, c.source_name, c.published_at) for c in cards]),
            follows=refs.get(row.follow_up_of) if row.follow_up_of else None,
            followed_by=tuple(r for i, r in refs.items() if i != row.follow_up_of),
            truncated=truncated,
        )

    # -- helpers -----------------------------------------------------------------------------

    def _listing(self, page: int, *, solo_per_outlet: int | None, tag_key: str | None
                 ) -> StoryListing:
        if page < 1:
            raise InvalidInput("page numbers start at 1")
        size = self._settings.page_size
        entries = self._store.stories.ranked(
            limit=size + 1, offset=(page - 1) * size, half_life=self.half_life,
            solo_per_outlet=solo_per_outlet, tag_key=tag_key,
        )
        has_next = len(entries) > size
        return StoryListing(self._blocks(entries[:size], tag_key), page, has_next)

    def _blocks(self, entries: Sequence[RankedEntry], tag_key: str | None) -> list[StoryBlock]:
        """Each entry's lead (the first report, or the article no story holds) and the newest
        article of up to BLOCK_OTHERS other outlets, newest first."""
        story_ids = [e.story_id for e in entries if e.story_id is not None]
        members = self._store.stories.members(story_ids, tag_key=tag_key)
        lead_of = {m.story_id: m for m in members if m.is_first}
        others_of: dict[int, list[int]] = {}
        for m in sorted(members, key=lambda m: (m.published_at, m.article_id), reverse=True):
            lead = lead_of.get(m.story_id)
            if m.is_outlet_latest and lead is not None and m.source_id != lead.source_id:
                others_of.setdefault(m.story_id, []).append(m.article_id)
        picked: list[tuple[RankedEntry, int, list[int]]] = []
        for e in entries:
            if e.story_id is None and e.article_id is not None:
                picked.append((e, e.article_id, []))
            elif e.story_id is not None and e.story_id in lead_of:
                picked.append((e, lead_of[e.story_id].article_id,
                               others_of.get(e.story_id, [])[:BLOCK_OTHERS]))
            # else: the story's articles went with a removed source
        cards = {c.id: c for c in self._store.articles.by_ids(
            [i for _, lead, others in picked for i in (lead, *others)])}
        now = self._clock()
        return [
            StoryBlock(
                story_id=e.story_id, lead=cards[lead],
                others=tuple(cards[i] for i in others if i in cards),
                outlet_count=e.outlet_count, article_count=e.article_count, last_at=e.last_at,
                score=story_score(e.outlet_count, e.last_at, now, self.half_life),
            )
            for e, lead, others in picked
            if lead in cards
        ]

    def _refs(self, story_ids: list[int]) -> dict[int, StoryRef]:
        rows: list[StoryRow] = self._store.stories.by_ids(story_ids)
        firsts = [m for m in self._store.stories.members([r.id for r in rows]) if m.is_first]
        titles = {c.id: c.title for c in self._store.articles.by_ids([m.article_id
                                                                      for m in firsts])}
        headline = {m.story_id: titles[m.article_id] for m in firsts if m.article_id in titles}
        return {r.id: StoryRef(id=r.id, headline=headline.get(r.id, r.title), first_at=r.first_at,
                               last_at=r.last_at, outlet_count=r.outlet_count,
                               article_count=r.article_count)
                for r in rows}
