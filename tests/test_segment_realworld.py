"""Paper type from the whole paper's evidence (segmentation on unseen bodies).

Unit tests use small made-up documents named after what broke; the last
tests read real published papers from ``../shared/realworld`` (skipped when
the folder is absent).
"""

from __future__ import annotations

import pytest

from boardpack.ingest.cues import text_hits
from boardpack.pipeline import segment  # marks the document, then segments it
from boardpack.core.model import (
    ACTION_PLAN, AGENDA, COVER, HEADING, LIST_ITEM, MINUTES, OTHER, PAGE_BREAK, PARAGRAPH, TABLE,
    Block, Cell, Document, Row,
)


def build(*items) -> Document:
    page = 1
    blocks = []
    for it in items:
        kind = it[0]
        if kind == "pb":
            blocks.append(Block(PAGE_BREAK, page=page))
            page += 1
        elif kind == "h":
            blocks.append(Block(HEADING, text=it[1], level=1, page=page))
        elif kind == "p":
            blocks.append(Block(PARAGRAPH, text=it[1], page=page))
        elif kind == "li":
            blocks.append(Block(LIST_ITEM, text=it[1], page=page))
        elif kind == "t":
            rows = [Row(cells=[Cell(text=c) for c in r], page=page, is_header=(k == 0)) for k, r in enumerate(it[1])]
            blocks.append(Block(TABLE, rows=rows, page=page))
    doc = Document(path="synthetic.pdf", sha256="0" * 64, format="pdf", blocks=blocks, pages=page)
    doc.renumber()
    return doc


def kinds(text: str) -> set[tuple[str, int]]:
    return {(h.paper_type, h.strength) for h in text_hits(Block(HEADING, text=text))}


# -- label families -----------------------------------------------------------


@pytest.mark.parametrize("title", [
    "Regular Meeting Agenda", "CITY COUNCIL AGENDA FOR OCTOBER 16, 2012", "AGENDA - April 24, 2019",
    "NOTICE AND AGENDA", "*** AGENDA ***", "Order of Business", "OUTLINE AGENDA", "Ordre du jour",
    "BOARD OF TRUSTEES MEETING\nAGENDA\nMarch 13, 2024, 7PM",
])
def test_agenda_title_family(title):
    assert (AGENDA, 3) in kinds(title)


@pytest.mark.parametrize("line", [
    "Adoption of the agenda", "Approval of the Agenda", "Items for next agenda",
    "Agenda and Link to Agenda Items", "Adoption de l'ordre du jour", "Consent Agenda",
])
def test_lines_about_the_agenda_are_not_its_title(line):
    assert not any(t == AGENDA and s >= 3 for t, s in kinds(line))


@pytest.mark.parametrize("title", [
    "Meeting notes and actions 1 March 2010", "MINUTES AND ACTIONS", "Note of meeting",
    "PROCÈS-VERBAL\nSéance publique tenue le 20 juin", "Record of the meeting", "Draft minutes",
])
def test_minutes_title_family(title):
    assert (MINUTES, 3) in kinds(title)


def test_note_of_previous_meeting_is_an_item_not_a_minutes_title():
    assert not any(t == MINUTES and s >= 3 for t, s in kinds("Agree note of the previous meeting"))


@pytest.mark.parametrize("title", ["ODUG Action Log - 14 May 2013", "PANEL - ACTIONS REPORT",
                                   "Status update on actions from last meeting", "Action tracker"])
def test_action_log_title_family(title):
    assert (ACTION_PLAN, 2) in kinds(title)


def test_numbered_apologies_with_names_is_minutes_not_an_agenda_item():
    hs = {(h.paper_type, h.name) for h in text_hits(Block(LIST_ITEM, text="2. Apologies received: Kim Wilson and Nick Strong"))}
    assert (MINUTES, "attendance_label") in hs
    assert (AGENDA, "apologies_item") not in hs


# -- whole-paper typing ---------------------------------------------------------


def test_minutes_without_a_title_typed_from_their_narrative():
    doc = build(
        ("p", "County of Will"),
        ("p", "TOWNSHIP BOARD OF TRUSTEES MEETING May 12, 2021"),
        ("p", "The regular meeting of the Board was called to order by the Supervisor at 7:00 PM."),
        ("p", "Board members present were Trustee Elton and Trustee Hodge."),
        ("p", "Motion to approve the minutes made by Trustee Elton, seconded by Trustee Hodge. All were in favor."),
        ("p", "The meeting was adjourned at 8:15 PM."),
    )
    papers = segment(doc)
    assert [p.paper_type for p in papers] == [MINUTES]
    assert papers[0].evidence[MINUTES] >= 3


def test_agenda_item_titled_action_plan_does_not_make_minutes_an_action_plan():
    doc = build(
        ("h", "Data Panel"),
        ("h", "Nineteenth Meeting"),
        ("p", "Panel: Jane Smith (Chair), Tom Brown, Ann Green"),
        ("p", "Apologies: Kim White"),
        ("h", "Item 1: Welcome, minutes and action points"),
        ("p", "The Panel approved the minutes of the previous meeting and it was agreed that the list be kept."),
        ("p", "Action: Secretariat to circulate the paper."),
        ("h", "Item 5: Revised Terms of Reference and Work Plan"),
        ("p", "The Chair explained the revised work plan; members were asked for comments. It was agreed that the plan be published."),
        ("p", "Action: Chair to write to the Board."),
    )
    papers = segment(doc)
    assert [p.paper_type for p in papers] == [MINUTES]


def test_agenda_heading_below_the_attendance_grid_of_minutes_stays_minutes():
    doc = build(
        ("h", "BOARD OF GOVERNORS"),
        ("h", "Business Committee 23/11/2020"),
        ("h", "GOVERNOR ATTENDANCE"),
        ("t", [["Name", "Attendance"], ["Keith Moore", "P"], ["Kay Dicken", "A"]]),
        ("t", [["Chaired by", "Oliver Laity", "Clerked by", "Pete Osborne"]]),
        ("p", "Agenda:"),
        ("p", "BM 18/2021 To record those present and accept apologies"),
        ("t", [["", "Item", "Notes", "Action"],
               ["BM 18/2021", "Welcome", "The meeting commenced at 1835. Apologies: None.", ""],
               ["BM 19/2021", "Minutes", "The minutes of the last meeting were approved and signed.", "Clerk"]]),
    )
    papers = segment(doc)
    assert [p.paper_type for p in papers] == [MINUTES], [(p.paper_type, p.cue, p.evidence) for p in papers]


def test_agenda_laid_out_as_bare_item_headings_is_an_agenda():
    doc = build(
        ("h", "TOWNSHIP BOARD OF TRUSTEES MEETING\nAGENDA\nMarch 13, 2024, 7PM"),
        ("h", "CALL TO ORDER:"),
        ("h", "ROLL CALL:"),
        ("li", "Approval of February 14, 2024, Regular meeting minutes"),
        ("h", "NEW BUSINESS:"),
        ("h", "ADJOURNMENT:"),
    )
    assert [p.paper_type for p in segment(doc)] == [AGENDA]


def test_real_agenda_with_a_list_of_expected_attendees_stays_an_agenda():
    doc = build(
        ("p", "TRANSPARENCY BOARD"),
        ("p", "6 September 2011"),
        ("h", "OUTLINE AGENDA"),
        ("t", [["", "Timing", "Item", "Lead"], ["1", "15:30", "Welcome and introductions", "Chair"],
               ["2", "15:35", "Strategy update", "Director"]]),
        ("p", "ATTENDEES"),
        ("li", "Francis Maude (Chair)"),
        ("li", "Tom Steinberg"),
    )
    assert [p.paper_type for p in segment(doc)] == [AGENDA]


def test_numbered_item_naming_a_quarterly_report_does_not_leave_the_agenda():
    doc = build(
        ("h", "REGULAR MEETING AGENDA"),
        ("li", "1. Roll Call"),
        ("li", "2. Public comment"),
        ("pb",),
        ("h", "3. Parks Enhancement Fund Quarterly Report - July 1 through September 30, 2021"),
        ("li", "4. Approval of the minutes of the December meeting"),
    )
    assert [p.paper_type for p in segment(doc)] == [AGENDA]


def test_action_list_at_the_end_of_minutes_is_part_of_the_minutes():
    doc = build(
        ("h", "MINUTES OF THE PARISH COUNCIL MEETING HELD ON 25 MARCH 2021"),
        ("p", "Present: Cllr A Smith (Chair), Cllr B Jones"),
        ("p", "1. Apologies: none. RESOLVED that the minutes be signed."),
        ("pb",),
        ("h", "ACTION LIST SUMMARY"),
        ("t", [["Action", "Owner", "Due"], ["Repair the gate", "Clerk", "April"]]),
    )
    assert [p.paper_type for p in segment(doc)] == [MINUTES]


def test_action_log_file_with_owner_status_columns_is_an_action_plan():
    doc = build(
        ("h", "Action Log - 14 May 2013"),
        ("t", [["Ref", "Action", "Owner", "Status"], ["A1", "Circulate minutes", "Secretariat", "New"],
               ["A2", "Publish benefits cases", "JT", "Carried forward"]]),
    )
    assert [p.paper_type for p in segment(doc)] == [ACTION_PLAN]


def test_memo_to_members_is_a_report_not_a_summons():
    doc = build(
        ("h", "INTER-OFFICE COMMUNICATION"),
        ("p", "TO: Chairman and Members of the Planning Board\nFROM: Planning Director\nSUBJECT: Rezoning East of 99th Street"),
        ("p", "This request for approval of a rezoning was heard by the Planning Board, which will meet on 3 August."),
    )
    papers = segment(doc)
    assert COVER not in [p.paper_type for p in papers]
    assert papers[-1].paper_type == OTHER


# -- real papers ------------------------------------------------------------------


REAL = [
    ("ca-sainte-adele-demolition-committee/2023-06-20-PV.pdf", MINUTES),
    ("us-crete-township-illinois/January 11, 2026 - Meeting Minutes.docx", MINUTES),
    ("us-crete-township-illinois/March 13, 2024 - Board Agenda.pdf", AGENDA),
    ("us-omaha-city-council/a12-10-16.pdf", AGENDA),
    ("us-california-local-agencies/rolling_hills_estates_agenda_2.pdf", AGENDA),
    ("walbottle-village-residents-association/230815 - AGM minutes.docx.pdf", MINUTES),
    ("decoy-primary-school-governors/bm-committee-minutes-23-november-2020.pdf", MINUTES),
    ("uk-local-public-data-panel/Local Public Data Panel_Nineteenth Meeting 21 March 2013_Minutes.doc", MINUTES),
    ("uk-transparency-board/TB(9)1.i Transparency Board - agenda 06092011v3.doc", AGENDA),
    ("uk-open-data-user-group/ODUG Action Log 14 May 2013.pdf", ACTION_PLAN),
]


@pytest.mark.parametrize("rel,expect", REAL, ids=[r.split("/")[-1] for r, _ in REAL])
def test_realworld_single_paper_types(realworld_dir, parsed, rel, expect):
    path = realworld_dir / rel
    if not path.exists():
        pytest.skip(f"{rel} not present")
    papers = parsed(path, until="segment").papers
    assert [p.paper_type for p in papers][0] == expect, [(p.paper_type, p.cue, getattr(p, "evidence", None)) for p in papers]
    assert all(p.paper_type == expect for p in papers if p.paper_type != OTHER)


def test_realworld_report_memo_is_not_a_cover_letter(realworld_dir, parsed):
    path = realworld_dir / "us-omaha-city-council/1303a.pdf"
    if not path.exists():
        pytest.skip("1303a.pdf not present")
    assert COVER not in [p.paper_type for p in parsed(path, until="segment").papers]
