"""Schema as code: numbered SQL migrations applied on open.

``migrations/NNNN_name.sql`` files are applied in order; ``PRAGMA
user_version`` records the last one applied. A migration file may hold
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


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database's user_version; return the new version."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for num, name, sql in migrations():
        if num <= current:
            continue
        try:
            conn.executescript("BEGIN;\n" + sql + f"\nPRAGMA user_version = {num};\nCOMMIT;")
        except sqlite3.Error as e:
            conn.rollback() if conn.in_transaction else None
            raise RuntimeError(f"migration {name} failed: {e}") from e
        current = num
    return current


def latest_version() -> int:
    ms = migrations()
    return ms[-1][0] if ms else 0
