"""The read, mark and extract stages' shortcuts (issue 10, CPU) give what the
slow way gives: a line refused before a regex is one the regex refuses, and
a cached reading hands every caller its own copy."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import boardpack.extractors.budget_prose as budget_prose
import boardpack.extractors.table_cells as table_cells
from boardpack.core.model import HEADING, PARAGRAPH, TABLE, Block, Cell, Row
from boardpack.extractors.table_cells import cell_breakdown, value_kind
from boardpack.ingest.cues import text_hits
from boardpack.ingest.pdf_cells import is_bold_font
from boardpack.ingest.table_kind import classify_table, minutes_table_hits, table_hits

# Lines made of what amounts and their labels are made of, spaces of several kinds included.
_CHARS = st.text(alphabet="Ward Total:=-–()£$€,.0123456789mkbn \u00a0\t", max_size=40)
#: ... and lines each regex reads (so a shortcut that refused one would show)
_LINE = st.one_of(_CHARS, st.from_regex(table_cells._LABELLED), st.from_regex(budget_prose._PROSE_ROW))


def _groups(m):
    return None if m is None else m.groupdict()


@settings(max_examples=400, deadline=None)
@given(_LINE)
def test_a_labelled_amount_line_refused_early_is_one_the_regex_refuses(line):
    assert _groups(table_cells._labelled(line)) == _groups(table_cells._LABELLED.match(line))


@settings(max_examples=400, deadline=None)
@given(_LINE)
def test_a_prose_budget_line_refused_early_is_one_the_regex_refuses(line):
    assert budget_prose._prose_row(line) == budget_prose._read_prose_row(line)


def test_a_cell_of_ward_amounts_is_still_read_and_a_prose_cell_is_not():
    bd = cell_breakdown("Ward A - £167.00\nWard B -\n£1,250\nTotal: £1,417.00")
    assert [lbl for lbl, _ in bd.items] == ["Ward A", "Ward B"]
    assert bd.total == ("Total", "£1,417.00")
    assert cell_breakdown("The grant will be paid\nin two parts (see above)") is None
    assert cell_breakdown("£1,250\nto be confirmed") is None


def test_cached_readings_answer_as_before():
    assert value_kind("£1,250") == "money" and value_kind(" 12% ") == "percent" and value_kind("") == "empty"
    assert is_bold_font("Arial,Bold") and is_bold_font("ABCDEF+Calibri-Bold") and not is_bold_font("Arial")
    assert not is_bold_font(None)


def test_text_cues_are_fresh_copies_for_each_caller():
    """block_hits raises a subject cue over a table of its type in place; the
    segment stage, asking again after the mark stage did, must not see the
    mark stage's raise."""
    b = Block(kind=HEADING, text="Minutes of the Parish Council meeting")
    first = text_hits(b)
    assert first
    before = [(h.paper_type, h.strength, h.name) for h in first]
    for h in first:
        h.strength, h.upgraded = 9, True
    again = text_hits(b)
    assert [(h.paper_type, h.strength, h.name) for h in again] == before
    assert not any(h.upgraded for h in again)
    # the same text as a paragraph in running prose is read on its own terms
    assert text_hits(Block(kind=PARAGRAPH, text="Minutes of the Parish Council meeting")) is not first


def test_table_classification_reads_its_header_row_once_to_the_same_effect():
    rows = [Row([Cell("Action"), Cell("Lead"), Cell("Deadline"), Cell("Status")], is_header=True),
            Row([Cell("Repair the bench"), Cell("Clerk"), Cell("March 2025"), Cell("Complete")])]
    b = Block(kind=TABLE, text="", rows=rows)
    kind = classify_table(b)
    assert kind.header == ["Action", "Lead", "Deadline", "Status"]
    expected = table_hits(b) + minutes_table_hits(b)  # each works the header row out itself
    assert [(s.paper_type, s.strength, s.name, s.signature) for s in kind.signals] == \
        [(h.paper_type, h.strength, h.name, h.signature) for h in expected]
