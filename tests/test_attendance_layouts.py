"""Attendance in the common layouts of real minutes (made-up names), and
roll-call / officer conventions."""

from __future__ import annotations

import pytest

from boardpack.core.model import MINUTES, Block, Cell, Row
from report_views_helper import paper_rows



def para(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def table(rows):
    return Block("table", rows=[Row([Cell(c) for c in r], page=1) for r in rows], page=1)


def att(blocks):
    rows = paper_rows(blocks, MINUTES, "x.docx")
    return {(a["person"], a["attendance"]) for a in rows.get("attendance", [])}, rows


def test_present_list_run_on_paragraph_with_orgs_in_brackets():
    got, _ = att([
        para("Minutes of the Data Panel meeting held on 3 March 2011"),
        para("Panel attendees: Professor Ann Ray (Chair), Tom Allen (Local Government Association), "
             "Jo Hughes (London Assembly) and Ray Dunn (Hampshire County Council)."),
        para("Apologies: Dave Smyth, Grant Fitz"),
        para("Terms of reference:", kind="heading"),
        para("Action: The Secretariat to circulate the revised terms of reference."),
    ])
    assert got == {("Professor Ann Ray", "chair"), ("Tom Allen", "present"), ("Jo Hughes", "present"),
                   ("Ray Dunn", "present"), ("Dave Smyth", "apologies"), ("Grant Fitz", "apologies")}


def test_actions_found_when_minutes_have_no_attendance_section():
    _, rows = att([
        para("Minutes of the Data Panel meeting held on 3 March 2011"),
        para("Data standards:", kind="heading"),
        para("The Panel discussed a paper on standards."),
        para("Action: The Secretariat to develop a plan to deliver the proposed work on standards."),
    ])
    assert [a["action_text"] for a in rows["minute_actions"]] == [
        "The Secretariat to develop a plan to deliver the proposed work on standards."]


def test_clerk_and_officers_in_a_member_list_attend():
    got, _ = att([
        para("Minutes of the Parish Council meeting held on 8 September 2015"),
        para("Present", kind="heading"),
        para("Councillors D Rich (Chair), S Lind, M Arm\nClerk J Conn\nMr D Bell and Mr A Woody"),
        para("15.09.1 Apologies", kind="heading"),
        para("Councillors P Moor & R Heal"),
        para("15.09.2 Register of Interests", kind="heading"),
        para("No interests declared"),
    ])
    assert got == {("Councillor D Rich", "chair"), ("S Lind", "present"), ("M Arm", "present"),
                   ("J Conn", "in attendance"), ("Mr D Bell", "in attendance"), ("Mr A Woody", "in attendance"),
                   ("Councillor P Moor", "apologies"), ("R Heal", "apologies")}


def test_run_on_list_wrapping_with_clerk_and_district_councillor_mid_line():
    got, _ = att([
        para("Minutes of the Parish Council meeting held on 26 January 2021"),
        para("Present\nCouncillors D Rich (Chair), R. Heal, M Arm, N Cress and\n"
             "P Moor Clerk Mrs J Tod Eden District Councillor A Arm and\nCouncillor A Conn plus ten guests"),
        para("21.01.01 Election of Chair"),
        para("None received"),
    ])
    assert got == {("Councillor D Rich", "chair"), ("R. Heal", "present"), ("M Arm", "present"),
                   ("N Cress", "present"), ("P Moor", "present"), ("Mrs J Tod", "in attendance"),
                   ("A Arm", "in attendance"), ("Councillor A Conn", "in attendance")}


def test_present_and_absent_in_one_paragraph():
    got, _ = att([
        para("Selectboard Meeting"),
        para("January 3, 2023"),
        para("Present: Dan Jamison, Kelly Flinn, Matt Brough. Absent Charlie Jordy."),
        para("1. Call to order 7:03 PM.", kind="list_item"),
    ])
    assert got == {("Dan Jamison", "present"), ("Kelly Flinn", "present"), ("Matt Brough", "present"),
                   ("Charlie Jordy", "apologies")}


def test_roll_call_sentences_with_us_titles_and_chair_calling_to_order():
    got, rows = att([
        para("Board of Trustees", kind="heading"),
        para("February 11, 2026, 7 PM", kind="heading"),
        para("Meeting minutes", kind="heading"),
        para("The meeting was called to order by Supervisor Lacar at 7:00 PM.", kind="heading"),
        para("Roll Call was as follows: Supervisor Lacar, Trustee Elto, Trustee Albre were present. "
             "Trustee Grade was absent. Clerk Buit was present.", kind="heading"),
        para("APPROVAL OF MINUTES", kind="heading"),
        para("A motion was made by Trustee Elto, seconded by Trustee Albre. All were in favor."),
    ])
    from boardpack.core.names import canonical_name
    canon = {(canonical_name(p), a) for p, a in got}
    assert canon == {("Lacar", "chair"), ("Elto", "present"), ("Albre", "present"), ("Grade", "apologies"),
                     ("Buit", "in attendance")}


def test_roll_call_table_with_status_column():
    got, _ = att([
        para("PLANNING COMMISSION REGULAR MEETING MINUTES", kind="heading"),
        para("January 27, 2020, 7:00 p.m."),
        para("1. CALL TO ORDER AND ROLL CALL", kind="heading"),
        para("The meeting was called to order by Commissioner Rob Sherr at 7:07 p.m."),
        table([["Attendee Name", "Title", "Status", "Arrived"],
               ["Andy Garc", "Commissioner", "Late", "7:08 p.m."],
               ["Uri Hern", "Commissioner", "Absent", ""],
               ["Rob Sherr", "Commissioner", "Present", ""]]),
        para("2. APPROVAL OF THE AGENDA", kind="heading"),
    ])
    from boardpack.core.names import canonical_name
    assert {(canonical_name(p), a) for p, a in got} == {("Rob Sherr", "chair"), ("Andy Garc", "present"),
                                                       ("Uri Hern", "apologies")}


def test_side_by_side_table_with_officials_sub_heading_and_name_comma_role_cells():
    got, _ = att([
        para("Minutes of the meeting held on the 22nd May 2012"),
        table([["Board Members:", "Officials (Regular Attendees):"],
               ["Sir Tim Bern", "Lord McNab, Minister of State, Justice"],
               ["Andrew Stoat", "Glenn Prest (Ministry of Justice)"]]),
        table([["Attendees", "Apologies"],
               ["Hetty Savor (Chair) (HS)", "Rohan Silvo, No. 10"],
               ["Officials", ""],
               ["Sejal Achar (Cabinet Office) (SA)", ""]]),
        para("1. Welcome", kind="heading"),
    ])
    assert got == {("Sir Tim Bern", "present"), ("Andrew Stoat", "present"), ("Lord McNab", "in attendance"),
                   ("Glenn Prest", "in attendance"), ("Hetty Savor", "chair"), ("Rohan Silvo", "apologies"),
                   ("Sejal Achar", "in attendance")}


def test_cllrs_plural_before_surnames_and_numbered_apologies_item_after_other_sections():
    got, _ = att([
        para("Amenities Committee Tuesday 13 March 2018", kind="heading"),
        para("Present:", kind="heading"),
        para("Cllrs Hodi (Chairman), Hewitt, Mossy and Woody."),
        para("Under item 4(v) of the Standing Orders, the Town Clerk advised Committee that for this "
             "meeting Cllr Woody would be substituting, with voting rights, for Cllr Elliss."),
        para("In Attendance:", kind="heading"),
        para("Olive Sully - Town Clerk, Becki Leon - Assistant Town Clerk."),
        para("Public Questions:", kind="heading"),
        para("A local resident raised concerns about grass cutting."),
        para("52 Apologies for Absence", kind="heading"),
        para("Cllrs Ivey, Warde and Elliss."),
        para("53 Declarations of Interest", kind="heading"),
        para("None."),
    ])
    assert got == {("Cllr Hodi", "chair"), ("Hewitt", "present"), ("Mossy", "present"), ("Woody", "present"),
                   ("Olive Sully", "in attendance"), ("Becki Leon", "in attendance"),
                   ("Cllr Ivey", "apologies"), ("Warde", "apologies"), ("Elliss", "apologies")}


@pytest.mark.parametrize("raw,canon", [
    ("Trustee Elton", "Elton"), ("Supervisor Liccar", "Liccar"), ("Commissioner Robert Sherrard", "Robert Sherrard"),
    ("Councilmember Ana Diaz", "Ana Diaz"), ("Director of Finance", "Director of Finance"),
])
def test_us_office_titles_are_titles(raw, canon):
    from boardpack.core.names import canonical_name
    assert canonical_name(raw) == canon


def test_real_parish_minutes_clerk_in_attendance(realworld_dir, parsed):
    f = realworld_dir / "milburn-parish-council" / "minutes_2015-09-08_.pdf"
    if not f.exists():
        pytest.skip("paper absent")
    rows = parsed(f).result.rows
    got = {(a["person"], a["attendance"]) for a in rows["attendance"]}
    assert ("J Connelly", "in attendance") in got
    assert ("R Healey", "apologies") in got


def test_members_listed_by_office_without_a_present_heading():
    got, rows = att([
        para("BOARD OF FINANCE June 2, 2021", kind="heading"),
        para("REGULAR MEETING", kind="heading"),
        para("Honorable Mary K. Lane, President\nHonorable Tom Reyes, Mayor\nHonorable Joan P. Ortiz, Comptroller and Secretary\n"
             "Alan B. Hart, City Solicitor\nRita Cole, Deputy City Solicitor\nSam L. Price, Deputy Comptroller and Clerk"),
        para("The meeting was called to order by the President."),
        para("1. Contracts", kind="heading"),
    ])
    assert got == {("Mary K. Lane", "chair"), ("Tom Reyes", "present"), ("Joan P. Ortiz", "present"),
                   ("Alan B. Hart", "present"), ("Rita Cole", "in attendance"), ("Sam L. Price", "in attendance")}
    roles = {a["person"]: a["role"] for a in rows["attendance"]}
    assert roles["Joan P. Ortiz"] == "Comptroller and Secretary"


def test_french_attendance_labels_presences_membres_secretaire_absents():
    got, _ = att([
        para("COMITÉ CONSULTATIF", kind="heading"),
        para("PROCÈS-VERBAL de la séance tenue le 20 juin 2023", kind="heading"),
        para("Présences", kind="heading"),
        para("Membres :\nM. Luc Gagnon, conseiller municipal\nMme Julie Roy, conseillère municipale"),
        para("Absents :\nM. Paul Côté, conseiller municipal"),
        para("Secrétaire :\nMme Anne Morin, greffière adjointe, Service du greffe"),
        para("1. Ouverture de la séance", kind="heading"),
        para("La séance est ouverte à 16h00."),
    ])
    assert got == {("M. Luc Gagnon", "present"), ("Mme Julie Roy", "present"), ("M. Paul Côté", "apologies"),
                   ("Mme Anne Morin", "in attendance")}


def test_officials_table_then_a_sentence_and_roles_with_for_inside_brackets():
    got, rows = att([
        para("Minutes of the meeting held on the 22nd May 2012"),
        table([["Board Members:", "Officials (Regular Attendees):"],
               ["Sir Tom Lee", "Ann Bell (Cabinet Office)"],
               ["", "Sam Judd (Department for Culture Media and Sport)"]]),
        table([["Apologies:", "Officials (Presenting):"],
               ["Frank Moss, Minister for the Cabinet Office", "Vic Jones (HM Revenue & Customs)"]]),
        para("Ann Bell, Executive Director of Open Data for the UK Government, (Cabinet Office) welcomed all attendees."),
        para("Open data update", kind="heading"),
    ])
    assert got == {("Sir Tom Lee", "present"), ("Ann Bell", "in attendance"), ("Sam Judd", "in attendance"),
                   ("Frank Moss", "apologies"), ("Vic Jones", "in attendance")}


def test_other_attendees_attend_and_inline_ex_officio_and_apologies_after_a_dash():
    got, _ = att([
        para("Data Panel - second meeting", kind="heading"),
        para("1 March 2010", kind="heading"),
        para("Panel attendees: Professor Ann Ray (Chair), Tom Allen (Local Government Association), Jo Hughes (Openlylocal.com)"
             " - Ex Officio: Andy Stone (Cabinet Office) - Apologies: Dave Smyth (Sunderland City Council), Grant Fitz"),
        para("Other Attendees: Fran Kirk (DCLG), Will Rowe (DCLG)"),
        para("Terms of reference:", kind="heading"),
    ])
    assert got == {("Professor Ann Ray", "chair"), ("Tom Allen", "present"), ("Jo Hughes", "present"),
                   ("Andy Stone", "present"), ("Dave Smyth", "apologies"), ("Grant Fitz", "apologies"),
                   ("Fran Kirk", "in attendance"), ("Will Rowe", "in attendance")}


def test_same_initials_and_surname_with_mr_and_ms_are_two_people():
    """Regression: 'Ms J Meade, Mr J Meade' in one member list became one
    person (names compared without titles); a repeated title-less mention of
    the chair is still the chair once."""
    got, _ = att([
        para("Minutes of the meeting of the County Council held on 13 February 2025"),
        para("PRESENT: Mr B J Sweetland (Chairman), Ms J Meade, Mr J Meade, Mrs P T Cole, Mr P Cole, "
             "Mrs A Kennedy and Ms A Kennedy"),
        para("1. Apologies", kind="heading"),
    ])
    assert got == {("Mr B J Sweetland", "chair"), ("Ms J Meade", "present"), ("Mr J Meade", "present"),
                   ("Mrs P T Cole", "present"), ("Mr P Cole", "present"), ("Mrs A Kennedy", "present")}


def test_names_continuing_a_column_label_below_a_side_by_side_table_are_not_a_sentence():
    """Regression: the apologies under an 'Apologies:' cell, set as a
    paragraph below the table, were taken for a sentence ending the lists
    because a name ends in lower-case letters ('Mrs A Prescott')."""
    grid = table([["Present:", "Also in attendance"], ["Mr A Marsh (Chairman)", "Clr Ray Jelf (OCC)"],
                  ["Mrs S Barr", ""], ["Mrs B McGee (Clerk)", "Apologies:"]])
    grid.bbox = (72.0, 120.0, 460.0, 200.0)
    below = para("Clr JJ Macnair (CDC)\nMr L Barr\nMrs A Prest")
    below.bbox = (300.0, 204.0, 420.0, 240.0)  # under the second column, as printed
    got, _ = att([
        para("MINUTES OF THE PARISH COUNCIL MEETING HELD ON 28th JUNE 2012", kind="heading"),
        grid, below,
        para("1. Minutes of previous meeting", kind="heading"),
    ])
    assert {("Clr JJ Macnair", "apologies"), ("Mr L Barr", "apologies"), ("Mrs A Prest", "apologies")} <= got
    assert ("Mrs S Barr", "present") in got and ("Mr A Marsh", "chair") in got
