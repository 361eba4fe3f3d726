"""create_app: the scheduler starts and stops with the app."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from newsloom.bootstrap import App
from newsloom.jobs.scheduler import Scheduler
from newsloom.web.app import create_app

pytestmark = pytest.mark.integration


def test_scheduler_runs_with_the_app_and_stops_with_it(fresh_ctx: App) -> None:
    scheduler = Scheduler(fresh_ctx.ingest, tick_seconds=0.05)
    app = create_app(fresh_ctx, scheduler=scheduler)
    with TestClient(app) as client:
        deadline = time.monotonic() + 5
        while scheduler.passes == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert scheduler.passes >= 1
        assert client.get("/api/v1/health").status_code == 200
    stopped_at = scheduler.passes
    time.sleep(0.2)
    assert scheduler.passes == stopped_at


def test_without_a_scheduler_nothing_polls(fresh_ctx: App) -> None:
    app = create_app(fresh_ctx)
    with TestClient(app) as client:
        assert client.get("/").status_code == 200
    assert app.state.scheduler is None
