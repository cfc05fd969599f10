"""Lines with provenance, and the meeting cues the extractors import from one place.

Turns a paper's blocks into *lines* with provenance (tables kept as rows) and
recognises numbered minute headings. Finding the meeting a summons, agenda
front sheet or minutes header describes is split by what it reads, each in its
own module: meeting_info (MeetingInfo, meeting_id, committee tidying),
venues (places), committee_names (bodies in titles), masthead (title stacks)
and meeting_sentences (summons prose, minutes headers). Their names used by the
minutes, attendance and base modules and the tests are re-exported here so
those importers did not have to change.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable, Optional

from boardpack.core.dates import find_dates
from boardpack.core.model import TABLE, PAGE_BREAK, Block, Document, Paper
from boardpack.core.textnorm import join_lines
from boardpack.extractors.committee_names import committee_name, names_body
from boardpack.extractors.masthead import masthead, opening_time, opening_venue
from boardpack.extractors.meeting_info import (
    ORG_WORD,
    MeetingInfo,
    committee_key,
    is_committee_line,
    meeting_id,
    tidy_committee,
)
from boardpack.extractors.meeting_sentences import complete_from_masthead, meeting_from_text, minutes_header
from boardpack.extractors.venues import is_place, tidy_venue



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
# numbered minute headings

# a minute's number before its title: "5.", "12/2021", "GBP/2122/214" (the body's letters, the year, the minute)
NUM_HEAD = re.compile(
    r"^(?P<num>(?:[A-Z][a-z]{2}\d{2}\.\d{1,2})|[A-Z]{1,6}/\d{2,4}/\d{1,4}|(?:[A-Z]{1,5}\s?)?\d{1,3}/\d{2,4}|\d{1,3}(?:\.{1,2}\d{1,2}){0,2})[.:]?\s+(?P<title>[A-Z\"'][^\n]{1,140})$"
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


def date_from_file_name(path: Optional[str], month_first: bool = False):
    """The date in a paper's file name ("2016-03-17 Agenda.pdf", "agendas_2017-01-10_.pdf",
    "Minutes 14 May 2013.doc"): the last resort for the meeting's date. None when the name
    holds no date or more than one."""
    if not path:
        return None
    stem = os.path.splitext(os.path.basename(path))[0]
    stem = re.sub(r"[_+]", " ", stem)
    ds = find_dates(stem, month_first=month_first)
    if len({d.iso for d in ds}) != 1:
        return None
    return ds[0]


__all__ = [
    # defined here
    "Line", "usable", "paper_lines", "block_lines", "units", "join_lines",
    "NUM_HEAD", "SECTION_HEAD", "MINUTE_NUM_CELL", "row_heading", "date_from_file_name",
    # re-exported for the modules and tests that import them from here
    "MeetingInfo", "ORG_WORD", "committee_key", "is_committee_line", "meeting_id", "tidy_committee",
    "committee_name", "names_body", "masthead", "opening_time", "opening_venue",
    "complete_from_masthead", "meeting_from_text", "minutes_header", "is_place", "tidy_venue",
]
