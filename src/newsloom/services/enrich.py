"""Per-article enrichment around storage: extraction, hashtags, duplicate fingerprints, and what
happens once an article has its id: its story, and its copies (exact or near, found through
shared LSH band keys) linked to the one copy shown for the group."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsloom.adapters.http import FetchResult
from newsloom.domain.models import Extracted
from newsloom.domain.records import NewArticle, Source, StoredCopy
from newsloom.errors import NewsloomError
from newsloom.pipeline import dedup
from newsloom.pipeline.assemble import PageOutcome
from newsloom.pipeline.extract import SiteProfile, extract
from newsloom.pipeline.hashtags import article_hashtags
from newsloom.services.stories import StoryAssigner

if TYPE_CHECKING:
    from newsloom.storage.store import Store

MAX_HASHTAGS = 8
HEADLINE_TOPICS = 2
"""Plain-word topics an article page shows: those its headline names, at most this many."""
DUPLICATE_WINDOW = timedelta(days=7)
"""Near copies are looked for among articles published this close to the new one (exact
copies, found by their content hash, at any distance)."""
MIN_COPY_WORDS = 30
"""Shorter texts (a headline, a teaser) are never linked as copies: too many look alike."""


class Enricher:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._stories = StoryAssigner(store.stories)

    def extract(self, body: bytes, url: str, profile: SiteProfile | None = None) -> Extracted:
        return extract(body, url, profile=profile)

    def read_pages(self, source: Source, pages: Sequence[FetchResult | str],
                   now: datetime) -> list[PageOutcome]:
        """Extract a poll's pages (a fetched page, or why it could not be fetched). The outlet's
        boilerplate is learned from its recent pages, these included, and removed from them."""
        first = [self._extract_one(page, None) for page in pages]
        fingerprints = [o.extracted.fingerprints for o in first if o.extracted is not None]
        self._store.site_pages.add(source.id, fingerprints, now)
        profile = SiteProfile.learn(self._store.site_pages.recent(source.id))
        if profile.boilerplate:
            self._store.sources.update(source.id, boilerplate_profile=profile.to_json())
        outcomes = []
        for page, outcome in zip(pages, first, strict=True):
            extracted = outcome.extracted
            if extracted is not None and profile.boilerplate.intersection(extracted.fingerprints):
                outcome = self._extract_one(page, profile)
            outcomes.append(outcome)
        return outcomes

    def _extract_one(self, page: FetchResult | str, profile: SiteProfile | None) -> PageOutcome:
        if isinstance(page, str):
            return PageOutcome(problem=page)
        try:
            return PageOutcome(final_url=page.url,
                               extracted=self.extract(page.body, page.url, profile))
        except NewsloomError as exc:
            return PageOutcome(final_url=page.url, problem=exc.message)

    def enrich(self, article: NewArticle) -> NewArticle:
        text = article.text
        tags = article_hashtags(article.title, text, language=article.language,
                                limit=MAX_HASHTAGS, topics=HEADLINE_TOPICS)
        print_ = dedup.fingerprint(article.title, text)
        return dataclasses.replace(
            article,
            hashtags=tuple(tags),
            content_hash=print_.content_hash,
            fingerprint=f"{print_.simhash & 0xFFFFFFFFFFFFFFFF:016x}",
            originator=dedup.detect_originator(text, article.author),
            band_keys=print_.band_keys,
        )

    def after_insert(self, article_id: int, article: NewArticle) -> None:
        self._stories.assign(article_id, article.title, article.text, article.published_at)
        self.link_copies(article_id, article)

    def link_copies(self, article_id: int, article: NewArticle) -> None:
        """Compare the new article with the stored ones sharing a band key (or its content
        hash); when it is a copy of some, make the group's earliest copy the one shown and
        link every other member to it, with the kind of copy each is."""
        when = article.published_at
        found = self._store.duplicates.candidates(
            article_id, article.band_keys, article.content_hash,
            since=when - DUPLICATE_WINDOW, until=when + DUPLICATE_WINDOW)
        if not found:
            return  # most articles: no fingerprint needed beyond the band keys stored with it
        mine = dedup.fingerprint(article.title, article.text)
        if mine.length < MIN_COPY_WORDS:
            return
        members = {m.id: m for m in self._store.duplicates.groups([article_id, *found])}
        prints = _Prints(members)
        prints.known[article_id] = mine
        matched = [i for i in found
                   if i in members and dedup.compare(mine, prints[i]).is_duplicate]
        if not matched:
            return
        roots = {members[i].duplicate_of or i for i in matched}
        group = [m for m in members.values()
                 if m.id == article_id or m.id in roots or m.duplicate_of in roots]
        shown = int(dedup.choose_canonical([_copy(m) for m in group]).id)
        links: list[tuple[int, int | None, str | None]] = []
        for member in group:
            want: tuple[int | None, str | None] = (None, None)
            if member.id != shown:
                verdict = dedup.compare(prints[member.id], prints[shown])
                kind = verdict.kind if verdict.is_duplicate else dedup.DuplicateKind.EDITED
                want = (shown, kind.value)
            if (member.duplicate_of, member.duplicate_kind) != want:
                links.append((member.id, *want))
        self._store.duplicates.link(links)


class _Prints:
    """Fingerprints of stored copies, made from their text when first needed."""

    def __init__(self, members: dict[int, StoredCopy]) -> None:
        self._members = members
        self.known: dict[int, dedup.Fingerprint] = {}

    def __getitem__(self, article_id: int) -> dedup.Fingerprint:
        if article_id not in self.known:
            m = self._members[article_id]
            self.known[article_id] = dedup.fingerprint(m.title, m.text)
        return self.known[article_id]


def _copy(member: StoredCopy) -> dedup.Copy:
    # zero-padded ids, so that the smallest id also sorts first as text
    return dedup.Copy(id=f"{member.id:012d}", published=member.published_at,
                      source=member.source_name, originator=member.originator)
