"""topic hashtag keys fold plurals: #Flood and #Floods are one hashtag page

Revision ID: 0005_hashtag_keys
Revises: 0004_duplicates
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0005_hashtag_keys"
down_revision = "0004_duplicates"
branch_labels = None
depends_on = None

_TABLE = sa.table(
    "article_hashtags",
    sa.column("article_id", sa.Integer),
    sa.column("tag_key", sa.String),
    sa.column("tag", sa.String),
    sa.column("kind", sa.String),
)


_IE_NOUNS = (
    "movie", "cookie", "calorie", "zombie", "rookie", "selfie", "hippie", "goalie", "genie",
    "prairie", "smoothie", "brownie", "freebie", "newbie", "veggie", "auntie", "bookie",
    "birdie", "hoodie",
)


def _folded(tag: str, kind: str) -> str:
    """newsloom.domain.models.hashtag_key as of this revision (kept here: a migration must not
    change when the code does)."""
    key = tag.lower()
    if kind != "topic":
        return key
    if key.endswith(("series", "species")):
        return key
    if key.endswith("ies") and len(key) > 5:
        return key[:-1] if key[:-1].endswith(_IE_NOUNS) else key[:-3] + "y"
    if key.endswith(("sses", "xes", "ches", "shes")):
        return key[:-2]
    if key.endswith("s") and not key.endswith(("ss", "us", "is")) and len(key) > 4:
        return key[:-1]
    return key


def _lower(tag: str, kind: str) -> str:
    return tag.lower()


def _rekey(key_of: Callable[[str, str], str]) -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_TABLE.c.article_id, _TABLE.c.tag_key, _TABLE.c.tag, _TABLE.c.kind)
    ).all()
    taken = {(row.article_id, row.tag_key) for row in rows}
    for row in rows:
        new = key_of(row.tag, row.kind)
        if new == row.tag_key:
            continue
        where = sa.and_(_TABLE.c.article_id == row.article_id, _TABLE.c.tag_key == row.tag_key)
        if (row.article_id, new) in taken:
            conn.execute(sa.delete(_TABLE).where(where))  # the article has that tag already
        else:
            conn.execute(sa.update(_TABLE).where(where).values(tag_key=new))
            taken.add((row.article_id, new))
        taken.discard((row.article_id, row.tag_key))


def upgrade() -> None:
    _rekey(_folded)


def downgrade() -> None:
    _rekey(_lower)
