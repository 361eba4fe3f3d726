"""Typing related articles: same story, follow-up, background or opinion, each with a short
reason a reader can check. Unrelated candidates are never returned: a candidate outside the
article's story (and its follow-up chain) must share hashtags or weighted terms.

    classify_related(article, candidates, follows={story_id: earlier_story_id, ...})
        -> list[RelatedItem]

``article`` and ``candidates`` are :class:`~newsloom.domain.stories.RelatedCandidate`; the
article page's service (services/related.py) fills them from stored rows: story id, hashtags,
the opinion flag stored at ingest, publication time and outlet (no term vectors: candidates
outside the story's follow-up chain must then share two hashtags). ``follows`` maps a story to
the story it follows up (both directions are used).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsloom.domain.models import hashtag_key
from newsloom.domain.stories import RelatedCandidate, RelatedItem, Relation
from newsloom.domain.text import as_utc
from newsloom.pipeline.assemble import is_opinion as opinion_rule
from newsloom.pipeline.stories.vectors import cosine

__all__ = ["BACKGROUND_COSINE", "classify_related", "is_opinion"]

BACKGROUND_COSINE = 0.25
"""Cosine that makes a candidate background on its own (without a shared hashtag)."""
_WITH_TAG_COSINE = 0.08
"""Cosine enough when one hashtag is shared."""


def is_opinion(candidate: RelatedCandidate) -> bool:
    """The stated flag (the service passes the one stored at ingest), else the ingest rule
    (pipeline.assemble.is_opinion) on the title, URL and section."""
    if candidate.opinion is not None:
        return candidate.opinion
    return opinion_rule(candidate.title, candidate.url, candidate.section)


def _tags(tags: Sequence[str]) -> list[str]:
    return [t.lstrip("#") for t in tags]


def _shared(a: RelatedCandidate, b: RelatedCandidate) -> list[str]:
    """``a``'s hashtags that ``b`` carries too, a plural the same as its singular (#Quarries,
    #Quarry: the topic keys of ``hashtag_key``)."""
    theirs = {hashtag_key(t) for t in _tags(b.hashtags)}
    return [t for t in _tags(a.hashtags) if hashtag_key(t) in theirs]


def _list_tags(tags: Sequence[str]) -> str:
    shown = [f"#{t}" for t in tags[:3]]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def _chain(story: str | None, follows: Mapping[str, str | None]) -> set[str]:
    """Stories linked to ``story`` by follow-ups, in either direction (not the story itself)."""
    if story is None:
        return set()
    back: dict[str, set[str]] = {}
    for later, earlier in follows.items():
        if earlier:
            back.setdefault(earlier, set()).add(later)
    seen = {story}
    todo = [story]
    while todo:
        current = todo.pop()
        nxt = set(back.get(current, set()))
        earlier = follows.get(current)
        if earlier:
            nxt.add(earlier)
        for s in nxt - seen:
            seen.add(s)
            todo.append(s)
    seen.discard(story)
    return seen


def classify_related(
    article: RelatedCandidate,
    candidates: Sequence[RelatedCandidate],
    follows: Mapping[str, str | None] | None = None,
    *,
    limit: int = 20,
    story_outlets: int | None = None,
) -> list[RelatedItem]:
    """Related articles of ``article`` among ``candidates``, typed and with a reason, best
    first: same story, then follow-ups, then opinion and background by score.

    Background is older than the article (what led up to it); an opinion piece may be newer,
    and one in the article's own story is typed as opinion ("opinion on this story").
    ``story_outlets`` is how many outlets covered the story, when the caller knows it (the
    candidates may be only some of the story's articles)."""
    follows = follows or {}
    linked = _chain(article.story_id, follows)
    same_outlets = {c.source or c.id for c in candidates if _same_story(article, c)}
    same_outlets.add(article.source or article.id)
    outlets = story_outlets if story_outlets else len(same_outlets)
    ranked: list[tuple[int, float, RelatedItem]] = []
    for cand in candidates:
        if cand.id == article.id:
            continue
        shared = _shared(article, cand)
        sim = cosine(article.terms, cand.terms) if article.terms and cand.terms else 0.0
        score = round(sim + 0.1 * len(shared), 4)
        topical = (
            len(shared) >= 2
            or (len(shared) == 1 and sim >= _WITH_TAG_COSINE)
            or sim >= BACKGROUND_COSINE
        )
        if _same_story(article, cand) and is_opinion(cand) and not is_opinion(article):
            ranked.append((2, score + 1.0,
                           RelatedItem(cand.id, Relation.OPINION, "opinion on this story", score)))
        elif _same_story(article, cand):
            reason = f"same story, {outlets} outlet{'s' if outlets != 1 else ''}"
            ranked.append((0, score, RelatedItem(cand.id, Relation.SAME_STORY, reason, score)))
        elif cand.story_id is not None and cand.story_id in linked:
            if article.story_id in _ancestors(cand.story_id, follows):
                what = "follow-up of this story"
            elif cand.story_id in _ancestors(article.story_id, follows):
                what = "earlier story this one follows"
            else:
                what = "another follow-up of the same story"
            reason = f"{what}; shares {_list_tags(shared)}" if shared else what
            ranked.append((1, score, RelatedItem(cand.id, Relation.FOLLOW_UP, reason, score)))
        elif topical and is_opinion(cand):
            about = f"opinion on {_list_tags(shared)}" if shared else "opinion on this subject"
            ranked.append((2, score, RelatedItem(cand.id, Relation.OPINION, about, score)))
        elif topical and not _newer(cand, article):
            reason = f"shares {_list_tags(shared)}" if shared else "similar wording"
            ranked.append((2, score, RelatedItem(cand.id, Relation.BACKGROUND, reason, score)))
    ranked.sort(key=lambda r: (r[0], -r[1], r[2].id))
    return [item for _, _, item in ranked[:limit]]


def _newer(a: RelatedCandidate, b: RelatedCandidate) -> bool:
    if a.published is None or b.published is None:
        return False
    return as_utc(a.published) > as_utc(b.published)


def _ancestors(story: str | None, follows: Mapping[str, str | None]) -> set[str]:
    found: set[str] = set()
    current = follows.get(story) if story is not None else None
    while current is not None and current not in found:
        found.add(current)
        current = follows.get(current)
    return found


def _same_story(a: RelatedCandidate, b: RelatedCandidate) -> bool:
    return a.story_id is not None and a.story_id == b.story_id and a.id != b.id
