"""Crash suite: `boardpack ingest` killed with SIGKILL (the whole process
group, as a crashing machine or the out-of-memory killer would) at random
points, then run again, ends equal to a clean ingest of the same folder:
every documented view (v_*) row for row, every table's row count, the
store's state and its files, and `PRAGMA integrity_check` ok.

The kill points come from fixed seeds: let the run store some of the files
(none to all), then kill it within the time of one more file of a measured
clean run, so kills fall while starting, parsing, writing or linking; one
more trial kills inside the link transaction on purpose (after plans and
milestones are linked, before people are rebuilt).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_snapshot import differences, explain, snapshot

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# a linked series (three quarters of one plan) and one file that fails to read
SOURCES = sorted((CORPUS / "series" / "docx").glob("*.docx"))[:3] + [CORPUS / "bad" / "broken.docx"]
SEEDS = [(6, 1), (5, 2), (9, 1)]  # (seed, workers): wait for 0, 2 and all 3 files

_KILLED_INSIDE_LINKING = """
import os, signal, sys
import boardpack.store.linking as linking
real = linking.link_plans_and_milestones
def link_then_die(*a, **k):
    real(*a, **k)  # plans and milestones written, in the link transaction
    os.kill(os.getpid(), signal.SIGKILL)
linking.link_plans_and_milestones = link_then_die
from boardpack.cli import main
sys.argv = ["boardpack", "ingest", sys.argv[1], "--db", sys.argv[2], "-w", "1", "-s"]
main()
"""


def _ingest_cmd(folder, db, workers=1):
    return [sys.executable, "-m", "boardpack", "ingest", str(folder), "--db", str(db), "-w", str(workers), "-s"]


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The folder and a clean ingest of it (its snapshot, exit status and wall time)."""
    missing = [s for s in SOURCES if not s.exists()]
    if missing:
        pytest.skip(f"corpus samples not generated: {missing}")
    root = tmp_path_factory.mktemp("crash")
    folder = root / "in"
    folder.mkdir()
    for s in SOURCES:
        shutil.copy(s, folder / s.name)
    db = root / "clean.db"
    started = time.monotonic()
    proc = subprocess.run(_ingest_cmd(folder, db), capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - started
    assert proc.returncode == 1, proc.stderr  # the broken file is reported, the rest stored
    want = snapshot(db)
    assert want["integrity"] == [("ok",)]
    assert len(want["files"]) == 4 and want["count:person_clusters"] > 0 and want["count:link_milestones"] > 0
    return folder, want, proc.returncode, seconds


def _rerun_equals_clean(folder, db, clean_status, want):
    proc = subprocess.run(_ingest_cmd(folder, db), capture_output=True, text=True, timeout=600)
    assert proc.returncode == clean_status, proc.stderr
    got = snapshot(db)
    assert got["integrity"] == [("ok",)]
    assert not differences(got, want), explain(got, want)


def _stored(db) -> int:
    """Files stored so far (0 while the store does not exist or is being created)."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
        try:
            return con.execute("SELECT count(*) FROM files WHERE status = 'ok'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _at_kill(db) -> str:
    if not db.exists():
        return "no store yet"
    con = sqlite3.connect(db)
    try:
        stale = con.execute("SELECT value FROM store_state WHERE key = 'links_stale'").fetchone()
        return f"{_stored(db)} files stored, links_stale={stale[0] if stale else None}"
    except sqlite3.Error as e:
        return f"store being created ({e})"
    finally:
        con.close()


@pytest.mark.parametrize("seed,workers", SEEDS)
def test_killed_at_a_random_point_then_rerun_equals_a_clean_ingest(clean, tmp_path, seed, workers):
    """The seed picks how many files to let the run store (0 to all) and how
    much longer to let it go (up to the time of one file), so the kill falls
    while starting, parsing, writing or linking."""
    folder, want, status, seconds = clean
    n_ok = sum(1 for _, st, _ in want["files"] if st == "ok")
    rng = random.Random(seed)
    wait_for, extra = rng.randint(0, n_ok), rng.uniform(0, seconds / n_ok)
    db = tmp_path / "s.db"
    proc = subprocess.Popen(_ingest_cmd(folder, db, workers), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while proc.poll() is None and _stored(db) < wait_for:
            time.sleep(0.05)
        proc.wait(timeout=extra)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # workers and any converter with it
        proc.wait()
    print(f"seed {seed}: {'killed' if proc.returncode == -signal.SIGKILL else 'finished'} "
          f"{extra:.1f} s after {wait_for} files were stored: {_at_kill(db)}")
    _rerun_equals_clean(folder, db, status, want)


def test_killed_inside_the_link_transaction_then_rerun_equals_a_clean_ingest(clean, tmp_path):
    folder, want, status, _ = clean
    db = tmp_path / "s.db"
    proc = subprocess.run([sys.executable, "-c", _KILLED_INSIDE_LINKING, str(folder), str(db)],
                          capture_output=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM store_state WHERE key = 'links_stale'").fetchall() == [("1",)]
    assert con.execute("SELECT count(*) FROM link_milestones").fetchone()[0] == 0  # rolled back
    con.close()
    _rerun_equals_clean(folder, db, status, want)
