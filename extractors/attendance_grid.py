"""Attendance grids: members against the year's meeting dates, one code a cell.

Split from attendance.py: a grid ("Keith Moore | P | P | A |" under rotated
date headers, with a key "P - Present S - Sanctioned A - Absent L - Late
arrival") is read by columns and dates, not by labels, so it has a module of
its own. Only the column of the meeting the minutes record is read.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from boardpack.core.names import looks_like_person
from boardpack.extractors.attendance_labels import APOLOGIES, PRESENT
from boardpack.extractors.attendance_names import canon, plausible_person

# what a key's words mean; apologies first ("not present" holds "present")
_GRID_WORD_CATS = (
    (re.compile(r"apolog|sanction|absen|excused|regrets?|not\s+(?:present|attend)|unauthori[sz]ed|leave", re.I), APOLOGIES),
    (re.compile(r"present|attend|late|remote|virtual|online|in\s+person|arriv", re.I), PRESENT),
)
# codes read without a key
_GRID_DEFAULT_CODES = {"p": PRESENT, "a": APOLOGIES, "ap": APOLOGIES, "l": PRESENT, "\u2713": PRESENT, "\u2714": PRESENT}
_GRID_LEGEND = re.compile(
    r"(?<![\w])(?P<code>[A-Z][A-Za-z]?|[\u2713\u2714\u2717xX])\s*[-\u2013\u2014=:]\s*(?P<word>[A-Za-z][A-Za-z ]*?[a-z])"
    r"(?=\s+(?:[A-Z][A-Za-z]?|[\u2713\u2714\u2717xX])\s*[-\u2013\u2014=:]|\s*$|\s*[|;,\n])")
_GRID_ROLE_HEAD = re.compile(r"^(?:type|role|category|position|capacity|representing|governor\s+type|member\s+type|appointed\s+by)$", re.I)
_NUM_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")


def grid_legend(texts: list[str]) -> dict[str, str]:
    """Codes of an attendance key ("P - Present S - Sanctioned A - Absent") -> category."""
    out: dict[str, str] = {}
    for t in texts:
        for m in _GRID_LEGEND.finditer(t or ""):
            for rx, cat in _GRID_WORD_CATS:
                if rx.search(m.group("word")):
                    out.setdefault(m.group("code").lower(), cat)
                    break
    return out


def _num_date_matches(s: str, iso: str) -> bool:
    """An all-numeric date string ("14/10/2019", "9/05/22") is the ISO date, read either way round."""
    m = _NUM_DATE.fullmatch(s)
    if not m:
        return False
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000
    return any(f"{y:04d}-{mo:02d}-{d:02d}" == iso for d, mo in ((a, b), (b, a)))


def _stacked_date(chars: list[str], iso: str) -> bool:
    """A date printed rotated, one character per text row: read down or up."""
    s = "".join("".join(chars).split())
    return bool(s) and (_num_date_matches(s, iso) or _num_date_matches(s[::-1], iso))


def _expanded(row) -> list[tuple[int, int, str, Optional[str]]]:
    out, pos = [], 0
    for c in row.cells:
        span = max(1, c.colspan or 1)
        out.append((pos, span, " ".join((c.text or "").split()), c.fill))
        pos += span
    return out


def is_date_stack_table(block) -> bool:
    rows = getattr(block, "rows", None) or []
    if len(rows) < 4:
        return False
    cells = [" ".join((c.text or "").split()) for r in rows for c in r.cells]
    return bool(cells) and all(re.fullmatch(r"[\d/.\- ]{0,4}", c) for c in cells) and sum(1 for c in cells if re.search(r"\d", c)) >= 6


def grid_attendance(block, iso: Optional[str], legend: dict[str, str], header_block=None) -> list[tuple[str, str, Optional[str]]]:
    """(name, category, role) of the people with a code in the meeting's column of an
    attendance grid; [] when the block is no grid or the meeting's column is not found."""
    rows = getattr(block, "rows", None) or []
    if not iso or len(rows) < 2:
        return []
    codes = dict(_GRID_DEFAULT_CODES)
    codes.update(legend)
    exp = [_expanded(r) for r in rows]
    people = [(k, p) for k, p in ((k, _grid_person(cells)) for k, cells in enumerate(exp)) if p is not None]
    if len(people) < 2:
        return []
    groups = _column_groups(exp, people)
    if not groups:
        return []
    code_groups = [g for g in groups
                   if all(v.lower() in codes for v in (c[2] for k, _ in people for c in _cells_in(exp[k], g) if c[2]))]
    if not any(c[2].lower() in codes for k, _ in people for g in code_groups for c in _cells_in(exp[k], g)):
        return []
    heads = exp[:people[0][0]]
    target = _meeting_column(heads, code_groups, iso, header_block)
    if target is None:
        return []
    role_group = None
    for g in groups:
        if g in code_groups or g[0] >= target[0]:
            continue
        if any(_GRID_ROLE_HEAD.match(c[2]) for h in heads for c in h if g[0] <= c[0] < g[1] and c[2]):
            role_group = g
    out = []
    for k, p in people:
        vals = [c[2] for c in _cells_in(exp[k], target) if c[2]]
        cat = codes.get(vals[0].lower()) if len(vals) == 1 else None
        if not cat:
            continue
        role = None
        if role_group:
            rv = [c[2] for c in _cells_in(exp[k], role_group) if c[2]]
            role = rv[0] if rv else None
        out.append((p[2], cat, role))
    return out


def _cells_in(cells: list, g: tuple[int, int]) -> list:
    """The cells of an expanded row that start inside column group ``g``."""
    return [c for c in cells if g[0] <= c[0] < g[1]]


def _grid_person(cells: list) -> Optional[tuple]:
    """The name cell of a member row of a grid: its first cell, when it is a person's name."""
    first = next((c for c in cells if c[2]), None)
    if first is None or first[0] > 1:
        return None
    name = first[2]
    probe = name.title() if name.isupper() else name
    if not looks_like_person(canon(probe)) or not plausible_person(probe):
        return None
    return first


def _column_groups(exp: list[list], people: list[tuple[int, tuple]]) -> list[tuple[int, int]]:
    """Column groups of a grid, (start, end) each: the cell starts shared by every member row."""
    bounds = None
    for k, p in people:
        starts = {c[0] for c in exp[k] if c[0] > p[0]}
        bounds = starts if bounds is None else bounds & starts
    if not bounds:
        return []
    width = max(sum(c[1] for c in cells) for cells in exp)
    bl = sorted(bounds)
    return [(b, bl[j + 1] if j + 1 < len(bl) else width) for j, b in enumerate(bl)]


def _meeting_column(heads: list[list], code_groups: list[tuple[int, int]], iso: str,
                    header_block: Any) -> Optional[tuple[int, int]]:
    """The meeting's column: a date in the header rows above it, or the n-th date of a
    table of rotated dates printed just above the grid."""
    for g in code_groups:
        chars = [c[2] for h in heads for c in h if g[0] <= c[0] < g[1] and c[2]]
        if chars and (_stacked_date(chars, iso) or any(_num_date_matches(x, iso) for x in chars)):
            return g
    if header_block is None:
        return None
    hrows = header_block.rows
    ncol = max(len(r.cells) for r in hrows)
    for j in range(ncol):
        chars = [" ".join((r.cells[j].text or "").split()) for r in hrows if j < len(r.cells)]
        if _stacked_date(chars, iso) or any(_num_date_matches(x, iso) for x in chars if x):
            return code_groups[j] if j < len(code_groups) else None
    return None
