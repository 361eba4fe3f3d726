"""Pure story decisions: score an article against stories, decide new / joins / follow-up,
fold an article into a story's centroid.

A story is joined when ``similarity * freshness - join_threshold(size) >= 0`` for the best
candidate. The threshold falls with the story's size: a lone article must be close (cosine
0.25 by default), a large story's centroid is a good summary and a weaker match is enough
(0.06 + 0.19/size). Freshness decays with the time since the story's last article, at the
story's own pace: ``exp(-gap / tau)`` with ``tau = pace_factor * mean gap between its articles
+ pace_floor_hours`` (``single_hours`` for a one-article story), so a burst of coverage closes
soon after it stops and a slow story stays open for days. A story takes no article more than
``active_days`` after its last one. An article close (cosine >= ``follow_up_at``) to a story it
cannot join opens a new story that *follows* it. Without dates nothing decays.

With sentence embeddings (the optional extra), the similarity is the term cosine plus
``embedding_weight * (embedding cosine - embedding_floor)``: the same thresholds apply, and
the embedding only moves a candidate up or down (see :func:`with_embedding`).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from newsloom.domain.stories import DecisionKind, StoryDecision, StoryState
from newsloom.pipeline.stories.vectors import dot, norm

__all__ = [
    "DEFAULT_PARAMS",
    "StoryParams",
    "add_to_story",
    "decide",
    "freshness",
    "index_terms",
    "is_active",
    "join_threshold",
    "lookup_terms",
    "new_story",
    "similarity",
    "with_embedding",
]


@dataclass(frozen=True, slots=True)
class StoryParams:
    join_single: float = 0.25
    """Cosine needed to join a one-article story."""
    join_large: float = 0.06
    """Cosine a very large story needs (the threshold tends to this as the story grows)."""
    active_days: float = 3.0
    """A story takes no article this long after its last one."""
    pace_factor: float = 10.0
    pace_floor_hours: float = 1.0
    single_hours: float = 6.0
    """Freshness time constant of a one-article story."""
    follow_up_days: float = 30.0
    """A quiet story can be followed up this long after its last article."""
    follow_up_at: float = 0.25
    """Cosine to a story's centroid that makes a new story its follow-up when it can't join."""
    centroid_terms: int = 200
    """A story's centroid keeps its heaviest terms (up to half as many more between trims)."""
    embedding_weight: float = 0.2
    """With sentence embeddings: how much their cosine moves the similarity ..."""
    embedding_floor: float = 0.3
    """... around this cosine (below it, the embedding lowers the similarity)."""


DEFAULT_PARAMS = StoryParams()


def join_threshold(size: int, params: StoryParams = DEFAULT_PARAMS) -> float:
    """Cosine an article needs to join a story of ``size`` articles."""
    size = max(size, 1)
    return params.join_large + (params.join_single - params.join_large) / size


def similarity(vector: Mapping[str, float], story: StoryState) -> float:
    """Cosine between a unit document vector and a story's centroid."""
    if not story.norm:
        return 0.0
    return dot(vector, story.centroid) / story.norm


def with_embedding(
    term_similarity: float, embedding_cosine: float, params: StoryParams = DEFAULT_PARAMS
) -> float:
    """The term cosine moved by the sentence-embedding cosine (see module doc)."""
    return term_similarity + params.embedding_weight * (embedding_cosine - params.embedding_floor)


def is_active(
    story: StoryState, when: datetime | None, params: StoryParams = DEFAULT_PARAMS
) -> bool:
    """Whether the story still takes articles published at ``when`` (always, without dates)."""
    if when is None or story.last_seen is None:
        return True
    return when - story.last_seen <= timedelta(days=params.active_days)


def freshness(
    story: StoryState, when: datetime | None, params: StoryParams = DEFAULT_PARAMS
) -> float:
    """1.0 for a story just updated, falling towards 0 as it goes quiet (see module doc)."""
    if when is None or story.last_seen is None or when <= story.last_seen:
        return 1.0
    gap_hours = (when - story.last_seen).total_seconds() / 3600.0
    if story.size > 1 and story.first_seen is not None:
        span = (story.last_seen - story.first_seen).total_seconds() / 3600.0
        tau = params.pace_factor * span / (story.size - 1) + params.pace_floor_hours
    else:
        tau = params.single_hours
    return math.exp(-gap_hours / tau)


def decide(
    vector: Mapping[str, float],
    candidates: Iterable[StoryState],
    when: datetime | None = None,
    params: StoryParams = DEFAULT_PARAMS,
    similarities: Mapping[str, float] | None = None,
) -> StoryDecision:
    """Decide the story of an article from its vector and candidate stories (those sharing
    terms with it, found through the term index). ``similarities`` may carry precomputed
    cosines by story id (the in-memory clusterer accumulates them from its index)."""
    best_join: tuple[float, float, StoryState] | None = None
    best_other: tuple[float, StoryState] | None = None
    follow_horizon = timedelta(days=params.follow_up_days)
    for story in candidates:
        sim = similarities[story.id] if similarities is not None else similarity(vector, story)
        if sim <= 0.0:
            continue
        if is_active(story, when, params):
            margin = sim * freshness(story, when, params) - join_threshold(story.size, params)
            if margin >= 0.0:
                if best_join is None or margin > best_join[0]:
                    best_join = (margin, sim, story)
                continue
        elif (
            when is not None
            and story.last_seen is not None
            and when - story.last_seen > follow_horizon
        ):
            continue
        if sim >= params.follow_up_at and (best_other is None or sim > best_other[0]):
            best_other = (sim, story)
    if best_join is not None:
        return StoryDecision(DecisionKind.JOINS, best_join[2].id, round(best_join[1], 4))
    if best_other is not None:
        sim, story = best_other
        return StoryDecision(DecisionKind.FOLLOW_UP, None, round(sim, 4), follows=story.id)
    return StoryDecision(DecisionKind.NEW, None)


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _earlier(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def new_story(
    story_id: str,
    vector: Mapping[str, float],
    when: datetime | None = None,
    follows: str | None = None,
) -> StoryState:
    """A story made of one article."""
    return StoryState(
        id=story_id,
        centroid=dict(vector),
        norm=norm(vector),
        size=1,
        first_seen=when,
        last_seen=when,
        follows=follows,
    )


def add_to_story(
    story: StoryState,
    vector: Mapping[str, float],
    when: datetime | None = None,
    params: StoryParams = DEFAULT_PARAMS,
) -> StoryState:
    """The story with one more article: centroid += vector (trimmed), size + 1, dates moved."""
    centroid = dict(story.centroid)
    squares = story.norm * story.norm
    for term, weight in vector.items():
        before = centroid.get(term, 0.0)
        after = before + weight
        centroid[term] = after
        squares += after * after - before * before
    if len(centroid) > params.centroid_terms + params.centroid_terms // 2:
        # trimmed back to centroid_terms once it has grown by half (amortised cost)
        kept = heapq.nlargest(params.centroid_terms, centroid.items(), key=lambda kv: kv[1])
        centroid = dict(kept)
        squares = sum(w * w for w in centroid.values())
    return replace(
        story,
        centroid=centroid,
        norm=math.sqrt(max(squares, 0.0)),
        size=story.size + 1,
        first_seen=_earlier(story.first_seen, when),
        last_seen=_later(story.last_seen, when),
    )


def lookup_terms(vector: Mapping[str, float], limit: int = 20) -> list[str]:
    """The heaviest terms of an article's vector: what to look up in the term index."""
    ranked = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))
    return [t for t, _ in ranked[:limit]]


def index_terms(story: StoryState, limit: int | None = None) -> list[str]:
    """Terms under which to index a story for candidate lookup (heaviest first)."""
    ranked = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))
    return [t for t, _ in ranked[:limit]] if limit else [t for t, _ in ranked]
