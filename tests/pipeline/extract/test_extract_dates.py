"""The publication date: machine-readable dates, the date shown under the headline, update
labels, time zones and the order of day and month."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.pipeline.extract import extract
from newsloom.pipeline.extract.dates import date_from_url, find_date

LOGO = '<header><h1 class="logo">Harbour Notes</h1></header>'


def ld_published(value: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "Wenlow votes to rebuild its stone pier", "datePublished": "{value}"}}'
        "</script>"
    )


def page(under_headline: str, *, head: str = "", lang: str = "en") -> str:
    """The real headline comes after a logo <h1>; the byline block sits under it."""
    html = article_html(head=head, lang=lang)
    html = html.replace("</h1>", "</h1>" + under_headline, 1)
    return html.replace('<div class="site">', '<div class="site">' + LOGO, 1)


def day(html: str, url: str | None = None) -> str | None:
    published = extract(html, url).published
    return published.date().isoformat() if published else None


def test_earlier_date_under_the_headline_corrects_the_declared_one() -> None:
    # A content system re-stamped datePublished; the byline keeps the first day.
    html = page("<p>Nina Sorensen</p><p>August 25, 2024</p>", head=ld_published("2025-06-24"))
    assert day(html) == "2024-08-25"


def test_later_date_under_the_headline_is_an_update_not_the_publication() -> None:
    html = page("<p>November 14, 2025</p>", head=ld_published("2024-09-06T13:12:36+00:00"))
    assert extract(html).published == datetime(2024, 9, 6, 13, 12, 36, tzinfo=UTC)


def test_dates_labelled_as_updates_are_skipped() -> None:
    html = page("<div><p>Last updated:</p><p>Dec 12, 2025</p></div><p>Posted Mar 3, 2025</p>")
    assert day(html) == "2025-03-03"
    html = page("<p>Updated May 6, 2024</p><p>First published May 2, 2024</p>")
    assert day(html) == "2024-05-02"


def test_one_day_earlier_counts_only_when_the_url_agrees() -> None:
    head = ld_published("2025-12-19T02:41:41+00:00")  # the evening of the 18th in America
    html = page("<p>Posted on December 18, 2025</p>", head=head)
    assert extract(html).published == datetime(2025, 12, 19, 2, 41, 41, tzinfo=UTC)
    assert day(html, "https://blog.example/2025/12/18/pier/") == "2025-12-18"


def test_one_day_earlier_counts_when_the_utc_time_is_late_in_the_day() -> None:
    head = ld_published("2025-12-19T22:02:58Z")  # still the 19th anywhere west of UTC
    html = page("<p>Dec 18, 2025</p><p>4 min read</p>", head=head)
    assert day(html) == "2025-12-18"


def test_iso_timestamp_written_under_the_headline() -> None:
    html = page("<p>Nina Sorensen</p><p><span>2022-11-23T08:10+02:00</span></p>")
    published = extract(html).published
    assert published == datetime(2022, 11, 23, 8, 10, tzinfo=timezone(timedelta(hours=2)))


def test_written_date_next_to_the_real_headline_not_the_logo() -> None:
    html = page("<p>Nina Sorensen</p><p>23.07.2025</p>")
    assert day(html) == "2025-07-23"


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("Updated: 10/31/2024", None, (2024, 10, 31)),
        ("05/06/2024", None, (2024, 5, 6)),
        ("05/06/2024", True, (2024, 6, 5)),
        ("31/10/2024", None, (2024, 10, 31)),
        ("12.11.2025", None, (2025, 11, 12)),
        ("02-12-2025", None, (2025, 12, 2)),
        ("no date here", None, None),
    ],
)
def test_numeric_day_and_month_order(
    text: str, day_first: bool | None, expected: tuple[int, int, int] | None
) -> None:
    found = find_date(text, day_first=day_first)
    got = (found.year, found.month, found.day) if found else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publicado em 14 de junho de 2022 às 10h30", (2022, 6, 14, 10, 30)),
        ("3 de março de 2023", (2023, 3, 3, 0, 0)),
        ("5 maart 2024 om 09:15", (2024, 3, 5, 9, 15)),
        ("5 de marzo de 2024 a las 14:05", (2024, 3, 5, 14, 5)),
        ("2024年3月12日 10:30", (2024, 3, 12, 10, 30)),
        ("2024年03月12日(火) 10時05分", (2024, 3, 12, 10, 5)),
        ("2024년 3월 12일", (2024, 3, 12, 0, 0)),
        ("By: Harbour Desk on 04-ago-2021 5:11:10", (2021, 8, 4, 5, 11)),
        ("17-Mar-2023", (2023, 3, 17, 0, 0)),
        ("12 dic. 2020", (2020, 12, 12, 0, 0)),
    ],
)
def test_dates_written_in_portuguese_dutch_spanish_dashed_and_east_asian_styles(
    text: str, expected: tuple[int, int, int, int, int]
) -> None:
    found = find_date(text)
    assert found is not None
    assert (found.year, found.month, found.day, found.hour, found.minute) == expected


def test_a_year_after_ago_is_no_date() -> None:
    assert find_date("It closed three years ago 2021 was its last season") is None


def test_british_page_reads_day_first() -> None:
    assert day(page("<p>05/06/2024</p>", lang="en-GB")) == "2024-06-05"
    assert day(page("<p>05/06/2024</p>", lang="en-US")) == "2024-05-06"


def test_meta_published_and_page_json_dates() -> None:
    html = article_html(head='<meta name="published" content="July 17, 2025">')
    assert day(html) == "2025-07-17"
    script = "<script>var post = {publication_date: '2024-02-06', authors: 'Ann'};</script>"
    html = article_html(head=script.replace("publication_date", '"publication_date"'))
    assert day(html) == "2024-02-06"


def test_declared_offset_is_kept() -> None:
    html = article_html(head=ld_published("2024-03-05T09:30:00+01:00"))
    assert extract(html).published == datetime(
        2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=1))
    )


def test_update_time_elements_and_labels_over_two_lines_are_skipped() -> None:
    times = (
        '<p><time class="updated" datetime="2026-01-12T08:00:00+00:00">12 Jan 2026</time>'
        '<time class="entry-date published" datetime="2025-01-02T08:00:00+00:00"></time></p>'
    )
    assert day(article_html(before=times)) == "2025-01-02"
    html = page(
        "<p>By Nina Sorensen</p><p>Last Updated</p><p>on</p><p>Mar 11, 2026</p>",
        head=ld_published("2025-02-01"),
    )
    assert day(html) == "2025-02-01"


def test_url_with_a_month_name_and_the_reading_it_settles() -> None:
    assert date_from_url("https://wine.example/blog/2023/october/03/grapes") == datetime(
        2023, 10, 3, tzinfo=UTC
    )
    html = page("<p>03/10/2023</p>", lang="en")  # month first by default: March 10th
    assert day(html) == "2023-03-10"
    assert day(html, "https://wine.example/blog/2023/october/03/grapes") == "2023-10-03"


def test_an_update_date_is_used_when_the_page_gives_no_other() -> None:
    long_story = tuple(p * 12 for p in ARTICLE_PARAGRAPHS)  # the headline's block is large
    html = article_html(paragraphs=long_story).replace(
        "</h1>", "</h1><p>By Nina Sorensen &sdot; <span>Updated May 6, 2025</span></p>", 1
    )
    assert day(html) == "2025-05-06"


def test_published_date_meta_named_with_a_dash() -> None:
    head = (
        '<meta name="published-date" content="2021-02-16">'
        '<meta name="published-time" content="2026-03-09T08:45:32Z">'
    )
    assert day(article_html(head=head)) == "2021-02-16"


def _stamped(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "Wenlow votes to rebuild its stone pier", "datePublished": "{published}", '
        f'"dateModified": "{modified}"}}</script>'
    )


def test_publication_markup_corrects_a_date_stamped_at_the_last_save() -> None:
    """datePublished equal to dateModified was stamped when the page was last saved; the
    "Published" line at the end of the article keeps the first day."""
    story = ARTICLE_PARAGRAPHS * 4  # the footer is far from the headline
    footer = '<p>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></p>'
    stamped = _stamped("2025-11-29T12:28:31-05:00", "2025-11-29T12:28:31-05:00")
    assert day(article_html(head=stamped, paragraphs=story, inside_after=footer)) == "2025-08-13"
    changed = _stamped("2025-11-29T12:28:31-05:00", "2025-12-02T09:00:00-05:00")
    assert day(article_html(head=changed, paragraphs=story, inside_after=footer)) == "2025-11-29"
    others = (
        '<ul class="more"><li><time itemprop="datePublished" datetime="2025-03-02">Mar 2</time>'
        '</li><li><time itemprop="datePublished" datetime="2025-04-09">Apr 9</time></li></ul>'
    )
    assert day(article_html(head=stamped, paragraphs=story, after=others)) == "2025-11-29"


def test_date_beside_the_author_link_when_the_page_gives_no_other() -> None:
    story = ARTICLE_PARAGRAPHS * 10  # the byline block is far from the headline
    byline = (
        '<div><p>Written by <a href="/blog/author/nina-sorensen">Nina Sorensen</a></p>'
        "<p>April 8, 2024</p></div>"
    )
    assert day(article_html(paragraphs=story, after=byline)) == "2024-04-08"
    bio = '<div><p>More from <a href="/blog/author/nina-sorensen">Nina Sorensen</a></p></div>'
    assert day(article_html(paragraphs=story, after=bio + "<p>April 8, 2024</p>")) is None


@pytest.mark.parametrize("listed", [3, 80])
def test_the_machine_readable_date_beside_the_headline_beats_a_listing_of_other_dates(
    listed: int,
) -> None:
    listing = "".join(
        f'<li><a href="/news/{k}">Harbour story {k}</a> '
        f'<time datetime="2023-05-{k % 28 + 1:02d}">May {k % 28 + 1}</time></li>'
        for k in range(listed)
    )
    html = article_html(before=f'<aside class="latest"><ul>{listing}</ul></aside>').replace(
        "</h1>", '</h1><p class="meta"><time datetime="2025-09-14T07:00:00Z"></time></p>', 1
    )
    assert day(html) == "2025-09-14"
