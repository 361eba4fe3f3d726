"""Story clustering on small invented streams: grouping, stable ids, time, follow-ups, the pure
functions the ingest service calls, and related-article typing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np

from newsloom.domain.stories import DecisionKind, RelatedCandidate, Relation, StoryState
from newsloom.pipeline.stories import (
    DocumentFrequencies,
    StoryParams,
    StreamingClusterer,
    add_to_story,
    classify_related,
    decide,
    freshness,
    index_terms,
    is_opinion,
    join_threshold,
    lookup_terms,
    new_story,
    similarity,
    story_terms,
    vectorize,
)
from newsloom.pipeline.stories.model import with_embedding

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)

STREAM = [
    ("a1", "Valderra harbour pier collapses in storm", 0),
    ("b1", "Ostrava library to open on Sundays after reader petition", 1),
    ("a2", "Storm destroys Valderra pier, fishing boats stranded", 2),
    ("c1", "Ferrotech unveils cheaper electric tractor for small farms", 3),
    ("a3", "Valderra pier repairs after storm to cost four million", 4),
    ("b2", "Ostrava library Sunday opening wins petition from readers", 5),
    ("c2", "Ferrotech electric tractor aims at small farms", 6),
    ("a4", "Fishermen demand compensation after Valderra pier collapse", 7),
]


def cluster(stream: list[tuple[str, str, int]], hours: float = 1.0) -> dict[str, str]:
    c = StreamingClusterer()
    return {
        ident: c.add(ident, title, "", T0 + timedelta(hours=hours * n)).story_id
        for ident, title, n in stream
    }


def test_stream_is_grouped_into_its_stories() -> None:
    stories = cluster(STREAM)
    assert stories["a1"] == stories["a2"] == stories["a3"] == stories["a4"]
    assert stories["b1"] == stories["b2"]
    assert stories["c1"] == stories["c2"]
    assert len({stories["a1"], stories["b1"], stories["c1"]}) == 3


def test_story_ids_are_stable_as_articles_arrive() -> None:
    first_half = cluster(STREAM[:4])
    full = cluster(STREAM)
    assert {k: full[k] for k in first_half} == first_half
    assert first_half["a1"] == "s1"
    assert first_half["b1"] == "s2"


def test_without_dates_nothing_decays() -> None:
    c = StreamingClusterer()
    got = {i: c.add(i, title, "").story_id for i, title, _ in STREAM}
    assert got["a1"] == got["a4"]
    assert got["b1"] == got["b2"]


def test_a_story_that_went_quiet_is_followed_up_not_joined() -> None:
    c = StreamingClusterer()
    first = c.add("x1", "Valderra pier collapses in storm", "", T0)
    c.add("x2", "Storm wrecks Valderra pier", "", T0 + timedelta(hours=2))
    later = c.add("x3", "Valderra pier reopens after storm repairs", "", T0 + timedelta(days=40))
    assert later.story_id != first.story_id
    assert later.decision.kind is DecisionKind.NEW  # beyond the follow-up horizon
    soon = StreamingClusterer()
    soon.add("y1", "Valderra pier collapses in storm", "", T0)
    soon.add("y2", "Storm wrecks Valderra pier", "", T0 + timedelta(hours=2))
    back = soon.add("y3", "Valderra pier storm damage: repairs begin", "", T0 + timedelta(days=6))
    assert back.decision.kind is DecisionKind.FOLLOW_UP
    assert back.decision.follows == "s1"
    assert back.story_id == "s2"
    assert soon.stories["s2"].follows == "s1"


def test_terms_vectors_and_idf_learned_incrementally() -> None:
    terms = story_terms("Tapering talk: the Fed's taper", "Basically, tapering said nothing.")
    assert terms["taper"] == 5  # title words count twice, stems meet
    assert "basically" not in terms and "the" not in terms and "said" not in terms
    assert story_terms("x", "", ["KimJongUn"])["#kimjongun"] == 2
    df = DocumentFrequencies()
    df.add({"pier": 1, "storm": 1})
    df.add({"pier": 1})
    assert df.docs == 2 and df.df == {"pier": 2, "storm": 1}
    assert df.idf("storm") > df.idf("pier") > 0
    vec = vectorize({"pier": 1, "storm": 2}, df)
    assert abs(sum(w * w for w in vec.values()) - 1.0) < 1e-9
    assert vec["storm"] > vec["pier"]
    assert json.loads(json.dumps(vec)) == vec


def test_pure_functions_the_service_calls() -> None:
    params = StoryParams()
    assert join_threshold(1, params) == params.join_single
    assert join_threshold(1000, params) < join_threshold(2, params) < join_threshold(1, params)
    story = new_story("42", {"pier": 0.8, "storm": 0.6}, T0)
    assert story.size == 1 and abs(story.norm - 1.0) < 1e-9
    assert similarity({"pier": 0.8, "storm": 0.6}, story) > 0.99
    grown = add_to_story(story, {"pier": 0.6, "harbour": 0.8}, T0 + timedelta(hours=3))
    assert grown.size == 2 and grown.last_seen == T0 + timedelta(hours=3)
    assert grown.first_seen == T0 and story.size == 1  # the old state is untouched
    joins = decide({"pier": 0.7, "harbour": 0.7}, [grown], T0 + timedelta(hours=4))
    assert joins.kind is DecisionKind.JOINS and joins.story_id == "42"
    unrelated = decide({"library": 1.0}, [grown], T0 + timedelta(hours=4))
    assert unrelated.kind is DecisionKind.NEW and unrelated.story_id is None
    assert freshness(grown, T0 + timedelta(hours=3)) == 1.0
    assert freshness(grown, T0 + timedelta(days=2)) < 0.5
    state = StoryState("9", {"a": 1.0}, 1.0, 1)
    assert freshness(state, None) == 1.0


def related(ident: str, story: str | None, tags: tuple[str, ...], **kw: object) -> RelatedCandidate:
    return RelatedCandidate(ident, story, tags, **kw)  # type: ignore[arg-type]


def test_related_articles_are_typed_with_reasons_and_unrelated_dropped() -> None:
    article = related(
        "me",
        "s1",
        ("Kursk", "NorthKorea", "Russia"),
        source="Tribune",
        terms={"kursk": 0.6, "troop": 0.5, "korea": 0.6},
    )
    candidates = [
        related("same", "s1", ("Kursk",), source="Courier", terms={"kursk": 0.7, "troop": 0.7}),
        related("same2", "s1", (), source="Gazette", terms={"troop": 1.0}),
        related("next", "s2", ("Kursk",), terms={"kursk": 0.5, "offensive": 0.8}),
        related("bg", "s3", ("Kursk", "NorthKorea"), terms={"kursk": 0.4, "korea": 0.9}),
        related(
            "op",
            "s4",
            ("Kursk",),
            url="https://ex.test/opinion/kursk-gamble",
            terms={"kursk": 0.6, "gamble": 0.8},
        ),
        related("far", "s5", ("TaylorSwift",), terms={"concert": 1.0}),
        related("weak", "s6", (), terms={"kursk": 0.1, "weather": 0.99}),
    ]
    items = {i.id: i for i in classify_related(article, candidates, {"s2": "s1"})}
    assert items["same"].relation is Relation.SAME_STORY
    assert items["same"].reason == "same story, 3 outlets"
    assert items["next"].relation is Relation.FOLLOW_UP
    assert items["next"].reason == "follow-up of this story; shares #Kursk"
    assert items["bg"].relation is Relation.BACKGROUND
    assert items["bg"].reason == "shares #Kursk and #NorthKorea"
    assert items["op"].relation is Relation.OPINION
    assert items["op"].reason == "opinion on #Kursk"
    assert "far" not in items and "weak" not in items and "me" not in items
    order = [i.id for i in classify_related(article, candidates, {"s2": "s1"})]
    assert order.index("same") < order.index("next") < order.index("bg")


def test_opinion_guessed_from_section_url_or_title_label() -> None:
    assert is_opinion(related("a", None, (), section="Comment is free"))
    assert is_opinion(related("b", None, (), url="https://ex.test/opinion/x"))
    assert is_opinion(related("c", None, (), title="Analysis: why the pier fell"))
    assert not is_opinion(related("d", None, (), title="Pier falls", url="https://ex.test/news/x"))
    assert not is_opinion(related("e", None, (), section="Opinion", opinion=False))


def test_naive_and_aware_dates_mix_and_lookup_terms_are_the_heaviest() -> None:
    c = StreamingClusterer()
    c.add("n1", "Valderra pier collapses in storm", "", datetime(2026, 5, 4, 8, 0))
    second = c.add("n2", "Storm wrecks Valderra pier", "", T0 + timedelta(hours=1))
    assert second.story_id == "s1"
    assert lookup_terms({"a": 0.1, "b": 0.9, "c": 0.5}, 2) == ["b", "c"]
    story = new_story("1", {"a": 0.1, "b": 0.9, "c": 0.5})
    assert index_terms(story) == ["b", "c", "a"]


def test_sentence_embeddings_move_a_borderline_match_either_way() -> None:
    # Two reports sharing one name (term cosine about 0.18, under the 0.25 a lone story needs):
    # whether they join depends on what the embeddings say.
    first = ("Harbour crane strike halts Velmont port", "Dockers walked out at dawn.")
    second = ("Ships queue outside Velmont", "Operators blame the walkout.")
    same = np.array([1.0, 0.0], dtype=np.float32)
    other = np.array([0.0, 1.0], dtype=np.float32)

    def stories(second_embedding: np.ndarray) -> set[str]:
        clusterer = StreamingClusterer()
        a = clusterer.add("a", *first, embedding=same)
        b = clusterer.add("b", *second, embedding=second_embedding)
        return {a.story_id, b.story_id}

    assert len(stories(same)) == 1
    assert len(stories(other)) == 2
    assert with_embedding(0.3, 1.0) > 0.3 > with_embedding(0.3, 0.0)
