"""Temporary folders of .doc conversion, and the ones killed runs left behind.

Each conversion works in a ``boardpack-doc-*`` folder that records its owner
(the process that made it). A run killed mid-conversion leaves its folder,
and perhaps a soffice process still using it; every ingest worker sweeps them
once, at start. Kept apart from :mod:`boardpack.ingest.doc_reader` so that a
worker sweeps without importing the reader (python-docx and lxml, about 8 MB
of a worker that reads only PDFs; issue 10).
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path
from typing import Optional

from boardpack.core.owned_dirs import make_owned_dir, stale_owned_dirs

TEMP_PREFIX = "boardpack-doc-"
OWNER_FILE = "owner.pid"  # "pid start-time" of the process that made the folder
#: A temporary folder without an owner record is removed once older than this.
STALE_AFTER = 3600.0


def make_temp_dir() -> Path:
    """A new ``boardpack-doc-*`` folder recording its owner (this process)."""
    return make_owned_dir(TEMP_PREFIX, OWNER_FILE)


def _kill_users(folder: Path) -> int:
    """Kill processes (a soffice.bin left by a killed worker) whose command line names ``folder``."""
    killed = 0
    needle = str(folder)
    uri = folder.as_uri()
    for proc_dir in Path("/proc").glob("[0-9]*"):
        try:
            cmd = (proc_dir / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if needle in cmd or uri in cmd:
            try:
                os.kill(int(proc_dir.name), signal.SIGKILL)
                killed += 1
            except (OSError, ValueError):
                pass
    return killed


def clean_stale_temp(tmp_root: Optional[str] = None, stale_after: float = STALE_AFTER) -> list[str]:
    """Remove ``boardpack-doc-*`` folders left by killed runs (and the soffice
    processes still using them); return the folders removed.

    A folder is stale when the process that made it is gone, or, with no
    owner record, when it was last touched more than ``stale_after`` seconds
    ago. A folder whose owner is alive is in use and never touched.
    """
    removed = []
    for folder in stale_owned_dirs(TEMP_PREFIX, OWNER_FILE, stale_after, tmp_root):
        _kill_users(folder)
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(str(folder))
    return removed


_cleaned = False


def clean_stale_temp_once() -> None:
    """:func:`clean_stale_temp` once per process (the first .doc, or an ingest start)."""
    global _cleaned
    if not _cleaned:
        _cleaned = True
        try:
            clean_stale_temp()
        except Exception:  # noqa: BLE001 - housekeeping never fails a run
            pass
