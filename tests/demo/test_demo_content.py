"""The written content of the demo site: enough articles, shared stories, a wire story, a
follow-up, opinion pieces and a second language (no server needed)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from newsloom.demo.catalog import Catalog, build_catalog
from newsloom.demo.content import BULLETS, HEADING, NUMBERED, QUOTE, parse_article
from newsloom.demo.model import DemoArticle, RequestCounter

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog("http://demo.invalid", NOW)


@pytest.fixture(scope="module")
def articles(catalog: Catalog) -> list[DemoArticle]:
    return [i.article for i in catalog.items]


def test_volume_and_spread(catalog: Catalog, articles: list[DemoArticle]) -> None:
    assert 5 <= len(catalog.outlets) <= 6
    assert 30 <= len(articles) <= 40
    assert all(len(catalog.items_of(o.slug)) >= 4 for o in catalog.outlets)
    recent = [a for a in articles if NOW - a.published <= timedelta(days=2)]
    assert len(recent) >= 0.8 * len(articles)
    assert min(NOW - a.published for a in articles) < timedelta(hours=3)
    assert sum(1 for a in articles if a.lead_image) >= 10


def test_body_variety(catalog: Catalog) -> None:
    kinds = {b.kind for i in catalog.items for b in i.spec.body}
    assert {HEADING, BULLETS, NUMBERED, QUOTE} <= kinds
    assert any(i.spec.caption for i in catalog.items)


def test_stories_told_by_several_outlets(articles: list[DemoArticle]) -> None:
    outlets_by_story: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        if a.story:
            outlets_by_story[a.story].add(a.outlet_slug)
    shared = {k: v for k, v in outlets_by_story.items() if len(v) >= 2}
    assert len(shared) >= 4
    assert all(len(v) <= 4 for v in shared.values())


def test_wire_story_is_nearly_verbatim(articles: list[DemoArticle]) -> None:
    wire = [a for a in articles if a.wire]
    assert len({a.outlet_slug for a in wire}) >= 2
    assert len({a.story for a in wire}) == 1
    first = set(wire[0].paragraphs)
    for other in wire[1:]:
        assert other.title != wire[0].title
        assert len(first & set(other.paragraphs)) >= 3
        assert any("Wirepoint" in p for p in other.paragraphs)


def test_follow_up_days_later(articles: list[DemoArticle]) -> None:
    rescue = [a for a in articles if a.story == "aldren-ferry-rescue"]
    inquiry = [a for a in articles if a.story == "aldren-ferry-inquiry"]
    assert rescue and inquiry
    assert min(a.published for a in inquiry) - max(a.published for a in rescue) > timedelta(days=3)
    for article in rescue + inquiry:
        text = " ".join(article.paragraphs)
        assert "Solberg-Ruiz" in text and "Akdeniz" in text


def test_languages_and_opinion(articles: list[DemoArticle]) -> None:
    assert {a.language for a in articles} >= {"en", "fr"}
    assert len([a for a in articles if a.opinion]) >= 2


def test_same_story_told_in_different_words(articles: list[DemoArticle]) -> None:
    by_story: dict[str, list[DemoArticle]] = defaultdict(list)
    for a in articles:
        if a.story and not a.wire:
            by_story[a.story].append(a)
    for group in by_story.values():
        seen: set[str] = set()
        for article in group:
            assert not seen & set(article.paragraphs)
            seen |= set(article.paragraphs)


def test_parse_article_front_matter_and_blocks() -> None:
    spec = parse_article(
        "x",
        "slug",
        '---\ntitle: "Quoted: title"\nauthor: A\nhours_ago: 1.5\nsummary: S\nopinion: true\n---\n'
        "One.\n\n## Head\n\n- a\n- b\n\n1. c\n2. d\n\n> quoted\n\nTwo\nlines.\n",
    )
    assert spec.title == "Quoted: title" and spec.opinion and not spec.wire
    assert [b.kind for b in spec.body] == ["p", HEADING, BULLETS, NUMBERED, QUOTE, "p"]
    assert spec.paragraphs == ("One.", "Two lines.")
    assert spec.body[3].items == ("c", "d")


def test_parse_article_rejects_missing_fields() -> None:
    with pytest.raises(ValueError, match="title"):
        parse_article("x", "y", "---\nauthor: A\n---\nBody.\n")


def test_request_counter_accepts_urls_and_paths() -> None:
    counter = RequestCounter()
    counter.record("/a", 200)
    counter.record("/a", 304)
    assert counter.count("http://127.0.0.1:1/a?x=1", 200) == 1
    assert counter.count("/a") == 2
    assert counter.total() == 2
