"""The headline's place in the page, and the lines of text written just before and after it
(where bylines and dates sit)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

_NON_WORD = re.compile(r"[^\w]+")
_MAX_SCOPE_CHARS = 4000
_LEVELS = 6
# Running text: a long line with a full sentence in it.
_PROSE = re.compile(r"^(?=.{120}).*\w[.!?]\s+[A-Z]")
_PROSE_LOOKBACK = 4
_MAX_PARAGRAPHS = 200


def _key(s: str) -> str:
    return " ".join(_NON_WORD.sub(" ", s.casefold()).split())


def headline_node(
    tree: LexborHTMLParser,
    title: str | None,
    h1_nodes: list[LexborNode] | None = None,
    headings: list[LexborNode] | None = None,
) -> LexborNode | None:
    """The <h1> that holds the headline (a page's first <h1> is often its logo), or an <h2> or
    <h3> that says the headline word for word; else the first <h1>. ``h1_nodes`` are the
    page's <h1>s and ``headings`` its <h2>-<h6> and <dt> elements (in document order), when
    already found."""
    h1s = (h1_nodes if h1_nodes is not None else tree.css("h1"))[:8]
    if title:
        want = _key(title)
        spaced = [_key(h1.text(separator=" ") or "") for h1 in h1s]
        if want:
            for h1, got in zip(h1s, spaced, strict=True):
                if want == got or want == _key(h1.text() or ""):
                    return h1
        for h1, got in zip(h1s, spaced, strict=True):
            if got and len(got) >= 8 and (got in want or want in got):
                return h1
        if headings is None:
            subheads = tree.css("h2, h3")[:12]
        else:
            subheads = [n for n in headings if n.tag in ("h2", "h3")][:12]
        for node in subheads:
            if want and _key(node.text(separator=" ") or "") == want:
                return node
        if not h1s and want:
            return _first_sharing_words(subheads, want) or _paragraph_saying(tree, want)
    return h1s[0] if h1s else None


def _paragraph_saying(tree: LexborHTMLParser, want: str) -> LexborNode | None:
    """A page built without headings (by a site builder) sets its headline in a <p>: the
    first one that says the title word for word."""
    for node in tree.css("p")[:_MAX_PARAGRAPHS]:
        text = node.text(separator=" ") or ""
        if len(text) < 2 * len(want) and _key(text) == want:
            return node
    return None


def _first_sharing_words(nodes: list[LexborNode], want: str) -> LexborNode | None:
    """A page without <h1> sets its headline in an <h2>: the first one that holds most of the
    title's words ("Introducing the Acme Engine" / "Introducing Acme: the engine for …"), and
    that no paragraph of the article comes before (else it heads a section of the body:
    "Top 5 HR Software Platforms of 2026" under the intro of "Top 5 HR Software in 2026")."""
    words = set(want.split())
    for node in nodes:
        got = set(_key(node.text(separator=" ") or "").split())
        if len(got) >= 2 and len(words & got) * 3 >= len(words) * 2:
            return None if _after_prose(node) else node
    return None


def _after_prose(node: LexborNode) -> bool:
    """A paragraph of running text stands just before the node."""
    return any(_PROSE.search(line) for line in _walk(node, _PROSE_LOOKBACK, forward=False))


@dataclass(slots=True)
class Around:
    """Lines of text before and after the headline, nearest first."""

    before: list[str]
    after: list[str]


def lines_around(headline: LexborNode | None, before: int = 4, after: int = 16) -> Around:
    """The text lines next to the headline, nearest first on both sides: from its following
    (and preceding) siblings, then its parent's, up a few levels."""
    if headline is None:
        return Around([], [])
    return Around(
        before=_walk(headline, before, forward=False), after=_walk(headline, after, forward=True)
    )


def _walk(start: LexborNode, want: int, *, forward: bool) -> list[str]:
    lines: list[str] = []
    budget = _MAX_SCOPE_CHARS
    node: LexborNode | None = start
    for _ in range(_LEVELS):
        if node is None or node.tag in ("html", "body"):
            break
        sib = node.next if forward else node.prev
        while sib is not None and len(lines) < want and budget > 0:
            if sib.tag not in _SKIP:
                text = sib.text(separator="\n") or ""
                budget -= len(text)
                # most siblings are the blank text between two elements: no lines in them
                if not text.isspace():
                    lines.extend(_text_lines(text, want - len(lines), nearest_last=not forward))
            sib = sib.next if forward else sib.prev
        if len(lines) >= want or budget <= 0:
            break
        node = node.parent
    return lines[:want]


def _text_lines(text: str, need: int, *, nearest_last: bool) -> list[str]:
    """Up to ``need`` text lines of ``text``, nearest to the headline first: its first lines,
    or with ``nearest_last`` its last ones."""
    found: list[str] = []
    rest = text
    while True:
        # A long text (the whole article after its headline) is cut into lines a chunk at a
        # time from the near end, until enough lines are found.
        if nearest_last:
            raw = rest.rsplit("\n", _CHUNK_LINES)
            more = len(raw) > _CHUNK_LINES
            if more:
                rest = raw[0]
                del raw[0]
            raw.reverse()
        else:
            raw = rest.split("\n", _CHUNK_LINES)
            more = len(raw) > _CHUNK_LINES
            if more:
                rest = raw.pop()
        # Blank lines (most of them: one between every two text nodes) are passed over in C.
        for line in filter(None, map(str.strip, raw)):
            if "{" in line and (";" in line or "}" in line):
                continue  # style or script text that a parser kept (".a{color:red}")
            found.append(line)
            if len(found) >= need:
                return found
        if not more:
            return found


_CHUNK_LINES = 100


_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "form", "button"})
