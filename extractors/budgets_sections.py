"""A budget table printed in sections, each under its own header row.

Parish and small-body accounts often print income and expenditure as one
grid: the income lines under "Details | Receipt | Income", then a heading row
("EXPENDITURE") and a second header row ("Details | Payment | Expenditure |
Budget 2016/17") over the spending lines, each section closed by its own
"Totals" row. Read as one table, the second header row is an item named
"Details" and every spending amount is measured by the income headers.

A body row is a section's header row when it holds words in at least two
amount columns and no amount anywhere; the section runs to the next such row.
Each section is read as a table of its own, whose headers are that row's
words (a cell it leaves blank keeps the header above it in the first header
row), and is named by the heading row just above it (the first section by
the table's title). A bare "Total(s)" row of a sectioned table is named by
its section ("INCOME Totals"), as a reader would say it.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import TABLE, Block, Cell, Row
from boardpack.core.numbers import parse_value
from boardpack.core.textnorm import one_line
from boardpack.extractors.numeric_tables import TableLayout, analyse

#: a total row named by nothing but the word (its section says what it totals)
BARE_TOTAL = re.compile(r"^\s*(?:grand\s+)?totals?\s*:?\s*$", re.I)


class Section:
    """One section of a budget table: its layout and the name its totals take."""

    __slots__ = ("layout", "name")

    def __init__(self, layout: TableLayout, name: Optional[str]) -> None:
        self.layout = layout
        self.name = name


def _is_header_again(lay: TableLayout, r: int) -> bool:
    """Whether body row ``r`` is a header row: words in two or more amount columns, no amount anywhere."""
    row = lay.grid[r]
    worded = 0
    for c in lay.value_cols:
        cell = one_line(row[c.index] if c.index < len(row) else "")
        if not cell:
            continue
        if parse_value(cell).kind != "text":
            return False
        if re.search(r"[A-Za-z]", cell):  # a period such as "2016/17" may stand beside the words
            worded += 1
    if worded < 2:
        return False
    return all(parse_value(x).kind in ("text", "null") for x in row)


def _heading_row(lay: TableLayout, r: int) -> Optional[str]:
    """The text of a row holding one short phrase and nothing else (a section heading), else None."""
    cells = [one_line(x) for x in lay.grid[r] if one_line(x)]
    if len(cells) != 1 or len(cells[0].split()) > 6 or parse_value(cells[0]).kind != "text":
        return None
    return cells[0].rstrip(":")


def _block(lay: TableLayout, rows: list[int], header: Optional[int]) -> Block:
    """Grid rows of ``lay`` as a table block; ``header`` (a body row) becomes its header row,
    its blank cells taking the first header row's words."""
    out = []
    for r in rows:
        cells = lay.grid[r]
        if r == header:
            cells = [x if one_line(x) else (lay.columns[c].header if c < len(lay.columns) else "")
                     for c, x in enumerate(cells)]
        src = lay.block.rows[r] if r < len(lay.block.rows) else None
        out.append(Row(cells=[Cell(text=x) for x in cells], page=lay.row_page(r),
                       is_header=r == header or bool(src and src.is_header and header is None)))
    blk = Block(kind=TABLE, rows=out, page=lay.block.page)
    blk.index = lay.block.index
    return blk


def sections(lay: TableLayout) -> list[Section]:
    """The sections of a budget table (just the table, unnamed, when it has one)."""
    body = lay.body_rows
    splits = [k for k, r in enumerate(body) if k > 0 and _is_header_again(lay, r)]
    if not splits or not lay.value_cols:
        return [Section(lay, None)]
    bounds = [0] + splits + [len(body)]
    first_body = body[0]
    parts: list[Section] = []
    pending: Optional[str] = None
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        own = body[lo:hi]
        end = hi
        # a heading row just above the next header row names the next section, not this one
        nxt_name = _heading_row(lay, body[hi - 1]) if hi < len(body) and hi - 1 > lo else None
        if nxt_name is not None:
            own = own[:-1]
        if k == 0:
            rows = list(range(0, first_body)) + own
            blk = _block(lay, rows, None)
            name = lay.title if lay.title and len(lay.title.split()) <= 4 else None
        else:
            blk = _block(lay, own, own[0])
            name = pending
        pending = nxt_name  # the name of the section after this one
        part = analyse(blk)
        if part is None or not part.value_cols or end - lo < 2:
            return [Section(lay, None)]
        part.title = lay.title
        if part.scale == 1:
            part.scale = lay.scale
        parts.append(Section(part, name))
    return parts
