"""Temporary folders that record the process that made them.

A folder holds a one-line file "pid start-time". A later run can then tell a
folder whose owner was killed (remove it) from one still in use, even when the
pid has been reused by another process (its start time differs). Used by the
.doc conversion's work folders and by ``serve``'s metadata folder.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Optional


def start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (/proc), "" if unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return ""


def make_owned_dir(prefix: str, owner_file: str) -> Path:
    """A new temporary folder named ``prefix*`` recording this process as its owner."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    (folder / owner_file).write_text(f"{os.getpid()} {start_time(os.getpid())}\n")
    return folder


def owner_alive(folder: Path, owner_file: str) -> Optional[bool]:
    """True/False when the folder records its owner, None when it does not."""
    try:
        pid_s, _, started = (folder / owner_file).read_text().strip().partition(" ")
        pid = int(pid_s)
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: not ours to judge
    return not started or start_time(pid) in ("", started)  # a reused pid is not the owner


def stale_owned_dirs(prefix: str, owner_file: str, stale_after: float, tmp_root: Optional[str] = None) -> list[Path]:
    """Folders ``prefix*`` in the temporary folder (or ``tmp_root``) that a
    killed run left: their owner process is gone, or, with no owner record,
    nobody has touched them for ``stale_after`` seconds. A folder whose owner
    is alive is in use and never listed; symlinks are never followed."""
    root = Path(tmp_root or tempfile.gettempdir())
    try:
        candidates = [p for p in root.glob(prefix + "*") if p.is_dir() and not p.is_symlink()]
    except OSError:
        return []
    now = time.time()
    stale = []
    for folder in candidates:
        alive = owner_alive(folder, owner_file)
        if alive is None:
            try:
                alive = now - folder.stat().st_mtime <= stale_after
            except OSError:
                continue
        if not alive:
            stale.append(folder)
    return stale
