"""What the pages and the API show of articles: the article page, listings, search, hashtags,
outlets and related coverage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsloom.config import Settings
from newsloom.domain.coverage import (
    TRENDING_BASELINE,
    TRENDING_MIN_RECENT,
    TRENDING_WINDOW,
    TrendingTag,
    rising_tags,
)
from newsloom.domain.records import Article, ArticleCard, Comment, Source
from newsloom.errors import InvalidInput, NotFound
from newsloom.services.clock import Clock
from newsloom.services.related import Copies, RelatedArticle, copies_of, related_articles

if TYPE_CHECKING:
    from newsloom.storage.store import Store

HOME_PER_OUTLET = 4


@dataclass(frozen=True, slots=True)
class ArticlePage:
    article: Article
    comments: list[Comment]
    related: list[RelatedArticle]
    copies: Copies
    """Whom this text republishes, or who else published it, and the agency it came from."""


@dataclass(frozen=True, slots=True)
class Listing:
    cards: list[ArticleCard]
    page: int
    has_next: bool


class ArticleService:
    def __init__(self, store: Store, settings: Settings, clock: Clock) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock

    def get(self, article_id: int) -> Article:
        return self._store.articles.get(article_id)

    def count(self) -> int:
        """How many articles are stored (for health checks and the empty home page)."""
        return self._store.articles.count()

    def page(self, article_id: int) -> ArticlePage:
        article = self._store.articles.get(article_id)
        copies = copies_of(self._store, article)
        return ArticlePage(
            article=article,
            comments=self._store.comments.for_article(article_id),
            related=related_articles(self._store, article, exclude=copies.group),
            copies=copies,
        )

    def related(self, article: Article) -> list[RelatedArticle]:
        """Related coverage, typed (same story, follow-up, background, opinion) with a reason
        each; never the article's own copies, never unrelated recent items."""
        return related_articles(self._store, article)

    def home(self, page: int = 1) -> Listing:
        """The latest articles, at most HOME_PER_OUTLET per outlet (GET /api/v1/articles). The
        home page itself ranks stories: `newsloom.services.story_pages.StoryPages.home`."""
        return self._listing(
            lambda limit, offset: self._store.articles.latest(
                limit=limit, offset=offset, per_source=HOME_PER_OUTLET
            ),
            page,
        )

    def outlet(self, slug: str, page: int = 1) -> tuple[Source, Listing]:
        source = self._store.sources.by_slug(slug)
        return source, self._listing(
            lambda limit, offset: self._store.articles.by_source(source.id, limit=limit,
                                                                 offset=offset),
            page,
        )

    def hashtag(self, tag: str, page: int = 1) -> tuple[str, Listing]:
        display = self._store.articles.tag_display(tag)
        if display is None:
            raise NotFound(f"no article has the hashtag #{tag}")
        return display, self._listing(
            lambda limit, offset: self._store.articles.by_hashtag(tag, limit=limit,
                                                                  offset=offset),
            page,
        )

    def search(self, query: str, page: int = 1) -> Listing:
        query = query.strip()
        if len(query) > 500:
            raise InvalidInput("the search is too long (500 characters at most)")
        return self._listing(
            lambda limit, offset: self._store.articles.search(query, limit=limit, offset=offset),
            page,
        )

    def trending_hashtags(self, limit: int = 12) -> list[TrendingTag]:
        """Hashtags rising against their usual rate: used in the last 24 hours more than their
        daily average over the 14 days before, scored as in
        `newsloom.domain.coverage.trending_score` (two SQL lookups, both on indexes)."""
        now = self._clock()
        window_start = now - TRENDING_WINDOW
        activity = self._store.articles.tag_activity(
            window_start=window_start, baseline_start=window_start - TRENDING_BASELINE,
            min_recent=TRENDING_MIN_RECENT,
        )
        return rising_tags(activity, limit)

    def _listing(self, fetch: Callable[[int, int], list[ArticleCard]], page: int) -> Listing:
        if page < 1:
            raise InvalidInput("page numbers start at 1")
        size = self._settings.page_size
        cards = fetch(size + 1, (page - 1) * size)
        return Listing(cards=cards[:size], page=page, has_next=len(cards) > size)
