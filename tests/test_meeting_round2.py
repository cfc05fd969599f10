"""Paper typing and meeting facts, round 2: regression fixtures named after what
broke on real papers of bodies the project had not seen (made-up inputs), and the
real files they came from (skipped when ../shared/realworld is absent)."""

from __future__ import annotations

from test_segment import build, types

from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.meeting_cues import masthead, names_body, opening_time
from boardpack.pipeline import segment  # marks the document, then segments it
from boardpack.core.model import AGENDA, MINUTES, OTHER, Block, Document, Paper

load_all()


def _run(blocks, papers_spec, path="x.docx"):
    doc = Document(path=path, sha256="f" * 64, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(t, "", s, e, cue=c) for t, s, e, c in papers_spec])
    return extract_document(ctx).rows


def _p(text, kind="paragraph", page=1):
    return Block(kind, text=text, page=page)


# ---------------------------------------------------------------------------
# committee: the body that meets, not the organisation it belongs to


def test_masthead_body_line_beats_the_organisation_line_below_it():
    info = masthead(["Regular Meeting of the Board of Trustees", "Riverside Community College District",
                     "Thursday, September 26, 2019", "Main Campus Center - Oak Room", "1:30 p.m.", "AGENDA"],
                    month_first=True)
    assert (info.committee, info.meeting_date) == ("Board of Trustees", "2019-09-26")


def test_masthead_body_title_wrapped_over_two_lines_above_the_organisation():
    info = masthead(["BOARD OF HARBOR AND AIRPORT", "COMMISSIONERS",
                     "DEPARTMENT OF HARBOR AND AIRPORT OF THE CITY OF PORTVILLE",
                     "Room 12, 40 Quay Street, Portville, CA 90000", "REGULAR MEETING AGENDA",
                     "Tuesday, March 8, 2022, at 10:00 A.M."], month_first=True)
    assert info.committee == "Board of Harbor and Airport Commissioners"
    assert info.start_time == "10:00"


def test_masthead_agenda_line_above_a_one_word_body_is_not_joined_to_it():
    info = masthead(["AGENDA", "CABINET", "Thursday, 30th January, 2025, at 10.00 am"])
    assert info.committee == "Cabinet"


def test_masthead_city_line_under_the_council_meeting_line_and_venue_over_two_lines():
    info = masthead(["AGENDA", "Regular Meeting of the City Council", "CITY OF LAKESIDE VILLAGE",
                     "City Council Chambers", "100 Elm Crest Drive", "WEDNESDAY, DECEMBER 14, 2022 6:30 p.m."],
                    month_first=True)
    assert (info.committee, info.start_time) == ("City Council", "18:30")
    assert info.venue == "City Council Chambers, 100 Elm Crest Drive"


def test_names_body_tells_bodies_from_organisations():
    assert names_body("Board of Trustees") and names_body("Planning Commission") and names_body("City Council")
    assert not names_body("Riverside Community College District")
    assert not names_body("City of Lakeside Village")


# ---------------------------------------------------------------------------
# start time: a 24-hour clock without a separator


def test_opening_time_24_hour_clock_without_separator():
    assert opening_time(["The meeting commenced at 1835"]) == ("18:35", "1835")
    assert opening_time(["The meeting commenced at : 1830 Apologies: None"]) == ("18:30", "1830")
    assert opening_time(["The meeting opened at 1906hrs."]) == ("19:06", "1906hrs")
    # a financial year or a reference is not a clock
    assert opening_time(["The meeting opened at 2015/16 budget lines"]) is None
    assert opening_time(["Meeting opened at2015"]) is None


def test_minutes_start_time_from_the_notes_column_of_the_minutes_table():
    from boardpack.core.model import TABLE, Cell, Row

    grid = Block(TABLE, page=2, rows=[
        Row(cells=[Cell(text="Item"), Cell(text="Notes"), Cell(text="Action")], page=2, is_header=True),
        Row(cells=[Cell(text="FGB 01/1920"), Cell(text="To record those present"),
                   Cell(text="The meeting commenced at 1906\nApologies: none"), Cell(text="")], page=2),
    ])
    blocks = [_p("ASHGROVE PRIMARY SCHOOL BOARD OF GOVERNORS"),
              _p("Minutes of the meeting of the Board of Governors held on 14 October 2019"),
              _p("Chaired by Ann Smith. Clerked by Bob Jones."), grid]
    (m,) = _run(blocks, [(MINUTES, 0, 3, "Minutes of the meeting")])["meetings"]
    assert (m["meeting_date"], m["start_time"]) == ("2019-10-14", "19:06")


# ---------------------------------------------------------------------------
# a paper a cue named as something else gives no meeting


def test_memo_paper_typed_other_by_its_title_gives_no_meeting():
    blocks = [_p("INTER-OFFICE COMMUNICATION", kind="heading"),
              _p("TO: Chairman and Members of the Planning Board"),
              _p("Planning Board Meeting"),
              _p("DATE: July 27, 2011"),
              _p("SUBJECT: East of 9 Street, South of Elm Avenue")]
    rows = _run(blocks, [(OTHER, 0, 4, "INTER-OFFICE COMMUNICATION")])
    assert not rows.get("meetings")


def test_untyped_paper_naming_itself_a_meeting_still_gives_its_meeting():
    blocks = [_p("BOARD OF TRUSTEES MEETING", kind="heading"), _p("Thursday, March 3, 2022 7:00 PM")]
    (m,) = _run(blocks, [(OTHER, 0, 1, "")])["meetings"]
    assert m["meeting_date"] == "2022-03-03"


# ---------------------------------------------------------------------------
# segmentation


def test_repeated_agenda_running_title_for_the_same_meeting_is_not_a_new_paper():
    doc = build(("h", "REGULAR MEETING AGENDA"), ("h", "Tuesday, January 25, 2022, at 10:00 A.M."),
                ("p", "Members of the public may address the Board on any item on the agenda before it is "
                      "considered, by telephone or in writing, as described in the notes below."),
                ("h", "THE ORDER OF BUSINESS"),
                ("p", "The order of business for regular meetings typically follows the sequence described "
                      "below, although the President may take matters out of order."),
                ("pb",),
                ("h", "Meeting Agenda - January 25, 2022"),
                ("li", "1. Call to order"), ("li", "2. Public comment"), ("li", "3. Consent calendar"))
    papers = segment(doc)
    assert types(papers) == [AGENDA]


def test_repeated_agenda_title_for_another_meeting_is_a_new_paper():
    doc = build(("h", "AGENDA"), ("h", "Tuesday, January 25, 2022"),
                ("li", "1. Call to order"), ("li", "2. Public comment"), ("li", "3. Adjournment"),
                ("pb",),
                ("h", "AGENDA"), ("h", "Tuesday, February 8, 2022"),
                ("li", "1. Call to order"), ("li", "2. Public comment"), ("li", "3. Adjournment"))
    papers = segment(doc)
    assert types(papers) == [AGENDA, AGENDA]
    assert papers[1].start == 6


def test_minutes_with_agenda_heading_after_the_attendance_grid_stay_minutes():
    # "Agenda" matches two agenda cues on one line; it is one vote, not two, against the
    # attendance grid, chair/clerk table, minutes table and closing line of the minutes.
    doc = build(("p", "ASHGROVE PRIMARY SCHOOL BOARD OF GOVERNORS"),
                ("h", "Learning Committee 9 May 2022"),
                ("h", "GOVERNOR ATTENDANCE"),
                ("t", [["Name", "04/10/2021", "9/05/2022"], ["Ann Smith", "P", "P"], ["Bob Jones", "P", "S"]]),
                ("t", [["Chaired by", "Ann Smith", "Clerked by", "Bob Jones"]]),
                ("p", "Agenda"),
                ("pb",),
                ("p", "LW 64 To record those present\nLW 65 Declaration of interests\nLW 66 Minutes of the last meeting"),
                ("t", [["Item", "Notes", "Action"],
                       ["LW 64", "The meeting commenced at 1830. Apologies were received from Bob Jones.", ""],
                       ["LW 66", "The minutes of the last meeting were agreed and signed.", "Clerk"],
                       ["LW 67", "It was agreed that the chair would write to the head.", "Chair"]]),
                ("p", "The meeting closed at 2016."),
                ("p", "Signed as a true record."))
    papers = segment(doc)
    assert types(papers) == [MINUTES]
    assert papers[0].evidence.get(MINUTES, 0) > papers[0].evidence.get(AGENDA, 0)


def test_paper_evidence_is_a_field():
    doc = build(("h", "AGENDA"), ("li", "1. Apologies"), ("li", "2. Declarations of interest"))
    (p,) = segment(doc)
    assert p.evidence[AGENDA] >= 3
    assert Paper("other", "", 0, 0).evidence == {}


# ---------------------------------------------------------------------------
# real papers


def _meetings(parsed, path):
    return parsed(path).result.rows.get("meetings", [])


def test_real_college_agenda_committee_is_the_board(parsed, realworld_dir):
    (m,) = _meetings(parsed, realworld_dir / "us-cuyahoga-county-boards/cuya_community_college_agenda.pdf")
    assert (m["committee"], m["meeting_date"], m["start_time"]) == ("Board of Trustees", "2019-09-26", "13:30")


def test_real_water_and_power_agenda_is_one_paper_for_its_board(parsed, realworld_dir):
    pf = parsed(realworld_dir / "us-california-local-agencies/ladwp_2.pdf")
    assert [p.paper_type for p in pf.papers] == [AGENDA]
    (m,) = pf.result.rows["meetings"]
    assert (m["committee"], m["meeting_date"]) == ("Board of Water and Power Commissioners", "2022-01-25")


def test_real_governors_minutes_start_times(parsed, realworld_dir):
    d = realworld_dir / "decoy-primary-school-governors"
    got = {}
    for name in ("bm-committee-minutes-23-november-2020.pdf", "fgb-minutes-191014.pdf",
                 "lw-committee-minutes-9-may-2022-final.pdf"):
        pf = parsed(d / name)
        assert [p.paper_type for p in pf.papers] == [MINUTES]
        (m,) = pf.result.rows["meetings"]
        got[name[:2]] = (m["meeting_date"], m["start_time"])
    assert got == {"bm": ("2020-11-23", "18:35"), "fg": ("2019-10-14", "19:06"), "lw": ("2022-05-09", "18:30")}


def test_real_planning_memo_gives_no_meeting(parsed, realworld_dir):
    assert _meetings(parsed, realworld_dir / "us-omaha-city-council/1303a.pdf") == []


# ---------------------------------------------------------------------------
# a notice of a schedule of meetings gives a meeting per listed date


def test_schedule_notice_table_gives_a_meeting_per_listed_date():
    from boardpack.core.model import TABLE, Cell, Row

    def row(*cells):
        return Row(cells=[Cell(text=c) for c in cells], page=1)

    table = Block(TABLE, page=1, rows=[
        row("Meeting Date", "Conference Room"),
        row("Friday, February 28, 2020", "100 N. Main St"), row("10:30 a.m.", "Springfield, IL 60000"),
        row("Friday, March 27, 2020", "**Teleconference**"), row("10:30 a.m.", ""),
        row("Friday, April 24, 2020", "100 N. Main St"), row("10:30 a.m.", "Springfield, IL 60000"),
    ])
    blocks = [_p("WATER RECLAMATION BOARD", kind="heading"), _p("April 2, 2020"),
              _p("The Springfield Water Reclamation Board will hold public meetings at the following meeting schedule."),
              table]
    rows = _run(blocks, [(OTHER, 0, 3, "")])["meetings"]
    got = [(m["committee"], m["meeting_date"], m["start_time"], m["venue"]) for m in rows]
    assert got == [
        ("Springfield Water Reclamation Board", "2020-02-28", "10:30", "100 N. Main St, Springfield, IL 60000"),
        ("Springfield Water Reclamation Board", "2020-03-27", "10:30", "Teleconference"),
        ("Springfield Water Reclamation Board", "2020-04-24", "10:30", "100 N. Main St, Springfield, IL 60000"),
    ]


def test_dated_table_in_a_paper_that_lists_no_meetings_gives_none():
    from boardpack.core.model import TABLE, Cell, Row

    table = Block(TABLE, page=1, rows=[Row(cells=[Cell(text=a), Cell(text=b)], page=1) for a, b in [
        ("Invoice date", "Amount"), ("March 1, 2020", "100"), ("April 1, 2020", "200"), ("May 1, 2020", "300")]])
    blocks = [_p("Payments report", kind="heading"), table]
    assert not _run(blocks, [(OTHER, 0, 1, "")]).get("meetings")


def test_real_schedule_notice_gives_eleven_meetings(parsed, realworld_dir):
    ms = _meetings(parsed, realworld_dir / "us-illinois-board-notices/cook_emergency_telephone_schedule.pdf")
    assert len(ms) == 11
    assert {m["committee"] for m in ms} == {"Cook County Emergency Telephone System Board"}
    assert {m["start_time"] for m in ms} == {"10:30"}
    assert ms[0]["meeting_date"] == "2020-02-28" and ms[-1]["meeting_date"] == "2020-12-18"
    assert "2020-04-22" not in {m["meeting_date"] for m in ms}  # the notice's own date


# ---------------------------------------------------------------------------
# other languages: month names per language, a year from elsewhere in the paper


def test_french_spanish_german_month_names():
    from boardpack.core.dates import find_dates

    assert [d.iso for d in find_dates("le 1er août 2023 et le 3 février 2024")] == ["2023-08-01", "2024-02-03"]
    assert [d.iso for d in find_dates("20 de junio de 2023")] == ["2023-06-20"]
    assert [d.iso for d in find_dates("20. März 2023")] == ["2023-03-20"]
    assert find_dates("Séance tenue le 20 juin, à 16h00") == []  # no year: only with one supplied
    assert [d.iso for d in find_dates("Séance tenue le 20 juin, à 16h00", default_year=2023)] == ["2023-06-20"]


def test_french_masthead_day_month_with_the_year_from_elsewhere():
    info = masthead(["COMITÉ DE CIRCULATION", "PROCÈS-VERBAL",
                     "Séance publique tenue le 20 juin, à 16h00 à la salle du conseil", "Présences"],
                    default_year=2023)
    assert (info.committee, info.meeting_date, info.start_time, info.venue) == (
        "Comité de Circulation", "2023-06-20", "16:00", "salle du conseil")


def test_minutes_title_line_date_beats_a_later_date_in_an_unrecognised_head():
    blocks = [_p("COMITÉ DE CIRCULATION", kind="heading"), _p("PROCÈS-VERBAL", kind="heading"),
              _p("Séance publique tenue le 20 juin, à 16h00 à la salle du conseil"),
              _p("Présences"), _p("Membres : M. Jean Roy, conseiller"),
              _p("1. Ouverture de la séance"), _p("La séance est ouverte à 16h00."),
              _p("ATTENDU la publication de l’avis public le 7 juin 2023;")]
    (m,) = _run(blocks, [(MINUTES, 0, len(blocks) - 1, "PROCÈS-VERBAL")], path="pv.pdf")["meetings"]
    assert (m["meeting_date"], m["start_time"], m["venue"]) == ("2023-06-20", "16:00", "salle du conseil")
    assert m["committee"].lower() == "comité de circulation"


def test_real_french_minutes_meeting(parsed, realworld_dir):
    (m,) = _meetings(parsed, realworld_dir / "ca-sainte-adele-demolition-committee/2023-06-20-PV.pdf")
    assert (m["meeting_date"], m["start_time"], m["venue"]) == ("2023-06-20", "16:00", "salle du conseil")
    assert m["committee"].lower() == "comité de démolition"


def test_masthead_body_named_by_its_remit_beats_the_district_line():
    info = masthead(["SPRINGFIELD UNION SCHOOL DISTRICT", "Board of Education", "Special Meeting", "AGENDA",
                     "Springfield Union School District", "1309 S. Oak Avenue", "April 6, 2016", "7:30 a.m."],
                    month_first=True)
    assert (info.committee, info.meeting_date) == ("Board of Education", "2016-04-06")
    assert names_body("Board of Education") and not names_body("Department of Water and Power")


def test_masthead_district_before_the_date_on_its_line_gives_way_to_the_board_above():
    info = masthead(["SPRINGFIELD UNION SCHOOL DISTRICT", "Board of Education", "Special Meeting", "AGENDA",
                     "Springfield Union School District April 6, 2016", "1309 S. Oak Avenue 7:30 a.m."],
                    month_first=True)
    assert (info.committee, info.meeting_date) == ("Board of Education", "2016-04-06")


def test_real_school_board_agenda_committee_is_the_board(parsed, realworld_dir):
    (m,) = _meetings(parsed, realworld_dir / "us-cupertino-school-board/cupertino_usd_4-6-16.pdf")
    assert (m["committee"], m["meeting_date"]) == ("Board of Education", "2016-04-06")


def test_masthead_revision_date_under_a_revised_label_is_not_the_meeting_date():
    info = masthead(["REVISED", "4/23/19", "COUNTY BOARD OF HEALTH", "AGENDA – April 24, 2019"], month_first=True)
    assert info.meeting_date == "2019-04-24"


def test_real_revised_agenda_meeting_date(parsed, realworld_dir):
    (m,) = _meetings(parsed, realworld_dir / "us-cuyahoga-county-boards/cuya_health.pdf")
    assert m["meeting_date"] == "2019-04-24"
