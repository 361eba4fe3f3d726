"""`newsloom ingest`: one polling pass over every feed, with a progress bar."""

from __future__ import annotations

import time

import click

from newsloom.cli._common import describe, ingest_with_progress, opened, settings


@click.command("ingest")
def command() -> None:
    """Poll every feed once and store the new articles."""
    with opened(settings()) as app:
        if not app.sources.list():
            click.echo("There are no feeds yet. Add one with `newsloom feeds add URL`, "
                       "or try `newsloom demo`.")
            return
        started = time.perf_counter()
        reports = ingest_with_progress(app)
        elapsed = time.perf_counter() - started
        for report in reports:
            click.echo(describe(report))
        new = sum(r.new_articles for r in reports)
        failed = sum(1 for r in reports if r.error)
        click.echo(f"{new} new articles from {len(reports)} feeds in {elapsed:.1f} s"
                   + (f"; {failed} feeds failed (see above)" if failed else ""))
