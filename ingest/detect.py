"""Format detection from a file's bytes, not its extension.

Archives are full of mislabelled files (a .doc that is really RTF or HTML, a
.pdf saved with a .doc name); the extension is only used to explain a
mismatch in error messages.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from boardpack.core.errors import UnreadableDocument, UnsupportedFormat
from boardpack.ingest.formats import FORMATS
from boardpack.ingest.ole import MAGIC as OLE_MAGIC

SUPPORTED = tuple(FORMATS)


def sniff(head: bytes) -> str | None:
    """Return "pdf", "zip", "ole", "rtf", "html" or None from leading bytes."""
    stripped = head.lstrip()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if stripped[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def detect_format(path: Path) -> str:
    """Return "pdf", "docx" or "doc" for ``path``, or raise a typed error."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(2048)
    except OSError as e:
        raise UnreadableDocument(f"cannot open: {e.strerror or e}", path) from e
    if size == 0:
        raise UnreadableDocument("empty file (0 bytes)", path)
    kind = sniff(head)
    ext = path.suffix.lower().lstrip(".")
    plain = [f.name for f in FORMATS.values() if f.container == kind and not f.zip_member]
    if plain:
        return plain[0]
    if kind == "zip":
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError) as e:
            # a flipped byte in a header can claim an unknown zip version (NotImplementedError)
            raise UnreadableDocument(f"corrupt {ext or 'zip'} file (broken zip: {e})", path) from e
        for f in FORMATS.values():
            if f.container == "zip" and f.zip_member in names:
                return f.name
        raise UnsupportedFormat(
            f"zip archive that is not a Word document (extension .{ext or '?'})", path
        )
    if kind == "rtf":
        raise UnsupportedFormat("RTF file (save it as .docx or .pdf first)", path)
    if kind == "html":
        raise UnsupportedFormat("HTML page, not a PDF or Word document", path)
    label = f" despite its .{ext} extension" if ext in SUPPORTED else ""
    raise UnsupportedFormat(f"not a PDF, DOCX or DOC file{label}", path)
