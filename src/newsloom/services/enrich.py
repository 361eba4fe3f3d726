"""Per-article enrichment around storage: extraction, hashtags, duplicate fingerprints, and what
happens once an article has its id (exact copies linked to the first one stored)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from newsloom.adapters.http import FetchResult
from newsloom.domain.models import Extracted
from newsloom.domain.records import NewArticle, Source
from newsloom.errors import NewsloomError
from newsloom.pipeline import dedup
from newsloom.pipeline.assemble import PageOutcome
from newsloom.pipeline.extract import SiteProfile, extract
from newsloom.pipeline.hashtags import article_hashtags
from newsloom.services.stories import StoryAssigner

if TYPE_CHECKING:
    from newsloom.storage.store import Store

MAX_HASHTAGS = 8


class Enricher:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._stories = StoryAssigner(store.stories)

    def extract(self, body: bytes, url: str, profile: SiteProfile | None = None) -> Extracted:
        return extract(body, url, profile=profile)

    def read_pages(self, source: Source, pages: Sequence[FetchResult | str],
                   now: datetime) -> list[PageOutcome]:
        """Extract a poll's pages (a fetched page, or why it could not be fetched). The outlet's
        boilerplate is learned from its recent pages, these included, and removed from them."""
        first = [self._extract_one(page, None) for page in pages]
        fingerprints = [o.extracted.fingerprints for o in first if o.extracted is not None]
        self._store.site_pages.add(source.id, fingerprints, now)
        profile = SiteProfile.learn(self._store.site_pages.recent(source.id))
        if profile.boilerplate:
            self._store.sources.update(source.id, boilerplate_profile=profile.to_json())
        outcomes = []
        for page, outcome in zip(pages, first, strict=True):
            extracted = outcome.extracted
            if extracted is not None and profile.boilerplate.intersection(extracted.fingerprints):
                outcome = self._extract_one(page, profile)
            outcomes.append(outcome)
        return outcomes

    def _extract_one(self, page: FetchResult | str, profile: SiteProfile | None) -> PageOutcome:
        if isinstance(page, str):
            return PageOutcome(problem=page)
        try:
            return PageOutcome(final_url=page.url,
                               extracted=self.extract(page.body, page.url, profile))
        except NewsloomError as exc:
            return PageOutcome(final_url=page.url, problem=exc.message)

    def enrich(self, article: NewArticle) -> NewArticle:
        text = article.text
        tags = article_hashtags(article.title, text, language=article.language,
                                limit=MAX_HASHTAGS)
        print_ = dedup.fingerprint(article.title, text)
        return dataclasses.replace(
            article,
            hashtags=tuple(tags),
            content_hash=print_.content_hash,
            fingerprint=f"{print_.simhash & 0xFFFFFFFFFFFFFFFF:016x}",
            originator=dedup.detect_originator(text, article.author),
        )

    def after_insert(self, article_id: int, article: NewArticle) -> None:
        self._stories.assign(article_id, article.title, article.text, article.published_at)
        if article.content_hash:
            earlier = self._store.articles.ids_with_hash(article.content_hash, exclude=article_id)
            if earlier:
                self._store.articles.mark_duplicate(article_id, earlier[0])
