"""Home, outlet, hashtag, search and sources pages, and the layout every page shares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from web_support import BROKEN_FEED_NAME, Ingested, parse

from newsloom.bootstrap import App
from newsloom.demo.model import DemoArticle
from newsloom.domain.records import Article
from newsloom.services.articles import HOME_PER_OUTLET

pytestmark = pytest.mark.integration


def test_home_ranks_stories_across_outlets_without_flooding(client: TestClient, ctx: App) -> None:
    r = client.get("/")
    assert r.status_code == 200
    doc = parse(r.text)
    assert doc.css_first("h1").text() == "Top stories"
    blocks = doc.css("ol.stories > li")
    home = ctx.stories.home()
    assert [b.css_first(".card-title a").text() for b in blocks] == [b.headline
                                                                    for b in home.blocks]
    assert home.blocks[0].outlet_count >= 2, "a story several outlets cover leads"
    outlets = {a.text() for a in doc.css("ol.stories .outlet")}
    assert len(outlets) >= 5
    solo = Counter(b.css_first(".card .outlet").text() for b in blocks
                   if b.css_first(".coverage-link") is None)
    assert max(solo.values()) <= HOME_PER_OUTLET, "one outlet's own stories do not flood home"
    assert doc.css_first(".card time") is not None


def test_home_shows_trending_hashtags(client: TestClient, ctx: App) -> None:
    trending = ctx.articles.trending_hashtags()
    assert trending
    doc = parse(client.get("/").text)
    links = [a.attributes["href"] for a in doc.css(".secondary .tags a")]
    assert links == [f"/hashtag/{t.tag}" for t in trending]


def test_home_says_plainly_when_feeds_fail(client: TestClient) -> None:
    doc = parse(client.get("/").text)
    warning = doc.css_first(".notice.warn")
    assert warning is not None
    assert "1 feed could not be reached" in warning.text()
    assert warning.css_first('a[href="/sources"]') is not None


def test_home_pagination(rw_client: TestClient, fresh_ctx: App) -> None:
    first = parse(rw_client.get("/").text)
    has_next = fresh_ctx.stories.home().has_next
    assert (first.css_first('.pager a[rel="next"]') is not None) is has_next
    last = 1
    while fresh_ctx.stories.home(last).has_next:
        last += 1
    r = rw_client.get(f"/?page={last + 1}")
    assert r.status_code == 200
    assert "There are no more stories." in r.text
    assert rw_client.get("/?page=0").status_code == 400
    assert rw_client.get("/?page=abc").status_code == 400


def test_site_nav_names_the_home_page_for_what_it_shows(rw_client: TestClient) -> None:
    page = parse(rw_client.get("/").text)
    home_link = page.css_first('header nav a[href="/"]')
    assert home_link is not None
    assert home_link.text() == "Top stories"
    assert page.css_first("h1").text() == "Top stories"


def test_empty_database_points_to_demo_and_sources(empty_client: TestClient) -> None:
    r = empty_client.get("/")
    assert r.status_code == 200
    empty = parse(r.text).css_first(".empty")
    assert empty is not None
    assert "no sources" in empty.text()
    assert "newsloom demo" in empty.text()
    assert empty.css_first('a[href="/sources"]') is not None
    sources = parse(empty_client.get("/sources").text)
    assert "No feeds yet" in sources.css_first(".empty").text()


def test_search_box_on_every_page(client: TestClient,
                                  feature_article: tuple[DemoArticle, Article]) -> None:
    _, article = feature_article
    for path in ("/", f"/articles/{article.id}", "/sources", "/search", "/nowhere",
                 f"/outlets/{article.source_slug}"):
        form = parse(client.get(path).text).css_first('header form[role="search"]')
        assert form is not None, path
        assert form.attributes["action"] == "/search"
        assert form.css_first('input[name="q"]') is not None


def test_search_finds_an_article_by_a_word_of_its_text(
    client: TestClient, ingested: Ingested, find_article: Callable[[DemoArticle], Article]
) -> None:
    demo = next(a for a in ingested.site.articles if "Lindqvay" in " ".join(a.paragraphs))
    article = find_article(demo)
    r = client.get("/search", params={"q": "lindqvay"})
    assert r.status_code == 200
    doc = parse(r.text)
    hrefs = [a.attributes["href"] for a in doc.css(".cards .card-title a")]
    assert f"/articles/{article.id}/{article.slug}" in hrefs
    assert doc.css_first('header input[name="q"]').attributes["value"] == "lindqvay"


def test_search_without_results_or_words(client: TestClient) -> None:
    nothing = parse(client.get("/search", params={"q": "zzzqqxx"}).text)
    assert "Nothing matches" in nothing.css_first(".empty").text()
    blank = client.get("/search")
    assert blank.status_code == 200
    too_long = parse(client.get("/search", params={"q": "word " * 200}).text)
    assert "too long" in too_long.css_first(".error").text()


def test_hashtag_page_lists_stories_case_insensitively(
    client: TestClient, feature_article: tuple[DemoArticle, Article]
) -> None:
    _, article = feature_article
    tag = article.hashtags[0].tag
    for asked in (tag, tag.lower(), tag.upper()):
        r = client.get(f"/hashtag/{asked}")
        assert r.status_code == 200, asked
        doc = parse(r.text)
        assert doc.css_first("h1").text() == f"#{tag}"
        block = doc.css_first(f'ol.stories > li[data-story="{article.story_id}"]')
        assert block is not None, "the article's story is listed"
        hrefs = [a.attributes["href"] for a in block.css('a[href^="/articles/"]')]
        assert hrefs and all(h.startswith("/articles/") for h in hrefs)
    missing = client.get("/hashtag/NoSuchTagAnywhere")
    assert missing.status_code == 404
    assert "NoSuchTagAnywhere" in missing.text


def test_outlet_page_shows_name_site_health_and_articles(client: TestClient, ctx: App) -> None:
    source = next(s for s in ctx.sources.list() if s.article_count > 0 and not s.error_count)
    doc = parse(client.get(f"/outlets/{source.slug}").text)
    assert doc.css_first("h1").text() == source.name
    assert source.site_url
    assert doc.css_first(f'.page-head a[href="{source.site_url}"]') is not None
    health = doc.css_first("dl.health").text()
    assert "Last fetched" in health
    assert "ago" in health or "just now" in health
    outlets = {a.text() for a in doc.css(".cards .card .outlet")}
    assert outlets == {source.name}
    assert len(doc.css(".cards .card")) == source.article_count
    assert client.get("/outlets/no-such-outlet").status_code == 404


def test_outlet_page_shows_last_error(client: TestClient, ctx: App) -> None:
    broken = next(s for s in ctx.sources.list() if s.name == BROKEN_FEED_NAME)
    doc = parse(client.get(f"/outlets/{broken.slug}").text)
    assert "malformed" in doc.css_first("dl.health .error").text()
    assert "No articles from" in doc.css_first(".empty").text()


# -- sources ----------------------------------------------------------------------------------


def test_sources_page_shows_each_feed_and_its_health(client: TestClient, ctx: App) -> None:
    doc = parse(client.get("/sources").text)
    rows = doc.css("table.sources tbody tr")
    sources = ctx.sources.list()
    assert len(rows) == len(sources)
    for row, source in zip(rows, sources, strict=True):
        text = row.text()
        assert source.name in text and source.feed_url in text
        cells = {td.attributes.get("data-label"): td for td in row.css("td")}
        assert cells["Articles"].text().strip() == str(source.article_count)
        assert cells["Low quality"].text().strip() == str(source.low_quality_count)
        assert cells["Last fetch"].css_first("time") is not None
        if source.error_count:
            assert "failing" in (row.attributes.get("class") or "")
            assert "malformed feed" in cells["Problems"].text()
            assert "1 failure in a row" in cells["Problems"].text()
        assert row.css_first(f'form[action="/sources/{source.id}/remove"] button') is not None
    assert "1 feed could not be reached" in doc.css_first(".page-head").text()
    assert doc.css_first('a[href="/sources.opml"]') is not None
    assert doc.css_first('form[action="/sources/import"] input[type="file"]') is not None


def test_adding_a_bad_url_shows_the_plain_message(rw_client: TestClient, fresh_ctx: App,
                                                  ingested: Ingested) -> None:
    before = len(fresh_ctx.sources.list())
    cases = [
        (ingested.site.bad_urls["not_a_feed"], "is not a feed"),
        ("not a url", "is not an http:// or https:// address"),
        ("", "Please give the address"),
        (ingested.site.feed_urls[0], "already a source"),
    ]
    for url, message in cases:
        r = rw_client.post("/sources", data={"url": url}, follow_redirects=False)
        assert r.status_code >= 400, url
        error = parse(r.text).css_first(".add-source .error")
        assert error is not None and message in error.text(), (url, error and error.text())
        assert "Traceback" not in r.text
    assert len(fresh_ctx.sources.list()) == before


def test_adding_removing_and_exporting_sources(rw_client: TestClient, fresh_ctx: App,
                                               ingested: Ingested) -> None:
    broken = next(s for s in fresh_ctx.sources.list() if s.name == BROKEN_FEED_NAME)
    r = rw_client.post(f"/sources/{broken.id}/remove", follow_redirects=False)
    assert r.status_code == 303
    page = parse(rw_client.get(r.headers["location"]).text)
    assert f"Removed {BROKEN_FEED_NAME}." in page.css_first(".notice").text()
    assert BROKEN_FEED_NAME not in page.css_first("table.sources").text()

    # an outlet whose feed is found from its home page: remove it, then add its home page again
    outlet = next(o for o in ingested.site.outlets if o.discovered)
    source = next(s for s in fresh_ctx.sources.list() if s.name == outlet.name)
    rw_client.post(f"/sources/{source.id}/remove")
    redirect = rw_client.post("/sources", data={"url": outlet.home_url}, follow_redirects=False)
    assert redirect.status_code == 303, redirect.text[:300]
    added = parse(rw_client.get(redirect.headers["location"]).text)
    assert f"Added {outlet.name}." in added.css_first(".notice").text()
    assert outlet.feed_url in added.css_first("table.sources").text()

    opml = rw_client.get("/sources.opml")
    assert opml.status_code == 200
    assert "opml" in opml.headers["content-type"]
    for source in fresh_ctx.sources.list():
        assert source.feed_url in opml.text


def test_opml_import(rw_client: TestClient, fresh_ctx: App) -> None:
    opml = (b'<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
            b'<outline type="rss" text="Imported Weekly" xmlUrl="https://imported.example/feed"/>'
            b"</body></opml>")
    r = rw_client.post("/sources/import", files={"file": ("feeds.opml", opml, "text/x-opml")})
    assert r.status_code == 200
    doc = parse(r.text)
    assert "Imported 1 feed" in doc.css_first(".import .notice").text()
    assert "Imported Weekly" in doc.css_first("table.sources").text()

    none = rw_client.post("/sources/import", files={"file": ("", b"", "text/x-opml")})
    assert none.status_code == 422
    assert "choose an OPML file" in parse(none.text).css_first(".import .error").text()
    junk = rw_client.post("/sources/import", files={"file": ("f.opml", b"not xml", "text/x-opml")})
    assert junk.status_code >= 400
    assert parse(junk.text).css_first(".import .error") is not None
    assert "Traceback" not in junk.text


def test_page_errors_are_friendly_html(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "Page not found" in r.text
    wrong_method = client.put("/sources")
    assert wrong_method.status_code == 405
    assert "Not allowed here" in wrong_method.text


def test_static_files_and_layout(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200
    assert "prefers-color-scheme: dark" in css.text
    assert "70ch" in css.text
    js = client.get("/static/htmx.min.js")
    assert js.status_code == 200 and "htmx" in js.text
    base = client.get("/").text
    assert '<meta name="viewport"' in base
    assert "htmx 2.0.4" in parse(base).html  # the pinned version is named next to the script
    assert "http://" not in "".join(
        n.attributes.get("src") or n.attributes.get("href") or ""
        for n in parse(base).css("link, script")
    )


def test_head_requests_answer_like_get(client: TestClient) -> None:
    for path in ("/", "/sources", "/api/v1/health", "/static/style.css"):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/nowhere").status_code == 404


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/v1/nowhere").headers["x-content-type-options"] == "nosniff"


def test_one_story_takes_one_place_on_home(rw_client: TestClient, fresh_ctx: App) -> None:
    cards = fresh_ctx.articles.home().cards
    lead = cards[1]
    other = next(c for c in cards[2:] if c.source_slug != lead.source_slug)
    with fresh_ctx.store.engine.begin() as conn:
        conn.execute(text("INSERT INTO stories (id, title, first_at, last_at, article_count, "
                          "outlet_count) VALUES (900, 'x', :t, :t, 2, 2)"),
                     {"t": max(lead.published_at, other.published_at)})
    for card in (lead, other):
        fresh_ctx.store.articles.set_story(card.id, 900)
    earlier, later = sorted((lead, other), key=lambda c: c.published_at)
    doc = parse(rw_client.get("/").text)
    titles = [a.text() for a in doc.css(".cards .card-title a")]
    assert earlier.title in titles and later.title not in titles
    group = doc.css_first('ol.stories > li[data-story="900"]')
    assert group.css_first(".card-title a").text() == earlier.title, "the first report leads"
    also = group.css_first(".others .other-title")
    assert group.css_first(".others .outlet").text() == later.source_name
    assert also.attributes["href"] == f"/articles/{later.id}/{later.slug}"
    assert group.css_first(".coverage-link a").attributes["href"] == "/stories/900"
    # and on the article page, the other outlet's article is first among related coverage
    page = parse(rw_client.get(f"/articles/{lead.id}").text)
    first = page.css_first(".related .cards > li")
    assert other.title in first.text() and "same story" in first.css_first(".reason").text().lower()
