"""`newsloom serve`: the site and background polling in one process."""

from __future__ import annotations

import click

from newsloom.cli._common import opened, settings
from newsloom.cli._serving import serve


@click.command("serve")
@click.option("--host", help="Address to listen on (default 127.0.0.1, NEWSLOOM_HOST).")
@click.option("--port", type=int, help="Port to listen on (default 8000, NEWSLOOM_PORT).")
@click.option("--no-poll", is_flag=True, help="Serve only; do not poll feeds in the background.")
@click.option("--no-defaults", is_flag=True,
              help="Do not subscribe to the default outlets when there are no feeds yet.")
def command(host: str | None, port: int | None, no_poll: bool, no_defaults: bool) -> None:
    """Run the web site, polling feeds in the background."""
    config = settings(host=host, port=port)
    with opened(config) as app:
        if not no_defaults and not app.sources.list():
            report = app.sources.add_defaults()
            click.echo(f"No feeds yet: subscribed to {len(report.added)} international outlets "
                       "(`newsloom feeds list` shows them; `newsloom demo` runs a sample site "
                       "with no internet needed).")
        serve(app, config.host, config.port, poll=config.poll_in_background and not no_poll)
