"""Loads the demo site's written content: outlet descriptions (JSON) and articles (Markdown).

Article files live in ``content/articles/<outlet>/<slug>.md``: a front-matter block between
``---`` lines (``key: value``), then the body. Body syntax, one block per blank-line-separated
chunk: plain text is a paragraph; ``## `` a subheading; lines starting ``- `` a bulleted list,
``1. `` a numbered list; lines starting ``> `` a blockquote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

PARAGRAPH = "p"
HEADING = "h2"
BULLETS = "ul"
NUMBERED = "ol"
QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class BodyBlock:
    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comment:
    name: str
    text: str
    age: str


@dataclass(frozen=True, slots=True)
class OutletSpec:
    """An outlet as written in ``content/outlets/<slug>.json``."""

    slug: str
    name: str
    language: str
    feed_format: str
    feed_path: str
    article_prefix: str
    article_suffix: str
    tagline: str
    order: int
    discovered: bool
    tracking: str
    chrome: dict[str, Any]
    comments: tuple[Comment, ...]
    bios: dict[str, str]


@dataclass(frozen=True, slots=True)
class ArticleSpec:
    """An article as written in ``content/articles/<outlet>/<slug>.md``."""

    outlet: str
    slug: str
    title: str
    author: str
    hours_ago: float
    summary: str
    body: tuple[BodyBlock, ...]
    story: str | None = None
    wire: bool = False
    opinion: bool = False
    image: str | None = None
    caption: str | None = None
    section: str = "World"
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.body if b.kind == PARAGRAPH)

    @property
    def word_count(self) -> int:
        words = 0
        for b in self.body:
            words += len(b.text.split()) + sum(len(i.split()) for i in b.items)
        return words


def content_root() -> Traversable:
    return resources.files("newsloom.demo").joinpath("content")


def load_outlets(root: Traversable | None = None) -> list[OutletSpec]:
    root = root or content_root()
    specs: list[OutletSpec] = []
    for entry in root.joinpath("outlets").iterdir():
        if entry.name.endswith(".json"):
            specs.append(_outlet_from_json(json.loads(entry.read_text(encoding="utf-8"))))
    return sorted(specs, key=lambda s: s.order)


def _outlet_from_json(raw: dict[str, Any]) -> OutletSpec:
    comments = tuple(Comment(c["name"], c["text"], c.get("age", "2h")) for c in raw["comments"])
    return OutletSpec(
        slug=raw["slug"],
        name=raw["name"],
        language=raw["language"],
        feed_format=raw["feed_format"],
        feed_path=raw["feed_path"],
        article_prefix=raw["article_prefix"],
        article_suffix=raw.get("article_suffix", ""),
        tagline=raw["tagline"],
        order=int(raw["order"]),
        discovered=bool(raw.get("discovered", False)),
        tracking=raw.get("tracking", ""),
        chrome=dict(raw["chrome"]),
        comments=comments,
        bios=dict(raw.get("bios", {})),
    )


def load_articles(outlets: list[OutletSpec], root: Traversable | None = None) -> list[ArticleSpec]:
    root = root or content_root()
    articles: list[ArticleSpec] = []
    for outlet in outlets:
        folder = root.joinpath("articles").joinpath(outlet.slug)
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".md"):
                text = entry.read_text(encoding="utf-8")
                articles.append(parse_article(outlet.slug, entry.name[:-3], text))
    return sorted(articles, key=lambda a: (a.hours_ago, a.outlet, a.slug))


def parse_article(outlet: str, slug: str, text: str) -> ArticleSpec:
    meta, body = _split_front_matter(text)
    try:
        return ArticleSpec(
            outlet=outlet,
            slug=slug,
            title=meta["title"],
            author=meta["author"],
            hours_ago=float(meta["hours_ago"]),
            summary=meta["summary"],
            body=parse_body(body),
            story=meta.get("story") or None,
            wire=meta.get("wire", "false") == "true",
            opinion=meta.get("opinion", "false") == "true",
            image=meta.get("image") or None,
            caption=meta.get("caption") or None,
            section=meta.get("section", "World"),
            tags=tuple(t.strip() for t in meta.get("tags", "").split(",") if t.strip()),
        )
    except KeyError as exc:
        raise ValueError(f"demo article {outlet}/{slug}: missing front matter {exc}") from exc


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("demo article must start with a front-matter block")
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[index + 1 :])
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = _unquote(value.strip())
    raise ValueError("unterminated front matter")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_body(text: str) -> tuple[BodyBlock, ...]:
    blocks: list[BodyBlock] = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("## "):
            blocks.append(BodyBlock(HEADING, first[3:].strip()))
        elif first.startswith("- "):
            blocks.append(BodyBlock(BULLETS, items=tuple(li[2:].strip() for li in lines)))
        elif first[:1].isdigit() and ". " in first[:4]:
            blocks.append(BodyBlock(NUMBERED, items=tuple(_numbered(li) for li in lines)))
        elif first.startswith("> "):
            blocks.append(BodyBlock(QUOTE, " ".join(li[2:].strip() for li in lines)))
        else:
            blocks.append(BodyBlock(PARAGRAPH, " ".join(lines)))
    return tuple(blocks)


def _numbered(line: str) -> str:
    return line.split(". ", 1)[1].strip()
