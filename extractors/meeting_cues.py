"""Shared cues for the meetings, agenda and minutes extractors.

Turns a paper's blocks into *lines* with provenance (tables kept as rows),
finds the meeting a summons, agenda front sheet or minutes header describes
(committee, date, time, venue), and computes the shared ``meeting_id`` so the
same meeting found in several documents gets one id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..dates import find_dates, find_times
from ..model import TABLE, PAGE_BREAK, Block, Document, Paper
from .base import row_id


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


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: "Barrington-" + "King" -> "Barrington-King", else with a space."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out.endswith("-") and not out.endswith(" -") and p[:1].isalpha():
            out += p
        elif out:
            out += " " + p
        else:
            out = p
    return out


def units(lines: list[Line], split_at: Optional[re.Pattern] = None) -> list[Line]:
    """Paragraph units: the lines of one text block joined (wrapped lines undone),
    split again where a line starts with ``split_at``; table rows stay as they are."""
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
        new = cur is None or ln.block_index != cur.block_index or (split_at is not None and split_at.match(ln.text))
        if new:
            flush()
            cur = Line(ln.text, ln.raw, ln.page, ln.block_index, ln.line_no, block=ln.block,
                       first_of_block=ln.first_of_block, x0=ln.x0)
        parts.append(ln.text)
        raws.append(ln.raw)
    flush()
    return out


# ---------------------------------------------------------------------------
# committee names and meeting identity

_SMALL = {"and", "of", "the", "for", "on", "in", "to", "a", "an", "at", "by", "with", "&"}
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

    @property
    def meeting_id(self) -> Optional[str]:
        return meeting_id(self.committee, self.meeting_date)


# Words that never start a committee name when we scan title lines.
_NOT_COMMITTEE = re.compile(
    r"^(?:agenda(?:\s+item.*)?|summons.*|minutes.*|page\s*\d*|pages|dear\b.*|to:.*|yours\b.*|this page.*|"
    r"unrestricted items|exempt items|public document pack|part [12]|notice of meeting|date|time|venue|"
    r"ask for.*|telephone.*|tel:.*|email.*|e-mail.*|present.*|apologies.*|action|item|report to.*)$",
    re.I,
)
_ORG_WORD = re.compile(
    r"\b(council|committee|board|partnership|cabinet|panel|group|forum|authority|trust|assembly|executive|"
    r"commission|sub-committee|subcommittee|meeting|event|cdrp|csp)\b",
    re.I,
)


def _clean_venue(v: str) -> str:
    v = " ".join(v.split()).strip(" ,.;:-")
    v = re.sub(r"^(?:in|at)\s+", "", v, flags=re.I)
    v = re.sub(r"^the\s+(?=[A-Za-z])", "", v, flags=re.I)
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
        if wm and _ORG_WORD.search(wm.group("c")):
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
    info = MeetingInfo(source="minutes")
    flat = " ".join(text.split())
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
        cm = re.match(r"\s*(?:the\s+|an?\s+)?(?P<c>.+?)\s+(?:meeting|minutes)?\s*$", head, re.I)
        if cm and not re.fullmatch(r"(?:last|previous|special|annual|extraordinary)?\s*(?:meeting)?", cm.group("c").strip(), re.I):
            c = re.sub(r"\s+meeting$", "", cm.group("c"), flags=re.I)
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

_NUM_HEAD = re.compile(
    r"^(?P<num>(?:[A-Z][a-z]{2}\d{2}\.\d{1,2})|(?:[A-Z]{1,5}\s?)?\d{1,3}/\d{2,4}|\d{1,3}(?:\.{1,2}\d{1,2}){0,2})[.:]?\s+(?P<title>[A-Z\"'][^\n]{1,140})$"
)
_SECTION_HEAD = re.compile(r"^(?:unrestricted items|exempt items|part [12]|items? for decision|open session)\b", re.I)
_MINUTE_NUM_CELL = re.compile(r"^(?:\d{1,3}\.?|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?|[A-Z][a-z]{2,4}\s?\d{2}\.\d{1,2})$")


def row_heading(cells: list[str]) -> Optional[tuple[str, str]]:
    """(number, title) when a table row starts a minute item: "288." | "Title\nbody", or
    "03.18.02 Declarations of interest" in one cell."""
    nonempty = [c for c in cells if c]
    if not nonempty:
        return None
    first = nonempty[0]
    first_line = first.split("\n")[0].strip()
    m = _NUM_HEAD.match(first_line)
    if m:
        return m.group("num").replace("..", ".").rstrip("."), m.group("title").strip()
    if _MINUTE_NUM_CELL.match(first) and len(nonempty) >= 2:
        title = nonempty[1].split("\n")[0].strip()
        if re.match(r"[A-Z\"']", title) and len(title) < 150:
            return first.replace("..", ".").rstrip("."), title
    return None
