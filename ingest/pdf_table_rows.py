"""Rows and cells of a text-aligned PDF table, once its columns are known.

Each line's words go to the columns they sit in; then lines become rows: a
line set close under a row continues its cells (wrapped text), or, in a
table whose rows are numbered, every line down to the next number belongs to
the numbered row (:func:`keyed_rows`). :func:`table_in_columns` lays one
page's part of a table out in the columns found over the whole table.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from boardpack.core.model import Block, Cell, Row
from boardpack.ingest.pdf_cells import Fill, fill_for, is_bold_font, table_block, words_text
from boardpack.ingest.pdf_lines import NUMERIC_WORD, TLine, seg_column, word_column


def slot_words(ln: TLine, cols: list) -> list[list[dict]]:
    """A line's words by column; a segment across a gutter is split word by word."""
    slots: list[list[dict]] = [[] for _ in range(len(cols))]
    for sg in ln.segs:
        k = seg_column(sg, cols)
        if cols[k][0] - 1 <= sg.x0 and sg.x1 <= cols[k][1] + 1:
            slots[k].extend(sg.words)
        else:  # a segment across a gutter: its words go to their own columns
            for w in sg.words:
                slots[word_column(w, cols)].append(w)
    return slots


_JOINING_END = re.compile(r"(?:\b(?:and|or|of|to|for|the|in|on|by|with|from|plus|less|net)|[,&/(\-–])\s*$", re.I)


def _new_row_label(prev: list[list[dict]], slots: list[list[dict]], filled: list[int]) -> bool:
    """A capitalised line in the first column alone, under a row whose label is
    complete and whose figures are printed ("Cash and cash equivalents | 1,450,852"
    then "Receivables, net of allowance"), starts the next row (a group label
    over its items), not a wrapped line of that label."""
    if filled != [0] or not prev[0]:
        return False
    first = slots[0][0]["text"] if slots[0] else ""
    if not first[:1].isupper():
        return False
    if not any(prev[c] and all(NUMERIC_WORD.match(w["text"].lstrip(",")) or w["text"] in ("$", "£", "€") for w in prev[c])
               for c in range(1, len(prev))):
        return False
    label = " ".join(w["text"] for w in prev[0])
    return not _JOINING_END.search(label)


@dataclass
class TableLayout:
    """The geometry of a whole table, found over all its pages: column
    intervals, font size, left and right edges, the column numbering its
    rows (if any), and the ids of lines that run across the columns (group
    headings inside the table)."""

    cols: list[list[float]]
    size: float
    extent: tuple[float, float]
    key: Optional[int] = None
    labels: frozenset = frozenset()
    #: the column of lettered items that are rows of their own (with ``key``)
    sub: Optional[int] = None
    #: ids of lines repeating the header at the top of a later page
    repeats: frozenset = frozenset()


def table_in_columns(lines: list[TLine], layout: TableLayout, page_no: int, fills: Sequence[Fill]) -> Block:
    """The lines of one page's part of a table laid out in the ``layout`` of
    the whole table: every part of a table continued over pages has the same
    columns, however few lines, or however many empty cells, a page holds. A
    group heading across the table is a row of one cell spanning them all."""
    grid: list = []
    spans: list = []
    chunk: list[TLine] = []

    def flush():
        if chunk:
            per_line = [slot_words(ln, layout.cols) for ln in chunk]
            g, sp = (keyed_rows(chunk, per_line, layout.key, layout.sub) if layout.key is not None
                     else join_wrapped_lines(chunk, per_line, layout.size, True, anchor=True))
            grid.extend(g)
            spans.extend(sp)
            chunk.clear()

    for k, ln in enumerate(lines):
        if id(ln) in layout.labels:
            flush()
            grid.append(list(ln.words))  # one spanning cell: a flat list of words
            spans.append([ln.top, ln.bottom])
            continue
        if k and (id(ln) in layout.repeats) != (id(lines[k - 1]) in layout.repeats):
            flush()  # a repeated header is a row of its own
        chunk.append(ln)
    flush()
    return table_of(grid, spans, layout, page_no, fills)


def table_of(grid, spans, layout: TableLayout, page_no: int, fills: Sequence[Fill]) -> Block:
    cols = layout.cols
    ncols = len(cols)
    x0, x1 = layout.extent
    bounds = [x0] + [(cols[c][1] + cols[c + 1][0]) / 2 for c in range(ncols - 1)] + [x1]
    rows = []
    all_words = []
    for slots, (t, b) in zip(grid, spans):
        label = bool(slots) and isinstance(slots[0], dict)  # a row across the table
        cells = []
        for c, ws in enumerate([slots] if label else slots):
            right = bounds[-1] if label else bounds[c + 1]
            cells.append(Cell(text=words_text(ws), fill=fill_for((bounds[c], t, right, b), fills) if fills else None,
                              colspan=ncols if label else 1,
                              bold=bool(ws) and all(is_bold_font(w.get("fontname", "")) for w in ws)))
            all_words.extend(ws)
        rows.append(Row(cells=cells, page=page_no, bbox=(x0, t, x1, b)))
    block = table_block(rows, page_no, (x0, spans[0][0], x1, spans[-1][1]), all_words, style="text-aligned")
    # the column edges as a reader sees them: where each column's text starts
    block.columns = [round(x, 2) for x in [x0] + [a for a, _ in cols[1:]] + [x1]]
    return block


#: The first word of a cell that numbers a row: "1.2", "3.", "12" (not "1.2a",
#: a lettered sub-item inside a row, nor "21," or a year).
ROW_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?$")


def key_column(per_line: list[list[list[dict]]]) -> Optional[int]:
    """The column whose cells number the rows, when there is one: the column
    where most lines open with a row number (two at least; the leftmost on a
    tie). A group label left of it ("1. PROTECT THE VULNERABLE" over actions
    1.1, 1.2 ...) numbers fewer lines; lettered milestones (1.1a, 1.1b) are
    items inside a row, not rows."""
    numbers: dict[int, list[str]] = {}
    for slots in per_line:
        for c, ws in enumerate(slots):
            if ws and ROW_NUMBER.match(ws[0]["text"]):
                numbers.setdefault(c, []).append(ws[0]["text"])
    # row numbers go up down the table (1.1, 1.2 ... 1.10, 2.1); a column of
    # amounts ("5700", "98.4", "225") does not
    counts = Counter({c: len(ns) for c, ns in numbers.items() if _ascending(ns)})
    if not counts:
        return None
    best = max(counts.values())
    return min(c for c, n in counts.items() if n == best) if best >= 2 else None


def _ascending(numbers: list[str]) -> bool:
    keys = [tuple(int(p) for p in re.findall(r"\d+", n)) for n in numbers]
    return sum(1 for a, b in zip(keys, keys[1:]) if b > a) >= 0.8 * (len(keys) - 1)


#: A lettered item inside a numbered row: "1.1a", "(2.3b)".
SUB_ITEM = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})+[a-z][.)]?$")


def _opens(ws: list[dict], pattern: re.Pattern) -> bool:
    return bool(ws) and bool(pattern.match(ws[0]["text"]))


def sub_row_column(per_line: list[list[list[dict]]], key: int) -> Optional[int]:
    """The column whose lettered items (1.1a, 1.1b ...) are rows of their own,
    if one is: a reader sees a new row where such an item begins on the same
    line as another column's cell, in a column left empty on the line above
    (cells of one row start level: "1.1b ..." beside its own progress). Items
    listed down one cell with nothing beside them stay in their row."""
    for c in range(len(per_line[0]) if per_line else 0):
        if c == key:
            continue
        for k in range(1, len(per_line)):
            here, above = per_line[k], per_line[k - 1]
            if _opens(here[c], SUB_ITEM) and not here[key] and any(
                    d not in (c, key) and here[d] and not above[d] for d in range(len(here))):
                return c
    return None


def row_columns(lines: list[TLine], cols: list[list[float]]) -> tuple[Optional[int], Optional[int]]:
    """The column numbering the rows of ``lines`` laid out in ``cols``
    (:func:`key_column`) and the column of lettered items that are rows too
    (:func:`sub_row_column`)."""
    key, sub, _ = row_layout(lines, cols)
    return key, sub


def row_layout(lines: list[TLine], cols: list[list[float]]) -> tuple[Optional[int], Optional[int], bool]:
    """:func:`row_columns`, and whether the numbered lines carry :func:`margin_notes`,
    from one placing of the lines' words in the columns."""
    per_line = [slot_words(ln, cols) for ln in lines]
    key = key_column(per_line)
    if key is None:
        return None, None, False
    return key, sub_row_column(per_line, key), margin_notes(per_line, key)


#: A mark in a margin: a person's initials ("AM", "JC") or "All", as a clerk
#: writes beside a sentence of the minutes to say who acts on it.
MARGIN_MARK = re.compile(r"^\(?(?:[A-Z]{1,4}|All|ALL)\)?[,.;/]?$")


def margin_notes(per_line: list[list[list[dict]]], key: int) -> bool:
    """Whether a numbered passage carries margin notes rather than cells.

    A typesetter starts every cell of a table row on the row's first line.
    A column that holds only short marks (initials), most of them level
    with some later line of a numbered item rather than with its number,
    annotates lines: each mark stands beside the sentence it belongs to, so
    the item's lines must not be pooled into one row (a heading printed at
    the top of that column, "Action", is not a mark)."""
    for c in range(len(per_line[0]) if per_line else 0):
        if c == key:
            continue
        def is_mark(i: int) -> bool:
            return len(per_line[i][c]) <= 3 and all(MARGIN_MARK.match(w["text"]) for w in per_line[i][c])

        marks = [i for i, slots in enumerate(per_line) if slots[c]]
        if marks and marks[0] == 0 and not is_mark(0):
            marks = marks[1:]  # the column's own heading at its top
        if len(marks) < 2 or not all(is_mark(i) for i in marks):
            continue
        late = sum(1 for i in marks if not _opens(per_line[i][key], ROW_NUMBER))
        if late >= max(2, 0.6 * len(marks)):
            return True
    return False


def keyed_rows(lines: list[TLine], per_line: list[list[list[dict]]], key: int, sub: Optional[int] = None):
    """Rows of a table whose ``key`` column numbers them: each numbered line
    (and, with ``sub``, each line opening a lettered item in that column with
    the ``key`` column empty) starts a row and every line down to the next one belongs to it; the lines
    above the first (a header, or the rest of a row split by a page break)
    are one row."""
    grid: list[list[list[dict]]] = []
    spans: list[list[float]] = []
    for ln, slots in zip(lines, per_line):
        # a lettered item starts a row of its own only below the numbered cell's
        # last line: beside a wrapped line of that cell it is still in its row
        starts = _opens(slots[key], ROW_NUMBER) or (sub is not None and not slots[key] and _opens(slots[sub], SUB_ITEM))
        if grid and not starts:
            for c, ws in enumerate(slots):
                grid[-1][c].extend(ws)
            spans[-1][1] = ln.bottom
        else:
            grid.append([list(ws) for ws in slots])
            spans.append([ln.top, ln.bottom])
    return grid, spans


def join_wrapped_lines(lines: list[TLine], per_line: list[list[list[dict]]], size: float,
                        join_wraps: bool, anchor: bool = False) -> tuple[list[list[list[dict]]], list[list[float]]]:
    """Rows of the table and their vertical spans: wrapped cell text (a line close under
    the previous one, when the table also has looser gaps between rows: uniformly
    tight rows cannot be told apart) joins the row above.

    With ``anchor`` (a table known to be one, its columns found over all its
    pages) rows are told apart as a reader does: by the column that numbers
    them (:func:`key_column`), else by the first column when it is filled on
    only some lines (a label at the top of each row): a line with nothing
    there continues the row above, however many cells wrap."""
    ncols = len(per_line[0]) if per_line else 0
    key = key_column(per_line) if anchor else None
    if key is not None:
        return keyed_rows(lines, per_line, key)
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    tight = 0.45 * size
    bimodal = join_wraps and any(g > 0.8 * size for g in gaps) and any(g < tight for g in gaps)
    keyed = anchor and ncols > 1 and sum(1 for sl in per_line if sl[0]) <= 0.6 * len(per_line)
    grid: list[list[list[dict]]] = []
    spans: list[list[float]] = []
    for k, (ln, slots) in enumerate(zip(lines, per_line)):
        wrapped = False
        close = grid and (not bimodal or gaps[k - 1] < tight)
        if close and keyed and not slots[0] and gaps[k - 1] < 0.8 * size:
            wrapped = True
        elif grid and bimodal and gaps[k - 1] < tight:
            prev = grid[-1]
            # a wrap continues some (not all) of the cells the row above has text in
            filled = [c for c in range(ncols) if slots[c]]
            wrapped = (all(prev[c] for c in filled) and len(filled) < sum(1 for c in prev if c)
                       # a cell of figures is a value of its own row, never a wrapped line
                       and not any(all(NUMERIC_WORD.match(w["text"]) for w in slots[c]) for c in filled)
                       and not _new_row_label(prev, slots, filled))
        if wrapped:
            for c in range(ncols):
                grid[-1][c].extend(slots[c])
            spans[-1][1] = ln.bottom
        else:
            grid.append(slots)
            spans.append([ln.top, ln.bottom])
    return grid, spans
