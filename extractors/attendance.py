"""Attendance of a meeting from the head of its minutes.

Reads "PRESENT:" / "IN ATTENDANCE:" / "Apologies" sections written as comma
lists with titles and honours ("Mr R C Love, OBE"), one name per line, name |
role tables, side-by-side columns (parish minutes: "Present: Also in
attendance: Apologies" with the names of each row run together), and prose
("Apologies were received from ..."). Each person gets a category (present,
in attendance, apologies, chair) and the role or organisation when given.

This module walks the head of the minutes unit by unit; the parts it leans
on have modules of their own: the labels (:mod:`.attendance_labels`, from
the settings' vocabulary), names and roles (:mod:`.attendance_names`), the
record (:mod:`.attendance_record`), table rows (:mod:`.attendance_rows`),
grids (:mod:`.attendance_grid`) and people named without a label
(:mod:`.attendance_unlabelled`), and which of side-by-side columns a name stands in
(:mod:`.attendance_columns`). The names other modules import from here
stay importable from here.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.extractors.attendance_columns import chair_run, column_of
from boardpack.extractors.attendance_grid import grid_attendance, grid_legend, is_date_stack_table
from boardpack.extractors.attendance_labels import (  # noqa: F401  (re-exported for callers)
    APOLOGIES,
    ATTEND_PROSE,
    CHAIR,
    COUNT_TAIL,
    IN_ATTENDANCE,
    LISTS_OVER,
    PRESENT,
    PROSE_APOLOGIES,
    SPLIT_CUES,
    UNABLE,
    AttendanceLabels,
    labels_for,
)
from boardpack.extractors.attendance_names import (  # noqa: F401  (re-exported for callers)
    OFFICER_PREFIX,
    TITLES,
    parse_entry,
    segment_names,
    split_names,
)
from boardpack.extractors.attendance_record import Attendance, Person, rejoin_broken  # noqa: F401  (re-exported)
from boardpack.extractors.attendance_rows import TableRows
from boardpack.extractors.attendance_unlabelled import (
    NAME_RUN,
    label_sentences,
    ROLL_SENTENCE,
    gap_role,
    name_org_units,
    office_list,
    opening_chair,
    roll_call,
    roll_call_like,
    self_introduced,
    signed_officers,
    speakers,
    is_prose,
    join_raw,
    label_after_sentence,
    titled_sentence,
    titled_list,
    titled_run,
)
from boardpack.extractors.meeting_cues import NUM_HEAD, SECTION_HEAD, Line

ITEM_NUM = re.compile(r"^(?:[A-Z]{1,4}\d{1,3}/\d{2,4}\s+(?=\d))?(?:[Mm]inute\s+(?:[Nn]o\.?|[Nn]umber)\s*\d{1,3}\s*[-\u2013:.]?|\d{1,3}(?:\.{1,2}\d{1,2}){0,2}[.:)]?|[A-Z]{1,4}\d{1,3}(?:/\d{2,4})?[.:]?|[A-Z]{1,6}/\d{2,4}/\d{1,4}[.:]?|\(?[a-z]\)|[IVX]{1,4}\.)(?:\s+|(?<=\d\.)(?=[A-Z]{3}))(?=[A-Z])")




def parse_attendance(lines: list[Line], meeting_date: Optional[str] = None,
                     labels: Optional[AttendanceLabels] = None) -> tuple[Attendance, int]:
    """Attendance from the head of the minutes; returns (attendance, index of the first unit after it).

    ``lines`` are paragraph units (see :func:`units`): comma lists are read as
    one text, one-name-per-line lists line by line, and side-by-side columns
    (parish minutes) by the order of names on a line and the block's x position.
    A section ends at the next heading, minute item or prose paragraph that is
    not itself an attendance label; minute items titled with a label
    ("15.09.1 Apologies", "2. Apologies received: ...") open a section again.
    An attendance grid (members against the year's meeting dates) is read in the
    column of ``meeting_date`` (ISO), the codes by the paper's own key. ``labels``:
    the run's attendance labels (:func:`labels_for` its settings; the built-in ones by default).
    """
    return AttendanceHead(lines, meeting_date, labels or labels_for()).read()



class AttendanceHead(TableRows):
    """One pass over the first units of the minutes, in the section (category) the
    last label opened; each unit is a grid, an office list, a heading that ends the
    lists, a table row, or a paragraph of names."""

    def __init__(self, lines: list[Line], meeting_date: Optional[str], labels: AttendanceLabels):
        self.lines, self.meeting_date, self.labels = lines, meeting_date, labels
        self.att = Attendance()
        self.cat: Optional[str] = None
        self.cols: Optional[list[str]] = None  # categories of side-by-side columns
        self.wrap_col: Optional[int] = None  # the column whose comma list wraps onto the next line
        self.box: Optional[tuple] = None  # bbox of the column header (to place single names by x)
        self.table_cols: Optional[list[list[str]]] = None  # categories under each table column
        self.end: Optional[int] = None
        self.last_used = -1
        self.n_items = 0
        self.limit = min(len(lines), 60)
        self.name_org = name_org_units(lines[:self.limit], labels)
        self.carry: Optional[str] = None
        self.grids_seen: set[int] = set()
        self.grid_blocks: set[int] = set()
        self.legend: Optional[dict[str, str]] = None

    def read(self) -> tuple[Attendance, int]:
        for i, ln in enumerate(self.lines[:self.limit]):
            if self._unit(i, ln):
                break
        att = self.att
        end = self.end if self.end is not None else (self.last_used + 1 if att.people else 0)
        signed_officers(att, self.lines[end:])
        opening_chair(att, self.lines[:max(end, 1) + 3])
        if att.people:
            speakers(att, self.lines)  # the whole paper: a long head may hold them too
            self_introduced(att, self.lines)
        return att, end

    def set_cat(self, c: Optional[str]) -> None:
        if c != self.cat:
            self.att.new_section()
        self.cat = c

    def close_lists(self, i: int) -> None:
        """The lists end at unit ``i`` (unless they ended before)."""
        if self.end is None:
            self.end = i
        self.cat = None

    def _unit(self, i: int, ln: Line) -> bool:
        """Read unit ``i``; True when the head has ended."""
        t = ln.text.strip()
        n_before = len(self.att.people)
        if ln.is_row and self.meeting_date and ln.block is not None and ln.block_index not in self.grids_seen:
            self._grid(i, ln)
        if ln.is_row and ln.block_index in self.grid_blocks:
            self.last_used = i
            return False
        if not ln.is_row and self.cat is None and self.end is None and not self.att.people and i < 8 and self._office(i, ln, t):
            return False
        if not ln.is_row:
            label = self._numbered_label(ln, t)
            if label is None:
                return False
            ln, t, numbered = label
            is_head = self._is_head(ln, t, numbered)
            if self._after_the_lists(i, t, is_head):
                return False
            if is_head:
                return self._heading(i, t)
        elif self.end is not None and self.cat is None and not (i <= self.end + 6 and self.labels.label_row(ln.cells or [])):
            return False
        if ln.is_row:
            self.read_row(i, ln)
            return False
        for part in label_sentences(self.labels, t) or [t]:
            sub = ln if part == t else Line(part, part, ln.page, ln.block_index, block=ln.block,
                                             first_of_block=ln.first_of_block, x0=ln.x0)
            self._paragraph(i, sub, part, n_before if part == t else len(self.att.people))
        return False

    # -- units that are not lists of names -----------------------------------

    def _grid(self, i: int, ln: Line) -> None:
        """An attendance grid (members against the year's meeting dates), read in the meeting's column."""
        self.grids_seen.add(ln.block_index)
        if self.legend is None:
            self.legend = grid_legend([x.text for x in self.lines[:self.limit]])
        prev_tables = [x.block for x in self.lines[:i] if x.is_row and x.block is not None
                       and ln.block_index - 3 <= x.block_index < ln.block_index and is_date_stack_table(x.block)]
        found = grid_attendance(ln.block, self.meeting_date, self.legend, prev_tables[-1] if prev_tables else None)
        for name, gcat, role in found:
            self.att.add(name, gcat, ln, default_role=role)
        if found:
            self.grid_blocks.add(ln.block_index)
            self.last_used = i

    def _office(self, i: int, ln: Line, t: str) -> bool:
        """A list of offices and their holders at the very top; True when the unit was one."""
        office = office_list(ln.raw or t)
        if not office:
            return False
        for name, role, ocat in office:
            self.att.add(name, ocat, ln, default_role=role, by_office=True)  # the offices decided the category
        self.last_used = i
        return True

    def _numbered_label(self, ln: Line, t: str) -> Optional[tuple[Line, str, bool]]:
        """A numbered item or list item titled with a label ("15.09.1 Apologies", "1. Members
        present: ...") opens its section: (unit, text, numbered) with the label taken off,
        None when the label is all there is."""
        mi = ITEM_NUM.match(t)
        if not mi:
            return ln, t, False
        # "59. To receive apologies for absence": the agenda's wording kept as the minute's title
        ccat, rest = self.labels.cue(re.sub(r"^to\s+(?:receive|note|accept|record)\s+(?:any\s+)?", "", t[mi.end():], flags=re.I))
        if not ccat:
            return ln, t, True
        self.set_cat(ccat)
        self.cols = self.table_cols = None
        t = re.sub(r"^(?:councillors|cllrs)\s+(?=[A-Z])", "", rest.strip(), flags=re.I)  # "Apologies – Councillors S Doe, ..."
        if not t:
            return None
        return Line(t, t, ln.page, ln.block_index, block=ln.block, first_of_block=ln.first_of_block, x0=ln.x0), t, False

    def _is_head(self, ln: Line, t: str, numbered: bool) -> bool:
        """A unit that ends the lists: a heading, a minute item, a prose paragraph after them."""
        att, heading_block = self.att, ln.block is not None and ln.block.kind == "heading"
        if numbered and NUM_HEAD.match(t) or SECTION_HEAD.match(t) or re.fullmatch(r"actions?", t, re.I):
            return True
        if numbered and heading_block or att.people and LISTS_OVER.search(t):
            return True
        if heading_block and not self.labels.cue(t)[0] and not self.labels.header_cats(t) and att.people and not roll_call_like(t):
            return True
        if re.fullmatch(r"[A-Z][A-Z0-9&',/()\- ]{3,60}:?", t) and not self.labels.cue(t)[0] and att.people:
            return True  # "APPROVAL OF MINUTES:", "REPORTS": a heading written as a paragraph
        if att.people and self.cat is not None and is_prose(t) and not self.labels.cue(t)[0] and not roll_call_like(t) \
                and not titled_sentence(t) \
                and not PROSE_APOLOGIES.search(t) and not UNABLE.match(t) and not any(not is_prose(r) and re.match(rf"^(?:{TITLES}|Cllrs?|Councillors?)\s", r.strip()) for r in (ln.raw or "").split("\n")):
            return True  # a prose paragraph after the lists ends them
        # a sentence under a table of labelled columns: the columns' labels end with the table
        # (a sentence, not names: "Mrs A Prescott" ends in lower-case letters too)
        return bool(self.table_cols is not None and att.people and not self.labels.cue(t)[0] and not self.labels.header_cats(t)
                    and not PROSE_APOLOGIES.search(t) and (re.search(r"[a-z]{3,}[.!?]\s*$", t) or is_prose(t)))

    def _after_the_lists(self, i: int, t: str, is_head: bool) -> bool:
        """After the lists ended only a label soon after them opens a section again
        ("In Attendance:" after a note); True when the unit is passed over."""
        if self.end is None or self.cat is not None or is_head:
            return False
        label = i <= self.end + 6 and (
            self.labels.cue(t)[0] and not is_prose(self.labels.cue(t)[1]) and not re.match(r"^(?:\w+\s+)?clerk\b", t, re.I) or self.labels.header_cats(t))
        return not label

    def _heading(self, i: int, t: str) -> bool:
        """A heading: it ends the lists; True when the head is over (past the fourth minute item)."""
        if NUM_HEAD.match(t):
            self.n_items += 1
        if self.cat is not None or i > 12:
            self.close_lists(i)
            self.cols = self.table_cols = None
        return self.n_items > 4 or (self.end is not None and i > self.end + 25)


    # -- paragraphs ------------------------------------------------------------

    def _paragraph(self, i: int, ln: Line, t: str, n_before: int) -> None:
        hdr = self.labels.header_cats(t)
        if hdr:
            self.cols, self.table_cols, self.wrap_col = hdr, None, None
            self.set_cat(hdr[0])
            self.box = ln.block.bbox if ln.block is not None else None
            return
        ccat, rest = self.labels.cue(t)
        if not ccat and self.cat is None and not self.att.people:
            ln, t = label_after_sentence(self.labels, self.att, ln, t)
            ccat, rest = self.labels.cue(t)
        if roll_call(t, self.att, ln):
            self.last_used = i
            if self.cat is None and not ccat:
                return
        if ccat:
            self.set_cat(ccat)
            self.cols = None
            t = " ".join(x for x in re.split(r"(?<=[a-z]\.)\s+", rest.strip())
                         if not (ROLL_SENTENCE.match(x) and NAME_RUN.fullmatch(ROLL_SENTENCE.match(x).group("names").strip(" ,"))))
            if not t:
                self.last_used = i
                return
        if self.cat is None and not self.att.people and (titled_run(self.lines, i) or titled_list(t)):
            self.set_cat(PRESENT)
        if self.cat is None:
            return
        t = gap_role(ln.raw, t)
        pm = PROSE_APOLOGIES.search(t) or UNABLE.match(t) or ccat == APOLOGIES and PROSE_APOLOGIES.search(ln.text.strip())
        if pm:
            self._apologies_sentence(i, ln, t, pm)
            return
        raw_lines = self._raw_lines(ln, t, ccat, rest)
        if self._inline_cues(i, ln, t):
            return
        t = titled_sentence(t) or t
        if is_prose(t) and not self.cols:
            # a sentence between the lists; read line by line only what is a list
            kept = [r for r in raw_lines if not is_prose(r) and not re.search(r"[.!?]$", r.strip()) or re.match(rf"^(?:{TITLES}|Cllrs?)\s", r.strip()) and not is_prose(r)]
            titled = len(kept) >= 2 and all(re.match(rf"^(?:{TITLES}|Cllrs?)\s", r.strip()) for r in kept)
            if not kept or len(kept) == len(raw_lines) and not titled:
                return  # one title-led name a line ("M. A Gagné, conseiller municipal") is still a list
            raw_lines = kept
            t = join_raw(kept, self.labels)
        if self.cols:
            self._side_by_side(i, ln, raw_lines)
            return
        self._list(i, ln, t, raw_lines, ccat)
        if len(self.att.people) > n_before or ccat:
            self.last_used = i

    def _apologies_sentence(self, i: int, ln: Line, t: str, pm: re.Match) -> None:
        self.att.add_entries(pm.group("names"), APOLOGIES, ln)
        self.last_used = i
        if re.search(r"[a-z\u2019']{2}\.\s*$", t):
            # "Apologies for absence were received from A and B.": the sentence names them all;
            # the line after it ("Open Forum for Public Participation") is the next item
            self.close_lists(i + 1)

    def _raw_lines(self, ln: Line, t: str, ccat: Optional[str], rest: str) -> list[str]:
        """The paragraph's lines as printed, its label taken off."""
        raw_lines = [r for r in ln.raw.split("\n") if r.strip()] if ln.raw else [t]
        if ccat and " ".join(rest.split()) != " ".join(t.split()):
            return [t]  # roll-call sentences were taken out of the list
        if ccat:
            raw_lines[0] = self.labels.cue(raw_lines[0].strip())[1] or ""
            raw_lines = [r for r in raw_lines if r.strip()]
        return raw_lines

    def _inline_cues(self, i: int, ln: Line, t: str) -> bool:
        """A label inside the paragraph: "Present: A, B. Absent C." / "... Apologies: D"."""
        parts = self.labels.split_inline(t, self.cat)
        if len(parts) <= 1:
            return False
        for pc, pt in parts:
            pt = COUNT_TAIL.sub("", pt)
            if pc:
                self.set_cat(pc)
            if pt.strip() and not is_prose(pt):
                self.att.add_entries(pt, self.cat, ln)
        self.last_used = i
        return True

    def _side_by_side(self, i: int, ln: Line, raw_lines: list[str]) -> None:
        """Names under side-by-side column labels: by their order on a line, a single name by its x
        position; a comma list wrapped onto the next line stays in its column ("... public present,
        Chris Rothero," / "Adam Brumby, David Blunt"); names printed above the chair, who heads the
        members present, stand in the other column."""
        cols = self.cols
        lines = [[n for seg in r.split(",") for n in segment_names(seg.strip()) if n.strip()] for r in raw_lines]
        above_chair = chair_run(lines, len(cols))
        for k, (r, names) in enumerate(zip(raw_lines, lines)):
            if not names:
                continue
            start = 0
            if self.wrap_col is not None:
                start = self.wrap_col
                names = [", ".join(names)]
            elif k < above_chair:
                start = 1
            elif len(names) < len(cols):
                c0 = column_of(ln.x0, self.box, len(cols))
                start = c0 or 0
                if len(names) + start > len(cols):
                    start = len(cols) - len(names)
            for j, n in enumerate(names):
                self.att.add_entries(n, cols[min(start + j, len(cols) - 1)], ln)
            self.wrap_col = min(start + len(names) - 1, len(cols) - 1) if r.rstrip().endswith(",") else None
        self.last_used = i

    def _list(self, i: int, ln: Line, t: str, raw_lines: list[str], ccat: Optional[str]) -> None:
        """A list of names in the open section (a list wrapped into the next paragraph is carried to it)."""
        if self.carry:
            t, raw_lines, self.carry = self.carry + " " + t, [self.carry + " " + t], None
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if re.search(r"(?:,|\band|&)\s*$", t) and nxt is not None and not nxt.is_row and not self.labels.cue(nxt.text.strip())[0] \
                and not ITEM_NUM.match(nxt.text.strip()) and not (nxt.block is not None and nxt.block.kind == "heading") \
                and re.match(r"^[A-Z]", nxt.text.strip()) and not is_prose(nxt.text):
            self.carry = t  # "Councillors A, B and" / "C, D, Clerk E": a list wrapped into the next paragraph
            self.last_used = i
            return
        if i in self.name_org and not ccat:
            name, org = self.name_org[i]
            org = "; ".join(x.strip() for x in re.split(r"[()\[\]]", org) if x.strip())
            self.att.add(f"{name} ({org})", self.cat, ln)
        elif "," in t or " and " in t or len(raw_lines) == 1:
            self.att.add_entries(join_raw(raw_lines, self.labels) if len(raw_lines) > 1 else t, self.cat, ln)
        else:
            for r in rejoin_broken(raw_lines):
                self.att.add_entries(r, self.cat, ln)

