"""Shards: files parsed apart (on a cluster, on several machines, over days), merged into one store.

``boardpack ingest PATH... --shards DIR`` writes each parsed file as one
shard in DIR instead of into a database; the task that parses a file writes
its shard (on a Dask worker: in that worker's DIR), so no result travels to
one writer. ``boardpack merge DIR... --db FILE`` then writes the shards into
a store through the same :meth:`Store.store_parsed` and
:meth:`Store.record_failure` as an ingest, and links once at the end.

A shard is one file: a first line of JSON (kind, parser version, the file's
sha256, path, size, when written) and, for a parsed document, the
:class:`~boardpack.pipeline.ParsedFile` pickled and zlib-compressed.
Kinds: ``document`` (a parsed file), ``alias`` (another path with the same
bytes), ``failure`` (a file that could not be parsed, with its stage and
message). Merging reads the header first: a shard of another parser version
is refused (re-ingest the file) and its payload never unpickled.

Pickle runs code as it loads: merge only shards your own runs wrote.

Idempotent: the store records each shard merged (``merged_shards``: name and
when it was written), so merging a shard twice changes nothing; bytes found
in two shards are stored once (the second path becomes another name for
them). Within one merge, shards are applied in the order they were written,
whatever the order of the folders given.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional

from boardpack.batch import (FileOutcome, NoInputs, Summary, default_workers, local_parse, parse_in_worker,
                             source_paths, walk_inputs)
from boardpack.core.errors import BoardpackError, StoreError, UnreadableDocument
from boardpack.core.identity import PARSER_VERSION
from boardpack.core.pathnames import display_path
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest import file_sha256
from boardpack.ingest.detect import detect_format
from boardpack.store.database import Store, file_key

SUFFIX = ".bpshard"
FORMAT = "boardpack-shard/1"
# one per run, beside the shards: each file's path as ingested (files.source_path)
PATHS_GLOB = "paths-*.json"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def shard_name(kind: str, path: str, sha256: Optional[str]) -> str:
    """One name per (kind, path, bytes): writing the same shard again replaces it."""
    return f"{kind}-{(sha256 or 'none')[:24]}-{_digest(file_key(path))}{SUFFIX}"


def _write(shard_dir, header: dict[str, Any], payload: bytes = b"") -> str:
    """Write a shard atomically (a reader never sees half of one); return its name."""
    folder = Path(shard_dir)
    folder.mkdir(parents=True, exist_ok=True)
    header = {**header, "format": FORMAT, "parser_version": PARSER_VERSION, "path": file_key(header["path"]),
              "written_at": datetime.now(timezone.utc).isoformat(timespec="microseconds")}
    name = shard_name(header["kind"], header["path"], header.get("sha256"))
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        f.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n")
        f.write(payload)
    os.replace(tmp, folder / name)
    return name


def read_header(path) -> dict[str, Any]:
    with open(path, "rb") as f:
        head = json.loads(f.readline())
    if head.get("format") != FORMAT:
        raise ValueError(f"not a boardpack shard ({head.get('format')!r})")
    return head


def _payload(path):
    with open(path, "rb") as f:
        f.readline()
        return pickle.loads(zlib.decompress(f.read()))


@dataclass
class Receipt:
    """What the writer needs of a file parsed into a shard (the document stays in the shard)."""

    shard: str
    pages: int
    rows: int
    page_errors: list = field(default_factory=list)


class ShardTask:
    """The parse task of a ``--shards`` run: parse as an ingest does, then write the shard where it ran."""

    def __init__(self, shard_dir):
        self.shard_dir = str(shard_dir)

    def __call__(self, path: str, sha256: str, settings: Settings):
        status, value = parse_in_worker(path, sha256, settings)
        if status != "ok":
            return status, value
        body = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 6)
        name = _write(self.shard_dir, {"kind": "document", "sha256": value.doc.sha256, "path": value.path,
                                       "size": value.size}, body)
        return "ok", Receipt(name, value.pages, value.n_rows, list(value.doc.metadata.get("page_errors") or []))


def _sniff_format(path) -> Optional[str]:
    """The format a failed file's bytes claim (None when unreadable), as an ingest records it."""
    try:
        return detect_format(Path(path))
    except Exception:  # noqa: BLE001 - recording a failure must never fail on the file's bytes
        return None


def _write_paths(folder: Path, names: dict[str, str]) -> None:
    """Record the paths as ingested (relative to the folder given) for merge, which
    cannot see the folders a run was given; the task writing a shard knows only its file."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    target = folder / f"paths-{stamp.replace(':', '')}-{os.getpid()}.json"
    tmp = folder / f".{target.name}.tmp"
    tmp.write_text(json.dumps({"written_at": stamp, "source_paths": names}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)


def read_paths(dirs: Iterable) -> dict[str, str]:
    """files.path key -> the path as ingested, from every run's paths file (the latest run wins)."""
    runs = []
    for d in dirs:
        for p in Path(d).rglob(PATHS_GLOB):
            try:
                runs.append(json.loads(p.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue
    out: dict[str, str] = {}
    for run in sorted(runs, key=lambda r: r.get("written_at", "")):
        out.update(run.get("source_paths") or {})
    return out


def partial_message(page_errors: list) -> str:
    n = len(page_errors)
    return (f"{n} page{'s' if n > 1 else ''} not read ({page_errors[0]['error']}"
            f"{'; ...' if n > 1 else ''}); the rest stored, status partial")


class _ShardRun:
    """The writer's side of a ``--shards`` run: failures and other names of the same bytes as shards."""

    def __init__(self, shard_dir: Path, summary: Summary, progress):
        self.dir, self.summary, self.progress = shard_dir, summary, progress
        self.todo: dict[str, list[tuple[Path, int]]] = {}

    def done(self, o: FileOutcome) -> None:
        self.summary.add(o)
        self.progress("file", o)

    def fail(self, path, err: BaseException, sha=None, size=None) -> None:
        stage = getattr(err, "stage", None) or "read"
        message = err.message if isinstance(err, BoardpackError) else str(err)
        cause = err.__cause__ if type(err) is BoardpackError and err.__cause__ is not None else err
        _write(self.dir, {"kind": "failure", "sha256": sha, "path": str(path), "size": size, "stage": stage,
                          "error_type": getattr(err, "cause_type", None) or type(cause).__name__,
                          "message": message, "file_format": _sniff_format(path)})
        self.done(FileOutcome(display_path(path), "failed", message=message, error=err))

    def unchanged(self, path, sha: str) -> bool:
        """A shard of this path with these bytes, by this parser version, is already in the folder."""
        for kind in ("document", "alias"):
            p = self.dir / shard_name(kind, str(path), sha)
            if p.exists():
                try:
                    return read_header(p).get("parser_version") == PARSER_VERSION
                except (OSError, ValueError):
                    return False
        return False

    def write(self, sha: str, status: str, value) -> None:
        first, *others = self.todo[sha]
        if status != "ok":
            for p, size in self.todo[sha]:
                self.fail(p, value, sha, size)
            return
        self.done(FileOutcome(display_path(first[0]), "new", pages=value.pages, rows=value.rows))
        if value.page_errors:
            msg = partial_message(value.page_errors)
            self.summary.errors.append((display_path(first[0]), msg))
            self.progress("partial", (display_path(first[0]), msg))
        for p, size in others:
            _write(self.dir, {"kind": "alias", "sha256": sha, "path": str(p), "size": size})
            self.done(FileOutcome(display_path(p), "new"))


def ingest_to_shards(paths: Iterable, shard_dir, workers=None, progress=None,
                     settings: Optional[Settings] = None) -> Summary:
    """Parse files and folders into shards in ``shard_dir``; return a :class:`~boardpack.batch.Summary`.

    As :func:`boardpack.batch.ingest_paths` (same walk, hashing, progress and
    summary; ``workers`` a count or a parse stage), but nothing is written to
    a database: a file whose shard (same path, bytes and parser version) is
    already in the folder is "unchanged".
    """
    started = time.perf_counter()
    settings = settings or DEFAULT
    progress = progress or (lambda kind, value: None)
    paths = list(paths)
    found = walk_inputs(paths)
    if paths and not found.files and len(found.missing) == len(paths):
        raise NoInputs("no such file or folder: " + ", ".join(display_path(m) for m in found.missing))
    summary = Summary(files=len(found.files) + len(found.missing))
    progress("start", summary.files)
    for p, why in found.skipped:
        summary.skipped.append((display_path(p), why))
        progress("skip", (display_path(p), why))
    run = _ShardRun(Path(shard_dir), summary, progress)
    _write_paths(Path(shard_dir), source_paths(paths, found.files))
    for m in found.missing:
        run.fail(m, UnreadableDocument("no such file or folder", m))
    for f in found.files:
        try:
            size, sha = f.stat().st_size, file_sha256(f)
        except OSError as e:
            run.fail(f, UnreadableDocument(f"cannot read: {e.strerror or e}", f))
            continue
        if run.unchanged(f, sha):
            run.done(FileOutcome(display_path(f), "unchanged"))
        else:
            run.todo.setdefault(sha, []).append((f, size))
    jobs = sorted(run.todo, key=lambda s: -run.todo[s][0][1])
    stage = workers if callable(workers) else local_parse(workers or default_workers())
    stage(jobs, run.todo, settings, run.write, task=ShardTask(shard_dir))
    summary.seconds = time.perf_counter() - started
    return summary


# -- merge ---------------------------------------------------------------------


@dataclass
class MergeSummary:
    shards: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    already: int = 0  # merged before: skipped whole
    errors: list[tuple[str, str]] = field(default_factory=list)  # (shard, one-line message)
    linked: bool = False
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.shards} shards: {self.new} new, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.failed} failed, {self.already} merged before, {len(self.errors)} refused; "
                f"{'linked' if self.linked else 'not linked'}; {self.seconds:.1f}s")


def find_shards(dirs: Iterable) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise NoInputs(f"no such shard folder: {display_path(d)}")
        out.extend(p for p in d.rglob(f"*{SUFFIX}") if not p.name.startswith("."))
    return out


def _ordered(shards: list[Path], summary: MergeSummary) -> list[tuple[Path, dict]]:
    """Shards with their headers in the order they were written (aliases after their
    document when written at once); unreadable or foreign shards are refused."""
    rank = {"document": 0, "alias": 1, "failure": 2}
    out = []
    for p in shards:
        try:
            head = read_header(p)
        except (OSError, ValueError) as e:
            summary.errors.append((display_path(p), f"not a readable shard: {e}"))
            continue
        if head.get("parser_version") != PARSER_VERSION:
            summary.errors.append((display_path(p), f"written by parser version {head.get('parser_version')}, "
                                   f"this is {PARSER_VERSION}: ingest the file again"))
            continue
        out.append((p, head))
    return sorted(out, key=lambda ph: (ph[1]["written_at"], rank.get(ph[1]["kind"], 9), ph[0].name))


def _merged_before(store: Store, name: str, head: dict) -> bool:
    row = store.db.conn.execute("SELECT written_at FROM merged_shards WHERE name = ?", [name]).fetchone()
    return bool(row and row[0] == head["written_at"])


def _note_merged(store: Store, name: str, head: dict) -> None:
    try:
        with store.db.conn:
            store.db.conn.execute(
                "INSERT OR REPLACE INTO merged_shards (name, kind, path, sha256, parser_version, written_at, merged_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [name, head["kind"], head["path"], head.get("sha256"), head["parser_version"], head["written_at"],
                 datetime.now(timezone.utc).isoformat(timespec="seconds")])
    except sqlite3.Error as e:
        raise StoreError(f"cannot record the merged shard: {e}", store.path) from e


def _apply(store: Store, shard: Path, head: dict) -> str:
    """Write one shard into the store; return the outcome (new, replaced, unchanged, failed)."""
    kind, path, sha = head["kind"], head["path"], head.get("sha256")
    if kind == "failure":
        err = BoardpackError(head["message"], path, stage=head.get("stage") or "read")
        err.cause_type = head.get("error_type")
        store.record_failure(path, err, sha256=sha, size=head.get("size"), fmt=head.get("file_format"))
        return "failed"
    if store.is_unchanged(path, sha):
        return "unchanged"
    if store.has_document(sha):  # the same bytes from another shard: stored once, another name
        return store.add_path(path, sha, head["size"])
    if kind == "alias":
        raise StoreError("its document is in none of the shards merged so far (merge the folder that holds it)",
                         path)
    return store.store_parsed(_payload(shard))


def merge_shards(dirs: Iterable, db_path, settings: Optional[Settings] = None, progress=None,
                 link: bool = True) -> MergeSummary:
    """Merge every shard in ``dirs`` into the store at ``db_path``; link once at the end."""
    started = time.perf_counter()
    progress = progress or (lambda kind, value: None)
    summary = MergeSummary()
    shards = find_shards(dirs)
    summary.shards = len(shards)
    with Store.open(db_path) as store:
        store.source_paths = read_paths(dirs)
        ordered = _ordered(shards, summary)
        # another name for bytes whose document comes later (clocks of two machines): at the end
        waiting = [(p, h) for p, h in ordered if h["kind"] == "alias" and not store.has_document(h["sha256"])]
        for shard, head in [ph for ph in ordered if ph not in waiting] + waiting:
            if _merged_before(store, shard.name, head):
                summary.already += 1
                continue
            try:
                outcome = _apply(store, shard, head)
            except StoreError as e:
                if getattr(e, "fatal", False):
                    raise
                summary.errors.append((display_path(shard), e.message))
                progress("error", (display_path(shard), e.message))
                continue
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            _note_merged(store, shard.name, head)
        if link and store.links_stale():
            try:
                # settings: the link thresholds, where this store's link() takes them
                summary.linked = store.link(settings) if settings is not None else store.link()
            except BoardpackError as e:
                summary.errors.append(("link", e.message))
    summary.seconds = time.perf_counter() - started
    return summary
