"""The extractor: decode, parse, read metadata, drop junk, find the article, build blocks."""

from __future__ import annotations

import gc
import unicodedata

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsloom.domain.models import Block, BlockKind, Extracted
from newsloom.errors import ExtractionError
from newsloom.pipeline.extract.blocks import BR_MARK, Candidate, Tree, collect
from newsloom.pipeline.extract.boilerplate import SiteProfile, fingerprint, page_fingerprints
from newsloom.pipeline.extract.clean import clean_body, clean_scanned, scan_body
from newsloom.pipeline.extract.declared import DECLARED_SCORE, declared_blocks, prefer_declared
from newsloom.pipeline.extract.decode import decode_page
from newsloom.pipeline.extract.guard import (
    check_nesting,
    close_runaway_title,
    open_template_scripts,
)
from newsloom.pipeline.extract.landmarks import landmarks_with
from newsloom.pipeline.extract.language import guess_language
from newsloom.pipeline.extract.metadata import Metadata, read_metadata
from newsloom.pipeline.extract.scoring import (
    best_container,
    headline_before,
    in_side_boxes,
    select,
    teaser_runs,
)

_MIN_VOTER_CHARS = 25
_UNSQUASHED = frozenset({"pre", "table"})
"""Candidates whose text keeps line breaks (every other one is whitespace-collapsed)."""


def extract(
    html: bytes | str, url: str | None = None, *, profile: SiteProfile | None = None
) -> Extracted:
    """Extract the article text (as blocks) and metadata from one HTML page.

    Raises ExtractionError for input that is not an HTML page (binary data, oversized input)
    or that cannot be handled; a page without an article gives no blocks and a low score.

    The cyclic garbage collector is paused while a page is extracted (and left as it was
    found): the tens of thousands of short-lived objects one extraction makes (DOM node
    handles, candidate blocks) form no reference cycles and are freed by reference counting
    when it ends, so the collector's passes over them find nothing, yet in a process with a
    large heap they cost several percent of the extraction's time.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _extract(html, url, profile)
    except ExtractionError:
        raise
    except MemoryError as exc:
        raise ExtractionError("The page is too large to extract in memory.") from exc
    except RecursionError as exc:
        raise ExtractionError("The page is nested too deeply to extract.") from exc
    except Exception as exc:
        raise ExtractionError(
            f"The page could not be extracted ({type(exc).__name__}: {exc})."
        ) from exc
    finally:
        if paused:
            gc.enable()


def _extract(html: bytes | str, url: str | None, profile: SiteProfile | None) -> Extracted:
    text, source = decode_page(html)
    if not text or text.isspace():
        return Extracted()
    check_nesting(text, html if isinstance(html, bytes) and _ascii_compatible(html) else None)
    closed = close_runaway_title(text)
    if closed is not text:
        text, source = closed, None
    # The page's own bytes when they are exactly the text in UTF-8: no need to encode again.
    tree = LexborHTMLParser(source if source is not None else text)
    body = _body(tree)
    if body is None:
        return _result(read_metadata(tree, url, text), (), 0.0, ())
    tree_info = Tree()
    spared: set[int] = set()
    scan = scan_body(body, tree_info.captions)
    whole = tree.body is None  # the walk went over the whole document, <head> included
    # When the body's template scripts hold the post, the page is read again: its metadata
    # is read and its body cleaned only then. Else the metadata comes from the untouched tree.
    md = (
        None
        if scan.templates
        # the walk found the body's metadata elements (and the head's when there is no body)
        else read_metadata(tree, url, text, landmarks_with(tree, scan.marks, head=not whole))
    )
    if md is None or clean_scanned(body, scan, BR_MARK, spared) or _has_template_posts(tree.head):
        # The post is kept as markup inside <script type="text/template">: read it as HTML.
        text = open_template_scripts(text)
        tree = LexborHTMLParser(text)
        md = read_metadata(tree, url, text)
        body = _body(tree)
        if body is None:
            return _result(md, (), 0.0, ())
        tree_info = Tree()
        spared = set()
        clean_body(body, BR_MARK, tree_info.captions, spared)
    candidates = collect(body, tree_info)
    fps = page_fingerprints(
        (c.text if c.tag not in _UNSQUASHED else " ".join(c.text.split()) for c in candidates),
        squashed=True,
    )
    teasers = teaser_runs(candidates)
    skip: set[int] = set()
    if profile is not None and profile.boilerplate:
        learned = profile.boilerplate
        # the headline is never boilerplate, though the site's other pages list it as a teaser
        headline = fingerprint(md.title) if md.title else None
        skip = {
            i
            for i, c in enumerate(candidates)
            if (fp := fingerprint(c.text)) in learned and fp != headline
        }
    best, best_votes, total_votes = best_container(
        candidates, skip, tree_info.parent, teasers, tree_info.kind_of
    )
    if best is None:
        members = {c.node_id for c in candidates if len(c.text) >= _MIN_VOTER_CHARS}
        share = 0.0
    else:
        members = _members(best, tree_info.parent, candidates)
        if spared:
            inner = [c for c in candidates if c.node_id in members]
            members -= in_side_boxes(best, spared, tree_info.parent, tree_info.kind_of, inner)
        share = best_votes / total_votes if total_votes else 0.0
    choice = select(candidates, members, skip | teasers, md.title, share, md.authors)
    if best is None:
        choice.score = min(choice.score, 0.2)
    if md.title is None and choice.blocks and not any(
        b.kind is BlockKind.HEADING for b in choice.blocks
    ):
        # a page that names no title and whose article has no heading: the line above it
        md.title = headline_before(candidates, choice.blocks[0].text)
    return _result(md, choice.blocks, choice.score, fps)


_TEMPLATE_SCRIPTS = (
    'script[type="text/template"], script[type="text/x-template"], script[type="text/html"]'
)


def _body(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    return body if body is not None else tree.root


def _has_template_posts(head: LexborNode | None) -> bool:
    """Whether the page's <head> keeps article markup in a template script (the body's
    scripts are looked at while the body is cleaned)."""
    if head is None:
        return False
    return any("<p" in (n.text() or "").lower() for n in head.css(_TEMPLATE_SCRIPTS))


def _ascii_compatible(data: bytes) -> bool:
    """Not UTF-16/32 (where '<' is not a single byte)."""
    return not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00<" not in data[:4096]


def _members(container: int, parents: dict[int, int], candidates: list[Candidate]) -> set[int]:
    """Node ids of the candidates that sit inside the container (walking recorded parents)."""
    inside: dict[int, bool] = {container: True}
    out: set[int] = set()
    for c in candidates:
        nid = c.node_id
        trail: list[int] = []
        cur: int | None = nid
        verdict = False
        while cur is not None:
            known = inside.get(cur)
            if known is not None:
                verdict = known
                break
            trail.append(cur)
            cur = parents.get(cur)
        for t in trail:
            inside[t] = verdict
        if verdict:
            out.add(nid)
    return out


def _result(
    md: Metadata, blocks: tuple[Block, ...], score: float, fps: tuple[str, ...]
) -> Extracted:
    declared = declared_blocks(md.declared_body)
    if declared and prefer_declared(blocks, declared):
        # a page drawn by its scripts: the text its JSON-LD declares stands for the page's
        blocks, score = declared, max(score, DECLARED_SCORE)
    language = md.language
    if language is None and blocks:
        language = guess_language(" ".join(b.text for b in blocks[:40]))
    title = md.title
    if title is None:
        title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), None)
    blocks = tuple(b if _is_nfc(b.text) else Block(b.kind, _nfc(b.text)) for b in blocks)
    return Extracted(
        blocks=blocks,
        title=_nfc(title) if title is not None else None,
        authors=tuple(map(_nfc, md.authors)),
        byline=_nfc(md.byline) if md.byline is not None else None,
        published=md.published,
        updated=md.updated,
        lead_image=md.lead_image,
        canonical_url=md.canonical_url,
        language=language,
        site_name=md.site_name,
        description=md.description,
        score=score,
        fingerprints=fps,
    )


def _is_nfc(text: str) -> bool:
    return text.isascii() or unicodedata.is_normalized("NFC", text)


def _nfc(text: str) -> str:
    """The text in Unicode's composed normal form (NFC): one spelling of each letter, whatever
    the page used (a Bengali "য়" as U+09DF or as U+09AF U+09BC), so search and copies match."""
    return text if _is_nfc(text) else unicodedata.normalize("NFC", text)
