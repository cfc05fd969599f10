"""search() walks the matches best first and gives what one SQL ORDER BY ... LIMIT gives (issue 13).

:func:`boardpack.store.search.search` ranks the matches by bm25 alone and
looks blocks up only until it has the ``limit`` best (ties taken whole).
The reference is the single statement it replaces: every match, copies of
papers left out, ``ORDER BY bm25, file name, page``. On a store with Word
and PDF copies of the same packs (so the copies filter and ties of equal
score both happen), every word and limit must give the same rows.
"""

from __future__ import annotations

import sqlite3

import pytest

from boardpack.batch import ingest_paths
from boardpack.store import search as search_module
from boardpack.store.search import fts_query, search

REFERENCE = """
    SELECT s.source_file AS file, b.page, b.kind, p.paper_type,
           snippet(blocks_fts, 0, '[', ']', ' ... ', 14) AS snippet,
           round(bm25(blocks_fts), 3) AS score
    FROM blocks_fts
    JOIN blocks b ON b.rowid = blocks_fts.rowid
    JOIN v_sources s ON s.doc_sha256 = b.doc_sha256
    LEFT JOIN papers p ON p.paper_id = b.paper_id
    WHERE blocks_fts MATCH ?
      AND NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                      WHERE d.doc_sha256 = b.doc_sha256 AND d.block_index = b.block_index)
    ORDER BY bm25(blocks_fts), s.source_file, b.page
    LIMIT ?"""


@pytest.fixture(scope="module")
def conn(tmp_path_factory, corpus_text_packs):
    files = corpus_text_packs
    db = tmp_path_factory.mktemp("search") / "s.db"
    assert ingest_paths(files, db, workers=1).failed == 0
    c = sqlite3.connect(db)
    c.row_factory = sqlite3.Row
    yield c
    c.close()


@pytest.mark.parametrize("text", ["police", "burglary task group", "funding", "meeting", "the", "stats awaited",
                                  "no such words anywhere"])
@pytest.mark.parametrize("limit", [1, 3, 20, 1000])
def test_search_gives_the_rows_of_one_ordered_query(conn, monkeypatch, text, limit):
    monkeypatch.setattr(search_module, "BATCH", 2)  # many batches, so the walk's stopping rule is tested
    want = [dict(r) for r in conn.execute(REFERENCE, (fts_query(text), limit))]
    conn.row_factory = None
    try:
        got = search(conn, text, limit=limit)
    finally:
        conn.row_factory = sqlite3.Row
    assert [(g["file"], g["page"], g["score"]) for g in got] == [(w["file"], w["page"], w["score"]) for w in want]
    assert got == want


def test_copies_are_left_out(conn):
    assert conn.execute("SELECT COUNT(*) FROM paper_duplicates").fetchone()[0], "no copies in the store"
    every = conn.execute("SELECT COUNT(*) FROM blocks_fts WHERE blocks_fts MATCH ?", (fts_query("police"),)).fetchone()[0]
    assert 0 < len(search(conn, "police", limit=10_000)) < every
