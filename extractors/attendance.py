"""Attendance of a meeting from the head of its minutes.

Reads "PRESENT:" / "IN ATTENDANCE:" / "Apologies" sections written as comma
lists with titles and honours ("Mr R C Love, OBE"), one name per line, name |
role tables, side-by-side columns (parish minutes: "Present: Also in
attendance: Apologies" with the names of each row run together), and prose
("Apologies were received from ..."). Each person gets a category (present,
in attendance, apologies, chair) and the role or organisation when given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .meeting_cues import _NUM_HEAD, _SECTION_HEAD, Line, row_heading

PRESENT = "present"
IN_ATTENDANCE = "in attendance"
APOLOGIES = "apologies"
CHAIR = "chair"

# Attendance cues at the start of a line or cell -> category
_CUES = [
    (re.compile(r"^(?:members\s+)?present(?:\s*\((?:in person|virtually|remotely|online)\))?\s*(?:were)?\s*[:\-]?\s*", re.I), PRESENT),
    (re.compile(r"^(?:councillors?|members?)\s*(?:present)?\s*:\s*", re.I), PRESENT),
    (re.compile(r"^substitutes?(?:\s+members?)?(?:\s+present)?\s*:\s*", re.I), PRESENT),
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
        # "Mr & Mrs D Blunt", "David & Joanna Carlisle" are one entry; "Mr A Smith & Ms B Jones" two
        if depth == 0 and text.startswith(" & ", i) and len(cur.split()) >= 2 and not re.search(r"\b(?:Mr|Mrs)\s*$", cur):
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
    e = re.sub(r"\s+(?:as\s+(?:a\s+)?substitute\s+)?(?:for|substituting\s+for|in\s+place\s+of)\s+.*$", "", e)  # "Cllr X for Cllr Y"
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
    if not e or not re.search(r"[A-Za-z]{2}", e) or len(e) > 70 or ":" in e:
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
    return _header_cats(t)


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
            # a header row of column cues; a cue cell may carry its first names below the cue
            firsts = [c.split("\n")[0] for c in cells]
            hc = [_cell_cats(f) for f in firsts]
            if sum(len(h) for h in hc if h) >= 2 and all(h is not None or not c for h, c in zip(hc, cells)):
                table_cols = [h or (table_cols[j] if table_cols and j < len(table_cols) else []) for j, h in enumerate(hc)]
                box = ln.block.bbox if ln.block is not None else None
                cols = [c for h in table_cols for c in h] or None
                cat = cat or (cols[0] if cols else None)
                for j, c in enumerate(cells):
                    for sub in c.split("\n")[1:]:
                        if sub.strip() and table_cols[j]:
                            att.add_entries(sub, table_cols[j][-1], ln)
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
            if all(re.fullmatch(r"(?:name|names|member|members|organisation|organization|role|position|title|"
                                r"representing|agency|attendee|attendees|present|apologies)\s*:?", c, re.I) for c in nonempty):
                continue  # a column header row
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
