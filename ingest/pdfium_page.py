"""A PDF page's text layer and drawings read by pdfium, as pdfplumber's dicts.

The reader (:mod:`.pdf_reader`) takes from a pdfplumber page its characters
(with font name, size and box), the words built from them, its rects, lines
and curves (rulings and cell fills) and the ruled tables pdfplumber's lattice
finder sees on those. pdfplumber gets all of it from pdfminer's content-stream
interpreter, in Python: about two thirds of an ingest's CPU time. pdfium
(pypdfium2) interprets the page in C; :class:`PdfiumPage` builds the same
dicts from it, so the rest of the reader is unchanged (``pdf.engine =
"pdfium"``; issue 10):

* characters from pdfium's text page (generated spaces and line breaks
  skipped, pdfium's end-of-line hyphen mark read as the hyphen it is), each
  box as pdfminer draws it: from the glyph's origin across, and from the
  baseline plus the font descriptor's /Descent up one font size (pdfium's
  own boxes use the font program's metrics, which LibreOffice's zero
  descriptors do not match); font names are the descriptor's /FontName,
  read from the page's resources through the pdfminer document pdfplumber
  has open anyway. pdfium does not give the advance width: the right edge
  is its loose box's, which is the advance except where a glyph overhangs
  it (italics: up to a point wider than pdfminer's box);
* paths from pdfium's page objects (form XObjects entered), split into
  subpaths and classed as line, rect or curve by pdfminer's own rules, with
  their fill colour (pdfium's RGB) and stroke/fill flags;
* words by pdfplumber's word extractor and ruled tables by pdfplumber's
  table finder, run on those dicts (:class:`PdfiumPage` is a pdfplumber
  ``Container``, so ``page.edges`` and the finder work unchanged). Measured
  on the corpus, the finder on pdfium's edges finds the same cells on every
  page, so pages with rulings need no pdfplumber pass: pdfium reads every
  page that has text (chosen over keeping pdfplumber for ruled pages, which
  most pages of a pack are: tables, boxes and rules).

Reading a page costs about 20 ms of CPU this way against about 52 ms with
pdfplumber's fast path (24 corpus and real-world PDFs, 210 pages, read stage
only); what is left is mostly the per-glyph calls into pdfium and
pdfplumber's word extractor.

The file is still opened by pdfplumber (page tree, metadata, typed errors
for encrypted or broken files: nothing of a page's content is interpreted
there), and a page is left to pdfplumber (:func:`pdfium_page` returns None)
when its reading could differ in ways that matter: a rotated page or one
whose boxes are offset, a page with few characters (a scan candidate: its
images, outlines and pattern fills are counted by pdfminer), glyphs with no
Unicode mapping (the unreadable-text-layer test), or a page or file pdfium
cannot load. CMYK fills are converted to RGB by pdfium's own profile, which
can differ by a few units from pdfminer's naive conversion.
"""

from __future__ import annotations

import ctypes
import math
from pathlib import Path
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as R
from pdfplumber.container import Container
from pdfplumber.table import TableFinder, TableSettings

from boardpack.ingest.pdf_census import char_census
from boardpack.ingest.pdfium_fonts import FontTable
from boardpack.ingest.pdfium_words import page_words
from boardpack.ingest.pdfium_paths import IDENTITY, Matrix, apply, colour, curves_joined, mult, obj_matrix, stroke_width, subpaths


def _fast(fn, restype, *argtypes):
    """A pdfium function called with plain addresses: the per-glyph loop makes
    hundreds of thousands of calls, and pypdfium2's typed pointers (and casting
    them back to compare objects) cost more than the calls themselves."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_P, _I = ctypes.c_void_p, ctypes.c_int
_DOUBLE = ctypes.POINTER(ctypes.c_double)
_unicode = _fast(R.FPDFText_GetUnicode, ctypes.c_uint, _P, _I)
_generated = _fast(R.FPDFText_IsGenerated, _I, _P, _I)
_map_error = _fast(R.FPDFText_HasUnicodeMapError, _I, _P, _I)
_text_object = _fast(R.FPDFText_GetTextObject, _P, _P, _I)
_origin = _fast(R.FPDFText_GetCharOrigin, _I, _P, _I, _DOUBLE, _DOUBLE)
_loose_box = _fast(R.FPDFText_GetLooseCharBox, _I, _P, _I, ctypes.POINTER(R.FS_RECTF))


def _space_after(prev: dict) -> dict:
    """A space pdfium made up, as a glyph right after ``prev``. pdfium drops a
    space glyph it cannot map (pdfminer reads it) and makes up a space in its
    place, at a point of its own: put there, words stay apart as pdfminer's
    glyph keeps them."""
    return dict(prev, text=" ", x0=prev["x1"], width=0.0)


def nonspace_count(text: str) -> int:
    """Characters of ``text`` that are not white space (``str.split``'s white space
    is ``str.isspace``'s)."""
    return len("".join(text.split()))


def _text_of(u: int) -> Optional[str]:
    """A character's text from pdfium's code point, None for none."""
    if u == 0 or u == 0xFFFE or 0xDC00 <= u <= 0xDFFF:
        return None
    # pdfium marks a hyphen that ends a line as U+0002; the glyph is a hyphen
    return "-" if u == 2 else chr(u)


class PdfiumDocument:
    """pdfium's view of a file pdfplumber has opened; None-safe: when pdfium
    cannot open it, or counts other pages, every page is pdfplumber's."""

    def __init__(self, path: Path, n_pages: int):
        self.doc = None
        self.fonts: dict[str, tuple[str, float]] = {}  # BaseFont -> pdfminer's name and descent
        # page -> its characters that are not white space in pdfium's text, as the
        # repair check counts them (read here while the text page is open anyway)
        self.counts: dict[int, int] = {}
        try:
            doc = pdfium.PdfDocument(str(path))
        except Exception:  # noqa: BLE001 - encrypted, damaged: pdfplumber reads it as before
            return
        if len(doc) != n_pages:
            doc.close()
            return
        self.doc = doc

    def close(self) -> None:
        if self.doc is not None:
            self.doc.close()
            self.doc = None


def pdfium_page(doc: PdfiumDocument, plumber_page, min_chars: int) -> Optional["PdfiumPage"]:
    """The page read by pdfium, or None when it is left to pdfplumber (see the
    module docstring); ``min_chars``: the visible characters a page needs."""
    if doc.doc is None or plumber_page.rotation % 360 or not _plain_boxes(plumber_page):
        return None
    try:
        page = doc.doc[plumber_page.page_number - 1]
    except Exception:  # noqa: BLE001 - pdfium cannot load the page: pdfplumber may
        return None
    try:
        out = PdfiumPage(plumber_page, page, doc.fonts)
        doc.counts[plumber_page.page_number] = out.text_count
        if out.visible <= min_chars or out.unmapped:
            out.close()
            return None
        return out
    except Exception:  # noqa: BLE001 - anything odd: the reference reader reads the page
        page.close()
        return None


def _plain_boxes(p) -> bool:
    """Media box at the origin and the crop box the same: pdfplumber's and
    pdfium's coordinates then differ only by the flip of the y axis."""
    mb = p.mediabox
    return abs(mb[0]) < 1e-6 and abs(mb[1]) < 1e-6 and all(abs(a - b) < 1e-3 for a, b in zip(p.bbox, mb))


class PdfiumPage(Container):
    """What :mod:`.pdf_reader` reads from a pdfplumber page, built by pdfium."""

    def __init__(self, plumber_page, page, fonts: dict):
        self.page = page
        self.pdf = plumber_page.pdf
        self.page_number = plumber_page.page_number
        self.width, self.height = plumber_page.width, plumber_page.height
        self.bbox = plumber_page.bbox
        self.initial_doctop = plumber_page.initial_doctop
        self.rotation = 0
        self.visible = self.unmapped = 0
        self._fonts = FontTable(plumber_page, fonts)
        chars = self._chars()
        self._objects = {"char": chars, "rect": [], "line": [], "curve": []}
        self._paths()

    @property
    def objects(self) -> dict:
        return self._objects

    def extract_words(self, **kwargs) -> list[dict]:
        return page_words(self.chars, **kwargs)

    def find_tables(self) -> list:
        return TableFinder(self, TableSettings.resolve(None)).tables

    def close(self) -> None:
        """Close pdfium's page and let go of its characters and paths: what
        the reader keeps of a page until the file is read (a ruled table
        refers to the page it was found on) would otherwise hold every
        page's character dicts at once, about 90 MB at the peak of a worker
        reading a 105-page pack."""
        self.page.close()
        self._objects = {"char": [], "rect": [], "line": [], "curve": []}

    # -- characters ---------------------------------------------------------

    def _chars(self) -> list[dict]:
        tp = self.page.get_textpage()
        try:
            self.text_count = nonspace_count(tp.get_text_range())
            return self._read_chars(tp.raw)
        finally:
            tp.close()

    def _read_chars(self, tp) -> list[dict]:
        """Every character pdfminer would see: the loop runs per glyph, so it
        makes as few calls into pdfium as it can (what is the same for a whole
        text object, its font and matrix, is asked once per object)."""
        tpa = ctypes.cast(tp, ctypes.c_void_p).value
        n = R.FPDFText_CountChars(tp)
        out: list[dict] = []
        append = out.append
        H, doctop0, page_no = self.height, self.initial_doctop, self.page_number
        ox, oy = ctypes.c_double(), ctypes.c_double()
        box = R.FS_RECTF()
        last_obj, obj_info = None, None
        # the per-glyph calls as locals: the loop runs about 2,000 times a page
        unicode_of, map_error, text_object, origin, loose_box = _unicode, _map_error, _text_object, _origin, _loose_box
        for i in range(n):
            u = unicode_of(tpa, i)
            if 32 < u < 0xD800 and u != 0xA0:  # most glyphs: no special case applies
                text = chr(u)
            else:
                text = _text_of(u)
                if text is None:
                    continue
                if (u <= 32 or u == 0xA0) and _generated(tpa, i) == 1:
                    if u == 32 and out and not out[-1]["text"].isspace():
                        append(_space_after(out[-1]))
                    continue  # a line break pdfium made up; pdfminer has no such glyph
                if 0xD800 <= u <= 0xDBFF and i + 1 < n:  # a surrogate pair: one character
                    text = (text + chr(unicode_of(tpa, i + 1))).encode("utf-16", "surrogatepass").decode("utf-16")
            if map_error(tpa, i) == 1:
                self.unmapped += 1
            obj = text_object(tpa, i)
            if obj != last_obj:
                last_obj, obj_info = obj, self._object_info(tp, i, obj)
            fontname, upright, plain, scale, drop, size = obj_info
            origin(tpa, i, ox, oy)
            loose_box(tpa, i, box)
            if plain:
                # pdfminer's box: from the origin across the advance, and from
                # baseline + descent up one font size
                x0 = ox.value
                y0 = oy.value + drop
                y1 = y0 + scale
                if y1 < y0:
                    y0, y1 = y1, y0
                x1 = box.right
                if x0 > x1:  # max(box.right, origin), as max() picks it
                    x1 = x0
            else:  # rotated or skewed glyphs: pdfium's loose box
                x0, x1, y0, y1 = box.left, box.right, box.bottom, box.top
            top = H - y1
            append({"text": text, "fontname": fontname, "size": size if size is not None else y1 - y0,
                    "upright": upright, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": top,
                    "bottom": H - y0, "doctop": doctop0 + top, "width": x1 - x0, "height": y1 - y0,
                    "object_type": "char", "page_number": page_no})
        # counted once here: the reader's census of the page is this one
        self.census = char_census(out)
        self.visible = self.census.visible
        return out

    def _object_info(self, tp, i: int, obj: int) -> tuple:
        """(font name, upright, axis-aligned, box height, descent drop, size or
        None) of the text object holding character ``i``."""
        fm = R.FS_MATRIX()
        R.FPDFText_GetMatrix(tp, i, fm)
        a, b, c, d = fm.a, fm.b, fm.c, fm.d
        fontname, descent, tf = self._fonts.info(ctypes.cast(ctypes.c_void_p(obj), R.FPDF_PAGEOBJECT))
        plain = b == 0 and c == 0
        return (fontname, a * d > 0 and b * c <= 0, plain, tf * d, descent * tf * d,
                None if plain else tf * math.hypot(c, d))

    # -- paths --------------------------------------------------------------

    def _paths(self) -> None:
        page = self.page.raw
        stack = [(R.FPDFPage_GetObject(page, k), IDENTITY, 0) for k in range(R.FPDFPage_CountObjects(page))]
        stack.reverse()
        while stack:
            obj, outer, depth = stack.pop()
            kind = R.FPDFPageObj_GetType(obj)
            if kind == R.FPDF_PAGEOBJ_PATH:
                self._path(obj, outer)
            elif kind == R.FPDF_PAGEOBJ_FORM and depth < 12:
                m = obj_matrix(obj)
                inner = mult(m, outer)
                kids = [(R.FPDFFormObj_GetObject(obj, k), inner, depth + 1)
                        for k in range(R.FPDFFormObj_CountObjects(obj))]
                stack.extend(reversed(kids))

    def _path(self, obj, outer: Matrix) -> None:
        fillmode, stroke = ctypes.c_int(), ctypes.c_int()
        if not R.FPDFPath_GetDrawMode(obj, fillmode, stroke):
            return
        fill = fillmode.value != R.FPDF_FILLMODE_NONE
        stroke = bool(stroke.value)
        if not fill and not stroke:
            return
        m = mult(obj_matrix(obj), outer)
        n = R.FPDFPath_CountSegments(obj)
        segs: list[tuple[str, float, float]] = []
        x, y = ctypes.c_float(), ctypes.c_float()
        for k in range(n):
            seg = R.FPDFPath_GetPathSegment(obj, k)
            t = R.FPDFPathSegment_GetType(seg)
            R.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = apply(m, x.value, y.value)
            op = "m" if t == R.FPDF_SEGMENT_MOVETO else "l" if t == R.FPDF_SEGMENT_LINETO else "c"
            segs.append((op, px, py))
            if R.FPDFPathSegment_GetClose(seg):
                segs.append(("h", px, py))
        style = {"stroke": stroke, "fill": fill, "evenodd": fillmode.value == R.FPDF_FILLMODE_ALTERNATE,
                 "linewidth": stroke_width(obj), "stroking_color": colour(obj, R.FPDFPageObj_GetStrokeColor),
                 "non_stroking_color": colour(obj, R.FPDFPageObj_GetFillColor)}
        for sub in subpaths(curves_joined(segs)):
            self._paint(sub, style)

    def _paint(self, path: list[tuple[str, float, float]], style: dict) -> None:
        """pdfminer's ``paint_path`` for one subpath: a line, a rect or a curve."""
        shape = "".join(p[0] for p in path)
        pts = [(p[1], p[2]) if p[0] != "h" else (path[0][1], path[0][2]) for p in path]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts.pop()
        if shape in ("mlh", "ml"):
            self._add("line", pts[:2], style)
        elif shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
            if pts[0] == pts[4] and square:
                self._add("rect", [pts[0], pts[2]], style)
            else:
                self._add("curve", pts, style)
        else:
            self._add("curve", pts, style)

    def _add(self, kind: str, pts: list[tuple[float, float]], style: dict) -> None:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        H = self.height
        top = H - y1
        d = {"object_type": kind, "page_number": self.page_number, "x0": x0, "y0": y0, "x1": x1, "y1": y1,
             "width": x1 - x0, "height": y1 - y0, "top": top, "bottom": H - y0,
             "doctop": self.initial_doctop + top, "pts": [(x, H - y) for x, y in pts], **style}
        self._objects[kind].append(d)
