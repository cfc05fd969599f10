"""Status columns: which column of a table shows each item's status, and how.

A table has a *status column* when most of its item rows carry, in that
column, a status signal (:func:`cell_signal`): a tick or cross, a RAG word or
R/A/G letter, a status word on its colour, or a fill colour that stands for a
status through the document's colour key (else by hue). Around it,
:func:`find_status_table` finds the header rows, the table's own key rows
(which are not items), the label column (the leftmost column of phrases) and a
reference column. Used by :mod:`boardpack.extractors.status_tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import Block, Cell, Row
from boardpack.core.periods import parse_period
from boardpack.core.settings import Settings
from boardpack.core.status import AMBER, GREEN, RED, status_from_text, status_word
from boardpack.extractors.colour_key import (
    KEY_CAPTION,
    KEY_LEAD,
    ColourKey,
    key_pairs,
    key_status,
    legend_key,
    table_key,
)
from boardpack.extractors.report_context import one_line

# check marks, ballot box with check; and Word's Wingdings tick and boxed tick
# (a w:sym that the reader gives as its private-use code, U+F0FC and U+F0FE)
TICKS = set("\u2713\u2714\u2705\u2611\uf0fc\uf0fe")
# ballot x's, cross marks, ballot box with x; Wingdings cross and boxed cross (U+F0FB, U+F0FD)
CROSSES = set("\u2717\u2718\u274c\u274e\u2612\uf0fb\uf0fd")
_RAG_CELL = re.compile(r"^\W*(green|amber|red|yellow|orange|g|a|r)\W*$", re.I)
_RAG_OF = {"green": GREEN, "g": GREEN, "amber": AMBER, "yellow": AMBER, "orange": AMBER, "a": AMBER,
           "red": RED, "r": RED}
#: a reference in a number column: "1", "1.2", "3a", "P4", "(b)", "iv."
REF = re.compile(r"^\(?(?:[A-Za-z]{0,2}\d{1,3}(?:[.\-]\d{1,3}){0,2}[a-z]?|[a-z]|[ivx]{1,4})\)?\.?$")

MAX_RAG_WORDS = 6  # a status cell that names its RAG rating is short; a RAG word in prose is not one
MAX_STATUS_COLUMNS = 2  # more, not headed by periods, is a matrix (items x departments)
MIN_ROWS = 2  # a status column is a pattern: one coloured cell is not a table's status
MIN_SHARE = 0.6  # of the table's item rows that carry a signal in the column


#: an item row: (index in the table, the row, its cells by grid column)
Body = tuple[int, Row, dict[int, Cell]]


@dataclass
class Signal:
    status: str
    raw: str  # the words, tick or "#rrggbb" fill it came from
    kind: str  # "fill" (an empty cell) | "shaded text" | "word" | "tick"
    fill: Optional[str] = None


@dataclass
class StatusTable:
    block: Block
    header: list[str]
    label_col: int
    ref_col: Optional[int]
    status_cols: list[int]
    items: list[Body] = field(default_factory=list)
    key: ColourKey = field(default_factory=ColourKey)
    #: the table's own title, a row across its top above the header ("Scorecard: Q3")
    caption: Optional[str] = None


def grid_cells(row: Row) -> dict[int, Cell]:
    """A row's cells by the grid column they start in (merged cells once)."""
    out, col = {}, 0
    for c in row.cells:
        if not c.continued:
            out[col] = c
        col += c.colspan
    return out


def covering(g: dict[int, Cell], col: int) -> Optional[Cell]:
    """The cell over grid column ``col`` (a merged cell covers the columns it spans)."""
    for start, c in g.items():
        if start <= col < start + c.colspan:
            return c
    return None


def cell_signal(cell: Optional[Cell], key: ColourKey, settings: Optional[Settings] = None) -> Optional[Signal]:
    """The status a cell shows, or None: a tick or cross, a RAG word alone,
    else its fill read through the key."""
    if cell is None:
        return None
    text = (cell.norm or "").strip()
    if text and len(text) <= 3 and set(text) & TICKS and not set(text) & CROSSES:
        return Signal(GREEN, text, "tick", cell.fill)
    if text and len(text) <= 3 and set(text) & CROSSES:
        return Signal(RED, text, "tick", cell.fill)
    m = _RAG_CELL.match(text) if text else None
    if m:
        return Signal(_RAG_OF[m.group(1).lower()], text, "word", cell.fill)
    if text and len(text.split()) <= MAX_RAG_WORDS:
        said = status_from_text(text)  # "Green (on track)", "RAG: Amber", "AMBER - slipping"
        if said in (GREEN, AMBER, RED):
            return Signal(said, text, "word", cell.fill)
    if cell.fill and text and _is_name(text):
        # a status word on its colour ("Achieved" on green) says it in words; any
        # other short name on a colour ("CYPE", "Housing") is a category's colour
        said = status_word(text, settings)
        if said is None and key_status(text, settings) == key.status(cell.fill):
            said = key.status(cell.fill)  # "Met" on green, "Not met" on red: words and colour agree
        return Signal(said, text, "word", cell.fill) if said else None
    if cell.fill:
        st = key.status(cell.fill)
        if st:
            return Signal(st, cell.fill.lower(), "fill" if not text else "shaded text", cell.fill.lower())
    return None


def _is_name(text: str) -> bool:
    """A short name rather than a phrase: a few words, no figures, each a capital
    or a code ("CYPE", "GET/DCED", "Market Sustainability", "Met", "Not Met")."""
    words = text.split()
    return len(words) <= 4 and not re.search(r"\d", text) and all(not w[0].isalpha() or w[0].isupper() for w in words)


def _header_rows(rows: list[Row], key: ColourKey, settings: Optional[Settings]) -> int:
    n = 0
    while n < len(rows) and n < 3 and rows[n].is_header:
        n += 1
    if n == 0 and len(rows) > 2:
        g = grid_cells(rows[0])
        texts = [c.norm for c in g.values() if c.norm.strip()]
        # a row of column labels, bold or not; a row that shows a status is an item
        # (a continuation page without its header)
        if texts and all(len(t.split()) <= 6 and not re.search(r"\d{2}", t) for t in texts) and (
                _is_shaded_row(g) or not any(cell_signal(c, key, settings) for c in g.values())):
            n = 1
    return n


MAX_TITLE_ROWS = 2


def _title_rows(rows: list[Row], key: ColourKey, settings: Optional[Settings]) -> int:
    """Rows across the top of the table that title it: one cell of words (a
    merged cell, or one whose neighbours are empty), with the column labels
    under them."""
    n = 0
    while n < min(MAX_TITLE_ROWS, len(rows) - 3):
        worded = [c for c in rows[n].cells if c.norm.strip()]
        if len(worded) != 1 or len(rows[n].cells) < 2 and worded[0].colspan < 2 or len(worded[0].norm) > 120:
            break
        n += 1
    return n if n and _header_rows(rows[n:], key, settings) else 0


def _is_shaded_row(cells: dict[int, Cell]) -> bool:
    """Every cell of the row in one fill: the row's styling (a band, a section), not a status."""
    fills = {c.fill for c in cells.values()}
    return len(cells) > 1 and len(fills) == 1 and None not in fills


def _key_rows(rows: list[Row], start: int, settings: Optional[Settings]) -> set[int]:
    """Rows of the table's own key: a "Key" caption and the rows after it, and
    any row that pairs two or more colours with words."""
    out: set[int] = set()
    caption = None
    for i in range(start, len(rows)):
        cells = rows[i].cells
        words = " ".join(c.norm for c in cells if c.norm.strip()).strip()
        if caption is None and KEY_CAPTION.match(words) and len(words.split()) <= 6 and \
                (len([c for c in cells if c.norm.strip()]) == 1 or key_pairs(cells, settings, any_words=True)):
            caption = i
        if caption is not None and i >= caption:
            out.add(i)
        elif len(key_pairs(cells, settings)) >= 2 or (KEY_LEAD.match(words) and legend_key(words, settings)):
            out.add(i)  # a row of coloured key cells, or a key written out ("Key: green - better; ...")
    return out | _closing_key_rows(rows, start, settings)


def _closing_key_rows(rows: list[Row], start: int, settings: Optional[Settings]) -> set[int]:
    """A key without a caption at the end of the table: the last rows each pair
    one colour with words a key uses ("Better position" on green, "Worse
    position" on red), every colour different, two rows at least."""
    out: set[int] = set()
    seen: set[str] = set()
    for i in range(len(rows) - 1, start - 1, -1):
        pairs = key_pairs(rows[i].cells, settings)
        worded = [c for c in rows[i].cells if c.norm.strip()]
        # the key's words are the row's only words (an item row has its item's name too)
        if len(pairs) != 1 or pairs[0][1] is None or pairs[0][0] in seen or len(worded) != 1:
            break
        seen.add(pairs[0][0])
        out.add(i)
    return out if len(out) >= 2 else set()


def find_status_table(b: Block, key: ColourKey, settings: Optional[Settings] = None) -> Optional[StatusTable]:
    """The table's status column(s), label column and item rows, or None when it has none."""
    rows = b.rows
    if len(rows) < MIN_ROWS or b.n_cols < 2:
        return None
    keys = _key_rows(rows, 0, settings)
    own_key = table_key([rows[i] for i in sorted(keys)], settings)
    for i in sorted(keys):  # a key written out in a row of the table
        own_key.update(legend_key(" ".join(c.norm for c in rows[i].cells), settings))
    own_key.update(key)
    nt = _title_rows(rows, own_key, settings)
    nh = nt + _header_rows(rows[nt:], own_key, settings)
    keys = {i for i in keys if i >= nh}
    # a key in the header ("Progress (green = better, red = worse)")
    own_key.update(legend_key(" ".join(c.norm for r in rows[:nh] for c in r.cells), settings))
    body = [(i, rows[i], grid_cells(rows[i])) for i in range(nh, len(rows)) if i not in keys]
    body = [(i, r, g) for i, r, g in body if any(c.norm.strip() for c in g.values())]
    if len(body) < MIN_ROWS:
        return None
    n_cols = b.n_cols
    signals = {c: [cell_signal(g.get(c), own_key, settings) if not _is_shaded_row(g) else None for _, _, g in body]
               for c in range(n_cols)}
    status_cols = []
    for c, sigs in signals.items():
        hits = [s for s in sigs if s]
        if len(hits) < MIN_ROWS or len(hits) < MIN_SHARE * len(body):
            continue
        if any(s.kind == "shaded text" for s in hits) and len({s.status for s in hits}) < 2:
            continue  # one fill behind figures or prose in every row: the column's styling (a totals column)
        if not own_key and all(s.kind == "fill" for s in hits) and len({s.fill for s in hits}) < 2:
            continue  # one unexplained colour down a column says nothing of each item: a shaded band
        status_cols.append(c)
    if not status_cols:
        return None
    if len(status_cols) > 1 and all(s is None or s.kind == "tick" for c in status_cols for s in signals[c]):
        return None  # several tick columns: a grid (attendance, a matrix), not one status per item
    if len(status_cols) > MAX_STATUS_COLUMNS and not period_headers(_header_texts(rows[:nh], n_cols), status_cols):
        return None  # items by departments (or wards, ...): a matrix, not one status per item
    label_col = _label_column(body, set(status_cols), n_cols)
    if label_col is None:
        return None
    header = _header_texts(rows[nt:nh], n_cols)
    caption = " ".join(one_line(c.norm) for r in rows[:nt] for c in r.cells if c.norm.strip()) or None
    return StatusTable(b, header, label_col, _ref_column(body, label_col), status_cols,
                       [(i, r, g) for i, r, g in body if (covering(g, label_col) or Cell()).norm.strip()],
                       own_key, caption)


def _label_column(body: list[Body], status_cols: set[int], n_cols: int) -> Optional[int]:
    """The column that names the items: the leftmost column of words (a row's
    label comes first, a commentary column later), else the one with most letters."""
    best = None
    for c in range(n_cols):
        if c in status_cols:
            continue
        cells = [covering(g, c) for _, _, g in body]
        named = [x.norm for x in cells if x and re.search(r"[A-Za-z]{2}", x.norm)]
        if len(named) < MIN_SHARE * len(body):
            continue
        if sum(len(t.split()) for t in named) >= 2 * len(named):
            return c  # phrases, not codes ("Police", "CYPE")
        letters = sum(len(re.findall(r"[A-Za-z]", t)) for t in named)
        if best is None or letters > best[0]:
            best = (letters, c)
    return best[1] if best else None


def _ref_column(body: list[Body], label_col: int) -> Optional[int]:
    """A column left of the label holding only references ("1", "2.3", "P4")."""
    for c in range(label_col):
        # a cell merged into the label's column is the label, not a reference
        vals = [g[c].norm.strip() for _, _, g in body
                if c in g and g[c].norm.strip() and c + g[c].colspan <= label_col]
        if vals and len(vals) >= len(body) / 2 and all(REF.match(v) for v in vals):
            return c
    return None


def _header_texts(rows: list[Row], n_cols: int) -> list[str]:
    out = [""] * n_cols
    for r in rows:
        for c, cell in grid_cells(r).items():
            if c < n_cols and cell.norm.strip():
                out[c] = (out[c] + " " + one_line(cell.norm)).strip()
    return out


def period_headers(header: list[str], cols: list[int], when: Optional[str] = None) -> bool:
    """Does every column's header name a period, each a different one?"""
    labels = []
    for c in cols:
        per = parse_period(header[c], when) if c < len(header) and header[c] else None
        if per is None:
            return False
        labels.append(per.label)
    return len(set(labels)) == len(labels)
