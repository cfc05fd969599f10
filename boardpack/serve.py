"""Browse the store in Datasette (optional extra: ``pip install -e .[web]``).

Datasette reads through its own read-only connections and runs no write
queries unless a plugin asks; we add metadata (descriptions of every view and
column) and the audits as canned queries.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import sys
import tempfile
from pathlib import Path

from boardpack.core.errors import BoardpackError, StoreError
from boardpack.store.views_doc import metadata


class DatasetteMissing(BoardpackError):
    stage = "serve"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def datasette_command(db_path, host: str = "127.0.0.1", port: int = 8001) -> tuple[list[str], Path]:
    """The datasette command line and the metadata file it reads."""
    db = Path(db_path)
    if not db.exists():
        raise StoreError("no database here (run `boardpack ingest` first)", db)
    if importlib.util.find_spec("datasette") is None:
        raise DatasetteMissing("Datasette is not installed: pip install -e '.[web]'")
    meta_dir = Path(tempfile.mkdtemp(prefix="boardpack-serve-"))
    meta = meta_dir / "metadata.json"
    meta.write_text(json.dumps(metadata(db.stem), indent=1))
    cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--host", host, "--port", str(port),
           "--metadata", str(meta), "--setting", "sql_time_limit_ms", "5000"]
    return cmd, meta


def serve(db_path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Replace this process with Datasette (so stopping `boardpack serve`, by
    Ctrl-C or a signal, stops the server too: no orphaned child keeps the port)."""
    cmd, _ = datasette_command(db_path, host, port)
    os.execv(cmd[0], cmd)
