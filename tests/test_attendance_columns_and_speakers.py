"""Attendance the head of the minutes lays out in side-by-side columns, and people the body
shows attending: single names printed above the chair's line stand in the other column; a
comma list wrapped onto the next line stays in its column; "In attendance:" written beside
the apologies in the first minute; visitors named with their role between commas, or who
"stated"; speakers of a verbatim record who say who they are. Made-up minutes, then the real
papers that broke (../shared/realworld; skipped when absent)."""

from __future__ import annotations

from boardpack.core.model import MINUTES, Block, Cell, Row
from report_views_helper import paper_rows

SPC = "souldern-parish-council/spc-minutes"


def para(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def table(rows):
    return Block("table", rows=[Row([Cell(c) for c in r], page=1) for r in rows], page=1)


def attendance(blocks, path="x.pdf"):
    rows = paper_rows(blocks, MINUTES, path)
    return {(a["person"], a["attendance"]) for a in rows.get("attendance", [])}


def who(got, category):
    return {p for p, c in got if c == category}


# -- made-up minutes --------------------------------------------------------------------


def test_single_names_above_the_chair_line_stand_in_the_other_column():
    got = attendance([
        para("MINUTES OF THE ANNUAL PARISH MEETING HELD ON 15th May 2014"),
        para("Present: Also in attendance:"),
        para("Mrs A Bell\nMr P Bell\nMr J Hood\nMr A Martin (Chairman) Mr C Lee\nMr C Roth Maj A Gray\nMr N Oak"),
        para("Apologies:", kind="heading"),
        para("Mr T Reed"),
        para("2. Minutes of the last meeting", kind="heading"),
    ])
    assert who(got, "chair") == {"Mr A Martin"}
    assert who(got, "present") == {"Mr C Roth", "Mr N Oak"}
    assert who(got, "in attendance") == {"Mrs A Bell", "Mr P Bell", "Mr J Hood", "Mr C Lee", "Maj A Gray"}


def test_side_by_side_columns_printed_from_the_top_are_unchanged():
    got = attendance([
        para("MINUTES OF THE PARISH COUNCIL MEETING HELD ON 15th May 2014"),
        para("Present: Also in attendance:"),
        para("Mr A Martin (Chairman) Mr C Lee\nMr C Roth Maj A Gray\nMr N Oak"),
        para("2. Minutes of the last meeting", kind="heading"),
    ])
    assert who(got, "present") == {"Mr C Roth", "Mr N Oak"}
    assert who(got, "in attendance") == {"Mr C Lee", "Maj A Gray"}


def test_comma_list_wrapped_in_a_side_by_side_column_stays_in_it():
    got = attendance([
        para("MINUTES OF THE PARISH COUNCIL MEETING HELD ON 30th November 2023"),
        para("Present: Members of the Public:"),
        para("Alan Smyth (AS) CHAIR There were 3 members of the public present , Chris Roe,"),
        para("Adam Brum, David Blunt\nJohn Hood (JH)\nNeal Ship (NS)"),
        para("11.23.01 Apologies", kind="heading"),
    ])
    assert who(got, "in attendance") == {"Chris Roe", "Adam Brum", "David Blunt"}
    assert who(got, "present") == {"John Hood", "Neal Ship"}


def test_in_attendance_written_beside_the_apologies_in_the_first_minute():
    got = attendance([
        para("GOVERNORS LEARNING COMMITTEE 9 May 2022"),
        table([["Chaired by", "Paul Eve", "Clerked by", "Pete Orb"]]),
        para("Agenda"),
        para("LW 64/2122 To record those present and welcome any visitors\nLW 65/2122 Staff"),
        table([["", "Item", "Notes", "Action"],
               ["LW 64/2122", "To record those present", "Apologies: Lex Gain and sanctioned\nIn attendance: Simon Barr\n"
                "Quorum for this meeting is 3", ""],
               ["LW 65/2122", "Staff", "Staff: the school office", ""]]),
    ])
    assert ("Simon Barr", "in attendance") in got


def test_visitors_named_with_a_role_between_commas_or_who_stated():
    got = attendance([
        para("PLANNING COMMISSION REGULAR MEETING MINUTES"),
        para("January 27, 2020, 7:00 p.m."),
        para("Board members present were Trustee Elm, Trustee Ash and Supervisor Oak. Clerk Bay was also present."),
        para("Patrick Heis, Assistant City Manager, made a presentation and responded to questions."),
        para("Mosquito Abatement - Fay Kiru stated the pickup is working properly."),
        para("Advice came from our township attorney, Carrie Lynn Kraft, who is here, that the motion was void."),
    ])
    assert {"Patrick Heis", "Fay Kiru", "Carrie Lynn Kraft"} <= who(got, "in attendance")


def test_speakers_of_a_verbatim_record_who_say_who_they_are():
    got = attendance([
        para("BOARD OF ESTIMATES JANUARY 15, 2020", kind="heading"),
        para("Honorable Ann Lane, President\nHonorable Ray Dee, Mayor\nHonorable Bo Ford, Comptroller and Clerk"),
        para('President: "Good morning. The meeting is now called to order."'),
        para('City Auditor: "Good morning, Madam President. My name is Josh'),
        para('Pasch. I am the City Auditor."'),
        para('Mr. Shark: "Steve Shark, Director. D-O-T."'),
        para('Ms. Lane: "Thank you, that is all."'),
    ])
    assert {"Josh Pasch", "Steve Shark"} <= who(got, "in attendance")
    assert len(who(got, "in attendance")) == 3  # the Comptroller and Clerk, the two speakers


# -- the real papers that broke ---------------------------------------------------------------


def real(parsed, realworld_dir, rel):
    pf = parsed(realworld_dir / rel)
    assert pf.result is not None
    return {(a["person"], a["attendance"]) for a in pf.result.rows.get("attendance", [])}


def test_residents_printed_above_the_chair_at_an_annual_parish_meeting(parsed, realworld_dir):
    got = real(parsed, realworld_dir, f"{SPC}/2014-05-14 Annual Parish Meeting minutes.pdf")
    assert who(got, "present") == {"Mr C Rothero", "Mr N Oakhill", "Mr R Deeley"}
    assert {"Mrs A Prescott", "Mr N Moggridge", "Sgt Chris Kidd", "Mr C Lester"} <= who(got, "in attendance")
    assert len(who(got, "in attendance")) == 19


def test_members_of_the_public_wrapped_beside_the_present_column(parsed, realworld_dir):
    got = real(parsed, realworld_dir, f"{SPC}/2023-11-30 SPC minutes.pdf")
    assert ("Adam Brumby", "in attendance") in got and ("Adam Brumby", "present") not in got


def test_in_attendance_label_inside_the_first_minute_cell(parsed, realworld_dir):
    got = real(parsed, realworld_dir, "decoy-primary-school-governors/lw-committee-minutes-9-may-2022-final.pdf")
    assert ("Simon Barnes", "in attendance") in got


def test_speakers_with_a_role_or_who_stated_on_two_bodies(parsed, realworld_dir):
    got = real(parsed, realworld_dir, "us-east-palo-alto-planning-commission/eastpaloalto_ca_minutes_2020-01-27.pdf")
    assert ("Patrick Heisinger", "in attendance") in got
    got = real(parsed, realworld_dir, "us-crete-township-illinois/October 9, 2024 - Meeting Minutes.pdf")
    assert ("Fay Kiaurakis", "in attendance") in got
    got = real(parsed, realworld_dir, "us-crete-township-illinois/February 11, 2026 - Meeting Minutes.docx")
    assert ("Carrie Lynn Kraftheffer", "in attendance") in got


def test_speakers_who_introduce_themselves_in_a_verbatim_transcript(parsed, realworld_dir):
    got = real(parsed, realworld_dir, "us-baltimore-board-of-estimates/2020_01_15.pdf")
    assert {"Josh Pasch", "Chichi Nyaga-Nash", "Steve Sharkey", "Laetitia Griffin"} <= who(got, "in attendance")
    assert not [p for p in who(got, "in attendance") if p.startswith("I")]
