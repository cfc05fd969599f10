"""The layout of a numeric table: caption rows, header rows, per-column
headers, and what each column holds (the row label, a line number, related
actions, notes, values), read by meaning from the cells.

:func:`analyse` reads a table block into a :class:`TableLayout`; deciding
whether the table is a budget or an indicator table, which needs the paper
and the caption around it, is left to :mod:`boardpack.extractors.numeric_tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import TABLE, Block
from boardpack.core.numbers import unit_scale
from boardpack.core.periods import is_period_header
from boardpack.core.textnorm import one_line
from boardpack.core.vocabulary import MONTH_EN_RE, ORDINAL_SUFFIX_RE
from boardpack.extractors.table_cells import (
    BUDGET_WORDS, amount_with_note, cell_breakdown, figure_unbroken, header_cell_text, is_year, join_wrapped_rows,
    short_words_row, strip_markers, units_row, value_kind,
)

LINE_COL = re.compile(r"^(?:line(?:\s+no\.?)?|no\.?|number|ref\.?|#|item\s+no\.?|budget\s+line)$", re.I)
ACTIONS_COL = re.compile(r"\b(relates?\s+to\s+actions?|related\s+actions?|actions?(?:\s+refs?)?|action\s+plan\s+(?:item|ref)|link(?:ed)?\s+to)\b", re.I)
LABEL_COL = re.compile(r"\b(items?|title|name|organi[sz]ations?|applicants?|recipients?|grantees?|beneficiar(?:y|ies)|project|scheme|service|description|details|category|heading|payee|supplier|indicator|measure|crime(?:\s+type)?|funding\s+source|source\s+of\s+funding|expenditure\s+type)\b", re.I)
NOTES_COL = re.compile(r"\b(notes?|comments?|commentary|explanation|narrative|remarks?|reasons?|details?|status|description)\b", re.I)


@dataclass
class Column:
    index: int
    header: str = ""           # combined header text, one line
    top: str = ""              # upper header row text (e.g. a spanning period)
    role: str = "text"         # label | line | actions | notes | value | text
    n_values: int = 0
    n_money: int = 0
    n_percent: int = 0
    n_null: int = 0
    n_text: int = 0


def column_scale(lay: "TableLayout", col: Column) -> int:
    """The multiplier for one column: its own header's unit ("£m"), else the table's."""
    s = unit_scale(col.header)
    return s if s != 1 else lay.scale


@dataclass
class TableLayout:
    block: Block
    grid: list[list[str]]
    captions: list[str] = field(default_factory=list)   # single-cell rows above the header
    header_rows: list[int] = field(default_factory=list)
    body_rows: list[int] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    label_col: Optional[int] = None
    title: Optional[str] = None
    scale: int = 1
    continues: Optional["TableLayout"] = None  # the part on the page before, when continued
    #: cells holding several labelled amounts ("Ward A - £200 / Ward B - £300 / Total: £500"), by (row, column)
    breakdowns: dict = field(default_factory=dict)
    #: a note printed in brackets after a cell's amount ("£9,506 (incl £100 deferred)"), by (row, column)
    cell_notes: dict = field(default_factory=dict)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def value_cols(self) -> list[Column]:
        return [c for c in self.columns if c.role == "value"]

    def cell(self, r: int, c: int) -> str:
        row = self.grid[r]
        return row[c] if c < len(row) else ""

    def row_page(self, r: int) -> Optional[int]:
        """The page grid row ``r`` is printed on (a table may run over pages)."""
        rows = self.block.rows
        return rows[r].page if r < len(rows) and rows[r].page is not None else self.block.page


def _row_is_caption(cells: list[str]) -> bool:
    ne = [c for c in cells if c.strip()]
    return len(cells) > 1 and len(ne) == 1 and cells[0].strip() == ne[0] and value_kind(ne[0]) == "text"


def _row_is_header(cells: list[str], is_header_flag: bool) -> bool:
    ne = [c for c in cells if c.strip()]
    if not ne:
        return False
    for c in ne:
        k = value_kind(c)
        if k in ("number", "money", "percent") and not is_year(c):
            return False
    if is_header_flag:
        return True
    # a header has no long prose cells
    return all(len(c) <= 80 for c in ne)


#: A header cell naming a currency unit, possibly with a word ("£", "$000s", "£ Net").

def analyse(block: Block) -> Optional[TableLayout]:
    """Read a table block into a layout; None when it has no body or fewer than 2 columns."""
    if block.kind != TABLE or not block.rows:
        return None
    grid, breakdowns, cell_notes = _read_cells(block.grid())
    flags = [r.is_header for r in block.rows]
    ncols = max((len(r) for r in grid), default=0)
    if ncols < 2:
        return None
    grid = [r + [""] * (ncols - len(r)) for r in grid]
    lay = TableLayout(block=block, grid=grid, breakdowns=breakdowns, cell_notes=cell_notes)
    i = _find_header(lay, flags)
    n = len(grid)
    # Rows that repeat the header (table continued over a page) are skipped.
    hdr_sig = [tuple(grid[h]) for h in lay.header_rows]
    lay.body_rows = [r for r in range(i, n) if any(c.strip() for c in grid[r]) and tuple(grid[r]) not in hdr_sig and not (flags[r] and r > i and _row_is_header(grid[r], True))]
    if not lay.body_rows:
        return None
    lay.columns = _column_headers(lay, ncols)
    _count_kinds(lay)
    assign_roles(lay)
    if lay.label_col is not None:
        lay.body_rows = join_wrapped_rows(lay.grid, lay.body_rows, lay.label_col)
    lay.scale = _table_scale(lay)
    return lay


def _read_cells(raw_grid: list[list[str]]) -> tuple[list[list[str]], dict, dict]:
    """(grid, breakdowns, cell notes): each cell on one line; an amount with a note in
    brackets keeps the amount, a cell of several labelled amounts its figure."""
    grid = [[one_line(figure_unbroken(c)) for c in row] for row in raw_grid]
    breakdowns: dict = {}
    cell_notes: dict = {}
    for r, row in enumerate(raw_grid):
        for c, raw in enumerate(row):
            if not raw or value_kind(grid[r][c]) != "text":
                continue
            an = amount_with_note(raw)
            if an is not None:
                grid[r][c] = an[0]
                cell_notes[(r, c)] = an[1]
                continue
            bd = cell_breakdown(raw)
            if bd is not None and (bd.figure or len(bd.items) > 1):
                breakdowns[(r, c)] = bd
                if bd.figure:
                    grid[r][c] = bd.figure
    return grid, breakdowns, cell_notes


def _find_header(lay: TableLayout, flags: list[bool]) -> int:
    """The captions and header rows at the top (into ``lay``); returns the first row after them."""
    grid = lay.grid
    i = 0
    n = len(grid)
    while i < n and not any(c.strip() for c in grid[i]):
        i += 1
    while i < n and _row_is_caption(grid[i]) and i + 1 < n:
        lay.captions.append(grid[i][0])
        i += 1
    # up to 3 header rows; a row after the first is still header only when it is
    # flagged as one, or leaves the row-label (stub) cell empty like a wrapped or
    # two-level header does -- "Clients on Scheme | Deter: 2 ... | Jan 4 ..." is a
    # body row with text values, not a second header row.
    while i < n and len(lay.header_rows) < 3 and _row_is_header(grid[i], flags[i]):
        if lay.header_rows and not flags[i] and grid[i][0].strip() and not (
                units_row(grid[i]) or units_row(grid[lay.header_rows[-1]]) and short_words_row(grid[i])):
            break
        lay.header_rows.append(i)
        i += 1
    # A lone label with nothing above the value columns is not a header: it is
    # a row label wrapped over several rows ("Concessionary" / "13.0 16.4 +3.4").
    if len(lay.header_rows) == 1 and not flags[lay.header_rows[0]] and i < n:
        h = grid[lay.header_rows[0]]
        filled = [k for k, c in enumerate(h) if c.strip()]
        below = grid[i]
        numeric_below = [k for k, c in enumerate(below) if c.strip() and value_kind(c) in ("number", "money", "percent")]
        if numeric_below and all(not h[k].strip() for k in numeric_below) and len(filled) <= max(1, len(h) // 3):
            i = lay.header_rows.pop()
    return i


def _column_headers(lay: TableLayout, ncols: int) -> list[Column]:
    """Column headers: the header rows combined; a spanning upper cell fills to the right."""
    grid, block = lay.grid, lay.block
    raw = block.grid() if lay.header_rows else []
    cols = []
    for c in range(ncols):
        parts = []
        top = ""
        for h in lay.header_rows:
            t = grid[h][c]
            if not t and c > 0 and h != lay.header_rows[-1]:
                # spanning cell from the left (merged cells expand to "")
                k = c - 1
                while k >= 0 and not grid[h][k]:
                    k -= 1
                if k >= 0 and _spans(block, h, k, c):
                    t = grid[h][k]
            if t:
                t = header_cell_text(raw[h][c] if h < len(raw) and c < len(raw[h]) else "", t)
                parts.append(t)
                if h != lay.header_rows[-1]:
                    top = t
        cols.append(Column(index=c, header=strip_markers(" ".join(parts)), top=strip_markers(top)))
    return cols


def _count_kinds(lay: TableLayout) -> None:
    """Count each column's body cells by kind (values, money, percentages, nulls, text)."""
    for col in lay.columns:
        for r in lay.body_rows:
            k = value_kind(lay.cell(r, col.index))
            if (r, col.index) in lay.breakdowns:
                k = "money"  # several labelled amounts in one cell
            if k == "empty":
                continue
            if k in ("number", "money", "percent"):
                if is_year(lay.cell(r, col.index)) and not is_period_header(col.header):
                    col.n_text += 1  # "2028" under "Timescale" is a date, not a value
                    continue
                col.n_values += 1
                col.n_money += k == "money"
                col.n_percent += k == "percent"
            elif k == "null":
                col.n_null += 1
            else:
                col.n_text += 1


def _table_scale(lay: TableLayout) -> int:
    """The table's unit: from a caption ("£000s"), else when every amount column is headed with the same one."""
    for cap in lay.captions:
        s = unit_scale(cap)
        if s != 1:
            return s
    # every amount column headed "£000s" / "£m": the whole table's unit
    scales = {unit_scale(c.header) for c in lay.columns if c.role == "value"}
    if len(scales) == 1:
        return scales.pop()
    return 1


def _spans(block: Block, row_i: int, start_col: int, target_col: int) -> bool:
    """Whether the cell at grid position start_col of row row_i spans target_col."""
    pos = 0
    for cell in block.rows[row_i].cells:
        if pos == start_col:
            return pos + cell.colspan > target_col
        pos += cell.colspan
    return False


def assign_roles(lay: TableLayout) -> None:
    for col in lay.columns:
        col.role = _first_role(col)
    _numbering_columns(lay)
    _label_column(lay)


def _first_role(col: Column) -> str:
    """A column's role from its header and the kinds of its cells."""
    filled = col.n_values + col.n_null + col.n_text
    if LINE_COL.match(col.header) and col.n_text <= max(1, filled // 4):
        return "line"
    if col.header and ACTIONS_COL.search(col.header) and not BUDGET_WORDS.search(col.header):
        return "actions"
    if col.n_values and col.n_values + col.n_null >= max(1, 0.6 * filled) and col.n_text <= max(1, 0.34 * filled):
        return "value"
    if col.header and NOTES_COL.search(col.header):
        return "notes"
    return "text"


def _numbering_columns(lay: TableLayout) -> None:
    """Columns that number the rows or give pages, not values: role "line"."""
    cols = lay.columns
    # A first column of running numbers ("1", "2" ...) or paragraph numbers ("2.2",
    # "2.3", "8.1") before a text column numbers the rows; it holds no values.
    if cols and cols[0].role == "value" and len(cols) >= 2:
        vals = [lay.cell(r, 0) for r in lay.body_rows if lay.cell(r, 0)]
        # (a heading across the table may stand between them: "Priority 2: ...", when
        # the numbers count up)
        nums = [v for v in vals if value_kind(v) != "text"]
        if nums and all(re.fullmatch(r"\d{1,3}(?:\.\d{1,2}){0,2}\.?", v) for v in nums) and any(c.role == "text" for c in cols[1:]) \
                and (len(nums) == len(vals) or _is_running(nums)):
            if not cols[0].header or LINE_COL.match(cols[0].header) or _is_running(nums):
                cols[0].role = "line"
    # Page numbers (a contents list: "1.6 Minutes | 3") are not values.
    for c in cols:
        if c.role == "value":
            cells = [lay.cell(r, c.index) for r in lay.body_rows if lay.cell(r, c.index)]
            if re.fullmatch(r"pages?|pp?\.?|pg\.?", c.header, re.I) or any(re.fullmatch(r"pages?", x, re.I) for x in cells):
                c.role = "line"
            elif lay.label_col is None and _looks_like_contents(lay, c, cells):
                c.role = "line"
    # A column of list letters or roman numerals ("a", "b", "(iii)") numbers the rows.
    for c in cols:
        if c.role == "text" and c.n_text:
            vals = [lay.cell(r, c.index) for r in lay.body_rows if lay.cell(r, c.index)]
            if vals and all(re.fullmatch(r"\(?(?:[a-z]|[ivx]{1,4})[.)]?", v, re.I) for v in vals):
                c.role = "line"


def _label_column(lay: TableLayout) -> None:
    """The column that names the rows (role "label"); the other text columns are notes."""
    cols = lay.columns
    texts = [c for c in cols if c.role == "text"]
    # a column with nothing in its body names no row (a spreadsheet's empty
    # margin columns), and a column of dates dates the rows, it does not name
    # them (a payments list "04/04/2023 | Clerk Salary | 126.29")
    filled_texts = [c for c in texts if c.n_values + c.n_null + c.n_text]
    # (nor does a column of tick-box glyphs or symbols without a word)
    naming = [c for c in filled_texts if not _mostly_dates(lay, c) and not no_words(lay, c)]
    if not naming:
        # "Details" / "Description" read as a notes header, but the column
        # is the only one naming the rows
        worded = [c for c in cols if c.role == "notes" and LABEL_COL.search(c.header or "") and c.n_text and not _prose_column(lay, c)]
        if worded:
            worded[0].role = "text"
            texts = [worded[0]] + texts
            naming = [worded[0]]
    texts = naming + [c for c in texts if c not in naming] if naming else texts
    if texts:
        # the row label: a column headed like one ("Item", "Risk Title", "Project"),
        # else the first text column
        # (a column of paragraphs -- a summary, a description -- names no row)
        named = [c for c in texts if LABEL_COL.search(c.header or "") and not _prose_column(lay, c)]
        label = named[0] if named and not LABEL_COL.search(texts[0].header or "") else texts[0]
        lay.label_col = label.index
        label.role = "label"
        for c in texts:
            if c is not label:
                c.role = "notes"
    elif cols and cols[0].role in ("value",) and cols[0].n_values == 0:
        lay.label_col = 0
        cols[0].role = "label"


def no_words(lay: TableLayout, col: Column) -> bool:
    """Whether a column's filled cells hold no letter or digit (tick boxes, symbol glyphs)."""
    cells = [lay.cell(r, col.index) for r in lay.body_rows if lay.cell(r, col.index)]
    return bool(cells) and not any(re.search(r"[A-Za-z0-9]", x) for x in cells)


def _prose_column(lay: TableLayout, col: Column) -> bool:
    """Whether a column's cells are paragraphs (long on average), not row names."""
    cells = [lay.cell(r, col.index) for r in lay.body_rows if lay.cell(r, col.index)]
    return bool(cells) and sum(len(x) for x in cells) / len(cells) > 200


_DATE_CELL = re.compile(rf"^\s*(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{2}}|\d{{4}})|\d{{1,2}}{ORDINAL_SUFFIX_RE}?\s+{MONTH_EN_RE}\.?(?:\s+\d{{2,4}})?|{MONTH_EN_RE}\.?\s+\d{{1,2}}{ORDINAL_SUFFIX_RE}?,?(?:\s+\d{{4}})?)\s*$", re.I)


def _mostly_dates(lay: TableLayout, col: Column) -> bool:
    """Whether a column's filled cells are mostly dates ("04/04/2023", "3 May")."""
    cells = [lay.cell(r, col.index) for r in lay.body_rows if lay.cell(r, col.index)]
    return bool(cells) and sum(bool(_DATE_CELL.match(x)) for x in cells) >= 0.8 * len(cells)


def _looks_like_contents(lay: TableLayout, col: Column, cells: list[str]) -> bool:
    """Whole page numbers that never decrease beside numbered headings ("1.6 Minutes")."""
    nums = [x for x in cells if re.fullmatch(r"\d{1,3}", x)]
    if len(nums) < 4 or len(nums) < 0.8 * len(cells):
        return False
    ints = [int(x) for x in nums]
    if any(b < a for a, b in zip(ints, ints[1:])):
        return False
    labels = [lay.cell(r, c) for r in lay.body_rows for c in range(len(lay.columns)) if c != col.index and lay.cell(r, c)]
    numbered = sum(bool(re.match(r"\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]", x)) for x in labels)
    return numbered >= 0.5 * max(1, len(nums))


def _is_running(vals: list[str]) -> bool:
    """Whether cells count up like row or paragraph numbers: 1, 2, 3 or 2.2, 2.3, 2.4."""
    try:
        keys = [tuple(int(x) for x in v.rstrip(".").split(".")) for v in vals]
    except ValueError:
        return False
    return len(keys) >= 2 and all(a < b for a, b in zip(keys, keys[1:]))
