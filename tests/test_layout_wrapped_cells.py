"""Cells wrapped over several lines in PDF tables without rulings (issue 9, the
layout corpus): a wrapped cell is one cell, whatever the reader made of its lines.

The layout files are corpus/layouts/<layout>/<pack>-<layout>.pdf; each test is
named after what broke on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpack.core.model import PARAGRAPH, TABLE, Block, Cell, Row
from boardpack.extractors.agenda_parser import AgendaParser
from boardpack.extractors.attendance import join_raw
from boardpack.extractors.attendance_labels import labels_for
from boardpack.extractors.budget_rows import logical_rows
from boardpack.extractors.meeting_cues import Line
from boardpack.extractors.table_layout import analyse
from boardpack.pipeline import parse_file

LAYOUTS = Path(__file__).resolve().parent.parent / "corpus" / "layouts"


def _table(rows: list[list[str]], bold: set[int] = frozenset()) -> Block:
    out = [Row(cells=[Cell(text=t, bold=i in bold) for t in r], page=1, is_header=i == 0) for i, r in enumerate(rows)]
    return Block(kind=TABLE, rows=out, page=1)


def test_budget_item_wrapped_onto_an_unnumbered_line_is_one_item():
    blk = _table([
        ["Line", "Item", "Budget", "Notes"],
        ["1", "Training for parish", "400.00", "Held in May"],
        ["", "Councillors and clerks", "", "and June"],
        ["2", "Leaflets", "100.00", ""],
        ["", "TOTAL", "500.00", ""],
    ])
    rows = logical_rows(analyse(blk))
    assert [(r.line, r.label, r.notes) for r in rows[:2]] == [
        ("1", "Training for parish Councillors and clerks", "Held in May and June"), ("2", "Leaflets", None)]


def test_bold_group_heading_under_a_numbered_line_is_not_its_wrapped_text():
    blk = _table([
        ["Line", "Item", "Budget"],
        ["1", "Training", "400.00"],
        ["", "Capital Items", ""],
        ["2", "Leaflets", "100.00"],
    ], bold={0, 2})
    assert [r.label for r in logical_rows(analyse(blk))] == ["Training", "Leaflets"]


@pytest.mark.parametrize("layout", ["borderless", "shaded", "narrow", "serif", "open"])
def test_budget_item_wrapped_in_a_table_without_rulings_keeps_its_whole_name(layout):
    path = LAYOUTS / layout / f"cdrp-2017-02-23-{layout}.pdf"
    if not path.exists():
        pytest.skip(f"layout corpus not built ({path} missing)")
    items = {(a["line_number"], a["item"]) for a in parse_file(path).result.rows["budget_amounts"]}
    assert ("2", "Community & school presentations of Chelsea's Choice and Tough Love") in items
    assert ("10", "Information Packs for distribution at Parish Training Event (Line 3)") in items
    assert not any(i.endswith(" of") or i.endswith(" Parish") for _, i in items)


def _agenda(lines: list[str]) -> list[str]:
    p = AgendaParser(require_cue=False)
    for i, t in enumerate(lines):
        p.line(Line(t, t, 1, i, block=Block(kind=PARAGRAPH, text=t, page=1)))
    return [it.number for it in p.items]


def test_lettered_item_on_a_line_of_its_own_after_the_first_letter_is_the_next_part():
    # "4 (b)" after "4 (a)": the number already open, with the next letter
    assert _agenda(["3. Minutes", "4 (a) Update from the task group", "4 (b) 2016-17 Plan and Funding Update",
                    "5 (a) Assessment", "5 (b) Agree priorities", "6. Any Other Business"]) == \
        ["3", "4a", "4b", "5a", "5b", "6"]


def test_letter_of_an_item_number_wrapped_under_it_belongs_to_that_number():
    # a narrow number column: "5 (a)" printed as "5" / "(a)", the letter beside the title's end
    assert _agenda(["4. Rolling Plan", "5 Update from the first task group", "(a) - Cllr A Person",
                    "5 Update from the second task group - Insp B Person", "(b)", "6. Date of Next Meeting"]) == \
        ["4", "5a", "5b", "6"]


def test_a_letter_in_brackets_under_an_item_with_a_full_stop_is_a_sub_item_of_its_own():
    assert _agenda(["5. Reports", "(a) Finance report", "(b) Planning report"]) == ["5", "5a", "5b"]


@pytest.mark.parametrize("pack, numbers", [
    ("cdrp-2009-10-26", ["1", "2", "3", "4", "5a", "5b", "6"]),
    ("cdrp-2017-02-23", ["1", "2", "3", "4a", "4b", "5a", "5b", "5c", "6", "7", "8", "9"]),
])
def test_agenda_item_numbers_in_a_narrow_number_column_read_as_printed(pack, numbers):
    path = LAYOUTS / "narrow" / f"{pack}-narrow.pdf"
    if not path.exists():
        pytest.skip(f"layout corpus not built ({path} missing)")
    assert [a["item_number"] for a in parse_file(path).result.rows["agenda_items"]] == numbers


def test_indicator_row_wrapped_in_a_narrow_column_is_one_row_and_a_broken_header_word_one_word():
    # "Theft from motor" / "vehicle" with "+" / "28.6%": one row; "Chang" / "e": "Change"
    blk = _table([
        ["Crime type", "Apr -\nDec 2015", "Chang\ne", "%\nChang\ne"],
        ["All crime", "4,512", "+ 361", "+ 8.0%"],
        ["Theft from motor", "402", "+ 115", "+"],
        ["vehicle", "", "", "28.6%"],
        ["Hate crime", "0", "+ 14", "No Calc"],
    ])
    lay = analyse(blk)
    assert lay.headers == ["Crime type", "Apr - Dec 2015", "Change", "% Change"]
    assert [lay.grid[r] for r in lay.body_rows][1] == ["Theft from motor vehicle", "402", "+ 115", "+ 28.6%"]
    assert len(lay.body_rows) == 3


def test_a_row_in_lower_case_with_its_own_figures_is_a_row_of_its_own():
    blk = _table([["Measure", "2015", "2016"], ["Offences", "10", "12"], ["of which detected", "4", "5"]])
    assert len(analyse(blk).body_rows) == 2


def test_indicator_values_in_a_narrow_table_read_as_in_the_grid_layout():
    path = LAYOUTS / "narrow" / "cdrp-2017-02-23-narrow.pdf"
    if not path.exists():
        pytest.skip(f"layout corpus not built ({path} missing)")
    vals = {(v["indicator"], v["measure"], v["value_raw"]) for v in parse_file(path).result.rows["indicator_values"]}
    assert ("Theft from motor vehicle", "% Change", "+ 28.6%") in vals
    assert ("All crime", "Change", "+ 361") in vals
    assert not any(i == "vehicle" or "Chang e" in (m or "") for i, m, _ in vals)


def test_agenda_named_at_the_end_of_a_wrapped_sentence_names_no_agenda_paper():
    # small type brings "... the 'End Violence Against Women and Girls' agenda:" into a
    # briefing's first lines: a later line of a paragraph is no title
    path = LAYOUTS / "narrow" / "cdrp-2011-04-26-narrow.pdf"
    if not path.exists():
        pytest.skip(f"layout corpus not built ({path} missing)")
    assert not parse_file(path).result.rows.get("agenda_items")


def test_attendance_label_broken_inside_its_word_and_a_title_broken_over_lines():
    labels = labels_for()
    assert labels.cue("Membe\nrs:")[0] == labels.cue("Members:")[0] is not None
    assert labels.cue("Apolo\ngies:")[0] == labels.cue("Apologies:")[0] is not None
    assert labels.cue("Present\nnames")[0] == labels.cue("Present")[0]
    assert join_raw(["Rick Hylton (Vice-Chairman), District", "Councillor Ray Manning and Ann Other"], labels) == \
        "Rick Hylton (Vice-Chairman), District Councillor Ray Manning and Ann Other"
    assert join_raw(["Ann Other", "Councillor Ray Manning"], labels) == "Ann Other, Councillor Ray Manning"


@pytest.mark.parametrize("pack, person", [("cdrp-2017-02-23", "PJ Adams"),
                                          ("cdrp-2009-10-26", "District Councillor Ray Manning")])
def test_attendance_in_narrow_type_reads_as_in_the_grid_layout(pack, person):
    path = LAYOUTS / "narrow" / f"{pack}-narrow.pdf"
    if not path.exists():
        pytest.skip(f"layout corpus not built ({path} missing)")
    assert (person, "present") in {(a["person"], a["attendance"]) for a in parse_file(path).result.rows["attendance"]}


def test_total_whose_last_digit_wrapped_in_a_narrow_ruled_cell_is_one_figure():
    # cdrp-2017-02-23-narrow.pdf: the TOTAL cells read "15,777.0" / "0"
    blk = _table([
        ["Line", "Item", "Original\nAllocatio\nn"],
        ["1", "Training", "15,000.00"],
        ["2", "Leaflets", "777.00"],
        ["", "TOTAL", "15,777.0\n0"],
    ])
    lay = analyse(blk)
    assert lay.grid[3][2] == "15,777.00"
    assert analyse(_table([["Item", "Count"], ["Offences", "1,000\n50"]])).grid[1][1] == "1,000 50"
    path = LAYOUTS / "narrow" / "cdrp-2017-02-23-narrow.pdf"
    if not path.exists():
        pytest.skip(f"layout corpus not built ({path} missing)")
    totals = [a["amount_raw"] for a in parse_file(path).result.rows["budget_amounts"] if a["is_total"]]
    assert totals == ["15,777.00", "15,777.00"]


def test_paragraph_numbers_with_a_heading_between_them_number_the_rows_and_are_no_values():
    # cdrp-2011-04-26-shaded.pdf: a plan's rows continued without a header, a priority
    # heading across the table between "1.8" and "1.9": refs, not indicator values
    blk = _table([
        ["1.1", "TK", "To revise the directory", "Q1 send link"],
        ["1.2", "SK", "Hold an event", "Q2 review"],
        ["Priority 2: To reduce repeat victims", "", "", ""],
        ["1.9", "", "Increase referrals", "Q2 monitor"],
        ["1.10", "SK & LR", "Advocate support", "Q1 identify funding"],
    ])
    blk.rows[0].is_header = False
    lay = analyse(blk)
    assert lay.columns[0].role == "line" and not lay.value_cols
    path = LAYOUTS / "shaded" / "cdrp-2011-04-26-shaded.pdf"
    if not path.exists():
        pytest.skip(f"layout corpus not built ({path} missing)")
    assert not any(v["value_raw"] in ("1.1", "1.10") for v in parse_file(path).result.rows["indicator_values"])
