"""A section label or kicker printed just above the headline is not article text."""

from __future__ import annotations

import pytest
from extract_pages import ARTICLE_PARAGRAPHS

from newsloom.pipeline.extract import extract

URL = "https://gazette.example/news/pier"
TITLE = "Wenlow votes to rebuild its stone pier"


def page(label_html: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>'
        f'</head><body><table><tr><td class="colonne">{label_html}<h1>{TITLE}</h1>'
        f'<p class="standfirst">The council ends a three-year debate over the harbour.</p>'
        f"{body}</td></tr></table></body></html>"
    )


@pytest.mark.parametrize("label", [
    '<div class="rubrique">World</div>',
    "<p>Opinion</p>",
    '<div class="kicker">Coast and harbours</div>',
])
def test_a_label_above_the_headline_is_dropped(label: str) -> None:
    blocks = [b.text for b in extract(page(label), URL).blocks]
    assert blocks[0] == "The council ends a three-year debate over the harbour."
    assert blocks[-1] == ARTICLE_PARAGRAPHS[-1]


def test_a_sentence_above_the_headline_is_not_a_label() -> None:
    # a full sentence is not taken for a label, whatever becomes of it
    e = extract(page("<p>Flood warnings remain in place along the coast.</p>"), URL)
    texts = [b.text for b in e.blocks]
    assert "The council ends a three-year debate over the harbour." in texts
    assert texts[-1] == ARTICLE_PARAGRAPHS[-1]
