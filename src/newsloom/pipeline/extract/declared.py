"""The article text a page declares in its JSON-LD (``articleBody``): what a page drawn by its
scripts (an empty ``<div id="root">`` until the JavaScript runs) gives instead of the text it
shows.

    declared_blocks(value) -> tuple[Block, ...]
    prefer_declared(shown, declared) -> bool

The declared text is used only when the page shows far less of it (a third at most): where the
page shows the article, its own blocks keep their structure and the cleaning they went through.
"""

from __future__ import annotations

from newsloom.domain.models import Block
from newsloom.pipeline.feed_content import feed_html_to_blocks

__all__ = ["DECLARED_SCORE", "declared_blocks", "prefer_declared"]

DECLARED_SCORE = 0.5
"""How sure the extractor is of a declared text: the publisher's own copy, not seen on the
page (above the default NEWSLOOM_MIN_EXTRACTION_SCORE, so the pipeline keeps it)."""
_MIN_DECLARED_CHARS = 200
"""A shorter declared text is a teaser, not the article."""
_SHOWN_SHARE = 1 / 3


def declared_blocks(value: object) -> tuple[Block, ...]:
    """The blocks of a JSON-LD ``articleBody`` (HTML or plain text; a plain text's lines are its
    paragraphs when it has no blank lines), or none when it is missing or short."""
    if not isinstance(value, str) or len(value.strip()) < _MIN_DECLARED_CHARS:
        return ()
    if "<" not in value and "\n\n" not in value:
        value = value.replace("\n", "\n\n")
    return feed_html_to_blocks(value)


def prefer_declared(shown: tuple[Block, ...], declared: tuple[Block, ...]) -> bool:
    """Whether the declared text should stand for the page's: the page shows a third of it or
    less (nothing, a teaser, a cookie wall)."""
    declared_chars = sum(len(b.text) for b in declared)
    shown_chars = sum(len(b.text) for b in shown)
    return declared_chars >= _MIN_DECLARED_CHARS and shown_chars <= declared_chars * _SHOWN_SHARE
