"""A breakdown table whose row names are printed in the table beside it.

A budget "by directorate" is often printed as a grid of figures with one
column per directorate and no row names: the names, and the total of each
row, stand in the table next to it ("Pay | Core | External | Total"). A PDF
reader gives the two as separate tables. Read alone the grid has amounts and
no items, so nothing of it can be named.

The grid takes the row names of a neighbouring table (the next or previous
table of the paper, only short text between) when both have the same number
of rows with amounts and, row by row, the grid's figures add across to the
neighbour's last amount column (its total), within the rounding printed, for
nine rows in ten: then they are one statement's rows, and the grid is read
with those names, in the neighbour's unit when it states none.
"""

from __future__ import annotations

from typing import Optional

from boardpack.core.model import TABLE, Block, Cell, Document, Paper, Row
from boardpack.core.numbers import parse_money
from boardpack.core.textnorm import one_line
from boardpack.extractors.budget_labels import decimals
from boardpack.extractors.budgets_columns import amounts_in
from boardpack.extractors.numeric_tables import TableLayout, analyse


def _amount_rows(lay: TableLayout, cols: list[int]) -> list[int]:
    """Body rows holding an amount in any of ``cols``."""
    return [r for r in lay.body_rows if any(amounts_in(lay.cell(r, c)) for c in cols if one_line(lay.cell(r, c)))]


def _across(lay: TableLayout, r: int, cols: list[int]) -> Optional[tuple[float, int]]:
    """The sum across row ``r`` of a grid (a cell of several amounts counts by its last, the
    group's total) and the number of figures added; None when a cell is not amounts."""
    total, n, places = 0.0, 0, 0
    for c in cols:
        parts = amounts_in(lay.cell(r, c)) if one_line(lay.cell(r, c)) else []
        if parts is None:
            return None
        if parts:
            v = parse_money(parts[-1])
            total += v or 0.0
            n += 1
            places = max(places, decimals(parts[-1]))
    return total, n, places


def _neighbours(doc: Document, block: Block, paper: Paper, reach: int = 4) -> list[Block]:
    """The tables just after and just before ``block`` in the paper, with at most ``reach`` short blocks between."""
    out = []
    for step in (1, -1):
        i, seen = block.index + step, 0
        while paper.start <= i <= paper.end and seen <= reach:
            b = doc.blocks[i]
            if b.kind == TABLE:
                out.append(b)
                break
            if b.kind != "page_break" and len(b.norm or "") > 120:
                break
            seen += 1
            i += step
    return out


def _names_for(grid: TableLayout, other: TableLayout) -> Optional[dict[int, str]]:
    """Row names of ``other`` for the grid's amount rows when the grid adds across to its total column."""
    if other.label_col is None or not other.value_cols:
        return None
    cols = [c.index for c in grid.columns]
    rows = _amount_rows(grid, cols)
    total_col = other.value_cols[-1].index
    named = [r for r in other.body_rows if parse_money(other.cell(r, total_col)) is not None]
    if len(rows) < 3 or len(rows) != len(named):
        return None
    agree = 0
    for r, o in zip(rows, named):
        across = _across(grid, r, cols)
        stated = parse_money(other.cell(o, total_col))
        if across is None or stated is None:
            continue
        s, n, places = across
        if abs(s - stated) <= 0.5 * 10 ** -places * (n + 1):
            agree += 1
    if agree < 0.9 * len(rows):
        return None
    return {r: one_line(other.cell(o, other.label_col)) for r, o in zip(rows, named)}


def names_beside(doc: Document, block: Block, paper: Paper, lay: TableLayout,
                 cache: dict) -> Optional[tuple[dict[int, str], int]]:
    """Row names (by grid row) for a table with none of its own, taken from the table beside
    it when the rows agree (see the module), with the neighbour's scale; None otherwise.
    ``cache`` holds the paper's table analyses (the neighbour's unit is read there)."""
    if lay.label_col is not None:
        rows = _amount_rows(lay, [c.index for c in lay.columns if c.index != lay.label_col])
        if any(amounts_in(lay.cell(r, lay.label_col)) is None for r in rows if one_line(lay.cell(r, lay.label_col))):
            return None  # a column of words names the rows with amounts already
    for nb in _neighbours(doc, block, paper):
        hit = cache.get(("numeric_tables", nb.index))
        other = hit[0] if hit else analyse(nb)
        names = _names_for(lay, other) if other is not None else None
        if names:
            return names, other.scale
    return None


def with_names(lay: TableLayout, found: tuple[dict[int, str], int]) -> TableLayout:
    """``lay`` read again with a first column of row names (``found`` from :func:`names_beside`)."""
    names, scale = found
    header = set(lay.header_rows)
    rows = []
    for r, cells in enumerate(lay.grid):
        src = lay.block.rows[r] if r < len(lay.block.rows) else None
        rows.append(Row(cells=[Cell(text=names.get(r, ""))] + [Cell(text=x) for x in cells],
                        page=lay.row_page(r), is_header=r in header or bool(src and src.is_header)))
    blk = Block(kind=TABLE, rows=rows, page=lay.block.page)
    blk.index = lay.block.index
    new = analyse(blk)
    if new is None or new.label_col != 0 or not new.value_cols:
        return lay
    new.title = lay.title
    new.scale = lay.scale if lay.scale != 1 else scale
    return new
