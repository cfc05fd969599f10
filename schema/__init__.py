"""Schema as code: numbered SQL migrations applied on open.

``migrations/NNNN_name.sql`` files are applied in order; the
``schema_migrations`` table records each one applied (so a migration added
with a lower number than one already applied still runs) and ``PRAGMA
user_version`` mirrors the highest. A migration file may hold
tables, indexes and views. Views are part of the documented query contract
(see README) and must stay stable.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """Return [(number, filename, sql)] sorted by number."""
    out = []
    for entry in resources.files(__name__).joinpath("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    out.sort()
    nums = [n for n, _, _ in out]
    if len(set(nums)) != len(nums):
        raise RuntimeError(f"duplicate migration numbers in schema/migrations: {nums}")
    return out


def _applied(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration not yet applied; return the new user_version.

    Safe when several processes open a new store at once: each migration runs
    in a ``BEGIN IMMEDIATE`` transaction (one writer at a time, the others
    wait for the lock), and a process that finds its migration applied by
    another meanwhile (its CREATE fails) re-reads what is applied and goes on.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    applied = _applied(conn)
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for num, name, sql in migrations():
        if name in applied:
            continue
        current = max(current, num)
        try:
            conn.executescript(
                "BEGIN IMMEDIATE;\n" + sql
                + f"\nINSERT INTO schema_migrations VALUES ('{name}', datetime('now'));"
                + f"\nPRAGMA user_version = {current};\nCOMMIT;"
            )
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.rollback()
            applied = _applied(conn)
            if name in applied:  # another process applied it while we waited
                current = max(current, conn.execute("PRAGMA user_version").fetchone()[0])
                continue
            raise RuntimeError(f"migration {name} failed: {e}") from e
    return current


def latest_version() -> int:
    ms = migrations()
    return ms[-1][0] if ms else 0
