"""Speed of the related-articles query (ArticleService.related) as the database grows.

    .venv/bin/python bench/related.py [--sizes 10000,30000,100000] [--samples 200]
                                      [--days 90] [--database-url sqlite:///...]

Generates one invented corpus (outlets, stories with follow-ups, hashtags drawn from a Zipf
vocabulary, copies, opinion pieces) spread over a fixed span of days and stores it through the
store (articles with their hashtags by ArticleRepository.insert; story rows, story membership
and copy links in batches), in a random order, so each size is a random sample of the largest
one and the density per day grows with the size (on PostgreSQL the tables are analysed after
each load, as autovacuum would). At each size it times ArticleService.related
on random stored articles: wall-clock and CPU (process time) p50/p95 in ms, and the mix of
kinds returned. Target: p95 <= 20 ms at 100,000 articles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import bindparam, func, select, text, update

from newsloom.bootstrap import build
from newsloom.config import Settings
from newsloom.domain.models import Block, BlockKind, Hashtag, HashtagKind
from newsloom.domain.records import NewArticle
from newsloom.storage.schema import articles, stories
from newsloom.storage.store import Store

_SYLLABLES = str.split("ka lo mi ren to sa vel dor an is qu ber mar tin el os ra ne gu fa li zo")
_KINDS = [HashtagKind.PERSON, HashtagKind.PLACE, HashtagKind.ORG, HashtagKind.TOPIC]
START = datetime(2026, 1, 1, tzinfo=UTC)


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


@dataclass
class PlannedStory:
    key: int
    start: datetime
    tags: list[str]
    follows: int | None = None
    db_id: int | None = None
    first_article: int | None = None


@dataclass
class Planned:
    story: PlannedStory
    outlet: int
    published: datetime
    tags: list[str]
    opinion: bool
    copy: bool
    title: str
    text: str
    extra: dict[str, str] = field(default_factory=dict)


class Corpus:
    def __init__(self, n: int, days: int, seed: int = 11) -> None:
        rng = self.rng = random.Random(seed)
        self.tags = [_word(rng, rng.randint(2, 4)).capitalize() for _ in range(6_000)]
        self.kinds = {t: rng.choice(_KINDS) for t in self.tags}
        self.filler = [_word(rng, rng.randint(1, 3)) for _ in range(3_000)]
        self.stories: list[PlannedStory] = []
        self.items: list[Planned] = []
        while len(self.items) < n:
            story = self._story(days)
            size = min(1 + int(rng.paretovariate(1.3)), 60)
            for _ in range(size):
                if len(self.items) >= n:
                    break
                self.items.append(self._article(story))
        rng.shuffle(self.items)

    def _zipf_tag(self) -> str:
        return self.tags[min(int(self.rng.paretovariate(0.9)) - 1, len(self.tags) - 1)]

    def _story(self, days: int) -> PlannedStory:
        rng = self.rng
        start = START + timedelta(seconds=rng.uniform(0, days * 86_400))
        tags = list(dict.fromkeys([rng.choice(self.tags), rng.choice(self.tags),
                                   self._zipf_tag()]))
        follows = None
        earlier = [s for s in self.stories[-400:]
                   if timedelta(days=3) < start - s.start < timedelta(days=20)]
        if earlier and rng.random() < 0.1:
            previous = rng.choice(earlier)
            follows = previous.key
            tags = list(dict.fromkeys(previous.tags[:2] + tags))
        story = PlannedStory(len(self.stories), start, tags, follows)
        self.stories.append(story)
        return story

    def _article(self, story: PlannedStory) -> Planned:
        rng = self.rng
        own = rng.sample(story.tags, k=min(len(story.tags), rng.randint(1, 3)))
        tags = list(dict.fromkeys(own + [self._zipf_tag() for _ in range(rng.randint(1, 4))]))
        words = [rng.choice(self.filler) for _ in range(90)]
        return Planned(
            story=story, outlet=rng.randrange(60),
            published=story.start + timedelta(hours=rng.expovariate(1 / 10)),
            tags=tags[:8], opinion=rng.random() < 0.05, copy=rng.random() < 0.05,
            title=" ".join(words[:9]).capitalize(), text=" ".join(words).capitalize() + ".",
        )


class Loader:
    """Stores the planned articles through the store, story rows and links in batches."""

    def __init__(self, store: Store, corpus: Corpus) -> None:
        self.store = store
        self.corpus = corpus
        self.done = 0
        now = START
        self.sources = [
            store.sources.add(feed_url=f"http://127.0.0.1:9/o{i}/feed.xml", name=f"Outlet {i}",
                              slug=f"o{i}", site_url=None, language="en", region=None,
                              interval_seconds=900, now=now).id
            for i in range(60)
        ]

    def load_to(self, n: int) -> None:
        members: list[tuple[int, Planned]] = []
        for i in range(self.done, n):
            p = self.corpus.items[i]
            new = NewArticle(
                source_id=self.sources[p.outlet], guid=f"g{i}",
                url=f"http://127.0.0.1:9/a/{i}", canonical_url=f"http://127.0.0.1:9/a/{i}",
                title=p.title, slug=f"a-{i}", author=None, published_at=p.published,
                updated_at=None, fetched_at=p.published,
                blocks=(Block(BlockKind.PARAGRAPH, p.text),), lead_image=None, language="en",
                description=None, extraction_score=1.0, status="ok", status_note=None,
                content_hash=None, fingerprint=None, originator=None, is_opinion=p.opinion,
                hashtags=tuple(Hashtag(t, self.corpus.kinds[t], 1.0 - k / 10)
                               for k, t in enumerate(p.tags)),
            )
            article_id = self.store.articles.insert(new)
            assert article_id is not None
            members.append((article_id, p))
        self.done = n
        self._stories(members)

    def _stories(self, members: list[tuple[int, Planned]]) -> None:
        with self.store.engine.begin() as conn:
            for _, p in members:
                s = p.story
                if s.db_id is None:
                    s.db_id = int(conn.execute(
                        stories.insert().values(title=f"story {s.key}", first_at=s.start,
                                                last_at=s.start, article_count=0,
                                                outlet_count=0, state="{}")
                        .returning(stories.c.id)).scalar_one())
            for _, p in members:
                s = p.story
                if s.follows is not None:
                    earlier = self.corpus.stories[s.follows].db_id
                    if earlier is not None:
                        conn.execute(update(stories).where(stories.c.id == s.db_id)
                                     .values(follow_up_of=earlier))
            rows = []
            for article_id, p in members:
                copy_of = p.story.first_article if p.copy else None
                if p.story.first_article is None:
                    p.story.first_article = article_id
                rows.append({"i": article_id, "s": p.story.db_id, "d": copy_of,
                             "k": "edited" if copy_of else None})
            conn.execute(
                update(articles).where(articles.c.id == bindparam("i"))
                .values(story_id=bindparam("s"), duplicate_of=bindparam("d"),
                        duplicate_kind=bindparam("k")),
                rows,
            )
            counts = (
                select(articles.c.story_id, func.count(), func.count(func.distinct(
                    articles.c.source_id)), func.min(articles.c.published_at),
                    func.max(articles.c.published_at))
                .where(articles.c.story_id.is_not(None))
                .group_by(articles.c.story_id)
            )
            conn.execute(
                update(stories).where(stories.c.id == bindparam("sid"))
                .values(article_count=bindparam("n"), outlet_count=bindparam("o"),
                        first_at=bindparam("f"), last_at=bindparam("l")),
                [{"sid": r[0], "n": r[1], "o": r[2], "f": r[3], "l": r[4]}
                 for r in conn.execute(counts)],
            )


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(app_store: Store, service: object, n: int, samples: int, rng: random.Random
            ) -> None:
    with app_store.engine.connect() as conn:
        ids = list(conn.execute(select(articles.c.id)).scalars())
    picked = [app_store.articles.get(i) for i in rng.sample(ids, min(samples + 20, len(ids)))]
    related = service.related  # type: ignore[attr-defined]
    for article in picked[:20]:  # warm the caches
        related(article)
    wall: list[float] = []
    cpu: list[float] = []
    kinds: Counter[str] = Counter()
    empty = 0
    for article in picked[20:]:
        t0, c0 = time.perf_counter(), time.process_time()
        items = related(article)
        wall.append(1000 * (time.perf_counter() - t0))
        cpu.append(1000 * (time.process_time() - c0))
        kinds.update(i.kind for i in items)
        empty += not items
    mix = ", ".join(f"{k} {v / len(wall):.1f}" for k, v in sorted(kinds.items()))
    print(f"{n:>8} {statistics.median(wall):8.2f} {_pct(wall, 0.95):8.2f} "
          f"{statistics.median(cpu):8.2f} {_pct(cpu, 0.95):8.2f}   {empty / len(wall):5.0%}  "
          f"{mix}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--database-url", default=None,
                        help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'related.db'}"
        app = build(Settings.from_env({}, database_url=url))
        try:
            t0 = time.process_time()
            corpus = Corpus(sizes[-1], args.days)
            print(f"planned {sizes[-1]} articles in {len(corpus.stories)} stories over "
                  f"{args.days} days ({time.process_time() - t0:.0f} s CPU); {app.store.dialect}")
            loader = Loader(app.store, corpus)
            rng = random.Random(5)
            print(f"{'articles':>8} {'p50 ms':>8} {'p95 ms':>8} {'p50 cpu':>8} {'p95 cpu':>8} "
                  f"  empty  related per article by kind")
            for n in sizes:
                c0 = time.process_time()
                loader.load_to(n)
                load_cpu = time.process_time() - c0
                if app.store.dialect == "postgresql":
                    # what autovacuum does after a bulk load (some servers run without it)
                    with app.store.engine.begin() as conn:
                        conn.execute(text("ANALYZE"))
                measure(app.store, app.articles, n, args.samples, rng)
                print(f"{'':>8} (stored up to {n} in {load_cpu:.0f} s CPU)", flush=True)
        finally:
            app.close()


if __name__ == "__main__":
    main()
