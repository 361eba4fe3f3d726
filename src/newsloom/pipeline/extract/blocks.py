"""Cut a cleaned body into candidate text blocks in reading order.

Candidates come from two CSS queries (run in C): natural blocks (<p>, headings, list items,
quotes, cells...) and containers with bare text of their own (old ``<div>text<br><br>text</div>``
layouts). Each candidate keeps a few ancestor ids for scoring. Nothing here recurses: ancestor
walks are bounded and child scans are flat loops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from newsloom.domain.models import BlockKind

NATURAL = (
    "p, h1, h2, h3, h4, h5, h6, pre, blockquote, li, dd, dt, figcaption, caption, td, th, "
    "address, summary"
)
BARE = "div, section, article, main, center, body, form, span, font"

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LEAF_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"})
_OUTER = frozenset({"li", "blockquote", "td", "th", "dd", "figcaption", "caption", "summary"})
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
_COLLECT = f"{NATURAL}, {BARE}, table"
ANCESTOR_DEPTH = 10
MAX_WALK = 200_000
MAX_CANDIDATES = 20_000
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_INVISIBLE_ANY = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
BR_MARK = "\u2029"
"""Written before every <br> so that a double line break can be told from source newlines."""
_PARAGRAPH_BREAK = re.compile(r"\u2029\s*\u2029")


@dataclass(slots=True)
class Candidate:
    """One block of text found on the page, before choosing what belongs to the article."""

    node_id: int
    kind: BlockKind
    tag: str
    text: str
    link_chars: int
    ancestors: list[int] = field(default_factory=list)
    order: int = 0
    table_id: int = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 1.0


def squash(text: str) -> str:
    """Collapse runs of whitespace (non-breaking spaces included) to single spaces."""
    if _INVISIBLE_ANY.search(text):
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def _link_chars(node: LexborNode) -> int:
    total = 0
    for a in node.css("a"):
        total += len(squash(a.text(deep=True) or ""))
    return total


@dataclass(slots=True)
class Tree:
    """What is known of the DOM above the candidates: node, tag and parent by node id."""

    node: dict[int, LexborNode] = field(default_factory=dict)
    tag: dict[int, str] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)
    captions: set[int] = field(default_factory=set)
    """Ids of elements whose class or id names a caption or photo credit."""
    chains: dict[int, list[int]] = field(default_factory=dict)

    def register(self, node: LexborNode) -> int:
        """Record a node and its ancestors (walking up until a known one); return its id."""
        nid: int = node.mem_id
        if nid in self.tag:
            return nid
        self.node[nid] = node
        self.tag[nid] = node.tag or ""
        cur, cur_id = node, nid
        steps = 0
        while steps < MAX_WALK:
            steps += 1
            parent = cur.parent
            if parent is None:
                break
            ptag = parent.tag or ""
            if ptag == "html" or ptag == "-document":
                break
            pid: int = parent.mem_id
            self.parent[cur_id] = pid
            if pid in self.tag:
                break
            self.node[pid] = parent
            self.tag[pid] = ptag
            cur, cur_id = parent, pid
        return nid

    def ancestors(self, nid: int) -> list[int]:
        """The ids of up to ANCESTOR_DEPTH ancestors, nearest first (a shared list: read only)."""
        parent = self.parent.get(nid)
        return self._chain(parent) if parent is not None else []

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
    keeping each paragraph's own link characters."""
    text_parts: list[str] = []
    links = 0

    def flush() -> None:
        piece = squash("".join(text_parts))
        if piece:
            out.append((piece, min(links, len(piece))))

    for text, link_chars in parts:
        if BR_MARK not in text or not _PARAGRAPH_BREAK.search(text):
            text_parts.append(text)
            links += link_chars
            continue
        fragments = _PARAGRAPH_BREAK.split(text)
        share = link_chars / max(1, len(text))
        for k, fragment in enumerate(fragments):
            if k:
                flush()
                text_parts, links = [], 0
            text_parts.append(fragment)
            links += int(len(fragment) * share)
    flush()


def _inline_runs(node: LexborNode) -> list[tuple[str, int]]:
    """Text of a container's own inline content, split where block children interrupt it."""
    out: list[tuple[str, int]] = []
    parts: list[tuple[str, int]] = []
    # Siblings still to scan, innermost last: an inline element that wraps blocks (a <span>
    # around <p>s in old layouts) is opened up instead of read whole.
    pending: list[LexborNode | None] = [node.child]
    steps = 0
    while pending and steps < 5000:
        child = pending[-1]
        if child is None:
            pending.pop()
            continue
        pending[-1] = child.next
        steps += 1
        tag = child.tag or ""
        if tag == "-text":
            parts.append((child.text_content or "", 0))
        elif tag in _OPENABLE and child.css_first(_BLOCK_INSIDE) is not None:
            if parts:
                _split_run(parts, out)
            parts = []
            if len(pending) < 50:
                pending.append(child.child)
        elif tag in INLINE:
            t = child.text(deep=True) or ""
            if tag == "a":
                parts.append((t, len(t)))
            elif tag != "br" and child.css_first("a") is not None:
                parts.append((t, min(len(t), _link_chars(child))))
            else:
                parts.append((t, 0))
        elif tag != "-comment":
            if parts:
                _split_run(parts, out)
            parts = []
    if parts:
        _split_run(parts, out)
    return out


def collect(root: LexborNode, tree: Tree) -> list[Candidate]:
    """Candidate blocks of the page in document order; ``tree`` learns their ancestry."""
    tags = tree.tag
    # One query (run in C) finds natural blocks, containers that may hold bare text and
    # tables, in document order; positions of block-level nodes give the reading order.
    naturals: list[LexborNode] = []
    containers: list[LexborNode] = []
    table_nodes: list[LexborNode] = []
    order: dict[int, int] = {}
    for node in root.css(_COLLECT)[: MAX_CANDIDATES * 3]:
        tag = node.tag or ""
        if tag in _NATURAL_TAGS:
            if len(naturals) < MAX_CANDIDATES:
                naturals.append(node)
            order[node.mem_id] = len(order)
        elif tag == "table":
            table_nodes.append(node)
        else:
            if len(containers) < MAX_CANDIDATES:
                containers.append(node)
            if tag in _ORDER_TAGS:
                order[node.mem_id] = len(order)
    tables = data_tables(table_nodes) if table_nodes else {}
    # Which outer blocks (li, td, blockquote...) contain other blocks: those are split.
    has_inner: set[int] = set()
    entries: list[tuple[int, LexborNode, str, list[int], str]] = []
    for node in naturals:
        nid = tree.register(node)
        ids = tree.ancestors(nid)
        for anc in ids:
            if tags[anc] in _OUTER:
                has_inner.add(anc)
        entries.append((nid, node, tags[nid], ids, ""))
    natural_ids = {e[0] for e in entries}
    # Text only for blocks that are not split (so nested lists are not read again and again).
    kept_entries = []
    for nid, node, tag, ids, _ in entries:
        if nid in has_inner:
            kept_entries.append((nid, node, tag, ids, ""))
            continue
        raw = node.text(deep=True) or ""
        if len(raw) < 2 and not raw.strip():
            continue
        kept_entries.append((nid, node, tag, ids, raw))
    entries = kept_entries
    bare: dict[int, LexborNode] = {}
    for node in containers:
        own = node.text(deep=False) or ""
        if len(own) < 3 or len(own.strip()) < 3:
            continue
        host: LexborNode | None = node
        steps = 0
        while host is not None and (host.tag or "") in INLINE and steps < 30:
            host = host.parent
            steps += 1
        if host is None or (host.tag or "") in ("html", "-document"):
            continue
        hid = host.mem_id
        if hid in natural_ids or hid in bare:
            continue
        bare[hid] = host
    for mid, node in bare.items():
        tree.register(node)
        ids = tree.ancestors(mid)
        if any(tags[i] in _LEAF_TAGS for i in ids):
            continue
        for anc in ids[:4]:
            if tags[anc] in _OUTER:
                has_inner.add(anc)
        entries.append((mid, node, "bare", ids, ""))
    if bare:
        # Bare containers join the natural blocks in document order.

        def position(entry: tuple[int, LexborNode, str, list[int], str]) -> float:
            found = order.get(entry[0])
            if found is not None:
                return float(found)
            return next((order[i] + 0.5 for i in entry[3] if i in order), 0.0)

        entries.sort(key=position)

    out: list[Candidate] = []
    emitted_tables: set[int] = set()
    for mid, node, tag, ids, raw in entries:
        near = [tags[i] for i in ids[:4]]
        kind = _kind(tag, near)
        if tree.captions and (mid in tree.captions or any(i in tree.captions for i in ids[:4])):
            kind = BlockKind.CAPTION
        linked = "a" in near
        if tables:
            table_id = next((i for i in ids if i in tables), 0)
            if table_id:
                if table_id not in emitted_tables:
                    emitted_tables.add(table_id)
                    text = _table_text(tables[table_id])
                    if text:
                        tree.register(tables[table_id])
                        out.append(
                            Candidate(
                                table_id,
                                BlockKind.TABLE,
                                "table",
                                text,
                                _link_chars(tables[table_id]),
                                tree.ancestors(table_id),
                                len(out),
                                table_id,
                            )
                        )
                continue
        if tag == "bare" or mid in has_inner:
            for text, links in _inline_runs(node):
                links = len(text) if linked else links
                out.append(Candidate(mid, kind, tag, text, links, [mid, *ids], len(out)))
            continue
        if tag == "pre":
            pieces = [_pre_text(node)]
        elif BR_MARK in raw:
            pieces = [squash(p) for p in _PARAGRAPH_BREAK.split(raw)]
        else:
            pieces = [squash(raw)]
        links = -1
        for text in pieces:
            if not text:
                continue
            if linked:
                links = len(text)
            elif links < 0:
                links = _link_chars(node)
            share = links if len(pieces) == 1 else min(links, len(text))
            out.append(Candidate(mid, kind, tag, text, share, ids, len(out)))
    return out


def _pre_text(node: LexborNode) -> str:
    text = (node.text(deep=True) or "").replace(BR_MARK, "\n").strip("\n")
    return "\n".join(line.rstrip() for line in text.splitlines()).strip()


def _kind(tag: str, ancestor_tags: list[str]) -> BlockKind:
    if tag in _HEADINGS:
        return BlockKind.HEADING
    if tag == "pre":
        return BlockKind.CODE
    if tag in ("figcaption", "caption"):
        return BlockKind.CAPTION
    if tag == "blockquote":
        return BlockKind.QUOTE
    if tag in ("li", "dd"):
        return BlockKind.LIST_ITEM
    for anc in ancestor_tags:
        kind = _KIND_OF_ANCESTOR.get(anc)
        if kind is not None:
            return kind
    return BlockKind.PARAGRAPH
