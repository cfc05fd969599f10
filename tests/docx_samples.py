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
