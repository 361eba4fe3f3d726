"""`newsloom demo`: a sample news site on 127.0.0.1, ingested over HTTP, then served."""

from __future__ import annotations

import contextlib
import os
import time

import click

from newsloom.cli._common import describe, ingest_with_progress, opened, settings
from newsloom.cli._serving import check_port_free, serve
from newsloom.demo.site import DemoSite
from newsloom.errors import ConfigError, Conflict

DEMO_DATABASE = "sqlite:///newsloom-demo.db"


@click.command("demo")
@click.option("--host", help="Address the newsloom site listens on (default 127.0.0.1).")
@click.option("--port", type=int, help="Port of the newsloom site (default 8000).")
@click.option("--demo-port", type=int, default=8765, show_default=True,
              help="Port of the sample news site.")
@click.option("--no-serve", is_flag=True, help="Ingest the sample site, print the rate, exit.")
def command(host: str | None, port: int | None, demo_port: int, no_serve: bool) -> None:
    """Start a sample news site, ingest it over HTTP and serve newsloom on it. Uses
    newsloom-demo.db unless NEWSLOOM_DATABASE_URL is set."""
    database_url = os.environ.get("NEWSLOOM_DATABASE_URL") or DEMO_DATABASE
    config = settings(host=host, port=port, database_url=database_url)
    if not no_serve:
        if config.port == demo_port:
            raise ConfigError(
                f"newsloom and the sample news site cannot both use port {demo_port}; "
                "choose another with --port or --demo-port"
            )
        check_port_free(config.host, config.port)  # before the work, not after it
    site = DemoSite(port=demo_port)
    try:
        site.start()
    except OSError as exc:
        raise ConfigError(
            f"cannot start the sample news site on 127.0.0.1:{demo_port} "
            f"({exc.strerror or exc}); choose another with --demo-port"
        ) from None
    try:
        click.echo(f"Sample news site running at {site.base_url}/ "
                   f"({len(site.outlets)} invented outlets)")
        with opened(config) as app:
            for url in site.feed_urls:
                with contextlib.suppress(Conflict):
                    app.sources.add(url)
            started = time.perf_counter()
            reports = ingest_with_progress(app)
            elapsed = time.perf_counter() - started
            for report in reports:
                click.echo(describe(report))
            new = sum(r.new_articles for r in reports)
            rate = new / elapsed if elapsed > 0 else 0.0
            click.echo(f"Ingested {new} articles from {len(reports)} feeds in {elapsed:.2f} s "
                       f"({rate:.1f} articles/s)")
            if not no_serve:
                serve(app, config.host, config.port, poll=config.poll_in_background)
    finally:
        site.stop()
