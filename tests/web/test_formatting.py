"""Relative times, exact times, body grouping, story grouping: plain functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsloom.domain.models import Block, BlockKind
from newsloom.domain.records import ArticleCard
from newsloom.domain.text import plural, relative_time
from newsloom.web.formatting import body_parts, exact_time, group_by_story, iso_time

NOW = datetime(2026, 11, 26, 14, 5, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ago", "expected"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(seconds=-90), "just now"),  # a clock a little ahead of ours
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=42), "42 minutes ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(hours=3, minutes=59), "3 hours ago"),
        (timedelta(hours=23), "23 hours ago"),
        (timedelta(hours=30), "yesterday"),
        (timedelta(days=2), "2 days ago"),
        (timedelta(days=6), "6 days ago"),
        (timedelta(days=10), "16 Nov"),
        (timedelta(days=400), "22 Oct 2025"),
        (timedelta(days=-3), "29 Nov 2026"),  # a date in the future reads as a date
    ],
)
def test_relative_time(ago: timedelta, expected: str) -> None:
    assert relative_time(NOW - ago, NOW) == expected


def test_relative_time_counts_calendar_days_after_a_day() -> None:
    late = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    assert relative_time(late, datetime(2026, 11, 26, 1, 0, tzinfo=UTC)) == "2 days ago"


def test_naive_and_other_zones_are_read_as_utc() -> None:
    naive = datetime(2026, 11, 26, 11, 5)
    assert relative_time(naive, NOW) == "3 hours ago"
    paris = datetime(2026, 11, 26, 15, 5, tzinfo=timezone(timedelta(hours=1)))
    assert exact_time(paris) == "26 Nov 2026, 14:05 UTC"
    assert iso_time(paris) == "2026-11-26T14:05:00Z"


def test_exact_time() -> None:
    assert exact_time(NOW) == "26 Nov 2026, 14:05 UTC"
    assert exact_time(datetime(2026, 3, 4, 9, 7, tzinfo=UTC)) == "4 Mar 2026, 09:07 UTC"


def test_plural() -> None:
    assert plural(1, "feed") == "1 feed"
    assert plural(3, "feed") == "3 feeds"
    assert plural(0, "story", "stories") == "0 stories"
    assert plural(1200, "article") == "1,200 articles"


def test_body_parts_group_list_items_and_keep_indexes() -> None:
    blocks = (
        Block(BlockKind.PARAGRAPH, "one"),
        Block(BlockKind.LIST_ITEM, "a"),
        Block(BlockKind.LIST_ITEM, "b"),
        Block(BlockKind.HEADING, "head"),
        Block(BlockKind.CAPTION, "cap"),
        Block(BlockKind.LIST_ITEM, "c"),
    )
    parts = body_parts(blocks)
    assert [p.kind for p in parts] == ["p", "list", "h", "caption", "list"]
    assert [i for i, _ in parts[1].items] == [1, 2]
    assert parts[2].index == 3 and parts[2].text == "head"
    assert [i for i, _ in parts[4].items] == [5]


def _card(id_: int, story: int | None) -> ArticleCard:
    return ArticleCard(id=id_, slug=f"s{id_}", title=f"t{id_}", source_name=f"o{id_}",
                       source_slug=f"o{id_}", published_at=NOW, snippet="", lead_image=None,
                       story_id=story)


def test_group_by_story_folds_later_copies_into_the_first() -> None:
    groups = group_by_story([_card(1, 7), _card(2, None), _card(3, 7), _card(4, 8), _card(5, 7)])
    assert [(g.lead.id, [c.id for c in g.also]) for g in groups] == [
        (1, [3, 5]), (2, []), (4, []),
    ]
