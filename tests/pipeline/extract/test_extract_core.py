"""extract() pauses the cyclic garbage collector while it works and leaves it as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from extract_pages import ARTICLE_PARAGRAPHS, article_html

from newsloom.errors import ExtractionError
from newsloom.pipeline.extract import extract


@pytest.fixture
def collector_state() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_state")
def test_collector_is_enabled_again_after_a_page() -> None:
    gc.enable()
    result = extract(article_html())
    assert result.text.startswith(ARTICLE_PARAGRAPHS[0])
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_collector_is_enabled_again_after_a_refused_page() -> None:
    gc.enable()
    with pytest.raises(ExtractionError):
        extract(b"%PDF-1.7 not a web page")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    extract(article_html())
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_collector_does_not_run_during_an_extraction() -> None:
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    page = article_html(after="<div class='more'><p>Another short story.</p></div>" * 2_000)
    gc.enable()
    gc.callbacks.append(count)
    try:
        extract(page)
    finally:
        gc.callbacks.remove(count)
    assert runs == []
