"""A page drawn by its scripts: the article text its JSON-LD declares stands in for the text it
does not show; a page that shows its article keeps its own blocks."""

from __future__ import annotations

import json

from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.domain.models import Block, BlockKind
from newsloom.pipeline.extract import extract
from newsloom.pipeline.extract.declared import declared_blocks, prefer_declared

DECLARED = "\n".join(ARTICLE_PARAGRAPHS)


def ld_script(body: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Wenlow votes to rebuild its stone pier",
        "articleBody": body,
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def script_drawn_page(body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Wenlow votes to rebuild its stone pier</title>{ld_script(body)}</head>"
        '<body><div id="root"></div><script src="/app.js"></script>'
        "<noscript>You need to enable JavaScript to run this app.</noscript></body></html>"
    )


def test_an_empty_page_shows_the_declared_text_paragraph_by_paragraph() -> None:
    result = extract(script_drawn_page(DECLARED))
    assert [b.text for b in result.blocks] == list(ARTICLE_PARAGRAPHS)
    assert result.score >= 0.5
    assert "JavaScript" not in result.text


def test_a_declared_text_in_html_keeps_its_paragraphs() -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    assert [b.text for b in extract(script_drawn_page(body)).blocks] == list(ARTICLE_PARAGRAPHS)


def test_a_page_that_shows_its_article_keeps_its_own_blocks() -> None:
    declared = DECLARED + "\nA paragraph only the declared copy has, about the harbour fees."
    result = extract(article_html(head=ld_script(declared)))
    assert result.text.startswith(ARTICLE_PARAGRAPHS[0])
    assert "harbour fees" not in result.text


def test_a_short_declared_teaser_is_not_the_article() -> None:
    assert declared_blocks("Wenlow votes to rebuild its pier.") == ()
    assert extract(script_drawn_page("Wenlow votes to rebuild its pier.")).blocks == ()


def test_the_declared_text_wins_only_over_a_third_of_it_or_less() -> None:
    declared = (Block(BlockKind.PARAGRAPH, "x" * 900),)
    assert prefer_declared((Block(BlockKind.PARAGRAPH, "y" * 300),), declared)
    assert not prefer_declared((Block(BlockKind.PARAGRAPH, "y" * 301),), declared)
