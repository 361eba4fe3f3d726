"""The story layer's rules on plain data: the ranking key, the trending score, time buckets."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from newsloom.domain.coverage import (
    TagActivity,
    bucket_unit,
    rank_key,
    rank_margin,
    rising_tags,
    story_score,
    timeline,
    trending_score,
)

NOW = datetime(2031, 3, 12, 12, 0, tzinfo=UTC)
SIX_HOURS = timedelta(hours=6)


def test_the_rank_key_orders_stories_like_the_decaying_score() -> None:
    rng = random.Random(7)
    stories = [(rng.randint(1, 40), NOW - timedelta(minutes=rng.randint(0, 20_000)))
               for _ in range(300)]
    by_score = sorted(stories, key=lambda s: -story_score(s[0], s[1], NOW, SIX_HOURS))
    by_key = sorted(stories, key=lambda s: rank_key(s[1], s[0], SIX_HOURS), reverse=True)
    assert by_score == by_key
    later = NOW + timedelta(days=3)  # the order does not change as time passes
    assert sorted(stories, key=lambda s: -story_score(s[0], s[1], later, SIX_HOURS)) == by_key


def test_outlets_are_worth_half_lives() -> None:
    assert story_score(3, NOW - SIX_HOURS, NOW, SIX_HOURS) == pytest.approx(1.5)
    assert rank_key(NOW, 2, SIX_HOURS) == NOW + SIX_HOURS
    assert rank_key(NOW, 1, SIX_HOURS) == NOW
    assert rank_key(NOW, 500, SIX_HOURS) == rank_key(NOW, 32, SIX_HOURS) == NOW + 5 * SIX_HOURS
    assert rank_margin(SIX_HOURS) == 5 * SIX_HOURS


def test_trending_score_examples_from_its_rule() -> None:
    assert trending_score(10, 140) == pytest.approx(0.0)  # steady: ten a day, ten today
    assert trending_score(6, 14) == pytest.approx(5 / 2 ** 0.5)
    assert trending_score(2, 0) == pytest.approx(2.0)
    assert trending_score(30, 280) < trending_score(6, 14), "a rise beats sheer volume"


def test_rising_tags_needs_two_articles_and_a_rise() -> None:
    activity = [TagActivity("Once", "topic", 1, 0), TagActivity("Steady", "topic", 10, 140),
                TagActivity("Falling", "topic", 3, 70), TagActivity("Rising", "place", 6, 14),
                TagActivity("New", "org", 2, 0)]
    tags = rising_tags(activity, 10)
    assert [t.tag for t in tags] == ["Rising", "New"]
    assert tags[0].usual == 1.0
    assert tags[0].explanation == ("6 articles in the last 24 hours; usually 1 a day "
                                   "over the 14 days before")
    assert rising_tags(activity, 1) == tags[:1]


def test_bucket_units_follow_the_span() -> None:
    assert bucket_unit(NOW, NOW + timedelta(hours=48)) == "hour"
    assert bucket_unit(NOW, NOW + timedelta(hours=49)) == "day"
    assert bucket_unit(NOW, NOW + timedelta(days=120)) == "day"
    assert bucket_unit(NOW, NOW + timedelta(days=121)) == "week"


def test_timeline_counts_each_outlet_per_bucket_in_order_of_first_report() -> None:
    points = [
        ("lantern", "Lantern", NOW + timedelta(hours=2, minutes=50)),
        ("harbour", "Harbour", NOW + timedelta(minutes=5)),
        ("harbour", "Harbour", NOW + timedelta(minutes=55)),
        ("lantern", "Lantern", NOW + timedelta(hours=2, minutes=10)),
        ("ledger", "Ledger", NOW + timedelta(hours=1)),
    ]
    t = timeline(points)
    assert t.unit == "hour"
    assert t.starts == tuple(NOW + timedelta(hours=h) for h in range(3))
    assert [(s.key, s.counts) for s in t.series] == [
        ("harbour", (2, 0, 0)), ("ledger", (0, 1, 0)), ("lantern", (0, 0, 2))]
    assert t.totals() == (2, 1, 2) and t.peak == 2


def test_long_stories_count_by_day_then_by_week() -> None:
    days = timeline([("a", "A", NOW), ("a", "A", NOW + timedelta(days=9, hours=3)),
                     ("b", "B", NOW + timedelta(days=9, hours=20))])
    assert days.unit == "day" and len(days.starts) == 11  # 12 to 22 March
    assert days.starts[0] == NOW.replace(hour=0) and days.series[1].counts[-1] == 1
    weeks = timeline([("a", "A", NOW), ("a", "A", NOW + timedelta(days=200))])
    assert weeks.unit == "week" and weeks.starts[0].weekday() == 0
    assert sum(weeks.series[0].counts) == 2
    assert timeline([]).series == ()
