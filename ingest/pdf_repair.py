"""Damaged PDF files: read from a repaired copy, and say which pages lost their text.

pdfminer trusts the cross-reference table: when its offsets are wrong (one
byte is enough) it finds the page tree but no content streams, or no pages
at all, and a text PDF reads as blank or scanned pages. pdfium (pypdfium2,
which pdfplumber installs) rebuilds the table from the objects themselves,
so it is asked whether pages that gave no text really have none; if it reads
text there, the file is rewritten by pdfium (fresh cross-reference table)
and read again. Pages still without text that pdfium reads are page errors.

This second chance is its own module because it is the one part of reading
a PDF that compares two engines and rewrites files; an intact file passes
through :func:`read_tolerant` with one pdfium character count per page.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Optional

from boardpack.core.errors import EncryptedDocument, UnreadableDocument
from boardpack.core.settings import Settings
from boardpack.ingest.pdf_pages import Pages, read_pages


def _pdfium_text(path: Path, pages: Optional[list[int]]) -> Optional[tuple[int, dict[int, int]]]:
    """(page count, {page: visible characters}) as pdfium reads the file, for
    ``pages`` (None: every page); None when pdfium cannot open it either."""
    try:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - encrypted, not a PDF, pdfium missing
        return None
    try:
        n = len(doc)
        counts: dict[int, int] = {}
        for i in (pages if pages is not None else range(1, n + 1)):
            if not 1 <= i <= n:
                continue
            try:
                page = doc[i - 1]
                try:
                    tp = page.get_textpage()
                    try:
                        counts[i] = sum(1 for ch in tp.get_text_range() if not ch.isspace())
                    finally:
                        tp.close()
                finally:
                    page.close()
            except Exception:  # noqa: BLE001 - a page pdfium cannot load has no text for us
                counts[i] = 0
        return n, counts
    finally:
        doc.close()


def _xref_damaged(path: Path) -> bool:
    """Whether an entry of the file's classic cross-reference table(s) points
    where its object is not (the table itself is read the way pdfminer reads
    it; xref streams are left to the pdfium comparison)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    for m in re.finditer(rb"(?:^|[\r\n])xref[ \t]*\r?\n", data):
        pos = m.end()
        while True:
            sub = re.compile(rb"[ \t]*(\d+)[ \t]+(\d+)[ \t]*\r?\n").match(data, pos)
            if not sub:
                break
            first, count = int(sub.group(1)), int(sub.group(2))
            pos = sub.end()
            for k in range(min(count, 100_000)):
                ent = re.compile(rb"[ \t]*(\d{1,10})[ \t]+(\d{1,5})[ \t]+([nf])[ \t]*\r?\n?").match(data, pos)
                if not ent:
                    break
                pos = ent.end()
                if ent.group(3) != b"n":
                    continue
                off = int(ent.group(1))
                head = data[off:off + 40].lstrip()
                if not re.match(rb"%d\s+%d\s+obj" % (first + k, int(ent.group(2))), head):
                    return True
    return False


def repaired_pages(path: Path, settings: Settings, tool: str = "pdfium") -> Optional[Pages]:
    """The file rewritten with a fresh cross-reference table, read again: by
    pdfium (rebuilds a table that is wrong throughout) or by pypdf (finds an
    object whose one entry points astray)."""
    with tempfile.TemporaryDirectory(prefix="boardpack-pdf-") as tmp:
        fixed = Path(tmp) / "repaired.pdf"
        try:
            if tool == "pdfium":
                import pypdfium2 as pdfium

                doc = pdfium.PdfDocument(str(path))
                try:
                    doc.save(str(fixed), flags=2)  # FPDF_NO_INCREMENTAL: a whole new file
                finally:
                    doc.close()
            else:
                from pypdf import PdfReader, PdfWriter

                PdfWriter(clone_from=PdfReader(str(path), strict=False)).write(str(fixed))
            r = read_pages(fixed, settings, report_path=path)
            fx = _pdfium_text(fixed, None)
            r.counts = fx[1] if fx else {}
            return r
        except Exception:  # noqa: BLE001 - the repair is a second chance, not a new failure
            return None


#: A page where pdfminer finds fewer than this share of the characters pdfium
#: reads has lost (part of) its text layer. On intact files the two counts
#: agree within 0.1% on every corpus and real-world page.
_LOST_SHARE = 0.5


def _lost_error(r: Pages, page: int, counts: dict[int, int]) -> dict:
    n = next((getattr(p, "n_chars", 0) for p in r.pages if p.number == page), 0)
    return {"page": page, "error": f"damaged PDF: page {page}: text layer not read ({n} of {counts[page]} characters)"}



def _lost_pages(r: Pages, counts: dict[int, int], settings: Settings) -> list[int]:
    """Pages where pdfminer read far fewer characters than pdfium (and that
    neither failed nor were found unreadable already)."""
    failed = {e["page"] for e in r.page_errors}
    return [p.number for p in r.pages
            if p.number not in failed and not p.unreadable_text
            and counts.get(p.number, 0) > settings.scanned_max_chars
            and getattr(p, "n_chars", 0) < _LOST_SHARE * counts[p.number]]


def _chars(r: Pages) -> int:
    return sum(getattr(p, "n_chars", 0) for p in r.pages)


def _first_read(path: Path, settings: Settings) -> tuple[Pages, bool]:
    """The file as pdfplumber reads it, and whether it opened; when pdfminer
    gives up on the structure, the copy pdfium rebuilds (opened False)."""
    try:
        return read_pages(path, settings), True
    except EncryptedDocument:
        raise
    except UnreadableDocument as e:
        # pdfminer gave up on the structure (a garbled dictionary, a broken
        # object): pdfium may still read it. A truncated file is not: read
        # from a repaired copy it would be stored silently shorter.
        if "EOF" in e.message:
            raise
        r = repaired_pages(path, settings, "pdfium")
        if r is None or not r.n_pages or not r.text_pages():
            raise
        r.meta["repaired"] = (f"damaged PDF structure ({e.message.split(': ', 1)[-1][:120]}): "
                              "read from a copy rebuilt by pdfium")
        return r, False


def _best_repair(path: Path, settings: Settings, r: Pages, n_fx: int, counts: dict[int, int]) -> Optional[Pages]:
    """The repaired copy (by pdfium, then pypdf) that reads the most characters
    and more than ``r``; what a copy shows is text too, so ``counts`` takes it in."""
    best = None
    for tool in ("pdfium", "pypdf"):
        fixed = repaired_pages(path, settings, tool)
        if fixed is None or fixed.n_pages != max(n_fx, r.n_pages):
            continue
        for i, n in fixed.counts.items():
            counts[i] = max(counts.get(i, 0), n)
        if _chars(fixed) > _chars(best or r):
            best = fixed
            best.meta["repaired_by"] = tool
    return best


def _refuse_textless(r: Pages, n_fx: int, counts: dict[int, int], settings: Settings, path: Path) -> None:
    """No pages read, though pdfium reads text: the page tree is broken, and an
    empty document would hide it."""
    if r.n_pages:
        return
    with_text = [i for i, n in counts.items() if n > settings.scanned_max_chars]
    if with_text:
        raise UnreadableDocument(f"damaged PDF: no text read from any of its {n_fx} pages, though "
                                 f"{len(with_text)} have a text layer (page tree or cross-reference "
                                 f"table broken)", path)


def _pdfium_counts(path: Path, r: Pages, opened: bool) -> Optional[tuple[int, dict[int, int]]]:
    """:func:`_pdfium_text` of every page. When the pdfium engine read every page
    of the file itself it counted them while each page was open (the same count),
    so the file is not loaded a second time (about 4% of an ingest's CPU)."""
    if opened and r.n_pages and len(r.pdfium_counts) == r.n_pages:
        return r.n_pages, dict(r.pdfium_counts)
    return _pdfium_text(path, None)  # a few ms a page: cheap next to pdfplumber


def read_tolerant(path: Path, settings: Settings) -> tuple[Pages, list[dict]]:
    """Pages as pdfplumber reads them, from a repaired copy when the file's
    structure is damaged, and the pages whose text layer was still lost."""
    r, opened = _first_read(path, settings)
    fx = _pdfium_counts(path, r, opened)
    if fx is None:
        return r, []
    n_fx, counts = fx
    lost = _lost_pages(r, counts, settings)
    if opened and not (lost or r.page_errors or (n_fx and not r.n_pages) or _xref_damaged(path)):
        return r, []
    before = len(lost) + len(r.page_errors)
    best = _best_repair(path, settings, r, n_fx, counts) if opened else None
    if best is not None:
        lost = _lost_pages(best, counts, settings)
        best.meta["repaired"] = (
            f"damaged PDF structure (cross-reference table): pages read from a copy rebuilt by "
            f"{best.meta['repaired_by']} ({before} of {best.n_pages} pages had lost their text or failed, "
            f"{len(lost) + len(best.page_errors)} after)")
        r = best
    _refuse_textless(r, n_fx, counts, settings, path)
    lost = _lost_pages(r, counts, settings)
    errors = [_lost_error(r, i, counts) for i in lost]
    if lost:
        gone = set(lost)
        r.scanned = [i for i in r.scanned if i not in gone]  # not a scan: the text layer is there
        if not r.text_pages():
            raise UnreadableDocument(f"damaged PDF: no text read from any of its {r.n_pages} pages, though "
                                     f"{len(lost)} have a text layer (cross-reference table broken?)", path)
    return r, errors
