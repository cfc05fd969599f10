"""Shaded cells without text, in PDF tables without ruling lines.

A table without rulings is found from its words (``pdf_text_tables``): a
column is where words are. A status column whose cells are *only* a colour
(green, amber, red squares beside each item) has no words, so the column, and
with it the table, is lost: two-column "item | colour" rows read as single
lines of prose. Typesetters draw such a column as a stack of filled
rectangles of one width, one beside each row of text. This module turns each
of those rectangles into a placeholder word (empty text, the fill's box and
colour), so the table finder sees a column and ``fill_for`` gives the cell its
colour.
"""

from __future__ import annotations

from typing import Sequence

from boardpack.ingest.pdf_tables import Fill

#: x tolerance (points) for rectangles to count as one column
COLUMN_TOLERANCE = 1.5
#: a column of colour is a pattern: at least this many rectangles
MIN_CELLS = 2
#: a page drawn with more rectangles than this is a chart or a picture, not table shading
MAX_FILLS = 400


def _inside(w: dict, f: Fill) -> bool:
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    x0, t, x1, b = f.bbox
    return x0 <= cx <= x1 and t <= cy <= b


def _line_beside(f: Fill, words: Sequence[dict]) -> list[dict]:
    """Words outside the rectangle whose vertical middle lies within its height."""
    x0, t, x1, b = f.bbox
    return [w for w in words if t <= (w["top"] + w["bottom"]) / 2 <= b and (w["x1"] <= x0 or w["x0"] >= x1)]


def _touch(a: Fill, b: Fill, tol: float = COLUMN_TOLERANCE) -> bool:
    ax0, at, ax1, ab = a.bbox
    bx0, bt, bx1, bb = b.bbox
    return ax0 <= bx1 + tol and bx0 <= ax1 + tol and at <= bb + tol and bt <= ab + tol


def _worded_areas(words: Sequence[dict], fills: Sequence[Fill]) -> set[int]:
    """Fills (by id) that are part of one coloured area with words in it: a cell
    painted whole and again line by line (Word's cell and paragraph shading),
    whose empty line pieces beside wrapped text are not cells of their own."""
    groups: list[list[Fill]] = []
    for f in fills:
        joined = [g for g in groups if any(x.colour == f.colour and _touch(x, f) for x in g)]
        merged = [f] + [x for g in joined for x in g]
        groups = [g for g in groups if all(g is not j for j in joined)] + [merged]
    out: set[int] = set()
    for g in groups:
        if any(_inside(w, f) for f in g for w in words):
            out.update(id(f) for f in g)
    return out


def blank_fill_words(words: Sequence[dict], fills: Sequence[Fill]) -> list[dict]:
    """Placeholder words for shaded cells that hold no text and stand in a
    column of such cells, each beside a line of text.

    Each placeholder has ``text`` "", the box of the rectangle narrowed to the
    height of the line beside it (so it joins that line), the line's font and
    size, ``fill`` (the colour) and ``blank_fill`` True.
    """
    if len(fills) > MAX_FILLS:
        return []
    worded = _worded_areas(words, fills)
    empty, seen = [], set()
    for f in fills:
        box = (tuple(round(v, 1) for v in f.bbox), f.colour)
        if box in seen or id(f) in worded:
            continue  # some producers paint each cell twice
        seen.add(box)
        empty.append(f)
    columns: list[list[Fill]] = []
    for f in sorted(empty, key=lambda f: (f.bbox[0], f.bbox[1])):
        for col in columns:
            c = col[0].bbox
            if abs(c[0] - f.bbox[0]) <= COLUMN_TOLERANCE and abs(c[2] - f.bbox[2]) <= COLUMN_TOLERANCE:
                col.append(f)
                break
        else:
            columns.append([f])
    out: list[dict] = []
    for col in columns:
        beside = [(f, _line_beside(f, words)) for f in col]
        beside = [(f, ws) for f, ws in beside if ws]
        if len(beside) < MIN_CELLS:
            continue
        for f, ws in beside:
            x0, _, x1, _ = f.bbox
            top = min(w["top"] for w in ws)
            bottom = max(w["bottom"] for w in ws)
            proto = ws[0]
            word = {k: proto[k] for k in ("fontname", "size", "upright", "direction") if k in proto}
            word.update(text="", x0=x0 + 1, x1=x1 - 1, top=top, bottom=bottom, fill=f.colour, blank_fill=True)
            if "doctop" in proto:
                word["doctop"] = proto["doctop"] - proto["top"] + top
            out.append(word)
    return sorted(out, key=lambda w: (w["top"], w["x0"]))
