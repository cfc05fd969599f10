"""The meeting a sentence states: summons prose and minutes headers.

"The next meeting of X, which will be held in VENUE on DATE at TIME" and
"Minutes of a meeting of the Cabinet held in VENUE on DATE" are read as
sentences, then completed from the masthead of the same paper.
"""

from __future__ import annotations

import re

from boardpack.core.dates import find_dates, find_times
from boardpack.extractors.committee_names import drop_meeting_words
from boardpack.extractors.masthead import masthead
from boardpack.extractors.meeting_info import (
    ORG_WORD,
    MeetingInfo,
    clean_venue,
    date_and_time_after,
    guess_pm,
    tidy_committee,
)
from boardpack.extractors.venues import strip_times


_HELD = re.compile(
    r"(?:(?:next\s+|a\s+|the\s+)?(?:special\s+|extraordinary\s+|annual\s+|budget\s+)?meeting\s+of\s+(?:the\s+)?"
    r"|attend\s+(?:the\s+)?(?:next\s+)?|summoned\s+to\s+(?:the\s+|a\s+)?|agenda\s+for\s+(?:the\s+)?)"
    r"(?P<committee>[^\n\d]{3,160}?)"
    r"(?:,?\s+(?:which\s+)?(?:will|is\s+to|is\s+going\s+to|to)\s+be\s+held|\s+(?:meeting\s+)?to\s+take\s+place|\s+meeting\s+on\b|\s+held\b)",
    re.I | re.S,
)


#: words that say only what kind of meeting it is
_KIND_ONLY = re.compile(r"(?:(?:regular|special|monthly|annual|quarterly|weekly|ordinary|extraordinary|adjourned|public|open|joint|budget)\s*)+", re.I)


def meeting_from_text(text: str) -> MeetingInfo:
    """Committee, venue, date and time from summons prose ("... next meeting of X,
    which will be held in VENUE on DATE at TIME")."""
    info = MeetingInfo()
    flat = " ".join(text.split())
    ms = list(_HELD.finditer(flat))
    # "A meeting of the County Council will be held ..." beats a title such as
    # "Agenda for the Budget County Council Meeting on ..."
    ms.sort(key=lambda m: (0 if re.search(r"held|take place", m.group(0)[-30:], re.I) else 1, m.start()))
    m = ms[0] if ms else None
    if m:
        c = m.group("committee")
        c = re.sub(r"\s+(?:being|to\s+be)$", "", c.strip(), flags=re.I)  # "the Monthly Meeting being held"
        c = re.sub(r"\s+meeting$", "", c.strip(), flags=re.I)
        c = re.sub(r"^(?:next\s+)", "", c, flags=re.I)
        c = re.sub(r"^(?:(?:special|extraordinary|annual|budget)\s+)?meeting\s+of\s+(?:the\s+)?", "", c, flags=re.I)
        # a title line run into the sentence ("NOTICE OF MEETING OF PARISH COUNCIL I HEREBY GIVE
        # YOU NOTICE that a meeting of the above Parish Council will be held"): the last "meeting of"
        c = re.split(r"\bmeeting\s+of\s+(?:the\s+)?", c, flags=re.I)[-1]
        # "the above Parish Council": the masthead names it; "the Monthly Meeting": no body named
        if not re.match(r"(?:above|said|aforesaid)\b", c, re.I) and not _KIND_ONLY.fullmatch(c.strip()):
            info.committee_raw = c
            info.committee = tidy_committee(c)
        rest_pos = m.end()
    else:
        rest_pos = 0
    d, t = date_and_time_after(flat, rest_pos)
    if d is None and rest_pos:
        d, t = date_and_time_after(flat, 0)
    if not m:
        wm = re.search(r"(?:^|[.:]\s+)(?:The\s+)?(?P<c>[A-Z][^\n\d.]{3,80}?)\s+will\s+(?:next\s+)?meet\b", text, re.M)
        if wm and ORG_WORD.search(wm.group("c")):
            info.committee_raw = wm.group("c")
            info.committee = tidy_committee(wm.group("c"))
        # no "meeting of X ... held" sentence: prefer a date with a time after it, or one
        # introduced by "meet(ing) on"/"held on", over a letter's date of issue at the top
        for cand in find_dates(flat):
            tm = next(iter(find_times(flat[cand.end : cand.end + 40])), None)
            cue = re.search(r"\b(?:meet|meeting|held|take place|on)\s*$", flat[max(0, cand.start - 25) : cand.start], re.I)
            if tm is not None or cue:
                d, t = cand, tm
                break
    if d is not None:
        info.meeting_date, info.meeting_date_raw = d.iso, d.raw
        if t is not None:
            info.start_time, info.start_time_raw = guess_pm(t.hhmm, t.raw), t.raw
        _venue_of_sentence(info, text, flat, rest_pos, d, t)
    return info


def _venue_of_sentence(info: MeetingInfo, text: str, flat: str, rest_pos: int, d, t) -> None:
    """The venue: "held in/at VENUE on DATE" or "DATE at TIME in VENUE"; a time inside the
    place ("held at The Church Centre, Shillingstone at 7.30pm on ...") is the start time."""
    seg = flat[rest_pos:d.start] if rest_pos <= d.start else ""
    vm = re.search(r"(?:held|take place|meet)\s+(?:in|at)\s+(?P<v>.+?)\s*,?\s+on\s*$", seg, re.I) or re.search(
        r"^\s*(?:in|at)\s+(?P<v>.+?)\s*,?\s+on\s*$", seg, re.I
    )
    if vm:
        info.venue_raw = vm.group("v")
        if info.start_time is None and find_times(info.venue_raw):
            # "held at The Church Centre, Shillingstone at 7.30pm on Thursday 5 April 2018"
            t = find_times(info.venue_raw)[-1]
            info.start_time, info.start_time_raw = guess_pm(t.hhmm, t.raw), t.raw
            info.venue_raw = re.sub(r"\s*,?\s*(?:at|@)?\s*$", "", info.venue_raw[: t.start])
    else:
        after = flat[(d.end + (t.end if t else 0)) :]
        vm = re.match(r"\s*,?\s*(?:in|at)\s+(?:the\s+)?(?P<v>[^.;\n]+?)(?:\s+to deal with|\.|;|$)", after, re.I)
        if vm and not find_times(vm.group("v")[:12]):
            info.venue_raw = _cut_at_line(vm.group("v"), text)
    if info.venue_raw:
        info.venue = clean_venue(info.venue_raw)


def _cut_at_line(v: str, text: str) -> str:
    """A venue read from flattened text must not run on into the next line
    unless its line ends with a comma ("Council Chamber, County Hall," / "Maidstone")."""
    lines = [" ".join(l.split()) for l in text.split("\n")]
    head = v[:12]
    for k, line in enumerate(lines):
        pos = line.find(head)
        if pos < 0:
            continue
        out = line[pos:]
        j = k
        while len(out) < len(v) and out.rstrip().endswith(",") and j + 1 < len(lines):
            j += 1
            out = out + " " + lines[j]
        return out if len(out) < len(v) else v
    return v


_MINUTES_HEAD = re.compile(r"\b(?:minutes|notes|action\s+notes|record)\s+(?:of|from)\b", re.I)


def minutes_header(text: str) -> MeetingInfo:
    """The meeting a minutes header records: "Minutes of a meeting of the Cabinet
    held in VENUE on DATE", "MINUTES OF THE X MEETING HELD IN THE VILLAGE HALL ON
    28th JUNE 2012", "Minutes of the meeting held on Thursday, 10 November 2016 at 10.00 a.m."."""
    info = _minutes_sentence(text)
    if info.committee:
        info.committee_from = "sentence"
    return complete_from_masthead(info, masthead(text.split("\n")))


def complete_from_masthead(info: MeetingInfo, mh: MeetingInfo,
                           fields: tuple[str, ...] = ("committee", "start_time", "venue")) -> MeetingInfo:
    """Fill what ``info`` lacks from the masthead's reading of the same meeting."""
    if info.meeting_date is None and mh.meeting_date:
        info.meeting_date, info.meeting_date_raw = mh.meeting_date, mh.meeting_date_raw
    if mh.meeting_date and info.meeting_date != mh.meeting_date:
        return info
    for k in fields:
        if getattr(info, k) is None and getattr(mh, k) is not None:
            setattr(info, k, getattr(mh, k))
            setattr(info, k + "_raw", getattr(mh, k + "_raw"))
    return info


#: Words before "minutes of" that make it the approval of earlier minutes, not this paper's title.
_EARLIER_MINUTES = re.compile(r"\b(?:approv\w*|adopt\w*|confirm\w*|accept\w*|sign\w*|previous|last|earlier|draft|corrections?\s+to)\b"
                              r"[^.;]{0,20}$", re.I)


#: "Minutes of the Last Meeting held on ...": the approval of earlier minutes, not this paper's title.
_EARLIER_MEETING = re.compile(r"\s+(?:the\s+)?(?:last|previous|preceding|prior|earlier)\s+meeting", re.I)


def _title_words(text: str) -> bool:
    """Title lines run into the header ("KESGRAVE TOWN COUNCIL Planning and Development
    Committee Minutes Minutes of the Meeting of ..."): words capitalised, not a sentence."""
    words = text.split()
    return bool(words) and sum(w[:1].isupper() or w.lower() in ("and", "of", "the", "&") for w in words) == len(words)


def _minutes_sentence(text: str) -> MeetingInfo:
    info = MeetingInfo(source="minutes")
    # the "Minutes of ..." title: near the start of its line, not "Motion to approve the minutes of ..."
    lines = text.split("\n")
    start = None
    for k, ln in enumerate(lines):
        m = _MINUTES_HEAD.search(ln)
        if m and (m.start() <= 25 or k < 3 and _title_words(ln[: m.start()])) \
                and not _EARLIER_MINUTES.search(ln[: m.start()]) and not _EARLIER_MEETING.match(ln[m.end():]):
            start = k
            break
    if start is None:
        return info
    flat = " ".join(" ".join(lines[start:]).split())
    m = _MINUTES_HEAD.search(flat, len(" ".join(lines[start][: m.start()].split())))
    if not m:
        return info
    rest = flat[m.end():]
    hm = re.search(r"\bheld\b", rest, re.I)
    if find_dates(rest[: hm.start() if hm else 120]):
        # "Minutes of Parish Council 22 November 2023": a title that dates itself is over at its
        # date (a "held on" further down is another meeting's); the masthead reads its lines
        return info
    head = rest[: hm.start()] if hm else rest[:120]
    # committee inside the header
    cm = re.search(r"meeting\s+of\s+(?:the\s+)?(?P<c>.+)$", head, re.I)
    c = None
    if cm:
        c = cm.group("c")
    else:
        cm = re.match(r"\s*(?:the\s+|an?\s+)?(?P<c>.+?)(?:\s+minutes)?\s*$", head, re.I)
        if cm and not re.fullmatch(r"(?:last|previous|special|annual|extraordinary)?\s*(?:meeting)?", cm.group("c").strip(), re.I):
            c = drop_meeting_words(cm.group("c").strip())
    if c:
        c = c.strip()
        if c and not re.fullmatch(r"(?:the\s+)?meeting", c, re.I):
            info.committee_raw = c
            info.committee = tidy_committee(c)
    if hm:
        _held_on(info, text, rest[hm.end():])
    return info

def _held_on(info: MeetingInfo, text: str, after: str) -> None:
    """What follows "held" in a minutes header: the date, the time and the place, in
    either order ("held in VENUE on DATE at TIME", "held at TIME on DATE at VENUE")."""
    d, t = date_and_time_after(after, 0)
    if d is not None:
        info.meeting_date, info.meeting_date_raw = d.iso, d.raw
        if t is not None:
            info.start_time, info.start_time_raw = guess_pm(t.hhmm, t.raw), t.raw
        seg = after[: d.start]
        vm = re.match(r"\s*(?:in|at|by|via|on)\s+(?P<v>.+?)\s*,?\s+on\s*$", seg, re.I)
        ts = find_times(vm.group("v")) if vm else []
        if ts and not strip_times(vm.group("v")).strip(" ,"):
            # "held at 6.30pm on Monday 20th March 2017 at Marchwiel Village Hall": the time, then the place
            info.start_time, info.start_time_raw = guess_pm(ts[0].hhmm, ts[0].raw), ts[0].raw
            vm = None
        if vm:
            info.venue_raw = vm.group("v")
        else:
            tail = after[d.end + (t.end if t else 0):]
            vm = re.match(r"\s*,?\s*(?:in|at|via)\s+(?P<v>[^.;]+?)(?:\.|;|$)", tail, re.I)
            if vm and not find_times(vm.group("v")[:12]):
                info.venue_raw = _cut_at_line(vm.group("v"), text)
        if info.venue_raw:
            info.venue = clean_venue(info.venue_raw)
