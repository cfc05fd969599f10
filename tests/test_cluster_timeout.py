"""``file_timeout`` stops a parse on a Dask worker as it does in the local pool (issue 13).

A Dask worker runs tasks in threads, where the local pool's SIGALRM never
arrives, so :func:`boardpack.cluster.within_timeout` stops the task from a
watchdog thread. A task that would loop for ever must come back as that
file's failure, with the local pool's message, and the next file must
still be parsed. The LocalCluster test skips (visibly) without the cluster
extra.
"""

from __future__ import annotations

import functools
import importlib.util
import sqlite3
import threading
from pathlib import Path

import pytest

from boardpack import cluster
from boardpack.batch import ingest_paths
from boardpack.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
QUICK = ROOT / "corpus/docx/cdrp-2017-02-23.docx"
HAS_DASK = importlib.util.find_spec("distributed") is not None


def endless(path, sha256, settings):
    """A parse that never ends by itself (pure Python, as pdfminer's loops are)."""
    n = 0
    while True:
        n += 1


def test_within_timeout_stops_a_task_in_a_worker_thread():
    out = {}

    def worker():  # not the main thread, as on a Dask worker: no SIGALRM here
        out["result"] = cluster.within_timeout(endless, "/x/slow.pdf", "ab", Settings(file_timeout=0.3))

    t = threading.Thread(target=worker, daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "the task ran past file_timeout"
    kind, err = out["result"]
    assert kind == "err" and "setting file_timeout" in str(err) and "0.3 s" in str(err)


def test_within_timeout_returns_what_a_quick_task_returns_and_leaves_nothing_armed():
    quick = cluster.within_timeout(lambda p, s, st: ("ok", p), "/x/a.pdf", "ab", Settings(file_timeout=0.2))
    assert quick == ("ok", "/x/a.pdf")
    # the watchdog was cancelled: nothing is raised in this thread afterwards
    threading.Event().wait(0.5)
    assert cluster.within_timeout(lambda p, s, st: ("ok", 1), "/x/b.pdf", "ab", Settings(file_timeout=0)) == ("ok", 1)


def _slow_for(name: str):
    """A task that never ends for one file and, for the others, fails at once
    with a message of its own, so what the test sees does not hang on how
    fast a loaded machine parses (a closure: shipped by value)."""
    def task(path, sha256, settings):
        import os

        from boardpack.core.errors import UnreadableDocument

        if os.path.basename(path) == name:
            while True:
                pass
        return "err", UnreadableDocument("reached the next file", path)
    return task


@pytest.mark.skipif(not HAS_DASK, reason="dask[distributed] not installed (pip install -e '.[cluster]')")
def test_file_timeout_applies_on_a_local_cluster(tmp_path):
    slow = tmp_path / "slow.docx"
    slow.write_bytes(QUICK.read_bytes() + b"\0")  # other bytes, so another document
    stage = functools.partial(cluster.DaskParse("local", 1), task=_slow_for(slow.name))
    db = tmp_path / "t.db"
    summary = ingest_paths([slow, QUICK], db, workers=stage, settings=Settings(file_timeout=2))
    assert (summary.new, summary.failed) == (0, 2), summary.line()
    conn = sqlite3.connect(db)
    try:
        errors = dict(conn.execute("SELECT path, message FROM errors").fetchall())
    finally:
        conn.close()
    assert "took longer than 2 s to parse (setting file_timeout)" in errors[str(slow)], errors
    assert "reached the next file" in errors[str(QUICK)], errors  # the worker went on
