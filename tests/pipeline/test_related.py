"""Typing related articles as the article page uses it (hashtags, stored opinion flag, dates,
the story's outlet count), and the one opinion rule shared by ingest and typing. Invented
names throughout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsloom.domain.stories import RelatedCandidate, Relation
from newsloom.pipeline.assemble import is_opinion as opinion_at_ingest
from newsloom.pipeline.stories import classify_related, is_opinion

T0 = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)
ME = RelatedCandidate("me", "s1", ("Brennholt", "Quarry", "IlseVarkonyi"), opinion=False,
                      published=T0, source="Gazette")


def cand(ident: str, story: str | None, tags: tuple[str, ...], *, hours: float = -1,
         opinion: bool = False, source: str = "Tribune") -> RelatedCandidate:
    return RelatedCandidate(ident, story, tags, opinion=opinion,
                            published=T0 + timedelta(hours=hours), source=source)


def test_same_story_reason_names_the_story_outlet_count_when_given() -> None:
    items = classify_related(ME, [cand("a", "s1", ())], story_outlets=6)
    assert [(i.id, i.relation, i.reason) for i in items] == [
        ("a", Relation.SAME_STORY, "same story, 6 outlets")]
    # without it, the outlets among the candidates (and the article's own) are counted
    assert classify_related(ME, [cand("a", "s1", ())])[0].reason == "same story, 2 outlets"


def test_background_is_older_and_shares_two_hashtags() -> None:
    older = cand("older", "s7", ("Quarry", "Brennholt"), hours=-72)
    newer = cand("newer", "s8", ("Quarry", "Brennholt"), hours=+5)
    one_tag = cand("one", "s9", ("Quarry",), hours=-72)
    items = {i.id: i for i in classify_related(ME, [older, newer, one_tag])}
    assert items["older"].relation is Relation.BACKGROUND
    assert items["older"].reason == "shares #Brennholt and #Quarry"
    assert "newer" not in items, "a later article on the subject is not background"
    assert "one" not in items, "one common hashtag alone does not make an article related"


def test_a_plural_hashtag_is_shared_with_its_singular() -> None:
    me = RelatedCandidate("me", "s1", ("Brennholt", "Landslide"), opinion=False, published=T0,
                          source="Gazette")
    older = cand("older", "s7", ("Landslides", "Brennholt"), hours=-72)
    items = {i.id: i for i in classify_related(me, [older])}
    assert items["older"].relation is Relation.BACKGROUND
    assert items["older"].reason == "shares #Brennholt and #Landslide"


def test_opinion_uses_the_stored_flag_and_may_be_newer() -> None:
    column = cand("col", "s5", ("Quarry", "Brennholt"), hours=+30, opinion=True)
    labelled = RelatedCandidate("lab", "s6", ("Quarry", "Brennholt"), title="Opinion: dig less",
                                opinion=False, published=T0 - timedelta(hours=2))
    items = {i.id: i for i in classify_related(ME, [column, labelled])}
    assert items["col"].relation is Relation.OPINION
    assert items["col"].reason == "opinion on #Brennholt and #Quarry"
    # the stored flag wins over the title: not opinion, and older, so background
    assert items["lab"].relation is Relation.BACKGROUND


def test_an_opinion_piece_in_the_same_story_is_typed_as_opinion() -> None:
    items = classify_related(ME, [cand("news", "s1", ()), cand("col", "s1", (), opinion=True)],
                             story_outlets=3)
    assert [(i.id, i.relation, i.reason) for i in items] == [
        ("news", Relation.SAME_STORY, "same story, 3 outlets"),
        ("col", Relation.OPINION, "opinion on this story"),
    ]


def test_follow_ups_either_way_and_unrelated_never() -> None:
    follows = {"s2": "s1", "s1": "s0"}
    items = {i.id: i for i in classify_related(ME, [
        cand("later", "s2", ("Quarry",), hours=+100),
        cand("earlier", "s0", ()),
        cand("elsewhere", "s9", ("TallowBay", "Library"), hours=-1),
    ], follows)}
    assert items["later"].reason == "follow-up of this story; shares #Quarry"
    assert items["earlier"].reason == "earlier story this one follows"
    assert "elsewhere" not in items


@pytest.mark.parametrize(
    ("title", "url", "section", "expected"),
    [
        ("Let the quarry rest", "https://g.example/opinion/quarry", "", True),
        ("Let the quarry rest", "https://g.example/world/opinion-let-the-quarry-rest/", "", True),
        ("Analysis: why the wall fell", "https://g.example/news/wall", "", True),
        ("Let the quarry rest", "https://g.example/news/wall", "Comment is free", True),
        ("Opinion poll: quarry backed", "https://g.example/news/opinion-poll-quarry", "", False),
        ("Quarry reopens", "https://g.example/news/opinion-polls-quarry", "", False),
        ("Quarry reopens", "https://g.example/opinionated/quarry", "", False),
        ("Quarry reopens", "https://g.example/news/quarry", "Region", False),
    ],
)
def test_one_opinion_rule_at_ingest_and_when_typing(title: str, url: str, section: str,
                                                     expected: bool) -> None:
    assert opinion_at_ingest(title, url, section) is expected
    unknown = RelatedCandidate("x", title=title, url=url, section=section, opinion=None)
    assert is_opinion(unknown) is expected
    assert is_opinion(RelatedCandidate("x", title=title, url=url, opinion=not expected)) \
        is (not expected)
