"""Tables without ruling lines, found from text alignment.

Council papers set many tables without borders: members lists, agendas with
a page column, spreadsheet exports of budgets. A run of lines whose words
fall into the same columns (separated by gutters no line crosses) becomes a
TABLE block. The finder is conservative so prose never becomes a table:
it needs three or more multi-column lines, stops at a line of running prose,
leaves numbers hanging left of prose ("1.3.1   The Clerk ...") to the
list-item logic, and leaves prose set in columns (:mod:`.pdf_prose_columns`)
to be read column by column.

Works on the words the PDF reader has already extracted (no re-extraction).
"""

from __future__ import annotations

from typing import Optional, Sequence

from boardpack.core.model import Block
from boardpack.ingest.pdf_cells import Fill
from boardpack.ingest.pdf_lines import NUMBERING, Seg, TLine, seg_column, split_segments
from boardpack.ingest.pdf_prose_columns import prose_regions
from boardpack.ingest.pdf_table_rows import TableLayout, join_wrapped_lines, slot_words, table_of

__all__ = ["NUMBERING", "Seg", "TLine", "find_text_tables", "split_segments"]


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


def find_text_tables(lines: list[TLine], size: float, page_no: int, fills: Sequence[Fill],
                     join_wraps: bool = True, row_gap: float = 2.5) -> list[tuple[int, int, Block]]:
    """Tables without ruling lines. Returns (first line index, last line index, block).

    Prose set in columns (:mod:`.pdf_prose_columns`: a front sheet in two
    newspaper columns, a title page) is no table, however its lines align:
    tables are looked for only in the lines outside it (see :func:`_find_runs`).
    """
    out = []
    start = 0
    for reg in prose_regions(lines, size):
        out.extend((i0 + start, i1 + start, blk) for i0, i1, blk in
                   _find_runs(lines[start:reg.first], size, page_no, fills, join_wraps, row_gap))
        start = reg.last + 1
    out.extend((i0 + start, i1 + start, blk) for i0, i1, blk in
               _find_runs(lines[start:], size, page_no, fills, join_wraps, row_gap))
    return out


def _find_runs(lines: list[TLine], size: float, page_no: int, fills: Sequence[Fill],
               join_wraps: bool, row_gap: float) -> list[tuple[int, int, Block]]:
    """The text-aligned tables among ``lines``.

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


def _text_table(lines: list[TLine], size: float, page_no: int, fills: Sequence[Fill],
                join_wraps: bool = True) -> Optional[Block]:
    cols = _fold_stray_columns(lines, _columns(lines, allow=0 if len(lines) < 5 else max(1, len(lines) // 10)), size)
    ncols = len(cols)
    if ncols < 2:
        return None
    if ncols == 2:
        # numbers hanging left of prose ("1.3.1   An annual meeting ...") are a
        # numbered list, not a two-column table
        firsts = [s.text for ln in lines for s in ln.segs if seg_column(s, cols) == 0]
        if firsts and all(NUMBERING.match(t) for t in firsts):
            return None
    per_line = [slot_words(ln, cols) for ln in lines]
    if sum(1 for sl in per_line if sum(1 for c in sl if c) >= 2) < 3:
        return None
    grid, spans = join_wrapped_lines(lines, per_line, size, join_wraps)
    if len(grid) < 2:
        return None
    extent = (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    return table_of(grid, spans, TableLayout(cols, size, extent), page_no, fills)


def _fold_stray_columns(lines: list[TLine], cols: list, size: float) -> list:
    """A column only one line uses, close to its neighbour, is a stray overhang:
    fold it in. One standing apart is real ("1 - 24" under PAGES on the one
    agenda item with papers; "Members:" left of a names column)."""
    while len(cols) >= 2:
        use = [0] * len(cols)
        for ln in lines:
            for k in {seg_column(s, cols) for s in ln.segs}:
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
