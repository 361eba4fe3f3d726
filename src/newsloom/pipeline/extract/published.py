"""When the article was first published (not when it was last updated).

Sources, in order: a note in which the page says when it was first published, schema.org
JSON-LD, meta tags, machine-readable dates next to the headline, publication dates in the page's
embedded JSON, written dates, the URL, and last the dates of the page's last change. The date
the page shows under its headline corrects the machine-readable one when it is earlier: content
systems often put a re-publication or build time into datePublished, while the byline keeps the
first date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsloom.pipeline.extract.date_notes import stated_first_publication, update_note
from newsloom.pipeline.extract.dates import date_from_url, find_date, find_date_at, parse_date
from newsloom.pipeline.extract.headline import Around
from newsloom.pipeline.extract.jsonld import text_value

PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "date",
    "published",
    "published-date",
    "published-time",
    "citation_date",
    "citation_publication_date",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "og:published_time",
    "release_date",
    "displaydate",
)
_DATETIME_ATTR_SELECTOR = (
    '[itemprop="datePublished"], [itemprop*="ublish"], time[pubdate], time[datetime], '
    "[datetime], "
    '[class*="publish"][content], [data-timestamp]'
)
# Publication markup, and how the tag that holds it starts.
_PUBLICATION_MARKS = (("pubdate", "<time"), ('itemprop="datePublished"', "<"))
_TAG_DATE = re.compile(r"""\b(?:datetime|content)\s*=\s*["']([^"']+)["']""")
_MAX_MARKED = 5
_AUTHOR_LINK_SELECTOR = 'a[rel="author"], a[href*="/author/"]'
_MAX_AUTHOR_LINKS = 5
# Past this many dated elements in the page, the blocks around the headline are queried one by
# one instead of sorting every element into them (listing pages of hundreds of dates).
_MAX_SCOPED_NODES = 60
_MAX_AUTHOR_BLOCK = 200
_TIME_SELECTOR = (
    '[itemprop="datePublished"], time, [class*="date"], [class*="Date"], [class*="publish"], '
    '[class*="posted"], [class*="yline"], [class*="meta"]'
)
# A date labelled as a later change is not the publication date.
_UPDATE_LABEL = re.compile(
    r"(?i)\b(?:updated?|modified|edited|revised|reviewed|aktualisiert|geändert|mis à jour"
    r"|actualizado|actualisé|aggiornato|bijgewerkt)\b"
)
_MAX_BYLINE_LINE = 120
# West of UTC, local clocks run at most 12 hours behind: from noon UTC on they show the same day.
_LATE_UTC_HOUR = 12

_JSON_DATE = re.compile(
    r"(?:\"|&quot;|')(?:datePublished|publishedAt|published_at|publishDate|publish_date|"
    r"pubDate|date_published|datePosted|date_posted|first_publication_date|publishedDate|"
    r"published_time|publication_date)(?:\"|&quot;|')\s*:\s*(?:\"|&quot;|')"
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}[^\"'&]{0,30})"
)
# The keys by a piece they share, found in one scan of the page each: "ub…" (a search for a
# fixed start runs in C) and "osted".
_JSON_DATE_KEYS_BY_PIECE = {
    "ublish": ("datePublished", "publishedAt", "published_at", "publishDate", "publish_date",
               "date_published", "publishedDate", "published_time"),
    "ubDate": ("pubDate",),
    "ublication_date": ("first_publication_date", "publication_date"),
    "osted": ("datePosted", "date_posted"),
}  # fmt: skip
_UB_PIECES = re.compile(r"ub(?:lish|Date|lication_date)")


def published_date(
    tree: LexborHTMLParser,
    meta: dict[str, list[str]],
    ld: dict[str, Any] | None,
    url: str | None,
    html_text: str,
    headline: LexborNode | None,
    around: Around,
    *,
    day_first: bool | None = None,
    modified: datetime | None = None,
) -> datetime | None:
    """The publication date, timezone-aware (the page's own offset, else UTC); ``modified``
    is the declared time of the last change."""
    stated = stated_first_publication(html_text, day_first=day_first)
    if stated is not None:
        return stated  # "This article was originally published on 26 Sep 2019"
    url_date = date_from_url(url)
    found = _published(tree, meta, ld, url_date, html_text, headline, around, day_first, modified)
    if found is not None and url_date is not None and _swapped(found) == url_date.date():
        return url_date  # 03/10/2023 read the wrong way round; the URL says which
    return found


def _swapped(dt: datetime) -> date | None:
    try:
        return date(dt.year, dt.day, dt.month) if dt.day <= 12 and dt.day != dt.month else None
    except ValueError:
        return None


def _published(
    tree: LexborHTMLParser,
    meta: dict[str, list[str]],
    ld: dict[str, Any] | None,
    url_date: datetime | None,
    html_text: str,
    headline: LexborNode | None,
    around: Around,
    day_first: bool | None,
    modified: datetime | None,
) -> datetime | None:
    declared = _declared(meta, ld)
    shown = shown_date(around, day_first=day_first)
    if shown is None and declared is not None and declared == modified:
        # Stamped at the last save: the page's own publication markup may say when it was
        # first published ("Published <time pubdate>" at the end of the article).
        shown = _marked_date(html_text)
        if shown is None:
            earlier = _earlier_shown_update(around, declared, day_first)
            if earlier is not None:
                return earlier
    if declared is not None and shown is not None:
        return _reconcile(declared, shown, url_date)
    if declared is not None:
        return declared
    found = _dom_attr_date(tree, headline)
    if found is None and html_text:
        found = _date_in_page_data(html_text)
    if found is not None and shown is not None:
        return _reconcile(found, shown, url_date)
    # Nothing but a written date left; an update's date is better than none.
    return (
        found
        or shown
        or _dom_date(tree, day_first)
        or _near_headline(headline, day_first)
        or _beside_author(tree, day_first)
        or shown_date(around, day_first=day_first, updates=True)
        or url_date
        or modified
        or update_note(html_text, day_first=day_first)
    )


def _earlier_shown_update(
    around: Around, stamp: datetime, day_first: bool | None
) -> datetime | None:
    """The date shown under the headline, labelled as an update ("Page updated: 12 November
    2025"), when it is a day before the save stamp's: the page was there on that day, so the
    stamp is not its first publication, and the shown day is the earliest the page gives."""
    update = shown_date(around, day_first=day_first, updates=True)
    return update if update is not None and update.date() < stamp.date() else None


def _reconcile(machine: datetime, shown: datetime, url_date: datetime | None) -> datetime:
    """The machine-readable date, unless the page shows an earlier day under its headline. A
    single day earlier may be a time zone (the machine date is in UTC, the shown one local)
    and then only counts when the URL carries the shown day too; not when the machine time is
    late in the UTC day (no time zone west of UTC is a day behind it then)."""
    days = (machine.date() - shown.date()).days
    if days <= 0:
        return machine
    if days == 1 and not _late_utc(machine) and not _same_day(url_date, shown):
        return machine
    return shown


def _same_day(a: datetime | None, b: datetime) -> bool:
    return a is not None and a.date() == b.date()


def _late_utc(moment: datetime) -> bool:
    """A UTC time of noon or later (a date with no time reads as midnight)."""
    return moment.utcoffset() == timedelta(0) and moment.hour >= _LATE_UTC_HOUR


def _declared(meta: dict[str, list[str]], ld: dict[str, Any] | None) -> datetime | None:
    if ld:
        dt = parse_date(text_value(ld.get("datePublished") or ld.get("dateCreated")))
        if dt is not None:
            return dt
    for key in PUBLISHED_KEYS:
        for value in meta.get(key, ()):
            dt = parse_date(value)
            if dt is not None:
                return dt
    return None


def shown_date(
    around: Around, *, day_first: bool | None = None, updates: bool = False
) -> datetime | None:
    """The first written date right after (or just before) the headline that is not labelled
    as an update ("Updated May 5, 2024", or "Last updated:" on the line before); with
    ``updates``, the first one whatever its label."""
    after = around.after[:12]
    for k, line in enumerate(after + around.before[:4]):
        if len(line) > _MAX_BYLINE_LINE:
            continue
        found = find_date_at(line, day_first=day_first)
        if found is None:
            continue
        if updates:
            return found[1]
        label = line[: found[0]]
        for j in (k - 1, k - 2):  # "Last updated:" (and "on") on lines of their own
            if not 0 <= j < k < len(after) or find_date_at(after[j]) is not None:
                break
            label = f"{after[j]} {label}"
        if _UPDATE_LABEL.search(label):
            continue
        return found[1]
    return None


def _marked_date(html_text: str) -> datetime | None:
    """The day the page's own publication markup names (<time pubdate>, an element with
    itemprop="datePublished"), when all such elements agree: several days are the dates of
    other articles listed on the page. Read from the page's text: most pages have none."""
    found: datetime | None = None
    for mark, tag_start in _PUBLICATION_MARKS:
        at, seen = html_text.find(mark), 0
        while at >= 0 and seen < _MAX_MARKED:
            dt = _tag_date(html_text, at, tag_start)
            if dt is not None:
                if found is not None and dt.date() != found.date():
                    return None
                found = found or dt
            at, seen = html_text.find(mark, at + len(mark)), seen + 1
    return found


def _tag_date(html_text: str, at: int, tag_start: str) -> datetime | None:
    """The date in the datetime= or content= attribute of the tag around ``at``, unless the
    tag is marked as an update."""
    start, end = html_text.rfind("<", 0, at), html_text.find(">", at)
    tag = html_text[start : end + 1] if start >= 0 and at < end else ""
    if not tag.lower().startswith(tag_start) or "updat" in tag or "modif" in tag:
        return None
    m = _TAG_DATE.search(tag)
    return parse_date(m.group(1)) if m is not None else None


def _dom_attr_date(tree: LexborHTMLParser, headline: LexborNode | None) -> datetime | None:
    """A machine-readable date in the page: of the first few inside the headline's parent, its
    grandparent and so on up four levels, else of the first 40 in the page (one query of the
    page; the elements' ancestors tell which block holds them)."""
    nodes = tree.css(_DATETIME_ATTR_SELECTOR)
    if not nodes:
        return None
    scope_nodes = _scope_nodes(headline)
    scopes = [scope.mem_id for scope in scope_nodes]
    if scopes and len(nodes) <= _MAX_SCOPED_NODES:
        inside = [_ancestor_ids(node, scopes) for node in nodes]
        for scope_id in scopes:
            in_scope = [n for n, ids in zip(nodes, inside, strict=True) if scope_id in ids]
            for node in in_scope[:5]:
                dt = _attr_date(node)
                if dt:
                    return dt
            if len(in_scope) == len(nodes):
                break  # every element is inside: the wider blocks hold the same ones
    else:
        for scope_node in scope_nodes:
            for node in scope_node.css(_DATETIME_ATTR_SELECTOR)[:5]:
                dt = _attr_date(node)
                if dt:
                    return dt
    for node in nodes[:40]:
        dt = _attr_date(node)
        if dt:
            return dt
    return None


def _ancestor_ids(node: LexborNode, scopes: list[int]) -> set[int]:
    """Which of the ``scopes`` (element ids) hold the node, or are it."""
    wanted = set(scopes)
    found: set[int] = set()
    cur: LexborNode | None = node
    while cur is not None and len(found) < len(wanted):
        mem_id = cur.mem_id
        if mem_id in wanted:
            found.add(mem_id)
        cur = cur.parent
    return found


def _scope_nodes(headline: LexborNode | None) -> list[LexborNode]:
    """The headline's parent, grandparent and so on up four levels (below <body>)."""
    found: list[LexborNode] = []
    scope = headline.parent if headline is not None else None
    while len(found) < 4 and scope is not None and scope.tag not in ("body", "html"):
        found.append(scope)
        scope = scope.parent
    return found


def _attr_date(node: LexborNode) -> datetime | None:
    attrs = node.attrs
    if _updated_node(node):
        return None
    for key in ("datetime", "content", "data-timestamp", "data-date"):
        value = attrs.get(key)
        if value:
            dt = parse_date(value)
            if dt:
                return dt
    return None


def _updated_node(node: LexborNode) -> bool:
    """The element holds an update time: by its class or itemprop, or by the words before it
    ("Last updated: <time>")."""
    attrs = node.attributes
    marks = f"{attrs.get('class') or ''} {attrs.get('itemprop') or ''}".lower()
    if "modif" in marks or "updat" in marks:
        return True
    parent = node.parent
    if parent is None:
        return False
    around = parent.text(separator=" ") or ""
    own = node.text(separator=" ") or ""
    if len(around) > 200:
        return False
    at = around.find(own) if own else -1
    return bool(_UPDATE_LABEL.search(around[: at if at > 0 else len(around)]))


def _dom_date(tree: LexborHTMLParser, day_first: bool | None) -> datetime | None:
    for node in tree.css(_TIME_SELECTOR)[:40]:
        text = node.text(separator=" ") or ""
        if 6 <= len(text) <= 200:
            dt = find_date(text, day_first=day_first)
            if dt:
                return dt
    return None


def _near_headline(headline: LexborNode | None, day_first: bool | None) -> datetime | None:
    """A written date in the block around the headline (bylines often sit there)."""
    node = headline.parent if headline is not None else None
    for _ in range(3):
        if node is None:
            return None
        text = node.text(separator=" ") or ""
        if len(text) > 5000:
            return None
        dt = find_date(text, day_first=day_first)
        if dt:
            return dt
        node = node.parent
    return None


def _beside_author(tree: LexborHTMLParser, day_first: bool | None) -> datetime | None:
    """A written date in the small block around a link to the author's page ("Written by
    <a href="/author/…">Jane Doe</a> / April 8, 2024"), wherever the block sits."""
    for node in tree.css(_AUTHOR_LINK_SELECTOR)[:_MAX_AUTHOR_LINKS]:
        block = node.parent
        for _ in range(2):
            if block is None:
                break
            text = block.text(separator=" ") or ""
            if len(text) > _MAX_AUTHOR_BLOCK:
                break
            dt = find_date(text, day_first=day_first)
            if dt is not None:
                return dt
            block = block.parent
    return None


def _date_in_page_data(html_text: str) -> datetime | None:
    """A publication date in JSON data embedded anywhere in the page (scripts, attributes):
    of each key, the first place where it holds a date, and of those the earliest."""
    places: list[tuple[int, str]] = []
    for hit in _UB_PIECES.finditer(html_text):
        _add_key_places(html_text, hit.start(), hit.group(), places)
    at = html_text.find("osted")
    while at >= 0:
        _add_key_places(html_text, at, "osted", places)
        at = html_text.find("osted", at + 5)
    places.sort()
    done: set[str] = set()
    for at, key in places:
        if key in done:
            continue
        m = _JSON_DATE.match(html_text, max(0, at - 6), at + len(key) + 60)
        if m is None:
            m = _JSON_DATE.search(html_text, max(0, at - 6), at + len(key) + 60)
        if m is not None:
            dt = parse_date(m.group(1))
            if dt is not None:
                return dt
            done.add(key)  # the key's first date is not one: the key gives none
    return None


def _add_key_places(html_text: str, at: int, piece: str, places: list[tuple[int, str]]) -> None:
    """The keys that hold ``piece`` where it was found at ``at``, with where they start."""
    for key in _JSON_DATE_KEYS_BY_PIECE[piece]:
        start = at - key.index(piece)
        if start >= 0 and html_text.startswith(key, start):
            places.append((start, key))
