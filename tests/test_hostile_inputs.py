"""Inputs a batch must survive: files that are not regular files, file names
that are not UTF-8, symlinked folders and loops. Each is reported on one
line (or stored, for an odd name) and the rest of the batch goes on."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from boardpack.cli import cli
from boardpack.batch import walk_inputs
from boardpack.core.pathnames import display_path, fs_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and byte names")


def _ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *[str(a) for a in args], "-w", "1", "-s"], catch_exceptions=False)


@pytest.fixture
def archive(tmp_path, make_docx):
    root = tmp_path / "archive"
    make_docx(root / "good.docx", ["Present: Ann Lee, Bo Ng", "1. Apologies"], heading="Minutes of 3 March 2020")
    return root


def test_fifo_and_device_file_are_skipped_not_read(archive, tmp_path):
    os.mkfifo(archive / "pipe.pdf")
    os.symlink("/dev/zero", archive / "zero.pdf")
    os.symlink(tmp_path / "nowhere.pdf", archive / "dangling.pdf")
    # a FIFO read by the hasher would block for ever: the timeout is the test's guard
    proc = subprocess.run([sys.executable, "-m", "boardpack", "ingest", str(archive), "--db", str(tmp_path / "s.db"),
                           "-w", "1", "-s"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"skipped: {archive / 'pipe.pdf'}: not a regular file (a FIFO)" in proc.stderr
    assert f"skipped: {archive / 'zero.pdf'}: not a regular file (a character device)" in proc.stderr
    assert f"skipped: {archive / 'dangling.pdf'}: broken symlink" in proc.stderr
    assert proc.stdout.startswith("1 files: 1 new")
    paths = [r[0] for r in sqlite3.connect(tmp_path / "s.db").execute("SELECT path FROM files")]
    assert paths == [str(archive / "good.docx")]


def test_symlinked_folder_followed_once_and_loop_reported(archive, tmp_path, make_docx):
    other = tmp_path / "elsewhere"
    make_docx(other / "linked.docx", ["Present: Cy Oh"], heading="Minutes of 4 April 2020")
    os.symlink(other, archive / "link")
    os.symlink(archive, archive / "loop")
    found = walk_inputs([archive])
    assert sorted(p.name for p in found.files) == ["good.docx", "linked.docx"]
    assert found.skipped == [(archive / "loop", "folder already walked (symlink loop or second link)")]


def test_file_name_that_is_not_utf8_is_stored_and_printed(archive, tmp_path, make_docx):
    raw = os.fsencode(archive) + b"/caf\xe9 minutes.docx"  # Latin-1 name from an old archive
    make_docx(archive / "tmp.docx", ["Present: Di Fox"], heading="Minutes of 5 May 2020")
    os.rename(archive / "tmp.docx", raw)
    db = tmp_path / "s.db"
    res = _ingest(archive, "--db", db)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("2 files: 2 new")
    paths = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT path FROM files"))
    assert paths == [str(archive / "caf\\xe9 minutes.docx"), str(archive / "good.docx")]
    again = _ingest(archive, "--db", db)
    assert again.stdout.startswith("2 files: 0 new, 2 unchanged")
    # the escaped name still leads back to the file: prune does not take it for vanished
    res = CliRunner().invoke(cli, ["prune", "--db", str(db), "--dry-run"], catch_exceptions=False)
    assert res.exit_code == 0 and res.stdout == ""


def test_display_path_escapes_only_what_cannot_be_text():
    assert display_path("/a/Agenda 12-01-17.doc") == "/a/Agenda 12-01-17.doc"
    assert display_path("/a/procès-verbal.pdf") == "/a/procès-verbal.pdf"
    assert display_path(os.fsdecode(b"/a/caf\xe9.pdf")) == "/a/caf\\xe9.pdf"
    assert display_path(b"/a/caf\xe9.pdf") == "/a/caf\\xe9.pdf"
    assert fs_path(display_path(os.fsdecode(b"/a/caf\xe9.pdf"))) == os.fsdecode(b"/a/caf\xe9.pdf")
    assert fs_path("/a/procès-verbal.pdf") == "/a/procès-verbal.pdf"


def _count(db, sql):
    return sqlite3.connect(db).execute(sql).fetchone()[0]


_NAMES = ["Ann Lee", "Cy Oh", "Di Fox", "Ed Moss", "Flo Hart", "Gus Yates"]


@pytest.mark.parametrize("trial", range(3))
def test_two_ingests_into_a_new_store_both_finish(tmp_path, make_docx, trial):
    """Two ingests started together on a new database used to abort one batch
    ('table documents already exists', or 'database is locked' at once)."""
    sets = []
    for k in range(2):
        d = tmp_path / f"set{k}"
        for i in range(3):
            make_docx(d / f"m{i}.docx", [f"Present: {_NAMES[3 * k + i]}, Bo Ng", f"{i + 1}. Apologies"],
                      heading=f"Minutes of {i + 1} March 202{k}")
        sets.append(d)
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen([sys.executable, "-m", "boardpack", "ingest", str(d), "--db", str(db), "-w", "1", "-s"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for d in sets]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    one = tmp_path / "one.db"
    assert _ingest(*sets, "--db", one).exit_code == 0
    for sql in ("SELECT count(*) FROM files WHERE status = 'ok'", "SELECT count(*) FROM v_attendance",
                "SELECT count(*) FROM schema_migrations"):
        assert _count(db, sql) == _count(one, sql), sql
    assert _count(db, "SELECT count(*) FROM v_attendance") == 12


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path, make_docx):
    """`boardpack show FILE | head -2` used to end with 'error: internal error: BrokenPipeError'."""
    doc = make_docx(tmp_path / "m.docx", [f"{i}. Item number {i} of a long agenda" for i in range(1, 4000)],
                    heading="Agenda for the meeting on 3 March 2020")
    proc = subprocess.Popen([sys.executable, "-m", "boardpack", "show", str(doc), "--stage", "segment"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(str(doc).encode())
    proc.stdout.close()  # the reader goes away
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert b"internal error" not in err and b"Traceback" not in err
