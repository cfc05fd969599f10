"""Tables without ruling lines, found from text alignment.

Council papers set many tables without borders: members lists, agendas with
a page column, spreadsheet exports of budgets. A run of lines whose words
fall into the same columns (separated by gutters no line crosses) becomes a
TABLE block. The finder is conservative so prose never becomes a table:
it needs three or more multi-column lines, stops at a line of running prose,
and leaves numbers hanging left of prose ("1.3.1   The Clerk ...") to the
list-item logic.

Works on the words the PDF reader has already extracted (no re-extraction).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from boardpack.core.model import Block, Cell, Row
from boardpack.ingest.pdf_tables import Fill, fill_for, is_bold_font, table_block, words_text



@dataclass
class Seg:
    """A run of words on one line, separated from the next run by a wide gap."""

    words: list[dict]

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class TLine:
    """One visual line of a page (outside ruled tables)."""

    words: list[dict]
    segs: list[Seg] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)


NUMBERING = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|\(?[a-z]\))$", re.I)
_NUMERIC_WORD = re.compile(r"^[-+(£$€]*\d[\d,.]*%?\)?$|^[-\u2013]$")


def split_segments(words: list[dict], size: float) -> list[Seg]:
    """Split a line's words where the gap is wide enough to be a column gutter.

    Prose word gaps stay under about half the font size even when justified;
    numbers in a spreadsheet export sit closer to each other than label
    columns do, so a smaller gap splits next to a number.
    """
    wide = max(1.6 * size, 12.0)
    near_number = max(0.75 * size, 6.0)
    both_numbers = max(0.45 * size, 3.5)
    segs = [Seg([words[0]])]
    for w in words[1:]:
        prev = segs[-1].words[-1]
        gap = w["x0"] - prev["x1"]
        a, b = _NUMERIC_WORD.match(prev["text"]), _NUMERIC_WORD.match(w["text"])
        # two figures side by side ("621.6 +35.4 +6.0%") are two cells even at a
        # little more than a word space
        if gap > wide or ((a or b) and gap > near_number) or (a and b and gap > both_numbers):
            segs.append(Seg([w]))
        else:
            segs[-1].words.append(w)
    return segs


def _columns(lines: list[TLine], tol: float = 1.0, allow: int = 0) -> list[list[float]]:
    """Column intervals of a run of lines: the x ranges its segments cover,
    separated by gutters that at most ``allow`` lines cross (a header cell
    spanning two columns, "Forecast Variance Variance", must not close the
    gutters every other line keeps open)."""
    events = []
    for ln in lines:
        for sg in ln.segs:
            events.append((sg.x0, 1))
            events.append((sg.x1, -1))
    events.sort()
    cols: list[list[float]] = []
    depth = 0
    start = None
    for x, d in events:
        before = depth
        depth += d
        if before <= allow < depth:
            start = x
        elif depth <= allow < before and start is not None:
            if cols and start <= cols[-1][1] + tol:
                cols[-1][1] = max(cols[-1][1], x)
            else:
                cols.append([start, x])
            start = None
    return cols


def _col_of(seg: Seg, cols: list[list[float]]) -> int:
    c = (seg.x0 + seg.x1) / 2
    for k, (a, b) in enumerate(cols):
        if a - 1 <= c <= b + 1:
            return k
    return min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - c))


def find_text_tables(lines: list[TLine], size: float, page_no: int, fills: Sequence[Fill],
                     join_wraps: bool = True, row_gap: float = 2.5) -> list[tuple[int, int, Block]]:
    """Tables without ruling lines. Returns (first line index, last line index, block).

    A candidate is a run of lines, starting at a line with two or more
    segments (words separated by a gutter-wide gap), in which every line is
    either multi-segment or a single narrow segment (a wrapped cell, a group
    label), with no paragraph-sized vertical gap. Its columns are the x ranges
    separated by gutters no line crosses. Conservative on purpose: at least
    three multi-segment lines, at least two columns each used by two or more
    lines, and a line of running prose (one segment spanning the columns)
    ends the run, so prose with the odd wide gap never becomes a table.
    ``join_wraps`` joins a line set close under a row into that row's cells;
    ``row_gap`` (in font sizes) is the vertical gap that ends a table.
    """
    out = []
    n = len(lines)
    i = 0
    while i < n:
        if len(lines[i].segs) < 2:
            i += 1
            continue
        lo, hi = lines[i].x0, lines[i].x1
        j = i + 1
        while j < n:
            ln = lines[j]
            if ln.top - lines[j - 1].bottom > row_gap * size:
                break
            if len(ln.segs) < 2:
                # a single segment across a gutter of the run so far is prose, not a cell
                cols = _columns([x for x in lines[i:j] if len(x.segs) >= 2])
                crossed = sum(1 for a, b in cols if min(b, ln.x1) - max(a, ln.x0) > 2)
                if crossed >= 2 or ln.x1 > hi + 2 * size or ln.x0 < lo - 2 * size:
                    break
            lo, hi = min(lo, ln.x0), max(hi, ln.x1)
            j += 1
        # Trailing one-segment lines are notes or the next paragraph, except a
        # line that sits inside a later column: the last entry of one column
        # of a list that runs longer than the others ("Also in attendance"
        # with one name more than "Present"), with the other cells empty.
        keep = j
        while keep - 1 > i and len(lines[keep - 1].segs) < 2:
            keep -= 1
        if keep < j:
            cols = _columns([x for x in lines[i:keep] if len(x.segs) >= 2])
            k = keep
            while k < j and len(cols) >= 2 and _inside_later_column(lines[k], cols, size):
                k += 1
            keep = k
        j = keep
        run = lines[i:j]
        block = None
        if sum(1 for ln in run if len(ln.segs) >= 2) >= 3:
            block = _text_table(run, size, page_no, fills, join_wraps)
        if block is not None:
            out.append((i, j - 1, block))
            i = j
        else:
            i += 1
    return out


def _inside_later_column(ln: TLine, cols: list[list[float]], size: float) -> bool:
    """One segment lying within a column other than the first (no gutter crossed)."""
    if len(ln.segs) != 1:
        return False
    sg = ln.segs[0]
    return any(a - size <= sg.x0 and sg.x1 <= b + size for a, b in cols[1:])


def _word_col(w: dict, cols: list[list[float]]) -> int:
    c = (w["x0"] + w["x1"]) / 2
    for k, (a, b) in enumerate(cols):
        if a - 1 <= c <= b + 1:
            return k
    # in a gutter (a spanning header word): the column whose edge is nearest
    return min(range(len(cols)), key=lambda k: min(abs(cols[k][0] - c), abs(cols[k][1] - c)))


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
    if not any(prev[c] and all(_NUMERIC_WORD.match(w["text"].lstrip(",")) or w["text"] in ("$", "£", "€") for w in prev[c])
               for c in range(1, len(prev))):
        return False
    label = " ".join(w["text"] for w in prev[0])
    return not _JOINING_END.search(label)


def _text_table(lines: list[TLine], size: float, page_no: int, fills: Sequence[Fill],
                join_wraps: bool = True) -> Optional[Block]:
    cols = _fold_stray_columns(lines, _columns(lines, allow=0 if len(lines) < 5 else max(1, len(lines) // 10)), size)
    ncols = len(cols)
    if ncols < 2:
        return None
    if ncols == 2:
        # numbers hanging left of prose ("1.3.1   An annual meeting ...") are a
        # numbered list, not a two-column table
        firsts = [s.text for ln in lines for s in ln.segs if _col_of(s, cols) == 0]
        if firsts and all(NUMBERING.match(t) for t in firsts):
            return None
    per_line = [_slot_words(ln, cols) for ln in lines]
    if sum(1 for sl in per_line if sum(1 for c in sl if c) >= 2) < 3:
        return None
    grid, spans = _join_wrapped_lines(lines, per_line, size, join_wraps)
    if len(grid) < 2:
        return None
    return _table_of(lines, cols, grid, spans, page_no, fills)


def table_in_columns(lines: list[TLine], cols: list[list[float]], size: float, page_no: int,
                     fills: Sequence[Fill], extent: tuple[float, float], key: Optional[int] = None,
                     labels: frozenset = frozenset()) -> Block:
    """The lines of one page's part of a table whose columns (and left and
    right edges, ``extent``), and the column numbering its rows (``key``),
    were found over the whole table: every part of a table continued over
    pages has the same columns, however few lines, or however many empty
    cells, a page holds. Lines whose ids are in ``labels`` run across the
    columns (a group heading inside the table, "Priority 2: ..."): each is a
    row of one cell spanning them all."""
    grid: list = []
    spans: list = []
    chunk: list[TLine] = []

    def flush():
        if chunk:
            per_line = [_slot_words(ln, cols) for ln in chunk]
            g, sp = (_keyed_rows(chunk, per_line, key) if key is not None
                     else _join_wrapped_lines(chunk, per_line, size, True, anchor=True))
            grid.extend(g)
            spans.extend(sp)
            chunk.clear()

    for ln in lines:
        if id(ln) in labels:
            flush()
            grid.append(list(ln.words))  # one spanning cell: a flat list of words
            spans.append([ln.top, ln.bottom])
        else:
            chunk.append(ln)
    flush()
    return _table_of(lines, cols, grid, spans, page_no, fills, extent)


def _table_of(lines: list[TLine], cols: list[list[float]], grid, spans, page_no: int, fills: Sequence[Fill],
              extent: Optional[tuple[float, float]] = None) -> Block:
    ncols = len(cols)
    x0, x1 = extent or (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    bounds = [x0] + [(cols[c][1] + cols[c + 1][0]) / 2 for c in range(ncols - 1)] + [x1]
    rows = []
    all_words = []
    for slots, (t, b) in zip(grid, spans):
        if slots and isinstance(slots[0], dict):  # a label row across the table
            slots = [slots]
        cells = []
        for c, ws in enumerate(slots):
            right = bounds[-1] if len(slots) == 1 < ncols else bounds[c + 1]
            cells.append(Cell(text=words_text(ws), fill=fill_for((bounds[c], t, right, b), fills) if fills else None,
                              colspan=ncols if len(slots) == 1 < ncols else 1,
                              bold=bool(ws) and all(is_bold_font(w.get("fontname", "")) for w in ws)))
            all_words.extend(ws)
        rows.append(Row(cells=cells, page=page_no, bbox=(x0, t, x1, b)))
    block = table_block(rows, page_no, (x0, spans[0][0], x1, spans[-1][1]), all_words, style="text-aligned")
    block.columns = [round(x, 2) for x in bounds]
    return block


def _fold_stray_columns(lines: list[TLine], cols: list, size: float) -> list:
    """A column only one line uses, close to its neighbour, is a stray overhang:
    fold it in. One standing apart is real ("1 - 24" under PAGES on the one
    agenda item with papers; "Members:" left of a names column)."""
    while len(cols) >= 2:
        use = [0] * len(cols)
        for ln in lines:
            for k in {_col_of(s, cols) for s in ln.segs}:
                use[k] += 1
        weak = [k for k, u in enumerate(use) if u < 2 and k > 0 and cols[k][0] - cols[k - 1][1] < 2 * size]
        if not weak:
            break
        k = weak[0]
        m = k - 1 if k > 0 else k + 1
        a, b = sorted((k, m))
        cols[a] = [min(cols[a][0], cols[b][0]), max(cols[a][1], cols[b][1])]
        del cols[b]
    return cols


def _slot_words(ln: TLine, cols: list) -> list[list[dict]]:
    """A line's words by column; a segment across a gutter is split word by word."""
    slots: list[list[dict]] = [[] for _ in range(len(cols))]
    for sg in ln.segs:
        k = _col_of(sg, cols)
        if cols[k][0] - 1 <= sg.x0 and sg.x1 <= cols[k][1] + 1:
            slots[k].extend(sg.words)
        else:  # a segment across a gutter: its words go to their own columns
            for w in sg.words:
                slots[_word_col(w, cols)].append(w)
    return slots


#: The first word of a cell that numbers a row: "1.2", "3.", "12" (not "1.2a",
#: a lettered sub-item inside a row, nor "21," or a year).
ROW_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?$")


def key_column(per_line: list[list[list[dict]]]) -> Optional[int]:
    """The column whose cells number the rows, when there is one: the column
    where most lines open with a row number (two at least; the leftmost on a
    tie). A group label left of it ("1. PROTECT THE VULNERABLE" over actions
    1.1, 1.2 ...) numbers fewer lines; lettered milestones (1.1a, 1.1b) are
    items inside a row, not rows."""
    counts: Counter = Counter()
    for slots in per_line:
        for c, ws in enumerate(slots):
            if ws and ROW_NUMBER.match(ws[0]["text"]):
                counts[c] += 1
    if not counts:
        return None
    best = max(counts.values())
    return min(c for c, n in counts.items() if n == best) if best >= 2 else None


def rows_key(lines: list[TLine], cols: list[list[float]]) -> Optional[int]:
    """:func:`key_column` of ``lines`` laid out in ``cols``."""
    return key_column([_slot_words(ln, cols) for ln in lines])


def _keyed_rows(lines: list[TLine], per_line: list[list[list[dict]]], key: int):
    """Rows of a table whose ``key`` column numbers them: each numbered line
    starts a row and every line down to the next one belongs to it; the lines
    above the first (a header, or the rest of a row split by a page break)
    are one row."""
    grid: list[list[list[dict]]] = []
    spans: list[list[float]] = []
    for ln, slots in zip(lines, per_line):
        starts = bool(slots[key]) and bool(ROW_NUMBER.match(slots[key][0]["text"]))
        if grid and not starts:
            for c, ws in enumerate(slots):
                grid[-1][c].extend(ws)
            spans[-1][1] = ln.bottom
        else:
            grid.append([list(ws) for ws in slots])
            spans.append([ln.top, ln.bottom])
    return grid, spans


def _join_wrapped_lines(lines: list[TLine], per_line: list[list[list[dict]]], size: float,
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
        return _keyed_rows(lines, per_line, key)
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
                       and not any(all(_NUMERIC_WORD.match(w["text"]) for w in slots[c]) for c in filled)
                       and not _new_row_label(prev, slots, filled))
        if wrapped:
            for c in range(ncols):
                grid[-1][c].extend(slots[c])
            spans[-1][1] = ln.bottom
        else:
            grid.append(slots)
            spans.append([ln.top, ln.bottom])
    return grid, spans
