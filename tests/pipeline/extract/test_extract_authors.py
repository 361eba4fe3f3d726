"""Who wrote the article: schema.org authors (also by reference), meta tags, bylines written
next to the headline, and what is not a byline (comment forms, bios, staff titles)."""

from __future__ import annotations

import pytest
from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.pipeline.extract import extract
from newsloom.pipeline.extract.authors import clean_names

LOGO = '<header><h1 class="logo">Harbour Notes</h1></header>'


def ld(body: str) -> str:
    return f'<script type="application/ld+json">{body}</script>'


def test_json_ld_author_given_by_reference() -> None:
    head = ld(
        '{"@graph": [{"@type": "NewsArticle", "headline": "Pier", '
        '"author": {"@id": "https://gazette.example/#/person/7"}}, '
        '{"@type": "Person", "@id": "https://gazette.example/#/person/7", "name": "Ada Brennan"}]}'
    )
    assert extract(article_html(head=head)).authors == ("Ada Brennan",)


def test_organisation_author_only_when_no_person_is_named() -> None:
    org = '{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Pier Trust"}}'
    assert extract(article_html(head=ld(org))).authors == ("Pier Trust",)
    byline = '<p class="byline">By Tom Reyes</p>'
    html = article_html(head=ld(org)).replace('<div class="story-body">', byline + "<div>")
    assert extract(html).authors == ("Tom Reyes",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Harbour Desk Staff", ("Harbour Desk Staff",)),
        ("The Gazette Team", ("The Gazette Team",)),
        ("3 Minute Read", ()),
        ("About the Author", ()),
        ("By Jane Doe, MD, FACP", ("Jane Doe, MD, FACP",)),
        ("Jane Doe, Staff Reporter", ("Jane Doe",)),
        ("Gene Carlton, Ph.D.", ("Gene Carlton, Ph.D.",)),
        ("Jean-Luc Marchand (Wenlow Post)", ("Jean-Luc Marchand (Wenlow Post)",)),
        ("Maria &amp; Katerina Holt", ("Maria", "Katerina Holt")),
        ("Office for Harbour Safety and Research", ("Office for Harbour Safety and Research",)),
        ("Wenlow Interactive and Design", ("Wenlow Interactive and Design",)),
        ("Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        ("Nina Sorensen, Frankfurt, Germany", ("Nina Sorensen",)),
        ("undefined", ()),
        ("Webmaster", ()),
    ],
)
def test_declared_author_meta_tag(value: str, expected: tuple[str, ...]) -> None:
    head = f'<meta name="author" content="{value}">'
    assert extract(article_html(head=head)).authors == expected


def test_many_declared_authors_are_all_kept() -> None:
    names = [f"Writer {c}son" for c in "ABCDEFGH"]
    head = ld(
        '{"@type": "NewsArticle", "author": ['
        + ", ".join(f'{{"@type": "Person", "name": "{n}"}}' for n in names)
        + "]}"
    )
    assert extract(article_html(head=head)).authors == tuple(names)


def _under_headline(html_after_h1: str, *, before: str = "") -> str:
    """A page whose first <h1> is the site's logo; the byline sits under the real headline."""
    html = article_html(title="Wenlow votes to rebuild its stone pier")
    html = html.replace("<h1>", f"{before}<h1>", 1)
    return html.replace("</h1>", "</h1>" + html_after_h1, 1).replace(
        '<div class="site">', '<div class="site">' + LOGO, 1
    )


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<p>Published May 4, 2023 by Nina Sorensen</p>", ("Nina Sorensen",)),
        ("<p>Article written by: Nina Sorensen</p>", ("Nina Sorensen",)),
        ("<p>Contributors:</p><p>Nina Sorensen</p>", ("Nina Sorensen",)),
        ("<p>Nina Sorensen</p><p>4 May 2023</p>", ("Nina Sorensen",)),
        ("<p>May 4, 2023</p><p>•</p><div><span>Nina Sorensen in</span> <span>Harbour</span></div>",
         ("Nina Sorensen",)),
        ("<p>Get Started</p><p>The Harbour Guide</p><p>4 May 2023</p>", ()),
        ("<p>Reviewed by Olga Brandt</p>", ()),
        ("<p>Medically reviewed</p><p>by</p><p>Olga Brandt</p><p>Written by Nina Sorensen</p>",
         ("Nina Sorensen",)),
        ("<p>Edited by: Olga Brandt</p><p>By Nina Sorensen</p>", ("Nina Sorensen",)),
    ],
)  # fmt: skip
def test_byline_next_to_the_headline(byline: str, expected: tuple[str, ...]) -> None:
    assert extract(_under_headline(byline)).authors == expected


def test_byline_under_the_headline_wins_over_a_different_declared_author() -> None:
    """The declared author is often the account that posted the page (an editor, the site)."""
    head = '<meta name="author" content="Webdesk Editor">'
    html = _under_headline("<p>By Nina Sorensen</p>").replace("</head>", head + "</head>")
    assert extract(html).authors == ("Nina Sorensen",)


def test_declared_authors_stay_when_the_byline_names_one_of_them() -> None:
    head = ld(
        '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Nina Sorensen"}, '
        '{"@type": "Person", "name": "Tom Reyes"}]}'
    )
    html = _under_headline("<p>By Dr Nina Sorensen</p>").replace("</head>", head + "</head>")
    assert extract(html).authors == ("Nina Sorensen", "Tom Reyes")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Nina Sorensen &amp; Tom Reyes", "Nina Sorensen & Tom Reyes"),
        ("Nina Sorensen, Tom Reyes", "Nina Sorensen, Tom Reyes"),
        ("Nina Sorensen , Tom Reyes", "Nina Sorensen, Tom Reyes"),
        ("Nina Sorensen / Harbour Desk Staff", "Nina Sorensen / Harbour Desk Staff"),
    ],
)
def test_declared_byline_is_kept_as_the_page_writes_it(value: str, expected: str) -> None:
    head = f'<meta name="author" content="{value}">'
    assert extract(article_html(head=head)).author == expected


def test_visible_byline_is_kept_as_written_when_it_names_the_declared_authors() -> None:
    head = ld(
        '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Nina Sorensen"}, '
        '{"@type": "Person", "name": "Tom Reyes"}, {"@type": "Person", "name": "Ola Sand"}]}'
    )
    byline = "<p>By Nina Sorensen, Tom Reyes, and Ola Sand</p>"
    html = _under_headline(byline).replace("</head>", head + "</head>")
    extracted = extract(html)
    assert extracted.authors == ("Nina Sorensen", "Tom Reyes", "Ola Sand")
    assert extracted.author == "Nina Sorensen, Tom Reyes, and Ola Sand"


def test_byline_of_linked_names_is_read_whole() -> None:
    byline = (
        '<div class="byline"><span>By</span><div><a href="/p/ns">Nina Sorensen</a></div>'
        '<span>, </span><div><a href="/p/tr">Tom Reyes</a></div><span>, and </span>'
        '<div><a href="/p/os">Ola Sand</a></div><p>Updated May 4, 2023</p></div>'
    )
    extracted = extract(_under_headline(byline))
    assert extracted.authors == ("Nina Sorensen", "Tom Reyes", "Ola Sand")
    assert extracted.author == "Nina Sorensen, Tom Reyes, and Ola Sand"


def test_byline_with_a_role_reads_as_the_names_only() -> None:
    head = '<meta name="author" content="Nina Sorensen and Tom Reyes, Staff Reporters">'
    assert extract(article_html(head=head)).author == "Nina Sorensen and Tom Reyes"


def test_team_byline_in_an_author_element() -> None:
    html = _under_headline('<p class="authorName">Harbour Staff</p>')
    assert extract(html).authors == ("Harbour Staff",)


def test_comment_form_and_lower_case_blurbs_are_not_bylines() -> None:
    form = (
        '<form class="comment-form"><p class="comment-form-author">'
        '<label>Name *</label><input name="author"></p></form>'
        '<div class="author-bio">experienced gardeners and everyone in between</div>'
    )
    html = article_html(after=form)
    assert extract(html).authors == ()


def test_names_in_comments_are_not_the_author() -> None:
    comments = (
        '<section id="comments"><div class="comment"><span class="comment-author">'
        "Olga Brandt</span> says: great news</div></section>"
    )
    assert extract(article_html(after=comments)).authors == ()


def test_byline_with_date_and_place_after_the_name() -> None:
    html = _under_headline("<p>Posted by Nina Sorensen on 18 Dec 2023 in Harbour, Town</p>")
    assert extract(html).authors == ("Nina Sorensen",)


def test_clean_names_keeps_initials_and_letters() -> None:
    assert clean_names(["By Ann B. Carter and Jo Dunn, PhD"]) == ("Ann B. Carter", "Jo Dunn, PhD")
    assert ARTICLE_PARAGRAPHS  # the shared page text is in use here


def test_author_box_with_a_bio_that_names_the_person() -> None:
    box = (
        '<div class="post-author-box"><p>Nina Sorensen</p><p>Nina Sorensen is a reporter who '
        "has covered the harbour, the council and the fishing fleet for many years, and who "
        "writes a weekly column about life on the coast and the people who work there.</p></div>"
    )
    assert extract(article_html(inside_after=box)).authors == ("Nina Sorensen",)


def test_name_with_role_line_before_the_date() -> None:
    html = _under_headline(
        "<p>Nina Sorensen</p><p>Co-Founder &amp; Harbour Editor</p><p>Updated on 23 Oct 2025</p>"
    )
    assert extract(html).authors == ("Nina Sorensen",)


def test_breadcrumb_and_section_beside_a_date_are_not_names() -> None:
    html = _under_headline("", before="<p>Stone Pier</p><p>March 3, 2024</p>")
    assert extract(html).authors == ()
    html = _under_headline("", before="<p>Harbour Guides</p><p>16 min read</p>")
    assert extract(html).authors == ()


def test_sentence_with_by_is_not_a_byline() -> None:
    html = _under_headline("<p>Published by the Harbour Trust and released in May 2025,</p>")
    assert extract(html).authors == ()
    html = _under_headline("<p>By Nina Sorensen, staff writer for the Gazette</p>")
    assert extract(html).authors == ("Nina Sorensen",)


def test_byline_under_an_h2_headline_when_the_h1_is_the_logo() -> None:
    html = (
        '<html lang="en"><head><title>Pier plans approved | Harbour Notes</title></head><body>'
        "<header><h1>Harbour Notes</h1></header><div class='pick'><p>Tide tables</p>"
        "<p>Ola Brandt</p><p>1 Jan 2020</p></div><main>"
        "<style>.byline{color:red;}</style><h2>Pier plans approved</h2>"
        "<p>Nina Sorensen</p><p>4 May 2023</p>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
        + "</main></body></html>"
    )
    e = extract(html)
    assert e.title == "Pier plans approved"
    assert e.authors == ("Nina Sorensen",)
    assert e.published is not None and e.published.date().isoformat() == "2023-05-04"


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        ("<h3>Written by Nina Sorensen</h3><p>Nina writes about the coast.</p>",
         ("Nina Sorensen",)),
        ("<h3>Author</h3><p>  Nina Sorensen</p>", ("Nina Sorensen",)),
        ("<h4>Article written by:</h4><div>Nina Sorensen, MD</div>", ("Nina Sorensen, MD",)),
        ("<h2>Harbour Fees by Season</h2><p>Summer</p>", ()),
        ("<h4>Ding Analysis</h4><p>Quarterly Figures</p>", ()),
        ("<h3>Our Partner Websites</h3><p>Tide Tables</p>", ()),
    ],
)  # fmt: skip
def test_author_heading_anywhere_in_the_page(footer: str, expected: tuple[str, ...]) -> None:
    assert extract(article_html(after=footer)).authors == expected


def test_byline_beside_an_h2_headline_on_a_page_without_h1() -> None:
    html = (
        "<html><head><title>Pier rebuild approved | Wenlow Gazette</title></head><body>"
        "<main><h2>Pier rebuild approved by the Wenlow council</h2>"
        "<div><p>Nina Sorensen</p><small>December 17, 2025</small></div>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
        + "</main></body></html>"
    )
    extracted = extract(html)
    assert extracted.authors == ("Nina Sorensen",)
    assert extracted.published is not None
    assert extracted.published.date().isoformat() == "2025-12-17"


def test_byline_in_the_section_after_a_deeply_nested_hero_headline() -> None:
    hero = "<h1>Wenlow votes to rebuild its stone pier</h1><p>Three years of debate end.</p>"
    for _ in range(5):
        hero = f"<div>{hero}</div>"
    byline = "<div><span>Posted on</span><span>Nov 21, 2018</span><span>Nina Sorensen</span></div>"
    html = (
        "<html><head><title>Wenlow votes to rebuild its stone pier | Gazette</title></head>"
        f"<body>{hero}{byline}<main>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
        + "</main></body></html>"
    )
    extracted = extract(html)
    assert extracted.authors == ("Nina Sorensen",)
    assert extracted.published is not None
    assert extracted.published.date().isoformat() == "2018-11-21"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("USA TODAY", "USA TODAY"),
        ("HARBOUR POST STAFF", "HARBOUR POST STAFF"),
        ("BBC", "BBC"),
        ("AP", "AP"),
        ("U.S. COAST GUARD", "U.S. COAST GUARD"),
        ("NINA SORENSEN", "Nina Sorensen"),
        ("MARY-ANN O'NEIL", "Mary-Ann O'Neil"),
    ],
)
def test_name_in_capitals_is_title_cased_only_for_a_person(value: str, expected: str) -> None:
    """A shouted person's name reads in the usual case; an organisation written in capitals
    (an acronym, an outlet's name) stays as the page writes it."""
    head = f'<meta name="author" content="{value}">'
    assert extract(article_html(head=head)).author == expected


def test_kicker_in_capitals_beside_the_date_is_no_byline() -> None:
    html = _under_headline("<p>WENLOW HARBOUR TV</p><p>4 May 2023</p>")
    assert extract(html).authors == ()


@pytest.mark.parametrize(
    "when",
    ["Sat, 20 Dec, 2025 - 06:36", "Monday, March 3, 2025", "Donnerstag, 6. März 2025"],
)
def test_date_in_an_author_element_names_nobody(when: str) -> None:
    html = _under_headline(f'<div class="author-meta">{when}</div>')
    assert extract(html).authors == ()


def test_given_name_that_is_also_a_month_is_kept() -> None:
    html = _under_headline('<div class="author-name">Jan</div>')
    assert extract(html).authors == ("Jan",)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ('<div class="author-role">Research &amp; Development</div>', ()),
        ('<div class="author-card">Wenlow Labs port software Nina Sorensen Food &amp; Drink</div>',
         ()),
        ("<p>By Maria &amp; Katerina</p>", ("Maria", "Katerina")),
        ("<p>By Maria &amp; Katerina Holt</p>", ("Maria", "Katerina Holt")),
    ],
)  # fmt: skip
def test_words_joined_by_and_to_no_name_are_a_phrase(
    byline: str, expected: tuple[str, ...]
) -> None:
    """ "Research & Development" is a department, and its last word no author; two people
    named by their first names ("Maria & Katerina") stay two people."""
    assert extract(_under_headline(byline)).authors == expected


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Tracy Parker, Dietitian", ("Tracy Parker, Dietitian",)),
        ("Tracy Parker, Registered Nutritionist", ("Tracy Parker, Registered Nutritionist",)),
        ("Nina Sorensen, Master Gardener &amp; Harbour Educator",
         ("Nina Sorensen, Master Gardener & Harbour Educator",)),
        ("Nina Sorensen, Director of Operations", ("Nina Sorensen, Director of Operations",)),
        ("Nina Sorensen, Attorney at Reyes &amp; Reyes",
         ("Nina Sorensen, Attorney at Reyes & Reyes",)),
        ("Nina Sorensen, RN", ("Nina Sorensen, RN",)),
        ("Nina Sorensen, Senior Editor", ("Nina Sorensen",)),
        ("Nina Sorensen, Correspondent", ("Nina Sorensen",)),
        ("Nina Sorensen, Wenlow Gazette Staff Writer", ("Nina Sorensen",)),
        ("Ana Ruiz, Tom Lee", ("Ana Ruiz", "Tom Lee")),
        ("Ana Ruiz, Erik Lindqvist", ("Ana Ruiz", "Erik Lindqvist")),
        ("Ana Ruiz, MD, and Tom Lee, Physician", ("Ana Ruiz, MD", "Tom Lee, Physician")),
    ],
)  # fmt: skip
def test_title_after_a_comma_is_no_second_author(byline: str, authors: tuple[str, ...]) -> None:
    """A job or qualification after the name stays with it as the page writes it; a title
    at the paper itself is left out; two names are two people."""
    assert extract(_under_headline(f"<p>By {byline}</p>")).authors == authors


def test_section_heading_in_the_body_is_not_taken_for_the_headline() -> None:
    """A page without <h1> (built with a site builder) sets its headline in a <p>; the first
    <h2> that shares the title's words heads a section after the intro, and the name and date
    under it belong to that section."""
    intro = (
        "Choosing a crane for a small harbour is mostly a question of reach and of how much "
        "the quay can carry. This guide compares five models that small ports bought this year."
    )
    headline = (
        "<div><p>Top 5 Harbour Cranes in 2026</p><p>Nina Sorensen</p><p>Feb 16, 2026</p></div>"
    )
    html = (
        "<html><head><title>Top 5 Harbour Cranes in 2026 | Wenlow Gazette</title></head><body>"
        f"{headline}<main><p>{intro}</p><h2>Top 5 Harbour Crane Models of 2026</h2>"
        "<p>Ola Brandt</p><p>March 3, 2024</p>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
        + "</main></body></html>"
    )
    extracted = extract(html)
    assert extracted.authors == ("Nina Sorensen",)
    assert extracted.published is not None
    assert extracted.published.date().isoformat() == "2026-02-16"
    assert extract(html.replace(headline, "")).authors == ()


def test_bylines_labelled_in_other_languages() -> None:
    assert clean_names(["Veröffentlicht von Lena Kranz"]) == ("Lena Kranz",)
    assert clean_names(["Eingestellt von Tobias Rehm"]) == ("Tobias Rehm",)
    assert clean_names(["Publié par Claire Mounier"]) == ("Claire Mounier",)
    assert clean_names(["Walter von Aachen"]) == ("Walter von Aachen",)


def test_buttons_and_copyright_lines_are_no_authors() -> None:
    for text in ("Login", "Author Login", "My Account", "Reset Password", "Tweet This"):
        assert clean_names([text]) == ()
    notice = "Copyright Wenlow Verlag GmbH & Co. KG - all rights reserved"
    assert clean_names([notice], declared=True) == ()
    assert clean_names(["publisher"], declared=True) == ()


def test_link_to_the_people_section_is_no_byline() -> None:
    menu = (
        '<nav><ul><li><a href="/people/">People</a></li>'
        '<li><a href="/staff/">Meet the Crew</a></li></ul></nav>'
    )
    assert extract(article_html(before=menu)).authors == ()
    byline = '<p class="meta"><a href="/people/ada-brennan/">Ada Brennan</a></p>'
    assert extract(article_html(before=menu, inside_after=byline)).authors == ("Ada Brennan",)


def test_author_named_on_the_social_card_under_written_by() -> None:
    card = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Ada Brennan">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="4 minutes">'
    )
    assert extract(article_html(head=card)).authors == ("Ada Brennan",)
    other = card.replace("Written by", "Filed under").replace("Est. reading time", "Topic")
    assert extract(article_html(head=other)).authors == ()
    declared = '<meta name="author" content="Tom Quayle">'
    assert extract(article_html(head=declared + card)).authors == ("Tom Quayle",)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Texto: Maria Silva", ("Maria Silva",)),
        ("Redacción: Ana López", ("Ana López",)),
        ("Text: Anna Berg", ("Anna Berg",)),
        ("Text messages flooded the harbour office", ()),
    ],
)
def test_a_byline_labelled_text_or_newsroom_names_the_author(
    line: str, expected: tuple[str, ...]
) -> None:
    html = article_html().replace('<div class="story-body">', f'<p class="meta">{line}</p><div>')
    assert extract(html).authors == expected
