"""story index: term document frequencies and the terms under which each story is found

Revision ID: 0003_story_index
Revises: 0002_site_pages
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_story_index"
down_revision = "0002_site_pages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "term_stats",
        sa.Column("term", sa.String(length=120), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )
    op.create_table(
        "story_terms",
        sa.Column("term", sa.String(length=120), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("term", "story_id"),
    )


def downgrade() -> None:
    op.drop_table("story_terms")
    op.drop_table("term_stats")
