"""Agenda items a table cut or a clerk misnumbered:

- a lettered sub-item wrapped inside a table cell ("A. PRESENTATION TO RETIRING COUNCIL" /
  "ZUCKERMAN") is one item, and where the table finder cut a title's printed line at a wide
  word gap, the line's end standing in a column of its own ("MEMBER STEVE", "OUTGOING")
  goes back to the end of that line; a column filled on most rows is no such line end;
- an item number printed twice on headings with different titles ("12 Asset of Community
  Value" ... "12 Planning") gives two items; the same heading repeated gives one;
- where a title ends: a reference before a dash ("16/00059/TCA - Tree Works ...") is no
  capitals title; a title the text layer ran into its text without a space ("...
  LitigationSignificant exposure ...") ends at the join; a note in capitals in brackets
  after a title in ordinary case ("((PUBLIC HEARING TODAY))") is not the title.

Made-up agendas first, then the real papers that broke (../shared/realworld; skipped when
absent).
"""

from __future__ import annotations

from boardpack.core.model import AGENDA, Block, Cell, Row
from boardpack.extractors.agenda import item_title
from boardpack.extractors.agenda_parser import Item
from report_views_helper import paper_rows


def table(rows):
    return Block("table", rows=[Row([Cell(c) for c in r], page=1) for r in rows], page=1)


def items(blocks):
    return [(r["item_number"], r["title"]) for r in paper_rows(blocks, AGENDA, "x.pdf").get("agenda_items", [])]


def test_lettered_sub_item_wrapped_in_a_cell_with_its_line_end_in_the_next_column():
    got = items([
        Block("heading", text="AGENDA", page=1),
        Block("paragraph", text="1. CALL MEETING TO ORDER", page=1),
        table([["5.", "CEREMONIAL ITEMS", ""],
               ["", "A. PRESENTATION TO RETIRING COUNCIL\nZUCKERMAN", "MEMBER STEVE"],
               ["6.", "OATH OF OFFICE", ""],
               ["7.", "CITY COUNCIL REORGANIZATION & RECOGNITION OF\nMAYOR", "OUTGOING"],
               ["", "RECESS FOR RECEPTION", ""],
               ["8.", "PUBLIC COMMENT", ""]]),
    ])
    assert ("5a", "PRESENTATION TO RETIRING COUNCIL MEMBER STEVE ZUCKERMAN") in got
    assert ("7", "CITY COUNCIL REORGANIZATION & RECOGNITION OF OUTGOING MAYOR") in got
    assert [n for n, _ in got] == ["1", "5", "5a", "6", "7", "8"]


def test_a_filled_column_beside_a_wrapped_title_is_not_its_line_end():
    # the second column is filled on most rows (a presenter column printed without a header):
    # it is not a title's cut line end, so the wrapped title keeps its own words in order
    got = items([
        Block("heading", text="AGENDA", page=1),
        table([["1.", "APPROVAL OF THE\nMINUTES", "CHAIR"],
               ["2.", "BUDGET\nMONITORING", "TREASURER"],
               ["3.", "ANY OTHER BUSINESS", "CHAIR"]]),
    ])
    assert not any(t.startswith(("APPROVAL OF THE CHAIR", "BUDGET TREASURER")) for _, t in got)
    assert [n for n, _ in got] == ["1", "2", "3"]


def test_item_number_printed_twice_gives_two_items():
    got = items([
        Block("heading", text="AGENDA", page=1),
        Block("heading", text="11 Footpaths", page=1),
        Block("paragraph", text="To receive an update on the stile repairs", page=1),
        Block("heading", text="12 Village Hall", page=1),
        Block("paragraph", text="To update on the roof repairs", page=1),
        Block("heading", text="12 Planning", page=1),
        Block("paragraph", text="To discuss any new planning applications", page=1),
        Block("heading", text="13 Finance", page=1),
    ])
    assert [n for n, _ in got] == ["11", "12", "12", "13"]
    assert ("12", "Planning") in got


def test_the_same_numbered_heading_repeated_is_one_item():
    got = items([
        Block("heading", text="AGENDA", page=1),
        Block("heading", text="11 Footpaths", page=1),
        Block("heading", text="12 Planning", page=1),
        Block("paragraph", text="To discuss any new planning applications", page=1),
        Block("heading", text="12 Planning", page=1),
        Block("heading", text="13 Finance", page=1),
    ])
    assert [n for n, _ in got] == ["11", "12", "13"]


def title_of(text):
    return item_title(Item("1", "1.", [text], 1, 0))[0]


def test_a_reference_before_a_dash_is_no_capitals_title():
    assert title_of("16/00059/TCA - Tree Works. St Josephs, High Street") == "16/00059/TCA - Tree Works. St Josephs, High Street"
    # an ALL-CAPS title before the recommendation is still cut there
    assert title_of("MEETING MINUTES - Staff recommends approval of the minutes") == "MEETING MINUTES"


def test_a_title_run_into_its_text_ends_at_the_join():
    assert title_of("Conference With Legal Counsel-Anticipated LitigationSignificant exposure to litigation "
                    "pursuant to paragraph (2)") == "Conference With Legal Counsel-Anticipated Litigation"
    # words with a capital inside (names, products) are not joins
    assert title_of("Review of the McDonald report on the SharePoint site") == "Review of the McDonald report on the SharePoint site"


def test_a_note_in_capitals_after_the_title_is_not_the_title():
    assert title_of("Ord. to rezone property East of 99th Street. ((PUBLIC HEARING TODAY - CAN BE PASSED TODAY))") \
        == "Ord. to rezone property East of 99th Street."
    # an all-capitals title keeps its brackets; an abbreviation in brackets stays
    assert title_of("UPDATE ON THE HOME ORDER (VERBAL REPORT)") == "UPDATE ON THE HOME ORDER (VERBAL REPORT)"
    assert title_of("Report of the Chief Executive (CEO)") == "Report of the Chief Executive (CEO)"


# -- the real papers that broke ------------------------------------------------------------------


def agenda(parsed, realworld_dir, rel):
    pf = parsed(realworld_dir / rel)
    assert pf.result is not None
    return [(r["item_number"], r["title"]) for r in pf.result.rows.get("agenda_items", [])]


def test_presentation_sub_item_lost_in_a_cut_table_row(parsed, realworld_dir):
    got = agenda(parsed, realworld_dir, "us-california-local-agencies/rolling_hills_estates_agenda_2.pdf")
    assert ("5a", "PRESENTATION TO RETIRING COUNCIL MEMBER STEVE ZUCKERMAN") in got
    assert ("7", "CITY COUNCIL REORGANIZATION & RECOGNITION OF OUTGOING MAYOR") in got


def test_planning_lost_under_a_repeated_item_number(parsed, realworld_dir):
    got = agenda(parsed, realworld_dir, "souldern-parish-council/spc-agenda/2026-03-26 Agenda.pdf")
    assert [t for n, t in got if n == "12"] == ["Asset of Community Value", "Planning"]


def test_planning_application_title_cut_to_its_reference(parsed, realworld_dir):
    got = agenda(parsed, realworld_dir, "souldern-parish-council/spc-agenda/2016-03-17 Agenda.pdf")
    assert ("7a", "16/00059/TCA - Tree Works. St Josephs, High Street, Souldern") in got


def test_closed_session_titles_run_into_their_text(parsed, realworld_dir):
    got = agenda(parsed, realworld_dir, "us-california-local-agencies/baldwinpark_agenda_1.pdf")
    assert ("1", "Conference With Legal Counsel-Anticipated Litigation") in got
    assert ("2", "Conference With Legal Counsel-Existing Litigation") in got


def test_public_hearing_note_after_an_ordinance_title(parsed, realworld_dir):
    got = dict(agenda(parsed, realworld_dir, "us-omaha-city-council/a12-10-16.pdf"))
    assert got["5"].endswith("Multiple Family Residential District.")
