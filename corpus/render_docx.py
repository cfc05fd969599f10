"""Word writing helpers: what a council officer's .docx looks like, in python-docx.

The corpus packs are written through :class:`PackWriter`, which wraps a
python-docx ``Document`` with the few things real packs use and python-docx
does not offer directly: a running header and a footer with a PAGE field,
an optional file-path footer ("E:\\moderngov\\Data\\AgendaItemDocs\\...doc"),
tables with ruling lines (Table Grid) and without any borders, cell fills
(RAG colours), a repeated header row (``w:tblHeader``), headings made by
style and others made only by bold formatting, bullet lists (List Bullet
styles), superscript footnote markers, page breaks and landscape sections.

:func:`save_deterministic` rewrites the saved zip with fixed timestamps so the
same content always gives the same bytes (``build.py --check`` relies on it).
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm, RGBColor

#: Fills used for RAG cells (Word's standard "Green", a Word amber, "Red").
FILLS = {"green": "00B050", "amber": "FFC000", "red": "FF0000", "closed": "BFBFBF"}

FIXED_TIME = _dt.datetime(2009, 7, 24, 9, 0, 0)


class PackWriter:
    """A Word document being written top to bottom, one paper after another."""

    def __init__(self, header_text: str, footer_path: str | None = None, author: str = "Democratic Services",
                 created: _dt.datetime = FIXED_TIME, base_font: str = "Arial", base_size: int = 11):
        self.doc = Document()
        st = self.doc.styles["Normal"]
        st.font.name = base_font
        st.font.size = Pt(base_size)
        # East-Asian font name too, so LibreOffice does not substitute per script.
        rpr = st.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.append(rfonts)
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(a), base_font)
        for name in ("Heading 1", "Heading 2", "Heading 3"):
            hs = self.doc.styles[name]
            hs.font.name = base_font
            hs.font.color.rgb = RGBColor(0, 0, 0)
        self.doc.styles["Heading 1"].font.size = Pt(14)
        self.doc.styles["Heading 2"].font.size = Pt(12)
        self.doc.styles["Heading 3"].font.size = Pt(11)
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(sec, side, Cm(2.0))
        sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
        cp = self.doc.core_properties
        cp.author = author
        cp.last_modified_by = author
        cp.created = created
        cp.modified = created
        cp.revision = 1
        self.header_text = header_text
        self.set_furniture(sec, header_text, footer_path)

    # -- page furniture -------------------------------------------------
    def set_furniture(self, section, header_text: str, footer_path: str | None) -> None:
        """Running header (committee name) and footer "Page N" (+ file path)."""
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        hp = section.header.paragraphs[0]
        hp.text = ""
        r = hp.add_run(header_text)
        r.font.size = Pt(8)
        r.italic = True
        fp = section.footer.paragraphs[0]
        fp.text = ""
        fp.alignment = 1  # centred
        r = fp.add_run("Page ")
        r.font.size = Pt(8)
        add_field(fp, "PAGE", "1", size=8)
        if footer_path:
            p2 = section.footer.add_paragraph()
            r = p2.add_run(footer_path)
            r.font.size = Pt(6)

    def new_section(self, landscape: bool = False, footer_path: str | None = None, header_text: str | None = None):
        """Start a new section on a new page (landscape for wide action plans)."""
        from docx.enum.section import WD_SECTION
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        if landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        else:
            sec.orientation = WD_ORIENT.PORTRAIT
            sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(sec, side, Cm(1.8 if landscape else 2.0))
        self.set_furniture(sec, header_text or self.header_text, footer_path)
        return sec

    # -- text -----------------------------------------------------------
    def heading(self, text: str, level: int = 1, footnote: str | None = None):
        """A heading by Word style (Heading 1/2/3)."""
        p = self.doc.add_paragraph(style=f"Heading {level}")
        p.add_run(text)
        if footnote:
            sup(p, footnote)
        return p

    def bold(self, text: str, size: int | None = None, footnote: str | None = None, align: int | None = None,
             underline: bool = False):
        """A heading made by bold formatting only (Normal style), as many officers do."""
        p = self.doc.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        r.underline = underline
        if size:
            r.font.size = Pt(size)
        if footnote:
            sup(p, footnote)
        if align is not None:
            p.alignment = align
        return p

    def para(self, *parts, style: str | None = None, size: int | None = None, italic: bool = False,
             align: int | None = None):
        """A paragraph; ``parts`` are strings or (text, "b"/"i"/"bi"/"sup") pairs."""
        p = self.doc.add_paragraph(style=style) if style else self.doc.add_paragraph()
        add_runs(p, parts, size=size, italic=italic)
        if align is not None:
            p.alignment = align
        return p

    def bullet(self, *parts, level: int = 1):
        style = "List Bullet" if level == 1 else f"List Bullet {level}"
        return self.para(*parts, style=style)

    def numbered(self, *parts):
        return self.para(*parts, style="List Number")

    def footnote_block(self, notes: list[tuple[str, str]]):
        """Template guidance footnotes printed at the foot of a report page."""
        p = self.doc.add_paragraph()
        r = p.add_run("_" * 30)
        r.font.size = Pt(8)
        for mark, text in notes:
            p = self.doc.add_paragraph()
            r = p.add_run(mark)
            r.font.superscript = True
            r.font.size = Pt(8)
            r = p.add_run(" " + text)
            r.font.size = Pt(8)

    def page_break(self):
        p = self.doc.add_paragraph()
        p.add_run().add_break(WD_BREAK.PAGE)
        return p

    def blank_page(self, text: str = "This page is left blank intentionally."):
        self.page_break()
        self.para(text, align=1)
        self.page_break()

    # -- tables ---------------------------------------------------------
    def table(self, rows: list[list], widths: list[float] | None = None, borders: bool = True,
              header_rows: int = 0, bold_header: bool = True, size: int | None = 9, fills: dict | None = None,
              merges: list[tuple[int, int, int, int]] | None = None):
        """Add a table.

        ``rows``: list of rows; each cell is a string, a list of paragraphs
        (each a string or a list of parts), or ``None`` for empty.
        ``fills``: {(row, col): "RRGGBB"}; ``header_rows``: rows marked as
        repeating header rows (``w:tblHeader``); ``merges``: (r1, c1, r2, c2)
        cell ranges merged after filling.
        """
        ncols = max(len(r) for r in rows)
        t = self.doc.add_table(rows=len(rows), cols=ncols)
        if borders:
            t.style = self.doc.styles["Table Grid"]
        else:
            set_no_borders(t)
        t.autofit = False
        # table.cell() recomputes the whole grid on every call: fetch each row's cells once.
        trows = t.rows
        for i, row in enumerate(rows):
            cells = trows[i].cells
            for j in range(ncols):
                cell = cells[j]
                val = row[j] if j < len(row) else None
                fill_cell(cell, val, bold=(bold_header and i < max(header_rows, 1) and header_rows > 0), size=size)
                if widths:
                    cell.width = Cm(widths[j])
        if widths:
            for j, w in enumerate(widths):
                t.columns[j].width = Cm(w)
        for i in range(header_rows):
            trpr = t.rows[i]._tr.get_or_add_trPr()
            h = OxmlElement("w:tblHeader")
            trpr.append(h)
        for (i, j), colour in (fills or {}).items():
            shade(trows[i].cells[j], colour)
        for (r1, c1, r2, c2) in merges or []:
            a, b = t.cell(r1, c1), t.cell(r2, c2)
            keep = a.text
            merged = a.merge(b)
            # merge() concatenates paragraphs of both cells; keep only the first cell's.
            if merged.text != keep:
                for p in merged.paragraphs[1:]:
                    if not p.text.strip():
                        p._p.getparent().remove(p._p)
        self.doc.add_paragraph()
        return t


def add_runs(p, parts, size=None, italic=False):
    for part in parts:
        if isinstance(part, str):
            text, fmt = part, ""
        else:
            text, fmt = part
        r = p.add_run(text)
        if "b" in fmt:
            r.bold = True
        if "i" in fmt or italic:
            r.italic = True
        if "u" in fmt:
            r.underline = True
        if fmt == "sup":
            r.font.superscript = True
        if size:
            r.font.size = Pt(size)


def sup(p, mark: str):
    r = p.add_run(mark)
    r.font.superscript = True
    return r


def fill_cell(cell, val, bold=False, size=None):
    """Write ``val`` (str, list of paragraphs, or None) into a table cell."""
    if val is None or val == "":
        return
    paras = val if isinstance(val, list) else [val]
    first = True
    for para in paras:
        style = None
        if isinstance(para, dict):
            style = para.get("style")
            parts = para["parts"]
        elif isinstance(para, str):
            parts = [para]
        else:
            parts = para
        if first:
            p = cell.paragraphs[0]
            if style:
                p.style = cell.part.document.styles[style]
            first = False
        else:
            p = cell.add_paragraph(style=style)
        norm_parts = []
        for part in parts:
            if isinstance(part, str):
                norm_parts.append((part, "b" if bold else ""))
            else:
                norm_parts.append(part)
        add_runs(p, norm_parts, size=size)


def shade(cell, colour_hex: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour_hex)
    tcpr.append(shd)


def set_no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def add_field(paragraph, instr: str, placeholder: str = "1", size: int | None = None) -> None:
    """A complex field (fldChar begin/instrText/separate/result/end), as Word writes PAGE."""
    def run_with(el):
        r = paragraph.add_run()
        if size:
            r.font.size = Pt(size)
        r._r.append(el)
        return r
    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    run_with(b)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run_with(it)
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    run_with(s)
    r = paragraph.add_run(placeholder)
    if size:
        r.font.size = Pt(size)
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    run_with(e)


def save_deterministic(doc, path: Path) -> bytes:
    """Save ``doc`` to ``path`` with fixed zip timestamps; return the bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2009, 7, 24, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    data = out.getvalue()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data
