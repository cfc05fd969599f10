"""One pass of pdfplumber over a PDF file: its pages' items, with errors typed.

Opening a file and walking its pages is where broken files show: a password
raises :class:`EncryptedDocument`, a truncated or corrupt file
:class:`UnreadableDocument`, and a single page that fails to parse is
recorded in ``page_errors`` while the rest of the pack is kept. The repair of
damaged files (:mod:`.pdf_repair`) reads a rewritten copy through the same
pass, which is why the pass is a module of its own.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from boardpack.core.errors import EncryptedDocument, UnreadableDocument
from boardpack.core.settings import Settings
from boardpack.ingest.pdf_blocks import PageItems
from boardpack.ingest.pdf_page import read_page
from boardpack.ingest.pdfium_page import PdfiumDocument, pdfium_page

# pdfminer logs every oddity of a damaged file as a warning; the reader reports
# what matters as typed errors and page_errors, so keep batch output readable.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def open_pdf(path: Path):
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # forces the page tree: a truncated file fails here
        return pdf
    except Exception as e:  # pdfminer raises many unrelated types on broken files
        raise typed_error(e, path) from e


def typed_error(e: BaseException, path: Path) -> UnreadableDocument:
    """pdfplumber wraps pdfminer's exceptions in PdfminerException; unwrap it."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = e
    while type(inner).__name__ == "PdfminerException" and inner.args and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    name = type(inner).__name__
    detail = str(inner).strip() or name
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in detail.lower():
        return EncryptedDocument(f"encrypted PDF (password protected): {detail}", path)
    if detail != name:
        detail = f"{name}: {detail}"
    return UnreadableDocument(f"truncated or corrupt PDF: {detail}", path)


def pdf_meta(pdf) -> dict:
    out = {}
    for k, v in (pdf.metadata or {}).items():
        if isinstance(v, bytes):
            v = v.decode("latin-1", "replace")
        if isinstance(v, (str, int, float)):
            out[str(k)] = v
    return out


def fallback_page_count(path: Path) -> tuple[int, list[int]]:
    """Pages (and which hold images) when pdfminer finds no page tree; pypdf is
    more forgiving about broken xref tables in scanner output."""
    try:
        from pypdf import PdfReader

        r = PdfReader(str(path), strict=False)
        img_pages = []
        for i, p in enumerate(r.pages, 1):
            res = p.get("/Resources") or {}
            xo = res.get("/XObject") if hasattr(res, "get") else None
            if xo:
                img_pages.append(i)
        return len(r.pages), img_pages
    except Exception:
        return 0, []


class Pages:
    """What one pass of pdfplumber over a file gave, before blocks are built."""

    def __init__(self, meta: dict):
        self.meta = meta
        self.pages: list[PageItems] = []
        self.scanned: list[int] = []
        self.page_errors: list[dict] = []  # pages that failed to parse
        self.unreadable: list[int] = []  # pages whose text layer is garbage (read by OCR)
        self.n_pages = 0
        self.first_error: Optional[UnreadableDocument] = None
        self.counts: dict[int, int] = {}  # pdfium's characters per page (repaired copies)
        # the same count, per page pdfium read while the pages were read (the
        # repair check need not load those pages again)
        self.pdfium_counts: dict[int, int] = {}

    def text_pages(self) -> int:
        return sum(1 for p in self.pages if p.items)


def refuse_pages(n_pages: int, settings: Settings, path: Path) -> None:
    if n_pages > settings.max_pages:
        raise UnreadableDocument(
            f"refused: {n_pages} pages, over the limit of {settings.max_pages} (setting max_pages)", path)


def read_pages(path: Path, settings: Settings, report_path: Optional[Path] = None) -> Pages:
    """Every page of the file through :func:`read_page`; a page that fails is
    recorded in ``page_errors`` (errors name ``report_path``, the user's file,
    when reading a repaired copy)."""
    report_path = report_path or path
    try:
        pdf = open_pdf(path)
    except UnreadableDocument as e:
        e.path = str(report_path)
        raise
    fx = None
    try:
        r = Pages(pdf_meta(pdf))
        r.n_pages = len(pdf.pages)
        refuse_pages(r.n_pages, settings, report_path)
        # pdfium reads a page's content many times faster than pdfminer; the
        # pages it leaves (scan candidates, rotated ...) are pdfplumber's
        fx = PdfiumDocument(path, r.n_pages) if settings.pdf_engine == "pdfium" else None
        for i, page in enumerate(pdf.pages, 1):
            fast = pdfium_page(fx, page, settings.scanned_max_chars) if fx else None
            try:
                items, is_scanned = read_page(page if fast is None else fast, i, settings)
            except Exception as e:
                # One broken page content stream should not lose the rest of a
                # pack: the page stays empty and is recorded; only a file where
                # no page reads at all is unreadable.
                err = typed_error(e, report_path)
                err.message = err.message.replace("PDF: ", f"PDF: page {i}: ", 1)
                err.args = (err.message,)
                r.first_error = r.first_error or err
                r.page_errors.append({"page": i, "error": err.message})
                items, is_scanned = PageItems(i, float(page.width or 0), float(page.height or 0)), False
            finally:
                try:
                    page.close()
                    if fast is not None:
                        fast.close()
                except Exception:
                    pass
            r.pages.append(items)
            if is_scanned:
                r.scanned.append(i)
            if items.unreadable_text:
                r.unreadable.append(i)
        if fx is not None:
            r.pdfium_counts = dict(fx.counts)
    finally:
        try:
            pdf.close()
            if fx is not None:
                fx.close()
        except Exception:
            pass
    return r
