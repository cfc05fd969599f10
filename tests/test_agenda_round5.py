"""Agendas, round 5: what broke on two more held-out sets of real papers of bodies the
project had never seen (kept outside the repository). Inputs are made up; each test
names the clerk's rule and failed on the code before it."""

from __future__ import annotations

import pytest

from boardpack.core.model import AGENDA, PARAGRAPH, Block
from boardpack.extractors.agenda_text import split_presenter, strip_timing
from boardpack.extractors.committee_names import committee_name
from boardpack.ingest.cues import text_hits

from made_up_papers import agenda_items, paper_types


def test_agenda_and_papers_is_an_agenda_title():
    """"... agenda and papers", "... agenda and reports": the agenda with what it sends."""
    assert (AGENDA, 3) in {(h.paper_type, h.strength)
                           for h in text_hits(Block(PARAGRAPH, text="Trust board meeting agenda and papers: May 2022"))}


def test_numbered_item_naming_a_plan_after_other_items_does_not_type_the_paper():
    """An item of a numbered list ("6 Corporate Work Programme 2023/24" after items 1-5) is an
    item, whatever paper it names: it does not make an untitled agenda an action plan."""
    got = paper_types(["Harbour Board", "12 March 2023",
                  "01 Apologies for Absence", "02 Declarations of Interest", "03 Minutes",
                  "04 Questions from the Public", "05 Chair's Announcements",
                  "06 Corporate Work Programme 2023/24", "07 Any Other Business"])
    assert got == [AGENDA]


def test_untitled_agenda_of_numbered_business_is_an_agenda():
    """No "Agenda" anywhere: lines that name a meeting's business under numbers, roman numerals
    or letters ("II. Pledge of Allegiance", "C. Roll call - Clerk Jane Roe") make it one."""
    got = paper_types(["Regular Meeting of the Library Board - Monday, May 6, 2019 at 6:30 p.m.",
                  "I.   Call Meeting to Order - Roll Call", "II.  Pledge of Allegiance",
                  "III. Comments from Citizens", "IV. Director's Report", "V.  Adjournment"])
    assert got == [AGENDA]
    got = paper_types(["Town Council Meeting", "Monday, June 3, 2019 - 7:00pm",
                  "1. Call to order", "A. Invocation - Pastor John Roe", "B. Pledge of Allegiance to the Flag",
                  "C. Roll call - Clerk Jane Roe", "2. Approval of Minutes", "3. Report of the Mayor"])
    assert got == [AGENDA]


def test_a_call_to_order_sentence_is_no_agenda_heading():
    """"Call to order: the meeting was called to order at 7 pm by ..." records what happened."""
    hits = text_hits(Block(PARAGRAPH, text="1. Call to order - the meeting was called to order by Chair Roe"))
    assert AGENDA not in {h.paper_type for h in hits}


# -- items -----------------------------------------------------------------------------


def test_number_on_a_line_of_its_own_opens_the_item_on_the_next():
    got = agenda_items(["Agenda", "Items", "No. Item", "1.", "Apologies",
                  "Members are reminded that substitutes may attend.", "2.",
                  "Appointment of Chairman for the Municipal Year", "3.", "Minutes of the Previous Meeting"])
    assert got == [("1", "Apologies"), ("2", "Appointment of Chairman for the Municipal Year"),
                   ("3", "Minutes of the Previous Meeting")]


def test_asterisk_marking_a_consent_item_is_not_part_of_its_number():
    got = agenda_items(["AGENDA", "I. Call to Order", "II. Consent Agenda", "*III. Bills Payable",
                  "*A. Minutes of the Regular Meeting of May 1, 2019", "IV. Adjournment"])
    assert got == [("I", "Call to Order"), ("II", "Consent Agenda"), ("III", "Bills Payable"),
                   ("IIIA", "Minutes of the Regular Meeting of May 1, 2019"), ("IV", "Adjournment")]


@pytest.mark.parametrize("title, want", [
    ("Invocation - Reverend Warren H. Smith", ("Invocation", "Reverend Warren H. Smith")),
    ("Call Meeting to Order - Roll Call", ("Call Meeting to Order - Roll Call", None)),
])
def test_presenter_after_a_dash(title, want):
    """A minister with a middle initial presents; a second stage of the meeting does not."""
    assert split_presenter(title) == want


# -- the body's name ---------------------------------------------------------------


@pytest.mark.parametrize("title, want", [
    ("Regular City Council Meeting", "City Council"),
    ("Regular Park Board of Commissioners Meeting", "Park Board of Commissioners"),
    ("Emergency Planning Committee", "Emergency Planning Committee"),
])
def test_regular_is_the_kind_of_meeting_not_part_of_the_name(title, want):
    assert committee_name(title) == want


def test_letters_and_numerals_on_lines_of_their_own_and_sub_items_without_a_space():
    got = agenda_items(["AGENDA", "I. REGULAR MEETING", "A.", "CALL TO ORDER/ROLL CALL", "B.", "PLEDGE OF ALLEGIANCE",
                  "II. ADJOURNMENT"])
    assert got == [("I", "REGULAR MEETING"), ("IA", "CALL TO ORDER/ROLL CALL"), ("IB", "PLEDGE OF ALLEGIANCE"),
                   ("II", "ADJOURNMENT")]
    got = agenda_items(["AGENDA", "1.Call to Order", "2.Adoption of Minutes", "a.September 20, 2023 - Regular Meeting",
                  "b.September 26, 2023 - Closed Meeting", "3.New Business", "a.Bylaw 6, Vehicles on Roads",
                  "i.First Reading, by title only", "ii.Second Reading, in its entirety", "b.Tender 2023-04 Air Packs",
                  "4.Adjournment"])
    assert got == [("1", "Call to Order"), ("2", "Adoption of Minutes"), ("2a", "September 20, 2023 - Regular Meeting"),
                   ("2b", "September 26, 2023 - Closed Meeting"), ("3", "New Business"), ("3a", "Bylaw 6, Vehicles on Roads"),
                   ("3ai", "First Reading, by title only"), ("3aii", "Second Reading, in its entirety"),
                   ("3b", "Tender 2023-04 Air Packs"), ("4", "Adjournment")]


def test_a_time_alone_on_the_line_above_the_date_is_the_start():
    from boardpack.extractors.masthead import masthead

    info = masthead(["Regular Board of Commissioners Meeting", "4:00 p.m.", "Thursday, July 19, 2018"], month_first=True)
    assert (info.meeting_date, info.start_time) == ("2018-07-19", "16:00")


def test_decimal_items_under_roman_sections_three_levels_deep_and_session_times():
    got = agenda_items(["AGENDA", "I. OFFICIAL BUSINESS 7:30 p.m.", "1.1 Approval of Agenda", "II. REVIEW SESSION 8:00 p.m.",
                  "2.1 Easement Review", "III. OLD BUSINESS", "3.1 Archives", "3.2 Presentation", "3.2.1 Bulletin",
                  "3.2.2 Signs", "3.3 Permit Reviews", "IV. ADJOURNMENT"])
    assert got == [("I", "OFFICIAL BUSINESS"), ("1.1", "Approval of Agenda"), ("II", "REVIEW SESSION"),
                   ("2.1", "Easement Review"), ("III", "OLD BUSINESS"), ("3.1", "Archives"), ("3.2", "Presentation"),
                   ("3.2.1", "Bulletin"), ("3.2.2", "Signs"), ("3.3", "Permit Reviews"), ("IV", "ADJOURNMENT")]
    assert strip_timing("Regular Board Meeting - February 18, 2014 at 7:00 p.m.").endswith("at 7:00 p.m.")


def test_a_venue_after_the_time_in_columns_on_the_date_line():
    from boardpack.extractors.masthead import masthead

    info = masthead(["Meeting of the Historic Preservation Commission",
                     "Tuesday, September 20, 2016 | 7:30 p.m. | McCathran Hall Council Room"], month_first=True)
    assert (info.start_time, info.venue) == ("19:30", "McCathran Hall Council Room")


def test_bullets_of_a_consent_calendar_are_its_items_but_lettered_ones_keep_their_letters():
    got = agenda_items(["AGENDA", "A. CALL TO ORDER", "B. CONSENT CALENDAR", "- Approval of Minutes of August 30, 2023",
                  "- Acceptance of Service Performance Report", "C. ADJOURNMENT"])
    assert got == [("A", "CALL TO ORDER"), ("B", "CONSENT CALENDAR"), ("", "Approval of Minutes of August 30, 2023"),
                   ("", "Acceptance of Service Performance Report"), ("C", "ADJOURNMENT")]
