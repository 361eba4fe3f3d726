"""Stories formed while ingesting the sample site over HTTP: coverage of one event by several
outlets shares a story; unrelated articles never do."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import pytest

from newsloom.bootstrap import App
from newsloom.demo.site import DemoSite
from newsloom.domain.urls import canonicalize

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
    wire_url = canonicalize(next(a for a in demo_site.articles if a.wire).canonical_url)
    article = next(a for a in app.store.articles.iter_all() if a.canonical_url == wire_url)

    related = app.articles.related(article)

    same = [r for r in related if r.kind == "same story"]
    assert len(same) >= 2
    assert same[0].reason.startswith("Same story, ") and "outlets" in same[0].reason
