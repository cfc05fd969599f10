"""A budget table's body rows read into logical rows: one per item or total.

Printed budget tables wrap labels over several grid rows, put a label's
amounts on the line below it, print group headings with no amount and
unlabelled total lines under a rule. This module turns the grid into the rows
a reader means (label, line number, related actions, notes, amounts per
money column, total kind), which both the amounts and the totals check use.
"""

from __future__ import annotations

import re

from boardpack.core.numbers import parse_money
from boardpack.extractors.budget_labels import clean_label, continues_label, decimals, money_cols, related_actions, total_kind
from boardpack.extractors.numeric_tables import TableLayout

_RELATES = re.compile(r"\brelat\w*\s+to\s+actions?\s*:?\s*((?:\d{1,2}\.\d{1,2}[a-z]?[\s,;&and]*)+)", re.I)


class LogicalRow:
    """One item or total of a budget table, by column role."""

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


def _spread_run_together(lr: LogicalRow, value_idx: list[int]) -> None:
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


def logical_rows(lay: TableLayout) -> list[LogicalRow]:
    """Body rows with wrapped labels joined, group headings dropped and totals marked."""
    return _RowJoiner(lay).rows()


def _row_cells(lay: TableLayout, r: int, value_idx: list[int]) -> LogicalRow:
    """Grid row ``r`` by column role: line number, label, related actions, notes and the money cells."""
    row = lay.grid[r]
    lr = LogicalRow(r, lay.row_page(r))
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
        self.out: list[LogicalRow] = []
        self.pending_label = ""
        self.wrapped_from: set[int] = set()  # grid rows of the last logical row and its wrapped label lines
        self.last_value_pos = max((k for k, r in enumerate(self.body) if self._has_values(r)), default=-1)

    def _has_values(self, r: int) -> bool:
        grid = self.lay.grid
        return any((grid[r][i] if i < len(grid[r]) else "").strip() for i in self.value_idx)

    def rows(self) -> list[LogicalRow]:
        for pos, r in enumerate(self.body):
            lr = _row_cells(self.lay, r, self.value_idx)
            if any(v.strip() for v in lr.values.values()):
                self._with_values(pos, r, lr)
            else:
                self._without_values(pos, r, lr)
        return self.out

    def _without_values(self, pos: int, r: int, lr: LogicalRow) -> None:
        """A row without amounts: a label whose amounts stand on the next line, a wrapped
        label line, a numbered line with no amount yet, or a group heading / note row."""
        lay, body = self.lay, self.body
        if lr.label and not lr.line and pos + 1 < len(body):
            nxt = lay.grid[body[pos + 1]]
            nlabel = nxt[lay.label_col] if lay.label_col is not None else ""
            if not nlabel.strip() or (self._has_values(body[pos + 1]) and continues_label(lr.label, nlabel)):
                # the label's first line; its amounts stand on the next line
                self.pending_label = f"{self.pending_label} {lr.label}".strip()
                return
        if (lr.label or lr.notes) and self.out and not lr.line and pos and body[pos - 1] in self.wrapped_from \
                and (lr.label[:1].islower() or self._numbered_wrap(r)):
            # label (or note) wrapped onto a row of its own, right under its row
            # (not a footnote's later lines after the rows it follows)
            last = self.out[-1]
            if lr.label:
                last.label = clean_label(f"{last.label} {lr.label}")
            if lr.notes:
                last.notes = f"{last.notes} {lr.notes}" if last.notes else lr.notes
            self.wrapped_from.add(r)
            return
        if lr.line or lr.actions:
            self.out.append(lr)  # a numbered line with no amount yet ("Awaiting costings")
            self.wrapped_from = {r}

    def _numbered_wrap(self, r: int) -> bool:
        """Whether grid row ``r`` (no line number, no amount) is the wrapped text of the
        numbered line above it: where a table numbers its lines, an unnumbered line of
        ordinary type under a numbered one continues its cells ("Community & school
        presentations of" / "Chelsea's Choice and Tough Love"); a group heading is set
        in bold, and a line wrapped in a ruled cell never gets a row of its own."""
        lay = self.lay
        if not any(c.role == "line" for c in lay.columns) or not self.out or not self.out[-1].line:
            return False
        src = lay.block.rows[r] if r < len(lay.block.rows) else None
        return not (src and any(c.bold for c in src.cells))

    def _with_values(self, pos: int, r: int, lr: LogicalRow) -> None:
        pending = self.pending_label
        if pending and not lr.label:
            lr.label = pending
        elif pending and continues_label(pending, lr.label):
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
            if pos != self.last_value_pos and not sums_items_above(lr, self.out, self.lay):
                return  # amounts mid-table with no label to name them by
            lr.total = "total"  # unlabelled row of amounts at the foot (or summing the items above): a column total
        self.out.append(lr)


def sums_items_above(lr: LogicalRow, rows: list[LogicalRow], lay: TableLayout) -> bool:
    """Whether an unlabelled row of amounts mid-table is a total line: in every
    column it fills, it is the sum (to rounding) of at least two items since the
    last total (accounts print totals under a rule with no label)."""
    items = []
    earlier: list[LogicalRow] = []
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
        unit = 10 ** -max((decimals(r.values.get(i, "")) for r in items), default=0)
        if abs(sum(vals) - v) > max(0.01, 0.5 * unit * (len(vals) + 1)):
            return False
        checked += 1
    return checked >= 1
