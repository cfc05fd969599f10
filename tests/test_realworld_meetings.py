"""Meetings, agenda items and attendance from real published council papers
(../shared/realworld; skipped when absent), read with the real readers through
the pipeline: read -> clean -> segment -> extract.

Kent County Council (ModernGov): agenda front sheets give the meeting and every
numbered item; printed minutes give PRESENT / IN ATTENDANCE / apologies.
Souldern Parish Council: minutes give the meeting date and attendance (side-by-
side columns); agendas give the meeting and items. The scanned parish minutes
(2021-03-25, 2022-11-24) have no text layer and are read by OCR.
"""

from __future__ import annotations

import pytest

KENT = "kent-county-council"
SPC = "souldern-parish-council"


def rows(parsed, realworld_dir, rel, table):
    pf = parsed(realworld_dir / rel)
    assert pf.result is not None
    return pf.result.rows.get(table, [])


def people(parsed, realworld_dir, rel, attendance):
    return {a["person"] for a in rows(parsed, realworld_dir, rel, "attendance") if a["attendance"] == attendance}


# ---------------------------------------------------------------------------
# Kent agenda front sheets

FRONT_SHEETS = [
    (
        f"{KENT}/cabinet-2025-01-30/Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf",
        ("Cabinet", "2025-01-30", "10:00", "Council Chamber, Sessions House, County Hall, Maidstone"),
        [str(n) for n in range(1, 10)],
        {"3": "1-10", "5": "11-84", "9": "461-610"},
    ),
    (
        f"{KENT}/county-council-2025-02-13/Agenda frontsheet 13th-Feb-2025 09.30 County Council.pdf",
        ("County Council", "2025-02-13", "09:30", "Council Chamber, County Hall, Maidstone, Kent, ME14 1XQ"),
        [str(n) for n in range(1, 7)],
        {"3": "1-26", "5": "27-36", "6": "37-250"},
    ),
]


@pytest.mark.parametrize("rel, meeting, numbers, pages", FRONT_SHEETS, ids=["cabinet", "county-council"])
def test_kent_front_sheet_meeting_and_items(parsed, realworld_dir, rel, meeting, numbers, pages):
    ms = rows(parsed, realworld_dir, rel, "meetings")
    assert [(m["committee"], m["meeting_date"], m["start_time"], m["venue"]) for m in ms] == [meeting]
    items = rows(parsed, realworld_dir, rel, "agenda_items")
    assert [i["item_number"] for i in items] == numbers
    assert {i["meeting_id"] for i in items} == {ms[0]["meeting_id"]}
    by = {i["item_number"]: i for i in items}
    for n, p in pages.items():
        assert by[n]["pages"] == p
        assert "Pages" not in by[n]["title"]
    assert all(i["title"] and i["page"] for i in items)


def test_kent_front_sheet_titles_wrapped_over_lines(parsed, realworld_dir):
    rel = FRONT_SHEETS[0][0]
    by = {i["item_number"]: i for i in rows(parsed, realworld_dir, rel, "agenda_items")}
    assert by["7"]["title"] == (
        "24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from the Children "
        "Young People and Education Directorate to the Adult Social Care and Health Directorate")
    assert by["1"]["group_heading"] == "UNRESTRICTED ITEMS"
    (m,) = rows(parsed, realworld_dir, rel, "meetings")
    assert m["date_of_issue"] == "2025-01-22"


def test_kent_summons_issue_date_and_addressees(parsed, realworld_dir):
    (m,) = rows(parsed, realworld_dir, FRONT_SHEETS[1][0], "meetings")
    assert m["date_of_issue"] == "2025-02-05"
    assert "All Members of the County Council" in m["addressees"]


# ---------------------------------------------------------------------------
# Kent printed minutes

CABINET_MINUTES = f"{KENT}/cabinet-2025-01-30/Minutes of the meeting held on 9th January 2025.pdf"
COUNCIL_MINUTES = f"{KENT}/county-council-2025-02-13/Printed minutes 13th-Feb-2025 09.30 County Council.pdf"


def test_kent_cabinet_minutes_attendance(parsed, realworld_dir):
    (m,) = rows(parsed, realworld_dir, CABINET_MINUTES, "meetings")
    assert (m["committee"], m["meeting_date"]) == ("Cabinet", "2025-01-09")
    assert people(parsed, realworld_dir, CABINET_MINUTES, "chair") == {"Mr R W Gough"}
    assert people(parsed, realworld_dir, CABINET_MINUTES, "present") == {
        "Mr N Baker", "Mrs C Bell", "Mrs S Chandler", "Mr D Jeffrey", "Mr R C Love, OBE", "Mr D Murphy",
        "Mr P J Oakford", "Mr D Watkins", "Mr R J Thomas"}
    att = {a["person"]: a["role"] for a in rows(parsed, realworld_dir, CABINET_MINUTES, "attendance")
           if a["attendance"] == "in attendance"}
    assert len(att) == 11
    assert att["Mrs A Beer"] == "Chief Executive"
    assert att["Mr D Whittle"] == "Director of Strategy, Policy, Relationships and Corporate Assurance"
    assert people(parsed, realworld_dir, CABINET_MINUTES, "apologies") == set()  # "No apologies were received."


def test_kent_cabinet_minutes_decisions(parsed, realworld_dir):
    ds = rows(parsed, realworld_dir, CABINET_MINUTES, "decisions")
    first = ds[0]
    assert first["item_number"] == "78"
    assert first["decision_text"].startswith("RESOLVED that the minutes of the meeting on 28 November 2024 were a correct record")
    assert {d["meeting_date"] for d in ds} == {"2025-01-09"}
    items = [i["item_number"] for i in rows(parsed, realworld_dir, CABINET_MINUTES, "minute_items")]
    assert items[:5] == ["76", "77", "78", "79", "80"]


def test_kent_council_minutes_present_list_and_apologies(parsed, realworld_dir):
    (m,) = rows(parsed, realworld_dir, COUNCIL_MINUTES, "meetings")
    assert (m["committee"], m["meeting_date"]) == ("County Council", "2025-02-13")
    assert m["venue"] == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert people(parsed, realworld_dir, COUNCIL_MINUTES, "chair") == {"Mr B J Sweetland"}
    present = people(parsed, realworld_dir, COUNCIL_MINUTES, "present")
    assert len(present) == 63
    assert {"Mr A M Ridgers", "Sir Paul Carter, CBE", "Mr R C Love, OBE", "Rich Lehmann", "Mr J Wright", "Ms L Wright"} <= present
    assert people(parsed, realworld_dir, COUNCIL_MINUTES, "in attendance") == {"Mr J Cook", "Mr B Watts", "Mr J Betts"}
    apologies = people(parsed, realworld_dir, COUNCIL_MINUTES, "apologies")
    assert len(apologies) == 15
    assert {"Mr Paul Barrington-King", "Mr Derek Crow-Brown", "Mrs Trudy Dean, MBE", "Mr Charlie Simkins"} <= apologies


def test_kent_council_minutes_resolved(parsed, realworld_dir):
    ds = {d["item_number"]: d["decision_text"] for d in rows(parsed, realworld_dir, COUNCIL_MINUTES, "decisions")}
    assert ds["288"] == ("RESOLVED that the minutes of the meetings held on 19 December 2024 and 9 January 2025 "
                         "be approved as a correct record.")
    assert ds["290"].startswith("RESOLVED that pursuant to section 25 of the Local Government Act")


# ---------------------------------------------------------------------------
# Souldern parish minutes (text PDFs)

PARISH = [
    # file, meeting date, chair, some present, some in attendance, apologies (subset).
    # The clerk and the RFO (officers) listed under "Present" attend, they are
    # not members present (issue 8's convention, and the hand-written gold).
    ("2012-06-28 SPC minutes.pdf", "2012-06-28", "Mr A Martin", {"Mrs S Barrett", "Mr C Rothero"},
     {"Clr Ray Jelf", "Mrs J Martin"}, {"Clr JJ Macnamara", "Mr L Barrett", "Mrs A Prescott"}),
    ("2014-05-14 Annual Parish Meeting minutes.pdf", "2014-05-15", "Mr A Martin", {"Mr C Rothero", "Mr N Oakhill"},
     {"Mr C Lester", "Maj A Gray"}, {"Clr JJ Macnamara", "K Draper"}),
    ("2016-03-17 SPC minutes.pdf", "2016-03-17", "K Draper", {"K Allpress", "C Rothero", "B May"},
     {"R Summers", "T Noble"}, {"N Oakhill", "Cllr Fatemian", "M May"}),
    ("2018-03-22 SPC minutes.pdf", "2018-03-22", "Katy Draper", {"Bruce May", "Alan Smith"},
     {"Mary May"}, {"Nick Oakhill", "Anne Prescott", "Barbara McGarry"}),
    ("2019-11-28 SPC minutes.pdf", "2019-11-28", "Nick Oakhill", {"John Hoodless", "Laura How"},
     {"David Carlisle", "Cathy Fleet"}, {"Katy Draper"}),
    ("2023-11-30 SPC minutes.pdf", "2023-11-30", "Alan Smith", {"John Hoodless", "Neal Ship", "Heidi Dennison"},
     {"Chris Rothero"}, {"Nick Oakhill", "Cllr Eddie Reeves"}),
    ("2025-05-20 Annual Meeting minutes.pdf", "2025-05-20", "Nick Oakhill", {"John Hoodless", "Kate Green", "Rob Large"},
     {"Katie Draper", "David Carlisle"}, {"Joanna Carlisle"}),
    ("2026-01-29 SPC minutes.pdf", "2026-01-29", "Heidi Dennison", {"Kate Green", "John Hoodless", "Amanda Sharman"},
     {"David Carlisle", "C/Cllr Gareth Epps"}, set()),
    ("2026-03-26 SPC minutes.pdf", "2026-03-26", "Nick Oakhill", {"Kate Green", "Rob Large"},
     {"Katy Draper", "Cathy Fleet"}, {"Cllr Gareth Epps", "Cllr David Rogers", "Cllr Heidi Dennison"}),
]


@pytest.mark.parametrize("name, date, chair, present, attending, apologies", PARISH, ids=[p[0][:10] for p in PARISH])
def test_parish_minutes_date_and_attendance(parsed, realworld_dir, name, date, chair, present, attending, apologies):
    rel = f"{SPC}/spc-minutes/{name}"
    ms = rows(parsed, realworld_dir, rel, "meetings")
    assert [m["meeting_date"] for m in ms] == [date]
    assert "Souldern" in ms[0]["committee"]
    att = rows(parsed, realworld_dir, rel, "attendance")
    assert {a["meeting_date"] for a in att} == {date}
    assert people(parsed, realworld_dir, rel, "chair") == {chair}
    assert present <= people(parsed, realworld_dir, rel, "present")
    assert attending <= people(parsed, realworld_dir, rel, "in attendance")
    assert apologies <= people(parsed, realworld_dir, rel, "apologies")
    # nobody is listed twice in different roles
    names = [a["person"] for a in att]
    assert len(names) == len(set(names))


def test_parish_2026_apologies_in_prose(parsed, realworld_dir):
    rel = f"{SPC}/spc-minutes/2026-01-29 SPC minutes.pdf"
    assert {"Nick Oakhill", "Rob Large"} <= people(parsed, realworld_dir, rel, "apologies")


@pytest.mark.parametrize(
    "name, date, numbers",
    [
        ("2016-03-17 Agenda.pdf", "2016-03-17", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]),
        ("2019-11-28 Agenda.pdf", "2019-11-28", ["1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        ("2026-01-29 Agenda.pdf", "2026-01-29", ["1", "2", "3", "4", "5", "7", "8", "9", "10", "11", "12", "13", "14"]),
    ],
)
def test_parish_agendas(parsed, realworld_dir, name, date, numbers):
    rel = f"{SPC}/spc-agenda/{name}"
    (m,) = rows(parsed, realworld_dir, rel, "meetings")
    assert (m["committee"], m["meeting_date"], m["start_time"], m["venue"]) == (
        "Souldern Parish Council", date, "19:30", "Village Hall")
    top = [i["item_number"] for i in rows(parsed, realworld_dir, rel, "agenda_items") if i["parent_number"] is None]
    assert top[: len(numbers)] == numbers


def test_summons_and_minutes_of_one_meeting_share_its_id(parsed, realworld_dir):
    """The County Council's budget meeting of 13 February 2025: its summons ("Agenda for
    the Budget County Council Meeting", "A meeting of the County Council will be held")
    and its printed minutes are two documents describing one meeting."""
    (summons,) = rows(parsed, realworld_dir, FRONT_SHEETS[1][0], "meetings")
    (minutes,) = rows(parsed, realworld_dir, COUNCIL_MINUTES, "meetings")
    assert summons["meeting_id"] == minutes["meeting_id"]
    assert summons["meeting_row_id"] != minutes["meeting_row_id"]


SCANNED_MINUTES = [
    ("2021-03-25 SPC minutes.pdf", "2021-03-25", "Nick Oakhill",
     {"John Hoodless", "Kirsty Allpress", "Alan Smith", "Laura How"}, set()),
    ("2022-11-24 SPC minutes.pdf", "2022-11-24", "Nick Oakhill",
     {"Alan Smith", "Neal Ship", "Heidi Dennison"}, {"John Hoodless"}),
]


@pytest.mark.parametrize("name, date, chair, present, apologies", SCANNED_MINUTES, ids=["2021-03-25", "2022-11-24"])
def test_scanned_parish_minutes_read_by_ocr(parsed, realworld_dir, name, date, chair, present, apologies):
    """Scanned minutes (no text layer) are read by OCR and give their meeting and attendance."""
    pf = parsed(realworld_dir / SPC / "spc-minutes" / name)
    assert pf.doc.is_scanned and pf.doc.metadata.get("ocr_pages") == pf.doc.scanned_pages
    rows = pf.result.rows
    assert {m["meeting_date"] for m in rows["meetings"]} == {date}
    att = {(r["person"], r["attendance"]) for r in rows["attendance"]}
    assert (chair, "chair") in att
    assert {(p, "present") for p in present} <= att
    assert {(p, "apologies") for p in apologies} <= att
    assert {r["meeting_date"] for r in rows["attendance"]} == {date}


# ---------------------------------------------------------------------------
# meeting facts wherever the paper puts them (masthead stacks, call-to-order time)

MASTHEADS = [
    # "Open Data User Group" / "13 th meeting" / "14 May 2013, 14:00-17:00" / address line
    ("uk-open-data-user-group/Minutes of Open Data User Group 14 May.pdf",
     ("Open Data User Group", "2013-05-14", "14:00", "ODI, 3 rd Floor, 65 Clifton Street, London, EC2A 4JE")),
    # "Selectboard Meeting" / "Weybridge Town Office" / "January 3, 2023"; time from "1. Call to order 7:03 PM."
    ("us-weybridge-vermont-selectboard/Board+Meeting+January+3.docx",
     ("Selectboard", "2023-01-03", "19:03", "Weybridge Town Office")),
    # "CITY COUNCIL AGENDA FOR OCTOBER 16, 2012" / "LEGISLATIVE CHAMBERS - 2:00 P.M."
    ("us-omaha-city-council/a12-10-16.pdf", ("City Council", "2012-10-16", "14:00", "LEGISLATIVE CHAMBERS")),
]


@pytest.mark.parametrize("rel, meeting", MASTHEADS, ids=["odug", "weybridge", "omaha"])
def test_meeting_from_the_masthead_of_real_papers(parsed, realworld_dir, rel, meeting):
    ms = rows(parsed, realworld_dir, rel, "meetings")
    assert meeting in [(m["committee"], m["meeting_date"], m["start_time"], m["venue"]) for m in ms]


# the words of a title that name the meeting, not the body (see test_meeting_masthead)
COMMITTEES = [
    # "MINUTES OF THE SOULDERN PARISH COUNCIL PLANNING MEETING": planning is the meeting's business
    (f"{SPC}/spc-minutes/2018-03-22 SPC minutes.pdf", "2018-03-22", "Souldern Parish Council"),
    # "MINUTES OF THE SOULDERN ANNUAL PARISH MEETING": the meeting is the body
    (f"{SPC}/spc-minutes/2014-05-14 Annual Parish Meeting minutes.pdf", "2014-05-15", "Souldern Annual Parish Meeting"),
    # "Local Public Data Panel 19th Meeting - 21 March 2013": the meeting's number in the series
    ("uk-local-public-data-panel/Local Public Data Panel_Nineteenth Meeting 21 March 2013_Draft Planning Table.doc",
     "2013-03-21", "Local Public Data Panel"),
]


@pytest.mark.parametrize("rel, date, committee", COMMITTEES, ids=["planning-meeting", "annual-parish-meeting", "19th-meeting"])
def test_committee_without_the_words_naming_the_meeting(parsed, realworld_dir, rel, date, committee):
    ms = rows(parsed, realworld_dir, rel, "meetings")
    assert (date, committee) in [(m["meeting_date"], m["committee"]) for m in ms]


VENUES = [
    # "Call to Order: 7 p.m." / "Village of Crete Municipal Building"
    ("us-crete-township-illinois/April 10, 2023 - Board Agenda.docx", "2023-04-10", "Village of Crete Municipal Building"),
    # scanned minutes: "called to order by Supervisor ..., at the Town Hall at 7:00p.m."
    ("us-crete-township-illinois/September 2018 - Meeting Minutes.pdf", "2018-09-12", "Town Hall"),
]


@pytest.mark.parametrize("rel, date, venue", VENUES, ids=["under-time-line", "opening-sentence"])
def test_venue_under_the_time_line_or_in_the_opening_sentence(parsed, realworld_dir, rel, date, venue):
    ms = rows(parsed, realworld_dir, rel, "meetings")
    assert (date, venue) in [(m["meeting_date"], m["venue"]) for m in ms]


def test_place_and_time_under_a_kind_of_meeting_line(parsed, realworld_dir):
    # "NOVEMBER 15, 2022" / "REGULAR MEETING" / "NORWALK CITY HALL/COUNCIL CHAMBERS" / "AND VIA VIDEOCONFERENCE" / "5:45 P.M."
    ms = rows(parsed, realworld_dir, "us-california-local-agencies/norwalk_agenda_1.pdf", "meetings")
    m = next(m for m in ms if m["meeting_date"] == "2022-11-15")
    assert m["start_time"] == "17:45"
    assert m["venue"].startswith("NORWALK CITY HALL/COUNCIL CHAMBERS") and "VIDEOCONFERENCE" in m["venue"]


def test_remote_venue_after_by_on_the_date_line(parsed, realworld_dir):
    # scanned agenda: "25th March 2021 at 7.30pm by Zoom videoconference"
    ms = rows(parsed, realworld_dir, f"{SPC}/spc-agenda/2021-03-25 Agenda.pdf", "meetings")
    assert ("2021-03-25", "19:30", "Zoom videoconference") in [(m["meeting_date"], m["start_time"], m["venue"]) for m in ms]


def test_capitalised_the_kept_in_the_venue(parsed, realworld_dir):
    # "Minutes of the meeting held on the 22nd May 2012 at The Cabinet Office"
    ms = rows(parsed, realworld_dir, "uk-transparency-board/TB(17)ii Transparency Board Minutes_10.doc", "meetings")
    assert ("2012-05-22", "The Cabinet Office") in [(m["meeting_date"], m["venue"]) for m in ms]


def test_budget_paper_under_a_meeting_masthead(parsed, realworld_dir):
    # scanned: "CRETE TOWNSHIP BOARD OF TRUSTEES MEETING" / "BUDGET MEETING" / "JUNE 8, 2022" / "6:30 PM" / "AGENDA"
    # above the budget items the segmenter types the paper by
    ms = rows(parsed, realworld_dir, "us-crete-township-illinois/June 8, 2022 - Financial Report.pdf", "meetings")
    assert [(m["committee"], m["meeting_date"], m["start_time"]) for m in ms] == [
        ("Crete Township Board of Trustees", "2022-06-08", "18:30")]


def test_organisation_beside_the_date_heads_the_address(parsed, realworld_dir):
    # "Cupertino Union School District April 6, 2016" / "1309 S. Mary Avenue 7:30 a.m." / "Sunnyvale, CA 94087"
    ms = rows(parsed, realworld_dir, "us-cupertino-school-board/cupertino_usd_4-6-16.pdf", "meetings")
    assert ("2016-04-06", "Cupertino Union School District, 1309 S. Mary Avenue, Sunnyvale, CA 94087") in [
        (m["meeting_date"], m["venue"]) for m in ms]
