"""Action tables printed as text lines (scans, text-aligned PDFs): a header line of column
labels ("NO ACTION OWNER Update"), then rows opening with a reference or the owner and ending
with the owner's initials and a status, wrapped rows continued on the next line; an action
with its owner's initials in brackets at its end (made-up names)."""

from __future__ import annotations

import pytest

from boardpack.core.model import MINUTES, Block
from report_views_helper import paper_rows



def para(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def actions(blocks):
    rows = paper_rows(blocks, MINUTES, "x.pdf")
    return [(a["action_text"], a["owners"]) for a in rows.get("minute_actions", [])]


HEAD = [para("MINUTES OF THE PARISH COUNCIL MEETING HELD ON 25th March 2021"),
        para("Present: Nora Oak (NO) CHAIR, Jim Hood (JH)"),
        para("03.21.01 Apologies"), para("No apologies had been received.")]


def test_scanned_action_table_rows_wrapped_over_lines_with_initials_in_the_right_margin():
    got = actions(HEAD + [
        para("03.21.05 Clerks Report and Actions from previous meeting"),
        para("NO ACTION OWNER Update"),
        para("Nov20.01 NO will speak to the Bells regarding a path | NO Completed\naround the outside of the playground"),
        para("of the big slide."),
        para("Jan21.02 NO to submit precept request to the district NO Completed"),
        para("03.21.06 Updates"),
        para("a) Playground Group\nThe playground is now largely demolished. This has been done by volunteers at no cost."),
        para("ACTION LIST SUMMARY", kind="heading"),
        para("NO ACTION OWNER", kind="heading"),
        para("03.21.06 NO to empty cigarette bins outside village hall NO\nJH to liaise with contractors about the spill JH"),
        para("03.21.12 KA to carry out site visit to the cottage. Comments to be sent to CF for KA/CF"),
        para("submission to the district"),
        para("Parish Clerk: Cara Fell"),
    ])
    assert got == [
        ("NO will speak to the Bells regarding a path around the outside of the playground of the big slide.", "NO"),
        ("NO to submit precept request to the district", "NO"),
        ("NO to empty cigarette bins outside village hall", "NO"),
        ("JH to liaise with contractors about the spill", "JH"),
        ("KA to carry out site visit to the cottage. Comments to be sent to CF for submission to the district", "KA; CF"),
    ]


def test_action_with_owner_initials_in_brackets_at_its_end():
    got = actions(HEAD + [
        para("1. Court data", kind="heading"),
        para("ACTION 10: Views of the police lead to be canvassed regarding court listing data. (CS)"),
    ])
    assert got == [("Views of the police lead to be canvassed regarding court listing data. (CS)", "CS")]


def test_real_scanned_parish_action_tables(realworld_dir, parsed):
    f = realworld_dir / "souldern-parish-council" / "spc-minutes" / "2021-03-25 SPC minutes.pdf"
    if not f.exists():
        pytest.skip("paper absent")
    rows = parsed(f).result.rows
    got = {(a["action_text"], a["owners"]) for a in rows["minute_actions"]}
    assert ("JH to liaise with contractors regarding Kerosene spillage in the pond", "JH") in got
    assert ("NO to submit precept request to CDC", "NO") in got


def test_action_table_header_and_rows_in_one_scanned_paragraph():
    got = actions(HEAD + [
        para("ACTION LIST SUMMARY", kind="heading"),
        para("NO ACTION OWNER\nNov22.01 Co-option of councillor - NO will contact interested party NO\n"
             "Nov22.02 AS will make enquiries regarding hall hire charges AS"),
        para("Parish Clerk : Cara Fell\nWestfield Cottage, Fenway"),
    ])
    assert got == [("Co-option of councillor - NO will contact interested party", "NO"),
                   ("AS will make enquiries regarding hall hire charges", "AS")]


def test_owner_initials_repeated_in_the_right_margin_of_a_minute():
    got = actions(HEAD + [
        para("9. Changing Rooms: 2 quotes have been received to replace the showers. After some\n"
             "discussion it was resolved to accept the quote from Bob Gray for\n"
             "£400 + VAT. NO to advise Mr Gray NO\nProp: KA 2nd: BM", kind="list_item"),
        para("10. Trees: JH has found some of them and would like to locate the rest.", kind="list_item"),
    ])
    assert got == [("NO to advise Mr Gray", "NO")]


def test_headerless_action_table_whose_owner_cell_is_longer_than_the_action():
    from boardpack.core.model import Cell, Row

    tbl = Block("table", rows=[Row([Cell(c) for c in r], page=1) for r in [
        ["67/2122", "Minutes to website", "Hannah Poole/Clerk", "asap"],
        ["70/2122", "Plan the staff survey with the new head", "Hannah Poole", "On-going"],
    ]], page=1)
    got = actions(HEAD + [para("ACTIONS TO BE TAKEN\nITEM BY WHOM BY WHEN", kind="heading"), tbl])
    assert got == [("Minutes to website", "Hannah Poole; Clerk"),
                   ("Plan the staff survey with the new head", "Hannah Poole")]


def test_owner_initials_in_the_margin_after_an_action_wrapped_over_lines():
    got = actions(HEAD + [
        para("e. County - Cllr Ray sent an update on:\nSpeed monitoring : a box will be available soon and he will\n"
             "inform us of the dates. BM to let Cllr Ray know where\nthe equipment is to be placed. BM\n"
             "Further information is in the report.", kind="list_item"),
    ])
    assert got == [("BM to let Cllr Ray know where the equipment is to be placed.", "BM")]
