"""Adding, listing and removing sources; OPML in and out; the default outlets list."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from newsloom.adapters.http import ACCEPT_FEED, Fetcher
from newsloom.config import Settings
from newsloom.domain.records import Source
from newsloom.domain.urls import host_of, is_http_url, slugify
from newsloom.errors import Conflict, FeedError, InvalidInput, NewsloomError
from newsloom.pipeline.discover import feed_links, looks_like_feed
from newsloom.pipeline.feeds import parse_feed
from newsloom.pipeline.opml import OpmlFeed, parse_opml, render_opml
from newsloom.services.clock import Clock

if TYPE_CHECKING:
    from newsloom.storage.store import Store


@dataclass
class ImportReport:
    added: list[Source] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


class SourceService:
    def __init__(self, store: Store, fetcher: Fetcher, settings: Settings, clock: Clock) -> None:
        self._store = store
        self._fetcher = fetcher
        self._settings = settings
        self._clock = clock

    def add(self, url: str, *, name: str | None = None, region: str | None = None) -> Source:
        """Subscribe to a feed URL, or to a site's home page whose feed is found through
        <link rel="alternate">. The feed is fetched once to check it is one we can read."""
        url = url.strip()
        if not is_http_url(url):
            raise InvalidInput(f"{url!r} is not an http:// or https:// address")
        existing = self._store.sources.by_feed_url(url)
        if existing:
            raise Conflict(f"{url} is already a source ({existing.name})")
        result = self._fetcher.fetch(url, accept=ACCEPT_FEED)
        feed_url, body, ctype = result.url, result.body, result.content_type
        if not looks_like_feed(body, ctype):
            links = feed_links(body, result.url)
            if not links:
                raise FeedError(
                    f"{url} is not a feed, and the page names no feed "
                    '(no <link rel="alternate"> to RSS, Atom or JSON Feed)'
                )
            feed_url = links[0]
            if self._store.sources.by_feed_url(feed_url):
                raise Conflict(f"{feed_url} (found on {url}) is already a source")
            found = self._fetcher.fetch(feed_url, accept=ACCEPT_FEED)
            feed_url, body, ctype = found.url, found.body, found.content_type
        parsed = parse_feed(body, feed_url, ctype)
        return self._subscribe(
            OpmlFeed(feed_url, name or parsed.info.title,
                     parsed.info.site_url or (url if url != feed_url else None)),
            language=(parsed.info.language or "")[:16] or None,
            region=region,
        )

    def add_unchecked(self, feed: OpmlFeed, *, language: str | None = None,
                      region: str | None = None) -> Source:
        """Subscribe without fetching (imports); the first poll checks the feed."""
        if not is_http_url(feed.feed_url):
            raise InvalidInput(f"{feed.feed_url!r} is not an http:// or https:// address")
        return self._subscribe(feed, language=language, region=region)

    def _subscribe(self, feed: OpmlFeed, *, language: str | None, region: str | None) -> Source:
        title = feed.title or host_of(feed.feed_url)
        return self._store.sources.add(
            feed_url=feed.feed_url,
            name=title[:300],
            slug=slugify(title, 60),
            site_url=feed.site_url,
            language=language,
            region=region,
            interval_seconds=self._settings.poll_interval,
            now=self._clock(),
        )

    def list(self) -> list[Source]:
        return self._store.sources.all()

    def get(self, source_id: int) -> Source:
        return self._store.sources.get(source_id)

    def by_slug(self, slug: str) -> Source:
        return self._store.sources.by_slug(slug)

    def remove(self, id_or_url: str) -> Source:
        source = self._resolve(id_or_url)
        self._store.sources.remove(source.id)
        return source

    def import_opml(self, body: bytes) -> ImportReport:
        report = ImportReport()
        for feed in parse_opml(body):
            self._import_one(feed, report)
        return report

    def export_opml(self) -> str:
        return render_opml(
            [OpmlFeed(s.feed_url, s.name, s.site_url) for s in self._store.sources.all()]
        )

    def add_defaults(self) -> ImportReport:
        """Subscribe to the shipped list of international outlets (data/default_sources.json)."""
        report = ImportReport()
        for item in default_sources():
            feed = OpmlFeed(item["feed_url"], item.get("name"), item.get("site_url"))
            self._import_one(feed, report, item.get("language"), item.get("region"))
        return report

    def _import_one(self, feed: OpmlFeed, report: ImportReport, language: str | None = None,
                    region: str | None = None) -> None:
        try:
            report.added.append(self.add_unchecked(feed, language=language, region=region))
        except Conflict:
            report.already_present.append(feed.feed_url)
        except NewsloomError as exc:
            report.failed.append((feed.feed_url, exc.message))

    def _resolve(self, id_or_url: str) -> Source:
        if id_or_url.isdigit():
            return self._store.sources.get(int(id_or_url))
        by_url = self._store.sources.by_feed_url(id_or_url)
        if by_url:
            return by_url
        return self._store.sources.by_slug(id_or_url)


def default_sources() -> list[dict[str, str]]:
    raw = resources.files("newsloom.data").joinpath("default_sources.json").read_text("utf-8")
    data = json.loads(raw)
    items = data["sources"] if isinstance(data, dict) else data
    return [dict(item) for item in items]

