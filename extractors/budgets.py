"""Budgets and spending plans to long format, with totals checked.

Every table :func:`numeric_tables.classify` calls a budget (in a budget paper,
or a budget-looking table in any other paper) becomes one ``budget_amounts``
row per (item, amount column): item label, measure (the column header:
"Amount", "Original Allocation", "Revised allocation" ...), amount in pounds
(brackets negative, "£000"/"£m" captions applied), line number, related
actions ("1.1, 2.2" -> "1.1;2.2") and notes. Rows labelled TOTAL / Total
funding available / Sub-total / Balance, or an unlabelled row of amounts at
the foot, are totals: each is checked against the sum of the items it covers
(``budget_checks``); a mismatch is also a ``total_mismatch`` warning.

In budget papers, lines of prose such as "Pooled fund start balance April
2009 £12,345" are read as a two-column table too.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from boardpack.core.model import ACTION_PLAN, BUDGET, HEADING, LIST_ITEM, MINUTES, OTHER, PAGE_BREAK, PARAGRAPH, PERFORMANCE, PROGRESS_REPORT, TABLE, Block, Cell, Paper, Row
from boardpack.core.numbers import parse_money, parse_value
from boardpack.core.textnorm import one_line
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.numeric_tables import TOTAL_LABEL, Column, TableLayout, no_words, analyse, analysed_tables, column_scale, strip_markers

_ACTION_REF = re.compile(r"\b\d{1,2}\.\d{1,2}[a-z]?\b")
_RELATES = re.compile(r"\brelat\w*\s+to\s+actions?\s*:?\s*((?:\d{1,2}\.\d{1,2}[a-z]?[\s,;&and]*)+)", re.I)
_DECIMALS = re.compile(r"\.(\d+)")
_NON_ADDITIVE = re.compile(r"%|per\s+cent|percent|per\s+(?:pupil|head|capita|client|person|unit)|rate|ratio|average|\bfte\b|number|\bno\.?\b", re.I)


def related_actions(text: str) -> Optional[str]:
    """"1.1, 1.5" / "Relates to Actions 1.1, 2.2" -> "1.1;1.5" / "1.1;2.2"; None when none."""
    refs = _ACTION_REF.findall(text or "")
    out = []
    for r in refs:
        if r not in out:
            out.append(r)
    return ";".join(out) or None


_OPENING = re.compile(r"\b(brought\s+forward|b/f|b/fwd|opening|start(?:ing)?\s+balance|balance\s+at\s+(?:the\s+)?start|as\s+at\s+1st?\s+april)\b", re.I)
# Items whose amount a balance subtracts although it is printed positive.
_DEDUCT = re.compile(r"^\s*(?:deduct|less|minus|expenditure|payments?|spent|spend)\b", re.I)

_TOTAL_NEXT = frozenset(
    "funding funds budget budgets allocated allocation allocations allocations spend spending spent expenditure income "
    "available cost costs savings reserves net gross revenue capital for of in to at per grant grants contributions "
    "amount amounts value payments receipts requested approved committed remaining forecast outturn variance "
    # accounts and financial statements: "Total assets", "Totals carried to ...", "Total fund balances"
    "assets liabilities outflows inflows deferred position carried fund balances balance borrowings fixed "
    "current other general governmental primary government activities expenses revenues precept "
    "charges operating services salaries staff".split()
)


def total_kind(label: str) -> Optional[str]:
    """total | subtotal | balance for a total-looking row label, else None."""
    raw = one_line(label)
    t = raw.lower()
    if not t or not TOTAL_LABEL.search(t):
        return None
    if _OPENING.search(t):
        return None  # an opening balance is an item the later totals include
    m = re.match(r"(?:grand\s+|overall\s+)?totals?\b[\s:]*(\S*)", t)
    if m and m.group(1) and not raw.isupper():
        # "Total funding available", "Total for 2016/17", "Total spend inc VAT"
        # -- but not "Total Place pilot" (a capitalised name after "Total")
        nxt = re.match(r"(?:grand\s+|overall\s+)?totals?\b[\s:]*(\S*)", raw, re.I).group(1)
        if (m.group(1).strip("(£$€:") and m.group(1).strip("(:") not in _TOTAL_NEXT
                and not m.group(1).startswith(("£", "$", "€", "(")) and not nxt[:1].islower()):
            return None
    if re.match(r"sub[- ]?total", t):
        return "subtotal"
    if re.match(r"(balances?|unallocated|remaining)\b", t) or re.search(r"\bbalances?\s+(remaining|unallocated|carried|c/f)", t):
        return "balance"
    return "total"


_YEAR_ENDING = re.compile(r"^\s*(?:(?:financial\s+)?year\s+end(?:ing|ed)?|period\s+end(?:ing|ed)|as\s+at)\s*:?\s+(?=\d)", re.I)


def measure_name(header: str) -> str:
    h = strip_markers(header)
    h = re.sub(r"\(\s*[£$€]\s*(?:'?000s?|m|k)?\s*\)|[£$€]\s*'?000'?s?|[£$€]m\b|[£$€]k\b|\s[£$€]s?$|^[£$€]s?\s|\s[£$€]\s", " ", h).strip(" -")
    h = re.sub(r"\s{2,}", " ", h)
    # "Year ending 31 March 2025": the column is the date
    h = _YEAR_ENDING.sub("", h)
    if h.count("(") > h.count(")"):
        h = h + ")"
    elif h.startswith("(") and h.endswith(")") and h.count("(") == 1:
        h = h[1:-1]
    h = h.strip()
    if not h or h in ("£", "$", "€"):
        return "Amount"
    return h


#: value columns of a budget table that are not money (scores, counts, rates)
_NOT_MONEY_COL = re.compile(r"\b(likelihood|score|rating|impact|rank(?:ing)?|priority|number|no\.|count|fte|quantity|qty|units?|days|weeks|months|years?|percentage|percent|%|ratio|rate)\b|%", re.I)


def money_cols(lay: TableLayout):
    """The value columns that hold money (all of them unless a header says
    "Likelihood (1-5)", "No.", "%" and the cells carry no pound sign)."""
    return [c for c in lay.value_cols if not (_NOT_MONEY_COL.search(_YEAR_ENDING.sub("", c.header or "")) and not c.n_money)]


def value_measures(lay: TableLayout) -> dict[int, str]:
    """Measure name per value column; unnamed or repeated headers are told apart
    by column number ("Column 3") so no two columns share a measure."""
    cols = money_cols(lay)
    names = {c.index: measure_name(c.header) for c in cols}
    counts: dict[str, int] = {}
    for n in names.values():
        counts[n] = counts.get(n, 0) + 1
    out = {}
    for c in cols:
        n = names[c.index]
        if counts[n] > 1:
            n = f"Column {c.index + 1}" if n == "Amount" else f"{n} (column {c.index + 1})"
        out[c.index] = n
    return out


def _decimals(raw: str) -> int:
    m = _DECIMALS.search(raw or "")
    return len(m.group(1)) if m else 0


class _LogicalRow:
    __slots__ = ("row_index", "line", "label", "values", "actions", "notes", "page", "total")

    def __init__(self, row_index, page):
        self.row_index = row_index
        self.page = page
        self.line = None
        self.label = ""
        self.values: dict[int, str] = {}
        self.actions = None
        self.notes = None
        self.total = None


_MULTI = re.compile(r"^\s*(\(?-?£?[\d,]+(?:\.\d+)?\)?)(?:\s+(\(?-?£?[\d,]+(?:\.\d+)?\)?))+\s*$")


def _spread_run_together(lr: "_LogicalRow", value_idx: list[int]) -> None:
    """A PDF table reader sometimes puts a row's amounts in one cell
    ("151,171.3 48,960.3 200,131.6") and leaves the next cells empty: spread them."""
    for k, i in enumerate(value_idx):
        cell = lr.values.get(i, "")
        if not _MULTI.match(cell):
            continue
        parts = cell.split()
        after = value_idx[k + 1 : k + len(parts)]
        if len(after) == len(parts) - 1 and all(not lr.values.get(j, "").strip() for j in after):
            for j, part in zip([i] + after, parts):
                lr.values[j] = part


def logical_rows(lay: TableLayout) -> list[_LogicalRow]:
    """Body rows with wrapped labels joined, group headings dropped and totals marked."""
    return _RowJoiner(lay).rows()


def _row_cells(lay: TableLayout, r: int, value_idx: list[int]) -> _LogicalRow:
    """Grid row ``r`` by column role: line number, label, related actions, notes and the money cells."""
    row = lay.grid[r]
    lr = _LogicalRow(r, lay.row_page(r))
    for c in lay.columns:
        cell = row[c.index] if c.index < len(row) else ""
        if c.role == "line" and cell:
            lr.line = cell.rstrip(".")
        elif c.role == "label":
            lr.label = cell
        elif c.role == "actions" and cell:
            lr.actions = related_actions(cell)
        elif c.role == "notes" and cell:
            lr.notes = cell if not lr.notes else f"{lr.notes}; {cell}"
    for i in value_idx:
        cell = row[i] if i < len(row) else ""
        lr.values[i] = cell
    _spread_run_together(lr, value_idx)
    return lr


class _RowJoiner:
    """The body rows of a budget table read into logical rows, one at a time."""

    def __init__(self, lay: TableLayout) -> None:
        self.lay = lay
        self.value_idx = [c.index for c in money_cols(lay)]
        self.body = lay.body_rows
        self.out: list[_LogicalRow] = []
        self.pending_label = ""
        self.wrapped_from: set[int] = set()  # grid rows of the last logical row and its wrapped label lines
        self.last_value_pos = max((k for k, r in enumerate(self.body) if self._has_values(r)), default=-1)

    def _has_values(self, r: int) -> bool:
        grid = self.lay.grid
        return any((grid[r][i] if i < len(grid[r]) else "").strip() for i in self.value_idx)

    def rows(self) -> list[_LogicalRow]:
        for pos, r in enumerate(self.body):
            lr = _row_cells(self.lay, r, self.value_idx)
            if any(v.strip() for v in lr.values.values()):
                self._with_values(pos, r, lr)
            else:
                self._without_values(pos, r, lr)
        return self.out

    def _without_values(self, pos: int, r: int, lr: _LogicalRow) -> None:
        """A row without amounts: a label whose amounts stand on the next line, a wrapped
        label line, a numbered line with no amount yet, or a group heading / note row."""
        lay, body = self.lay, self.body
        if lr.label and not lr.line and pos + 1 < len(body):
            nxt = lay.grid[body[pos + 1]]
            nlabel = nxt[lay.label_col] if lay.label_col is not None else ""
            if not nlabel.strip() or (self._has_values(body[pos + 1]) and _continues_label(lr.label, nlabel)):
                # the label's first line; its amounts stand on the next line
                self.pending_label = f"{self.pending_label} {lr.label}".strip()
                return
        if lr.label and self.out and not lr.line and lr.label[:1].islower() and pos and body[pos - 1] in self.wrapped_from:
            # label wrapped onto a row of its own, right under its row (not a
            # footnote's later lines after the rows it follows)
            self.out[-1].label = clean_label(f"{self.out[-1].label} {lr.label}")
            self.wrapped_from.add(r)
            return
        if lr.line or lr.actions:
            self.out.append(lr)  # a numbered line with no amount yet ("Awaiting costings")
            self.wrapped_from = {r}

    def _with_values(self, pos: int, r: int, lr: _LogicalRow) -> None:
        pending = self.pending_label
        if pending and not lr.label:
            lr.label = pending
        elif pending and _continues_label(pending, lr.label):
            lr.label = f"{pending} {lr.label}"
        self.pending_label = ""
        lr.label = clean_label(lr.label)
        if lr.actions is None and lr.notes:
            m = _RELATES.search(lr.notes)
            if m:
                lr.actions = related_actions(m.group(1))
        if lr.actions is None and lr.label:
            m = _RELATES.search(lr.label)
            if m:
                lr.actions = related_actions(m.group(1))
        lr.total = total_kind(lr.label)
        self.wrapped_from = {r}
        if not lr.label and not lr.line:
            if pos != self.last_value_pos and not _sums_items_above(lr, self.out, self.lay):
                return  # amounts mid-table with no label to name them by
            lr.total = "total"  # unlabelled row of amounts at the foot (or summing the items above): a column total
        self.out.append(lr)


#: Words a wrapped label line ends with when the label goes on ("Precept or Rates and" / "Levies").
# ("Restricted for" / "Road and bridge" is a group label over its items, so
# prepositions that head a list are not among them)
_CONNECTIVE_END = re.compile(r"(?:\b(?:and|or|of|plus|less|the)|[&,/+\-–])\s*$", re.I)
#: A form's box number and its arithmetic sign before a label: "4. (-) Staff costs", "7. (=) Balances".
_LEAD_MARKS = re.compile(r"^\s*(?:\d{1,2}[.,]\s+)?(?:\(\s*[-+=x×÷]\s*\)\s*)+|^\s*\d{1,2}[.,]\s+(?=[A-Za-z(])")


def _continues_label(first: str, second: str) -> bool:
    """Whether ``second`` is the rest of a row label wrapped after ``first``: it
    opens in lower case ("Balances brought" / "forward") or the first line
    ends on a joining word ("Precept or Rates and" / "Levies")."""
    first, second = one_line(first), one_line(second)
    if not first or not second or len(first) > 80:
        return False
    return second[:1].islower() or bool(_CONNECTIVE_END.search(first))


def clean_label(label: str) -> str:
    """A row label without the box number and the +/-/= sign a statement form
    prints before it ("3. (+) Total other receipts" -> "Total other receipts")."""
    if not label:
        return label
    out = _LEAD_MARKS.sub("", label, count=1).strip()
    out = re.sub(r"\s+[£$€]$", "", out)  # "Total Payments £": the column's unit beside the label
    return out if re.search(r"[A-Za-z]", out) else label


def _sums_items_above(lr: "_LogicalRow", rows: list["_LogicalRow"], lay: TableLayout) -> bool:
    """Whether an unlabelled row of amounts mid-table is a total line: in every
    column it fills, it is the sum (to rounding) of at least two items since the
    last total (accounts print totals under a rule with no label)."""
    items = []
    earlier: list[_LogicalRow] = []
    part = lay.continues
    while part is not None:  # a statement continued from the part before: its items count too
        earlier = logical_rows(part) + earlier
        part = part.continues
    for r in reversed(earlier + rows):
        if r.total:
            break
        items.append(r)
    if len(items) < 2:
        return False
    checked = 0
    for i, raw in lr.values.items():
        v = parse_money(raw)
        if v is None:
            continue
        vals = [parse_money(r.values.get(i, "")) for r in items]
        vals = [x for x in vals if x is not None]
        if len(vals) < 2:
            return False
        unit = 10 ** -max((_decimals(r.values.get(i, "")) for r in items), default=0)
        if abs(sum(vals) - v) > max(0.01, 0.5 * unit * (len(vals) + 1)):
            return False
        checked += 1
    return checked >= 1


def _check_totals(rows: list[_LogicalRow], lay: TableLayout, res: ExtractResult, table_id: str, doc_sha: str, title: str):
    # A table continued from the page before: its items count towards totals here.
    earlier: list[_LogicalRow] = []
    part = lay.continues
    while part is not None:
        earlier = logical_rows(part) + earlier
        part = part.continues
    check = _TotalsCheck(lay, res, table_id, title, earlier + rows, {id(r) for r in rows})
    for col in money_cols(lay):
        if col.n_percent and col.n_percent >= col.n_values / 2 or _NON_ADDITIVE.search(col.header or ""):
            continue
        check.column(col)


class _Running:
    """The items read down one money column since the last total, and the totals so far."""

    def __init__(self) -> None:
        self.segment: list[tuple[float, str]] = []
        self.signed: list[float] = []
        self.all_items: list[float] = []
        self.subtotals: list[float] = []
        self.totals: list[float] = []
        self.incomplete = False  # an item in the segment whose amount could not be read

    def item(self, v: Optional[float], raw: str, label: Optional[str]) -> None:
        if v is not None:
            self.segment.append((v, raw))
            self.signed.append(-abs(v) if _DEDUCT.search(label or "") else v)
            self.all_items.append(v)
        elif raw.strip() and parse_value(raw).kind == "text":
            self.incomplete = True

    def total(self, v: float, kind: str) -> None:
        """A total read: it closes the segment of items."""
        (self.subtotals if kind == "subtotal" else self.totals).append(v)
        self.segment, self.signed, self.incomplete = [], [], False

    def candidates(self, kind: str) -> list[tuple[str, float, int]]:
        """What a total of ``kind`` may be the sum of: (method, computed, number of items), the plain sum first."""
        seg = self.segment
        cands: list[tuple[str, float, int]] = []
        if seg:
            cands.append(("sum", sum(x for x, _ in seg), len(seg)))
            if self.signed != [x for x, _ in seg]:
                cands.append(("signed_sum", sum(self.signed), len(self.signed)))
        if self.all_items and len(self.all_items) != len(seg):
            cands.append(("sum_all", sum(self.all_items), len(self.all_items)))
        # a total of the last k items only (a section printed without a heading row)
        for k in range(2, len(seg)):
            cands.append(("sum_last_items", sum(x for x, _ in seg[-k:]), k))
        if self.subtotals:
            cands.append(("sum_subtotals", sum(self.subtotals), len(self.subtotals)))
            cands.append(("sum_subtotals_items", sum(self.subtotals) + sum(x for x, _ in seg), len(self.subtotals) + len(seg)))
        if kind == "balance" or self.totals:
            if self.totals:
                cands.append(("balance", self.totals[-1] - sum(x for x, _ in seg), len(seg) + 1))
            if len(self.totals) >= 2:
                cands.append(("balance", self.totals[0] - self.totals[-1], 2))
        return cands


def _judge(v: float, cands: list[tuple[str, float, int]], tol: float,
           incomplete: bool) -> tuple[str, Optional[str], Optional[float], int]:
    """(status, method, computed, items) of a stated total against its candidate sums."""
    if not cands:
        return "unchecked", None, None, 0
    method, computed, n_items = min(cands, key=lambda c: abs(v - c[1]))
    if abs(v - computed) <= tol:
        return "ok", method, computed, n_items
    # report against the plain sum, the reader's first guess
    method, computed, n_items = cands[0]
    # an unreadable item amount: cannot judge
    return ("unchecked" if incomplete else "mismatch"), method, computed, n_items


class _TotalsCheck:
    """Each stated total of a table's money columns checked against the items above it."""

    def __init__(self, lay: TableLayout, res: ExtractResult, table_id: str, title: str,
                 rows: list[_LogicalRow], own: set[int]) -> None:
        self.lay, self.res, self.table_id, self.title = lay, res, table_id, title
        self.rows, self.own = rows, own  # own: the rows of this part (earlier parts only count)

    def column(self, col: Column) -> None:
        measure = value_measures(self.lay)[col.index]
        scale = column_scale(self.lay, col)
        run = _Running()
        for lr in self.rows:
            raw = lr.values.get(col.index, "")
            v = parse_money(raw, scale=scale)
            if not lr.total:
                run.item(v, raw, lr.label)
            elif v is not None and id(lr) in self.own:
                self._check(lr, (col, measure, scale), v, raw, run)
            elif v is not None:
                run.total(v, lr.total)

    def _check(self, lr: _LogicalRow, where: tuple, v: float, raw: str, run: _Running) -> None:
        col, measure, scale = where
        raws = [x for _, x in run.segment] + [raw]
        unit = (10 ** -max((_decimals(x) for x in raws), default=0)) * scale
        n = max(len(run.segment), len(run.all_items))
        tol = max(0.01, 0.5 * unit * (n + 1))
        status, method, computed, n_items = _judge(v, run.candidates(lr.total), tol, run.incomplete)
        label = lr.label or "Total"
        self.res.add(
            "budget_checks",
            {
                "check_id": row_id("budget_check", self.table_id, lr.row_index, col.index),
                "table_id": self.table_id,
                "total_item": label,
                "measure": measure,
                "stated_total": v,
                "computed": round(computed, 2) if computed is not None else None,
                "difference": round(v - computed, 2) if computed is not None else None,
                "n_items": n_items,
                "status": status,
                "method": method,
                "page": lr.page,
                "block_index": self.lay.block.index,
            },
        )
        if status == "mismatch":
            self.res.warn(
                f"budget total {label!r} ({measure}) in {self.title or 'untitled table'!r} is {v:,.2f} "
                f"but its {n_items} items sum to {computed:,.2f} (difference {v - computed:,.2f})",
                page=lr.page,
                block_index=self.lay.block.index,
                kind="total_mismatch",
            )
        run.total(v, lr.total)


def _emit_breakdown(bd, lr: "_LogicalRow", cell: tuple[Column, str], lay: TableLayout, res: ExtractResult, table_id: str) -> None:
    """A cell listing several labelled amounts and their total ("Ward A - £200 /
    Ward B - £300 / Total: £500"): one row per line, the total line a total
    (named as printed, "Total" when only "= £500"), checked against its lines.
    ``cell``: the cell's column and its measure."""
    col, measure = cell
    scale = column_scale(lay, col)
    lines = [(lbl, amt, None) for lbl, amt in bd.items]
    if bd.total is not None:
        lines.append((bd.total[0], bd.total[1], total_kind(bd.total[0]) or "total"))
    for k, (lbl, amt, kind) in enumerate(lines):
        res.add(
            "budget_amounts",
            {
                "amount_id": row_id("budget_amount", table_id, lr.row_index, col.index, k),
                "table_id": table_id,
                "row_index": lr.row_index,
                "line_number": lr.line,
                "item": lbl or lr.label or None,
                "measure": measure,
                "amount": parse_money(amt, scale=scale),
                "amount_raw": amt,
                "is_total": 1 if kind else 0,
                "total_kind": kind,
                "related_actions": lr.actions,
                "notes": lr.label or lr.notes,
                "page": lr.page,
                "block_index": lay.block.index,
            },
        )
    if bd.total is not None:
        _check_breakdown(bd, lr, cell, lay, res, table_id)


def _check_breakdown(bd, lr: "_LogicalRow", cell: tuple[Column, str], lay: TableLayout, res: ExtractResult, table_id: str) -> None:
    """A cell's stated total checked against the sum of its lines."""
    col, measure = cell
    scale = column_scale(lay, col)
    vals = [parse_money(a, scale=scale) for _, a in bd.items]
    stated = parse_money(bd.total[1], scale=scale)
    if stated is None or any(v is None for v in vals):
        return
    computed = sum(vals)
    unit = (10 ** -max((_decimals(a) for _, a in bd.items + [bd.total]), default=0)) * scale
    status = "ok" if abs(stated - computed) <= max(0.01, 0.5 * unit * (len(vals) + 1)) else "mismatch"
    res.add(
        "budget_checks",
        {
            "check_id": row_id("budget_check", table_id, lr.row_index, col.index, "cell"),
            "table_id": table_id,
            "total_item": f"{lr.label} {bd.total[0]}".strip() if lr.label else bd.total[0],
            "measure": measure,
            "stated_total": stated,
            "computed": round(computed, 2),
            "difference": round(stated - computed, 2),
            "n_items": len(vals),
            "status": status,
            "method": "sum",
            "page": lr.page,
            "block_index": lay.block.index,
        },
    )
    if status == "mismatch":
        res.warn(
            f"budget total {bd.total[0]!r} for {lr.label or 'a row'!r} ({measure}) is {stated:,.2f} "
            f"but its {len(vals)} items sum to {computed:,.2f} (difference {stated - computed:,.2f})",
            page=lr.page, block_index=lay.block.index, kind="total_mismatch",
        )


def emit_table(lay: TableLayout, res: ExtractResult, doc_sha: str, title: Optional[str], table_key: str = "table") -> int:
    rows = logical_rows(lay)
    table_id = row_id("budget_table", doc_sha, lay.block.index, table_key)
    measures = value_measures(lay)
    n_items = n_totals = 0
    value_cols = money_cols(lay)
    if not value_cols:
        return 0
    for lr in rows:
        if lr.total:
            n_totals += 1
        else:
            n_items += 1
        item = lr.label or ("Total" if lr.total else None)
        for col in value_cols:
            raw = lr.values.get(col.index, "")
            bd = lay.breakdowns.get((lr.row_index, col.index))
            if bd is not None and not bd.single:
                _emit_breakdown(bd, lr, (col, measures[col.index]), lay, res, table_id)
                continue
            if not raw.strip():
                continue  # a blank cell is no amount (e.g. an allocation not yet costed)
            note = lay.cell_notes.get((lr.row_index, col.index))
            res.add(
                "budget_amounts",
                {
                    "amount_id": row_id("budget_amount", table_id, lr.row_index, col.index),
                    "table_id": table_id,
                    "row_index": lr.row_index,
                    "line_number": lr.line,
                    "item": item,
                    "measure": measures[col.index],
                    "amount": _cell_amount(lay, col, raw),
                    "amount_raw": raw,
                    "is_total": 1 if lr.total else 0,
                    "total_kind": lr.total,
                    "related_actions": lr.actions,
                    "notes": "; ".join(x for x in (lr.notes, note) if x) or None,
                    "page": lr.page,
                    "block_index": lay.block.index,
                },
            )
    res.add(
        "budget_tables",
        {
            "table_id": table_id,
            "title": title,
            "header": json.dumps(lay.headers),
            "scale": lay.scale,
            "n_items": n_items,
            "n_totals": n_totals,
            "page": lay.block.page,
            "block_index": lay.block.index,
        },
    )
    _check_totals(rows, lay, res, table_id, doc_sha, title or "")
    return n_items


def _cell_amount(lay: TableLayout, col: Column, raw: str) -> Optional[float]:
    """A money cell's amount in pounds (the column's unit applied); a percentage as written."""
    pv = parse_value(raw)
    amount = parse_money(raw, scale=column_scale(lay, col))
    if amount is None and pv.kind == "percent":
        amount = pv.value
    return amount


# -- prose budgets ("Pooled fund start balance April 2009  £12,345") ------------

_NUM = r"\(?[-+]?\s?£?\s?[\d,]*\d(?:\.\d+)?(?:\s?(?:m|k|bn))?\)?"
_PROSE_ROW = re.compile(rf"^(?P<label>.*?[A-Za-z][^£]*?)[\s:=\-–]+(?P<nums>{_NUM}(?:\s+{_NUM}){{0,7}})\s*$")
_UNITS_LINE = re.compile(r"^(?:\(?£\s*(?:'?000'?s?|m|k)?\)?\s*){1,8}$", re.I)
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z&/'\-]*(?:\s+[A-Za-z][A-Za-z&/'\-]*){1,7}$")


def _moneyish(tok: str) -> bool:
    """An amount token in prose: has a pound sign, thousands comma or decimals (so
    "Q1 2009" or "Item 3" never count)."""
    return parse_money(tok) is not None and bool(re.search(r"£|,\d{3}|\.\d", tok))


def _prose_row(line: str) -> Optional[tuple[str, list[str]]]:
    m = _PROSE_ROW.match(line)
    if not m:
        return None
    label = m.group("label").strip(" :=-–")
    nums = re.findall(_NUM, m.group("nums"))
    nums = [n.strip() for n in nums if n.strip()]
    # "... start balance April 2010 £12,345": a year before the amounts is label
    while nums and not _moneyish(nums[0]):
        label = f"{label} {nums.pop(0)}"
    label = label.strip(" :=-–")
    if not nums or len(label) > 140 or len(label) < 3 or not all(_moneyish(n) for n in nums):
        return None
    if len(nums) == 1 and "£" not in nums[0] and not total_kind(label):
        # one bare number after a sentence is prose, not a budget line
        if len(label.split()) > 10:
            return None
    return label, nums


#: a short line that may be part of a row label wrapped over several lines
# (no amount, no sentence end: "Insurance, Technical" / "& Production Costs")
_LABEL_PART = re.compile(r"^(?=.*[A-Za-z])(?!.*[.:;!?]\s*-?\s*$)(?!.*[£$€]\s?\d).{1,60}$")


def _join_wrapped_label(lines: list[str], label: str) -> str:
    """A prose budget row's label with the lines it wraps from: the row's own
    label goes on from the line above ("(including 5% contingency)" under
    "& Production Costs" under "Insurance, Technical")."""
    if not lines:
        return label
    parts = [label]
    k = len(lines) - 1
    while k >= 0 and (parts[0][:1] in "&(+" or _continues_label(lines[k], parts[0])):
        parts.insert(0, lines[k])
        k -= 1
    return " ".join(parts)


def prose_budget(paper: Paper, ctx: ExtractContext, res: ExtractResult) -> None:
    """Budget lines written as text ("Original base budget 1,429,506.8 0.0 1,429,506.8"),
    read as a table: consecutive lines with the same number of amounts, column
    names from a header line with as many words ("Core External Total") and
    units from a "£000s £000s £000s" line."""
    doc = ctx.doc
    reader = _ProseRuns()
    for b in paper.blocks(doc):
        reader.block(b)
    reader.close()
    for k, run in enumerate(reader.runs):
        lay = analyse(_run_table(run))
        if lay is None or not lay.value_cols:
            continue
        lay.title = run["title"]
        emit_table(lay, res, doc.sha256, run["title"], table_key=f"prose{k}")


def _run_table(run: dict) -> Block:
    """A run of budget lines as a table block: a header row of column names, a row per line."""
    ncols = run["ncols"]
    if run["header"]:
        names = [f"{h} {run['units']}".strip() for h in run["header"]]
    elif ncols == 1:
        names = [f"Amount {run['units']}".strip()]
    else:
        names = [f"Column {i + 2} {run['units']}".strip() for i in range(ncols)]
    rows = [Row(cells=[Cell(text="Item")] + [Cell(text=n) for n in names], page=run["first"].page, is_header=True)]
    for b, label, nums in run["rows"]:
        rows.append(Row(cells=[Cell(text=label)] + [Cell(text=n) for n in nums], page=b.page))
    first = run["first"]
    blk = Block(kind=TABLE, rows=rows, page=first.page)
    blk.index = first.index
    return blk


class _ProseRuns:
    """Runs of consecutive budget lines with the same number of amounts, as they are met."""

    def __init__(self) -> None:
        self.runs: list[dict] = []
        self.cur: Optional[dict] = None
        self.title: Optional[str] = None
        self.header_words: list[str] = []
        self.units = ""
        self.label_lines: list[str] = []  # short lines with no amount just above: a row label wrapped over them

    def close(self) -> None:
        if self.cur and len(self.cur["rows"]) >= 2:
            self.runs.append(self.cur)
        self.cur = None

    def block(self, b: Block) -> None:
        if "boilerplate" in b.flags or b.kind == PAGE_BREAK:
            return  # a cost list may break across a page
        if b.kind == HEADING:
            self._heading(b)
            return
        if b.kind not in (PARAGRAPH, LIST_ITEM):
            self.close()
            self.label_lines = []
            return
        for line in b.norm.splitlines():
            line = one_line(line)
            if line:
                self._line(b, line)

    def _heading(self, b: Block) -> None:
        """A heading: the run's total set in bold, else the title of what follows."""
        row = _prose_row(one_line(b.norm))
        if row is not None and self.cur is not None and len(row[1]) == self.cur["ncols"] and total_kind(row[0]):
            self.cur["rows"].append((b, row[0], row[1]))  # "Total £125,000" set in bold: the run's total
            self.label_lines = []
            return
        self.close()
        self.label_lines = []
        self.title = one_line(b.norm)

    def _line(self, b: Block, line: str) -> None:
        if _UNITS_LINE.match(line):
            self.units = line.split()[0]
            return
        row = _prose_row(line)
        if row is None:
            self._not_a_row(line)
            return
        label, nums = row
        label = _join_wrapped_label(self.label_lines, label)
        self.label_lines = []
        if self.cur is not None and len(nums) != self.cur["ncols"]:
            self.close()
        if self.cur is None:
            hdr = self.header_words if len(self.header_words) == len(nums) else []
            self.cur = {"title": self.title, "ncols": len(nums), "header": hdr, "units": self.units, "rows": [], "first": b}
        self.cur["rows"].append((b, label, nums))

    def _not_a_row(self, line: str) -> None:
        """A line without amounts: part of a wrapped row label, a header line, or prose that ends the run."""
        if _LABEL_PART.match(line) and (not self.label_lines or _continues_label(self.label_lines[-1], line) or line[:1] in "&(+"):
            self.label_lines.append(line)
        elif _LABEL_PART.match(line):
            self.label_lines = [line]
        else:
            self.label_lines = []
        if _HEADER_LINE.match(line) and len(line.split()) <= 8:
            self.header_words = line.split()
            return
        if len(line) > 60:
            self.close()


def side_by_side(lay: TableLayout) -> list[TableLayout]:
    """A statement printed as two tables side by side ("Receipts | £ | Payments | £"):
    a second column of row names right of the amount columns starts a table of
    its own, so each amount is named by the label to its left. Returns the
    parts (just ``lay`` when the table is one)."""
    if lay.label_col is None:
        return [lay]
    starts = [lay.label_col]
    seen_value = False
    for c in lay.columns:
        if c.index <= lay.label_col:
            continue
        if c.role == "value":
            seen_value = True
        elif seen_value and c.role in ("notes", "text") and c.n_text >= 3 and c.n_values == 0 and not no_words(lay, c):
            # the column names rows (words, not figures) and has amounts of its own after it
            if any(v.role == "value" and v.index > c.index for v in lay.columns):
                starts.append(c.index)
                seen_value = False
    if len(starts) < 2:
        return [lay]
    block = lay.block
    grid = lay.grid
    parts = []
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(lay.columns)
        a = 0 if k == 0 else a  # amounts printed left of the first row names belong to it
        rows = []
        for r, cells in enumerate(grid):
            src = block.rows[r] if r < len(block.rows) else None
            rows.append(Row(cells=[Cell(text=cells[c]) for c in range(a, b)], page=lay.row_page(r),
                            is_header=bool(src and src.is_header)))
        blk = Block(kind=TABLE, rows=rows, page=block.page)
        blk.index = block.index
        part = analyse(blk)
        if part is None or not part.value_cols:
            return [lay]
        part.title, part.scale = lay.title, lay.scale if part.scale == 1 else part.scale
        parts.append(part)
    return parts


@register
class BudgetExtractor(Extractor):
    """Budget tables in budget papers, and budget-looking tables in any paper
    (except agendas and cover letters)."""

    name = "budgets"
    paper_types = (BUDGET, PERFORMANCE, PROGRESS_REPORT, ACTION_PLAN, MINUTES, OTHER)
    produces = ("budget_tables", "budget_amounts", "budget_checks")
    order = 60

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        for block, lay, verdict, title in analysed_tables(paper, ctx.doc, ctx.table_analyses):
            if verdict.kind != "budget":
                continue
            try:
                parts = side_by_side(lay)
                for k, part in enumerate(parts):
                    emit_table(part, res, ctx.doc.sha256, lay.title, table_key="table" if len(parts) == 1 else f"side{k}")
            except Exception as e:  # one odd table must not lose the document
                res.warn(f"budget table not read: {type(e).__name__}: {e}", page=block.page, block_index=block.index, kind="budget")
        if paper.paper_type == BUDGET:
            prose_budget(paper, ctx, res)
        return res
