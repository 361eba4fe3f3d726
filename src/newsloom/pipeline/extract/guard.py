"""Refuse pages nested so deeply that parsing them would take minutes.

The HTML parser does work proportional to the nesting depth for every tag, so a page of 100,000
nested <div>s costs hours of CPU. A vectorised count of tag opens minus closes bounds the depth
from above in well under a millisecond; only when that bound is high (many void or implicitly
closed tags, or real nesting) does a precise scan run, which skips scripts and comments and
knows void and implicitly closed elements.
"""

from __future__ import annotations

import re

import numpy as np

from newsloom.errors import ExtractionError

MAX_DEPTH = 2_000

_LT = ord("<")
_SLASH = ord("/")
_GT = ord(">")
_RAW = re.compile(
    r"<(script|style|textarea|template|title|xmp|noscript)\b.*?</\1\s*>|<!--.*?(?:-->|$)",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_NO_DEPTH = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "basefont",
        "frame",
        "isindex",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
        "caption",
    ]
)


def _upper_bound(text: str, raw: bytes | None) -> int:
    """Opens minus closes, at most: 0 when the page has no more than MAX_DEPTH tags at all."""
    data = np.frombuffer(raw if raw is not None else text.encode("utf-8", "ignore"), np.uint8)
    if data.size < 2:
        return 0
    lt = np.flatnonzero(data[:-1] == _LT)
    if lt.size <= MAX_DEPTH:
        return 0
    nxt = data[lt + 1]
    opens = ((nxt | 0x20) >= ord("a")) & ((nxt | 0x20) <= ord("z"))
    closes = nxt == _SLASH
    steps = opens.astype(np.int32) - closes.astype(np.int32)
    return int(np.cumsum(steps).max(initial=0))


def _precise_depth(text: str) -> int:
    stripped = _RAW.sub(" ", text)
    depth = 0
    deepest = 0
    for m in _TAG.finditer(stripped):
        name = m.group(2).lower()
        if name in _NO_DEPTH or m.group(3):
            continue
        if m.group(1):
            if depth:
                depth -= 1
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
    return deepest


def check_nesting(text: str, raw: bytes | None = None) -> None:
    """Raise ExtractionError when the page nests elements more than MAX_DEPTH levels deep.

    ``raw`` may give the page's original bytes (any ASCII-compatible encoding) to scan
    instead of re-encoding the text.
    """
    if len(text) <= MAX_DEPTH * 3:
        return
    if _upper_bound(text, raw) <= MAX_DEPTH:
        return
    depth = _precise_depth(text)
    if depth > MAX_DEPTH:
        raise ExtractionError(
            f"The page nests its elements {depth:,} levels deep (the limit is {MAX_DEPTH:,}); "
            "it is not a readable article page."
        )


_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)
_MAX_TITLE = 2_000


def close_runaway_title(text: str) -> str:
    """Close a <title> that is never closed (it would swallow the whole page as its text).

    The title is ended at the first line break or tag after it.
    """
    at = text.find("<title", 0, 200_000)
    if at < 0:
        at = text.find("<TITLE", 0, 200_000)
        if at < 0:
            return text
    opened = _TITLE_OPEN.match(text, at)
    if opened is None:
        return text
    start = opened.end()
    closed = _TITLE_CLOSE.search(text, start, start + _MAX_TITLE)
    if closed is not None:
        return text
    ends = [i for i in (text.find("\n", start), text.find("<", start)) if i >= 0]
    end = min(ends) if ends else len(text)
    return text[:end] + "</title>" + text[end:]


_TEMPLATE_SCRIPT = re.compile(
    r"<script[^>]*\btype\s*=\s*[\"']?text/(?:template|html|x-template)[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)


def open_template_scripts(text: str) -> str:
    """Let article markup that a page keeps in <script type="text/template"> be read as HTML
    (some blog platforms deliver the post body that way)."""
    if (
        "text/template" not in text
        and "x-template" not in text
        and 'text/html"' not in text
        and "text/html'" not in text
    ):
        return text

    def unwrap(m: re.Match[str]) -> str:
        inner = m.group(1)
        return inner if "<p" in inner or "<P" in inner else m.group(0)

    return _TEMPLATE_SCRIPT.sub(unwrap, text)
