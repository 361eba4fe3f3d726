"""What every command shares: the settings from the environment and the built App."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

import click
from sqlalchemy.exc import DBAPIError

from newsloom.bootstrap import App, build
from newsloom.config import Settings
from newsloom.domain.records import Source
from newsloom.domain.text import relative_time
from newsloom.errors import ConfigError, InvalidInput
from newsloom.services.ingest import PollReport

T = TypeVar("T")


def settings(**overrides: Any) -> Settings:
    return Settings.from_env(**overrides)


@contextmanager
def opened(config: Settings) -> Iterator[App]:
    try:
        app = build(config)
    except DBAPIError as exc:
        raise database_error(config.database_url, exc) from None
    try:
        yield app
    finally:
        app.close()


def database_error(url: str, exc: DBAPIError) -> ConfigError:
    """An unreachable or unopenable database, in one line and without its password."""
    shown = re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", url)
    reason = (str(exc.orig).strip() or type(exc.orig).__name__).splitlines()[0]
    return ConfigError(f"cannot open the database {shown} ({reason})")


def written(path: str, write: Callable[[], T]) -> T:
    """Run `write`, turning a file that cannot be written into one plain error line."""
    try:
        return write()
    except OSError as exc:
        raise InvalidInput(f"cannot write {path} ({exc.strerror or exc})") from None


def ago(moment: datetime | None, now: datetime) -> str:
    return "never" if moment is None else relative_time(moment, now)


def describe(report: PollReport) -> str:
    name = report.source.name
    if report.busy:
        return f"{name}: being polled by another process, skipped"
    if report.error:
        return f"{name}: FAILED — {report.error}"
    if report.not_modified:
        return f"{name}: not modified since last poll"
    parts = [f"{report.new_articles} new"]
    if report.feed_content_only:
        parts.append(f"{report.feed_content_only} with the feed's text only")
    if report.skipped:
        parts.append(f"{report.skipped} already stored")
    if report.page_problems:
        parts.append(f"{len(report.page_problems)} page(s) unreadable")
    return f"{name}: " + ", ".join(parts)


def _source_name(source: Source | None) -> str | None:
    return source.name[:30] if source else None


def ingest_with_progress(app: App) -> list[PollReport]:
    sources = app.sources.list()
    reports: list[PollReport] = []
    with click.progressbar(
        sources, label="Polling feeds", show_pos=True, file=sys.stderr,
        item_show_func=_source_name,
    ) as bar:
        for source in bar:
            reports.append(app.ingest.poll(source))
    return reports
