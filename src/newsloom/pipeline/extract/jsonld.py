"""Read schema.org JSON-LD blocks and pick the object that describes the article."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "medicalwebpage",
        "recipe",
        "review",
        "howto",
        "posting",
        "discussionforumposting",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "profilepage"})
_MAX_OBJECTS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower().rsplit("/", 1)[-1]}
    if isinstance(t, list):
        return {x.lower().rsplit("/", 1)[-1] for x in t if isinstance(x, str)}
    return set()


def _objects(data: Any) -> Iterable[dict[str, Any]]:
    """Every dict inside a JSON value, walked without recursion and with a size cap."""
    stack = [data]
    seen = 0
    while stack and seen < _MAX_OBJECTS:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            yield item
            for key in ("@graph", "mainEntity", "itemListElement", "hasPart"):
                child = item.get(key)
                if isinstance(child, list | dict):
                    stack.append(child)
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _load(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    try:
        return json.loads(text)
    except ValueError:
        try:
            return json.loads(_CONTROL.sub(" ", text), strict=False)
        except ValueError:
            return None


def article_objects(
    tree: LexborHTMLParser, scripts: list[LexborNode] | None = None
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The best article-like JSON-LD object (if any) and every object found; ``scripts`` are
    the page's JSON-LD scripts when already known."""
    found: list[dict[str, Any]] = []
    if scripts is None:
        scripts = tree.css('script[type*="ld+json"]')
    for script in scripts:
        data = _load(script.text(deep=True) or "")
        if data is not None:
            found.extend(_objects(data))
    best: dict[str, Any] | None = None
    best_rank = 0
    for obj in found:
        types = _types(obj)
        if types & ARTICLE_TYPES:
            rank = 3 if ("headline" in obj or "articleBody" in obj) else 2
        elif types & _PAGE_TYPES and "headline" in obj:
            rank = 1
        else:
            continue
        if rank > best_rank:
            best, best_rank = obj, rank
    return best, found


def text_value(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list or an object."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for v in value:
            s = text_value(v) if not isinstance(v, list) else None
            if s:
                return s
        return None
    if isinstance(value, dict):
        for key in ("name", "url", "@id", "contentUrl", "@value"):
            v = value.get(key)
            if isinstance(v, str) and v.strip():
                return v.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


_ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "educationalorganization", "website"}
)


def id_index(objects: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Objects by their "@id", for authors given as a reference ({"@id": ".../#person"})."""
    index: dict[str, dict[str, Any]] = {}
    for obj in objects:
        ref = obj.get("@id")
        if isinstance(ref, str) and len(obj) > 1:
            index.setdefault(ref, obj)
    return index


def _author_items(value: Any, index: dict[str, dict[str, Any]] | None) -> list[Any]:
    items = value if isinstance(value, list) else [value]
    out: list[Any] = []
    for item in items[:20]:
        if isinstance(item, dict) and "name" not in item and index:
            ref = item.get("@id")
            if isinstance(ref, str) and ref in index:
                item = index[ref]
        out.append(item)
    return out


def _name_of(item: dict[str, Any]) -> list[str]:
    name = item.get("name")
    if isinstance(name, list):
        return [n for n in name if isinstance(n, str)]
    if isinstance(name, str):
        return [name]
    given = item.get("givenName")
    if isinstance(given, str):
        family = item.get("familyName")
        return [f"{given} {family}" if isinstance(family, str) else given]
    return []


def person_names(value: Any, index: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Names of the people in a JSON-LD author value (organisations are skipped); references
    by "@id" are looked up in the index."""
    names: list[str] = []
    for item in _author_items(value, index):
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and not _types(item) & _ORGANIZATION_TYPES:
            names.extend(_name_of(item))
    return names


def organization_names(value: Any, index: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Names of the organisations credited in a JSON-LD author value."""
    names: list[str] = []
    for item in _author_items(value, index):
        if isinstance(item, dict) and _types(item) & (_ORGANIZATION_TYPES - {"website"}):
            names.extend(_name_of(item))
    return names


def image_url(value: Any) -> str | None:
    """The first image URL in a JSON-LD image value."""
    if isinstance(value, list):
        for v in value:
            url = image_url(v)
            if url:
                return url
        return None
    if isinstance(value, dict):
        for key in ("url", "contentUrl", "@id"):
            v = value.get(key)
            if isinstance(v, str) and v.strip():
                return v.strip()
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
