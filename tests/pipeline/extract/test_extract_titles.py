"""Which headline the extractor reports: the visible <h1> or the metadata title, and how site
names, labels and dates are taken off."""

from __future__ import annotations

import pytest

from newsloom.pipeline.extract import extract

HEADLINE = "Wenlow votes to rebuild its stone pier"
BODY = (
    "<p>The harbour town of Wenlow voted on Tuesday to rebuild its old stone pier, ending a "
    "debate that had divided the council for almost three years.</p>"
    "<p>Engineers told the meeting that the pier had settled by nearly forty centimetres at "
    "its seaward end since the last survey, and fishing crews welcomed the decision.</p>"
)


def page(*, title: str | None = None, head: str = "", h1s: tuple[str, ...] = ()) -> str:
    title_tag = f"<title>{title}</title>" if title is not None else ""
    headings = "".join(f"<h1>{h}</h1>" for h in h1s)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{title_tag}{head}</head>'
        f"<body><main><article>{headings}{BODY}</article></main></body></html>"
    )


def og(title: str, site: str | None = None) -> str:
    tags = f'<meta property="og:title" content="{title}">'
    if site:
        tags += f'<meta property="og:site_name" content="{site}">'
    return tags


def test_visible_headline_wins_only_when_it_agrees_with_the_metadata() -> None:
    html = page(
        title="Pier vote: council backs rebuild | The Wenlow Gazette",
        head=og("Pier vote: council backs rebuild"),
        h1s=(f"{HEADLINE} after three years",),
    )
    # The <h1> shares most of its words with no metadata title: the metadata one is used.
    assert extract(html).title == "Pier vote: council backs rebuild"
    html = page(title=f"{HEADLINE} | The Wenlow Gazette", h1s=(f"{HEADLINE} today",))
    assert extract(html).title == f"{HEADLINE} today"


def test_a_single_word_of_the_title_in_an_h1_is_not_the_headline() -> None:
    html = page(head=og(f"{HEADLINE} after three years of debate"), h1s=("Wenlow", "Pier"))
    assert extract(html).title == f"{HEADLINE} after three years of debate"


def test_logo_h1_that_is_the_end_of_the_page_title_is_skipped() -> None:
    html = page(title=f"{HEADLINE} | Harbour Notes", h1s=("Harbour Notes",))
    assert extract(html).title == HEADLINE


def test_site_name_learned_from_the_page_title_and_og_title() -> None:
    html = page(title=f"Harbour Notes: {HEADLINE}", head=og(HEADLINE), h1s=("Harbour Notes",))
    assert extract(html).title == HEADLINE


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (f"{HEADLINE} | Opinion | The Wenlow Gazette", HEADLINE),
        (f"{HEADLINE} | Top Ten Harbour Facts", HEADLINE),
        (f"The Agency | {HEADLINE} after three years", f"{HEADLINE} after three years"),
        (f"wenlow.example {HEADLINE}", HEADLINE),
        ("Why the pier - and the town - matter", "Why the pier - and the town - matter"),
        (f"{HEADLINE} | ", HEADLINE),
        (f"PB042 – {HEADLINE} | ", HEADLINE),
    ],
)
def test_metadata_title_parts(title: str, expected: str) -> None:
    html = page(title=title)
    assert extract(html, "https://wenlow.example/news/pier").title == expected


def test_h1_with_a_section_suffix_gives_the_metadata_headline() -> None:
    html = page(head=og(f"{HEADLINE} | Wenlow Gazette"), h1s=(f"{HEADLINE} | Opinion",))
    assert extract(html).title == HEADLINE


def test_h1_with_a_date_or_label_in_front_gives_the_metadata_headline() -> None:
    html = page(head=og(HEADLINE), h1s=(f"Mar 4 2024 {HEADLINE}",))
    assert extract(html).title == HEADLINE
    html = page(head=og(HEADLINE), h1s=(f"Blog: {HEADLINE}",))
    assert extract(html).title == HEADLINE


def test_plain_quotes_of_the_metadata_title_are_kept() -> None:
    html = page(
        head=og("Wenlow&#39;s pier will be rebuilt"), h1s=("Wenlow\u2019s pier will be rebuilt",)
    )
    assert extract(html).title == "Wenlow's pier will be rebuilt"


def test_double_escaped_entities_in_json_ld_are_decoded() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Fish &amp;amp; chips return to the pier"}</script>'
    )
    assert extract(page(head=head)).title == "Fish & chips return to the pier"


def test_paragraph_set_as_h1_is_not_the_headline() -> None:
    long_h1 = "Learn how the town decided. " * 10
    html = page(head=og(f"{HEADLINE} | Wenlow Gazette"), h1s=(long_h1,))
    assert extract(html).title == HEADLINE


def test_letter_set_apart_by_an_inline_element_stays_in_its_word() -> None:
    html = page(
        head=og("Council plans the pier cycle for two years"),
        h1s=('Council plans the pier <span class="drop">c</span>ycle for two years',),
    )
    assert extract(html).title == "Council plans the pier cycle for two years"


def test_kicker_and_headline_in_separate_elements_keep_their_space() -> None:
    html = page(
        head=og(f"Harbour: {HEADLINE}"),
        h1s=(f"<span>Harbour</span><span>{HEADLINE}</span>",),
    )
    assert extract(html).title == f"Harbour {HEADLINE}"


def test_json_ld_headline_cut_short_is_completed_from_og_title() -> None:
    full = f"{HEADLINE} after three years of debate in the harbour council"
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "{full[:60]}"}}</script>' + og(f"{full} | The Wenlow Gazette")
    )
    assert extract(page(head=head)).title == full


def test_full_width_question_mark_in_an_english_headline_is_plain() -> None:
    assert extract(page(head=og("Will Wenlow rebuild its pier\uff1f"))).title == (
        "Will Wenlow rebuild its pier?"
    )
    assert extract(page(head=og("\u6e2f\u306e\u6865\u306f\uff1f"))).title == (
        "\u6e2f\u306e\u6865\u306f\uff1f"
    )


def _untitled_page(headline: str) -> str:
    """An old page that names no title anywhere: no <title>, no og:title, no <h1>."""
    story = "".join(f"<p>{p}</p>" for p in _STORY)
    return (
        "<html><body><div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        "<div class='kicker'>HARBOUR NEWS</div>"
        f"<div class='head'>{headline}</div>"
        "<div class='date'>Published: January 08, 2008 14:21</div>"
        "<div class='teaser'>The council voted on Tuesday to rebuild the pier.</div>"
        f"<div class='story'>{story}</div></body></html>"
    )


_STORY = (
    "The harbour town of Wenlow voted on Tuesday to rebuild its old stone pier, ending a "
    "debate that had divided the council for almost three years.",
    "Engineers told the meeting that the pier had settled by nearly forty centimetres at its "
    "seaward end since the last survey, and fishing crews welcomed the decision.",
    "The work is to start in the spring and should take two summers, the harbour master "
    "said, with the ferry moved to the north quay while the cranes are in place.",
)


def test_a_page_that_names_no_title_gets_the_line_above_its_article() -> None:
    assert extract(_untitled_page(HEADLINE)).title == HEADLINE


def test_no_title_is_made_up_from_a_date_or_a_kicker() -> None:
    assert extract(_untitled_page("Sunday January 20")).title is None
