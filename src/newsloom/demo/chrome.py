"""Chooses the clutter printed around each article (carousel, related links, comments, ...) and
lists the distinctive phrases of it that an extractor must leave out of the body."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from newsloom.demo.content import ArticleSpec, Comment, OutletSpec


@dataclass(frozen=True, slots=True)
class LinkItem:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class PageChrome:
    nav: tuple[str, ...]
    newsletter: str
    newsletter_button: str
    carousel_title: str
    carousel: tuple[LinkItem, ...]
    related_title: str
    related: tuple[LinkItem, ...]
    cookie: str
    legal: str
    share: tuple[str, ...]
    comments_title: str
    comments: tuple[Comment, ...]
    bio: str | None
    promo: str

    def junk_phrases(self) -> tuple[str, ...]:
        phrases = [self.newsletter, self.carousel_title, self.cookie, self.legal, self.promo]
        phrases += [c.text for c in self.comments]
        phrases += [r.title for r in self.related]
        phrases += [c.title for c in self.carousel]
        if self.share:
            phrases.append(self.share[0])
        if self.bio:
            phrases.append(self.bio)
        return tuple(dict.fromkeys(phrases))


def stable_number(*parts: str) -> int:
    return zlib.crc32("\x1f".join(parts).encode("utf-8"))


def choose_chrome(
    outlet: OutletSpec,
    article: ArticleSpec,
    siblings: list[tuple[ArticleSpec, str]],
) -> PageChrome:
    """``siblings`` are the outlet's articles with their URLs, newest first (this one included)."""
    others = [(a, url) for a, url in siblings if a.slug != article.slug]
    carousel = tuple(LinkItem(a.title, url) for a, url in others[:4])
    rest = others[4:] or others
    start = stable_number(outlet.slug, article.slug) % max(len(rest), 1)
    rotated = rest[start:] + rest[:start]
    related = tuple(LinkItem(a.title, url) for a, url in rotated[:3])
    comments: tuple[Comment, ...] = ()
    if outlet.comments:
        count = 3 if article.opinion else 2
        first = stable_number(article.slug) % len(outlet.comments)
        pool = outlet.comments[first:] + outlet.comments[:first]
        comments = tuple(pool[:count])
    c = outlet.chrome
    return PageChrome(
        nav=tuple(c["nav"]),
        newsletter=c["newsletter"],
        newsletter_button=c["newsletter_button"],
        carousel_title=c["carousel_title"],
        carousel=carousel,
        related_title=c["related_title"],
        related=related,
        cookie=c["cookie"],
        legal=c["legal"],
        share=tuple(c["share"]),
        comments_title=c["comments_title"],
        comments=comments,
        bio=outlet.bios.get(article.author),
        promo=c["promo"],
    )
