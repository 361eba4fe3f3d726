"""In-memory streaming story clustering: the same decisions as ingestion, for the CLI,
benchmarks and tests. Story ids are ``s1``, ``s2``, ... in order of creation and never change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from newsloom.domain.stories import DecisionKind, StoryDecision, StoryState
from newsloom.pipeline.stories.model import (
    DEFAULT_PARAMS,
    StoryParams,
    add_to_story,
    decide,
    new_story,
)
from newsloom.pipeline.stories.text import story_terms
from newsloom.pipeline.stories.vectors import DocumentFrequencies, vectorize

__all__ = ["Assignment", "StreamingClusterer"]

_POSTINGS_KEEP = 300
"""Candidate lookup reads the most recent stories under each term, at most this many."""


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
    ) -> Assignment:
        """Cluster one article; returns the story it was put in."""
        terms = story_terms(title, text, hashtags)
        self.df.add(terms)
        vector = vectorize(terms, self.df)
        when = published if published is not None else self._clock
        if published is not None and (self._clock is None or published > self._clock):
            self._clock = published

        # accumulate dot products through the postings
        acc: dict[str, float] = {}
        stories = self.stories
        for term, weight in vector.items():
            posting = self._postings.get(term)
            if not posting:
                continue
            for sid in islice(reversed(posting), _POSTINGS_KEEP):
                c = stories[sid].centroid.get(term)
                if c is not None:
                    acc[sid] = acc.get(sid, 0.0) + weight * c
        sims = {sid: value / stories[sid].norm for sid, value in acc.items() if stories[sid].norm}
        decision = decide(vector, (stories[s] for s in sims), when, self.params, sims)

        if decision.kind is DecisionKind.JOINS and decision.story_id is not None:
            story = add_to_story(stories[decision.story_id], vector, when, self.params)
        else:
            story = new_story(f"s{len(stories) + 1}", vector, when, decision.follows)
        stories[story.id] = story
        self._index(story, vector)
        return Assignment(article_id, story.id, decision)
