"""When a feed is next due: its own interval when healthy, exponential backoff on errors."""

from __future__ import annotations

from datetime import datetime, timedelta


def next_check_after_success(now: datetime, interval_seconds: int) -> datetime:
    return now + timedelta(seconds=interval_seconds)


def backoff_seconds(error_count: int, interval_seconds: int, max_backoff: int) -> int:
    """Doubles the interval for each consecutive error (1st error: interval, 2nd: 2x, ...),
    never longer than max_backoff."""
    if error_count <= 0:
        return interval_seconds
    exponent = min(error_count - 1, 20)
    return int(min(interval_seconds * (2**exponent), max_backoff))


def next_check_after_error(
    now: datetime, error_count: int, interval_seconds: int, max_backoff: int
) -> datetime:
    return now + timedelta(seconds=backoff_seconds(error_count, interval_seconds, max_backoff))
