"""Prose set in two or more columns, told from a table and read column by column.

A front sheet, a title page or a newsletter may be typeset in newspaper
columns: the left column is read top to bottom, then the next. Lines of two
columns that happen to share a height come out of a PDF as one visual line
with a wide gap in it, which is also how a row of a borderless table looks.
What tells them apart is what a clerk would say about the page:

* a table's rows line up across its columns: every cell of a row starts on
  the same line, so where a cell (a paragraph of its column) starts in one
  column, the cells of the others start too; a numbering column;
* columns of prose run independently: each holds paragraphs of sentences
  flowing over several full lines (no cells side by side within a line),
  and where a paragraph starts in one column has nothing to do with the
  other; a title page set in columns holds display lines centred in each
  column.

:func:`prose_regions` finds such regions among a page's lines (the text-table
finder leaves them alone, the block builder reads them column by column);
:func:`region_columns` gives a region's words as the lines of each column,
:func:`read_in_columns` a page's items with its regions read column by column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median
from typing import Optional, Sequence

from boardpack.ingest.pdf_cells import is_bold_font
from boardpack.ingest.pdf_lines import NUMBERING, Line, TLine, common_size, line_typography, split_segments, wrap_edge

#: A blank this many font sizes high across every column ends the columns.
REGION_GAP = 3.5
#: Paragraph starts of the sparser column that line up with starts of the other
#: column, as a share, from which the columns are the cells of table rows.
ROW_ALIGNED = 0.75
#: Lines of a column split by a gutter-wide gap (cells side by side), as a
#: share, above which the column holds table cells, not prose.
CELL_LINES = 0.2


@dataclass
class ProseRegion:
    """Lines ``first``..``last`` of a page (inclusive), set in columns split at ``cuts`` (x)."""

    first: int
    last: int
    cuts: list[float]


def gutter_width(size: float) -> float:
    """The narrowest white band between columns: the gap that splits a line
    into segments (:func:`.pdf_lines.split_segments`)."""
    return max(1.6 * size, 12.0)


def prose_regions(lines: Sequence[TLine], size: float) -> list[ProseRegion]:
    """Regions of ``lines`` (a page's text lines, top to bottom) set as columns of prose."""
    out: list[ProseRegion] = []
    i = lo = 0
    while i < len(lines):
        reg = _region_at(lines, i, lo, size)
        if reg is None:
            i += 1
            continue
        whole_page = reg.first == 0 and reg.last == len(lines) - 1
        if is_prose(column_rows(lines, reg), size, whole_page):
            out.append(reg)
        # a region judged a table stays one: a part of it is no likelier prose
        i = lo = reg.last + 1
    return out


def region_columns(lines: Sequence[TLine], reg: ProseRegion) -> list[list[list[dict]]]:
    """Each column's lines (their words), top to bottom."""
    return [[ws for _, ws in col] for col in column_rows(lines, reg)]


def column_rows(lines: Sequence[TLine], reg: ProseRegion) -> list[list[tuple[int, list[dict]]]]:
    """Each column's lines, top to bottom, as (index of the visual line of the
    page it is part of, its words)."""
    cols: list[list[tuple[int, list[dict]]]] = [[] for _ in range(len(reg.cuts) + 1)]
    for i in range(reg.first, reg.last + 1):
        parts: list[list[dict]] = [[] for _ in cols]
        for w in lines[i].words:
            parts[sum(1 for c in reg.cuts if (w["x0"] + w["x1"]) / 2 > c)].append(w)
        for col, ws in zip(cols, parts):
            if ws:
                col.append((i, ws))
    return cols


def _region_at(lines: Sequence[TLine], i: int, lo: int, size: float) -> Optional[ProseRegion]:
    """The region whose gutter is one of line ``i``'s wide gaps (the one kept
    open over the most lines), grown down and up (not above ``lo``)."""
    ln = lines[i]
    best = None
    for a, b in zip(ln.segs, ln.segs[1:]):
        if b.x0 - a.x1 < gutter_width(size):
            continue
        reg = _grow(lines, i, lo, (a.x1, b.x0), size)
        if best is None or reg.last - reg.first > best.last - best.first:
            best = reg
    return best


def _grow(lines: Sequence[TLine], i: int, lo: int, gap: tuple[float, float], size: float) -> ProseRegion:
    """The lines above and below line ``i`` that keep a white band of ``gap``
    open, with no blank across the page taller than :data:`REGION_GAP` sizes."""
    free = gap
    last = i
    while last + 1 < len(lines) and lines[last + 1].top - lines[last].bottom <= REGION_GAP * size:
        narrowed = _narrow(free, lines[last + 1], size)
        if narrowed is None:
            break
        free, last = narrowed, last + 1
    first = i
    while first - 1 >= lo and lines[first].top - lines[first - 1].bottom <= REGION_GAP * size:
        narrowed = _narrow(free, lines[first - 1], size)
        if narrowed is None:
            break
        free, first = narrowed, first - 1
    return ProseRegion(first, last, _gutters(lines[first: last + 1], size))


def _narrow(free: tuple[float, float], ln: TLine, size: float) -> Optional[tuple[float, float]]:
    """What stays white of the band ``free`` once ``ln``'s words are on it
    (the widest part), or None when no gutter-wide part is left."""
    parts = [free]
    for w in ln.words:
        nxt = []
        for a, b in parts:
            if w["x1"] <= a or w["x0"] >= b:
                nxt.append((a, b))
                continue
            nxt.extend(p for p in ((a, w["x0"]), (w["x1"], b)) if p[1] > p[0])
        parts = nxt
    best = max(parts, key=lambda p: p[1] - p[0], default=None)
    return best if best is not None and best[1] - best[0] >= gutter_width(size) else None


def _gutters(lines: Sequence[TLine], size: float) -> list[float]:
    """Middles of the white bands that run through all ``lines``."""
    spans = sorted((w["x0"], w["x1"]) for ln in lines for w in ln.words)
    cuts = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= gutter_width(size):
            cuts.append((reach + x0) / 2)
        reach = max(reach, x1)
    return cuts


# -- prose or table ----------------------------------------------------------------


@dataclass
class _Col:
    """One column of a region: its lines' words, the visual line of the page
    each is part of, and where its paragraphs start (indexes of its lines)."""

    lines: list[list[dict]]
    rows: list[int]
    starts: list[int]

    def paragraphs(self) -> list[list[list[dict]]]:
        ends = self.starts[1:] + [len(self.lines)]
        return [self.lines[a:b] for a, b in zip(self.starts, ends)]


def is_prose(columns: list[list[tuple[int, list[dict]]]], size: float, whole_page: bool = False) -> bool:
    """Do these columns hold prose rather than the cells of a table's rows?
    Prose is running text in every column, or (``whole_page``: the columns
    are all the page holds) a title page's display lines."""
    if len(columns) < 2 or any(len(c) < 2 for c in columns):
        return False
    cols = [_Col([ws for _, ws in c], [i for i, _ in c], []) for c in columns]
    for c in cols:
        c.starts = paragraph_starts(c.lines, size)
    if all(NUMBERING.match(p[0][0]["text"]) for p in cols[0].paragraphs()):
        return False  # a numbering column: a numbered table or list
    if any(_split_lines(c.lines, size) > CELL_LINES * len(c.lines) for c in cols):
        return False  # cells side by side within a column: a table whose columns it groups
    first_row = min(c.rows[0] for c in cols)
    if any(_rows_aligned(a, b, first_row) for a, b in zip(cols, cols[1:])):
        return False
    if all(_running_text(c) for c in cols):
        return True
    return whole_page and all(_centred_title(c.lines, size) for c in cols)


def paragraph_starts(lines: list[list[dict]], size: float) -> list[int]:
    """Indexes of the lines of one column that start a paragraph (or a cell):
    the first; one further below the line above than the column's line
    pitch; one whose first word would have fitted at the end of the line
    above (so that line did not wrap: its paragraph ended there)."""
    tops = [min(w["top"] for w in ws) for ws in lines]
    pitches = [b - a for a, b in zip(tops, tops[1:])]
    pitch = median(pitches) if pitches else size
    right = max(w["x1"] for ws in lines for w in ws)
    starts = [0]
    for k in range(1, len(lines)):
        first = lines[k][0]
        fits = lines[k - 1][-1]["x1"] + 0.3 * size + (first["x1"] - first["x0"]) < right - 1
        if tops[k] - tops[k - 1] > 1.3 * pitch + 1 or fits:
            starts.append(k)
    return starts


def _rows_aligned(a: _Col, b: _Col, first_row: int) -> bool:
    """Do the paragraphs of the sparser column start on the visual lines
    where the other column's start (as a table's cells do, row by row)? The
    region's first line is left out: columns of prose start together too."""
    rows_a = {a.rows[k] for k in a.starts} - {first_row}
    rows_b = {b.rows[k] for k in b.starts} - {first_row}
    few, many = sorted((rows_a, rows_b), key=len)
    return bool(few) and len(few & many) >= ROW_ALIGNED * len(few)


def _split_lines(lines: list[list[dict]], size: float) -> int:
    """How many of a column's lines are split into cells by a wide gap."""
    return sum(1 for ws in lines if len(split_segments(ws, size)) >= 2)


def _running_text(col: _Col) -> bool:
    """A paragraph of sentences wrapped over three or more lines: four words
    a line or more, where a table's cells are short (a name, a figure)."""
    return any(len(p) >= 3 and sum(len(ws) for ws in p) >= 4 * len(p) for p in col.paragraphs())


def _centred_title(lines: list[list[dict]], size: float) -> bool:
    """Display lines centred on one axis (their left edges differ), all bold."""
    mids = [(ws[0]["x0"] + ws[-1]["x1"]) / 2 for ws in lines]
    lefts = [ws[0]["x0"] for ws in lines]
    bold = all(is_bold_font(w.get("fontname", "")) for ws in lines for w in ws)
    return bold and max(mids) - min(mids) <= 0.5 * size and max(lefts) - min(lefts) >= 0.5 * size


# -- reading order -----------------------------------------------------------------


@dataclass
class ColumnReading:
    """A page's items with its prose regions read column by column."""

    #: the page's lines and blocks, each region's columns one after the other
    items: list
    #: where a line of a column that ran to the column's right margin ends, by line id
    edge: dict[int, float] = field(default_factory=dict)
    #: ids of the first lines of the second and later columns of a region
    heads: set[int] = field(default_factory=set)


def read_in_columns(items: list, page: int, body: float) -> ColumnReading:
    """A page's ``items`` (lines and blocks, top to bottom) with each prose
    region among its text lines replaced by its columns' lines: the first
    column top to bottom, then the next. A column's part of a visual line is
    a line of its own, with its own typography."""
    lines = [it for it in items if isinstance(it, Line) and not it.furniture]
    regions = prose_regions(lines, common_size(lines)) if lines else []
    if not regions:
        return ColumnReading(items)
    out = ColumnReading([])
    at: dict[int, list[Line]] = {}
    taken: set[int] = set()
    for reg in regions:
        cols = [[_column_line(ws, page) for ws in col] for col in region_columns(lines, reg)]
        for k, col in enumerate(cols):
            right = wrap_edge(col, body)
            out.edge.update((id(ln), right) for ln in col)
            if k:
                out.heads.add(id(col[0]))
        at[id(lines[reg.first])] = [ln for col in cols for ln in col]
        taken.update(id(ln) for ln in lines[reg.first: reg.last + 1])
    for it in items:
        if id(it) in at:
            out.items.extend(at[id(it)])
        elif id(it) not in taken:
            out.items.append(it)
    return out


def _column_line(words: list[dict], page: int) -> Line:
    """One column's part of a visual line, as a line of its own."""
    size, bold = line_typography(words)
    return Line(words=words, segs=split_segments(words, size or 10), page=page, size=size, bold=bold)
