"""Concurrency suite: two `boardpack ingest` processes started together on
one new store both exit 0, and the store equals one ingest of both sets
(`boardpack ingest SET1 SET2`): every documented view row for row, every
table's row count, the files, the store's state; `PRAGMA integrity_check`
ok. Three ways: two different folders; overlapping folders (the same bytes
in both, under other paths: both runs parse one document and store it
together); and the same folder given to both (the same paths at once).

tests/test_hostile_inputs.py::test_two_ingests_into_a_new_store_both_finish
covers the first-migration race with small made-up files (three trials);
this suite uses a linked corpus series, so both processes link too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from store_snapshot import differences, explain, snapshot

SERIES = sorted((Path(__file__).resolve().parent.parent / "corpus" / "series" / "docx").glob("*.docx"))

# set name -> the quarters (indexes into SERIES) its folder holds
SETS = {"a": (0, 1), "b": (2, 3), "c": (1, 2)}  # c overlaps a (quarter 1) and b (quarter 2)
CASES = {
    "different folders": ("a", "b"),
    "overlapping folders": ("a", "c"),
    "the same folder": ("a", "a"),
}


def _cmd(folders, db):
    return [sys.executable, "-m", "boardpack", "ingest", *map(str, folders), "--db", str(db), "-w", "1", "-s"]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    if len(SERIES) < 4:
        pytest.skip("corpus series not generated (corpus/series/docx)")
    root = tmp_path_factory.mktemp("concurrency")
    for name, quarters in SETS.items():
        (root / name).mkdir()
        for q in quarters:
            shutil.copy(SERIES[q], root / name / SERIES[q].name)
    return root


@pytest.mark.parametrize("case", list(CASES))
def test_two_ingests_started_together_equal_one_ingest_of_both_sets(base, tmp_path, case):
    first, second = (base / name for name in CASES[case])
    one = tmp_path / "one.db"
    proc = subprocess.run(_cmd(dict.fromkeys([first, second]), one), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    want = snapshot(one)
    assert want["integrity"] == [("ok",)] and want["count:link_milestones"] > 0

    shared = tmp_path / "shared.db"
    procs = [subprocess.Popen(_cmd([folder], shared), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in (first, second)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    got = snapshot(shared)
    assert got["integrity"] == [("ok",)]
    assert not differences(got, want), explain(got, want)


def test_link_waits_for_a_writer_that_commits_after_it_started(tmp_path, make_docx):
    """Linking reads before it writes. Started while another ingest holds the
    write lock and committed after, a deferred transaction's snapshot is stale
    by the time it writes, and SQLite refuses it at once ("database is locked",
    whatever the busy timeout: the CI failure of two ingests into one store);
    the link must wait for that writer instead and then finish."""
    import threading

    from boardpack.store.database import Store

    folder = tmp_path / "papers"
    for i in range(2):
        make_docx(folder / f"m{i}.docx", ["Present: Ann Lee, Bo Ng", f"{i + 1}. Apologies"],
                  heading=f"Minutes of {i + 1} March 2021")
    db = tmp_path / "store.db"
    proc = subprocess.run(_cmd([folder], db), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr

    holding, done = threading.Event(), []

    def other_writer():
        import sqlite3
        import time

        conn = sqlite3.connect(db, timeout=30)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES ('links_stale', '1')")
        holding.set()
        time.sleep(0.5)  # the link starts (and reads) while this writer holds the lock
        conn.commit()
        conn.close()
        done.append(True)

    writer = threading.Thread(target=other_writer)
    writer.start()
    assert holding.wait(30)
    store = Store.open(db, timeout=30)
    try:
        assert store.link() is True
        writer.join(30)
        assert done == [True]
        assert not store.links_stale()  # the link committed after the other writer
    finally:
        store.close()
