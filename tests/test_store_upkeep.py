"""Keeping a store sound over time: the link stage repaired after a crash,
files removed (forget, prune), all through the CLI."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

from click.testing import CliRunner

from boardpack.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _q(db, sql):
    return sqlite3.connect(db).execute(sql).fetchall()


def _archive(tmp_path, make_docx):
    root = tmp_path / "archive"
    make_docx(root / "m1.docx", ["Present: Ann Lee, Bo Ng", "1. Apologies"], heading="Minutes of 3 March 2020")
    make_docx(root / "m2.docx", ["Present: Ann Lee, Cy Oh", "1. Apologies"], heading="Minutes of 7 April 2020")
    return root


_KILLED_WHILE_LINKING = """
import os, signal, sys
import boardpack.store.linking as linking
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)   # as the out-of-memory killer would
linking.link_all = die
from boardpack.batch import ingest_paths
ingest_paths([sys.argv[1]], db_path=sys.argv[2], workers=1)
"""


def test_kill_during_linking_is_repaired_by_the_next_run(tmp_path, make_docx):
    root = _archive(tmp_path, make_docx)
    db = tmp_path / "s.db"
    proc = subprocess.run([sys.executable, "-c", _KILLED_WHILE_LINKING, str(root), str(db)], timeout=300)
    assert proc.returncode == -signal.SIGKILL
    assert _q(db, "SELECT count(*) FROM files WHERE status = 'ok'") == [(2,)]  # files stored before the kill
    assert _q(db, "SELECT value FROM store_state WHERE key = 'links_stale'") == [("1",)]
    assert _q(db, "SELECT count(*) FROM person_clusters") == [(0,)]  # built by the link stage
    res = run("ingest", root, "--db", db, "-s", "-w", "1")
    assert res.exit_code == 0 and res.stdout.startswith("2 files: 0 new, 2 unchanged")
    assert _q(db, "SELECT value FROM store_state WHERE key = 'links_stale'") == [("0",)]
    assert _q(db, "SELECT count(*) FROM person_clusters")[0][0] >= 3


def test_relink_rebuilds_on_demand(tmp_path, make_docx):
    root = _archive(tmp_path, make_docx)
    db = tmp_path / "s.db"
    run("ingest", root, "--db", db, "-s", "-w", "1")
    n = _q(db, "SELECT count(*) FROM person_clusters")[0][0]
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM person_clusters")
    conn.commit()
    res = run("relink", "--db", db)
    assert res.exit_code == 0 and res.stdout == "relinked 2 files\n"
    assert _q(db, "SELECT count(*) FROM person_clusters") == [(n,)] and n >= 3


def test_forget_removes_a_file_and_only_what_it_alone_held(tmp_path, make_docx):
    root = _archive(tmp_path, make_docx)
    (root / "copy").mkdir()
    (root / "copy" / "m1.docx").write_bytes((root / "m1.docx").read_bytes())
    db = tmp_path / "s.db"
    run("ingest", root, "--db", db, "-s", "-w", "1")
    assert _q(db, "SELECT count(*) FROM documents") == [(2,)]
    # the copy goes, its bytes stay (still held by m1.docx)
    res = run("forget", root / "copy" / "m1.docx", "--db", db)
    assert res.exit_code == 0 and res.stdout == f"forgot {root / 'copy' / 'm1.docx'}\n"
    assert _q(db, "SELECT count(*) FROM documents") == [(2,)]
    # m2 goes with its document and every row extracted from it
    res = run("forget", root / "m2.docx", root / "never.docx", "--db", db)
    assert res.exit_code == 1
    assert res.stdout == f"forgot {root / 'm2.docx'} (and its document)\n"
    assert res.stderr == f"error: {root / 'never.docx'}: not in the store\n"
    assert _q(db, "SELECT count(*) FROM documents") == [(1,)]
    assert _q(db, "SELECT DISTINCT source_file FROM v_attendance") == [("m1.docx",)]
    assert "Cy Oh" not in {r[0] for r in _q(db, "SELECT name FROM v_people")}  # relinked after
    log = _q(db, "SELECT path, document_removed, reason FROM removals ORDER BY id")
    assert log == [(str(root / "copy" / "m1.docx"), 0, "forget"), (str(root / "m2.docx"), 1, "forget")]


def test_prune_removes_vanished_files_dry_run_first(tmp_path, make_docx):
    root = _archive(tmp_path, make_docx)
    db = tmp_path / "s.db"
    run("ingest", root, "--db", db, "-s", "-w", "1")
    os.remove(root / "m1.docx")
    res = run("prune", "--db", db, "--dry-run")
    assert res.stdout == f"would forget {root / 'm1.docx'}\n"
    assert _q(db, "SELECT count(*) FROM files") == [(2,)]
    res = run("prune", "--db", db)
    assert res.exit_code == 0
    assert res.stdout.splitlines() == [f"forgot {root / 'm1.docx'} (and its document)", "1 vanished files removed"]
    assert _q(db, "SELECT path FROM files") == [(str(root / "m2.docx"),)]
    assert json.loads(run("query", "select count(*) n from removals", "--db", db).stdout) == [{"n": 1}]
