"""Meetings from cover letters / summonses and agenda front sheets.

Reads the committee, meeting date and start time, venue, date of issue,
democratic services contact and addressees from the head of a cover letter
or agenda paper, and publishes the pack's meeting as ``ctx.pack_meeting`` so the
agenda extractor files its items under it. Minutes headers are read by
:mod:`.minutes` through :func:`record_meeting`, so one document lists every
meeting it describes once.

The reading of a front sheet's head is in front_sheet.py and the notices of a
schedule of meetings in meeting_schedule.py; this module decides which paper's
meeting is the pack's and records one row per meeting per document.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from boardpack.core.dates import find_dates, numeric_order
from boardpack.core.model import AGENDA, BUDGET, COVER, MINUTES, OTHER, Paper
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.committee_names import body_in_full, committee_name
from boardpack.extractors.front_sheet import meeting_from_lines
from boardpack.extractors.masthead import masthead, opening_time, opening_venue
from boardpack.extractors.meeting_cues import Line, date_from_file_name, paper_lines
from boardpack.extractors.meeting_info import MeetingInfo, meeting_id
from boardpack.extractors.meeting_schedule import schedule_meetings
from boardpack.extractors.meeting_sentences import complete_from_masthead
from boardpack.extractors.venues import tidy_venue


def _worded_reading(info: MeetingInfo, texts: list[str]) -> None:
    """"11/08/2007" reads as 11 August or 8 November; when the head also writes the date in
    words ("November 8, 2007") and that is one of the two readings, the words decide."""
    raw = (info.meeting_date_raw or "").strip()
    if not info.meeting_date or not re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", raw):
        return
    y, m, d = info.meeting_date.split("-")
    other = f"{y}-{d}-{m}"
    worded = {x.iso for t in texts[:20] for x in find_dates(t) if re.search(r"[A-Za-z]", x.raw)}
    if other != info.meeting_date and other in worded and info.meeting_date not in worded:
        info.meeting_date = other


def _first_line_with(texts: list[str], raw: Optional[str]) -> Optional[int]:
    if not raw:
        return None
    key = " ".join(raw.split())
    return next((k for k, t in enumerate(texts) if key in " ".join(t.split())), None)


def _complete_minutes_meeting(info: MeetingInfo, ctx: ExtractContext) -> None:
    """A minutes header read from its paper's own lines (not paragraphs joined): the
    masthead completes what the header sentence lacked, a committee that is not a
    name is dropped (null is better than wrong), the opening time ("called to order
    at 7:03 PM") stands in for a start time, and the file name for a missing date."""
    if info.block_index is None:
        return
    paper = next((p for p in ctx.papers if p.start <= info.block_index <= p.end), None)
    if paper is None:
        return
    lines = [ln for ln in paper_lines(ctx.doc, paper)[:80]]
    texts = [ln.text for ln in lines if not ln.is_row]
    us = numeric_order(" ".join(ln.text for ln in lines))
    year = int(info.meeting_date[:4]) if info.meeting_date else None
    mh = masthead(texts, month_first=us, default_year=year)
    if info.committee_from != "sentence" and mh.meeting_date and mh.meeting_date != info.meeting_date:
        # the date on the paper's title lines beats a date found further down its head
        # (a date in the first resolution of minutes whose attendance list was not recognised)
        at_mh = _first_line_with(texts, mh.meeting_date_raw)
        at_info = _first_line_with(texts, info.meeting_date_raw)
        if at_mh is not None and (at_info is None or at_mh < at_info):
            info.meeting_date, info.meeting_date_raw = mh.meeting_date, mh.meeting_date_raw
            info.start_time, info.start_time_raw = mh.start_time, mh.start_time_raw
    _worded_reading(info, texts)
    if info.committee and committee_name(info.committee_raw or info.committee, title_case=False) is None \
            and committee_name(info.committee, title_case=False) is None:
        info.committee = info.committee_raw = None
    if info.meeting_date is None and mh.meeting_date is None:
        fd = date_from_file_name(getattr(ctx.doc, "path", None), month_first=us)
        if fd is not None:
            info.meeting_date, info.meeting_date_raw = fd.iso, f"{fd.raw} (file name)"
    if info.committee_from != "sentence" and mh.committee and mh.meeting_date == info.meeting_date:
        # the paper's own title lines name the body more surely than its paragraphs joined
        info.committee, info.committee_raw = mh.committee, mh.committee_raw
    complete_from_masthead(info, mh)
    info.venue = tidy_venue(info.venue)
    if info.start_time is None:
        # the opening time, in the paper's prose or in the notes column of its minutes table
        ot = opening_time(texts[:60]) or opening_time([ln.text for ln in lines if ln.is_row])
        if ot:
            info.start_time, info.start_time_raw = ot
    if info.venue is None:
        info.venue = info.venue_raw = opening_venue(texts[:60])


def _minutes_run_on(info: MeetingInfo, ctx: ExtractContext) -> Optional[dict]:
    """Minutes run on past a heading the segmenter took for a new paper (a bare "MINUTES"
    item, the approval of earlier minutes): a minutes paper right after minutes, whose
    title states no meeting of its own and whose date comes from the prose of an item
    ("approved the warrant run for the dates September 15, 2022 through ..."), records the
    meeting of the minutes before it, not a meeting of that date."""
    if info.committee_from == "sentence" or info.block_index is None or not info.meeting_date_raw:
        return None
    at = next((k for k, p in enumerate(ctx.papers) if p.start <= info.block_index <= p.end), None)
    if not at or ctx.papers[at - 1].paper_type != MINUTES:
        return None
    paper = ctx.papers[at]
    title = paper.title or ""
    if find_dates(title) or _OWN_MINUTES_TITLE.search(title):
        return None
    key = " ".join(info.meeting_date_raw.split())
    said = next((b for b in ctx.doc.blocks[paper.start : paper.end + 1] if key in " ".join(b.text.split())), None)
    if said is None or not _is_prose(said.text):
        return None
    first = at - 1
    while first > 0 and ctx.papers[first - 1].paper_type == MINUTES:
        first -= 1
    lo = ctx.papers[first].start
    return next((r for r in reversed(list(ctx.meeting_rows.values()))
                 if "minutes" in r["sources"].split(",") and r["block_index"] is not None
                 and lo <= r["block_index"] < paper.start), None)


_OWN_MINUTES_TITLE = re.compile(r"\b(?:minutes|notes|record)\s+of\b|\bmeeting\b", re.I)


def _is_prose(text: str) -> bool:
    """A paragraph of sentences (an item's text), not a title line."""
    flat = " ".join(text.split())
    return len(flat) >= 80 and len(re.findall(r"\b[a-z]{3,}\b", flat)) >= 8


def _head_texts(ctx: ExtractContext, at: Optional[int], before: int = 12) -> list[str]:
    """The text lines of the blocks at and above block ``at`` (the paper's head)."""
    blocks = ctx.doc.blocks
    end = (at if at is not None else 0) + 1
    return [ln for b in blocks[max(0, end - before) : end] if b.text for ln in b.text.split("\n")]


def record_meeting(info: MeetingInfo, ctx: ExtractContext, res: ExtractResult) -> Optional[dict]:
    """Add (or complete) this document's row for the meeting; one row per meeting per document."""
    if info.source == "minutes":
        before = _minutes_run_on(info, ctx)
        if before is not None:
            for k in ("committee", "committee_raw", "meeting_date", "meeting_date_raw", "start_time",
                      "start_time_raw", "venue", "venue_raw"):
                setattr(info, k, before[k])
            return before
        _complete_minutes_meeting(info, ctx)
    if not info.meeting_date and not info.committee:
        return None
    info.committee = body_in_full(info.committee, _head_texts(ctx, info.block_index), info.committee_from == "sentence")
    mid = info.meeting_id or row_id("meeting", info.committee, None, ctx.doc.sha256)
    rows = ctx.meeting_rows
    fields = {
        "committee": info.committee,
        "committee_raw": info.committee_raw,
        "meeting_date": info.meeting_date,
        "meeting_date_raw": info.meeting_date_raw,
        "start_time": info.start_time,
        "start_time_raw": info.start_time_raw,
        "venue": info.venue,
        "venue_raw": info.venue_raw,
        "date_of_issue": info.date_of_issue,
        "date_of_issue_raw": info.date_of_issue_raw,
        "contact_officer": info.contact_officer,
        "contact_raw": info.contact_raw,
        "addressees": json.dumps(info.addressees) if info.addressees else None,
    }
    if mid in rows:
        row = rows[mid]
        for k, v in fields.items():
            if row.get(k) in (None, "") and v not in (None, ""):
                row[k] = v
        if info.source and info.source not in row["sources"].split(","):
            row["sources"] += "," + info.source
        return row
    row = {
        "meeting_row_id": row_id(ctx.doc.sha256, mid),
        "meeting_id": mid,
        **fields,
        "sources": info.source or "",
        "page": info.page,
        "block_index": info.block_index,
    }
    rows[mid] = row
    res.add("meetings", row)
    return row


@register
class MeetingExtractor(Extractor):
    """Cover letter / summons / agenda front sheet -> the pack's meeting."""

    name = "meetings"
    paper_types = (COVER, AGENDA, OTHER, BUDGET)
    produces = ("meetings",)
    order = 10

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        lines = paper_lines(ctx.doc, paper)
        if not lines:
            return res
        if paper.paper_type == BUDGET:
            self._masthead_above_title(paper, ctx, lines, res)
            return res
        if paper.paper_type in (OTHER, COVER) and ctx.pack_meeting is None:
            listed = schedule_meetings(paper, ctx, lines)
            if listed:
                for info in listed:
                    record_meeting(info, ctx, res)
                ctx.pack_meeting = listed[0]
                return res
        if paper.paper_type == OTHER:
            self._untyped(paper, ctx, lines, res)
            return res
        info = meeting_from_lines(lines, paper.paper_type)
        known: Optional[MeetingInfo] = ctx.pack_meeting
        # an agenda following its summons: complete the pack's meeting, do not start another
        if known is not None and (info.meeting_date in (None, known.meeting_date) or paper.paper_type == AGENDA and not info.committee):
            _complete_known(known, info)
            record_meeting(known, ctx, res)
            return res
        if info.meeting_date is None and known is None and paper is ctx.papers[0]:
            _date_from_file_name(info, paper, ctx, lines, res)
        if info.meeting_date is None:
            if info.committee or info.venue:
                res.warn(f"{paper.paper_type}: no meeting date found", page=paper.page_start, block_index=paper.start)
            if known is None and info.committee:
                ctx.pack_meeting = info
                record_meeting(info, ctx, res)
            return res
        if known is None or known.meeting_date is None:
            ctx.pack_meeting = info
        record_meeting(info, ctx, res)
        return res

    @staticmethod
    def _masthead_above_title(paper: Paper, ctx: ExtractContext, lines: list[Line], res: ExtractResult) -> None:
        """A document opening with a meeting's masthead ("BOARD OF TRUSTEES MEETING" /
        "JUNE 8, 2022" / "6:30 PM" / "AGENDA") above its first paper's own title is
        for that meeting, whatever that paper is (a budget adopted at it)."""
        if ctx.pack_meeting is not None or paper is not ctx.papers[0] or not paper.cue:
            return
        at = next((i for i, ln in enumerate(lines) if not ln.is_row and ln.text.strip() == paper.cue.strip()), None)
        head = lines[:at] if at else []
        if not head or not any(_MEETING_PAPER.search(ln.text) for ln in head):
            return
        info = meeting_from_lines(head, "agenda")
        if info.meeting_date is None:
            return
        ctx.pack_meeting = info
        record_meeting(info, ctx, res)

    @staticmethod
    def _untyped(paper: Paper, ctx: ExtractContext, lines: list[Line], res: ExtractResult) -> None:
        """A paper the segmenter left untyped states a meeting when its masthead names
        itself a meeting paper and dates it; a paper a cue named as something else
        (a memo, letter, briefing, report, register) states none."""
        if paper.cue or ctx.pack_meeting is not None or not names_meeting_paper(paper, lines):
            return
        info = meeting_from_lines(lines, "agenda" if _AGENDA_TITLE.search(" ".join(
            [paper.title or ""] + [ln.text for ln in lines[:_HEAD_LINES] if not ln.is_row])) else "minutes")
        if info.meeting_date is None:
            return
        ctx.pack_meeting = info
        record_meeting(info, ctx, res)


def _complete_known(known: MeetingInfo, info: MeetingInfo) -> None:
    """The pack's meeting completed from another paper of it (what it does not state yet)."""
    for k in ("committee", "committee_raw", "start_time", "start_time_raw", "venue", "venue_raw",
              "date_of_issue", "date_of_issue_raw", "contact_officer", "contact_raw"):
        if getattr(known, k) is None and getattr(info, k) is not None:
            setattr(known, k, getattr(info, k))
    if not known.addressees:
        known.addressees = info.addressees


def _date_from_file_name(info: MeetingInfo, paper: Paper, ctx: ExtractContext, lines: list[Line], res: ExtractResult) -> None:
    """Last resort: the date in the file name ("2016-03-17 Agenda.pdf"), recorded as such."""
    us = numeric_order(" ".join(ln.text for ln in lines[:200]))
    fd = date_from_file_name(getattr(ctx.doc, "path", None), month_first=us)
    if fd is not None:
        info.meeting_date, info.meeting_date_raw = fd.iso, f"{fd.raw} (file name)"
        res.warn(f"{paper.paper_type}: meeting date taken from the file name", page=paper.page_start,
                 block_index=paper.start)


#: Title words naming a paper for one meeting (agenda, minutes, notice), one table.
MEETING_PAPER_TITLES = (
    "agenda", "minutes", "meeting notes", "notes of meeting", "notice of meeting", "meeting notice", "summons",
    "meeting", "procès-verbal", "proces-verbal", "séance", "ordre du jour",
)
_MEETING_PAPER = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in MEETING_PAPER_TITLES) + r")\b", re.I)
_AGENDA_TITLE = re.compile(r"\b(?:agenda|notice\s+of\s+meeting|meeting\s+notice|summons|ordre\s+du\s+jour)\b(?!\s*(?:item|no\b|number))", re.I)
_HEAD_LINES = 12


def names_meeting_paper(paper: Paper, lines: list[Line]) -> bool:
    """The title or one of the first short lines names the paper as a meeting's
    ("CITY COUNCIL AGENDA FOR ...", "BOARD OF TRUSTEES MEETING", "PROCÈS-VERBAL"),
    not a report that mentions an agenda item or a meeting in its prose."""
    heads = [paper.title or ""] + [ln.text for ln in lines[:_HEAD_LINES] if not ln.is_row]
    return any(_MEETING_PAPER.search(h) and len(h) < 120 and not re.search(r"\bagenda\s+item\b", h, re.I)
               and not re.search(r"\b(?:at|of|in|on|the|this|next|an?)\s+(?:the\s+)?(?:agenda|meeting)\b", h, re.I)
               for h in heads)


def pack_meeting(ctx: ExtractContext) -> Optional[MeetingInfo]:
    return ctx.pack_meeting


__all__ = ["MeetingExtractor", "meeting_from_lines", "record_meeting", "pack_meeting", "meeting_id"]
