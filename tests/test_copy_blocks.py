"""copy_blocks holds the rowids of exactly the blocks v_duplicate_blocks names (issue 13, migration 0025).

search judges each full-text match by its rowid in copy_blocks, which
triggers on paper_duplicates and blocks keep. After a link, a file
forgotten, a re-link and the same bytes stored again (their paper ids come
back while the old verdicts still stand), the table must name the blocks the
view names, no more and no fewer.
"""

from __future__ import annotations

from boardpack.batch import ingest_paths
from boardpack.store.database import Store
from boardpack.store.search import search


VIEW = """SELECT b.rowid FROM blocks b JOIN v_duplicate_blocks d
          ON d.doc_sha256 = b.doc_sha256 AND d.block_index = b.block_index"""


def same(conn) -> set[int]:
    got = {r[0] for r in conn.execute("SELECT block_rowid FROM copy_blocks")}
    assert got == {r[0] for r in conn.execute(VIEW)}
    return got


def test_copy_blocks_follow_links_and_documents(tmp_path, corpus_text_packs):
    files = corpus_text_packs
    db = tmp_path / "c.db"
    assert ingest_paths(files, db, workers=1).failed == 0
    with Store.open(db) as store:
        conn = store.db.conn
        store.link()
        linked = same(conn)
        assert linked, "no copies: the corpus has Word and PDF copies of its packs"
        gone = files[0]
        store.forget([gone])
        same(conn)
        store.link()
        same(conn)
        with conn:  # a verdict changed in place, as a re-judged paper's is
            conn.execute("DELETE FROM paper_duplicates WHERE rowid = (SELECT MIN(rowid) FROM paper_duplicates)")
        same(conn)
    # the forgotten file stored again: its blocks come back before the next link
    assert ingest_paths([gone], db, workers=1).failed == 0
    with Store.open(db) as store:
        same(store.db.conn)
        store.link()
        assert same(store.db.conn) == {r[0] for r in store.db.conn.execute(VIEW)}


def test_search_on_a_store_not_yet_migrated_leaves_copies_out_too(tmp_path, corpus_text_packs):
    files = corpus_text_packs
    db = tmp_path / "s.db"
    assert ingest_paths(files, db, workers=1).failed == 0
    with Store.open(db) as store:
        store.link()
        want = search(store.db.conn, "progress")
        store.db.conn.execute("DROP TABLE copy_blocks")  # as a store read-only since before 0025
        assert want and search(store.db.conn, "progress") == want
