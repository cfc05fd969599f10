"""Ruled PDF tables: a pdfplumber lattice ``Table`` as a TABLE block.

Cell text comes from the page's words (the one extraction the reader already
did), each put in the cell holding its centre; merged cells are resolved and
each cell's fill colour is read from the filled rects under it. Spreadsheet
exports that shade whole columns are split back into rows of figures, and
rows without text (banding drawn as thin rects) are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional, Sequence

from boardpack.core.model import Block, Cell, Row
from boardpack.ingest.pdf_cells import Fill, fill_for, inside, is_bold_font, table_block, words_text

_NUMERIC_WORD = re.compile(r"^[-+(£$€]*\d[\d,.]*%?\)?$|^[-\u2013]$")


# -- ruled tables -------------------------------------------------------------------


def ruled_table_block(table, words: Sequence[dict], fills: Sequence[Fill], page_no: int) -> Optional[Block]:
    """A pdfplumber ``Table`` (lattice) as a TABLE block, or None if it holds no text.

    ``words`` are the page's words; each is put in the cell that holds its centre,
    so cell text comes from the one word extraction the reader already did.
    """
    table_rows = table.rows  # pdfplumber works rows and box out afresh at each call
    if not table_rows:
        return None
    grid = _RuledGrid(table, words, fills)
    out_rows = [row for r in table_rows if (row := grid.row(r, page_no)) is not None]
    if not grid.any_text or not out_rows:
        return None
    rows = _split_banded_rows(out_rows, grid.cell_words)
    kept = _drop_empty_rows(rows)
    text_bottom = max((w["bottom"] for ws in grid.cell_words.values() for w in ws), default=grid.bbox[3])
    block = table_block(kept, page_no, _kept_box(grid.bbox, rows, kept, text_bottom), grid.words, style="ruled")
    block.columns = grid.cols
    return block


def _kept_box(bbox, rows: list[Row], kept: list[Row], text_bottom: float):
    """The table's box down to the first row without text under its last row
    with text (or its cells' last words, if lower): words under a lattice that
    goes on below its rows (a shaded header band over a column of coloured
    status squares) are not in its cells and stay in the text flow."""
    if len(kept) == len(rows):
        return bbox
    last = max(i for i, r in enumerate(rows) if any(r is k for k in kept))
    if last + 1 < len(rows) and rows[last + 1].bbox:
        return (bbox[0], bbox[1], bbox[2], min(bbox[3], max(rows[last + 1].bbox[1], text_bottom)))
    return bbox


def ruled_columns(table) -> list[float]:
    """Column boundaries of a ruled table: every distinct cell edge (x)."""
    cells = [c for r in table.rows for c in r.cells if c]
    xs = sorted({round(c[0], 1) for c in cells} | {round(c[2], 1) for c in cells})
    cols: list[float] = []
    for x in xs:
        if not cols or x - cols[-1] > 2:
            cols.append(x)
    return cols


class _RuledGrid:
    """A lattice table's cells filled with the page's words, row by row,
    merged cells resolved (a cell spanning rows below leaves a ``continued``
    placeholder in each)."""

    def __init__(self, table, words: Sequence[dict], fills: Sequence[Fill]):
        self.cols = ruled_columns(table)
        self.ncols = max(len(self.cols) - 1, 1)
        self.fills = fills
        self.bbox = bbox = table.bbox
        self.words = sorted((w for w in words if inside(w, bbox)), key=lambda w: (w["top"] + w["bottom"]) / 2)
        self.cys = [(w["top"] + w["bottom"]) / 2 for w in self.words]
        self.cell_words: dict[int, list[dict]] = {}
        self.open_spans: dict[int, tuple[Cell, float]] = {}  # column -> (origin cell, its bottom)
        self.any_text = False

    def col_index(self, x: float) -> int:
        best = min(range(len(self.cols)), key=lambda i: abs(self.cols[i] - x))
        return min(best, self.ncols - 1)

    def words_in(self, bb) -> list[dict]:
        # words by centre: a bisect on the vertical centre, then the x test
        lo, hi = bisect_left(self.cys, bb[1]), bisect_right(self.cys, bb[3])
        return [w for w in self.words[lo:hi] if bb[0] <= (w["x0"] + w["x1"]) / 2 <= bb[2]]

    def row(self, r, page_no: int) -> Optional[Row]:
        cells_bb = [c for c in r.cells if c]
        if not cells_bb:
            return None
        rtop = min(c[1] for c in cells_bb)
        rbot = min(c[3] for c in cells_bb)
        line: list[Optional[Cell]] = [None] * self.ncols
        for bb in cells_bb:
            c0 = self.col_index(bb[0])
            cell = self.cell(bb, max(self.col_index(bb[2]), c0 + 1) - c0)
            if c0 < self.ncols:
                line[c0] = cell
            if bb[3] > rbot + 2:  # spans rows below
                self.open_spans[c0] = (cell, bb[3])
        return Row(cells=self.resolve(line, rtop), page=page_no, bbox=(self.bbox[0], rtop, self.bbox[2], rbot))

    def cell(self, bb, colspan: int) -> Cell:
        cw = self.words_in(bb)
        text = words_text(cw)
        self.any_text = self.any_text or bool(text)
        cell = Cell(text=text, fill=fill_for(bb, self.fills), colspan=colspan,
                    bold=bool(cw) and all(is_bold_font(w.get("fontname", "")) for w in cw))
        self.cell_words[id(cell)] = cw
        return cell

    def resolve(self, line: list[Optional[Cell]], rtop: float) -> list[Cell]:
        """The row's cells left to right: a gap under a cell spanning from a row
        above is that cell's placeholder, any other gap an empty cell."""
        cells: list[Cell] = []
        j = 0
        while j < self.ncols:
            c = line[j]
            span = self.open_spans.get(j)
            if c is None and span and span[1] > rtop + 2 and all(x is not span[0] for x in cells):
                span[0].rowspan += 1
                c = Cell(continued=True, colspan=span[0].colspan)
            cells.append(c or Cell())
            j += c.colspan if c else 1
        return cells


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
