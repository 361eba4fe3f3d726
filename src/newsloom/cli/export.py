"""`newsloom export`: every stored article as JSON lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import TextIO

import click

from newsloom.cli._common import opened, settings, written
from newsloom.services.export import EXPORT_FIELDS, export_rows
from newsloom.storage.store import Store


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: standard output).")
def command(fmt: str, output: str | None) -> None:
    """Write every stored article (url, canonical_url, title, author, published, outlet, text,
    hashtags)."""
    with opened(settings()) as app:
        if output:
            def write() -> int:
                with open(output, "w", encoding="utf-8", newline="") as stream:
                    return _write(app.store, fmt, stream)

            count = written(output, write)
            click.echo(f"Wrote {count} articles to {output}", err=True)
        else:
            _write(app.store, fmt, sys.stdout)


def _write(store: Store, fmt: str, stream: TextIO) -> int:
    count = 0
    if fmt == "jsonl":
        for row in export_rows(store):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(stream, fieldnames=list(EXPORT_FIELDS))
    writer.writeheader()
    for row in export_rows(store):
        writer.writerow({**row, "hashtags": " ".join(row["hashtags"])})
        count += 1
    return count
