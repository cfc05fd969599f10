"""v_organisations reads counts kept by triggers (issue 13, migration 0023).

The view grouped every organisation mention of the archive for each query;
org_counts and org_spellings now keep what it reports as mentions are
stored, changed and removed. After each of those the view must give what
the grouping gave: the same rows, in the same order.
"""

from __future__ import annotations

from boardpack.store.database import Store


# v_organisations as migration 0004 defined it, read in name order as the
# index of 0011 gave it
BEFORE = """
    SELECT o.canonical, group_concat(DISTINCT o.raw), COUNT(*), COUNT(DISTINCT o.doc_sha256)
    FROM org_mentions o INDEXED BY org_mentions_group GROUP BY o.canonical"""


def same(conn) -> list[tuple]:
    got = conn.execute("SELECT * FROM v_organisations").fetchall()
    assert got == conn.execute(BEFORE).fetchall()
    return got


def test_counts_follow_mentions_stored_changed_and_removed(tmp_path, two_parsed_packs):
    a, b = two_parsed_packs
    with Store.open(tmp_path / "o.db") as store:
        conn = store.db.conn
        store.store_parsed(a)
        first = same(conn)
        assert first and any(n_docs == 1 for *_, n_docs in first)
        store.store_parsed(b)
        both = same(conn)
        assert any(n_docs == 2 for *_, n_docs in both), "no organisation named in both documents"
        # a mention moved to another spelling, another organisation and another document
        with conn:
            conn.execute("UPDATE org_mentions SET raw = raw || ' (x)' WHERE rowid = (SELECT MIN(rowid) FROM org_mentions)")
            conn.execute("UPDATE org_mentions SET canonical = 'A New Body' WHERE rowid = (SELECT MAX(rowid) FROM org_mentions)")
            conn.execute("UPDATE org_mentions SET doc_sha256 = ? WHERE rowid IN "
                         "(SELECT rowid FROM org_mentions WHERE doc_sha256 = ? LIMIT 3)", [a.sha256, b.sha256])
        assert "A New Body" in [r[0] for r in same(conn)]
        store.forget([b.path])  # its mentions go by cascade
        same(conn)
        store.forget([a.path])
        assert same(conn) == []
        assert conn.execute("SELECT COUNT(*) FROM org_spellings").fetchone()[0] == 0


def test_a_store_from_before_the_counts_is_filled_when_migrated(tmp_path, two_parsed_packs):
    with Store.open(tmp_path / "old.db") as store:
        store.store_parsed(two_parsed_packs[0])
        want = same(store.db.conn)
        store.db.conn.executescript(
            "DELETE FROM org_counts; DELETE FROM org_spellings; DROP TRIGGER org_counts_new_mention;"
            " DELETE FROM schema_migrations WHERE name LIKE '0023%';")
    with Store.open(tmp_path / "old.db") as store:
        assert want and same(store.db.conn) == want
