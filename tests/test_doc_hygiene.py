"""Conversion hygiene: soffice runs with macros disabled, a scrubbed
environment and its own profile, in a process group that dies with the
conversion (timeout, normal exit, a killed worker); boardpack-doc-* folders
are removed on every exit path, and stale ones are cleaned at the next start."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from boardpack.core.errors import ConversionFailed
from boardpack.ingest import doc_reader, doc_temp
from boardpack.core.owned_dirs import start_time
from boardpack.ingest.doc_reader import read_doc_document, soffice_env
from boardpack.ingest.doc_temp import OWNER_FILE, TEMP_PREFIX, clean_stale_temp
from boardpack.core.settings import Settings

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600


def _fake_soffice(tmp_path, monkeypatch, script: str) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    exe = bin_dir / "soffice"
    exe.write_text("#!/bin/sh\n" + script)
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    return bin_dir


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    d = tmp_path / "scratch"
    d.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(d))
    monkeypatch.setattr(doc_temp, "_cleaned", True)  # never sweep the real temp folder here
    return d


@pytest.fixture
def old_doc(tmp_path):
    f = tmp_path / "old.doc"
    f.write_bytes(OLE)
    return f


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_dead(pid: int, seconds: float = 5.0) -> bool:
    end = time.time() + seconds
    while time.time() < end:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return not alive(pid)


def test_environment_profile_and_macro_settings(tmp_path, monkeypatch, scratch, old_doc):
    dump = tmp_path / "dump"
    _fake_soffice(tmp_path, monkeypatch, f"""
env > {dump}.env
echo "$@" > {dump}.args
for a in "$@"; do case "$a" in -env:UserInstallation=file://*) p="${{a#-env:UserInstallation=file://}}";; esac; done
cat "$p/user/registrymodifications.xcu" > {dump}.xcu
exit 0
""")
    monkeypatch.setenv("BOARDPACK_TEST_SECRET", "s3cret")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    with pytest.raises(ConversionFailed):
        read_doc_document(old_doc, "0" * 64)
    env = dict(line.split("=", 1) for line in Path(f"{dump}.env").read_text().splitlines() if "=" in line)
    assert "BOARDPACK_TEST_SECRET" not in env
    assert set(env) - {"PWD", "SHLVL", "_", "OLDPWD"} == {"PATH", "HOME", "LANG"}
    assert env["LANG"] == "en_GB.UTF-8"
    args = Path(f"{dump}.args").read_text()
    profile = args.split("-env:UserInstallation=file://", 1)[1].split()[0]
    assert env["HOME"] == profile and TEMP_PREFIX in profile
    xcu = Path(f"{dump}.xcu").read_text()
    assert 'oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value>' in xcu
    assert 'oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value>' in xcu
    assert os.listdir(scratch) == []


def test_soffice_env_keys(tmp_path):
    assert set(soffice_env(tmp_path)) == {"PATH", "LANG", "HOME"}
    assert soffice_env(tmp_path)["HOME"] == str(tmp_path)


def test_leftover_child_killed_after_normal_exit(tmp_path, monkeypatch, scratch, old_doc):
    # the launcher exits, leaving a child behind in its group (as oosplash leaves soffice.bin)
    pidfile = tmp_path / "child.pid"
    _fake_soffice(tmp_path, monkeypatch, f"sleep 300 >/dev/null 2>&1 &\necho $! > {pidfile}\nexit 0\n")
    with pytest.raises(ConversionFailed):
        read_doc_document(old_doc, "0" * 64)
    pids = {int(x) for x in pidfile.read_text().split()}
    assert all(wait_dead(p) for p in pids)
    assert os.listdir(scratch) == []


def test_timeout_kills_the_group_and_removes_the_folder(tmp_path, monkeypatch, scratch, old_doc):
    pidfile = tmp_path / "child.pid"
    _fake_soffice(tmp_path, monkeypatch, f"sleep 300 &\necho $! >> {pidfile}\nsleep 30\n")
    t = time.time()
    with pytest.raises(ConversionFailed, match="timed out"):
        read_doc_document(old_doc, "0" * 64, Settings(soffice_timeout=0.5))
    assert time.time() - t < 10
    assert all(wait_dead(int(p)) for p in pidfile.read_text().split())
    assert os.listdir(scratch) == []


def test_folder_removed_when_reading_the_converted_file_raises(tmp_path, monkeypatch, scratch, old_doc):
    _fake_soffice(tmp_path, monkeypatch, """
for a in "$@"; do last_out="$prev_out"; case "$prev" in --outdir) out="$a";; esac; prev="$a"; done
echo x > "$out/input.docx"
exit 0
""")

    def boom(*a, **k):
        raise RuntimeError("reader bug")

    monkeypatch.setattr(doc_reader, "read_docx_document", boom)
    with pytest.raises(RuntimeError, match="reader bug"):
        read_doc_document(old_doc, "0" * 64)
    assert os.listdir(scratch) == []


def test_killed_worker_leaves_no_soffice_and_no_folder(tmp_path, monkeypatch, scratch, old_doc):
    pidfile = tmp_path / "child.pid"
    started = tmp_path / "started"
    bin_dir = _fake_soffice(tmp_path, monkeypatch, f"sleep 300 &\necho $! >> {pidfile}\ntouch {started}\nsleep 300\n")
    code = (
        "import sys, tempfile; tempfile.tempdir = sys.argv[1]\n"
        "from boardpack.ingest import doc_reader, doc_temp; doc_temp._cleaned = True\n"
        "from boardpack.core.settings import Settings\n"
        "doc_reader.read_doc_document(sys.argv[2], '0' * 64, Settings(soffice_timeout=600))\n"
    )
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"}
    worker = subprocess.Popen([sys.executable, "-c", code, str(scratch), str(old_doc)], env=env)
    try:
        end = time.time() + 60
        while not started.exists() and time.time() < end:
            time.sleep(0.1)
        assert started.exists(), "fake soffice never started"
        assert [p.name for p in scratch.iterdir() if p.name.startswith(TEMP_PREFIX)]
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        pids = [int(p) for p in pidfile.read_text().split()]
        assert all(wait_dead(p, 10) for p in pids), "soffice outlived its worker"
        end = time.time() + 10
        while os.listdir(scratch) and time.time() < end:
            time.sleep(0.1)
        assert os.listdir(scratch) == []
    finally:
        if worker.poll() is None:
            worker.kill()


def _dead_pid() -> int:
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def test_stale_folders_cleaned_at_next_start(tmp_path):
    root = tmp_path / "tmproot"
    root.mkdir()
    dead = root / (TEMP_PREFIX + "dead")
    (dead / "profile").mkdir(parents=True)
    (dead / OWNER_FILE).write_text(f"{_dead_pid()} 1\n")
    # a soffice.bin that outlived its killed worker, using the dead run's profile
    orphan = subprocess.Popen(["/bin/sh", "-c", "sleep 300", f"-env:UserInstallation={(dead / 'profile').as_uri()}"],
                              start_new_session=True)
    mine = root / (TEMP_PREFIX + "mine")
    mine.mkdir()
    (mine / OWNER_FILE).write_text(f"{os.getpid()} {start_time(os.getpid())}\n")
    fresh = root / (TEMP_PREFIX + "fresh-no-owner")
    fresh.mkdir()
    old = root / (TEMP_PREFIX + "old-no-owner")
    old.mkdir()
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    reused = root / (TEMP_PREFIX + "pid-reused")
    reused.mkdir()
    (reused / OWNER_FILE).write_text(f"{os.getpid()} 12345\n")  # our pid, another start time
    unrelated = root / "other-folder"
    unrelated.mkdir()
    try:
        removed = clean_stale_temp(str(root))
        assert sorted(Path(p).name for p in removed) == sorted([dead.name, old.name, reused.name])
        assert mine.exists() and fresh.exists() and unrelated.exists()
        assert orphan.wait(timeout=10) == -signal.SIGKILL
    finally:
        if orphan.poll() is None:
            orphan.kill()
