"""Attendance grids: members against the year's meeting dates with a code per
cell and a key ("P - Present  S - Sanctioned  A - Absent"). Only the column of
the meeting the minutes record is read (made-up names; one real paper)."""

from __future__ import annotations

from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.attendance import grid_legend
from boardpack.core.model import MINUTES, Block, Cell, Document, Paper, Row

load_all()


def para(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def table(rows):
    """rows of cells; a cell is text or (text, colspan) or (text, colspan, fill)."""
    out = []
    for r in rows:
        cells = []
        for c in r:
            if isinstance(c, tuple):
                cells.append(Cell(c[0], colspan=c[1], fill=c[2] if len(c) > 2 else None))
            else:
                cells.append(Cell(c))
        out.append(Row(cells, page=1))
    return Block("table", rows=out, page=1)


def att(blocks):
    doc = Document(path="x.pdf", sha256="b" * 64, format="pdf", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(MINUTES, "", 0, len(blocks) - 1)])
    rows = extract_document(ctx).rows
    return {(a["person"], a["attendance"]) for a in rows.get("attendance", [])}, rows


def _stack(dates):
    """Rotated date headers as a PDF table finder stacks them: one character per row, bottom to top."""
    n = max(len(d) for d in dates)
    cols = [list(reversed(d.rjust(n))) for d in dates]
    return table([[c[k].strip() for c in cols] for k in range(n)])


def test_legend_words_give_categories():
    assert grid_legend(["P \u2013 Present S \u2013 Sanctioned", "A \u2013 Absent L \u2013 Late arrival"]) == {
        "p": "present", "s": "apologies", "a": "apologies", "l": "present"}


def test_attendance_grid_read_in_the_column_of_the_meeting_date_from_rotated_headers():
    got, _ = att([
        para("Finance Committee"),
        para("Minutes of the Finance Committee held on 23/11/2020"),
        _stack(["28/09/2020", "23/11/2020", "25/01/2021"]),
        para("GOVERNOR ATTENDANCE", kind="heading"),
        table([
            ["Ann Greaves", ("P", 3), "A", "", ""],
            ["Bob Tanner", ("P", 3), "S", "", ""],
            ["Cath Lyle", ("", 1, "#808080"), ("", 1, "#808080"), ("", 1, "#808080"), "P", "", ""],
            ["Dan Orme", ("A", 3), "", "", ""],
            ["VACANT", ("", 3), "", "", ""],
        ]),
        para("P \u2013 Present S \u2013 Sanctioned\nA \u2013 Absent L \u2013 Late arrival"),
        table([["Chaired by", "Cath Lyle", "Clerked by", "Eve Marsh"]]),
        para("1. Apologies", kind="heading"),
    ])
    # the 28/09 column (all P, Dan Orme A) is another meeting; nobody is marked for 25/01
    assert got == {("Ann Greaves", "apologies"), ("Bob Tanner", "apologies"), ("Cath Lyle", "chair"),
                   ("Eve Marsh", "in attendance")}


def test_attendance_grid_with_dates_in_its_own_header_rows_and_a_type_column_as_role():
    _, rows = att([
        para("Minutes of the Board of Governors held on 14 October 2019"),
        table([
            ["", ("GOVERNOR ATTENDANCE", 4), ""],
            [("", 1), "Type", ("14/10/19", 1), ("09/12/19", 1), "Date Resigned"],
            ["JOHN ABLE", "Parent", "P", "", ""],
            ["MARY BRIGHT", "Co-opted", "A", "", ""],
            ["VACANT", "Staff", ("", 1, "#808080"), "", ""],
            ["OLD MEMBER", "Parent", ("", 1, "#808080"), ("", 1, "#808080"), "01/10/2019"],
        ]),
        para("P - Present A - Absent"),
        para("Prior to the meeting the governors received training on safeguarding from the local authority."),
        para("1. Minutes of the last meeting", kind="heading"),
    ])
    got = {(a["person"], a["attendance"], a["role"]) for a in rows["attendance"]}
    assert got == {("JOHN ABLE", "present", "Parent"), ("MARY BRIGHT", "apologies", "Co-opted")}


def test_attendance_grid_without_the_meeting_date_reads_nothing():
    got, _ = att([
        para("Minutes of the Finance Committee held on 2 March 2021"),
        _stack(["28/09/2020", "23/11/2020"]),
        table([["Ann Greaves", "P", "P"], ["Bob Tanner", "P", "A"]]),
        para("P - Present A - Absent"),
    ])
    assert got == set()


def test_real_governors_grid_with_rotated_dates(realworld_dir, parsed):
    f = realworld_dir / "decoy-primary-school-governors" / "fgb-minutes-191014.pdf"
    if not f.exists():
        import pytest
        pytest.skip("paper not present")
    res = parsed(f)
    got = {(a["person"].title(), a["attendance"]) for a in res.result.rows["attendance"]}
    assert ("Alex Kirkbride", "apologies") in got
    assert ("Heather Poustie", "present") in got and ("Chris Winfield", "present") in got
    assert ("Keith Moore", "chair") in got and ("Keith Moore", "present") not in got
    assert not any("Vacant" in p or "Colin Brown" in p for p, _ in got)
