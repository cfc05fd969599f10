"""The store's schema pinned exactly: the DDL a fresh store gets, and the migrations that build it.

* ``tests/golden/schema.sql``: ``SELECT type, name, sql FROM sqlite_master
  ORDER BY type, name`` of a store made by ``Store.open`` on an empty file,
  with ``PRAGMA user_version``. Any change to a table, index, view or trigger
  (or to the FTS table) shows up as a diff. When a new migration changes the
  schema on purpose, regenerate the pin and review its diff::

      BOARDPACK_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_schema_pinned.py

  (the same switch as the stage goldens; the guard test fails while it is on).
  Whoever changes the schema, e.g. the FTS table through a new migration,
  regenerates this pin in the same commit.

* ``tests/golden/migrations.sha256``: every file in ``schema/migrations/``
  with the sha256 of its bytes (``sha256sum`` format). A migration, once
  pinned, may have been applied to somebody's database, so it is never edited
  or removed: change the schema with a new, higher-numbered migration. The
  switch only adds new migrations to the pin; it never rewrites the hash of
  one already there, so an edited migration keeps failing. (If an edit is a
  reviewed exception, e.g. a comment typo in a migration not yet released,
  change its line in the pin by hand and say why in the commit.)
"""

from __future__ import annotations

import difflib
import hashlib
import os
import sqlite3
from importlib import resources
from pathlib import Path

from boardpack.schema import migrations
from boardpack.store.database import Store

PIN_DIR = Path(__file__).parent / "golden"
SCHEMA_PIN = PIN_DIR / "schema.sql"
MIGRATIONS_PIN = PIN_DIR / "migrations.sha256"
REGEN = os.environ.get("BOARDPACK_REGEN_GOLDEN", "") not in ("", "0")
# Recorded in the pin for the reader of a diff, not compared: a different
# SQLite may word the FTS shadow tables differently.
VERSION_LINE = "-- sqlite_version: "


def schema_text(db_path: Path) -> str:
    store = Store.open(db_path)
    try:
        conn = store.db.conn
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        store.close()
    out = [
        "-- The schema of a fresh store (Store.open on an empty file), pinned by tests/test_schema_pinned.py.",
        "-- SELECT type, name, sql FROM sqlite_master ORDER BY type, name",
        f"{VERSION_LINE}{sqlite3.sqlite_version}",
        f"-- user_version: {version}",
    ]
    for kind, name, sql in rows:
        out.append("")
        out.append(f"-- {kind} {name}")
        out.append(f"{sql};" if sql is not None else "-- (made by SQLite, no SQL)")
    return "\n".join(out) + "\n"


def compared(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith(VERSION_LINE)]


def pinned_version(text: str) -> str:
    return next((line[len(VERSION_LINE):] for line in text.splitlines() if line.startswith(VERSION_LINE)), "?")


def migration_files() -> dict[str, str]:
    """Every file in schema/migrations/ -> sha256 of its bytes."""
    folder = resources.files("boardpack.schema").joinpath("migrations")
    return {
        entry.name: hashlib.sha256(entry.read_bytes()).hexdigest()
        for entry in folder.iterdir()
        if entry.is_file()
    }


def read_migrations_pin() -> dict[str, str]:
    pinned = {}
    for line in MIGRATIONS_PIN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(None, 1)
            pinned[name.strip()] = digest
    return pinned


def write_migrations_pin(pinned: dict[str, str]) -> None:
    MIGRATIONS_PIN.write_text("".join(f"{d}  {n}\n" for n, d in sorted(pinned.items())), encoding="utf-8")


def test_regeneration_switch_is_off():
    assert not REGEN, "BOARDPACK_REGEN_GOLDEN is set: pins were rewritten, unset it and review the diff"


def schema_mismatch(pin: str, got: str) -> str | None:
    """None when the fresh schema matches the pin, else a message with a unified diff."""
    if compared(pin) == compared(got):
        return None
    diff = "\n".join(difflib.unified_diff(
        compared(pin), compared(got), fromfile="tests/golden/schema.sql", tofile="fresh store", lineterm="", n=2))
    versions = f" (pinned with SQLite {pinned_version(pin)}, running {sqlite3.sqlite_version})"
    return (
        "the schema of a fresh store differs from tests/golden/schema.sql" + versions
        + ". If a new migration changed it on purpose, regenerate with BOARDPACK_REGEN_GOLDEN=1"
        + " and review the diff:\n" + diff
    )


def test_fresh_schema_matches_pin(tmp_path):
    got = schema_text(tmp_path / "fresh.db")
    if REGEN and (not SCHEMA_PIN.exists() or schema_mismatch(SCHEMA_PIN.read_text(encoding="utf-8"), got)):
        SCHEMA_PIN.write_text(got, encoding="utf-8")
    assert SCHEMA_PIN.exists(), f"no {SCHEMA_PIN.name}: run with BOARDPACK_REGEN_GOLDEN=1"
    message = schema_mismatch(SCHEMA_PIN.read_text(encoding="utf-8"), got)
    if message:
        raise AssertionError(message)


def test_a_changed_schema_fails_with_a_diff(tmp_path):
    got = schema_text(tmp_path / "fresh.db")
    assert schema_mismatch(got, got) is None
    # Another SQLite version alone is not a difference.
    other = got.replace(VERSION_LINE + sqlite3.sqlite_version, VERSION_LINE + "0.0.0")
    assert schema_mismatch(other, got) is None
    changed = got.replace('CREATE VIRTUAL TABLE "blocks_fts"', 'CREATE VIRTUAL TABLE "blocks_fts_old"', 1)
    assert changed != got, "the fresh schema has no blocks_fts table any more: pick another line to change"
    message = schema_mismatch(changed, got)
    assert message is not None and "blocks_fts_old" in message and "running " + sqlite3.sqlite_version in message


def test_pinned_migrations_are_never_edited_or_removed():
    current = migration_files()
    pinned = read_migrations_pin() if MIGRATIONS_PIN.exists() else {}
    edited = sorted(n for n in pinned if n in current and current[n] != pinned[n])
    removed = sorted(set(pinned) - set(current))
    assert not edited, (
        f"pinned migrations edited: {edited}. A migration may already be applied to a user's database;"
        " put the change in a new migration instead (see this module's docstring)"
    )
    assert not removed, f"pinned migrations removed: {removed}"
    added = sorted(set(current) - set(pinned))
    if REGEN and added:
        write_migrations_pin({**pinned, **{n: current[n] for n in added}})
        pinned = read_migrations_pin()
    assert not added or REGEN, f"migrations not pinned yet: {added}: run with BOARDPACK_REGEN_GOLDEN=1"
    assert pinned == current


def test_every_migration_file_is_one_the_runner_applies():
    # A file the runner's name pattern skips would be pinned but never applied.
    applied = {name for _, name, _ in migrations()}
    assert set(migration_files()) == applied


def test_an_edited_migration_fails(monkeypatch):
    current = migration_files()
    name = sorted(current)[0]
    monkeypatch.setitem(globals(), "migration_files", lambda: {**current, name: "0" * 64})
    try:
        test_pinned_migrations_are_never_edited_or_removed()
    except AssertionError as e:
        assert name in str(e) and "edited" in str(e)
    else:
        raise AssertionError("an edited migration passed")
