"""Plain data of the story layer: a story's persisted state, the decision taken for a new
article, and the typed links between related articles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class StoryState:
    """What is kept per story (one SQL row; ``centroid`` as JSON).

    ``centroid`` is the sum of the members' unit-length TF-IDF vectors, trimmed to the heaviest
    terms; ``norm`` is its Euclidean length (kept so scoring needs no pass over the centroid)."""

    id: str
    centroid: Mapping[str, float]
    norm: float
    size: int
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    follows: str | None = None
    """The earlier story this one follows up, if any."""


class DecisionKind(StrEnum):
    NEW = "new"
    """Nothing close: the article starts a story."""
    JOINS = "joins"
    """The article belongs to an active story."""
    FOLLOW_UP = "follow_up"
    """Close to a story that went quiet: a new story, linked to the old one."""


@dataclass(frozen=True, slots=True)
class StoryDecision:
    kind: DecisionKind
    story_id: str | None
    """The story joined (JOINS); None for NEW and FOLLOW_UP (the caller makes the new id)."""
    similarity: float = 0.0
    follows: str | None = None
    """For FOLLOW_UP: the quiet story the new one follows."""


class Relation(StrEnum):
    SAME_STORY = "same_story"
    FOLLOW_UP = "follow_up"
    BACKGROUND = "background"
    OPINION = "opinion"


@dataclass(frozen=True, slots=True)
class RelatedCandidate:
    """An article that might be related to the one being read, as the service knows it."""

    id: str
    story_id: str | None = None
    hashtags: tuple[str, ...] = ()
    terms: Mapping[str, float] = field(default_factory=dict)
    """Its vector (from :func:`newsloom.pipeline.stories.vectorize`), or empty."""
    title: str = ""
    url: str = ""
    section: str = ""
    opinion: bool | None = None
    """True/False if known; None to guess from title, URL and section."""
    published: datetime | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class RelatedItem:
    id: str
    relation: Relation
    reason: str
    """A short reason a reader can check: "same story, 6 outlets", "shares #Kursk and #Putin"."""
    score: float
