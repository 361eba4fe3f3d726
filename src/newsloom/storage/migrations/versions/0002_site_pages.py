"""site pages: the block fingerprints of each outlet's recent pages, to learn its boilerplate

Revision ID: 0002_site_pages
Revises: 0001_initial
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import newsloom.storage.types

revision = "0002_site_pages"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("fingerprints", sa.Text(), nullable=False),
        sa.Column("seen_at", newsloom.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_site_pages_source", "site_pages", ["source_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_site_pages_source", table_name="site_pages")
    op.drop_table("site_pages")
