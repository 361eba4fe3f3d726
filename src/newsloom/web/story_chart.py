"""The geometry of a story's coverage chart: one row per outlet, one bar per time bucket with
articles, drawn by the template as inline SVG (no script, nothing fetched). Also the words a
screen reader hears and the rows of the table shown beside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsloom.domain.coverage import Timeline
from newsloom.domain.text import plural

WIDTH = 720
LABEL_WIDTH = 160
RIGHT_PAD = 12
TOP = 10
ROW_HEIGHT = 30
BAR_SPACE = 22
AXIS_HEIGHT = 30
MAX_TICKS = 6
LABEL_CHARS = 22
MAX_BAR_WIDTH = 48.0

_UNIT_WORDS = {"hour": "hour", "day": "day", "week": "week"}


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    title: str


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    name: str
    label: str
    """The name, shortened to fit beside the plot (the full name is in the row's title)."""
    total: int
    label_y: float
    baseline_y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True, slots=True)
class ChartView:
    width: int
    height: float
    plot_left: float
    plot_right: float
    axis_y: float
    unit: str
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    title: str
    desc: str
    table: tuple[TableRow, ...]
    """Only the buckets with articles."""


def bucket_label(start: datetime, unit: str) -> str:
    if unit == "hour":
        return f"{start.day} {start:%b %H:%M}"
    if unit == "day":
        return f"{start.day} {start:%b}"
    return f"week of {start.day} {start:%b}"


def _bucket_range(start: datetime, unit: str) -> str:
    if unit == "hour":
        return f"{start.day} {start:%b}, {start:%H}:00–{(start.hour + 1) % 24:02d}:00 UTC"
    if unit == "day":
        return f"{start.day} {start:%b %Y}"
    return f"week of {start.day} {start:%b %Y}"


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def chart_view(timeline: Timeline) -> ChartView:
    starts = timeline.starts
    n = max(len(starts), 1)
    plot_left, plot_right = float(LABEL_WIDTH), float(WIDTH - RIGHT_PAD)
    cell = (plot_right - plot_left) / n
    peak = max(timeline.peak, 1)
    bar_width = max(min(cell - 2 * min(1.0, cell * 0.1), MAX_BAR_WIDTH), 1.0)
    rows = []
    for i, series in enumerate(timeline.series):
        baseline = TOP + (i + 1) * ROW_HEIGHT
        bars = tuple(
            Bar(
                x=round(plot_left + j * cell + (cell - bar_width) / 2, 2),
                y=round(baseline - max(count / peak * BAR_SPACE, 3.0), 2),
                width=round(bar_width, 2),
                height=round(max(count / peak * BAR_SPACE, 3.0), 2),
                count=count,
                title=f"{series.name}: {plural(count, 'article')}, "
                      f"{_bucket_range(starts[j], timeline.unit)}",
            )
            for j, count in enumerate(series.counts)
            if count
        )
        rows.append(Row(series.key, series.name, _short(series.name), series.total,
                        label_y=baseline - 6, baseline_y=baseline, bars=bars))
    axis_y = TOP + len(rows) * ROW_HEIGHT + 4
    every = -(-len(starts) // MAX_TICKS) if starts else 1
    ticks = tuple(Tick(round(plot_left + (j + 0.5) * cell, 2), bucket_label(s, timeline.unit))
                  for j, s in enumerate(starts) if j % every == 0)
    unit = _UNIT_WORDS[timeline.unit]
    totals = timeline.totals()
    table = tuple(
        TableRow(bucket_label(s, timeline.unit),
                 tuple(series.counts[j] for series in timeline.series), totals[j])
        for j, s in enumerate(starts) if totals[j]
    )
    if starts:
        busiest = max(range(len(starts)), key=lambda j: (totals[j], -j))
        span = (f"from {bucket_label(starts[0], timeline.unit)} "
                f"to {bucket_label(starts[-1], timeline.unit)} (UTC)")
        outlets = "; ".join(f"{s.name}: {plural(s.total, 'article')}" for s in timeline.series)
        desc = (f"Articles per {unit} {span}, one row per outlet. {outlets}. The busiest {unit} "
                f"was {_bucket_range(starts[busiest], timeline.unit)} with "
                f"{plural(totals[busiest], 'article')}.")
    else:
        desc = "No articles."
    return ChartView(
        width=WIDTH, height=axis_y + AXIS_HEIGHT, plot_left=plot_left, plot_right=plot_right,
        axis_y=axis_y, unit=unit, rows=tuple(rows), ticks=ticks,
        title=f"Coverage over time: articles per {unit}, by outlet", desc=desc, table=table,
    )
