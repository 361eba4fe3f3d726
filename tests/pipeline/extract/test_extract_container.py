"""The article container grows over the whole article, and only over the article."""

from __future__ import annotations

import pytest
from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.pipeline.extract import extract

GUIDE_INTRO = (
    "Repotting a fig tree is easier than most people fear, as long as you pick the right week "
    "and have a pot that is only a little larger than the old one.",
    "Late winter suits it best: the tree is still resting, the roots are firm, and the new "
    "leaves will push out into fresh soil a few weeks later.",
    "Water the tree well the day before, so that the root ball slides out in one piece and "
    "does not crumble while you lift it.",
    "Lay an old sheet on the floor first, because loose bark and soil travel further than you "
    "would think once the pot is tipped on its side.",
)
GUIDE_SOIL = (
    "Use a loose mix of garden compost, grit and a handful of bark, so that water runs through "
    "quickly and the roots never sit in a puddle at the bottom.",
    "Press the new soil down gently with your fingers, water it once, and keep the tree out of "
    "strong sun for a week while it settles in its new home.",
)
TESTIMONIAL = (
    "Our customers love the nursery: the staff spent an hour with me choosing a pot and even "
    "carried the tree to my car, which I really did not expect at all.",
)


def _section(box: str, heading: str, paragraphs: tuple[str, ...]) -> str:
    """A page builder's section: the text module sits four wrappers deep."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<div class="row"><div class="column"><div class="module"><div class="{box}">'
        f"<h2>{heading}</h2>{text}</div></div></div></div>"
    )


def _builder_page(*sections: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>How to repot a fig tree | Green Corner</title></head><body>"
        '<div class="page"><h1>How to repot a fig tree</h1>'
        f'<div class="page-content">{"".join(sections)}</div></div></body></html>'
    )


def test_page_builder_sections_of_one_article_are_all_kept() -> None:
    html = _builder_page(
        _section("text-inner", "When to repot", GUIDE_INTRO),
        _section("text-inner", "Soil and aftercare", GUIDE_SOIL),
    )
    text = extract(html).text
    for paragraph in GUIDE_INTRO + GUIDE_SOIL:
        assert paragraph in text


def test_a_different_kind_of_box_far_up_stays_out() -> None:
    html = _builder_page(
        _section("text-inner", "When to repot", GUIDE_INTRO),
        _section("testimonial-card", "What our customers say", TESTIMONIAL * 2),
    )
    text = extract(html).text
    assert GUIDE_INTRO[0] in text
    assert "Our customers love the nursery" not in text


STORY_OPENING = (
    "The ferry that links Wenlow to the islands will sail twice a day again from Monday, after "
    "a month in dry dock for new engines and a fresh coat of paint on its hull.",
    "Islanders had relied on a chartered fishing boat since March, which carried only twelve "
    "passengers and no cars, so that many trips to the mainland were simply put off.",
    "The operator said that the new engines burn a third less fuel and should make the "
    "crossing about ten minutes shorter in calm weather, and a little more in a swell.",
    "Tickets bought for the chartered boat will be honoured on the ferry until the end of "
    "the month, and season passes are extended by the weeks that the ferry was away.",
    "The first crossing leaves the harbour at seven in the morning, with the return trip "
    "from the islands at half past eight, as it did before the repairs began.",
)
STORY_REST = (
    "Shopkeepers on the largest island said that deliveries of fresh bread and milk, which "
    "had come over only twice a week, would now arrive every morning with the first boat.",
    "The island school, whose teachers live on the mainland, had moved its lessons online "
    "for three weeks and will open its doors again on Tuesday, a day after the first sailing.",
    "A doctor who visits the islands every Thursday said that she had crossed on the fishing "
    "boat each week, and that the sea had been kind to her for most of the month.",
    "The council has asked the operator to keep a spare engine on the quay in future, so "
    "that a breakdown does not leave the islands without a proper ferry for so long again.",
    "The operator said that it would consider the request, and that a second, smaller boat "
    "might be bought next year if the number of passengers keeps rising as it has lately.",
    "Timetables for the summer season, with extra evening crossings at weekends, are to be "
    "published in the harbour office and on the operator's website at the end of May.",
)
AUTHOR_NOTE = (
    "Jonas Feld writes about the harbour, the islands and the sea for the Gazette, and "
    "sails a small wooden dinghy in the bay whenever the weather allows him to.",
)


def _paragraphs(texts: tuple[str, ...]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _story_page(opening: str, rest: str) -> str:
    """The opening sits in a box that also holds a line of topic links; the rest follows."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Wenlow ferry sails again | The Wenlow Gazette</title></head><body>"
        '<div class="page"><h1>Wenlow ferry sails again</h1><div class="story">'
        f'<div class="opening"><section>{opening}</section>'
        '<p><a href="/topics/ferries">Ferries</a> <a href="/topics/islands">Islands</a></p></div>'
        f"{rest}</div></div></body></html>"
    )


def test_a_wrapper_adding_only_topic_links_does_not_cut_the_article_short() -> None:
    rest = "".join(f"<section>{_paragraphs(STORY_REST[i : i + 2])}</section>" for i in (0, 2, 4))
    text = extract(_story_page(_paragraphs(STORY_OPENING), rest)).text
    for paragraph in STORY_OPENING + STORY_REST:
        assert paragraph in text


def test_past_topic_links_a_small_box_of_prose_stays_out() -> None:
    rest = f'<div class="note">{_paragraphs(AUTHOR_NOTE)}</div>'
    text = extract(_story_page(_paragraphs(STORY_OPENING), rest)).text
    assert STORY_OPENING[0] in text
    assert "wooden dinghy" not in text


STEPS = (
    ("Empty the pot", "Tip the pot on its side and ease the tree out, holding it by the base "
     "of the trunk, never by the branches."),
    ("Loosen the roots", "Tease out the outer roots with your fingers and trim any that are "
     "dark, soft or wound tightly around the bottom."),
    ("Plant it again", "Set the tree at the same depth as before, fill in around it with the "
     "new mix, and firm the soil down with your hands."),
    ("Water it in", "Water slowly until it runs out of the bottom of the pot, then leave the "
     "tree in a bright spot out of the midday sun."),
)


def test_headings_that_are_named_anchors_are_not_links() -> None:
    # <a name=...> marks a place to jump to; its text is a plain heading, not a teaser link.
    steps = "".join(
        f'<h3><a name="step-{n}">{title}</a></h3><p>{text}</p>'
        for n, (title, text) in enumerate(STEPS, 1)
    )
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Repotting, step by step | Green Corner</title></head><body>"
        f"<article><h1>Repotting, step by step</h1><div class='text'>"
        f"<p>{GUIDE_INTRO[0]}</p><p>{GUIDE_INTRO[1]}</p>{steps}</div></article></body></html>"
    )
    text = extract(html).text
    for title, step in STEPS:
        assert title in text
        assert step in text


FURTHER_READING = (
    "Choosing a pot for a fig tree that grows indoors",
    "Ten common mistakes when watering figs in winter",
    "How to prune a young fig tree for a compact shape",
    "Feeding figs in pots: what, when and how much",
    "Why the leaves of your fig tree are turning yellow",
    "Moving a potted fig outdoors for the summer months",
)


def _module_page(box_of_rest: str) -> str:
    """A guide in a page builder's text modules (each two wrappers deep); its later sections
    end with a list of links to further reading."""

    def module(box: str, inner: str) -> str:
        return (
            f'<div class="section"><div class="column"><div class="{box}">{inner}</div>'
            "</div></div>"
        )

    links = "".join(
        f'<li><a href="/guides/{n}">{t}</a></li>' for n, t in enumerate(FURTHER_READING)
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Repotting a fig tree | Green Corner</title></head><body>"
        '<h1>Repotting a fig tree</h1><div class="guide">'
        + module("text-block", _paragraphs(GUIDE_INTRO))
        + module(box_of_rest, "<h2>Soil and aftercare</h2>" + _paragraphs(GUIDE_SOIL))
        + module(box_of_rest, "<h2>Step by step</h2>" + _paragraphs(tuple(t for _, t in STEPS)))
        + module(box_of_rest, f"<h2>Further reading</h2><ul>{links}</ul>")
        + "</div></body></html>"
    )


def test_later_sections_of_the_same_kind_join_despite_a_list_of_links() -> None:
    text = extract(_module_page("text-block")).text
    for paragraph in GUIDE_INTRO + GUIDE_SOIL + tuple(t for _, t in STEPS):
        assert paragraph in text


def test_prose_of_another_kind_beside_a_list_of_links_stays_out() -> None:
    text = extract(_module_page("note-block")).text
    assert GUIDE_INTRO[0] in text
    assert GUIDE_SOIL[0] not in text


COURSES = (
    ("Sailing for complete beginners",
     "Two weekends on the water in small dinghies: rigging, launching, steering and "
     "tacking, with an instructor in every boat and a warm clubhouse to dry off in "
     "afterwards. No experience needed, only a willingness to get a little wet."),
    ("Knots, splices and ropes",
     "An evening class in the boat shed on the knots every crew member should tie "
     "without thinking, how to splice an eye, and how to store ropes so that they "
     "last for years. Bring a short length of old rope of your own if you have one; the "
     "club lends out the rest."),
    ("Reading the weather and the tides",
     "Learn to read a forecast, a tide table and the sky itself, and to plan a safe "
     "day out around them; the course ends with a short trip to test the plan, and with "
     "a cup of tea in the clubhouse while the day is talked over."),
    ("First aid at sea",
     "A one-day course on cold water, cuts, burns and seasickness, and on what to "
     "do while help is on its way, taught by a lifeboat volunteer who has seen most of it "
     "happen in the bay over the past twenty years."),
)


def _listing_page(box: str, descriptions: tuple[str, ...] = ()) -> str:
    """A list of courses: a linked title, a line of tutors and a description in its own box
    (given as HTML, or a course's one paragraph)."""
    descriptions = descriptions or tuple(f"<p>{text}</p>" for _, text in COURSES)
    entries = "".join(
        f'<div class="entry"><h2><a href="/courses/{n}">{title}</a></h2>'
        f'<p>Tutors: <a href="/tutors/a">Ana Ribeiro</a>, <a href="/tutors/b">Tom Hale</a></p>'
        f'<div class="details"><div class="inner"><div class="{box}">{html}</div></div></div></div>'
        for n, ((title, _), html) in enumerate(zip(COURSES, descriptions, strict=True))
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Courses | Wenlow Sailing Club</title></head><body>"
        f"<h1>Courses at the sailing club</h1><div class='entries'>{entries}</div></body></html>"
    )


def test_a_list_of_entries_in_boxes_of_one_kind_is_kept_whole() -> None:
    text = extract(_listing_page("entry-text")).text
    for _, description in COURSES:
        assert description in text


def test_entries_whose_paragraphs_sit_one_level_down_are_kept_whole() -> None:
    groups = (STORY_OPENING[:3], STORY_REST[:3], STORY_REST[3:], GUIDE_INTRO[:3])
    descriptions = tuple(
        "".join(f'<div class="para"><p>{p}</p></div>' for p in group) for group in groups
    )
    text = extract(_listing_page("entry-text", descriptions)).text
    for group in groups:
        for paragraph in group:
            assert paragraph in text


def test_short_article_is_not_swapped_for_a_list_of_cards_of_another_kind() -> None:
    article = "".join(f"<p>{p}</p>" for p in GUIDE_SOIL + GUIDE_INTRO[:1])
    links = "".join(  # a long list of other guides between the article and the cards
        f'<li><a href="/guides/{n}">{t}</a></li>' for n, t in enumerate(FURTHER_READING * 2)
    )
    cards = "".join(
        f'<div class="card"><h3>{title}</h3><div class="card-text"><p>{text}</p></div>'
        f'<a href="/courses/{n}">Book</a></div>'
        for n, (title, text) in enumerate(COURSES)
    )
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Soil for a fig | Green Corner</title></head><body><h1>Soil for a fig</h1>"
        f'<div class="page"><div class="post"><div class="post-text">{article}</div></div>'
        f'<div class="guides"><ul>{links}</ul></div>'
        f'<div class="courses"><div class="grid">{cards}</div></div></div></body></html>'
    )
    text = extract(html).text
    assert GUIDE_SOIL[0] in text
    assert COURSES[0][1] not in text


REFERENCES = tuple(
    f"{a}, {b}, and {c} ({year}). {title}. Journal of Harbour Works, {vol}({issue}), {pages}."
    for a, b, c, year, title, vol, issue, pages in (
        ("Marsh, A.", "Hale, T.", "Ribeiro, A.", 2019, "Granite piers and their settling", 12, 3,
         "45-61"),
        ("Okafor, N.", "Lind, P.", "Marsh, A.", 2017, "Survey methods for old stone quays", 10, 1,
         "3-19"),
        ("Duval, C.", "Kerr, S.", "Hale, T.", 2021, "Repairing sea walls in cold water", 14, 2,
         "88-102"),
        ("Lind, P.", "Okafor, N.", "Stone, J.", 2015, "Tides, swell and the loads on a pier", 8,
         4, "120-133"),
        ("Kerr, S.", "Duval, C.", "Marsh, A.", 2020, "Iron rings and bollards on quays", 13, 1,
         "7-15"),
        ("Stone, J.", "Ribeiro, A.", "Lind, P.", 2018, "Costs of harbour repair in small towns",
         11, 2, "60-74"),
    )
)


def test_an_article_far_bigger_than_its_reference_list_is_found_around_it() -> None:
    # Each paragraph pair sits three wrappers deep, so the reference list (one block of
    # comma-rich items) wins the vote; a list of links parts it from the article's text.
    paragraphs = ARTICLE_PARAGRAPHS + STORY_OPENING + STORY_REST + GUIDE_INTRO
    sections = "".join(
        "<div class='part'><div class='row'><div class='cell'>"
        f"{_paragraphs(paragraphs[i : i + 2])}</div></div></div>"
        for i in range(0, len(paragraphs), 2)
    )
    links = "".join(
        f'<li><a href="/guides/{n}">{t}</a></li>' for n, t in enumerate(FURTHER_READING * 2)
    )
    refs = "".join(f"<li>{r}</li>" for r in REFERENCES)
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>The pier, the ferry and the islands | The Wenlow Gazette</title></head><body>"
        "<h1>The pier, the ferry and the islands</h1><div class='main'>"
        f"<div class='parts'>{sections}</div><div class='guides'><ul>{links}</ul></div>"
        f"<div class='refs'><div class='box'><div class='inner'><ul>{refs}</ul></div></div>"
        "</div></div></body></html>"
    )
    text = extract(html).text
    for paragraph in paragraphs:
        assert paragraph in text


def test_repeated_label_lines_are_kept_for_each_entry_and_repeated_paragraphs_once() -> None:
    boats = (
        ("The Heron", "A light dinghy for one or two, easy to launch from the beach."),
        ("The Curlew", "A roomy family boat with a small cabin for rainy afternoons."),
    )
    entries = "".join(
        f"<h2>{name}</h2><p>{about} It has served the club well for many summers now, and "
        "members still queue to take it out on a fine weekend.</p>"
        "<p><strong>Pros:</strong></p><ul><li>Stable in a swell</li><li>Cheap to keep</li></ul>"
        "<p><strong>Cons:</strong></p><ul><li>Slow upwind</li></ul>"
        for name, about in boats
    )
    note = "<p>Every boat is checked by the bosun before the season begins in April.</p>"
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Club boats | Wenlow Sailing Club</title></head><body><h1>Club boats</h1>"
        f"<article>{note}{entries}{note}</article></body></html>"
    )
    text = extract(html).text
    assert text.count("Pros:") == 2
    assert text.count("Cons:") == 2
    assert text.count("checked by the bosun") == 1


def test_a_data_table_with_linked_names_does_not_stop_the_article() -> None:
    clubs = (
        ("Wenlow Sailing Club", "412"),
        ("Eastgate Rowing Club", "288"),
        ("Harbour Swimmers", "164"),
        ("Island Kayak Group", "97"),
        ("Bay Anglers Society", "85"),
        ("Old Pier Divers", "41"),
    )
    rows = "".join(
        f'<tr><td><a href="https://clubs.example/{n}">{name}</a></td><td>{members}</td></tr>'
        for n, (name, members) in enumerate(clubs)
    )
    table = f"<table><tr><th>Club</th><th>Members</th></tr>{rows}</table>"
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Who uses the pier | The Wenlow Gazette</title></head><body>"
        "<h1>Who uses the pier</h1><div class='post'>"
        f"<div class='text'>{_paragraphs(ARTICLE_PARAGRAPHS)}</div>"
        f"<div class='embed'>{table}</div>"
        f"<div class='text-end'>{_paragraphs(GUIDE_SOIL)}</div></div></body></html>"
    )
    text = extract(html).text
    assert "Eastgate Rowing Club | 288" in text
    for paragraph in ARTICLE_PARAGRAPHS + GUIDE_SOIL:
        assert paragraph in text


def test_sections_whose_paragraphs_sit_one_level_down_join_despite_link_lists() -> None:
    # Generated documentation wraps each paragraph: section > body > paragraph > <p>.
    def section(title: str, paragraphs: tuple[str, ...], links: str = "") -> str:
        body = "".join(f"<div class='paragraph'><p>{p}</p></div>" for p in paragraphs)
        return (
            f"<div class='sect'><h2>{title}</h2>"
            f"<div class='sectionbody'>{body}{links}</div></div>"
        )

    links = "<ul>" + "".join(
        f'<li><a href="/guides/{n}">{t}</a></li>' for n, t in enumerate(FURTHER_READING)
    ) + "</ul>"
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>The ferry returns | The Wenlow Gazette</title></head><body>"
        "<h1>The ferry returns</h1><div class='content'>"
        + section("Back in service", STORY_OPENING)
        + section("On the islands", STORY_REST[:3], links)
        + section("What comes next", STORY_REST[3:], links)
        + "</div></body></html>"
    )
    text = extract(html).text
    for paragraph in STORY_OPENING + STORY_REST:
        assert paragraph in text


def test_a_code_block_repeating_the_article_is_dropped_and_real_code_kept() -> None:
    listing = (
        "survey --pier north --depth 40\nsurvey --pier south --depth 40\n"
        "report --from survey.log --to council@wenlow.example --format pdf --sign engineer\n"
        "archive survey.log --keep 10y --where town-hall/records/pier-surveys/2024/\n"
    )
    markdown = "# Wenlow votes to rebuild its stone pier\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS)
    html = article_html(inside_after=f"<pre>{listing}</pre><pre>{markdown}</pre>")
    text = extract(html).text
    assert "archive survey.log" in text
    assert text.count(ARTICLE_PARAGRAPHS[2]) == 1


@pytest.mark.parametrize(
    "heading",
    [
        "Written by",
        "Article sources",
        "Was this article helpful?",
        "Explore more",
        "Disclaimer",
        "Written by: Jonas Feld, Harbour Reporter",
        "About the authors",
        "Recently by Jonas Feld",
        "Further reading",
        "Related articles that may interest you",
        "If you liked this story you might also like:",
        "Did you find this article helpful?",
        "92% of readers found this article helpful.",
    ],
)
def test_sections_after_the_article_headed_as_credits_or_sources_are_left_out(
    heading: str,
) -> None:
    tail = (
        f"<h3>{heading}</h3><p>A walk along the old sea wall, from the lighthouse to the "
        "ferry slip, and notes from the harbour committee.</p>"
    )
    text = extract(article_html(inside_after=tail)).text
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in text
    assert "old sea wall" not in text


def test_the_author_box_after_the_article_is_left_out() -> None:
    head = '<meta name="author" content="Jonas Feld">'
    box = (
        "<p>Jonas Feld</p><p>Jonas Feld is a reporter who has covered the harbour and the "
        "islands for the Gazette since 2015.</p>"
    )
    html = article_html(head=head, inside_after=box)
    text = extract(html).text
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in text
    assert "has covered the harbour" not in text


@pytest.mark.parametrize(
    "bio",
    [
        "Jonas founded the harbour rowing club in 2011 and has written about the islands ever "
        "since; before that he worked on the ferries.",
        "Jonas Feld co-founded the Wenlow sailing school and now covers the coast for the "
        "Gazette.",
        "Hi, I'm Jonas! I started this blog to write about the harbour where I grew up.",
    ],
)
def test_an_author_box_naming_the_author_by_given_name_is_left_out(bio: str) -> None:
    head = '<meta name="author" content="Jonas Feld">'
    text = extract(article_html(head=head, inside_after=f"<p>{bio}</p>")).text
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in text
    assert bio not in text


def test_an_author_box_is_left_out_when_the_author_carries_a_role() -> None:
    byline = (
        "<h1>Wenlow votes to rebuild its stone pier</h1><div><span>Written by: "
        '<a href="/author/jonas-feld/"><span>Jonas Feld, </span></a>'
        "<span>Senior Analyst</span></span></div>"
    )
    bio = "Jonas Feld co-founded the Wenlow sailing school and now covers the coast."
    extracted = extract(article_html(before=byline, inside_after=f"<p>{bio}</p>"))
    assert extracted.authors == ("Jonas Feld, Senior Analyst",)  # as the page writes it
    assert ARTICLE_PARAGRAPHS[-1] in extracted.text
    assert bio not in extracted.text


def test_a_closing_paragraph_about_an_organisation_named_as_author_is_kept() -> None:
    # "Harbourline is..." starts with the first word of the author "Harbourline Team", but it
    # says nothing of a person (no he or she): it is the article's closing pitch.
    head = '<meta name="author" content="Harbourline Team">'
    line = "Harbourline is the ferry operator that runs the island crossings from the pier."
    html = article_html(head=head, paragraphs=(*ARTICLE_PARAGRAPHS, line))
    assert line in extract(html).text


def test_a_paragraph_about_the_author_inside_the_story_is_kept() -> None:
    head = '<meta name="author" content="Jonas Feld">'
    line = "Jonas Feld sailed out to the pier with the engineers on Monday to see the damage."
    html = article_html(head=head, paragraphs=(*ARTICLE_PARAGRAPHS, line))
    assert line in extract(html).text


SIDE_BOX_PROSE = (
    "Reading the tides: a short guide to the harbour's tables, with the times of high water "
    "for every day of the coming month and notes on the spring tides of the equinox.",
    "Walking the sea wall: the old path from the lighthouse to the ferry slip reopens after "
    "the winter storms, and the council has added benches where the view is best.",
    "The lifeboat crew's open day returns in June, with rides in the inshore boat for "
    "children and a talk about the rescues of the last year from the coxswain.",
    "Crab fishing from the pier: where the best spots are, which bait works, and why the "
    "catch should go back into the water before the tide turns in the evening.",
)


def _story_with_box(box: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Wenlow ferry sails again | The Wenlow Gazette</title></head><body>"
        '<article><h1>Wenlow ferry sails again</h1><div class="story-body">'
        f"{_paragraphs(STORY_OPENING + STORY_REST)}{box}</div></article></body></html>"
    )


@pytest.mark.parametrize(
    "box",
    [
        '<div class="related-reading"><h2>Harbour notebook</h2>{}</div>',
        '<div class="author-box"><h3>Jonas Feld</h3>{}</div>',
        '<nav class="guides"><h3>Harbour guides</h3>{}</nav>',
    ],
)
def test_a_box_labelled_as_boilerplate_is_left_out_though_it_holds_prose(box: str) -> None:
    # The box holds enough prose to be spared as a possible content column, but the article
    # is beside it, not inside it.
    text = extract(_story_with_box(box.format(_paragraphs(SIDE_BOX_PROSE)))).text
    for paragraph in STORY_OPENING + STORY_REST:
        assert paragraph in text
    for paragraph in SIDE_BOX_PROSE:
        assert paragraph not in text


def test_a_content_column_with_a_boilerplate_label_is_read() -> None:
    story = _paragraphs(STORY_OPENING + STORY_REST)
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Wenlow ferry sails again | The Wenlow Gazette</title></head><body>"
        f'<h1>Wenlow ferry sails again</h1><div class="col-9 sidebar-first-only">{story}</div>'
        f'<div class="col-3">{_paragraphs(SIDE_BOX_PROSE[:1])}</div></body></html>'
    )
    text = extract(html).text
    for paragraph in STORY_OPENING + STORY_REST:
        assert paragraph in text


def test_sections_each_in_a_box_with_a_boilerplate_label_are_read() -> None:
    # A table of contents plugin wraps every section in <section class="toc-para ...">.
    story = STORY_OPENING + STORY_REST + SIDE_BOX_PROSE[:1]
    sections = "".join(
        f'<section class="toc-para toc-{n}"><h2>Part {n}</h2>{_paragraphs(story[n : n + 4])}'
        "</section>"
        for n in range(0, len(story), 4)
    )
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Wenlow ferry sails again | The Wenlow Gazette</title></head><body>"
        f'<article><h1>Wenlow ferry sails again</h1><div class="story-body">{sections}</div>'
        "</article></body></html>"
    )
    text = extract(html).text
    for paragraph in story:
        assert paragraph in text


def test_a_box_whose_boilerplate_word_is_switched_off_is_read() -> None:
    # "sidebar-enabled--false" says that the page has no sidebar: the box is the article's.
    box = f'<div class="post-more sidebar-enabled--false">{_paragraphs(SIDE_BOX_PROSE)}</div>'
    text = extract(_story_with_box(box)).text
    for paragraph in SIDE_BOX_PROSE:
        assert paragraph in text


def test_a_paragraph_left_open_around_tables_is_not_read_twice() -> None:
    # No doctype: in quirks mode a <table> does not close the <p> before it, so the story's
    # paragraphs sit inside that unclosed paragraph.
    rows = "".join(f'<tr><td><p class="body">{p}</p></td></tr>' for p in ARTICLE_PARAGRAPHS)
    page = (
        "<html><head><title>Wenlow votes to rebuild its stone pier</title></head><body>"
        '<p><font class="headline">Wenlow votes to rebuild its stone pier</font>'
        f"<table><tr><td>17:20, Jan 1 2008</td></tr></table><table>{rows}</table>"
        "</body></html>"
    )
    texts = [b.text for b in extract(page).blocks]
    for paragraph in ARTICLE_PARAGRAPHS:
        assert texts.count(paragraph) == 1
    assert not any(len(t) > 2 * max(map(len, ARTICLE_PARAGRAPHS)) for t in texts)


def _old_template(abstract: str) -> str:
    """A 2000s station site: the headline in a <div>, created and updated lines, the lead in
    an abstract <div> of its own, and the rest of the story in the body <div>."""
    body = "<br><br>".join(STORY_REST)
    links = "".join(f'<li><a href="/news/{n}">Wenlow news, part {n}</a></li>' for n in range(30))
    return (
        '<html><head><title>Wenlow ferry sails again</title></head><body><table><tr><td>'
        '<p class="breadcrumb"><a href="/">Home</a> &gt;&gt; <a href="/news/">News</a></p>'
        '<div class="headline">Wenlow ferry sails again</div><br>'
        '<div class="author"><a href="mailto:jf@example.org">Jonas Feld</a></div>'
        '<div class="origpost">Created: 1/10/2008 4:09:14 PM</div>'
        '<div class="updatepost">Updated: 1/10/2008 4:11:27 PM</div>'
        f'<div class="abstract">{abstract}</div>'
        f'<div class="storybody">{body}</div>'
        f"<ul>{links}</ul></td></tr></table></body></html>"
    )


def test_the_lead_before_the_body_belongs_to_the_article_under_a_headline_in_a_div() -> None:
    lead = (
        "WENLOW -- The island ferry sailed again on Monday for the first time since the "
        "January storms, carrying forty passengers and the morning post."
    )
    text = extract(_old_template(lead)).text
    assert text.startswith(lead)
    assert STORY_REST[0] in text
    assert "Created:" not in text and "Jonas Feld" not in text


def test_a_credit_line_before_the_body_is_no_lead() -> None:
    credit = (
        "Contributed by: Ann Kerr, with reporting by Tom Reyes Source: wenlow.example "
        "Posted on: January 15, 2008 07:36 Sections: Harbour, Ferries"
    )
    text = extract(_old_template(credit)).text
    assert "Contributed by" not in text
    assert text.startswith(STORY_REST[0])
