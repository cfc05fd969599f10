"""Tables inside the minutes' body: number | paragraph pseudo-tables and action columns.

Split from minutes.py: PDF table finders turn the text-aligned body of some
minutes (item number | paragraph) into tables, which are flattened back into
lines here before the body is read; and an action table's columns (Action |
Owner), once found, hold for the rest of that table, continued over pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from boardpack.extractors.meeting_cues import (
    MINUTE_NUM_CELL,
    NUM_HEAD,
    Line,
    join_lines,
)
from boardpack.extractors.minute_actions import (
    ACTION_HEAD_WORDS,
    OWNER_HEAD_WORDS,
    SENTENCE_END,
    guess_action_cols,
)
from boardpack.extractors.minute_items import ITEM_REF

BODY_NUM = re.compile(
    r"^(?:\(?\d{1,3}[a-z]?[.)]?|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?|[A-Z][a-z]{2,4}\s?\d{2}\.\d{1,2}|\(?[a-z][.)]|\(?(?:i{1,3}|iv|v|vi{1,3})\))$"
)


def is_body_table(rows: list[Line]) -> bool:
    """A text-aligned 'table' that is really minute text: number | paragraph."""
    if not rows:
        return False
    ncols = max(len(r.cells or []) for r in rows)
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
        elif BODY_NUM.match(first):
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
        if not is_body_table(rows):
            out.extend(rows)
            continue
        cur: Optional[Line] = None

        def emit(text: str, r: Line, new: bool):
            nonlocal cur
            text = text.strip()
            if not text:
                return
            if not new and cur is not None and not SENTENCE_END.search(cur.text) and not NUM_HEAD.match(cur.text):
                cur.text = join_lines([cur.text, text])
                cur.raw += "\n" + text
                return
            cur = Line(text, text, r.page, r.block_index, block=r.block, first_of_block=True, x0=r.x0)
            out.append(cur)

        for r in rows:
            cells = [c.strip() for c in (r.cells or [])]
            first = cells[0] if cells else ""
            rest_lines = [x.strip() for c in cells[1:] for x in c.split("\n") if x.strip()]
            if first and MINUTE_NUM_CELL.match(first) and rest_lines and re.match(r"[A-Z\"']", rest_lines[0]):
                title = [rest_lines[0]]
                k = 1
                while k < len(rest_lines) and (re.match(r"^[a-z(]", rest_lines[k]) and not ITEM_REF.match(rest_lines[k])):
                    title.append(rest_lines[k])
                    k += 1
                cur = None
                emit(first + " " + join_lines(title), r, True)
                cur = None
                for x in rest_lines[k:]:
                    if ITEM_REF.match(x):
                        continue
                    emit(x, r, cur is None)
            elif first:
                emit(first + " " + " ".join(rest_lines), r, True)
            else:
                for x in rest_lines:
                    emit(x, r, False)
    return out


@dataclass
class ActionTableState:
    """Where the action columns are in the table being read, and what announced it."""

    cols: Optional[tuple[int, int]] = None  # (action column or -1, owner column)
    ncols: int = 0
    column_only: bool = False  # an "Action" column beside the minutes' notes (no owner column)
    header_line: bool = False  # "ITEM  BY WHOM  BY WHEN" printed as a line above a headerless table
    last_table: Optional[int] = None  # block of the table last seen

    def enter(self, ln: Line) -> None:
        """The first row of a table block: its columns, or the previous table's when it is that
        table continued on the next page (same width, no header row)."""
        ncells = len(ln.cells or [])
        low0 = [c.strip().lower().rstrip(":") for c in (ln.cells or [])]
        # a table with a header row of its own ("Date | Payee | Description | Amount") is another
        # table, not the action table continued on the next page
        first = ln.block.rows[0] if ln.block is not None and ln.block.rows else None
        own_header = first is not None and first.is_header and all(len(c.split()) <= 4 for c in first.texts)
        continued = self.cols is not None and ncells == self.ncols and not own_header and not any(
            c in ACTION_HEAD_WORDS or c in OWNER_HEAD_WORDS for c in low0)
        if not continued:
            self.cols = None
            self.column_only = False
        self.last_table = ln.block_index
        if self.header_line and self.cols is None:
            self.cols = guess_action_cols([c.strip() for c in (ln.cells or [])])
            self.ncols = ncells
        self.header_line = False

    def header(self, cells: list[str], low: list[str]) -> None:
        """A header row ("Action | Owner"): its action and owner columns."""
        own_i = next((j for j, c in enumerate(low) if c in OWNER_HEAD_WORDS), None)
        act_i = next((j for j, c in enumerate(low) if c in ACTION_HEAD_WORDS), None)
        self.column_only = own_i is None
        if own_i is None:
            own_i, act_i = act_i, None
        self.cols = (act_i if act_i is not None else -1, own_i)
        self.ncols = len(cells)


def owners_of(own: str) -> list[str]:
    """"NW / JS and Clerk." -> ["NW", "JS", "Clerk"]."""
    return [o for o in re.split(r"\s*(?:/|,|&|\band\b)\s*", own.rstrip(".")) if o]


def slash_owners(own: str) -> list[str]:
    return re.split(r"\s*/\s*", own)

