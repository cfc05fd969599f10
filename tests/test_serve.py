"""`boardpack serve`: read-only under the same rules as `query` (no write, no
ATTACH or VACUUM INTO that could create a file, no PRAGMA that lifts the
rules), its temporary folder removed on every exit path (stale ones of a
killed serve at the next start), and a busy port one `error:` line, exit 2."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("datasette", reason="the web extra (Datasette) is not installed: pip install -e '.[web]'")

from boardpack.serve import TEMP_PREFIX, datasette_command, free_port  # noqa: E402

WRITES = [
    "DELETE FROM files",
    "ATTACH DATABASE '{dir}/attached.db' AS x",
    "VACUUM INTO '{dir}/copy.db'",
    "PRAGMA query_only = 0",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    sample = Path(__file__).resolve().parent.parent / "corpus" / "docx" / "cdrp-2011-04-26.docx"
    if not sample.exists():
        pytest.skip(f"corpus sample {sample} not generated")
    root = tmp_path_factory.mktemp("serve")
    db = root / "store.db"
    proc = subprocess.run([sys.executable, "-m", "boardpack", "ingest", str(sample), "--db", str(db), "-w", "1", "-s"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return db


def _files(folder: Path) -> set[str]:
    # the store's own WAL companions may come and go with any reader; anything else is a new file
    return {p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))}


def _rows(db):
    return sqlite3.connect(db).execute("SELECT path, status, sha256 FROM files ORDER BY path").fetchall()


def test_datasette_with_our_plugin_refuses_every_write_and_creates_no_file(store, tmp_path):
    from datasette.app import Datasette

    cmd, meta = datasette_command(store)
    assert cmd[cmd.index("--plugins-dir") + 1] == str(meta.parent)
    before_files, before_rows = _files(store.parent), _rows(store)
    ds = Datasette([str(store)], metadata=json.loads(meta.read_text()), plugins_dir=str(meta.parent))
    refused = []

    async def attempt():
        db = ds.get_database("store")
        for sql in WRITES:
            sql = sql.format(dir=store.parent)
            r = await ds.client.get("/store.json", params={"sql": sql})
            assert r.status_code == 400, (sql, r.text)  # Datasette's own check: SELECT only
            try:  # what a plugin or a canned write query would reach: the connection itself
                await db.execute_write(sql)
            except sqlite3.Error as e:
                refused.append((sql, str(e)))
        r = await ds.client.get("/store/files.json", params={"_shape": "array"})
        return r.status_code, r.json()

    try:
        status, rows = asyncio.run(attempt())
    finally:
        ds.get_database("store").close()
        shutil.rmtree(meta.parent)
    assert status == 200 and len(rows) == 1  # reading still works
    assert [sql for sql, _ in refused] == [w.format(dir=store.parent) for w in WRITES], refused
    assert _files(store.parent) == before_files  # no attached.db, no copy.db
    assert _rows(store) == before_rows


def _serve(db, port, tmp):
    env = dict(os.environ, TMPDIR=str(tmp))
    return subprocess.Popen([sys.executable, "-m", "boardpack", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def _wait_until_serving(proc, port):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"serve exited early: {proc.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail("serve did not answer")


def _port_free(port) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _wait_port_free(port):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _port_free(port):
        time.sleep(0.2)
    return _port_free(port)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stopped_by_a_signal_stops_datasette_and_removes_its_folder(store, tmp_path, sig):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    proc = _serve(store, port, tmp)
    try:
        _wait_until_serving(proc, port)
        assert len(list(tmp.glob(TEMP_PREFIX + "*"))) == 1
        q = urllib.parse.quote(f"ATTACH DATABASE '{tmp_path}/attached.db' AS x")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/store.json?sql={q}", timeout=10)
        proc.send_signal(sig)  # to serve alone: it passes the signal on
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert list(tmp.glob(TEMP_PREFIX + "*")) == []
    assert not (tmp_path / "attached.db").exists()
    assert _wait_port_free(port), "Datasette still holds the port after serve stopped"


def test_serve_killed_leaves_no_server_and_the_next_start_removes_its_folder(store, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    proc = _serve(store, port, tmp)
    try:
        _wait_until_serving(proc, port)
        proc.kill()  # no finally runs
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = list(tmp.glob(TEMP_PREFIX + "*"))
    assert len(left) == 1
    if sys.platform.startswith("linux"):
        assert _wait_port_free(port), "Datasette outlived a killed serve"
    with socket.socket() as busy:  # the next start stops at a busy port: cleaning comes first
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        nxt = _serve(store, busy.getsockname()[1], tmp)
        nxt.communicate(timeout=120)
    assert nxt.returncode == 2
    assert list(tmp.glob(TEMP_PREFIX + "*")) == []


def test_a_busy_port_is_one_error_line_and_exit_2(store, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = _serve(store, port, tmp)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    lines = err.decode().splitlines()
    assert lines == [f"error: cannot serve on 127.0.0.1:{port}: port already in use (pick another with --port)"]
    assert list(tmp.glob(TEMP_PREFIX + "*")) == []  # nothing made before the check


def test_stale_folders_are_those_of_a_dead_serve_or_ownerless_and_old(tmp_path):
    from boardpack.serve import OWNER_FILE, clean_stale_serve_dirs

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folders = {name: tmp_path / f"{TEMP_PREFIX}{name}" for name in ("dead", "alive", "old", "new")}
    for f in folders.values():
        f.mkdir()
    (folders["dead"] / OWNER_FILE).write_text(f"{dead.pid} \n")
    (folders["alive"] / OWNER_FILE).write_text(f"{os.getpid()} \n")
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(folders["old"], (day_ago, day_ago))
    removed = clean_stale_serve_dirs(str(tmp_path))
    assert sorted(removed) == sorted([str(folders["dead"]), str(folders["old"])])
    assert folders["alive"].exists() and folders["new"].exists()
