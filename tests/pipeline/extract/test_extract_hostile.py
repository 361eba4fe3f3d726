"""Hostile pages finish within a bound or fail with a clear ExtractionError."""

from __future__ import annotations

import os
import resource
import time

import pytest
from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.errors import ExtractionError
from newsloom.pipeline.extract import extract

ARTICLE = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)


def _timed(html: bytes | str, limit: float) -> object:
    start = time.process_time()
    result = extract(html)
    elapsed = time.process_time() - start
    assert elapsed < limit, f"took {elapsed:.1f}s"
    return result


def test_hundred_thousand_nested_divs_fail_fast_with_clear_message() -> None:
    depth = 100_000
    html = "<html><body>" + "<div>" * depth + ARTICLE + "</div>" * depth + "</body></html>"
    start = time.process_time()
    with pytest.raises(ExtractionError, match="nests its elements 100,00"):
        extract(html)
    assert time.process_time() - start < 5.0


def test_deep_but_bounded_nesting_is_extracted() -> None:
    depth = 1_500
    html = "<html><body>" + "<div>" * depth + ARTICLE + "</div>" * depth + "</body></html>"
    result = _timed(html, 10.0)
    assert result.text == "\n\n".join(ARTICLE_PARAGRAPHS)  # type: ignore[attr-defined]


def test_deeply_nested_mixed_tags_fail_fast() -> None:
    depth = 50_000
    html = "<body>" + "<li><blockquote><span>x " * depth + ARTICLE + "</body>"
    start = time.process_time()
    with pytest.raises(ExtractionError, match="levels deep"):
        extract(html)
    assert time.process_time() - start < 5.0


def test_many_void_and_unclosed_paragraph_tags_are_not_mistaken_for_nesting() -> None:
    filler = "<p>Line<br>" * 30_000 + "<img src='a.png'>" * 5_000
    html = article_html(after=filler)
    result = _timed(html, 10.0)
    assert result.text.startswith(ARTICLE_PARAGRAPHS[0])  # type: ignore[attr-defined]


def test_twenty_megabyte_page() -> None:
    filler = "<div class='teaser'><a href='/x'>Another story from the archive</a></div>\n"
    body = filler * (20_000_000 // len(filler))
    html = article_html(after=body).encode()
    assert len(html) > 20_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = _timed(html, 30.0)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 900
    assert result.text.startswith(ARTICLE_PARAGRAPHS[0])  # type: ignore[attr-defined]


def test_huge_colspan_and_rowspan() -> None:
    table = (
        "<table><tr><td colspan='9007199254740991' rowspan='9007199254740991'>Total</td>"
        "<td colspan='-1'>x</td></tr><tr><td>1</td><td>2</td></tr></table>"
    )
    result = _timed(article_html(inside_after=table), 5.0)
    assert ARTICLE_PARAGRAPHS[-1] in result.text  # type: ignore[attr-defined]


def test_binary_bytes_raise_plain_error() -> None:
    with pytest.raises(ExtractionError, match="not an HTML page"):
        extract(os.urandom(50_000))


def test_png_bytes_name_the_format() -> None:
    with pytest.raises(ExtractionError, match="PNG image"):
        extract(b"\x89PNG\r\n\x1a\n" + bytes(2000))


def test_gzip_bytes_say_decompress() -> None:
    with pytest.raises(ExtractionError, match="gzip"):
        extract(b"\x1f\x8b\x08\x00" + os.urandom(500))


@pytest.mark.parametrize("html", [b"", "", b"   \n ", b"<html></html>", b"<body></body>"])
def test_empty_pages_give_empty_result(html: bytes | str) -> None:
    result = extract(html)
    assert result.blocks == ()
    assert result.score == 0.0


def test_oversized_input_is_refused() -> None:
    with pytest.raises(ExtractionError, match="too large"):
        extract(b" " * (65 * 1024 * 1024))


def test_wrong_type_is_refused() -> None:
    with pytest.raises(ExtractionError):
        extract(12345)  # type: ignore[arg-type]


def test_garbage_markup_finishes_or_fails_cleanly() -> None:
    html = "<p>" + "<b><i><u>" * 20_000 + "</x></y>" * 1000 + "<!--" + ARTICLE
    start = time.process_time()
    try:
        extract(html)
    except ExtractionError as exc:
        assert "levels deep" in exc.message
    assert time.process_time() - start < 10.0


def test_unclosed_comment_swallows_the_rest_without_crashing() -> None:
    html = article_html().replace("<main>", "<main><!-- never closed ")
    result = _timed(html, 5.0)
    assert result.blocks == ()  # type: ignore[attr-defined]


def test_broken_json_ld_and_bad_dates() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        '<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]</script>'
        '<meta property="article:published_time" content="2023-02-31T99:99:99">'
        '<meta name="author" content="' + "A" * 10_000 + '">'
    )
    result = extract(article_html(head=head))
    assert result.published is None
    assert result.authors == ()
    assert result.blocks
