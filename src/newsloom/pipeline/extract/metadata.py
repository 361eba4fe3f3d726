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

from newsloom.pipeline.extract.authors import clean_names, clean_whole_names, written_byline
from newsloom.pipeline.extract.bylines import shown_byline, unlabelled_authors
from newsloom.pipeline.extract.dates import parse_date
from newsloom.pipeline.extract.headline import headline_node, lines_around
from newsloom.pipeline.extract.jsonld import (
    article_objects,
    id_index,
    image_url,
    organization_names,
    person_names,
    text_value,
)
from newsloom.pipeline.extract.landmarks import Landmarks, find_landmarks
from newsloom.pipeline.extract.published import published_date
from newsloom.pipeline.extract.titles import pick_title, strip_site_suffix

__all__ = ["Metadata", "dom_title_nodes", "read_metadata", "strip_site_suffix"]


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    byline: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    lead_image: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    declared_body: str | None = None
    """The article text its JSON-LD declares (``articleBody``), as written there."""


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
# The label of a social card's data field that names the author.
_CARD_AUTHOR_LABEL = re.compile(
    r"(?i)^\s*(?:written\s+by|authors?|autor(?:in)?|geschrieben\s+von|verfasst\s+von"
    r"|écrit\s+par|auteur|escrito\s+por|scritto\s+da|geschreven\s+door)\s*:?\s*$"
)
_MAX_CARD_LABELS = 4
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
        if _already_absolute(href):
            return href  # what urljoin gives back for it, without parsing both URLs
        try:
            return urljoin(base, href)
        except ValueError:
            return href
    return href if urlsplit(href).scheme else None


_URL_PARTS = re.compile(r"[?#;\t\r\n]")


def _already_absolute(href: str) -> bool:
    """An http(s) URL with a host and a plain path, which urljoin returns as it is: with a
    base of another scheme unchanged, with the same scheme rebuilt from the same parts (no
    query, fragment or parameters to drop when empty, no tab or line break to remove)."""
    if href.startswith("https://"):
        at = 8
    elif href.startswith("http://"):
        at = 7
    else:
        return False
    return len(href) > at and href[at] != "/" and _URL_PARTS.search(href) is None


def _meta_map(metas: list[LexborNode]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in metas:
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


def _labelled_card_authors(meta: dict[str, list[str]]) -> list[str]:
    """The author a social card names under its "Written by" label (twitter:label1 = "Written
    by", twitter:data1 = the name), as search-engine plugins write it."""
    found: list[str] = []
    for k in range(1, _MAX_CARD_LABELS + 1):
        labels = meta.get(f"twitter:label{k}")
        if labels and _CARD_AUTHOR_LABEL.match(labels[0]):
            found += [v for v in meta.get(f"twitter:data{k}", ()) if "://" not in v]
    return found


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        values = meta.get(key)
        if values:
            return values[0]
    return None


def _day_first(node: LexborNode | None) -> bool:
    """Whether 05/06/2024 is the 5th of June: everywhere but in US English (or undeclared)."""
    lang = (node.attributes.get("lang") or "") if node is not None else ""
    lang = lang.strip().lower().replace("_", "-")
    return lang not in ("", "en", "en-us")


def _language(
    html: LexborNode | None, meta: dict[str, list[str]], ld: dict[str, Any] | None
) -> str | None:
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


def read_metadata(
    tree: LexborHTMLParser, url: str | None, html_text: str = "", marks: Landmarks | None = None
) -> Metadata:
    """Everything but the body text, from the untouched parse tree (``marks``: its metadata
    elements, when already found)."""
    if marks is None:
        marks = find_landmarks(tree)
    meta = _meta_map(marks.metas)
    ld, _all = article_objects(tree, marks.ld_scripts)
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
        marks,
    )

    author_value = ld.get("author") if ld else None
    index = id_index(_all) if author_value is not None else {}
    declared = person_names(author_value, index)
    authors = clean_whole_names(declared)
    if not authors:
        declared = [v for k in _AUTHOR_KEYS for v in meta.get(k, ()) if "://" not in v]
        authors = clean_names(declared, limit=12, declared=True)
    if not authors:
        declared = _labelled_card_authors(meta)
        authors = clean_names(declared, limit=12, declared=True)
    headline = headline_node(tree, md.title, marks.h1s, marks.headings)
    around = lines_around(headline)
    shown, shown_text = shown_byline(around)
    if authors:
        authors = _shown_byline_first(authors, shown)
    else:
        authors = shown or unlabelled_authors(tree, around, md.title, marks.headings)
    if not authors and author_value is not None:
        authors = clean_whole_names(organization_names(author_value, index), split=False)
    md.authors = authors
    md.byline = _as_written(authors, [shown_text, *around.after[:12], *declared])

    md.updated = _updated(meta, ld)
    md.published = published_date(
        tree,
        meta,
        ld,
        url,
        html_text,
        headline,
        around,
        day_first=_day_first(marks.html),
        modified=md.updated,
    )

    canonical = None
    link = marks.canonical
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
        node = marks.image_src
        image = node.attributes.get("href") if node is not None else None
    md.lead_image = _absolute(image, base)

    description = _first(
        meta, "og:description", "description", "twitter:description", "dc.description"
    )
    if not description and ld:
        description = text_value(ld.get("description"))
    md.description = " ".join(description.split()) if description else None
    md.language = _language(marks.html, meta, ld)
    declared_body = ld.get("articleBody") if ld else None
    md.declared_body = declared_body if isinstance(declared_body, str) else None
    return md


def _updated(meta: dict[str, list[str]], ld: dict[str, Any] | None) -> datetime | None:
    """When the page says it was last changed."""
    updated = parse_date(text_value(ld.get("dateModified"))) if ld else None
    if updated is None:
        for key in _UPDATED_KEYS:
            updated = parse_date(_first(meta, key))
            if updated:
                break
    return updated


def _as_written(authors: tuple[str, ...], texts: list[str]) -> str | None:
    """The names as one of the texts writes them together (the visible lines first)."""
    if len(authors) < 2:
        return None
    for text in texts:
        written = written_byline(text, authors)
        if written:
            return written
    return None


def _shown_byline_first(declared: tuple[str, ...], shown: tuple[str, ...]) -> tuple[str, ...]:
    """The "By …" line under the headline when it names none of the declared authors: the
    declared one is then the account that posted the page (an editor, the site itself)."""
    if shown and not any(_same_person(a, b) for a in declared for b in shown):
        return shown
    return declared


def _same_person(a: str, b: str) -> bool:
    """Equal names, or one name inside the other ("Dr Jane Doe", "Jane Doe")."""
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return wa == wb or (min(len(wa), len(wb)) >= 2 and (wa <= wb or wb <= wa))


def dom_title_nodes(tree: LexborHTMLParser) -> list[LexborNode]:
    """The page's <h1> nodes (used to skip the headline when it sits inside the body)."""
    return list(tree.css("h1"))
