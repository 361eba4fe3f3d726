"""How times, counts and article bodies read on a page: relative times with the exact time on
hover, plural words, and an article's blocks grouped for rendering (list items into lists)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from newsloom.domain.models import Block, BlockKind
from newsloom.domain.records import ArticleCard
from newsloom.domain.text import as_utc


def exact_time(moment: datetime) -> str:
    """The exact time, for the hover title: ``26 Nov 2026, 14:05 UTC``."""
    m = as_utc(moment)
    return f"{m.day} {m:%b %Y, %H:%M} UTC"


def iso_time(moment: datetime) -> str:
    """The machine-readable value of a ``<time datetime=...>`` attribute."""
    return as_utc(moment).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class BodyPart:
    """One rendered piece of an article body: a single block, or a run of list items."""

    kind: str
    """The block kind's value ("p", "h", "quote", "caption", "table", "pre") or "list"."""
    items: tuple[tuple[int, Block], ...]
    """(index in the article's blocks, block): one item, or several for a list."""

    @property
    def index(self) -> int:
        return self.items[0][0]

    @property
    def text(self) -> str:
        return self.items[0][1].text


def body_parts(blocks: Sequence[Block]) -> list[BodyPart]:
    """Group consecutive list items into one list; every other block stands alone. Each block
    keeps its index, so the page can give it the id ``b{index}`` that summaries link to."""
    parts: list[BodyPart] = []
    run: list[tuple[int, Block]] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.LIST_ITEM:
            run.append((index, block))
            continue
        if run:
            parts.append(BodyPart("list", tuple(run)))
            run = []
        parts.append(BodyPart(block.kind.value, ((index, block),)))
    if run:
        parts.append(BodyPart("list", tuple(run)))
    return parts


@dataclass(frozen=True, slots=True)
class CardGroup:
    """A listing entry: an article, and other outlets' articles on the same story shown with it
    so one story covered by many outlets takes one place on the page."""

    lead: ArticleCard
    also: tuple[ArticleCard, ...] = ()


def group_by_story(cards: Sequence[ArticleCard]) -> list[CardGroup]:
    """Keep the listing's order; fold later articles of an already shown story into its group."""
    groups: list[CardGroup] = []
    by_story: dict[int, int] = {}
    for card in cards:
        if card.story_id is not None and card.story_id in by_story:
            at = by_story[card.story_id]
            group = groups[at]
            groups[at] = CardGroup(group.lead, (*group.also, card))
            continue
        if card.story_id is not None:
            by_story[card.story_id] = len(groups)
        groups.append(CardGroup(card))
    return groups
