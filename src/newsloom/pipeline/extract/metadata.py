"""Page metadata: headline, authors, dates, images, canonical URL, site name, language.

Sources, most trusted first: schema.org JSON-LD, OpenGraph / meta tags, then the page itself
(<h1>, <time>, byline elements, the URL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsloom.pipeline.extract.authors import clean_names, clean_whole_names
from newsloom.pipeline.extract.bylines import dom_authors
from newsloom.pipeline.extract.dates import date_from_url, find_date, parse_date
from newsloom.pipeline.extract.headline import headline_node, lines_around
from newsloom.pipeline.extract.jsonld import (
    article_objects,
    id_index,
    image_url,
    organization_names,
    person_names,
    text_value,
)
from newsloom.pipeline.extract.titles import pick_title, strip_site_suffix

__all__ = ["Metadata", "dom_title_nodes", "read_metadata", "strip_site_suffix"]


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    lead_image: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None


_PUBLISHED_KEYS = (
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
    "citation_date",
    "citation_publication_date",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "og:published_time",
    "release_date",
    "displaydate",
)
_UPDATED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "og:article:modified_time",
    "last-modified",
    "dcterms.modified",
    "modified_time",
    "lastmod",
    "article.updated",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
    "og:article:author",
    "cxenseparse:author",
)
_DATETIME_ATTR_SELECTOR = (
    '[itemprop="datePublished"], [itemprop*="ublish"], time[pubdate], time[datetime], '
    "[datetime], "
    '[class*="publish"][content], [data-timestamp]'
)
_TIME_SELECTOR = (
    '[itemprop="datePublished"], time, [class*="date"], [class*="Date"], [class*="publish"], '
    '[class*="posted"], [class*="yline"], [class*="meta"]'
)


def _fold(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("data:", "javascript:")):
        return None
    if href.startswith("//"):
        scheme = urlsplit(base).scheme if base else "https"
        return f"{scheme or 'https'}:{href}"
    if base:
        try:
            return urljoin(base, href)
        except ValueError:
            return href
    return href if urlsplit(href).scheme else None


def _meta_map(tree: LexborHTMLParser) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        content = content.strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(attr)
            if key:
                found.setdefault(key.strip().lower(), []).append(content)
    return found


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        values = meta.get(key)
        if values:
            return values[0]
    return None


def _dom_attr_date(tree: LexborHTMLParser) -> datetime | None:
    """A machine-readable date in the page, the one nearest the headline first."""
    h1 = tree.css_first("h1")
    scope = h1.parent if h1 is not None else None
    for _ in range(4):
        if scope is None or scope.tag in ("body", "html"):
            break
        for node in scope.css(_DATETIME_ATTR_SELECTOR)[:5]:
            dt = _attr_date(node)
            if dt:
                return dt
        scope = scope.parent
    for node in tree.css(_DATETIME_ATTR_SELECTOR)[:40]:
        dt = _attr_date(node)
        if dt:
            return dt
    return None


def _attr_date(node: LexborNode) -> datetime | None:
    attrs = node.attrs
    for key in ("datetime", "content", "data-timestamp", "data-date"):
        value = attrs.get(key)
        if value:
            dt = parse_date(value)
            if dt:
                return dt
    return None


def _dom_date(tree: LexborHTMLParser) -> datetime | None:
    for node in tree.css(_TIME_SELECTOR)[:40]:
        text = node.text(separator=" ") or ""
        if 6 <= len(text) <= 200:
            dt = find_date(text)
            if dt:
                return dt
    return _date_near_headline(tree)


def _date_near_headline(tree: LexborHTMLParser) -> datetime | None:
    """A written date in the block around the page's headline (bylines often sit there)."""
    h1 = tree.css_first("h1")
    node = h1.parent if h1 is not None else None
    for _ in range(3):
        if node is None:
            return None
        text = node.text(separator=" ") or ""
        if len(text) > 5000:
            return None
        dt = find_date(text)
        if dt:
            return dt
        node = node.parent
    return None


def _language(
    tree: LexborHTMLParser, meta: dict[str, list[str]], ld: dict[str, Any] | None
) -> str | None:
    html = tree.css_first("html")
    values = [
        html.attributes.get("lang") if html is not None else None,
        html.attributes.get("xml:lang") if html is not None else None,
        _first(meta, "content-language", "language", "dc.language", "og:locale"),
        text_value(ld.get("inLanguage")) if ld else None,
    ]
    for v in values:
        if v:
            code = v.strip().replace("_", "-").split("-")[0].split(",")[0].lower()
            if len(code) == 2 and code.isalpha():
                return code
    return None


_JSON_DATE = re.compile(
    r"(?:\"|&quot;|')(?:datePublished|publishedAt|published_at|publishDate|publish_date|"
    r"pubDate|date_published|datePosted|date_posted|first_publication_date|publishedDate|"
    r"published_time)(?:\"|&quot;|')\s*:\s*(?:\"|&quot;|')"
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}[^\"'&]{0,30})"
)


_JSON_DATE_KEYS = (
    "datePublished", "publishedAt", "published_at", "publishDate", "publish_date", "pubDate",
    "date_published", "datePosted", "date_posted", "first_publication_date", "publishedDate",
    "published_time",
)  # fmt: skip


def _date_in_page_data(html_text: str) -> datetime | None:
    """A publication date in JSON data embedded anywhere in the page (scripts, attributes)."""
    best: tuple[int, datetime] | None = None
    for key in _JSON_DATE_KEYS:
        at = html_text.find(key)
        while at >= 0:
            m = _JSON_DATE.match(html_text, max(0, at - 6), at + len(key) + 60)
            if m is None:
                m = _JSON_DATE.search(html_text, max(0, at - 6), at + len(key) + 60)
            if m is not None:
                dt = parse_date(m.group(1))
                if dt is not None and (best is None or at < best[0]):
                    best = (at, dt)
                break
            at = html_text.find(key, at + len(key))
            if best is not None and at > best[0]:
                break
    return best[1] if best else None


def read_metadata(tree: LexborHTMLParser, url: str | None, html_text: str = "") -> Metadata:
    """Everything but the body text, from the untouched parse tree."""
    meta = _meta_map(tree)
    ld, _all = article_objects(tree)
    md = Metadata()

    publisher = ld.get("publisher") if ld else None
    md.site_name = _first(meta, "og:site_name", "application-name", "al:android:app_name") or (
        text_value(publisher) if isinstance(publisher, dict) else None
    )
    if md.site_name:
        md.site_name = " ".join(md.site_name.split())
    ld_title = text_value(ld.get("headline") or ld.get("name")) if ld else None
    md.title = pick_title(
        tree,
        [
            v
            for v in (
                ld_title,
                _first(meta, "og:title"),
                _first(meta, "twitter:title"),
                _first(meta, "title", "dc.title", "headline"),
            )
            if v
        ],
        md.site_name,
        url,
    )

    author_value = ld.get("author") if ld else None
    index = id_index(_all) if author_value is not None else {}
    authors = clean_whole_names(person_names(author_value, index))
    if not authors:
        values = [v for k in _AUTHOR_KEYS for v in meta.get(k, ()) if "://" not in v]
        authors = clean_names(values, limit=12, declared=True)
    around = lines_around(headline_node(tree, md.title))
    if not authors:
        authors = dom_authors(tree, around)
    if not authors and author_value is not None:
        authors = clean_whole_names(organization_names(author_value, index), split=False)
    md.authors = authors

    published = (
        parse_date(text_value(ld.get("datePublished") or ld.get("dateCreated"))) if ld else None
    )
    if published is None:
        for key in _PUBLISHED_KEYS:
            for value in meta.get(key, ()):
                published = parse_date(value)
                if published:
                    break
            if published:
                break
    if published is None:
        published = _dom_attr_date(tree)
    if published is None and html_text:
        published = _date_in_page_data(html_text)
    if published is None:
        published = _dom_date(tree)
    if published is None:
        published = date_from_url(url)
    md.published = published

    updated = parse_date(text_value(ld.get("dateModified"))) if ld else None
    if updated is None:
        for key in _UPDATED_KEYS:
            updated = parse_date(_first(meta, key))
            if updated:
                break
    md.updated = updated

    canonical = None
    link = tree.css_first('link[rel="canonical"]')
    if link is not None:
        canonical = _absolute(link.attributes.get("href"), url)
    md.canonical_url = (
        canonical
        or _absolute(_first(meta, "og:url"), url)
        or (url if url and urlsplit(url).scheme in ("http", "https") else None)
    )
    base = url or md.canonical_url
    image = _first(
        meta,
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
        "thumbnailurl",
    )
    if not image and ld:
        image = image_url(ld.get("image") or ld.get("thumbnailUrl"))
    if not image:
        node = tree.css_first('link[rel="image_src"]')
        image = node.attributes.get("href") if node is not None else None
    md.lead_image = _absolute(image, base)

    description = _first(
        meta, "og:description", "description", "twitter:description", "dc.description"
    )
    if not description and ld:
        description = text_value(ld.get("description"))
    md.description = " ".join(description.split()) if description else None
    md.language = _language(tree, meta, ld)
    return md


def dom_title_nodes(tree: LexborHTMLParser) -> list[LexborNode]:
    """The page's <h1> nodes (used to skip the headline when it sits inside the body)."""
    return list(tree.css("h1"))
