"""Polling: one feed at a time, claimed with a lease so no feed is polled twice at once; every
new entry's page fetched, extracted and stored once (idempotent on canonical URL and GUID)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsloom.adapters.http import ACCEPT_FEED, ACCEPT_HTML, Fetcher, FetchResult
from newsloom.config import Settings
from newsloom.domain.models import Entry
from newsloom.domain.records import Source
from newsloom.domain.schedule import next_check_after_error, next_check_after_success
from newsloom.domain.urls import canonicalize
from newsloom.errors import NewsloomError
from newsloom.pipeline.assemble import STATUS_FEED_CONTENT, PageOutcome, assemble
from newsloom.pipeline.feeds import parse_feed
from newsloom.services.clock import Clock
from newsloom.services.enrich import Enricher

if TYPE_CHECKING:
    from newsloom.storage.store import Store

log = logging.getLogger(__name__)

MAX_NEW_PER_POLL = 200


@dataclass
class PollReport:
    source: Source
    new_articles: int = 0
    feed_content_only: int = 0
    skipped: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str | None = None
    page_problems: list[str] = field(default_factory=list)
    busy: bool = False
    """Another poller holds this feed right now; nothing was done."""


ProgressCallback = Callable[[str], None]


class Ingestor:
    def __init__(self, store: Store, fetcher: Fetcher, settings: Settings, clock: Clock,
                 enricher: Enricher) -> None:
        self._store = store
        self._fetcher = fetcher
        self._settings = settings
        self._clock = clock
        self._enricher = enricher
        self.owner = f"poller-{uuid.uuid4().hex[:12]}"

    def poll_due(self, *, on_article: ProgressCallback | None = None) -> list[PollReport]:
        return [self.poll(s, on_article=on_article) for s in self._store.sources.due(self._clock())]

    def poll_all(self, *, on_article: ProgressCallback | None = None,
                 on_source: Callable[[PollReport], None] | None = None) -> list[PollReport]:
        reports = []
        for source in self._store.sources.all():
            report = self.poll(source, on_article=on_article)
            if on_source:
                on_source(report)
            reports.append(report)
        return reports

    def poll(self, source: Source, *, on_article: ProgressCallback | None = None) -> PollReport:
        now = self._clock()
        report = PollReport(source=source)
        if not self._store.sources.claim(source.id, self.owner, now,
                                         self._settings.poll_lease_seconds):
            report.busy = True
            return report
        try:
            self._poll_claimed(source, report, on_article)
        except NewsloomError as exc:
            report.error = exc.message
        except Exception as exc:  # a bug must not stop the other feeds: record it plainly
            log.exception("polling %s failed", source.feed_url)
            report.error = f"internal error while polling ({type(exc).__name__}: {exc})"
        finally:
            self._finish(source, report)
        return report

    def _poll_claimed(self, source: Source, report: PollReport,
                      on_article: ProgressCallback | None) -> None:
        result = self._fetcher.fetch(source.feed_url, accept=ACCEPT_FEED, etag=source.etag,
                                     last_modified=source.last_modified)
        if result.not_modified:
            report.not_modified = True
            return
        parsed = parse_feed(result.body, result.url, result.content_type)
        self._store.sources.update(source.id, etag=result.etag,
                                   last_modified=result.last_modified)
        if not source.site_url and parsed.info.site_url:
            self._store.sources.update(source.id, site_url=parsed.info.site_url)
        entries = self._new_entries(source, parsed.entries, report)
        with ThreadPoolExecutor(self._settings.fetch_concurrency) as pool:
            fetched = list(pool.map(self._fetch_page, entries))
        pages = self._enricher.read_pages(source, fetched, self._clock())
        for entry, page in zip(entries, pages, strict=True):
            self._store_entry(source, entry, page, report)
            if on_article:
                on_article(entry.title or entry.url)

    def _new_entries(self, source: Source, entries: Sequence[Entry],
                     report: PollReport) -> list[Entry]:
        unique: dict[str, Entry] = {}
        for entry in entries:
            unique.setdefault(entry.guid, entry)
        candidates = list(unique.values())
        known = self._store.articles.known(
            source.id, [e.guid for e in candidates], [canonicalize(e.url) for e in candidates]
        )
        fresh = [e for e in candidates if e.guid not in known and canonicalize(e.url) not in known]
        report.skipped = len(candidates) - len(fresh)
        return fresh[:MAX_NEW_PER_POLL]

    def _fetch_page(self, entry: Entry) -> FetchResult | str:
        """The page, or in plain words why it could not be fetched."""
        try:
            return self._fetcher.fetch(entry.url, accept=ACCEPT_HTML)
        except NewsloomError as exc:
            return exc.message

    def _store_entry(self, source: Source, entry: Entry, page: PageOutcome,
                     report: PollReport) -> None:
        article = assemble(source_id=source.id, entry=entry, page=page, now=self._clock(),
                           min_score=self._settings.min_extraction_score)
        if article is None:
            report.page_problems.append(
                f"{entry.url}: {page.problem or 'no article text on the page or in the feed'}"
            )
            return
        article = self._enricher.enrich(article)
        new_id = self._store.articles.insert(article)
        if new_id is None:
            report.duplicates += 1
            return
        self._enricher.after_insert(new_id, article)
        report.new_articles += 1
        if article.status == STATUS_FEED_CONTENT:
            report.feed_content_only += 1
            if page.problem:
                report.page_problems.append(f"{entry.url}: {page.problem}")

    def _finish(self, source: Source, report: PollReport) -> None:
        if report.busy:
            return
        now = self._clock()
        if report.error:
            errors = source.error_count + 1
            self._store.sources.release(
                source.id, self.owner,
                last_fetched_at=now,
                last_error=report.error,
                error_count=errors,
                next_check_at=next_check_after_error(now, errors, source.interval_seconds,
                                                     self._settings.max_backoff),
            )
            return
        note = None
        if report.page_problems:
            count = len(report.page_problems)
            note = (f"{count} article page{'s' if count > 1 else ''} could not be read; "
                    f"first: {report.page_problems[0]}")
        self._store.sources.release(
            source.id, self.owner,
            last_fetched_at=now,
            last_success_at=now,
            last_error=note,
            error_count=0,
            low_quality_count=source.low_quality_count + report.feed_content_only,
            next_check_at=next_check_after_success(now, source.interval_seconds),
        )
