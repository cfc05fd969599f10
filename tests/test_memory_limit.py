"""settings worker_memory_mb: a file whose parse needs more address space
than the limit is recorded as failed, naming the setting, and the batch goes
on; in-process (``workers=1``) and in spawned workers. The parse is
replaced by one that allocates, as a zip bomb or a huge image would."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

resource = pytest.importorskip("resource", reason="RLIMIT_AS needs POSIX")


def _vm_mib() -> int:
    """This process's address space now (Linux), in MiB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    pytest.skip("no /proc/self/status: cannot size a limit above this process's own address space")


def test_in_process_a_file_over_the_limit_fails_and_the_next_is_stored(tmp_path, make_docx, monkeypatch):
    import boardpack.batch_worker as worker
    from boardpack.batch import ingest_paths
    from boardpack.core.settings import Settings

    big = make_docx(tmp_path / "in" / "a_big.docx", ["Present: Ann Lee"], heading="Minutes of 3 March 2020")
    fine = make_docx(tmp_path / "in" / "b_fine.docx", ["Present: Bo Ng"], heading="Minutes of 4 March 2020")
    mb = _vm_mib() + 768  # room for a real parse on top of what pytest holds
    real = worker.parse_file

    def parse(path, *a, **k):
        if str(path).endswith("a_big.docx"):
            hog = bytearray((mb + 1024) << 20)
            return hog  # not reached under the limit
        return real(path, *a, **k)

    monkeypatch.setattr(worker, "parse_file", parse)
    before = resource.getrlimit(resource.RLIMIT_AS)
    db = tmp_path / "s.db"
    summary = ingest_paths([tmp_path / "in"], db_path=db, workers=1, settings=Settings(worker_memory_mb=mb))
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # lifted after each parse: the store is never capped
    assert summary.errors == [(str(big), f"needed more than {mb} MiB of memory to parse (setting worker_memory_mb); "
                                         "stopped")]
    rows = dict(sqlite3.connect(db).execute("SELECT path, status FROM files"))
    assert rows == {str(big): "failed", str(fine): "ok"}


# Patched at import, so spawned workers (which import this script as
# __mp_main__) parse with it too.
_SCRIPT = """
import os, signal, sys
import boardpack.batch as batch
import boardpack.batch_worker as worker
real = worker.parse_file
def parse(path, *a, **k):
    if str(path).endswith("a_big.docx"):
        return bytearray(3 << 30)  # 3 GiB, over a 2 GiB limit
    if str(path).endswith("b_dies.docx"):
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return real(path, *a, **k)
worker.parse_file = parse

if __name__ == "__main__":
    import json
    from boardpack.core.settings import Settings
    s = batch.ingest_paths([sys.argv[1]], db_path=sys.argv[2], workers=2, settings=Settings(worker_memory_mb=2048))
    print(json.dumps({"errors": s.errors, "new": s.new, "failed": s.failed}))
"""


def test_in_workers_a_file_over_the_limit_fails_a_killed_worker_is_named_and_the_rest_stored(tmp_path, make_docx):
    root = tmp_path / "in"
    big = make_docx(root / "a_big.docx", ["Present: Ann Lee"], heading="Minutes of 3 March 2020")
    dies = make_docx(root / "b_dies.docx", ["Present: Cy Oh"], heading="Minutes of 5 March 2020")
    fine = make_docx(root / "c_fine.docx", ["Present: Bo Ng"], heading="Minutes of 4 March 2020")
    script = tmp_path / "run_batch.py"
    script.write_text(_SCRIPT)
    db = tmp_path / "s.db"
    proc = subprocess.run([sys.executable, str(script), str(root), str(db)], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["new"] == 1 and out["failed"] == 2
    errors = dict(out["errors"])
    assert errors[str(big)] == "needed more than 2048 MiB of memory to parse (setting worker_memory_mb); stopped"
    assert "worker_memory_mb=2048" in errors[str(dies)] and "died" in errors[str(dies)]
    rows = dict(sqlite3.connect(db).execute("SELECT path, status FROM files"))
    assert rows == {str(big): "failed", str(dies): "failed", str(fine): "ok"}


def test_worker_memory_mb_is_validated():
    from boardpack.core.errors import SettingsError
    from boardpack.core.settings import Settings

    assert Settings(worker_memory_mb=0)  # 0 = no limit
    with pytest.raises(SettingsError):
        Settings(worker_memory_mb=-1)


def test_a_zip_bomb_past_the_zip_limits_is_stopped_by_the_memory_limit_and_named(tmp_path):
    """With the zip limits lifted, a 100 MB body needs about 2.4 GB to parse.
    libxml2 reports the refused allocation as a syntax error ("corrupt
    DOCX"); the batch names the memory limit instead, keeping what the
    reader said."""
    from test_limits import DOCX, make_bomb

    from boardpack.batch import ingest_paths
    from boardpack.core.settings import Settings

    root = tmp_path / "in"
    root.mkdir()
    bomb = make_bomb(root / "a_bomb.docx", mb=100)
    fine = root / "b_fine.docx"
    fine.write_bytes(DOCX.read_bytes())
    mb = _vm_mib() + 768
    db = tmp_path / "s.db"
    settings = Settings(zip_max_inflated_mb=100_000, zip_max_ratio=100_000.0, worker_memory_mb=mb)
    summary = ingest_paths([root], db_path=db, workers=1, settings=settings)
    assert [p for p, _ in summary.errors] == [str(bomb)]
    assert summary.errors[0][1].startswith(f"needed more than {mb} MiB of memory to parse (setting worker_memory_mb")
    rows = dict(sqlite3.connect(db).execute("SELECT path, status FROM files"))
    assert rows == {str(bomb): "failed", str(fine): "ok"}
