"""Two small read helpers over a plain sqlite3 connection, shared by the
audits, the person record and the link stage (which work on whichever
connection they are given, read-only or not)."""

from __future__ import annotations

import sqlite3
from typing import Any


def dict_rows(conn: sqlite3.Connection, sql: str, params=()) -> list[dict[str, Any]]:
    """Rows of ``sql`` as dicts keyed by column name."""
    cur = conn.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def has_object(conn: sqlite3.Connection, name: str) -> bool:
    """True when a table or view called ``name`` exists (views of later migrations may not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
