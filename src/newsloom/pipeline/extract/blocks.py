"""Cut a cleaned body into candidate text blocks in reading order.

Candidates come from two CSS queries (run in C): natural blocks (<p>, headings, list items,
quotes, cells...) and containers with bare text of their own (old ``<div>text<br><br>text</div>``
layouts). Each candidate keeps a few ancestor ids for scoring. Nothing here recurses: ancestor
walks are bounded and child scans are flat loops.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from newsloom.domain.models import BlockKind
from newsloom.pipeline.extract.tagnames import is_fixed, learn, tag_names

NATURAL = (
    "p, h1, h2, h3, h4, h5, h6, pre, blockquote, li, dd, dt, figcaption, caption, td, th, "
    "address, summary"
)
BARE = "div, section, article, main, center, body, form, span, font"

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LEAF_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"})
_OUTER = frozenset({"li", "blockquote", "td", "th", "dd", "figcaption", "caption", "summary", "p"})
_KIND_OF_ANCESTOR = {
    "blockquote": BlockKind.QUOTE,
    "li": BlockKind.LIST_ITEM,
    "figcaption": BlockKind.CAPTION,
    "figure": BlockKind.CAPTION,
    "pre": BlockKind.CODE,
    "dd": BlockKind.LIST_ITEM,
}
INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "br",
        "-text",
        "label",
        "nobr",
        "strike",
        "img",
        "picture",
        "acronym",
    }
)
_OPENABLE = INLINE - {"a", "br", "-text", "img", "picture", "wbr"}
_BLOCK_INSIDE = "p, div, table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, section"
_NATURAL_TAGS = frozenset(t.strip() for t in NATURAL.split(","))
_ORDER_TAGS = _NATURAL_TAGS | {"div", "section", "article", "main", "center", "body", "form"}
_BARE_TAGS = frozenset(t.strip() for t in BARE.split(","))
_TAG_KIND = {
    **dict.fromkeys(_HEADINGS, BlockKind.HEADING),
    "pre": BlockKind.CODE,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
    "blockquote": BlockKind.QUOTE,
    "li": BlockKind.LIST_ITEM,
    "dd": BlockKind.LIST_ITEM,
}
_R_NATURAL, _R_LINK, _R_TABLE, _R_BARE, _R_ORDER = 1, 2, 4, 8, 16
"""What collect() does with an element of a tag, as bits (by lexbor tag id)."""
_tag_roles: dict[int, int] = {}
_role_names: dict[int, str] = {}
"""The tag name behind each natural block's bits (each natural tag has bits of its own)."""
ANCESTOR_DEPTH = 10
MAX_WALK = 200_000
MAX_CANDIDATES = 20_000
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_INVISIBLE_ANY = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
LINK = "a[href]"
"""What counts as a link: an anchor without an address is a named target (``<h3><a
name="step-2">Step 2</a></h3>``), plain text to a reader."""
BR_MARK = "\u2029"
"""Written before every <br> so that a double line break can be told from source newlines."""
_PARAGRAPH_BREAK = re.compile(r"\u2029\s*\u2029")


class Candidate:
    """One block of text found on the page, before choosing what belongs to the article.

    ``ancestors`` may be shared between candidates: read it, never change it. ``flags``
    memoises the text checks of the scoring step (a bit mask it owns; 0 until worked out).
    """

    __slots__ = (
        "ancestors",
        "flags",
        "kind",
        "link_chars",
        "link_density",
        "node_id",
        "order",
        "table_id",
        "tag",
        "text",
    )

    def __init__(
        self,
        node_id: int,
        kind: BlockKind,
        tag: str,
        text: str,
        link_chars: int,
        ancestors: list[int] | None = None,
        order: int = 0,
        table_id: int = 0,
    ) -> None:
        self.node_id = node_id
        self.kind = kind
        self.tag = tag
        self.text = text
        self.link_chars = link_chars
        self.link_density: float = link_chars / len(text) if text else 1.0
        self.ancestors: list[int] = ancestors if ancestors is not None else []
        self.order = order
        self.table_id = table_id
        self.flags = 0


def squash(text: str) -> str:
    """Collapse runs of whitespace (non-breaking spaces included) to single spaces."""
    if (
        text.isprintable()  # every other whitespace and invisible character is unprintable
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text  # nothing to collapse (most texts)
    if not text.isascii() and _INVISIBLE_ANY.search(text):
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def _link_chars(node: LexborNode) -> int:
    total = 0
    for a in node.css(LINK):
        total += len(squash(a.text(deep=True) or ""))
    return total


def _learn_role(node: LexborNode) -> int:
    """The node's role bits, remembered by tag id when the id is one of lexbor's own."""
    tag = learn(node)
    role = 0
    if tag in _NATURAL_TAGS:
        # a bit of its own per natural tag above the shared ones, so its name can be looked up
        role = _R_NATURAL | _R_ORDER | (sorted(_NATURAL_TAGS).index(tag) + 1) << 8
        _role_names[role] = tag
    elif tag == "a":
        role = _R_LINK
    elif tag == "table":
        role = _R_TABLE
    elif tag in _BARE_TAGS:
        role = _R_BARE | (_R_ORDER if tag in _ORDER_TAGS else 0)
    tag_id = node.tag_id
    if is_fixed(tag_id):
        _tag_roles[tag_id] = role
    return role


@dataclass(slots=True)
class Context:
    """What the candidates under one parent share, worked out once per parent."""

    ancestors: list[int]
    """The parent and its nearest ancestors (ANCESTOR_DEPTH in all), nearest first."""
    kind: BlockKind | None
    """The kind that the nearest ancestors give a block (a quote, list item, caption...)."""
    linked: bool
    """A link among the nearest ancestors: the whole block is link text."""
    caption: bool
    """A caption-labelled element among the nearest ancestors."""
    outer: tuple[int, ...]
    """Outer blocks (li, td, blockquote...) among the ancestors: those get split."""
    outer_near: tuple[int, ...]
    table: int
    """The id of the data table the block sits in, or 0."""


@dataclass(slots=True)
class Tree:
    """What is known of the DOM above the candidates: tag and parent by node id."""

    tag: dict[int, str] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)
    captions: set[int] = field(default_factory=set)
    """Ids of elements whose class or id names a caption or photo credit."""
    chains: dict[int, list[int]] = field(default_factory=dict)
    contexts: dict[int, Context] = field(default_factory=dict)
    tables: dict[int, LexborNode] = field(default_factory=dict)
    nodes: dict[int, LexborNode] = field(default_factory=dict)
    """The ancestors met while registering, by id (to read their class when needed)."""

    def kind_of(self, nid: int) -> str:
        """A recorded ancestor's tag and class ("div.sqs-html-content"); "" when unknown
        or without a class."""
        node = self.nodes.get(nid)
        if node is None:
            return ""
        cls = node.attributes.get("class")
        return f"{self.tag.get(nid, '')}.{cls}" if cls else ""

    def register(self, node: LexborNode, tag: str | None = None) -> int:
        """Record a node (whose tag may be given) and its ancestors (walking up until a known
        one); return its id."""
        nid: int = node.mem_id
        tags = self.tag
        if nid in tags:
            return nid
        names = tag_names()
        tags[nid] = tag if tag is not None else names.get(node.tag_id) or learn(node)
        cur, cur_id = node, nid
        steps = 0
        while steps < MAX_WALK:
            steps += 1
            parent = cur.parent
            if parent is None:
                break
            pid: int = parent.mem_id
            if pid in tags:  # never <html>: that one is not recorded
                self.parent[cur_id] = pid
                break
            ptag = names.get(parent.tag_id) or learn(parent)
            if ptag == "html" or ptag == "-document":
                break
            self.parent[cur_id] = pid
            tags[pid] = ptag
            self.nodes[pid] = parent
            cur, cur_id = parent, pid
        return nid

    def ancestors(self, nid: int) -> list[int]:
        """The ids of up to ANCESTOR_DEPTH ancestors, nearest first (a shared list: read only)."""
        parent = self.parent.get(nid)
        return self._chain(parent) if parent is not None else []

    def context(self, nid: int) -> Context:
        """The shared context of the blocks whose parent is ``nid`` (a registered node)."""
        known = self.contexts.get(nid)
        if known is not None:
            return known
        ids = self._chain(nid)
        tags = self.tag
        captions = self.captions
        tables = self.tables
        kind: BlockKind | None = None
        linked = caption = False
        outer: list[int] = []
        near_outer = 0
        table = 0
        for depth, i in enumerate(ids):
            tag = tags[i]
            if depth < 4:
                if kind is None:
                    kind = _KIND_OF_ANCESTOR.get(tag)
                if tag == "a":
                    linked = True
                if i in captions:
                    caption = True
            if tag in _OUTER:
                outer.append(i)
                if depth < 4:
                    near_outer += 1
            if not table and i in tables:
                table = i
        ctx = Context(ids, kind, linked, caption, tuple(outer), tuple(outer[:near_outer]), table)
        self.contexts[nid] = ctx
        return ctx

    def _chain(self, nid: int) -> list[int]:
        """``nid`` and its nearest ancestors, ANCESTOR_DEPTH in all, memoised per node."""
        chains = self.chains
        known = chains.get(nid)
        if known is not None:
            return known
        get = self.parent.get
        path: list[int] = []
        tail: list[int] = []
        cur: int | None = nid
        while cur is not None and len(path) < MAX_WALK:
            known = chains.get(cur)
            if known is not None:
                tail = known
                break
            path.append(cur)
            cur = get(cur)
        keep = ANCESTOR_DEPTH - 1
        for node in reversed(path):
            tail = [node, *tail[:keep]]
            chains[node] = tail
        return tail


_NO_CONTEXT = Context([], None, False, False, (), (), 0)


def _table_text(table: LexborNode) -> str:
    rows: list[str] = []
    for tr in table.css("tr")[:500]:
        cells = [squash(c.text(deep=True) or "") for c in tr.css("td, th")[:50]]
        cells = [c for c in cells if c]
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def data_tables(tables: list[LexborNode]) -> dict[int, LexborNode]:
    """Tables that hold data (rows of short cells, no nested layout), keyed by node id."""
    found: dict[int, LexborNode] = {}
    for table in tables[:300]:
        if table.css_first("p, div, ul, ol, h1, h2, h3, blockquote") is not None:
            continue
        if len(table.css("table")) > 1:  # the query also matches the table itself
            continue
        rows = table.css("tr")
        if len(rows) < 2:
            continue
        cells = table.css("td, th")
        if len(cells) < 4 or len(cells) < len(rows) * 2 - 1:
            continue
        text = squash(table.text(deep=True) or "")
        if not text or len(text) / len(cells) > 150:
            continue
        found[table.mem_id] = table
    return found


def _split_run(parts: list[tuple[str, int]], out: list[tuple[str, int]]) -> None:
    """Cut one run of inline parts (text, link chars) into paragraphs at double line breaks,
    also where the two breaks sit in different parts ("<b>...</b><br> <br>"), keeping each
    paragraph's own link characters (a part's links spread evenly over its text)."""
    text = "".join(t for t, _ in parts)
    if BR_MARK not in text or not _PARAGRAPH_BREAK.search(text):
        _flush(text, sum(links for _, links in parts), out)
        return
    ends: list[int] = []
    densities: list[float] = []
    at = 0
    for part, part_links in parts:
        at += len(part)
        ends.append(at)
        densities.append(part_links / len(part) if part else 0.0)
    start = 0
    first = 0  # the first part that may still reach into a fragment (fragments only move on)
    for brk in (*_PARAGRAPH_BREAK.finditer(text), None):
        stop = brk.start() if brk is not None else len(text)
        while first < len(ends) and ends[first] <= start:
            first += 1
        links = 0.0
        k = first
        begin = ends[k - 1] if k else 0
        while k < len(ends) and begin < stop:
            if densities[k]:
                links += (min(ends[k], stop) - max(begin, start)) * densities[k]
            begin = ends[k]
            k += 1
        _flush(text[start:stop], int(links), out)
        if brk is not None:
            start = brk.end()


def _flush(text: str, links: int, out: list[tuple[str, int]]) -> None:
    piece = squash(text)
    if piece:
        out.append((piece, min(links, len(piece))))


def _inline_runs(
    node: LexborNode, with_links: set[int] | None
) -> list[tuple[str, int, LexborNode | None]]:
    """Text of a container's own inline content, split where block children interrupt it:
    (text, link chars, where the run stops). A run that no block child comes before stops at
    None (it stands where the container does); a later one at the block child that ends it,
    or at the container itself when it runs to the container's end.

    ``with_links`` holds the ids of the elements that contain a link (None: unknown)."""
    out: list[tuple[str, int, LexborNode | None]] = []
    parts: list[tuple[str, int]] = []
    after_block = False
    # Siblings still to scan, innermost last: an inline element that wraps blocks (a <span>
    # around <p>s in old layouts) is opened up instead of read whole.
    pending: list[LexborNode | None] = [node.child]
    names = tag_names()
    steps = 0
    while pending and steps < 5000:
        child = pending[-1]
        if child is None:
            pending.pop()
            continue
        pending[-1] = child.next
        steps += 1
        tag = names.get(child.tag_id) or learn(child)
        if tag == "-text":
            parts.append((child.text_content or "", 0))
        elif tag in _OPENABLE and _holds_block(child):
            if parts:
                _end_run(parts, out, child if after_block else None)
            parts = []
            after_block = True
            if len(pending) < 50:
                pending.append(child.child)
        elif tag in INLINE:
            t = child.text(deep=True) or ""
            if tag == "a" and "href" in child.attrs:
                parts.append((t, len(t)))
            elif tag != "br" and (
                child.mem_id in with_links
                if with_links is not None
                else child.css_first("a") is not None
            ):
                parts.append((t, min(len(t), _link_chars(child))))
            else:
                parts.append((t, 0))
        elif tag != "-comment":
            if parts:
                _end_run(parts, out, child if after_block else None)
            parts = []
            after_block = True
    if parts:
        _end_run(parts, out, node if after_block else None)
    return out


def _end_run(
    parts: list[tuple[str, int]],
    out: list[tuple[str, int, LexborNode | None]],
    stop: LexborNode | None,
) -> None:
    pieces: list[tuple[str, int]] = []
    _split_run(parts, pieces)
    out.extend((text, link_chars, stop) for text, link_chars in pieces)


def _run_position(
    container: LexborNode, stop: LexborNode, positions: dict[int, int]
) -> float | None:
    """Where a run of the container's text stands among the elements in document order: just
    before the block that ends it, or after the container's last element when it runs to the
    end (None when that element is not among ``positions``)."""
    if stop is container:
        at = positions.get(_last_element(container).mem_id)
        return at + 0.5 if at is not None else None
    at = positions.get(stop.mem_id)
    return at - 0.5 if at is not None else None


def _last_element(node: LexborNode) -> LexborNode:
    """The last element of the node's subtree in document order (the node itself if it holds
    no element)."""
    last = node
    for _ in range(MAX_WALK):
        child = last.last_child
        while child is not None and not child.is_element_node:
            child = child.prev
        if child is None:
            break
        last = child
    return last


def _holds_block(node: LexborNode) -> bool:
    """Whether a block element (a <p>, <div>, list, heading...) sits inside the node. Most
    inline elements hold only text: no selector query for those."""
    child = node.first_child
    while child is not None:
        if child.is_element_node:
            return node.css_first(_BLOCK_INSIDE) is not None
        child = child.next
    return False


def collect(root: LexborNode, tree: Tree) -> list[Candidate]:
    """Candidate blocks of the page in document order; ``tree`` learns their ancestry."""
    tags = tree.tag
    # One pass over the elements in document order finds natural blocks, containers that may
    # hold bare text, tables and links; positions of block-level nodes give the reading order.
    naturals: list[tuple[LexborNode, str, int]] = []
    containers: list[LexborNode] = []
    table_nodes: list[LexborNode] = []
    links: list[LexborNode] = []
    order: dict[int, int] = {}
    found = root.css("*")
    if len(found) > MAX_CANDIDATES * 4:
        found = found[: MAX_CANDIDATES * 4]
    roles = _tag_roles
    names = tag_names()
    for at, node in enumerate(found):
        role = roles.get(node.tag_id)
        if role is None:
            role = _learn_role(node)
        if not role:
            continue
        if role & _R_NATURAL:
            nid = node.mem_id
            if len(naturals) < MAX_CANDIDATES:
                naturals.append((node, _role_names[role], nid))
            order[nid] = at
        elif role & _R_LINK:
            links.append(node)
        elif role & _R_TABLE:
            table_nodes.append(node)
        else:
            if len(containers) < MAX_CANDIDATES:
                containers.append(node)
            if role & _R_ORDER:
                order[node.mem_id] = at
    tree.tables = data_tables(table_nodes) if table_nodes else {}
    # Which outer blocks (li, td, blockquote...) contain other blocks: those are split.
    has_inner: set[int] = set()
    parents = tree.parent
    contexts = tree.contexts
    entries: list[tuple[int, LexborNode, str, Context, str]] = []
    for node, tag, nid in naturals:
        if nid not in tags:
            # Registered here when its parent is known already (most blocks), else walked up.
            parent = node.parent
            known: int = parent.mem_id if parent is not None else 0
            if known in tags:
                tags[nid] = tag
                parents[nid] = known
            else:
                tree.register(node, tag)
        above = parents.get(nid)
        if above is None:
            ctx = _NO_CONTEXT
        else:
            ctx = contexts.get(above) or tree.context(above)
            if ctx.outer:
                has_inner.update(ctx.outer)
        entries.append((nid, node, tags[nid], ctx, ""))
    natural_ids = {e[0] for e in entries}
    # Text only for blocks that are not split (so nested lists are not read again and again).
    kept_entries = []
    for nid, node, tag, ctx, _ in entries:
        if nid in has_inner:
            kept_entries.append((nid, node, tag, ctx, ""))
            continue
        raw = node.text(deep=True) or ""
        if len(raw) < 2 and not raw.strip():
            continue
        kept_entries.append((nid, node, tag, ctx, raw))
    entries = kept_entries
    bare: dict[int, LexborNode] = {}
    for node in containers:
        own = node.text(deep=False) or ""
        if len(own) < 3 or len(own.strip()) < 3:
            continue
        host: LexborNode | None = node
        host_tag = names.get(node.tag_id) or learn(node)
        steps = 0
        while host is not None and host_tag in INLINE and steps < 30:
            host = host.parent
            if host is not None:
                host_tag = names.get(host.tag_id) or learn(host)
            steps += 1
        if host is None or host_tag in ("html", "-document"):
            continue
        hid = host.mem_id
        if hid in natural_ids or hid in bare:
            continue
        bare[hid] = host
    for mid, node in bare.items():
        tree.register(node)
        pid = parents.get(mid)
        ctx = tree.context(pid) if pid is not None else _NO_CONTEXT
        if any(tags[i] in _LEAF_TAGS for i in ctx.ancestors):
            continue
        if ctx.outer_near:
            has_inner.update(ctx.outer_near)
        entries.append((mid, node, "bare", ctx, ""))
    # Which elements hold a link (not known when the pass was cut short on a huge page).
    with_links = _holding(links) if len(found) < MAX_CANDIDATES * 4 else None

    def position(entry: tuple[int, LexborNode, str, Context, str]) -> float:
        """Where the entry stands in document order (the index of its element in ``found``)."""
        at = order.get(entry[0])
        if at is not None:
            return float(at)
        return next((order[i] + 0.5 for i in entry[3].ancestors if i in order), 0.0)

    if bare:
        # Bare containers join the natural blocks in document order.
        entries.sort(key=position)

    out: list[Candidate] = []
    # A container's text after one of its blocks stands after that block, not where the
    # container starts: the position of each such run, by its index in ``out``.
    moved: dict[int, float] = {}
    starts: list[int] = []  # where each entry's candidates start in ``out``
    everywhere: dict[int, int] | None = None
    emitted_tables: set[int] = set()
    captions = tree.captions
    for mid, node, tag, ctx, raw in entries:
        starts.append(len(out))
        ids = ctx.ancestors
        if ctx.caption or (captions and mid in captions):
            kind = BlockKind.CAPTION
        else:
            kind = _TAG_KIND.get(tag) or ctx.kind or BlockKind.PARAGRAPH
        linked = ctx.linked
        table_id = ctx.table
        if table_id:
            if table_id not in emitted_tables:
                emitted_tables.add(table_id)
                table = tree.tables[table_id]
                text = _table_text(table)
                if text:
                    tree.register(table)
                    link_chars = _link_chars(table) if _holds(with_links, table_id) else 0
                    out.append(
                        Candidate(
                            table_id,
                            BlockKind.TABLE,
                            "table",
                            text,
                            link_chars,
                            tree.ancestors(table_id),
                            len(out),
                            table_id,
                        )
                    )
            continue
        if tag == "bare" or mid in has_inner:
            runs_of = [mid, *ids]
            for text, link_chars, stop in _inline_runs(node, with_links):
                link_chars = len(text) if linked else link_chars
                if stop is not None:
                    # ``order`` holds the block elements' positions; every element's, if needed
                    spot = _run_position(node, stop, order)
                    if spot is None:
                        if everywhere is None:
                            everywhere = {n.mem_id: k for k, n in enumerate(found)}
                        spot = _run_position(node, stop, everywhere)
                    if spot is not None:
                        moved[len(out)] = spot
                out.append(Candidate(mid, kind, tag, text, link_chars, runs_of, len(out)))
            continue
        if tag == "pre":
            pieces = [_pre_text(node)]
        elif BR_MARK in raw:
            pieces = [squash(p) for p in _PARAGRAPH_BREAK.split(raw)]
        else:
            pieces = [squash(raw)]
        link_chars = -1
        for text in pieces:
            if not text:
                continue
            if linked:
                link_chars = len(text)
            elif link_chars < 0:
                link_chars = _link_chars(node) if _holds(with_links, mid) else 0
            share = link_chars if len(pieces) == 1 else min(link_chars, len(text))
            out.append(Candidate(mid, kind, tag, text, share, ids, len(out)))
    if moved:
        keys = [
            moved[k] if k in moved else position(entries[bisect_right(starts, k) - 1])
            for k in range(len(out))
        ]
        out = [out[k] for k in sorted(range(len(out)), key=keys.__getitem__)]
        for k, candidate in enumerate(out):
            candidate.order = k
    return out


def _holds(with_links: set[int] | None, nid: int) -> bool:
    return with_links is None or nid in with_links


def _holding(links: list[LexborNode]) -> set[int]:
    """Ids of the elements that hold at least one of ``links`` (at any depth)."""
    held: set[int] = set()
    for link in links:
        cur = link.parent
        steps = 0
        while cur is not None and steps < MAX_WALK:
            cid: int = cur.mem_id
            if cid in held:
                break
            held.add(cid)
            cur = cur.parent
            steps += 1
    return held


def _pre_text(node: LexborNode) -> str:
    text = (node.text(deep=True) or "").replace(BR_MARK, "\n").strip("\n")
    return "\n".join(line.rstrip() for line in text.splitlines()).strip()
