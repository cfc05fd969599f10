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

This module decides which tables are plans and which plan each table belongs
to (:class:`PlanBuilder`); the rest lives beside it: the plan state
(:mod:`~boardpack.extractors.plan_state`), reading a table's rows
(:mod:`~boardpack.extractors.plan_rows`), naming plans
(:mod:`~boardpack.extractors.plan_titles`), writing rows out
(:mod:`~boardpack.extractors.plan_emit`), the column roles of a header row
(:mod:`boardpack.core.plan_columns`, recorded on each table by the mark stage).
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import ACTION_PLAN, HEADING, PARAGRAPH, LIST_ITEM, TABLE, Block, Document
from boardpack.core.periods import parse_period
from boardpack.core.settings import Settings
from boardpack.core.status import (
    colour_key_entry,
    status_word,
    status_word_in,
)
from boardpack.core.plan_columns import (  # noqa: F401  (header_role, header_roles, ROLE_PATTERNS re-exported for tests)
    ROLE_PATTERNS, expanded_texts, header_role, header_roles, plan_headers_of,
)
from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.plan_text import parse_milestone, split_milestones  # noqa: F401  (re-exported for tests)
from boardpack.extractors.report_context import context_date, is_furniture, title_key
from boardpack.extractors.plan_emit import PlanEmitter
from boardpack.extractors.plan_rows import TableRows, number_of
from boardpack.extractors.plan_state import PlanState, role_cells
from boardpack.extractors.plan_titles import ACTION_LOG_TITLE, PlanTitles, group_from_title, is_generic


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


class PlanBuilder(PlanTitles, PlanEmitter):
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
    def _new_plan(self, title: Optional[str], roles, header_texts, b: Block, extra: dict) -> PlanState:
        ordinal = len(self.plans)
        base_title = title or "Action plan"
        same = [p for p in self.plans if p.title == base_title or p.title.startswith(base_title + " (")]
        shown = base_title if not same else f"{base_title} ({len(same) + 1})"
        key = title_key(shown)
        pid = row_id("plan", self.sha, ordinal, shown)
        p = PlanState(pid, shown, key, roles, header_texts, ordinal)
        p.generic = is_generic(title)
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
            "owning_group": extra.get("group") or extra.get("lead") or group_from_title(base_title),
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
        if self.cur is not None and self.cur.generic and title and not is_generic(title) and \
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
        if title and re.search(r"(?i)\bplan\b", title) and not is_generic(title):
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
            rc = role_cells(r.cells, roles)
            n = number_of(rc)[0]
            if n:
                return n
        return None

    def _rows(self, b: Block, roles: dict[int, str], hdr_at: Optional[int], fresh: bool = False) -> None:
        """Read a table's rows into the current plan; ``fresh``: the first row
        starts a new action (a new group's table, never the action above going on)."""
        assert self.cur is not None
        TableRows(self.cur, b, roles, hdr_at, fresh).read()


def extract_plans(ctx: ExtractContext) -> ExtractResult:
    """Every action plan in the document."""
    bld = PlanBuilder(ctx)
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
