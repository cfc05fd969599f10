"""Action-plan rows over page breaks and wrapped cells in narrow and open PDF
layouts (issue 9): each layout PDF reads as its DOCX twin, and the rules
behind it hold on hand-built tables.

- A row at the top of a page that opens a new lettered item ("4.5b ...") in
  a column whose rows open with ids starts a row of its own: it is not the
  rest of the row above split by the break, even when that row's cells end
  without a full stop.
- What is left of a repeated header once a running header took its first
  line ("r" of a "Numbe / r" heading in a narrow column) is dropped, not
  joined to the last row above the break.
- A group heading across a borderless table under the rows the page finder
  took (the table running to the page foot) is a heading row, and does not
  close the gutters of the columns its words run over.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpack.core.model import PAGE_BREAK, TABLE, Block, Cell, Row
from boardpack.ingest.pdf_lines import TLine
from boardpack.ingest.pdf_table_rows import keyed_rows
from boardpack.ingest.pdf_tables import join_split_tables
from boardpack.pipeline import parse_file

LAYOUTS = Path(__file__).resolve().parent.parent / "corpus" / "layouts"


def _updates(path: Path) -> set[tuple]:
    return {(u["ref"], u["status"], u["stats_awaited"]) for u in parse_file(path).result.rows["plan_updates"]}


@pytest.mark.parametrize("layout, pack", [
    ("narrow", "cdrp-2010-01-25"),  # "To meet target - on track/not on" / "track" in a narrow cell
    ("open", "cdrp-2011-04-26"),  # group headings across a borderless table, the last under the finder's rows
    ("serif", "cdrp-2009-10-26"),  # header "Numbe / r": its second line left at the top of each page
    ("shaded", "cdrp-2010-01-25"),  # "4.5b ..." at the top of a page under "4.5a ..."
])
def test_layout_plan_reads_as_its_docx_twin(layout, pack):
    pdf = LAYOUTS / layout / f"{pack}-{layout}.pdf"
    if not pdf.exists():
        pytest.skip(f"layout corpus not built: {pdf}")
    updates = _updates(pdf)
    assert updates
    assert updates == _updates(pdf.with_suffix(".docx"))


def _row(*texts: str, page: int, header: bool = False) -> Row:
    return Row(cells=[Cell(text=t) for t in texts], page=page, is_header=header)


def _table(rows: list[Row], page: int) -> Block:
    return Block(kind=TABLE, page=page, rows=rows, bbox=(50.0, 70.0, 770.0, 520.0), style="text-aligned")


def _joined(first: list[Row], second: list[Row]) -> Block:
    blocks = [_table(first, 9), Block(kind=PAGE_BREAK, page=9), _table(second, 10)]
    out = join_split_tables(blocks, lambda b: False)
    tables = [b for b in out if b.kind == TABLE]
    assert len(tables) == 1
    return tables[0]


def _above() -> list[Row]:
    """Page 9's rows: cells that end without a full stop, as plan cells do."""
    return [
        _row("Numbe\nr", "Milestones", "Lead agency", "Progress", page=9, header=True),
        _row("4.4", "4.4a Respond to calls\nMeasurement = Number of calls", "Trading Standards", "Ongoing", page=9),
        _row("", "4.4b Work with local communities\nSource: Lead Agency", "", "Q3 Progress: ongoing", page=9),
        _row("4.5", "4.5a Consult on planning applications\nSource: Lead Agency", "Planning",
             "Q3 Progress: Stats Awaited", page=9),
    ]


def test_new_lettered_item_at_the_top_of_a_page_is_a_row_of_its_own():
    t = _joined(_above(), [_row("", "4.5b Ensure the framework refers to crime", "", "Q3 Progress: 24 documents",
                                page=10)])
    assert [r.cells[1].norm.split()[0] for r in t.rows[1:]] == ["4.4a", "4.4b", "4.5a", "4.5b"]
    assert t.rows[-1].page == 10
    assert "4.5b" not in t.rows[-2].cells[1].norm


def test_row_split_by_the_break_is_still_joined():
    t = _joined(_above(), [_row("", "and the parish councils", "", "", page=10)])
    assert len(t.rows) == 4
    assert t.rows[-1].cells[1].norm.endswith("and the parish councils")


def test_rest_of_a_repeated_header_is_dropped_not_joined():
    t = _joined(_above(), [_row("r", "", "", "", page=10, header=True),
                           _row("", "4.5b Ensure the framework refers to crime", "", "", page=10)])
    assert [" ".join(r.cells[0].norm.split()) for r in t.rows] == ["Numbe r", "4.4", "", "4.5", ""]
    assert t.rows[-1].page == 10 and t.rows[-1].cells[1].norm.startswith("4.5b")


def _w(text: str, x0: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + 8}


def test_lettered_item_beside_a_wrapped_numbered_cell_stays_in_its_row():
    # (action cell, milestone cell) per line: "1.7b" opens level with the last
    # line of 1.7's action, so the row has not ended; "1.8a" opens under it
    cells = [("1.7 Ensure best practice", "1.7a Consult the officer"), ("applications", "1.7b Ensure the plan"),
             ("", "refers to crime"), ("", "1.7c Hold workshops"), ("1.8 Combat rogue traders", "1.8a Respond")]
    lines, per_line = [], []
    for k, (a, m) in enumerate(cells):
        top = 100.0 + 10 * k
        slots = [[_w(t, 50 + 40 * i, top) for i, t in enumerate(a.split())],
                 [_w(t, 300 + 40 * i, top) for i, t in enumerate(m.split())]]
        lines.append(TLine(words=slots[0] + slots[1]))
        per_line.append(slots)
    grid, _ = keyed_rows(lines, per_line, key=0, sub=1)
    firsts = [" ".join(w["text"] for w in row[1][:1]) for row in grid]
    assert firsts == ["1.7a", "1.7c", "1.8a"]
    assert [w["text"] for w in grid[0][0]][-1] == "applications"
