"""`newsloom hashtags PATH...`: the hashtags of text files, one JSON line per file.

A file's first line is read as its title, the rest as its text. Output:
``{"path": ..., "tags": ["NorthKorea", "KimJongUn", ...]}``, best first, without '#'.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsloom.pipeline.hashtags import article_hashtags

__all__ = ["command", "tags_of_file"]


def tags_of_file(path: Path, limit: int = 10, language: str | None = None) -> list[str]:
    """Hashtags of one text file (first line = title). Raises OSError / UnicodeDecodeError."""
    text = path.read_text(encoding="utf-8")
    title, _, body = text.lstrip("\ufeff").partition("\n")
    return [h.tag for h in article_hashtags(title, body, language=language, limit=limit)]


@click.command(name="hashtags")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option(
    "--language",
    default=None,
    help="Language code of the texts (default: guessed in each text; English when unsure).",
)
def command(paths: tuple[Path, ...], limit: int, language: str | None) -> None:
    """Print the hashtags of each text file PATH (first line: title), best first."""
    failed = 0
    for path in paths:
        try:
            tags = tags_of_file(path, limit, language)
        except FileNotFoundError:
            click.echo(f"error: {path}: no such file", err=True)
            failed += 1
            continue
        except IsADirectoryError:
            click.echo(f"error: {path}: is a directory", err=True)
            failed += 1
            continue
        except UnicodeDecodeError:
            click.echo(f"error: {path}: not UTF-8 text", err=True)
            failed += 1
            continue
        except OSError as exc:
            click.echo(f"error: {path}: {exc.strerror or exc}", err=True)
            failed += 1
            continue
        sys.stdout.write(json.dumps({"path": str(path), "tags": tags}, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failed:
        raise click.ClickException(f"{failed} file(s) could not be read")
