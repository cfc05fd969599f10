"""Minutes: the meeting they record, attendance, minute items, decisions, actions.

The meeting is the one named in the minutes header ("Minutes of a meeting
of the Cabinet held ... on Thursday, 9 January 2025"), not the pack's own
meeting. Attendance comes from "PRESENT:" / "IN ATTENDANCE:" / "Apologies"
sections written as comma lists with titles and honours ("Mr R C Love,
OBE"), one name per line, name | role tables, side-by-side columns (parish
minutes), and prose ("Apologies were received from ..."). Decisions are
paragraphs carrying RESOLVED / APPROVED / AGREED or "it was agreed"; actions
are "ACTION:" lines (owners read from the names that start them) and the
cells of an Action/Owner column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..model import MINUTES, Paper
from .base import ExtractContext, Extractor, ExtractResult, register, row_id
from .meeting_cues import _ORG_WORD, Line, MeetingInfo, is_committee_line, join_lines, minutes_header, paper_lines, tidy_committee, units
from .meetings import record_meeting

PRESENT = "present"
IN_ATTENDANCE = "in attendance"
APOLOGIES = "apologies"
CHAIR = "chair"

# Attendance cues at the start of a line or cell -> category
_CUES = [
    (re.compile(r"^(?:members\s+)?present(?:\s*\((?:in person|virtually|remotely|online)\))?\s*(?:were)?\s*[:\-]?\s*", re.I), PRESENT),
    (re.compile(r"^(?:councillors?|members?)\s*(?:present)?\s*:\s*", re.I), PRESENT),
    (re.compile(r"^(?:also\s+)?in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?\s*[:\-]?\s*", re.I), IN_ATTENDANCE),
    (re.compile(r"^also\s+(?:present|attending)(?:\s+virtually)?\s*[:\-]?\s*", re.I), IN_ATTENDANCE),
    (re.compile(r"^(?:officers?|members\s+of\s+the\s+public|public|observers?|guests?|visitors?)(?:\s+(?:present|in attendance))?\s*:\s*", re.I), IN_ATTENDANCE),
    (re.compile(r"^members\s+of\s+the\s+public\s*:?\s*", re.I), IN_ATTENDANCE),
    (re.compile(r"^apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?(?:received\s+)?from)?\s*[:\-]?\s*", re.I), APOLOGIES),
    (re.compile(r"^(?:chair(?:man|person)?|in\s+the\s+chair)\s*:\s*", re.I), CHAIR),
]
_HONOURS = r"(?:OBE|MBE|CBE|KBE|DBE|QPM|QC|KC|JP|DL|MP|MEP|FRS|BEM|CVO|LVO|RD|TD)"
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Revd|Cllr|Clr|Councillor|County\s+Councillor|District\s+Councillor|C/Cllr|D/Cllr|Ch\.?\s*Insp\.?|Chief\s+Inspector|Chief\s+Superintendent|Superintendent|Supt|Inspector|Insp|Sgt|Sergeant|PC|PCSO|DI|DCI|CI|DS|Maj|Major|Capt|Captain|Col|Colonel)\.?"
_CHAIR_ROLE = re.compile(r"^(?:acting\s+|vice[\s-]*)?chair(?:man|person|woman)?$|^in the chair$", re.I)
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}$")
_NUM_HEAD = re.compile(
    r"^(?P<num>(?:[A-Z][a-z]{2}\d{2}\.\d{1,2})|(?:[A-Z]{1,5}\s?)?\d{1,3}/\d{2,4}|\d{1,3}(?:\.{1,2}\d{1,2}){0,2})[.:]?\s+(?P<title>[A-Z\"'][^\n]{1,140})$"
)
_SECTION_HEAD = re.compile(r"^(?:unrestricted items|exempt items|part [12]|items? for decision|open session)\b", re.I)


@dataclass
class Person:
    person: str
    raw: str
    role: Optional[str]
    attendance: str
    page: Optional[int]
    block_index: int


# ---------------------------------------------------------------------------
# names


def split_names(text: str) -> list[str]:
    """Split "Mr A (Chairman), Mr B, OBE, Mrs C and Dr D" into entries, keeping
    parenthesised roles and honours with their person."""
    text = " ".join(text.split())
    parts: list[str] = []
    depth = 0
    cur = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",;":
            parts.append(cur)
            cur = ""
            i += 1
            continue
        if depth == 0 and text.startswith(" and ", i):
            parts.append(cur)
            cur = ""
            i += 5
            continue
        if depth == 0 and text.startswith(" & ", i) and not re.search(r"\b(?:Mr|Mrs)\s*$", cur):
            parts.append(cur)
            cur = ""
            i += 3
            continue
        cur += ch
        i += 1
    parts.append(cur)
    out: list[str] = []
    for p in parts:
        p = p.strip().strip(".").strip()
        if not p:
            continue
        if re.fullmatch(_HONOURS + r"(?:\s+" + _HONOURS + r")*\.?", p) and out:
            out[-1] = out[-1] + ", " + p
            continue
        if re.fullmatch(r"\((?:[^()]*)\)", p) and out:  # "(Chairman)" after a split
            out[-1] = out[-1] + " " + p
            continue
        out.append(p)
    return out


def _is_initials(piece: str, entry: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", piece)
    if not letters or len(letters) > 4 or " " in piece.strip():
        return False
    name = re.sub(r"[\(\[].*", "", entry)
    words = [w for w in re.split(r"[\s\-]+", name) if w and not re.fullmatch(_TITLES, w)]
    initials = "".join(w[0] for w in words if w[0].isalpha()).lower()
    low = letters.lower()
    return bool(initials) and (low == initials or (low.startswith(initials) and len(low) <= len(initials) + 1)
                               or (len(words) >= 2 and low == initials[-2:]))


def parse_person(entry: str) -> tuple[Optional[str], Optional[str], bool]:
    """-> (name, role, is_chair) from "Mr B J Sweetland (Chairman)", "Maurice Moore - Chairman",
    "Nick Oakhill (NO) CHAIR", "Katy Draper (KD)[acting Chair]", "K Draper (KD - Chair)"."""
    e = " ".join(entry.split()).strip(" .;:")
    e = re.sub(r"^and\s+", "", e)
    e = re.sub(r"^(Councillor|Cllr)s\b\.?", r"\1", e)  # "Councillors A Brown, C Davis"
    roles: list[str] = []
    chair = False
    for m in re.finditer(r"[\(\[]([^()\[\]]*)[\)\]]", e):
        inner = m.group(1).strip()
        for piece in re.split(r"\s+-\s+|\s*/\s*", inner):
            piece = piece.strip()
            if not piece:
                continue
            if _CHAIR_ROLE.match(piece) and not re.match(r"^vice", piece, re.I):
                chair = True
                roles.append(piece)
            elif _is_initials(piece, e):
                continue  # initials "(NO)", "(BMc)", "(DMJ)"
            elif re.fullmatch(r"part of the meeting|for part of the meeting|items? .*|virtually|remotely|online", piece, re.I):
                continue
            else:
                roles.append(piece)
    e = re.sub(r"\s*[\(\[][^()\[\]]*[\)\]]\s*", " ", e).strip()
    # "Maurice Moore - Chairman", "Philip Aldis - Community Safety Officer"
    m = re.match(r"^(?P<n>.+?)\s+-\s+(?P<r>.+)$", e)
    if m:
        e, r = m.group("n"), m.group("r").strip()
        if _CHAIR_ROLE.match(r) and not r.lower().startswith("vice"):
            chair = True
        roles.append(r)
    # "Nick Oakhill CHAIR", "Cathy Fleet CLERK"
    m = re.match(r"^(?P<n>.+?)\s+(?P<r>(?:ACTING\s+)?(?:CHAIR(?:MAN)?|CLERK|RFO|VICE[\s-]CHAIR(?:MAN)?))$", e)
    if m:
        e, r = m.group("n"), m.group("r")
        if re.match(r"^(?:acting\s+)?chair", r, re.I):
            chair = True
        roles.append(r.title() if r.isupper() else r)
    e = e.strip(" ,-")
    if not e or not re.search(r"[A-Za-z]{2}", e) or len(e) > 70:
        return None, None, False
    if re.search(r"\b(?:there were|members of the public|none|no apologies|were received|present)\b", e, re.I):
        return None, None, False
    role = "; ".join(dict.fromkeys(roles)) or None
    return e, role, chair


def _looks_like_name(name: str) -> bool:
    words = name.replace(",", " ").split()
    if not words or len(words) > 8:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w in ("&",) or re.fullmatch(_HONOURS, w))
    return caps >= max(1, len(words) - 1)


# ---------------------------------------------------------------------------
# attendance


def _cue(text: str):
    for rx, cat in _CUES:
        m = rx.match(text)
        if m:
            return cat, text[m.end():]
    return None, text


class Attendance:
    def __init__(self):
        self.people: list[Person] = []
        self.seen: set[tuple[str, str]] = set()

    def add_entries(self, text: str, category: str, ln: Line, default_role: Optional[str] = None) -> None:
        for entry in split_names(text):
            name, role, chair = parse_person(entry)
            if not name or not _looks_like_name(name):
                continue
            role = role or default_role
            if default_role and _CHAIR_ROLE.match(default_role.strip()) and not default_role.lower().startswith("vice"):
                chair = True
            cat = CHAIR if (chair and category == PRESENT) or category == CHAIR else category
            key = (name.lower(), cat)
            if key in self.seen:
                continue
            if cat == CHAIR and (name.lower(), PRESENT) in self.seen:
                self.people = [p for p in self.people if not (p.person.lower() == name.lower() and p.attendance == PRESENT)]
            self.seen.add(key)
            self.people.append(Person(name, entry.strip(), role, cat, ln.page, ln.block_index))


_PROSE_APOLOGIES = re.compile(
    r"a\s?pologies(?:\s+for\s+absence)?\s+(?:were|had\s+been|have\s+been|was)?\s*(?:received|reported|given|tendered|submitted|noted)?\s*"
    r"(?:from|by|on behalf of)\s*:?\s*(?P<names>.+?)(?:\.\s|\.$|$)",
    re.I,
)
_ATTEND_PROSE = re.compile(r"^(?P<names>.+?)\s+(?:was|were)\s+(?:also\s+)?in\s+attendance(?:\s+virtually)?\b", re.I)
# a cue anywhere in a line, for side-by-side column headers ("Present: Also in attendance: Apologies")
_CUE_ANY = re.compile(
    r"(?P<c>(?:members\s+)?present|(?:also\s+)?in\s+attendance(?:\s+virtually)?|also\s+present|members\s+of\s+the\s+public|"
    r"officers(?:\s+present)?|apologies(?:\s+for\s+absence)?)\s*:?",
    re.I,
)
_SPLIT_CUES = re.compile(
    r"^(?:(?:members\s+)?present\b|(?:also\s+)?in\s+attendance\b|also\s+present\b|apologies\b|officers?\s*:|members\s+of\s+the\s+public\b|members\s*:|actions?\s*[:\-]|resolved\b|"
    r"\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?\s+[A-Z]|\d{1,3}\.\s+[A-Z][A-Za-z]+(?:\s+[A-Za-z&']+){0,12}$)",
    re.I,
)
_TITLE_TOKEN = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Revd|Cllr|Clr|C/Cllr|D/Cllr|Councillor|Sgt|Insp|Maj|Capt|Col|PC|DI|DCI|CI)\.?$")
_ROLE_TOKEN = re.compile(r"^(?:CHAIR(?:MAN)?|CLERK|RFO|VICE-CHAIR(?:MAN)?)$")


def _header_cats(text: str) -> Optional[list[str]]:
    """["present", "in attendance", "apologies"] when ``text`` is only column cues."""
    cats = []
    pos = 0
    t = text.strip()
    for m in _CUE_ANY.finditer(t):
        if t[pos:m.start()].strip(" |"):
            return None
        cat, _ = _cue(m.group(0).strip() + (":" if not m.group(0).strip().endswith(":") else ""))
        if cat is None:
            return None
        cats.append(cat)
        pos = m.end()
    if t[pos:].strip(" |") or len(cats) < 2:
        return None
    return cats


def _cell_cats(text: str) -> Optional[list[str]]:
    """Categories of a header cell made only of cues ("Present: Members of the Public:"); None otherwise."""
    t = text.strip()
    if not t:
        return None
    one, rest = _cue(t)
    if one and not rest.strip():
        return [one]
    return _header_cats(t) if _header_cats(t) else None


def segment_names(text: str) -> list[str]:
    """Names run together on one line of side-by-side columns:
    "K Draper (KD - Chair) R Summers N Oakhill" -> three names."""
    toks = re.findall(r"\([^)]*\)|\[[^\]]*\]|\S+", text)
    segs: list[list[str]] = []
    cur: list[str] = []

    def closed(seg):
        return bool(seg) and (seg[-1][:1] in "([" or _ROLE_TOKEN.match(seg[-1]))

    for tok in toks:
        if tok[:1] in "([" or _ROLE_TOKEN.match(tok):
            cur.append(tok)
            continue
        plain = [x for x in cur if x[:1] not in "([" and not _ROLE_TOKEN.match(x)]
        starts_new = False
        if cur and closed(cur):
            starts_new = True
        elif _TITLE_TOKEN.match(tok) and len(plain) >= 2 and plain[-1] not in ("&", "and"):
            starts_new = True
        elif re.fullmatch(r"[A-Z]{1,2}", tok) and len(plain) >= 2 and len(plain[-1]) > 2 and plain[-1] not in ("&", "and"):
            starts_new = True
        if starts_new:
            segs.append(cur)
            cur = []
        cur.append(tok)
    if cur:
        segs.append(cur)
    out = []
    for seg in segs:
        plain = [x for x in seg if x[:1] not in "([" and not _ROLE_TOKEN.match(x)]
        # "Heidi Dennison Katy Draper": two first-name surname pairs
        if len(seg) == 4 and len(plain) == 4 and all(re.fullmatch(r"[A-Z][a-z'\-]+", x) for x in plain):
            out += [" ".join(seg[:2]), " ".join(seg[2:])]
        else:
            out.append(" ".join(seg))
    return out


def _column_of(x0: Optional[float], box: Optional[tuple], n: int) -> Optional[int]:
    if x0 is None or not box or n < 2:
        return None
    hx0, hx1 = box[0], box[2]
    width = (hx1 - hx0) / n if hx1 > hx0 else 0
    if width <= 0:
        return None
    return max(0, min(n - 1, int((x0 - hx0 + width * 0.25) // width)))


def parse_attendance(lines: list[Line]) -> tuple[Attendance, int]:
    """Attendance from the head of the minutes; returns (attendance, index of the first unit after it).

    ``lines`` are paragraph units (see :func:`units`): comma lists are read as
    one text, one-name-per-line lists line by line, and side-by-side columns
    (parish minutes) by the order of names on a line and the block's x position.
    """
    att = Attendance()
    cat: Optional[str] = None
    cols: Optional[list[str]] = None  # categories of side-by-side columns
    box = None  # bbox of the column header (to place single names by x)
    table_cols: Optional[list[list[str]]] = None  # categories under each table column
    end = len(lines)
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if not ln.is_row and (_NUM_HEAD.match(t) or _SECTION_HEAD.match(t) or re.fullmatch(r"actions?", t, re.I)):
            if cat is not None or i > 12:
                end = i
                break
        if ln.is_row:
            cells = [c.strip() for c in (ln.cells or [])]
            hc = [_cell_cats(c) for c in cells]
            if sum(len(h) for h in hc if h) >= 2 and all(h is not None or not c for h, c in zip(hc, cells)):
                table_cols = [h or (table_cols[j] if table_cols and j < len(table_cols) else []) for j, h in enumerate(hc)]
                box = ln.block.bbox if ln.block is not None else None
                cols = [c for h in table_cols for c in h] or None
                cat = cat or (cols[0] if cols else None)
                continue
            nonempty = [c for c in cells if c]
            if not nonempty:
                continue
            if row_heading(cells) and cat is not None:
                end = i
                break
            if table_cols and len(cells) == len(table_cols):
                for j, c in enumerate(cells):
                    if not c:
                        continue
                    ccat, rest = _cue(c)
                    if ccat and not rest.strip():
                        table_cols[j] = [ccat]
                        continue
                    if ccat:
                        table_cols[j] = [ccat]
                        c = rest
                    cats_j = table_cols[j]
                    if not cats_j:
                        continue
                    for sub in c.split("\n"):
                        names = [n for seg in sub.split(",") for n in segment_names(seg.strip()) if n.strip()] if len(cats_j) > 1 else [sub]
                        for k, n in enumerate(names):
                            att.add_entries(n, cats_j[min(k, len(cats_j) - 1)], ln)
                cols = [c for h in table_cols for c in h]
                continue
            ccat, rest = _cue(nonempty[0])
            if ccat:
                cat = ccat
                nonempty = ([rest] if rest.strip() else []) + nonempty[1:]
            if cat is None or not nonempty:
                continue
            # name | role/organisation
            if len(nonempty) >= 2 and len(split_names(nonempty[0])) == 1:
                att.add_entries(nonempty[0], cat, ln, default_role=nonempty[1])
            else:
                for c in nonempty:
                    att.add_entries(c, cat, ln)
            continue
        hdr = _header_cats(t)
        if hdr:
            cols, cat, table_cols = hdr, hdr[0], None
            box = ln.block.bbox if ln.block is not None else None
            continue
        ccat, rest = _cue(t)
        if ccat:
            cat = ccat
            cols = None
            t = rest.strip()
            if not t:
                continue
        if cat is None:
            continue
        pm = _PROSE_APOLOGIES.search(t)
        if pm:
            att.add_entries(pm.group("names"), APOLOGIES, ln)
            continue
        if len(t) > 600 and t.count(",") < len(t) / 60:
            continue  # prose, not a list of names
        raw_lines = [r for r in ln.raw.split("\n") if r.strip()] if ln.raw else [t]
        if ccat:
            raw_lines[0] = _cue(raw_lines[0].strip())[1] or ""
            raw_lines = [r for r in raw_lines if r.strip()]
        if cols:
            for k, r in enumerate(raw_lines):
                names = [n for seg in r.split(",") for n in segment_names(seg.strip()) if n.strip()]
                if not names:
                    continue
                start = 0
                if len(names) < len(cols):
                    c0 = _column_of(ln.x0, box, len(cols))
                    start = c0 or 0
                    if len(names) + start > len(cols):
                        start = len(cols) - len(names)
                for j, n in enumerate(names):
                    target = cols[min(start + j, len(cols) - 1)]
                    att.add_entries(n, target, ln)
            continue
        if "," in t or " and " in t or len(raw_lines) == 1:
            att.add_entries(t, cat, ln)
        else:
            for r in raw_lines:
                att.add_entries(r, cat, ln)
    return att, end


# ---------------------------------------------------------------------------
# items, decisions, actions

_DECISION = re.compile(
    r"\b(?:RESOLVED|APPROVED|AGREED|DECIDED)\b"
    r"|(?:^|(?<=[.!?]\s))(?:It\s+was\s+(?:also\s+|unanimously\s+|further\s+|therefore\s+)?(?:agreed|resolved|decided|approved)\b)"
    r"|(?:^|(?<=[.!?]\s))(?:The\s+(?:[A-Z&][\w&\-]*\s+){1,3}|Members\s+|Councillors\s+|Cabinet\s+|Council\s+)"
    r"(?:also\s+|unanimously\s+|had\s+|has\s+|then\s+)?(?:agreed|resolved|approved|decided)\b"
    r"|(?:^|(?<=[.!?]\s))(?:The\s+(?:board|group|committee|partnership|council|cabinet|panel|meeting|members|forum|executive)\s+)"
    r"(?:also\s+|unanimously\s+|had\s+|has\s+|then\s+)?(?:agreed|resolved|approved|decided)\b"
    r"|(?i:\bwere\s+(?:agreed|approved)\s+(?:as\s+a\s+(?:correct|true)\s+record|and\s+signed))"
    r"|(?i:\bit\s+was\s+resolved\b)"
    r"|^(?:Resolved|Agreed|Decision|Decided|Approved)\s*(?:[:\-]|that\b|to\b)",
)


def decision_text(t: str) -> str:
    """The paragraph carrying the decision, its enumeration ("(4)", "3.") removed."""
    return _strip_enum(t)


_ACTION_CUE = re.compile(r"(?:^|(?<=\n))\s*actions?\s*[:\-]\s*(?P<rest>.*)$", re.I | re.S)


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
_OWNER_NAME = r"(?:(?:" + _TITLES + r")\s+)?(?:[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){0,3}|[A-Z]{2,4})"
_OWNERS = re.compile(
    rf"^(?P<owners>{_OWNER_NAME}(?:\s*(?:,|/|&|\band\b)\s*{_OWNER_NAME})*)\s+"
    r"(?=(?:to|agreed\s+to|will|would|should|is\s+to|are\s+to|has\s+agreed|had\s+agreed|undertook|offered|asked|needs?\s+to)\b)"
)
_NOT_OWNER = re.compile(r"^(?:the|it|this|that|there|all|any|members?|board|group|meeting|we|they|he|she|a|an)$", re.I)


_OWNER_ONLY = re.compile(r"^(?:[A-Z]{2,4}|(?:Cllr\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+)(?:\s*(?:/|,|&|and)\s*(?:[A-Z]{2,4}|(?:Cllr\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+))*\.?$")


def action_owners(text: str) -> list[str]:
    """Names that start an action line: "Paul Clarke and Mark Freeman to discuss ..." ->
    ["Paul Clarke", "Mark Freeman"]; "NO/AS to organise" -> ["NO", "AS"]."""
    m = _OWNERS.match(text.strip())
    if not m:
        return []
    parts = re.split(r"\s*(?:,|/|&|\band\b)\s*", m.group("owners"))
    out = []
    for p in parts:
        p = p.strip()
        if p and not _NOT_OWNER.match(p) and not re.match(r"^(?:The|It|This|There)\b", p):
            out.append(p)
    return out


def _strip_enum(t: str) -> str:
    return re.sub(r"^(?:\(\s*\d+\s*\)|\d{1,2}[.)]|\([a-z]\)|[a-z]\))\s+", "", t.strip())


def _split_heading(ln: Line, num_len: int) -> tuple[str, str]:
    """(title, rest of the paragraph) of a numbered heading unit: a heading block is all
    title; a paragraph's title is its first line (plus lower-case continuations)."""
    t = ln.text.strip()
    if ln.block is not None and ln.block.kind == "heading" or "\n" not in (ln.raw or ""):
        title = t[num_len:].lstrip(" .\t")
        return title.strip(), ""
    raws = [r.strip() for r in ln.raw.split("\n") if r.strip()]
    title_lines = [raws[0][num_len:].lstrip(" .\t")]
    k = 1
    while k < len(raws) and re.match(r"^[a-z(]", raws[k]) and not _ITEM_REF.match(raws[k]):
        title_lines.append(raws[k])
        k += 1
    rest = [r for r in raws[k:] if not _ITEM_REF.match(r)]
    return join_lines(title_lines), join_lines(rest)


@dataclass
class MinuteItem:
    number: str
    title: str
    raw: str
    page: Optional[int]
    block_index: int


def _item_num_key(num: str) -> int:
    parts = re.findall(r"\d+", num)
    if "/" in num and parts:
        return int(parts[0])  # "45/23": minute 45 of 2023
    return int(parts[-1]) if parts else 0


def _accept_item(num: str, title: str, last: Optional[str]) -> bool:
    if len(title) > 150 or title.endswith(",") or re.search(r"\b(?:the|of|and)$", title):
        return False
    n = _item_num_key(num)
    if last is None:
        return True
    ln = _item_num_key(last)
    if "." in num and "." in last:
        return num.split(".")[:-1] == last.split(".")[:-1] and ln < n <= ln + 4
    if "/" in num or "/" in last:
        return "/" in num and "/" in last and ln < n <= ln + 6
    if "." in num or "." in last:
        return False
    return ln < n <= ln + (8 if title.isupper() else 4)


_MINUTE_NUM_CELL = re.compile(r"^(?:\d{1,3}\.?|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?|[A-Z][a-z]{2,4}\s?\d{2}\.\d{1,2})$")
_BODY_NUM = re.compile(
    r"^(?:\(?\d{1,3}[a-z]?[.)]?|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?|[A-Z][a-z]{2,4}\s?\d{2}\.\d{1,2}|\(?[a-z][.)]|\(?(?:i{1,3}|iv|v|vi{1,3})\))$"
)
_MINUTE_NUM = re.compile(r"^(?:\d{1,3}\.?|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?|[A-Z][a-z]{2,4}\s?\d{2}\.\d{1,2})$")
_ITEM_REF = re.compile(r"^\(item\s+\d+[a-z]?\)$", re.I)
_SENTENCE_END = re.compile(r"[.:;!?)\"']\s*$")


def _is_body_table(rows: list[Line]) -> bool:
    """A text-aligned 'table' that is really minute text: number | paragraph."""
    if not rows:
        return False
    ncols = max(len([c for c in (r.cells or [])]) for r in rows)
    if ncols > 3:
        return False
    ok = numbered = 0
    has_text = False
    for r in rows:
        cells = [c.strip() for c in (r.cells or [])]
        if not cells:
            continue
        first, rest = cells[0], " ".join(c for c in cells[1:] if c)
        low = [c.lower().rstrip(":") for c in cells]
        if any(c in ("action", "actions", "owner", "update", "action by") for c in low):
            return False
        if first == "":
            ok += 1
        elif _BODY_NUM.match(first):
            ok += 1
            numbered += 1
        if len(rest) > 25:
            has_text = True
    return has_text and numbered >= 1 and ok == len(rows)


def flatten_body_tables(lines: list[Line]) -> list[Line]:
    """Turn number | paragraph pseudo-tables back into heading and paragraph units."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.is_row:
            out.append(ln)
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].is_row and lines[j].block_index == ln.block_index:
            j += 1
        rows = lines[i:j]
        i = j
        if not _is_body_table(rows):
            out.extend(rows)
            continue
        cur: Optional[Line] = None

        def emit(text: str, r: Line, new: bool):
            nonlocal cur
            text = text.strip()
            if not text:
                return
            if not new and cur is not None and not _SENTENCE_END.search(cur.text) and not _NUM_HEAD.match(cur.text):
                cur.text = join_lines([cur.text, text])
                cur.raw += "\n" + text
                return
            cur = Line(text, text, r.page, r.block_index, block=r.block, first_of_block=True, x0=r.x0)
            out.append(cur)

        for r in rows:
            cells = [c.strip() for c in (r.cells or [])]
            first = cells[0] if cells else ""
            rest_lines = [x.strip() for c in cells[1:] for x in c.split("\n") if x.strip()]
            if first and _MINUTE_NUM.match(first) and rest_lines and re.match(r"[A-Z\"']", rest_lines[0]):
                title = [rest_lines[0]]
                k = 1
                while k < len(rest_lines) and (re.match(r"^[a-z(]", rest_lines[k]) and not _ITEM_REF.match(rest_lines[k])):
                    title.append(rest_lines[k])
                    k += 1
                cur = None
                emit(first + " " + join_lines(title), r, True)
                cur = None
                for x in rest_lines[k:]:
                    if _ITEM_REF.match(x):
                        continue
                    emit(x, r, cur is None)
            elif first:
                emit(first + " " + " ".join(rest_lines), r, True)
            else:
                for x in rest_lines:
                    emit(x, r, False)
    return out


@register
class MinutesExtractor(Extractor):
    name = "minutes"
    paper_types = (MINUTES,)
    order = 30

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        lines = flatten_body_tables(units(paper_lines(ctx.doc, paper), _SPLIT_CUES))
        if not lines:
            return res
        info = self._meeting(lines)
        if info.meeting_date is None and paper.start > 0:
            # the "Minutes of ..." title left at the end of the previous paper by segmentation
            lo = max(0, paper.start - 6)
            before = paper_lines(ctx.doc, paper, start=lo, end=paper.start - 1)
            k = max((j for j, b in enumerate(before) if re.search(r"\bminutes\s+of\b", b.text, re.I)), default=None)
            if k is not None:
                prev = self._meeting(before[max(0, k - 3):])
                if prev.meeting_date:
                    info = prev
        if info.meeting_date is None:
            res.warn("minutes: no date of the meeting recorded found", page=paper.page_start, block_index=paper.start)
        row = record_meeting(info, ctx, res)
        mid = row["meeting_id"] if row else None
        mdate = info.meeting_date
        sha = ctx.doc.sha256

        att, end = parse_attendance(lines)
        body = lines[end:]

        items: list[MinuteItem] = []
        cur: Optional[MinuteItem] = None
        pending_action = False
        action_cols: Optional[tuple[int, int]] = None
        last_table: Optional[int] = None
        prev_text: Optional[str] = None
        prev_para: Optional[Line] = None
        decisions_seen: set[str] = set()
        n_action = 0

        def add_action(text: str, owners: list[str], ln: Line, owners_raw: Optional[str] = None):
            nonlocal n_action
            text = " ".join(text.split()).strip()
            if not text and not owners:
                return
            n_action += 1
            res.add("minute_actions", {
                "minute_action_id": row_id(sha, paper.start, ln.block_index, n_action, text),
                "meeting_id": mid,
                "meeting_date": mdate,
                "item_number": cur.number if cur else None,
                "owners": "; ".join(owners) if owners else None,
                "owners_raw": owners_raw,
                "action_text": text,
                "page": ln.page,
                "block_index": ln.block_index,
            })

        def add_decision(text: str, ln: Line):
            text = " ".join(text.split()).strip()
            if not text or text in decisions_seen:
                return
            decisions_seen.add(text)
            res.add("decisions", {
                "decision_id": row_id(sha, paper.start, ln.block_index, text),
                "meeting_id": mid,
                "meeting_date": mdate,
                "item_number": cur.number if cur else None,
                "decision_text": text,
                "keyword": (_DECISION.search(text).group(0) if _DECISION.search(text) else None),
                "page": ln.page,
                "block_index": ln.block_index,
            })

        i = 0
        while i < len(body):
            ln = body[i]
            t = ln.text.strip()
            i += 1
            if ln.is_row and ln.block_index != last_table:
                action_cols = None
                last_table = ln.block_index
            if ln.is_row:
                cells = [c.strip() for c in (ln.cells or [])]
                low = [c.lower().rstrip(":") for c in cells]
                is_header = any(c in ("action", "actions", "owner", "action by", "who", "lead") for c in low) and len([c for c in cells if c]) <= 5
                if is_header:
                    own_i = next((j for j, c in enumerate(low) if c in ("owner", "action by", "who", "lead")), None)
                    act_i = next((j for j, c in enumerate(low) if c in ("action", "actions")), None)
                    if own_i is None:
                        own_i = act_i
                        act_i = None
                    action_cols = (act_i if act_i is not None else -1, own_i)
                # a minute heading in the row: "288. | Title/body" or "03.18.02 Title"
                head = row_heading(cells)
                if head and _accept_item(head[0], head[1], cur.number if cur else None):
                    cur = MinuteItem(head[0], head[1], t, ln.page, ln.block_index)
                    items.append(cur)
                if is_header and not head:
                    continue
                if action_cols:
                    act_i, own_i = action_cols
                    owner = cells[own_i] if own_i < len(cells) else ""
                    if is_header:
                        owner = ""
                    if act_i >= 0:
                        text = cells[act_i] if act_i < len(cells) else ""
                    else:
                        others = [c for j, c in enumerate(cells) if j != own_i and c and not re.fullmatch(r"[\w.]{1,10}", c)]
                        text = max(others, key=len) if others else ""
                    if owner and re.search(r"\d{2}|£|total", owner, re.I):
                        owner = ""
                    if owner and text:
                        ac = _ACTION_CUE.match(text)
                        if ac:
                            text = ac.group("rest")
                        owners = [o.strip() for o in re.split(r"\s*(?:/|,|&|;|\band\b|\n)\s*", owner) if o.strip()]
                        add_action(text, owners, ln, owners_raw=owner)
                        for c in cells:
                            if c and _DECISION.search(c):
                                add_decision(decision_text(c), ln)
                        continue
                for c in cells:
                    if not c:
                        continue
                    body_text = c
                    if head and c.startswith(head[1][:20]):
                        body_text = c[len(head[1]):]
                    body_text = join_lines(body_text.split("\n"))
                    if _DECISION.search(body_text):
                        add_decision(decision_text(body_text), ln)
                    pm = _PROSE_APOLOGIES.search(body_text)
                    if pm and not re.search(r"\bno apologies\b", body_text, re.I):
                        att.add_entries(pm.group("names"), APOLOGIES, ln)
                    ac = _ACTION_CUE.search(body_text)
                    if ac and ac.group("rest").strip():
                        add_action(ac.group("rest"), action_owners(ac.group("rest")), ln)
                continue

            mh = _NUM_HEAD.match(t)
            num = re.sub(r"\.{2,}", ".", mh.group("num")).rstrip(".") if mh else None
            if mh and _accept_item(num, mh.group("title"), cur.number if cur else None):
                title, rest = _split_heading(ln, len(mh.group("num")))
                title = re.sub(r"\s*\(item\s+\d+[a-z]?\)\s*$", "", title, flags=re.I)
                cur = MinuteItem(num, title, t, ln.page, ln.block_index)
                items.append(cur)
                pending_action = False
                if rest:
                    body.insert(i, Line(rest, rest, ln.page, ln.block_index, block=ln.block, first_of_block=False, x0=ln.x0))
                continue
            if re.fullmatch(r"\(item\s+\d+[a-z]?\)", t, re.I) or _SECTION_HEAD.match(t):
                continue
            # prose attendance inside the first items
            pm = _PROSE_APOLOGIES.search(t)
            if pm and not re.search(r"\bno apologies\b", t, re.I):
                att.add_entries(pm.group("names"), APOLOGIES, ln)
            am = _ATTEND_PROSE.match(t)
            if am and cur is not None and _item_num_key(cur.number) <= _item_num_key(items[0].number) + 1:
                att.add_entries(am.group("names"), IN_ATTENDANCE, ln)
            ac = _ACTION_CUE.match(t)
            if ac:
                rest = ac.group("rest").strip()
                if rest and _OWNER_ONLY.match(rest) and prev_text:
                    # "ACTION: JS" under the paragraph it refers to
                    owners = [o for o in re.split(r"\s*(?:/|,|&|\band\b)\s*", rest.rstrip(".")) if o]
                    add_action(prev_text, owners, ln, owners_raw=rest)
                    pending_action = False
                elif rest:
                    add_action(rest, action_owners(rest), ln)
                    pending_action = False
                else:
                    pending_action = True
                continue
            if pending_action:
                owners = action_owners(t)
                if owners:
                    add_action(t, owners, ln)
                    continue
                pending_action = False
            if _DECISION.search(t) and not re.match(r"^(?:to|the minutes of)\b.*\?$", t, re.I):
                text = decision_text(t)
                # a decision introducing a list: "The Board agreed:" + bullets
                if text.rstrip().endswith(":"):
                    # "The Board agreed:" + bullets: each bullet is a decision
                    extra = []
                    while i < len(body) and not body[i].is_row and (
                        (body[i].block is not None and body[i].block.kind == "list_item") or re.match(r"^[-\u2022*]\s", body[i].text)
                    ):
                        extra.append((re.sub(r"^[-\u2022*]\s+", "", body[i].text.strip()), body[i]))
                        i += 1
                    if extra:
                        for x, xl in extra:
                            add_decision(_strip_enum(x), xl)
                        continue
                    # "RESOLVED that:" followed by a paragraph: that paragraph is the decision's body
                    if i < len(body) and not body[i].is_row and not _NUM_HEAD.match(body[i].text) and len(body[i].text) > 20:
                        text = text.rstrip() + " " + body[i].text.strip()
                        i += 1
                add_decision(text, ln)
            prev_text = t

        for p in att.people:
            res.add("attendance", {
                "attendance_id": row_id(sha, paper.start, p.person, p.attendance, p.block_index),
                "meeting_id": mid,
                "meeting_date": mdate,
                "person": p.person,
                "person_raw": p.raw,
                "role": p.role,
                "attendance": p.attendance,
                "page": p.page,
                "block_index": p.block_index,
            })
        for k, it in enumerate(items):
            res.add("minute_items", {
                "minute_item_id": row_id(sha, paper.start, it.number, k),
                "meeting_id": mid,
                "meeting_date": mdate,
                "item_number": it.number,
                "title": it.title,
                "title_raw": it.raw,
                "ordinal": k,
                "page": it.page,
                "block_index": it.block_index,
            })
        # share names for the people extractor
        ctx.shared.setdefault("attendance.names", []).extend(p.person for p in att.people)
        return res

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
            # no "Minutes of" sentence: first date in the head
            from ..dates import find_dates, find_times

            for ln in head:
                ds = find_dates(ln.text)
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
                if is_committee_line(t) and (_ORG_WORD.search(t) or t.isupper()) and not re.match(r"^agenda\b", t, re.I):
                    info.committee, info.committee_raw = tidy_committee(t), t
                    break
        info.source = "minutes"
        prov = head[idx] if idx is not None and head else (head[0] if head else lines[0])
        info.page, info.block_index = prov.page, prov.block_index
        return info
