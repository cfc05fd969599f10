"""The masthead: the stack of title lines at the head of an agenda or minutes.

Read by position (see the comment below), apart from the summons sentences
(meeting_sentences.py): a masthead states the meeting in lines, not prose,
and the opening sentence of minutes ("called to order at 7:03 PM") completes it.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.dates import DateMatch, find_dates, find_times
from boardpack.extractors.committee_names import MEETING_KIND, committee_name, names_body, nearest_body
from boardpack.extractors.meeting_info import ORG_WORD, MeetingInfo, clean_venue, guess_pm
from boardpack.extractors.venues import (
    CONTACT_TAIL,
    PLACE_WORD,
    POSTCODE,
    PROSE,
    VENUE_PREPOSITION,
    is_place,
    is_place_line,
    label_value,
    strip_times,
)


# ---------------------------------------------------------------------------
# the masthead: the stack of title lines at the head of an agenda or minutes
# ("Open Data User Group" / "13th meeting" / "14 May 2013, 14:00-17:00" /
# "ODI, 3rd Floor, 65 Clifton Street, London, EC2A 4JE"), read by position:
# the meeting's date is the first date of the masthead not stamped as a
# revision, issue or next-meeting date; the committee is the nearest name above
# it (or before it on its line); the time follows the date; the venue is the
# place-like text after the time, the next line, or an address line.


NOT_MEETING_DATE_CUES = (
    "next meeting", "future meeting", "following meeting", "revised", "updated", "update", "amended", "dated",
    "issued", "issue", "published", "publication", "posted", "printed", "circulated", "despatched",
    "dispatched", "approved", "approval", "approve", "minutes of", "adopted", "deadline", "as of",
    "as at", "version", "draft", "effective", "expires", "by", "until", "from", "cancelled",
)
_NOT_MEETING_DATE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in NOT_MEETING_DATE_CUES) + r")\b[^.;]{0,30}$", re.I)

#: "Minutes of Parish Council 22 November 2023": a line that opens with "Minutes of" is the
#: paper's title and its date the meeting's (not "approval of the minutes of ...")
_MINUTES_TITLE = re.compile(r"^\W*(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes\s+of\s+"
                            r"(?!(?:the\s+)?(?:last|previous|prior)\b)(?:(?!approv|adopt|confirm|held\b)[^.;])*$", re.I)

#: Lines that end the masthead: the attendance list, the first item, prose.
_BODY_START = re.compile(
    r"^(?:present|members\s+present|attendees|attendance|in\s+attendance|apologies|regrets|absent|"
    r"roll\s+call|call\s+to\s+order|item\s+\d|\(?\d{1,2}[.)]\s+\S|[ivx]{1,4}[.)]\s+\S|[A-H][.)]\s+[A-Z])",
    re.I,
)


_OPENED = re.compile(
    r"\b(?:called\s+(?:the\s+meeting\s+)?to\s+order|call\s+to\s+order|opened|open(?:s|ed)?\s+(?:the\s+)?meeting|"
    r"meeting\s+(?:began|started|commenced|opened|convened)|commenced|commencing|convened|began|started|starting|ouverte)\b", re.I)


def opening_time(lines: list[str]) -> Optional[tuple[str, str]]:
    """The time the meeting was opened ("called to order by the Chair at 7:03 PM",
    "The meeting opened at 6.35pm", "La séance est ouverte à 16h00")."""
    for ln in lines:
        m = _OPENED.search(ln)
        if not m:
            continue
        ts = find_times(ln[m.start() : m.end() + 80])
        if ts:
            return guess_pm(ts[0].hhmm, ts[0].raw), ts[0].raw
        # a 24-hour clock written without a separator ("The meeting commenced at 1835")
        hm = _CLOCK_24.search(ln[m.end() : m.end() + 30])
        if hm:
            return f"{hm.group('h')}:{hm.group('m')}", hm.group("t")
    return None


#: "at the Town Hall" / "in the Council Chamber" after the words that open the meeting.
#: The place is its run of capitalised words ("Parish Church Room", "Hall of the Guild").
_OPENED_AT = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?P<v>[A-Z][\w'&-]*(?:\s+(?:[A-Z0-9][\w'&-]*|(?:of|the|and)(?=\s+[A-Z])))*)")


def opening_venue(lines: list[str]) -> Optional[str]:
    """The place named where the minutes open the meeting ("was called to order by the
    Supervisor, at the Town Hall at 7:00 p.m."): the sentence's place, never a time."""
    flat = " ".join(" ".join(lines).split())
    for m in _OPENED.finditer(flat):
        for v in _OPENED_AT.finditer(flat[m.end() : m.end() + 100]):
            place = v.group("v").strip()
            if is_place_line(place):
                return place
    # "... was held on Monday, March 19, 2007 at the Municipal Building, Van Wyck Street, Croton, NY."
    m = _WAS_HELD_AT.search(flat)
    place = re.split(r"\.\s", m.group("v"))[0].strip(" ,.") if m else ""
    if place and (is_place_line(place) or _ROOM_FIRST.match(place)):
        return place  # "held in the Council Chamber, Council Offices, Holt Road, Cromer": a room first
    # "held remotely through Zoom", "Held on 13th January 2022 via Microsoft Teams": a meeting
    # held online is held on its platform
    m = _HELD_ONLINE.search(flat)
    return m.group("v") if m else None


_ROOM_FIRST = re.compile(r"(?:[A-Z][\w'-]*\s+){0,2}(?:Chambers?|Room|Hall|Offices?|Centre|Center|Library|Pavilion|Boardroom)\b")
_HELD_ONLINE = re.compile(r"\b(?i:held|meeting|conducted|took\s+place|convened)\b(?:[^.;]|\.(?=\d)){0,80}?\b(?i:via|on|through|by|using|over)\s+"
                          r"(?P<v>Zoom|Microsoft\s+Teams|MS\s+Teams|Teams|Skype|Google\s+Meet|Webex|WebEx|GoToMeeting)\b")
_WAS_HELD_AT = re.compile(r"\b(?:(?:was|were|is)\s+|(?i:meeting|committee|council|board|panel)\s+)held\b[^.;]{0,60}?\b(?:at|in)\s+(?:the\s+)?"
                          r"(?P<v>[A-Z][\w'&-]*(?:[ ,]+(?:[A-Z0-9][\w'&.-]*|of|the|and|on))*)")


_CLOCK_24 = re.compile(r"^\s*(?:at|@)(?:\s*:\s*|\s+)(?P<t>(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s*(?:hrs|hours|h))?)\b(?![/.,:]?\d)", re.I)


def masthead(lines: list[str], limit: int = 14, month_first: bool = False,
             default_year: Optional[int] = None) -> MeetingInfo:
    """The meeting stated by the title lines at the head of a paper (see above)."""
    info = MeetingInfo()
    head = _masthead_lines(lines, limit)
    _labelled_lines(info, head)
    di, d = _date_line(info, head, month_first, default_year)
    if d is not None:
        _at_the_date(info, head, di, d)
        if not info.venue:
            _venue_above_date(info, head, di)
    if not info.venue:
        _address_venue(info, head, di)
    if not info.start_time:
        ot = opening_time(lines[:40])
        if ot:
            info.start_time, info.start_time_raw = ot
    if not info.venue:
        _venue_after_time(info, [" ".join(t.split()) for t in lines[: limit + 6] if t.strip()])
    return info


def _venue_after_time(info: MeetingInfo, head: list[str]) -> None:
    """A place line right under the head line giving the meeting's time ("Call to
    Order: 7 p.m." / "Municipal Building"), even where that line opens the items: a
    notice states when, then where."""
    if not info.start_time_raw:
        return
    for i, t in enumerate(head[:-1]):
        if info.start_time_raw in t and not find_dates(head[i + 1]) and is_place_line(head[i + 1]):
            parts = [head[i + 1]] + _address_below(head, i + 2)
            v = ", ".join(parts)
            info.venue_raw, info.venue = v, clean_venue(v)
            return


def _masthead_lines(lines: list[str], limit: int) -> list[str]:
    """The title lines at the head: up to ``limit``, until the body or a line of prose starts."""
    head: list[str] = []
    for ln in lines[: limit + 6]:
        t = " ".join(ln.split())
        if not t:
            continue
        if _BODY_START.match(t) and head:
            break
        if len(t.split()) > 30:  # prose: the masthead is over
            break
        head.append(t)
        if len(head) >= limit:
            break
    return head


def _labelled_lines(info: MeetingInfo, head: list[str]) -> None:
    """"Venue: ...", "Date: ...", "Time: ..." lines."""
    for t in head:
        for key in ("venue", "date", "time"):
            v = label_value(t, key)
            if v is None:
                continue
            if key == "venue" and not info.venue and not find_dates(v):
                info.venue_raw, info.venue = v, clean_venue(strip_times(v))
            elif key == "date" and not info.meeting_date:
                ds = find_dates(v)
                if ds:
                    info.meeting_date, info.meeting_date_raw = ds[0].iso, ds[0].raw
                    ts = find_times(v[ds[0].end :]) or find_times(v[: ds[0].start])
                    if ts and not info.start_time:
                        info.start_time, info.start_time_raw = guess_pm(ts[0].hhmm, ts[0].raw), ts[0].raw
            elif key == "time" and not info.start_time:
                ts = find_times(v)
                if ts:
                    info.start_time, info.start_time_raw = guess_pm(ts[0].hhmm, ts[0].raw), ts[0].raw


def _date_line(info: MeetingInfo, head: list[str], month_first: bool,
               default_year: Optional[int]) -> tuple[Optional[int], Optional[DateMatch]]:
    """(line index, date) of the meeting's date in the head; (None, None) without one."""
    for i, t in enumerate(head):
        # a day and month without a year ("tenue le 20 juin") when the year is known from elsewhere
        for cand in find_dates(t, month_first=month_first, default_year=default_year):
            if _NOT_MEETING_DATE.search(t[: cand.start]) and not _MINUTES_TITLE.match(t[: cand.start]):
                continue
            if not t[: cand.start].strip() and i > 0 and len(head[i - 1].split()) <= 3 \
                    and _NOT_MEETING_DATE.search(head[i - 1]) and not find_dates(head[i - 1]):
                continue  # "REVISED" / "4/23/19": the label on the line above names the date
            if info.meeting_date and cand.iso != info.meeting_date:
                continue
            return i, cand
    return None, None


def _at_the_date(info: MeetingInfo, head: list[str], di: int, d: DateMatch) -> None:
    """The date line: the date, the time by it, the committee before it, the venue after it."""
    line = head[di]
    head = _without_kind_lines(head, di)
    if not info.meeting_date:
        info.meeting_date, info.meeting_date_raw = d.iso, d.raw
    before, after = line[: d.start], line[d.end :]
    # time: after the date, else before it ("10:00-11:30, 14 February 2014"), else the next line
    tm = next(iter(find_times(after)), None) or next(iter(find_times(before)), None)
    nxt = head[di + 1] if di + 1 < len(head) else ""
    if tm is None and nxt and find_times(nxt) and not find_dates(nxt):
        tm = find_times(nxt)[0]
    if tm is None:
        tm = _time_under_place(head, di) or _time_in_title_above(head, di) or _time_by_same_date(head, di, d)
    if tm is not None and not info.start_time:
        info.start_time, info.start_time_raw = guess_pm(tm.hhmm, tm.raw), tm.raw
    if not info.committee:
        c = _committee_at_date(head, di, before)
        if c:
            info.committee, info.committee_raw = c, c
    if not info.venue:
        _venue_after_date(info, head, di, before, after)


def _without_kind_lines(head: list[str], di: int) -> list[str]:
    """The head without the lines right under the date that only name the kind of
    meeting ("NOVEMBER 15, 2022" / "REGULAR MEETING" / "CITY HALL" / "5:45 P.M."):
    the place and time below them belong to the date."""
    j = di + 1
    while j < min(len(head), di + 3) and not MEETING_KIND.sub("", head[j]).strip(" ,.;:-–&"):
        j += 1
    return head[: di + 1] + head[j:]


_HELD_AT = re.compile(r"\b(?:meeting|held|commenc\w*|start\w*|begin\w*)\b", re.I)


def _time_in_title_above(head: list[str], di: int):
    """The time stated by the title line right above the date line
    ("MINUTES OF ANNUAL GENERAL MEETING HELD AT 6.00PM" / "TUESDAY 4 APRIL 2023"), or
    printed there alone."""
    if di == 0:
        return None
    t = head[di - 1]
    if find_dates(t):
        return None
    times = find_times(t)
    if len(times) == 1 and not strip_times(t).strip(" ,.;:-\u2013"):
        return times[0]  # "4:00 p.m." on a line of its own above "Thursday, July 19, 2018"
    return times[0] if times and _HELD_AT.search(t) else None


def _time_by_same_date(head: list[str], di: int, d: DateMatch):
    """A time beside the same date repeated lower in the head ("AGM - 26 April 2023" /
    "Annual General Meeting" / "Wednesday 26th April 2023 at 7.30pm")."""
    for t in head[di + 1 : di + 6]:
        same = [x for x in find_dates(t) if x.iso == d.iso]
        if same:
            return next(iter(find_times(t[same[0].end : same[0].end + 40])), None)
    return None


def _time_under_place(head: list[str], di: int):
    """A line holding only a time under the place lines below the date ("CITY HALL" /
    "AND VIA VIDEOCONFERENCE" / "5:45 P.M.")."""
    for t in head[di + 1 : di + 5]:
        if find_dates(t):
            return None
        if find_times(t) and not strip_times(t):
            return find_times(t)[0]
        if not is_place_line(t):
            return None
    return None


def _committee_at_date(head: list[str], di: int, before: str) -> Optional[str]:
    """The committee: before the date on its line, else the nearest name above."""
    pre = re.sub(r"\b(?:on|held|date[d]?|for)\s*[:;]?\s*$", "", before.strip(), flags=re.I)
    pre = re.sub(r"\b(?:date)\s*[:;]?\s*$", "", pre.strip(), flags=re.I)
    pre = re.sub(r"^(?:committee|meeting|body)\s*[:;]?\s+", "", pre.strip(), flags=re.I)
    c = committee_name(strip_times(pre)) if pre.strip() else None
    if c is None or not names_body(c):
        # an organisation before the date ("Springfield School District April 6, 2016")
        # gives way to the body named above it ("Board of Education")
        above = nearest_body(head[:di])
        if above and (c is None or names_body(above)):
            c = above
    return c


def _venue_after_date(info: MeetingInfo, head: list[str], di: int, before: str, after: str) -> None:
    """The venue: place-like text after the date (and time) on the date line, or the next lines."""
    rest = strip_times(re.sub(r"^\s*(?:,|at|in|@)\s*", "", CONTACT_TAIL.sub("", after), flags=re.I))
    rest = re.sub(r"^(?:at|in|by|via)\s+", "", rest, flags=re.I)  # "at 7.30pm by Zoom videoconference"
    while VENUE_PREPOSITION.match(rest):  # "à 16h00 à la salle du conseil", time removed
        rest = VENUE_PREPOSITION.sub("", rest, count=1).strip()
    cands = [rest] if rest else []
    nxt = head[di + 1] if di + 1 < len(head) else ""
    nxt_i = di + 1
    if nxt and not find_dates(nxt) and not strip_times(nxt) and di + 2 < len(head):
        nxt_i = di + 2  # "November 2, 2022" / "05:00pm" / "COUNCIL CHAMBER"
    nxt_place = head[nxt_i] if nxt_i < len(head) else ""
    if nxt_place and not find_dates(nxt_place):
        cands.append(strip_times(CONTACT_TAIL.sub("", nxt_place)))
    if not find_dates(before):
        pre_place = strip_times(before)
        # "Library Minutes 06/05/2013": words that name the paper title it, they are no place
        if pre_place and not committee_name(pre_place) and not re.search(r"\b(?:minutes|agenda|notes)\b", pre_place, re.I):
            cands.append(pre_place)
    for k, c in enumerate(cands):
        if c and (is_place(c) or k == 0 and rest and len(c.split()) <= 4 and c[:1].isupper() and not ORG_WORD.search(c)):
            # an address wrapped over the following lines ("EPA Government Center" / "City Council Chamber")
            parts = [c] + _address_below(head, di + 1 if c is rest else nxt_i + 1)
            v = ", ".join(parts) if len(parts) > 1 else c
            if c is not rest:
                v = _address_heading(before, v)
            info.venue_raw, info.venue = v, clean_venue(v)
            break


def _address_heading(before: str, address: str) -> str:
    """An address block set beside the date and time (two columns read across): an
    organisation's name before the date heads the street address below it
    ("Springfield School District | April 6, 2016" / "1309 S. Mary Avenue | 7:30 a.m.")."""
    pre = strip_times(before)
    if not re.match(r"\d+[A-Za-z]?\s+[A-Z]", address) or not pre or find_dates(pre):
        return address
    name = committee_name(pre)
    if name is None or names_body(name) or PROSE.search(pre):
        return address
    return f"{pre}, {address}"


def _address_below(head: list[str], j: int) -> list[str]:
    """Up to three more lines of an address from line ``j`` on."""
    parts: list[str] = []
    while j < len(head) and len(parts) < 3:
        w = CONTACT_TAIL.sub("", head[j]).strip(" ,")
        if not w or not is_place(w) or find_times(w) or committee_name(w) and not PLACE_WORD.search(w):
            break
        parts.append(w)
        j += 1
    return parts


def _venue_above_date(info: MeetingInfo, head: list[str], di: int) -> None:
    """A place line above the date ("Selectboard Meeting" / "Weybridge Town Office" / "January 3, 2023")."""
    for k in range(max(0, di - 2), di):
        t = head[k]
        if is_place(t) and not ORG_WORD.search(t) and not find_times(t):
            # the address's earlier lines right above it ("City Council Chambers" / "31200 Oak Crest Drive")
            parts, j = [t], k - 1
            while j >= 0 and len(parts) < 3 and is_place_line(head[j]):
                parts.insert(0, head[j])
                j -= 1
            v = ", ".join(parts)
            info.venue_raw, info.venue = v, clean_venue(v)
            break


def _address_venue(info: MeetingInfo, head: list[str], di: Optional[int]) -> None:
    """An address line elsewhere in the masthead ("DCLG, Eland House, London SW1E 5DU")."""
    for k, t in enumerate(head):
        if POSTCODE.search(t) and is_place(t) and not re.search(r"tel|phone|fax|e-?mail", t, re.I):
            parts = [t]
            # the address's earlier lines ("COUNCIL CHAMBER" / "14403 E. Pacific Avenue" / "Baldwin Park, CA 91706")
            j = k - 1
            while j >= 0 and len(parts) < 4 and j != di and is_place(head[j]) and not find_times(head[j]) \
                    and not (committee_name(head[j]) and not PLACE_WORD.search(head[j])):
                parts.insert(0, head[j])
                j -= 1
            v = ", ".join(parts)
            info.venue_raw, info.venue = v, clean_venue(v)
            break
