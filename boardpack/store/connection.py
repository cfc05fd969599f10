"""How the store talks to SQLite: sqlite-utils imported without pandas and numpy,
a writable connection (WAL, foreign keys, migrated) or a read-only one, and
SQLite's errors as one-line :class:`StoreError`s.

Apart from :mod:`.database` so that the Store class reads as what it stores,
and so that other read-only surfaces (``serve``) share the authorizer
without the Store.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
import urllib.parse
from pathlib import Path

from boardpack.core.errors import StoreError
from boardpack.core.pathnames import DEFAULT_DB  # noqa: F401 - the store's default, importable from here
from boardpack.schema import migrate


#: Libraries sqlite-utils imports when installed only to map their value types
#: (pandas: about 1.5 s and 100 MB; numpy: about 15 MB, for the column types of
#: tables it creates). The store never passes their values and creates its
#: tables by migration, so they are kept out of every CLI start and of the
#: ingest writer's memory. Modules that want them (export, spaCy in a parse
#: worker) import them themselves afterwards, for real.
_NOT_FOR_SQLITE_UTILS = ("pandas", "numpy")


def _import_sqlite_utils():
    if "sqlite_utils" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    blocked = [name for name in _NOT_FOR_SQLITE_UTILS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # import fails fast
    try:
        import sqlite_utils
    finally:
        for name in blocked:
            del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

BUSY_TIMEOUT = float(os.environ.get("BOARDPACK_LOCK_TIMEOUT", "60"))  # seconds to wait for another writer


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


def enable_wal(conn: sqlite3.Connection, timeout: float) -> None:
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


def connect_writable(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to ``path`` (created if new) in WAL mode with foreign keys
    on, migrated to the current schema; SQLite errors become StoreError."""
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=timeout)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        enable_wal(conn, timeout)
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
    return conn


def connect_readonly(path: Path, timeout: float):
    """A sqlite-utils Database over an existing ``path`` that cannot write
    (``mode=ro`` URI, ``query_only``, the authorizer above)."""
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
    return db
