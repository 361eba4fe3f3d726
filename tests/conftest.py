"""Shared fixtures: the sample news site, and databases — SQLite always, PostgreSQL too when
NEWSLOOM_TEST_POSTGRES_URL names a server (CI sets it). Each pytest-xdist worker gets its own
PostgreSQL database, made fresh for the run."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from newsloom.bootstrap import App, build
from newsloom.config import Settings
from newsloom.demo.site import DemoSite
from newsloom.storage.db import normalize_url

POSTGRES_URL = os.environ.get("NEWSLOOM_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


@pytest.fixture(scope="session")
def demo_site() -> Iterator[DemoSite]:
    with DemoSite() as site:
        yield site


def _postgres_database(name: str) -> str:
    assert POSTGRES_URL
    admin = create_engine(normalize_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base = normalize_url(POSTGRES_URL).rsplit("/", 1)[0]
    return f"{base}/{name}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'newsloom.db'}"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return _postgres_database(f"newsloom_test_{worker}_{uuid.uuid4().hex[:8]}")


def test_settings(database_url: str, **overrides: object) -> Settings:
    return Settings.from_env({}, database_url=database_url, fetch_timeout=5.0, **overrides)


@pytest.fixture
def make_app(database_url: str) -> Iterator[Callable[..., App]]:
    """Builds Apps on the test database (several may share it, like several processes)."""
    apps: list[App] = []

    def make(**overrides: object) -> App:
        app = build(test_settings(database_url, **overrides))
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()
