"""Path names as text that can always be stored and printed.

POSIX file names are bytes; Python decodes the ones that are not valid
UTF-8 with lone surrogates (PEP 383), which SQLite, JSON and a UTF-8
terminal all refuse ("surrogates not allowed"). One such name must not
abort a batch of thousands, so wherever a path becomes text it goes
through :func:`display_path`: valid names are unchanged, the undecodable
bytes of the others are written as ``\\xNN`` escapes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: The store a command uses when no ``--db`` is given. Here, not in the store,
#: so the CLI's option helpers name it without importing the store (a spawned
#: parse worker imports the CLI's main module, and must not pay for the store).
DEFAULT_DB = Path("db") / "boardpacks.db"


def display_path(path: str | bytes | os.PathLike) -> str:
    """``path`` as text safe to store and print (undecodable bytes as ``\\xNN``)."""
    s = os.fspath(path)
    if isinstance(s, bytes):
        s = os.fsdecode(s)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


def fs_path(text: str) -> str:
    """The file-system name behind a :func:`display_path` text: each ``\\xNN``
    escape of an undecodable byte turned back into that byte (as the
    surrogate Python uses for it), so the stored path can be opened again."""
    return _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), text)
