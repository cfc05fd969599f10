"""Attendance, round 3: what broke on a held-out set of real minutes of bodies the
project had never seen (kept outside the repository). Inputs are made up; each
test names the clerk's rule."""

from __future__ import annotations

from boardpack.extractors.attendance_names import name_run, parse_entry, plausible_person

from made_up_papers import attendance


def test_a_list_printed_without_commas_is_one_person_per_initials_and_surname():
    assert name_run("A Marsh B Cole B D Pryce C Lowe") == ["A Marsh", "B Cole", "B D Pryce", "C Lowe"]
    assert name_run("Mrs Anne Marsh") == ["Mrs Anne Marsh"]


def test_apologies_in_brackets_inside_the_list_of_members():
    got = attendance(["Minutes of the Meeting of the Planning Committee held on 20th March 2017",
                       "Councillors Present: K Marsh (Vice Chairman) A Cole (Apologies) G Pryce J Lowe (Apologies)",
                       "1. Declarations of interest - none."])
    assert got == [("apologies", "A Cole"), ("apologies", "J Lowe"), ("present", "G Pryce"), ("present", "K Marsh")]


def test_attended_by_with_the_chair_named_first_and_members_of_the_public():
    got = attendance(["Annual Meeting - 12 April 2022",
                       "Attended by: Chairperson Councillor G. Marsh; and Councillors P. Cole, D. Pryce, and C. Lowe. "
                       "Members of the public: Ann Hart, Sue Bell.",
                       "Apologies for absence: none."])
    assert got == [("chair", "Councillor G. Marsh"), ("in attendance", "Ann Hart"), ("in attendance", "Sue Bell"),
                   ("present", "C. Lowe"), ("present", "Councillor P. Cole"), ("present", "D. Pryce")]


def test_minute_numbered_label_and_the_chair_who_presided_after_the_list():
    got = attendance(["Minutes of the Meeting of Netherwick Community Council held on Wednesday 5th December 2018",
                       "Minute no. 1 – Members Present Councillors: A Marsh A Cole B Pryce",
                       "Chairman Councillor A Marsh presided over the meeting",
                       "Minute no. 2 - Apologies for Absence Apologies for absence were received from Councillor T Lowe."])
    assert ("chair", "Councillor A Marsh") in got and ("present", "A Cole") in got and ("present", "B Pryce") in got
    assert not any(p == "A Marsh" for _, p in got)  # the chair once, as chair


def test_a_post_written_after_a_name_with_initials_is_the_role():
    assert parse_entry("Mr W Pryce Clerk and Executive Officer")[:2] == ("Mr W Pryce", "Clerk and Executive Officer")
    assert not plausible_person("Netherwick Parish Council")
    assert plausible_person("Anne Marsh")


def test_roll_call_below_the_opening_sentence_and_the_president_who_opened_it():
    got = attendance(["MINUTES OF THE", "BOARD OF DIRECTORS MEETING OF THE", "EXAMPLE WATER DISTRICT", "March 4, 2009",
                       "1. The meeting was called to order by President Hale at 3:30 p.m.",
                       "2. ROLL CALL",
                       "Directors Present: Amos, Hale, Lind and Moss",
                       "3. PLEDGE OF ALLEGIANCE"])
    assert got == [("chair", "Hale"), ("present", "Amos"), ("present", "Lind"), ("present", "Moss")]  # the office is no name


def test_a_sentence_announcing_the_list_below_and_staff_titles_before_surnames():
    got = attendance(["Board of Trustees Minutes - March 19, 2007",
                       "Regular Meeting of the Board of Trustees was held on Monday, March 19, 2007 at the Village Hall.",
                       "The following officials were present:",
                       "Mayor Stone", "Trustee Amos", "Trustee Lind", "Manager Moss", "Attorney Hale",
                       "1. CALL TO ORDER", "Mayor Stone called the meeting to order at 8:03 p.m."])
    # a surname alone keeps the title it is named by ("Manager Moss"); the title makes the attendee
    assert got == [("chair", "Mayor Stone"), ("in attendance", "Attorney Hale"), ("in attendance", "Manager Moss"),
                   ("present", "Trustee Amos"), ("present", "Trustee Lind")]


def test_members_present_to_wit_with_roles_after_commas_and_others_inattendance():
    got = attendance(["MINUTES OF A REGULAR MEETING OF THE EXAMPLE COUNTY BOARD OF COUNTY COMMISSIONERS HELD MAY 5, 2003.",
                       "The Board convened in a regular meeting on Monday, May 5, 2003 at 5:00 p.m. in the courtroom, "
                       "with the following members present to-wit:",
                       "Commissioner Ann Amos, Chair", "Commissioner Ben Lind", "Commissioner Moss, Vice-Chair",
                       "Others in attendance were: Joseph W. Hale, Clerk of Court, Carl Ray, County Attorney, Dot Finn.",
                       "Call to Order:"])
    assert got == [("chair", "Commissioner Ann Amos"), ("in attendance", "Carl Ray"), ("in attendance", "Dot Finn"),
                   ("in attendance", "Joseph W. Hale"), ("present", "Commissioner Ben Lind"),
                   ("present", "Commissioner Moss")]


def test_apologies_in_a_sentence_or_after_received_from_and_a_surname_named_again():
    got = attendance(["Minutes of the Annual Parish Council meeting held on Tuesday, 14th May 2019.",
                       "Present",
                       "Councillors TA Marsh [Chairman], K Cole, Mrs P Pryce, A Lowe (Apologies)",
                       "An apology for absence was received from Councillor Miss IJ Hart.",
                       "1. APOLOGIES: received from Mr D Bell",
                       "Apologies for absence were received from Councillor Lowe.",
                       "2. MINUTES OF THE PREVIOUS MEETING"])
    assert [x for x in got if x[0] == "apologies"] == [
        ("apologies", "A Lowe"), ("apologies", "Councillor Miss IJ Hart"), ("apologies", "Mr D Bell")]


def test_a_posts_initials_before_a_full_name_are_its_role():
    assert parse_entry("CDO Ruth Taylor-Davies")[:2] == ("Ruth Taylor-Davies", "CDO")
    assert parse_entry("PCSO Lynne Hart")[0] == "PCSO Lynne Hart"  # a police rank is a title


def test_titled_names_at_the_head_with_no_label_and_roles_in_a_column_of_their_own():
    got = attendance(["Minutes from the Netherwick Community Council meeting held at 6.30pm on Monday 20th March 2017 "
                       "at the Village Hall",
                       "Cllr John Marsh                         Chair",
                       "Cllr Ann Cole           Vice- Chair",
                       "Cllr Ben Pryce",
                       "Ian Lowe                             Clerk",
                       "16/137 Apologies of absence"])
    assert got == [("chair", "Cllr John Marsh"), ("in attendance", "Ian Lowe"), ("present", "Cllr Ann Cole"),
                   ("present", "Cllr Ben Pryce")]


def test_councillors_before_a_list_of_initialled_names_and_the_vice_chairman_who_acted_as_chairman():
    got = attendance(["Netherwick Parish Council Extra Ordinary meeting.",
                       "Held at the Memorial Hall at 19:45 on 21st March 2018",
                       "Councillors S. Marsh, T. Cole, J Pryce.",
                       "Apologies were received from councillors J. Lowe, M Hart and were formally accepted",
                       "The Vice Chairman T. Cole acted as Chairman",
                       "Item 1 To agree the minutes"])
    assert got == [("apologies", "Councillor J. Lowe"), ("apologies", "M Hart"), ("chair", "T. Cole"),
                   ("present", "J Pryce"), ("present", "S. Marsh")]


def test_the_chairperson_named_between_commas_called_the_meeting_to_order():
    got = attendance(["Minutes of the Library Board meeting held February 15, 2018",
                       "Present: Ann Cole, Ben Pryce, Carol Lowe",
                       "The Chairperson, Ann Cole, called the meeting to order at 7:31 p.m."])
    assert got == [("chair", "Ann Cole"), ("present", "Ben Pryce"), ("present", "Carol Lowe")]


def test_a_label_before_a_wide_gap_is_no_name_with_a_role():
    from boardpack.extractors.attendance_unlabelled import gap_role
    assert gap_role("Cllr John Marsh            Chair", "x") == "Cllr John Marsh (Chair)"
    assert gap_role("Parish Clerk:                 Helen Pryce", "x") == "x"


def test_posts_after_a_hyphen_or_after_the_names_initials():
    assert parse_entry("Paul Amos-President")[:2] == ("Paul Amos", "President")
    assert parse_entry("Joshua Lind- Commissioner")[:2] == ("Joshua Lind", "Commissioner")
    assert parse_entry("Ruth Taylor-Davies")[:2] == ("Ruth Taylor-Davies", None)  # a double-barrelled name
    assert parse_entry("Dr Avi Moss AM Clinical Chair")[:2] == ("Dr Avi Moss", "Clinical Chair")


def test_staff_members_present_and_the_chair_named_by_surname_before_the_list():
    got = attendance(["Board of Commissioners Minutes February 24, 2022",
                       "Call to Order: Commissioner Amos called the Board of Commissioners meeting to order at 7:30 PM.",
                       "Board Members Present: Paul Amos-President, Jane Lind-Vice President, Mark Moss-Commissioner.",
                       "Staff Members Present: Kristen Hale-Township Manager, Lisa Finn, Township Treasurer.",
                       "Public Comment: none."])
    assert got == [("chair", "Paul Amos"), ("in attendance", "Kristen Hale"), ("in attendance", "Lisa Finn"),
                   ("present", "Jane Lind"), ("present", "Mark Moss")]


def test_a_minute_number_run_into_its_label_and_the_chair_label_above():
    got = attendance(["MINUTES OF THE COUNCIL MEETING HELD ON 24th SEPTEMBER 2019, AT THE HALL.",
                       "Chair: Councillor P Amos",
                       "37.PRESENT Councillors: P Lind, B Moss & Mrs G Hale",
                       "38. APOLOGIES Apologies for absence were received from Councillors: Mrs S Finn & M Ray",
                       "39. TO RECEIVE A PRESENTATION"])
    assert got == [("apologies", "M Ray"), ("apologies", "Mrs S Finn"), ("chair", "Councillor P Amos"),
                   ("present", "B Moss"), ("present", "Mrs G Hale"), ("present", "P Lind")]


def test_agenda_headings_posts_and_bodies_are_no_people():
    for not_a_person in ("Declarations of Interest", "Public Involvement", "Chief Administrative Officer",
                         "Administrative Assistant", "Whitemud Watershed Conservation District",
                         "List of Documents Distributed"):
        assert not plausible_person(not_a_person), not_a_person
    assert plausible_person("John Clerk")  # a surname that is also a post word


def test_labels_with_colons_run_together_on_one_line():
    got = attendance(["Minutes for an Extra-ordinary meeting of the Council on Tuesday 20th August 2019 at 7.15pm",
                       "Present: Chairman: Cllr Mrs Marsh Councillors: Mrs Cole, Pryce, Lowe",
                       "Clerk: Mrs Hart Members of public: 3",
                       "1. Welcome"])
    assert got == [("chair", "Cllr Mrs Marsh"), ("in attendance", "Mrs Hart"), ("present", "Lowe"),
                   ("present", "Mrs Cole"), ("present", "Pryce")]


def test_a_group_label_inside_a_list_goes_on_with_that_list():
    # "Ratepayer Members:" / "Councillors:" name groups within the list they are in, not new lists
    got = attendance(["MINUTES OF THE FULL BOARD MEETING MONDAY 13th MAY 2019",
                       "APOLOGIES: Chairman: Mr A Marsh Councillors: Mrs B Cole, C Pryce",
                       "1) Apologies – Councillors S Lowe, N Hart and B Finn.",
                       "2) Declarations of Interest – none"])
    assert [x for x in got if x[0] != "chair"] == [
        ("apologies", "B Finn"), ("apologies", "C Pryce"), ("apologies", "Mrs B Cole"), ("apologies", "N Hart"),
        ("apologies", "S Lowe")]
