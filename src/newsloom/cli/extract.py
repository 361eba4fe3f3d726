"""``newsloom extract PATH...``: extract articles from saved HTML files, one JSON line each."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any

import click

from newsloom.domain.models import Extracted
from newsloom.errors import NewsloomError
from newsloom.pipeline.extract import extract

MAX_FILE_BYTES = 64 * 1024 * 1024


def _read(path: Path) -> bytes:
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    else:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise NewsloomError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return data


def as_record(path: str, e: Extracted) -> dict[str, Any]:
    """The JSON line printed for one extracted file."""
    return {
        "path": path,
        "title": e.title,
        "author": e.author,
        "published": e.published.isoformat() if e.published else None,
        "text": e.text,
        "lead_image": e.lead_image,
        "language": e.language,
        "authors": list(e.authors),
        "updated": e.updated.isoformat() if e.updated else None,
        "canonical_url": e.canonical_url,
        "site_name": e.site_name,
        "description": e.description,
        "score": e.score,
        "blocks": [{"kind": b.kind.value, "text": b.text} for b in e.blocks],
    }


def _error_message(exc: BaseException) -> str:
    if isinstance(exc, NewsloomError):
        return exc.message
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "this is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, gzip.BadGzipFile | zlib.error | EOFError):
        return "the file ends in .gz but is not valid gzip data"
    if isinstance(exc, OSError):
        return f"could not read the file ({exc.strerror or exc})"
    return f"unexpected error ({type(exc).__name__})"


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", default=None, help="Page URL (resolves relative links; one file only).")
def command(paths: tuple[Path, ...], url: str | None) -> None:
    """Extract article text and metadata from HTML files (.html or .html.gz).

    Prints one JSON object per file. A file that fails prints {"path", "error"} and the command
    goes on; the exit status is 1 if any file failed.
    """
    failed = False
    for path in paths:
        try:
            record = as_record(str(path), extract(_read(path), url))
        except (NewsloomError, OSError, EOFError, zlib.error) as exc:
            failed = True
            record = {"path": str(path), "error": _error_message(exc)}
        click.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        raise SystemExit(1)
