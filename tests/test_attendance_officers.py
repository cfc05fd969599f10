"""Officers and staff listed with the members attend, they are not members: a role of
the secretariat, a bare staff title, a councillor of another council, the clerk who signs
the minutes; and one "Name, Organisation" a line keeps the organisation as the role."""

from __future__ import annotations

import pytest

from boardpack.core.model import MINUTES, Block
from report_views_helper import paper_rows



def para(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def att(blocks):
    rows = paper_rows(blocks, MINUTES, "x.docx")
    return {(a["person"], a["attendance"]) for a in rows.get("attendance", [])}, rows


def test_name_org_lines_keep_the_organisation_and_secretariat_attends():
    got, rows = att([
        para("Data Advisory Panel", kind="heading"),
        para("3 March 2014", kind="heading"),
        para("Attendees", kind="heading"),
        para("Dr Ann Ray - Chair"),
        para("Tom Allen, Tenant Voice"),
        para("Jo Hughes, Home Office"),
        para("Ray Dunn, Brightwave"),
        para("Amy Bell, Ministry of Justice (Secretariat)"),
        para("Sam Cole, Open Data Forum"),
        para("Apologies", kind="heading"),
        para("Max Lee, Policy Lab"),
        para("Tim Hart, Home Office"),
        para("Nina Wood, Civic Exchange"),
        para("1. Welcome", kind="heading"),
        para("The chair welcomed members to the meeting and thanked them for coming."),
    ])
    assert got == {("Dr Ann Ray", "chair"), ("Tom Allen", "present"), ("Jo Hughes", "present"),
                   ("Ray Dunn", "present"), ("Amy Bell", "in attendance"), ("Sam Cole", "present"),
                   ("Max Lee", "apologies"), ("Tim Hart", "apologies"), ("Nina Wood", "apologies")}
    roles = {a["person"]: a["role"] for a in rows["attendance"]}
    assert roles["Ray Dunn"] == "Brightwave" and roles["Tom Allen"] == "Tenant Voice"
    assert "Secretariat" in roles["Amy Bell"]


def test_surname_first_lines_are_two_people_not_name_and_org():
    got, _ = att([
        para("Minutes of the meeting held on 3 March 2014"),
        para("Present:"),
        para("Smith, John"),
        para("Jones, Mary"),
        para("Brown, Alan"),
        para("1. Welcome", kind="heading"),
        para("The chair welcomed members to the meeting and thanked them for coming."),
    ])
    assert ("Mary Jones", "present") in got or ("Jones", "present") in got or ("Mary", "present") in got
    assert not any(p for p, _ in got if p in ("Jones, Mary",))


def test_councillor_of_another_council_by_initials_attends_a_parish_meeting():
    got, rows = att([
        para("Parish Council - 3 September 2019", kind="heading"),
        para("Present", kind="heading"),
        para("Councillors D Rowe (Chair), N Bell, M Hart and P Cole, A Finch, EDC, Clerk J Moss"),
        para("19.09.01 Apologies", kind="heading"),
        para("None"),
    ])
    assert ("A Finch", "in attendance") in got
    assert ("J Moss", "in attendance") in got
    assert ("N Bell", "present") in got and ("P Cole", "present") in got


def test_bare_staff_title_attends_but_a_partner_with_their_body_is_a_member():
    got, _ = att([
        para("Minutes of the Planning Commission meeting held on 27 January 2020"),
        para("Present: Ana Ruiz (Chair), Ben Ortiz, Cal Reyes, Dee Park (Planning Manager), Eli Grant (City Attorney), "
             "Fay Moss (Community Safety Officer, Police)"),
        para("1. Agenda", kind="heading"),
        para("The agenda was approved as presented by the commission members."),
    ])
    assert ("Dee Park", "in attendance") in got and ("Eli Grant", "in attendance") in got
    assert ("Fay Moss", "present") in got and ("Ben Ortiz", "present") in got


def test_member_who_signs_the_minutes_as_town_clerk_attends():
    got, rows = att([
        para("Selectboard Meeting"),
        para("March 14th, 2023"),
        para("Present: Meg Sutton, Stan Rainey, Carl Jordan, Bea Jarvis."),
        para("Absent: Matt Bright."),
        para("1. Bea opens meeting at 7:07 PM. First order of business is to elect a chair.", kind="list_item"),
        para("2. Roads - complaint about the end of the road being torn up by the snowplow.", kind="list_item"),
        para("Respectfully submitted."),
        para("Bea Jarvis, Town Clerk"),
    ])
    assert ("Bea Jarvis", "in attendance") in got
    assert ("Meg Sutton", "present") in got and ("Matt Bright", "apologies") in got


def test_real_panel_secretariat_and_orgs(realworld_dir, parsed):
    f = realworld_dir / "uk-crime-justice-transparency-panel" / "Crime and Justice Transparency Sector Panel - Minutes - 14 October 2013 meeting.DOC"
    if not f.exists():
        pytest.skip("paper absent")
    rows = parsed(f).result.rows
    got = {(a["person"], a["attendance"]) for a in rows["attendance"]}
    assert ("Claire Smith", "in attendance") in got
    assert ("Paul Clarke", "present") in got
    assert not any(p == "Honestlyreal" for p, _ in got)


def test_councillor_list_wrapped_into_a_second_paragraph_after_and():
    got, rows = att([
        para("Parish Council - 3 September 2019", kind="heading"),
        para("Present", kind="heading"),
        para("Councillors D Rowe (Chair), N Bell, M Hart, R Robb and"),
        para("P Cole, A Finch, EDC, Clerk J Moss"),
        para("19.09.01 Apologies", kind="heading"),
        para("None"),
    ])
    assert got == {("Councillor D Rowe", "chair"), ("N Bell", "present"), ("M Hart", "present"), ("R Robb", "present"),
                   ("P Cole", "present"), ("A Finch", "in attendance"), ("J Moss", "in attendance")}
    assert {a["person"]: a["role"] for a in rows["attendance"]}["M Hart"] is None


def test_partner_body_initials_in_a_partnership_list_stay_members():
    got, _ = att([
        para("Minutes of the Community Safety Partnership held on 10 November 2016"),
        para("Present: Moe Moore (Chairman), Ben Shelby, SDC, Ann Hill, County Council"),
        para("1. Welcome", kind="heading"),
        para("The chair welcomed members to the meeting and thanked them for coming."),
    ])
    assert ("Ben Shelby", "present") in got


def test_visitor_named_as_speaking_in_the_minutes_attends():
    got, _ = att([
        para("Parish Council minutes of the meeting held on 26 January 2021"),
        para("Present: Cllr A Moss (Chair), Cllr B Lane, Cllr C Hill"),
        para("In attendance: Mrs J Todd (Clerk)"),
        para("21.01.05 Village Green", kind="heading"),
        para("Guy Hale was invited to speak and provided a brief history of the green."),
        para("Cllr Lane spoke about the costs. Ann Ross provided public comment."),
        para("The Chairman thanked Guy Hale for speaking."),
    ])
    assert ("Guy Hale", "in attendance") in got and ("Ann Ross", "in attendance") in got
    assert not any(p.endswith("Lane") and c == "in attendance" for p, c in got)
    assert not any(p.startswith("The ") for p, _ in got)


def test_roll_call_statuses_stand_beside_a_clerk_also_present_and_reporters_attend():
    got, _ = att([
        para("CRETE TOWNSHIP BOARD OF TRUSTEES MEETING\nSEPTEMBER 12, 2018"),
        para("The meeting was called to order by Supervisor Lane at the Town Hall at 7:00p.m."),
        para("Roll call was taken as follows: Trustee Elm - absent, Trustee Gray - absent, Trustee "
             "Hope - present, Trustee Pine - present. Clerk Holt was also present."),
        para("REPORTS:", kind="heading"),
        para("HIGHWAY COMMISSIONER - Highway report was read by Tim Mills and attached."),
        para("Liaison Property Code Matters - Bob Walsh discussed that there are some ongoing issues."),
    ])
    assert ("Trustee Hope", "present") in got and ("Trustee Pine", "present") in got
    assert ("Trustee Elm", "apologies") in got
    assert ("Tim Mills", "in attendance") in got and ("Bob Walsh", "in attendance") in got


def test_agenda_table_labels_after_attendance_columns_are_no_person():
    from boardpack.core.model import Cell, Row

    def table(rows):
        return Block("table", rows=[Row([Cell(c) for c in r], page=1) for r in rows], page=1)

    got, _ = att([
        para("User Group minutes 19 July 2013"),
        table([["Attendees", "Officials"], ["Ann Ray (Chair) (AR)", "Ed Park (Cabinet Office) (EP)"], ["Bob Barr (BB)", ""],
               ["Apologies", ""], ["Tim Hart (TH)", ""]]),
        table([["Item", "Description"], ["1", "Chair's welcome and update"], ["2", "Actions from last meeting"]]),
    ])
    assert not any(p in ("Description", "Item") for p, _ in got)
    assert ("Bob Barr", "present") in got and ("Tim Hart", "apologies") in got
