"""The article container grows over the whole article, and only over the article."""

from __future__ import annotations

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
