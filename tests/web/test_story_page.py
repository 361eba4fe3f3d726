"""What a reader sees of stories: the full-coverage page of a story the sample outlets covered,
the home page ranked by story, the trending tooltip, and the stories API; plus invented
coverage written through the store at fixed times where the order must be exact."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import Ingested, parse

from newsloom.bootstrap import App, build
from newsloom.config import Settings
from newsloom.domain.records import Article
from newsloom.web.app import create_app
from story_data import NOW, StoryWriter, hours_ago

pytestmark = pytest.mark.integration


# -- a story of the sample site, ingested over HTTP -----------------------------------------


def _demo_story(ingested: Ingested, stored: list[Article], key: str) -> list[Article]:
    """The stored story holding most of the sample site's articles on this event."""
    titles = {a.title for a in ingested.site.articles if a.story == key}
    on_event = [a for a in stored if a.title in titles]
    biggest = max({a.story_id for a in on_event},
                  key=lambda s: sum(1 for a in on_event if a.story_id == s))
    return sorted((a for a in stored if a.story_id == biggest),
                  key=lambda a: (a.published_at, a.id))


def test_story_page_shows_every_outlet_first_and_latest_and_a_chart(
    client: TestClient, ingested: Ingested, stored: list[Article]
) -> None:
    members = _demo_story(ingested, stored, "tarsova-election-delay")
    outlets = {a.source_name for a in members}
    assert len(outlets) >= 2
    r = client.get(f"/stories/{members[0].story_id}")
    assert r.status_code == 200
    doc = parse(r.text)
    first, latest = members[0], members[-1]
    assert doc.css_first("h1").text() == first.title
    assert doc.css_first("title").text() == f"{first.title} · newsloom"
    counts = doc.css_first(".counts").text()
    assert f"{len(outlets)} outlets" in counts and f"{len(members)} articles" in counts
    for selector, article in ((".first-report", first), (".latest-report", latest)):
        line = doc.css_first(selector)
        assert line.css_first(".outlet").text() == article.source_name
        assert line.css_first(".outlet").attributes["href"] == f"/outlets/{article.source_slug}"
        assert line.css_first(f'a[href="/articles/{article.id}/{article.slug}"]') is not None
        assert line.css_first("time") is not None
    sections = doc.css(".by-outlet .outlet-coverage")
    assert {s.css_first("h3 .outlet").text() for s in sections} == outlets
    for a in members:
        section = next(s for s in sections if s.css_first("h3 .outlet").text() == a.source_name)
        assert section.css_first(f'a[href="/articles/{a.id}/{a.slug}"]') is not None
    timeline = [li.css_first('a[href^="/articles/"]').text() for li in doc.css(".timeline li")]
    assert timeline == [a.title for a in members]

    svg = doc.css_first(".coverage-chart svg")
    assert svg.attributes["role"] == "img"
    assert svg.css_first("title").text().startswith("Coverage over time")
    desc = svg.css_first("desc").text()
    assert all(name in desc for name in outlets)
    series = svg.css("g.series")
    assert len(series) == len(outlets)
    assert {g.css_first("text.label").text() for g in series} == outlets
    bars = sum(int(rect.attributes["data-count"] or 0) for rect in svg.css("g.series rect"))
    assert bars == len(members)
    table = doc.css_first(".coverage-chart table.coverage-table")
    assert sum(int(row.css("td")[-1].text()) for row in table.css("tbody tr")) == len(members)
    assert "<script" not in r.text.split("<main", 1)[1]


def test_unknown_or_invalid_story_ids(client: TestClient) -> None:
    missing = client.get("/stories/987654")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "Page not found" in missing.text and "no story 987654" in missing.text
    api = client.get("/api/v1/stories/987654")
    assert api.status_code == 404
    assert api.json() == {"error": {"code": "not_found", "message": "there is no story 987654",
                                    "detail": {}}}
    assert client.get("/stories/0").status_code == 404  # a malformed address names nothing
    assert client.get("/stories/abc").status_code == 404
    assert client.get("/api/v1/stories/abc").status_code == 422


def test_home_blocks_link_to_full_coverage(client: TestClient, ctx: App) -> None:
    doc = parse(client.get("/").text)
    blocks = doc.css("ol.stories > li")
    home = ctx.stories.home()
    assert [b.css_first(".card-title a").text() for b in blocks] == [b.headline
                                                                    for b in home.blocks]
    shared = [b for b in home.blocks if b.outlet_count > 1]
    assert shared, "the sample outlets share several stories"
    for block in shared:
        li = next(li for li in blocks if li.attributes.get("data-story") == str(block.story_id))
        link = li.css_first(".coverage-link a")
        assert link.text() == f"{block.outlet_count} outlets"
        assert link.attributes["href"] == f"/stories/{block.story_id}"
        others = [a.text() for a in li.css(".others .outlet")]
        assert others == [c.source_name for c in block.others]
        assert block.lead.source_name not in others
        assert client.get(link.attributes["href"]).status_code == 200


def test_stories_api_mirrors_home_and_story_page(client: TestClient, ctx: App) -> None:
    body = client.get("/api/v1/stories").json()
    home = ctx.stories.home()
    assert [i["headline"] for i in body["items"]] == [b.headline for b in home.blocks]
    assert body["page"] == 1 and body["has_next"] is home.has_next
    item = next(i for i in body["items"] if i["outlet_count"] > 1)
    assert item["page"] == f"/stories/{item['story_id']}"
    assert item["lead"]["title"] == item["headline"] and item["others"]
    assert item["last_at"].endswith("Z")
    story = client.get(f"/api/v1/stories/{item['story_id']}").json()
    page = ctx.stories.story(item["story_id"])
    assert story["headline"] == page.headline
    assert story["first_report"]["id"] == page.first.id
    assert story["latest_report"]["id"] == page.latest.id
    assert [o["outlet"]["name"] for o in story["outlets"]] == [o.name for o in page.outlets]
    timeline = story["timeline"]
    assert timeline["unit"] in ("hour", "day", "week")
    assert len(timeline["series"]) == story["outlet_count"]
    assert all(len(s["counts"]) == len(timeline["starts"]) for s in timeline["series"])
    assert sum(sum(s["counts"]) for s in timeline["series"]) == story["article_count"]
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/stories", "/api/v1/stories/{story_id}"):
        assert path in spec["paths"]
        assert path in client.get("/docs").text
    ok = spec["paths"]["/api/v1/stories/{story_id}"]["get"]["responses"]
    assert ok["200"]["content"]["application/json"]["schema"]["$ref"].endswith("StoryOut")
    assert ok["404"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorOut")


def test_trending_tags_explain_themselves(client: TestClient, ctx: App) -> None:
    trending = ctx.articles.trending_hashtags()
    assert trending
    doc = parse(client.get("/").text)
    items = doc.css(".secondary .trending li")
    assert [li.attributes["title"] for li in items] == [t.explanation for t in trending]
    assert "usual" in (doc.css_first("#trending-heading").attributes["title"] or "")
    api = client.get("/api/v1/hashtags/trending").json()
    assert [(t["tag"], t["count"]) for t in api] == [(t.tag, t.count) for t in trending]
    assert all(t["explanation"] and "usual_per_day" in t for t in api)


# -- invented coverage at fixed times --------------------------------------------------------


@dataclass
class Newsroom:
    client: TestClient
    app: App
    w: StoryWriter


@pytest.fixture
def newsroom(tmp_path: Path) -> Iterator[Newsroom]:
    settings = Settings.from_env({}, database_url=f"sqlite:///{tmp_path / 'newsroom.db'}")
    app = build(settings, clock=lambda: NOW)
    with TestClient(create_app(app)) as c:
        yield Newsroom(c, app, StoryWriter(app.store))
    app.close()


def test_home_puts_a_story_three_outlets_cover_before_a_newer_single(newsroom: Newsroom
                                                                     ) -> None:
    w = newsroom.w
    harbour, lantern, ledger = w.outlet("Harbour Times"), w.outlet("Lantern"), w.outlet("Ledger")
    big = w.story([
        w.article(harbour, "Ferry aground in the strait", hours_ago(6)),
        w.article(lantern, "Passengers rescued from stranded ferry", hours_ago(5)),
        w.article(ledger, "Inquiry opened into ferry grounding", hours_ago(4)),
    ])
    w.story([w.article(ledger, "Library opens late on Fridays", hours_ago(1))])
    doc = parse(newsroom.client.get("/").text)
    blocks = doc.css("ol.stories > li")
    assert [b.css_first(".card-title a").text() for b in blocks] == [
        "Ferry aground in the strait", "Library opens late on Fridays"]
    lead = blocks[0]
    assert lead.css_first(".card .outlet").text() == "Harbour Times"
    assert [a.text() for a in lead.css(".others .outlet")] == ["Ledger", "Lantern"]
    assert [a.text() for a in lead.css(".others .other-title")] == [
        "Inquiry opened into ferry grounding", "Passengers rescued from stranded ferry"]
    link = lead.css_first(".coverage-link a")
    assert (link.text(), link.attributes["href"]) == ("3 outlets", f"/stories/{big}")
    assert "latest 4 hours ago" in lead.css_first(".coverage-link").text()
    assert blocks[1].css_first(".coverage-link") is None and blocks[1].css_first(".others") is None
    assert "halved every 6 hours" in (doc.css_first(".lede").attributes["title"] or "")


def test_story_page_links_what_it_follows_up_and_its_follow_ups(newsroom: Newsroom) -> None:
    w = newsroom.w
    harbour, lantern = w.outlet("Harbour Times"), w.outlet("Lantern")
    earlier = w.story([w.article(harbour, "Dockers walk out at Valmora", hours_ago(200))])
    story = w.story([w.article(harbour, "Strike enters fifth day", hours_ago(100)),
                     w.article(lantern, "Ships queue off Valmora", hours_ago(30))],
                    follows=earlier)
    later = w.story([w.article(lantern, "Strike ends with a deal", hours_ago(1))], follows=story)
    doc = parse(newsroom.client.get(f"/stories/{story}").text)
    follows = doc.css_first(".follows a")
    assert (follows.text(), follows.attributes["href"]) == ("Dockers walk out at Valmora",
                                                            f"/stories/{earlier}")
    ups = doc.css(".follow-ups li a")
    assert [(a.text(), a.attributes["href"]) for a in ups] == [
        ("Strike ends with a deal", f"/stories/{later}")]
    svg = doc.css_first(".coverage-chart svg")
    assert "per day" in svg.css_first("title").text(), "a three-day story counts by day"
    assert [g.attributes["data-outlet"] for g in svg.css("g.series")] == ["harbour-times",
                                                                          "lantern"]
    back = parse(newsroom.client.get(f"/stories/{earlier}").text)
    assert back.css_first(".follows") is None
    assert back.css_first(".follow-ups a").attributes["href"] == f"/stories/{story}"


def test_hashtag_page_shows_stories_with_their_tagged_articles(newsroom: Newsroom) -> None:
    w = newsroom.w
    a, b, c = w.outlet("Alpha"), w.outlet("Beta"), w.outlet("Gamma")
    story = w.story([
        w.article(a, "Budget vote delayed", hours_ago(8), ["Budget"]),
        w.article(b, "Why the budget vote slipped", hours_ago(7), ["Budget"]),
        w.article(c, "Weather on vote day", hours_ago(6), ["Weather"]),
    ])
    w.story([w.article(c, "Budget of the school fete", hours_ago(1), ["Budget"])])
    doc = parse(newsroom.client.get("/hashtag/budget").text)
    assert doc.css_first("h1").text() == "#Budget"
    blocks = doc.css("ol.stories > li")
    assert [x.css_first(".card-title a").text() for x in blocks] == [
        "Budget vote delayed", "Budget of the school fete"]
    assert [x.text() for x in blocks[0].css(".others .other-title")] == [
        "Why the budget vote slipped"]
    assert blocks[0].css_first(".coverage-link a").attributes["href"] == f"/stories/{story}"
    api = newsroom.client.get("/api/v1/hashtags/Budget").json()
    assert [i["headline"] for i in api["stories"]["items"]] == [
        "Budget vote delayed", "Budget of the school fete"]
    assert len(api["articles"]["items"]) == 3
