"""Shared analysis of numeric tables for the budget and indicator extractors.

A table block is read into a :class:`TableLayout` (caption rows, header rows,
per-column headers, which columns hold numbers, which the row label, line
number, related actions and notes), then :func:`classify` decides by meaning
whether it is a budget (money signs; Allocation/Budget/Funding/Cost words;
totals), an indicator table (periods as columns, % change, counts,
"No Calc"), or neither (action plans, agendas, attendance: other extractors'
tables). Both extractors call the same :func:`classify`, so a table is never
counted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import AGENDA, BUDGET, COVER, PERFORMANCE, TABLE, Block, Document, Paper
from boardpack.core.numbers import parse_value, unit_scale
from boardpack.core.periods import is_period_header
from boardpack.core.textnorm import one_line
from boardpack.core.vocabulary import MONTH_EN_RE, ORDINAL_SUFFIX_RE

# -- vocabularies (meaning cues, compared on lower-case one-line text) ----------

BUDGET_WORDS = re.compile(
    r"\b(budget\w*|allocat\w*|fund(?:s|ing|ed)?|cost\w*|spend\w*|spent|expenditure|income|amount|forecast\w*|"
    r"variance|outturn|balances?|grants?|precept|reserves?|cash\s+limit|receipts?|payments?|estimates?|assets|liabilities|borrowings|"
    r"contributions?|savings?|revenue|capital|virement|underspend|overspend|invoice\w*|finance|financial|"
    r"accounts?|pooled|match\s+funding|vat|net|gross|invoices?|paid|payee|expenses?|precept)\b|[£$€]",
    re.I,
)
INDICATOR_WORDS = re.compile(
    r"\b(indicators?|performance|measures?|targets?|actual|rates?|change|baseline|statistics|stats|figures|"
    r"crimes?|incidents?|offences?|referrals?|clients?|cases?|number\s+of|no\.\s+of|counts?|total\s+number|"
    r"most\s+similar|msg|highlights|trend|reduction|increase|ytd|year\s+to\s+date|per\s+1,?000|"
    r"victims?|offenders?|arrests?|detections?|sanction|percentage|proportion|%)",
    re.I,
)
# Headers that mark another extractor's table.
ACTION_PLAN_COLS = re.compile(r"\b(milestones?|progress|q[1-4]\s+update|update\s+ytd|quarterly\s+progress|lead\s+(?:cdrp\s+)?(?:agency|officer|partner)|lead|owner|other\s+partners|rag|status|what\s+we\s+will\s+do|by\s+when|target\s+date|timescales?|deadline|led\s+by)\b", re.I)
ACTION_TEXT_COL = re.compile(
    r"^(?:key\s+|agreed\s+)?actions?(?:\s+(?:description|text|points?|required|to\s+be\s+taken|plan\s+item))?$|"
    r"what\s+we\s+will\s+do|what\s+we\s+have\s+committed|^tasks?$|^activit(?:y|ies)$|milestones?|^objectives?$",
    re.I,
)
AGENDA_COLS = re.compile(r"^(?:agenda\s+)?items?(?:\s+no\.?)?$|^pages?$|^subject$|^title$|^presenter$|^report\s+of$", re.I)
ATTENDANCE_COLS = re.compile(r"\b(present|apologies|attendance|attended|in\s+attendance|name|representing)\b", re.I)

LINE_COL = re.compile(r"^(?:line(?:\s+no\.?)?|no\.?|number|ref\.?|#|item\s+no\.?|budget\s+line)$", re.I)
ACTIONS_COL = re.compile(r"\b(relates?\s+to\s+actions?|related\s+actions?|actions?(?:\s+refs?)?|action\s+plan\s+(?:item|ref)|link(?:ed)?\s+to)\b", re.I)
LABEL_COL = re.compile(r"\b(items?|title|name|organi[sz]ations?|applicants?|recipients?|grantees?|beneficiar(?:y|ies)|project|scheme|service|description|details|category|heading|payee|supplier|indicator|measure|crime(?:\s+type)?|funding\s+source|source\s+of\s+funding|expenditure\s+type)\b", re.I)
NOTES_COL = re.compile(r"\b(notes?|comments?|commentary|explanation|narrative|remarks?|reasons?|details?|status|description)\b", re.I)

TOTAL_LABEL = re.compile(
    r"^(?:grand\s+)?totals?\b|\btotals?\s*(?:[:£(].*)?$|^sub[- ]?totals?\b|\btotal\s+(?:funding|budget|allocat\w*|spend|expenditure|income|available|allocated|costs?)\b|"
    r"funding\s+available|^balances?\b|\bbalances?\s+(?:remaining|available|unallocated|carried|c/f|b/f)|^unallocated\b|"
    r"^remaining\b|^net\s+(?:total|position|budget|spend|expenditure|surplus|deficit|(?:current\s+)?assets|liabilities|change)\b|^overall\s+total",
    re.I,
)

_YEAR = r"(?:19|20)\d\d"
_YEAR_ONLY = re.compile(rf"^\s*{_YEAR}\s*$")


_SECTION_NO = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+(?=\S)")


def strip_section_number(text: str) -> str:
    """A caption without its paragraph number: "5.1. The number of ..." -> "The number of ..."."""
    return _SECTION_NO.sub("", text or "", count=1)


def strip_markers(text: str) -> str:
    """Header/label without footnote asterisks and trailing colons."""
    return one_line(text).rstrip("*:†‡ ").strip()


def _is_year(text: str) -> bool:
    return bool(_YEAR_ONLY.match(text or ""))


def _value_kind(text: str) -> str:
    """number | money | percent | null | text | empty for one cell."""
    t = one_line(text)
    if not t:
        return "empty"
    return parse_value(t).kind


# -- layout -------------------------------------------------------------------


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
    return len(cells) > 1 and len(ne) == 1 and cells[0].strip() == ne[0] and _value_kind(ne[0]) == "text"


def _row_is_header(cells: list[str], is_header_flag: bool) -> bool:
    ne = [c for c in cells if c.strip()]
    if not ne:
        return False
    for c in ne:
        k = _value_kind(c)
        if k in ("number", "money", "percent") and not _is_year(c):
            return False
    if is_header_flag:
        return True
    # a header has no long prose cells
    return all(len(c) <= 80 for c in ne)


#: A header cell naming a currency unit, possibly with a word ("£", "$000s", "£ Net").
_UNIT_CELL = re.compile(r"^\(?[£$€]\s*(?:'?000'?s?|m|k|bn)?\)?(?:\s+[A-Za-z]+)?$|^[A-Za-z]+\s+\(?[£$€]\s*(?:'?000'?s?|m|k)?\)?$")


def _units_row(cells: list[str]) -> bool:
    """A header row of currency units under the period row ("£ | £ | £")."""
    ne = [c.strip() for c in cells if c.strip()]
    return bool(ne) and all(_UNIT_CELL.match(c) for c in ne)


def _short_words_row(cells: list[str]) -> bool:
    """A row of a few header words and no numbers ("Budget | Expenditure | Variance")."""
    ne = [c.strip() for c in cells if c.strip()]
    return len(ne) >= 2 and all(len(c.split()) <= 3 and not re.search(r"\d", c) for c in ne)


def currency_header(header: str) -> bool:
    """A column header naming a currency ("£", "2018 $ Budget", "Amount (€)")."""
    return bool(re.search(r"[£$€]|\b(?:gbp|usd|eur|dollars?|euros?|pounds?)\b", header or "", re.I))


# -- amounts inside a cell -------------------------------------------------------

_CELL_AMOUNT = r"\(?-?\s*[£$€]\s*\d[\d,]*(?:\.\d+)?\)?"
_CELL_BARE = r"\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d+\.\d\d"
_LABELLED = re.compile(
    rf"^(?:(?P<label>[^£$€=]*?[A-Za-z][^£$€=]*?)\s*(?:[-–:=]+|\s)\s*|(?P<eq>=)\s*)?(?P<amt>{_CELL_AMOUNT}|{_CELL_BARE})\s*$")
_LABEL_ONLY = re.compile(r"^[^£$€\d=]*[A-Za-z][^£$€\d=]*?\s*[-–:=]?\s*$")
_AMOUNT_NOTE = re.compile(rf"^(?P<amt>{_CELL_AMOUNT}|{_CELL_BARE}|\d+)\s*\((?P<note>[^()]*[A-Za-z]{{3}}[^()]*)\)$")


@dataclass
class Breakdown:
    """A cell listing amounts line by line: its items (label, raw amount) and
    its total line, if printed ("Total: £1,000", "= £4,000")."""
    items: list
    total: Optional[tuple] = None

    @property
    def figure(self) -> str:
        """The one amount the cell stands for: its total, else its single item."""
        if self.total is not None:
            return self.total[1]
        return self.items[0][1] if len(self.items) == 1 else ""

    @property
    def single(self) -> bool:
        """One amount only (an item, its total the same figure)."""
        if len(self.items) > 1:
            return False
        if self.total is None or not self.items:
            return True
        return parse_value(self.items[0][1]).value == parse_value(self.total[1]).value


def cell_breakdown(raw: str) -> Optional[Breakdown]:
    """Read a cell of labelled amounts, one a line ("Ward A - £167.00" /
    "Ward B -" "£1,250" (wrapped) / "Total: £1,000" or "= £ 4,000"), or a label
    above its amount ("Ward C" / "£8,000"). None unless every line is read and
    at least one amount carries a currency sign."""
    lines = [one_line(x) for x in (raw or "").splitlines() if one_line(x)]
    if len(lines) < 2 and not (lines and _LABELLED.match(lines[0]) and _LABELLED.match(lines[0]).group("label")):
        return None
    joined: list[str] = []
    for ln in lines:
        if joined and _LABEL_ONLY.match(joined[-1]) and _LABELLED.match(ln) and not _LABELLED.match(ln).group("label"):
            joined[-1] = f"{joined[-1].rstrip(' -–:=')} - {ln}"  # "Ward B -" / "£1,250"
        else:
            joined.append(ln)
    items: list[tuple[str, str]] = []
    total = None
    for k, ln in enumerate(joined):
        m = _LABELLED.match(ln)
        if not m or total is not None:
            return None  # an unread line, or a line after the total
        label = (m.group("label") or "").strip(" -–:=")
        amt = re.sub(r"\s+", "", m.group("amt"))
        if m.group("eq") or (label and TOTAL_LABEL.search(label)):
            total = (label or "Total", amt)
        elif not label and k > 0:
            return None
        else:
            items.append((label, amt))
    if not any(re.search(r"[£$€]", a) for _, a in items + ([total] if total else [])):
        return None
    if not items and total is None:
        return None
    return Breakdown(items, total)


def amount_with_note(text: str) -> Optional[tuple[str, str]]:
    """"£9,506 (incl £100 deferred grant)" -> ("£9,506", "incl £100 deferred grant"):
    an amount with a note in brackets after it; None otherwise."""
    m = _AMOUNT_NOTE.match(one_line(text or ""))
    if not m or parse_value(m.group("amt")).value is None:
        return None
    return re.sub(r"\s+", "", m.group("amt")), m.group("note").strip()


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
    _assign_roles(lay)
    lay.scale = _table_scale(lay)
    return lay


def _read_cells(raw_grid: list[list[str]]) -> tuple[list[list[str]], dict, dict]:
    """(grid, breakdowns, cell notes): each cell on one line; an amount with a note in
    brackets keeps the amount, a cell of several labelled amounts its figure."""
    grid = [[one_line(c) for c in row] for row in raw_grid]
    breakdowns: dict = {}
    cell_notes: dict = {}
    for r, row in enumerate(raw_grid):
        for c, raw in enumerate(row):
            if not raw or _value_kind(grid[r][c]) != "text":
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
                _units_row(grid[i]) or _units_row(grid[lay.header_rows[-1]]) and _short_words_row(grid[i])):
            break
        lay.header_rows.append(i)
        i += 1
    # A lone label with nothing above the value columns is not a header: it is
    # a row label wrapped over several rows ("Concessionary" / "13.0 16.4 +3.4").
    if len(lay.header_rows) == 1 and not flags[lay.header_rows[0]] and i < n:
        h = grid[lay.header_rows[0]]
        filled = [k for k, c in enumerate(h) if c.strip()]
        below = grid[i]
        numeric_below = [k for k, c in enumerate(below) if c.strip() and _value_kind(c) in ("number", "money", "percent")]
        if numeric_below and all(not h[k].strip() for k in numeric_below) and len(filled) <= max(1, len(h) // 3):
            i = lay.header_rows.pop()
    return i


def _column_headers(lay: TableLayout, ncols: int) -> list[Column]:
    """Column headers: the header rows combined; a spanning upper cell fills to the right."""
    grid, block = lay.grid, lay.block
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
                parts.append(t)
                if h != lay.header_rows[-1]:
                    top = t
        cols.append(Column(index=c, header=strip_markers(" ".join(parts)), top=strip_markers(top)))
    return cols


def _count_kinds(lay: TableLayout) -> None:
    """Count each column's body cells by kind (values, money, percentages, nulls, text)."""
    for col in lay.columns:
        for r in lay.body_rows:
            k = _value_kind(lay.cell(r, col.index))
            if (r, col.index) in lay.breakdowns:
                k = "money"  # several labelled amounts in one cell
            if k == "empty":
                continue
            if k in ("number", "money", "percent"):
                if _is_year(lay.cell(r, col.index)) and not is_period_header(col.header):
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


def _assign_roles(lay: TableLayout) -> None:
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
        if vals and all(re.fullmatch(r"\d{1,3}(?:\.\d{1,2}){0,2}\.?", v) for v in vals) and any(c.role == "text" for c in cols[1:]):
            if not cols[0].header or LINE_COL.match(cols[0].header) or _is_running(vals):
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


def caption_before(doc: Document, block: Block, paper: Optional[Paper] = None, max_back: int = 3) -> Optional[str]:
    """The heading or short paragraph just above a table (its title), if any."""
    start = paper.start if paper else 0
    i = block.index - 1
    steps = 0
    while i >= start and steps < max_back:
        b = doc.blocks[i]
        i -= 1
        if b.kind == "page_break" or "boilerplate" in b.flags or not b.norm.strip():
            continue
        steps += 1
        if b.kind == TABLE:
            return None
        t = strip_section_number(one_line(b.norm))
        if b.kind == "heading" or len(t) <= 160:
            return t.rstrip(":").strip()
        return None
    return None


# -- classification -------------------------------------------------------------


@dataclass
class Verdict:
    kind: Optional[str]       # "budget" | "indicator" | None
    budget_score: float = 0.0
    indicator_score: float = 0.0
    reason: str = ""


def _label_texts(lay: TableLayout) -> list[str]:
    if lay.label_col is None:
        return []
    return [lay.cell(r, lay.label_col) for r in lay.body_rows]


def classify(lay: Optional[TableLayout], paper_type: str = "", title: Optional[str] = None) -> Verdict:
    """Decide whether a table is a budget, an indicator table or neither, by meaning."""
    if lay is None:
        return Verdict(None, reason="no layout")
    if paper_type in (AGENDA, COVER):
        return Verdict(None, reason=f"{paper_type} paper")
    rejected = _not_a_value_table(lay)
    if rejected is not None:
        return rejected
    ctx = " ".join([title or ""] + lay.captions)
    b, money_like = _budget_score(lay, ctx)
    ind = _indicator_score(lay, ctx, money_like)
    if paper_type == BUDGET:
        b += 2.0
    elif paper_type == PERFORMANCE:
        ind += 2.0
    if b == 0 and ind == 0:
        return Verdict(None, b, ind, "no cue")
    if b > ind:
        return Verdict("budget", b, ind, "scores")
    if ind > b:
        return Verdict("indicator", b, ind, "scores")
    return Verdict("budget" if money_like else "indicator", b, ind, "tie")


def _not_a_value_table(lay: TableLayout) -> Optional[Verdict]:
    """Why a table is neither a budget nor an indicator table (no values, another paper's table); None when it may be one."""
    values = lay.value_cols
    if not values:
        return Verdict(None, reason="no numeric column")
    if len(lay.body_rows) < 2 and not lay.header_rows:
        return Verdict(None, reason="one row, no header")
    headers = [c.header for c in lay.columns]
    # other extractors' tables: an action plan has a column of actions (not a
    # "Relates to Actions" cross-reference) beside a lead/progress/status column
    n_plan_cols = sum(1 for h in headers if ACTION_PLAN_COLS.search(h))
    if n_plan_cols >= 1 and any(ACTION_TEXT_COL.search(h) for h in headers if h):
        return Verdict(None, reason="action plan header")
    if n_plan_cols >= 2:
        return Verdict(None, reason="action plan header")
    if any(AGENDA_COLS.match(h) for h in headers if h) and sum(1 for h in headers if AGENDA_COLS.match(h or "-")) >= 2:
        return Verdict(None, reason="agenda header")
    if sum(1 for h in headers if ATTENDANCE_COLS.search(h)) >= 1 and not any(BUDGET_WORDS.search(h) or INDICATOR_WORDS.search(h) for h in headers):
        return Verdict(None, reason="attendance header")
    if sum(c.n_values for c in values) == 0:
        return Verdict(None, reason="no values")
    if lay.label_col is None and len(lay.columns) > 1:
        # all-numeric grid without labels: nothing to name the rows by
        return Verdict(None, reason="no label column")
    return None


def _budget_score(lay: TableLayout, ctx: str) -> tuple[float, bool]:
    """How much the table reads as money; and whether it holds money (amounts, or rows named as money)."""
    values = lay.value_cols
    headers = [c.header for c in lay.columns]
    filled_values = sum(c.n_values for c in values)
    label_texts = _label_texts(lay)
    b = 0.0
    # cells under a "£" / "$" header are money even when printed bare
    n_money = sum(c.n_values if currency_header(c.header) else c.n_money for c in values)
    if n_money:
        b += 2 + 2 * n_money / max(1, filled_values)
    b += 1.5 * sum(1 for c in values if BUDGET_WORDS.search(c.header) and not is_period_header(c.header) or (BUDGET_WORDS.search(c.header) and re.search(r"budget|forecast|variance|allocat|outturn|spend", c.header, re.I)))
    b += 1.0 * sum(1 for h in headers if h and BUDGET_WORDS.search(h))
    if BUDGET_WORDS.search(ctx):
        b += 1.5
    if lay.scale != 1:
        b += 1.0
    if any(TOTAL_LABEL.search(t) for t in label_texts if t) or any(not t for t in label_texts[-1:]):
        b += 0.5
    # rows named as money ("Balances brought forward", "Staff costs", "Precept"):
    # a statement printed without currency signs
    named = [t for t in label_texts if t]
    n_money_rows = sum(1 for t in named if BUDGET_WORDS.search(t))
    money_rows = n_money_rows >= 3 and n_money_rows >= 0.25 * len(named)
    if money_rows:
        b += 1.5
    if any(c.role == "actions" for c in lay.columns):
        b += 1.5
    return b, bool(n_money or money_rows)


def _indicator_score(lay: TableLayout, ctx: str, money_like: bool) -> float:
    """How much the table reads as indicators: period columns, percentages, "No Calc", indicator words."""
    values = lay.value_cols
    headers = [c.header for c in lay.columns]
    filled_values = sum(c.n_values for c in values)
    ind = 0.0
    n_pct = sum(c.n_percent for c in values)
    n_period_cols = sum(1 for c in values if is_period_header(c.header) or (c.top and is_period_header(c.top)))
    if n_period_cols:
        ind += 1.5 + 1.0 * min(n_period_cols, 4)
    if n_pct:
        ind += 1.5 + n_pct / max(1, filled_values)
    if any(re.search(r"no\s*calc", lay.cell(r, c.index), re.I) for c in values for r in lay.body_rows):
        ind += 2
    ind += 1.0 * sum(1 for h in headers if h and INDICATOR_WORDS.search(h) and not BUDGET_WORDS.search(h))
    if INDICATOR_WORDS.search(ctx) and not BUDGET_WORDS.search(ctx):
        ind += 1.5
    if not money_like and not any(BUDGET_WORDS.search(h) for h in headers if h) and not BUDGET_WORDS.search(ctx):
        ind += 1.0  # plain counts
    return ind


_UNITS = re.compile(r"^(?:\(?£\s*(?:'?000'?s?|m|k|bn)?\)?\s*){1,12}$", re.I)


def _headers_from_text_above(doc: Document, block: Block, lay: TableLayout, paper: Optional[Paper]) -> None:
    """A table printed without its header row, the headers sitting just above it
    as text ("Core External Total" / "£000s £000s £000s"): name the value columns
    from a line with exactly one word per value column, and take the units."""
    cols = lay.value_cols
    if len(cols) < 2 or any(c.header for c in cols):
        return
    start = paper.start if paper else 0
    i, steps = block.index - 1, 0
    while i >= start and steps < 3:
        b = doc.blocks[i]
        i -= 1
        if b.kind == TABLE:
            return
        if not b.norm.strip() or "boilerplate" in b.flags:
            continue
        steps += 1
        lines = [one_line(x) for x in b.norm.splitlines() if x.strip()]
        names = None
        for ln in lines:
            if _UNITS.match(ln):
                s = unit_scale(ln)
                if s != 1:
                    lay.scale = s
            elif len(ln.split()) == len(cols) and re.fullmatch(r"[A-Za-z][A-Za-z&/\-]*(?:\s+[A-Za-z][A-Za-z&/\-]*)*", ln):
                names = ln.split()
        if names:
            for c, n in zip(cols, names):
                c.header = n
            return


def _previous_table(doc: Document, block: Block, paper: Optional[Paper], cache: dict) -> Optional[TableLayout]:
    """The layout of the table right before ``block`` (only page breaks, furniture
    and empty blocks between), if it was analysed."""
    start = paper.start if paper else 0
    i = block.index - 1
    headings = 0
    while i >= start:
        b = doc.blocks[i]
        if b.kind == TABLE:
            hit = cache.get(("numeric_tables", b.index))
            return hit[0] if hit else None
        if b.kind == "page_break" or "boilerplate" in b.flags or not b.norm.strip():
            i -= 1
            continue
        if b.kind == "heading" and headings == 0 and _SECTION_HEADING.match(one_line(b.norm)):
            # a section heading between two parts of one statement
            # ("DIRECT SERVICES" ... "CENTRAL COSTS" under one column header)
            headings += 1
            i -= 1
            continue
        return None
    return None


#: a statement's section heading set in capitals between its parts
_SECTION_HEADING = re.compile(r"^(?=.*[A-Z]{3})[A-Z0-9 ,&'/()\-]{3,80}$")


def _numbers_under_values(lay: TableLayout, prev: TableLayout) -> bool:
    """Whether every column of ``lay`` holding figures is a value column of
    ``prev`` (the same statement continued, not another table)."""
    prev_values = {c.index for c in prev.columns if c.role in ("value", "line", "actions")}
    return all(c.index in prev_values for c in lay.columns if c.n_values > max(1, c.n_text))


def table_blocks(paper: Paper, doc: Document) -> list[Block]:
    return [b for b in paper.blocks(doc) if b.kind == TABLE and "boilerplate" not in b.flags]


def analysed_tables(paper: Paper, doc: Document, cache: dict) -> list[tuple[Block, TableLayout, Verdict, Optional[str]]]:
    """Every table of a paper with its layout, verdict and title, computed once per
    document (the two extractors share ``cache``, normally ``ctx.table_analyses``)."""
    out = []
    for b in table_blocks(paper, doc):
        key = ("numeric_tables", b.index)
        if key not in cache:
            lay = analyse(b)
            title = caption_before(doc, b, paper)
            if lay is not None:
                lay.title = title or (lay.captions[0] if lay.captions else None)
                if title:
                    s = unit_scale(title)
                    if s != 1 and lay.scale == 1:
                        lay.scale = s
                if not lay.header_rows:
                    prev = _previous_table(doc, b, paper, cache)
                    if (prev is not None and len(prev.columns) == len(lay.columns) and prev.header_rows
                            and _numbers_under_values(lay, prev)):
                        # the rest of a table continued on the next page without its header
                        for c, pc in zip(lay.columns, prev.columns):
                            c.header, c.top = pc.header, pc.top
                        _assign_roles(lay)
                        lay.scale = prev.scale
                        lay.title = title = prev.title
                        lay.continues = prev
                    else:
                        _headers_from_text_above(doc, b, lay, paper)
            cache[key] = (lay, classify(lay, paper.paper_type, title), title)
        lay, verdict, title = cache[key]
        if lay is not None:
            out.append((b, lay, verdict, title))
    return out
