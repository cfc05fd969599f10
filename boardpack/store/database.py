"""The SQLite store: one :class:`Store` over a sqlite-utils ``Database``.

Opening applies ``schema/`` migrations (WAL, foreign keys on). Each file is
written in ONE transaction by :meth:`Store.store_parsed`; a failure is
recorded by :meth:`Store.record_failure` in its own transaction and touches
nothing stored for any other file.

Identity and idempotency:

* A *document* is content (its sha256); a *file* is a path. The same bytes
  under two paths are one ``documents`` row (with its papers, blocks and
  extracted rows) and two ``files`` rows.
* An unchanged file (same path, same sha256, same parser version) is detected
  before parsing (:meth:`Store.is_unchanged`) and left alone.
* A changed file at the same path replaces its document: the old
  ``documents`` row is deleted once no path refers to it any more, and
  ``ON DELETE CASCADE`` removes everything derived from it.
* A failing re-ingest of a path that has good data records the error (errors
  table, ``files.error``) and keeps the old data, which is still the last
  good version of that path.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import time
import urllib.parse
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional

from boardpack.core.pathnames import display_path, fs_path
from boardpack.core.errors import BoardpackError, StoreError
from boardpack.core.identity import PARSER_VERSION, row_id
from boardpack.core.model import Block, Row
from boardpack.core.settings import DEFAULT, Settings
from boardpack.schema import migrate
from boardpack.store import linking

def _import_sqlite_utils():
    # sqlite-utils imports pandas when installed (about 1.5 s and 100 MB) only to
    # map pandas value types in rows; the store never passes pandas values, so
    # keep pandas out of every CLI start and of the ingest writer's memory.
    # Modules that want pandas (export) import it themselves afterwards.
    if "pandas" in sys.modules or "sqlite_utils" in sys.modules:
        import sqlite_utils
    else:
        sys.modules["pandas"] = None  # type: ignore[assignment]  # import fails fast
        try:
            import sqlite_utils
        finally:
            del sys.modules["pandas"]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

DEFAULT_DB = Path("db") / "boardpacks.db"
BUSY_TIMEOUT = float(os.environ.get("BOARDPACK_LOCK_TIMEOUT", "60"))  # seconds to wait for another writer


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def file_key(path) -> str:
    """The ``files.path`` key of a path: absolute, symlinks kept as given,
    undecodable bytes of a file name escaped (see :mod:`boardpack.core.pathnames`)."""
    return display_path(os.path.abspath(os.fspath(path)))


def file_url(key: str) -> str:
    """``file://`` URL of a ``files.path`` key, percent-encoded from the file
    system's bytes (an undecodable name opens as the same file)."""
    return Path(fs_path(key)).as_uri()


def store_error(exc: BaseException, path) -> StoreError:
    """Translate an sqlite3 error into a one-line :class:`StoreError`.

    ``fatal`` is set when the problem is the database itself (locked,
    read-only, not a database, disk full): every later write would fail the
    same way, so an ingest stops instead of failing file after file.
    """
    text = str(exc)
    low = text.lower()
    fatal = True
    if "locked" in low or "busy" in low:
        msg = "database is locked by another process (wait for it to finish, then retry)"
    elif "not a database" in low or "file is encrypted" in low or "malformed" in low:
        msg = f"not a usable SQLite database ({text})"
    elif "readonly" in low or "read-only" in low:
        msg = "database is read-only (check the file's and folder's permissions)"
    elif "unable to open" in low:
        msg = "cannot open the database file (check the path and the folder's permissions)"
    elif "disk" in low and "full" in low:
        msg = "disk full while writing the database"
    else:
        msg = f"SQLite error: {text}"
        fatal = False
    err = StoreError(msg, path)
    err.fatal = fatal
    err.__cause__ = exc
    return err


def compact_cells(rows: list[Row]) -> list[dict[str, Any]]:
    """Table rows as small JSON-able dicts: defaults left out, nested tables kept."""
    out = []
    for r in rows:
        cells = []
        for c in r.cells:
            d: dict[str, Any] = {"text": c.text}
            if c.norm != c.text:
                d["norm"] = c.norm
            if c.fill:
                d["fill"] = c.fill
            if c.colspan > 1:
                d["colspan"] = c.colspan
            if c.rowspan > 1:
                d["rowspan"] = c.rowspan
            if c.continued:
                d["continued"] = True
            if c.bold:
                d["bold"] = True
            if c.tables:
                d["tables"] = [compact_cells(t.rows) for t in c.tables]
            cells.append(d)
        row: dict[str, Any] = {"page": r.page, "cells": cells}
        if r.is_header:
            row["header"] = True
        out.append(row)
    return out


def compact_block(b: Block) -> dict[str, Any]:
    """One block as a small JSON-able dict (``show --json`` and the golden tests)."""
    d: dict[str, Any] = {"index": b.index, "kind": b.kind, "page": b.page}
    if b.page_end != b.page:
        d["page_end"] = b.page_end
    if b.level:
        d["level"] = b.level
    if b.kind == "table":
        d["rows"] = compact_cells(b.rows)
    elif b.kind != "page_break":
        d["text"] = b.norm
    if b.flags:
        d["flags"] = list(b.flags)
    return d


# A read-only connection (mode=ro, query_only) already refuses writes to the
# store, but not what reaches past it: ATTACH (and VACUUM INTO, which attaches
# its target) creates a new empty database file on disk, and a PRAGMA can
# change the connection itself (``PRAGMA query_only = 0`` lifts the switch).
# The authorizer denies those at prepare time, before SQLite touches a file;
# PRAGMAs only read (no value, or one whose argument names what to read).
_READ_PRAGMAS_WITH_ARG = frozenset({
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "foreign_key_check", "integrity_check", "quick_check",
})


def readonly_authorizer(action: int, arg1, arg2, db_name, trigger) -> int:
    """sqlite3 authorizer for read-only connections (see above)."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in _READ_PRAGMAS_WITH_ARG:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch a connection to WAL, waiting up to ``timeout`` seconds.

    Switching needs the file to itself: when two ingests open a new store
    together, one sees the other's connection and gets the old mode back
    instead of waiting (busy_timeout does not cover this), so try again.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as e:
            if "locked" not in str(e).lower() and "busy" not in str(e).lower():
                raise
            mode = None
        if str(mode).lower() == "wal":
            return
        if time.monotonic() >= deadline:
            raise sqlite3.OperationalError("database is locked")
        time.sleep(0.05)


class Store:
    """The boardpack database. Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, db: sqlite_utils.Database, path: Path, readonly: bool = False):
        self.db = db
        self.path = Path(path)
        self.readonly = readonly
        self._pks: dict[str, Optional[tuple[str, ...]]] = {}
        # file_key -> the path as given to ingest (relative to the folder
        # given); set by the batch, recorded as files.source_path.
        self.source_paths: dict[str, str] = {}

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, path=DEFAULT_DB, readonly: bool = False, timeout: Optional[float] = None) -> "Store":
        """Open (creating and migrating if needed) the database at ``path``.

        ``readonly=True`` opens an existing database through a ``mode=ro`` URI
        with ``query_only`` on, so no statement can write; nothing is created
        or migrated.
        """
        path = Path(path)
        timeout = BUSY_TIMEOUT if timeout is None else timeout
        if path.is_dir():
            raise StoreError("is a folder, not a database file", path)
        if readonly:
            return cls._open_readonly(path, timeout)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create the database folder: {e.strerror or e}", path) from e
        conn = None
        try:
            conn = sqlite3.connect(str(path), timeout=timeout)
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            _wal(conn, timeout)
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        except sqlite3.Error as e:
            if conn is not None:
                conn.close()
            raise store_error(e, path) from e
        except RuntimeError as e:  # migrate() wraps sqlite3 errors
            if conn is not None:
                conn.close()
            cause = e.__cause__ if isinstance(e.__cause__, sqlite3.Error) else e
            raise store_error(cause, path) from e
        return cls(sqlite_utils.Database(conn), path)

    @classmethod
    def _open_readonly(cls, path: Path, timeout: float) -> "Store":
        if not path.exists():
            raise StoreError("no database here (run `boardpack ingest` first, or pass --db)", path)
        uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=timeout)
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            db = sqlite_utils.Database(conn)  # sets its own pragmas: before the authorizer
            conn.set_authorizer(readonly_authorizer)
        except sqlite3.Error as e:
            raise store_error(e, path) from e
        return cls(db, path, readonly=True)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self):
        """One write transaction, holding the write lock from its first statement.

        A deferred transaction that reads first and writes after cannot wait
        for a concurrent writer (SQLite answers "locked" at once rather than
        risk a deadlock); ``BEGIN IMMEDIATE`` takes the lock up front, waiting
        up to the busy timeout, so two ingests into one store both finish.
        Nested sqlite-utils operations become savepoints inside it.
        """
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        else:
            conn.commit()

    # -- reading -----------------------------------------------------------
    def file_row(self, path) -> Optional[dict[str, Any]]:
        rows = list(self.db.query("SELECT * FROM files WHERE path = ?", [file_key(path)]))
        return rows[0] if rows else None

    def is_unchanged(self, path, sha256: str) -> bool:
        """True when ``path`` is stored with these bytes by this parser version, without error."""
        row = self.file_row(path)
        return bool(
            row
            and row["sha256"] == sha256
            and row["parser_version"] == PARSER_VERSION
            and row["status"] != "failed"
            and not row["error"]
        )

    def has_document(self, sha256: str) -> bool:
        """True when these bytes are already stored (under any path) by this parser version."""
        return bool(
            list(
                self.db.query(
                    "SELECT 1 FROM documents WHERE sha256 = ? AND parser_version = ?",
                    [sha256, PARSER_VERSION],
                )
            )
        )

    def query(self, sql: str, params: Any = None) -> tuple[list[str], list[tuple]]:
        """Run one SQL statement; return (column names, rows). Errors become StoreError."""
        try:
            cur = self.db.conn.execute(sql, params or [])
            cols = [d[0] for d in cur.description or []]
            return cols, cur.fetchall()
        except sqlite3.Error as e:
            low = str(e).lower()
            if "readonly" in low or "read-only" in low or "query_only" in low or "not authorized" in low or "authorization denied" in low:
                raise StoreError("query is read-only: the database was opened read-only, writes are rejected", self.path) from e
            if isinstance(e, (sqlite3.OperationalError, sqlite3.ProgrammingError)) and "locked" not in low:
                raise StoreError(f"SQL error: {e}", self.path) from e
            raise store_error(e, self.path) from e

    # -- writing -----------------------------------------------------------
    def _table_pk(self, table: str) -> Optional[tuple[str, ...]]:
        if table not in self._pks:
            t = self.db[table]
            if not t.exists():
                raise StoreError(f"extractor produced rows for unknown table {table!r} (no migration creates it)", self.path)
            pks = tuple(t.pks)
            self._pks[table] = None if pks == ("rowid",) else pks
        return self._pks[table]

    def _paths_of(self, sha256: str) -> list[str]:
        return [r[0] for r in self.db.conn.execute("SELECT path FROM files WHERE sha256 = ?", [sha256])]

    def _drop_if_orphan(self, sha256: Optional[str]) -> None:
        """Delete a document (and by cascade all it produced) once no path refers to it."""
        if sha256 and not self._paths_of(sha256):
            self.db.conn.execute("DELETE FROM documents WHERE sha256 = ?", [sha256])

    def _upsert_file(self, row: dict[str, Any]) -> None:
        row.setdefault("source_path", self.source_paths.get(row["path"], row["path"]))
        row.setdefault("url", file_url(row["path"]))
        self.db["files"].upsert(row, pk="path", alter=False)

    def store_parsed(self, parsed) -> str:
        """Write one parsed file (a :class:`boardpack.pipeline.ParsedFile`) in one transaction.

        Returns ``"new"`` or ``"replaced"`` (the path held data before: other
        bytes, or these bytes parsed by an older parser version).
        """
        doc = parsed.doc
        sha = doc.sha256
        path = file_key(parsed.path)
        try:
            with self._write():
                old = self.file_row(path)
                other_paths = [p for p in self._paths_of(sha) if p != path]
                # Re-parsed bytes (parser upgrade, or bytes stored under another
                # path): drop the old derived rows; ON DELETE SET NULL clears the
                # other paths' links, restored below.
                self.db.conn.execute("DELETE FROM documents WHERE sha256 = ?", [sha])
                self._insert_document(parsed)
                # pages that failed to parse (or whose text layer was lost) make the file partial
                status = "partial" if doc.metadata.get("page_errors") else "scanned" if doc.is_scanned else "ok"
                self._upsert_file(
                    {
                        "path": path,
                        "sha256": sha,
                        "format": doc.format,
                        "size": parsed.size,
                        "pages": doc.pages,
                        "producer": doc.producer,
                        "ingested_at": now(),
                        "status": status,
                        "error": None,
                        "parser_version": PARSER_VERSION,
                    }
                )
                for p in other_paths:
                    self.db.conn.execute(
                        "UPDATE files SET sha256 = ?, parser_version = ? WHERE path = ?", [sha, PARSER_VERSION, p]
                    )
                old_sha = old["sha256"] if old else None
                if old_sha and old_sha != sha:
                    self._drop_if_orphan(old_sha)
                self._mark_links_stale()
        except BoardpackError:
            raise
        except sqlite3.Error as e:
            raise store_error(e, self.path) from e
        # Same bytes re-parsed (a parser upgrade) also replaced what the path held.
        return "replaced" if old and old["sha256"] else "new"

    def _insert_document(self, parsed) -> None:
        doc = parsed.doc
        sha = doc.sha256
        self.db["documents"].insert(
            {
                "sha256": sha,
                "format": doc.format,
                "size": parsed.size,
                "pages": doc.pages,
                "producer": doc.producer,
                "converted_from": doc.converted_from,
                "scanned_pages": json.dumps(doc.scanned_pages),
                "n_blocks": len(doc.blocks),
                "parser_version": PARSER_VERSION,
                "ingested_at": now(),
            },
            alter=False,
        )

        ordinals = [p.ordinal for p in parsed.papers]
        distinct = len(set(ordinals)) == len(ordinals)
        paper_rows = []
        paper_of_block: dict[int, str] = {}
        for i, p in enumerate(parsed.papers):
            ordinal = p.ordinal if distinct else i
            pid = row_id(sha, ordinal)
            paper_rows.append(
                {
                    "paper_id": pid,
                    "doc_sha256": sha,
                    "ordinal": ordinal,
                    "paper_type": p.paper_type,
                    "title": p.title,
                    "block_start": p.start,
                    "block_end": p.end,
                    "page_start": p.page_start,
                    "page_end": p.page_end,
                    "confidence": p.confidence,
                    "cue": p.cue,
                }
            )
            for bi in range(p.start, p.end + 1):
                paper_of_block.setdefault(bi, pid)
        if paper_rows:
            self.db["papers"].insert_all(paper_rows, pk="paper_id", alter=False)
        self.db["blocks"].insert_all(
            (self._block_row(sha, b, paper_of_block.get(b.index)) for b in doc.blocks),
            pk=("doc_sha256", "block_index"),
            alter=False,
            batch_size=200,
        )
        warnings = []
        if doc.scanned_pages:
            pages = ", ".join(str(p) for p in doc.scanned_pages)
            ocr = ", ".join(str(p) for p in doc.metadata.get("ocr_pages", [])) or "none"
            warnings.append({"kind": "scanned", "message": f"pages with no text layer: {pages}; read by OCR: {ocr}"})
        if doc.metadata.get("ocr"):
            warnings.append({"kind": "ocr", "message": str(doc.metadata["ocr"])})
        for e in doc.metadata.get("page_errors") or []:
            warnings.append({"kind": "page_error", "page": e.get("page"), "message": str(e.get("error", ""))})
        if doc.format == "pdf" and doc.metadata.get("repaired"):
            warnings.append({"kind": "repaired", "message": str(doc.metadata["repaired"])})
        result = parsed.result
        if result is not None:
            for table, rows in result.rows.items():
                warnings.extend(self._insert_rows(sha, table, rows))
            warnings.extend(result.warnings)
        if warnings:
            self.db["warnings"].insert_all(
                (
                    {
                        "doc_sha256": sha,
                        "kind": w.get("kind") or "extract",
                        "message": str(w.get("message", "")),
                        "page": w.get("page"),
                        "block_index": w.get("block_index"),
                    }
                    for w in warnings
                ),
                alter=False,
            )

    @staticmethod
    def _block_row(sha: str, b: Block, paper_id: Optional[str]) -> dict[str, Any]:
        return {
            "doc_sha256": sha,
            "block_index": b.index,
            "kind": b.kind,
            "level": b.level,
            "page": b.page,
            "page_end": b.page_end,
            "source_index": b.source_index,
            "bbox": json.dumps(list(b.bbox)) if b.bbox else None,
            "text": b.text,
            # Tables are indexed for search by their flattened cell text.
            "norm": b.search_text,
            "rows_json": json.dumps(compact_cells(b.rows), ensure_ascii=False) if b.rows else None,
            "flags": json.dumps(b.flags) if b.flags else None,
            "paper_id": paper_id,
        }

    def _insert_rows(self, sha: str, table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Insert one extractor table's rows for a document; return warnings."""
        if not rows:
            return []
        pk = self._table_pk(table)
        out, seen, dropped = [], set(), 0
        for r in rows:
            r = dict(r)
            r["doc_sha256"] = sha
            if pk:
                key = tuple(r.get(k) for k in pk)
                if key in seen:
                    dropped += 1
                    continue
                seen.add(key)
            out.append(r)
        try:
            self.db[table].insert_all(out, pk=(pk[0] if pk and len(pk) == 1 else pk), alter=False, batch_size=200)
        except sqlite3.IntegrityError as e:
            raise StoreError(f"table {table}: {e} (row ids must include the document's sha256 when keys can repeat across documents)", self.path) from e
        except sqlite3.OperationalError as e:
            if "locked" in str(e).lower():
                raise
            raise StoreError(f"table {table}: {e}", self.path) from e
        if dropped:
            return [{"kind": "duplicate_key", "message": f"{dropped} row(s) of {table} repeated a primary key and were dropped"}]
        return []

    def add_path(self, path, sha256: str, size: int) -> str:
        """Record ``path`` as another name for bytes already stored (no parsing).

        Returns ``"new"``, ``"replaced"`` (the path held other bytes) or
        ``"unchanged"`` (it held these bytes, with an error noted since).
        """
        path = file_key(path)
        try:
            with self._write():
                d = self.db["documents"].get(sha256)
                old = self.file_row(path)
                self._upsert_file(
                    {
                        "path": path,
                        "sha256": sha256,
                        "format": d["format"],
                        "size": size,
                        "pages": d["pages"],
                        "producer": d["producer"],
                        "ingested_at": now(),
                        "status": self._status_of(d, self._has_page_errors(sha256)),
                        "error": None,
                        "parser_version": PARSER_VERSION,
                    }
                )
                old_sha = old["sha256"] if old else None
                if old_sha and old_sha != sha256:
                    self._drop_if_orphan(old_sha)
                if old_sha != sha256:
                    self._mark_links_stale()
        except sqlite3.Error as e:
            raise store_error(e, self.path) from e
        if old_sha == sha256:
            return "unchanged"  # e.g. good bytes restored after a failed re-ingest
        return "replaced" if old_sha else "new"

    def _has_page_errors(self, sha256: str) -> bool:
        return self.db.conn.execute(
            "SELECT 1 FROM warnings WHERE doc_sha256 = ? AND kind = 'page_error' LIMIT 1", [sha256]
        ).fetchone() is not None

    @staticmethod
    def _status_of(d: dict[str, Any], partial: bool = False) -> str:
        if partial:
            return "partial"
        scanned = json.loads(d["scanned_pages"] or "[]")
        return "scanned" if d["pages"] and len(scanned) >= d["pages"] else "ok"

    def record_failure(self, path, error: BaseException, sha256: Optional[str] = None, size: Optional[int] = None,
                       fmt: Optional[str] = None) -> bool:
        """Record that ``path`` failed, in its own transaction; return True if anything changed.

        Nothing stored for other files is touched. If the path has good data
        from an earlier run, that data stays (it is the last good version) and
        the error is noted on its ``files`` row. The same failure recorded
        twice in a row (same bytes, stage and message) changes nothing.
        """
        path = file_key(path)
        stage = getattr(error, "stage", None) or "read"
        message = error.message if isinstance(error, BoardpackError) else str(error) or type(error).__name__
        # A stage failure wraps an unexpected exception: record the original type.
        cause = error.__cause__ if type(error) is BoardpackError and error.__cause__ is not None else error
        error_type = getattr(error, "cause_type", None) or type(cause).__name__
        try:
            with self._write():
                last = list(
                    self.db.query(
                        "SELECT sha256, stage, message FROM errors WHERE path = ? ORDER BY id DESC LIMIT 1", [path]
                    )
                )
                repeat = bool(last) and last[0] == {"sha256": sha256, "stage": stage, "message": message}
                old = self.file_row(path)
                if repeat and old is not None and old["error"] == message:
                    return False
                if not repeat:
                    self.db["errors"].insert(
                        {
                            "path": path,
                            "sha256": sha256,
                            "stage": stage,
                            "error_type": error_type,
                            "message": message,
                            "occurred_at": now(),
                        },
                        alter=False,
                    )
                if old is not None and old["sha256"]:
                    self.db.conn.execute("UPDATE files SET error = ? WHERE path = ?", [message, path])
                else:
                    self._upsert_file(
                        {
                            "path": path,
                            "sha256": None,
                            "format": fmt,
                            "size": size,
                            "pages": None,
                            "producer": None,
                            "ingested_at": now(),
                            "status": "failed",
                            "error": message,
                            "parser_version": PARSER_VERSION,
                        }
                    )
        except sqlite3.Error as e:
            raise store_error(e, self.path) from e
        return True

    # -- removal -------------------------------------------------------------
    def forget(self, paths: Iterable, reason: str = "forget") -> list[dict[str, Any]]:
        """Remove recorded paths and everything only they held, in ONE transaction.

        A document goes (with every row derived from it, by cascade) when no
        other path holds its bytes. Each removal is logged in ``removals``.
        Returns one dict per removed path; paths not recorded are ignored.
        """
        done: list[dict[str, Any]] = []
        try:
            with self._write():
                for p in paths:
                    key = p if isinstance(p, str) and os.path.isabs(p) else file_key(p)
                    row = self.file_row(key)
                    if row is None:
                        continue
                    sha = row["sha256"]
                    self.db.conn.execute("DELETE FROM files WHERE path = ?", [key])
                    self.db.conn.execute("DELETE FROM errors WHERE path = ?", [key])
                    gone = bool(sha) and not self._paths_of(sha)
                    self._drop_if_orphan(sha)
                    self.db.conn.execute(
                        "INSERT INTO removals (path, sha256, document_removed, reason, removed_at)"
                        " VALUES (?, ?, ?, ?, ?)", [key, sha, int(gone), reason, now()])
                    done.append({"path": key, "sha256": sha, "document_removed": gone})
                if done:
                    self._mark_links_stale()
        except sqlite3.Error as e:
            raise store_error(e, self.path) from e
        return done

    def vanished_paths(self) -> list[str]:
        """Recorded paths whose file no longer exists on disk."""
        return [r[0] for r in self.db.conn.execute("SELECT path FROM files ORDER BY path")
                if not os.path.lexists(r[0]) and not os.path.lexists(fs_path(r[0]))]

    # -- after a batch -----------------------------------------------------
    def _mark_links_stale(self) -> None:
        """Inside a file's transaction: the derived data must be rebuilt."""
        self.db.conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES ('links_stale', '1')")

    def links_stale(self) -> bool:
        """True when files changed since the link stage last completed."""
        row = self.db.conn.execute("SELECT value FROM store_state WHERE key = 'links_stale'").fetchone()
        return bool(row and row[0] == "1")

    def link(self, settings: Settings = DEFAULT) -> bool:
        """Run the cross-document link stage (:func:`boardpack.store.linking.link_all`)
        with ``settings.link``'s thresholds; mark the derived data fresh only once
        it has completed."""
        try:
            linking.link_all(self.db, settings)
        except BoardpackError as e:
            if "stage" not in e.__dict__:
                e.stage = "link"
            raise
        except sqlite3.Error as e:
            err = store_error(e, self.path)
            err.stage = "link"
            raise err from e
        except Exception as e:  # noqa: BLE001 - a linking bug must not lose the batch
            err = BoardpackError(f"link failed: {type(e).__name__}: {e}", self.path, stage="link")
            raise err from e
        try:
            with self._write():
                self.db.conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES ('links_stale', '0')")
        except sqlite3.Error as e:
            raise store_error(e, self.path) from e
        return True


def iter_rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Rows of ``sql`` as dicts (for CLI commands that print through ``output.emit``)."""
    cols, rows = store.query(sql, list(params))
    return [dict(zip(cols, r)) for r in rows]
