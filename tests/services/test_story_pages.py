"""The story layer readers see, on SQLite and PostgreSQL: the home ranking (outlets against
age), the per-outlet cap on single-outlet stories, hashtag pages, a story's own page and the
trending hashtags. Data is written through the store at fixed times."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from newsloom.bootstrap import App, build
from newsloom.config import Settings
from newsloom.domain.coverage import story_score
from newsloom.errors import ConfigError, NotFound
from newsloom.services.articles import HOME_PER_OUTLET
from newsloom.storage import stories as story_storage
from story_data import NOW, StoryWriter, hours_ago

pytestmark = pytest.mark.integration


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    settings = Settings.from_env({}, database_url=database_url, page_size=5)
    built = build(settings, clock=lambda: NOW)
    yield built
    built.close()


@pytest.fixture
def w(app: App) -> StoryWriter:
    return StoryWriter(app.store)


def _headlines(app: App, page: int = 1) -> list[str]:
    return [b.headline for b in app.stories.home(page).blocks]


def test_a_story_three_outlets_cover_leads_a_newer_single_article(app: App, w: StoryWriter
                                                                  ) -> None:
    harbour, lantern, ledger = w.outlet("Harbour Times"), w.outlet("Lantern"), w.outlet("Ledger")
    big = w.story([
        w.article(harbour, "Ferry aground in the strait", hours_ago(6)),
        w.article(lantern, "Passengers rescued from stranded ferry", hours_ago(5)),
        w.article(ledger, "Inquiry opened into ferry grounding", hours_ago(4)),
    ])
    w.story([w.article(ledger, "Library opens late on Fridays", hours_ago(1))])
    w.story([
        w.article(harbour, "Old port strike talks resume", hours_ago(40)),
        w.article(lantern, "Port strike talks: what is at stake", hours_ago(39)),
    ])
    home = app.stories.home()
    assert [b.headline for b in home.blocks] == [
        "Ferry aground in the strait",  # 3 outlets, 4 hours ago
        "Library opens late on Fridays",  # 1 outlet, 1 hour ago
        "Old port strike talks resume",  # 2 outlets, but 39 hours ago
    ]
    lead = home.blocks[0]
    assert lead.story_id == big and lead.outlet_count == 3 and lead.article_count == 3
    assert lead.lead.source_name == "Harbour Times", "the first report leads the block"
    assert [c.source_name for c in lead.others] == ["Ledger", "Lantern"], "newest first"
    assert lead.score == pytest.approx(3 * 0.5 ** (4 / 6))
    single = home.blocks[1]
    assert single.others == () and single.outlet_count == 1


def test_the_half_life_setting_changes_the_order(database_url: str) -> None:
    slow = build(Settings.from_env({}, database_url=database_url, story_half_life_hours=48.0),
                 clock=lambda: NOW)
    try:
        w = StoryWriter(slow.store)
        a, b = w.outlet("A"), w.outlet("B")
        w.story([w.article(a, "Fresh single", hours_ago(1))])
        w.story([w.article(a, "Day-old story", hours_ago(26)),
                 w.article(b, "Day-old story, second outlet", hours_ago(25))])
        assert _headlines(slow) == ["Day-old story", "Fresh single"]
        fast = build(Settings.from_env({}, database_url=database_url, story_half_life_hours=6.0),
                     clock=lambda: NOW, run_migrations=False)
        try:
            assert _headlines(fast) == ["Fresh single", "Day-old story"]
        finally:
            fast.close()
    finally:
        slow.close()


def test_single_outlet_stories_are_capped_per_outlet_but_shared_ones_are_not(
    app: App, w: StoryWriter
) -> None:
    busy, quiet = w.outlet("Busy Wire"), w.outlet("Quiet Weekly")
    for n in range(HOME_PER_OUTLET + 3):
        w.story([w.article(busy, f"Brief {n}", hours_ago(1 + n))])
    w.story([w.article(quiet, "Quiet feature", hours_ago(30))])
    shared = w.story([w.article(busy, "Shared old story", hours_ago(50)),
                      w.article(quiet, "Shared old story, other side", hours_ago(49))])
    seen: list[str] = []
    page = 1
    while True:
        listing = app.stories.home(page)
        seen += [b.headline for b in listing.blocks]
        if not listing.has_next:
            break
        page += 1
    assert seen == [f"Brief {n}" for n in range(HOME_PER_OUTLET)] + [
        "Quiet feature", "Shared old story"]
    assert app.stories.story(shared).outlet_count == 2
    assert app.stories.home(page + 1).blocks == []


def test_an_article_without_a_story_still_appears(app: App, w: StoryWriter) -> None:
    outlet = w.outlet("Harbour Times")
    loose = w.article(outlet, "A piece the clusterer left alone", hours_ago(2))
    w.story([w.article(outlet, "An older story", hours_ago(5))])
    blocks = app.stories.home().blocks
    assert (blocks[0].story_id, blocks[0].lead.id) == (None, loose)
    assert [b.headline for b in blocks] == ["A piece the clusterer left alone", "An older story"]


def test_home_pages_equal_a_ranking_of_everything(app: App, w: StoryWriter) -> None:
    """The home query ranks only a recent window of stories; page after page it must agree
    with ranking every story by the score itself."""
    outlets = [w.outlet(f"Outlet {n}") for n in range(8)]
    expected: list[tuple[float, str]] = []
    for n in range(40):
        size = [1, 2, 3, 5, 8][n % 5]
        age = 0.5 + (n * 37) % 41 * 7.1  # spread over twelve days, out of order
        title = f"Story {n}"
        ids = [w.article(outlets[k], title if k == 0 else f"{title} ({k})",
                         hours_ago(age + (size - k) * 0.01))
               for k in range(size)]
        w.story(ids)
        expected.append((story_score(size, hours_ago(age + 0.01), NOW, timedelta(hours=6)),
                         title))
    ranked = [t for _, t in sorted(expected, key=lambda e: -e[0])]
    solo = [t for t in ranked if int(t.split()[1]) % 5 == 0]  # the one-outlet stories
    allowed = set(solo[:HOME_PER_OUTLET])  # all from Outlet 0: only its newest four show
    ranked = [t for t in ranked if t not in solo or t in allowed]
    seen: list[str] = []
    for page in range(1, 12):
        seen += _headlines(app, page)
    assert seen == ranked


def test_the_window_never_hides_an_older_story_with_many_outlets(app: App, w: StoryWriter
                                                                  ) -> None:
    """A story 32 outlets covered 62 hours ago still outranks singles 40 hours old, though the
    first window the home query ranks holds only the last 60 hours."""
    outlets = [w.outlet(f"Outlet {n}") for n in range(32)]
    w.story([w.article(outlets[0], "Just in", hours_ago(0.1))])
    for n in range(6):
        w.story([w.article(outlets[n + 1], f"Older single {n}", hours_ago(40 + n))])
    w.story([w.article(o, "Summit ends" if k == 0 else f"Summit ends ({k})",
                       hours_ago(62 + (31 - k) * 0.01)) for k, o in enumerate(outlets)])
    assert _headlines(app) == ["Just in", "Summit ends",
                               *(f"Older single {n}" for n in range(3))]


def test_hashtag_pages_rank_the_same_from_the_tag_index_or_the_window(
    app: App, w: StoryWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rare tag is ranked from its index, a common one through the window of recent stories
    (asking each whether it has a tagged article); both must give every page the same."""
    outlets = [w.outlet(f"Outlet {n}") for n in range(6)]
    expected: list[tuple[float, str]] = []
    for n in range(30):
        size = [1, 2, 4][n % 3]
        age = 0.5 + (n * 17) % 31 * 9.7
        title = f"Story {n}"
        tagged_member = n % 4  # 0: the first article, 1..2: a later one, 3: none tagged
        ids = [w.article(outlets[(n + k) % 6], title if k == 0 else f"{title} ({k})",
                         hours_ago(age + (size - k) * 20), ["Harbour"] if k == tagged_member
                         else ["Other"])
               for k in range(size)]
        w.story(ids)
        if tagged_member < size:
            expected.append((story_score(size, hours_ago(age + 20), NOW, timedelta(hours=6)),
                             title))
    # a long story whose only tagged article is days older than its latest one
    w.story([w.article(outlets[k], "Long story" if k == 0 else f"Long story ({k})",
                       hours_ago(1 + (3 - k) * 60), ["Harbour"] if k == 0 else ["Other"])
             for k in range(4)])
    expected.append((story_score(4, hours_ago(1), NOW, timedelta(hours=6)), "Long story"))
    for n in range(8):  # enough fresh ones that the first window fills the first page
        w.story([w.article(outlets[n % 6], f"Fresh {n}", hours_ago(2 + n), ["Harbour"])])
        expected.append((story_score(1, hours_ago(2 + n), NOW, timedelta(hours=6)),
                         f"Fresh {n}"))
    w.article(outlets[0], "Loose tagged piece", hours_ago(50), ["Harbour"])
    expected.append((story_score(1, hours_ago(50), NOW, timedelta(hours=6)),
                     "Loose tagged piece"))
    ranked = [t for _, t in sorted(expected, key=lambda e: -e[0])]

    def every_page() -> list[str]:
        seen: list[str] = []
        page = 1
        while True:
            _, listing = app.stories.hashtag("harbour", page)
            seen += [b.headline.split(" (")[0] for b in listing.blocks]
            if not listing.has_next:
                return seen
            page += 1

    monkeypatch.setattr(story_storage, "TAG_WINDOW_FROM", 10**9)
    from_index = every_page()
    monkeypatch.setattr(story_storage, "TAG_WINDOW_FROM", 0)
    through_window = every_page()
    assert from_index == ranked
    assert through_window == from_index


def test_hashtag_page_lists_stories_with_their_tagged_articles(app: App, w: StoryWriter
                                                               ) -> None:
    a, b, c = w.outlet("A"), w.outlet("B"), w.outlet("C")
    tagged = w.story([
        w.article(a, "Budget vote delayed", hours_ago(8), ["Budget"]),
        w.article(b, "Why the budget vote slipped", hours_ago(7), ["Budget", "Parliament"]),
        w.article(c, "Weather on vote day", hours_ago(6), ["Weather"]),
    ])
    w.story([w.article(c, "Budget of the school fete", hours_ago(1), ["Budget"])])
    w.story([w.article(a, "Untagged news", hours_ago(1))])
    display, listing = app.stories.hashtag("BUDGET")
    assert display == "Budget"
    assert [b.headline for b in listing.blocks] == ["Budget vote delayed",
                                                    "Budget of the school fete"]
    block = listing.blocks[0]
    assert block.story_id == tagged and block.outlet_count == 3
    assert [x.title for x in block.others] == ["Why the budget vote slipped"], \
        "the block shows the tagged articles only"
    with pytest.raises(NotFound):
        app.stories.hashtag("NoSuchTag")


def test_a_hashtag_page_joins_the_singular_and_the_plural(app: App, w: StoryWriter) -> None:
    a, b = w.outlet("A"), w.outlet("B")
    w.story([w.article(a, "River bursts its banks", hours_ago(5), ["Flood"])])
    w.story([w.article(b, "Towns count the cost", hours_ago(2), ["Floods"])])
    w.story([w.article(a, "Congress meets", hours_ago(1), ["Congress"])])
    for asked in ("Flood", "Floods", "floods"):
        _, listing = app.stories.hashtag(asked)
        assert [x.headline for x in listing.blocks] == [
            "Towns count the cost", "River bursts its banks"
        ], asked
    _, congress = app.stories.hashtag("Congress")
    assert [x.headline for x in congress.blocks] == ["Congress meets"]


def test_story_page_has_reports_outlets_timeline_chart_and_follow_ups(
    app: App, w: StoryWriter
) -> None:
    harbour, lantern = w.outlet("Harbour Times"), w.outlet("Lantern")
    earlier = w.story([w.article(harbour, "Dockers walk out at Valmora", hours_ago(80))])
    story = w.story([
        w.article(lantern, "Strike: an opinion", hours_ago(30), opinion=True),
        w.article(harbour, "Strike enters fifth day", hours_ago(29)),
        w.article(lantern, "Ships queue off Valmora", hours_ago(20)),
        w.article(harbour, "Supermarkets warn of shortages", hours_ago(3)),
    ], follows=earlier)
    later = w.story([w.article(lantern, "Strike ends with a deal", hours_ago(1))], follows=story)

    page = app.stories.story(story)
    assert page.headline == "Strike enters fifth day", "the first news report, not the opinion"
    assert page.first.title == "Strike enters fifth day"
    assert page.latest.title == "Supermarkets warn of shortages"
    assert (page.article_count, page.outlet_count) == (4, 2)
    assert [(o.name, [c.title for c in o.articles]) for o in page.outlets] == [
        ("Lantern", ["Strike: an opinion", "Ships queue off Valmora"]),
        ("Harbour Times", ["Strike enters fifth day", "Supermarkets warn of shortages"]),
    ]
    assert page.articles[0].title == "Strike: an opinion"
    assert page.chart.unit == "hour" and len(page.chart.starts) == 28
    assert [(s.name, s.total) for s in page.chart.series] == [("Lantern", 2),
                                                              ("Harbour Times", 2)]
    assert page.follows is not None and page.follows.id == earlier
    assert page.follows.headline == "Dockers walk out at Valmora"
    assert [r.id for r in page.followed_by] == [later]
    with pytest.raises(NotFound):
        app.stories.story(987654)


def test_trending_puts_a_rising_tag_above_a_steadily_common_one(app: App, w: StoryWriter
                                                                ) -> None:
    outlet = w.outlet("Daily")
    for day in range(1, 15):  # #Weather: four articles every day; #Flood: one every other day
        for k in range(4):
            w.article(outlet, f"Weather {day}.{k}", hours_ago(24 * day + k + 0.5), ["Weather"])
        if day % 2 == 0:
            w.article(outlet, f"Flood watch {day}", hours_ago(24 * day + 5), ["Flood"])
    for k in range(5):
        w.article(outlet, f"Weather today {k}", hours_ago(k + 1), ["Weather"])
        w.article(outlet, f"Floods today {k}", hours_ago(k + 1), ["Flood"])
    w.article(outlet, "A brand new tag, once", hours_ago(2), ["Novelty"])
    w.article(outlet, "Another new tag, twice", hours_ago(2), ["Comet"])
    w.article(outlet, "Another new tag, twice again", hours_ago(3), ["Comet"])

    trending = app.articles.trending_hashtags()
    tags = [t.tag for t in trending]
    assert tags == ["Flood", "Comet", "Weather"]
    flood = trending[0]
    assert flood.count == 5 and flood.usual == pytest.approx(0.5)
    assert "5 articles in the last 24 hours; usually 0.5 a day" in flood.explanation
    assert trending[2].count == 5 and trending[2].usual == pytest.approx(4.0)
    assert "Novelty" not in tags, "one article is not a trend"


def test_trending_leaves_out_tags_used_less_than_usual(app: App, w: StoryWriter) -> None:
    outlet = w.outlet("Daily")
    for day in range(1, 15):
        for k in range(3):
            w.article(outlet, f"Markets {day}.{k}", hours_ago(24 * day + k + 0.5), ["Markets"])
    for k in range(2):
        w.article(outlet, f"Markets today {k}", hours_ago(k + 1), ["Markets"])
    assert app.articles.trending_hashtags() == []


def test_the_half_life_must_be_a_positive_number_of_hours() -> None:
    for raw in ("0", "-3", "nan", "inf"):
        with pytest.raises(ConfigError, match="NEWSLOOM_STORY_HALF_LIFE_HOURS"):
            Settings.from_env({"NEWSLOOM_STORY_HALF_LIFE_HOURS": raw})
    assert Settings.from_env({"NEWSLOOM_STORY_HALF_LIFE_HOURS": "12"}).story_half_life_hours == 12
