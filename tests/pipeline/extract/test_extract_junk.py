"""Boilerplate of each kind is left out and the article paragraphs are kept, in order."""

from __future__ import annotations

import pytest
from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.domain.models import BlockKind
from newsloom.pipeline.extract import extract

NEWSLETTER = (
    '<div class="newsletter-signup"><h3>Get the Morning Brief</h3><p>Sign up to receive our '
    "best stories in your inbox every morning, free of charge.</p>"
    '<form><input type="email"><button>Sign up</button></form></div>'
)
CAROUSEL = (
    '<section class="top-stories"><h2>Top stories</h2><p>Swipe. Select. Stay informed.</p>'
    "<ul><li><a href='/a'>Ferry timetable changes for winter announced</a></li>"
    "<li><a href='/b'>School fete raises record sum for library</a></li></ul></section>"
)
RELATED = (
    '<div class="related-articles"><h3>Related</h3><ul>'
    "<li><a href='/c'>Council approves new budget for harbour repairs</a></li>"
    "<li><a href='/d'>Storm damage closes coastal path near Wenlow</a></li></ul></div>"
)
COMMENTS = (
    '<div id="comments"><h3>3 comments</h3><div class="comment"><p>Marta from Eastgate: It is '
    "about time the council did something about that pier, it has been crumbling for ages.</p>"
    '</div><div class="comment"><p>Old Tom: I remember fishing off the end of it as a boy in '
    "the summer, and I hope they keep the old iron rings.</p></div></div>"
)
SHARE = (
    '<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> '
    '<a href="#">Email</a></div>'
)
COOKIES = (
    '<div id="cookie-banner"><p>We use cookies to improve your experience on our site and to '
    "show you relevant advertising. By continuing you agree to our use of cookies.</p>"
    "<button>Accept all</button></div>"
)
AUTHOR_BIO = (
    '<div class="author-bio"><p>Jonas Feld has covered harbour and coastal affairs for the '
    "Gazette since 2015. He lives in Eastgate with two dogs and an old sailing dinghy.</p></div>"
)
LEGAL_FOOTER = (
    "<footer><p>© 2024 The Wenlow Gazette Ltd. All rights reserved. Registered in England, "
    "company number 0000000. Reproduction without permission is prohibited.</p></footer>"
)
READ_MORE = (
    '<div class="read-more"><h4>Read more</h4><p><a href="/e">Why the pier matters to the '
    "fishing fleet</a></p><p><a href='/f'>A short history of Wenlow harbour</a></p></div>"
)
# Lines in plain paragraphs, told by what they say in any language: a typo report and the
# outlet's pages on social networks.
TYPO_REPORT = "<p>Нашли опечатку? Выделите фрагмент текста и нажмите Ctrl+Enter.</p>"
SOCIAL_PAGES = (
    "<p>ติดตามข่าวสาร ได้ที่: เฟซบุ๊ก https://fb.me/wenlowgazette ทวิตเตอร์ "
    "https://twitter.com/wenlowgazette LINE ไอดี = @wenlow</p>"
)
MENU_LINE = (
    "<p>News: ePaper | Front Page | Harbour | Council | Ferries | Sport | Weather | Opinion</p>"
)
SHARE_PROMPTS = (
    "<p>Like this story? Share it with a friend!</p><p>Rate this Article</p>"
    "<p>Printer friendly page Send this article to Friends by E-Mail</p><p>|</p>"
)
WIRE_BYLINE = "<p>By JONAS FELD, Wirepoint Writer 14 minutes ago</p>"
PHOTO_CREDIT = "<p>Ann Kerr, ASSOCIATED PRESS</p><p>Letzte Aktualisierung</p>"
PAGE_LABELS = (
    "<p>Last updated:</p><p>Shares</p><p>Expert Reviewed</p><p>Prefer to watch?</p>"
    "<p>The Gazette covers one topic: the harbour. Sign up for our newsletters to have stories "
    "sent to you.</p><p>Republish our articles for free, online or in print.</p>"
)
IMAGE_NOTES = (
    "<p>Get news, updates, &amp; event info delivered right to your inbox:</p>"
    "<p>Pinterest image</p><p>Featured image from Harbour Studio</p>"
)

JUNK = {
    "newsletter": (NEWSLETTER, "Morning Brief"),
    "carousel": (CAROUSEL, "Swipe. Select."),
    "related": (RELATED, "Council approves"),
    "comments": (COMMENTS, "Old Tom"),
    "share": (SHARE, "Share on Facebook"),
    "cookies": (COOKIES, "use cookies"),
    "author_bio": (AUTHOR_BIO, "sailing dinghy"),
    "legal_footer": (LEGAL_FOOTER, "All rights reserved"),
    "read_more": (READ_MORE, "short history"),
    "typo_report": (TYPO_REPORT, "Ctrl+Enter"),
    "social_pages": (SOCIAL_PAGES, "twitter.com"),
    "menu_line": (MENU_LINE, "ePaper"),
    "share_prompts": (SHARE_PROMPTS, "Rate this"),
    "wire_byline": (WIRE_BYLINE, "Wirepoint Writer"),
    "photo_credit": (PHOTO_CREDIT, "ASSOCIATED PRESS"),
    "image_notes": (IMAGE_NOTES, "Pinterest"),
    "page_labels": (PAGE_LABELS, "Republish"),
}


def _paragraphs(html: str) -> list[str]:
    return [b.text for b in extract(html).blocks if b.kind is BlockKind.PARAGRAPH]


@pytest.mark.parametrize("kind", sorted(JUNK))
@pytest.mark.parametrize("where", ["inside_after", "after", "before"])
def test_junk_is_removed_article_kept(kind: str, where: str) -> None:
    junk, marker = JUNK[kind]
    html = article_html(**{where: junk})
    result = extract(html, "https://gazette.example/news/pier")
    assert marker not in result.text
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)


def test_all_junk_kinds_together() -> None:
    everything = "".join(j for j, _ in JUNK.values())
    html = article_html(
        before=COOKIES + CAROUSEL, inside_after=SHARE + AUTHOR_BIO + RELATED, after=everything
    )
    result = extract(html)
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)
    assert result.score > 0.5
    for _, marker in JUNK.values():
        assert marker not in result.text


def test_headline_is_not_repeated_in_blocks() -> None:
    result = extract(article_html())
    assert result.title == "Wenlow votes to rebuild its stone pier"
    assert all(b.text != result.title for b in result.blocks)


def test_block_kinds() -> None:
    inside = (
        "<h2>What happens next</h2>"
        "<ul><li>Surveyors return in March to mark the new foundations.</li>"
        "<li>Boats will moor at the north quay while the work goes on.</li></ul>"
        "<blockquote><p>We have waited a long time for this, and it is good news for "
        "everyone who works on the water.</p></blockquote>"
        "<figure><img src='/pier.jpg'><figcaption>The pier at low tide last winter."
        "</figcaption></figure>"
        "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>1.2m</td></tr>"
        "<tr><td>2025</td><td>2.3m</td></tr></table>"
        "<pre>pier_length_m = 212\nsettlement_cm = 38</pre>"
        "<p>The council will publish the full plans on its website next week.</p>"
    )
    result = extract(article_html(inside_after=inside))
    kinds = [(b.kind, b.text) for b in result.blocks]
    assert (BlockKind.HEADING, "What happens next") in kinds
    assert (
        BlockKind.LIST_ITEM,
        "Boats will moor at the north quay while the work goes on.",
    ) in kinds
    assert any(k is BlockKind.QUOTE and t.startswith("We have waited") for k, t in kinds)
    assert (BlockKind.CAPTION, "The pier at low tide last winter.") in kinds
    assert (BlockKind.TABLE, "Year | Cost\n2024 | 1.2m\n2025 | 2.3m") in kinds
    assert (BlockKind.CODE, "pier_length_m = 212\nsettlement_cm = 38") in kinds
    # captions are blocks, but not part of the main text
    assert "low tide last winter" not in result.text
    assert result.text.endswith("full plans on its website next week.")


def test_text_with_line_breaks_only() -> None:
    body = "<br><br>".join(ARTICLE_PARAGRAPHS)
    html = (
        "<html><body><table><tr><td class='menu'><a href='/'>Home</a><br><a href='/n'>News</a>"
        f"</td><td><font face='Arial'>{body}</font></td></tr></table></body></html>"
    )
    result = extract(html)
    assert [b.text for b in result.blocks] == list(ARTICLE_PARAGRAPHS)


def test_inline_markup_keeps_words_whole() -> None:
    paragraphs = (
        "The <b>new</b> pier will be <em>twelve</em> metres longer than the old one, and it "
        "will have a <a href='/x'>lifeboat</a> slip on its southern side.",
        *ARTICLE_PARAGRAPHS,
    )
    result = extract(article_html(paragraphs=paragraphs))
    assert result.blocks[0].text == (
        "The new pier will be twelve metres longer than the old one, and it will have a "
        "lifeboat slip on its southern side."
    )


def test_page_without_article() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>"
        "<ul><li><a href='/1'>First story on the front page</a></li>"
        "<li><a href='/2'>Second story on the front page</a></li></ul></body></html>"
    )
    result = extract(html)
    assert result.blocks == ()
    assert result.score < 0.1


def test_empty_body() -> None:
    result = extract(b"<html><head><title>Nothing</title></head><body></body></html>")
    assert result.blocks == ()
    assert result.score == 0.0
    assert result.title == "Nothing"


@pytest.mark.parametrize("where", ["body", "head"])
def test_post_kept_in_a_template_script_is_read(where: str) -> None:
    post = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    script = f'<script type="text/template" id="post-body"><div class="post">{post}</div></script>'
    html = (
        "<html><head><title>Wenlow votes to rebuild its stone pier</title>"
        f"{script if where == 'head' else ''}</head><body><div class='shell'>"
        f"{script if where == 'body' else ''}<p>Loading the story...</p></div></body></html>"
    )
    result = extract(html)
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)
    assert "Loading the story" not in result.text


def test_script_of_another_type_stays_code() -> None:
    script = "<script type='text/javascript'>var tpl = '<p>A hidden paragraph</p>';</script>"
    result = extract(article_html(inside_after=script))
    assert "hidden paragraph" not in result.text
    assert _paragraphs(article_html(inside_after=script)) == list(ARTICLE_PARAGRAPHS)


def test_byline_at_the_top_is_dropped_closing_credit_is_kept() -> None:
    paragraphs = ("By Nell Amberley", *ARTICLE_PARAGRAPHS, "Additional reporting by Nell Amberley.")
    html = article_html(head='<meta name="author" content="Nell Amberley">', paragraphs=paragraphs)
    result = extract(html)
    assert result.authors == ("Nell Amberley",)
    texts = [b.text for b in result.blocks]
    assert texts[0] == ARTICLE_PARAGRAPHS[0]
    assert texts[-1] == "Additional reporting by Nell Amberley."


def test_hidden_copy_of_the_article_is_dropped() -> None:
    copy = "".join(ARTICLE_PARAGRAPHS)
    hidden = (
        '<div style="display:none" itemscope itemtype="http://schema.org/NewsArticle">'
        f'<div itemprop="articleBody">{copy}</div></div>'
    )
    result = extract(article_html(after=hidden))
    assert [b.text for b in result.blocks] == list(ARTICLE_PARAGRAPHS)


def test_hidden_accordion_panel_of_the_article_is_kept() -> None:
    panel_text = (
        "The old pier was built by a team of forty masons who quarried the granite on the "
        "headland above the town and brought it down on a narrow railway. Their names are "
        "carved on a stone at the landward end, where the harbour master's hut now stands. "
        "Several of their descendants still live in Wenlow and keep a list of the families. "
        "The council has promised that the stone will be lifted before the work begins and "
        "set back in place once the new deck is finished, facing the sea as it does today. "
        "A small display about the masons will open in the library during the autumn."
    )
    panel = f'<h2>History</h2><div class="panel" style="display: none"><p>{panel_text}</p></div>'
    result = extract(article_html(inside_after=panel))
    assert panel_text in result.text


def test_highlighted_comments_inside_code_are_kept() -> None:
    # Syntax highlighters label their tokens ("hljs-comment", "token comment"): inside <pre>
    # those labels name parts of the code, not comment threads.
    code = (
        '<pre><code><span class="hljs-comment"># measure the pier once more</span>\n'
        'survey --pier north\n<span class="token comment"># and send the report</span>\n'
        "mail report.txt</code></pre>"
    )
    html = article_html(inside_after=code)
    text = extract(html).text
    assert "# measure the pier once more" in text
    assert "# and send the report" in text
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)


def test_a_footer_of_long_legal_prose_is_left_out() -> None:
    disclaimer = (
        "<footer><p>This material is for general information only and is not advice. The "
        "Gazette has taken care that it is correct when published, but cannot accept any "
        "liability for decisions that readers make on the strength of it. Readers should "
        "always consult a qualified adviser about their own circumstances before acting, and "
        "should check any figures against the original sources, which are listed on request. "
        "Opinions expressed by contributors are their own and not those of the Gazette, its "
        "editors or its owners, who accept no responsibility for them.</p></footer>"
    )
    html = article_html(after=disclaimer)
    assert "general information only" not in extract(html).text
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)


def test_a_footer_that_holds_most_of_the_page_is_read() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pier</title></head>'
        f"<body><h1>Wenlow votes to rebuild its stone pier</h1><footer>{paragraphs}</footer>"
        "</body></html>"
    )
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    "line",
    [
        "By signing up, you agree to receive our weekly harbour news and to our privacy terms.",
        "Already have an account? Log in",
        "Thanks for subscribing!",
        "Loading content...",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
    ],
)
def test_form_small_print_and_placeholders_are_left_out(line: str) -> None:
    html = article_html(inside_after=f"<p>{line}</p>")
    assert line not in extract(html).text
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)


def test_a_sentence_that_merely_starts_like_small_print_is_kept() -> None:
    line = "By continuing the old survey, engineers found that the seaward end had settled most."
    html = article_html(inside_after=f"<p>{line}</p>")
    assert line in extract(html).text


@pytest.mark.parametrize(
    "line",
    [
        "Follow me on Instagram: @wenlowpier",
        "Join us on TikTok for the latest from the harbour",
        "Join our mailing list! Get the Wenlow Gazette when a new episode is out",
        "Get editor selected deals texted right to your phone!",
        "Oops! Something went wrong while submitting the form.",
        "Advertisement: The Wenlow Harbour Guide, out now",
        "Help us improve our content by reporting any issues you find.",
        "This post contains affiliate links, and the Wenlow Gazette may earn a commission when "
        "you buy through them.",
        "Werbung: Dieser Beitrag enthält Werbung für Hafenbücher.",
        "For the latest harbour news and updates download the Gazette app for iOS and Android.",
        "Submit your letter to the editor via this form",
        "Did you know the Wenlow Gazette has a channel on Telegram? Join it from your phone.",
        "By signing up, you agree to receive recurring automated text messages from the Wenlow "
        "Gazette at the number provided, including offers and reminders about the harbour. "
        "Message and data rates may apply. Up to two messages a day. Reply STOP to opt out, "
        "HELP for help. Consent is not a condition of any purchase. See our terms and privacy "
        "policy.",
        "Listen to this article",
        "Listen · 5 min",
        "Skip Advertisement",
        "Story continues below advertisement",
        "Copy link",
        "Gift this article",
        "Support our journalism",
        "This article is more than 2 years old",
        "Reuse this content",
        "Open in app",
        "Continue reading",
        "You have 3 free articles left this month",
        "Print this page",
        "Comments (12)",
        "Related: Ferry timetable changes for winter",
        "Watch: drone footage of the old pier",
        "Have a news tip? Email us at tips@wenlow.example",
        "Photograph: Ada Quill/Wenlow Gazette",
        "Advertise with us",
        "Privacy Policy",
        "Contact the author at ada@wenlow.example",
        "Facebook Twitter LinkedIn Email",
        "Filed under: Harbour",
        "Click to share on Twitter (Opens in new window)",
        "Like this: Like Loading...",
        "View gallery",
        "toggle caption",
    ],
)
def test_follow_and_sign_up_prompts_inside_the_article_are_left_out(line: str) -> None:
    middle = len(ARTICLE_PARAGRAPHS) // 2
    paragraphs = (*ARTICLE_PARAGRAPHS[:middle], line, *ARTICLE_PARAGRAPHS[middle:])
    html = article_html(paragraphs=paragraphs)
    assert line not in extract(html).text
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    ("heading", "after"),
    [
        (
            "References",
            [
                "Harbour Trust (2023). Annual survey of the Wenlow pier. Wenlow: Harbour Trust.",
                "Marsh, A. and Doyle, P. (2019). Stone piers of the north coast. Coastal "
                "Engineering Notes 12, 44-61.",
            ],
        ),
        (
            "Contact us",
            [
                "Let us help! Call us at 0100 555 0199 or fill out the quick form below.",
                "Can you claim for a fall on a slipway? | Wenlow Marine Lawyers",
                "When the harbour board denies your claim, it can feel like a dead end, but "
                "there are still ways forward that many boat owners do not know about.",
            ],
        ),
    ],
)
def test_what_follows_a_references_or_contact_heading_after_the_article_is_left_out(
    heading: str, after: list[str]
) -> None:
    extra = f"<h2>{heading}</h2>" + "".join(f"<p>{line}</p>" for line in after)
    html = article_html(inside_after=extra)
    text = extract(html).text
    assert not any(line in text for line in after)
    assert _paragraphs(html) == list(ARTICLE_PARAGRAPHS)


def _old_layout(after_article: str) -> str:
    """A page of the 2000s: the story's paragraphs and, in the same cell, bare text after them
    (lines set with <b> and <br>)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return (
        "<html><head><title>Wenlow votes to rebuild its stone pier</title></head><body>"
        '<table><tr><td class="story"><h3>Wenlow votes to rebuild its stone pier</h3>'
        f"{paragraphs}<hr>{after_article}</td></tr></table></body></html>"
    )


def test_bare_text_after_the_paragraphs_reads_after_them_in_its_own_paragraphs() -> None:
    page = _old_layout(
        "<b>A note from the harbour master</b>\n<br>\n<br>\nThe slipway stays open to small "
        "boats while the pier is rebuilt, and the ferry moves to the north quay for the winter."
    )
    texts = [b.text for b in extract(page).blocks]
    assert texts[:4] == list(ARTICLE_PARAGRAPHS)
    assert texts[4:] == [
        "A note from the harbour master",
        "The slipway stays open to small boats while the pier is rebuilt, and the ferry moves "
        "to the north quay for the winter.",
    ]


def test_a_comment_thread_longer_than_the_article_is_left_out() -> None:
    thread = "".join(
        f"<br><b>Reader {n}</b><br>I have walked on that pier every morning for thirty years "
        "and I think the council has waited far too long to repair it, so this is good news "
        "for the whole town and for the boats that land there.<br><br><hr>"
        for n in range(8)
    )
    result = extract(_old_layout(f"<b>Comments are now closed for this story</b><br><br>{thread}"))
    assert [b.text for b in result.blocks] == list(ARTICLE_PARAGRAPHS)


def test_a_comment_count_under_the_headline_ends_nothing() -> None:
    result = extract(article_html(before='<p class="meta">12 Comments</p>'))
    assert result.text.startswith(ARTICLE_PARAGRAPHS[0])
    assert [b.text for b in result.blocks][-1] == ARTICLE_PARAGRAPHS[-1]


def test_prose_after_an_inline_read_also_teaser_is_kept() -> None:
    closing = (
        "Back at the harbour, the council said the pier's iron rings would be kept and set "
        "into the new stone, as the fishing crews had asked, and that the old lamp at the "
        "seaward end would be lit again."
    )
    teaser = (
        "<p>Read also</p><h2><a href='/pier-history'>How the stone pier was built in the "
        "1880s</a></h2>"
    )
    paragraphs = (*ARTICLE_PARAGRAPHS, "__TEASER__", closing)
    html = article_html(paragraphs=paragraphs).replace("<p>__TEASER__</p>", teaser)
    texts = [b.text for b in extract(html).blocks]
    assert texts[-1] == closing
    assert not any("1880s" in t and "built" in t and len(t) < 60 for t in texts)
    assert "Read also" not in texts


def test_table_rows_written_as_paragraphs_with_bars_are_kept() -> None:
    rows = ("Antiques | 82 | 55.41% | 1,465 | 46.07%", "Art | 91 | 61.49% | 1,449 | 45.57%")
    text = extract(article_html(paragraphs=(*ARTICLE_PARAGRAPHS, *rows))).text
    assert rows[0] in text and rows[1] in text
