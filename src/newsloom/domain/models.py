"""Plain data shared by every layer: what the pipeline produces and what storage keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class BlockKind(StrEnum):
    """The kind of one block of an article body."""

    PARAGRAPH = "p"
    HEADING = "h"
    LIST_ITEM = "li"
    QUOTE = "quote"
    TABLE = "table"
    CAPTION = "caption"
    CODE = "pre"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article's main text, in reading order."""

    kind: BlockKind
    text: str


def body_text(blocks: tuple[Block, ...]) -> str:
    """An article's main text: every block but figure captions, one per paragraph."""
    return "\n\n".join(b.text for b in blocks if b.kind is not BlockKind.CAPTION)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What the extractor finds in one HTML page. Dates are timezone-aware (UTC when unstated)."""

    blocks: tuple[Block, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    byline: str | None = None
    """The authors as the page writes them together ("A & B", "A, B, and C"), when it does."""
    published: datetime | None = None
    updated: datetime | None = None
    lead_image: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    score: float = 0.0
    """0..1: how sure the extractor is that it found the article body."""
    fingerprints: tuple[str, ...] = ()
    """Hashes of the page's candidate blocks; several pages' lists make a site profile."""

    @property
    def text(self) -> str:
        return body_text(self.blocks)

    @property
    def author(self) -> str | None:
        """The byline as the page writes it, else as a reader would: "A", "A and B",
        "A, B and C"."""
        if not self.authors:
            return None
        if self.byline:
            return self.byline
        *rest, last = self.authors
        return f"{', '.join(rest)} and {last}" if rest else last


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """A parsed feed's own metadata."""

    title: str | None = None
    site_url: str | None = None
    description: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, as the feed states it."""

    guid: str
    url: str
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    summary: str | None = None
    content_html: str | None = None
    image: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    info: FeedInfo
    entries: tuple[Entry, ...]


class HashtagKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORG = "org"
    EVENT = "event"
    TOPIC = "topic"


@dataclass(frozen=True, slots=True)
class Hashtag:
    """A canonical CamelCase tag (no leading '#'), e.g. ``NorthKorea``."""

    tag: str
    kind: HashtagKind = HashtagKind.TOPIC
    score: float = 0.0
    variants: tuple[str, ...] = field(default=())


def hashtag_key(tag: str, kind: HashtagKind | str = HashtagKind.TOPIC) -> str:
    """What a hashtag is stored and looked up by: lower case, and for a topic a plural's ending
    dropped, so that #Flood and #Floods, #City and #Cities, #InterestRate and #InterestRates
    are one hashtag page ("Congress" and "Virus" keep their "s"). A name keeps its ending:
    #William and #Williams are two people or teams. The tag shown keeps the spelling its
    article used."""
    key = tag.lower()
    if kind != HashtagKind.TOPIC:
        return key
    if key.endswith(("series", "species")):
        return key
    if key.endswith("ies") and len(key) > 5:
        # "cities", "casualties" -> "-y"; "movies", "calories" -> "-ie"
        return key[:-1] if key[:-1].endswith(_IE_NOUNS) else key[:-3] + "y"
    if key.endswith(("sses", "xes", "ches", "shes")):
        return key[:-2]
    if key.endswith("s") and not key.endswith(("ss", "us", "is")) and len(key) > 4:
        return key[:-1]
    return key


_IE_NOUNS = (
    "movie", "cookie", "calorie", "zombie", "rookie", "selfie", "hippie", "goalie", "genie",
    "prairie", "smoothie", "brownie", "freebie", "newbie", "veggie", "auntie", "bookie",
    "birdie", "hoodie",
)
"""Nouns whose singular ends in "ie": their plural only drops the "s"."""


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of a summary, traceable to where it stands in the article text."""

    text: str
    block_index: int
    """Index into the article's blocks of the block this sentence comes from."""
    start: int
    end: int
    """Character offsets of the sentence within that block's text."""
