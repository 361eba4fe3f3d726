"""Small SQL helpers shared by the repositories."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def dialect_insert(conn: Connection, table: Table) -> Any:
    """An INSERT that knows ON CONFLICT, for the connection's dialect."""
    module: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    return module.insert(table)


def insert_ignoring_conflicts(conn: Connection, table: Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING."""
    return dialect_insert(conn, table).on_conflict_do_nothing()


def upsert(conn: Connection, table: Table, keys: list[str], values: dict[str, Any]) -> None:
    """INSERT, or UPDATE the non-key columns when the keys already exist."""
    statement = dialect_insert(conn, table).values(**values)
    updates = {k: statement.excluded[k] for k in values if k not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates))
