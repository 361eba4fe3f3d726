"""Drop subtrees that are never article text, in bulk, with CSS selectors run in C.

Two kinds of junk: tags that never hold article text (scripts, forms controls, embeds) are
unlinked outright; navigation, share bars, newsletter boxes, comment threads and the like are
recognised by tag, role and class/id words and unlinked unless they hold most of the page's text
and also look like the content container (a ``class="story comments-on"`` wrapper).

``remove()`` unlinks a node and every node below it from the tree (their Python handles stay
valid, with no parent), so a match nested in an already removed subtree is still safe to touch,
and ``node.parent is None`` tells that it is gone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from newsloom.pipeline.extract.blocks import LINK
from newsloom.pipeline.extract.landmarks import Landmarks, is_ld_type
from newsloom.pipeline.extract.tagnames import is_fixed

_NEVER_TEXT = (
    "script, style, template, svg, math, iframe, object, embed, canvas, video, audio, "
    "map, button, input, select, textarea, option, dialog, link, meta, head, rt, rp"
)

# A class or id is junk when one of its words (split on punctuation and camelCase) starts
# with one of these prefixes, equals one of the exact words, or two neighbours form a phrase.
_JUNK_PREFIXES = (
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscri",
    "signup",
    "cookie",
    "consent",
    "gdpr",
    "related",
    "recommend",
    "comment",
    "disqus",
    "promo",
    "advert",
    "sponsor",
    "outbrain",
    "taboola",
    "popup",
    "modal",
    "sidebar",
    "breadcrumb",
    "byline",
    "footer",
    "masthead",
    "navbar",
    "navigation",
    "menu",
    "toolbar",
    "paginat",
    "pager",
    "trending",
    "readmore",
    "paywall",
    "carousel",
    "mostpopular",
    "mostread",
    "topstories",
    "donate",
    "upsell",
    "login",
    "outstream",
    "dfp",
    "adslot",
    "adunit",
    "adcontainer",
    "adwrapper",
    "socialbar",
    "follow",
    "newsfeed",
    "jumplink",
    "sronly",
    "screenreader",
    "offscreen",
)
_JUNK_EXACT = frozenset(
    [
        "ad",
        "ads",
        "advert",
        "adv",
        "banner",
        "bio",
        "tags",
        "tag",
        "tagcloud",
        "nav",
        "skip",
        "print",
        "toc",
        "widget-area",
        "rail",
        "rightrail",
        "leftrail",
        "headlines",
        "subnav",
        "topnav",
        "social",
        "disclaimer",
        "reply",
        "replies",
    ]
)
_JUNK_PAIRS = frozenset(
    {
        ("author", "bio"),
        ("author", "box"),
        ("author", "info"),
        ("author", "card"),
        ("about", "author"),
        ("read", "more"),
        ("most", "read"),
        ("most", "popular"),
        ("top", "stories"),
        ("more", "stories"),
        ("also", "read"),
        ("you", "may"),
        ("sr", "only"),
        ("visually", "hidden"),
        ("more", "from"),
        ("next", "article"),
        ("right", "rail"),
        ("left", "rail"),
        ("tag", "list"),
        ("see", "also"),
        ("print", "only"),
        ("skip", "link"),
        ("ad", "slot"),
        ("google", "ad"),
    }
)
_SWITCHED_OFF = frozenset({"false", "disabled", "off"})
"""Words that switch off the junk word just before them ("sidebar-enabled--false")."""
_NEGATORS = frozenset({"no", "has", "with", "without", "not", "show", "two", "one", "hide"})
_NOT_JUNK = frozenset({"commentary", "commentaries", "commentator", "menuitem"})
_PLAIN, _JUNK, _CAPTION, _STRONG_JUNK = 0, 1, 2, 3
"""Label verdicts; _STRONG_JUNK names comments, cookie or consent boxes (junk at any size)."""
_verdicts: dict[str, int] = {}
_part_verdicts: dict[str, int] = {}
_MAX_CACHE = 50_000
_MAX_PART_CACHE = 200_000

_KEEP_TAGS = frozenset({"body", "html", "main", "article"})
_STRONG = re.compile(r"(?i)comment(?!ary)|disqus|cookie|consent|gdpr|dsgvo|privacy")
_BIG_TEXT = 500
_CAPTION_LABEL = re.compile(r"(?i)caption|legend|credit|bildunterschrift|bildtext")

_STRUCTURAL_JUNK = (
    'nav, aside, footer, header, form, fieldset, [role="navigation"], [role="banner"], '
    '[role="contentinfo"], [role="complementary"], [role="dialog"], [role="alert"], [hidden], '
    '[aria-hidden="true"]'
)
_LABELLED = (
    "div[class], div[id], section[class], section[id], ul[class], ul[id], ol[class], "
    "aside[class], p[class], table[class], figure[class], span[class], a[class], li[id], "
    "dl[class], center[class]"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_BY_HEAD: dict[str, tuple[str, ...]] = {}


def _index_prefixes() -> None:
    for prefix in _JUNK_PREFIXES:
        key = prefix[:3]
        _BY_HEAD[key] = (*_BY_HEAD.get(key, ()), prefix)


def label_verdict(label: str) -> int:
    """What a class/id string names: _JUNK, _STRONG_JUNK, _CAPTION or _PLAIN (cached per
    string, and per class name inside it, since class names repeat far more than whole
    strings)."""
    verdict = _verdicts.get(label)
    if verdict is not None:
        return verdict
    return _judge_label(label)


def _judge_label(label: str) -> int:
    """``label_verdict`` for a label not in its cache (where the verdict is then stored)."""
    verdict = _PLAIN
    for part in label.split():
        part_verdict = _part_verdicts.get(part)
        if part_verdict is None:
            part_verdict = _classify(part)
            if len(_part_verdicts) > _MAX_PART_CACHE:
                _part_verdicts.clear()
            _part_verdicts[part] = part_verdict
        if part_verdict == _JUNK:
            verdict = _STRONG_JUNK if _is_strong(label) else _JUNK
            break
        if part_verdict == _CAPTION:
            verdict = _CAPTION
    if len(_verdicts) > _MAX_CACHE:
        _verdicts.clear()
    _verdicts[label] = verdict
    return verdict


def _is_strong(label: str) -> bool:
    if label.isascii():
        low = label.lower()
        if not (
            "comment" in low
            or "disqus" in low
            or "cookie" in low
            or "consent" in low
            or "gdpr" in low
            or "dsgvo" in low
            or "privacy" in low
        ):
            return False
    return _STRONG.search(label) is not None


_ALONE, _NEGATOR, _SECOND = 1, 2, 4
"""Token codes: junk on its own, a negator ("no-comments"), the second word of a junk pair."""
_token_codes: dict[str, int] = {}
_SECOND_WORDS = frozenset(second for _, second in _JUNK_PAIRS)


def _token_code(w: str) -> int:
    if not _BY_HEAD:
        _index_prefixes()
    heads = _BY_HEAD.get(w[:3])
    code = 0
    if w in _JUNK_EXACT or (heads is not None and w.startswith(heads) and w not in _NOT_JUNK):
        code |= _ALONE
    if w in _NEGATORS:
        code |= _NEGATOR
    if w in _SECOND_WORDS:
        code |= _SECOND
    if len(_token_codes) > _MAX_PART_CACHE:
        _token_codes.clear()
    _token_codes[w] = code
    return code


_SEPARATORS = bytes(c if chr(c).isalnum() and not chr(c).isupper() else 32 for c in range(256))


def _classify(part: str) -> int:
    if part.isascii() and part.islower():
        # Lower-case ASCII (most class names): the words are the runs of letters and digits.
        words = part.encode().translate(_SEPARATORS).decode().split()
        low: str | None = part
    else:
        words = [token.lower() for token in _TOKEN.findall(part)]
        low = part.lower() if part.isascii() else None
    codes = _token_codes
    prev = ""
    skip = False
    for at, w in enumerate(words):
        code = codes.get(w)
        if code is None:
            code = _token_code(w)
        if skip:  # the word after a negator does not count
            prev, skip = w, bool(code & _NEGATOR)
            continue
        if (code & _ALONE or (code & _SECOND and (prev, w) in _JUNK_PAIRS)) and (
            _SWITCHED_OFF.isdisjoint(words[at + 1 : at + 3])
        ):
            return _JUNK
        prev, skip = w, bool(code & _NEGATOR)
    if low is not None and not (
        "caption" in low or "legend" in low or "credit" in low or "bild" in low
    ):
        return _PLAIN
    return _CAPTION if _CAPTION_LABEL.search(part) else _PLAIN


_NEVER_TAGS = frozenset(t.strip() for t in _NEVER_TEXT.split(","))
_STRUCTURAL_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "fieldset"})
_JUNK_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alert"})
_TELLING = frozenset({"role", "hidden", "aria-hidden", "style"})
_COPY_SAMPLE = 60
_SPARE_PROSE, _SPARE_MOST, _SPARE_NEVER, _SPARE_PAGE, _SPARE_LABEL = 0, 1, 2, 3, 4
"""When a boilerplate box is kept after all: when it holds most of the page's text or a lot
of prose (a mislabelled content column); the same for a hidden element unless its prose is a
copy of text the page shows; never (comments, cookie and consent boxes); only when it holds
most of the page's text (a page footer: its prose is a disclaimer or an address, not a
mislabelled column); as _SPARE_PROSE, but noted as a side box that the article may not
want (a box labelled as related posts or an author box, a navigation bar, a form)."""
"""Attributes that can make any element boilerplate (besides class and id)."""
# Which tags _LABELLED matches, and whether by class (first) or by id (second).
_LABELLED_BY: dict[str, tuple[bool, bool]] = {}
for _sel in _LABELLED.split(","):
    _tag, _attr = _sel.strip().rstrip("]").split("[")
    _by = _LABELLED_BY.get(_tag, (False, False))
    _LABELLED_BY[_tag] = (_by[0] or _attr == "class", _by[1] or _attr == "id")


_K_NEVER, _K_SCRIPT, _K_NOSCRIPT, _K_BR, _K_STRUCTURAL, _K_KEEP = 1, 2, 4, 8, 16, 32
_K_LABELLED, _K_BY_CLASS, _K_BY_ID, _K_PRE, _K_FOOTER = 64, 128, 256, 512, 1024
_K_H1, _K_META, _K_LINK, _K_HEADING = 2048, 4096, 8192, 16384
"""What clean_body does with a tag, as bits (by lexbor tag id); <h1>-<h6>, <dt>, <meta> and
<link> are also noted for the page's metadata."""
_K_LISTED = _K_NOSCRIPT | _K_BR | _K_PRE | _K_H1 | _K_HEADING
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6", "dt"})
_tag_kinds: dict[int, int] = {}


def _learn_kind(node: LexborNode) -> int:
    """The node's tag bits, remembered by tag id when the id is one of lexbor's own."""
    tag = node.tag or ""
    kind = 0
    if tag in _NEVER_TAGS:
        kind |= _K_NEVER | (_K_SCRIPT if tag == "script" else 0)
    if tag == "noscript":
        kind |= _K_NOSCRIPT
    if tag == "br":
        kind |= _K_BR
    if tag == "pre":
        kind |= _K_PRE
    if tag == "footer":
        kind |= _K_FOOTER
    if tag == "h1":
        kind |= _K_H1
    if tag in _HEADINGS:
        kind |= _K_HEADING
    if tag == "meta":
        kind |= _K_META
    if tag == "link":
        kind |= _K_LINK
    if tag in _STRUCTURAL_TAGS:
        kind |= _K_STRUCTURAL
    if tag in _KEEP_TAGS:
        kind |= _K_KEEP
    by = _LABELLED_BY.get(tag)
    if by is not None:
        kind |= _K_LABELLED | (_K_BY_CLASS if by[0] else 0) | (_K_BY_ID if by[1] else 0)
    tag_id = node.tag_id
    if is_fixed(tag_id):
        _tag_kinds[tag_id] = kind
    return kind


@dataclass(slots=True)
class BodyScan:
    """What the walk of ``clean_body`` over a body's elements found."""

    templates: bool = False
    """A template script holds article markup (see ``clean_body``)."""
    never: list[LexborNode] = field(default_factory=list)
    noscripts: list[LexborNode] = field(default_factory=list)
    brs: list[LexborNode] = field(default_factory=list)
    pres: list[LexborNode] = field(default_factory=list)
    structural: list[tuple[LexborNode, int]] = field(default_factory=list)
    styled: list[tuple[LexborNode, int]] = field(default_factory=list)
    labelled: list[tuple[LexborNode, int]] = field(default_factory=list)
    marks: Landmarks = field(default_factory=Landmarks)
    """The body's <meta>, <link>, <h1> and JSON-LD <script> elements, for the page's
    metadata (read before the body is changed: see ``landmarks_with``)."""


def clean_body(
    root: LexborNode,
    br_mark: str,
    captions: set[int] | None = None,
    spared: set[int] | None = None,
) -> bool:
    """Clean a page body in place, in one pass over its elements:

    1. unlink scripts, styles, embeds and form controls; <noscript> unless it holds the page
       (some sites serve their whole no-JavaScript page inside one);
    2. write ``br_mark`` before every <br> (so that <br><br> can be told from source newlines);
    3. unlink boilerplate subtrees (structural tags and roles, hidden elements, junk class/id
       labels), sparing big prose-like wrappers with a misleading label: a matched node
       survives when it holds a lot of text that is not links (a ``class="col-9
       sidebar-first-only"`` content column) unless its label names comments, cookie or
       consent boxes, which are junk however long they are. A hidden element's prose is
       spared too (accordion panels, text that a script moves into place) unless it is a
       copy of what the page shows (a hidden schema.org copy of the article). A page footer
       (<footer>, role="contentinfo") survives only when it holds most of the page's text.

    Ids of elements whose label names a caption or photo credit are added to ``captions``;
    ids of the boxes labelled as boilerplate (or navigation bars, forms) that were kept for
    their prose are added to ``spared``: the article's container may hold such a box
    (related posts with blurbs, an author box, a disclaimer) or be inside one (a content
    column with a misleading label), which only scoring can tell apart.
    Nodes found inside a subtree that an earlier step unlinked are still safe to touch.

    The walk (``scan_body``) and the changes (``clean_scanned``) can also be run apart: a
    page whose template scripts hold the post is read again, and needs no changes.

    Returns whether a template script (``<script type="text/template">``...) holds article
    markup: some blog platforms deliver the post that way, and then the page is better read
    again with those scripts opened up.
    """
    return clean_scanned(root, scan_body(root, captions), br_mark, spared)


def scan_body(root: LexborNode, captions: set[int] | None = None) -> BodyScan:
    """The walk of ``clean_body``: what to remove or mark, found without changing the tree
    (caption-labelled elements' ids are added to ``captions``)."""
    scan = BodyScan()
    templates = False
    never = scan.never
    noscripts = scan.noscripts
    brs = scan.brs
    pres = scan.pres
    structural = scan.structural
    styled = scan.styled
    labelled = scan.labelled
    marks = scan.marks
    metas, links, h1s, ld_scripts = marks.metas, marks.links, marks.h1s, marks.ld_scripts
    headings: list[LexborNode] = []
    marks.headings = headings
    kinds = _tag_kinds
    verdicts = _verdicts
    # Every element, in document order: one cheap query, then plain lookups per element
    # (a selector list of sixty tag and attribute tests costs far more inside lexbor).
    for node in root.css("*"):
        kind = kinds.get(node.tag_id)
        if kind is None:
            kind = _learn_kind(node)
        if kind & _K_NEVER:
            never.append(node)
            if kind & _K_SCRIPT:
                script_type = node.attributes.get("type")
                if script_type:
                    if not templates and script_type in _TEMPLATE_TYPES:
                        templates = "<p" in (node.text() or "").lower()
                    if is_ld_type(script_type):
                        ld_scripts.append(node)
            elif kind & _K_META:
                metas.append(node)
            elif kind & _K_LINK:
                links.append(node)
            continue
        if kind & _K_LISTED:
            if kind & _K_NOSCRIPT:
                noscripts.append(node)
            elif kind & _K_BR:
                brs.append(node)
            elif kind & _K_PRE:
                pres.append(node)
            elif kind & _K_H1:
                h1s.append(node)
            else:
                headings.append(node)
        attrs = node.attributes
        if not attrs:
            if kind & _K_STRUCTURAL:
                structural.append((node, _structural_spare(node, bool(kind & _K_FOOTER))))
            continue
        if not _TELLING.isdisjoint(attrs) and not kind & _K_KEEP:
            if "hidden" in attrs or attrs.get("aria-hidden") == "true":
                structural.append((node, _SPARE_MOST))
            elif kind & _K_STRUCTURAL or attrs.get("role") in _JUNK_ROLES:
                footer = kind & _K_FOOTER or attrs.get("role") == "contentinfo"
                structural.append((node, _structural_spare(node, bool(footer))))
            if "style" in attrs:
                style = attrs["style"] or ""
                if ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style):
                    styled.append((node, _SPARE_MOST))
        elif kind & _K_STRUCTURAL:
            structural.append((node, _structural_spare(node, bool(kind & _K_FOOTER))))
        if kind & _K_LABELLED and (
            (kind & _K_BY_CLASS and "class" in attrs) or (kind & _K_BY_ID and "id" in attrs)
        ):
            ident = attrs.get("id")
            label = f"{attrs.get('class') or ''} {ident}" if ident else attrs.get("class") or ""
            verdict = verdicts.get(label)
            if verdict is None:
                verdict = _judge_label(label)
            if verdict == _PLAIN:
                continue
            if verdict == _CAPTION:
                if captions is not None:
                    captions.add(node.mem_id)
            else:
                labelled.append((node, _SPARE_NEVER if verdict == _STRONG_JUNK else _SPARE_LABEL))
    scan.templates = templates
    return scan


def clean_scanned(
    root: LexborNode, scan: BodyScan, br_mark: str, spared: set[int] | None = None
) -> bool:
    """The changes of ``clean_body`` for what ``scan_body`` found (the tree unchanged since);
    returns ``scan.templates``."""
    templates = scan.templates
    never, noscripts, brs, pres = scan.never, scan.noscripts, scan.brs, scan.pres
    structural, styled, labelled = scan.structural, scan.styled, scan.labelled
    for node in never:
        node.remove()
    if noscripts:
        total = len(root.text(deep=True) or "")
        for node in noscripts:
            if len(node.text(deep=True) or "") < total * 0.5:
                node.remove()
    for node in brs:
        node.insert_before(br_mark)
    if labelled and pres:
        labelled = _outside_code(labelled, pres)
    doomed = structural + styled + labelled
    if not doomed:
        return templates
    # The page's size before any box is removed (what "most of the page" is measured on).
    weak = any(spare != _SPARE_NEVER for _, spare in doomed)
    total_chars = len(root.text(deep=True) or "") if weak else 0
    page: str | None = None
    for node, spare in doomed:
        if node.parent is None:
            continue  # inside a box removed already (removing a node unlinks its whole subtree)
        if spare != _SPARE_NEVER:
            text = node.text(deep=True) or ""
            text_len = len(text)
            if text_len >= _BIG_TEXT:
                if text_len >= total_chars * 0.5:
                    continue
                if spare != _SPARE_PAGE and not _link_heavy(node, text_len):
                    if spare == _SPARE_PROSE:
                        continue
                    if spare == _SPARE_LABEL:
                        if spared is not None:
                            spared.add(node.mem_id)
                        continue
                    # Hidden prose: an accordion panel or text a script moves into place
                    # is kept, a hidden copy of what the page shows is not.
                    if page is None:
                        page = " ".join((root.text(deep=True) or "").split())
                    if not _is_copy(text, page):
                        continue
        node.remove()
    return templates


_NOTE_BOXES = frozenset({"aside", "header"})
_NOTE_ROLES = frozenset({"complementary", "banner"})


def _structural_spare(node: LexborNode, footer: bool) -> int:
    """When a structural box is kept: a page footer only when it holds most of the page; an
    <aside> or <header> (a note boxed inside an article, its standfirst) for its prose; a
    navigation bar or a form for its prose too, but as a side box (see clean_body)."""
    if footer:
        return _SPARE_PAGE
    if node.tag in _NOTE_BOXES or node.attributes.get("role") in _NOTE_ROLES:
        return _SPARE_PROSE
    return _SPARE_LABEL


def _outside_code(
    labelled: list[tuple[LexborNode, int]], pres: list[LexborNode]
) -> list[tuple[LexborNode, int]]:
    """The labelled boxes that are not inside preformatted code: there a class names a
    syntax highlighter's token (``<span class="hljs-comment">``), not a page's box."""
    in_code = {n.mem_id for pre in pres for n in pre.css("*")}
    return [(node, spare) for node, spare in labelled if node.mem_id not in in_code]


def _is_copy(text: str, page: str) -> bool:
    """Whether most of the text also appears elsewhere in the page's text: two of three
    samples (at a quarter, half and three quarters of it) occur there twice."""
    words = " ".join(text.split())
    found = 0
    for share in (4, 2, 4 / 3):
        at = words.find(" ", int(len(words) / share)) + 1
        sample = words[at : at + _COPY_SAMPLE]
        if len(sample) == _COPY_SAMPLE and page.count(sample) >= 2:
            found += 1
    return found >= 2


_TEMPLATE_TYPES = frozenset({"text/template", "text/x-template", "text/html"})


def _link_heavy(node: LexborNode, text_len: int) -> bool:
    """Whether links hold at least 35% of the node's text (counted until they do)."""
    if not text_len:
        return True
    links = 0
    for a in node.css(LINK):
        links += len(a.text(deep=True) or "")
        if links / text_len >= _LINK_HEAVY:
            return True
    return False


_LINK_HEAVY = 0.35
