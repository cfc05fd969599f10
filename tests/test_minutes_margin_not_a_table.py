"""Regression: numbered minutes with initials in the margin were read as one
table over their pages, and lost their actions.

When text-aligned tables began to be followed over page breaks, a set of
parish minutes typed as numbered items with a narrow "Action" margin became
one table whose rows pooled every line of an item, so each clerk's mark
("AM", "(DB)", "All") no longer stood beside the sentence it owns: 22 actions
fell to 3. A column of initials standing by later lines of numbered items is
a margin, not a column of cells (:func:`margin_notes`), and such a passage
keeps each page's own reading.
"""

from __future__ import annotations

import pytest

from boardpack.ingest.pdf_table_rows import margin_notes
from conftest import REALWORLD


def _w(text: str) -> dict:
    return {"text": text}


def _line(*cells: str) -> list[list[dict]]:
    return [[_w(t) for t in c.split()] if c else [] for c in cells]


def test_initials_beside_later_lines_of_numbered_items_are_margin_notes():
    per_line = [
        _line("1", "Minutes of previous meeting", "Action"),
        _line("", "The minutes were approved and signed.", ""),
        _line("2", "Co-option of new Councillor", ""),
        _line("", "It was resolved to co-opt Mr Deeley.", "AM"),
        _line("", "A letter will be written to him.", "(BM)"),
        _line("3", "Updates", ""),
        _line("", "It was resolved to keep an eye on it.", "All"),
    ]
    assert margin_notes(per_line, 0)


def test_a_plan_whose_lead_cells_start_level_with_their_numbers_has_no_margin_notes():
    per_line = [
        _line("1.1", "Reduce burglary in hot spots", "CDRP"),
        _line("", "through target hardening", ""),
        _line("1.2", "Run the PPO scheme", "SCDC"),
        _line("", "with partners", ""),
        _line("1.3", "Hold a task group", "DAAT"),
    ]
    assert not margin_notes(per_line, 0)


def test_a_column_of_words_is_no_margin():
    per_line = [
        _line("1", "Minutes", ""),
        _line("", "The minutes were approved.", "Clerk to file"),
        _line("", "It was resolved to write.", "Chair to sign"),
    ]
    assert not margin_notes(per_line, 0)


def test_parish_minutes_with_an_action_margin_keep_their_actions(parsed):
    path = REALWORLD / "souldern-parish-council" / "spc-minutes" / "2012-06-28 SPC minutes.pdf"
    if not path.is_file():
        pytest.skip(f"real-world paper not present: {path}")
    result = parsed(path)
    actions = result.result.rows.get("minute_actions", [])
    said = {(a["owners_raw"], a["action_text"][:40]) for a in actions}
    assert len(actions) == 22
    assert ("BM", "A letter will be written to Mr Deeley to") in said
    # the minutes on pages 4-5 (after a page of prose) have their marks too
    assert any(a["page"] in (4, 5) for a in actions)
    assert not result.result.rows.get("indicator_values"), "minute lines read as a table of figures"
