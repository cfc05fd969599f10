"""Small Word fixtures for the DOCX/DOC reader tests, built with python-docx.

Each feature a council officer's file uses and the reader must survive is
here once: merged cells both ways, a nested table, RAG shading, running
headers/footers with a PAGE field, two-level bullets, numbered items, explicit
page breaks (own paragraph and mid-paragraph), a bold "Normal" pseudo-heading,
a larger-font pseudo-heading and a content control.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt


def _set(el, tag, **attrs):
    child = OxmlElement(tag)
    for k, v in attrs.items():
        child.set(qn(k), v)
    el.append(child)
    return child


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    _set(tcpr, "w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill})


def add_field(paragraph, instr: str, cached: str) -> None:
    """A complex field (begin / instrText / separate / cached result / end)."""
    def run():
        r = OxmlElement("w:r")
        paragraph._p.append(r)
        return r

    _set(run(), "w:fldChar", **{"w:fldCharType": "begin"})
    it = _set(run(), "w:instrText")
    it.text = f" {instr} "
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    _set(run(), "w:fldChar", **{"w:fldCharType": "separate"})
    t = _set(run(), "w:t")
    t.text = cached
    _set(run(), "w:fldChar", **{"w:fldCharType": "end"})


def bold_paragraph(d, text: str):
    p = d.add_paragraph()
    p.add_run(text).bold = True
    return p


def build_sample_docx(path: Path) -> Path:
    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "South Cambridgeshire CDRP Rolling Plan 2009-2012"
    fp = sec.footer.paragraphs[0]
    fp.add_run("Page ")
    add_field(fp, "PAGE", "1")

    d.add_paragraph("Crime and Disorder Reduction Partnership", style="Title")
    d.add_heading("Agenda", level=1)
    d.add_paragraph("Apologies", style="List Number")
    d.add_paragraph("Minutes of the last meeting", style="List Number")
    bold_paragraph(d, "Key Achievements during this Quarter")
    d.add_paragraph("Reduced burglary", style="List Bullet")
    d.add_paragraph("Dwelling burglary down 12%", style="List Bullet 2")
    d.add_paragraph("\u2022\tLiteral bullet item")
    d.add_paragraph("The Board APPROVED the plan.")
    bold_paragraph(d, "This bold sentence is a paragraph, not a heading.")
    d.add_page_break()

    d.add_heading("Rolling Plan", level=2)
    t = d.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, ["Number", "Action", "Milestones", "Progress"]):
        cell.paragraphs[0].add_run(text).bold = True
    # Rows 1-2: number and action merged down (vMerge), two milestones.
    a = t.cell(1, 0).merge(t.cell(2, 0))
    a.text = "1.1"
    b = t.cell(1, 1).merge(t.cell(2, 1))
    b.text = "Improve graffiti removal"
    t.cell(1, 2).text = "1.1a Survey"
    t.cell(1, 3).text = "GREEN"
    shade(t.cell(1, 3), "00B050")
    c = t.cell(2, 2)
    c.text = "1.1b Report"
    c.add_paragraph("Second line")
    t.cell(2, 3).text = "Stats awaited"
    shade(t.cell(2, 3), "FFC000")
    # Row 3: first two columns merged across (gridSpan), a nested table.
    m = t.cell(3, 0).merge(t.cell(3, 1))
    m.text = "FUNDING ALLOCATED: \u00a3500"
    inner_cell = t.cell(3, 2)
    inner_cell.text = "Quarterly counts"
    inner = inner_cell.add_table(rows=2, cols=2)
    for r, vals in enumerate([["Q1", "Q2"], ["10", "12"]]):
        for k, v in enumerate(vals):
            inner.cell(r, k).text = v
    t.cell(3, 3).text = "RED"
    shade(t.cell(3, 3), "FF0000")

    p = d.add_paragraph("Before break")
    p.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    p.add_run("After break")

    # A paragraph wrapped in a content control (w:sdt), as council templates do.
    sdt_p = d.add_paragraph("Inside content control")
    sdt = OxmlElement("w:sdt")
    _set(sdt, "w:sdtPr")
    content = _set(sdt, "w:sdtContent")
    sdt_p._p.addprevious(sdt)
    content.append(sdt_p._p)

    # A content control still showing its prompt is template filler.
    filler = d.add_paragraph("Click or tap here to enter text.")
    sdt = OxmlElement("w:sdt")
    _set(_set(sdt, "w:sdtPr"), "w:showingPlcHdr")
    content = _set(sdt, "w:sdtContent")
    filler._p.addprevious(sdt)
    content.append(filler._p)
    lead = d.add_paragraph("Lead Officer: ")
    sdt = OxmlElement("w:sdt")
    _set(_set(sdt, "w:sdtPr"), "w:showingPlcHdr")
    content = _set(sdt, "w:sdtContent")
    r = _set(content, "w:r")
    t = _set(r, "w:t")
    t.text = "Click here to enter a name."
    lead._p.append(sdt)

    big = d.add_paragraph()
    big.add_run("Performance Data").font.size = Pt(16)
    d.add_paragraph("Final paragraph of the pack.")
    d.save(str(path))
    return path


def build_plain_docx(path: Path) -> Path:
    """No page markers at all: pages unknown, source_index carries position."""
    d = docx.Document()
    d.add_paragraph("First paragraph.")
    d.add_table(rows=1, cols=2).cell(0, 0).text = "only cell"
    d.add_paragraph("Third item.")
    d.save(str(path))
    return path


# -- a file as Word itself saves it: rendered breaks, sections, footnotes ------

def _run_with(p, *children):
    r = OxmlElement("w:r")
    for c in children:
        r.append(c)
    p._p.append(r)
    return r


def _el(tag, text=None, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    if text is not None:
        e.text = text
        e.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return e


def _tracked(p, tag, text):
    """A tracked insertion (w:ins, text kept) or deletion (w:del, text dropped)."""
    wrap = _el(tag, **{"w:id": "9", "w:author": "Officer", "w:date": "2009-07-20T00:00:00Z"})
    r = OxmlElement("w:r")
    r.append(_el("w:delText" if tag == "w:del" else "w:t", text))
    wrap.append(r)
    p._p.append(wrap)


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Please ensure that you only'
    ' highlight notable achievements.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _add_footnotes_part(path: Path) -> None:
    """python-docx cannot write footnotes: add the part, its relationship and content type."""
    import zipfile

    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'))
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", FOOTNOTES_XML)
    tmp.replace(path)


def build_word_features_docx(path: Path) -> Path:
    d = docx.Document()
    # Page 1
    d.add_paragraph("Page one text.")
    p = d.add_paragraph()
    _run_with(p, _el("w:br", **{"w:type": "page"}))
    # Page 2: Word's rendered break right after the explicit one must not count twice.
    p = d.add_paragraph()
    _run_with(p, _el("w:lastRenderedPageBreak"), _el("w:t", "Page two text."))
    h = d.add_paragraph()
    h.add_run("Key Achievements during this Quarter").bold = True
    _run_with(h, _el("w:footnoteReference", **{"w:id": "1"}))
    # A paragraph Word wrapped onto page 3.
    p = d.add_paragraph()
    _run_with(p, _el("w:t", "Long paragraph starts on page two "), _el("w:lastRenderedPageBreak"),
              _el("w:t", "and ends on page three."))
    # Tracked changes: insertion read, deletion not.
    p = d.add_paragraph("The Board ")
    _tracked(p, "w:del", "REJECTED ")
    _tracked(p, "w:ins", "APPROVED ")
    p.add_run("the plan.")
    p.add_run(" Hidden drafting note.").font.hidden = True
    # Small bold print is a note, not a heading.
    note = d.add_paragraph()
    r = note.add_run("PLEASE RESTRICT THE REPORT TO ONE PAGE")
    r.bold, r.font.size = True, Pt(8)
    # A repeat-header table styled with a shaded first row, a gridBefore row,
    # and a row Word split over the page 3/4 boundary.
    t = d.add_table(rows=3, cols=3)
    t.style = "Light List Accent 1"
    for cell, text in zip(t.rows[0].cells, ["Indicator", "2008/09", "2009/10"]):
        cell.text = text
    t.rows[0]._tr.get_or_add_trPr().append(_el("w:tblHeader"))
    for cell, text in zip(t.rows[1].cells, ["Burglary", "120", "98"]):
        cell.text = text
    row2 = t.rows[2]._tr
    first_tc = row2.tc_lst[0]
    row2.remove(first_tc)
    trpr = row2.get_or_add_trPr()
    trpr.insert(0, _el("w:gridBefore", **{"w:val": "1"}))
    row2.tc_lst[0].get_or_add_tcPr()
    cell = t.rows[2].cells[-1]  # python-docx view; text set on the last real cell
    c1, c2 = row2.tc_lst
    c1.xpath("./w:p")[0].append(_el("w:r"))
    c1.xpath("./w:p/w:r")[0].append(_el("w:t", "45"))
    p2 = c2.xpath("./w:p")[0]
    r = _el("w:r")
    r.append(_el("w:t", "split "))
    r.append(_el("w:lastRenderedPageBreak"))
    r.append(_el("w:t", "row"))
    p2.append(r)
    del cell
    # Section break (next page) ends page 4.
    p = d.add_paragraph("End of section one.")
    sect = _el("w:sectPr")
    sect.append(_el("w:type", **{"w:val": "nextPage"}))
    p._p.get_or_add_pPr().append(sect)
    d.add_paragraph("Section two starts page five.")
    # pageBreakBefore puts this on page 6.
    p = d.add_paragraph("Starts page six.")
    p.paragraph_format.page_break_before = True
    # Text box content is read after its anchor paragraph.
    p = d.add_paragraph("Anchor paragraph.")
    box = _el("w:txbxContent")
    bp = _el("w:p")
    br = _el("w:r")
    br.append(_el("w:t", "Text box words"))
    bp.append(br)
    box.append(bp)
    pict = _el("w:pict")
    pict.append(box)
    _run_with(p, pict)
    # A bullet typed as a Symbol-font character, indented to the second level.
    p = d.add_paragraph()
    _run_with(p, _el("w:sym", **{"w:font": "Symbol", "w:char": "F0B7"}), _el("w:tab"),
              _el("w:t", "Symbol bullet item"))
    p.paragraph_format.left_indent = docx.shared.Twips(1440)
    d.save(str(path))
    _add_footnotes_part(path)
    return path
