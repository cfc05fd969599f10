"""Browse the store in Datasette (optional extra: ``pip install -e .[web]``).

Datasette opens the store through ``mode=ro`` connections (so a WAL the last
writer left is still read), and a plugin we hand it puts every connection to
the store under the same rules as ``boardpack query``: ``query_only`` on (no
write, even through a plugin's write connection or a canned write query) and
the read-only authorizer (no ATTACH, DETACH, VACUUM INTO or state-changing
PRAGMA, so no file is ever created). We add metadata (titles and descriptions
of every view and column, internal tables hidden) and the audits as canned
queries with forms; the home page (``serve_templates/index.html``) lists the
views and audits first, and ``source_url`` cells render as links
(:mod:`boardpack.serve_plugin`) to the ingested originals, which the server
sends read-only (:mod:`boardpack.serve_originals`).

Datasette runs as a child of ``boardpack serve``, in its process group (a
Ctrl-C reaches both), told to die with it (Linux); SIGINT and SIGTERM sent to
``serve`` alone are passed on, and the temporary folder that holds the
metadata and the plugin is removed on every exit path. A folder left by a
killed ``serve`` is removed at the next start.
"""

from __future__ import annotations

import errno
import importlib.util
import json
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Optional

from boardpack.core.errors import BoardpackError, StoreError
from boardpack.core.owned_dirs import make_owned_dir, stale_owned_dirs
from boardpack.store.database import readonly_authorizer
from boardpack.store.views_doc import metadata

TEMP_PREFIX = "boardpack-serve-"
OWNER_FILE = "owner"
STALE_AFTER = 24 * 3600.0

# Loaded by Datasette from --plugins-dir: the hooks are ours, the file only registers them.
_PLUGIN = """\
from datasette import hookimpl

from boardpack import serve_plugin
from boardpack.serve import lock_connection

prepare_connection = hookimpl(lock_connection)
extra_template_vars = hookimpl(serve_plugin.extra_template_vars)
render_cell = hookimpl(serve_plugin.render_cell)
register_routes = hookimpl(serve_plugin.register_routes)
canned_queries = hookimpl(serve_plugin.canned_queries)
"""

#: the home page template (extends Datasette's own), given with --template-dir
TEMPLATES = Path(__file__).resolve().parent / "serve_templates"


class DatasetteMissing(BoardpackError):
    stage = "serve"


class PortInUse(BoardpackError):
    """The address to serve on is taken (a usage error, exit 2)."""

    stage = "usage"


def lock_connection(conn, database, datasette) -> None:
    """Datasette's ``prepare_connection`` hook: read-only rules on every connection.

    Datasette's own ``_internal`` catalogue is an in-memory database it
    writes itself; it holds no data of ours and cannot reach a file.
    """
    if database == "_internal":
        return
    conn.execute("PRAGMA query_only = 1")
    conn.set_authorizer(readonly_authorizer)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def check_port(host: str, port: int) -> None:
    """Raise :class:`PortInUse` when ``host:port`` cannot be bound, before Datasette
    tries (its own failure is a server log, not one line)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise PortInUse(f"cannot serve on {host}:{port}: {e.strerror or e}") from e
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            s.bind(addr)
        except OSError as e:
            what = "port already in use (pick another with --port)" if e.errno == errno.EADDRINUSE \
                else (e.strerror or str(e))
            raise PortInUse(f"cannot serve on {host}:{port}: {what}") from e


def clean_stale_serve_dirs(tmp_root: Optional[str] = None, stale_after: float = STALE_AFTER) -> list[str]:
    """Remove ``boardpack-serve-*`` folders whose ``serve`` is gone (killed
    before its ``finally`` ran); return them. A folder without an owner
    record (made by a version that exec'd Datasette) goes once it is
    ``stale_after`` seconds old: Datasette reads it only when it starts."""
    removed = []
    for folder in stale_owned_dirs(TEMP_PREFIX, OWNER_FILE, stale_after, tmp_root):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(str(folder))
    return removed


def table_names(db: Path) -> list[str]:
    """The store's tables (read-only), for metadata to hide the internal ones."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        conn.close()


def datasette_command(db_path, host: str = "127.0.0.1", port: int = 8001) -> tuple[list[str], Path]:
    """The datasette command line and the metadata file it reads (in a new
    ``boardpack-serve-*`` folder, with the plugin; the caller removes it)."""
    db = Path(db_path)
    if not db.exists():
        raise StoreError("no database here (run `boardpack ingest` first)", db)
    if importlib.util.find_spec("datasette") is None:
        raise DatasetteMissing("Datasette is not installed: pip install -e '.[web]'")
    meta_dir = make_owned_dir(TEMP_PREFIX, OWNER_FILE)
    (meta_dir / "boardpack_readonly.py").write_text(_PLUGIN)
    meta = meta_dir / "metadata.json"
    meta.write_text(json.dumps(metadata(db.stem, table_names(db)), indent=1))
    cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--host", host, "--port", str(port),
           "--metadata", str(meta), "--plugins-dir", str(meta_dir), "--template-dir", str(TEMPLATES),
           "--setting", "sql_time_limit_ms", "5000"]
    return cmd, meta


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Datasette gets SIGTERM when ``serve`` dies, even by SIGKILL (Linux), so no
    orphan keeps the port."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort: elsewhere the child outlives a killed parent
        pass


def serve(db_path, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette on the store until it stops; return its exit status."""
    clean_stale_serve_dirs()
    check_port(host, port)
    cmd, meta = datasette_command(db_path, host, port)
    proc: Optional[subprocess.Popen] = None

    def forward(signum, frame):
        if proc is not None and proc.poll() is None:
            proc.send_signal(signum)

    # before the child starts: a signal in between must not skip the finally
    passed_on = [getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]  # no SIGHUP on Windows
    old = {s: signal.signal(s, forward) for s in passed_on}
    try:
        proc = subprocess.Popen(cmd, preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        return proc.wait()
    finally:
        if proc is not None and proc.poll() is None:  # we are leaving on an error: no orphan
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        for s, h in old.items():
            signal.signal(s, h)
        shutil.rmtree(meta.parent, ignore_errors=True)
