"""PDF tables continued over a page break, joined into one block.

A table whose columns line up with the table above the break (between them
only the page break and page furniture) continues it: its rows are appended
and keep their own pages, a repeated header row is dropped, and a row split
across the break is merged back together.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from boardpack.core.model import HEADING, PAGE_BREAK, PARAGRAPH, TABLE, Block, Cell, Row
from boardpack.core.settings import DEFAULT, PdfSettings
from boardpack.core.textnorm import normalise
from boardpack.ingest.pdf_cells import table_block_text


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
    fills cells the row above has text in, opens no new item in a column whose
    rows open with ids ("4.5b ..." under "4.5a ..."), and either the first part stops
    mid-sentence, the second starts in lower case, or the column's rows all
    start with an id ("1.3a ...") and this one does not. When the first cell
    goes on too (a long label cut by the break), only a sentence cut midway
    tells: every cell of the second part continues one that stops without a
    full stop, in lower case.
    """
    last = rows[-1]
    if not first.cells or len(first.cells) != len(last.cells):
        return False
    pairs = [(k, a.norm, b.norm) for k, (a, b) in enumerate(zip(last.cells, first.cells)) if b.norm]
    if not pairs or not all(a for _, a, _ in pairs):
        return False
    if first.cells[0].norm:
        return all(not _END_PUNCT.search(a) and b[:1].islower() for _, a, b in pairs)
    ids = [k for k, _, _ in pairs if _id_column(rows, k)]
    if any(_ROW_ID.match(b) for k, _, b in pairs if k in ids):
        return False  # a new item ("4.5b ...") where the column's rows open with theirs
    if all(not _END_PUNCT.search(a) or b[:1].islower() for _, a, b in pairs):
        return True
    return bool(ids)


def _id_column(rows: list[Row], k: int) -> bool:
    """Do the cells of column ``k`` open with an item's id ("1.3a ...")?"""
    col = [r.cells[k].norm for r in rows if len(r.cells) > k and r.cells[k].norm and not r.is_header]
    return len(col) >= 3 and sum(1 for t in col if _ROW_ID.match(t)) >= 0.8 * len(col)


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
    for b in attach_header_bands(blocks, pdf.table_edge_tolerance):
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


def attach_header_bands(blocks: list[Block], edge: float) -> list[Block]:
    """A header set apart above a table's rows (a shaded or bold band the
    lattice finder took for a one-row table of its own, over rows without
    rulings) heads the table below it when its columns line up with the
    rows' (boundaries within ``edge`` points); a one-line heading between
    them is a group row of that table (a merged row across it)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        j = i + 1
        while (j < len(blocks) and j - i <= 2 and blocks[j].kind in (PARAGRAPH, HEADING)
               and blocks[j].page == b.page and "\n" not in blocks[j].text.strip()):
            j += 1
        places = (_places(b, blocks[j], edge) if b.kind == TABLE and len(b.rows) == 1 and _header_band(b.rows[0])
                  and j < len(blocks) and blocks[j].kind == TABLE and blocks[j].page == b.page else None)
        if places is not None:
            _spread(blocks[j], places, b.n_cols)
            _head(blocks[j], b, blocks[i + 1 : j])
            out.append(blocks[j])
            i = j + 1
            continue
        out.append(b)
        i += 1
    return out


def _header_band(row: Row) -> bool:
    filled = [c for c in row.cells if c.norm]
    return len(filled) >= 2 and (all(c.bold for c in filled) or len({c.fill for c in row.cells} - {None}) == 1
                                 and all(c.fill for c in row.cells))


def _places(band: Block, t: Block, edge: float) -> Optional[list[int]]:
    """For each column of ``t``, the band's column it stands under (its text
    starting at most ``edge`` points right of the band's cell edge), when every
    column of ``t`` has one, left to right: a page of the table may leave a
    column empty (no words, so no column of its own)."""
    ca, cb = getattr(band, "columns", None), getattr(t, "columns", None)
    if not ca or not cb or len(cb) > len(ca) or band.n_cols != len(ca) - 1 or t.n_cols != len(cb) - 1:
        return None
    places: list[int] = []
    for x in cb[:-1]:
        k = next((k for k in range(len(ca) - 1) if ca[k] - edge < x < ca[k + 1] and x - ca[k] < edge), None)
        if k is None or (places and k <= places[-1]):
            return None
        places.append(k)
    return places


def _spread(t: Block, places: list[int], n: int) -> None:
    """The rows of ``t`` laid out in ``n`` columns, each cell under its place."""
    if places == list(range(n)):
        return
    for r in t.rows:
        if len(r.cells) != len(places):
            continue
        cells = [Cell() for _ in range(n)]
        for c, k in zip(r.cells, places):
            cells[k] = c
        r.cells = cells


def _head(t: Block, band: Block, labels: list[Block]) -> None:
    header = band.rows[0]
    header.is_header = True
    groups = [Row(cells=[Cell(text=p.text, colspan=t.n_cols)], page=p.page, bbox=p.bbox) for p in labels]
    t.rows = [header] + groups + t.rows
    t.bbox = (min(band.bbox[0], t.bbox[0]), band.bbox[1], max(band.bbox[2], t.bbox[2]), t.bbox[3])
    t.text, t.norm = table_block_text(t)


def _header_remnant(row: Row, header: Row) -> bool:
    """Is ``row`` what is left of the table's header repeated on a later page, once
    its first line was taken for a running header ("r" of a "Numbe / r" heading
    wrapped in a narrow column)? Set as a header, each of its cells is a tail of
    the header's cell above it."""
    if not header.is_header or not row.is_header or len(row.cells) != len(header.cells):
        return False
    pairs = [(a.norm, b.norm) for a, b in zip(header.cells, row.cells) if b.norm]
    return bool(pairs) and all(a != b and a.endswith(b) for a, b in pairs)


def _append_table(a: Block, b: Block) -> None:
    rows = list(b.rows)
    if rows and a.rows and _row_key(rows[0]) == _row_key(a.rows[0]):
        a.rows[0].is_header = True
        rows = rows[1:]
    elif rows and a.rows and _header_remnant(rows[0], a.rows[0]):
        rows = rows[1:]
    if rows and a.rows and _is_split_row(a.rows, rows[0]):
        _merge_rows(a.rows[-1], rows[0])
        rows = rows[1:]
    a.rows.extend(rows)
    a.page_end = b.page_end or b.page
    a.text, a.norm = table_block_text(a)
