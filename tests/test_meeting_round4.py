"""Meetings and agendas, round 4: what broke on two more held-out sets of real papers
(kept outside the repository). Inputs are made up; each test names the clerk's rule."""

from __future__ import annotations

from boardpack.core.model import AGENDA, MINUTES, Block, Document, Paper
from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.committee_names import body_in_full, committee_name

load_all()


def _rows(texts, kind, table):
    blocks = [Block("paragraph", text=t, page=1) for t in texts]
    doc = Document(path="x.docx", sha256="f" * 64, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(kind, "", 0, len(blocks) - 1, cue=texts[0])])
    return extract_document(ctx).rows.get(table, [])


def test_a_body_named_by_its_remit_keeps_its_name_and_a_room_is_no_body():
    assert committee_name("Board of Aldermen Meeting Agenda") == "Board of Aldermen"
    assert committee_name("Eaton E. Smith Meeting Room - Town Hall") is None
    assert committee_name("Commissioners Court") == "Commissioners Court"


def test_the_council_or_the_full_board_is_the_body_the_head_names_in_full():
    head = ["REEDNESS AND SWINEFLEET INTERNAL DRAINAGE BOARD", "MINUTES OF THE FULL BOARD MEETING"]
    assert body_in_full("Full Board", head) == "Reedness and Swinefleet Internal Drainage Board"
    assert body_in_full("Council", ["UPTON COMMUNITY COUNCIL"], printed=True) == "Upton Community Council"
    assert body_in_full("County Council", ["UPTON COMMUNITY COUNCIL"], printed=True) == "County Council"


def test_a_numeric_date_read_the_way_the_head_writes_it_in_words():
    rows = _rows(["11/08/2007 Conservation Minutes", "Conservation Commission", "Meeting Minutes", "November 8, 2007",
                  "1. Call to Order: Chairman Hart called the meeting to order at 7:07 pm. Present: Chairman Hart, "
                  "members Ann Lowe and Bob Pryce."], MINUTES, "meetings")
    assert [r["meeting_date"] for r in rows] == ["2007-11-08"]


def test_sub_item_letter_in_brackets_run_into_its_title_and_a_bracketed_presenter():
    rows = _rows(["AGENDA", "5. PUBLIC PARTICIPATION", "6. TO RECEIVE FINANCIAL REPORT", "(a) TO RECEIVE FINANCIAL STATEMENTS",
                  "(b)TO PRESENT CHEQUES FOR APPROVAL AND SIGNING", "7. Draft Filming Policy (presented by Filming Committee) (Page 5)",
                  "8. Adjournment"], AGENDA, "agenda_items")
    got = [(r["item_number"], r["title"]) for r in rows]
    assert ("6b", "TO PRESENT CHEQUES FOR APPROVAL AND SIGNING") in got and ("7", "Draft Filming Policy") in got


def test_roman_sub_items_in_brackets_under_their_item():
    rows = _rows(["AGENDA", "1. Apologies", "2. Declaration of Interests", "(i) Register of Interests: to update the register.",
                  "(ii) To declare any personal interests.", "3. Minutes", "To consider the minutes of the last meeting",
                  "4. Accounts", "(i) To receive a statement", "(ii) To authorise payments."], AGENDA, "agenda_items")
    assert [r["item_number"] for r in rows] == ["1", "2", "2i", "2ii", "3", "4", "4i", "4ii"]


def test_a_title_that_dates_itself_is_not_dated_by_a_later_held_on():
    rows = _rows(["Minutes of Parish Council 22 November 2023", "THOSE ATTENDING:", "Cllr K Hart",
                  "5. TO RECEIVE AND ADOPT THE MINUTES OF THE PARISH COUNCIL MEETING HELD ON 13 NOVEMBER 2023."],
                 MINUTES, "meetings")
    assert [r["meeting_date"] for r in rows] == ["2023-11-22"]
