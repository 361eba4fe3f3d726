"""Sparse TF-IDF vectors with document frequencies learned as articles arrive.

IDF uses a prior of :data:`PRIOR_DOCS` unseen documents, so the first articles of a fresh
install are compared on plain term overlap instead of on noise-level statistics:
``idf(t) = ln((N + PRIOR_DOCS + 1) / (df(t) + 0.5))``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["PRIOR_DOCS", "DocumentFrequencies", "cosine", "dot", "norm", "vectorize"]

PRIOR_DOCS = 300
MAX_TERMS = 40
"""A document vector keeps its heaviest terms only."""


@dataclass(slots=True)
class DocumentFrequencies:
    """Document frequencies: ``docs`` documents seen, ``df[term]`` of them had the term.
    JSON-friendly (a dict and an int); the service may persist it as a table ``(term, df)``."""

    df: dict[str, int] = field(default_factory=dict)
    docs: int = 0

    def add(self, terms: Iterable[str]) -> None:
        """Count one document (each distinct term once)."""
        df = self.df
        for term in set(terms):
            df[term] = df.get(term, 0) + 1
        self.docs += 1

    def idf(self, term: str) -> float:
        return math.log((self.docs + PRIOR_DOCS + 1) / (self.df.get(term, 0) + 0.5))


def vectorize(
    terms: Mapping[str, int], df: DocumentFrequencies, max_terms: int = MAX_TERMS
) -> dict[str, float]:
    """Unit-length TF-IDF vector (sublinear TF) of a document's term counts."""
    weights = {t: (1.0 + math.log(n)) * df.idf(t) for t, n in terms.items() if n > 0}
    if len(weights) > max_terms:
        weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms])
    length = math.sqrt(sum(w * w for w in weights.values()))
    if length == 0.0:
        return {}
    return {t: w / length for t, w in weights.items()}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def norm(a: Mapping[str, float]) -> float:
    return math.sqrt(sum(w * w for w in a.values()))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    na, nb = norm(a), norm(b)
    return dot(a, b) / (na * nb) if na and nb else 0.0
