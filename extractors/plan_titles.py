"""Naming action plans: the title a plan table goes by (from the lines above
it, its own title rows, the running header), its owning group and lead, the
update cue ("CDRP UPDATE FEBRUARY 2017") and an action log's date.

A mixin of the plan builder (:class:`boardpack.extractors.action_plans.PlanBuilder`),
kept apart because naming a plan reads the text around a table, not the table.
"""

from __future__ import annotations

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import HEADING, PARAGRAPH, LIST_ITEM, TABLE, Block
from boardpack.core.dates import find_dates
from boardpack.core.periods import parse_period
from boardpack.extractors.report_context import GUIDANCE, is_furniture, one_line, title_key

#: a paper that calls itself an action log ("Action Log", "Actions report", "Status update on actions")
ACTION_LOG_TITLE = re.compile(
    r"(?i)\bactions?\s+(?:log|list|tracker|tracking|report|update|schedule|sheet|register|points|summary)\b"
    r"|\bmatters\s+arising\b|\boutstanding\s+actions\b|\bupdate\s+on\s+(?:\w+\s+){0,3}actions\b"
    r"|\bprogress\s+on\s+actions\b|\bactions?\s+(?:arising|from\s+(?:the\s+)?(?:last|previous)\s+meeting)\b")
#: the owner a group heading names: "... - Lead HS/BB", "... (lead: JC)", "... - GS/JTe"
GROUP_LEAD = re.compile(r"(?:\s*[-\u2013\u2014:(]\s*|\s+)(?i:led\s+by|leads?|owners?)\s*[:\-]?\s*([A-Z][\w/&,. ]{0,30}?)\)?$"
                        r"|\s[-\u2013\u2014]\s*([A-Z]{1,3}[a-z]?(?:\s*[/&,]\s*[A-Z]{1,3}[a-z]?)+|[A-Z]{2,3})$")


class PlanTitles:
    """How the plan builder names plans (uses ``self.doc``, ``self.cur``, ``self.plans``, ``self.date``)."""

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
            score = plan_title_score(t)
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
            cur.row["owning_group"] = group_from_title(title)
        per = parse_period(title)
        if per is not None and per.kind in ("year", "range") and not cur.row.get("period"):
            cur.row.update(period=per.label, period_start=per.start, period_end=per.end, period_raw=per.raw)

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


def plan_title_score(t: str) -> int:
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


def is_generic(title: Optional[str]) -> bool:
    if not title:
        return True
    t = one_line(title).strip(" :.").lower()
    return bool(re.fullmatch(r"(?:the\s+)?(?:action|rolling|delivery)\s+plans?|plan", t))


def group_from_title(title: str) -> Optional[str]:
    m = re.search(r"(?i)\b((?:[A-Z][\w&'-]*\s+){0,5}(?:task\s+group|group|board|partnership|forum|team|cdrp|csp))\b", title)
    return m.group(1).strip() if m else None
