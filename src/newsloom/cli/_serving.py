"""Running the web site (and the background poller) in this process."""

from __future__ import annotations

import logging
import socket

import click
import uvicorn

from newsloom.bootstrap import App
from newsloom.errors import ConfigError
from newsloom.jobs.scheduler import Scheduler


def check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port} ({exc.strerror}); "
                "choose another with --port"
            ) from None


def serve(app: App, host: str, port: int, *, poll: bool) -> None:
    from newsloom.web.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s",
                        datefmt="%H:%M:%S")
    check_port_free(host, port)
    scheduler = Scheduler(app.ingest, app.settings.scheduler_tick) if poll else None
    web = create_app(app, scheduler=scheduler)
    shown_host = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    click.echo(f"newsloom is running at http://{shown_host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(web, host=host, port=port, log_level="warning")
