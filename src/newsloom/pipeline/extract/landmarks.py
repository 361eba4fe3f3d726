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
    links: list[LexborNode] = field(default_factory=list)
    """Every <link> (only a walk over the body fills it in, for ``landmarks_with``)."""
    headings: list[LexborNode] | None = None
    """The <h2>-<h6> and <dt> elements, when a walk over the body found them (a <head> holds
    none: the parser moves them into the body)."""


def find_landmarks(tree: LexborHTMLParser) -> Landmarks:
    """The metadata elements of the page, in one query."""
    found = _started(tree)
    for node in tree.css(_QUERY):
        _add(found, node)
    return found


def landmarks_with(tree: LexborHTMLParser, body: Landmarks, *, head: bool = True) -> Landmarks:
    """The metadata elements of the page when a walk over its body found them there already
    (``body``: its <meta>, <link> (in ``links``), <h1> and JSON-LD <script> elements (see
    ``is_ld_type``), each in document order). Only the <head> is queried (with ``head``
    False, not even that: the walk went over the whole document)."""
    found = _started(tree)
    head_node = tree.head if head else None
    if head_node is not None:
        for node in head_node.css(_QUERY):
            _add(found, node)
    found.metas.extend(body.metas)
    found.h1s.extend(body.h1s)
    found.ld_scripts.extend(body.ld_scripts)
    found.headings = body.headings
    if found.canonical is None or found.image_src is None:
        for node in body.links:
            _add_link(found, node)
    return found


def is_ld_type(kind: str | None) -> bool:
    """Whether a <script> of this type is one that ``script[type*="ld+json"]`` matches."""
    return bool(kind) and "ld+json" in _ascii_lower(kind or "")


def _started(tree: LexborHTMLParser) -> Landmarks:
    root = tree.root
    return Landmarks(
        # The document's root element is its first <html>; a <title> sits near the start
        # (a query for the first one stops there).
        html=root if root is not None and root.tag == "html" else tree.css_first("html"),
        title=tree.css_first("title"),
    )


def _add(found: Landmarks, node: LexborNode) -> None:
    tag = node.tag
    if tag == "meta":
        found.metas.append(node)
    elif tag == "h1":
        found.h1s.append(node)
    elif tag == "script":
        found.ld_scripts.append(node)
    elif tag == "link":
        _add_link(found, node)


def _add_link(found: Landmarks, node: LexborNode) -> None:
    rel = node.attributes.get("rel")
    if rel:
        rel = _ascii_lower(rel)
        if rel == "canonical":
            if found.canonical is None:
                found.canonical = node
        elif rel == "image_src" and found.image_src is None:
            found.image_src = node


_ASCII_UPPER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _ascii_lower(value: str) -> str:
    """Only A-Z lowered: the selectors compare these attribute values ASCII case-insensitively
    (``str.lower`` would also fold a few non-ASCII letters into ASCII ones)."""
    return value.lower() if value.isascii() else value.translate(_ASCII_UPPER)
