"""Dates a page states about itself in a note: "originally published on …" and, when the page
gives no other date, "Last updated: …" anywhere."""

from __future__ import annotations

from datetime import UTC, datetime

from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.pipeline.extract import extract
from newsloom.pipeline.extract.date_notes import stated_first_publication, update_note


def day(html: str) -> str | None:
    published = extract(html).published
    return published.date().isoformat() if published else None


def test_note_saying_when_the_page_was_first_published() -> None:
    note = (
        '<p class="disclaimer">This article was originally published on 14 Mar 2019 at 9:05am '
        "but is updated to keep it current.</p>"
    )
    assert stated_first_publication(note) == datetime(2019, 3, 14, 9, 5, tzinfo=UTC)
    split = "<p><span>Originally published</span> <span>November 9, 2022</span></p>"
    assert stated_first_publication(split) == datetime(2022, 11, 9, tzinfo=UTC)
    weekday = "<p>This page was originally posted on Wednesday, March 2, 2022.</p>"
    assert stated_first_publication(weekday) == datetime(2022, 3, 2, tzinfo=UTC)


def test_first_publication_of_something_else_is_not_the_page_s() -> None:
    study = "<p>The survey, originally published on 3 May 2021, found most crews fish alone.</p>"
    assert stated_first_publication(study) is None
    elsewhere = "<p>This article was originally published in the Harbour Review on 3 May 2021.</p>"
    assert stated_first_publication(elsewhere) is None
    no_day = "<p><em>Originally published in March 2022.</em></p>"
    assert stated_first_publication(no_day) is None
    teasers = (
        "<li><span>Originally published</span> <span>May 3, 2021</span></li>"
        "<li><span>Originally published</span> <span>June 8, 2022</span></li>"
    )
    assert stated_first_publication(teasers) is None


def test_stated_first_publication_beats_the_declared_date() -> None:
    head = '<meta property="article:published_time" content="2024-09-30T11:07:00+00:00">'
    note = "<p>This story was originally published on 14 Mar 2019 and updated since.</p>"
    story = ARTICLE_PARAGRAPHS * 4  # the note is far from the headline
    assert day(article_html(head=head, paragraphs=story, inside_after=note)) == "2019-03-14"


def test_update_note_anywhere_when_the_page_gives_no_other_date() -> None:
    assert update_note('<p style="text-align:right">Last updated: November 13, 2025</p>') == (
        datetime(2025, 11, 13, tzinfo=UTC)
    )
    assert update_note('<script>var c = {"updated": "2025-01-02"};</script>') is None
    assert update_note("<p>Our privacy policy updated May 25, 2018.</p>") is None
    assert update_note("<div>Updated on: January 30, 2026</div>") == datetime(
        2026, 1, 30, tzinfo=UTC
    )
    story = ARTICLE_PARAGRAPHS * 10  # the note is far from the headline
    footer = '<div class="footer-note"><p>Page updated:</p><p>13 November 2025</p></div>'
    assert day(article_html(paragraphs=story, after=footer)) == "2025-11-13"


def test_update_note_with_a_month_and_no_day_reads_as_the_month_s_first_day() -> None:
    """Public-health pages close with "Last Updated: June 2022" and give no other date; a
    site-wide "Site Last Updated" line is not the page's."""
    assert update_note("<div><b>Last Updated: </b>June 2022</div>") == datetime(
        2022, 6, 1, tzinfo=UTC
    )
    assert update_note("<p>Site Last Updated:<!-- --> December 20, 2025</p>") is None
    story = ARTICLE_PARAGRAPHS * 10
    closing = '<div class="row"><div class="col"><b>Last Updated: </b>June 2022</div></div>'
    assert day(article_html(paragraphs=story, inside_after=closing)) == "2022-06-01"


def test_declared_change_when_the_page_gives_no_other_date() -> None:
    head = '<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">'
    assert day(article_html(head=head)) == "2023-06-12"


def test_update_shown_before_the_save_stamp_is_the_earliest_day() -> None:
    """datePublished equal to dateModified was stamped at the last save; the "Page updated"
    day under the headline is earlier, so the page was there before the stamp."""
    stamp = "2025-11-13T09:21:40+00:00"
    head = (
        '<script type="application/ld+json">{"@type": "Article", "headline": "Wenlow votes to '
        f'rebuild its stone pier", "datePublished": "{stamp}", "dateModified": "{stamp}"}}'
        "</script>"
    )
    byline = "<p>By Nina Sorensen</p><p>Page updated:</p><p>12 November 2025</p>"
    html = article_html(head=head).replace("</h1>", "</h1>" + byline, 1)
    assert day(html) == "2025-11-12"
    later = byline.replace("12 November", "14 November")
    html = article_html(head=head).replace("</h1>", "</h1>" + later, 1)
    assert day(html) == "2025-11-13"
