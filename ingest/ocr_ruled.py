"""Tables drawn with lines on a scanned page.

The ruling lines found in the page image (:mod:`.ocr_image`) become
pdfplumber edges; its lattice finder makes the cells, and
:func:`.pdf_tables.ruled_table_block` fills them with the OCR words, each
cell's colour read from the image's fills: the reconstruction a text page's
ruled tables get. Then what a scan adds: a header shaded over several rows, a
form's sections stacked with a gap, an item number whose point the scan lost,
a header cell OCR missed on one page but read on the next.
"""

from __future__ import annotations

import re
from typing import Optional

from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from boardpack.core.model import Block
from boardpack.core.textnorm import normalise
from boardpack.ingest.ocr_image import PageImage
from boardpack.ingest.pdf_tables import Fill, ruled_table_block, table_block_text

# Ruling lines read off an image are a pixel or two off where the printed ones
# were: ends are joined and crossings found within this many points.
_SNAP = 3.0


def image_fills(image: Optional[PageImage]) -> list[Fill]:
    """The page image's colour fills as the PDF reader's fills."""
    return [Fill(tuple(f[:4]), f[4]) for f in image.fills] if image else []


def lattice_tables(image: PageImage) -> list[Table]:
    """pdfplumber tables (lattice) from the ruling lines of a page image."""
    edges = []
    for orient, x0, top, x1, bottom in image.rules:
        e = {"orientation": orient, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
             "width": x1 - x0, "height": bottom - top, "object_type": "line"}
        edges.append(e)
    if not edges:
        return []
    edges = merge_edges(edges, _SNAP, _SNAP, _SNAP, _SNAP)
    cells = intersections_to_cells(edges_to_intersections(edges, _SNAP, _SNAP))
    return [Table(None, group) for group in cells_to_tables(cells)]


def ruled_tables(ws: list[dict], image: Optional[PageImage], page: int) -> list[Block]:
    """Tables drawn with lines on a scanned page, two columns or more, holding words."""
    if image is None or not image.rules:
        return []
    fills = image_fills(image)
    out = []
    for t in lattice_tables(image):
        blk = ruled_table_block(t, ws, fills, page)
        # one column of boxes is framed text, as on text pages
        if blk is not None and blk.n_cols >= 2:
            blk.flags.append("ocr")
            # the drawing's extent, rows without text included: a shaded top row
            # OCR could not read still marks where the table (and its header) begins
            blk.bbox = tuple(round(v, 2) for v in t.bbox)
            shaded_header_band(blk)
            out.append(blk)
    return join_stacked(sorted(out, key=lambda b: b.bbox[1]))


# A part's own number opening its cell: "1.1a Monthly meeting", '"1.3a Work'.
_PART_NUMBER = re.compile(r"^\W{0,2}(\d{1,2}(?:\.\d{1,2})+)[a-z]\s")


def item_numbers_from_parts(blk: Block) -> None:
    """Item numbers the scan lost or garbled, read back from the numbers of the
    item's parts. A plan numbers an item's parts after it ("1.2a", "1.2b" under
    1.2): where a row's first cell is blank or a short misreading ("11" or
    "4.2" for "1.2", "LG") and every part in the row is numbered under one item
    that is not the item above, that is the row's item number. A blank first
    cell under parts of the item above is a continuation row and stays blank."""
    last = None
    for r in blk.rows:
        if r.is_header or not r.cells:
            continue
        first = r.cells[0]
        t = first.text.strip()
        parts = {m.group(1) for c in r.cells[1:] if (m := _PART_NUMBER.match(c.text.strip()))}
        if len(parts) == 1:
            item = parts.pop()
            wrong = t != item and (not t and item != last or 0 < len(t) <= 4 and " " not in t)
            if wrong:
                first.text = item
                first.norm = normalise(item)
                t = item
        if t:
            last = t
    blk.text, blk.norm = table_block_text(blk)


def fill_repeated_header(a: Block, b: Block) -> bool:
    """``b`` continues ``a`` over a page break and repeats its header: a header
    says the same on every page, so a cell OCR left empty on one page is
    filled from the other ("RAG" missed on the first page, read on the next).
    Returns whether the two first rows now agree."""
    if not a.rows or not b.rows or len(a.rows[0].cells) != len(b.rows[0].cells):
        return False
    ha, hb = a.rows[0].cells, b.rows[0].cells
    same = 0
    for x, y in zip(ha, hb):
        if x.norm and y.norm and x.norm.lower() != y.norm.lower():
            return False
        same += bool(x.norm and y.norm)
    if same < 2:
        return False
    for x, y in zip(ha, hb):
        if not x.norm and y.norm:
            x.text, x.norm = y.text, y.norm
        elif not y.norm and x.norm:
            y.text, y.norm = x.text, x.norm
    a.text, a.norm = table_block_text(a)
    b.text, b.norm = table_block_text(b)
    return True


def join_stacked(tables: list[Block]) -> list[Block]:
    """A ruled table set right under another with the same columns and no
    header of its own is the same table with a gap left in it (a form's
    sections: "8. Total value of cash" under "7. Balances carried forward"):
    its rows join the table above, whose header names their columns."""
    out: list[Block] = []
    for t in tables:
        prev = out[-1] if out else None
        # a row dropped from the top for want of text (shading OCR could not read) was a header too
        headless = not t.rows[0].is_header and t.rows[0].bbox and t.rows[0].bbox[1] - t.bbox[1] <= _SNAP
        if (prev is not None and prev.n_cols == t.n_cols and headless
                and abs(prev.bbox[0] - t.bbox[0]) <= _SNAP and abs(prev.bbox[2] - t.bbox[2]) <= _SNAP
                and t.bbox[1] - prev.bbox[3] <= _stack_gap(prev)):
            prev.rows.extend(t.rows)
            prev.bbox = (prev.bbox[0], prev.bbox[1], max(prev.bbox[2], t.bbox[2]), t.bbox[3])
            prev.text, prev.norm = table_block_text(prev)
            continue
        out.append(t)
    return out


def _stack_gap(t: Block) -> float:
    """The widest gap between two stacked parts of one table: a row's height."""
    hs = sorted(r.bbox[3] - r.bbox[1] for r in t.rows if r.bbox)
    return hs[len(hs) // 2] if hs else 0.0


def shaded_header_band(blk: Block) -> None:
    """The leading rows whose every cell is shaded, above rows that are not,
    are the table's header, however many rows it takes ("Year ending" over
    "31 March 2025 | 31 March 2026")."""
    band = 0
    for r in blk.rows:
        own = [c for c in r.cells if not c.continued]
        if not own or not all(c.fill for c in own):
            break
        band += 1
    if 0 < band < len(blk.rows):
        for r in blk.rows[:band]:
            r.is_header = True
