"""When a feed is next due: its interval when healthy, doubled per error, capped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsloom.domain.schedule import (
    backoff_seconds,
    next_check_after_error,
    next_check_after_success,
)

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("errors", "expected"),
    [(0, 900), (1, 900), (2, 1800), (3, 3600), (4, 7200), (5, 14400)],
)
def test_backoff_doubles_per_consecutive_error(errors: int, expected: int) -> None:
    assert backoff_seconds(errors, 900, 86400) == expected


def test_backoff_is_capped() -> None:
    assert backoff_seconds(8, 900, 86400) == 86400
    assert backoff_seconds(10_000, 900, 86400) == 86400
    assert backoff_seconds(3, 900, 1000) == 1000


def test_backoff_never_decreases_as_errors_grow() -> None:
    waits = [backoff_seconds(n, 600, 50_000) for n in range(0, 40)]
    assert waits == sorted(waits)
    assert max(waits) == 50_000


def test_next_check_after_success_is_one_interval_later() -> None:
    assert next_check_after_success(NOW, 900) == NOW + timedelta(minutes=15)


def test_next_check_after_error_uses_backoff() -> None:
    assert next_check_after_error(NOW, 3, 900, 86400) == NOW + timedelta(hours=1)
    assert next_check_after_error(NOW, 50, 900, 86400) == NOW + timedelta(days=1)
