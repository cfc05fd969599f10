"""Minutes: the meeting they record, attendance, minute items, decisions, actions.

The meeting is the one named in the minutes header ("Minutes of a meeting
of the Cabinet held ... on Thursday, 9 January 2025"), not the pack's own
meeting. Attendance is read by :mod:`.attendance`. Numbered minute items are
headings ("286. Apologies for Absence", "11.23.05 Clerks Report", "12/19
Apologies"), also inside text-aligned pseudo-tables (number | paragraph) that
PDF table finders produce. Decisions are paragraphs carrying RESOLVED /
APPROVED / AGREED or a sentence opening "It was agreed" / "The Board agreed";
actions are "ACTION:" lines (owners read from the names that start them) and
the cells of an Action/Owner column.

This module is the extractor: the meeting, the order of the readers and the
rows. The body after the attendance is read by :mod:`.minutes_body`, minute
items and decisions are shaped by :mod:`.minute_items`, and tables in the
body by :mod:`.minute_tables`.
"""

from __future__ import annotations

import re

from boardpack.core.dates import find_dates, find_times, numeric_order
from boardpack.core.model import MINUTES, Paper
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.attendance import (  # noqa: F401  (re-exported for callers and tests)
    Attendance,
    TITLES,
    APOLOGIES,
    CHAIR,
    IN_ATTENDANCE,
    PRESENT,
    labels_for,
    ATTEND_PROSE,
    PROSE_APOLOGIES,
    SPLIT_CUES,
    parse_attendance,
    parse_entry,
    segment_names,
    split_names,
)
from boardpack.extractors.meeting_cues import (
    ORG_WORD,
    Line,
    MeetingInfo,
    is_committee_line,
    minutes_header,
    paper_lines,
    tidy_committee,
    units,
)
from boardpack.extractors.meetings import record_meeting
from boardpack.extractors.minute_actions import action_owners, owner_cell  # noqa: F401  (re-exported for tests)
from boardpack.extractors.minute_items import MinuteItem, decision_text  # noqa: F401  (re-exported)
from boardpack.extractors.minute_tables import flatten_body_tables  # noqa: F401  (re-exported)
from boardpack.extractors.minutes_body import MinutesBody


@register
class MinutesExtractor(Extractor):
    name = "minutes"
    paper_types = (MINUTES,)
    produces = ("meetings", "attendance", "minute_items", "decisions", "minute_actions")
    order = 30

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        labels = labels_for(ctx.settings)
        lines = flatten_body_tables(units(paper_lines(ctx.doc, paper), labels.split_cues))
        if not lines:
            return res
        info = self._meeting_info(paper, ctx, lines)
        if info.meeting_date is None:
            res.warn("minutes: no date of the meeting recorded found", page=paper.page_start, block_index=paper.start)
        row = record_meeting(info, ctx, res)
        meeting = (row["meeting_id"] if row else None, info.meeting_date)
        att, end = parse_attendance(lines, info.meeting_date, labels)
        items = MinutesBody(paper, ctx, res, meeting, att, lines[end:]).read()
        self._attendance_rows(paper, ctx, res, meeting, att)
        self._item_rows(paper, ctx, res, meeting, items)
        return res

    def _meeting_info(self, paper: Paper, ctx: ExtractContext, lines: list[Line]) -> MeetingInfo:
        """The meeting from the minutes' head, or from the "Minutes of ..." title that
        segmentation left at the end of the previous paper."""
        info = self._meeting(lines)
        if info.meeting_date is None and paper.start > 0:
            lo = max(0, paper.start - 6)
            before = paper_lines(ctx.doc, paper, start=lo, end=paper.start - 1)
            k = max((j for j, b in enumerate(before) if re.search(r"\bminutes\s+of\b", b.text, re.I)), default=None)
            if k is not None:
                prev = self._meeting(before[max(0, k - 3):])
                if prev.meeting_date:
                    info = prev
        return info

    @staticmethod
    def _attendance_rows(paper: Paper, ctx: ExtractContext, res: ExtractResult, meeting: tuple, att: Attendance) -> None:
        mid, mdate = meeting
        for p in att.people:
            res.add("attendance", {
                "attendance_id": row_id(ctx.doc.sha256, paper.start, p.person, p.attendance, p.block_index),
                "meeting_id": mid,
                "meeting_date": mdate,
                "person": p.person,
                "person_raw": p.raw,
                "role": p.role,
                "attendance": p.attendance,
                "page": p.page,
                "block_index": p.block_index,
            })

    @staticmethod
    def _item_rows(paper: Paper, ctx: ExtractContext, res: ExtractResult, meeting: tuple, items: list[MinuteItem]) -> None:
        mid, mdate = meeting
        for k, it in enumerate(items):
            res.add("minute_items", {
                "minute_item_id": row_id(ctx.doc.sha256, paper.start, it.number, k),
                "meeting_id": mid,
                "meeting_date": mdate,
                "item_number": it.number,
                "title": it.title,
                "title_raw": it.raw,
                "ordinal": k,
                "page": it.page,
                "block_index": it.block_index,
            })

    def _meeting(self, lines: list[Line]) -> MeetingInfo:
        # header: lines up to the attendance section
        head: list[Line] = []
        for ln in lines[:25]:
            if not ln.is_row and re.match(r"^(?:present|members present)\b", ln.text, re.I):
                break
            if ln.is_row and any(re.match(r"^present\b", c or "", re.I) for c in ln.cells or []):
                break
            head.append(ln)
        text = "\n".join(ln.text for ln in head if not ln.is_row)
        info = minutes_header(text)
        idx = next((k for k, ln in enumerate(head) if re.search(r"\b(?:minutes|notes|action\s+notes|record)\s+of\b", ln.text, re.I)), None)
        if idx is None:
            # no "Minutes of" sentence: first date in the head ("06/05/2013" read as the paper
            # writes its dates: month first in an American paper)
            us = numeric_order(" ".join(ln.text for ln in lines[:200]))
            for ln in head:
                ds = find_dates(ln.text, month_first=us)
                if ds:
                    info.meeting_date, info.meeting_date_raw = ds[0].iso, ds[0].raw
                    ts = find_times(ln.text[ds[0].end:])
                    if ts:
                        info.start_time, info.start_time_raw = ts[0].hhmm, ts[0].raw
                    break
        if not info.committee:
            before = head[:idx] if idx is not None else head
            for ln in reversed(before):
                if ln.is_row:
                    continue
                t = ln.text.strip()
                if is_committee_line(t) and (ORG_WORD.search(t) or t.isupper()) and not re.match(r"^agenda\b", t, re.I):
                    info.committee, info.committee_raw = tidy_committee(t), t
                    break
        info.source = "minutes"
        prov = head[idx] if idx is not None and head else (head[0] if head else lines[0])
        info.page, info.block_index = prov.page, prov.block_index
        return info

