"""Agendas set out as tables: number | title | presenter | pages rows.

A table-form agenda labels its columns once (a header row) and puts the item
number in a cell of its own, so its rows are read differently from the
numbered lines of a text agenda. ``TableRows`` is mixed into ``AgendaParser``
(agenda_parser.py) and updates the same item state (``items``, ``cur``) through
its ``_new`` and ``_line_in_item``.
"""

from __future__ import annotations

import re

from boardpack.extractors.agenda_text import (
    HEADER_WORDS,
    ITEM,
    NUM_CELL,
    PAGE_RANGE_CELL,
    TRAILING_RANGE,
    extra_cells,
    format_pages,
)
from boardpack.extractors.meeting_cues import Line


class TableRows:
    """Table rows of an agenda, mixed into AgendaParser."""

    def row(self, ln: Line) -> None:
        cells = self._title_ends_joined(ln, [c.strip() for c in (ln.cells or [])])
        nonempty = [c for c in cells if c]
        if not nonempty:
            return
        if all(re.fullmatch(HEADER_WORDS, c, re.I) for c in nonempty):
            self._header_row(cells)
            return
        first_i = next(i for i, c in enumerate(cells) if c)
        first = cells[first_i]
        m = NUM_CELL.match(first)
        if m and len(nonempty) >= 1:
            self._numbered_row(ln, cells, first_i, m)
            return
        # a row without an item number: "1. Title" in one cell, a group heading, a sub-line or pages
        if (len(nonempty) == 1 or not NUM_CELL.match(first)) and self._item_in_cell(ln, cells, first_i):
            return
        if self._lettered_row(cells, nonempty, first_i):
            return
        if self.cur is not None and len(nonempty) >= 2 and self.cur.block_index != ln.block_index:
            # a table set under an item listed as text (an action log, planning applications): its rows
            # describe the item, they are not part of its title
            self.cur.notes.append(" | ".join(nonempty))
            return
        for c in nonempty:
            # each printed line of the cell on its own, the later ones running on from the first
            # (a wrapped sub-item "A. PRESENTATION TO ..." / "ZUCKERMAN" is one item)
            for k, part in enumerate(p for p in c.split("\n") if p.strip()):
                self.line(Line(part, part, ln.page, ln.block_index, first_of_block=k == 0))

    def _title_ends_joined(self, ln: Line, cells: list[str]) -> list[str]:
        """Where the table finder cut a title's printed lines at a wide word gap, their ends
        stand in a column of their own that no header names and most rows leave empty
        ("RECOGNITION OF" / "MAYOR" | "OUTGOING"): each end goes back to the end of its line
        ("RECOGNITION OF OUTGOING MAYOR"). Only for a wrapped title cell with fewer lines
        beside it in the same capitals, so a presenter or notes column is never read into it."""
        roles = getattr(self, "col_roles", {})
        rows = ln.block.rows if ln.block is not None and ln.block.rows else []
        out = list(cells)
        for j in range(1, len(out)):
            a, b = out[j - 1], out[j]
            if not a or not b or j in roles or "\n" not in a or not (a.isupper() and b.isupper()):
                continue
            la, lb = a.split("\n"), b.split("\n")
            filled = sum(1 for r in rows if j < len(r.cells) and (r.cells[j].text or "").strip())
            if len(lb) >= len(la) or PAGE_RANGE_CELL.match(b) or filled * 2 > len(rows):
                continue
            # a line printed to the column's edge wraps: the cell's lines are one title
            out[j - 1] = " ".join([f"{x} {y}" for x, y in zip(la, lb)] + la[len(lb):])
            out[j] = ""
        return out

    def _header_row(self, cells: list[str]) -> None:
        """A row of column labels: the roles of the presenter, pages and skipped columns."""
        self.started = True
        self.col_roles = {}
        for j, c in enumerate(cells):
            low = c.lower().rstrip(":")
            if re.fullmatch(r"presenter|presented by|leads?|lead officer|by|speaker|officer|who|owner", low):
                self.col_roles[j] = "presenter"
            elif re.fullmatch(r"pages?|page nos?\.?", low):
                self.col_roles[j] = "pages"
            elif re.fullmatch(r"times?|timings?|duration|purpose|action|paper|papers|report", low):
                self.col_roles[j] = "skip"

    def _numbered_row(self, ln: Line, cells: list[str], first_i: int, m: re.Match) -> None:
        """A row whose first cell is an item number: the item, its title, presenter, notes and pages."""
        self.started = True
        roles = getattr(self, "col_roles", {})
        presenter_cell = next((cells[j] for j, r in roles.items() if r == "presenter" and j < len(cells) and cells[j]), None)
        rest = [c for j, c in enumerate(cells) if j > first_i and c and roles.get(j) not in ("presenter", "skip")]
        pages, praw = None, None
        texts = []
        for c in rest:
            pm = PAGE_RANGE_CELL.match(c)
            if pm and texts:
                pages, praw = format_pages(pm.group("a"), pm.group("b")), c
            else:
                texts.append(c)
        title_lines = texts[0].split("\n") if texts else []
        title = title_lines[0] if title_lines else ""
        n = int(m.group("num"))
        if not m.group("sub") and not self._accept_top(n, True) and self.items:
            if self.cur is not None:
                self.cur.notes.append(" ".join(c for c in cells if c))
            return
        it = self._new(m.group("num"), m.group("sub"), "", ln, cells[first_i])
        it.presenter = presenter_cell
        if title:
            self._line_in_item(title, same_block=True, first=True)
        for extra in title_lines[1:]:
            # a line of its own in the cell: a sub-item, the title's wrapped end, or a description
            self._line_in_item(extra, same_block=False)
        pages, praw = extra_cells(it, texts[1:], pages, praw)
        if not pages and it.title_parts:
            # a page range run into the title cell: "... monitoring - Neil Weston 1 - 24"
            tm = TRAILING_RANGE.match(it.title_parts[-1])
            if tm and tm.group("pre"):
                it.title_parts[-1] = tm.group("pre")
                pages, praw = format_pages(tm.group("a"), tm.group("b")), tm.group("r")
        if pages:
            it.pages, it.pages_raw = pages, praw

    def _item_in_cell(self, ln: Line, cells: list[str], first_i: int) -> bool:
        """"1. Title" in one cell, the rest of the row its pages or notes; True when the row was one."""
        first = cells[first_i]
        mi = ITEM.match(first)
        if not (mi and mi.group("title") and self._accept_top(int(mi.group("num")), True) and (mi.group("dot") or mi.group("sub"))):
            return False
        self.started = True
        it = self._new(mi.group("num"), mi.group("sub"), "", ln, first)
        self._line_in_item(mi.group("title"), same_block=True, first=True)
        for c in cells[first_i + 1 :]:
            if c:
                pm = PAGE_RANGE_CELL.match(c)
                if pm:
                    it.pages, it.pages_raw = format_pages(pm.group("a"), pm.group("b")), c
                else:
                    it.notes.append(c)
        return True

    def _lettered_row(self, cells: list[str], nonempty: list[str], first_i: int) -> bool:
        """"a. | Playground Advisory Group": a lettered sub-item set out as a table under its item."""
        lm = re.fullmatch(r"\(?([a-z])\s*[.)]", cells[first_i])
        if not (lm and self.cur is not None and self.cur.base is None and len(nonempty) >= 2):
            return False
        have = self.cur.number[len(str(self.cur.top)):]
        want = "a" if not have else (chr(ord(have) + 1) if len(have) == 1 and have.isalpha() else "")
        if lm.group(1) != want:
            return False
        rest = next(c for c in cells[first_i + 1:] if c)
        self._line_in_item(f"{lm.group(1)}. {rest}", same_block=False)
        return True
