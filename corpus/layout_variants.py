"""The same Word pack typeset differently: ruling lines, header rows, page shape, type and columns.

Each corpus pack is written once (``pack2009`` / ``pack2011`` / ``pack2017``);
a *layout* is a list of variations applied to that python-docx document before
it is saved and rendered, as another clerk's template or another typesetter
would set the same papers. The words, their order and therefore the gold rows
do not change: only how the tables and pages look.

Variations (each a function on the document; :data:`LAYOUTS` combines them so
that six layouts cover all of them):

* ``rulings(doc, "none" | "rows" | "header-shade")``: no ruling lines at all;
  horizontal rules only (top, under every row, bottom); or no lines and a
  shaded header row;
* ``header_not_repeated``: header rows are printed on the table's first page only;
* ``rows_may_split``: no row is kept whole, so long rows break across pages
  (LibreOffice splits rows at a page break unless told not to);
* ``landscape``: every section on landscape pages;
* ``type_scale(doc, k)``: every font size times ``k`` (small type);
* ``narrow_columns(doc, k)``: every table and column width times ``k``, so
  cells wrap over many lines;
* ``font_family(doc, name)``: another typeface for the whole document;
* ``two_column_front_sheet``: the first page (summons or title page) set in two
  newspaper columns, in a section of its own.
"""

from __future__ import annotations

import copy
from typing import Callable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: Shade of a header row in the "header shading only" layout: a pale blue, as
#: Word's table styles use, so it is not taken for a status colour (grey is
#: "closed" in RAG plans).
HEADER_SHADE = "DBE5F1"
#: Smallest font size a scaled document keeps, in half-points (6 pt).
MIN_HALF_POINTS = 12


def _tables(doc):
    return list(doc.element.body.iter(qn("w:tbl")))


def _set_borders(tbl, spec: dict[str, tuple[str, int]]) -> None:
    """Replace the table's borders: {edge: (w:val, size in eighths of a point)}."""
    tblpr = tbl.tblPr
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        val, size = spec.get(edge, ("nil", 0))
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), str(size))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tblpr.append(borders)
    # cell-level borders would draw lines the table no longer has
    for tcb in list(tbl.iter(qn("w:tcBorders"))):
        tcb.getparent().remove(tcb)


def _header_rows(tbl) -> list:
    """Rows marked as repeating header rows; else the first row, when none of its cells is filled
    (a first row that carries fills is data, e.g. a colour key)."""
    rows = tbl.findall(qn("w:tr"))
    marked = [tr for tr in rows if tr.find(qn("w:trPr")) is not None
              and tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None]
    if marked:
        return marked
    if rows and not list(rows[0].iter(qn("w:shd"))):
        return rows[:1]
    return []


def _shade(tc, fill: str) -> None:
    tcpr = tc.get_or_add_tcPr()
    if tcpr.find(qn("w:shd")) is not None:
        return
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def rulings(doc, mode: str) -> None:
    """Ruling lines of every table: "none", "rows" (horizontal rules only) or "header-shade"."""
    for tbl in _tables(doc):
        if mode == "rows":
            _set_borders(tbl, {"top": ("single", 8), "bottom": ("single", 8), "insideH": ("single", 4)})
        elif mode in ("none", "header-shade"):
            _set_borders(tbl, {})
            if mode == "header-shade":
                for tr in _header_rows(tbl):
                    for tc in tr.findall(qn("w:tc")):
                        _shade(tc, HEADER_SHADE)
        else:
            raise ValueError(f"unknown rulings mode {mode!r}")


def header_not_repeated(doc) -> None:
    for el in list(doc.element.body.iter(qn("w:tblHeader"))):
        el.getparent().remove(el)


def rows_may_split(doc) -> None:
    for el in list(doc.element.body.iter(qn("w:cantSplit"))):
        el.getparent().remove(el)


def _sect_prs(doc) -> list:
    return list(doc.element.body.iter(qn("w:sectPr")))


def landscape(doc) -> None:
    for sp in _sect_prs(doc):
        pg = sp.find(qn("w:pgSz"))
        if pg is None:
            continue
        w, h = int(pg.get(qn("w:w"))), int(pg.get(qn("w:h")))
        if h > w:
            pg.set(qn("w:w"), str(h))
            pg.set(qn("w:h"), str(w))
        pg.set(qn("w:orient"), "landscape")


def _size_elements(root):
    for tag in ("w:sz", "w:szCs"):
        yield from root.iter(qn(tag))


def type_scale(doc, k: float) -> None:
    """Every explicit font size (runs and styles) times ``k``, never below 6 pt."""
    for root in (doc.element.body, doc.styles.element):
        for el in _size_elements(root):
            if el.getparent().tag == qn("w:rPr"):
                v = int(el.get(qn("w:val")))
                el.set(qn("w:val"), str(max(MIN_HALF_POINTS, round(v * k))))


def narrow_columns(doc, k: float) -> None:
    """Table, grid and cell widths times ``k`` (fixed layout, so text wraps instead of widening)."""
    for tbl in _tables(doc):
        for tag in ("w:tblW", "w:tcW"):
            for el in tbl.iter(qn(tag)):
                if el.get(qn("w:type")) in (None, "dxa") and el.get(qn("w:w")):
                    el.set(qn("w:w"), str(round(int(el.get(qn("w:w"))) * k)))
        for el in tbl.iter(qn("w:gridCol")):
            if el.get(qn("w:w")):
                el.set(qn("w:w"), str(round(int(el.get(qn("w:w"))) * k)))


def font_family(doc, name: str) -> None:
    """One typeface everywhere: every font choice in the styles and runs, theme fonts included
    (a theme font wins over a named one, so it goes)."""
    for root in (doc.element.body, doc.styles.element):
        for rf in root.iter(qn("w:rFonts")):
            for a in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                rf.attrib.pop(qn(a), None)
            for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rf.set(qn(a), name)


def two_column_front_sheet(doc, gap_twips: int = 567) -> None:
    """Set everything before the first page break (the summons or title page) in two columns.

    A section of its own ends just before the page break, and the section
    after it starts *continuous*, so the front sheet's columns are balanced
    (the text fills both columns side by side, as a typeset front sheet does)
    and the page break still starts the next page. Both sections keep the
    page size, margins, header and footer of the section they are cut from.
    """
    body = doc.element.body
    first_sect = next(iter(_sect_prs(doc)))
    for p in body.iterchildren(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            return  # the front sheet already ends a section: no page break to cut at
        if any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br"))):
            break
    else:
        return
    front = copy.deepcopy(first_sect)
    cols = front.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        front.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), str(gap_twips))
    end = OxmlElement("w:p")
    end_ppr = OxmlElement("w:pPr")
    end_ppr.append(front)
    end.append(end_ppr)
    p.addprevious(end)
    kind = first_sect.find(qn("w:type"))
    if kind is None:
        kind = OxmlElement("w:type")
        first_sect.insert(0, kind)
    kind.set(qn("w:val"), "continuous")


#: layout name -> (what a reader of the paper sees, the variations in order)
LAYOUTS: dict[str, tuple[str, list[Callable]]] = {
    "grid": ("ruled grid on every table, header rows repeated, portrait papers and landscape plans "
             "(the corpus as built)", []),
    "borderless": ("no ruling lines at all; header rows printed on the first page only; rows split "
                   "across page breaks",
                   [lambda d: rulings(d, "none"), header_not_repeated, rows_may_split]),
    "shaded": ("no ruling lines, the header row shaded; every page landscape",
               [lambda d: rulings(d, "header-shade"), landscape]),
    "narrow": ("small type (three quarters of the size) and columns at 55% of their width, so cells wrap "
               "over many lines; ruled grid; rows split across page breaks",
               [lambda d: type_scale(d, 0.75), lambda d: narrow_columns(d, 0.55), rows_may_split]),
    "serif": ("another typeface and size (Liberation Serif, type 15% larger); horizontal rules only; "
              "the front sheet in two columns",
              [lambda d: font_family(d, "Liberation Serif"), lambda d: type_scale(d, 1.15),
               lambda d: rulings(d, "rows"), two_column_front_sheet]),
    "open": ("landscape pages, no ruling lines, header rows not repeated, DejaVu Sans in small type, "
             "front sheet in two columns",
             [landscape, lambda d: rulings(d, "none"), header_not_repeated, rows_may_split,
              lambda d: font_family(d, "DejaVu Sans"), lambda d: type_scale(d, 0.85), two_column_front_sheet]),
}


def apply_layout(doc, name: str) -> None:
    """Apply layout ``name`` (a key of :data:`LAYOUTS`) to a python-docx document, in place."""
    for step in LAYOUTS[name][1]:
        step(doc)
