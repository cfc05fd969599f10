"""Attendance in table rows: column labels, roll-call tables, name | role rows.

Split from attendance.py: the reader of the minutes' head
(:class:`boardpack.extractors.attendance.AttendanceHead`) reads paragraphs
itself and table rows through this mixin, which shares its state (the open
category, the categories under each column, the record being filled).
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.extractors.attendance_labels import IN_ATTENDANCE, AttendanceLabels, is_label_row, row_status
from boardpack.extractors.attendance_names import all_people, looks_like_name, segment_names, split_names
from boardpack.extractors.attendance_record import Attendance
from boardpack.extractors.meeting_cues import Line, row_heading


class TableRows:
    """The table-row half of the head reader; the state is the reader's own."""

    labels: AttendanceLabels
    att: Attendance
    cat: Optional[str]
    cols: Optional[list[str]]
    box: Optional[tuple]
    table_cols: Optional[list[list[str]]]
    last_used: int

    def set_cat(self, c: Optional[str]) -> None:
        raise NotImplementedError

    def close_lists(self, i: int) -> None:
        raise NotImplementedError

    def read_row(self, i: int, ln: Line) -> None:
        cells = [c.strip() for c in (ln.cells or [])]
        if self._header_row(i, ln, cells):
            return
        nonempty = [c for c in cells if c]
        if not nonempty:
            return
        if row_heading(cells) and self.cat is not None:
            self.close_lists(i)
            return
        status = row_status(cells)
        if status and not self.table_cols:
            self._roll_call_row(i, ln, nonempty, status)
            return
        if self.table_cols and is_label_row(nonempty) and not any(self.labels.cue(c)[0] for c in nonempty):
            # a new table's column labels ("Item | Description"): the labelled columns ended
            self.table_cols = self.cols = None
            self.close_lists(i)
            return
        if self.table_cols and len(cells) == len(self.table_cols):
            self._labelled_columns_row(i, ln, cells)
            return
        ccat, rest = self.labels.cue(nonempty[0])
        if ccat:
            self.set_cat(ccat)
            nonempty = ([rest] if rest.strip() else []) + nonempty[1:]
        if self.cat is None or not nonempty or is_label_row(nonempty):
            return  # (a label row is a column header row)
        self._names_row(i, ln, nonempty)

    def _header_row(self, i: int, ln: Line, cells: list[str]) -> bool:
        """A header row of column cues; a cue cell may carry its first names below the cue."""
        firsts = [c.split("\n")[0] for c in cells]
        hc = [self.labels.cell_cats(f) for f in firsts]
        if not (sum(len(h) for h in hc if h) >= 2 and all(h is not None or not c for h, c in zip(hc, cells))):
            return False
        old = self.table_cols
        table_cols = [h or (old[j] if old and j < len(old) else []) for j, h in enumerate(hc)]
        self.table_cols = table_cols
        self.box = ln.block.bbox if ln.block is not None else None
        self.cols = [c for h in table_cols for c in h] or None
        if self.cols and self.cat != self.cols[0]:
            self.set_cat(self.cols[0])
        for j, c in enumerate(cells):
            for sub in c.split("\n")[1:]:
                if sub.strip() and table_cols[j]:
                    self.att.add_entries(sub, table_cols[j][-1], ln)
        self.last_used = i
        return True

    def _roll_call_row(self, i: int, ln: Line, nonempty: list[str], status: str) -> None:
        """A roll-call table: Name | Title | Status (Present / Absent / Late)."""
        names = [c for c in nonempty if looks_like_name(c) and not row_status([c]) and len(c.split()) >= 2]
        if names:
            others = [c for c in nonempty if c != names[0] and not row_status([c]) and not re.search(r"\d", c)]
            self.att.add(names[0], status, ln, default_role=others[0] if others else None)
            self.last_used = i

    def _labelled_columns_row(self, i: int, ln: Line, cells: list[str]) -> None:
        """A row under a header of column cues: each cell's names in its column's category."""
        table_cols = self.table_cols
        for j, c in enumerate(cells):
            if not c:
                continue
            ccat, rest = self.labels.cue(c)
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
                    self.att.add_entries(n, cats_j[min(k, len(cats_j) - 1)], ln)
        self.cols = [c for h in table_cols for c in h]
        self.last_used = i

    def _names_row(self, i: int, ln: Line, nonempty: list[str]) -> None:
        """A row of names in the open section: label | name pairs, name | role, or a grid of names."""
        # label | name pairs in one row: "Chaired by | Keith Moore | Clerked by | Pete Osborne"
        if len(nonempty) >= 3 and any(self.labels.is_label_cell(c) and not self.labels.is_label_cell(nonempty[k + 2]) for k, c in enumerate(nonempty[1:-1])):
            lab = self.cat
            for c in nonempty:
                cc, rest = self.labels.cue(c)
                if cc or re.fullmatch(r"\w+ed\s+by\s*:?", c, re.I):
                    lab = cc or IN_ATTENDANCE
                    c = rest if cc else ""
                if c.strip():
                    self.att.add_entries(c, lab, ln)
        # name | role/organisation; a grid of names is several people, never person and role
        elif len(nonempty) >= 2 and len(split_names(nonempty[0])) == 1 and not all_people(nonempty):
            self.att.add_entries(nonempty[0], self.cat, ln, default_role=nonempty[1])
        else:
            for c in nonempty:
                self.att.add_entries(c, self.cat, ln)
        self.last_used = i
