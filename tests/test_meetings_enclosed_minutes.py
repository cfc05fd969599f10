"""Meetings of a pack with enclosed minutes, and bodies named under their place.

- Minutes enclosed in an agenda pack record their own meeting (the pack's meeting
  comes from its front sheet). Where the segmenter starts a new minutes paper at an
  item heading inside them (a bare "MINUTES" item approving earlier minutes), that
  run-on part records the same meeting: the dates its items mention ("the warrant run
  for the dates September 15, 2022 through ...") are no meetings.
- A body line printed right under the line of the place it serves ("VILLAGE OF CRETE" /
  "PRESIDENT AND BOARD OF TRUSTEES MEETING") is one name with it; a place line under the
  body's line is its address;
- a heading saying what became of the meeting ("MEETING CANCELLATION") names no body.

Made-up papers first, then the real papers that broke (../shared/realworld; skipped
when absent).
"""

from __future__ import annotations

from boardpack import pipeline
from boardpack.core.model import AGENDA, MINUTES, Paper
from boardpack.extractors.committee_names import committee_name, nearest_body
from report_views_helper import document, heading, para


def meetings_of(blocks, papers):
    doc = document(blocks)
    res = pipeline.extract(doc, papers)
    return sorted((m["meeting_date"], m["committee"]) for m in res.rows.get("meetings", []))


def _pack(second_title: str, second_head: str):
    blocks = [
        heading("AGENDA\nPARKS BOARD\nMARCH 5, 2024"),                                    # 0
        para("1. MINUTES - Approve the minutes of the regular meeting of February 6, 2024."),  # 1
        heading("MINUTES OF THE REGULAR MEETING\nPARKS BOARD\nFEBRUARY 6, 2024"),          # 2
        para("Chair Lee called the meeting to order at 6:02 p.m. in the Board Room. "
             "Responding to roll call were Members Ray, Soto and Chair Lee."),              # 3
        heading(second_title),                                                             # 4
        para(second_head),                                                                 # 5
        para("The Board approved the payment run for the dates January 12, 2024 through "
             "January 26, 2024, in the total amount of $12,500.00 as submitted by staff."),  # 6
    ]
    papers = [Paper(AGENDA, "AGENDA PARKS BOARD MARCH 5, 2024", 0, 1, ordinal=0),
              Paper(MINUTES, "MINUTES OF THE REGULAR MEETING PARKS BOARD FEBRUARY 6, 2024", 2, 3, ordinal=1),
              Paper(MINUTES, second_title, 4, 6, ordinal=2)]
    return blocks, papers


def test_an_item_heading_inside_enclosed_minutes_starts_no_meeting():
    blocks, papers = _pack("MINUTES", "The Board approved the minutes of the regular meeting of January 9, 2024, as submitted.")
    assert meetings_of(blocks, papers) == [("2024-02-06", "Parks Board"), ("2024-03-05", "Parks Board")]


def test_second_minutes_with_a_title_of_their_own_keep_their_meeting():
    # the rule is for a part that states no meeting: minutes that title themselves stay apart
    blocks, papers = _pack("MINUTES OF THE SPECIAL MEETING\nPARKS BOARD\nJANUARY 20, 2024",
                           "Chair Lee called the meeting to order at 5:00 p.m.")
    assert meetings_of(blocks, papers) == [("2024-01-20", "Parks Board"), ("2024-02-06", "Parks Board"),
                                           ("2024-03-05", "Parks Board")]


def test_body_under_the_line_of_its_place_is_one_name():
    assert nearest_body(["AGENDA", "CITY OF SPRINGFIELD", "PLANNING COMMISSION"]) == "City of Springfield Planning Commission"
    assert nearest_body(["Town of Ashby", "Board of Trustees Meeting"]) == "Town of Ashby Board of Trustees"
    # the place already in the body's name, or printed under it (an address), is not added
    assert nearest_body(["CITY OF SPRINGFIELD", "SPRINGFIELD CITY COUNCIL"]) == "Springfield City Council"
    assert nearest_body(["Regular Meeting of the City Council", "CITY OF WESTLAKE"]) == "City Council"


def test_a_cancellation_heading_names_no_body():
    assert committee_name("MEETING CANCELLATION") is None
    assert committee_name("Notice of Postponement") is None
    assert committee_name("Planning Commission") == "Planning Commission"


# -- the real papers that broke ------------------------------------------------------------------


def meetings(parsed, realworld_dir, rel):
    pf = parsed(realworld_dir / rel)
    assert pf.result is not None
    return sorted((m["meeting_date"], m["committee"]) for m in pf.result.rows.get("meetings", []))


def test_warrant_run_dates_in_enclosed_minutes_are_no_meeting(parsed, realworld_dir):
    got = meetings(parsed, realworld_dir, "us-california-local-agencies/norwalk_agenda_1.pdf")
    assert got == [("2022-10-18", "Norwalk Housing Authority"), ("2022-11-15", "Housing Authority")]


def test_village_line_above_the_board_line_names_the_body(parsed, realworld_dir):
    got = meetings(parsed, realworld_dir, "us-crete-township-illinois/April 10, 2023 - Board Agenda.docx")
    assert got == [("2023-04-10", "Village of Crete President and Board of Trustees")]


def test_cancelled_meeting_notice_is_not_a_committee(parsed, realworld_dir):
    pf = parsed(realworld_dir / "us-california-local-agencies/duarte_agenda_1.pdf")
    assert pf.result is not None
    got = [(m["meeting_date"], m["committee"]) for m in pf.result.rows.get("meetings", [])]
    assert got == [("2022-11-21", None)]  # null is better than wrong (the body's name is in an OCR'd grid)
