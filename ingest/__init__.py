"""Readers (PDF, DOCX, DOC), cleaning, segmentation and the ingest run.

Readers are registered by format with :func:`register_reader`; adding a
format is one new module that calls it. :func:`read_document` sniffs the
format from the file's bytes and dispatches.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Callable

from ..errors import UnreadableDocument, UnsupportedFormat
from ..model import Document
from ..settings import DEFAULT, Settings
from .detect import detect_format

ReaderFn = Callable[[Path, str, Settings], Document]  # (path, sha256, settings) -> Document
READERS: dict[str, ReaderFn] = {}


def register_reader(fmt: str):
    """Decorator: register ``fn(path, sha256, settings) -> Document`` as the reader for ``fmt``."""

    def deco(fn: ReaderFn) -> ReaderFn:
        READERS[fmt] = fn
        return fn

    return deco


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


def _load_readers() -> None:
    # Imported lazily so `import boardpack` stays cheap for the CLI's --help.
    from . import pdf_reader, docx_reader, doc_reader  # noqa: F401


def read_document(path, sha256: str | None = None, settings: Settings = DEFAULT) -> Document:
    """Read one file into the document model (the *read* stage only).

    Scanned PDF pages (no text layer) are read by OCR when tesseract and
    pdftoppm are installed and ``settings.ocr`` is on (see ``ingest/ocr.py``).
    """
    path = Path(path)
    if not path.exists():
        raise UnreadableDocument("no such file", path)
    if path.is_dir():
        raise UnreadableDocument("is a directory, not a file", path)
    fmt = detect_format(path)
    quiet_library_logs()
    _load_readers()
    if fmt not in READERS:
        raise UnsupportedFormat(f"no reader registered for format {fmt!r}", path)
    sha = sha256 or file_sha256(path)
    doc = READERS[fmt](path, sha, settings)
    if doc.scanned_pages:  # imported only when needed; add_ocr_blocks honours settings.ocr
        from .ocr import add_ocr_blocks

        add_ocr_blocks(doc, settings)
    return doc
