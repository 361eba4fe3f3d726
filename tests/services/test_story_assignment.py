"""Stories formed while ingesting the sample site over HTTP: coverage of one event by several
outlets shares a story; unrelated articles never do."""

from __future__ import annotations

import contextlib
import threading
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from newsloom.bootstrap import App
from newsloom.demo.site import DemoSite
from newsloom.domain.models import Block, BlockKind
from newsloom.domain.records import NewArticle
from newsloom.domain.urls import canonicalize
from newsloom.services.stories import StoryAssigner
from newsloom.storage.store import Store
from newsloom.storage.stories import StoryRepository, StoryTransaction

pytestmark = pytest.mark.integration


def test_ingest_groups_coverage_into_stories(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    for url in demo_site.feed_urls:
        app.sources.add(url)
    app.ingest.poll_all()
    truth = {canonicalize(a.canonical_url): a for a in demo_site.articles}
    members: defaultdict[int | None, list[str | None]] = defaultdict(list)
    for article in app.store.articles.iter_all():
        members[article.story_id].append(truth[article.canonical_url].story)

    assert None not in members, "every article is in a story"
    for stories in members.values():
        assert len(set(stories)) == 1 and (stories[0] is not None or len(stories) == 1), stories
    wire = [a for a in demo_site.articles if a.wire]
    wire_stories = {
        s.story_id for s in app.store.articles.iter_all()
        if s.canonical_url in {canonicalize(a.canonical_url) for a in wire}
    }
    assert len(wire_stories) == 1, "republished wire copy is one story"


def test_related_articles_name_the_story_and_its_outlets(
    make_app: Callable[..., App], demo_site: DemoSite
) -> None:
    app = make_app()
    for url in demo_site.feed_urls:
        app.sources.add(url)
    app.ingest.poll_all()
    stored = {a.canonical_url: a for a in app.store.articles.iter_all()}
    fund = demo_site.story("halvane-coastal-fund")
    article = stored[canonicalize(fund[0].canonical_url)]

    related = app.articles.related(article)

    same = [r for r in related if r.kind == "same_story"]
    assert {r.card.title for r in same} == {a.title for a in fund[1:]}
    for r in same:
        assert r.label == "Same story"
        assert r.reason == f"Same story, {len({a.outlet_slug for a in fund})} outlets"

    # the wire text's other copies are republications of it, not related coverage
    wire = [stored[canonicalize(a.canonical_url)] for a in demo_site.articles if a.wire]
    first = min(wire, key=lambda a: a.published_at)
    assert not {a.id for a in wire} & {r.card.id for r in app.articles.related(first)}
    page = app.articles.page(first.id)
    assert {r.card.id for r in page.copies.also_published_by} == {a.id for a in wire} - {first.id}


# -- two assigners at once ----------------------------------------------------------------

EVENT_TEXT = (
    "Divers recovered a bronze bell from the wreck of the schooner Maribel off Kestrel Point on "
    "Sunday, ninety years after the ship sank in a winter gale with its cargo of slate. The "
    "harbour museum in Kestrel Point said the bell would be cleaned and shown in the spring."
)


def _two_articles(store: Store) -> tuple[int, int]:
    now = datetime.now(UTC).replace(microsecond=0)
    source = store.sources.add(feed_url="http://127.0.0.1:9/feed.xml", name="Pier Weekly",
                               slug="pier", site_url=None, language="en", region=None,
                               interval_seconds=900, now=now)
    ids = []
    for n, title in enumerate(("Bell of the schooner Maribel raised off Kestrel Point",
                               "Maribel wreck gives up its bell off Kestrel Point")):
        new = NewArticle(
            source_id=source.id, guid=f"g{n}", url=f"http://127.0.0.1:9/a{n}",
            canonical_url=f"http://127.0.0.1:9/a{n}", title=title, slug=f"a{n}", author=None,
            published_at=now - timedelta(minutes=n), updated_at=None, fetched_at=now,
            blocks=(Block(BlockKind.PARAGRAPH, EVENT_TEXT),), lead_image=None, language="en",
            description=None, extraction_score=1.0, status="ok", status_note=None,
            content_hash=None, fingerprint=None, originator=None, is_opinion=False, hashtags=(),
        )
        new_id = store.articles.insert(new)
        assert new_id is not None
        ids.append(new_id)
    return ids[0], ids[1]


class _Gated(StoryRepository):
    """A repository whose story decisions first pass through `gate` (inside the transaction,
    after any lock the repository takes)."""

    def __init__(self, store: Store, gate: Callable[[int], None]) -> None:
        super().__init__(store.engine)
        self._gate = gate

    def assign(self, article_id: int, decide: Callable[[StoryTransaction], None]) -> None:
        def gated(tx: StoryTransaction) -> None:
            self._gate(article_id)
            decide(tx)

        super().assign(article_id, gated)


def _assign_in_thread(store: Store, gate: Callable[[int], None], article_id: int,
                      errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            StoryAssigner(_Gated(store, gate)).assign(
                article_id, f"Bell of the Maribel raised ({article_id})", EVENT_TEXT,
                datetime.now(UTC))
        except BaseException as exc:  # pragma: no cover - reported by the test
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_two_assigners_at_the_same_instant_open_one_story(database_url: str) -> None:
    store = Store.open(database_url)
    try:
        ids = _two_articles(store)
        barrier = threading.Barrier(2)

        def together(_: int) -> None:
            # both decisions start at once when nothing makes them take turns
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=1.0)

        errors: list[BaseException] = []
        threads = [_assign_in_thread(store, together, i, errors) for i in ids]
        for t in threads:
            t.join(timeout=30)
        assert not errors, errors
        stories = {store.articles.get(i).story_id for i in ids}
        assert len(stories) == 1 and None not in stories
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM stories")).scalar_one() == 1
    finally:
        store.close()


def test_story_decisions_take_turns_on_postgresql(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite serialises at the decision's first write instead")
    store = Store.open(database_url)
    try:
        first, second = _two_articles(store)
        inside, release, second_started = threading.Event(), threading.Event(), threading.Event()

        def gate(article_id: int) -> None:
            if article_id == first:
                inside.set()
                release.wait(timeout=10)
            else:
                second_started.set()

        errors: list[BaseException] = []
        holder = _assign_in_thread(store, gate, first, errors)
        assert inside.wait(timeout=10)  # the first decision is under way, and held there
        waiter = _assign_in_thread(store, gate, second, errors)
        entered_while_held = second_started.wait(timeout=0.5)
        release.set()
        for t in (holder, waiter):
            t.join(timeout=30)
        assert not errors, errors
        assert not entered_while_held, "the second decision ran while the first held the lock"
        assert second_started.is_set()
        assert store.articles.get(first).story_id == store.articles.get(second).story_id
    finally:
        store.close()
