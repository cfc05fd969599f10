"""Meetings from cover letters / summonses and agenda front sheets.

Reads the committee, meeting date and start time, venue, date of issue,
democratic services contact and addressees from the head of a cover letter
or agenda paper, and publishes the pack's meeting as ``ctx.pack_meeting`` so the
agenda extractor files its items under it. Minutes headers are read by
:mod:`.minutes` through :func:`record_meeting`, so one document lists every
meeting it describes once.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from boardpack.core.dates import DateMatch, find_dates, find_times, numeric_order
from boardpack.core.model import AGENDA, BUDGET, COVER, OTHER, Block, Paper
from boardpack.core.vocabulary import ORDINAL_SUFFIX_RE, WEEKDAY_FULL_RE
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.meeting_cues import (
    ORG_WORD,
    Line,
    MeetingInfo,
    committee_name,
    complete_from_masthead,
    opening_time,
    opening_venue,
    tidy_venue,
    date_from_file_name,
    is_committee_line,
    masthead,
    meeting_from_text,
    meeting_id,
    paper_lines,
    join_lines,
    tidy_committee,
    units,
)

_HELD_SENTENCE = re.compile(r"\b(?:will\s+be\s+held|to\s+be\s+held|summoned|will\s+meet|take\s+place)\b", re.I)


_TO_LINE = re.compile(r"^to\s*:", re.I)
_ITEM_START = re.compile(r"^\s*(?:item\s+)?\d{1,2}\s*(?:\.|\)|\s)\s*(?:\(?[a-z]\)\s*)?[A-Z]")
_STANDALONE_DATE = re.compile(
    rf"^\s*(?:{WEEKDAY_FULL_RE},?\s+)?\d{{1,2}}{ORDINAL_SUFFIX_RE}?\s+[A-Za-z]+,?\s+\d{{4}}\s*$", re.I
)
_NAME_LINE = re.compile(r"^(?:[A-Z][A-Za-z'\-]+|[A-Z]{2,})(?:\s+(?:[A-Z][A-Za-z'\-]+|[A-Z]{2,}|[A-Z]\.?)){1,3}$")
_CONTACT = re.compile(
    r"(?i:ask\s+for|contact(?:\s+officer)?|democratic\s+services\s+(?:contact\s+)?officer|clerk(?:\s+to\s+the\s+council)?)\s*[:\-]\s*"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){0,3})",
)


def header_lines(lines: list[Line], limit: int = 60) -> list[Line]:
    """Lines before the first numbered agenda item (the head of a summons/front sheet)."""
    out = []
    for ln in lines[:limit]:
        if ln.is_row and ln.cells and re.match(r"^\d{1,2}\.?$", (ln.cells[0] or "").strip()):
            break
        if not ln.is_row and _ITEM_START.match(ln.text) and out and not find_dates(ln.text):
            break
        out.append(ln)
    return out


def _committee_from_titles(lines: list[Line]) -> tuple[Optional[str], Optional[Line]]:
    for ln in lines:
        t = ln.text
        if ln.is_row:
            continue
        part = t
        if " - " in t:
            first = t.split(" - ")[0]
            if ORG_WORD.search(first):
                part = first
        if is_committee_line(part) and ORG_WORD.search(part) and not re.match(r"^(?:to|dear|yours)\b", part, re.I):
            if len(part.split()) <= 14 and not part.endswith("."):
                return tidy_committee(part), ln
    return None, None


def _addressees(lines: list[Line]) -> list[str]:
    out: list[str] = []
    collecting = False
    # a "To:" line stands alone; the lines wrapped under it are joined
    chunks: list[str] = []
    for ln in lines:
        if ln.is_row:
            continue
        raws = [r for r in (ln.raw or ln.text).split("\n") if r.strip()]
        raws = [" ".join(r.split()).replace("\u2013", "-").replace("\u2014", "-") for r in raws]
        if raws and _TO_LINE.match(raws[0]):
            chunks.append(raws[0])
            if len(raws) > 1:
                chunks.append(join_lines(raws[1:]))
        else:
            chunks.append(ln.text)
    for t in chunks:
        m = re.match(r"^to\s*:\s*(?P<rest>.*)$", t, re.I)
        if m:
            collecting = True
            t = m.group("rest")
            t = re.sub(r"^(?:chairman|chair|vice-chairman)\s*-\s*", "", t, flags=re.I)
        elif not collecting:
            continue
        elif re.match(r"^(?:dear|you are|please|a meeting|notice)\b", t, re.I) or find_dates(t):
            collecting = False
            continue
        t = t.strip().rstrip(".")
        if re.match(r"^(?:all\s+)?(?:board\s+)?members\s+of\b", t, re.I):
            parts = [t]
        else:
            parts = re.split(r",\s*|\s+and\s+(?=[A-Z])|;\s*", t)
        for p in parts:
            p = re.sub(r"^and\s+", "", p.strip())
            if p and len(p) < 120:
                out.append(p)
    return out


def _contact(lines: list[Line]) -> tuple[Optional[str], Optional[str]]:
    for ln in lines:
        m = _CONTACT.search(ln.text)
        if m:
            name = re.sub(r"\s+(?:Tel|Telephone|Email|Phone)\b.*$", "", m.group("name"))
            return name.strip(), ln.text
    # "IAN SENIOR" on the line above "Democratic Services Officer, ..."
    for i, ln in enumerate(lines):
        if re.match(r"^(?:democratic services|committee|clerk|senior democratic)", ln.text, re.I) and i > 0:
            prev = lines[i - 1].text.strip()
            if _NAME_LINE.match(prev) and not re.match(r"^yours", prev, re.I):
                return tidy_committee(prev), prev + " / " + ln.text
    return None, None


_LABEL = re.compile(
    r"^(?P<label>date\s+of\s+(?:issue|publication|despatch|dispatch)|published(?:\s+on)?|issued(?:\s+on)?|despatched(?:\s+on)?|"
    r"meeting|committee|body|date(?:\s+of\s+meeting)?|time|venue|place|location|where|when)\s*[:\-]\s*(?P<value>.+)$",
    re.I,
)


def labelled_fields(head: list[Line]) -> dict[str, tuple[str, Line]]:
    """"Date: Tuesday 3 March 2020" / "Time: 7.00 pm" / "Venue: Council Chamber" front sheets
    (also as two-cell table rows)."""
    out: dict[str, tuple[str, Line]] = {}
    for ln in head:
        pairs = []
        if ln.is_row:
            cells = [c.strip() for c in (ln.cells or []) if c and c.strip()]
            for k in range(len(cells) - 1):
                pairs.append(cells[k].rstrip(":") + ": " + cells[k + 1])
        else:
            pairs = ln.text.split("\n")
        for p in pairs:
            m = _LABEL.match(p.strip())
            if not m:
                continue
            label = m.group("label").lower()
            key = {"committee": "meeting", "body": "meeting", "place": "venue", "location": "venue", "where": "venue",
                   "when": "date"}.get(label, label)
            if re.match(r"date\s+of\s+(?:issue|publication|desp|disp)|published|issued|despatched", label):
                key = "issue"
            elif key.startswith("date"):
                key = "date"
            out.setdefault(key, (m.group("value").strip(), ln))
    return out


def meeting_from_lines(lines: list[Line], source: str) -> MeetingInfo:
    """The meeting described by the head of a summons or agenda front sheet."""
    head = header_lines(lines)
    text = "\n".join(ln.text for ln in head if not ln.is_row)
    info = meeting_from_text(text)
    info.source = source
    lab = labelled_fields(head)
    _from_labels(info, lab)
    anchor = _date_anchor(info, head)
    _issue_and_meeting_dates(info, lines, text)
    # the title stack at the head ("CITY COUNCIL" / "Tuesday, December 13, 2022 7:00 PM Council Chambers")
    us = numeric_order(" ".join(ln.text for ln in lines[:200]))
    mh = masthead([ln.text for ln in head if not ln.is_row] or [ln.text for ln in head], month_first=us)
    if mh.meeting_date and mh.meeting_date != info.meeting_date and not lab.get("date") and not _HELD_SENTENCE.search(text):
        # no labelled date and no summons sentence: the masthead's date beats the first date in the head
        info.meeting_date, info.meeting_date_raw = mh.meeting_date, mh.meeting_date_raw
        info.start_time = info.start_time_raw = None
    _complete(info, mh, head, anchor)
    info.contact_officer, info.contact_raw = _contact(lines)
    info.addressees = _addressees(units(head, _TO_LINE))
    prov = anchor or (head[0] if head else (lines[0] if lines else None))
    if prov is not None:
        info.page, info.block_index = prov.page, prov.block_index
    return info


def _from_labels(info: MeetingInfo, lab: dict[str, tuple[str, Line]]) -> None:
    """The labelled fields of the head ("Date:", "Time:", "Venue:", "Meeting:", "Date of issue:")."""
    if "date" in lab:
        ds = find_dates(lab["date"][0])
        if ds:
            info.meeting_date, info.meeting_date_raw = ds[0].iso, ds[0].raw
            ts = find_times(lab["date"][0][ds[0].end:])
            if ts and "time" not in lab:
                info.start_time, info.start_time_raw = ts[0].hhmm, ts[0].raw
    if "issue" in lab:
        ds = find_dates(lab["issue"][0])
        if ds:
            info.date_of_issue, info.date_of_issue_raw = ds[0].iso, lab["issue"][0]
    if "time" in lab:
        ts = find_times(lab["time"][0])
        if ts:
            info.start_time, info.start_time_raw = ts[0].hhmm, ts[0].raw
    if "venue" in lab:
        info.venue_raw = lab["venue"][0]
        info.venue = _FURNITURE_TAIL.sub("", lab["venue"][0]).strip(" ,.")
    if "meeting" in lab and is_committee_line(lab["meeting"][0]):
        info.committee_raw = lab["meeting"][0]
        info.committee = tidy_committee(lab["meeting"][0])


def _date_anchor(info: MeetingInfo, head: list[Line]) -> Optional[Line]:
    """The line of the head where the meeting date was found."""
    if not info.meeting_date_raw:
        return None
    first_word = info.meeting_date_raw.split()[0]
    for ln in head:
        if not ln.is_row and any(d.iso == info.meeting_date for d in find_dates(ln.text)):
            return ln
    for ln in head:
        if first_word in ln.text:
            return ln
    return None


def _issue_and_meeting_dates(info: MeetingInfo, lines: list[Line], text: str) -> None:
    """A standalone date line that is not the meeting's is the date of issue; without a
    meeting date yet, the first date of the head that is not the date of issue is."""
    meeting_dates = find_dates(" ".join(text.split()))
    for ln in lines:
        if ln.is_row:
            continue
        if info.date_of_issue:
            break
        if _STANDALONE_DATE.match(ln.text):
            d = find_dates(ln.text)[0]
            if d.iso != info.meeting_date:
                info.date_of_issue, info.date_of_issue_raw = d.iso, ln.text
                break
    if info.meeting_date is None and meeting_dates:
        # a date that is not the date of issue
        for d in meeting_dates:
            if d.iso != info.date_of_issue:
                info.meeting_date, info.meeting_date_raw = d.iso, d.raw
                break


def _complete(info: MeetingInfo, mh: MeetingInfo, head: list[Line], anchor: Optional[Line]) -> None:
    """Committee, start time and venue not found yet: from the masthead, the title lines,
    and the lines at the date."""
    complete_from_masthead(info, mh, ("committee", "start_time"))
    if not info.committee:
        c, cl = _committee_from_titles(head)
        if c:
            info.committee, info.committee_raw = c, cl.text
    if not info.start_time and anchor is not None:
        ts = find_times(anchor.text)
        if ts:
            info.start_time, info.start_time_raw = ts[0].hhmm, ts[0].raw
    complete_from_masthead(info, mh, ("venue",))
    if not info.venue and anchor is not None:
        info.venue, info.venue_raw = _venue_near(head, anchor)
    info.venue = tidy_venue(info.venue)
    if info.committee and committee_name(info.committee, title_case=False) is None:
        info.committee = info.committee_raw = None  # a sentence fragment: null is better than wrong


_FURNITURE_TAIL = re.compile(r"\s*(?:ask for|telephone|tel|email|e-mail|fax|contact)\b.*$", re.I)


def _venue_near(head: list[Line], anchor: Line) -> tuple[Optional[str], Optional[str]]:
    """Venue on the lines right after the date line (ModernGov front sheets:
    "Thursday, 30th January, 2025, at 10.00 am" / "Council Chamber, Sessions House,")."""
    i = head.index(anchor)
    # text after the time on the anchor line itself ("... at 7.30pm in the Village Hall")
    t = anchor.text
    ts = find_times(t)
    if ts:
        rest = t[ts[-1].end:]
        m = re.match(r"\s*,?\s*(?:in|at)\s+(?:the\s+)?(?P<v>[^.;]+)", rest, re.I)
        if m:
            v = _FURNITURE_TAIL.sub("", m.group("v")).strip(" ,")
            if v:
                return v, m.group("v")
    parts = []
    raw = []
    for ln in head[i + 1 : i + 4]:
        if ln.is_row:
            break
        s = _FURNITURE_TAIL.sub("", ln.text).strip()
        if not s or re.match(r"^[.\-_]+$", s):
            if parts:
                break
            continue
        if re.match(r"^(?:agenda|unrestricted|exempt|to:|dear|public)\b", s, re.I) or re.search(r"@|\d{5,}", s):
            break
        if find_dates(s) or len(s) > 100:
            break
        parts.append(s)
        raw.append(ln.text)
        if not s.endswith(","):
            break
    if parts:
        return " ".join(parts).strip(" ,"), " / ".join(raw)
    return None, None


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


def record_meeting(info: MeetingInfo, ctx: ExtractContext, res: ExtractResult) -> Optional[dict]:
    """Add (or complete) this document's row for the meeting; one row per meeting per document."""
    if info.source == "minutes":
        _complete_minutes_meeting(info, ctx)
    if not info.meeting_date and not info.committee:
        return None
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
