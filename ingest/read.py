"""The read stage: one file into the document model, whatever its format."""

from __future__ import annotations

from pathlib import Path

from boardpack.core.errors import UnreadableDocument, UnsupportedFormat
from boardpack.core.model import Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest import file_sha256, quiet_library_logs
from boardpack.ingest.detect import detect_format
from boardpack.ingest.formats import FORMATS
from boardpack.ingest.furniture import mark_furniture
from boardpack.ingest.ocr import add_ocr_blocks


def load_readers() -> None:
    """Import every reader now, for a caller that wants imports out of what it
    measures (workers do not: each imports a reader on its first file of that format)."""
    for fmt in FORMATS.values():
        fmt.load_reader()


def read_document(path, sha256: str | None = None, settings: Settings = DEFAULT) -> Document:
    """Read one file into the document model (the *read* stage only).

    Scanned PDF pages (no text layer) are read by OCR when tesseract and
    pdftoppm are installed and ``settings.ocr`` is on (see ``ingest/ocr.py``).
    Page furniture is then flagged on the blocks, OCR'd ones included, and
    recorded as the document's headers and footers (``ingest/furniture.py``);
    the clean stage drops what is flagged.
    """
    path = Path(path)
    if not path.exists():
        raise UnreadableDocument("no such file", path)
    if path.is_dir():
        raise UnreadableDocument("is a directory, not a file", path)
    fmt = detect_format(path)
    quiet_library_logs()
    if fmt not in FORMATS:
        raise UnsupportedFormat(f"no reader for format {fmt!r}", path)
    sha = sha256 or file_sha256(path)
    doc = FORMATS[fmt].load_reader()(path, sha, settings)
    if doc.scanned_pages:  # add_ocr_blocks honours settings.ocr
        add_ocr_blocks(doc, settings)
    return mark_furniture(doc, settings)
