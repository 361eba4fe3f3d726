"""The tables. SQLAlchemy Core only: rows map to plain dataclasses in the repositories, never
to ORM objects that carry behaviour. Migrations in migrations/versions create exactly these."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from newsloom.storage.types import UTCDateTime

metadata = MetaData()

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_url", String(2048), nullable=False, unique=True),
    Column("site_url", String(2048)),
    Column("name", String(300), nullable=False),
    Column("slug", String(100), nullable=False, unique=True),
    Column("language", String(16)),
    Column("region", String(64)),
    Column("interval_seconds", Integer, nullable=False),
    Column("etag", String(512)),
    Column("last_modified", String(128)),
    Column("next_check_at", UTCDateTime, nullable=False),
    Column("lease_until", UTCDateTime),
    Column("lease_owner", String(100)),
    Column("last_fetched_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("last_error", Text),
    Column("error_count", Integer, nullable=False, default=0),
    Column("low_quality_count", Integer, nullable=False, default=0),
    Column("boilerplate_profile", Text),
    Column("created_at", UTCDateTime, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_at", UTCDateTime, nullable=False),
    Column("last_at", UTCDateTime, nullable=False),
    Column("article_count", Integer, nullable=False, default=0),
    Column("outlet_count", Integer, nullable=False, default=0),
    Column("state", Text),
    Column("follow_up_of", Integer, ForeignKey("stories.id", ondelete="SET NULL")),
    Index("ix_stories_last_at", "last_at"),
    Index("ix_stories_follow_up_of", "follow_up_of"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("guid", String(2048), nullable=False),
    Column("url", String(2048), nullable=False),
    Column("canonical_url", String(2048), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("slug", String(100), nullable=False),
    Column("author", Text),
    Column("published_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("text", Text, nullable=False),
    Column("blocks", Text, nullable=False),
    Column("lead_image", String(2048)),
    Column("language", String(16)),
    Column("description", Text),
    Column("extraction_score", Float, nullable=False, default=0.0),
    Column("status", String(32), nullable=False, default="ok"),
    Column("status_note", Text),
    Column("content_hash", String(64)),
    Column("fingerprint", String(32)),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL")),
    Column("duplicate_of", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("originator", String(200)),
    Column("is_opinion", Boolean, nullable=False, default=False),
    Column("duplicate_kind", String(16)),
    UniqueConstraint("source_id", "guid", name="uq_articles_source_guid"),
    Index("ix_articles_published_at", "published_at"),
    Index("ix_articles_source_published", "source_id", "published_at"),
    Index("ix_articles_story", "story_id"),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_duplicate_of", "duplicate_of"),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("band_key", String(24), primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("published_at", UTCDateTime, nullable=False),
    Index("ix_article_bands_article", "article_id"),
)
"""The LSH band keys of each article's minhash (pipeline.dedup.band_keys): near copies share
at least one, so candidates are found by an indexed lookup instead of a scan."""

article_hashtags = Table(
    "article_hashtags",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_key", String(120), primary_key=True),
    Column("tag", String(120), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("score", Float, nullable=False, default=0.0),
    Column("published_at", UTCDateTime, nullable=False),
    Index("ix_article_hashtags_tag", "tag_key", "published_at"),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("author_name", String(100), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_comments_article", "article_id", "created_at"),
)

ai_results = Table(
    "ai_results",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("provider", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

site_pages = Table(
    "site_pages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("fingerprints", Text, nullable=False),
    Column("seen_at", UTCDateTime, nullable=False),
    Index("ix_site_pages_source", "source_id", "id"),
)

term_stats = Table(
    "term_stats",
    metadata,
    Column("term", String(120), primary_key=True),
    Column("df", Integer, nullable=False),
)
"""Document frequencies of story terms; the row DOCS_TERM counts the documents."""

story_terms = Table(
    "story_terms",
    metadata,
    Column("term", String(120), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
)
