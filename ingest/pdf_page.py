"""One PDF page into the reader's items: visual lines and ruled tables.

A page is read once: one word extraction and one table-finding pass
(pdfplumber's lattice finder on ruling lines); cell text, fill colours and
lines are all built from those objects. What happens across pages (furniture,
headings, tables continued over a break) is :mod:`.pdf_reader`'s; this module
knows one page only, so a page that fails here fails alone.
"""

from __future__ import annotations

from boardpack.core.model import Block
from boardpack.core.settings import Settings
from boardpack.ingest.pdf_blocks import Line, PageItems
from boardpack.ingest.pdf_census import glyph_census, looks_scanned, text_layer_unreadable, word_options
from boardpack.ingest.pdf_chars import use_fast_chars
from boardpack.ingest.pdf_fill_cells import blank_fill_words
from boardpack.ingest.pdf_lines import line_typography
from boardpack.ingest.pdf_tables import inside, page_fills, ruled_table_block
from boardpack.ingest.pdf_text_tables import split_segments
from boardpack.ingest.pdfium_page import PdfiumPage


def page_lines(words: list[dict], page_no: int) -> list[Line]:
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
        size, bold = line_typography(ln)
        line = Line(words=ln, page=page_no, size=size, bold=bold)
        line.segs = split_segments(ln, size or 10)
        out.append(line)
    return out


def horizontal_rules(page) -> list[tuple[float, float, float]]:
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


def read_page(page, page_no: int, settings: Settings) -> tuple[PageItems, bool]:
    """Items of one page, and whether it looks scanned."""
    items = PageItems(page_no, float(page.width), float(page.height))
    use_fast_chars(page)
    # Count on pdfminer's layout first (pdfplumber caches it for page.chars):
    # a page of glyph outlines or one big image is flagged without turning
    # thousands of curves into pdfplumber dicts.
    c = page.census if isinstance(page, PdfiumPage) else glyph_census(page.layout)
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
    # a column of cells shown only by their colour (no words) is a column too
    loose = [f for f in fills if not any(inside(_box(f.bbox), t.bbox) for t in tables)]
    words = sorted(words + blank_fill_words(words, loose), key=lambda w: (w["top"], w["x0"]))
    items.items = sorted(page_lines(words, page_no) + tables, key=item_top)
    items.rules = horizontal_rules(page)
    items.fills = fills
    return items, scanned


def _box(bbox) -> dict:
    return {"x0": bbox[0], "top": bbox[1], "x1": bbox[2], "bottom": bbox[3]}


def item_top(item) -> float:
    if isinstance(item, Block):
        return item.bbox[1]
    return item.top
