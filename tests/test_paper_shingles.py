"""Papers' fingerprints for the duplicate check, made by the worker that parsed them.

The worker makes each paper's shingles and numbers from the parsed blocks
(boardpack/core/shingles.py) and the store keeps them (``paper_shingles``);
a store made before that table has them made from its stored blocks by the
link. Both must give the same fingerprint, and a link must give the same
verdicts from either.
"""

from __future__ import annotations

import shutil
import sqlite3

from boardpack.core.settings import DEFAULT
from boardpack.core.shingles import Fingerprint, shingles
from boardpack.store import linking
from boardpack.store.database import Store
from boardpack.store.duplicates import _texts, fingerprints


def test_fingerprint_keeps_every_hash_sorted_and_its_numbers():
    text = "The committee noted the quarterly report for Q3 2009/10 and agreed the budget of £12,400 for the year ahead"
    fp = Fingerprint.of(text)
    assert fp.shingle_set() == shingles(text)
    assert fp.size == len(shingles(text)) == 17  # 21 words, 17 five-word runs, none repeated
    assert fp.sketch(4) == sorted(shingles(text))[:4]
    assert fp.sketch(100) == sorted(shingles(text))
    assert fp.number_set() == {"q3", "2009/10", "12", "400"}  # "£12,400": the comma splits it
    assert Fingerprint.of("").size == 0 and Fingerprint.of("").sketch(4) == []


def test_worker_fingerprints_equal_those_made_from_stored_blocks(corpus_ingest):
    db, result = corpus_ingest
    assert result.exit_code in (0, 1), result.output
    conn = sqlite3.connect(db)
    try:
        stored = {pid: Fingerprint(h, n) for pid, h, n in conn.execute(
            "SELECT paper_id, hashes, numbers FROM paper_shingles")}
        n_papers = conn.execute("SELECT COUNT(*) FROM papers").fetchone()[0]
        text = _texts(conn)
    finally:
        conn.close()
    assert len(stored) == n_papers > 100, "every paper the workers parsed has its fingerprint"
    from_blocks = {pid: Fingerprint.of(" ".join(parts)) for pid, parts in text.items()}
    # a paper none of whose blocks counts (all boilerplate, or no words) has an empty one
    empty = Fingerprint.of("")
    assert [pid for pid in stored if stored[pid] != from_blocks.get(pid, empty)] == []
    assert sum(1 for fp in stored.values() if fp.size) > 90


def test_a_store_without_fingerprints_links_to_the_same_verdicts(corpus_ingest, tmp_path):
    db, _ = corpus_ingest
    verdicts = {}
    for name in ("stored", "made"):
        copy = tmp_path / f"{name}.db"
        shutil.copyfile(db, copy)
        store = Store.open(copy)
        try:
            conn = store.db.conn
            if name == "made":  # as a store written before paper_shingles: nothing kept
                conn.execute("DELETE FROM paper_shingles")
                assert fingerprints(conn) and not conn.execute("SELECT 1 FROM paper_shingles").fetchone()
            linking.link_all(store.db, DEFAULT, full=True)
            conn.commit()
            verdicts[name] = (sorted(conn.execute("SELECT * FROM paper_duplicates")),
                              sorted(conn.execute("SELECT * FROM link_paper_sketches")))
        finally:
            store.close()
    assert verdicts["stored"][0], "the corpus has copies of papers (PDF and Word)"
    assert verdicts["stored"] == verdicts["made"]


def test_jaccard_is_intersection_over_union():
    """jaccard() counts the union from the intersection; it must equal the
    set formula exactly (same float) on sets that overlap, nest, are equal,
    are disjoint or are empty."""
    import random

    from boardpack.core.shingles import jaccard

    rng = random.Random(7)
    cases = [(set(), {1}), ({1, 2}, {1, 2}), ({1, 2, 3}, {2}), ({1}, {2})]
    cases += [({rng.randrange(60) for _ in range(rng.randrange(1, 40))},
               {rng.randrange(60) for _ in range(rng.randrange(1, 40))}) for _ in range(300)]
    for a, b in cases:
        want = len(a & b) / len(a | b) if a and b else 0.0
        assert jaccard(a, b) == want == jaccard(b, a), (a, b)
    assert jaccard({1, 2}, {1, 2}) == 1.0 and jaccard({1}, {2}) == 0.0


def test_sketch_similarity_is_exact_for_small_papers_and_close_for_large_ones():
    import random

    from boardpack.core.shingles import ESTIMATE_K, ESTIMATE_MARGIN, estimate_sketch, sketch_similarity

    def sketch(hashes):
        return estimate_sketch(sorted(hashes)[:ESTIMATE_K])

    assert sketch_similarity(sketch({1, 2, 3, 4}), sketch({3, 4, 5, 6})) == 2 / 6  # whole sets: exact
    rng = random.Random(7)
    pool = rng.sample(range(2 ** 32), 6000)
    shared, only_a, only_b = pool[:1600], pool[1600:1800], pool[1800:2000]  # Jaccard 1600/2000 = 0.8
    near = sketch_similarity(sketch(shared + only_a), sketch(shared + only_b))
    far = sketch_similarity(sketch(pool[2000:2600] + pool[:600]), sketch(pool[2600:4400] + pool[:600]))  # 600/3000 = 0.2
    assert near >= 0.8 - ESTIMATE_MARGIN and abs(near - 0.8) < 0.15
    assert far < 0.8 - ESTIMATE_MARGIN
