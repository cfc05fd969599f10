"""Amount columns a PDF's text layer ran together into one column.

A statement printed with narrow gaps between its last columns ("Charges for
Services | Operating Grants | Capital Grants | Net (Expense) Revenue") can
reach the table reader as one column whose every cell holds the same number
of amounts ("19,286 - - (1,621,306)"), with the column names stacked in its
header cell one word per column and line ("Charges Operating Capital
Government" over "Services Contributions Contributions Activities").

A column is read as ``k`` columns when its filled body cells (at least two)
are amounts, nine in ten of them exactly ``k`` side by side and none more (a
currency sign printed apart from its figure is the column's; "-" is a nil),
``k`` >= 2; a cell with fewer, where a blank was lost, is not shared out:
each part shows it whole, as an amount that could not be read. Its
headers are the header lines of exactly ``k`` words, one word to each part,
and a shorter line over them (a group heading) heads every part, joined down
the lines as any stacked header is. A table with no such column is unchanged.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import TABLE, Block, Cell, Row
from boardpack.core.numbers import parse_value
from boardpack.core.textnorm import one_line
from boardpack.extractors.numeric_tables import TableLayout, analyse

_CURRENCY_ALONE = re.compile(r"^[£$€]$")


def amounts_in(cell: str) -> Optional[list[str]]:
    """The amounts a cell holds side by side ("150 $ - $ (650,889)" -> ["150", "-", "(650,889)"]),
    or None when anything in it is not an amount. A currency sign printed apart
    before a figure is the column's, not a part of its own."""
    parts: list[str] = []
    sign = False
    for tok in one_line(cell).split():
        if _CURRENCY_ALONE.match(tok):
            if sign:
                return None
            sign = True
            continue
        sign = False
        if parse_value(tok).kind not in ("money", "number", "null") or not re.search(r"[\d\-–]", tok):
            return None
        parts.append(tok)
    return None if sign else parts


def _lead_rows(lay: TableLayout, c: int) -> set[int]:
    """Body rows above the first amount in column ``c`` whose cell is words: header lines
    the layout took for body rows (a header stacked over several rows)."""
    out = set()
    for r in lay.body_rows:
        cell = one_line(lay.cell(r, c))
        if cell and amounts_in(cell):  # ("£000s £000s" is a unit line of the header, not amounts)
            break
        out.add(r)
    return out


def _run_width(lay: TableLayout, c: int) -> int:
    """How many amounts the filled body cells of column ``c`` hold side by side: the width
    nearly all of them share (a cell or two with fewer, where the text layer dropped a
    blank, are left whole); 0 when that is under two or any cell is not amounts."""
    widths: list[int] = []
    lead = _lead_rows(lay, c)
    for r in lay.body_rows:
        cell = lay.cell(r, c)
        if r in lead or not one_line(cell):
            continue
        parts = amounts_in(cell)
        if parts is None:
            return 0
        widths.append(len(parts))
    if len(widths) < 2:
        return 0
    k = max(set(widths), key=widths.count)
    if k < 2 or any(w > k for w in widths) or widths.count(k) < 0.9 * len(widths):
        return 0
    return k


def _split_words(text: str, k: int) -> list[str]:
    """A header line of ``k`` words as one word per part ("Charges Operating Capital Government");
    a shorter line is a group heading over all the parts ("CYPE" over "Core External Total")
    and heads each; a longer one cannot be shared out and names none of them."""
    words = one_line(text).split()
    if len(words) == k:
        return words
    return [one_line(text)] * k if 0 < len(words) < k else [""] * k


def split_run_together(lay: TableLayout) -> TableLayout:
    """``lay`` with every run-together amount column split into its columns (``lay`` itself when none is)."""
    # (a "label" column too: the layout takes a column of run-together amounts for words)
    widths = {c.index: _run_width(lay, c.index) for c in lay.columns}
    widths = {c: k for c, k in widths.items() if k}
    if not widths:
        return lay
    header = set(lay.header_rows)
    lead = {c: _lead_rows(lay, c) for c in widths}
    rows = []
    for r, cells in enumerate(lay.grid):
        out: list[str] = []
        for c, text in enumerate(cells):
            k = widths.get(c)
            if not k:
                out.append(text)
            elif r in header or r in lead[c]:
                # each header line of k words gives each part its word; the
                # layout joins the lines down each part
                out.extend(_split_words(text, k))
            else:
                parts = amounts_in(text) if one_line(text) else []
                # a cell of another width cannot be shared out: every part shows it
                # as written, an amount that could not be read (not one guessed)
                out.extend(parts if parts and len(parts) == k else [""] * k if not parts else [text] * k)
        src = lay.block.rows[r] if r < len(lay.block.rows) else None
        rows.append(Row(cells=[Cell(text=x) for x in out], page=lay.row_page(r), is_header=bool(src and src.is_header)))
    blk = Block(kind=TABLE, rows=rows, page=lay.block.page)
    blk.index = lay.block.index
    new = analyse(blk)
    if new is None or not new.value_cols:
        return lay
    new.title, new.continues = lay.title, lay.continues
    if new.scale == 1:
        new.scale = lay.scale
    return new
