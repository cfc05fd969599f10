"""Agenda layouts met on real agendas, as small made-up documents
(no reader involved): timings before titles, date lines, "Agenda Item | Lead"
tables, descriptions under titles, embedded tables, lettered and roman
outlines, agendas the segmenter could not type."""

from __future__ import annotations

import pytest

from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.agenda import strip_timing
from boardpack.core.model import AGENDA, OTHER, Block, Cell, Document, Paper, Row

load_all()


def para(text, kind="paragraph", page=1, **kw):
    return Block(kind, text=text, page=page, **kw)


def table(rows, page=1):
    return Block("table", rows=[Row([Cell(c) for c in r], page=page) for r in rows], page=page)


def items(blocks, ptype=AGENDA):
    doc = Document(path="x.pdf", sha256="e" * 64, format="pdf", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(ptype, "", 0, len(blocks) - 1)])
    return [(r["item_number"], r["title"]) for r in extract_document(ctx).rows.get("agenda_items", [])]


@pytest.mark.parametrize("raw, title", [
    ("14:00 - 14:05: Welcome and introductions", "Welcome and introductions"),
    ("15.35 - 16.00 (25 mins) Strategy update", "Strategy update"),
    ("AOB (5 mins)", "AOB"),
    ("Review of 2009 - 10 budget", "Review of 2009 - 10 budget"),
])
def test_strip_timing(raw, title):
    assert strip_timing(raw) == title


def test_timed_items_after_a_date_heading_are_not_renumbered_from_the_date():
    blocks = [
        para("Local Data Panel", kind="heading"),
        para("17 January 2012", kind="heading"),
        para("14.00 - 16.15"),
        para("Agenda", kind="heading"),
        para("1) 14:00 - 14:05: Welcome and introductions"),
        para("2) 14:05 - 14:20: Minutes of last meeting (including actions)"),
        para("3) 14:20 - 14:50: Presentation on data standards (Jane Smith - LGA)"),
    ]
    assert items(blocks) == [("1", "Welcome and introductions"), ("2", "Minutes of last meeting (including actions)"),
                             ("3", "Presentation on data standards")]


def test_agenda_item_lead_table_with_sub_lines_and_section_rows():
    blocks = [
        para("AGENDA for the Residents Association AGM", kind="heading"),
        table([
            ["", "Agenda Item:", "Lead:"],
            ["1", "Members present", "Helen"],
            ["", "Standing Items:", ""],
            ["5", "Officer reports 2023-2024\na). Chair\nb). Secretary", "Officers"],
            ["6", "Election of Officers\nSecretary\nTreasurer", "Lorraine"],
            ["8", "Upcoming Events\n- Halloween - 31 st Oct", "All"],
        ]),
    ]
    assert items(blocks) == [("1", "Members present"), ("5", "Officer reports 2023-2024"), ("5a", "Chair"),
                             ("5b", "Secretary"), ("6", "Election of Officers"), ("8", "Upcoming Events")]


def test_timing_item_lead_table_cell_title_then_description():
    blocks = [
        para("OUTLINE AGENDA", kind="heading"),
        table([
            ["Strategy update", "", "", ""],
            ["", "Timing", "Item", "Lead"],
            ["1", "15:30 - 15:35\n(5 mins)", "Welcome and Introductions\nAgree note of previous meeting", "Chair"],
            ["2", "15.35 - 16.00\n(25 mins)", "Any other business (including\nnext meeting)", "Tim Kelsey"],
        ]),
    ]
    assert items(blocks) == [("1", "Welcome and Introductions"), ("2", "Any other business (including next meeting)")]


def test_description_line_after_a_short_title_is_not_the_title():
    blocks = [
        para("AGENDA", kind="heading"),
        para("4 Public Participation - to receive submissions from members of the public on items on the\n"
             "agenda, in accordance with the Council's code of conduct & standing orders.\n"
             "Variation of Order of Business may apply"),
        para("5 Co-Option of Councillor\nTo consider any suitable candidates for the vacancy on the council now"),
        para("6 Any Other Business (to be raised with the chairman\nbefore the meeting)"),
    ]
    got = dict(items(blocks))
    assert got["4"].endswith("code of conduct & standing orders.")
    assert got["5"] == "Co-Option of Councillor"
    assert got["6"] == "Any Other Business (to be raised with the chairman before the meeting)"


def test_action_table_under_an_item_is_not_part_of_its_title():
    blocks = [
        para("AGENDA", kind="heading"),
        para("5 Clerks Report and Actions from previous meeting"),
        table([["NO", "ACTION", "OWNER", "Update"], ["Nov20.01", "Speak to neighbours about the path", "NO", ""]]),
        para("6 Correspondence"),
    ]
    assert items(blocks) == [("5", "Clerks Report and Actions from previous meeting"), ("6", "Correspondence")]


def test_letter_split_from_a_word_is_not_a_sub_item():
    blocks = [para("AGENDA", kind="heading"), para("9 Finance"), para("10 P ublic Participation")]
    assert items(blocks)[-1][0] == "10"


def test_capital_lettered_sub_items_in_sequence_after_a_closing_line():
    blocks = [
        para("AGENDA", kind="heading"),
        para("4. CONSENT CALENDAR", kind="heading"),
        para("A. READING OF ORDINANCES AND RESOLUTIONS\nReading in full of all ordinances and resolutions presented for consideration is waived."),
        para("Recommendation: Approve as presented. Staff contact: Jane Smith"),
        para("B. ADOPTION OF RESOLUTION TO AUTHORIZE THE CONTINUED USE OF\nTELECONFERENCE PROCEDURES", kind="list_item"),
        para("D. Smith to report", kind="list_item"),
        para("5. ADJOURNMENT", kind="heading"),
    ]
    assert items(blocks) == [("4", "CONSENT CALENDAR"), ("4a", "READING OF ORDINANCES AND RESOLUTIONS"),
                             ("4b", "ADOPTION OF RESOLUTION TO AUTHORIZE THE CONTINUED USE OF TELECONFERENCE PROCEDURES"),
                             ("5", "ADJOURNMENT")]


def test_untyped_paper_titled_agenda_is_read_and_other_papers_are_not():
    blocks = [para("Regular Meeting Agenda", kind="heading"), para("1. CALL MEETING TO ORDER"), para("2. ROLL CALL")]
    assert items(blocks, OTHER) == [("1", "CALL MEETING TO ORDER"), ("2", "ROLL CALL")]
    report = [para("Planning report", kind="heading"), para("1. Background to the application"),
              para("2. Items on the agenda of the last board were deferred")]
    assert items(report, OTHER) == []


def test_report_headed_agenda_item_number_is_not_an_agenda():
    report = [para("Agenda Item 6", kind="heading"), para("Community safety agreement"),
              para("1. Note the attached agreement"), para("2. Delegate the response to the group")]
    assert items(report, OTHER) == []


def test_roman_outline_with_lettered_committees_and_numbered_sub_items():
    blocks = [
        para("AGENDA"),
        para("I. ROLL CALL", kind="list_item"),
        para("II. APPROVAL OF THE MINUTES\nJune 25, 2019", kind="list_item"),
        para("III. COMMITTEE REPORTS", kind="list_item"),
        para("A. FINANCE", kind="list_item"),
        para("1. Approval of Grants and Gifts", kind="list_item"),
        para("B. MANAGEMENT", kind="list_item"),
        para("1. Approval of the Insurance Agreement", kind="list_item"),
        para("2. Purchase of Equipment", kind="list_item"),
        para("C. INVESTMENT", kind="list_item"),
        para("IV. ADJOURNMENT", kind="list_item"),
    ]
    assert items(blocks) == [("I", "ROLL CALL"), ("II", "APPROVAL OF THE MINUTES"), ("III", "COMMITTEE REPORTS"),
                             ("IIIA", "FINANCE"), ("IIIA1", "Approval of Grants and Gifts"), ("IIIB", "MANAGEMENT"),
                             ("IIIB1", "Approval of the Insurance Agreement"), ("IIIB2", "Purchase of Equipment"),
                             ("IIIC", "INVESTMENT"), ("IV", "ADJOURNMENT")]


def test_lettered_items_past_h_stay_letters_and_presenter_line_before_the_title():
    blocks = [para("Meeting Agenda", kind="heading")]
    blocks += [para(f"{c}. Item {c}", kind="heading") for c in "ABCDEFGH"]
    blocks += [
        para("I. Management Reports", kind="heading"),
        para("1. Presentation regarding Injury Cases", kind="heading"),
        para("J. Items for Approval", kind="heading"),
        para("1. Recommended by Water System", kind="heading"),
        para("Approval of Agreement No. 47696 for Analysis Model.", kind="heading"),
        para("K. Closed Session", kind="heading"),
        para("1. CONFERENCE WITH LEGAL COUNSEL - EXISTING LITIGATION\n(Section 54956.9(d)(1) of the Government Code)",
             kind="heading"),
    ]
    got = items(blocks)
    assert got[8:] == [("I", "Management Reports"), ("I1", "Presentation regarding Injury Cases"),
                       ("J", "Items for Approval"), ("J1", "Approval of Agreement No. 47696 for Analysis Model."),
                       ("K", "Closed Session"), ("K1", "CONFERENCE WITH LEGAL COUNSEL - EXISTING LITIGATION")]


def test_unnumbered_business_headings_are_items_and_numbering_restarts_under_each_section():
    blocks = [
        para("AGENDA", kind="heading"),
        para("PUBLIC PARTICIPATION OPTIONS:", kind="heading"),
        para("The Public may join this meeting virtually."),
        para("CALL TO ORDER : 6:30 p.m."),
        para("PLEDGE OF ALLEGIANCE :", kind="heading"),
        para("ROLL CALL : Councilmembers Smith, Jones"),
        para("COMMITTEE REPORTS : Reports on Committee meetings held."),
        para("1. PUBLIC SAFETY COMMITTEE REPORT - Authorize the City Manager to purchase a vehicle.", kind="list_item"),
        para("2. CULTURAL COMMITTEE REPORT - Continue with the current support.", kind="list_item"),
        para("GENERAL BUSINESS :", kind="heading"),
        para("1. ASSEMBLY BILL 361 FINDINGS FOR SPECIAL"),
        para("REQUIREMENTS FOR TELECONFERENCE MEETINGS - City Council make the findings."),
        para("ADJOURNMENT :", kind="heading"),
        para("CERTIFICATION", kind="heading"),
    ]
    assert items(blocks) == [("", "CALL TO ORDER"), ("", "PLEDGE OF ALLEGIANCE"), ("", "ROLL CALL"),
                             ("", "COMMITTEE REPORTS"), ("1", "PUBLIC SAFETY COMMITTEE REPORT"),
                             ("2", "CULTURAL COMMITTEE REPORT"), ("", "GENERAL BUSINESS"),
                             ("1", "ASSEMBLY BILL 361 FINDINGS FOR SPECIAL REQUIREMENTS FOR TELECONFERENCE MEETINGS"),
                             ("", "ADJOURNMENT")]


def test_agenda_of_headings_and_bullets_without_numbers():
    blocks = [
        para("TOWNSHIP BOARD MEETING\nAGENDA\nMarch 13, 2024, 7PM", kind="heading"),
        para("CALL TO ORDER:\nROLL CALL:\nAPPROVAL OF MINUTES:", kind="heading"),
        para("Approval of February 14, 2024, Regular meeting minutes", kind="list_item"),
        para("REPORTS:\nSUPERVISOR:", kind="heading"),
        para("Set date for Budget Workshop", kind="list_item"),
        para("EXECUTIVE SESSION (if needed)", kind="heading"),
        para("ADJOURNMENT:", kind="heading"),
    ]
    assert items(blocks) == [("", "CALL TO ORDER"), ("", "ROLL CALL"), ("", "APPROVAL OF MINUTES"),
                             ("", "Approval of February 14, 2024, Regular meeting minutes"), ("", "REPORTS"),
                             ("", "SUPERVISOR"), ("", "Set date for Budget Workshop"),
                             ("", "EXECUTIVE SESSION (if needed)"), ("", "ADJOURNMENT")]


def test_group_headings_of_a_numbered_agenda_are_not_items():
    blocks = [
        para("AGENDA", kind="heading"),
        para("PART 1 ITEMS FOR DECISION", kind="heading"),
        para("1. Apologies"),
        para("2. Minutes of the last meeting"),
        para("LOOKING BACK", kind="heading"),
        para("3. Performance report"),
        para("ANY OTHER BUSINESS", kind="heading"),
    ]
    assert items(blocks) == [("1", "Apologies"), ("2", "Minutes of the last meeting"), ("3", "Performance report")]


def test_decimal_sub_items_numbered_as_printed_and_legal_basis_dropped():
    blocks = [
        para("AGENDA", kind="heading"),
        para("3. CLOSED SESSION", kind="heading"),
        para("2.1 Public Employee Performance Evaluation - Pursuant to Government Code Section 54957", kind="heading"),
        para("4. DISCUSSION", kind="heading"),
        para("4.1 Board Governance", kind="heading"),
        para("4.2 Budget Study Session at 10.30 am", kind="heading"),
        para("5. ADJOURNMENT", kind="heading"),
    ]
    assert items(blocks) == [("3", "CLOSED SESSION"), ("2.1", "Public Employee Performance Evaluation"),
                             ("4", "DISCUSSION"), ("4.1", "Board Governance"), ("4.2", "Budget Study Session at 10.30 am"),
                             ("5", "ADJOURNMENT")]


def test_lettered_sub_items_set_out_as_a_table_under_their_item():
    blocks = [
        para("AGENDA", kind="heading"),
        para("7 Updates"),
        table([["a.", "Playground Advisory Group"], ["b.", "Wood Advisory Group"], ["c.", "CDC"]]),
        para("8 Planning"),
    ]
    assert items(blocks) == [("7", "Updates"), ("7a", "Playground Advisory Group"), ("7b", "Wood Advisory Group"),
                             ("7c", "CDC"), ("8", "Planning")]


def test_presenters_as_first_names_in_brackets():
    blocks = [para("AGENDA", kind="heading"), para("1) Update on the Transparency Board (Will/Emer/Janet)"),
              para("2) Discussion on the role of CIPFA (Nigel)")]
    assert items(blocks) == [("1", "Update on the Transparency Board"), ("2", "Discussion on the role of CIPFA (Nigel)")]


def test_order_of_business_paragraphs_explaining_each_stage_are_not_items():
    blocks = [
        para("THE ORDER OF BUSINESS", kind="heading"),
        para("1. Preliminary Matters: The Board President will begin the meeting with opening remarks. General Public "
             "comments will then follow. Thereafter, the General Manager may give a report."),
        para("2. Consideration of Items Recommended for Approval: The Board will consider items recommended for "
             "approval. Items on which there are speaker cards will generally be considered later."),
        para("3. Management Reports: Reports from management and other documents are presented to the Board for "
             "information or possible discussion. No action is requested in regard to these items."),
    ]
    assert items(blocks) == []


def test_order_of_business_page_before_the_agenda_in_one_paper_leaves_the_agenda_items():
    """Regression: once the explanation page and the agenda were one paper, the
    explained stages '1.'-'3.' became items and the lettered agenda was lost."""
    blocks = [
        para("THE ORDER OF BUSINESS", kind="heading"),
        para("1. Preliminary Matters: The Board President will begin the meeting with opening remarks. General Public "
             "comments will then follow. Thereafter, the General Manager may give a report."),
        para("2 . Consideration of Items Recommended for Approval: The Board will consider items recommended for "
             "approval. Items on which there are speaker cards will generally be considered later."),
        para("3. Management Reports: Reports from management and other documents are presented to the Board for "
             "information or possible discussion. No action is requested in regard to these items."),
        para("Meeting Agenda - January 25, 2022", kind="heading"),
        para("A. Roll Call", kind="heading"),
        para("B. Opening remarks by the Commission President", kind="heading"),
        para("C. General Public Comment", kind="heading"),
    ]
    got = items(blocks)
    assert [n for n, _ in got] == ["A", "B", "C"]


def test_all_caps_title_wrapped_into_the_next_paragraph_of_a_business_heading_agenda():
    blocks = [
        para("AGENDA", kind="heading"),
        para("CALL TO ORDER :", kind="heading"),
        para("ROLL CALL :", kind="heading"),
        para("GENERAL BUSINESS :", kind="heading"),
        para("4. ORDINANCE SECOND READING: ADOPTION OF ORDINANCE 297-22"),
        para("REGARDING ACCESSORY DWELLING UNIT REGULATIONS, AMENDING THE MUNICIPAL CODE - Waive full reading."),
        para("ADJOURNMENT :", kind="heading"),
    ]
    assert ("4", "ORDINANCE SECOND READING: ADOPTION OF ORDINANCE 297-22 REGARDING ACCESSORY DWELLING UNIT "
                 "REGULATIONS, AMENDING THE MUNICIPAL CODE") in items(blocks)


# a line of ordinary width on the page: the right margin a wrapped line runs to
_MARGIN_LINE = "2. Declarations of Interest - to receive any declarations of interest from Councillors relating\nto items on the agenda."


def test_capitalised_line_whose_first_word_would_have_fitted_above_describes_the_item():
    """Regression: "5. Clerks Report and Actions from previous meeting" took the line under it
    ("There were no outstanding actions ...") and a whole action table as its title, because the
    lines of its own block were no wider than each other. The page's widest line is the margin."""
    blocks = [
        para("AGENDA", kind="heading"),
        para(_MARGIN_LINE),
        para("5. Clerks Report and Actions from previous meeting\nThere were no outstanding actions from the last meeting"),
        para("6 Finance - to discuss proposed budget and precept request for 2023/24\nTo approve monthly payments"),
        para("7 Planning - to update on any planning issues\n21/00550/TCA Manor Farm, High Street - treework"),
        para("8 Report of the Working Group on the future of the village hall and its car park and the\n"
             "Playing Field"),
    ]
    assert items(blocks)[1:] == [("5", "Clerks Report and Actions from previous meeting"),
                                 ("6", "Finance - to discuss proposed budget and precept request for 2023/24"),
                                 ("7", "Planning - to update on any planning issues"),
                                 ("8", "Report of the Working Group on the future of the village hall and its car park "
                                       "and the Playing Field")]


def test_title_wrapped_inside_an_open_bracket_runs_on_to_the_next_line():
    """A presenter list in brackets wrapped in a narrow column ("... / Neil" / "Weston)") is
    one title even where the page's margin is far to the right."""
    blocks = [
        para("AGENDA", kind="heading"),
        para(_MARGIN_LINE),
        para("3. Performance report (Cllr Jane Smith - Chair / Task Group Chairs / Neil\nWeston)"),
    ]
    assert items(blocks)[1] == ("3", "Performance report")


def test_capital_lettered_sub_item_in_its_own_block_keeps_its_wrapped_lines():
    """Regression: "B. PLANNING APPLICATION ..." printed in a block after its item's block
    lost the wrapped end of its title ("17.04.030 OF THE ... CODE") to the notes."""
    blocks = [
        para("AGENDA", kind="heading"),
        para("10. NEW BUSINESS"),
        para("A. EQUINE EMERGENCY SHELTERING AGREEMENT"),
        para("B. PLANNING APPLICATION NO. 220504 DETERMINATION THAT THE USE IS\nSIMILAR TO USES ALREADY LISTED SECTION\n"
             "17.04.030 OF THE MUNICIPAL CODE\nMemorandum from the Community Development Director"),
    ]
    assert items(blocks)[-1] == ("10b", "PLANNING APPLICATION NO. 220504 DETERMINATION THAT THE USE IS SIMILAR TO "
                                        "USES ALREADY LISTED SECTION 17.04.030 OF THE MUNICIPAL CODE")


def test_real_parish_agenda_description_lines_are_not_titles(parsed, realworld_dir):
    path = realworld_dir / "souldern-parish-council" / "spc-agenda" / "2021-03-25 Agenda.pdf"
    got = dict((r["item_number"], r["title"]) for r in parsed(path).result.rows.get("agenda_items", []))
    assert got["5"] == "Clerks Report and Actions from previous meeting"
    assert got["12"] == "Planning - to update on any planning issues"


def test_real_us_agenda_lettered_sub_item_keeps_its_wrapped_title(parsed, realworld_dir):
    path = realworld_dir / "us-california-local-agencies" / "rolling_hills_estates_agenda_2.pdf"
    got = dict((r["item_number"], r["title"]) for r in parsed(path).result.rows.get("agenda_items", []))
    assert got["10b"].endswith("SECTION 17.04.030 OF THE ROLLING HILLS ESTATES MUNICIPAL CODE LOCATION: 712 DEEP VALLEY DRIVE")


def test_next_letter_of_a_lettered_list_whose_full_stop_was_lost_is_the_next_sub_item():
    """Regression: a scanned "c. CDC" / "d occ" (the "d." read without its stop) made one
    sub-item "CDC d occ"."""
    blocks = [
        para("AGENDA", kind="heading"),
        para("7. Updates"),
        para("a. Playground Advisory Group"),
        para("c. District Council\nd County Council"),
        para("8. Planning"),
    ]
    got = items(blocks)
    assert ("7c", "District Council") in got and ("7d", "County Council") in got


def test_real_scanned_parish_agenda_sub_item_with_lost_full_stop(parsed, realworld_dir):
    path = realworld_dir / "souldern-parish-council" / "spc-agenda" / "2018-11-22 Agenda.pdf"
    got = dict((r["item_number"], r["title"]) for r in parsed(path).result.rows.get("agenda_items", []))
    assert (got["7c"], got["7d"].lower()) == ("CDC", "occ")
