"""A feed's own content (HTML from content:encoded, content_html or a summary) as text blocks:
what an article shows when its page cannot be fetched or extracted."""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsloom.domain.models import Block, BlockKind

_BLOCK_TAGS = {"p": BlockKind.PARAGRAPH, "li": BlockKind.LIST_ITEM, "blockquote": BlockKind.QUOTE,
               "h1": BlockKind.HEADING, "h2": BlockKind.HEADING, "h3": BlockKind.HEADING,
               "h4": BlockKind.HEADING, "figcaption": BlockKind.CAPTION}
_JUNK = re.compile(
    r"^(the post .* appeared first on|continue reading|read more|read the full|"
    r"click here|share this|sign up)\b",
    re.IGNORECASE,
)
_JUNK_MAX_CHARS = 160
_DOUBLE_BREAK = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)


def feed_html_to_blocks(content: str | None) -> tuple[Block, ...]:
    if not content or not content.strip():
        return ()
    if "<" not in content:
        return _plain_blocks(html.unescape(content))
    tree = LexborHTMLParser(content)
    for junk in tree.css("script, style, iframe, form, button, noscript, img"):
        junk.decompose()
    blocks: list[Block] = []
    selector = ", ".join(_BLOCK_TAGS)
    for node in tree.css(selector):
        # a block holding other blocks gives way to them (css() matches the node itself too)
        if node.tag in ("p", "li", "blockquote") and any(
            inner.mem_id != node.mem_id for inner in node.css("p, li")
        ):
            continue
        text = " ".join(node.text(separator=" ").split())
        if text and not _is_junk(text):
            blocks.append(Block(_kind(node), text))
    if not blocks:
        parts = _DOUBLE_BREAK.split(content)
        if len(parts) > 1:  # "First paragraph<br><br>Second paragraph"
            return tuple(block for part in parts for block in feed_html_to_blocks(part))
        body = tree.body
        return _plain_blocks(body.text(separator="\n") if body is not None else "")
    return tuple(blocks)


def _kind(node: LexborNode) -> BlockKind:
    """A paragraph inside a quotation or a list item takes that kind."""
    kind = _BLOCK_TAGS[node.tag or "p"]
    if kind is BlockKind.PARAGRAPH:
        parent = node.parent
        while parent is not None:
            if parent.tag == "blockquote":
                return BlockKind.QUOTE
            if parent.tag == "li":
                return BlockKind.LIST_ITEM
            parent = parent.parent
    return kind


def _is_junk(text: str) -> bool:
    """A "Read more" or "The post ... appeared first on" line; a long paragraph is not one."""
    return len(text) <= _JUNK_MAX_CHARS and _JUNK.match(text) is not None


def _plain_blocks(text: str) -> tuple[Block, ...]:
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text)]
    return tuple(Block(BlockKind.PARAGRAPH, p) for p in parts if p and not _is_junk(p))
