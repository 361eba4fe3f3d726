"""Story clustering, streaming and time-aware. See :mod:`.model` for the decision rule.

The ingest service, per stored article (pure functions, the service owns the storage):

1. ``terms = story_terms(title, text)`` (hashtags may be passed as a third argument; the
   benchmarks run without them);
   ``df.add(terms)`` (persist: table ``story_df(term PRIMARY KEY, df)`` and a document count);
   ``vector = vectorize(terms, df)`` (store it on the article as JSON: related-article typing
   uses it).
2. Candidates: ``SELECT story_id FROM story_term WHERE term IN (:lookup_terms(vector))``
   joined to ``story`` with ``last_seen >= published - follow_up_days``, most recent first, a
   few hundred at most (index on ``story_term(term)``; the in-memory clusterer reads the 60
   most recent stories per term and scores the 20 best by partial dot product).
3. ``decision = decide(vector, candidate_states, published)``.
4. JOINS: ``state = add_to_story(state, vector, published)``; NEW / FOLLOW_UP: create the story
   row and ``state = new_story(new_id, vector, published, decision.follows)``. Save ``state``
   (centroid JSON, norm, size, first_seen, last_seen, follows) and insert
   ``(term, story_id)`` into ``story_term`` for each term of ``vector`` (unique pair). Store
   the story id on the article; store ``decision.follows`` as the new story's ``follows``.

:class:`StreamingClusterer` does all this in memory (CLI, benchmarks).

Related articles of an article: :func:`classify_related` (see :mod:`.related`), given
candidates found by shared story, follow-up links, shared hashtags or shared terms.
"""

from __future__ import annotations

from newsloom.pipeline.stories.clusterer import Assignment, StreamingClusterer
from newsloom.pipeline.stories.model import (
    StoryParams,
    add_to_story,
    decide,
    freshness,
    index_terms,
    is_active,
    join_threshold,
    lookup_terms,
    new_story,
    similarity,
)
from newsloom.pipeline.stories.related import classify_related, is_opinion
from newsloom.pipeline.stories.text import story_terms
from newsloom.pipeline.stories.vectors import DocumentFrequencies, cosine, vectorize

__all__ = [
    "Assignment",
    "DocumentFrequencies",
    "StoryParams",
    "StreamingClusterer",
    "add_to_story",
    "classify_related",
    "cosine",
    "decide",
    "freshness",
    "index_terms",
    "is_active",
    "is_opinion",
    "join_threshold",
    "lookup_terms",
    "new_story",
    "similarity",
    "story_terms",
    "vectorize",
]
