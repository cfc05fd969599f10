"""The formats boardpack reads: one table binds each to how its bytes are
recognised and to the reader that turns it into the document model.

Adding a format is one row here and one reader module; nothing else changes.
The reader is named as ``"module:function"`` and imported when the first file
of that format is read, so sniffing a folder never loads pdfplumber or
python-docx, and reader modules never import this package back.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from boardpack.core.model import Document
from boardpack.core.settings import Settings

ReaderFn = Callable[[Path, str, Settings], Document]  # (path, sha256, settings) -> Document

@dataclass(frozen=True)
class Format:
    name: str
    #: the container its bytes start with, as :func:`boardpack.ingest.detect.sniff` names it
    container: str
    #: for a ZIP container, the part that makes it this format
    zip_member: str | None
    reader: str

    def load_reader(self) -> ReaderFn:
        module, _, attr = self.reader.partition(":")
        return getattr(importlib.import_module(module), attr)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", container="pdf", zip_member=None, reader="boardpack.ingest.pdf_reader:read_pdf"),
        Format("docx", container="zip", zip_member="word/document.xml", reader="boardpack.ingest.docx_reader:read_docx"),
        # an OLE .xls/.ppt also matches; LibreOffice rejects it with a clear error
        Format("doc", container="ole", zip_member=None, reader="boardpack.ingest.doc_reader:read_doc"),
    )
}
