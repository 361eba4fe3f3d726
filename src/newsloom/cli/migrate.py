"""`newsloom migrate`: bring the database to the newest schema."""

from __future__ import annotations

import click
from sqlalchemy.exc import DBAPIError

from newsloom.cli._common import database_error, settings
from newsloom.storage.db import create_db_engine, migrate


@click.command("migrate")
def command() -> None:
    """Create or upgrade the database schema (NEWSLOOM_DATABASE_URL)."""
    config = settings()
    engine = create_db_engine(config.database_url)
    try:
        migrate(engine)
    except DBAPIError as exc:
        raise database_error(config.database_url, exc) from None
    finally:
        engine.dispose()
    click.echo(f"Database is up to date: {engine.url.render_as_string(hide_password=True)}")
