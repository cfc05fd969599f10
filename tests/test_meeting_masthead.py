"""The meeting stated by a paper's masthead (title lines at its head), by its
minutes header, or as a last resort by its file name: date, time, committee and
venue wherever the paper puts them. Made-up inputs, one per thing that broke on
real papers of bodies the project had not seen."""

from __future__ import annotations

import dataclasses

import docx
import pytest

from boardpack.core.dates import find_dates, find_times, numeric_order
from boardpack.core.model import BUDGET
from boardpack.extractors.base import ExtractContext, extract_document
from boardpack.extractors.meeting_cues import (
    committee_name,
    date_from_file_name,
    is_place,
    masthead,
    minutes_header,
    opening_time,
    opening_venue,
)
from boardpack.pipeline import parse_file


def fields(info):
    return info.committee, info.meeting_date, info.start_time, info.venue


# ---------------------------------------------------------------------------
# masthead stacks


def test_masthead_ordinal_meeting_line_is_not_the_committee():
    info = masthead(["Regional Data Forum", "7th meeting", "3 June 2014, 14:00-16:30",
                     "Acme House, 2nd Floor, 12 Long Street, Leeds, LS1 4AB", "Attendees | Apologies"])
    assert fields(info) == ("Regional Data Forum", "2014-06-03", "14:00",
                            "Acme House, 2nd Floor, 12 Long Street, Leeds, LS1 4AB")


def test_masthead_time_range_on_its_own_line_and_venue_label():
    info = masthead(["HIGHWAYS BOARD", "Twelfth Meeting", "9 March 2012", "15.30 - 17.30",
                     "Venue: Civic Offices, 1 High Street, Room 4", "OUTLINE AGENDA"])
    assert fields(info) == ("Highways Board", "2012-03-09", "15:30", "Civic Offices, 1 High Street, Room 4")


def test_masthead_time_range_then_venue_on_the_line_after_the_date():
    info = masthead(["Youth Justice Advisory Panel", "14 October 2013",
                     "10:00- 12:00 Room 6, 9 Mill Lane, Bristol BS1 2AA", "Attendees"])
    assert fields(info) == ("Youth Justice Advisory Panel", "2013-10-14", "10:00", "Room 6, 9 Mill Lane, Bristol BS1 2AA")


def test_masthead_address_line_above_the_date():
    info = masthead(["Rural Transport Panel", "Nineteenth Meeting", "County Offices, Bank Street, Carlisle CA3 8NA",
                     "21 March 2013", "MINUTES AND ACTIONS", "Panel: Ann Smith (Chair)"])
    assert fields(info) == ("Rural Transport Panel", "2013-03-21", None, "County Offices, Bank Street, Carlisle CA3 8NA")


def test_masthead_committee_and_date_on_one_line_with_a_dash():
    info = masthead(["Oakley Parish Council - 8 th September 2015",
                     "This meeting held in place of cancelled meeting 1 st Sept 2015", "Present"])
    assert fields(info) == ("Oakley Parish Council", "2015-09-08", None, None)


def test_masthead_agenda_for_date_then_venue_and_time_line():
    info = masthead(["TOWN COUNCIL AGENDA FOR OCTOBER 16, 2012", "COUNCIL CHAMBERS - 2:00 P.M.", "ROLL CALL"])
    assert fields(info) == ("Town Council", "2012-10-16", "14:00", "COUNCIL CHAMBERS")


def test_masthead_us_letterhead_kind_line_and_venue_after_time():
    info = masthead(["CITY OF", "PINE HILLS", "45 OAK DRIVE NORTH • PINE HILLS, CA 90274",
                     "TELEPHONE 310.555.1577", "www.example.gov", "Regular Meeting Agenda", "CITY COUNCIL",
                     "Tuesday, December 13, 2022 7:00 PM Council Chambers"])
    assert fields(info) == ("City Council", "2022-12-13", "19:00", "Council Chambers")


def test_masthead_short_title_numeric_date_place_and_time_on_one_line():
    info = masthead(["RVA AGM 15/08/23, VH 7pm.", "Agenda Item", "1. Members present: A Smith"])
    assert info.meeting_date == "2023-08-15" and info.start_time == "19:00" and info.venue == "VH"
    assert info.committee.upper() == "RVA AGM"


def test_masthead_committee_date_and_venue_in_one_joined_block():
    info = masthead(["Amenities, Leisure and Community Services Tuesday 13 th March 2018 Barford Town Hall", "Present:"])
    assert fields(info) == ("Amenities, Leisure and Community Services", "2018-03-13", None, "Barford Town Hall")


def test_masthead_place_line_between_title_and_date():
    info = masthead(["Selectboard Meeting", "Ashford Town Office", "January 3, 2023", "Present: A Brown"])
    assert fields(info) == ("Selectboard", "2023-01-03", None, "Ashford Town Office")


def test_masthead_kind_words_around_the_name_and_wrapped_address():
    info = masthead(["LAKESIDE PLANNING COMMISSION REGULAR MEETING MINUTES",
                     "January 27, 2020, 7:00 p.m. Government Center City Council Chamber Lakeside, CA 94303",
                     "1. CALL TO ORDER AND ROLL CALL"])
    assert info.committee == "Lakeside Planning Commission"
    assert (info.meeting_date, info.start_time) == ("2020-01-27", "19:00")
    assert info.venue == "Government Center City Council Chamber Lakeside, CA 94303"


def test_masthead_labels_in_capitals_without_colons():
    info = masthead(["GREEN LANE SCHOOL BOARD OF GOVERNORS", "COMMITTEE Board of Governors DATE; 14/10/2019"])
    assert (info.committee, info.meeting_date) == ("Board of Governors", "2019-10-14")


def test_masthead_nearest_name_above_the_date_wins():
    info = masthead(["GREEN LANE SCHOOL BOARD OF GOVERNORS", "COMMITTEE DATE", "Learning & Wellbeing Committee 9 May 2022"])
    assert (info.committee, info.meeting_date) == ("Learning & Wellbeing Committee", "2022-05-09")


@pytest.mark.parametrize("stamp", ["REVISED 4/23/19", "Dated 20 April 2019", "Date of next meeting: 20 May 2019",
                                   "Updated 3 April 2019", "Published 18 April 2019"])
def test_masthead_revision_issue_and_next_meeting_stamps_are_not_the_meeting_date(stamp):
    info = masthead([stamp, "Planning Board", "Thursday 25 April 2019 at 6.30 pm", "1. Apologies"])
    assert info.meeting_date == "2019-04-25"
    assert info.start_time == "18:30"


def test_masthead_time_before_the_date():
    info = masthead(["Data Panel", "10:00-11:30, 14 February 2014", "Attendees"])
    assert (info.meeting_date, info.start_time) == ("2014-02-14", "10:00")


def test_masthead_call_to_order_time_when_the_head_states_none():
    info = masthead(["TOWNSHIP BOARD OF TRUSTEES MEETING", "May 12, 2021",
                     "The regular scheduled meeting of the Township Board of Trustees was called to order by "
                     "Supervisor Smith at 7;00 PM."])
    assert fields(info) == ("Township Board of Trustees", "2021-05-12", "19:00", None)


def test_masthead_starting_at_time():
    info = masthead(["Library Board", "Tuesday, June 6, 2023", "Meeting starting at 6:30 p.m."])
    assert (info.meeting_date, info.start_time) == ("2023-06-06", "18:30")


# ---------------------------------------------------------------------------
# pieces


@pytest.mark.parametrize("text, name", [
    ("Regular Meeting of the City Council", "City Council"),
    ("REGULAR MEETING OF THE BOARD OF TRUSTEES", "Board of Trustees"),
    ("Local Data Panel - second meeting", "Local Data Panel"),
    ("CRETE TOWNSHIP SPECIAL BOARD OF TRUSTEES MEETING", "Crete Township Board of Trustees"),
    ("Minutes of the Finance Committee", "Finance Committee"),
    ("Village Annual Parish Meeting", "Village Annual Parish Meeting"),
    ("13 th meeting", None),
    ("Regular Meeting Agenda", None),
    ("Due to Coronavirus - Covid-19 - The Parish Council held a zoom meeting", None),
    ("There being no objections the Board upon motion duly made", None),
    ("1. CALL TO ORDER AND ROLL CALL", None),
    ("ACTION: Cabinet Office to facilitate a meeting with the Electoral Commission", None),
])
def test_committee_name_is_a_name_never_a_sentence_fragment(text, name):
    assert committee_name(text) == name


@pytest.mark.parametrize("text, ok", [
    ("Council Chamber, County Hall", True),
    ("DCLG, Eland House, London SW1E 5DU", True),
    ("1600 Huntington Drive, Duarte, CA 91010", True),
    ("Zoom videoconference", True),
    ("This meeting will be held in the hall", False),
    ("14:00-17:00", False),
    ("Board of Governors", False),
])
def test_is_place(text, ok):
    assert is_place(text) is ok


def test_opening_time_families():
    assert opening_time(["1. Call to order 7:03 PM."])[0] == "19:03"
    assert opening_time(["Brenda opens meeting at 7:07 PM. First order of business"])[0] == "19:07"
    assert opening_time(["The meeting opened at 6.35pm"]) == ("18:35", "6.35pm")
    assert opening_time(["La séance est ouverte à 16h00."]) == ("16:00", "16h00")


def test_minutes_header_without_minutes_of_sentence_reads_the_masthead():
    text = "Open Data Group\n13 th meeting\n14 May 2013, 14:00-17:00\nAcme, 3 rd Floor, 65 Clifton Street, London, EC2A 4JE"
    info = minutes_header(text)
    assert fields(info) == ("Open Data Group", "2013-05-14", "14:00", "Acme, 3 rd Floor, 65 Clifton Street, London, EC2A 4JE")


def test_minutes_header_sentence_still_wins():
    info = minutes_header("Minutes of a meeting of the Cabinet held in the Council Chamber on 9 January 2025 at 10.00 am")
    assert fields(info) == ("Cabinet", "2025-01-09", "10:00", "Council Chamber")


# ---------------------------------------------------------------------------
# dates and times


@pytest.mark.parametrize("text, iso", [
    ("15.09.10", "2010-09-15"),
    ("21st October 2010", "2010-10-21"),
    ("MINUTES AND ACTIONS - 17th October 2013", "2013-10-17"),
    ("April 18, 2023", "2023-04-18"),
    ("Tuesday, June 6, 2023 at 6:00 PM", "2023-06-06"),
    ("4/23/19", "2019-04-23"),  # only month first makes a date
    ("03-09-19", "2019-09-03"),
])
def test_meeting_date_spellings(text, iso):
    assert find_dates(text)[0].iso == iso


@pytest.mark.parametrize("text, hhmm", [("16h00", "16:00"), ("starting at 6:30 p.m.", "18:30"), ("7;00 PM", "19:00"),
                                        ("at 7 PM", "19:00")])
def test_meeting_time_spellings(text, hhmm):
    assert find_times(text)[0].hhmm == hhmm


def test_numeric_dates_month_first_on_american_papers():
    us = "Council Chambers, 1 Main Street, Springfield, IL 62701. Budget $1,200. April 6, 2016"
    uk = "County Hall, Maidstone ME14 1XQ. Budget £1,200. 6 April 2016"
    assert numeric_order(us) is True and numeric_order(uk) is False
    assert find_dates("4/6/16", month_first=numeric_order(us))[0].iso == "2016-04-06"
    assert find_dates("4/6/16", month_first=numeric_order(uk))[0].iso == "2016-06-04"


def test_date_from_file_name_last_resort():
    assert date_from_file_name("/x/2016-03-17 Agenda.pdf").iso == "2016-03-17"
    assert date_from_file_name("/x/agendas_2017-01-10_.pdf").iso == "2017-01-10"
    assert date_from_file_name("/x/Minutes 14 May 2013 final.doc").iso == "2013-05-14"
    assert date_from_file_name("/x/board_4-6-16.pdf", month_first=True).iso == "2016-04-06"
    assert date_from_file_name("/x/report.pdf") is None
    assert date_from_file_name("/x/2016-03-17 to 2016-04-17.pdf") is None


# ---------------------------------------------------------------------------
# through the extractors (made-up documents)

from boardpack.extractors import ExtractContext, extract_document, load_all  # noqa: E402
from boardpack.extractors.meeting_cues import tidy_venue  # noqa: E402
from boardpack.core.model import AGENDA, MINUTES, OTHER, Block, Document, Paper  # noqa: E402

load_all()


def _run(blocks, papers_spec, path="x.docx"):
    doc = Document(path=path, sha256="e" * 64, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(t, "", s, e) for t, s, e in papers_spec])
    return extract_document(ctx).rows


def _p(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def test_minutes_approving_earlier_minutes_do_not_give_the_meeting_date():
    blocks = [_p("VILLAGE TOWNSHIP SPECIAL BOARD OF TRUSTEES MEETING JANUARY 11, 2023"),
              _p("The regular scheduled meeting of the Village Township Board of Trustees was called to order by "
                 "Supervisor Smith at 7:00 PM."),
              _p("Motion to approve the minutes of the Tax Levy Hearing held on December 14, 2022, was made by "
                 "Trustee Brown, seconded by Trustee Green.")]
    (m,) = _run(blocks, [(MINUTES, 0, 2)])["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"]) == ("Village Township Board of Trustees", "2023-01-11", "19:00")


def test_minutes_start_time_from_the_call_to_order_item_after_the_attendance():
    blocks = [_p("Selectboard Meeting"), _p("Ashford Town Office"), _p("January 3, 2023"),
              _p("Present: Dan Brown, Kelly Green. Absent Charlie White."),
              _p("1. Call to order 7:03 PM.", kind="list_item"), _p("2. Comments & Questions - none", kind="list_item")]
    (m,) = _run(blocks, [(MINUTES, 0, 5)])["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"], m["venue"]) == (
        "Selectboard", "2023-01-03", "19:03", "Ashford Town Office")


def test_minutes_committee_that_is_a_sentence_fragment_is_dropped():
    blocks = [_p("Oakley Parish Council - 26 th January 2021"),
              _p("Due to Coronavirus - Covid-19 - The Parish Council held a zoom meeting"),
              _p("Present"), _p("Councillors D Richard (Chair), R Heal")]
    (m,) = _run(blocks, [(MINUTES, 0, 3)])["meetings"]
    assert (m["committee"], m["meeting_date"]) == ("Oakley Parish Council", "2021-01-26")


def test_untyped_paper_whose_masthead_names_an_agenda_gives_its_meeting():
    blocks = [_p("TOWN COUNCIL AGENDA FOR OCTOBER 16, 2012", kind="heading"),
              _p("COUNCIL CHAMBERS - 2:00 P.M.", kind="heading"), _p("ROLL CALL", kind="heading"),
              _p("1. City Clerk calls the roll.", kind="list_item")]
    (m,) = _run(blocks, [(OTHER, 0, 3)])["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"], m["venue"]) == (
        "Town Council", "2012-10-16", "14:00", "COUNCIL CHAMBERS")


def test_untyped_report_mentioning_a_meeting_in_prose_gives_no_meeting():
    blocks = [_p("Planning Report", kind="heading"), _p("Application 12/0034 for a religious assembly"),
              _p("This application will be considered at the meeting of the Board on 27 July 2011 at 2 pm.")]
    assert _run(blocks, [(OTHER, 0, 2)]).get("meetings", []) == []


def test_agenda_without_any_date_takes_the_file_name_date_and_says_so():
    blocks = [_p("Village Hall Committee", kind="heading"), _p("AGENDA", kind="heading"),
              _p("1. Apologies", kind="list_item"), _p("2. Minutes", kind="list_item")]
    (m,) = _run(blocks, [(AGENDA, 0, 3)], path="/x/2016-03-17 Agenda.pdf")["meetings"]
    assert m["meeting_date"] == "2016-03-17" and "file name" in m["meeting_date_raw"]


@pytest.mark.parametrize("raw, venue", [
    ("LEGISLATIVE CHAMBERS - 2:00 P.M.", "LEGISLATIVE CHAMBERS"),
    ("WVI 7pm", "WVI"),
    ("Location: WVI", "WVI"),
    ("1309 S Mary Avenue 7:30 a.m.", "1309 S Mary Avenue"),
    ("10:30am-12:30pm", None),
    ("Regular Board Meeting", None),
    ("Call to order", None),
    ("State of illinois DR AFT", None),
    ("Chairman Richardson welcomed Mr A Wood from the village hall", None),
    ("1311 S. Maybrook Dr., Maywood, IL 60153", "1311 S. Maybrook Dr., Maywood, IL 60153"),
])
def test_venue_is_a_place_without_times_labels_or_prose(raw, venue):
    assert tidy_venue(raw) == venue


def test_dotted_minute_number_opening_a_heading_is_not_a_date():
    assert find_dates("15.09.05 Village Hall Constitution") == []
    assert find_dates("Minutes 15.09.10")[0].iso == "2010-09-15"


def test_masthead_address_over_lines_after_a_time_line():
    info = masthead(["AGENDA", "OAK PARK CITY COUNCIL", "SPECIAL MEETING", "November 2, 2022", "05:00pm",
                     "COUNCIL CHAMBER", "14403 E. Pacific Avenue", "Oak Park, CA 91706", "(626) 960-4011"])
    assert fields(info) == ("Oak Park City Council", "2022-11-02", "17:00",
                            "COUNCIL CHAMBER, 14403 E. Pacific Avenue, Oak Park, CA 91706")


def test_labelled_venue_with_floor_and_room_in_lower_case_is_kept():
    assert tidy_venue("Cabinet Office, 70 Whitehall, 3rd floor, conference room B") == \
        "Cabinet Office, 70 Whitehall, 3rd floor, conference room B"


def test_dotted_minute_numbers_in_sequence_are_not_dates():
    text = "15.09.4 Matters Arising No matters arising 15.09.05 Village Hall Constitution 15.09.6 Big Lottery"
    assert find_dates(text) == []


def test_minutes_committee_from_the_title_line_not_the_state_line_above_it():
    blocks = [_p("State of Illinois DRAFT"),
              _p("County of Will\nTown of Oakley\nOAKLEY TOWNSHIP BOARD OF TRUSTEES MEETING\nMay 12, 2021"),
              _p("The regular scheduled meeting of the Oakley Township Board of Trustees was called to order by "
                 "Supervisor Smith at 7;00 PM."),
              _p("Board members present were Trustee Brown and Supervisor Smith.")]
    (m,) = _run(blocks, [(MINUTES, 0, 3)])["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"]) == ("Oakley Township Board of Trustees", "2021-05-12", "19:00")


# ---------------------------------------------------------------------------
# the words of a title that name the meeting, not the body


def test_ordinal_meeting_after_the_body_is_not_part_of_its_name():
    # "Nineteenth Meeting" numbers the meeting in its series; the body is the panel
    assert committee_name("Regional Transport Panel 19th Meeting") == "Regional Transport Panel"
    assert committee_name("Regional Transport Panel Nineteenth Meeting") == "Regional Transport Panel"
    assert committee_name("Harbour Advisory Group Twenty-First Meeting") == "Harbour Advisory Group"


def test_business_word_between_council_and_meeting_names_the_meeting():
    # "X Parish Council Planning Meeting": a meeting of the council on planning
    assert committee_name("LITTLEWICK PARISH COUNCIL PLANNING MEETING") == "Littlewick Parish Council"
    info = minutes_header("MINUTES OF THE LITTLEWICK PARISH COUNCIL FINANCE MEETING\nHELD IN THE VILLAGE HALL\nON\n"
                          "14th June 2019")
    assert (info.committee, info.meeting_date, info.venue) == ("Littlewick Parish Council", "2019-06-14", "VILLAGE HALL")


def test_minutes_header_keeps_meeting_when_the_meeting_is_the_body():
    # the annual parish meeting is the assembly itself, not a meeting of some body
    info = minutes_header("MINUTES OF THE LITTLEWICK ANNUAL PARISH MEETING HELD IN THE VILLAGE HALL ON 15th May 2014")
    assert info.committee == "Littlewick Annual Parish Meeting"
    assert minutes_header("Minutes of the Finance Committee meeting held on 3 May 2020").committee == "Finance Committee"
    assert committee_name("Planning Committee Meeting") == "Planning Committee"


# ---------------------------------------------------------------------------
# the venue where a paper states it besides the masthead's date line


def test_place_line_under_the_time_line_is_the_venue():
    # the head ends at "Call to Order", but a notice states when, then where
    info = masthead(["AGENDA", "TOWN OF ELMBROOK", "BOARD OF SELECTMEN MEETING", "March 6, 2023",
                     "Call to Order: 6:30 p.m.", "Elmbrook Municipal Building", "Pledge of Allegiance"])
    assert (info.meeting_date, info.start_time, info.venue) == ("2023-03-06", "18:30", "Elmbrook Municipal Building")


def test_line_under_the_time_line_that_is_no_place_is_not_the_venue():
    info = masthead(["BOARD OF SELECTMEN MEETING", "March 6, 2023", "Call to Order: 6:30 p.m.", "Pledge of Allegiance"])
    assert info.venue is None


def test_minutes_venue_from_the_sentence_opening_the_meeting():
    # "called to order ... at the Town Hall at 7:00p.m." wrapped over two lines
    assert opening_venue(["The regular meeting of the Board was called to",
                          "order by Supervisor Lane, at the Town Hall at 7:00p.m."]) == "Town Hall"
    assert opening_venue(["The Chair opened the meeting in the Parish Church Room and welcomed all."]) == "Parish Church Room"
    assert opening_venue(["The meeting was called to order at 7:00 p.m. by Mayor Smith."]) is None


def test_kind_of_meeting_line_under_the_date_does_not_hide_place_and_time():
    # "REGULAR MEETING" between the date and the place lines; the time is on its own line below them
    info = masthead(["AGENDA", "WATER AUTHORITY", "MARCH 7, 2023", "REGULAR MEETING", "RIVERTON CITY HALL/COUNCIL CHAMBERS",
                     "AND VIA VIDEOCONFERENCE", "6:15 P.M.", "MEETINGS WILL BE CONDUCTED IN PERSON AND BY VIDEO FOR ALL MEMBERS"])
    assert (info.committee, info.meeting_date, info.start_time) == ("Water Authority", "2023-03-07", "18:15")
    assert info.venue == "RIVERTON CITY HALL/COUNCIL CHAMBERS, AND VIA VIDEOCONFERENCE"


def test_time_below_a_line_that_is_no_place_is_not_the_meetings():
    info = masthead(["WATER AUTHORITY", "MARCH 7, 2023", "Public comment will be taken", "6:15 P.M."])
    assert info.start_time is None


def test_remote_venue_after_by_or_via_on_the_date_line():
    # "25th March 2021 at 7.30pm by Zoom videoconference": "by" is the preposition, Zoom the place
    info = masthead(["Littlewick Parish Council", "25th March 2021 at 7.30pm by Zoom videoconference", "Agenda"])
    assert (info.start_time, info.venue) == ("19:30", "Zoom videoconference")
    assert masthead(["Littlewick Parish Council", "4 May 2021, 7pm via Microsoft Teams"]).venue == "Microsoft Teams"


def test_capitalised_the_is_part_of_the_venue_as_printed():
    # "held ... at The Cabinet Office": the name as printed; "in the Council Chamber": the sentence's article
    assert minutes_header("Minutes of the meeting held on the 22nd May 2012 at The Treasury Building").venue == "The Treasury Building"
    assert minutes_header("Minutes of the meeting held on the 22nd May 2012 in the Council Chamber").venue == "Council Chamber"
    assert minutes_header("MINUTES OF THE MEETING HELD IN THE VILLAGE HALL ON 22nd May 2012").venue == "VILLAGE HALL"


def test_organisation_before_the_date_heads_the_address_below():
    # address block on the left, date and time on the right, read across as one line each
    info = masthead(["Board of Education", "Special Meeting", "Springfield School District April 6, 2016",
                     "1309 S. Mary Avenue 7:30 a.m.", "Springfield, CA 94087", "Welcome to the meeting."])
    assert info.committee == "Board of Education"
    assert info.venue == "Springfield School District, 1309 S. Mary Avenue, Springfield, CA 94087"


def test_body_before_the_date_does_not_head_the_address():
    info = masthead(["Board of Education April 6, 2016", "1309 S. Mary Avenue 7:30 a.m.", "Springfield, CA 94087"])
    assert info.venue == "1309 S. Mary Avenue, Springfield, CA 94087"


# ---------------------------------------------------------------------------
# a paper of another kind under a meeting's masthead


def _budget_paper_under_masthead(tmp_path, masthead_lines):
    d = docx.Document()
    for t in masthead_lines + ["ADOPTION OF 2023-2024 TOWNSHIP FUND BUDGET:", "ADOPTION OF 2023-2024 ROAD FUND BUDGET:", "ADJOURNMENT:"]:
        d.add_paragraph(t)
    d.save(tmp_path / "pack.docx")
    pf = parse_file(tmp_path / "pack.docx", until="segment")
    # the paper as a segmenter that took it for a budget sees it: one paper titled by its first budget line
    paper = dataclasses.replace(pf.papers[0], paper_type=BUDGET, title="ADOPTION OF 2023-2024 TOWNSHIP FUND BUDGET:",
                                cue="ADOPTION OF 2023-2024 TOWNSHIP FUND BUDGET:", start=0, end=len(pf.doc.blocks) - 1)
    ctx = ExtractContext(doc=pf.doc, papers=[paper])
    return extract_document(ctx).rows.get("meetings", [])


def test_budget_paper_under_a_meeting_masthead_is_for_that_meeting(tmp_path):
    ms = _budget_paper_under_masthead(tmp_path, ["ELMBROOK TOWNSHIP BOARD OF TRUSTEES MEETING", "MAY 3, 2023", "7:00 PM", "AGENDA"])
    assert [(m["committee"], m["meeting_date"], m["start_time"]) for m in ms] == [
        ("Elmbrook Township Board of Trustees", "2023-05-03", "19:00")]


def test_budget_paper_under_a_plain_title_states_no_meeting(tmp_path):
    assert _budget_paper_under_masthead(tmp_path, ["ELMBROOK TOWNSHIP", "MAY 3, 2023"]) == []
