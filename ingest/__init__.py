"""Readers (PDF, DOCX, DOC), cleaning, segmentation and the ingest run.

Formats and their readers are bound in one table (:mod:`.formats`);
:func:`boardpack.ingest.read.read_document` sniffs the format from the file's
bytes and dispatches. This package module itself holds only what the ingest's
writer process needs too (a file's hash, quiet library logs): importing any
``boardpack.ingest.*`` module runs it, and the writer must not pay for OCR,
PIL or pdfplumber it never uses.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


#: Libraries that log every oddity of a damaged file. The readers report what
#: matters as typed errors and warnings rows, so their logs reach the terminal
#: only under ``--debug`` (which sets BOARDPACK_DEBUG, inherited by workers).
LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "pypdf", "pypdfium2", "PIL", "docx", "fontTools")
_NULL = logging.NullHandler()


def quiet_library_logs() -> None:
    debug = bool(os.environ.get("BOARDPACK_DEBUG"))
    for name in LIBRARY_LOGGERS:
        log = logging.getLogger(name)
        if debug:
            log.propagate = True
            log.removeHandler(_NULL)
        else:
            if _NULL not in log.handlers:
                log.addHandler(_NULL)
            log.propagate = False
