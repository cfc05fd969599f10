"""The full-text index of blocks is one sqlite-utils and Datasette recognise.

Migration 0009 rebuilt ``blocks_fts`` in the exact form of sqlite-utils'
``enable_fts(["norm"], tokenize="porter unicode61", create_triggers=True)``:
Datasette offers its search box only for a table whose FTS table it detects
(content="blocks"), and 0001's content='blocks' was not detected.
"""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from boardpack.batch import ingest_paths
from boardpack.schema import migrate, migrations
from boardpack.store.database import Store
from boardpack.store.search import search

MIGRATION = 9  # schema/migrations/0009_blocks_fts_sqlite_utils.sql

def _schema(conn) -> list:
    return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


@pytest.fixture
def store_db(tmp_path):
    path = tmp_path / "fresh.db"
    Store.open(path).close()
    return path


def test_sqlite_utils_and_datasette_detect_the_index(store_db):
    assert sqlite_utils.Database(store_db)["blocks"].detect_fts() == "blocks_fts"
    utils = pytest.importorskip("datasette.utils", reason="datasette (the web extra) not installed")
    conn = sqlite3.connect(store_db)
    try:
        assert utils.detect_fts(conn, "blocks") == "blocks_fts"
    finally:
        conn.close()


def test_the_index_is_exactly_what_enable_fts_writes(store_db):
    """enable_fts(replace=True) rebuilds an index unless its DDL and triggers are the
    ones it would write: the schema must come out unchanged."""
    db = sqlite_utils.Database(store_db)
    before = _schema(db.conn)
    db["blocks"].enable_fts(["norm"], tokenize="porter unicode61", create_triggers=True, replace=True)
    assert _schema(db.conn) == before


def test_search_finds_a_word(tmp_path, make_docx):
    make_docx(tmp_path / "packs" / "pack.docx", ["Paragraph about ripe bananas.", "Second paragraph."])
    db = tmp_path / "b.db"
    ingest_paths([tmp_path / "packs"], db, workers=1)
    conn = sqlite3.connect(db)
    try:
        hits = search(conn, "banana")  # porter stemming: the singular finds the plural
        assert [h["file"].endswith("pack.docx") for h in hits] == [True]
        assert "[bananas]" in hits[0]["snippet"]
    finally:
        conn.close()


def test_an_older_store_gets_the_index_with_its_blocks(tmp_path):
    """A store made before 0009 (0001's index, blocks already stored) keeps every
    block searchable after the migration, and new blocks are indexed by the triggers."""
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for num, name, sql in migrations():
        if num < MIGRATION:
            conn.executescript(sql)
            conn.execute("INSERT INTO schema_migrations VALUES (?, datetime('now'))", (name,))
    conn.execute(f"PRAGMA user_version = {MIGRATION - 1}")
    conn.execute("INSERT INTO blocks (doc_sha256, block_index, kind, norm) VALUES ('a', 0, 'paragraph', 'old apples')")
    conn.commit()
    assert sqlite_utils.Database(conn)["blocks"].detect_fts() is None  # 0001's form
    assert migrate(conn) >= MIGRATION
    assert sqlite_utils.Database(conn)["blocks"].detect_fts() == "blocks_fts"

    def matches(word):
        return conn.execute("SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?", (word,)).fetchone()[0]

    assert matches("apple") == 1  # the stored block, indexed again by the migration
    conn.execute("INSERT INTO blocks (doc_sha256, block_index, kind, norm) VALUES ('a', 1, 'paragraph', 'new pears')")
    conn.execute("DELETE FROM blocks WHERE block_index = 0")
    assert (matches("apple"), matches("pears"), matches("missing")) == (0, 1, 0)
    conn.execute("INSERT INTO blocks_fts(blocks_fts) VALUES ('integrity-check')")
    conn.close()
