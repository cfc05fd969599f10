"""Word tables into the model's rows and cells (a mixin of the DOCX body reader).

Council tables are where the data is, and where Word's markup is least like
a grid: horizontally merged cells are one ``w:tc`` with ``gridSpan``;
vertically merged cells repeat a ``w:tc`` with ``vMerge`` in every row (we
keep the text once, with ``rowspan``, and leave ``continued`` placeholders);
rows may skip leading grid columns (``gridBefore``); cells hold nested tables;
RAG status is often only the cell's shading, set on the cell, on its
paragraphs, or by the table style's header row.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import TABLE, Block, Cell, Row
from boardpack.ingest.docx_styles import Theme, int_attr, on_off, qn

W_T, W_TBL, W_TR, W_TC = qn("w:t"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_VAL = qn("w:val")
W_LRPB = qn("w:lastRenderedPageBreak")
# Content controls and custom XML wrap rows, cells and paragraphs alike.
BLOCK_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
W_SDT = qn("w:sdt")


def is_placeholder(el) -> bool:
    """A content control still showing its prompt ("Click or tap here to enter
    text."): template filler, not what the officer wrote."""
    return el.tag == W_SDT and el.find(qn("w:sdtPr") + "/" + qn("w:showingPlcHdr")) is not None
_HEX = re.compile(r"^[0-9a-fA-F]{6}$")


def _shade_colour(shd, theme: Optional[Theme] = None) -> Optional[str]:
    """The colour a ``w:shd`` paints, as "#rrggbb", or None ("auto", clear).

    Word writes the hex it resolved beside a theme colour; when a producer
    wrote only the theme reference (``w:themeFill="accent3"`` with a tint or
    shade), the document's theme gives it."""
    if shd is None:
        return None
    val = shd.get(W_VAL)
    if val == "nil":
        return None
    # A solid pattern paints its foreground colour over the fill.
    attr = "color" if val == "solid" else "fill"
    colour = shd.get(qn(f"w:{attr}"))
    if colour and _HEX.match(colour):
        return "#" + colour.lower()
    if theme is not None:
        theme_attr = "Color" if val == "solid" else "Fill"
        return theme.colour(shd.get(qn(f"w:theme{theme_attr}")), shd.get(qn(f"w:theme{theme_attr}Tint")),
                            shd.get(qn(f"w:theme{theme_attr}Shade")))
    return None


#: Word's highlighter colours (w:highlight, ST_HighlightColor) as "#rrggbb"
HIGHLIGHTS = {
    "yellow": "#ffff00", "green": "#00ff00", "cyan": "#00ffff", "magenta": "#ff00ff", "blue": "#0000ff",
    "red": "#ff0000", "darkBlue": "#000080", "darkCyan": "#008080", "darkGreen": "#008000",
    "darkMagenta": "#800080", "darkRed": "#800000", "darkYellow": "#808000", "darkGray": "#808080",
    "lightGray": "#c0c0c0", "black": "#000000",
}
W_R, W_RPR = qn("w:r"), qn("w:rPr")


def marked_fill(tc, theme: Optional[Theme] = None) -> Optional[str]:
    """The one colour every inked run of a cell is marked with (highlighter, or
    run shading), or None when some words are unmarked or the marks differ."""
    colours: set[Optional[str]] = set()
    for r in tc.iter(W_R):
        if not "".join(t.text or "" for t in r.iter(W_T)).strip():
            continue
        rpr = r.find(W_RPR)
        hl = rpr.find(qn("w:highlight")) if rpr is not None else None
        colour = HIGHLIGHTS.get(hl.get(W_VAL) or "") if hl is not None else None
        if colour is None and rpr is not None:
            colour = _shade_colour(rpr.find(qn("w:shd")), theme)
        colours.add(colour)
        if None in colours or len(colours) > 1:
            return None
    return colours.pop() if colours else None


class TablesMixin:
    """Table reading for :class:`~boardpack.ingest.docx_reader.DocxBodyReader`
    (uses its page counter, styles, paragraph pieces and body walker)."""

    def _rows(self, tbl):
        for el in tbl.iterchildren():
            if el.tag == W_TR:
                yield el
            elif el.tag in BLOCK_WRAPPERS and not is_placeholder(el):
                yield from self._rows(el)

    def _cells(self, tr):
        for el in tr.iterchildren():
            if el.tag == W_TC:
                yield el
            elif el.tag in BLOCK_WRAPPERS and not is_placeholder(el):
                yield from self._cells(el)

    def table(self, tbl, source_index: int, nested: bool = False) -> Block:
        rows: list[Row] = []
        open_merges: dict[int, Cell] = {}  # grid column -> cell that started a vMerge
        start_page = self.page
        for tr in self._rows(tbl):
            rows.append(self._table_row(tr, source_index, nested, open_merges))
        _mark_bold_header_rows(rows)
        block = Block(kind=TABLE, source_index=source_index, rows=rows)
        if not nested and self.paged and rows:
            block.page = rows[0].page if rows[0].page is not None else start_page
            block.page_end = self.page
        self._apply_style_shading(tbl, rows)
        return block

    def _table_row(self, tr, source_index: int, nested: bool, open_merges: dict[int, Cell]) -> Row:
        trpr = tr.find(qn("w:trPr"))
        before = int_attr(trpr.find(qn("w:gridBefore"))) if trpr is not None else None
        header = bool(on_off(trpr.find(qn("w:tblHeader")))) if trpr is not None else False
        cells, starts_new, mid_break = self._row_cells(tr, source_index, nested, open_merges, before)
        if not nested and self.paged:
            if starts_new:
                self._rendered_break()
            row_page = self.page
            self.on_page_content = True
            if mid_break:
                self._turn_page()
        else:
            row_page = None
        for c in cells:
            for t in c.tables:
                _set_pages(t, row_page)
        return Row(cells=cells, page=row_page, is_header=header)

    def _row_cells(self, tr, source_index: int, nested: bool, open_merges: dict[int, Cell],
                   before: Optional[int]) -> tuple[list[Cell], bool, bool]:
        """A row's cells (merged cells widened or continued); and whether the row starts on
        a new page, and whether a page turns inside it (from rendered breaks)."""
        cells: list[Cell] = []
        col = 0
        if before:
            cells.append(Cell(colspan=before))
            col = before
        starts_new, mid_break = False, False
        for tc in self._cells(tr):
            tcpr = tc.find(qn("w:tcPr"))
            span = int_attr(tcpr.find(qn("w:gridSpan"))) if tcpr is not None else None
            span = span if span and span > 0 else 1
            vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            hm = tcpr.find(qn("w:hMerge")) if tcpr is not None else None
            if hm is not None and hm.get(W_VAL) != "restart" and cells:
                # Legacy horizontal merge: widen the previous cell instead.
                cells[-1].colspan += span
                col += span
                continue
            if vm is not None and vm.get(W_VAL) != "restart" and col in open_merges:
                open_merges[col].rowspan += 1
                cells.append(Cell(colspan=span, continued=True))
                col += span
                continue
            if not nested and self.paged and self.rendered:
                s, m = self._cell_breaks(tc)
                starts_new |= s
                mid_break |= m
            cell = self.cell(tc, source_index)
            cell.colspan = span
            for c in range(col, col + span):
                open_merges.pop(c, None)
            if vm is not None and vm.get(W_VAL) == "restart":
                open_merges[col] = cell
            cells.append(cell)
            col += span
        return cells, starts_new, mid_break

    def _cell_breaks(self, tc) -> tuple[bool, bool]:
        """(row starts on a new page, page turns inside the row) from rendered breaks."""
        seen_text = False
        for el in tc.iter(W_T, W_LRPB):
            if el.tag == W_T:
                if (el.text or "").strip():
                    seen_text = True
            else:
                return (not seen_text, seen_text)
        return (False, False)

    def cell(self, tc, source_index: int) -> Cell:
        lines: list[str] = []
        tables: list[Block] = []
        inked_bold: list[bool] = []
        para_fills: list[Optional[str]] = []
        for el in self.body_items(tc):
            if el.tag == W_TBL:
                t = self.table(el, source_index, nested=True)
                if t.rows:
                    tables.append(t)
                continue
            sid = self.ss.para_style_id(el)
            out: list = []
            self.pieces(el, sid, out, [])
            self._pending_notes.extend(s.text for s in out if s.event == "footnote")
            num_id, ilvl, _ = self.ss.num_pr(el, sid)
            label = ""
            if num_id and self.ss.numbering.levels(num_id):
                label = self.ss.numbering.next_label(num_id, ilvl or 0)
            text = "".join(s.text for s in out if s.event is None).strip()
            if not text:
                continue
            if label:
                text = f"{label} {text}"
            lines.append(text)
            inked_bold.extend(s.bold for s in out if s.event is None and s.text.strip())
            para_fills.append(_shade_colour(el.find(qn("w:pPr") + "/" + qn("w:shd")), self.ss.theme))
        tcpr = tc.find(qn("w:tcPr"))
        fill = _shade_colour(tcpr.find(qn("w:shd")), self.ss.theme) if tcpr is not None else None
        if fill is None and para_fills and para_fills[0] and len(set(para_fills)) == 1:
            # Some officers colour the paragraph, not the cell; it reads the same.
            fill = para_fills[0]
        if fill is None:
            # ... or run the highlighter over the cell's words
            fill = marked_fill(tc, self.ss.theme)
        return Cell(text="\n".join(lines), fill=fill, bold=bool(inked_bold) and all(inked_bold),
                    tables=tables)

    def _apply_style_shading(self, tbl, rows: list[Row]):
        """Fill from the table style where cells have none: the whole table, then
        its conditional formatting (row and column bands, first and last row and
        column, corner cells) as the table's ``w:tblLook`` switches them on."""
        tpr = tbl.find(qn("w:tblPr"))
        ts = tpr.find(qn("w:tblStyle")) if tpr is not None else None
        sid = ts.get(W_VAL) if ts is not None else self.ss.default_table
        if not sid or not rows:
            return
        shading = style_shading(self.ss.chain(sid), self.ss.theme)
        if not any(v for k, v in shading.items() if not k.endswith("BandSize")):
            return
        look = table_look(tpr.find(qn("w:tblLook")) if tpr is not None else None)
        n_cols = max(sum(c.colspan for c in r.cells) for r in rows)
        for i, row in enumerate(rows):
            col = 0
            for c in row.cells:
                if c.fill is None and not c.continued:
                    c.fill = conditional_fill(shading, look, i, len(rows), col, n_cols)
                col += c.colspan


#: conditional formats from weakest to strongest, as Word layers them
CONDITIONS = ("wholeTable", "band1Vert", "band2Vert", "band1Horz", "band2Horz", "firstCol", "lastCol",
              "firstRow", "lastRow", "neCell", "nwCell", "seCell", "swCell")


def style_shading(chain: list, theme: Optional[Theme]) -> dict:
    """Shading per condition of a table style (nearest style in the basedOn chain
    wins), plus its row and column band sizes."""
    out: dict = {}
    for s in chain:
        if "wholeTable" not in out:
            shd = s.find(qn("w:tcPr") + "/" + qn("w:shd"))
            if shd is not None:
                out["wholeTable"] = _shade_colour(shd, theme)
        for cond in s.iterchildren(qn("w:tblStylePr")):
            kind = cond.get(qn("w:type"))
            shd = cond.find(qn("w:tcPr") + "/" + qn("w:shd"))
            if kind and kind not in out and shd is not None:
                out[kind] = _shade_colour(shd, theme)
        for size in ("tblStyleRowBandSize", "tblStyleColBandSize"):
            v = int_attr(s.find(qn("w:tblPr") + "/" + qn(f"w:{size}")))
            if size not in out and v:
                out[size] = v
    return out


#: w:tblLook's hex w:val bits (older files) for the named attributes (newer ones)
_LOOK_BITS = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100,
              "noHBand": 0x200, "noVBand": 0x400}


def table_look(look) -> dict[str, bool]:
    """Which conditional formats a table turns on. Without a w:tblLook the first
    row is a header (as the reader always assumed) and bands are on."""
    out = {"firstRow": True, "lastRow": False, "firstColumn": False, "lastColumn": False,
           "noHBand": False, "noVBand": False}
    if look is None:
        return out
    bits = look.get(W_VAL)
    mask = int(bits, 16) if bits and re.fullmatch(r"[0-9A-Fa-f]{1,4}", bits) else None
    for name, bit in _LOOK_BITS.items():
        v = look.get(qn(f"w:{name}"))
        if v is not None:
            out[name] = v in ("1", "true", "on")
        elif mask is not None:
            out[name] = bool(mask & bit)
    return out


def conditional_fill(shading: dict, look: dict[str, bool], i: int, n_rows: int, col: int, n_cols: int) -> Optional[str]:
    """The style's fill for the cell at row ``i``, grid column ``col``: the
    strongest condition that applies and shades."""
    first_row = look["firstRow"] and i == 0
    last_row = look["lastRow"] and i == n_rows - 1 and n_rows > 1
    first_col = look["firstColumn"] and col == 0
    last_col = look["lastColumn"] and col == n_cols - 1 and n_cols > 1
    applies = {"wholeTable": True, "firstRow": first_row, "lastRow": last_row,
               "firstCol": first_col, "lastCol": last_col,
               "nwCell": first_row and first_col, "neCell": first_row and last_col,
               "swCell": last_row and first_col, "seCell": last_row and last_col}
    if not look["noHBand"] and not (first_row or last_row):
        # bands count body rows only: a header row is not band 1
        k = (i - (1 if look["firstRow"] else 0)) // max(1, shading.get("tblStyleRowBandSize", 1))
        applies["band1Horz" if k % 2 == 0 else "band2Horz"] = True
    if not look["noVBand"] and not (first_col or last_col):
        k = (col - (1 if look["firstColumn"] else 0)) // max(1, shading.get("tblStyleColBandSize", 1))
        applies["band1Vert" if k % 2 == 0 else "band2Vert"] = True
    fill = None
    for cond in CONDITIONS:
        if applies.get(cond) and shading.get(cond):
            fill = shading[cond]
    return fill


def _set_pages(table: Block, page: Optional[int]) -> None:
    """A nested table lies on its parent row's page."""
    table.page = table.page_end = page
    for r in table.rows:
        r.page = page
        for c in r.cells:
            for t in c.tables:
                _set_pages(t, page)


MAX_BOLD_HEADER_ROWS = 3


def _mark_bold_header_rows(rows: list[Row]) -> None:
    """Wholly bold rows at the top are header rows (a group row over a column
    row is common in budgets), as long as a body row is left below them."""
    n = 0
    for row in rows[:MAX_BOLD_HEADER_ROWS]:
        inked = [c for c in row.cells if c.text.strip() and not c.continued]
        if not (row.is_header or (inked and all(c.bold for c in inked))):
            break
        n += 1
    if n >= len(rows):
        n = 1 if len(rows) > 1 else 0  # an all-bold table: only its first row is a header
    for row in rows[:n]:
        row.is_header = True
