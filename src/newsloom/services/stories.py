"""Putting each stored article into a story: the streaming clusterer's decision rule
(newsloom.pipeline.stories) over the story state kept in SQL."""

from __future__ import annotations

import heapq
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsloom.domain.stories import DecisionKind
from newsloom.pipeline.stories import (
    DocumentFrequencies,
    StoryParams,
    add_to_story,
    decide,
    new_story,
    story_terms,
    vectorize,
)

if TYPE_CHECKING:
    from newsloom.storage.stories import StoryRepository, StoryTransaction

LOOKUP_TERMS = 20
"""Candidate stories are found under the article's heaviest terms."""


class StoryAssigner:
    def __init__(self, repository: StoryRepository, params: StoryParams | None = None) -> None:
        self._repository = repository
        self._params = params or StoryParams()

    def assign(self, article_id: int, title: str, text: str, published: datetime) -> None:
        terms = story_terms(title, text)
        if not terms:
            return

        def run(tx: StoryTransaction) -> None:
            df, docs = tx.frequencies(terms)
            frequencies = DocumentFrequencies(df=df, docs=docs)
            frequencies.add(terms)
            tx.count_document(terms)
            vector = vectorize(terms, frequencies)
            if not vector:
                return
            lookup = heapq.nlargest(LOOKUP_TERMS, vector, key=vector.__getitem__)
            since = published - timedelta(days=self._params.follow_up_days)
            candidates = tx.candidates(lookup, since)
            decision = decide(vector, candidates, published, self._params)
            if decision.kind is DecisionKind.JOINS and decision.story_id is not None:
                story = next(s for s in candidates if s.id == decision.story_id)
                state = add_to_story(story, vector, published, self._params)
                story_id = int(story.id)
            else:
                state = new_story("new", vector, published, decision.follows)
                story_id = tx.create(title, state)
            tx.save(story_id, state, vector)

        self._repository.assign(article_id, run)
