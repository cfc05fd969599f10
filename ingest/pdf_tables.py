"""Tables in PDF pages: ruled (pdfplumber's lattice finder), text-aligned, and
tables continued over page breaks.

Everything here works on objects the PDF reader has already extracted once per
page (words, filled rects, pdfplumber ``Table`` objects), so finding a table
never re-extracts text: the bare ``extract_text`` + ``extract_tables`` pass is
the speed budget (issue 2's benchmark).

* :func:`ruled_table_block` turns a pdfplumber ``Table`` into a TABLE block,
  resolving merged cells and reading each cell's fill colour from the filled
  rects under it (RAG status is often shown only as colour).
* Tables without ruling lines are found in :mod:`.pdf_text_tables`.
* :func:`join_split_tables` joins a table continued on the next page into one
  block whose rows keep their own pages: a repeated header row is dropped and
  a row split across the break is merged back together.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from boardpack.core.model import PAGE_BREAK, TABLE, Block, Cell, Row
from boardpack.core.settings import DEFAULT, PdfSettings
from boardpack.core.textnorm import normalise

BBox = tuple[float, float, float, float]

_NUMERIC_WORD = re.compile(r"^[-+(£$€]*\d[\d,.]*%?\)?$|^[-\u2013]$")


# -- colours ----------------------------------------------------------------------


def colour_hex(colour) -> Optional[str]:
    """pdfminer non-stroking colour (gray, RGB or CMYK tuple) as "#rrggbb"."""
    if colour is None:
        return None
    if isinstance(colour, (int, float)):
        colour = (colour,)
    try:
        vals = [float(v) for v in colour]
    except (TypeError, ValueError):  # pattern colour spaces give names
        return None
    if any(v < 0 or v > 1.0001 for v in vals):
        if all(0 <= v <= 255 for v in vals):
            vals = [v / 255 for v in vals]
        else:
            return None
    if len(vals) == 1:
        r = g = b = vals[0]
    elif len(vals) == 3:
        r, g, b = vals
    elif len(vals) == 4:
        c, m, y, k = vals
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "#" + "".join(f"{max(0, min(255, round(v * 255))):02x}" for v in (r, g, b))


@dataclass
class Fill:
    bbox: BBox
    colour: str

    @property
    def area(self) -> float:
        x0, t, x1, b = self.bbox
        return (x1 - x0) * (b - t)


def page_fills(rects: Sequence[dict]) -> list[Fill]:
    """Filled, non-white rects of a page (cell shading), from ``page.rects``."""
    out = []
    for r in rects:
        if not r.get("fill"):
            continue
        col = colour_hex(r.get("non_stroking_color"))
        if col is None or col == "#ffffff":
            continue
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        # Thin filled rects are how many producers draw ruling lines, not shading.
        if w < 3 or h < 3:
            continue
        out.append(Fill((r["x0"], r["top"], r["x1"], r["bottom"]), col))
    return out


def fill_for(bbox: BBox, fills: Sequence[Fill]) -> Optional[str]:
    """Colour of the smallest fill covering most of ``bbox`` (None when unshaded)."""
    x0, t, x1, b = bbox
    area = max((x1 - x0) * (b - t), 1e-6)
    best = None
    for f in fills:
        fx0, ft, fx1, fb = f.bbox
        ix = min(x1, fx1) - max(x0, fx0)
        iy = min(b, fb) - max(t, ft)
        if ix <= 0 or iy <= 0 or ix * iy < 0.5 * area:
            continue
        if best is None or f.area < best.area:
            best = f
    return best.colour if best else None


# -- words to cell text -------------------------------------------------------------


def words_text(words: Sequence[dict]) -> str:
    """Words (already in one cell) as text, one output line per visual line."""
    if not words:
        return ""
    ws = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for w in ws:
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= max(2.0, 0.5 * (w["bottom"] - w["top"])):
            lines[-1].append(w)
        else:
            lines.append([w])
    return "\n".join(" ".join(x["text"] for x in sorted(ln, key=lambda w: w["x0"])) for ln in lines)


def _centre(w: dict) -> tuple[float, float]:
    return (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2


def inside(w: dict, bbox: BBox, pad: float = 0.5) -> bool:
    cx, cy = _centre(w)
    return bbox[0] - pad <= cx <= bbox[2] + pad and bbox[1] - pad <= cy <= bbox[3] + pad


_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b$|-b$", re.I)


def is_bold_font(fontname: str) -> bool:
    return bool(_BOLD.search(fontname or ""))


# -- ruled tables -------------------------------------------------------------------


def ruled_table_block(table, words: Sequence[dict], fills: Sequence[Fill], page_no: int) -> Optional[Block]:
    """A pdfplumber ``Table`` (lattice) as a TABLE block, or None if it holds no text.

    ``words`` are the page's words; each is put in the cell that holds its centre,
    so cell text comes from the one word extraction the reader already did.
    """
    rows = table.rows
    if not rows:
        return None
    # Column boundaries: every distinct cell x0/x1 in the table.
    xs = sorted({round(c[0], 1) for r in rows for c in r.cells if c} |
                {round(c[2], 1) for r in rows for c in r.cells if c})
    cols: list[float] = []
    for x in xs:
        if not cols or x - cols[-1] > 2:
            cols.append(x)
    ncols = max(len(cols) - 1, 1)

    def col_index(x: float) -> int:
        best = min(range(len(cols)), key=lambda i: abs(cols[i] - x))
        return min(best, ncols - 1)

    tb = table.bbox
    twords = sorted((w for w in words if inside(w, tb)), key=lambda w: (w["top"] + w["bottom"]) / 2)
    cys = [(w["top"] + w["bottom"]) / 2 for w in twords]

    def cell_words(bb) -> list[dict]:
        # words by centre: a bisect on the vertical centre, then the x test
        lo, hi = bisect_left(cys, bb[1]), bisect_right(cys, bb[3])
        return [w for w in twords[lo:hi] if bb[0] <= (w["x0"] + w["x1"]) / 2 <= bb[2]]

    out_rows: list[Row] = []
    cell_ws: dict[int, list[dict]] = {}
    # Cells that span rows: (col) -> (origin Cell, bottom y)
    open_spans: dict[int, tuple[Cell, float]] = {}
    any_text = False
    for r in rows:
        cells_bb = [c for c in r.cells if c]
        if not cells_bb:
            continue
        rtop = min(c[1] for c in cells_bb)
        rbot = min(c[3] for c in cells_bb)
        line: list[Optional[Cell]] = [None] * ncols
        for bb in cells_bb:
            c0 = col_index(bb[0])
            c1 = max(col_index(bb[2]), c0 + 1)
            cw = cell_words(bb)
            text = words_text(cw)
            any_text = any_text or bool(text)
            cell = Cell(text=text, fill=fill_for(bb, fills), colspan=c1 - c0,
                        bold=bool(cw) and all(is_bold_font(w.get("fontname", "")) for w in cw))
            cell_ws[id(cell)] = cw
            if c0 < ncols:
                line[c0] = cell
            if bb[3] > rbot + 2:  # spans rows below
                open_spans[c0] = (cell, bb[3])
        cells: list[Cell] = []
        j = 0
        while j < ncols:
            c = line[j]
            if c is not None:
                cells.append(c)
                j += c.colspan
                continue
            span = open_spans.get(j)
            if span and span[1] > rtop + 2 and all(c is not span[0] for c in cells):
                origin = span[0]
                origin.rowspan += 1
                ph = Cell(continued=True, colspan=origin.colspan)
                cells.append(ph)
                j += origin.colspan
                continue
            cells.append(Cell())
            j += 1
        bbox = (tb[0], rtop, tb[2], rbot)
        out_rows.append(Row(cells=cells, page=page_no, bbox=bbox))
    if not any_text or not out_rows:
        return None
    out_rows = _drop_empty_rows(_split_banded_rows(out_rows, cell_ws))
    return table_block(out_rows, page_no, tb, twords, style="ruled")


def _split_banded_rows(rows: list[Row], cell_ws: dict[int, list[dict]]) -> list[Row]:
    """Split rows whose cells are really whole columns of figures.

    Spreadsheet exports shade each column with one tall rect and draw no row
    rules, so the lattice finder sees one "row" whose cells hold a column of
    numbers each. When two or more cells hold four or more lines, mostly
    figures, on shared baselines, each baseline becomes a row of its own.
    (Wrapped prose in an action plan also shares baselines, but is not figures.)
    """
    out: list[Row] = []
    for r in rows:
        per_cell = [(c, _visual_lines(cell_ws.get(id(c), []))) for c in r.cells]
        figures = [ls for _, ls in per_cell
                   if len(ls) >= 4 and sum(1 for ln in ls if all(_NUMERIC_WORD.match(w["text"]) for w in ln)) >= 0.6 * len(ls)]
        if len(figures) < 2:
            out.append(r)
            continue
        tops: list[float] = []
        for _, ls in per_cell:
            for ln in ls:
                tops.append(ln[0]["top"])
        tops.sort()
        bands: list[float] = []
        for t in tops:
            if not bands or t - bands[-1] > 2.0:
                bands.append(t)
        a, b = figures[0], figures[1]
        shared = sum(1 for ln in a if any(abs(ln[0]["top"] - m[0]["top"]) <= 2.0 for m in b))
        if shared < 0.7 * min(len(a), len(b)):
            out.append(r)
            continue
        for k, t in enumerate(bands):
            hi = bands[k + 1] if k + 1 < len(bands) else float("inf")
            cells = []
            for c, ls in per_cell:
                ws = [w for ln in ls for w in ln if t - 0.5 <= w["top"] < hi - 0.5]
                cells.append(Cell(text=words_text(ws), fill=c.fill, colspan=c.colspan, continued=c.continued and k > 0,
                                  bold=bool(ws) and all(is_bold_font(w.get("fontname", "")) for w in ws)))
            bottom = max((w["bottom"] for c, ls in per_cell for ln in ls for w in ln if t - 0.5 <= w["top"] < hi - 0.5),
                         default=t)
            bbox = (r.bbox[0], t, r.bbox[2], bottom) if r.bbox else None
            out.append(Row(cells=cells, page=r.page, bbox=bbox))
    return out


def _visual_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= max(2.0, 0.5 * (w["bottom"] - w["top"])):
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _drop_empty_rows(rows: list[Row]) -> list[Row]:
    """Rows without any text go: spreadsheet exports draw gradients and
    banding as dozens of thin rects, which the lattice finder takes for rows.
    Row spans are recounted so merged cells stay consistent."""
    kept = [r for r in rows if any(c.text for c in r.cells)]
    if len(kept) == len(rows):
        return rows
    for i, r in enumerate(kept):
        for j, c in enumerate(r.cells):
            if c.rowspan > 1:
                n = 1
                for below in kept[i + 1 :]:
                    if j < len(below.cells) and below.cells[j].continued:
                        n += 1
                    else:
                        break
                c.rowspan = n
    return kept


def table_block(rows: list[Row], page_no: int, bbox: BBox, words: Sequence[dict], style: str) -> Block:
    first = rows[0]
    filled = [c for c in first.cells if c.text]
    if len(rows) > 1 and filled and all(c.bold for c in filled):
        first.is_header = True
    elif len(rows) > 1 and filled:
        # a shaded header band: every cell of the first row in one colour the next row lacks
        fills = {c.fill for c in first.cells if not c.continued}
        nxt = {c.fill for c in rows[1].cells}
        if len(fills) == 1 and None not in fills and not fills & nxt:
            first.is_header = True
        # column labels: every cell filled with a few words and no figures
        elif (len(filled) == len(first.cells) >= 2
              and all(len(c.norm.split()) <= 5 and len(c.norm) <= 40 and not re.search(r"\d", c.norm) for c in filled)
              and any(len(c.norm) > 12 or re.search(r"\d", c.norm) for r in rows[1:3] for c in r.cells)):
            first.is_header = True
    text = "\n".join(" | ".join(c.text.replace("\n", " ") for c in r.cells) for r in rows)
    sizes = [w.get("size") for w in words if w.get("size")]
    return Block(kind=TABLE, text=text, page=page_no, bbox=tuple(round(v, 2) for v in bbox),
                 rows=rows, style=style, font_size=round(max(set(sizes), key=sizes.count), 1) if sizes else None)


def table_block_text(b: Block) -> tuple[str, str]:
    text = "\n".join(" | ".join(c.text.replace("\n", " ") for c in r.cells) for r in b.rows)
    return text, normalise(text)


# -- tables continued over a page break ----------------------------------------------

_END_PUNCT = re.compile(r"[.!?]\s*$")
_ROW_ID = re.compile(r"^\(?\d+(?:\.\d+)*[a-z]?\b")


def _same_columns(a: Block, b: Block, edge: float) -> bool:
    """Do two tables have the same columns, their edges within ``edge`` points?"""
    if a.n_cols != b.n_cols or not a.bbox or not b.bbox or abs(a.bbox[0] - b.bbox[0]) >= edge:
        return False
    if abs(a.bbox[2] - b.bbox[2]) < edge:
        return True
    # a borderless table's right edge is wherever its longest line ends
    width = max(a.bbox[2] - a.bbox[0], b.bbox[2] - b.bbox[0], 1.0)
    text_aligned = "text-aligned" in (a.style, b.style)
    return text_aligned and abs(a.bbox[2] - b.bbox[2]) < 0.2 * width


def _row_key(r: Row) -> tuple[str, ...]:
    return tuple(" ".join(c.norm.split()).lower() for c in r.cells)


def _is_split_row(rows: list[Row], first: Row) -> bool:
    """Is ``first`` (top of the next page) the rest of ``rows[-1]`` (bottom of this page)?

    Word/LibreOffice let a row break across pages; its first cell (the number)
    usually fits on the first page, so the continuation has an empty first
    cell, like a genuine continuation row. Tell them apart: the split part only
    fills cells the row above has text in, and either the first part stops
    mid-sentence, the second starts in lower case, or the column's rows all
    start with an id ("1.3a ...") and this one does not.
    """
    last = rows[-1]
    if not first.cells or first.cells[0].norm or len(first.cells) != len(last.cells):
        return False
    pairs = [(k, a.norm, b.norm) for k, (a, b) in enumerate(zip(last.cells, first.cells)) if b.norm]
    if not pairs or not all(a for _, a, _ in pairs):
        return False
    if all(not _END_PUNCT.search(a) or b[:1].islower() for _, a, b in pairs):
        return True
    for k, _, b in pairs:
        col = [r.cells[k].norm for r in rows if len(r.cells) > k and r.cells[k].norm and not r.is_header]
        ids = sum(1 for t in col if _ROW_ID.match(t))
        if len(col) >= 3 and ids >= 0.8 * len(col) and not _ROW_ID.match(b):
            return True
    return False


def _merge_rows(last: Row, first: Row) -> None:
    for a, b in zip(last.cells, first.cells):
        if b.text:
            a.text = f"{a.text}\n{b.text}" if a.text else b.text
            a.norm = normalise(a.text)
        if a.fill is None:
            a.fill = b.fill


def join_split_tables(blocks: list[Block], skippable: Callable[[Block], bool],
                      pdf: PdfSettings = DEFAULT.pdf) -> list[Block]:
    """Join each table continued at the top of the next page into the table before it.

    Between the two parts only a PAGE_BREAK and ``skippable`` blocks (page
    furniture candidates) may stand; those stay in the list where they are.
    """
    out: list[Block] = []
    last_table: Optional[Block] = None  # table that may continue
    between: list[Block] = []
    crossed = False
    for b in blocks:
        if b.kind == TABLE:
            if last_table is not None and crossed and _same_columns(last_table, b, pdf.table_edge_tolerance):
                _append_table(last_table, b)
                out.extend(between)
                between, crossed = [], False
                continue
            out.extend(between)
            between, crossed = [], False
            out.append(b)
            last_table = b
            continue
        if last_table is not None and (b.kind == PAGE_BREAK or skippable(b)):
            crossed = crossed or b.kind == PAGE_BREAK
            between.append(b)
            continue
        out.extend(between)
        between, crossed = [], False
        last_table = None
        out.append(b)
    out.extend(between)
    return out


def _append_table(a: Block, b: Block) -> None:
    rows = list(b.rows)
    if rows and a.rows and _row_key(rows[0]) == _row_key(a.rows[0]):
        a.rows[0].is_header = True
        rows = rows[1:]
    if rows and a.rows and _is_split_row(a.rows, rows[0]):
        _merge_rows(a.rows[-1], rows[0])
        rows = rows[1:]
    a.rows.extend(rows)
    a.page_end = b.page_end or b.page
    a.text, a.norm = table_block_text(a)
