"""Stated totals of a budget table checked against the items above them.

Every total, subtotal and balance row of a money column is compared with the
sums its items could make (plain, signed, since the last subtotal, a balance
carried down), within the rounding the printed amounts allow; on a statement
form whose lines carry arithmetic signs ("(+)", "(-)", "(=)") only the "(=)"
line is a sum, of the lines above it taken with their signs; the outcome is a
``budget_checks`` row, and a mismatch is also a ``total_mismatch`` warning.
A cell that lists labelled amounts and their total is checked the same way.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.numbers import parse_money, parse_value
from boardpack.extractors.base import ExtractResult, row_id
from boardpack.extractors.budget_labels import cell_scale, decimals, money_cols, total_kind, value_measures
from boardpack.extractors.budget_rows import LogicalRow, logical_rows
from boardpack.extractors.numeric_tables import Column, TableLayout, column_scale

_NON_ADDITIVE = re.compile(r"%|per\s+cent|percent|per\s+(?:pupil|head|capita|client|person|unit)|rate|ratio|average|\bfte\b|number|\bno\.?\b", re.I)
# Items whose amount a balance subtracts although it is printed positive.
_DEDUCT = re.compile(r"^\s*(?:deduct|less|minus|expenditure|payments?|spent|spend)\b", re.I)


def check_totals(rows: list[LogicalRow], lay: TableLayout, res: ExtractResult, table_id: str, doc_sha: str, title: str):
    # A table continued from the page before: its items count towards totals here.
    earlier: list[LogicalRow] = []
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

    def item(self, v: Optional[float], raw: str, label: Optional[str], deduct: bool = False) -> None:
        if v is not None:
            self.segment.append((v, raw))
            self.signed.append(-abs(v) if deduct or _DEDUCT.search(label or "") else v)
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
    # an unreadable item amount: cannot judge; a "total" of one item restates
    # it (or totals items the table does not print), so a difference there
    # is no evidence that the figures fail to add up
    return ("unchecked" if incomplete or n_items < 2 else "mismatch"), method, computed, n_items


_NET_LINE = re.compile(r"^\s*net\b", re.I)
#: The arithmetic sign a statement form prints before a line ("2. (+) Precept", "7. (=) Balances carried forward").
_FORM_SIGN = re.compile(r"^\s*(?:\d{1,2}[.,]?\s*)?\(\s*([-+=])\s*\)")


def form_sign(lay: TableLayout, lr: LogicalRow) -> Optional[str]:
    """The sign a statement form prints before row ``lr``'s label (+, - or =), or None."""
    if lay.label_col is None:
        return None
    m = _FORM_SIGN.match(lay.cell(lr.row_index, lay.label_col) or "")
    return m.group(1) if m else None


class _TotalsCheck:
    """Each stated total of a table's money columns checked against the items above it."""

    def __init__(self, lay: TableLayout, res: ExtractResult, table_id: str, title: str,
                 rows: list[LogicalRow], own: set[int]) -> None:
        self.lay, self.res, self.table_id, self.title = lay, res, table_id, title
        self.rows, self.own = rows, own  # own: the rows of this part (earlier parts only count)

    def column(self, col: Column) -> None:
        measure = value_measures(self.lay)[col.index]
        scale = column_scale(self.lay, col)
        run = _Running()
        signs = {id(lr): form_sign(self.lay, lr) for lr in self.rows}
        form = any(signs.values())
        for lr in self.rows:
            raw = lr.values.get(col.index, "")
            v = parse_money(raw, scale=cell_scale(raw, scale))
            sign = signs[id(lr)]
            if not lr.total or (form and sign in ("+", "-")):
                # on a statement form a line marked (+) or (-) is a term of the (=) line,
                # whatever its words ("3. (+) Total other receipts")
                run.item(v, raw, lr.label, deduct=sign == "-")
            elif form and sign != "=":
                continue  # a form's other lines (boxes after the result) total nothing printed above them
            elif v is not None and id(lr) in self.own:
                self._check(lr, (col, measure, scale), v, raw, run)
            elif v is not None:
                run.total(v, lr.total)

    def _check(self, lr: LogicalRow, where: tuple, v: float, raw: str, run: _Running) -> None:
        col, measure, scale = where
        raws = [x for _, x in run.segment] + [raw]
        unit = (10 ** -max((decimals(x) for x in raws), default=0)) * scale
        n = max(len(run.segment), len(run.all_items))
        tol = max(0.01, 0.5 * unit * (n + 1))
        status, method, computed, n_items = _judge(v, run.candidates(lr.total), tol, run.incomplete)
        label = lr.label or "Total"
        if status == "mismatch" and _NET_LINE.match(label):
            # a net line combines other totals ("NET CHANGE" = spending + savings + reserves,
            # "NET BUDGET" = base + net change) in ways the table does not print: it is ok
            # when a sum above matches it, and otherwise not evidence of an error
            status = "unchecked"
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


def emit_breakdown(bd, lr: LogicalRow, cell: tuple[Column, str], lay: TableLayout, res: ExtractResult, table_id: str) -> None:
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
                "amount": parse_money(amt, scale=cell_scale(amt, scale)),
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


def _check_breakdown(bd, lr: LogicalRow, cell: tuple[Column, str], lay: TableLayout, res: ExtractResult, table_id: str) -> None:
    """A cell's stated total checked against the sum of its lines."""
    col, measure = cell
    scale = column_scale(lay, col)
    vals = [parse_money(a, scale=cell_scale(a, scale)) for _, a in bd.items]
    stated = parse_money(bd.total[1], scale=cell_scale(bd.total[1], scale))
    if stated is None or any(v is None for v in vals):
        return
    computed = sum(vals)
    unit = (10 ** -max((decimals(a) for _, a in bd.items + [bd.total]), default=0)) * scale
    status = "ok" if abs(stated - computed) <= max(0.01, 0.5 * unit * (len(vals) + 1)) else "mismatch"
    if status == "mismatch" and len(vals) < 2:
        status = "unchecked"  # a total of one line restates it (see _judge)
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
