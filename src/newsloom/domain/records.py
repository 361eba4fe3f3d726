"""What storage hands back: plain rows as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsloom.domain.models import Block, Hashtag, body_text


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    feed_url: str
    site_url: str | None
    name: str
    slug: str
    language: str | None
    region: str | None
    interval_seconds: int
    etag: str | None
    last_modified: str | None
    next_check_at: datetime
    last_fetched_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    error_count: int
    low_quality_count: int
    boilerplate_profile: str | None
    created_at: datetime
    article_count: int = 0


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article ready to be stored (the ingest pipeline's output)."""

    source_id: int
    guid: str
    url: str
    canonical_url: str
    title: str
    slug: str
    author: str | None
    published_at: datetime
    updated_at: datetime | None
    fetched_at: datetime
    blocks: tuple[Block, ...]
    lead_image: str | None
    language: str | None
    description: str | None
    extraction_score: float
    status: str
    status_note: str | None
    content_hash: str | None
    fingerprint: str | None
    originator: str | None
    is_opinion: bool
    hashtags: tuple[Hashtag, ...]
    band_keys: tuple[str, ...] = ()
    """LSH band keys of the text's minhash (stored beside the article to find near copies)."""

    @property
    def text(self) -> str:
        return body_text(self.blocks)


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    source_id: int
    source_name: str
    source_slug: str
    guid: str
    url: str
    canonical_url: str
    title: str
    slug: str
    author: str | None
    published_at: datetime
    updated_at: datetime | None
    fetched_at: datetime
    text: str
    blocks: tuple[Block, ...]
    lead_image: str | None
    language: str | None
    description: str | None
    extraction_score: float
    status: str
    status_note: str | None
    content_hash: str | None
    fingerprint: str | None
    story_id: int | None
    duplicate_of: int | None
    originator: str | None
    is_opinion: bool
    hashtags: tuple[Hashtag, ...] = ()
    duplicate_kind: str | None = None
    """With duplicate_of: "exact", "near_duplicate" or "edited" (pipeline.dedup.DuplicateKind)."""


@dataclass(frozen=True, slots=True)
class ArticleCard:
    """What a listing shows of an article: outlet, time, title, a clean snippet."""

    id: int
    slug: str
    title: str
    source_name: str
    source_slug: str
    published_at: datetime
    snippet: str
    lead_image: str | None
    story_id: int | None


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    article_id: int
    author_name: str
    body: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredCopy:
    """An article as duplicate detection sees it: its text, and the copy it is linked to."""

    id: int
    title: str
    text: str
    published_at: datetime
    source_name: str
    originator: str | None
    duplicate_of: int | None
    duplicate_kind: str | None


@dataclass(frozen=True, slots=True)
class RelatedRow:
    """What related-article typing needs of a stored article."""

    id: int
    story_id: int | None
    source_name: str
    published_at: datetime
    is_opinion: bool
    hashtags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RelatedPool:
    """The stored articles that may be related to one article, as storage finds them: its own
    story's and linked stories' members and those sharing hashtags (copies replaced by the copy
    they republish), and the follow-up links between those stories."""

    rows: list[RelatedRow]
    follows: dict[int, int | None]
    """story id -> the story it follows up (None when it follows none)."""
    story_outlets: int
    """Outlets that covered the article's own story (copies included)."""
