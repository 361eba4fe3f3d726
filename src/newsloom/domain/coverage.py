"""The reader's story layer as plain data and rules: which stories lead (outlets weighed against
age), which hashtags are rising (today against their usual rate), and how a story's coverage
falls into time buckets for its chart."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from newsloom.domain.text import as_utc

OUTLET_WEIGHT_CAP = 32
"""Outlets beyond this many add nothing more to a story's weight (log2(32) = 5 half-lives)."""


# -- records storage hands back ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: int
    title: str
    """The title of the article that started the story (the clusterer stores it)."""
    first_at: datetime
    last_at: datetime
    article_count: int
    outlet_count: int
    follow_up_of: int | None


@dataclass(frozen=True, slots=True)
class RankedEntry:
    """One place in a ranked listing: a story, or an article that no story holds."""

    story_id: int | None
    article_id: int | None
    last_at: datetime
    outlet_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An article of a story, with the two facts a story block is built from."""

    article_id: int
    story_id: int
    source_id: int
    published_at: datetime
    is_first: bool
    """The story's first report: its earliest article that is neither a duplicate of another
    nor an opinion piece (when there is one)."""
    is_outlet_latest: bool
    """This outlet's newest article in the story."""


@dataclass(frozen=True, slots=True)
class TagActivity:
    """How often a hashtag was used recently and before (what the trending rule reads)."""

    tag: str
    kind: str
    recent: int
    """Articles in the recent window."""
    before: int
    """Articles in the baseline period before the window."""


# -- ranking stories ------------------------------------------------------------------------


def outlet_weight(outlets: int) -> float:
    """log2 of the outlet count (capped at OUTLET_WEIGHT_CAP): 0 for one outlet, 1 for two,
    about 1.6 for three. Storage uses the same values in SQL."""
    return math.log2(min(max(outlets, 1), OUTLET_WEIGHT_CAP))


def story_score(outlets: int, last_at: datetime, now: datetime, half_life: timedelta) -> float:
    """How strongly a story claims the top of the home page: its distinct outlets, halved for
    every half-life since its latest article, ``min(outlets, 32) * 0.5 ** (age / half_life)``.

    Ordering by this score is the same as ordering by :func:`rank_key`, which does not depend on
    ``now`` (so the order can be computed in SQL with an index and stays stable over time)."""
    age = (as_utc(now) - as_utc(last_at)) / half_life
    return min(max(outlets, 1), OUTLET_WEIGHT_CAP) * math.pow(0.5, age)


def rank_key(last_at: datetime, outlets: int, half_life: timedelta) -> datetime:
    """The moment a story "counts as": its latest article, moved later by one half-life per
    doubling of its outlets. log2(score) = log2(outlets) - age / half_life, so a higher score
    is a later key. A story three outlets cover, 9 hours old, ties with a single article
    published just now when the half-life is 6 hours."""
    return as_utc(last_at) + half_life * outlet_weight(outlets)


def rank_margin(half_life: timedelta) -> timedelta:
    """How far ahead of its latest article any story's key can be."""
    return half_life * outlet_weight(OUTLET_WEIGHT_CAP)


# -- trending hashtags ----------------------------------------------------------------------

TRENDING_WINDOW = timedelta(hours=24)
TRENDING_BASELINE = timedelta(days=14)
TRENDING_MIN_RECENT = 2
TRENDING_PRIOR = 1.0
"""Pseudo-articles a day added to every tag's usual rate, so that a tag never seen before is
not "infinitely" rising on the strength of a couple of articles."""


@dataclass(frozen=True, slots=True)
class TrendingTag:
    tag: str
    kind: str
    count: int
    """Articles with the tag in the last TRENDING_WINDOW."""
    usual: float
    """Its usual number of articles per TRENDING_WINDOW over the TRENDING_BASELINE before."""
    score: float

    @property
    def explanation(self) -> str:
        usual = f"{self.usual:.1f}".rstrip("0").rstrip(".")
        return (f"{self.count} articles in the last 24 hours; usually {usual} a day "
                f"over the 14 days before")


def trending_score(recent: int, before: int) -> float:
    """A tag is rising when it is used more in the last 24 hours than its usual daily rate over
    the 14 days before. The score is the excess in units of the expected noise, with a prior of
    one article a day: ``(recent - usual) / sqrt(usual + 1)``, usual = before / 14. A steadily
    common tag (10 a day, 10 today) scores 0; a tag going from 1 a day to 6 scores 3.5; a brand
    new tag with 2 articles scores 2 and with 1 article is not shown at all (at least
    TRENDING_MIN_RECENT articles are needed)."""
    usual = before / (TRENDING_BASELINE / TRENDING_WINDOW)
    return (recent - usual) / math.sqrt(usual + TRENDING_PRIOR)


def rising_tags(activity: Iterable[TagActivity], limit: int) -> list[TrendingTag]:
    """The tags used at least TRENDING_MIN_RECENT times in the window and more than usual,
    highest score first (ties: more articles first, then by name)."""
    days = TRENDING_BASELINE / TRENDING_WINDOW
    scored = [
        TrendingTag(a.tag, a.kind, a.recent, a.before / days, trending_score(a.recent, a.before))
        for a in activity
        if a.recent >= TRENDING_MIN_RECENT
    ]
    rising = [t for t in scored if t.score > 0]
    rising.sort(key=lambda t: (-t.score, -t.count, t.tag.lower()))
    return rising[:limit]


# -- a story's coverage over time -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    """The outlet's slug."""
    name: str
    counts: tuple[int, ...]
    """Articles per bucket, one number per bucket."""

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class Timeline:
    unit: str
    """"hour", "day" or "week": the width of one bucket."""
    starts: tuple[datetime, ...]
    """The start of each bucket, in order."""
    series: tuple[Series, ...]
    """One per outlet, in the order the outlets first reported the story."""

    @property
    def step(self) -> timedelta:
        return _STEPS[self.unit]

    @property
    def peak(self) -> int:
        return max((n for s in self.series for n in s.counts), default=0)

    def totals(self) -> tuple[int, ...]:
        return tuple(sum(column) for column in zip(*(s.counts for s in self.series),
                                                   strict=True)) if self.series else ()


_STEPS = {"hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(days=7)}


def bucket_unit(first: datetime, last: datetime) -> str:
    """Hours for a story of up to two days, days up to four months, weeks beyond."""
    span = as_utc(last) - as_utc(first)
    if span <= timedelta(hours=48):
        return "hour"
    if span <= timedelta(days=120):
        return "day"
    return "week"


def bucket_start(moment: datetime, unit: str) -> datetime:
    m = as_utc(moment)
    if unit == "hour":
        return m.replace(minute=0, second=0, microsecond=0)
    day = m.replace(hour=0, minute=0, second=0, microsecond=0)
    return day if unit == "day" else day - timedelta(days=day.weekday())


def timeline(points: Sequence[tuple[str, str, datetime]]) -> Timeline:
    """Count (outlet key, outlet name, published) points into buckets from the first to the
    last; outlets in the order of their first point."""
    if not points:
        return Timeline("hour", (), ())
    ordered = sorted(points, key=lambda p: as_utc(p[2]))
    unit = bucket_unit(ordered[0][2], ordered[-1][2])
    step = _STEPS[unit]
    first = bucket_start(ordered[0][2], unit)
    last = bucket_start(ordered[-1][2], unit)
    starts: list[datetime] = []
    at = first
    while at <= last:
        starts.append(at)
        at += step
    counts: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for key, name, moment in ordered:
        row = counts.setdefault(key, [0] * len(starts))
        names.setdefault(key, name)
        row[int((bucket_start(moment, unit) - first) / step)] += 1
    return Timeline(unit, tuple(starts),
                    tuple(Series(k, names[k], tuple(v)) for k, v in counts.items()))
