"""duplicates: LSH band keys per article, the kind of copy an article is, and the indexes that
find an article's copies and a story's follow-ups

Revision ID: 0004_duplicates
Revises: 0003_story_index
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import newsloom.storage.types

revision = "0004_duplicates"
down_revision = "0003_story_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_bands",
        sa.Column("band_key", sa.String(length=24), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("published_at", newsloom.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("band_key", "article_id"),
    )
    op.create_index("ix_article_bands_article", "article_bands", ["article_id"])
    op.add_column("articles", sa.Column("duplicate_kind", sa.String(length=16), nullable=True))
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_index("ix_stories_follow_up_of", "stories", ["follow_up_of"])


def downgrade() -> None:
    op.drop_index("ix_stories_follow_up_of", table_name="stories")
    op.drop_index("ix_articles_duplicate_of", table_name="articles")
    op.drop_column("articles", "duplicate_kind")  # SQLite 3.35+ drops columns in place
    op.drop_index("ix_article_bands_article", table_name="article_bands")
    op.drop_table("article_bands")
