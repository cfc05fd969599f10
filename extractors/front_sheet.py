"""The meeting a summons or agenda front sheet states, read from its head.

A front sheet gives the meeting several ways at once: a summons sentence,
labelled fields ("Date:", "Venue:"), a masthead, a date line with the venue
under it, a contact officer and a "To:" list. This module reads all of them
from the lines before the first item and reconciles them into one
``MeetingInfo``; the extractor (meetings.py) decides which paper's reading
becomes the pack's meeting.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.dates import find_dates, find_times, numeric_order
from boardpack.core.textnorm import join_lines
from boardpack.core.vocabulary import ORDINAL_SUFFIX_RE, WEEKDAY_FULL_RE
from boardpack.extractors.committee_names import committee_name
from boardpack.extractors.masthead import masthead
from boardpack.extractors.meeting_cues import Line, units
from boardpack.extractors.meeting_info import ORG_WORD, MeetingInfo, is_committee_line, tidy_committee
from boardpack.extractors.meeting_sentences import complete_from_masthead, meeting_from_text
from boardpack.extractors.venues import POSTCODE, tidy_venue


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
        if not ln.is_row and _ITEM_START.match(ln.text) and out and not find_dates(ln.text) \
                and not POSTCODE.search(ln.text):  # "32 Field Close, Sturminster Newton, DT10 1QW": an address
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
