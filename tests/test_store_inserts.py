"""The store writes a document's rows with one prepared statement a table
(boardpack.store.document_rows.insert_many) instead of sqlite-utils'
insert_all (issue 10: the writer's share of a 2-worker ingest). The values
stored must be the ones sqlite-utils stored: checked here side by side."""

from __future__ import annotations

import datetime
import decimal
import sqlite3

import pytest
import sqlite_utils

from boardpack.store.document_rows import insert_many

ROWS = [
    {"id": 1, "text": "Café £1,200", "n": 2.5, "flag": True, "extra": None},
    {"id": 2, "text": "no n here", "cells": [["a", "b"], [1, None]], "meta": {"k": "v", "é": 1}},
    {"id": 3, "when": datetime.date(2009, 7, 27), "at": datetime.datetime(2009, 7, 27, 19, 30),
     "amount": decimal.Decimal("12.50"), "pair": ("x", 2), "raw": b"\x00\x01", "flag": False},
]
COLUMNS = "id INTEGER PRIMARY KEY, text TEXT, n REAL, flag INTEGER, extra TEXT, cells TEXT, meta TEXT, " \
          "[when] TEXT, at TEXT, amount REAL, pair TEXT, raw BLOB"


def _table(conn: sqlite3.Connection, name: str) -> None:
    conn.execute(f"CREATE TABLE {name} ({COLUMNS})")


def test_rows_are_stored_as_sqlite_utils_stored_them():
    conn = sqlite3.connect(":memory:")
    _table(conn, "mine")
    _table(conn, "theirs")
    insert_many(conn, "mine", [dict(r) for r in ROWS])
    sqlite_utils.Database(conn)["theirs"].insert_all([dict(r) for r in ROWS], alter=False)
    mine = conn.execute("SELECT *, typeof(n), typeof(amount), typeof(flag) FROM mine ORDER BY id").fetchall()
    theirs = conn.execute("SELECT *, typeof(n), typeof(amount), typeof(flag) FROM theirs ORDER BY id").fetchall()
    assert mine == theirs
    assert mine[1][5] == '[["a", "b"], [1, null]]' and mine[2][7] == "2009-07-27"  # JSON and ISO text


def test_a_column_no_migration_made_fails_as_sqlite_says_and_nothing_is_half_written():
    conn = sqlite3.connect(":memory:")
    _table(conn, "mine")
    with pytest.raises(sqlite3.OperationalError, match="no column named nope"):
        insert_many(conn, "mine", [{"id": 1}, {"id": 2, "nope": 1}])
    assert conn.execute("SELECT COUNT(*) FROM mine").fetchone()[0] == 0
    insert_many(conn, "mine", [])  # nothing to write is no statement at all
    with pytest.raises(sqlite3.IntegrityError):
        insert_many(conn, "mine", [{"id": 1}, {"id": 1}])
