"""Columns of a borderless table from where its words sit.

A typesetter separates the columns of a table without ruling lines by a
gutter: a strip of the page, top to bottom of the table, that no word of any
row enters, wider than a space between two words of one phrase. So the
columns are read from the x extents of all the table's words together (on
every page it covers), not line by line: a line whose cells happen to nearly
touch ("Licensing team" just left of "RED") still falls into the columns every
other line shows, and a page where a column is empty keeps that column.

A strip that no word enters but no wider than a word space ("District
council" where every other line has a shorter word) is inside a cell, not
between cells.
"""

from __future__ import annotations

from typing import Sequence

from boardpack.ingest.pdf_lines import TLine

#: A gutter is at least this share of the font size wide (cell padding on
#: both sides of a boundary is more than one word space).
GUTTER_SHARE = 0.6
#: Two words this close (share of the font size) on one line are one phrase.
WORD_SPACE_SHARE = 0.55


def word_columns(lines: Sequence[TLine], size: float, allow: int = 0) -> list[list[float]]:
    """Column intervals ``[x0, x1]`` of a table from its lines' words.

    ``allow`` lines may cross a gutter (a title row spanning the table)
    without closing it.
    """
    events: list[tuple[float, int]] = []
    for ln in lines:
        for a, b in _line_spans(ln):
            events.append((a, 1))
            events.append((b, -1))
    if not events:
        return []
    events.sort()
    spans: list[list[float]] = []
    depth = 0
    start = 0.0
    for x, d in events:
        before = depth
        depth += d
        if before <= allow < depth:
            start = x
        elif depth <= allow < before:
            spans.append([start, x])
    gutter = max(GUTTER_SHARE * size, 3.0)
    cols: list[list[float]] = []
    for a, b in spans:
        if cols and a - cols[-1][1] < gutter:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])
    return cols


def _line_spans(ln: TLine) -> list[tuple[float, float]]:
    return [(w["x0"], w["x1"]) for w in ln.words]


def crosses(ln: TLine, cols: Sequence[Sequence[float]], size: float) -> bool:
    """Does a line run across a boundary between two of ``cols``: a phrase
    (words one word space apart) reaching from one column's text over the
    whole gutter into the next one's? Prose and a heading across the table
    do; a row of the table does not, even when a cell is wider than any
    above it, nor when two cells nearly touch."""
    return any(x0 < a1 - 1 and x1 > b0 + 1 for x0, x1 in phrases(ln, size) for (_, a1), (b0, _) in zip(cols, cols[1:]))


def phrases(ln: TLine, size: float) -> list[tuple[float, float]]:
    """The x extents of a line's phrases: runs of words one word space apart."""
    space = WORD_SPACE_SHARE * size
    out: list[list[float]] = []
    for w in ln.words:
        if out and w["x0"] - out[-1][1] <= space:
            out[-1][1] = max(out[-1][1], w["x1"])
        else:
            out.append([w["x0"], w["x1"]])
    return [(a, b) for a, b in out]


def column_of(x: float, cols: Sequence[Sequence[float]]) -> int:
    """Index of the column holding ``x`` (or the nearest one)."""
    for k, (a, b) in enumerate(cols):
        if a - 1 <= x <= b + 1:
            return k
    return min(range(len(cols)), key=lambda k: min(abs(cols[k][0] - x), abs(cols[k][1] - x)))


def filled_columns(ln: TLine, cols: Sequence[Sequence[float]]) -> set[int]:
    """Columns a line has words in."""
    return {column_of((w["x0"] + w["x1"]) / 2, cols) for w in ln.words}
