"""The composition root: builds the storage, the fetcher and the services from the settings.
Web, CLI and jobs call `build`; nothing else constructs these."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from newsloom.adapters.http import HttpFetcher
from newsloom.config import Settings
from newsloom.services.ai import AiService
from newsloom.services.articles import ArticleService
from newsloom.services.clock import Clock, utc_now
from newsloom.services.comments import CommentService
from newsloom.services.enrich import Enricher
from newsloom.services.ingest import Ingestor
from newsloom.services.sources import SourceService
from newsloom.services.story_pages import StoryPages
from newsloom.storage.store import Store


@dataclass
class App:
    settings: Settings
    store: Store
    fetcher: HttpFetcher
    clock: Clock
    sources: SourceService
    ingest: Ingestor
    articles: ArticleService
    stories: StoryPages
    comments: CommentService
    ai: AiService

    def close(self) -> None:
        self.fetcher.close()
        self.store.close()


def build(
    settings: Settings,
    *,
    clock: Clock = utc_now,
    transport: httpx.BaseTransport | None = None,
    run_migrations: bool = True,
) -> App:
    store = Store.open(settings.database_url, run_migrations=run_migrations)
    fetcher = HttpFetcher(settings, transport=transport)
    return App(
        settings=settings,
        store=store,
        fetcher=fetcher,
        clock=clock,
        sources=SourceService(store, fetcher, settings, clock),
        ingest=Ingestor(store, fetcher, settings, clock, Enricher(store)),
        articles=ArticleService(store, settings, clock),
        stories=StoryPages(store, settings, clock),
        comments=CommentService(store, settings, clock),
        ai=AiService(store, clock),
    )
