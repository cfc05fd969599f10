"""PDF reader: pdfplumber pages into the document model (the *read* stage).

Per page, one word extraction and one table-finding pass (pdfplumber's
lattice finder on ruling lines); cell text, fill colours, text-aligned tables
and paragraphs are all built from those objects, and each page's cache is
flushed before the next. Characters, most of a page's objects, take a fast
path that builds the same dicts pdfplumber would (see
:mod:`.pdf_chars`), so reading costs less than a bare
``extract_text`` + ``extract_tables`` pass and memory stays flat.

The steps: :func:`_read_page` gives each page's visual lines and ruled tables;
after all pages are read, lines repeated in the top/bottom band (or lone page
numbers) are marked as furniture, text-aligned tables are found among the
rest (:mod:`.pdf_text_tables`), lines become headings, paragraphs and list
items (:mod:`.pdf_blocks`), a PAGE_BREAK goes between pages, and tables
continued over a page break are joined (:mod:`.pdf_tables`). Furniture stays
in the document as blocks of their own; the clean stage
(:mod:`boardpack.ingest.clean`) drops them without touching paragraphs.

Pages with no text layer but an image (or glyphs drawn as outlines) are
recorded in ``doc.scanned_pages``. Errors are typed: a password-protected
file raises :class:`EncryptedDocument`, a truncated or corrupt one
:class:`UnreadableDocument`; a single page that fails to parse is recorded
in ``doc.metadata["page_errors"]`` and the rest of the pack is kept.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Optional

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect
import unicodedata

from boardpack.core.errors import EncryptedDocument, UnreadableDocument
from boardpack.core.model import PAGE_BREAK, TABLE, Block, Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.clean import furniture_key, in_band, is_lone_page_number, repeated_keys
from boardpack.ingest.pdf_blocks import Builder, Line, PageItems, flag_footnotes, heading_styles, join_across_pages, list_levels, page_blocks
from boardpack.ingest.pdf_chars import use_fast_chars
from boardpack.ingest.pdf_tables import inside, is_bold_font, join_split_tables, page_fills, ruled_table_block
from boardpack.ingest.pdf_text_tables import find_text_tables, split_segments
from boardpack.ingest.pdfium_page import PdfiumDocument, PdfiumPage, pdfium_page

# pdfminer logs every oddity of a damaged file as a warning; the reader reports
# what matters as typed errors and page_errors, so keep batch output readable.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_WORD_ATTRS = ["size", "fontname"]


# -- opening ----------------------------------------------------------------------


def _open(path: Path):
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # forces the page tree: a truncated file fails here
        return pdf
    except Exception as e:  # pdfminer raises many unrelated types on broken files
        raise _typed_error(e, path) from e


def _typed_error(e: BaseException, path: Path) -> UnreadableDocument:
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


def _meta(pdf) -> dict:
    out = {}
    for k, v in (pdf.metadata or {}).items():
        if isinstance(v, bytes):
            v = v.decode("latin-1", "replace")
        if isinstance(v, (str, int, float)):
            out[str(k)] = v
    return out


def _fallback_page_count(path: Path) -> tuple[int, list[int]]:
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


# -- per page -----------------------------------------------------------------------


def _lines(words: list[dict], page_no: int) -> list[Line]:
    """Group words into visual lines, top to bottom, left to right."""
    ws = sorted(words, key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    for w in ws:
        h = w["bottom"] - w["top"]
        if lines:
            cur = lines[-1]
            ref = cur[0]
            if abs(w["top"] - ref["top"]) <= max(1.5, 0.4 * h) or (
                abs(w["bottom"] - ref["bottom"]) <= max(1.5, 0.3 * h)
            ):
                cur.append(w)
                continue
        lines.append([w])
    out = []
    for ln in lines:
        ln.sort(key=lambda w: w["x0"])
        sizes = Counter()
        bold = 0
        for w in ln:
            n = len(w["text"])
            sizes[round(w.get("size", 0), 1)] += n
            if is_bold_font(w.get("fontname", "")):
                bold += n
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        total = sum(sizes.values()) or 1
        line = Line(words=ln, page=page_no, size=size, bold=bold >= 0.8 * total)
        line.segs = split_segments(ln, size or 10)
        out.append(line)
    return out


def _horizontal_rules(page) -> list[tuple[float, float, float]]:
    """(y, x0, x1) of horizontal ruling lines and box edges: text on either side
    of a rule is never one paragraph."""
    rules = []
    for ln in page.lines:
        if abs(ln["top"] - ln["bottom"]) < 1.5:
            rules.append((ln["top"], ln["x0"], ln["x1"]))
    for r in page.rects:
        if r["x1"] - r["x0"] < 20:
            continue
        if r["bottom"] - r["top"] < 3:
            rules.append(((r["top"] + r["bottom"]) / 2, r["x0"], r["x1"]))
        elif r.get("stroke"):
            rules.append((r["top"], r["x0"], r["x1"]))
            rules.append((r["bottom"], r["x0"], r["x1"]))
    return rules


def _census(container) -> tuple[int, int, int, float]:
    """(visible characters, images, curves, area painted with a pattern) among
    pdfminer layout objects.

    Some producers (macOS Quartz printing a scan, for one) paint the page
    image as a *pattern* fill of a page-sized rectangle instead of drawing
    an image XObject; pdfminer then sees one rectangle and no image, so the
    painted area is what tells such a page from a blank one.
    """
    c = _glyph_census(container)
    return c.visible, c.images, c.curves, c.pattern_area


class _Census:
    __slots__ = ("visible", "spaces", "unreadable", "alnum", "leaders", "images", "curves", "pattern_area")

    def __init__(self) -> None:
        self.visible = self.spaces = self.unreadable = self.alnum = self.leaders = 0
        self.images = self.curves = 0
        self.pattern_area = 0.0


#: Characters of dot leaders and rules drawn in type (contents pages).
_LEADERS = frozenset("._-\u2026\u00b7=")


def unreadable_glyph(text: str) -> bool:
    """A glyph whose text says nothing: pdfminer's ``(cid:NN)`` for a glyph
    with no Unicode mapping, a private-use or unassigned code point, a
    control character, or the replacement character."""
    if text.startswith("(cid:"):
        return True
    if len(text) != 1:
        return False
    if text == "\ufffd":
        return True
    return unicodedata.category(text) in ("Co", "Cn", "Cs") or (
        unicodedata.category(text) == "Cc" and not text.isspace())


def _glyph_census(container) -> _Census:
    c = _Census()
    stack = list(container)
    while stack:
        obj = stack.pop()
        t = type(obj)
        if t is LTChar:
            text = obj._text
            if text.isspace():
                c.spaces += 1
                continue
            c.visible += 1
            if unreadable_glyph(text):
                c.unreadable += 1
            elif text.isalnum():
                c.alnum += 1
            elif text in _LEADERS:
                c.leaders += 1
        elif t is LTImage:
            c.images += 1
        elif t is LTCurve or t is LTLine or t is LTRect:
            c.curves += t is LTCurve
            # a pattern colour is a resource name ("P1"), not a tuple of components
            if getattr(obj, "fill", False) and isinstance(getattr(obj, "non_stroking_color", None), str):
                c.pattern_area += max(0.0, obj.width) * max(0.0, obj.height)
        elif isinstance(obj, LTContainer):
            stack.extend(obj)
    return c


def _char_census(chars: list[dict]) -> _Census:
    """The census of a page read by pdfium (:mod:`.pdfium_page`), from its
    character dicts; it reaches the reader only with more text than a scan
    has, so images, outlines and pattern fills are not counted."""
    c = _Census()
    for ch in chars:
        text = ch["text"]
        if text.isspace():
            c.spaces += 1
            continue
        c.visible += 1
        if text.isalnum():  # a letter or digit is never an unreadable glyph: asked first, it is most
            c.alnum += 1
        elif unreadable_glyph(text):
            c.unreadable += 1
        elif text in _LEADERS:
            c.leaders += 1
    return c


#: A text layer is unreadable when at least this share of its glyphs are
#: unmapped (``(cid:NN)``, private use), or when, leaders aside, fewer than
#: ``_MIN_ALNUM_SHARE`` of them are letters or digits (a bad ToUnicode map
#: turning words into punctuation), given at least ``_MIN_GLYPHS`` glyphs.
_UNREADABLE_SHARE = 0.3
_MIN_ALNUM_SHARE = 0.3
_MIN_GLYPHS = 40


def text_layer_unreadable(visible: int, unreadable: int, alnum: int, leaders: int = 0) -> bool:
    """Whether a page's text layer lies about what the page shows, so the page
    must be read from its image like a scan."""
    if visible < _MIN_GLYPHS:
        return False
    if unreadable >= _UNREADABLE_SHARE * visible:
        return True
    rest = visible - leaders
    return rest >= _MIN_GLYPHS and alnum < _MIN_ALNUM_SHARE * rest


def looks_scanned(n_text: int, n_images: int, n_curves: int, pattern_area: float, page_area: float,
                  settings: Settings) -> bool:
    """A page whose text layer is (nearly) empty but that paints something a
    reader would see: an image, glyphs drawn as outlines, or a picture filled
    in through a pattern over a good part of the page."""
    if n_text > settings.scanned_max_chars:
        return False
    painted = page_area > 0 and pattern_area >= settings.scanned_min_pattern_share * page_area
    return n_images > 0 or n_curves > settings.scanned_min_curves or painted


#: A page with fewer space characters than this share of its visible ones
#: sets words apart by the gaps between glyphs alone (spreadsheet exports do).
_FEW_SPACES = 0.05
#: ... and then a gap wider than this share of the font size starts a word
#: (a space is about a quarter of an em; letters of a word sit closer).
_GAP_RATIO = 0.18


def word_options(n_text: int, n_spaces: int) -> dict:
    """``extract_words`` options for a page.

    pdfplumber starts a new word at a gap of 3pt; a producer that draws no
    space characters leaves gaps of about a quarter em between words, under
    3pt in small type ("CDC - Dog Bins" would read "CDC-DogBins"). On such a
    page the gap is judged against the font size instead.
    """
    opts: dict = {"extra_attrs": _WORD_ATTRS}
    if n_text >= 20 and n_spaces < _FEW_SPACES * n_text:
        opts["x_tolerance_ratio"] = _GAP_RATIO
    return opts


def _contains(outer, inner, tol: float = 1.0) -> bool:
    a, b = outer.bbox, inner.bbox
    return a[0] - tol <= b[0] and a[1] - tol <= b[1] and b[2] <= a[2] + tol and b[3] <= a[3] + tol


def _row_tops(t) -> list[float]:
    return [r.bbox[1] for r in t.rows]


def arrange_ruled_tables(page, found: list) -> list:
    """The ruled tables of a page as a reader sees them.

    * A ruled box around other tables (a page frame, a sheet's print border)
      is no table of its own: only the tables inside it are kept.
    * Tables side by side whose rows share the same rulings are one table
      whose grid has a gap (a spreadsheet with an unruled column between the
      labels and the amounts): their cells are joined.
    """
    from pdfplumber.table import Table

    tables = [t for t in found if not any(u is not t and _contains(t, u) and not _contains(u, t) for u in found)]
    tables.sort(key=lambda t: t.bbox[0])
    out: list = []
    for t in tables:
        prev = out[-1] if out else None
        if prev is not None and prev.bbox[2] <= t.bbox[0] + 1:
            a, b = _row_tops(prev), _row_tops(t)
            if len(a) == len(b) >= 2 and all(abs(x - y) <= 2 for x, y in zip(a, b)):
                out[-1] = Table(page, list(prev.cells) + list(t.cells))
                continue
        out.append(t)
    return out


def _read_page(page, page_no: int, settings: Settings) -> tuple[PageItems, bool]:
    """Items of one page, and whether it looks scanned."""
    items = PageItems(page_no, float(page.width), float(page.height))
    use_fast_chars(page)
    # Count on pdfminer's layout first (pdfplumber caches it for page.chars):
    # a page of glyph outlines or one big image is flagged without turning
    # thousands of curves into pdfplumber dicts.
    c = _char_census(page.chars) if isinstance(page, PdfiumPage) else _glyph_census(page.layout)
    n_text, n_spaces = c.visible, c.spaces
    items.n_chars = n_text  # compared with pdfium's count to find a damaged file
    scanned = looks_scanned(n_text, c.images, c.curves, c.pattern_area,
                            float(page.width) * float(page.height), settings)
    if text_layer_unreadable(n_text, c.unreadable, c.alnum, c.leaders):
        # glyphs with no (or a false) Unicode mapping: the words would be
        # garbage, so the page is read from its image like a scan
        items.unreadable_text = True
        return items, True
    if n_text == 0:
        return items, scanned
    words = page.extract_words(**word_options(n_text, n_spaces))
    fills = page_fills(page.rects)
    tables = []
    try:
        found = arrange_ruled_tables(page, page.find_tables())
    except Exception:  # a degenerate drawing must not sink the page's text
        found = []
    for t in found:
        blk = ruled_table_block(t, words, fills, page_no)
        # One column of boxes is framed text (a notice, a bordered paragraph,
        # a page frame), not a table: its words stay in the text flow (and the
        # frame's edges, as rules, keep its paragraphs apart from the rest).
        if blk is not None and blk.n_cols >= 2:
            tables.append(blk)
    if tables:
        words = [w for w in words if not any(inside(w, t.bbox) for t in tables)]
    items.items = sorted(_lines(words, page_no) + tables, key=_top)
    items.rules = _horizontal_rules(page)
    items.fills = fills
    return items, scanned


def _add_text_tables(p: PageItems) -> None:
    """Replace runs of column-aligned lines with text-aligned TABLE blocks.

    Runs after furniture marking, so a running footer under the last row
    ("1 of 12   Standing Orders Issue 1.0") never becomes part of a table.
    """
    lines = [it for it in p.items if isinstance(it, Line) and not it.furniture]
    if len(lines) < 3:
        return
    size = Counter(ln.size for ln in lines for _ in ln.words).most_common(1)
    body = size[0][0] if size else 10.0
    found = find_text_tables(lines, body, p.number, p.fills)
    if not found:
        return
    used = set()
    for i0, i1, _ in found:
        used.update(id(ln) for ln in lines[i0 : i1 + 1])
    items = [it for it in p.items if id(it) not in used] + [blk for _, _, blk in found]
    p.items = sorted(items, key=_top)


def _top(item) -> float:
    if isinstance(item, Block):
        return item.bbox[1]
    return item.top


# -- blocks -------------------------------------------------------------------------


def _body_size(pages: list[PageItems]) -> float:
    c = Counter()
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                c[it.size] += sum(len(w["text"]) for w in it.words)
    return c.most_common(1)[0][0] if c else 10.0


def _mark_furniture(pages: list[PageItems], settings: Settings, body: float) -> None:
    """Flag lines the clean stage may drop, so they become blocks of their own."""
    def key(ln: Line) -> str:
        return furniture_key(ln.text, exact=ln.bold or ln.size >= body + 1.5)

    cands = []  # (page number, line in a band, its furniture key)
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                it.band = in_band(it.top, it.bottom, p.height, settings.furniture_band)
                if it.band:
                    cands.append((p.number, it, key(it)))
    keys = repeated_keys(((n, k) for n, _, k in cands), len(pages), settings)
    for n, it, k in cands:
        it.furniture = k in keys or is_lone_page_number(it.text, n, len(pages))


# -- the reader ---------------------------------------------------------------------


class _Pages:
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

    def text_pages(self) -> int:
        return sum(1 for p in self.pages if p.items)


def _refuse_pages(n_pages: int, settings: Settings, path: Path) -> None:
    if n_pages > settings.max_pages:
        raise UnreadableDocument(
            f"refused: {n_pages} pages, over the limit of {settings.max_pages} (setting max_pages)", path)


def _read_pages(path: Path, settings: Settings, report_path: Optional[Path] = None) -> _Pages:
    """Every page of the file through :func:`_read_page`; a page that fails is
    recorded in ``page_errors`` (errors name ``report_path``, the user's file,
    when reading a repaired copy)."""
    report_path = report_path or path
    try:
        pdf = _open(path)
    except UnreadableDocument as e:
        e.path = str(report_path)
        raise
    fx = None
    try:
        r = _Pages(_meta(pdf))
        r.n_pages = len(pdf.pages)
        _refuse_pages(r.n_pages, settings, report_path)
        # pdfium reads a page's content many times faster than pdfminer; the
        # pages it leaves (scan candidates, rotated ...) are pdfplumber's
        fx = PdfiumDocument(path, r.n_pages) if settings.pdf_engine == "pdfium" else None
        for i, page in enumerate(pdf.pages, 1):
            fast = pdfium_page(fx, page, settings.scanned_max_chars) if fx else None
            try:
                items, is_scanned = _read_page(page if fast is None else fast, i, settings)
            except Exception as e:
                # One broken page content stream should not lose the rest of a
                # pack: the page stays empty and is recorded; only a file where
                # no page reads at all is unreadable.
                err = _typed_error(e, report_path)
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
    finally:
        try:
            pdf.close()
            if fx is not None:
                fx.close()
        except Exception:
            pass
    return r


# -- damaged files ----------------------------------------------------------------
#
# pdfminer trusts the cross-reference table: when its offsets are wrong (one
# byte is enough) it finds the page tree but no content streams, or no pages
# at all, and a text PDF reads as blank or scanned pages. pdfium (pypdfium2,
# which pdfplumber installs) rebuilds the table from the objects themselves,
# so it is asked whether pages that gave no text really have none; if it reads
# text there, the file is rewritten by pdfium (fresh cross-reference table)
# and read again. Pages still without text that pdfium reads are page errors.


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
    import re

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


def _repaired_pages(path: Path, settings: Settings, tool: str = "pdfium") -> Optional[_Pages]:
    """The file rewritten with a fresh cross-reference table, read again: by
    pdfium (rebuilds a table that is wrong throughout) or by pypdf (finds an
    object whose one entry points astray)."""
    import tempfile

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
            r = _read_pages(fixed, settings, report_path=path)
            fx = _pdfium_text(fixed, None)
            r.counts = fx[1] if fx else {}
            return r
        except Exception:  # noqa: BLE001 - the repair is a second chance, not a new failure
            return None


#: A page where pdfminer finds fewer than this share of the characters pdfium
#: reads has lost (part of) its text layer. On intact files the two counts
#: agree within 0.1% on every corpus and real-world page.
_LOST_SHARE = 0.5


def _lost_error(r: _Pages, page: int, counts: dict[int, int]) -> dict:
    n = next((getattr(p, "n_chars", 0) for p in r.pages if p.number == page), 0)
    return {"page": page, "error": f"damaged PDF: page {page}: text layer not read ({n} of {counts[page]} characters)"}


def _read_tolerant(path: Path, settings: Settings) -> tuple[_Pages, list[dict]]:
    """Pages as pdfplumber reads them, from a repaired copy when the file's
    structure is damaged, and the pages whose text layer was still lost."""
    try:
        r = _read_pages(path, settings)
        opened = True
    except EncryptedDocument:
        raise
    except UnreadableDocument as e:
        # pdfminer gave up on the structure (a garbled dictionary, a broken
        # object): pdfium may still read it. A truncated file is not: read
        # from a repaired copy it would be stored silently shorter.
        if "EOF" in e.message:
            raise
        r = _repaired_pages(path, settings, "pdfium")
        if r is None or not r.n_pages or not r.text_pages():
            raise
        r.meta["repaired"] = (f"damaged PDF structure ({e.message.split(': ', 1)[-1][:120]}): "
                              "read from a copy rebuilt by pdfium")
        opened = False
    fx = _pdfium_text(path, None)  # a few ms a page: cheap next to pdfplumber
    if fx is None:
        return r, []
    n_fx, counts = fx

    def lost_pages(r: _Pages) -> list[int]:
        failed = {e["page"] for e in r.page_errors}
        return [p.number for p in r.pages
                if p.number not in failed and not p.unreadable_text
                and counts.get(p.number, 0) > settings.scanned_max_chars
                and getattr(p, "n_chars", 0) < _LOST_SHARE * counts[p.number]]

    def chars(r: _Pages) -> int:
        return sum(getattr(p, "n_chars", 0) for p in r.pages)

    lost = lost_pages(r)
    if opened and not (lost or r.page_errors or (n_fx and not r.n_pages) or _xref_damaged(path)):
        return r, []
    before = len(lost) + len(r.page_errors)
    best = None
    for tool in ("pdfium", "pypdf") if opened else ():
        fixed = _repaired_pages(path, settings, tool)
        if fixed is None or fixed.n_pages != max(n_fx, r.n_pages):
            continue
        for i, n in fixed.counts.items():  # what the repaired copy shows is text too
            counts[i] = max(counts.get(i, 0), n)
        if chars(fixed) > chars(best or r):
            best = fixed
            best.meta["repaired_by"] = tool
    if best is not None:
        lost = lost_pages(best)
        best.meta["repaired"] = (
            f"damaged PDF structure (cross-reference table): pages read from a copy rebuilt by "
            f"{best.meta['repaired_by']} ({before} of {best.n_pages} pages had lost their text or failed, "
            f"{len(lost) + len(best.page_errors)} after)")
        r = best
    if not r.n_pages:
        with_text = [i for i, n in counts.items() if n > settings.scanned_max_chars]
        if with_text:
            raise UnreadableDocument(f"damaged PDF: no text read from any of its {n_fx} pages, though "
                                     f"{len(with_text)} have a text layer (page tree or cross-reference "
                                     f"table broken)", path)
    lost = lost_pages(r)
    errors = [_lost_error(r, i, counts) for i in lost]
    if lost:
        gone = set(lost)
        r.scanned = [i for i in r.scanned if i not in gone]  # not a scan: the text layer is there
        if not r.text_pages():
            raise UnreadableDocument(f"damaged PDF: no text read from any of its {r.n_pages} pages, though "
                                     f"{len(lost)} have a text layer (cross-reference table broken?)", path)
    return r, errors


def read_pdf(path: Path, sha256: str, settings: Settings = DEFAULT) -> Document:
    """Read a PDF file into a :class:`Document` (the *read* stage; furniture is
    still in, as blocks of its own)."""
    path = Path(path)
    r, lost = _read_tolerant(path, settings)
    meta, pages, scanned, n_pages = r.meta, r.pages, r.scanned, r.n_pages
    unreadable = r.unreadable
    if r.first_error is not None and len(r.page_errors) == n_pages:
        raise r.first_error
    page_errors = sorted(r.page_errors + lost, key=lambda e: e["page"])
    if n_pages == 0:
        n_pages, img_pages = _fallback_page_count(path)
        if n_pages == 0:
            raise UnreadableDocument("truncated or corrupt PDF: no pages found", path)
        _refuse_pages(n_pages, settings, path)
        scanned = img_pages
        meta.setdefault("page_tree", "recovered by pypdf")

    body = _body_size(pages)
    _mark_furniture(pages, settings, body)
    for p in pages:
        _add_text_tables(p)
        p.fills = []
    xs = [ln.x0 for p in pages for ln in p.items if isinstance(ln, Line) and not ln.furniture]
    margin = min(xs) if xs else 0.0
    if xs:  # the most common left edge is the text margin (ignore outliers)
        margin = Counter(round(x) for x in xs).most_common(1)[0][0]
        margin = min(margin, min(xs) + 36)
    builder = Builder(body, heading_styles(pages, body, settings.pdf), margin, settings.pdf)

    blocks: list[Block] = []
    furniture: set[int] = set()  # ids of blocks made from furniture lines
    for p in pages:
        if p.number > 1:
            blocks.append(Block(kind=PAGE_BREAK, page=p.number - 1))
        blocks.extend(page_blocks(p, builder, furniture))

    heights = {p.number: p.height for p in pages}

    def skippable(b: Block) -> bool:
        if b.kind == TABLE or not b.bbox or b.page not in heights:
            return False
        return in_band(b.bbox[1], b.bbox[3], heights[b.page], settings.furniture_band) is not None

    blocks = join_split_tables(blocks, skippable, settings.pdf)
    list_levels(blocks, settings.pdf)
    flag_footnotes(blocks, body)
    blocks = join_across_pages(blocks, body, furniture, settings.pdf)
    producer = meta.get("Producer") or meta.get("Creator")
    if meta.get("Producer") and meta.get("Creator") and meta["Creator"] not in meta["Producer"]:
        producer = f"{meta['Producer']} ({meta['Creator']})"
    doc = Document(
        path=str(path), sha256=sha256, format="pdf", blocks=blocks, pages=n_pages,
        producer=producer or None, scanned_pages=scanned,
        metadata={"pdf": meta, "page_heights": [p.height for p in pages],
                  "page_widths": [p.width for p in pages], "body_font_size": body,
                  **({"page_errors": page_errors} if page_errors else {}),
                  **({"repaired": meta["repaired"]} if meta.get("repaired") else {}),
                  **({"unreadable_text_pages": unreadable,
                      "ocr": "text layer unreadable (unmapped glyphs) on pages "
                             + ", ".join(map(str, unreadable)) + ": read by OCR"} if unreadable else {})},
    )
    doc.renumber()
    return doc

