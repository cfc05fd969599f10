"""What an ingest run reads: the given files and folders walked into the
files to attempt, the paths that do not exist and the paths skipped (with
why), and the name each file is recorded under (``files.source_path``).

Apart from the run itself (:mod:`boardpack.batch`) because the shard writer
walks the same way, and because what counts as an input (regular files only,
sidecars and hidden files left out, each folder once) is a question of its
own.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from boardpack.core.pathnames import display_path
from boardpack.store.database import file_key

# Files that sit beside packs but are not packs: gold annotations and other
# JSON metadata, notes, and the corpus generator's own Python code. Anything
# else found in a folder is attempted, so an unreadable pack is reported.
SIDECAR_SUFFIXES = (".json", ".py", ".pyc")
SIDECAR_NAMES = {"readme.md", "readme.txt", "readme", "thumbs.db", "desktop.ini"}
SKIP_DIRS = {"__pycache__"}


def is_sidecar(p: Path) -> bool:
    name = p.name.lower()
    return name in SIDECAR_NAMES or name.endswith(SIDECAR_SUFFIXES)


@dataclass
class Inputs:
    """What a walk over the given paths found: files to attempt, paths that
    do not exist, and paths skipped with the reason (not a regular file, a
    folder that cannot be read, a symlink loop)."""

    files: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def not_regular(p: Path) -> Optional[str]:
    """Why ``p`` is not a regular file to read (None when it is one).

    Hashing reads a file whole before anything else, so a FIFO would block
    for ever and a device file (``/dev/zero`` behind a symlink) never ends:
    only regular files are read, as rsync does.
    """
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        return "broken symlink" if p.is_symlink() else "no such file"
    except OSError as e:
        return f"cannot read: {e.strerror or e}"
    if stat.S_ISREG(mode):
        return None
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return f"not a regular file ({what})"
    return "not a regular file"


def walk_inputs(paths: Iterable) -> Inputs:
    """Expand files and folders into :class:`Inputs`.

    Folders are walked recursively in sorted order; hidden files and folders,
    ``__pycache__`` and known sidecars (``*.json`` such as gold annotations,
    ``README*``, ``*.py``) are skipped silently. Symlinked folders are
    followed once (a folder reached again through a link is a loop and is
    reported); folders that cannot be listed and files that are not regular
    files are reported in ``skipped``. Every other file is attempted, so an
    unsupported one is reported rather than silently ignored. A file named
    explicitly is always attempted (if it is a regular file).
    """
    walk = _Walk()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            walk.folder(p)
        elif p.exists() or p.is_symlink():
            walk.add(p)
        else:
            walk.out.missing.append(p)
    return walk.out


class _Walk:
    """One walk's state: what it found and what it has seen (files by
    absolute path, folders by real path, so a link loop is walked once)."""

    def __init__(self) -> None:
        self.out = Inputs()
        self.seen: set[str] = set()
        self.seen_dirs: set[str] = set()

    def add(self, p: Path) -> None:
        key = os.path.abspath(p)
        if key in self.seen:
            return
        self.seen.add(key)
        why = not_regular(p)
        if why:
            self.out.skipped.append((p, why))
        else:
            self.out.files.append(p)

    def folder(self, top: Path) -> None:
        real = os.path.realpath(top)
        if real in self.seen_dirs:
            self.out.skipped.append((top, "folder already walked (symlink loop or second link)"))
            return
        self.seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(top), key=lambda e: e.name)
        except OSError as e:
            self.out.skipped.append((top, f"cannot read folder: {e.strerror or e}"))
            return
        for e in entries:
            if not e.name.startswith("."):
                self.entry(top, e)

    def entry(self, top: Path, e: os.DirEntry) -> None:
        f = Path(top) / e.name
        try:
            is_dir = e.is_dir()  # follows symlinks: a linked folder is walked once
        except OSError:
            is_dir = False
        if is_dir:
            if e.name not in SKIP_DIRS:
                self.folder(f)
        elif not is_sidecar(f):
            self.add(f)


def source_paths(paths: Iterable, files: Iterable[Path]) -> dict[str, str]:
    """``files.path`` key -> the path as ingested (``files.source_path``):
    relative to the folder given when the file was found in one
    ("2009-q1/Agenda.pdf"), else as typed. Walked files are built on the
    folder as given, so a lexical comparison finds it; two folders each
    holding Agenda.pdf, given as one parent folder, give two paths."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    out = {}
    for f in files:
        root = next((d for d in folders if f.is_relative_to(d)), None)
        out[file_key(f)] = display_path(os.path.relpath(f, root) if root is not None else os.path.normpath(f))
    return out


def expand_paths(paths: Iterable) -> tuple[list[Path], list[Path]]:
    """(files to attempt, paths that do not exist): :func:`walk_inputs` without the skips."""
    found = walk_inputs(paths)
    return found.files, found.missing
