"""Pure story decisions: score an article against stories, decide new / joins / follow-up,
fold an article into a story's centroid.

A story is joined when ``similarity - join_threshold(size) >= 0`` for the best active
candidate. The threshold falls with the story's size: a lone article must be close
(cosine 0.30 by default), a large story's centroid is a good summary and a weaker match is
enough (0.05 + 0.25/size). A story is *active* while its last article is at most
``active_days`` older than the new one; a close match to a story that went quiet opens a
new story that *follows* it.
"""

from __future__ import annotations

import heapq
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
    "index_terms",
    "is_active",
    "join_threshold",
    "new_story",
    "similarity",
]


@dataclass(frozen=True, slots=True)
class StoryParams:
    join_single: float = 0.30
    """Cosine needed to join a one-article story."""
    join_large: float = 0.05
    """Cosine a very large story needs (the threshold tends to this as the story grows)."""
    active_days: float = 3.0
    """A story goes quiet this long after its last article."""
    follow_up_days: float = 30.0
    """A quiet story can be followed up this long after its last article."""
    follow_up_at: float = 0.25
    """Cosine to a quiet story's centroid that makes a new story its follow-up."""
    centroid_terms: int = 200
    """A story's centroid keeps its heaviest terms."""


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


def is_active(
    story: StoryState, when: datetime | None, params: StoryParams = DEFAULT_PARAMS
) -> bool:
    """Whether the story still takes articles published at ``when`` (always, without dates)."""
    if when is None or story.last_seen is None:
        return True
    return when - story.last_seen <= timedelta(days=params.active_days)


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
    best_quiet: tuple[float, StoryState] | None = None
    follow_horizon = timedelta(days=params.follow_up_days)
    for story in candidates:
        sim = similarities[story.id] if similarities is not None else similarity(vector, story)
        if sim <= 0.0:
            continue
        if is_active(story, when, params):
            margin = sim - join_threshold(story.size, params)
            if margin >= 0.0 and (best_join is None or margin > best_join[0]):
                best_join = (margin, sim, story)
        elif (
            when is not None
            and story.last_seen is not None
            and when - story.last_seen <= follow_horizon
            and sim >= params.follow_up_at
            and (best_quiet is None or sim > best_quiet[0])
        ):
            best_quiet = (sim, story)
    if best_join is not None:
        return StoryDecision(DecisionKind.JOINS, best_join[2].id, round(best_join[1], 4))
    if best_quiet is not None:
        sim, story = best_quiet
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
    for term, weight in vector.items():
        centroid[term] = centroid.get(term, 0.0) + weight
    if len(centroid) > params.centroid_terms:
        kept = heapq.nlargest(params.centroid_terms, centroid.items(), key=lambda kv: kv[1])
        centroid = dict(kept)
    return replace(
        story,
        centroid=centroid,
        norm=norm(centroid),
        size=story.size + 1,
        first_seen=_earlier(story.first_seen, when),
        last_seen=_later(story.last_seen, when),
    )


def index_terms(story: StoryState, limit: int | None = None) -> list[str]:
    """Terms under which to index a story for candidate lookup (heaviest first)."""
    ranked = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))
    return [t for t, _ in ranked[:limit]] if limit else [t for t, _ in ranked]
