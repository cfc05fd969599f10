"""The ``files`` table's side of the store: how a file is named
(``files.path``: absolute, undecodable bytes escaped) and linked to (its
``file://`` URL), what a ``files`` row holds, and the timestamp every
``*_at`` column holds. Shared by the Store and the document writer.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from boardpack.core.pathnames import display_path, fs_path


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


def files_row(path: str, sha256: Optional[str], status: str, error: Optional[str] = None,
              **source: Any) -> dict[str, Any]:
    """A ``files`` row for ``path`` as of now: its bytes, status and error;
    ``source`` gives the document's format, size, pages and producer (None
    when not given: a file that failed before it was read). The Store adds
    the parser version."""
    return {
        "path": path,
        "sha256": sha256,
        "format": source.get("format"),
        "size": source.get("size"),
        "pages": source.get("pages"),
        "producer": source.get("producer"),
        "ingested_at": now(),
        "status": status,
        "error": error,
    }
