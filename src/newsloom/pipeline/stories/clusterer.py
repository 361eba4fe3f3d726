"""In-memory streaming story clustering: the same decisions as ingestion, for the CLI,
benchmarks and tests. Story ids are ``s1``, ``s2``, ... in order of creation and never change.

An article may come with a unit sentence embedding (the optional extra); each story then keeps
the sum of its members' embeddings, and candidates are scored with
:func:`~newsloom.pipeline.stories.model.with_embedding`."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice

import numpy as np
import numpy.typing as npt

from newsloom.domain.stories import DecisionKind, StoryDecision, StoryState
from newsloom.pipeline.stories.model import (
    DEFAULT_PARAMS,
    StoryParams,
    add_to_story,
    decide,
    lookup_terms,
    new_story,
    similarity,
    with_embedding,
)
from newsloom.pipeline.stories.text import story_terms
from newsloom.pipeline.stories.vectors import DocumentFrequencies, vectorize

__all__ = ["Assignment", "StreamingClusterer"]

_POSTINGS_KEEP = 300
"""Stories kept under each term (the most recently updated)."""
_POSTINGS_READ = 60
"""Candidate lookup reads this many of the most recent stories under each term..."""
_LOOKUP_TERMS = 20
"""... for the article's heaviest terms ..."""
_FULL_SCORES = 20
"""... and scores the best this many in full."""


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    decision: StoryDecision


class StreamingClusterer:
    """Assigns each article, as it arrives, to a story (an existing one or a new one)."""

    def __init__(self, params: StoryParams = DEFAULT_PARAMS) -> None:
        self.params = params
        self.df = DocumentFrequencies()
        self.stories: dict[str, StoryState] = {}
        self._postings: dict[str, dict[str, None]] = {}
        self._clock: datetime | None = None
        self._created = 0
        self._since_prune = 0
        self._embeddings: dict[str, npt.NDArray[np.float32]] = {}

    def _index(self, story: StoryState, terms: Iterable[str]) -> None:
        for term in terms:
            posting = self._postings.get(term)
            if posting is None:
                self._postings[term] = {story.id: None}
                continue
            # most recently updated stories last, each once
            posting.pop(story.id, None)
            posting[story.id] = None
            if len(posting) > 2 * _POSTINGS_KEEP:
                for sid in list(islice(posting, len(posting) - _POSTINGS_KEEP)):
                    del posting[sid]

    def add(
        self,
        article_id: str,
        title: str | None,
        text: str | None,
        published: datetime | None = None,
        hashtags: Iterable[str] = (),
        embedding: npt.NDArray[np.float32] | None = None,
    ) -> Assignment:
        """Cluster one article; returns the story it was put in. ``embedding``: the article's
        unit sentence embedding, when the embeddings extra is in use."""
        terms = story_terms(title, text, hashtags)
        self.df.add(terms)
        vector = vectorize(terms, self.df)
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)  # naive dates are taken as UTC
        when = published if published is not None else self._clock
        if published is not None and (self._clock is None or published > self._clock):
            self._clock = published

        stories = self.stories
        sims = self._candidates(vector)
        if embedding is not None:
            sims = self._with_embedding(sims, embedding)
        decision = decide(vector, (stories[s] for s in sims), when, self.params, sims)

        if decision.kind is DecisionKind.JOINS and decision.story_id is not None:
            story = add_to_story(stories[decision.story_id], vector, when, self.params)
        else:
            self._created += 1
            story = new_story(f"s{self._created}", vector, when, decision.follows)
        stories[story.id] = story
        if embedding is not None:
            before = self._embeddings.get(story.id)
            self._embeddings[story.id] = embedding if before is None else before + embedding
        self._index(story, vector)
        self._since_prune += 1
        if self._since_prune >= 1000:
            self._prune()
        return Assignment(article_id, story.id, decision)

    def _candidates(self, vector: dict[str, float]) -> dict[str, float]:
        """Cosine of the vector with the most promising stories: those under its heaviest
        terms (most recent first), ranked by partial dot product, then scored in full."""
        stories = self.stories
        partial: dict[str, float] = {}
        for term in lookup_terms(vector, _LOOKUP_TERMS):
            weight = vector[term]
            posting = self._postings.get(term)
            if not posting:
                continue
            for sid in islice(reversed(posting), _POSTINGS_READ):
                story = stories.get(sid)
                if story is None:
                    continue
                c = story.centroid.get(term)
                if c is not None:
                    partial[sid] = partial.get(sid, 0.0) + weight * c / story.norm
        best = heapq.nlargest(_FULL_SCORES, partial.items(), key=lambda kv: kv[1])
        return {sid: similarity(vector, stories[sid]) for sid, _ in best}

    def _with_embedding(
        self, sims: dict[str, float], embedding: npt.NDArray[np.float32]
    ) -> dict[str, float]:
        mixed = {}
        for sid, sim in sims.items():
            total = self._embeddings.get(sid)
            if total is None:
                mixed[sid] = sim
                continue
            length = float(np.linalg.norm(total))
            cosine = float(embedding @ total) / length if length else 0.0
            mixed[sid] = with_embedding(sim, cosine, self.params)
        return mixed

    def _prune(self) -> None:
        """Forget stories too old to be joined or followed up (their ids are never reused)."""
        self._since_prune = 0
        if self._clock is None:
            return
        horizon = self._clock - timedelta(days=self.params.follow_up_days)
        old = [
            sid
            for sid, story in self.stories.items()
            if story.last_seen is not None and story.last_seen < horizon
        ]
        for sid in old:
            del self.stories[sid]
            self._embeddings.pop(sid, None)
