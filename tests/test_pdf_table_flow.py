"""PDF tables from geometry (issue 9): a borderless table over page breaks.

The regression fixtures (tests/fixtures/pdf_layout/build.py) are an action
plan set without any ruling line, in small type with narrow columns so that
cells wrap over many lines, rows allowed to break across pages, a column
("Other partners") left empty on page 2, and its header row printed on page 1
only (``borderless-plan-header-not-repeated.pdf``) or repeated
(``borderless-plan-header-repeated.pdf``). The expected rows below were
written from the pages, not from the reader's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpack.core.model import TABLE
from boardpack.ingest.pdf_columns import crosses, word_columns
from boardpack.ingest.pdf_text_tables import TLine
from boardpack.pipeline import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_layout"
NOT_REPEATED = FIXTURES / "borderless-plan-header-not-repeated.pdf"
REPEATED = FIXTURES / "borderless-plan-header-repeated.pdf"

HEADER = ["Ref", "Action", "Milestones", "Lead agency", "Other partners", "Status",
          "Progress (to be updated quarterly)"]
#: (ref, lead agency, other partners, status, page the row starts on), read from the PDF
EXPECTED = [
    ("1.1", "Police", "District council", "green", 1),
    ("1.2", "District council", "Parish councils", "amber", 1),
    ("1.3", "Police", "Licensing team", "red", 1),
    ("1.4", "County council", None, "green", 1),
    ("1.5", "Police", None, "amber", 2),
    ("1.6", "District council", None, "green", 2),
    ("1.7", "Youth service", None, "red", 2),
    ("1.8", "Probation", None, "green", 2),
]
#: row 1.4 breaks across pages 1 and 2 in both fixtures
SPLIT_ROW_PROGRESS = ("Both advisers are now in post and every referral this quarter reached the risk "
                      "conference within two weeks of the first report to the police.")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def parsed():
    return {p.name: parse_file(p) for p in (NOT_REPEATED, REPEATED)}


def _tables(pf):
    return [b for b in pf.doc.blocks if b.kind == TABLE]


@pytest.mark.parametrize("name", [NOT_REPEATED.name, REPEATED.name])
def test_borderless_plan_is_one_table_with_the_first_pages_columns(parsed, name):
    tables = _tables(parsed[name])
    assert len(tables) == 1
    t = tables[0]
    assert t.page == 1 and t.page_end >= 2
    # the header printed on page 1 (three lines deep) names the columns of the whole table
    assert t.rows[0].is_header
    assert [_flat(c.text) for c in t.rows[0].cells] == HEADER
    assert sum(1 for r in t.rows if r.is_header or [_flat(c.text) for c in r.cells] == HEADER) == 1
    # page 2 leaves "Other partners" empty, yet keeps all seven columns
    assert all(len(r.cells) == 7 for r in t.rows)
    body = t.rows[1:]
    assert [r.cells[0].norm for r in body] == [e[0] for e in EXPECTED]
    assert [r.page for r in body] == [e[4] for e in EXPECTED]
    assert [r.cells[5].norm for r in body] == [e[3].upper() for e in EXPECTED]


@pytest.mark.parametrize("name", [NOT_REPEATED.name, REPEATED.name])
def test_row_split_by_the_page_break_is_joined(parsed, name):
    t = _tables(parsed[name])[0]
    row = next(r for r in t.rows if r.cells[0].norm == "1.4")
    assert _flat(row.cells[6].text) == SPLIT_ROW_PROGRESS
    assert _flat(row.cells[1].text) == "Support victims of domestic abuse"
    assert row.page == 1


@pytest.mark.parametrize("name", [NOT_REPEATED.name, REPEATED.name])
def test_borderless_plan_gives_refs_statuses_owners_and_pages(parsed, name):
    rows = parsed[name].result.rows
    actions = [(a["number"], a["lead_agency"], a["other_partners"], a["page"]) for a in rows["plan_actions"]]
    assert actions == [(r, lead, partners, page) for r, lead, partners, _, page in EXPECTED]
    updates = [(u["ref"], u["status"], u["page"]) for u in rows["plan_updates"]]
    assert updates == [(r, status, page) for r, _, _, status, page in EXPECTED]
    progress = {u["ref"]: u["progress"] for u in rows["plan_updates"]}
    assert progress["1.4"] == SPLIT_ROW_PROGRESS


# -- columns from word positions -----------------------------------------------------


def _line(top: float, *words: tuple[str, float, float], size: float = 8.0) -> TLine:
    return TLine(words=[{"text": t, "x0": a, "x1": b, "top": top, "bottom": top + size, "size": size}
                        for t, a, b in words])


def test_two_cells_that_nearly_touch_stay_two_columns():
    # "Licensing team" ends 11pt short of "RED": closer than a segment gutter,
    # but every line keeps that strip clear, so it is a gutter
    lines = [_line(0, ("Police", 334, 360), ("GREEN", 407, 438)),
             _line(12, ("Licensing", 334, 370), ("team", 372.5, 396), ("RED", 407, 422)),
             _line(24, ("District", 334, 364), ("council", 367, 396), ("AMBER", 407, 440))]
    cols = word_columns(lines, 8.0)
    assert len(cols) == 2
    assert cols[0][1] <= 396 < 407 <= cols[1][0]


def test_a_strip_no_wider_than_a_word_space_is_inside_a_cell():
    # no word enters 364..366.5, but it is a word space: one column
    lines = [_line(0, ("District", 334, 364), ("council", 366.5, 396)),
             _line(12, ("County", 334, 360), ("council", 362.5, 392))]
    assert len(word_columns(lines, 8.0)) == 1


def test_a_heading_across_the_table_crosses_its_gutters_and_a_wide_cell_does_not():
    cols = [[50.0, 100.0], [150.0, 300.0]]
    heading = _line(0, ("Priority", 50, 80), ("3:", 82, 90), ("Challenging", 92.5, 140), ("the", 142.5, 156),
                    ("Attitudes", 158.5, 190))
    wider_cell = _line(0, ("Lead", 50, 70), ("officer", 72.5, 98), ("name", 100.5, 120), ("Text", 150, 170))
    assert crosses(heading, cols, 8.0)
    assert not crosses(wider_cell, cols, 8.0)


# -- the layout corpus: each PDF against its DOCX twin ------------------------------

LAYOUTS = Path(__file__).resolve().parent.parent / "corpus" / "layouts"


def _updates(path: Path) -> set[tuple]:
    return {(u["ref"], u["status"], u["stats_awaited"]) for u in parse_file(path).result.rows["plan_updates"]}


@pytest.mark.parametrize("pack", [
    "cdrp-2009-10-26",  # milestones listed down one cell with their progress, header on page 1 only
    "cdrp-2010-01-25",  # each milestone level with its own progress in a column of its own
    "cdrp-2011-04-26",  # group headings ("Priority 2: ...") across the table, a shaded header band
    "cdrp-2017-02-23",  # rows numbered in the second column beside merged priority labels, no gaps
])
def test_borderless_layout_plan_reads_as_its_docx_twin(pack):
    pdf = LAYOUTS / "borderless" / f"{pack}-borderless.pdf"
    updates = _updates(pdf)
    assert updates == _updates(pdf.with_suffix(".docx"))
    assert updates


def test_shaded_header_band_heads_rows_that_leave_a_column_empty():
    # landscape, no rulings, the header a shaded band the lattice finder takes
    # for a table of its own; on one page the rows leave "Lead CDRP Agency" empty
    pdf = LAYOUTS / "shaded" / "cdrp-2011-04-26-shaded.pdf"
    assert _updates(pdf) == _updates(LAYOUTS / "borderless" / "cdrp-2011-04-26-borderless.docx")


def test_reference_broken_in_a_narrow_column_is_one_number():
    refs = {u["ref"] for u in parse_file(LAYOUTS / "narrow" / "cdrp-2010-01-25-narrow.pdf").result.rows["plan_updates"]}
    assert {"1.10a", "1.10b", "1.11a"} <= refs
    assert not any(" " in r for r in refs)
