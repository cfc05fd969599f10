"""Reading one action-plan table's rows into the current plan: each row a
heading (a priority or group), a new action, or more of the action above.

Apart from the plan builder (:mod:`boardpack.extractors.action_plans`),
which decides which tables are plans and which plan a table belongs to.
"""

from __future__ import annotations

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import Block, Cell, Row
from boardpack.core.plan_columns import (
    cell_text, expanded_texts, plan_headers_of,
)
from boardpack.extractors.plan_text import (
    ACTION_NUM,
    CODE,
    CODE_CELL,
    NUM_CELL,
    TITLE_ROW,
)
from boardpack.extractors.report_context import one_line
from boardpack.extractors.plan_state import ActionState, PlanState, Segment, add_action, role_cells

#: a reference without figures in a number column: "(A)", "A", "Ai", "B.iv", "IV"
REF_WORD = re.compile(r"\(?[A-Z]{1,3}\)?(?:[.\-]?\(?[ivx]{1,4}\)?)?\.?|\(?[ivxIVX]{1,5}\)?\.?")
#: a reference that is a date (the meeting the action was agreed at): it repeats row after row
DATE_REF = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})")


def number_of(rc: dict[str, Cell]) -> tuple[Optional[str], Optional[str], str]:
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


class TableRows:
    """The rows of one table read into the builder's current plan: each row a heading
    (a priority), a new action, or more of the action above."""

    def __init__(self, p: Optional[PlanState], b: Block, roles: dict[int, str], hdr_at: Optional[int], fresh: bool) -> None:
        assert p is not None
        self.p, self.b, self.roles, self.fresh = p, b, roles, fresh
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
        rc = role_cells(r.cells, roles)
        # A row with one wide cell: a priority/group heading or a repeated title.
        if len(filled) == 1 and (filled[0].colspan >= max(2, self.n_cols - 1) or len(r.cells) == 1):
            t = one_line(cell_text(filled[0]))
            if t and t != p.title and not CODE.search(t[:8]):
                if re.match(r"(?i)(priority|theme|objective|outcome|aim)\b", t) or len(t) < 100:
                    self.priority = t
            return
        if "priority" in rc and cell_text(rc["priority"]):
            self.priority = one_line(cell_text(rc["priority"]))
        num, code, atext = number_of(rc)
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
            add_action(p, a, seg)
            p.numbers.add(num)
        elif cur_a is not None:
            self._more_of(cur_a, seg, num, atext)
        elif atext or seg.milestones:
            a = ActionState(number=num, text=atext, raw=atext, priority=self.priority, lead=seg.lead,
                            partners=seg.partners, status_cell=seg.status, page=seg.page, block_index=b.index)
            add_action(p, a, seg)

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
                add_action(self.p, a, seg)
                return
            cur_a.text += "\n" + atext  # the action cell split over a page break
            cur_a.raw += "\n" + atext
        cur_a.segments.append(seg)
