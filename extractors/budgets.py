"""Budgets and spending plans to long format, with totals checked.

Every table :func:`numeric_tables.classify` calls a budget (in a budget paper,
or a budget-looking table in any other paper) becomes one ``budget_amounts``
row per (item, amount column): item label, measure (the column header:
"Amount", "Original Allocation", "Revised allocation" ...), amount in pounds
(brackets negative, "£000"/"£m" captions applied), line number, related
actions ("1.1, 2.2" -> "1.1;2.2") and notes. Rows labelled TOTAL / Total
funding available / Sub-total / Balance / Overall Position / Net cost, or an
unlabelled row of amounts at the foot, are totals: each is checked against the
sum of the items it covers (``budget_checks``); a total that differs from at
least two items by more than rounding is a mismatch, also a
``total_mismatch`` warning.

In budget papers, lines of prose such as "Pooled fund start balance April
2009 £12,345" are read as a two-column table too.

Every amount carries its unit (``scale``: the multiplier a "£000"/"£m"/"(in
thousands)" header, caption or line above the table applied to the figure,
which ``amount_raw`` keeps; ``unit``: "£m", "$000", "£", "%") and its
financial year with where it was read (``financial_year``, ``year_source``).

The work is split by meaning: :mod:`.budget_labels` (total and measure
words, units), :mod:`.budget_rows` (grid rows into logical rows),
:mod:`.budget_totals` (the checks), :mod:`.budget_prose` (lines of prose
as tables), :mod:`.budgets_sections` (a table printed in sections, each under
its own header row), :mod:`.budgets_columns` (amount columns a text layer ran
together) and :mod:`.budgets_year` (financial years); this module writes the
rows and registers the extractor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import ACTION_PLAN, BUDGET, MINUTES, OTHER, PERFORMANCE, PROGRESS_REPORT, TABLE, Block, Cell, Paper, Row
from boardpack.core.numbers import parse_money, parse_value
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.report_context import context_date
from boardpack.extractors.budget_labels import cell_scale, column_unit, money_cols, value_measures
from boardpack.extractors.budget_prose import prose_tables
from boardpack.extractors.budget_rows import LogicalRow, logical_rows
from boardpack.extractors.budget_totals import check_totals, emit_breakdown
from boardpack.extractors.budgets_beside import names_beside, with_names
from boardpack.extractors.budgets_columns import split_run_together
from boardpack.extractors.budgets_sections import BARE_TOTAL, sections
from boardpack.extractors.budgets_year import YearFinder
from boardpack.extractors.numeric_tables import (
    Column, TableLayout, analyse, analysed_tables, column_scale, no_words, unit_line_above,
)


@dataclass(frozen=True)
class Scope:
    """What every budget table of one paper shares: its document and where its years are read."""

    doc_sha: str
    years: Optional[YearFinder] = None
    #: the line stating the unit above each table ("All figures in £m"), by block index
    unit_lines: dict = field(default_factory=dict)


def emit_table(lay: TableLayout, res: ExtractResult, scope: Scope, title: Optional[str], table_key: str = "table",
               section: Optional[str] = None) -> int:
    rows = logical_rows(lay)
    table_id = row_id("budget_table", scope.doc_sha, lay.block.index, table_key)
    measures = value_measures(lay)
    value_cols = money_cols(lay)
    if not value_cols:
        return 0
    table_year = (scope.years.table_year(title, lay.captions, tuple(c.header for c in value_cols))
                  if scope.years else (None, None))
    # per money column: (scale, unit, (financial year, where it was read))
    above = scope.unit_lines.get(lay.block.index)
    units = {c.index: (column_scale(lay, c), column_unit(lay, c, column_scale(lay, c), above),
                       YearFinder.column_year(c.header, table_year)) for c in value_cols}
    for lr in rows:
        item = lr.label or ("Total" if lr.total else None)
        if section and lr.total and item and BARE_TOTAL.match(item):
            item = f"{section} {item}"  # "Totals" of the expenditure section: "EXPENDITURE Totals"
        for col in value_cols:
            raw = lr.values.get(col.index, "")
            bd = lay.breakdowns.get((lr.row_index, col.index))
            if bd is not None and not bd.single:
                emit_breakdown(bd, lr, (col, measures[col.index]), lay, res, table_id)
            elif raw.strip():  # a blank cell is no amount (e.g. an allocation not yet costed)
                res.add("budget_amounts", _amount_row(lay, lr, col, (table_id, item, measures[col.index]), units[col.index]))
    n_totals = sum(1 for lr in rows if lr.total)
    res.add(
        "budget_tables",
        {
            "table_id": table_id,
            "title": title,
            "header": json.dumps(lay.headers),
            "scale": lay.scale,
            "financial_year": table_year[0],
            "year_source": table_year[1],
            "n_items": len(rows) - n_totals,
            "n_totals": n_totals,
            "page": lay.block.page,
            "block_index": lay.block.index,
        },
    )
    check_totals(rows, lay, res, table_id, scope.doc_sha, title or "")
    _years_of_other_rows(res, table_id, {measures[c]: u[2] for c, u in units.items()}, table_year)
    return len(rows) - n_totals


def _amount_row(lay: TableLayout, lr: LogicalRow, col: Column, names: tuple, unit: tuple) -> dict:
    """One ``budget_amounts`` row: ``names`` is (table id, item, measure), ``unit`` the
    column's (scale, unit, (financial year, its source))."""
    table_id, item, measure = names
    raw = lr.values.get(col.index, "")
    scale, unit_text, (fy, fy_source) = unit
    if parse_value(raw).kind == "percent":
        scale, unit_text = 1, "%"
    elif cell_scale(raw, scale) != scale:
        scale = 1  # the cell writes its own multiplier ("£1.2m")
    note = lay.cell_notes.get((lr.row_index, col.index))
    return {
        "amount_id": row_id("budget_amount", table_id, lr.row_index, col.index),
        "table_id": table_id,
        "row_index": lr.row_index,
        "line_number": lr.line,
        "item": item,
        "measure": measure,
        "amount": _cell_amount(lay, col, raw),
        "amount_raw": raw,
        "is_total": 1 if lr.total else 0,
        "total_kind": lr.total,
        "related_actions": lr.actions,
        "notes": "; ".join(x for x in (lr.notes, note) if x) or None,
        "page": lr.page,
        "block_index": lay.block.index,
        "scale": scale,
        "unit": unit_text,
        "financial_year": fy,
        "year_source": fy_source,
    }


def _years_of_other_rows(res: ExtractResult, table_id: str, by_measure: dict, table_year: tuple) -> None:
    """The checks and the lines of a breakdown cell of a table get the year of their column."""
    for name in ("budget_checks", "budget_amounts"):
        for r in res.rows.get(name, []):
            if r["table_id"] == table_id and "financial_year" not in r:
                r["financial_year"], r["year_source"] = by_measure.get(r.get("measure"), table_year)


def _cell_amount(lay: TableLayout, col: Column, raw: str) -> Optional[float]:
    """A money cell's amount in pounds (the column's unit applied); a percentage as written."""
    pv = parse_value(raw)
    amount = parse_money(raw, scale=cell_scale(raw, column_scale(lay, col)))
    if amount is None and pv.kind == "percent":
        amount = pv.value
    return amount


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
        scope = Scope(ctx.doc.sha256, YearFinder(paper, ctx.doc, context_date(ctx)))
        for block, lay, verdict, title in analysed_tables(paper, ctx.doc, ctx.table_analyses):
            if verdict.kind != "budget":
                continue
            scope.unit_lines[block.index] = unit_line_above(ctx.doc, block, paper)
            try:
                named = names_beside(ctx.doc, block, paper, lay, ctx.table_analyses)
                split = split_run_together(lay)
                secs = sections(with_names(split, named) if named else split)
                for j, sec in enumerate(secs):
                    parts = side_by_side(sec.layout)
                    for k, part in enumerate(parts):
                        key = "table" if len(parts) == 1 else f"side{k}"
                        if len(secs) > 1:
                            key = f"section{j}" + ("" if len(parts) == 1 else f"-{key}")
                        emit_table(part, res, scope, lay.title, table_key=key, section=sec.name)
            except Exception as e:  # one odd table must not lose the document
                res.warn(f"budget table not read: {type(e).__name__}: {e}", page=block.page, block_index=block.index, kind="budget")
        if paper.paper_type == BUDGET:
            for k, lay, title in prose_tables(paper, ctx.doc):
                emit_table(lay, res, scope, title, table_key=f"prose{k}")
        return res
