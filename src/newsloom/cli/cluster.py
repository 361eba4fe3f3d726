"""`newsloom cluster FILE.jsonl`: group articles into stories, streaming, as ingestion does.

Input lines: ``{"id", "title", "text", "published", "source"}`` (published and source may be
null; published is ISO 8601 or seconds since the epoch). Output lines: ``{"id", "story"}``.
A date that cannot be read is reported and read as null: the article is still clustered.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import IO

import click

from newsloom.adapters.embeddings import SentenceEncoder, load_sentence_encoder
from newsloom.pipeline.hashtags import extract_hashtags
from newsloom.pipeline.stories import StreamingClusterer

__all__ = ["BadLine", "ClusterInput", "cluster_articles", "command", "parse_line"]


EMBED_BATCH = 64


class BadLine(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class ClusterInput:
    id: str
    title: str
    text: str
    published: datetime | None
    source: str | None


def _published(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadLine("'published' must be an ISO 8601 date or a number")
    if isinstance(value, int | float):
        seconds = float(value) / 1000 if value > 1e11 else float(value)
        return datetime.fromtimestamp(seconds, tz=UTC)
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise BadLine(f"'published' is not an ISO 8601 date: {value[:40]!r}") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    raise BadLine("'published' must be an ISO 8601 date or a number")


def _text(obj: dict[str, object], key: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadLine(f"'{key}' must be a string")
    return value


def parse_line(line: str, warnings: list[str] | None = None) -> ClusterInput:
    """One input line; raises :class:`BadLine` with a plain reason. A ``published`` that cannot
    be read is read as null, and the reason added to ``warnings``."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise BadLine("not a JSON object")
    ident = obj.get("id")
    if ident is None or isinstance(ident, bool | dict | list):
        raise BadLine("missing 'id'")
    source = obj.get("source")
    try:
        published = _published(obj.get("published"))
    except BadLine as exc:
        published = None
        if warnings is not None:
            warnings.append(f"{exc}; read as null")
    return ClusterInput(
        id=str(ident),
        title=_text(obj, "title"),
        text=_text(obj, "text"),
        published=published,
        source=source if isinstance(source, str) else None,
    )


def cluster_articles(
    articles: Iterable[ClusterInput],
    *,
    hashtags: bool = False,
    encoder: SentenceEncoder | None = None,
) -> Iterator[tuple[str, str]]:
    """(article id, story id) for each article, in input order, clustered as they come.
    With an ``encoder`` (sentence embeddings), articles are encoded in small batches."""
    clusterer = StreamingClusterer()
    stream = iter(articles)
    while batch := list(islice(stream, EMBED_BATCH if encoder else 1)):
        embeddings = encoder([f"{a.title} {a.text}".strip() for a in batch]) if encoder else None
        for n, art in enumerate(batch):
            tags = [h.tag for h in extract_hashtags(art.title, art.text)] if hashtags else []
            embedding = embeddings[n] if embeddings is not None else None
            assignment = clusterer.add(art.id, art.title, art.text, art.published, tags,
                                       embedding)
            yield art.id, assignment.story_id


def _read(stream: IO[str], name: str, errors: list[str]) -> Iterator[ClusterInput]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        warnings: list[str] = []
        try:
            article = parse_line(line, warnings)
        except BadLine as exc:
            message = f"error: {name} line {number}: {exc}"
            errors.append(message)
            click.echo(message, err=True)
            continue
        for warning in warnings:
            click.echo(f"warning: {name} line {number}: {warning}", err=True)
        yield article


@click.command(name="cluster")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option(
    "--hashtags/--no-hashtags",
    default=False,
    show_default=True,
    help="Also use the articles' hashtags as clustering terms.",
)
@click.option(
    "--embeddings/--no-embeddings",
    default=False,
    show_default=True,
    help="Also compare sentence embeddings (needs the optional extra newsloom[embeddings]).",
)
def command(file: IO[str], hashtags: bool, embeddings: bool) -> None:
    """Group the articles of FILE.jsonl into stories (one {"id", "story"} line each).

    Lines are read in order and clustered as they come, as ingestion does. A bad line is
    reported on stderr and skipped; the exit status is then 1. A date that cannot be read is
    reported and read as null."""
    errors: list[str] = []
    name = getattr(file, "name", "-")
    encoder = load_sentence_encoder() if embeddings else None
    try:
        for article_id, story in cluster_articles(_read(file, name, errors), hashtags=hashtags,
                                                  encoder=encoder):
            sys.stdout.write(json.dumps({"id": article_id, "story": story}) + "\n")
    except UnicodeDecodeError:
        raise click.ClickException(f"{name} is not UTF-8 text") from None
    sys.stdout.flush()
    if errors:
        raise click.ClickException(f"{len(errors)} bad line(s) skipped")
