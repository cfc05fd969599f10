"""Borderless tables over page breaks: one table, one set of columns.

Each page's text-aligned tables are found first (:mod:`.pdf_text_tables`).
Then a table that runs to the foot of its page is followed onto the next: the
lines at the top of that page, before any heading or prose, continue it when
they sit in its columns, whether or not the header row is repeated, and
however few columns that page fills (an "other partners" column left empty
from page 2 on). The columns of the whole table are then found again from the
words of all its pages together (:func:`.pdf_columns.word_columns`), and each
page's part is laid out in them, so every part has the same columns and the
same edges; :func:`.pdf_tables.join_split_tables` then joins the parts into
one block whose rows keep their own pages, dropping a repeated header and
joining a row split by the break.

Works on the lines the reader has already built; nothing is re-extracted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from boardpack.core.model import Block
from boardpack.ingest.pdf_columns import crosses, filled_columns, word_columns
from boardpack.ingest.pdf_lines import TLine
from boardpack.ingest.pdf_table_rows import TableLayout, row_columns, row_layout, table_in_columns
from boardpack.ingest.pdf_text_tables import find_text_tables

#: A page's lines further apart than this many font sizes are not one table.
ROW_GAP = 2.5


@dataclass
class _Part:
    """One page's lines of a table."""

    page: object  # PageItems
    lines: list = field(default_factory=list)


@dataclass
class _Flow:
    """A table followed over pages."""

    size: float
    parts: list[_Part] = field(default_factory=list)
    #: ids of the lines that run across the columns (group headings)
    labels: set = field(default_factory=set)
    #: the first page's table as that page alone shows it (kept if nothing
    #: follows), and how many of the first part's lines it holds
    alone: object = None
    alone_lines: int = 0

    @property
    def lines(self) -> list:
        return [ln for p in self.parts for ln in p.lines]

    def columns(self) -> list[list[float]]:
        return word_columns([ln for ln in self.lines if id(ln) not in self.labels], self.size)


def page_size(lines: Sequence[TLine]) -> float:
    """The font size most of a page's words are set in."""
    size = Counter(ln.size for ln in lines for _ in ln.words).most_common(1)
    return size[0][0] if size else 10.0


def _content(p) -> list:
    return [it for it in p.items if isinstance(it, TLine) and not getattr(it, "furniture", False)]


def add_text_tables(pages: list) -> None:
    """Replace runs of column-aligned lines on every page with text-aligned
    TABLE blocks, following a table over page breaks (see the module's
    docstring). Runs after furniture marking, so a running footer under the
    last row never becomes part of a table."""
    flow = None
    for p in pages:
        lines = _content(p)
        size = page_size(lines)
        taken = _continuation(flow, lines) if flow is not None else []
        if taken:
            flow.parts.append(_Part(p, taken))
        rest = lines[len(taken):]
        runs = _page_runs(rest, size, p) if len(rest) >= 3 else []
        if flow is not None and (runs or len(taken) < len(lines)):
            _close(flow)
            flow = None
        if taken and not rest:
            continue  # the whole page continues the table: it may go on over the next break
        for k, (i0, i1, blk, labels) in enumerate(runs):
            one = _Flow(size, [_Part(p, rest[i0 : i1 + 1])], labels=labels, alone=blk, alone_lines=i1 + 1 - i0)
            if k == len(runs) - 1 and _runs_to_foot(rest, i0, i1, size, one.labels):
                one.parts[0].lines = rest[i0:]
                flow = one
            else:
                _close(one)
    if flow is not None:
        _close(flow)


def _page_runs(lines: list, size: float, p) -> list[tuple[int, int, object, set]]:
    """The page's own text-aligned tables as (first line, last line, block,
    ids of group-heading lines); two found one under the other are one table
    when the second, and the lines between, stay in the first one's columns
    (a row the page finder stopped at, a group heading across the table): its
    block is then None, to be laid out again in the columns of both."""
    out: list = []
    widest = 0  # columns the page finder gave the runs merged so far
    for i0, i1, blk in find_text_tables(lines, size, p.number, p.fills):
        if out:
            a0, a1, _, labels = out[-1]
            cols = word_columns([ln for ln in lines[a0 : a1 + 1] if id(ln) not in labels], size)
            below = lines[a1 + 1 : i1 + 1]
            found: set = set()
            # only a table whose rows are numbered tells its rows apart whatever
            # the page finder stopped at (figures and lists keep their finding)
            if (len(cols) >= max(2, widest, blk.n_cols)
                    and len(_fitting(below, cols, size, gap=False, labels=found)) == len(below)
                    and row_columns([ln for ln in lines[a0 : i1 + 1] if id(ln) not in labels | found], cols)[0]
                    is not None):
                out[-1] = (a0, i1, None, labels | found)
                widest = max(widest, blk.n_cols)
                continue
        out.append((i0, i1, blk, set()))
        widest = blk.n_cols
    return out


def _runs_to_foot(lines: list, first: int, last: int, size: float, labels: set) -> bool:
    """Does the table on lines ``first``..``last`` end the page's content? Lines
    under it that stay in its columns are its last row's wrapped cells (the
    page finder leaves a run's trailing one-cell lines out), or a group heading
    across the table over rows that follow (its id joins ``labels``). The
    columns are those of the table's rows: a group heading inside it
    (``labels``) would close the gutters it runs over."""
    tail = lines[last + 1 :]
    if not tail:
        return True
    cols = word_columns([ln for ln in lines[first : last + 1] if id(ln) not in labels], size)
    found: set = set()
    if len(cols) >= 2 and _fitting(tail, cols, size, labels=found) == tail:
        labels.update(found)
        return True
    return False


def _continuation(flow: _Flow, lines: list) -> list:
    """The lines at the top of a page that continue ``flow``: in its font
    size, in its columns (crossing no gutter), close under one another; a lone
    line in the first column only (a heading) does not continue a table."""
    cols = flow.columns()
    if len(cols) < 2:
        return []
    header = set(_header_lines(flow))
    # a bold line within the first column that does not repeat the table's own
    # first lines is a heading over what follows, not a row: the table ended
    # with the page before (a bold line across the columns may be a group
    # heading inside the table: _fitting decides)
    n = 0
    while n < len(lines) and (not getattr(lines[n], "bold", False) or _said(lines[n]) in header
                              or crosses(lines[n], cols, flow.size)):
        n += 1
    out = _fitting(lines[:n], cols, flow.size, labels=flow.labels)
    if not out:
        return []
    spread = [filled_columns(ln, cols) for ln in out]
    if all(s == {0} for s in spread):
        return []
    return out


def _fitting(lines: list, cols: list, size: float, gap: bool = True, labels: Optional[set] = None) -> list:
    """The first lines of ``lines`` that lie in the columns ``cols``: in the
    table's font size, crossing no gutter, within its edges, close under one
    another. With ``labels`` (a set that collects their ids), a line running
    across the columns from the table's left edge is taken too when rows in
    the columns follow it: a group heading inside the table."""
    out: list = []
    pending: list = []
    for ln in lines:
        if abs(ln.size - size) >= 1.0 or ln.x0 < cols[0][0] - 2 * size or ln.x1 > cols[-1][1] + 2 * size:
            break
        if gap and (pending or out) and ln.top - (pending or out)[-1].bottom > ROW_GAP * size:
            break
        if crosses(ln, cols, size):
            if labels is None or len(pending) >= 2 or ln.x0 > cols[0][1]:
                break
            pending.append(ln)
            continue
        if pending:
            labels.update(id(x) for x in pending)
            out.extend(pending)
            pending = []
        out.append(ln)
    return out


def _close(flow: _Flow) -> None:
    """Lay out each page's part of a followed table in the columns of the
    whole table, and put the parts on their pages. A table on one page that
    its page's finder read whole keeps that reading."""
    cols = flow.columns()
    alone = flow.alone
    lines = flow.lines
    # numbered prose with initials in its margin is minutes, not a table: each
    # mark belongs to one line, so pooling an item's lines into a row loses it
    key, sub, notes = (row_layout([ln for ln in lines if id(ln) not in flow.labels], cols) if len(cols) >= 2
                       else (None, None, False))
    if alone is not None and (len(flow.parts) < 2 or len(cols) < alone.n_cols) or len(cols) < 2 or notes:
        # one page, or columns over all pages poorer than the first page's own
        # (figures set close to their labels): each page keeps its own finding
        first = flow.parts[0]
        if alone is not None:
            _place(first.page, first.lines[: flow.alone_lines], alone)
        for part in flow.parts[0 if alone is None and notes else 1:]:
            for i0, i1, blk in find_text_tables(part.lines, flow.size, part.page.number, part.page.fills):
                _place(part.page, part.lines[i0 : i1 + 1], blk)
        return
    extent = (min(min(ln.x0 for ln in lines), cols[0][0]), max(max(ln.x1 for ln in lines), cols[-1][1]))
    layout = TableLayout(cols, flow.size, extent, key=key, sub=sub, labels=frozenset(flow.labels),
                         repeats=_repeated_headers(flow))
    for part in flow.parts:
        p = part.page
        _place(p, part.lines, table_in_columns(part.lines, layout, p.number, p.fills))


#: how many of a table's first lines may make up its header
HEADER_LINES = 6


def _header_lines(flow: _Flow) -> list[str]:
    return [_said(ln) for ln in flow.parts[0].lines[:HEADER_LINES]]


def _repeated_headers(flow: _Flow) -> frozenset:
    """Ids of the lines at the top of each later page that say again what the
    first page's first lines say: the header row, repeated (or what is left
    of it once its first line was taken for a running header)."""
    first = set(_header_lines(flow))
    out: set = set()
    for part in flow.parts[1:]:
        n = 0
        while n < min(len(part.lines), HEADER_LINES) and _said(part.lines[n]) in first:
            n += 1
        out.update(id(ln) for ln in part.lines[:n])
    return frozenset(out)


def _said(ln: TLine) -> str:
    return " ".join(w["text"] for w in ln.words)


def _place(p, lines: list, block: Block) -> None:
    """Put ``block`` on page ``p`` in place of ``lines``."""
    used = {id(ln) for ln in lines}
    p.items = sorted([it for it in p.items if id(it) not in used] + [block], key=_top)


def _top(item) -> float:
    if isinstance(item, Block):
        return item.bbox[1]
    return item.top
