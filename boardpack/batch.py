"""The ingest run: many files in, one store out.

Paths (files or folders, expanded recursively) are hashed in the main
process first, so unchanged files and bytes already stored under another
path are settled without parsing. The rest are parsed by
:func:`boardpack.pipeline.parse_file` in N worker processes (spawned, so
nothing of the parent's state is shared; ``workers=1`` parses in-process)
and written by ONE writer, the main process, one transaction per file.
After a batch that changed anything the link stage runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Optional

try:
    import resource
except ImportError:  # not POSIX: no memory limit
    resource = None

from boardpack.core.errors import BoardpackError, StoreError, UnreadableDocument
from boardpack.core.settings import DEFAULT, SECTIONS, Settings
from boardpack.core.pathnames import display_path
from boardpack.extractors import load_all
from boardpack.ingest import file_sha256, load_readers
from boardpack.ingest.detect import detect_format
from boardpack.ingest.doc_reader import clean_stale_temp_once
from boardpack.pipeline import parse_file
from boardpack.store.database import DEFAULT_DB, Store, file_key

# Files that sit beside packs but are not packs: gold annotations and other
# JSON metadata, notes, and the corpus generator's own Python code. Anything
# else found in a folder is attempted, so an unreadable pack is reported.
SIDECAR_SUFFIXES = (".json", ".py", ".pyc")
SIDECAR_NAMES = {"readme.md", "readme.txt", "readme", "thumbs.db", "desktop.ini"}
SKIP_DIRS = {"__pycache__"}


class NoInputs(BoardpackError):
    """None of the paths given to ingest exists (a usage error, exit 2)."""

    stage = "usage"


@dataclass
class FileOutcome:
    """What happened to one path: new, unchanged, replaced or failed."""

    path: str
    outcome: str
    pages: int = 0
    rows: int = 0
    message: Optional[str] = None
    error: Optional[BaseException] = None


@dataclass
class Summary:
    files: int = 0
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    pages: int = 0
    rows: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line message)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was not read)
    linked: bool = False

    def add(self, o: FileOutcome) -> None:
        setattr(self, o.outcome, getattr(self, o.outcome) + 1)
        self.pages += o.pages
        self.rows += o.rows
        if o.outcome == "failed":
            self.errors.append((o.path, o.message or "failed"))

    def line(self) -> str:
        return (
            f"{self.files} files: {self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed; {self.pages} pages; {self.rows} rows; {self.seconds:.1f}s"
        )


# ("start", number of files), ("file", FileOutcome), ("skip", (path, reason)) or
# ("partial", (path, message)): a file stored without some of its pages
Progress = Callable[[str, object], None]


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


def _not_regular(p: Path) -> Optional[str]:
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
    out = Inputs()
    seen: set[str] = set()
    seen_dirs: set[str] = set()

    def add(p: Path) -> None:
        key = os.path.abspath(p)
        if key in seen:
            return
        seen.add(key)
        why = _not_regular(p)
        if why:
            out.skipped.append((p, why))
        else:
            out.files.append(p)

    def walk(top: Path) -> None:
        real = os.path.realpath(top)
        if real in seen_dirs:
            out.skipped.append((top, "folder already walked (symlink loop or second link)"))
            return
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(top), key=lambda e: e.name)
        except OSError as e:
            out.skipped.append((top, f"cannot read folder: {e.strerror or e}"))
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            f = Path(top) / e.name
            try:
                is_dir = e.is_dir()  # follows symlinks: a linked folder is walked once
            except OSError:
                is_dir = False
            if is_dir:
                if e.name not in SKIP_DIRS:
                    walk(f)
            elif not is_sidecar(f):
                add(f)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            walk(p)
        elif p.exists() or p.is_symlink():
            add(p)
        else:
            out.missing.append(p)
    return out


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


def _open_store(db_path, paths: list, files: list[Path]) -> Store:
    """The store to write, told the path each file was ingested as."""
    store = Store.open(db_path or DEFAULT_DB)
    store.source_paths = source_paths(paths, files)
    return store


def expand_paths(paths: Iterable) -> tuple[list[Path], list[Path]]:
    """(files to attempt, paths that do not exist): :func:`walk_inputs` without the skips."""
    found = walk_inputs(paths)
    return found.files, found.missing


class _Deadline(BaseException):
    """Raised by the alarm inside a parse that ran past ``settings.limits.file_timeout``.

    A BaseException, so that no reader's ``except Exception`` (a degenerate
    drawing must not sink a page) can swallow it and run on.
    """


@contextlib.contextmanager
def _deadline(seconds: float):
    """Interrupt the body after ``seconds`` (SIGALRM; POSIX main thread only,
    elsewhere no limit). A subprocess being waited on (LibreOffice, tesseract)
    is killed by subprocess.run as the exception unwinds."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise _Deadline()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextlib.contextmanager
def _memory_cap(mb: int):
    """Cap this process's address space at ``mb`` MiB for the body (the soft
    RLIMIT_AS, put back after; POSIX only, elsewhere no limit).

    Only the parse runs under it, never the store's writes, so the same cap
    serves a spawned worker and the in-process parse of ``workers=1``: an
    allocation past it raises MemoryError in Python code, and a C library
    that cannot cope kills only its worker (in-process, the run: the store
    keeps every file committed before). Children started meanwhile (soffice,
    tesseract) inherit it. A lower limit already in force is kept.
    """
    if not mb or resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _over_memory(path, mb: int, said: str = "") -> UnreadableDocument:
    said = f"; the reader said: {said}" if said else ""
    if mb:
        return UnreadableDocument(
            f"needed more than {mb} MiB of memory to parse (setting worker_memory_mb{said}); stopped", path)
    return UnreadableDocument(f"ran out of memory while parsing{said}; stopped", path)


def _vm_peak_mib() -> Optional[int]:
    """The most address space this process has held (Linux), in MiB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _hit_cap(mb: int, peak_before: Optional[int]) -> bool:
    """Whether a parse that failed most likely ran into the cap: its process
    reached a new peak of at least half the cap. A C library (libxml2 under
    lxml) reports a failed allocation as its own error ("XMLSyntaxError:
    unknown error", so a "corrupt DOCX"), not as MemoryError; the refused
    request itself is never counted, hence half."""
    if not mb or peak_before is None:
        return False
    after = _vm_peak_mib()
    return after is not None and after > peak_before and after * 2 >= mb


def parse_in_worker(path: str, sha256: str, settings: Settings):
    """Top-level (spawn-safe) worker task: ("ok", ParsedFile) or ("err", BoardpackError).

    Public: a parse stage elsewhere (:mod:`boardpack.cluster`, :mod:`boardpack.shards`)
    runs the same task, so a file fails there exactly as it would here."""
    mb = settings.limits.worker_memory_mb
    peak_before = _vm_peak_mib() if mb else None
    try:
        with _memory_cap(mb), _deadline(settings.limits.file_timeout):
            return "ok", parse_file(path, settings, sha256=sha256)
    except _Deadline:
        return "err", UnreadableDocument(
            f"took longer than {settings.limits.file_timeout:g} s to parse (setting file_timeout); stopped", path)
    except MemoryError:
        return "err", _over_memory(path, mb)
    except BoardpackError as e:
        e.__traceback__ = None  # tracebacks do not pickle; the message is the report
        cause = e.__cause__
        e.__cause__ = None
        if isinstance(cause, MemoryError):  # a stage wrapped it: the limit, not the file, is the story
            return "err", _over_memory(path, mb)
        if _hit_cap(mb, peak_before):
            return "err", _over_memory(path, mb, e.message)
        if cause is not None and type(e) is BoardpackError:
            e.cause_type = type(cause).__name__  # what the errors table records
        return "err", e


def _sniff_format(path) -> Optional[str]:
    """The format a failed file's bytes claim, for its ``files`` row (None when unreadable)."""
    try:
        return detect_format(Path(path))
    except Exception:  # noqa: BLE001 - recording a failure must never fail on the file's bytes
        return None


def _warm_worker() -> None:
    """Import readers and extractors once per worker, before the first file."""
    load_readers()
    load_all()


def _parse_parallel(jobs, todo, n: int, settings: Settings, write, task=parse_in_worker) -> None:
    """Parse ``jobs`` (sha256s) in ``n`` spawned processes, handing each result to ``write``.

    At most 2n files are in flight, so finished documents do not pile up in
    memory before the writer takes them. If a worker dies (killed for memory,
    a crash in a C library) the pool breaks and every file in flight fails
    with it; each of those is tried again alone in a fresh pool, so only the
    file that really kills its worker is reported, never a bystander.
    """
    queue = deque(jobs)
    suspects: set[str] = set()  # in flight when a pool broke: run again one at a time
    ctx = get_context("spawn")
    while queue:
        with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_warm_worker) as pool:
            pending: dict = {}
            broken = False
            while queue or pending:
                while queue and not broken and len(pending) < n * 2:
                    if suspects.intersection(pending.values()) or (queue[0] in suspects and pending):
                        break
                    sha = queue.popleft()
                    pending[pool.submit(task, str(todo[sha][0][0]), sha, settings)] = sha
                if not pending:
                    break
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    sha = pending.pop(fut)
                    try:
                        status, value = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        if sha not in suspects:  # perhaps a bystander of another file's death
                            suspects.add(sha)
                            queue.appendleft(sha)
                            continue
                        status, value = "err", UnreadableDocument(_died(settings), todo[sha][0][0])
                    except Exception as e:  # noqa: BLE001 - e.g. a result that would not pickle
                        status, value = "err", UnreadableDocument(
                            f"parser process failed: {type(e).__name__}: {e}", todo[sha][0][0]
                        )
                    write(sha, status, value)


def _died(settings: Settings) -> str:
    mb = settings.limits.worker_memory_mb
    why = f"over worker_memory_mb={mb} MiB, " if mb else ""
    return f"the parser process died while reading this file (out of memory: {why}killed by the system; or a crash)"


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


# A parse stage: stage(jobs, todo, settings, write, task=parse_in_worker) runs
# ``task(path, sha, settings)`` for each sha in ``jobs`` (largest file first;
# ``todo[sha][0]`` is (path, size)) and hands every result to ``write(sha,
# status, value)`` in this process. local_parse is the default; another
# (boardpack.cluster.DaskParse) parses elsewhere and leaves the writer as it is.
ParseStage = Callable[..., None]


def local_parse(workers: int) -> ParseStage:
    """The default parse stage: ``workers`` spawned processes here (1: in this process)."""
    def run(jobs, todo, settings: Settings, write, task=parse_in_worker) -> None:
        if workers <= 1 or len(jobs) <= 1:
            for sha in jobs:
                write(sha, *task(str(todo[sha][0][0]), sha, settings))
        else:
            _parse_parallel(jobs, todo, min(workers, len(jobs)), settings, write, task)
    return run


def _batch_settings(settings: Optional[Settings], workers):
    """The run's settings and worker count. The settings carry the batch's real
    worker count, so the stages see it (OCR sizes its pool of pages by it)."""
    settings = settings or DEFAULT
    workers = workers or settings.run.workers or default_workers()
    if isinstance(workers, int) and workers != settings.run.workers:
        sections = {n: getattr(settings, n) for n in SECTIONS}
        sections["run"] = settings.run.updated({"workers": workers})
        settings = Settings(**sections)
    return settings, workers


def ingest_paths(
    paths: Iterable,
    db_path=None,
    workers=None,
    progress: Optional[Progress] = None,
    settings: Optional[Settings] = None,
    link: bool = True,
) -> Summary:
    """Ingest files and folders into the store at ``db_path``; return a :class:`Summary`.

    ``workers``: how many local processes parse, or a :data:`ParseStage` that parses elsewhere.

    Raises :class:`NoInputs` when no given path exists, and
    :class:`~boardpack.core.errors.StoreError` when the database cannot be opened
    or written (the batch stops: every later file would fail the same way).
    """
    started = time.perf_counter()
    settings, workers = _batch_settings(settings, workers)
    progress = progress or (lambda kind, value: None)
    paths = list(paths)
    found = walk_inputs(paths)
    files, missing = found.files, found.missing
    if paths and not files and len(missing) == len(paths):
        raise NoInputs("no such file or folder: " + ", ".join(display_path(m) for m in missing))

    summary = Summary(files=len(files) + len(missing))
    progress("start", summary.files)
    for p, why in found.skipped:
        summary.skipped.append((display_path(p), why))
        progress("skip", (display_path(p), why))
    store = _open_store(db_path, paths, files)
    try:
        clean_stale_temp_once()  # boardpack-doc-* folders (and soffice) a killed run left behind

        def done(o: FileOutcome) -> None:
            summary.add(o)
            progress("file", o)

        def fail(path, err: BaseException, sha=None, size=None) -> None:
            store.record_failure(path, err, sha256=sha, size=size, fmt=_sniff_format(path))
            msg = err.message if isinstance(err, BoardpackError) else str(err)
            done(FileOutcome(display_path(path), "failed", message=msg, error=err))

        for m in missing:
            fail(m, UnreadableDocument("no such file or folder", m))

        # Hash first: settle unchanged files and known bytes without parsing.
        todo: dict[str, list[tuple[Path, int]]] = {}  # sha -> [(path, size)], parsed once
        for f in files:
            try:
                size = f.stat().st_size
                sha = file_sha256(f)
            except OSError as e:
                fail(f, UnreadableDocument(f"cannot read: {e.strerror or e}", f))
                continue
            if store.is_unchanged(f, sha):
                done(FileOutcome(display_path(f), "unchanged"))
            elif sha not in todo and store.has_document(sha):
                done(FileOutcome(display_path(f), store.add_path(f, sha, size)))
            else:
                todo.setdefault(sha, []).append((f, size))

        def write(sha: str, status: str, value) -> None:
            first, *others = todo[sha]
            if status == "err":
                for p, size in todo[sha]:
                    fail(p, value, sha, size)
                return
            parsed = value
            # Other paths with these bytes: new unless they held data before.
            held = {p: bool((store.file_row(p) or {}).get("sha256")) for p, _ in others}
            try:
                outcome = store.store_parsed(parsed)
            except StoreError as e:
                if getattr(e, "fatal", False):
                    raise
                fail(first[0], e, sha, first[1])
                return
            done(FileOutcome(display_path(first[0]), outcome, pages=parsed.pages, rows=parsed.n_rows))
            page_errors = parsed.doc.metadata.get("page_errors") or []
            if page_errors:  # stored, but not whole: status partial, one error line, exit 1
                n = len(page_errors)
                msg = (f"{n} page{'s' if n > 1 else ''} not read ({page_errors[0]['error']}"
                       f"{'; ...' if n > 1 else ''}); the rest stored, status partial")
                summary.errors.append((display_path(first[0]), msg))
                progress("partial", (display_path(first[0]), msg))
            for p, size in others:
                store.add_path(p, sha, size)
                done(FileOutcome(display_path(p), "replaced" if held[p] else "new"))

        # Biggest files first, so a long file does not finish alone at the end.
        jobs = sorted(todo, key=lambda s: -todo[s][0][1])
        (workers if callable(workers) else local_parse(workers))(jobs, todo, settings, write)

        # also when an earlier run stored files but died (or met a lock) while linking
        if link and (summary.new or summary.replaced or store.links_stale()):
            try:
                summary.linked = store.link(settings)
            except BoardpackError as e:
                summary.errors.append(("link", e.message))
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary
