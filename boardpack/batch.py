"""The ingest run: many files in, one store out.

Paths (files or folders, expanded recursively) are hashed in the main
process first, so unchanged files and bytes already stored under another
path are settled without parsing. The rest are parsed by
:func:`boardpack.pipeline.parse_file` in N worker processes (spawned, so
nothing of the parent's state is shared; ``workers=1`` parses in-process)
and written by ONE writer, the main process, one transaction per file.
After a batch that changed anything the link stage runs.

The parse task lives in :mod:`boardpack.batch_worker` and is named here, not
imported: this process imports the pipeline only when it parses itself.
"""

from __future__ import annotations

import importlib
import os
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Optional

from boardpack.core.errors import BoardpackError, StoreError, UnreadableDocument
from boardpack.core.settings import DEFAULT, SECTIONS, Settings
from boardpack.core.pathnames import display_path
from boardpack.ingest import file_sha256
from boardpack.ingest.detect import detect_format
from boardpack.batch_inputs import Inputs, expand_paths, is_sidecar, source_paths, walk_inputs
from boardpack.store.database import DEFAULT_DB, Store

# walk_inputs, expand_paths, source_paths, Inputs and is_sidecar moved to
# batch_inputs; importers (shards, the CLI, tests) still take them from here
__all__ = [
    "FileOutcome", "Inputs", "NoInputs", "ParseStage", "Progress", "Summary", "default_workers",
    "expand_paths", "ingest_paths", "is_sidecar", "local_parse", "parse_in_worker", "source_paths", "walk_inputs",
]



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


def _open_store(db_path, paths: list, files: list[Path]) -> Store:
    """The store to write, told the path each file was ingested as."""
    store = Store.open(db_path or DEFAULT_DB)
    store.source_paths = source_paths(paths, files)
    return store


class ByName:
    """A function named by its module and name, imported where it is called.

    The parse task and the workers' warm-up are :mod:`boardpack.batch_worker`'s:
    the pool pickles this name, not the function, so the pipeline (readers,
    extractors, spaCy) is imported in the worker processes only, and in this
    process only when it parses itself (one worker)."""

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name

    def __call__(self, *args, **kwargs):
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"{self.module}.{self.name}"


#: The parse task, ``parse_in_worker(path, sha256, settings)`` -> ("ok", ParsedFile)
#: or ("err", BoardpackError); public: a parse stage elsewhere (:mod:`boardpack.cluster`,
#: :mod:`boardpack.shards`) runs the same task, so a file fails there exactly as here.
parse_in_worker = ByName("boardpack.batch_worker", "parse_in_worker")
#: imports the extractors once per worker, before its first file (readers load on first use)
_warm_worker = ByName("boardpack.batch_worker", "warm_worker")


def _sniff_format(path) -> Optional[str]:
    """The format a failed file's bytes claim, for its ``files`` row (None when unreadable)."""
    try:
        return detect_format(Path(path))
    except Exception:  # noqa: BLE001 - recording a failure must never fail on the file's bytes
        return None


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
    paths = list(paths)
    found = walk_inputs(paths)
    if paths and not found.files and len(found.missing) == len(paths):
        raise NoInputs("no such file or folder: " + ", ".join(display_path(m) for m in found.missing))
    run = _Run(found, progress or (lambda kind, value: None))
    run.store = _open_store(db_path, paths, found.files)
    try:
        run.settle(found)
        # Biggest files first, so a long file does not finish alone at the end.
        jobs = sorted(run.todo, key=lambda s: -run.todo[s][0][1])
        (workers if callable(workers) else local_parse(workers))(jobs, run.todo, settings, run.write)
        if link:
            run.link(settings)
    finally:
        run.store.close()
    run.summary.seconds = time.perf_counter() - started
    return run.summary


class _Run:
    """One ingest run on the writer's side (this process): the summary and
    progress every outcome goes to, the store, and ``todo`` (sha256 ->
    [(path, size)], each set of bytes parsed once)."""

    store: Store

    def __init__(self, found: Inputs, progress: Progress):
        self.progress = progress
        self.summary = Summary(files=len(found.files) + len(found.missing))
        self.todo: dict[str, list[tuple[Path, int]]] = {}
        progress("start", self.summary.files)
        for p, why in found.skipped:
            self.summary.skipped.append((display_path(p), why))
            progress("skip", (display_path(p), why))

    def done(self, o: FileOutcome) -> None:
        self.summary.add(o)
        self.progress("file", o)

    def fail(self, path, err: BaseException, sha=None, size=None) -> None:
        self.store.record_failure(path, err, sha256=sha, size=size, fmt=_sniff_format(path))
        msg = err.message if isinstance(err, BoardpackError) else str(err)
        self.done(FileOutcome(display_path(path), "failed", message=msg, error=err))

    def settle(self, found: Inputs) -> None:
        """Fail the missing paths; hash the rest and settle unchanged files and
        known bytes without parsing; what is left goes to ``todo``."""
        for m in found.missing:
            self.fail(m, UnreadableDocument("no such file or folder", m))
        for f in found.files:
            try:
                size = f.stat().st_size
                sha = file_sha256(f)
            except OSError as e:
                self.fail(f, UnreadableDocument(f"cannot read: {e.strerror or e}", f))
                continue
            if self.store.is_unchanged(f, sha):
                self.done(FileOutcome(display_path(f), "unchanged"))
            elif sha not in self.todo and self.store.has_document(sha):
                self.done(FileOutcome(display_path(f), self.store.add_path(f, sha, size)))
            else:
                self.todo.setdefault(sha, []).append((f, size))

    def write(self, sha: str, status: str, value) -> None:
        """Store one parse result (or its failure) for every path with these bytes."""
        first, *others = self.todo[sha]
        if status == "err":
            for p, size in self.todo[sha]:
                self.fail(p, value, sha, size)
            return
        parsed = value
        # Other paths with these bytes: new unless they held data before.
        held = {p: bool((self.store.file_row(p) or {}).get("sha256")) for p, _ in others}
        try:
            outcome = self.store.store_parsed(parsed)
        except StoreError as e:
            if getattr(e, "fatal", False):
                raise
            self.fail(first[0], e, sha, first[1])
            return
        self.done(FileOutcome(display_path(first[0]), outcome, pages=parsed.pages, rows=parsed.n_rows))
        self.note_partial(first[0], parsed.doc.metadata.get("page_errors") or [])
        for p, size in others:
            self.store.add_path(p, sha, size)
            self.done(FileOutcome(display_path(p), "replaced" if held[p] else "new"))

    def note_partial(self, path, page_errors: list) -> None:
        """A file stored, but not whole: status partial, one error line, exit 1."""
        if not page_errors:
            return
        n = len(page_errors)
        msg = (f"{n} page{'s' if n > 1 else ''} not read ({page_errors[0]['error']}"
               f"{'; ...' if n > 1 else ''}); the rest stored, status partial")
        self.summary.errors.append((display_path(path), msg))
        self.progress("partial", (display_path(path), msg))

    def link(self, settings: Settings) -> None:
        # also when an earlier run stored files but died (or met a lock) while linking
        if self.summary.new or self.summary.replaced or self.store.links_stale():
            try:
                self.summary.linked = self.store.link(settings)
            except BoardpackError as e:
                self.summary.errors.append(("link", e.message))
