"""Status tables: any table with a status column, action plan or not.

Papers rate their items in tables of every kind: a priorities table whose
progress is only a cell's colour, a scorecard with a RAG column, a performance
summary with ticks and crosses. A table has a *status column* when most of its
rows carry, in that column, a status signal (:mod:`boardpack.extractors.status_columns`):
a fill colour that stands for a status (through the document's colour key,
else by hue), a RAG word ("Green", "AMBER", a lone "R"/"A"/"G"), or a tick or
cross. Each such row becomes one
update in ``v_action_updates`` (``plan_updates`` and its plan and action rows):
the row's label (the leftmost column of phrases) is the item, a reference
column or a leading number its ref, the status column's header or the paper's
meeting gives the period.

A key inside the table (rows after a "Key" caption, or a row pairing several
colours with words) is read as the key and is not an item; a key table
elsewhere or a legend paragraph next to the table serves too
(:mod:`boardpack.extractors.colour_key`).

Tables another extractor already read as actions (action plans and logs,
minutes' action tables) or as attendance stay theirs: this extractor runs
after them and skips every table their rows point at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Cell, Paper, Row
from boardpack.core.periods import Period, parse_period, period_for_meeting
from boardpack.core.status import stats_awaited
from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.colour_key import KEY_CAPTION, document_key, is_key_table, legend_near
from boardpack.extractors.report_context import context_date, is_furniture, join_lines, one_line, title_key
from boardpack.extractors.status_columns import (  # noqa: F401  (cell_signal, find_status_table: the API tests use)
    StatusTable,
    cell_signal,
    covering,
    find_status_table,
    period_headers,
)

#: rows of other extractors' tables that mean "this table is mine"
OWNED_BY_OTHERS = ("plan_updates", "plan_actions", "action_plans", "minute_actions", "attendance")
#: a number leading an item's label, where a reader joined the reference column into it
_LEADING_REF = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)[.)]?\s+(?=[A-Za-z])")


@dataclass
class _Item:
    """One item row of a status table, with the ids its update hangs on."""

    plan_id: str
    plan_key: str
    action_id: str
    ref: str
    row: Row
    cells: dict[int, Cell]


class _Emitter:
    """Plan, action and update rows for the status tables of one document."""

    def __init__(self, ctx: ExtractContext):
        self.ctx = ctx
        self.res = ExtractResult()
        self.date = context_date(ctx)
        self.ordinal = len(ctx.results.rows.get("action_plans", []))
        #: the last status table read, with its plan (id, key, title) and item count
        self.last: Optional[tuple[StatusTable, str, str, str, int]] = None

    def title_of(self, t: StatusTable) -> str:
        """The table's own title row, else the heading above the table, else a
        short line above it, else its label column's name."""
        if t.caption and not KEY_CAPTION.match(t.caption):
            return t.caption
        doc = self.ctx.doc
        line = None
        for i in range(t.block.index - 1, max(-1, t.block.index - 7), -1):
            pb = doc.blocks[i]
            if pb.kind == TABLE:
                break
            if pb.kind not in (HEADING, PARAGRAPH, LIST_ITEM) or is_furniture(pb) or not pb.norm.strip():
                continue
            text = one_line(pb.text) or one_line(pb.norm)
            if KEY_CAPTION.match(text):
                continue
            if pb.kind == HEADING or pb.bold:
                return text
            if line is None and len(text) <= 100 and not text.endswith("."):
                line = text
        if line:
            return line
        name = t.header[t.label_col] if t.label_col < len(t.header) else ""
        return f"{name or 'Items'} status"

    def period_of(self, t: StatusTable, col: int, title: str) -> Optional[Period]:
        for text in (t.header[col] if col < len(t.header) else "", title):
            per = parse_period(text, self.date) if text else None
            if per is not None and per.kind in ("quarter", "month", "ytd"):
                return per
        return period_for_meeting(self.date)

    def continues(self, t: StatusTable) -> bool:
        """The table goes on from the last status table over a page break: nothing
        but page furniture between them, the same columns, the same status column."""
        if self.last is None:
            return False
        prev = self.last[0]
        between = self.ctx.doc.blocks[prev.block.index + 1: t.block.index]
        if any(x.kind != "page_break" and not is_furniture(x) and x.norm.strip() for x in between):
            return False
        return prev.block.n_cols == t.block.n_cols and prev.status_cols == t.status_cols \
            and prev.label_col == t.label_col and (not any(t.header) or t.header == prev.header)

    def table(self, t: StatusTable) -> None:
        b = t.block
        if self.continues(t) and self.last is not None:
            prev, pid, key, title, first = self.last
            t.header = prev.header  # a continuation page need not repeat the header
        else:
            title = self.title_of(t)
            pid = row_id("status_table", self.ctx.doc.sha256, b.index, title)
            key = title_key(title)
            first = 0
            self.plan_row(t, pid, key, title)
        cols = _period_columns(t, self) or [t.status_cols[-1]]  # the last is the latest, unless each names its period
        for n, (i, row, g) in enumerate(t.items, start=first):
            label_cell = covering(g, t.label_col)
            label_raw = label_cell.text
            label = join_lines(label_raw)
            ref_cell = g.get(t.ref_col) if t.ref_col is not None else None
            ref = ref_cell.norm.strip().rstrip(".") if ref_cell is not None and ref_cell is not label_cell else ""
            m = _LEADING_REF.match(label)
            if not ref and m and t.ref_col is not None:
                # the reference merged into the label's cell (a reader joined the two columns)
                ref, label = m.group(1), label[m.end():]
            aid = row_id("status_item", pid, n, ref, label)
            self.res.add("plan_actions", {
                "action_id": aid, "plan_id": pid, "plan_key": key, "priority": None, "number": ref or None,
                "action_text": label, "raw_text": label_raw, "lead_agency": None, "other_partners": None,
                "status": None, "status_raw": None, "funding_allocated": None, "funding_raw": None,
                "ordinal": n, "page": row.page or b.page, "block_index": b.index,
            })
            for col in cols:
                self.update(t, _Item(pid, key, aid, ref, row, g), col, title)
        self.last = (t, pid, key, title, first + len(t.items))

    def plan_row(self, t: StatusTable, pid: str, key: str, title: str) -> None:
        b = t.block
        plan_per = parse_period(title, self.date)
        if plan_per is not None and plan_per.kind in ("quarter", "month", "ytd"):
            plan_per = None
        main = t.status_cols[-1]
        self.res.add("action_plans", {
            "plan_id": pid, "ordinal": self.ordinal, "title": title, "title_key": key, "owning_group": None,
            "period": plan_per.label if plan_per else None, "period_start": plan_per.start if plan_per else None,
            "period_end": plan_per.end if plan_per else None, "period_raw": plan_per.raw if plan_per else None,
            "update_period_raw": (t.header[main] or None) if main < len(t.header) else None,
            "page": b.page, "page_end": b.page_end, "block_index": b.index,
        })
        self.ordinal += 1

    def update(self, t: StatusTable, item: _Item, col: int, title: str) -> None:
        pid, key, aid, ref, row, g = item.plan_id, item.plan_key, item.action_id, item.ref, item.row, item.cells
        sig = cell_signal(g.get(col), t.key, self.ctx.settings)
        if sig is None:
            return  # the item has no status in this column (left blank)
        cell = g[col]
        progress = cell.norm.strip() if sig.kind == "shaded text" else None
        per = self.period_of(t, col, title)
        self.res.add("plan_updates", {
            "update_id": row_id("status_update", pid, aid, col, per.label if per else None),
            "plan_id": pid, "action_id": aid, "milestone_id": None, "plan_key": key, "action_ref": ref or None,
            "ref": ref, "period": per.label if per else None, "period_start": per.start if per else None,
            "period_end": per.end if per else None, "period_kind": per.kind if per else None,
            "period_inferred": per.inferred if per else None, "period_raw": per.raw if per else None,
            "progress": join_lines(progress) if progress else None, "progress_raw": cell.text or None,
            "status": sig.status, "status_raw": sig.raw, "fill": sig.fill,
            "stats_awaited": int(stats_awaited(progress or "", self.ctx.settings)),
            "funding_allocated": None, "funding_raw": None,
            "page": row.page or t.block.page, "block_index": t.block.index,
        })


def _period_columns(t: StatusTable, em: _Emitter) -> list[int]:
    """Several status columns each headed by its own period ("Q1", "Q2"): all of them."""
    if len(t.status_cols) < 2:
        return []
    return t.status_cols if period_headers(t.header, t.status_cols, em.date) else []


def owned_tables(ctx: ExtractContext) -> set[int]:
    """Table blocks whose rows another extractor already stored."""
    out: set[int] = set()
    for name in OWNED_BY_OTHERS:
        out.update(r.get("block_index") for r in ctx.results.rows.get(name, []) if r.get("block_index") is not None)
    return out


def extract_status_tables(ctx: ExtractContext) -> ExtractResult:
    doc, settings = ctx.doc, ctx.settings
    owned = owned_tables(ctx)
    doc_key = document_key(doc, settings)
    em = _Emitter(ctx)
    for b in doc.blocks:
        if b.kind != TABLE or not b.rows or b.index in owned or "boilerplate" in (b.flags or ()):
            continue
        if is_key_table(b, settings):
            continue
        key = legend_near(doc, b, settings)
        key.update(doc_key)
        try:
            t = find_status_table(b, key, settings)
            if t is not None:
                em.table(t)
        except Exception as e:  # noqa: BLE001 - one odd table must not lose the pack's other rows
            em.res.warn(f"status table skipped: {type(e).__name__}: {e}", page=b.page, block_index=b.index,
                        kind="extract_error")
    return em.res


@register
class StatusTableExtractor(Extractor):
    name = "status_tables"
    paper_types = (WHOLE_DOCUMENT,)
    produces = ("action_plans", "plan_actions", "plan_updates")
    order = 95  # after action plans, minutes and attendance: their tables stay theirs

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        return extract_status_tables(ctx)
