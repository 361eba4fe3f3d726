"""Copies and related coverage as a reader sees them, after a real ingest over HTTP from a
small invented news ecosystem (tests/services/copies_site.py): the first copy of an agency text
lists who else published it, a copy says whom it republishes (and whether it was edited), the
agency is credited via the outlet, related coverage is typed with a reason, and an unrelated
recent article is never offered. SQLite, and PostgreSQL when configured."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from copies_site import CopiesSite
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser
from sqlalchemy import text

from newsloom.bootstrap import App
from newsloom.domain.records import Article
from newsloom.web.app import create_app

pytestmark = pytest.mark.integration

WIRE_FIRST = "/gazette/news/brennholt-quarry-rockfall.html"
EDITED_COPY = "/herald/region/quarry-rescue-brennholt.html"
EXACT_COPY = "/courier/story/brennholt-rockfall.html"
OWN_REPORT = "/tribune/local/brennholt-families-wait.html"
FOLLOW_UP = "/tribune/local/brennholt-quarry-inquiry.html"
UNRELATED = "/courier/story/tallow-bay-library-hours.html"


class Ingested:
    def __init__(self, app: App, site: CopiesSite) -> None:
        self.app = app
        self.site = site
        self.by_path = {a.canonical_url.removeprefix(site.base_url): a
                        for a in app.store.articles.iter_all()}

    def __getitem__(self, path: str) -> Article:
        return self.app.store.articles.get(self.by_path[path].id)


@pytest.fixture
def ingested(make_app: Callable[..., App]) -> Iterator[Ingested]:
    with CopiesSite() as site:
        app = make_app()
        sources = {outlet: app.sources.add(site.feed_url(outlet))
                   for outlet in ("herald", "gazette", "courier", "tribune")}
        # the edited copy arrives first, so it is linked only when the earlier original comes
        for outlet in ("herald", "gazette", "courier", "tribune"):
            report = app.ingest.poll(sources[outlet])
            assert report.error is None and not report.page_problems, report
        yield Ingested(app, site)


@pytest.fixture
def client(ingested: Ingested) -> Iterator[TestClient]:
    with TestClient(create_app(ingested.app)) as c:
        yield c


def _page(client: TestClient, article: Article) -> LexborHTMLParser:
    r = client.get(f"/articles/{article.id}/{article.slug}")
    assert r.status_code == 200
    return LexborHTMLParser(r.text)


def _words(node: object) -> str:
    return " ".join(node.text().split())  # type: ignore[attr-defined]


def _related(doc: LexborHTMLParser) -> list[tuple[str, str, str]]:
    """(label, title, reason) of each related article shown."""
    return [
        (_words(li.css_first(".kind")), _words(li.css_first(".card-title")),
         _words(li.css_first(".reason")))
        for li in doc.css(".related .cards > li")
    ]


def test_the_first_copy_lists_who_else_published_it(
    ingested: Ingested, client: TestClient
) -> None:
    first, edited, exact = ingested[WIRE_FIRST], ingested[EDITED_COPY], ingested[EXACT_COPY]
    doc = _page(client, first)

    also = doc.css_first(".story-head .also-published")
    assert also is not None
    assert _words(also) == "Also published by: The Ostmark Herald (edited), The Valley Courier"
    links = {a.text(): a.attributes["href"] for a in also.css("a")}
    assert links == {"The Ostmark Herald": f"/articles/{edited.id}/{edited.slug}",
                     "The Valley Courier": f"/articles/{exact.id}/{exact.slug}"}
    assert _words(doc.css_first(".story-head .credit")) == "Nordwire via The Fenwick Gazette"
    assert doc.css_first(".story-head .republished") is None
    # its copies are not offered again as related coverage
    titles = [title for _, title, _ in _related(doc)]
    assert edited.title not in titles and exact.title not in titles


def test_an_edited_copy_says_whom_it_republishes(ingested: Ingested, client: TestClient
                                                 ) -> None:
    first, edited = ingested[WIRE_FIRST], ingested[EDITED_COPY]
    assert edited.duplicate_of == first.id
    assert edited.duplicate_kind in ("near_duplicate", "edited")

    doc = _page(client, edited)
    note = doc.css_first(".story-head .republished")
    assert note is not None
    assert _words(note).startswith("Edited republication from The Fenwick Gazette: ")
    assert note.css_first("a").attributes["href"] == f"/articles/{first.id}/{first.slug}"
    assert first.title in _words(note)
    assert _words(doc.css_first(".story-head .credit")) == "Nordwire via The Ostmark Herald"
    assert doc.css_first(".story-head .also-published") is None
    assert first.title not in [title for _, title, _ in _related(doc)]


def test_a_word_for_word_copy_is_a_republication_not_an_edited_one(
    ingested: Ingested, client: TestClient
) -> None:
    first, exact = ingested[WIRE_FIRST], ingested[EXACT_COPY]
    assert (exact.duplicate_of, exact.duplicate_kind) == (first.id, "exact")
    note = _page(client, exact).css_first(".story-head .republished")
    assert note is not None
    assert _words(note).startswith("Republished from The Fenwick Gazette: ")
    assert "edited" not in _words(note).lower()


def test_copies_count_in_their_story_but_take_one_place_in_related_coverage(
    ingested: Ingested, client: TestClient
) -> None:
    first, own = ingested[WIRE_FIRST], ingested[OWN_REPORT]
    copies = [ingested[EDITED_COPY], ingested[EXACT_COPY]]
    assert {a.story_id for a in (first, own, *copies)} == {first.story_id}
    story = ingested.app.store.stories.get(first.story_id)  # type: ignore[arg-type]
    assert story is not None and (story["article_count"], story["outlet_count"]) == (4, 4)

    related = _related(_page(client, own))
    same = [(title, reason) for label, title, reason in related if label == "Same story"]
    assert same == [(first.title, "Same story, 4 outlets")]
    assert not {c.title for c in copies} & {title for _, title, _ in related}


def test_a_follow_up_story_is_offered_with_its_reason(ingested: Ingested, client: TestClient
                                                      ) -> None:
    first, follow_up = ingested[WIRE_FIRST], ingested[FOLLOW_UP]
    assert follow_up.story_id != first.story_id

    on_first = {title: (label, reason) for label, title, reason in _related(_page(client, first))}
    label, reason = on_first[follow_up.title]
    assert label == "Follow-up"
    assert re.fullmatch(r"Follow-up of this story; shares #\w+(, #\w+)*( and #\w+)?", reason)
    shared = re.findall(r"#(\w+)", reason)
    tags_first = {t.tag for t in first.hashtags}
    assert set(shared) <= tags_first & {t.tag for t in follow_up.hashtags}

    on_follow_up = _related(_page(client, follow_up))
    earlier = [(label, reason) for label, title, reason in on_follow_up if title == first.title]
    assert len(earlier) == 1
    assert earlier[0][0] == "Follow-up"
    assert earlier[0][1].startswith("Earlier story this one follows")


def test_an_unrelated_recent_article_is_never_offered(ingested: Ingested, client: TestClient
                                                      ) -> None:
    unrelated = ingested[UNRELATED]
    for path in (WIRE_FIRST, EDITED_COPY, EXACT_COPY, OWN_REPORT, FOLLOW_UP):
        titles = [title for _, title, _ in _related(_page(client, ingested[path]))]
        assert unrelated.title not in titles, path
    doc = _page(client, unrelated)
    assert _related(doc) == []
    assert "No other article covers this story yet." in _words(doc.css_first(".related"))


def test_the_api_gives_the_same_copies_and_typed_related(ingested: Ingested,
                                                         client: TestClient) -> None:
    first, edited, follow_up = (ingested[WIRE_FIRST], ingested[EDITED_COPY],
                                ingested[FOLLOW_UP])
    body = client.get(f"/api/v1/articles/{edited.id}").json()
    assert body["republished_from"]["article"]["id"] == first.id
    assert body["republished_from"]["edited"] is True
    assert body["duplicate_of"]["id"] == first.id
    assert body["credit"] == "Nordwire via The Ostmark Herald"

    body = client.get(f"/api/v1/articles/{first.id}").json()
    assert [(c["article"]["outlet"]["name"], c["edited"]) for c in body["also_published_by"]] \
        == [("The Ostmark Herald", True), ("The Valley Courier", False)]
    kinds = {r["article"]["id"]: (r["kind"], r["label"], r["reason"]) for r in body["related"]}
    assert kinds[follow_up.id][:2] == ("follow_up", "Follow-up")
    assert kinds[follow_up.id][2].startswith("Follow-up of this story; shares #")


def test_polling_again_changes_no_link_and_adds_no_band_rows(ingested: Ingested) -> None:
    app = ingested.app

    def state() -> tuple[int, int, list[tuple[int, int | None, str | None]]]:
        with app.store.engine.connect() as conn:
            bands = conn.execute(text("SELECT count(*) FROM article_bands")).scalar_one()
        links = sorted((a.id, a.duplicate_of, a.duplicate_kind)
                       for a in app.store.articles.iter_all())
        return app.store.articles.count(), bands, links

    before = state()
    assert before[1] == 8 * before[0], "eight band keys per article"
    for source in app.sources.list():
        app.store.sources.update(source.id, etag=None, last_modified=None)
    reports = app.ingest.poll_all()
    assert sum(r.new_articles for r in reports) == 0
    assert state() == before
