"""Speed of the reader's story layer on a generated 100,000-article SQLite database: the home
page (stories ranked by outlets and recency), a story page, a hashtag page and the trending
hashtags, beside the previous home query (latest articles, four per outlet).

    .venv/bin/python bench/story_pages.py [--articles 100000] [--db /tmp/newsloom-bench.db]
                                          [--runs 7] [--keep]

The data is invented and written straight through the store's tables (no clustering): 60
outlets, 120 days, about 55% of articles alone in their story and the rest in stories of 2 to
120 articles across outlets; 3 to 6 hashtags per article drawn from a Zipf-like vocabulary of
6,000 tags. Times are the median of --runs after one warm-up, wall and CPU (process time).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newsloom.bootstrap import App, build
from newsloom.config import Settings
from newsloom.storage.schema import article_hashtags, articles, sources, stories

NOW = datetime(2031, 3, 12, 12, 0, tzinfo=UTC)
DAYS = 120
OUTLETS = 60
TAGS = 6000
WORDS = ["harbour", "council", "strike", "ferry", "budget", "election", "court", "minister",
         "port", "fishing", "quota", "tunnel", "storm", "flood", "rescue", "inquiry", "market",
         "energy", "school", "hospital", "union", "vote"]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(app: App, n_articles: int, seed: int = 11) -> dict[str, Any]:
    """Fill an empty store; returns facts the timings use (the biggest story, a common tag)."""
    rng = random.Random(seed)
    engine = app.store.engine
    with engine.begin() as conn:
        conn.execute(sources.insert(), [
            {"id": i + 1, "feed_url": f"https://outlet{i}.example/feed", "name": f"Outlet {i}",
             "slug": f"outlet-{i}", "interval_seconds": 900, "next_check_at": NOW,
             "error_count": 0, "low_quality_count": 0, "created_at": NOW - timedelta(days=DAYS)}
            for i in range(OUTLETS)
        ])  # fmt: skip
    weights = [1 / (k + 1) ** 0.9 for k in range(TAGS)]
    tag_names = [f"Tag{k:04d}" for k in range(TAGS)]
    # stories: sizes until the articles run out
    plan: list[int] = []
    left = n_articles
    while left > 0:
        size = 1 if rng.random() < 0.72 else min(int(rng.paretovariate(1.3)) + 1, 120)
        size = min(size, left)
        plan.append(size)
        left -= size
    state = json.dumps({"centroid": {f"term{k}": round(rng.random(), 4) for k in range(120)},
                        "norm": 1.0, "size": 1}, separators=(",", ":"))
    story_rows: list[dict[str, Any]] = []
    article_rows: list[dict[str, Any]] = []
    tag_rows: list[dict[str, Any]] = []
    biggest = (0, 0)
    article_id = 0
    for story_id, size in enumerate(plan, start=1):
        start = NOW - timedelta(minutes=rng.uniform(0, DAYS * 24 * 60))
        spread = timedelta(hours=rng.uniform(1, 72)) if size > 1 else timedelta(0)
        times = sorted(min(start + spread * rng.random(), NOW) for _ in range(size))
        outlets = [rng.randrange(OUTLETS) + 1 for _ in range(size)]
        story_tags = rng.choices(range(TAGS), weights, k=3)
        for when, outlet in zip(times, outlets, strict=True):
            article_id += 1
            body = _text(rng, 220)
            article_rows.append({
                "id": article_id, "source_id": outlet, "guid": f"g{article_id}",
                "url": f"https://outlet{outlet}.example/a/{article_id}",
                "canonical_url": f"https://outlet{outlet}.example/a/{article_id}",
                "title": _text(rng, 9), "slug": f"a-{article_id}", "published_at": when,
                "fetched_at": when, "text": body, "blocks": json.dumps([["p", body]]),
                "extraction_score": 0.9, "status": "ok", "story_id": story_id,
                "is_opinion": rng.random() < 0.05,
            })  # fmt: skip
            own = {*story_tags[: rng.randint(1, 3)], *rng.choices(range(TAGS), weights, k=3)}
            tag_rows += [{"article_id": article_id, "tag_key": tag_names[k].lower(),
                          "tag": tag_names[k], "kind": "topic", "score": 1.0,
                          "published_at": when} for k in own]
        story_rows.append({
            "id": story_id, "title": "story", "first_at": times[0], "last_at": times[-1],
            "article_count": size, "outlet_count": len(set(outlets)), "state": state,
        })  # fmt: skip
        biggest = max(biggest, (size, story_id))
    with engine.begin() as conn:
        for chunk in range(0, len(story_rows), 5000):
            conn.execute(stories.insert(), story_rows[chunk:chunk + 5000])
    with engine.begin() as conn:
        for chunk in range(0, len(article_rows), 2000):
            conn.execute(articles.insert(), article_rows[chunk:chunk + 2000])
    with engine.begin() as conn:
        for chunk in range(0, len(tag_rows), 10000):
            conn.execute(article_hashtags.insert(), tag_rows[chunk:chunk + 10000])
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    typical = next(i for i, s in enumerate(plan, start=1) if s == 4)
    return {"stories": len(plan), "articles": article_id, "hashtag_rows": len(tag_rows),
            "biggest_story": biggest[1], "biggest_size": biggest[0], "typical_story": typical,
            "common_tag": tag_names[0], "mid_tag": tag_names[300]}


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds over `runs`, after one warm-up call."""
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsloom-bench-stories.db"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="reuse the database if it exists")
    args = parser.parse_args(argv)
    fresh = not (args.keep and args.db.exists())
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    settings = Settings.from_env({}, database_url=f"sqlite:///{args.db}")
    app = build(settings, clock=lambda: NOW)
    facts_path = args.db.with_suffix(".json")
    try:
        if fresh:
            started = time.perf_counter()
            facts = generate(app, args.articles)
            facts_path.write_text(json.dumps(facts))
            print(f"generated in {time.perf_counter() - started:.0f} s: {facts}")
        facts = json.loads(facts_path.read_text())
        size_mb = sum(Path(f"{args.db}{s}").stat().st_size for s in ("", "-wal")
                      if Path(f"{args.db}{s}").exists()) / 1e6
        print(f"database: {args.db} ({size_mb:.0f} MB), {facts['articles']:,} articles, "
              f"{facts['stories']:,} stories, {facts['hashtag_rows']:,} hashtag rows")
        half_life = app.stories.half_life
        rows: list[tuple[str, Callable[[], object]]] = [
            ("home page 1 (StoryPages.home)", lambda: app.stories.home(1)),
            ("home page 5", lambda: app.stories.home(5)),
            ("  its ranking query alone, page 1", lambda: app.store.stories.ranked(
                limit=31, offset=0, half_life=half_life, solo_per_outlet=4)),
            ("latest, 4 per outlet (API /articles)", lambda: app.articles.home(1)),
            (f"story page, {facts['biggest_size']} articles",
             lambda: app.stories.story(facts["biggest_story"])),
            ("story page, 4 articles", lambda: app.stories.story(facts["typical_story"])),
            ("  its follow-ups lookup alone", lambda: app.store.stories.follow_ups(
                facts["typical_story"])),
            (f"hashtag page, most used tag #{facts['common_tag']}",
             lambda: app.stories.hashtag(facts["common_tag"])),
            (f"hashtag page, #{facts['mid_tag']}", lambda: app.stories.hashtag(facts["mid_tag"])),
            ("trending hashtags", lambda: app.articles.trending_hashtags()),
        ]
        print(f"\n{'query':44} {'wall ms':>9} {'CPU ms':>9}   (median of {args.runs})")
        for name, fn in rows:
            wall, cpu = timed(fn, args.runs)
            print(f"{name:44} {wall:9.1f} {cpu:9.1f}")
    finally:
        app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
