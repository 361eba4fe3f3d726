"""Helpers shared by the web tests (importable: pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsloom.bootstrap import App, build
from newsloom.config import Settings
from newsloom.demo.site import DemoSite

BROKEN_FEED_NAME = "Broken Feed"


@dataclass(frozen=True)
class Ingested:
    """The session's ingested database and the sample site it came from."""

    path: Path
    site: DemoSite


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def open_app(path: Path, *, migrate: bool = True) -> App:
    settings = Settings.from_env({}, database_url=f"sqlite:///{path}", fetch_timeout=5.0)
    return build(settings, run_migrations=migrate)


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API (the WAL is included)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def browser_unavailable(why: str) -> None:
    """No browser here: skip on a developer machine, but fail in CI (the CI variable is set),
    where a browser test that silently skips would hide a broken page."""
    if os.environ.get("CI"):
        pytest.fail(f"the browser test must run in CI: {why}")
    pytest.skip(why)
