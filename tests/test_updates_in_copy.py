"""plan_updates.in_copy says exactly which updates lie in a copy of a paper (issue 13, migration 0028).

v_action_updates lists only the updates it keeps by reading an index range
over (document, in_copy = 0); in_copy is kept by triggers on copy_block_keys
and plan_updates. After a link, a file forgotten, a re-link, a verdict
deleted or changed, and the same bytes stored again, every update's flag must
match copy_block_keys, and the view must give the rows (in the order) its
definition before 0028 gave: v_action_updates_all less the copies.
"""

from __future__ import annotations

from boardpack.batch import ingest_paths
from boardpack.store.database import Store

COLUMNS = ("plan_title, action_ref, ref, description, lead_agency, period, period_start, progress, status, "
           "stats_awaited, funding_allocated, source_file, page, source_path, source_url")

# v_action_updates as migrations 0010-0027 defined it
BEFORE = f"""SELECT {COLUMNS} FROM v_action_updates_all x
             WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                               WHERE d.doc_sha256 = x.doc_sha256 AND d.block_index = x.block_index)"""

WRONG_FLAGS = """SELECT COUNT(*) FROM plan_updates u
                 WHERE u.in_copy != EXISTS (SELECT 1 FROM copy_block_keys k
                                            WHERE k.doc_sha256 = u.doc_sha256 AND k.block_index = u.block_index)"""


def same(conn) -> tuple[int, int]:
    assert conn.execute(WRONG_FLAGS).fetchone()[0] == 0
    got = conn.execute("SELECT * FROM v_action_updates").fetchall()
    assert got == conn.execute(BEFORE).fetchall()
    copies = conn.execute("SELECT COUNT(*) FROM plan_updates WHERE in_copy = 1").fetchone()[0]
    return len(got), copies


def test_in_copy_follows_links_and_documents(tmp_path, corpus_text_packs):
    files = corpus_text_packs
    db = tmp_path / "u.db"
    assert ingest_paths(files, db, workers=1).failed == 0
    with Store.open(db) as store:
        conn = store.db.conn
        store.link()
        kept, copies = same(conn)
        assert kept and copies, "the corpus has Word and PDF copies of its packs' action plans"
        store.forget([files[0]])
        same(conn)
        store.link()
        same(conn)
        with conn:
            conn.execute("DELETE FROM paper_duplicates WHERE rowid IN (SELECT d.rowid FROM paper_duplicates d "
                         "JOIN papers p ON p.paper_id = d.paper_id JOIN plan_updates u ON u.doc_sha256 = p.doc_sha256 "
                         "LIMIT 1)")
        assert same(conn)[1] < copies, "a verdict deleted brings its updates back"
    assert ingest_paths([files[0]], db, workers=1).failed == 0
    with Store.open(db) as store:
        same(store.db.conn)
        store.link()
        assert same(store.db.conn) == (kept, copies)


def test_view_reads_only_the_kept_rows(tmp_path, corpus_text_packs):
    db = tmp_path / "p.db"
    assert ingest_paths(corpus_text_packs[:2], db, workers=1).failed == 0
    with Store.open(db) as store:
        plan = " ".join(r[-1] for r in store.db.conn.execute("EXPLAIN QUERY PLAN SELECT * FROM v_action_updates"))
    assert "plan_updates_doc_kept (doc_sha256=? AND in_copy=?)" in plan
    assert "copy_block_keys" not in plan
