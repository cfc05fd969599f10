"""doc_sources, kept by triggers, holds what v_sources computed (issue 13, migration 0022).

Every view names a row's file from v_sources. It computed each document's
first path over the whole archive for every query; now it reads the table
doc_sources, which triggers on documents and files keep. The table must
equal the old computation after every way the store changes a document's
paths: a new file, another name for the same bytes (earlier or later in
the alphabet), a path given other bytes, a path forgotten, a document gone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


from boardpack.store.database import Store


# v_sources as migration 0010 defined it
BEFORE = """
    SELECT d.sha256, replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url, d.format
    FROM documents d
    LEFT JOIN files f ON f.path = (SELECT x.path FROM files x WHERE x.sha256 = d.sha256 ORDER BY x.path LIMIT 1)
    ORDER BY 1"""


def same(conn: sqlite3.Connection) -> list[tuple]:
    got = conn.execute("SELECT * FROM v_sources ORDER BY doc_sha256").fetchall()
    assert got == conn.execute(BEFORE).fetchall()
    return got


def test_doc_sources_follow_every_change_of_paths(tmp_path, two_parsed_packs):
    a, b = two_parsed_packs
    with Store.open(tmp_path / "s.db") as store:
        conn = store.db.conn
        store.store_parsed(a)
        store.store_parsed(b)
        assert [r[1] for r in same(conn)] and all(r[1] for r in same(conn))
        # another name, first in the alphabet: it names the document now. Beside
        # the pack's own file, so the order does not depend on where the tree
        # and the temporary folder lie (a clone under /tmp sorts before pytest's)
        folder = Path(a.path).parent
        first, last = folder / "0000-first.docx", folder / "zzzz-last.docx"
        store.add_path(first, a.sha256, a.size)
        assert first.name in [r[1] for r in same(conn)]
        # a later name changes nothing; forgetting the first gives the old name back
        store.add_path(last, a.sha256, a.size)
        same(conn)
        store.forget([first])
        assert first.name not in [r[1] for r in same(conn)]
        # a path given other bytes: b's name moves to a, whose old path is gone
        store.add_path(b.path, a.sha256, a.size)
        rows = same(conn)
        assert b.sha256 not in [r[0] for r in rows]  # b had no other path: its document went
        conn.execute("UPDATE files SET source_path = 'moved/' || source_path")
        conn.commit()
        assert all(r[2].startswith("moved/") for r in same(conn) if r[2])
        store.forget([a.path, b.path, last])
        assert same(conn) == []


def test_a_store_from_before_the_table_is_filled_when_migrated(tmp_path, two_parsed_packs):
    with Store.open(tmp_path / "old.db") as store:
        store.store_parsed(two_parsed_packs[0])
        conn = store.db.conn
        want = same(conn)
        # as a store migrated up to 0021 holds it: no table, no triggers yet
        conn.executescript("DELETE FROM doc_sources; DELETE FROM schema_migrations "
                           "WHERE name LIKE '0022%'; DROP TRIGGER doc_sources_new_document;")
    with Store.open(tmp_path / "old.db") as store:
        assert same(store.db.conn) == want
