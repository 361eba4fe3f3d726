"""Typing related articles: same story, follow-up, background or opinion, each with a short
reason a reader can check. Unrelated candidates are never returned: a candidate outside the
article's story (and its follow-up chain) must share hashtags or weighted terms.

    classify_related(article, candidates, follows={story_id: earlier_story_id, ...})
        -> list[RelatedItem]

``article`` and ``candidates`` are :class:`~newsloom.domain.stories.RelatedCandidate`; the
service fills them from stored rows (story id, hashtags, the vector from ``vectorize``, title,
URL, section, source). ``follows`` maps a story to the story it follows up (both directions
are used).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsloom.domain.stories import RelatedCandidate, RelatedItem, Relation
from newsloom.pipeline.stories.vectors import cosine

__all__ = ["BACKGROUND_COSINE", "classify_related", "is_opinion"]

BACKGROUND_COSINE = 0.25
"""Cosine that makes a candidate background on its own (without a shared hashtag)."""
_WITH_TAG_COSINE = 0.08
"""Cosine enough when one hashtag is shared."""

_OPINION = re.compile(
    r"\b(?:opinion|op-?ed|comment(?:ary)?|analysis|editorial|column(?:ist)?|viewpoint|"
    r"perspective|letters?(?: to the editor)?|leader|essay)\b",
    re.IGNORECASE,
)
_OPINION_URL = re.compile(
    r"/(?:opinion|opinions|comment|commentisfree|commentary|analysis|editorial|editorials|"
    r"columns?|columnists?|op-?ed|oped|views|viewpoints?|blogs?)(?:/|$|-)",
    re.IGNORECASE,
)
_TITLE_LABEL = re.compile(
    r"^\s*(?:opinion|comment|analysis|editorial|op-?ed|view|column)\s*[:|—–-]", re.IGNORECASE
)


def is_opinion(candidate: RelatedCandidate) -> bool:
    """The stated flag, else a guess from the section, URL path or a title label."""
    if candidate.opinion is not None:
        return candidate.opinion
    if candidate.section and _OPINION.search(candidate.section):
        return True
    if candidate.url and _OPINION_URL.search(candidate.url):
        return True
    return bool(candidate.title and _TITLE_LABEL.search(candidate.title))


def _tags(tags: Sequence[str]) -> list[str]:
    return [t.lstrip("#") for t in tags]


def _shared(a: RelatedCandidate, b: RelatedCandidate) -> list[str]:
    theirs = {t.casefold() for t in _tags(b.hashtags)}
    return [t for t in _tags(a.hashtags) if t.casefold() in theirs]


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
) -> list[RelatedItem]:
    """Related articles of ``article`` among ``candidates``, typed and with a reason, best
    first: same story, then follow-ups, then background and opinion by score."""
    follows = follows or {}
    linked = _chain(article.story_id, follows)
    same_outlets = {c.source or c.id for c in candidates if _same_story(article, c)}
    same_outlets.add(article.source or article.id)
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
        if _same_story(article, cand):
            n = len(same_outlets)
            reason = f"same story, {n} outlet{'s' if n != 1 else ''}"
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
        elif topical:
            reason = f"shares {_list_tags(shared)}" if shared else "similar wording"
            ranked.append((2, score, RelatedItem(cand.id, Relation.BACKGROUND, reason, score)))
    ranked.sort(key=lambda r: (r[0], -r[1], r[2].id))
    return [item for _, _, item in ranked[:limit]]


def _ancestors(story: str | None, follows: Mapping[str, str | None]) -> set[str]:
    found: set[str] = set()
    current = follows.get(story) if story is not None else None
    while current is not None and current not in found:
        found.add(current)
        current = follows.get(current)
    return found


def _same_story(a: RelatedCandidate, b: RelatedCandidate) -> bool:
    return a.story_id is not None and a.story_id == b.story_id and a.id != b.id
