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

Connections and SQLite errors live in :mod:`.connection`, the rows one
document becomes in :mod:`.document_rows`, ``files`` keys in :mod:`.files`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Optional

from boardpack.core.errors import BoardpackError, StoreError
from boardpack.core.identity import PARSER_VERSION
from boardpack.core.pathnames import fs_path
from boardpack.core.settings import DEFAULT, Settings
from boardpack.store import linking
from boardpack.store.compact import compact_block, compact_cells
from boardpack.store.connection import (BUSY_TIMEOUT, DEFAULT_DB, connect_readonly, connect_writable,
                                        readonly_authorizer, sqlite_utils, store_error)
from boardpack.store.document_rows import insert_document
from boardpack.store.files import file_key, file_url, files_row, now

# Names other modules and tests import from here (the store's one front door):
# the compact JSON shape, the connection's constants and authorizer, the files keys.
__all__ = [
    "BUSY_TIMEOUT", "DEFAULT_DB", "Store", "compact_block", "compact_cells", "file_key", "file_url",
    "iter_rows", "now", "readonly_authorizer", "store_error",
]


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
        self._batched = False

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
            return cls(connect_readonly(path, timeout), path, readonly=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create the database folder: {e.strerror or e}", path) from e
        return cls(sqlite_utils.Database(connect_writable(path, timeout)), path)

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
        if self._batched:
            # inside batch(): a savepoint, so a failing file undoes only its own rows
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        else:
            conn.commit()

    @contextlib.contextmanager
    def batch(self):
        """Many files' writes in ONE transaction (each file still all or nothing).

        A commit per file is most of the cost of storing small results one
        after another (a synthetic archive of thousands of packs); a batch
        commits once. Nothing is visible to other connections until it ends.
        """
        with self._write():
            self._batched = True
            try:
                yield self
            finally:
                self._batched = False

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
        # every files row is stamped here, so one name holds the version
        row["parser_version"] = PARSER_VERSION
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
                insert_document(self.db, parsed, self._table_pk, self.path, PARSER_VERSION)
                # pages that failed to parse (or whose text layer was lost) make the file partial
                status = "partial" if doc.metadata.get("page_errors") else "scanned" if doc.is_scanned else "ok"
                self._upsert_file(files_row(path, sha, status, format=doc.format, size=parsed.size,
                                            pages=doc.pages, producer=doc.producer))
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
                status = self._status_of(d, self._has_page_errors(sha256))
                self._upsert_file(files_row(path, sha256, status, format=d["format"], size=size,
                                            pages=d["pages"], producer=d["producer"]))
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
                    self._upsert_file(files_row(path, None, "failed", message, format=fmt, size=size))
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
