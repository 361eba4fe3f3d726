"""Metadata from JSON-LD, OpenGraph, meta tags, <time> and bylines written in the page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from extract_pages import article_html

from newsloom.pipeline.extract import extract
from newsloom.pipeline.extract.authors import clean_names
from newsloom.pipeline.extract.dates import date_from_url, parse_date
from newsloom.pipeline.extract.language import guess_language
from newsloom.pipeline.extract.metadata import strip_site_suffix

URL = "https://gazette.example/news/2024/03/05/pier"

JSON_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Wenlow Gazette"},
  {"@type": "NewsArticle", "headline": "Wenlow votes to rebuild its stone pier",
   "datePublished": "2024-03-05T09:30:00+01:00", "dateModified": "2024-03-06T08:00:00Z",
   "author": [{"@type": "Person", "name": "Jonas Feld"},
              {"@type": "Person", "name": "Ada Brennan"},
              {"@type": "Organization", "name": "Gazette Staff"}],
   "image": {"@type": "ImageObject", "url": "/img/pier-large.jpg"},
   "publisher": {"@type": "Organization", "name": "The Wenlow Gazette"},
   "inLanguage": "en-GB"}
]}
</script>"""

OPEN_GRAPH = """
<meta property="og:title" content="Wenlow votes to rebuild its stone pier | The Wenlow Gazette">
<meta property="og:site_name" content="The Wenlow Gazette">
<meta property="og:image" content="//cdn.gazette.example/pier.jpg">
<meta property="og:description" content="The council ends a three-year debate.">
<meta property="article:published_time" content="2024-03-05T10:15:00">
<meta name="author" content="By Mira Holt, Staff Reporter">
<link rel="canonical" href="/news/pier">
"""


def test_json_ld() -> None:
    e = extract(article_html(head=JSON_LD), URL)
    assert e.title == "Wenlow votes to rebuild its stone pier"
    assert e.authors == ("Jonas Feld", "Ada Brennan")
    assert e.author == "Jonas Feld and Ada Brennan"  # as a byline reads
    assert e.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert e.updated == datetime(2024, 3, 6, 8, 0, tzinfo=UTC)
    assert e.lead_image == "https://gazette.example/img/pier-large.jpg"
    assert e.site_name == "The Wenlow Gazette"
    assert e.language == "en"


def test_open_graph_and_meta_tags() -> None:
    e = extract(article_html(head=OPEN_GRAPH), URL)
    assert e.title == "Wenlow votes to rebuild its stone pier"
    assert e.site_name == "The Wenlow Gazette"
    assert e.lead_image == "https://cdn.gazette.example/pier.jpg"
    assert e.canonical_url == "https://gazette.example/news/pier"
    assert e.description == "The council ends a three-year debate."
    assert e.published == datetime(2024, 3, 5, 10, 15, tzinfo=UTC)  # no zone given: UTC
    assert e.authors == ("Mira Holt",)


def test_time_element_and_written_byline() -> None:
    html = article_html().replace(
        "<h1>",
        '<p class="meta">By <a href="/people/mira">Mira Holt</a> and Tom Reyes'
        ' · <time datetime="2023-11-02T07:45:00-05:00">2 November 2023</time></p><h1>',
    )
    e = extract(html)
    assert e.authors == ("Mira Holt", "Tom Reyes")
    assert e.published == datetime(2023, 11, 2, 7, 45, tzinfo=timezone(timedelta(hours=-5)))
    assert "Mira Holt" not in e.text


def test_byline_as_plain_text_near_headline() -> None:
    html = article_html().replace(
        '<div class="story-body">',
        '<p>Written by Ines Valdez | March 4, 2022</p><div class="story-body">',
    )
    e = extract(html)
    assert e.authors == ("Ines Valdez",)
    assert e.published is not None and e.published.date().isoformat() == "2022-03-04"


def test_date_from_url_when_nothing_else() -> None:
    e = extract(article_html(), "https://gazette.example/2021/07/19/harbour-news/")
    assert e.published == datetime(2021, 7, 19, tzinfo=UTC)


def test_no_metadata_at_all() -> None:
    e = extract(
        "<html><body><p>" + "Plain words without any markup at all. " * 10 + "</p></body></html>"
    )
    assert e.title is None and e.authors == () and e.published is None
    assert e.lead_image is None and e.canonical_url is None
    assert e.language == "en"  # guessed from stopwords


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (["By Jane Doe"], ("Jane Doe",)),
        (["By JANE DOE and John Roe"], ("Jane Doe", "John Roe")),
        (["Jane Doe, Staff Writer"], ("Jane Doe",)),
        (["3 Minute Read"], ()),
        (["Published 12 May 2023"], ()),
        (["@janedoe"], ()),
        (["Staff"], ()),
        (["By"], ()),
        (["Jane Doe | Updated 5 hours ago"], ("Jane Doe",)),
        (["Von Max Mustermann und Erika Muster"], ("Max Mustermann", "Erika Muster")),
    ],
)
def test_author_cleaning(raw: list[str], names: tuple[str, ...]) -> None:
    assert clean_names(raw) == names


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("2024-03-05T09:30:00Z", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        (
            "2024-03-05T09:30:00.123456789+0200",
            datetime(2024, 3, 5, 9, 30, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("Tue, 05 Mar 2024 09:30:00 GMT", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        (
            "March 5, 2024 4:30 pm EST",
            datetime(2024, 3, 5, 16, 30, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("5. März 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("1709631000", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("not a date", None),
        ("2024-02-30", None),
        ("1850-01-01", None),
    ],
)
def test_parse_date(value: str, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_date_from_url() -> None:
    assert date_from_url("https://x.example/2020/12/31/a") == datetime(2020, 12, 31, tzinfo=UTC)
    assert date_from_url("https://x.example/news/a") is None


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Pier to be rebuilt | The Wenlow Gazette", "The Wenlow Gazette", "Pier to be rebuilt"),
        ("Pier to be rebuilt - Gazette", None, "Pier to be rebuilt"),
        (
            "Gazette | Pier to be rebuilt after long debate",
            None,
            "Pier to be rebuilt after long debate",
        ),
        ("Why the pier - and the town - matter", None, "Why the pier - and the town - matter"),
    ],
)
def test_strip_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The council said that the pier was in a poor state and that it would be rebuilt.", "en"),
        (
            "Der Rat sagte, dass die Mole in einem schlechten Zustand ist und nicht mehr sicher.",
            "de",
        ),
        ("Le conseil a dit que la jetée était en mauvais état et qu'elle sera reconstruite.", "fr"),
        (
            "El consejo dijo que el muelle estaba en mal estado y que será reconstruido pronto.",
            "es",
        ),
        ("Совет заявил, что причал находится в плохом состоянии и будет перестроен.", "ru"),
        ("市議会は古い石の桟橋を再建することを決めました。工事は春に始まります。", "ja"),
        ("...", None),
    ],
)
def test_language_guess(text: str, code: str | None) -> None:
    assert guess_language(text) == code


def test_declared_language_wins() -> None:
    assert extract(article_html(lang="de-AT")).language == "de"


def test_json_ld_person_with_middle_initial_is_one_name() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier", '
        '"author": [{"@type": "Person", "name": "Sarah E. Needleman"}, '
        '{"@type": "Person", "name": "Tom Reyes and Ada Brennan"}]}</script>'
    )
    e = extract(article_html(head=head))
    assert e.authors == ("Sarah E. Needleman", "Tom Reyes", "Ada Brennan")

