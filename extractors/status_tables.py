"""Status tables: any table with a status column, action plan or not.

Papers rate their items in tables of every kind: a priorities table whose
progress is only a cell's colour, a scorecard with a RAG column, a performance
summary with ticks and crosses. A table has a *status column* when most of its
rows carry, in that column, a status signal: a fill colour that stands for a
status (through the document's colour key, else by hue), a RAG word ("Green",
"AMBER", a lone "R"/"A"/"G"), or a tick or cross. Each such row becomes one
update in ``v_action_updates`` (``plan_updates`` and its plan and action rows):
the row's label (the column with the most words) is the item, a reference
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
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Cell, Row
from boardpack.core.periods import Period, parse_period, period_for_meeting
from boardpack.core.settings import Settings
from boardpack.core.status import AMBER, GREEN, RED, stats_awaited, status_from_text, status_word
from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.colour_key import (
    KEY_CAPTION,
    KEY_LEAD,
    ColourKey,
    document_key,
    is_key_table,
    key_pairs,
    key_status,
    legend_key,
    legend_near,
    table_key,
)
from boardpack.extractors.report_context import context_date, is_furniture, join_lines, one_line, title_key

#: rows of other extractors' tables that mean "this table is mine"
OWNED_BY_OTHERS = ("plan_updates", "plan_actions", "action_plans", "minute_actions", "attendance")

# check marks, ballot box with check; and Word's Wingdings tick and boxed tick
# (a w:sym that the reader gives as its private-use code, U+F0FC and U+F0FE)
TICKS = set("\u2713\u2714\u2705\u2611\uf0fc\uf0fe")
# ballot x's, cross marks, ballot box with x; Wingdings cross and boxed cross (U+F0FB, U+F0FD)
CROSSES = set("\u2717\u2718\u274c\u274e\u2612\uf0fb\uf0fd")
_RAG_CELL = re.compile(r"^\W*(green|amber|red|yellow|orange|g|a|r)\W*$", re.I)
_RAG_OF = {"green": GREEN, "g": GREEN, "amber": AMBER, "yellow": AMBER, "orange": AMBER, "a": AMBER,
           "red": RED, "r": RED}
#: a reference in a number column: "1", "1.2", "3a", "P4", "(b)", "iv."
REF = re.compile(r"^\(?(?:[A-Za-z]{0,2}\d{1,3}(?:[.\-]\d{1,3}){0,2}[a-z]?|[a-z]|[ivx]{1,4})\)?\.?$")
_LEADING_REF = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)[.)]?\s+(?=[A-Za-z])")

MAX_RAG_WORDS = 6  # a status cell that names its RAG rating is short; a RAG word in prose is not one
MAX_STATUS_COLUMNS = 2  # more, not headed by periods, is a matrix (items x departments)
MIN_ROWS = 2  # a status column is a pattern: one coloured cell is not a table's status
MIN_SHARE = 0.6  # of the table's item rows that carry a signal in the column


@dataclass
class Signal:
    status: str
    raw: str  # the words, tick or "#rrggbb" fill it came from
    kind: str  # "fill" (an empty cell) | "shaded text" | "word" | "tick"
    fill: Optional[str] = None


@dataclass
class StatusTable:
    block: Block
    header: list[str]
    label_col: int
    ref_col: Optional[int]
    status_cols: list[int]
    items: list[tuple[int, Row, dict[int, Cell]]] = field(default_factory=list)
    key: ColourKey = field(default_factory=ColourKey)


def grid_cells(row: Row) -> dict[int, Cell]:
    """A row's cells by the grid column they start in (merged cells once)."""
    out, col = {}, 0
    for c in row.cells:
        if not c.continued:
            out[col] = c
        col += c.colspan
    return out


def covering(g: dict[int, Cell], col: int) -> Optional[Cell]:
    """The cell over grid column ``col`` (a merged cell covers the columns it spans)."""
    for start, c in g.items():
        if start <= col < start + c.colspan:
            return c
    return None


def cell_signal(cell: Optional[Cell], key: ColourKey, settings: Optional[Settings] = None) -> Optional[Signal]:
    """The status a cell shows, or None: a tick or cross, a RAG word alone,
    else its fill read through the key."""
    if cell is None:
        return None
    text = (cell.norm or "").strip()
    if text and len(text) <= 3 and set(text) & TICKS and not set(text) & CROSSES:
        return Signal(GREEN, text, "tick", cell.fill)
    if text and len(text) <= 3 and set(text) & CROSSES:
        return Signal(RED, text, "tick", cell.fill)
    m = _RAG_CELL.match(text) if text else None
    if m:
        return Signal(_RAG_OF[m.group(1).lower()], text, "word", cell.fill)
    if text and len(text.split()) <= MAX_RAG_WORDS:
        said = status_from_text(text)  # "Green (on track)", "RAG: Amber", "AMBER - slipping"
        if said in (GREEN, AMBER, RED):
            return Signal(said, text, "word", cell.fill)
    if cell.fill and text and not re.search(r"\d", text) and len(text.split()) <= 4:
        # a status word on its colour ("Achieved" on green) says it in words; any
        # other short name on a colour ("CYPE", "Housing") is a category's colour
        said = status_word(text, settings)
        if said is None and key_status(text, settings) == key.status(cell.fill):
            said = key.status(cell.fill)  # "Met" on green, "Not met" on red: words and colour agree
        return Signal(said, text, "word", cell.fill) if said else None
    if cell.fill:
        st = key.status(cell.fill)
        if st:
            return Signal(st, cell.fill.lower(), "fill" if not text else "shaded text", cell.fill.lower())
    return None


def _header_rows(rows: list[Row], key: ColourKey, settings: Optional[Settings]) -> int:
    n = 0
    while n < len(rows) and n < 3 and rows[n].is_header:
        n += 1
    if n == 0 and len(rows) > 2:
        g = grid_cells(rows[0])
        texts = [c.norm for c in g.values() if c.norm.strip()]
        # a row of column labels, bold or not; a row that shows a status is an item
        # (a continuation page without its header)
        if texts and all(len(t.split()) <= 6 and not re.search(r"\d{2}", t) for t in texts) and (
                _is_shaded_row(g) or not any(cell_signal(c, key, settings) for c in g.values())):
            n = 1
    return n


def _is_shaded_row(cells: dict[int, Cell]) -> bool:
    """Every cell of the row in one fill: the row's styling (a band, a section), not a status."""
    fills = {c.fill for c in cells.values()}
    return len(cells) > 1 and len(fills) == 1 and None not in fills


def _key_rows(rows: list[Row], start: int, settings) -> set[int]:
    """Rows of the table's own key: a "Key" caption and the rows after it, and
    any row that pairs two or more colours with words."""
    out: set[int] = set()
    caption = None
    for i in range(start, len(rows)):
        cells = rows[i].cells
        words = " ".join(c.norm for c in cells if c.norm.strip()).strip()
        if caption is None and KEY_CAPTION.match(words) and len(words.split()) <= 6 and \
                (len([c for c in cells if c.norm.strip()]) == 1 or key_pairs(cells, settings, any_words=True)):
            caption = i
        if caption is not None and i >= caption:
            out.add(i)
        elif len(key_pairs(cells, settings)) >= 2 or (KEY_LEAD.match(words) and legend_key(words, settings)):
            out.add(i)  # a row of coloured key cells, or a key written out ("Key: green - better; ...")
    return out


def find_status_table(b: Block, key: ColourKey, settings) -> Optional[StatusTable]:
    """The table's status column(s), label column and item rows, or None when it has none."""
    rows = b.rows
    if len(rows) < MIN_ROWS or b.n_cols < 2:
        return None
    keys = _key_rows(rows, 0, settings)
    own_key = table_key([rows[i] for i in sorted(keys)], settings)
    for i in sorted(keys):  # a key written out in a row of the table
        own_key.update(legend_key(" ".join(c.norm for c in rows[i].cells), settings))
    own_key.update(key)
    nh = _header_rows(rows, own_key, settings)
    keys = {i for i in keys if i >= nh}
    # a key in the header ("Progress (green = better, red = worse)")
    own_key.update(legend_key(" ".join(c.norm for r in rows[:nh] for c in r.cells), settings))
    body = [(i, rows[i], grid_cells(rows[i])) for i in range(nh, len(rows)) if i not in keys]
    body = [(i, r, g) for i, r, g in body if any(c.norm.strip() for c in g.values())]
    if len(body) < MIN_ROWS:
        return None
    n_cols = b.n_cols
    signals = {c: [cell_signal(g.get(c), own_key, settings) if not _is_shaded_row(g) else None for _, _, g in body]
               for c in range(n_cols)}
    status_cols = []
    for c, sigs in signals.items():
        hits = [s for s in sigs if s]
        if len(hits) < MIN_ROWS or len(hits) < MIN_SHARE * len(body):
            continue
        if any(s.kind == "shaded text" for s in hits) and len({s.status for s in hits}) < 2:
            continue  # one fill behind figures or prose in every row: the column's styling (a totals column)
        status_cols.append(c)
    if not status_cols:
        return None
    if len(status_cols) > 1 and all(s is None or s.kind == "tick" for c in status_cols for s in signals[c]):
        return None  # several tick columns: a grid (attendance, a matrix), not one status per item
    if len(status_cols) > MAX_STATUS_COLUMNS and not _period_headers(_header_texts(rows[:nh], n_cols), status_cols):
        return None  # items by departments (or wards, ...): a matrix, not one status per item
    label_col = _label_column(body, set(status_cols), n_cols)
    if label_col is None:
        return None
    header = _header_texts(rows[:nh], n_cols)
    return StatusTable(b, header, label_col, _ref_column(body, label_col), status_cols,
                       [(i, r, g) for i, r, g in body if (covering(g, label_col) or Cell()).norm.strip()],
                       own_key)


def _label_column(body, status_cols: set[int], n_cols: int) -> Optional[int]:
    """The column that names the items: the leftmost column of words (a row's
    label comes first, a commentary column later), else the one with most letters."""
    best = None
    for c in range(n_cols):
        if c in status_cols:
            continue
        cells = [covering(g, c) for _, _, g in body]
        named = [x.norm for x in cells if x and re.search(r"[A-Za-z]{2}", x.norm)]
        if len(named) < MIN_SHARE * len(body):
            continue
        if sum(len(t.split()) for t in named) >= 2 * len(named):
            return c  # phrases, not codes ("Police", "CYPE")
        letters = sum(len(re.findall(r"[A-Za-z]", t)) for t in named)
        if best is None or letters > best[0]:
            best = (letters, c)
    return best[1] if best else None


def _ref_column(body, label_col: int) -> Optional[int]:
    """A column left of the label holding only references ("1", "2.3", "P4")."""
    for c in range(label_col):
        # a cell merged into the label's column is the label, not a reference
        vals = [g[c].norm.strip() for _, _, g in body
                if c in g and g[c].norm.strip() and c + g[c].colspan <= label_col]
        if vals and len(vals) >= len(body) / 2 and all(REF.match(v) for v in vals):
            return c
    return None


def _header_texts(rows: list[Row], n_cols: int) -> list[str]:
    out = [""] * n_cols
    for r in rows:
        for c, cell in grid_cells(r).items():
            if c < n_cols and cell.norm.strip():
                out[c] = (out[c] + " " + one_line(cell.norm)).strip()
    return out


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
        """The heading above the table, else a short line above it, else its label column's name."""
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
        if self.continues(t):
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
    return t.status_cols if _period_headers(t.header, t.status_cols, em.date) else []


def _period_headers(header: list[str], cols: list[int], when: Optional[str] = None) -> bool:
    """Does every column's header name a period, each a different one?"""
    labels = []
    for c in cols:
        per = parse_period(header[c], when) if c < len(header) and header[c] else None
        if per is None:
            return False
        labels.append(per.label)
    return len(set(labels)) == len(labels)


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

    def extract(self, paper, ctx: ExtractContext) -> ExtractResult:
        return extract_status_tables(ctx)
