"""Action tables in minutes: an 'ACTIONS TO BE TAKEN | BY WHOM | BY WHEN' summary
(header as a table row or printed as a line above a headerless table), owners
wrapped over lines, an Action column beside the minutes' notes, a table that
continues on the next page (made-up names)."""

from __future__ import annotations

from boardpack.extractors.minutes import owner_cell
from boardpack.core.model import MINUTES, Block, Cell, Row
from report_views_helper import paper_rows



def para(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def table(rows):
    return Block("table", rows=[Row([Cell(c) for c in r], page=1) for r in rows], page=1)


def actions(blocks):
    rows = paper_rows(blocks, MINUTES, "x.pdf")
    return [(a["action_text"], a["owners"]) for a in rows.get("minute_actions", [])]


def test_owner_cell_rejoins_a_wrapped_name():
    assert owner_cell("Hannah\nPoole/Clerk") == ["Hannah Poole", "Clerk"]
    assert owner_cell("Paul Eden/Sandra\nCole") == ["Paul Eden", "Sandra Cole"]
    assert owner_cell("Clerk\nAll") == ["Clerk", "All"]


HEAD = [para("Minutes of the Finance Committee held on 23/11/2020"),
        para("Present: Ann Greaves (Chair), Bob Tanner"),
        para("ACTIONS TO BE TAKEN", kind="heading")]


def test_by_whom_action_table_with_a_header_row():
    got = actions(HEAD + [table([
        ["ITEM", "", "BY WHOM", "BY WHEN"],
        ["02/1920", "Minutes to website", "Clerk", "asap"],
        ["09a/1920", "Arrange a meeting on the\ncommunications strategy", "Bob Tanner", "01/12/2019"],
        ["9d/1920", "Include the survey on the next agenda.", "Hannah\nPoole/Clerk", "01/11/2019"],
    ])])
    assert got == [("Minutes to website", "Clerk"),
                   ("Arrange a meeting on the communications strategy", "Bob Tanner"),
                   ("Include the survey on the next agenda.", "Hannah Poole; Clerk")]


def test_action_table_header_printed_as_a_line_above_a_headerless_table():
    got = actions(HEAD + [para("ITEM BY WHOM BY WHEN", kind="heading"), table([
        ["19/2021", "Signed minutes to the head for file and to website", "Clerk", "asap"],
        ["20/2021", "Make arrangements for the literacy visits", "Paul Eden/Sandra\nCole", "On-going"],
    ])])
    assert got == [("Signed minutes to the head for file and to website", "Clerk"),
                   ("Make arrangements for the literacy visits", "Paul Eden; Sandra Cole")]


def test_action_column_beside_notes_continued_on_the_next_page():
    got = actions(HEAD[:2] + [para("Agenda", kind="heading"),
        table([["", "Item", "Notes", "Action"],
               ["BM 19/2021", "To agree the Minutes", "The minutes were agreed and signed", "Clerk to place\non website"],
               ["BM 20/2021", "Matters arising", "", "None"]]),
        para("BM 201123"),
        Block("page_break", page=2),
        table([["BM 27/2021", "Data Protection", "No matters to discuss", ""],
               ["BM 28/2021", "Governance", "Terms of reference - to be amended and added to the next agenda", "Clerk"],
               ["BM 29/2021", "Safeguarding", "A report had been provided and the main items were:\na. training\nb. records\nc. visits", "Clerk"]]),
    ])
    assert got == [("Clerk to place on website", "Clerk"),
                   ("Terms of reference - to be amended and added to the next agenda", "Clerk")]
