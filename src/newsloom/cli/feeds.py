"""`newsloom feeds add|list|remove|import|export`."""

from __future__ import annotations

from pathlib import Path

import click

from newsloom.cli._common import ago, opened, settings, written


@click.group("feeds")
def command() -> None:
    """Manage the feeds newsloom polls."""


@command.command("add")
@click.argument("url")
@click.option("--name", help="Outlet name to show (default: the feed's title).")
def add(url: str, name: str | None) -> None:
    """Add a feed by URL (RSS, Atom, JSON Feed) or a site's home page."""
    with opened(settings()) as app:
        source = app.sources.add(url, name=name)
        click.echo(f"Added {source.name} ({source.feed_url}) as #{source.id}")


@command.command("list")
def list_() -> None:
    """List feeds with their health."""
    with opened(settings()) as app:
        now = app.clock()
        sources = app.sources.list()
        if not sources:
            click.echo("No feeds yet. Add one with `newsloom feeds add URL`.")
            return
        for s in sources:
            health = "ok" if not s.error_count else f"{s.error_count} error(s) in a row"
            click.echo(f"#{s.id} {s.name} — {s.feed_url}")
            click.echo(f"    {s.article_count} articles; last fetch {ago(s.last_fetched_at, now)}; "
                       f"{health}")
            if s.last_error:
                click.echo(f"    last error: {s.last_error}")


@command.command("remove")
@click.argument("source")
def remove(source: str) -> None:
    """Remove a feed (by id, feed URL or outlet slug) and its articles."""
    with opened(settings()) as app:
        removed = app.sources.remove(source)
        click.echo(f"Removed {removed.name} ({removed.feed_url})")


@command.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_(path: str) -> None:
    """Import feeds from an OPML file."""
    with opened(settings()) as app:
        report = app.sources.import_opml(Path(path).read_bytes())
        click.echo(f"Imported {len(report.added)} feeds; {len(report.already_present)} were "
                   f"already there; {len(report.failed)} failed.")
        for url, reason in report.failed:
            click.echo(f"    {url}: {reason}")


@command.command("export")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def export(path: str | None) -> None:
    """Export feeds as OPML (to PATH or standard output)."""
    with opened(settings()) as app:
        opml = app.sources.export_opml()
    if path:
        written(path, lambda: Path(path).write_text(opml, encoding="utf-8"))
        click.echo(f"Wrote {path}", err=True)
    else:
        click.echo(opml, nl=False)
