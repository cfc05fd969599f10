"""Writing action plans out as rows: plans, actions, milestones and one
update per milestone (or action) per reporting period, with progress,
normalised status (words, else the cell's fill through the colour key),
stats awaited and funding.

A mixin of the plan builder (:class:`boardpack.extractors.action_plans.PlanBuilder`),
kept apart because it runs once, after every table has been read.
"""

from __future__ import annotations

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Iterator, Optional

from boardpack.core.periods import FROM_MEETING_DATE, Period, day_period, fy_of, parse_period, period_for_meeting, quarter_of_month, quarter_period
from boardpack.core.status import (
    NOT_REPORTED,
    stats_awaited,
    status_cell,
    status_from_fill,
    status_from_text,
    status_word_in,
)
from boardpack.extractors.base import ExtractResult, row_id
from boardpack.extractors.plan_text import (
    money_in,
    parse_milestone,
    parse_progress_cell,
    split_milestones,
    strip_clauses,
)
from boardpack.extractors.report_context import join_lines
from boardpack.extractors.plan_state import ActionState, PlanState, UpdateOf


class PlanEmitter:
    """How the plan builder writes its plans (uses ``self.plans``, ``self.res``, ``self.settings``, ``self.colour_key``)."""

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
        coded = [m for m in milestones_of(a) if m[0]] if has_ms_col else []
        if not coded:
            # no reference printed: ref stays empty (the row's place is plan_actions.ordinal)
            self._emit_update(UpdateOf(
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
            self._emit_update(UpdateOf(
                p, a, aid, milestone_id=mid, ref=code, parsed=parsed, segs=segs, action_status=action_status,
                funding=funding, funding_raw=funding_raw, has_progress_col=has_progress_col))

    def _emit_update(self, u: UpdateOf) -> None:
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

    def _emit_one(self, u: UpdateOf, pkey: str) -> None:
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
        per = self.update_period(p, label_q or (parsed and parsed.get("_label")) or label_in(segs), pkey)
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
    def _progress_of(u: UpdateOf) -> tuple[Optional[str], Optional[str], Optional[str], Optional[str], Optional[str]]:
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

    def _status_sources(self, u: UpdateOf, progress: Optional[str], fills: tuple[Optional[str], Optional[str]],
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


def milestones_of(a: ActionState) -> list[tuple[Optional[str], str, int]]:
    """The milestones in an action's milestone column: (code, text, row) each."""
    lines = [(ln, si) for si, s in enumerate(a.segments) for ln in s.milestones.split("\n")]
    return split_milestones(lines, a.number)


def label_in(segs) -> Optional[str]:
    for s in segs:
        m = re.search(r"(?i)\b(q[1-4])\s+(?:progress|update)\b|\b(?:progress|update)\s+(q[1-4])\b", s.milestones or "")
        if m:
            return m.group(1) or m.group(2)
    return None
