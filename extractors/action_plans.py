"""Action plans and rolling plans: tables of actions, milestones and updates.

A plan is found by its *header row*, whose cells are read by meaning (Number /
Ref / No., Action, Milestones, Lead (CDRP) agency, Other partners, Progress /
Q4 Update / Update YTD / Quarterly Progress, RAG / Status), never by position.
Then, row by row:

* a row with a number (in the Number column, or leading the Action cell:
  "1.3 Improve ...") starts an action; a row whose first columns are empty
  continues the action above (more milestones, or a row split by a page break);
* the Milestones column of an action is read as one stream and split where a
  code such as "1.3a" starts a line (or, inline, where the next letter in
  sequence appears), so milestones in one cell or one row each come out the same;
* each milestone's text is split into its own text, "Measurement = ...",
  "Source: ...", "Q1 Progress - ..." and "To meet target - ..." parts;
* each milestone (or each action without milestones) gets one update for the
  reporting period: progress text, normalised status (words, else the cell's
  fill colour read through the document's colour key), stats_awaited and
  "FUNDING ALLOCATED: £500".

Plans run over several table blocks (a header repeated per page, or a reader
that did not join the pages): a block continues the previous plan when its
title matches and its numbering does not restart. Plans whose numbering
restarts are kept apart. The extractor runs once per document (whole-document
pass), reading tables of every paper type; tables outside action-plan papers
need an unambiguous header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterator, Optional

from boardpack.core.model import ACTION_PLAN, HEADING, PARAGRAPH, LIST_ITEM, TABLE, Block, Cell, Document, Row
from boardpack.core.dates import find_dates
from boardpack.core.periods import FROM_MEETING_DATE, Period, day_period, fy_of, parse_period, period_for_meeting, quarter_of_month, quarter_period
from boardpack.core.settings import Settings
from boardpack.core.status import (
    NOT_REPORTED,
    colour_key_entry,
    stats_awaited,
    status_cell,
    status_from_fill,
    status_word,
    status_from_text,
    status_word_in,
)
from boardpack.core.plan_columns import (  # noqa: F401  (header_role, header_roles, ROLE_PATTERNS re-exported for tests)
    ROLE_PATTERNS, cell_text, expanded_texts, header_role, header_roles, plan_headers_of,
)
from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.plan_text import (  # noqa: F401  (parse_milestone, split_milestones re-exported for tests)
    ACTION_NUM,
    CODE,
    CODE_CELL,
    NUM_CELL,
    TITLE_ROW,
    money_in,
    parse_milestone,
    parse_progress_cell,
    split_milestones,
    strip_clauses,
)
from boardpack.extractors.report_context import GUIDANCE, context_date, is_furniture, join_lines, one_line, title_key


#: a reference without figures in a number column: "(A)", "A", "Ai", "B.iv", "IV"
REF_WORD = re.compile(r"\(?[A-Z]{1,3}\)?(?:[.\-]?\(?[ivx]{1,4}\)?)?\.?|\(?[ivxIVX]{1,5}\)?\.?")
#: a reference that is a date (the meeting the action was agreed at): it repeats row after row
DATE_REF = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})")


#: a paper that calls itself an action log ("Action Log", "Actions report", "Status update on actions")
ACTION_LOG_TITLE = re.compile(
    r"(?i)\bactions?\s+(?:log|list|tracker|tracking|report|update|schedule|sheet|register|points|summary)\b"
    r"|\bmatters\s+arising\b|\boutstanding\s+actions\b|\bupdate\s+on\s+(?:\w+\s+){0,3}actions\b"
    r"|\bprogress\s+on\s+actions\b|\bactions?\s+(?:arising|from\s+(?:the\s+)?(?:last|previous)\s+meeting)\b")
#: the owner a group heading names: "... - Lead HS/BB", "... (lead: JC)", "... - GS/JTe"
GROUP_LEAD = re.compile(r"(?:\s*[-\u2013\u2014:(]\s*|\s+)(?i:led\s+by|leads?|owners?)\s*[:\-]?\s*([A-Z][\w/&,. ]{0,30}?)\)?$"
                        r"|\s[-\u2013\u2014]\s*([A-Z]{1,3}[a-z]?(?:\s*[/&,]\s*[A-Z]{1,3}[a-z]?)+|[A-Z]{2,3})$")


# -- colour key ----------------------------------------------------------------

def find_colour_key(doc: Document, skip: set[int]) -> dict[str, str]:
    """Fill colour -> status from a key table somewhere in the document: cells
    with a fill next to (or containing) a short status label."""
    key: dict[str, str] = {}
    for b in doc.blocks:
        if b.kind != TABLE or b.index in skip:
            continue
        for r in b.rows:
            cells = r.cells
            for i, c in enumerate(cells):
                if not c.fill or c.fill.lower() in ("#ffffff", "#fff", "auto"):
                    continue
                # The label is in the filled cell ("GREEN") or beside it ("Action closed").
                labels = [c.norm] + [cells[j].norm for j in (i + 1, i - 1)
                                     if 0 <= j < len(cells) and not cells[j].fill]
                for label in labels:
                    st = colour_key_entry(label) if label and len(label.strip()) <= 60 else None
                    if st:
                        key.setdefault(c.fill.lower(), st)
                        break
    return key


# -- table reading -------------------------------------------------------------

@dataclass
class Segment:
    """The cells of one table row that belong to one action."""

    milestones: str = ""
    lead: str = ""
    partners: str = ""
    progress: str = ""
    progress_raw: str = ""
    progress_fill: Optional[str] = None
    status: str = ""
    status_fill: Optional[str] = None
    extra: dict = field(default_factory=dict)  # "progress:<col>" -> (text, raw, fill)
    page: Optional[int] = None
    block_index: int = 0


@dataclass
class ActionState:
    number: Optional[str]
    text: str
    raw: str
    priority: Optional[str]
    lead: str = ""
    partners: str = ""
    status_cell: str = ""
    page: Optional[int] = None
    block_index: int = 0
    segments: list[Segment] = field(default_factory=list)
    action_fill: Optional[str] = None


@dataclass
class PlanState:
    plan_id: str
    title: str
    key: str
    roles: dict[int, str]
    header_texts: list[str]
    ordinal: int
    numbers: set = field(default_factory=set)
    actions: list[ActionState] = field(default_factory=list)
    row: dict = field(default_factory=dict)
    generic: bool = False  # title is only "Action Plan" (or none)
    headerless: bool = False  # an action log of small tables without header rows
    log_date: Optional[str] = None  # an action log's "as of" (or meeting) date: its period when no quarter is named
    is_log: bool = False  # the paper calls itself an action log / actions report: its own status words count


def _cells_by_col(cells: list[Cell]) -> list[tuple[int, Cell]]:
    out, col = [], 0
    for c in cells:
        out.append((col, c))
        col += max(1, c.colspan)
    return out


def _role_cells(cells: list[Cell], roles: dict[int, str]) -> dict[str, Cell]:
    """The cell under each role's column (merged cells count once, for the role
    whose column they start in)."""
    placed = _cells_by_col(cells)
    out: dict[str, Cell] = {}
    used: set[int] = set()
    for col, role in sorted(roles.items()):
        for start, c in placed:
            if start <= col < start + max(1, c.colspan):
                if id(c) in used and start != col:
                    break
                out[role] = c
                used.add(id(c))
                break
    return out




def _add_action(p: PlanState, a: ActionState, seg: Segment) -> None:
    """Append a new action to the plan, with the row it starts on as its first segment."""
    a.action_fill = seg.status_fill or seg.progress_fill
    a.segments.append(seg)
    p.actions.append(a)


class _Builder:
    """Builds plans, actions, milestones and updates for one document."""

    def __init__(self, ctx: ExtractContext):
        self.ctx = ctx
        self.doc = ctx.doc
        self.res = ExtractResult()
        self.sha = ctx.doc.sha256
        self.plans: list[PlanState] = []
        self.cur: Optional[PlanState] = None
        self.date = context_date(ctx)
        self.colour_key: dict[str, str] = {}
        self.plan_blocks: set[int] = set()
        self.settings: Settings = ctx.settings

    # -- plan identity ------------------------------------------------------
    def _title_near(self, b: Block) -> tuple[Optional[str], list[str]]:
        """Title of the plan a table belongs to: nearby text above it naming a
        plan, else the running header; plus every nearby line (for period cues)."""
        cands: list[tuple[int, str]] = []
        nearby: list[str] = []
        i = b.index - 1
        steps = 0
        while i >= 0 and steps < 12:
            pb = self.doc.blocks[i]
            i -= 1
            if pb.kind == TABLE:
                if pb.index in self.plan_blocks:
                    break  # the title above an earlier plan table is that plan's
                continue  # a key or overview table between the title and the plan
            if pb.kind not in (HEADING, PARAGRAPH, LIST_ITEM) or not pb.norm.strip():
                continue
            steps += 1
            t = one_line(pb.norm)
            raw_t = one_line(pb.text) or t
            if GUIDANCE.match(t) or "footnote" in (pb.flags or ()):
                continue
            if is_furniture(pb) and not re.search(r"\bplan\b", t, re.I):
                continue
            nearby.append(t)
            score = _plan_title_score(t)
            if score >= 3:
                cands.append((score * 10 - steps, raw_t))
        for h in list(self.doc.headers or []):
            t = one_line(h)
            if re.search(r"\bplan\b", t, re.I) and len(t) < 160:
                cands.append((35, t))
                nearby.append(t)
        if not cands:
            return None, nearby
        cands.sort(key=lambda x: -x[0])
        return cands[0][1], nearby

    def _header_titles(self) -> set[str]:
        return {one_line(h) for h in (self.doc.headers or [])}

    def _title_rows(self, rows_before: list[list[str]]) -> dict[str, Optional[str]]:
        """Title, owning group and period from rows above a table's header."""
        info: dict[str, Optional[str]] = {"title": None, "group": None, "period": None, "lead": None}
        for texts in rows_before:
            for t in texts:
                t1 = one_line(t)
                if not t1:
                    continue
                m = re.match(r"(?i)action\s+plan\s+lead\s*[:\-]\s*(.+)", t1)
                if m:
                    info["lead"] = m.group(1)
                    continue
                m = re.match(r"(?i)(?:action\s+)?plan\s*(?:period)?\s*[:\-]\s*(.+)", t1)
                if m and parse_period(m.group(1)):
                    info["period"] = m.group(1)
                    continue
                if re.match(r"(?i)strategic\s+aim\b|priority\b", t1):
                    continue
                names_it = bool(ACTION_LOG_TITLE.search(t1) or re.search(r"(?i)\bplan\b", t1))
                if len(t1) < 120 and (info["title"] is None or names_it and not info.get("_named")):
                    # a cell naming the plan or log beats a paper number beside it ("TB (10)1.ii")
                    info["title"] = t1
                    info["_named"] = names_it
                    if re.search(r"(?i)\b(task\s+group|group|board|partnership|team|forum)\b", t1):
                        info["group"] = t1
        return info

    def _split_update_cue(self, title: str) -> tuple[str, Optional[str]]:
        """'Plan ...: CDRP UPDATE FEBRUARY 2017' -> ('Plan ...', 'CDRP UPDATE FEBRUARY 2017')."""
        m = re.search(r"\s*[:\-|]\s*([^:|]*\b(?:update|progress)\b[^:|]*)$", title, re.I)
        if m and parse_period(m.group(1), self.date):
            return title[: m.start()].strip(), m.group(1).strip()
        m = re.search(r"\s*[:\-|]?\s*((?:q[1-4]|quarter\s+[1-4])\b.*)$", title, re.I)
        if m and m.start() > 10:
            return title[: m.start()].strip(" :-"), m.group(1).strip()
        return title, None

    def _new_plan(self, title: Optional[str], roles, header_texts, b: Block, extra: dict) -> PlanState:
        ordinal = len(self.plans)
        base_title = title or "Action plan"
        same = [p for p in self.plans if p.title == base_title or p.title.startswith(base_title + " (")]
        shown = base_title if not same else f"{base_title} ({len(same) + 1})"
        key = title_key(shown)
        pid = row_id("plan", self.sha, ordinal, shown)
        p = PlanState(pid, shown, key, roles, header_texts, ordinal)
        p.generic = _is_generic(title)
        if "milestones" not in (roles or {}).values() and (
                ACTION_LOG_TITLE.search(title or "") or self._calls_itself_a_log(b)):
            p.is_log = True
            p.log_date = self._log_date(title)
        period_raw = extra.get("period") or title
        per = parse_period(period_raw) if period_raw else None
        if per is not None and per.kind in ("quarter", "month", "ytd"):
            per = None
        p.row = {
            "plan_id": pid, "ordinal": ordinal, "title": shown, "title_key": key,
            "owning_group": extra.get("group") or extra.get("lead") or _group_from_title(base_title),
            "period": per.label if per else None, "period_start": per.start if per else None,
            "period_end": per.end if per else None, "period_raw": (per.raw if per else None),
            "update_period_raw": extra.get("update_cue"),
            "page": b.page, "page_end": b.page_end, "block_index": b.index,
        }
        self.plans.append(p)
        return p

    # -- tables ---------------------------------------------------------------
    def table(self, b: Block, strict: bool) -> bool:
        # expand colspans so header indexes match column positions
        exp_rows = [expanded_texts(r.cells) for r in b.rows]
        header = self._header_of(b, strict)
        if header is None:
            return False
        roles, hdr_at, continuing = header
        title, nearby = self._title_near(b)
        if strict and not continuing and not self._plan_like(b, roles, hdr_at, title):
            return False
        self.plan_blocks.add(b.index)
        info = self._title_rows(exp_rows[:hdr_at] if hdr_at and hdr_at > 0 else [])
        if info.get("title") and (title is None or title in self._header_titles()):
            # the table's own title rows name it better than the page header does
            title = info["title"]
        title, update_cue = self._update_cue(title, nearby)
        info["update_cue"] = update_cue
        header_texts = exp_rows[hdr_at] if hdr_at is not None and hdr_at >= 0 else (self.cur.header_texts if self.cur else [])
        if self.cur is not None and self.cur.generic and title and not _is_generic(title) and \
                (continuing or self._continues(b, roles, hdr_at)):
            self._name_generic_plan(title)
        start_new = self.cur is None or not (
            continuing or title is None or title == self.cur.title or title_key(title) == self.cur.key
            or self.cur.title.startswith(title + " ("))
        first_num = self._first_number(b, roles, hdr_at)
        if not start_new and not continuing and self._restarts(first_num):
            start_new = True  # numbering restarts: another plan
            title = title or self.cur.title
        if start_new:
            self.cur = self._new_plan(title, roles, header_texts, b, info)
        else:
            self._plan_goes_on(b, roles, header_texts, update_cue)
        self._rows(b, roles, hdr_at)
        return True

    def _header_of(self, b: Block, strict: bool) -> Optional[tuple[dict[int, str], Optional[int], bool]]:
        """(column roles, header row, continuing): the table's header row in its first rows, or
        the previous plan's columns when the table continues it; None when it is no plan table."""
        # The header rows were found once, when the table was classified
        # (ingest/table_kind.py records them on the block); a header sits in
        # the first rows, and outside a plan paper it must pass the strict test.
        for ph in plan_headers_of(b):
            if ph.row < 8 and (ph.strict or not strict):
                return dict(ph.roles), ph.row, False
        # A table block with no header of its own continues the previous plan
        # when it has the same shape (a plan split by the reader at a page break).
        if self.cur is not None and not self.cur.headerless and self._same_shape(b):
            return self.cur.roles, -1, True
        return None

    def _update_cue(self, title: Optional[str], nearby: list[str]) -> tuple[Optional[str], Optional[str]]:
        """(title, update cue): "CDRP UPDATE FEBRUARY 2017" in the title, else in a line near the table."""
        update_cue = None
        if title:
            title, update_cue = self._split_update_cue(title)
        if update_cue is None:
            for t in nearby:
                if re.search(r"(?i)\bupdate\b|\bprogress\b", t) and (per := parse_period(t)) and len(t) < 120:
                    if per.kind in ("month", "quarter", "ytd"):
                        update_cue = t
                        break
        return title, update_cue

    def _name_generic_plan(self, title: str) -> None:
        """"Action Plan" above the first page, the real title as running title on later pages."""
        cur = self.cur
        cur.title = title
        cur.key = title_key(title)
        cur.generic = False
        cur.row.update(title=title, title_key=cur.key)
        if not cur.row.get("owning_group"):
            cur.row["owning_group"] = _group_from_title(title)
        per = parse_period(title)
        if per is not None and per.kind in ("year", "range") and not cur.row.get("period"):
            cur.row.update(period=per.label, period_start=per.start, period_end=per.end, period_raw=per.raw)

    def _plan_goes_on(self, b: Block, roles: dict[int, str], header_texts: list[str], update_cue: Optional[str]) -> None:
        """The table continues the current plan: its columns, last page and update cue."""
        cur = self.cur
        cur.roles = roles
        cur.header_texts = header_texts
        pages = [x for x in (cur.row.get("page_end"), b.page_end, b.page) if x is not None]
        cur.row["page_end"] = max(pages) if pages else None
        if update_cue and not cur.row.get("update_period_raw"):
            cur.row["update_period_raw"] = update_cue

    def headerless_log(self, b: Block, in_plan_paper: bool) -> bool:
        """An action log printed as small tables without a header row, one per
        workstream heading: an action column and a last column in which every row
        states a status of the vocabulary ("New", "Carried forward", "Completed").
        Outside an action-plan paper the document must call itself an action log."""
        rows = [expanded_texts(r.cells) for r in b.rows]
        rows = [r for r in rows if any(r)]
        if not rows or not 2 <= b.n_cols <= 4:
            return False
        n = max(len(r) for r in rows)
        scol = next((c for c in range(n - 1, 0, -1) if any(c < len(r) and r[c] for r in rows)), None)
        if scol is None:
            return False
        sts = [status_word(r[scol], self.settings) if scol < len(r) else None for r in rows]
        if not all(sts):
            return False
        # the action: the widest text left of the status
        acol = max(range(scol), key=lambda c: sum(len(r[c]) for r in rows if c < len(r)))
        if not all(len(r[acol].split()) >= 2 for r in rows if acol < len(r)):
            return False
        if not in_plan_paper and not self._calls_itself_a_log(b):
            return False
        roles = {acol: "action", scol: "status"}
        heading, lead = self._group_heading(b)
        if self.cur is None or self.cur.roles != roles or not self.cur.headerless:
            title = self._log_title(b)
            self.cur = self._new_plan(title, roles, [""] * b.n_cols, b, {})
            self.cur.headerless = self.cur.is_log = True
        self.plan_blocks.add(b.index)
        before = len(self.cur.actions)
        self._rows(b, roles, -1, fresh=True)
        for a in self.cur.actions[before:]:
            a.priority = heading or a.priority
            a.lead = a.lead or lead or ""
        return True

    def _log_date(self, title: Optional[str]) -> Optional[str]:
        """An action log's date: "as of/as at <date>" in its title, else the
        meeting (or issue) date of the pack, else a date in its title."""
        t = one_line(title or "")
        m = re.search(r"(?i)\bas\s+(?:of|at)?\s*(.+)$", t)
        if m and (ds := find_dates(m.group(1))):
            return ds[0].iso
        if self.date:
            return self.date
        ds = find_dates(t)
        return ds[0].iso if ds else None

    def _calls_itself_a_log(self, b: Block) -> bool:
        texts = [one_line(x.norm) for x in self.doc.blocks[: b.index] if x.kind in (HEADING, PARAGRAPH) and x.norm]
        return any(ACTION_LOG_TITLE.search(t) for t in texts[:6] + [one_line(h) for h in (self.doc.headers or [])])

    def _log_title(self, b: Block) -> Optional[str]:
        for x in self.doc.blocks[: b.index]:
            if x.kind in (HEADING, PARAGRAPH) and x.norm and ACTION_LOG_TITLE.search(one_line(x.norm)):
                return one_line(x.norm)
        return None

    def _group_heading(self, b: Block) -> tuple[Optional[str], Optional[str]]:
        """The workstream heading just above a table, and the lead it names
        ("National Address Dataset - Lead HS/BB", "Open Data Licensing - GS/JTe")."""
        for x in reversed(self.doc.blocks[max(0, b.index - 3): b.index]):
            if x.kind == TABLE:
                break
            if x.kind not in (HEADING, PARAGRAPH, LIST_ITEM) or not x.norm.strip() or is_furniture(x):
                continue
            t = one_line(x.norm)
            if len(t) > 120 or ACTION_LOG_TITLE.search(t):
                return None, None
            m = GROUP_LEAD.search(t)
            if m:
                return t[: m.start()].strip(" -\u2013\u2014:") or t, (m.group(1) or m.group(2)).strip()
            return t, None
        return None, None

    def _continues(self, b: Block, roles, hdr_at) -> bool:
        """Does this table go on with the current plan (same columns, and it starts
        with a continuation row or with a number the plan has not used yet)?"""
        if self.cur is None or sorted(roles.values()) != sorted(self.cur.roles.values()):
            return False
        return not self._restarts(self._first_number(b, roles, hdr_at))

    def _restarts(self, first: Optional[str]) -> bool:
        """A table starting with a number the current plan already used is another
        plan (numbering restarts) - unless it is the action just above, repeated
        over a page break."""
        if self.cur is None or not first or first not in self.cur.numbers:
            return False
        last = self.cur.actions[-1].number if self.cur.actions else None
        return first != last

    def _plan_like(self, b: Block, roles, hdr_at, title: Optional[str]) -> bool:
        """Outside an action-plan paper a table must look like a plan, not a
        minutes action log: milestones, a title naming a plan, or numbered actions."""
        if "milestones" in roles.values():
            return True
        if title and re.search(r"(?i)\bplan\b", title) and not _is_generic(title):
            return True
        first = self._first_number(b, roles, hdr_at)
        if first and re.fullmatch(r"\d{1,2}\.\d{1,2}", first):
            return True
        return self._states_statuses(b, roles, hdr_at)

    def _states_statuses(self, b: Block, roles, hdr_at) -> bool:
        """An action log or actions report: most rows' status (or progress) cell
        states a status of the vocabulary ("Completed", "Ongoing. ...")."""
        cols = [c for c, r in roles.items() if r == "status" or r.startswith("progress")]
        if not cols or "action" not in roles.values():
            return False
        start = hdr_at + 1 if hdr_at is not None and hdr_at >= 0 else 0
        rows = [expanded_texts(r.cells) for r in b.rows[start:]]
        rows = [r for r in rows if sum(1 for t in r if t) >= 2]
        if not rows:
            return False
        hits = sum(1 for r in rows if any(c < len(r) and status_word_in(r[c], self.settings) for c in cols))
        return hits >= 2 and hits * 2 >= len(rows)

    def _same_shape(self, b: Block) -> bool:
        """A headerless table block right after the plan's last block (the next page,
        nothing but a running title or page furniture between) with as many columns."""
        if not (self.cur and self.cur.header_texts and b.n_cols == len(self.cur.header_texts)):
            return False
        last = max(self.plan_blocks) if self.plan_blocks else None
        if last is None:
            return False
        between = [x for x in self.doc.blocks[last + 1 : b.index] if x.kind in (HEADING, PARAGRAPH, LIST_ITEM, TABLE)
                   and x.norm.strip() and not is_furniture(x)] if b.index > last else [None]
        if any(x.kind == TABLE for x in between if x is not None) or len(between) > 2:
            return False
        prev_end = self.doc.blocks[last].page_end or self.doc.blocks[last].page
        return prev_end is None or b.page is None or b.page <= prev_end + 1

    def _first_number(self, b: Block, roles, hdr_at) -> Optional[str]:
        for r in b.rows[(hdr_at or 0) + 1 if hdr_at is not None and hdr_at >= 0 else 0:]:
            rc = _role_cells(r.cells, roles)
            n = self._number_of(rc)[0]
            if n:
                return n
        return None

    def _number_of(self, rc: dict[str, Cell]) -> tuple[Optional[str], Optional[str], str]:
        """(action number, milestone code from the number column, action text)."""
        ntext = cell_text(rc.get("number"))
        atext = cell_text(rc.get("action"))
        code = None
        num = None
        m = CODE_CELL.match(ntext)
        if m:
            num, code = m.group(1), m.group(1) + m.group(2)
        else:
            m = NUM_CELL.match(ntext)
            if m and ntext:
                num = m.group(1)
            elif ntext and len(ntext) <= 12 and len(ntext.split()) <= 2 and (
                    re.search(r"\d", ntext) or REF_WORD.fullmatch(one_line(ntext))):
                # "SAC-1", "Feb23.03", "TB(11)05", "12/03", "A1", "(A)", "Ai": a log's own
                # reference scheme, as printed (a meeting date names the action in some logs)
                num = one_line(ntext).rstrip(".:")
        if num is None and atext:
            m = ACTION_NUM.match(atext)
            if m:
                num = m.group(1)
                atext = atext[m.end():]
        return num, code, atext

    def _rows(self, b: Block, roles: dict[int, str], hdr_at: Optional[int], fresh: bool = False) -> None:
        """Read a table's rows into the current plan; ``fresh``: the first row
        starts a new action (a new group's table, never the action above going on)."""
        assert self.cur is not None
        _TableRows(self, b, roles, hdr_at, fresh).read()

    # -- rows out ---------------------------------------------------------------
    def update_period(self, p: PlanState, label_q: Optional[str], pkey: str = "progress") -> Optional[Period]:
        """The quarter an update reports on: its own "Q1 Progress" label, else the
        progress column's header ("Q4 Update"), else the plan's update cue
        ("CDRP UPDATE FEBRUARY 2017"), else the last quarter before the meeting."""
        per = parse_period(label_q, self.date) if label_q else None
        if per is None:
            for h in (p.header_texts[c] for c, r in p.roles.items() if r == pkey and c < len(p.header_texts)):
                per = parse_period(h, self.date)
                if per:
                    break
        cue = p.row.get("update_period_raw")
        if per is None and cue:
            per = parse_period(cue, self.date)
        if per is None and p.log_date:
            # an action log names no quarter: it reports as of its meeting / "as of" date
            return day_period(p.log_date, FROM_MEETING_DATE)
        if per is None:
            return period_for_meeting(self.date)
        if per.kind == "ytd" and per.end:
            # "Update YTD": the year to the end of the last quarter reported
            e = date.fromisoformat(per.end)
            return quarter_period(fy_of(e), quarter_of_month(e.month), per.inferred, per.raw)
        if per.kind == "month":
            # plans report by quarter: "February 2017 update" is the 2016/17 Q4 update
            return quarter_period(per.fy_start_year, per.quarter, per.inferred, per.raw)
        return per

    def emit(self) -> ExtractResult:
        for p in self.plans:
            if not p.actions:
                continue
            self.res.add("action_plans", dict(p.row))
            has_ms_col = "milestones" in p.roles.values()
            has_progress_col = "progress" in p.roles.values()
            for ai, a in enumerate(p.actions):
                try:
                    self._emit_action(p, a, ai, has_ms_col, has_progress_col)
                except Exception as e:  # noqa: BLE001 - keep the plan's other actions
                    self.res.warn(f"action {a.number or ai + 1} of {p.title!r} skipped: {type(e).__name__}: {e}",
                                  page=a.page, block_index=a.block_index, kind="extract_error")
        return self.res

    def _emit_action(self, p: PlanState, a: ActionState, ai: int, has_ms_col: bool, has_progress_col: bool) -> None:
        text, status_raw, funding_raw = strip_clauses(a.text)
        funding = None
        if funding_raw:
            funding, _ = money_in(funding_raw)
        action_status = status_from_text(status_raw) if status_raw else None
        aid = row_id("action", p.plan_id, ai, a.number)
        self.res.add("plan_actions", {
            "action_id": aid, "plan_id": p.plan_id, "plan_key": p.key, "priority": a.priority,
            "number": a.number, "action_text": text or None, "raw_text": a.raw, "lead_agency": join_lines(a.lead) or None,
            "other_partners": join_lines(a.partners) or None, "status": action_status, "status_raw": status_raw,
            "funding_allocated": funding, "funding_raw": funding_raw, "ordinal": ai, "page": a.page,
            "block_index": a.block_index,
        })
        coded = [m for m in _milestones_of(a) if m[0]] if has_ms_col else []
        if not coded:
            # no reference printed: ref stays empty (the row's place is plan_actions.ordinal)
            self._emit_update(_UpdateOf(
                p, a, aid, milestone_id=None, ref=a.number, parsed=None, segs=a.segments, action_status=action_status,
                funding=funding, funding_raw=funding_raw, ms_text="\n".join(s.milestones for s in a.segments).strip(),
                has_progress_col=has_progress_col))
            return
        lead_above = join_lines(a.lead) or None
        led: set[int] = set()
        for mi, (code, mtext, si) in enumerate(coded):
            # The rows a milestone owns: its own, plus following rows with no new code.
            nxt = coded[mi + 1][2] if mi + 1 < len(coded) else len(a.segments)
            owned = [si] + list(range(si + 1, nxt))
            parsed = parse_milestone(mtext, with_progress=not has_progress_col)
            seg = a.segments[si]
            lead = join_lines(seg.lead) if si > 0 and seg.lead and si not in led else None
            led.add(si)
            if lead is None and si > 0:
                # a lead printed on a row of its own just below (no milestone in it)
                for k in owned[1:]:
                    if a.segments[k].lead and not a.segments[k].milestones.strip():
                        lead = join_lines(a.segments[k].lead)
                        break
            # An empty lead cell below a milestone's lead means the same lead (merged-cell style).
            lead = lead or lead_above
            lead_above = lead
            mid = row_id("milestone", p.plan_id, aid, code, mi)
            self.res.add("plan_milestones", {
                "milestone_id": mid, "action_id": aid, "plan_id": p.plan_id, "plan_key": p.key,
                "action_ref": a.number, "ref": code, "milestone_text": parsed["text"],
                "measurement": parsed["measurement"], "source": parsed["source"],
                "lead_agency": lead, "raw_text": mtext, "ordinal": mi, "page": seg.page,
                "block_index": seg.block_index,
            })
            # Several milestones in one cell share one progress cell: each gets all of it
            # (which paragraph is about which milestone is not for us to guess).
            segs = [a.segments[k] for k in owned]
            self._emit_update(_UpdateOf(
                p, a, aid, milestone_id=mid, ref=code, parsed=parsed, segs=segs, action_status=action_status,
                funding=funding, funding_raw=funding_raw, has_progress_col=has_progress_col))

    def _emit_update(self, u: _UpdateOf) -> None:
        """One update per progress column whose header names its own period."""
        self._emit_one(u, "progress")
        main = self.update_period(u.plan, None, "progress")
        seen = {main.label if main else None}
        for col, key in sorted((c, r) for c, r in u.plan.roles.items() if r.startswith("progress:")):
            per = self.update_period(u.plan, None, key)
            if per is None or per.label in seen:
                continue
            seen.add(per.label)
            psegs = []
            for sg in u.segs:
                text, raw, fill = sg.extra.get(key, ("", "", None))
                psegs.append(replace(sg, progress=text, progress_raw=raw, progress_fill=fill))
            self._emit_one(replace(u, segs=psegs), key)

    def _emit_one(self, u: _UpdateOf, pkey: str) -> None:
        p, a, segs, parsed = u.plan, u.action, u.segs, u.parsed
        progress, progress_raw, fill, status_text, label_q = self._progress_of(u)
        if parsed and parsed.get("target") and not status_text:
            status_text = parsed["target"]
        sfill = next((s.status_fill for s in segs if s.status_fill), None)
        status = status_raw = None
        for status, status_raw in self._status_sources(u, progress, (sfill, fill), status_text):
            if status is not None:
                break
        # Progress text without its leading RAG word ("GREEN (a,b,c) ...").
        if progress and status in ("green", "amber", "red", "closed", "complete"):
            progress = re.sub(r"^\W*(?:(?:action\s+)?(?:green|amber|red|closed|complete(?:d)?))\b[\s:\-.]*", "",
                              progress, count=1, flags=re.I).strip() or None
        per = self.update_period(p, label_q or (parsed and parsed.get("_label")) or _label_in(segs), pkey)
        sa = stats_awaited(progress or "", self.settings)
        uid = row_id("update", p.plan_id, u.action_id, u.milestone_id, u.ref, per.label if per else None)
        self.res.add("plan_updates", {
            "update_id": uid, "plan_id": p.plan_id, "action_id": u.action_id, "milestone_id": u.milestone_id,
            "plan_key": p.key, "action_ref": a.number, "ref": u.ref or "",  # "" when the log prints no reference
            "period": per.label if per else None, "period_start": per.start if per else None,
            "period_end": per.end if per else None, "period_kind": per.kind if per else None,
            "period_inferred": per.inferred if per else None, "period_raw": per.raw if per else None,
            "progress": join_lines(progress) if progress else None, "progress_raw": progress_raw,
            "status": status or NOT_REPORTED, "status_raw": status_raw, "fill": sfill or fill,
            "stats_awaited": int(sa), "funding_allocated": u.funding, "funding_raw": u.funding_raw,
            "page": segs[0].page if segs else a.page, "block_index": segs[0].block_index if segs else a.block_index,
        })

    @staticmethod
    def _progress_of(u: _UpdateOf) -> tuple[Optional[str], Optional[str], Optional[str], Optional[str], Optional[str]]:
        """(progress, progress as printed, its cell's fill, a target clause in it, its own quarter label)."""
        if not u.has_progress_col:
            progress = u.parsed["progress"] if u.parsed else (u.ms_text or None)
            return progress, progress, None, None, None
        texts = [s.progress for s in u.segs if s.progress]
        raws = [s.progress_raw for s in u.segs if s.progress_raw]
        progress_raw = "\n".join(raws) if raws else None
        progress = "\n".join(texts).strip() or None
        status_text = label_q = None
        if progress:
            progress, tclause, label_q = parse_progress_cell(progress)
            if tclause:
                status_text = tclause
        fill = next((s.progress_fill for s in u.segs if s.progress_fill), None)
        if progress is None and u.ms_text:
            progress = progress_raw = u.ms_text  # "See Action 2.1 for more information"
        return progress, progress_raw, fill, status_text, label_q

    def _status_sources(self, u: _UpdateOf, progress: Optional[str], fills: tuple[Optional[str], Optional[str]],
                        status_text: Optional[str]) -> Iterator[tuple[Optional[str], Optional[str]]]:
        """Where an update's status may come from, strongest first, as (status, raw) for each
        source that applies; the first with a status wins, and when none has one the last
        source's raw text is kept."""
        p, a = u.plan, u.action
        sfill, fill = fills
        stxt = " ".join(s.status for s in u.segs if s.status).strip()
        if stxt:
            yield self._status_column(p, stxt), stxt
        if sfill:
            yield status_from_fill(sfill, self.colour_key), sfill
        in_progress = self._status_in_progress(p, progress) if progress else None
        if in_progress:
            yield in_progress
        if status_text:
            yield status_from_text(status_text), status_text
        if fill:
            yield status_from_fill(fill, self.colour_key), fill
        if "status" not in p.roles.values() and u.action_status and (u.parsed is None or not u.has_progress_col):
            # no status of its own: the action's "To meet target - ..." speaks for it
            yield u.action_status, strip_clauses(a.text)[1]
        if a.action_fill and not progress:
            yield status_from_fill(a.action_fill, self.colour_key), a.action_fill

    def _status_column(self, p: PlanState, stxt: str) -> Optional[str]:
        """The status column's text as a status."""
        status = status_from_text(stxt)
        if status is None and re.fullmatch(r"[GAR]\W*", stxt.strip().upper()):
            status = {"G": "green", "A": "amber", "R": "red"}[stxt.strip().upper()[0]]  # a RAG column of letters
        if status is None:
            # the vocabulary's words ("Carried forward", "On track for due date"); in an
            # action log also its own words, as printed ("Plan in place")
            status = status_cell(stxt, self.settings) if p.is_log else status_word_in(stxt, self.settings)
        return status

    def _status_in_progress(self, p: PlanState, progress: str) -> Optional[tuple[str, str]]:
        """A status stated in the progress text, with the line it is read from."""
        log_like = not p.roles or "milestones" not in p.roles.values()
        if log_like and "status" not in p.roles.values():
            # An action log's progress column: a status in words beats the cell's colour -
            # the whole cell ("On track", "Plan in place"), its first words closed by
            # punctuation ("Ongoing. DCLG has ..."), or a word alone at the right margin.
            st = status_word_in(progress, self.settings)
            if st is None and p.is_log and len(progress.split()) <= 4 and not stats_awaited(progress, self.settings) \
                    and not progress.rstrip().endswith("."):  # "Plan in place", not "See attached paper."
                st = status_cell(progress, self.settings, max_words=4)
            if st is not None:
                return st, progress.split("\n")[0][:60]
        st = status_from_text(progress)
        if st is not None and not (st in ("on track", "not on track") and not re.search(r"(?i)to\s+meet\s+target", progress)):
            return st, progress.split("\n")[0][:60]
        return None


@dataclass
class _UpdateOf:
    """What a plan update belongs to and carries over from its action and milestone (one
    object instead of twelve positional parameters through _emit_update and _emit_one)."""

    plan: PlanState
    action: ActionState
    action_id: str
    milestone_id: Optional[str]
    ref: Optional[str]  # the milestone's code, or the action's number without one
    parsed: Optional[dict]  # the milestone cell read by parse_milestone; None without coded milestones
    segs: list[Segment]  # the rows the update is read from
    action_status: Optional[str]  # a status stated in the action's own text
    funding: Optional[float]
    funding_raw: Optional[str]
    ms_text: str = ""  # the milestone column's text, when no milestone in it is coded
    has_progress_col: bool = False

class _TableRows:
    """The rows of one table read into the builder's current plan: each row a heading
    (a priority), a new action, or more of the action above."""

    def __init__(self, builder: _Builder, b: Block, roles: dict[int, str], hdr_at: Optional[int], fresh: bool) -> None:
        p = builder.cur
        assert p is not None
        self.builder, self.p, self.b, self.roles, self.fresh = builder, p, b, roles, fresh
        self.n_cols = len(p.header_texts) or b.n_cols
        self.priority = p.actions[-1].priority if p.actions else None
        self.start = hdr_at + 1 if hdr_at is not None and hdr_at >= 0 else 0
        self.header_lower = [one_line(t).lower() for t in p.header_texts]
        self.stat_spill = self._status_spill()

    def _status_spill(self) -> list[int]:
        """The unlabelled columns right of the status column (a status cell split over them)."""
        p, roles = self.p, self.roles
        stat_col = next((c for c, r in roles.items() if r == "status"), None)
        stat_spill: list[int] = []
        if stat_col is not None:
            c = stat_col + 1
            while c < len(p.header_texts) and not p.header_texts[c].strip() and c not in roles:
                stat_spill.append(c)
                c += 1
        return stat_spill

    def read(self) -> None:
        # rows recorded as plan header rows when the table was classified
        header_at = {ph.row: ph.roles for ph in plan_headers_of(self.b)}
        for k in range(self.start, len(self.b.rows)):
            self._row(self.b.rows[k], header_at.get(k))

    def _row(self, r: Row, header_roles_here: Optional[dict[int, str]]) -> None:
        p, roles = self.p, self.roles
        exp = expanded_texts(r.cells)
        if header_roles_here == roles or (self.header_lower and [one_line(t).lower() for t in exp] == self.header_lower):
            return  # header repeated on a later page
        filled = [c for c in r.cells if cell_text(c)]
        if not filled:
            return
        if any(TITLE_ROW.match(one_line(cell_text(c))) for c in filled) or \
                (len(filled) == 1 and one_line(cell_text(filled[0])) in (p.title, p.row.get("owning_group"))):
            return  # the plan's title rows, repeated on a later page
        rc = _role_cells(r.cells, roles)
        # A row with one wide cell: a priority/group heading or a repeated title.
        if len(filled) == 1 and (filled[0].colspan >= max(2, self.n_cols - 1) or len(r.cells) == 1):
            t = one_line(cell_text(filled[0]))
            if t and t != p.title and not CODE.search(t[:8]):
                if re.match(r"(?i)(priority|theme|objective|outcome|aim)\b", t) or len(t) < 100:
                    self.priority = t
            return
        if "priority" in rc and cell_text(rc["priority"]):
            self.priority = one_line(cell_text(rc["priority"]))
        num, code, atext = self.builder._number_of(rc)
        if code and "milestones" not in roles.values():
            num, code = cell_text(rc.get("number")).strip(), None  # "1.1a" is the log's own ref
        seg = self._segment(r, rc, exp)
        if code and not seg.milestones:
            # milestone code in the number column: the row is that milestone
            seg.milestones = f"{code} {atext}".strip()
            atext = ""
        elif code:
            seg.milestones = f"{code} {seg.milestones}"
        self._place(seg, num, atext, rc)

    def _segment(self, r: Row, rc: dict[str, Cell], exp: list[str]) -> Segment:
        """The row's cells by role."""
        b = self.b
        seg = Segment(
            milestones=cell_text(rc.get("milestones")),
            lead=cell_text(rc.get("lead")),
            partners=cell_text(rc.get("partners")),
            progress=cell_text(rc.get("progress")),
            progress_raw=(rc["progress"].text if rc.get("progress") is not None and not rc["progress"].continued else ""),
            progress_fill=rc["progress"].fill if rc.get("progress") is not None else None,
            status=cell_text(rc.get("status")),
            status_fill=rc["status"].fill if rc.get("status") is not None else None,
            page=r.page if r.page is not None else b.page,
            block_index=b.index,
        )
        if self.stat_spill:
            # a status cell the reader split over the unlabelled column(s) beside it
            more = [t for t in (exp[c] if c < len(exp) else "" for c in self.stat_spill) if t]
            if more:
                seg.status = "\n".join([seg.status] + more if seg.status else more)
        for key, c in rc.items():
            if key.startswith("progress:"):
                seg.extra[key] = (cell_text(c), c.text if not c.continued else "", c.fill)
        return seg

    def _place(self, seg: Segment, num: Optional[str], atext: str, rc: dict[str, Cell]) -> None:
        """The row as a new action, or as more of the action above."""
        p, b = self.p, self.b
        cur_a = p.actions[-1] if p.actions else None
        if self.fresh:
            cur_a, self.fresh = None, False
        if num and cur_a is not None and num == cur_a.number and DATE_REF.fullmatch(num) and atext \
                and one_line(atext) not in one_line(cur_a.text) and (seg.status or seg.progress):
            cur_a = None  # a date names the meeting, not the action: the next action of that meeting
        if num and (cur_a is None or num != cur_a.number):
            a = ActionState(number=num, text=atext, raw=(rc["action"].text if rc.get("action") is not None else atext),
                            priority=self.priority, lead=seg.lead, partners=seg.partners,
                            status_cell=seg.status, page=seg.page, block_index=b.index)
            _add_action(p, a, seg)
            p.numbers.add(num)
        elif cur_a is not None:
            self._more_of(cur_a, seg, num, atext)
        elif atext or seg.milestones:
            a = ActionState(number=num, text=atext, raw=atext, priority=self.priority, lead=seg.lead,
                            partners=seg.partners, status_cell=seg.status, page=seg.page, block_index=b.index)
            _add_action(p, a, seg)

    def _more_of(self, cur_a: ActionState, seg: Segment, num: Optional[str], atext: str) -> None:
        """A row without a new number: the action above goes on, or (in an un-numbered plan) the next action."""
        if atext and one_line(atext) not in one_line(cur_a.text):
            # A reader that splits a table row per printed line: the action above
            # goes on while its sentence is unfinished and it has no status yet, or
            # when this text starts in lower case.
            ended = cur_a.text.rstrip().endswith((".", ";", "?", "!"))
            stated = any(sg.status or sg.progress or sg.milestones for sg in cur_a.segments)
            wrapped = not ended and (atext[:1].islower() or not stated)
            log_like = "milestones" not in self.roles.values()
            if cur_a.number is None and not num and not wrapped and (
                    seg.milestones or seg.progress or seg.status or (log_like and stated and atext[:1].isupper())):
                # an un-numbered plan: every row with an action is an action
                a = ActionState(None, atext, atext, self.priority, seg.lead, seg.partners, seg.status, seg.page, self.b.index)
                _add_action(self.p, a, seg)
                return
            cur_a.text += "\n" + atext  # the action cell split over a page break
            cur_a.raw += "\n" + atext
        cur_a.segments.append(seg)


def _plan_title_score(t: str) -> int:
    """How much a line above a table reads as a plan's title (3 or more: it may be one);
    a sentence or a long line is none."""
    if len(t) > 160 or (t.endswith(".") and len(t.split()) > 8):
        return 0
    score = 0
    if re.search(r"\b(?:action|rolling|delivery|partnership|work|priorit\w*)\s+plan\b|\bplan\b", t, re.I):
        score += 3
    if re.search(r"\b(?:19|20)\d\d\b", t):
        score += 1
    if len(t.split()) >= 3:
        score += 1
    if re.fullmatch(r"(?i)(?:the\s+)?action\s+plan:?", t):
        score -= 1
    return score


def _milestones_of(a: ActionState) -> list[tuple[Optional[str], str, int]]:
    """The milestones in an action's milestone column: (code, text, row) each."""
    lines = [(ln, si) for si, s in enumerate(a.segments) for ln in s.milestones.split("\n")]
    return split_milestones(lines, a.number)


def _label_in(segs) -> Optional[str]:
    for s in segs:
        m = re.search(r"(?i)\b(q[1-4])\s+(?:progress|update)\b|\b(?:progress|update)\s+(q[1-4])\b", s.milestones or "")
        if m:
            return m.group(1) or m.group(2)
    return None


def _is_generic(title: Optional[str]) -> bool:
    if not title:
        return True
    t = one_line(title).strip(" :.").lower()
    return bool(re.fullmatch(r"(?:the\s+)?(?:action|rolling|delivery)\s+plans?|plan", t))


def _group_from_title(title: str) -> Optional[str]:
    m = re.search(r"(?i)\b((?:[A-Z][\w&'-]*\s+){0,5}(?:task\s+group|group|board|partnership|forum|team|cdrp|csp))\b", title)
    return m.group(1).strip() if m else None


def extract_plans(ctx: ExtractContext) -> ExtractResult:
    """Every action plan in the document."""
    bld = _Builder(ctx)
    plan_paper_blocks: set[int] = set()
    for paper in ctx.papers:
        if paper.paper_type == ACTION_PLAN:
            plan_paper_blocks.update(range(paper.start, paper.end + 1))
    for b in ctx.doc.blocks:
        if b.kind != TABLE or not b.rows:
            continue
        if "boilerplate" in (b.flags or ()):
            continue
        try:
            if not bld.table(b, strict=b.index not in plan_paper_blocks):
                bld.headerless_log(b, b.index in plan_paper_blocks)
        except Exception as e:  # noqa: BLE001 - one odd table must not lose the whole pack
            bld.res.warn(f"action-plan table skipped: {type(e).__name__}: {e}", page=b.page,
                         block_index=b.index, kind="extract_error")
    bld.colour_key = find_colour_key(ctx.doc, bld.plan_blocks)
    return bld.emit()


@register
class ActionPlanExtractor(Extractor):
    name = "action_plans"
    paper_types = (WHOLE_DOCUMENT,)
    produces = ("action_plans", "plan_actions", "plan_milestones", "plan_updates")
    order = 40

    def extract(self, paper, ctx: ExtractContext) -> ExtractResult:
        if ctx.action_plans_done:
            return ExtractResult()
        ctx.action_plans_done = True
        return extract_plans(ctx)
