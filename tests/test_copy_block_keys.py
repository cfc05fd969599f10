"""copy_block_keys holds exactly the rows v_duplicate_blocks gave (issue 13, migration 0026).

Every view that counts a paper once asks v_duplicate_blocks about each of its
rows; the view now reads copy_block_keys, kept by triggers on
paper_duplicates and blocks. After a link, a file forgotten, a re-link, a
verdict deleted or changed, and the same bytes stored again, the table must
hold the rows the join of 0019 gives: same blocks, same canonical papers.
"""

from __future__ import annotations

from boardpack.batch import ingest_paths
from boardpack.store.database import Store


# v_duplicate_blocks as migration 0019 defined it
BEFORE = """SELECT b.doc_sha256, b.block_index, d.canonical_paper_id
            FROM blocks b INDEXED BY blocks_paper JOIN paper_duplicates d ON d.paper_id = b.paper_id"""


def same(conn) -> list[tuple]:
    got = conn.execute("SELECT * FROM v_duplicate_blocks").fetchall()
    assert got == conn.execute(BEFORE).fetchall()
    return got


def test_copy_block_keys_follow_links_and_documents(tmp_path, corpus_text_packs):
    files = corpus_text_packs
    db = tmp_path / "k.db"
    assert ingest_paths(files, db, workers=1).failed == 0
    with Store.open(db) as store:
        conn = store.db.conn
        store.link()
        assert same(conn), "no copies: the corpus has Word and PDF copies of its packs"
        store.forget([files[0]])
        same(conn)
        store.link()
        same(conn)
        with conn:
            conn.execute("DELETE FROM paper_duplicates WHERE rowid = (SELECT MIN(rowid) FROM paper_duplicates)")
            conn.execute("UPDATE paper_duplicates SET canonical_paper_id = 'other' "
                         "WHERE rowid = (SELECT MAX(rowid) FROM paper_duplicates)")
        assert "other" in {r[2] for r in same(conn)}
    assert ingest_paths([files[0]], db, workers=1).failed == 0
    with Store.open(db) as store:
        same(store.db.conn)
        store.link()
        same(store.db.conn)
