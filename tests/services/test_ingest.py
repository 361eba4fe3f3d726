"""Ingestion over real HTTP from the sample site into a real database (SQLite; PostgreSQL too
when configured)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from newsloom.bootstrap import App
from newsloom.demo.site import DemoSite
from newsloom.domain.models import BlockKind
from newsloom.domain.records import NewArticle
from newsloom.domain.urls import canonicalize

pytestmark = pytest.mark.integration


def subscribe_all(app: App, site: DemoSite) -> None:
    for url in site.feed_urls:
        app.sources.add(url)


def test_ingest_stores_every_article_once_with_clean_text(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    subscribe_all(app, demo_site)
    reports = app.ingest.poll_all()

    assert all(r.error is None for r in reports), [r.error for r in reports]
    assert app.store.articles.count() == len(demo_site.articles)
    stored = {a.canonical_url: a for a in app.store.articles.iter_all()}
    for expected in demo_site.articles:
        article = stored[canonicalize(expected.canonical_url)]
        assert article.title == expected.title
        assert article.source_name == next(
            o.name for o in demo_site.outlets if o.slug == expected.outlet_slug
        )
        substantive = [p for p in expected.paragraphs if len(p) >= 40]
        # the text opens (after a photo's caption) with the standfirst or the first paragraph:
        # no section label before it
        opening = next(b.text for b in article.blocks if b.kind is not BlockKind.CAPTION)
        assert opening in (expected.summary, expected.paragraphs[0]), (expected.url, opening)
        assert substantive[0][:60] in article.text
        assert substantive[-1][:60] in article.text
        for junk in expected.junk:
            assert junk not in article.text, (expected.url, junk)
        assert "utm_" not in article.canonical_url
        assert article.hashtags, f"no hashtags for {article.title}"


def test_polling_again_adds_nothing_and_uses_conditional_get(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    subscribe_all(app, demo_site)
    app.ingest.poll_all()
    count = app.store.articles.count()
    feed_path = demo_site.outlets[0].feed_url.split(demo_site.base_url, 1)[1]
    before = demo_site.requests.count(feed_path, 304)

    second = app.ingest.poll_all()

    assert app.store.articles.count() == count
    assert sum(r.new_articles for r in second) == 0
    assert demo_site.requests.count(feed_path, 304) == before + 1
    assert any(r.not_modified for r in second)


def test_two_pollers_at_once_create_no_duplicates(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    first, second = make_app(), make_app()
    subscribe_all(first, demo_site)
    errors: list[BaseException] = []

    def run(app: App) -> None:
        try:
            app.ingest.poll_all()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert not errors
    assert first.store.articles.count() == len(demo_site.articles)
    urls = [a.canonical_url for a in first.store.articles.iter_all()]
    assert len(urls) == len(set(urls))


def test_a_feed_held_by_another_poller_is_skipped(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app, other = make_app(), make_app()
    app.sources.add(demo_site.feed_urls[0])
    source = app.sources.list()[0]
    assert other.store.sources.claim(source.id, "someone-else", app.clock(), 600)

    report = app.ingest.poll(source)

    assert report.busy
    assert app.store.articles.count() == 0


def test_a_crash_mid_ingest_loses_nothing_and_repeats_nothing(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    subscribe_all(app, demo_site)
    source = max(
        app.sources.list(),
        key=lambda s: sum(a.outlet_slug == _slug_of(demo_site, s) for a in demo_site.articles),
    )
    enricher = app.ingest._enricher
    real_enrich = enricher.enrich
    calls = {"n": 0}

    def crash_on_third(article: NewArticle) -> NewArticle:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        return real_enrich(article)

    enricher.enrich = crash_on_third  # type: ignore[method-assign]
    crashed = app.ingest.poll(source)
    assert crashed.error and "power cut" in crashed.error
    assert app.store.articles.count() == 2

    enricher.enrich = real_enrich  # type: ignore[method-assign]
    app.store.sources.update(source.id, next_check_at=app.clock(), etag=None,
                             last_modified=None)
    app.ingest.poll(app.sources.get(source.id))

    expected = [a for a in demo_site.articles if a.outlet_slug == _slug_of(demo_site, source)]
    assert app.store.articles.count() == len(expected)
    health = app.sources.get(source.id)
    assert health.error_count == 0 and health.last_error is None


def _slug_of(site: DemoSite, source: object) -> str:
    feed_url = source.feed_url  # type: ignore[attr-defined]
    for outlet in site.outlets:
        if outlet.feed_url == feed_url or feed_url.startswith(outlet.home_url):
            return outlet.slug
    raise AssertionError(feed_url)


def test_feed_errors_are_recorded_in_plain_words_and_backed_off(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    good = app.sources.add(demo_site.feed_urls[0])
    # the feed breaks after it was added: simulate by pointing the source at the broken feed
    app.store.sources.update(good.id, feed_url=demo_site.bad_urls["malformed_feed"])
    first = app.ingest.poll(app.sources.get(good.id))
    assert first.error and "feed" in first.error.lower()
    after_one = app.sources.get(good.id)
    app.store.sources.update(good.id, next_check_at=app.clock())
    app.ingest.poll(app.sources.get(good.id))
    after_two = app.sources.get(good.id)

    assert after_two.error_count == 2
    assert after_two.last_error and "Traceback" not in after_two.last_error
    wait_one = after_one.next_check_at - after_one.last_fetched_at  # type: ignore[operator]
    wait_two = after_two.next_check_at - after_two.last_fetched_at  # type: ignore[operator]
    assert wait_two > wait_one


def test_an_article_page_that_is_missing_is_reported_not_crashed(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    app.store.sources.add(
        feed_url=demo_site.bad_urls["feed_with_missing_article"], name="Broken Outlet",
        slug="broken", site_url=None, language=None, region=None, interval_seconds=900,
        now=app.clock(),
    )
    report = app.ingest.poll(app.sources.list()[0])

    assert report.error is None
    assert report.page_problems and "404" in report.page_problems[0]
    health = app.sources.list()[0]
    assert health.last_error and "404" in health.last_error
    assert health.error_count == 0


def test_closing_credit_lines_are_kept(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    subscribe_all(app, demo_site)
    app.ingest.poll_all()
    texts = {a.canonical_url: a.text for a in app.store.articles.iter_all()}
    for expected in demo_site.articles:
        assert expected.paragraphs[-1] in texts[canonicalize(expected.canonical_url)]
