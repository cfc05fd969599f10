"""Cells of PDF tables: their fill colours, their text, and the TABLE block.

Shared by every PDF table finder (ruled, text-aligned, OCR): fill colours
read from the filled rects of a page (RAG status is often shown only as a
cell's colour), a cell's words as text, one line per visual line, and
:func:`table_block`, which makes the block and tells a header row by its
bold type, its shading, or its short column labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Optional, Sequence

from boardpack.core.model import TABLE, Block, Row
from boardpack.core.textnorm import normalise

BBox = tuple[float, float, float, float]


# -- colours ----------------------------------------------------------------------


def colour_hex(colour) -> Optional[str]:
    """pdfminer non-stroking colour (gray, RGB or CMYK tuple) as "#rrggbb"."""
    if colour is None:
        return None
    if isinstance(colour, (int, float)):
        colour = (colour,)
    try:
        vals = [float(v) for v in colour]
    except (TypeError, ValueError):  # pattern colour spaces give names
        return None
    if any(v < 0 or v > 1.0001 for v in vals):
        if all(0 <= v <= 255 for v in vals):
            vals = [v / 255 for v in vals]
        else:
            return None
    if len(vals) == 1:
        r = g = b = vals[0]
    elif len(vals) == 3:
        r, g, b = vals
    elif len(vals) == 4:
        c, m, y, k = vals
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "#" + "".join(f"{max(0, min(255, round(v * 255))):02x}" for v in (r, g, b))


@dataclass
class Fill:
    bbox: BBox
    colour: str

    @property
    def area(self) -> float:
        x0, t, x1, b = self.bbox
        return (x1 - x0) * (b - t)


def page_fills(rects: Sequence[dict]) -> list[Fill]:
    """Filled, non-white rects of a page (cell shading), from ``page.rects``."""
    out = []
    for r in rects:
        if not r.get("fill"):
            continue
        col = colour_hex(r.get("non_stroking_color"))
        if col is None or col == "#ffffff":
            continue
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        # Thin filled rects are how many producers draw ruling lines, not shading.
        if w < 3 or h < 3:
            continue
        out.append(Fill((r["x0"], r["top"], r["x1"], r["bottom"]), col))
    return out


def fill_for(bbox: BBox, fills: Sequence[Fill]) -> Optional[str]:
    """Colour of the smallest fill covering most of ``bbox`` (None when unshaded)."""
    x0, t, x1, b = bbox
    area = max((x1 - x0) * (b - t), 1e-6)
    best = None
    for f in fills:
        fx0, ft, fx1, fb = f.bbox
        ix = min(x1, fx1) - max(x0, fx0)
        iy = min(b, fb) - max(t, ft)
        if ix <= 0 or iy <= 0 or ix * iy < 0.5 * area:
            continue
        if best is None or f.area < best.area:
            best = f
    return best.colour if best else None


# -- words to cell text -------------------------------------------------------------


def words_text(words: Sequence[dict]) -> str:
    """Words (already in one cell) as text, one output line per visual line."""
    if not words:
        return ""
    ws = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for w in ws:
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= max(2.0, 0.5 * (w["bottom"] - w["top"])):
            lines[-1].append(w)
        else:
            lines.append([w])
    texts = [" ".join(x["text"] for x in sorted(ln, key=_X0)) for ln in lines]
    if len(texts) == 2 and _NUMBER_HEAD.match(texts[0]) and _NUMBER_TAIL.match(texts[1]):
        # a reference too long for its narrow column, broken mid-number ("1.1" / "0")
        return texts[0] + texts[1]
    return "\n".join(texts)


_X0 = itemgetter("x0")
_NUMBER_HEAD = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.$|^\d{1,3}(?:\.\d{1,3})+$")
_NUMBER_TAIL = re.compile(r"^\d{1,2}[a-z]?$")


def inside(w: dict, bbox: BBox, pad: float = 0.5) -> bool:
    # asked for every word of a page against each table: the centre inline
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return bbox[0] - pad <= cx <= bbox[2] + pad and bbox[1] - pad <= cy <= bbox[3] + pad


_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b$|-b$", re.I)


@lru_cache(maxsize=4096)
def is_bold_font(fontname: str) -> bool:
    # asked once a word, of the few font names a document uses
    return bool(_BOLD.search(fontname or ""))



def table_block(rows: list[Row], page_no: int, bbox: BBox, words: Sequence[dict], style: str) -> Block:
    first = rows[0]
    filled = [c for c in first.cells if c.text]
    if len(rows) > 1 and filled and all(c.bold for c in filled):
        first.is_header = True
    elif len(rows) > 1 and filled:
        # a shaded header band: every cell of the first row in one colour the next row lacks
        fills = {c.fill for c in first.cells if not c.continued}
        nxt = {c.fill for c in rows[1].cells}
        if len(fills) == 1 and None not in fills and not fills & nxt:
            first.is_header = True
        # column labels: every cell filled with a few words and no figures
        elif (len(filled) == len(first.cells) >= 2
              and all(len(c.norm.split()) <= 5 and len(c.norm) <= 40 and not re.search(r"\d", c.norm) for c in filled)
              and any(len(c.norm) > 12 or re.search(r"\d", c.norm) for r in rows[1:3] for c in r.cells)):
            first.is_header = True
    text = "\n".join(" | ".join(c.text.replace("\n", " ") for c in r.cells) for r in rows)
    sizes = [w.get("size") for w in words if w.get("size")]
    return Block(kind=TABLE, text=text, page=page_no, bbox=tuple(round(v, 2) for v in bbox),
                 rows=rows, style=style, font_size=round(max(set(sizes), key=sizes.count), 1) if sizes else None)


def table_block_text(b: Block) -> tuple[str, str]:
    text = "\n".join(" | ".join(c.text.replace("\n", " ") for c in r.cells) for r in b.rows)
    return text, normalise(text)
