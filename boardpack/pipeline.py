"""The ingest pipeline as library functions: one per stage, and one for all.

read (``ingest.read.read_document``) -> clean (``ingest.clean.clean_document``)
-> segment (``ingest.mark.mark_document``: boilerplate flagged and tables
classified on the document, then ``ingest.segment.segment``, which only
reads it) -> extract
(``extractors.extract_document``). :func:`parse_file` runs every stage on one
file and returns a picklable :class:`ParsedFile` for the store; it is what
ingest workers run, so it lives at module top level (spawn-safe).

Every failure leaves here as a :class:`~boardpack.core.errors.BoardpackError`
with ``stage`` set, so the store can record *where* a file broke and the CLI
can print one line. Unexpected exceptions from a stage (a reader or
extractor bug on an odd file) are wrapped, keeping the original as
``__cause__`` for ``--debug``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from boardpack.core.errors import BoardpackError, UnreadableDocument
from boardpack.core.model import Document, Paper
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.shingles import paper_fingerprints
from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.ingest.read import read_document
from boardpack.ingest.clean import clean_document
from boardpack.ingest.mark import mark_document
from boardpack.ingest.segment import segment as segment_document
from boardpack.parsed import ParsedFile  # noqa: F401 - importers take it from here too

STAGES = ("read", "clean", "segment", "extract")


def _wrap(stage: str, path, exc: Exception) -> BoardpackError:
    """Turn any exception raised inside ``stage`` into a typed library error."""
    if isinstance(exc, BoardpackError):
        if exc.path is None:
            exc.path = str(path)
        # Keep a stage the raiser chose (e.g. StoreError); otherwise it is ours.
        if "stage" not in exc.__dict__ and type(exc).stage == "read" and stage != "read":
            exc.stage = stage
        return exc
    if isinstance(exc, MemoryError):
        msg = "out of memory"
    else:
        msg = f"{type(exc).__name__}: {exc}".rstrip(": ")
    if stage == "read":
        err: BoardpackError = UnreadableDocument(msg, path, stage="read")
    else:
        err = BoardpackError(f"{stage} failed: {msg}", path, stage=stage)
    err.__cause__ = exc
    return err


def read(path, sha256: str | None = None, settings: Settings = DEFAULT) -> Document:
    """The *read* stage: the file's bytes into the document model (scanned PDF pages OCRed)."""
    try:
        return read_document(path, sha256, settings)
    except Exception as e:  # noqa: BLE001 - readers meet arbitrary broken files
        raise _wrap("read", path, e) from e


def clean(doc: Document, settings: Settings = DEFAULT) -> Document:
    """The *clean* stage: page furniture out, text tidied (``ingest/clean.py``)."""
    try:
        out = clean_document(doc, settings)
    except Exception as e:  # noqa: BLE001
        raise _wrap("clean", doc.path, e) from e
    return out if out is not None else doc


def segment(doc: Document, settings: Settings = DEFAULT) -> list[Paper]:
    """The *segment* stage: the document marked (boilerplate flagged, every
    table classified once: ``ingest/mark.py``), then split into its papers
    (``ingest/segment.py``, which only reads what the marking recorded)."""
    try:
        mark_document(doc, settings)
        return list(segment_document(doc, settings))
    except Exception as e:  # noqa: BLE001
        raise _wrap("segment", doc.path, e) from e


def extract(doc: Document, papers: list[Paper], settings: Settings = DEFAULT):
    """The *extract* stage: rows for every registered extractor's paper types."""
    try:
        load_all()
        return extract_document(ExtractContext(doc, papers, settings=settings))
    except Exception as e:  # noqa: BLE001
        raise _wrap("extract", doc.path, e) from e


def parse_file(
    path,
    settings: Settings | None = None,
    sha256: str | None = None,
    until: str = "extract",
) -> ParsedFile:
    """Run the stages up to ``until`` (default: all) on one file.

    ``sha256`` may be passed when the caller has already hashed the file (the
    ingest run hashes first to skip unchanged files cheaply).
    """
    if until not in STAGES:
        raise ValueError(f"until must be one of {STAGES}, not {until!r}")
    settings = settings or DEFAULT
    started = time.perf_counter()
    p = Path(path)
    try:
        size = os.stat(p).st_size
    except OSError as e:
        raise UnreadableDocument(f"cannot open: {e.strerror or e}", p) from e
    doc = read(p, sha256, settings)
    papers: list[Paper] = []
    result = None
    if until != "read":
        doc = clean(doc, settings)
        doc.renumber()
    if until in ("segment", "extract"):
        papers = segment(doc, settings)
    if until == "extract":
        result = extract(doc, papers, settings)
    return ParsedFile(
        path=str(p),
        sha256=doc.sha256,
        size=size,
        doc=doc,
        papers=papers,
        result=result,
        fingerprints=paper_fingerprints(doc.blocks, papers) if result is not None else [],
        seconds=time.perf_counter() - started,
    )
