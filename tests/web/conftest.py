"""Web fixtures: one database filled once per session by the real ingest from the sample news
site, read-only clients on it, and writable copies for tests that post or remove things."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import BROKEN_FEED_NAME, Ingested, copy_database, open_app

from newsloom.bootstrap import App
from newsloom.demo.model import DemoArticle
from newsloom.demo.site import DemoSite
from newsloom.domain.records import Article
from newsloom.pipeline.opml import OpmlFeed
from newsloom.web.app import create_app


@pytest.fixture(scope="session")
def ingested(tmp_path_factory: pytest.TempPathFactory, demo_site: DemoSite) -> Ingested:
    """The sample site's five outlets, one feed whose article page vanished (so one article
    keeps its feed text) and one malformed feed (so the sources page has a failure to show),
    all polled once by the real ingest."""
    path = tmp_path_factory.mktemp("web") / "ingested.db"
    ctx = open_app(path)
    try:
        for url in demo_site.feed_urls:
            ctx.sources.add(url)
        ctx.sources.add(demo_site.bad_urls["feed_with_missing_article"])
        ctx.sources.add_unchecked(OpmlFeed(demo_site.bad_urls["malformed_feed"],
                                           BROKEN_FEED_NAME, None))
        ctx.ingest.poll_all()
    finally:
        ctx.close()
    return Ingested(path, demo_site)


@pytest.fixture(scope="session")
def ctx(ingested: Ingested) -> Iterator[App]:
    app = open_app(ingested.path)
    yield app
    app.close()


@pytest.fixture(scope="session")
def client(ctx: App) -> Iterator[TestClient]:
    """A client on the shared database: for tests that only read."""
    with TestClient(create_app(ctx)) as c:
        yield c


@pytest.fixture
def fresh_ctx(ingested: Ingested, tmp_path: Path) -> Iterator[App]:
    """A private copy of the ingested database, for tests that write."""
    app = open_app(copy_database(ingested.path, tmp_path / "copy.db"), migrate=False)
    yield app
    app.close()


@pytest.fixture
def rw_client(fresh_ctx: App) -> Iterator[TestClient]:
    with TestClient(create_app(fresh_ctx)) as c:
        yield c


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[TestClient]:
    app = open_app(tmp_path / "empty.db")
    with TestClient(create_app(app)) as c:
        yield c
    app.close()


@pytest.fixture(scope="session")
def stored(ctx: App) -> list[Article]:
    return list(ctx.store.articles.iter_all())


@pytest.fixture(scope="session")
def find_article(stored: list[Article], ingested: Ingested) -> Callable[[DemoArticle], Article]:
    by_title = {a.title: a for a in stored}

    def find(demo: DemoArticle) -> Article:
        return by_title[demo.title]

    return find


@pytest.fixture(scope="session")
def feature_article(ingested: Ingested, find_article: Callable[[DemoArticle], Article]
                    ) -> tuple[DemoArticle, Article]:
    """An English article with a lead image, several paragraphs, and related coverage."""
    for demo in ingested.site.articles:
        if demo.language == "en" and demo.lead_image and demo.story and len(demo.paragraphs) >= 4:
            return demo, find_article(demo)
    raise AssertionError("the sample site has no article with a lead image and a story")
