"""Small text rules shared by listings, pages and feeds out."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def snippet(text: str, max_chars: int = 220) -> str:
    """The opening of a clean text, cut at a word boundary, with an ellipsis when cut."""
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= max_chars:
        return flat
    cut = flat[: max_chars + 1]
    space = cut.rfind(" ")
    if space > max_chars * 0.6:
        cut = cut[:space]
    return cut[:max_chars].rstrip(" ,;:-–—") + "…"
