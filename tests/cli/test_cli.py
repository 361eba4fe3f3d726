"""The real `newsloom` console script in subprocesses, against the demo site served from this
process: what a user types and what they see. Each run costs about half a second or more, so one
module-wide database is subscribed and ingested once and most tests read it."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from newsloom.demo.model import DemoOutlet
from newsloom.demo.site import DemoSite
from newsloom.pipeline.opml import parse_opml

pytestmark = pytest.mark.integration

NEWSLOOM = Path(sys.executable).with_name("newsloom")
EXPORT_KEYS = ["url", "canonical_url", "title", "author", "published", "outlet", "text",
               "hashtags"]


def run(database: Path, *args: str, cwd: Path | None = None,
        **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLOOM_")}
    environ.update({"NEWSLOOM_DATABASE_URL": f"sqlite:///{database}", **env})
    return subprocess.run(
        [str(NEWSLOOM), *args], capture_output=True, text=True, env=environ,
        cwd=cwd or database.parent, timeout=120, check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def fails_plainly(result: subprocess.CompletedProcess[str]) -> str:
    """The one `error: ...` line a failing command prints; no traceback, exit status 1."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    return lines[0]


@dataclass
class Subscribed:
    database: Path
    feed_outlet: DemoOutlet
    home_outlet: DemoOutlet
    added_feed: str
    added_home: str
    ingested: str

    @property
    def outlets(self) -> list[DemoOutlet]:
        return [self.feed_outlet, self.home_outlet]


@pytest.fixture(scope="module")
def subscribed(tmp_path_factory: pytest.TempPathFactory, demo_site: DemoSite) -> Subscribed:
    """A database with one feed added by its URL and one by its home page, ingested once."""
    database = tmp_path_factory.mktemp("cli") / "newsloom.db"
    feed_outlet = next(o for o in demo_site.outlets if not o.discovered)
    home_outlet = next(o for o in demo_site.outlets if o.discovered)
    added_feed = ok(run(database, "feeds", "add", feed_outlet.feed_url))
    added_home = ok(run(database, "feeds", "add", home_outlet.home_url))
    ingested = ok(run(database, "ingest"))
    return Subscribed(database, feed_outlet, home_outlet, added_feed, added_home, ingested)


def _expected_articles(site: DemoSite, outlets: list[DemoOutlet]) -> int:
    return sum(len(site.articles_of(o.slug)) for o in outlets)


def test_feeds_add_by_feed_url_and_by_home_page(subscribed: Subscribed) -> None:
    feed, home = subscribed.feed_outlet, subscribed.home_outlet
    assert subscribed.added_feed == f"Added {feed.name} ({feed.feed_url}) as #1\n"
    assert subscribed.added_home == f"Added {home.name} ({home.feed_url}) as #2\n"


def test_ingest_stores_articles_and_prints_a_summary(
    subscribed: Subscribed, demo_site: DemoSite
) -> None:
    lines = subscribed.ingested.strip().splitlines()
    for outlet in subscribed.outlets:
        assert f"{outlet.name}: {len(demo_site.articles_of(outlet.slug))} new" in lines
    total = _expected_articles(demo_site, subscribed.outlets)
    assert lines[-1].startswith(f"{total} new articles from 2 feeds in ")
    assert lines[-1].endswith(" s")


def test_feeds_list_shows_health(subscribed: Subscribed, demo_site: DemoSite) -> None:
    out = ok(run(subscribed.database, "feeds", "list"))
    for outlet in subscribed.outlets:
        count = len(demo_site.articles_of(outlet.slug))
        assert f"{outlet.name} — {outlet.feed_url}" in out
        assert f"    {count} articles; last fetch just now; ok" in out
    assert "last error" not in out


def test_export_jsonl(subscribed: Subscribed, demo_site: DemoSite) -> None:
    out = ok(run(subscribed.database, "export", "--format", "jsonl"))
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == _expected_articles(demo_site, subscribed.outlets)
    titles = {a.title for o in subscribed.outlets for a in demo_site.articles_of(o.slug)}
    assert {r["title"] for r in rows} == titles
    for row in rows:
        assert list(row) == EXPORT_KEYS
        assert row["outlet"] in {o.name for o in subscribed.outlets}
        assert row["url"].startswith(demo_site.base_url)
        assert "utm_" not in row["canonical_url"]
        assert datetime.fromisoformat(row["published"]).tzinfo is not None
        assert row["text"].strip()
        assert isinstance(row["hashtags"], list)
        assert all(isinstance(t, str) and t.startswith("#") for t in row["hashtags"])


def test_export_csv(subscribed: Subscribed, demo_site: DemoSite) -> None:
    out = ok(run(subscribed.database, "export", "--format", "csv"))
    assert out.splitlines()[0] == ",".join(EXPORT_KEYS)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == _expected_articles(demo_site, subscribed.outlets)
    assert all(r["title"] and r["text"] for r in rows)


def test_opml_export_import_into_a_fresh_database_then_remove(
    subscribed: Subscribed, tmp_path: Path
) -> None:
    opml = ok(run(subscribed.database, "feeds", "export"))
    feeds = parse_opml(opml.encode())
    assert sorted(f.feed_url for f in feeds) == sorted(o.feed_url for o in subscribed.outlets)
    path = tmp_path / "subscriptions.opml"
    path.write_text(opml, encoding="utf-8")

    fresh = tmp_path / "fresh.db"
    out = ok(run(fresh, "feeds", "import", str(path)))
    assert out.strip() == "Imported 2 feeds; 0 were already there; 0 failed."

    gone = subscribed.feed_outlet
    out = ok(run(fresh, "feeds", "remove", gone.feed_url))
    assert out.strip() == f"Removed {gone.name} ({gone.feed_url})"
    listed = ok(run(fresh, "feeds", "list"))
    assert gone.feed_url not in listed
    assert f"{subscribed.home_outlet.name} — {subscribed.home_outlet.feed_url}" in listed
    assert "0 articles; last fetch never; ok" in listed


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_feeds_add_unreachable_fails_plainly(tmp_path: Path) -> None:
    port = _closed_port()
    line = fails_plainly(run(tmp_path / "a.db", "feeds", "add", f"http://127.0.0.1:{port}/f"))
    assert line.startswith(f"error: could not connect to 127.0.0.1:{port}")


def test_feeds_add_not_a_feed_fails_plainly(tmp_path: Path, demo_site: DemoSite) -> None:
    url = demo_site.bad_urls["not_a_feed"]
    line = fails_plainly(run(tmp_path / "a.db", "feeds", "add", url))
    assert line.startswith(f"error: {url} is not a feed")


def test_bad_setting_fails_plainly(tmp_path: Path) -> None:
    line = fails_plainly(run(tmp_path / "a.db", "feeds", "list", NEWSLOOM_PORT="eighty"))
    assert line == "error: NEWSLOOM_PORT='eighty' is not a valid int"


def test_export_to_a_missing_directory_fails_plainly(tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "subs.opml"
    line = fails_plainly(run(tmp_path / "a.db", "feeds", "export", str(target)))
    assert line == f"error: cannot write {target} (No such file or directory)"


def test_migrate_creates_the_schema(tmp_path: Path) -> None:
    database = tmp_path / "migrated.db"
    out = ok(run(database, "migrate"))
    assert out.strip() == f"Database is up to date: sqlite:///{database}"
    with sqlite3.connect(database) as conn:
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert version
    assert {"sources", "articles"} <= tables


def test_demo_without_serving_ingests_and_prints_the_rate(tmp_path: Path) -> None:
    out = ok(run(tmp_path / "demo.db", "demo", "--no-serve", "--demo-port", "0"))
    lines = out.strip().splitlines()
    assert lines[0].startswith("Sample news site running at http://127.0.0.1:")
    last = lines[-1]
    assert last.startswith("Ingested ") and " from 5 feeds in " in last
    assert last.endswith(" articles/s)")
    assert int(last.split()[1]) > 0
    assert "FAILED" not in out
    assert (tmp_path / "demo.db").exists()
    assert not (tmp_path / "newsloom-demo.db").exists()


def test_demo_on_a_busy_port_fails_plainly(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = int(busy.getsockname()[1])
        line = fails_plainly(run(tmp_path / "demo.db", "demo", "--no-serve",
                                 "--demo-port", str(port)))
    assert line.startswith(f"error: cannot start the sample news site on 127.0.0.1:{port} (")
    assert line.endswith("choose another with --demo-port")


def test_demo_refuses_one_port_for_both_sites(tmp_path: Path) -> None:
    line = fails_plainly(run(tmp_path / "demo.db", "demo", "--port", "8765"))
    assert line == (
        "error: newsloom and the sample news site cannot both use port 8765; "
        "choose another with --port or --demo-port"
    )
    assert not (tmp_path / "demo.db").exists()
