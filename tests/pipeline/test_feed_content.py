"""A feed's own HTML or text as article blocks: what a reader sees when the page is unreadable."""

from __future__ import annotations

import pytest

from newsloom.domain.models import Block, BlockKind
from newsloom.pipeline.feed_content import feed_html_to_blocks

P, LI, H, Q, CAP = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING,
                    BlockKind.QUOTE, BlockKind.CAPTION)


def test_paragraphs_lists_headings_quotes_and_captions_in_reading_order() -> None:
    html = """
    <p>The harbour board met on Tuesday &amp; voted.</p>
    <p>Fees rise by <b>two</b> per cent.</p>
    <h2>What changes</h2>
    <ul><li>Mooring fees</li><li>Night pilotage</li></ul>
    <blockquote><p>We had no choice.</p></blockquote>
    <figure><img src="https://x.example/i.jpg">
      <figcaption>The board in session.</figcaption></figure>
    """
    assert feed_html_to_blocks(html) == (
        Block(P, "The harbour board met on Tuesday & voted."),
        Block(P, "Fees rise by two per cent."),
        Block(H, "What changes"),
        Block(LI, "Mooring fees"),
        Block(LI, "Night pilotage"),
        Block(Q, "We had no choice."),
        Block(CAP, "The board in session."),
    )


def test_nested_blocks_are_not_repeated() -> None:
    html = ("<blockquote><p>First quoted line.</p><p>Second quoted line.</p></blockquote>"
            "<ul><li><p>A list item in a paragraph.</p></li></ul>")
    assert feed_html_to_blocks(html) == (
        Block(Q, "First quoted line."),
        Block(Q, "Second quoted line."),
        Block(LI, "A list item in a paragraph."),
    )


def test_scripts_styles_forms_and_images_are_dropped() -> None:
    html = ("<p>Kept words.</p><script>track()</script><style>p{}</style>"
            "<form><button>Subscribe</button></form><p><img src=x>Also kept.</p>")
    texts = [b.text for b in feed_html_to_blocks(html)]
    assert texts == ["Kept words.", "Also kept."]


@pytest.mark.parametrize(
    "junk",
    [
        "The post Ferry timetable changes appeared first on The Quayside Herald.",
        "Continue reading",
        "Read more",
        "Click here to see the gallery",
        "Sign up for our newsletter",
    ],
)
def test_feed_boilerplate_lines_are_dropped(junk: str) -> None:
    blocks = feed_html_to_blocks(f"<p>The real text.</p><p>{junk}</p>")
    assert [b.text for b in blocks] == ["The real text."]


def test_a_long_paragraph_starting_like_boilerplate_is_kept() -> None:
    text = ("Sign up figures for the harbour ferry pass doubled this spring, the operator said, "
            "as commuters moved from the coast road to the water during the bridge repairs.")
    assert [b.text for b in feed_html_to_blocks(f"<p>{text}</p>")] == [text]


def test_plain_text_splits_on_blank_lines_and_unescapes() -> None:
    text = "First paragraph\nwraps here.\n\nSecond &amp; last.\n\nRead more"
    assert feed_html_to_blocks(text) == (
        Block(P, "First paragraph wraps here."),
        Block(P, "Second & last."),
    )


def test_html_without_block_tags_becomes_text() -> None:
    assert feed_html_to_blocks("A <b>short</b> summary with no paragraphs.") == (
        Block(P, "A short summary with no paragraphs."),
    )


def test_double_line_breaks_separate_paragraphs() -> None:
    html = "Line one<br>still one<br><br>Second <b>one</b><BR/> <br />Third one<br><br>Read more"
    assert feed_html_to_blocks(html) == (
        Block(P, "Line one still one"), Block(P, "Second one"), Block(P, "Third one")
    )


@pytest.mark.parametrize("empty", [None, "", "   \n ", "<p>  </p>", "<script>x()</script>"])
def test_nothing_gives_no_blocks(empty: str | None) -> None:
    assert feed_html_to_blocks(empty) == ()
