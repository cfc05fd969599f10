"""Notices of a schedule of meetings: one meeting per listed date.

A year's calendar ("2020 Meeting Schedule") is a table of dates, not one
meeting's front sheet, so it is read apart: each dated row of the table opens
a meeting, the undated rows under it continue it.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.dates import DateMatch, find_dates, find_times, numeric_order
from boardpack.core.model import COVER, Block, Paper
from boardpack.extractors.base import ExtractContext
from boardpack.extractors.committee_names import committee_name
from boardpack.extractors.masthead import masthead
from boardpack.extractors.meeting_cues import Line
from boardpack.extractors.meeting_info import MeetingInfo
from boardpack.extractors.venues import tidy_venue


#: What a notice of a year's meetings calls itself ("2020 Meeting Schedule", "Schedule of
#: Regular Meetings", "Calendar of Meetings", "... will hold public meetings ...").
SCHEDULE_WORDS = (
    r"meetings?\s+(?:schedule|calendar|dates)", r"schedule\s+of\s+(?:\w+\s+){0,2}meetings", r"calendar\s+of\s+(?:\w+\s+){0,2}meetings",
    r"dates\s+of\s+(?:\w+\s+){0,2}meetings", r"will\s+(?:hold|meet)\b.{0,60}\b(?:meetings|on\s+the\s+following\s+dates)",
)
_SCHEDULE = re.compile(r"\b(?:" + "|".join(SCHEDULE_WORDS) + r")\b", re.I)
#: The body holding the listed meetings, from the notice's sentence.
_HOLDS = re.compile(r"\b(?:the\s+)?(?P<c>[A-Z][\w&'\u2019\-]*(?:\s+[\w&'\u2019\-]+){0,10}?)\s+will\s+(?:hold|meet)\b")
_SCHEDULE_MIN_ROWS = 3


def schedule_meetings(paper: Paper, ctx: ExtractContext, lines: list[Line]) -> list[MeetingInfo]:
    """A notice of a schedule of meetings gives a meeting per listed date.

    The paper says it lists meetings (:data:`SCHEDULE_WORDS` in its first lines or
    cells) and holds a table with at least three rows dated in one column: each
    dated row opens a meeting, the undated rows below it continue it (the time
    under the date, the venue's second line). The committee is the body named by
    the notice's sentence ("The X will hold public meetings"), else the masthead's.
    """
    head = " \n".join(ln.text for ln in lines[:40])
    if not _SCHEDULE.search(head):
        return []
    us = numeric_order(" ".join(ln.text for ln in lines[:200]))
    table = _dated_table(paper, ctx, us)
    if table is None:
        return []
    b, col = table
    committee = None
    m = _HOLDS.search(" ".join(head.split()))
    if m:
        committee = committee_name(m.group("c"))
    if not committee:
        mh = masthead([ln.text for ln in lines if not ln.is_row][:14], month_first=us)
        committee = mh.committee
    groups: list[tuple[DateMatch, list[list[str]]]] = []
    for row in b.grid():
        cell = row[col] if col < len(row) else ""
        ds = find_dates(cell, month_first=us)
        if ds:
            groups.append((ds[0], [row]))
        elif groups:
            groups[-1][1].append(row)
    out: list[MeetingInfo] = []
    seen: set[str] = set()
    for d, rows in groups:
        if d.iso in seen:
            continue
        seen.add(d.iso)
        info = MeetingInfo(source=COVER, committee=committee, committee_raw=committee)  # a notice of meetings
        info.meeting_date, info.meeting_date_raw = d.iso, d.raw
        _listed_time_and_venue(info, rows, col, us)
        info.page, info.block_index = b.page, b.index
        out.append(info)
    return out


def _dated_table(paper: Paper, ctx: ExtractContext, us: bool) -> Optional[tuple[Block, int]]:
    """The table with the most rows dated in one column (at least three), and that column."""
    table = None
    for b in paper.blocks(ctx.doc):
        if b.kind != "table" or "boilerplate" in b.flags:
            continue
        by_col: dict[int, int] = {}
        for row in b.grid():
            for k, c in enumerate(row):
                if find_dates(c, month_first=us):
                    by_col[k] = by_col.get(k, 0) + 1
                    break
        if by_col:
            col, n = max(by_col.items(), key=lambda kv: kv[1])
            if n >= _SCHEDULE_MIN_ROWS and (table is None or n > table[2]):
                table = (b, col, n)
    return (table[0], table[1]) if table is not None else None


def _listed_time_and_venue(info: MeetingInfo, rows: list[list[str]], col: int, us: bool) -> None:
    """The time in the date column of a listed meeting's rows, and the venue from its other cells."""
    times = [t for r in rows for t in find_times(r[col] if col < len(r) else "")]
    if times:
        info.start_time, info.start_time_raw = times[0].hhmm, times[0].raw
    parts: list[str] = []
    for r in rows:
        for k, c in enumerate(r):
            c = " ".join(c.replace("*", " ").split()).strip(" ,")
            if k != col and c and not find_dates(c, month_first=us) and not find_times(c) and c not in parts:
                parts.append(c)
    venue = ", ".join(parts) if parts else None
    info.venue_raw, info.venue = venue, tidy_venue(venue)
