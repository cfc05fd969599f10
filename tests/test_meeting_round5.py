"""Paper types and meetings, round 5: what broke on held-out sets 11 and 12 of real papers of
bodies the project had never seen (kept outside the repository). Inputs are made up; each test
names the clerk's rule and failed on the code before it."""

from __future__ import annotations

from boardpack.core.model import AGENDA, MINUTES, PARAGRAPH, Block, Document
from boardpack.ingest.cues import text_hits
from boardpack.pipeline import segment

from made_up_papers import meetings, paper_types


def test_a_meeting_that_was_held_is_minutes_without_the_word():
    got = paper_types(["A Meeting of the Grammar School Full Governing Board",
                  "was held in the boardroom at the School on Thursday 5th December 2019 at 4.30pm.",
                  "Mr C Wood [CW] Chair; Mrs J Lane [JL] Vice Chair",
                  "The Chair opened the meeting at 4.35pm and welcomed governors.",
                  "Governors discussed the budget."])
    assert got == [MINUTES]


def test_four_numbered_titles_in_a_row_are_an_agenda():
    """A list of business, item under item, with nothing between: what an agenda is."""
    got = paper_types(["Council meeting on 14 September 2023",
                  "Meetings of the council are open to the public.",
                  "1. Attendance and introductory remarks", "2. Declarations of interest",
                  "3. Minutes of the June meeting", "4. Actions and matters arising",
                  "5. Committee memberships and Terms of Reference", "6. Any other business"])
    assert got == [AGENDA]


def test_to_receive_apologies_is_an_agenda_purpose_not_an_attendance_label():
    hits = {(h.paper_type, h.cue) for h in text_hits(Block(PARAGRAPH, text="To receive apologies for absence"))}
    assert not any(t == MINUTES for t, _ in hits)


def test_numeric_date_of_an_american_paper_reads_month_first_and_its_title_is_no_venue():
    got = meetings(["Library Minutes 06/05/2013",
                     "PRESENT: Bob Marsh, Mary Grant, Neal Brown.",
                     "7:08 PM - The meeting was called to order by Chairman Brown.",
                     "1) Review of the meeting minutes from the May 1 2013 Trustee meeting:",
                     "The minutes were approved."])
    assert [(d, v) for _, d, _, v in got] == [("2013-06-05", None)]


def test_the_body_named_in_a_summons_or_a_title_without_the_words_around_it():
    from boardpack.extractors.committee_names import committee_name
    from boardpack.extractors.meeting_info import tidy_committee

    assert tidy_committee("attend the Parish Council") == "Parish Council"
    assert tidy_committee("Regular City Council") == "City Council"
    assert committee_name("Proposed Agenda for the Monthly Meeting being") is None
    assert committee_name("Council Chambers - Hybrid") is None  # a room named for the body
    assert committee_name("Annual Parish Meeting") == "Annual Parish Meeting"


def test_a_meeting_that_convened_at_a_time_and_a_clock_said_in_hours():
    from boardpack.core.dates import find_times
    from boardpack.extractors.masthead import opening_time

    assert opening_time(["The duly posted meeting convened at 7:45 p.m. in room 105C."]) == ("19:45", "7:45 p.m.")
    assert [t.hhmm for t in find_times("Euxton, commencing at 1000 hours")] == ["10:00"]
    assert find_times("volunteers gave 1200 hours of their time") == []


def test_items_about_the_agenda_inside_minutes_do_not_start_an_agenda():
    got = paper_types(["Minutes of a meeting of the General Government Committee held on Monday, November 28, 2016 at 9:30 AM.",
                  "Present Were: Mayor A. Foster, Councillor S. Cooke",
                  "1 Call to Order", "Mayor Foster called the meeting to order at 9:31 AM.",
                  "Alter the Agenda", "Moved by Councillor Cooke, seconded by Councillor Woo",
                  "That the Agenda be altered for the Committee to recess.", "Carried",
                  "IV. AGENDA APPROVAL", "Mr. Hensley moved to approve the Agenda, seconded by Ms Kuehn."])
    assert got == [MINUTES]


def test_a_title_under_an_item_number_on_its_own_line_is_the_items_heading():
    got = paper_types(["Agenda", "Joint Waste Management Board - Wednesday 29th September 2021 2:30pm",
                  "1.", "Apologies", "2.", "Minutes of meeting held on 22 June 2021", "3.", "Terms of Reference",
                  "4.", "Waste Strategy Update"])
    assert got == [AGENDA]


def test_a_minute_number_in_brackets_in_a_word_body_is_no_page_number(tmp_path):
    import docx

    from boardpack.pipeline import clean, read

    d = docx.Document()
    for t in ["Minutes of a meeting of the DEVELOPMENT COMMITTEE held in the Council Chamber at 9.30 am "
              "when there were present:", "Councillor Ann Green (Chairman)", "(26)", "APOLOGIES FOR ABSENCE",
              "Apologies for absence were received from Councillor P High.", "(27)", "MINUTES",
              "The Minutes of the meeting held on 6 June 2013 were approved as a correct record.", "(28)",
              "ITEMS OF URGENT BUSINESS", "There was none."]:
        d.add_paragraph(t)
    d.save(tmp_path / "minutes.docx")
    doc = clean(read(tmp_path / "minutes.docx"))
    assert "(27)" in [b.norm for b in doc.blocks]  # the minute's number stays in the text
    assert [p.paper_type for p in segment(doc)] == [MINUTES]


def test_the_welsh_name_before_the_english_one():
    from boardpack.extractors.meeting_info import tidy_committee

    assert tidy_committee("Cyngor Cymuned Cefn Community Council") == "Cefn Community Council"
    assert tidy_committee("Cyngor Tref Llangefni") == "Cyngor Tref Llangefni"  # no English name to take


def test_numbered_titles_wrapped_over_lines_or_ending_in_a_date_still_make_the_run():
    from boardpack.core.model import Block as B

    texts = ["Transition Board 14 March 2017", "1 Apologies", "2 Minutes of Transition Board meeting 17th January 2017",
             "3 Update on contact with Defra regarding Conservation Board proposal\n(verbal)",
             "4 Draft new Terms of Reference for the Forum group to sit alongside a\nConservation Board (see attached papers)",
             "5 Any other Business"]
    doc = Document(path="x.pdf", sha256="b" * 64, format="pdf", blocks=[B(PARAGRAPH, text=t, page=1) for t in texts])
    doc.renumber()
    assert [p.paper_type for p in segment(doc)] == [AGENDA]


def test_dates_and_names_of_held_out_set_18():
    from boardpack.core.dates import find_dates
    from boardpack.extractors.committee_names import committee_name
    from boardpack.extractors.meeting_info import tidy_committee

    assert [d.iso for d in find_dates("MAY 16TH. 2022")] == ["2022-05-16"]  # a stop after the ordinal
    assert tidy_committee("session of Municipal Council") == "Municipal Council"
    assert tidy_committee("Selectmen's") == "Selectmen"
    assert committee_name("ZBA Administrative Meeting") == "ZBA"
    assert committee_name("Regular Meeting") is None


def test_a_variation_to_the_agenda_is_an_item_of_the_minutes():
    got = paper_types(["Minutes of a Meeting of the Council held at the Village Hall on Wednesday, 28 March 2007",
                  "Councillors D Risk (Chairman), P Summers", "1-0607/8 - Welcome and Apologies.",
                  "The Chairman welcomed Councillors to the meeting.",
                  "4-0607/8 - Variation to the agenda business",
                  "The council agreed payment of the hire charge for this meeting.", "The meeting closed at 9.00 pm"])
    assert got == [MINUTES]


def test_the_venue_of_a_meeting_held_online_or_held_in_a_room():
    from boardpack.extractors.masthead import opening_venue

    assert opening_venue(["Minutes of the PARISH COUNCIL MEETING held on the 22nd March 2021 at 7.30pm "
                          "remotely through Zoom."]) == "Zoom"
    assert opening_venue(["Governing Body Meeting in Public", "Held on 13th January 2022 via Microsoft Teams"]) == "Microsoft Teams"
    assert opening_venue(["The meeting agreed to discuss the Teams rota."]) is None
    assert opening_venue(["Minutes of a meeting of the DEVELOPMENT COMMITTEE held in the Council Chamber,",
                          "Council Offices, Holt Road, Cromer at 9.30 am when there were present:"]) == \
        "Council Chamber, Council Offices, Holt Road, Cromer"
