"""Shared cues for the meetings, agenda and minutes extractors.

Turns a paper's blocks into *lines* with provenance (tables kept as rows),
finds the meeting a summons, agenda front sheet or minutes header describes
(committee, date, time, venue), and computes the shared ``meeting_id`` so the
same meeting found in several documents gets one id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from boardpack.core.dates import DateMatch, find_dates, find_times
from boardpack.core.model import TABLE, PAGE_BREAK, Block, Document, Paper
from boardpack.core.identity import row_id
from boardpack.core.textnorm import join_lines
from boardpack.core.vocabulary import ORDINAL_SUFFIX_RE


# ---------------------------------------------------------------------------
# lines with provenance


@dataclass
class Line:
    text: str  # normalised text of one line (or a table row's cells joined by " | ")
    raw: str
    page: Optional[int]
    block_index: int
    line_no: int = 0  # line within its block
    cells: Optional[list[str]] = None  # table rows only
    raw_cells: Optional[list[str]] = None
    block: Optional[Block] = None
    first_of_block: bool = True
    x0: Optional[float] = None

    @property
    def is_row(self) -> bool:
        return self.cells is not None


def usable(block: Block) -> bool:
    return block.kind != PAGE_BREAK and "boilerplate" not in block.flags


def paper_lines(doc: Document, paper: Paper, start: Optional[int] = None, end: Optional[int] = None) -> list[Line]:
    """Every non-boilerplate line of the paper, table rows as ``cells``."""
    out: list[Line] = []
    s = paper.start if start is None else start
    e = paper.end if end is None else end
    for b in doc.blocks[s : e + 1]:
        out.extend(block_lines(b))
    return out


def block_lines(b: Block) -> list[Line]:
    if not usable(b):
        return []
    x0 = b.bbox[0] if b.bbox else None
    if b.kind == TABLE:
        out = []
        for r in b.rows:
            cells = [c.norm for c in r.cells]
            raws = [c.text for c in r.cells]
            if not any(cells):
                continue
            out.append(
                Line(" | ".join(c for c in cells if c), " | ".join(raws), r.page if r.page is not None else b.page,
                     b.index, len(out), cells=cells, raw_cells=raws, block=b, first_of_block=not out, x0=x0)
            )
        return out
    norm_lines = b.norm.split("\n")
    raw_lines = b.text.split("\n")
    if len(raw_lines) != len(norm_lines):
        raw_lines = norm_lines
    out = []
    for i, (n, r) in enumerate(zip(norm_lines, raw_lines)):
        if not n.strip():
            continue
        out.append(Line(n.strip(), r.strip(), b.page, b.index, i, block=b, first_of_block=not out, x0=x0))
    return out


def units(lines: list[Line], split_at: Optional[re.Pattern] = None,
          cut: Optional[Callable[[list[str], Line], str]] = None) -> list[Line]:
    """Paragraph units: the lines of one text block joined (wrapped lines undone),
    split again where a line starts with ``split_at``; table rows stay as they are.

    ``cut`` (instead of ``split_at``) decides for each further line of a block,
    given the unit's lines so far: a non-empty answer starts a new unit and is
    kept on it as ``cut`` (why it was cut), "" continues the unit."""
    out: list[Line] = []
    cur: Optional[Line] = None
    parts: list[str] = []
    raws: list[str] = []

    def flush():
        nonlocal cur, parts, raws
        if cur is not None:
            cur.text = join_lines(parts)
            cur.raw = "\n".join(raws)
            out.append(cur)
        cur, parts, raws = None, [], []

    for ln in lines:
        if ln.is_row:
            flush()
            out.append(ln)
            continue
        same = cur is not None and ln.block_index == cur.block_index
        if cut is not None:
            why = cut(parts, ln) if same else ""
            new = not same or bool(why)
        else:
            why = ""
            new = not same or (split_at is not None and split_at.match(ln.text))
        if new:
            flush()
            cur = Line(ln.text, ln.raw, ln.page, ln.block_index, ln.line_no, block=ln.block,
                       first_of_block=ln.first_of_block, x0=ln.x0)
            if cut is not None:
                cur.cut = why  # type: ignore[attr-defined]
        parts.append(ln.text)
        raws.append(ln.raw)
    flush()
    return out


# ---------------------------------------------------------------------------
# committee names and meeting identity

_SMALL = {"and", "of", "the", "for", "on", "in", "to", "a", "an", "at", "by", "with", "&",
          "de", "du", "des", "la", "le", "les", "et", "y", "del"}
_KNOWN_ACRONYMS = {"CDRP", "CSP", "PCC", "OPCC", "SCDC", "CCC", "T&CG", "TCG", "ASB", "DAAT", "YOS", "YOT", "NHS", "ICS", "KCC", "CDC", "OCC", "SPC", "CFRS", "CF&RS", "UK"}


def tidy_committee(name: str) -> str:
    """Committee name as written, whitespace tidied and ALL-CAPS names title-cased
    (acronyms such as CDRP kept)."""
    name = " ".join((name or "").split()).strip(" ,.;:-")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    letters = [c for c in name if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(name) > 6:
        words = []
        for i, w in enumerate(name.split()):
            bare = w.strip("(),.:;")
            if bare in _KNOWN_ACRONYMS or (len(bare) <= 4 and not re.search(r"[AEIOUY]", bare) and bare.isalpha()):
                words.append(w)
            elif i > 0 and w.lower() in _SMALL:
                words.append(w.lower())
            else:
                words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
        name = " ".join(words)
    return name


def committee_key(name: Optional[str]) -> str:
    """Normalised committee name for identity: case, punctuation, leading 'the',
    and trailing 'meeting'/'board meeting' noise removed."""
    n = (name or "").lower()
    n = n.replace("&", " and ")
    n = re.sub(r"[^a-z0-9 ]+", " ", n)
    n = re.sub(r"^\s*(?:the|a|an)\s+", "", n)
    n = re.sub(r"^(?:budget|special|extraordinary|ordinary|reconvened|adjourned)\s+", "", n.strip())
    n = re.sub(r"\s+(?:meeting|mtg)\s*$", "", n.strip())
    words = []
    for w in n.split():
        words.extend(_EXPAND.get(w, w).split())
    return " ".join(words)


# Abbreviations packs use for the same body ("South Cambs CDRP" = "South Cambridgeshire
# Crime and Disorder Reduction Partnership"), expanded so both spellings share a meeting id.
_EXPAND = {
    "cdrp": "crime and disorder reduction partnership",
    "csp": "community safety partnership",
    "cambs": "cambridgeshire",
    "cttee": "committee",
    "ctte": "committee",
}


def meeting_id(committee: Optional[str], meeting_date: Optional[str]) -> Optional[str]:
    """Deterministic id of a meeting from (normalised committee, ISO date)."""
    if not meeting_date:
        return None
    return row_id("meeting", committee_key(committee), meeting_date)


# ---------------------------------------------------------------------------
# the meeting a header describes


@dataclass
class MeetingInfo:
    committee: Optional[str] = None
    committee_raw: Optional[str] = None
    meeting_date: Optional[str] = None
    meeting_date_raw: Optional[str] = None
    start_time: Optional[str] = None
    start_time_raw: Optional[str] = None
    venue: Optional[str] = None
    venue_raw: Optional[str] = None
    date_of_issue: Optional[str] = None
    date_of_issue_raw: Optional[str] = None
    contact_officer: Optional[str] = None
    contact_raw: Optional[str] = None
    addressees: list[str] = field(default_factory=list)
    page: Optional[int] = None
    block_index: Optional[int] = None
    source: str = ""  # cover_letter | agenda | minutes
    committee_from: str = ""  # "sentence" when read from a "Minutes of the X held ..." title

    @property
    def meeting_id(self) -> Optional[str]:
        return meeting_id(self.committee, self.meeting_date)


# Words that never start a committee name when we scan title lines.
_NOT_COMMITTEE = re.compile(
    r"^(?:agenda(?:\s+item.*)?|summons.*|minutes.*|page\s*\d*|pages|dear\b.*|to:.*|yours\b.*|this page.*|"
    r"unrestricted items|exempt items|public document pack|part [12]|notice of meeting|date|time|venue|"
    r"ask for.*|telephone.*|tel:.*|email.*|e-mail.*|present.*|apologies.*|action|item|report to.*|"
    r"proc[eè]s[- ]verbal.*|compte[- ]rendu.*|ordre du jour.*|acta.*|pr[ée]sences?.*)$",
    re.I,
)
ORG_WORD = re.compile(
    r"\b(council|committee|board|partnership|cabinet|panel|group|forum|authority|trust|assembly|executive|"
    r"commission|sub-committee|subcommittee|meeting|event|cdrp|csp|comit[ée]|conseil|consejo|comisi[oó]n|junta|ausschuss)\b",
    re.I,
)


def _clean_venue(v: str) -> str:
    v = " ".join(v.split()).strip(" ,.;:-")
    v = re.sub(r"^(?:in|at)\s+", "", v, flags=re.I)
    # "in the Council Chamber", "IN THE VILLAGE HALL": the sentence's article; "at The
    # Cabinet Office": a capitalised "The" among lower-case words is the place's name as printed
    v = re.sub(r"^(?:the|THE)\s+(?=[A-Za-z])", "", v)
    v = re.sub(r"\s+(?:on|at)$", "", v)
    return v.strip(" ,.;:-")


def _date_and_time_after(text: str, pos: int = 0, window: int = 60):
    """First date at or after ``pos`` and a time following it within ``window`` chars."""
    ds = [d for d in find_dates(text) if d.start >= pos]
    if not ds:
        return None, None
    d = ds[0]
    return d, next(iter(find_times(text[d.end : d.end + window])), None)


def _guess_pm(hhmm: str, raw: str) -> str:
    """A bare "7:30" for a meeting means the evening (parish councils meet then)."""
    if re.search(r"[ap]\.?\s?m", raw, re.I):
        return hhmm
    h, m = int(hhmm[:2]), hhmm[3:]
    if 1 <= h <= 7:
        return f"{h + 12:02d}:{m}"
    return hhmm


_HELD = re.compile(
    r"(?:(?:next\s+|a\s+|the\s+)?(?:special\s+|extraordinary\s+|annual\s+|budget\s+)?meeting\s+of\s+(?:the\s+)?"
    r"|attend\s+(?:the\s+)?(?:next\s+)?|summoned\s+to\s+(?:the\s+|a\s+)?|agenda\s+for\s+(?:the\s+)?)"
    r"(?P<committee>[^\n\d]{3,160}?)"
    r"(?:,?\s+(?:which\s+)?(?:will|is\s+to|is\s+going\s+to|to)\s+be\s+held|\s+(?:meeting\s+)?to\s+take\s+place|\s+meeting\s+on\b|\s+held\b)",
    re.I | re.S,
)


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
        c = re.sub(r"\s+meeting$", "", c.strip(), flags=re.I)
        c = re.sub(r"^(?:next\s+)", "", c, flags=re.I)
        c = re.sub(r"^(?:(?:special|extraordinary|annual|budget)\s+)?meeting\s+of\s+(?:the\s+)?", "", c, flags=re.I)
        info.committee_raw = c
        info.committee = tidy_committee(c)
        rest_pos = m.end()
    else:
        rest_pos = 0
    d, t = _date_and_time_after(flat, rest_pos)
    if d is None and rest_pos:
        d, t = _date_and_time_after(flat, 0)
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
            info.start_time, info.start_time_raw = _guess_pm(t.hhmm, t.raw), t.raw
        # venue: "held in/at VENUE on DATE" or "DATE at TIME in VENUE"
        seg = flat[rest_pos:d.start] if rest_pos <= d.start else ""
        vm = re.search(r"(?:held|take place|meet)\s+(?:in|at)\s+(?P<v>.+?)\s*,?\s+on\s*$", seg, re.I) or re.search(
            r"^\s*(?:in|at)\s+(?P<v>.+?)\s*,?\s+on\s*$", seg, re.I
        )
        if vm:
            info.venue_raw = vm.group("v")
        else:
            after = flat[(d.end + (t.end if t else 0)) :]
            vm = re.match(r"\s*,?\s*(?:in|at)\s+(?:the\s+)?(?P<v>[^.;\n]+?)(?:\s+to deal with|\.|;|$)", after, re.I)
            if vm and not find_times(vm.group("v")[:12]):
                info.venue_raw = _cut_at_line(vm.group("v"), text)
        if info.venue_raw:
            info.venue = _clean_venue(info.venue_raw)
    return info


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


_MINUTES_HEAD = re.compile(r"\b(?:minutes|notes|action\s+notes|record)\s+of\b", re.I)


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


def _minutes_sentence(text: str) -> MeetingInfo:
    info = MeetingInfo(source="minutes")
    # the "Minutes of ..." title: near the start of its line, not "Motion to approve the minutes of ..."
    lines = text.split("\n")
    start = None
    for k, ln in enumerate(lines):
        m = _MINUTES_HEAD.search(ln)
        if m and m.start() <= 25 and not _EARLIER_MINUTES.search(ln[: m.start()]):
            start = k
            break
    if start is None:
        return info
    flat = " ".join(" ".join(lines[start:]).split())
    m = _MINUTES_HEAD.search(flat)
    if not m:
        return info
    rest = flat[m.end():]
    hm = re.search(r"\bheld\b", rest, re.I)
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
        after = rest[hm.end():]
        d, t = _date_and_time_after(after, 0)
        if d is not None:
            info.meeting_date, info.meeting_date_raw = d.iso, d.raw
            if t is not None:
                info.start_time, info.start_time_raw = _guess_pm(t.hhmm, t.raw), t.raw
            seg = after[: d.start]
            vm = re.match(r"\s*(?:in|at|by|via|on)\s+(?P<v>.+?)\s*,?\s+on\s*$", seg, re.I)
            if vm:
                info.venue_raw = vm.group("v")
            else:
                tail = after[d.end + (t.end if t else 0):]
                vm = re.match(r"\s*,?\s*(?:in|at)\s+(?P<v>[^.;]+?)(?:\.|;|$)", tail, re.I)
                if vm and not find_times(vm.group("v")[:12]):
                    info.venue_raw = vm.group("v")
            if info.venue_raw:
                info.venue = _clean_venue(info.venue_raw)
    return info


def is_committee_line(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 110 or _NOT_COMMITTEE.match(t) or find_dates(t) or find_times(t):
        return False
    if re.search(r"[@]|\d{4,}|https?:", t):
        return False
    if not re.search(r"[A-Za-z]{3}", t):
        return False
    return True


# ---------------------------------------------------------------------------
# numbered minute headings

NUM_HEAD = re.compile(
    r"^(?P<num>(?:[A-Z][a-z]{2}\d{2}\.\d{1,2})|(?:[A-Z]{1,5}\s?)?\d{1,3}/\d{2,4}|\d{1,3}(?:\.{1,2}\d{1,2}){0,2})[.:]?\s+(?P<title>[A-Z\"'][^\n]{1,140})$"
)
SECTION_HEAD = re.compile(r"^(?:unrestricted items|exempt items|part [12]|items? for decision|open session)\b", re.I)
MINUTE_NUM_CELL = re.compile(r"^(?:\d{1,3}\.?|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?|[A-Z][a-z]{2,4}\s?\d{2}\.\d{1,2})$")


def row_heading(cells: list[str]) -> Optional[tuple[str, str]]:
    """(number, title) when a table row starts a minute item: "288." | "Title\nbody", or
    "03.18.02 Declarations of interest" in one cell."""
    nonempty = [c for c in cells if c]
    if not nonempty:
        return None
    first = nonempty[0]
    first_line = first.split("\n")[0].strip()
    m = NUM_HEAD.match(first_line)
    if m:
        return m.group("num").replace("..", ".").rstrip("."), m.group("title").strip()
    if MINUTE_NUM_CELL.match(first) and len(nonempty) >= 2:
        title = nonempty[1].split("\n")[0].strip()
        if re.match(r"[A-Z\"']", title) and len(title) < 150:
            return first.replace("..", ".").rstrip("."), title
    return None


# ---------------------------------------------------------------------------
# the masthead: the stack of title lines at the head of an agenda or minutes
# ("Open Data User Group" / "13th meeting" / "14 May 2013, 14:00-17:00" /
# "ODI, 3rd Floor, 65 Clifton Street, London, EC2A 4JE"), read by position:
# the meeting's date is the first date of the masthead not stamped as a
# revision, issue or next-meeting date; the committee is the nearest name above
# it (or before it on its line); the time follows the date; the venue is the
# place-like text after the time, the next line, or an address line.

#: Label families a clerk uses on mastheads and front sheets, one table for all.
MASTHEAD_LABELS: dict[str, tuple[str, ...]] = {
    "venue": ("venue", "location", "place", "where", "address", "meeting place", "meeting location",
              "meeting venue", "held at", "meeting held at", "lieu"),
    "date": ("date", "date of meeting", "meeting date", "when", "date and time", "date & time"),
    "time": ("time", "start time", "starting time", "time of meeting", "heure"),
    "committee": ("committee", "meeting", "body", "meeting of", "organisation", "organization"),
}

#: Words before a date that make it something other than the meeting's date.
NOT_MEETING_DATE_CUES = (
    "next meeting", "future meeting", "following meeting", "revised", "updated", "update", "amended", "dated",
    "issued", "issue", "published", "publication", "posted", "printed", "circulated", "despatched",
    "dispatched", "approved", "approval", "approve", "minutes of", "adopted", "deadline", "as of",
    "as at", "version", "draft", "effective", "expires", "by", "until", "from", "cancelled",
)
_NOT_MEETING_DATE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in NOT_MEETING_DATE_CUES) + r")\b[^.;]{0,30}$", re.I)

#: Lines that end the masthead: the attendance list, the first item, prose.
_BODY_START = re.compile(
    r"^(?:present|members\s+present|attendees|attendance|in\s+attendance|apologies|regrets|absent|"
    r"roll\s+call|call\s+to\s+order|item\s+\d|\(?\d{1,2}[.)]\s+\S|[ivx]{1,4}[.)]\s+\S|[A-H][.)]\s+[A-Z])",
    re.I,
)

#: Words that make a line a place (room to town); postcodes and ZIP codes.
PLACE_WORDS = (
    "room", "hall", "house", "chamber", "chambers", "centre", "center", "office", "offices", "library", "church",
    "school", "building", "pavilion", "institute", "club", "hotel", "floor", "street", "road", "avenue",
    "drive", "lane", "square", "court", "suite", "annex", "annexe", "auditorium", "boardroom", "barn", "inn",
    "zoom", "teams", "videoconference", "video conference", "teleconference", "online", "virtual",
    "salle", "boulevard", "plaza", "way",
)
#: Street abbreviations, taken only as written in an address ("1311 S. Maybrook Dr.", "Main St,").
PLACE_ABBREVIATIONS = ("St", "Rd", "Ave", "Dr", "Blvd", "Ln", "Sq")
_PLACE_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in PLACE_WORDS) + r")\b\.?"
    r"|(?-i:\b(?:" + "|".join(PLACE_ABBREVIATIONS) + r")\b\.?(?=\s*(?:,|$|\d)))", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b")
_ENDS_IN_PLACE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in PLACE_WORDS) + r")\.?\s*$", re.I)
_PROSE = re.compile(r"\b(?:will|was|were|is|are|has|have|had|be|been|please|held|called|you|we)\b", re.I)

#: Words naming the kind of meeting or paper, not the body ("Regular Meeting Agenda").
_MEETING_KIND = re.compile(
    r"\b(?:regular|special|annual|ordinary|extraordinary|adjourned|reconvened|emergency|public|open|closed|"
    r"general|scheduled|joint|budget|(?:\d+\s?" + ORDINAL_SUFFIX_RE + r"|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|[a-z]+teenth|twentieth|[a-z]+-?(?:first|second|third|[a-z]+th))|"
    r"meeting|meetings|minutes|agenda|notes?|actions?|and|of|the|for|draft|final|amended|revised|summary|record|"
    r"session|notice|"
    r"committee|board)\b",
    re.I,
)


_CONTACT_TAIL = re.compile(r"\s*\b(?:ask\s+for|contact|telephone|tel|phone|e-?mail|fax|enquiries)\b.*$", re.I)


#: Prepositions before a venue in other languages ("à la salle du conseil", "en el salón").
_VENUE_PREPOSITION = re.compile(r"^(?:à\s+(?:la\s+|l[’']\s*)?|au\s+|aux\s+|dans\s+(?:la\s+|le\s+|l[’']\s*)?|en\s+(?:la\s+|el\s+)?|im\s+)", re.I)


def is_place(text: str) -> bool:
    """A venue as printed: a room, hall or address, not a sentence, date or time."""
    t = " ".join((text or "").split()).strip(" ,.;:-")
    if not t or len(t) > 140 or find_dates(t) or re.search(r"[@]|https?:|www\.", t):
        return False
    if len(t.split()) > 4 and _PROSE.search(t):
        return False
    if not re.match(r"[A-Z0-9]", t) and not _PLACE_WORD.match(t):  # "salle du conseil" as printed
        return False
    return bool(_PLACE_WORD.search(t) or _POSTCODE.search(t) or re.search(r"\d+\s+[A-Z][a-z]+", t) and "," in t)


def tidy_venue(v: Optional[str]) -> Optional[str]:
    """A venue without its clock times, leading label and furniture; None when what is
    left is not a place ("Regular Board Meeting", "Call to order", "10.30am-12.30pm")."""
    if not v:
        return None
    t = _CONTACT_TAIL.sub("", " ".join(v.split()))
    lab = _label_value(t, "venue")
    if lab is not None:
        t = lab
    t = re.sub(r"^(?:" + "|".join(re.escape(w) for w in MASTHEAD_LABELS["venue"]) + r")\s+(?=[A-Z])", "", t, flags=re.I)
    t = _clean_venue(_strip_times(t))
    if not t or not re.search(r"[A-Za-z]{2}", t) or find_dates(t):
        return None
    words = re.findall(r"(?<![\w'])[A-Za-z][\w'\-]*", t)
    if len(words) > 6 and sum(1 for w in words if w[0].islower() and w.lower() not in _SMALL) > len(words) * 0.3 \
            and (re.search(r"\b[a-z]+(?:ed|ing)\b", t) or _PROSE.search(t)):
        return None  # a sentence, not a place
    if _PLACE_WORD.search(t) or _POSTCODE.search(t):
        return t
    if ORG_WORD.search(t) or re.search(r"\b(?:agenda|minutes|item|order|draft|state\s+of|county\s+of|town\s+of)\b", t, re.I):
        return None
    if len(t.split()) > 4 and _PROSE.search(t):
        return None
    return t


def _strip_times(text: str) -> str:
    """Text with its clock times and time ranges removed ("10:00- 12:00 LG Room 6" -> "LG Room 6")."""
    out = text
    for tm in reversed(find_times(text)):
        out = out[: tm.start] + " " + out[tm.end :]
    out = re.sub(r"(?:^|\s)(?:to|till|until|-|–|—)(?=\s|$)", " ", out)
    out = re.sub(r"\((?:\d+\s*mins?|\d+\s*hours?)\)", " ", out)
    return " ".join(out.split()).strip(" ,.;:-–")


_BODY_WORD = re.compile(r"\b(?:trustees|governors|commissioners|directors|selectboard|council|board|committee|"
                        r"comit[ée]|conseil|consejo|comisi[oó]n|junta|ausschuss|"
                        r"commission|panel|group|forum|cabinet|authority|partnership|association|agm)\s*$", re.I)


#: A meeting's number in a title ("19th Meeting", "Nineteenth Meeting"): its place in a series, not the body's name.
_ORDINAL = (r"(?:\d+\s?" + ORDINAL_SUFFIX_RE + r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            r"eleventh|twelfth|[a-z]+teenth|twentieth|thirtieth|[a-z]+-(?:first|second|third|[a-z]+th))")


def drop_meeting_words(t: str) -> str:
    """A title's body name without the words that name the meeting ("Planning Committee
    Meeting" -> "Planning Committee", "Data Panel 19th Meeting" -> "Data Panel", "Parish
    Council Planning Meeting" -> "Parish Council": one word between the body and "Meeting"
    is the meeting's business); "Meeting" stays when the body is the meeting itself
    ("Annual Parish Meeting")."""
    cut = re.sub(r"(?:\s+(?:regular|special|ordinary|extraordinary|adjourned|reconvened|emergency|scheduled|" + _ORDINAL + r")?\s*"
                 r"(?:meeting|session)(?:\s+(?:minutes|agenda|notes))?)+$", "", t, flags=re.I)
    if cut == t or not cut.split():
        return t
    if ORG_WORD.search(cut.split()[-1]) or _BODY_WORD.search(cut):
        return cut
    business = re.match(r"^(?P<body>.+?)\s+[A-Za-z]+$", cut)
    if business and _BODY_WORD.search(business.group("body")) and len(business.group("body").split()) >= 2:
        return business.group("body")
    return t


def committee_name(text: str, title_case: bool = True) -> Optional[str]:
    """The body's name from a title ("Regular Meeting of the City Council" -> "City Council",
    "Milburn Parish Council -" -> "Milburn Parish Council", "13th meeting" -> None).
    None for sentences, dates and lines that only name the kind of meeting or paper."""
    t = " ".join((text or "").split()).strip(" ,.;:-–|")
    if not t or len(t) > 110 or find_times(t) or find_dates(t):
        return None
    t = re.sub(r"^(?:(?:draft|approved|unapproved|final)\s+)?(?:minutes|agenda|notes|notice|summons)\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?", "", t, flags=re.I)
    t = re.sub(r"^(?:(?:regular|special|annual|ordinary|extraordinary|adjourned|reconvened|emergency|joint|scheduled|open|public)\s+)*"
               r"(?:meeting|session)\s+of\s+(?:the\s+)?", "", t, flags=re.I)
    t = re.sub(r"^(?:agenda|minutes|notes)\s*[-–:]\s*", "", t, flags=re.I)
    # a dash after the name, not the hyphen inside a word ("Twenty-First Meeting")
    t = re.sub(rf"\s*(?:(?<![A-Za-z])-|[–:])\s*(?:(?:[a-z]+|\d+\s?{ORDINAL_SUFFIX_RE})\s+)?(?:meeting|minutes|agenda|notes?)\b.*$",
               "", t, flags=re.I)
    # trailing kind words: "... Board of Trustees Meeting Agenda", "... REGULAR MEETING MINUTES";
    # "meeting" stays when it is part of the name ("Annual Parish Meeting")
    t = re.sub(r"(?:\s+(?:minutes|agenda|notes))+$", "", t, flags=re.I)
    t = drop_meeting_words(t)
    # a kind word inside the name: "Crete Township Special Board of Trustees"
    t = re.sub(r"\b(?:special|regular|ordinary|extraordinary|adjourned|reconvened|emergency)\s+(?=(?:board|council|committee|commission|panel)\b)",
               "", t, flags=re.I)
    t = t.strip(" ,.;:-–|")
    if not t or t.endswith(".") and len(t.split()) > 3 or _NOT_COMMITTEE.match(t):
        return None
    if re.match(r"^(?:to|dear|yours|the\s+meeting|this|due|a\s|an\s)\b", t, re.I) or _PROSE.search(t):
        return None
    if ":" in t or re.match(r"^\(?\d{1,3}[.)]\s", t):  # "ACTION: ...", "1. CALL TO ORDER"
        return None
    if re.search(r"[@]|\d{4,}|https?:|www\.", t) or not re.search(r"[A-Za-z]{2}", t):
        return None
    words = t.split()
    if len(words) > 12:
        return None
    if not _MEETING_KIND.sub("", t).strip(" ,.;:-–&"):
        return None  # "13th meeting", "Regular Meeting Agenda"
    # a title, not a phrase: most words capitalised (or an all-caps name)
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL or w == "&")
    if title_case and caps < len(words) * 0.7:
        return None
    return tidy_committee(t)


def names_body(name: Optional[str]) -> bool:
    """The name is of a body that meets ("Board of Trustees", "City Council", "Planning
    Commission"), not of the organisation it belongs to ("Cuyahoga Community College
    District", "City of Westlake Village", "Department of Water and Power")."""
    n = (name or "").strip(" ,.;:-")
    return bool(n and (_BODY_WORD.search(n) or _BODY_OF.search(n)))


#: "Board of Education", "Committee of the Whole", "Commission on Aging": a body named by its remit.
_BODY_OF = re.compile(r"\b(?:board|committee|commission|council|panel|comit[ée]|conseil)\s+(?:of|on|for|de|du|des)\b", re.I)


def _is_place_line(t: str) -> bool:
    """A masthead line that is a place: a room or address, a body's name only when it ends
    in a place word ("City Council Chambers"), never a time or the meeting's name."""
    return is_place(t) and not find_times(t) and (not ORG_WORD.search(t) or bool(_ENDS_IN_PLACE.search(t)))


def _nearest_body(lines: list[str]) -> Optional[str]:
    """The committee named by the masthead lines above the date line: the nearest name,
    but a clerk's rule is that the committee is the body that meets, so where the stack
    holds both an organisation line and a body line, the body line is taken."""
    first = None
    for k in range(len(lines) - 1, -1, -1):
        t = lines[k]
        if is_place(t) and (not ORG_WORD.search(t) or _ENDS_IN_PLACE.search(t)):
            continue
        c = committee_name(t)
        if not c:
            continue
        if len(c.split()) == 1 and k > 0 and not find_dates(lines[k - 1]):
            # a title wrapped over two lines ("BOARD OF WATER AND POWER" / "COMMISSIONERS")
            joined = committee_name(lines[k - 1] + " " + t)
            above = committee_name(lines[k - 1])
            if joined and above and not _BODY_WORD.search(above):
                c = joined
        if names_body(c):
            return c
        if first is None:
            first = c
    return first


def _label_value(line: str, key: str) -> Optional[str]:
    for lab in sorted(MASTHEAD_LABELS[key], key=len, reverse=True):
        m = re.match(r"^\s*" + re.escape(lab).replace(r"\ ", r"\s+") + r"\s*[:;\-–]\s*(?P<v>.+)$", line, re.I)
        if m:
            return m.group("v").strip()
    return None


_OPENED = re.compile(
    r"\b(?:called\s+(?:the\s+meeting\s+)?to\s+order|call\s+to\s+order|opened|open(?:s|ed)?\s+(?:the\s+)?meeting|"
    r"meeting\s+(?:began|started|commenced|opened)|commenced|began|started|starting|ouverte)\b", re.I)


def opening_time(lines: list[str]) -> Optional[tuple[str, str]]:
    """The time the meeting was opened ("called to order by the Chair at 7:03 PM",
    "The meeting opened at 6.35pm", "La séance est ouverte à 16h00")."""
    for ln in lines:
        m = _OPENED.search(ln)
        if not m:
            continue
        ts = find_times(ln[m.start() : m.end() + 80])
        if ts:
            return _guess_pm(ts[0].hhmm, ts[0].raw), ts[0].raw
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
            if _is_place_line(place):
                return place
    return None


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
        if info.start_time_raw in t and not find_dates(head[i + 1]) and _is_place_line(head[i + 1]):
            parts = [head[i + 1]] + _address_below(head, i + 2)
            v = ", ".join(parts)
            info.venue_raw, info.venue = v, _clean_venue(v)
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
            v = _label_value(t, key)
            if v is None:
                continue
            if key == "venue" and not info.venue and not find_dates(v):
                info.venue_raw, info.venue = v, _clean_venue(_strip_times(v))
            elif key == "date" and not info.meeting_date:
                ds = find_dates(v)
                if ds:
                    info.meeting_date, info.meeting_date_raw = ds[0].iso, ds[0].raw
                    ts = find_times(v[ds[0].end :]) or find_times(v[: ds[0].start])
                    if ts and not info.start_time:
                        info.start_time, info.start_time_raw = _guess_pm(ts[0].hhmm, ts[0].raw), ts[0].raw
            elif key == "time" and not info.start_time:
                ts = find_times(v)
                if ts:
                    info.start_time, info.start_time_raw = _guess_pm(ts[0].hhmm, ts[0].raw), ts[0].raw


def _date_line(info: MeetingInfo, head: list[str], month_first: bool,
               default_year: Optional[int]) -> tuple[Optional[int], Optional[DateMatch]]:
    """(line index, date) of the meeting's date in the head; (None, None) without one."""
    for i, t in enumerate(head):
        # a day and month without a year ("tenue le 20 juin") when the year is known from elsewhere
        for cand in find_dates(t, month_first=month_first, default_year=default_year):
            if _NOT_MEETING_DATE.search(t[: cand.start]):
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
        tm = _time_under_place(head, di)
    if tm is not None and not info.start_time:
        info.start_time, info.start_time_raw = _guess_pm(tm.hhmm, tm.raw), tm.raw
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
    while j < min(len(head), di + 3) and not _MEETING_KIND.sub("", head[j]).strip(" ,.;:-–&"):
        j += 1
    return head[: di + 1] + head[j:]


def _time_under_place(head: list[str], di: int):
    """A line holding only a time under the place lines below the date ("CITY HALL" /
    "AND VIA VIDEOCONFERENCE" / "5:45 P.M.")."""
    for t in head[di + 1 : di + 5]:
        if find_dates(t):
            return None
        if find_times(t) and not _strip_times(t):
            return find_times(t)[0]
        if not _is_place_line(t):
            return None
    return None


def _committee_at_date(head: list[str], di: int, before: str) -> Optional[str]:
    """The committee: before the date on its line, else the nearest name above."""
    pre = re.sub(r"\b(?:on|held|date[d]?|for)\s*[:;]?\s*$", "", before.strip(), flags=re.I)
    pre = re.sub(r"\b(?:date)\s*[:;]?\s*$", "", pre.strip(), flags=re.I)
    pre = re.sub(r"^(?:committee|meeting|body)\s*[:;]?\s+", "", pre.strip(), flags=re.I)
    c = committee_name(_strip_times(pre)) if pre.strip() else None
    if c is None or not names_body(c):
        # an organisation before the date ("Springfield School District April 6, 2016")
        # gives way to the body named above it ("Board of Education")
        above = _nearest_body(head[:di])
        if above and (c is None or names_body(above)):
            c = above
    return c


def _venue_after_date(info: MeetingInfo, head: list[str], di: int, before: str, after: str) -> None:
    """The venue: place-like text after the date (and time) on the date line, or the next lines."""
    rest = _strip_times(re.sub(r"^\s*(?:,|at|in|@)\s*", "", _CONTACT_TAIL.sub("", after), flags=re.I))
    rest = re.sub(r"^(?:at|in|by|via)\s+", "", rest, flags=re.I)  # "at 7.30pm by Zoom videoconference"
    while _VENUE_PREPOSITION.match(rest):  # "à 16h00 à la salle du conseil", time removed
        rest = _VENUE_PREPOSITION.sub("", rest, count=1).strip()
    cands = [rest] if rest else []
    nxt = head[di + 1] if di + 1 < len(head) else ""
    nxt_i = di + 1
    if nxt and not find_dates(nxt) and not _strip_times(nxt) and di + 2 < len(head):
        nxt_i = di + 2  # "November 2, 2022" / "05:00pm" / "COUNCIL CHAMBER"
    nxt_place = head[nxt_i] if nxt_i < len(head) else ""
    if nxt_place and not find_dates(nxt_place):
        cands.append(_strip_times(_CONTACT_TAIL.sub("", nxt_place)))
    if not find_dates(before):
        pre_place = _strip_times(before)
        if pre_place and not committee_name(pre_place):
            cands.append(pre_place)
    for k, c in enumerate(cands):
        if c and (is_place(c) or k == 0 and rest and len(c.split()) <= 4 and c[:1].isupper() and not ORG_WORD.search(c)):
            # an address wrapped over the following lines ("EPA Government Center" / "City Council Chamber")
            parts = [c] + _address_below(head, di + 1 if c is rest else nxt_i + 1)
            v = ", ".join(parts) if len(parts) > 1 else c
            if c is not rest:
                v = _address_heading(before, v)
            info.venue_raw, info.venue = v, _clean_venue(v)
            break


def _address_heading(before: str, address: str) -> str:
    """An address block set beside the date and time (two columns read across): an
    organisation's name before the date heads the street address below it
    ("Springfield School District | April 6, 2016" / "1309 S. Mary Avenue | 7:30 a.m.")."""
    pre = _strip_times(before)
    if not re.match(r"\d+[A-Za-z]?\s+[A-Z]", address) or not pre or find_dates(pre):
        return address
    name = committee_name(pre)
    if name is None or names_body(name) or _PROSE.search(pre):
        return address
    return f"{pre}, {address}"


def _address_below(head: list[str], j: int) -> list[str]:
    """Up to three more lines of an address from line ``j`` on."""
    parts: list[str] = []
    while j < len(head) and len(parts) < 3:
        w = _CONTACT_TAIL.sub("", head[j]).strip(" ,")
        if not w or not is_place(w) or find_times(w) or committee_name(w) and not _PLACE_WORD.search(w):
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
            while j >= 0 and len(parts) < 3 and _is_place_line(head[j]):
                parts.insert(0, head[j])
                j -= 1
            v = ", ".join(parts)
            info.venue_raw, info.venue = v, _clean_venue(v)
            break


def _address_venue(info: MeetingInfo, head: list[str], di: Optional[int]) -> None:
    """An address line elsewhere in the masthead ("DCLG, Eland House, London SW1E 5DU")."""
    for k, t in enumerate(head):
        if _POSTCODE.search(t) and is_place(t) and not re.search(r"tel|phone|fax|e-?mail", t, re.I):
            parts = [t]
            # the address's earlier lines ("COUNCIL CHAMBER" / "14403 E. Pacific Avenue" / "Baldwin Park, CA 91706")
            j = k - 1
            while j >= 0 and len(parts) < 4 and j != di and is_place(head[j]) and not find_times(head[j]) \
                    and not (committee_name(head[j]) and not _PLACE_WORD.search(head[j])):
                parts.insert(0, head[j])
                j -= 1
            v = ", ".join(parts)
            info.venue_raw, info.venue = v, _clean_venue(v)
            break


def date_from_file_name(path: Optional[str], month_first: bool = False):
    """The date in a paper's file name ("2016-03-17 Agenda.pdf", "agendas_2017-01-10_.pdf",
    "Minutes 14 May 2013.doc"): the last resort for the meeting's date. None when the name
    holds no date or more than one."""
    if not path:
        return None
    import os

    stem = os.path.splitext(os.path.basename(path))[0]
    stem = re.sub(r"[_+]", " ", stem)
    ds = find_dates(stem, month_first=month_first)
    if len({d.iso for d in ds}) != 1:
        return None
    return ds[0]
