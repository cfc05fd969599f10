"""Minutes: the meeting they record, attendance, items, decisions and actions,
on Document objects built directly (no reader involved)."""

from __future__ import annotations

import pytest

from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.minutes import action_owners, parse_entry, segment_names, split_names
from boardpack.core.model import COVER, MINUTES, Block, Cell, Document, Paper, Row

load_all()


def para(text, kind="paragraph", page=1, bbox=None):
    return Block(kind, text=text, page=page, bbox=bbox)


def table(rows, page=1):
    return Block("table", rows=[Row([Cell(c) for c in r], page=page) for r in rows], page=page)


def run(blocks, papers_spec):
    doc = Document(path="x.docx", sha256="e" * 64, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(t, "", s, e) for t, s, e in papers_spec])
    return extract_document(ctx).rows


CDRP_MINUTES = [
    para("Agenda Item 3"),
    para("SOUTH CAMBRIDGESHIRE CRIME AND DISORDER REDUCTION PARTNERSHIP", kind="heading"),
    para("Minutes of the meeting held on Thursday, 10\nNovember 2016 at 10.00 a.m."),
    para("PRESENT: Maurice Moore – Chairman"),
    table([
        ["Members:", "PJ Adams", ""],
        ["", "Philip Aldis", "Community Safety Officer, SCDC"],
        ["", "Paul Clarke", "Cambridgeshire Fire Authority"],
    ]),
    para("Action"),
    para("1. INTRODUCTIONS AND APOLOGIES", kind="heading"),
    para("Apologies were received from Kate Calvert, David Jenkins and Leigh Roberts."),
    para("3. MINUTES OF PREVIOUS MEETING", kind="heading"),
    para("The minutes of the meeting held on 23 February 2016 were agreed as a correct record."),
    para("5. PROGRESS REPORT - PHILIP ALDIS", kind="heading"),
    para("Mark Freeman commented that an excellent data resource was emerging."),
    para("ACTION: Paul Clarke and Mark Freeman to discuss outside of the meeting"),
    para("10. STRATEGIC ASSESSMENT - MIKE HILL", kind="heading"),
    para("Mike Hill advised that the group had agreed that the assessment should include a focus on"),
    para("The T&CG had agreed that ASB would be excluded from the Strategic Assessment."),
    para("ACTION:"),
    para("Philip Aldis agreed to feedback the additional comments to Leigh Roberts."),
    para("Matt Staton to provide data to Leigh Roberts and a report to the CDRP"),
    para("11. UPDATE FROM THE STRATEGIC BOARD", kind="heading"),
    para("The Board agreed:"),
    para("To support the proposal of carrying out an assessment.", kind="list_item"),
    para("That Philip Aldis would liaise with Leigh Roberts.", kind="list_item"),
    para("Amanda Warburton agreed to liaise with Simon Kerse."),
    para("In addition it was agreed to feedback to Dr Dorothy Gregson."),
    para("13. DATE OF NEXT MEETING", kind="heading"),
    para("The Board agreed to hold its next meeting on Thursday 23 February at 10am."),
]


@pytest.fixture(scope="module")
def cdrp():
    cover = [para("15 February 2017"), para(
        "You are invited to attend the next CDRP BOARD STAKEHOLDER EVENT, which will be held in the "
        "MONKFIELD ROOM on THURSDAY, 23 FEBRUARY 2017 at 10.00 a.m.")]
    blocks = cover + CDRP_MINUTES
    return run(blocks, [(COVER, 0, 1), (MINUTES, 2, len(blocks) - 1)])


def test_minutes_record_their_own_meeting_not_the_packs(cdrp):
    meetings = {m["meeting_date"]: m for m in cdrp["meetings"]}
    assert set(meetings) == {"2017-02-23", "2016-11-10"}
    m = meetings["2016-11-10"]
    assert m["committee"] == "South Cambridgeshire Crime and Disorder Reduction Partnership"
    assert m["start_time"] == "10:00" and m["sources"] == "minutes"
    assert {a["meeting_id"] for a in cdrp["attendance"]} == {m["meeting_id"]}
    assert {a["meeting_date"] for a in cdrp["attendance"]} == {"2016-11-10"}


def test_attendance_table_prose_and_chair(cdrp):
    got = {(a["person"], a["attendance"], a["role"]) for a in cdrp["attendance"]}
    assert got == {
        ("Maurice Moore", "chair", "Chairman"),
        ("PJ Adams", "present", None),
        ("Philip Aldis", "present", "Community Safety Officer, SCDC"),
        ("Paul Clarke", "present", "Cambridgeshire Fire Authority"),
        ("Kate Calvert", "apologies", None),
        ("David Jenkins", "apologies", None),
        ("Leigh Roberts", "apologies", None),
    }


def test_minute_items(cdrp):
    assert [(i["item_number"], i["title"]) for i in cdrp["minute_items"]][:3] == [
        ("1", "INTRODUCTIONS AND APOLOGIES"), ("3", "MINUTES OF PREVIOUS MEETING"), ("5", "PROGRESS REPORT - PHILIP ALDIS")]


def test_actions_with_owners(cdrp):
    got = [(a["item_number"], a["owners"], a["action_text"]) for a in cdrp["minute_actions"]]
    assert got == [
        ("5", "Paul Clarke; Mark Freeman", "Paul Clarke and Mark Freeman to discuss outside of the meeting"),
        ("10", "Philip Aldis", "Philip Aldis agreed to feedback the additional comments to Leigh Roberts."),
        ("10", "Matt Staton", "Matt Staton to provide data to Leigh Roberts and a report to the CDRP"),
    ]


def test_decisions(cdrp):
    got = [(d["item_number"], d["decision_text"]) for d in cdrp["decisions"]]
    assert got == [
        ("3", "The minutes of the meeting held on 23 February 2016 were agreed as a correct record."),
        ("10", "The T&CG had agreed that ASB would be excluded from the Strategic Assessment."),
        ("11", "To support the proposal of carrying out an assessment."),
        ("11", "That Philip Aldis would liaise with Leigh Roberts."),
        ("13", "The Board agreed to hold its next meeting on Thursday 23 February at 10am."),
    ]


def test_kent_style_comma_lists_with_honours():
    blocks = [
        para("CABINET", kind="heading"),
        para("MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, County Hall, "
             "Maidstone on Thursday, 9 January 2025."),
        para("PRESENT: Mr R W Gough (Chairman), Mr N Baker, Mr R C Love, OBE, Sir Paul Carter, CBE, Mr D Watkins and\nMr R J Thomas"),
        para("IN ATTENDANCE: Dr A Ghosh (Director of Public Health), Mr D Shipton (Head of Finance Policy, Planning and Strategy) and Mrs A Beer (Chief\nExecutive)"),
        para("UNRESTRICTED ITEMS", kind="heading"),
        para("76. Apologies", kind="heading"),
        para("(Item 1)"),
        para("The Democratic Services Manager reported apologies from Mr Paul Barrington-\nKing, Mrs Trudy Dean, MBE and Mr Mike Sole."),
        para("78. Minutes of the Meeting held on 28 November 2024", kind="heading"),
        para("RESOLVED that the minutes of the meeting on 28 November 2024 were a correct\nrecord and that they be signed by the Chair"),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["committee"], m["meeting_date"], m["venue"]) == (
        "Cabinet", "2025-01-09", "Council Chamber, Sessions House, County Hall, Maidstone")
    got = {(a["person"], a["attendance"]) for a in rows["attendance"]}
    assert got == {
        ("Mr R W Gough", "chair"), ("Mr N Baker", "present"), ("Mr R C Love, OBE", "present"),
        ("Sir Paul Carter, CBE", "present"), ("Mr D Watkins", "present"), ("Mr R J Thomas", "present"),
        ("Dr A Ghosh", "in attendance"), ("Mr D Shipton", "in attendance"), ("Mrs A Beer", "in attendance"),
        ("Mr Paul Barrington-King", "apologies"), ("Mrs Trudy Dean, MBE", "apologies"), ("Mr Mike Sole", "apologies"),
    }
    roles = {a["person"]: a["role"] for a in rows["attendance"]}
    assert roles["Mr D Shipton"] == "Head of Finance Policy, Planning and Strategy"
    assert roles["Mrs A Beer"] == "Chief Executive"
    (d,) = rows["decisions"]
    assert d["item_number"] == "78"
    assert d["decision_text"] == ("RESOLVED that the minutes of the meeting on 28 November 2024 were a correct record "
                                  "and that they be signed by the Chair")


def test_parish_side_by_side_columns_table_and_virtual_attendance():
    blocks = [
        para("MINUTES OF THE SOULDERN PARISH COUNCIL MEETING\nHELD IN THE VILLAGE HALL", kind="heading"),
        para("ON 28th JUNE 2012", kind="heading"),
        table([
            ["Present:", "Also in attendance"],
            ["Mr A Martin (Chairman)", "Clr Ray Jelf (OCC)"],
            ["Mrs S Barrett", "Mr & Mrs D Blunt (part of the meeting)"],
            ["Mrs B McGarry (Clerk)", "Apologies:"],
            ["Mrs J Martin (RFO)", "Clr JJ Macnamara (CDC)"],
        ]),
        para("In attendance virtually: Cllr Eddie Reeves"),
        para("1 Minutes of previous meeting", kind="heading"),
        para("The minutes were approved and signed."),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["committee"], m["meeting_date"]) == ("Souldern Parish Council", "2012-06-28")
    got = {(a["person"], a["attendance"], a["role"]) for a in rows["attendance"]}
    assert got == {
        ("Mr A Martin", "chair", "Chairman"), ("Mrs S Barrett", "present", None), ("Mrs B McGarry", "in attendance", "Clerk"),
        ("Mrs J Martin", "in attendance", "RFO"), ("Clr Ray Jelf", "in attendance", "OCC"),
        ("Mr & Mrs D Blunt", "in attendance", None), ("Clr JJ Macnamara", "apologies", "CDC"),
        ("Cllr Eddie Reeves", "in attendance", None),
    }


def test_parish_text_columns_by_order_and_position():
    header = para("Present: Also in attendance: Apologies", bbox=(128, 100, 500, 110))
    blocks = [
        para("MINUTES OF THE SOULDERN PARISH COUNCIL MEETING HELD IN THE VILLAGE HALL ON 17th MARCH 2016", kind="heading"),
        header,
        para("K Draper (KD - Chair) R Summers N Oakhill\nB May (BM) B Wright", bbox=(90, 112, 480, 140)),
        para("T Noble", bbox=(292, 142, 330, 150)),
        para("1. Minutes:", kind="list_item"),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    got = {(a["person"], a["attendance"]) for a in rows["attendance"]}
    assert got == {("K Draper", "chair"), ("R Summers", "in attendance"), ("N Oakhill", "apologies"),
                   ("B May", "present"), ("B Wright", "in attendance"), ("T Noble", "in attendance")}


def test_action_column_table():
    blocks = [
        para("MINUTES OF THE SOULDERN PARISH COUNCIL MEETING HELD IN THE VILLAGE HALL ON 30th November 2023"),
        para("Present:\nAlan Smith (AS) CHAIR\nCathy Fleet (CF) CLERK"),
        para("11.23.01 Apologies"),
        para("Apologies had been received from Nick Oakhill , Cllr Eddie Reeves"),
        para("11.23.05 Clerks Report and Actions from previous meeting"),
        table([
            ["No", "Action", "Owner", "Update"],
            ["Oct23.02", "NS to contact Gallaghers regarding insurance", "NS", "Agenda item"],
            ["Oct23.04", "Clerk to chase emptying of dog bin", "CF", "Completed"],
        ]),
        table([["Total £s", "Detail"], ["126.29", "Clerk Salary"]]),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    assert [(a["owners"], a["action_text"], a["item_number"]) for a in rows["minute_actions"]] == [
        ("NS", "NS to contact Gallaghers regarding insurance", "11.23.05"),
        ("CF", "Clerk to chase emptying of dog bin", "11.23.05"),
    ]
    got = {(a["person"], a["attendance"], a["role"]) for a in rows["attendance"]}
    assert got == {("Alan Smith", "chair", "Chair"), ("Cathy Fleet", "in attendance", "Clerk"),
                   ("Nick Oakhill", "apologies", None), ("Cllr Eddie Reeves", "apologies", None)}


@pytest.mark.parametrize(
    "text, owners",
    [
        ("Paul Clarke and Mark Freeman to discuss outside of the meeting", ["Paul Clarke", "Mark Freeman"]),
        ("NO/AS to organise a working party", ["NO", "AS"]),
        ("Cllr Ben Shelton will report back", ["Cllr Ben Shelton"]),
        ("The Board agreed to hold its next meeting", []),
        ("It was agreed to feed back", []),
    ],
)
def test_action_owners(text, owners):
    assert action_owners(text) == owners


def test_split_names_keeps_honours_and_bracketed_commas():
    assert split_names("Mr B Watts (General Counsel, Legal), Mr R C Love, OBE and Ms L Wright.") == [
        "Mr B Watts (General Counsel, Legal)", "Mr R C Love, OBE", "Ms L Wright"]


@pytest.mark.parametrize(
    "entry, expected",
    [
        ("Mr B J Sweetland (Chairman)", ("Mr B J Sweetland", "Chairman", True)),
        ("Mr A M Ridgers (Vice-Chairman)", ("Mr A M Ridgers", "Vice-Chairman", False)),
        ("Katy Draper (KD)[acting Chair]", ("Katy Draper", "acting Chair", True)),
        ("N Robertson (NR - RFO)", ("N Robertson", "RFO", False)),
        ("Nick Oakhill (NO) CHAIR", ("Nick Oakhill", "Chair", True)),
        ("There were 3 members of the public present", (None, None, False)),
    ],
)
def test_parse_entry(entry, expected):
    assert parse_entry(entry) == expected


def test_segment_names():
    assert segment_names("Mr A Martin (Chairman) Mr C Lester") == ["Mr A Martin (Chairman)", "Mr C Lester"]
    assert segment_names("K Allpress (KA) D Summers Cllr Fatemian") == ["K Allpress (KA)", "D Summers", "Cllr Fatemian"]


def test_other_council_conventions():
    """ModernGov-style minutes elsewhere: slash minute numbers, "Resolved:" in title case,
    "Councillors A, B" lists, owner-only ACTION lines."""
    blocks = [
        para("Minutes of a meeting of the Licensing Committee held at the Guildhall on 5 June 2019 at 2.30pm"),
        para("Present: Councillor J Smith (Chair); Councillors A Brown, C Davis and E Frank"),
        para("Officers: P Jones (Legal Adviser)"),
        para("12/19 Apologies", kind="heading"),
        para("Apologies for absence were received from Councillor G Hill."),
        para("13/19 Licensing Policy Review", kind="heading"),
        para("Members discussed the draft policy and asked for a consultation plan."),
        para("ACTION: PJ"),
        para("Resolved: That the draft policy be approved for consultation."),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"], m["venue"]) == (
        "Licensing Committee", "2019-06-05", "14:30", "Guildhall")
    got = {(a["person"], a["attendance"]) for a in rows["attendance"]}
    assert got == {("Councillor J Smith", "chair"), ("Councillor A Brown", "present"), ("C Davis", "present"),
                   ("E Frank", "present"), ("P Jones", "in attendance"), ("Councillor G Hill", "apologies")}
    assert [i["item_number"] for i in rows["minute_items"]] == ["12/19", "13/19"]
    (a,) = rows["minute_actions"]
    assert (a["owners"], a["action_text"], a["item_number"]) == (
        "PJ", "Members discussed the draft policy and asked for a consultation plan.", "13/19")
    (d,) = rows["decisions"]
    assert (d["item_number"], d["decision_text"]) == ("13/19", "Resolved: That the draft policy be approved for consultation.")


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from([
    "PRESENT:", "Apologies", "from", "Mr", "A", "Smith", "(Chairman),", "and", "RESOLVED", "that", "ACTION:",
    "1.", "2.", "(a)", "Minutes", "of", "the", "meeting", "held", "on", "3", "May", "2011", "at", "10.00",
    "a.m.", "Agenda", "Item", "In", "attendance:", "-", "OBE,", "Cllr", "Jones", "to", "report", "\n", ":", "|",
])
_TEXT = st.lists(_WORDS, min_size=0, max_size=25).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["paragraph", "heading", "list_item", "table"]), _TEXT, _TEXT), min_size=1, max_size=12))
def test_extractors_never_raise_on_arbitrary_blocks(spec):
    blocks = []
    for kind, a, b in spec:
        if kind == "table":
            blocks.append(table([[a, b], [b, a, ""]]))
        else:
            blocks.append(para(a or "x", kind=kind))
    from boardpack.extractors.agenda import AgendaExtractor
    from boardpack.extractors.meetings import MeetingExtractor
    from boardpack.extractors.minutes import MinutesExtractor

    doc = Document(path="x.pdf", sha256="d" * 64, format="pdf", blocks=blocks)
    doc.renumber()
    for ptype in (MINUTES, COVER, "agenda"):
        paper = Paper(ptype, "", 0, len(blocks) - 1)
        ctx = ExtractContext(doc, [paper])
        rows = {}
        for ex in (MeetingExtractor(), AgendaExtractor(), MinutesExtractor()):
            for t, rs in ex.extract(paper, ctx).rows.items():
                rows.setdefault(t, []).extend(rs)
        for r in rows.get("attendance", []):
            assert r["attendance"] in ("present", "in attendance", "apologies", "chair")
            assert r["person"]


def test_notes_of_meeting_and_chair_in_role_column():
    blocks = [
        para("Notes of the meeting of the Safer Communities Board held on 6th April 2011 at 2pm at Ely Library"),
        table([["Present:", "Sarah Green", "Chair"], ["", "Tom Black", "Police"], ["Apologies:", "Ann White", ""]]),
        para("1. Welcome", kind="heading"),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"], m["venue"]) == (
        "Safer Communities Board", "2011-04-06", "14:00", "Ely Library")
    got = {(a["person"], a["attendance"], a["role"]) for a in rows["attendance"]}
    assert got == {("Sarah Green", "chair", "Chair"), ("Tom Black", "present", "Police"), ("Ann White", "apologies", None)}


def test_attendance_table_with_header_row():
    blocks = [
        para("Minutes of the meeting of the Community Safety Partnership held on 14:00 on 2 May 2013"),
        para("PRESENT:"),
        table([["Name", "Organisation"], ["Jo Bloggs", "Fire and Rescue Service"], ["Sam Smith (Chair)", "District Council"]]),
        para("APOLOGIES:"),
        para("None"),
        para("1. Introductions", kind="heading"),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    got = {(a["person"], a["attendance"], a["role"]) for a in rows["attendance"]}
    assert got == {("Jo Bloggs", "present", "Fire and Rescue Service"), ("Sam Smith", "chair", "Chair")}


def test_action_owner_at_end_of_paragraph():
    blocks = [
        para("Minutes of the meeting of the Safer Neighbourhoods Board held on 2 May 2013"),
        para("PRESENT: Jo Bloggs"),
        para("1. Graffiti", kind="heading"),
        para("Neil Weston would ask the contractor for removal times by June. ACTION: NW"),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    (a,) = rows["minute_actions"]
    assert (a["owners"], a["action_text"]) == ("NW", "Neil Weston would ask the contractor for removal times by June.")


def test_column_header_cells_carrying_names():
    blocks = [
        para("MINUTES OF SOULDERN ANNUAL PARISH MEETING\nHELD IN THE VILLAGE HALL\nON 15th MAY 2014", kind="heading"),
        table([
            ["Present:", "Also in attendance:\nMrs A Prescott\nMr P Prescott"],
            ["Mr A Martin (Chairman)", "Mr C Lester"],
            ["Mr N Oakhill\nMrs B McGarry (Clerk)", "Mrs D Gray"],
            ["", "Apologies:"],
            ["", "K Draper"],
            ["Prop: C Rothero, 2nd: J Martin", ""],
        ]),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    assert rows["meetings"][0]["meeting_date"] == "2014-05-15"
    got = {(a["person"], a["attendance"]) for a in rows["attendance"]}
    assert got == {("Mrs A Prescott", "in attendance"), ("Mr P Prescott", "in attendance"), ("Mr A Martin", "chair"),
                   ("Mr C Lester", "in attendance"), ("Mr N Oakhill", "present"), ("Mrs B McGarry", "in attendance"),
                   ("Mrs D Gray", "in attendance"), ("K Draper", "apologies")}


def test_councillors_by_surname_and_substitutes():
    blocks = [
        para("Minutes of the meeting of the Overview and Scrutiny Committee held on 1st of October 2014 at 6.30pm"),
        para("Present: Councillors Smith (Chair), Jones (Vice-Chair), Brown and Green"),
        para("Substitutes: Cllr Patel for Cllr White"),
        para("Also Present: Cllr Black (Portfolio Holder)"),
        para("1. Apologies", kind="heading"),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    assert rows["meetings"][0]["meeting_date"] == "2014-10-01"
    got = {(a["person"], a["attendance"], a["role"]) for a in rows["attendance"]}
    assert got == {("Councillor Smith", "chair", "Chair"), ("Jones", "present", "Vice-Chair"), ("Brown", "present", None),
                   ("Green", "present", None), ("Cllr Patel", "present", None),
                   ("Cllr Black", "in attendance", "Portfolio Holder")}


def test_couples_stay_one_entry():
    assert split_names("David & Joanna Carlisle, Mr & Mrs D Blunt, Mr A Smith & Ms B Jones") == [
        "David & Joanna Carlisle", "Mr & Mrs D Blunt", "Mr A Smith", "Ms B Jones"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MINUTES OF THE SOULDERN PARISH COUNCIL MEETING\nHELD BY ZOOM VIDEOCONFERENCE\nON 25TH March 2021",
         ("Souldern Parish Council", "2021-03-25", "ZOOM VIDEOCONFERENCE", None)),
        ("Minutes of a meeting of the Cabinet held in the Council Chamber on Thursday, 9 January 2025.",
         ("Cabinet", "2025-01-09", "Council Chamber", None)),
        ("Minutes of the meeting held on Thursday, 10 November 2016 at 10.00 a.m.", (None, "2016-11-10", None, "10:00")),
        ("Minutes of the meeting held on MS Teams on 3 June 2021 at 7pm", (None, "2021-06-03", "MS Teams", "19:00")),
        ("MINUTES OF SOULDERN ANNUAL PARISH MEETING HELD IN THE VILLAGE HALL ON 15th MAY 2014",
         ("Souldern Annual Parish Meeting", "2014-05-15", "VILLAGE HALL", None)),  # the annual parish meeting is itself the body
    ],
)
def test_minutes_header(text, expected):
    from boardpack.extractors.meeting_cues import minutes_header

    i = minutes_header(text)
    assert (i.committee, i.meeting_date, i.venue, i.start_time) == expected


def test_numbered_action_cue_with_initials_in_brackets():
    blocks = [
        para("Minutes of the Transparency Panel meeting held on 14 October 2013"),
        para("1. Welcome", kind="heading"),
        para("1.2 It was agreed that future meetings should be quarterly."),
        para("ACTION 1: Clara Smit (CS) to circulate potential meeting dates."),
        para("ACTION 2: JG/ Jo Mays (JM) to facilitate a meeting with suppliers."),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    got = [(a["action_text"], a["owners"]) for a in rows["minute_actions"]]
    assert got == [("Clara Smit (CS) to circulate potential meeting dates.", "Clara Smit"),
                   ("JG/ Jo Mays (JM) to facilitate a meeting with suppliers.", "JG; Jo Mays")]


def test_action_cell_with_one_owner_per_line_is_several_actions():
    blocks = [
        para("Minutes of the Parish Council meeting held on 22 March 2018"),
        table([["Ref", "Action", "Status", "Owner"],
               ["01.18.07", "ACTION: NO to arrange for the fallen tree to be removed\nKD to chase OCC regarding road markings",
                "completed", "NO\nKD"]]),
    ]
    rows = run(blocks, [(MINUTES, 0, len(blocks) - 1)])
    got = [(a["action_text"], a["owners"]) for a in rows["minute_actions"]]
    assert got == [("NO to arrange for the fallen tree to be removed", "NO"),
                   ("KD to chase OCC regarding road markings", "KD")]
