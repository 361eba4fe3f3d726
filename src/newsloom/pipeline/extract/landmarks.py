"""The elements that metadata is read from, found in one pass over the parse tree.

<meta>, <link>, <h1> and JSON-LD <script> come from a single selector query: lexbor walks the
whole tree once per query, and that walk costs far more than testing a few tag names at each
element, so one query for all of them is much cheaper than one per kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

_QUERY = 'meta, link, h1, script[type*="ld+json"]'


@dataclass(slots=True)
class Landmarks:
    """The page's metadata elements, each list in document order."""

    html: LexborNode | None = None
    """The first <html> element (what ``css_first("html")`` finds)."""
    title: LexborNode | None = None
    """The first <title> element (what ``css_first("title")`` finds)."""
    metas: list[LexborNode] = field(default_factory=list)
    h1s: list[LexborNode] = field(default_factory=list)
    ld_scripts: list[LexborNode] = field(default_factory=list)
    """The scripts whose type holds "ld+json" (``script[type*="ld+json"]``)."""
    canonical: LexborNode | None = None
    """The first ``link[rel="canonical"]``."""
    image_src: LexborNode | None = None
    """The first ``link[rel="image_src"]``."""


def find_landmarks(tree: LexborHTMLParser) -> Landmarks:
    """The metadata elements of the page, in one query."""
    root = tree.root
    found = Landmarks(
        # The document's root element is its first <html>; a <title> sits near the start
        # (a query for the first one stops there).
        html=root if root is not None and root.tag == "html" else tree.css_first("html"),
        title=tree.css_first("title"),
    )
    for node in tree.css(_QUERY):
        tag = node.tag
        if tag == "meta":
            found.metas.append(node)
        elif tag == "h1":
            found.h1s.append(node)
        elif tag == "script":
            found.ld_scripts.append(node)
        elif tag == "link":
            rel = node.attributes.get("rel")
            if rel:
                rel = _ascii_lower(rel)
                if rel == "canonical":
                    if found.canonical is None:
                        found.canonical = node
                elif rel == "image_src" and found.image_src is None:
                    found.image_src = node
    return found


_ASCII_UPPER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _ascii_lower(value: str) -> str:
    """Only A-Z lowered: the selectors compare these attribute values ASCII case-insensitively
    (``str.lower`` would also fold a few non-ASCII letters into ASCII ones)."""
    return value.lower() if value.isascii() else value.translate(_ASCII_UPPER)
