"""What an article page shows around the article: the copies of its text (who else published
it, or whom it republishes, and the agency it came from), and related coverage typed as same
story, follow-up, background or opinion, each with a reason a reader can check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from newsloom.domain.models import hashtag_key
from newsloom.domain.records import Article, ArticleCard
from newsloom.domain.stories import RelatedCandidate, RelatedItem, Relation
from newsloom.pipeline import dedup
from newsloom.pipeline.stories import classify_related

if TYPE_CHECKING:
    from newsloom.storage.store import Store

RELATED_WINDOW = timedelta(days=14)
"""Articles outside the story and its follow-ups are looked for this far each side."""
RELATED_LIMIT = 8
QUOTAS = {Relation.SAME_STORY: 4, Relation.FOLLOW_UP: 3, Relation.OPINION: 2,
          Relation.BACKGROUND: 3}
"""At most this many of each kind, so a story with many outlets leaves room for the rest."""
LABELS = {Relation.SAME_STORY: "Same story", Relation.FOLLOW_UP: "Follow-up",
          Relation.BACKGROUND: "Background", Relation.OPINION: "Opinion"}


@dataclass(frozen=True, slots=True)
class RelatedArticle:
    card: ArticleCard
    kind: str
    """"same_story", "follow_up", "background" or "opinion" (domain.stories.Relation)."""
    label: str
    """The kind in words: "Same story", "Follow-up", "Background", "Opinion"."""
    reason: str
    """Why, in words a reader can check: "Same story, 4 outlets", "Shares #A and #B"."""


@dataclass(frozen=True, slots=True)
class Republication:
    """One copy of a text: the article, and whether it was edited (not word for word)."""

    card: ArticleCard
    edited: bool


@dataclass(frozen=True, slots=True)
class Copies:
    republished_from: Republication | None
    """For a copy: the article it republishes (the group's first)."""
    also_published_by: list[Republication]
    """For the first: the copies of it, oldest first."""
    credit: str | None
    """The agency the text came from, via this outlet: "Wirepoint via Lantern Post"."""
    group: frozenset[int]
    """Every article of the text's group (this one included): none is related coverage."""


def copies_of(store: Store, article: Article) -> Copies:
    first = article.duplicate_of or article.id
    copies = store.duplicates.copies_of(first)
    group = frozenset({article.id, first, *(i for i, _ in copies)})
    republished_from = None
    also: list[Republication] = []
    if article.duplicate_of is not None:
        cards = store.articles.by_ids([article.duplicate_of])
        if cards:
            republished_from = Republication(cards[0], _edited(article.duplicate_kind))
    elif copies:
        edited = dict(copies)
        also = [Republication(c, _edited(edited[c.id]))
                for c in store.articles.by_ids([i for i, _ in copies])]
    credit = dedup.attribution(article.originator, article.source_name) \
        if article.originator else None
    return Copies(republished_from, also, credit, group)


def _edited(kind: str | None) -> bool:
    return kind != dedup.DuplicateKind.EXACT.value


def related_articles(store: Store, article: Article, exclude: frozenset[int] | None = None,
                     limit: int = RELATED_LIMIT) -> list[RelatedArticle]:
    """Related coverage of an article, best first; never its own copies, never an article
    that shares neither its story (or a follow-up of it) nor two of its hashtags."""
    if exclude is None:
        exclude = copies_of(store, article).group
    pool = store.related.pool(
        story_id=article.story_id,
        tag_keys=[hashtag_key(t.tag, t.kind) for t in article.hashtags],
        exclude=exclude | {article.id},
        around=article.published_at,
        since=article.published_at - RELATED_WINDOW,
        until=article.published_at + RELATED_WINDOW,
        per_story=QUOTAS[Relation.SAME_STORY] * 2,
        per_linked_story=QUOTAS[Relation.FOLLOW_UP],
        by_tags=limit * 2,
    )
    me = RelatedCandidate(
        id=str(article.id),
        story_id=_sid(article.story_id),
        hashtags=tuple(t.tag for t in article.hashtags),
        opinion=article.is_opinion,
        published=article.published_at,
        source=article.source_name,
    )
    candidates = [
        RelatedCandidate(id=str(r.id), story_id=_sid(r.story_id), hashtags=r.hashtags,
                         opinion=r.is_opinion, published=r.published_at, source=r.source_name)
        for r in pool.rows
    ]
    follows = {str(k): _sid(v) for k, v in pool.follows.items()}
    items = _within_quotas(
        classify_related(me, candidates, follows, story_outlets=pool.story_outlets), limit)
    cards = {c.id: c for c in store.articles.by_ids([int(i.id) for i in items])}
    return [
        RelatedArticle(cards[int(i.id)], i.relation.value, LABELS[i.relation],
                       i.reason[:1].upper() + i.reason[1:])
        for i in items if int(i.id) in cards
    ]


def _within_quotas(items: list[RelatedItem], limit: int) -> list[RelatedItem]:
    taken = dict.fromkeys(QUOTAS, 0)
    kept: list[RelatedItem] = []
    for item in items:
        if taken[item.relation] < QUOTAS[item.relation] and len(kept) < limit:
            taken[item.relation] += 1
            kept.append(item)
    return kept


def _sid(story_id: int | None) -> str | None:
    return str(story_id) if story_id is not None else None


__all__ = ["Copies", "RelatedArticle", "Republication", "copies_of", "related_articles"]
