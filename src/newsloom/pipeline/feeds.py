"""Feed parsing: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed read directly."""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from newsloom.domain.models import Entry, FeedInfo, ParsedFeed
from newsloom.domain.urls import is_http_url
from newsloom.errors import FeedError

_JSON_FEED_VERSION = re.compile(r"^https://jsonfeed\.org/version/1(\.\d+)?$")
_EMAIL = re.compile(r"^(mailto:)?[^\s@()]+@[^\s@()]+$")
_EMAIL_AND_NAME = re.compile(r"^(?:mailto:)?[^\s@()]+@[^\s@()]+\s*\((.*)\)$")


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document. Raises FeedError in plain words when it is not a feed we read."""
    stripped = body.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if stripped == b"{" or (content_type and "json" in content_type and stripped != b"<"):
        return _parse_json_feed(body, url)
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    if _broken_xml(parsed) and _truncated(body) and _looks_like_xml_feed(body):
        reason = _plain_reason(parsed.get("bozo_exception"))
        raise FeedError(f"{url} is a malformed feed: it ends before its last element ({reason})",
                        detail={"url": url})
    if not entries and (not version or _broken_xml(parsed)):
        if parsed.get("bozo") and body.lstrip()[:1] == b"<" and version:
            reason = _plain_reason(parsed.get("bozo_exception"))
            raise FeedError(f"{url} is a malformed feed ({reason})", detail={"url": url})
        if parsed.get("bozo") and _looks_like_xml_feed(body):
            reason = _plain_reason(parsed.get("bozo_exception"))
            raise FeedError(f"{url} is a malformed feed ({reason})", detail={"url": url})
        raise FeedError(f"{url} is not a feed (not RSS, Atom or JSON Feed)", detail={"url": url})
    feed = parsed.get("feed", {})
    info = FeedInfo(
        title=_clean(feed.get("title")),
        site_url=_http_or_none(feed.get("link")),
        description=_clean(feed.get("subtitle") or feed.get("description")),
        language=_clean(feed.get("language")),
    )
    return ParsedFeed(info=info, entries=tuple(_entries_from_feedparser(entries, url)))


def _broken_xml(parsed: Any) -> bool:
    exc = parsed.get("bozo_exception")
    return bool(parsed.get("bozo")) and type(exc).__name__ in {"SAXParseException",
                                                              "SAXException"}


def _truncated(body: bytes) -> bool:
    tail = body.rstrip()[-200:].lower()
    return not tail.endswith((b"</rss>", b"</feed>", b"</rdf:rdf>", b"</rdf>"))


def _looks_like_xml_feed(body: bytes) -> bool:
    head = body[:1024].lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf"))


def _plain_reason(reason: object) -> str:
    text = str(reason or "unknown problem").strip()
    return text.split("\n")[0][:200]


def _entries_from_feedparser(items: Iterable[Mapping[str, Any]], feed_url: str) -> Iterable[Entry]:
    for item in items:
        link = _entry_link(item)
        if not link:
            continue
        guid = _clean(item.get("id")) or link
        content_html = None
        for content in item.get("content") or []:
            value = content.get("value")
            if value and (content_html is None or len(value) > len(content_html)):
                content_html = value
        yield Entry(
            guid=guid,
            url=link,
            title=_clean(_unescape(item.get("title"))),
            author=_author(item),
            published=_struct_time(item.get("published_parsed") or item.get("updated_parsed")),
            summary=_clean(item.get("summary")),
            content_html=content_html,
            image=_entry_image(item, feed_url),
        )


def _entry_link(item: Mapping[str, Any]) -> str | None:
    link = item.get("link")
    if isinstance(link, str) and is_http_url(link):
        return link
    for candidate in item.get("links") or []:
        href = candidate.get("href")
        if href and candidate.get("rel", "alternate") == "alternate" and is_http_url(href):
            return str(href)
    guid = item.get("id")
    if isinstance(guid, str) and is_http_url(guid):
        return guid
    return None


def _author(item: Mapping[str, Any]) -> str | None:
    """The byline: "desk@x.example (Jo Marsh)" is Jo Marsh; a bare e-mail address is no name."""
    name = _clean(item.get("author"))
    if name is None:
        return None
    match = _EMAIL_AND_NAME.match(name)
    if match:
        return match.group(1).strip() or None
    return None if _EMAIL.match(name) else name


def _unescape(value: Any) -> Any:
    """Titles escaped twice (``&amp;amp;`` or ``&amp;`` inside CDATA) read as intended."""
    return html.unescape(value) if isinstance(value, str) and "&" in value else value


def _entry_image(item: Mapping[str, Any], feed_url: str) -> str | None:
    return next((url for url in _image_candidates(item, feed_url) if is_http_url(url)), None)


def _image_candidates(item: Mapping[str, Any], feed_url: str) -> Iterable[str]:
    for media in item.get("media_content") or []:
        url = media.get("url")
        if url and (media.get("medium") == "image" or "image" in str(media.get("type", ""))):
            yield urljoin(feed_url, str(url).strip())
    for thumb in item.get("media_thumbnail") or []:
        if thumb.get("url"):
            yield urljoin(feed_url, str(thumb["url"]).strip())
    for link in item.get("links") or []:
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            yield urljoin(feed_url, str(link.get("href") or "").strip())


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"{url} is a malformed JSON feed ({exc})", detail={"url": url}) from None
    if not isinstance(data, dict) or not _JSON_FEED_VERSION.match(str(data.get("version", ""))):
        raise FeedError(f"{url} is JSON but not a JSON Feed", detail={"url": url})
    info = FeedInfo(
        title=_clean(data.get("title")),
        site_url=_http_or_none(data.get("home_page_url")),
        description=_clean(data.get("description")),
        language=_clean(data.get("language")),
    )
    items = data.get("items") or []
    if not isinstance(items, list):
        raise FeedError(f"{url} is a malformed JSON feed (its items are not a list)",
                        detail={"url": url})
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if not isinstance(link, str) or not is_http_url(link := urljoin(url, link.strip())):
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        if not isinstance(authors, list):
            authors = [authors]
        author_names = [
            str(a["name"]) for a in authors if isinstance(a, dict) and a.get("name")
        ]
        content_html = item.get("content_html")
        entries.append(
            Entry(
                guid=str(item.get("id") or link),
                url=link,
                title=_clean(item.get("title")),
                author=", ".join(author_names) or None,
                published=_iso_date(item.get("date_published") or item.get("date_modified")),
                summary=_clean(item.get("summary")),
                content_html=content_html if isinstance(content_html, str) and content_html
                else None,
                image=_json_image(item, url),
            )
        )
    return ParsedFeed(info=info, entries=tuple(entries))


def _json_image(item: Mapping[str, Any], feed_url: str) -> str | None:
    image = item.get("image") or item.get("banner_image")
    return _http_or_none(urljoin(feed_url, image.strip())) if isinstance(image, str) else None


def _iso_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _http_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and is_http_url(value) else None


def entry_key(feed_url: str, entry: Entry) -> str:
    """A stable key of an entry within its feed, short enough for an index."""
    return hashlib.sha256(f"{feed_url}\n{entry.guid}".encode()).hexdigest()[:32]
