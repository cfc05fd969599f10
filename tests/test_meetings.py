"""Meetings and agenda items from summonses, agenda tables and front sheets,
on Document objects built directly (no reader involved)."""

from __future__ import annotations

import json

import pytest

from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.agenda import normalise_number, split_presenter
from boardpack.extractors.meeting_cues import committee_key, meeting_id, tidy_committee
from boardpack.core.model import AGENDA, COVER, Block, Cell, Document, Paper, Row

load_all()


def para(text, kind="paragraph", page=1, **kw):
    return Block(kind, text=text, page=page, **kw)


def table(rows, page=1):
    return Block("table", rows=[Row([Cell(c) for c in r], page=page) for r in rows], page=page)


def run(blocks, papers_spec):
    doc = Document(path="x.docx", sha256="f" * 64, format="docx", blocks=blocks)
    doc.renumber()
    papers = [Paper(t, "", s, e) for t, s, e in papers_spec]
    ctx = ExtractContext(doc, papers)
    return extract_document(ctx).rows, ctx


SUMMONS = [
    para("15 February 2017"),
    para("To: Chairman – Maurice Moore\nPhilip Aldis, Gemma Barron, Mick Birchall and Susie Talbot"),
    para("Dear Sir / Madam"),
    para(
        "You are invited to attend the next CDRP BOARD STAKEHOLDER EVENT, which will be held in the "
        "MONKFIELD ROOM, FIRST FLOOR at South Cambridgeshire Hall, Cambourne, Cambridge, CB23 6EA on "
        "THURSDAY, 23 FEBRUARY 2017 at 10.00 a.m."
    ),
    para("Yours faithfully"),
    para("PATRICK ADAMS", kind="heading"),
    para("Democratic Services Officer, CDRP Board Stakeholder Event"),
]
AGENDA_TABLE = table([
    ["AGENDA", "", "PAGES"],
    ["1.", "Introductions and Apologies", ""],
    ["3.", "Minutes of Previous Meeting", "1 - 6"],
    ["", "LOOKING BACK", ""],
    ["4 (a)", "Update from CDRP T&CG - Mike Hill", ""],
    ["4 (b)", "2016-17 Action Plan and Funding Update - Philip Aldis", "7 - 14"],
    ["", "LOOKING AHEAD", ""],
    ["5 (a)", "Strategic Assessment - Leigh Roberts", ""],
    ["", "(i) Presentation and Discussion", ""],
    ["", "(ii) Agree content and publication", ""],
    ["5 (b)", "Agree CDRP Priorities for April 2017 to March 2018 - All", ""],
    ["6.", "Delegate County Community Safety Agreement Response to T&CG", "55 - 70"],
])


def test_summons_meeting_fields():
    rows, ctx = run(SUMMONS + [AGENDA_TABLE], [(COVER, 0, 6), (AGENDA, 7, 7)])
    (m,) = rows["meetings"]
    assert m["committee"] == "CDRP Board Stakeholder Event"
    assert m["committee_raw"] == "CDRP BOARD STAKEHOLDER EVENT"
    assert (m["meeting_date"], m["meeting_date_raw"]) == ("2017-02-23", "THURSDAY, 23 FEBRUARY 2017")
    assert (m["start_time"], m["start_time_raw"]) == ("10:00", "10.00 a.m.")
    assert m["venue"].startswith("MONKFIELD ROOM, FIRST FLOOR at South Cambridgeshire Hall")
    assert m["venue"].endswith("CB23 6EA")
    assert m["date_of_issue"] == "2017-02-15"
    assert m["contact_officer"] == "Patrick Adams"
    assert json.loads(m["addressees"]) == ["Maurice Moore", "Philip Aldis", "Gemma Barron", "Mick Birchall", "Susie Talbot"]
    assert m["meeting_id"] == meeting_id("CDRP Board Stakeholder Event", "2017-02-23")
    assert m["page"] == 1 and m["block_index"] == 3


def test_agenda_table_items_belong_to_the_pack_meeting():
    rows, ctx = run(SUMMONS + [AGENDA_TABLE], [(COVER, 0, 6), (AGENDA, 7, 7)])
    items = rows["agenda_items"]
    by = {i["item_number"]: i for i in items}
    assert [i["item_number"] for i in items] == ["1", "3", "4a", "4b", "5a", "5b", "6"]
    assert by["4a"]["title"] == "Update from CDRP T&CG" and by["4a"]["presenter"] == "Mike Hill"
    assert by["4a"]["group_heading"] == "LOOKING BACK"
    assert by["4b"]["pages"] == "7-14" and by["4b"]["pages_raw"] == "7 - 14"
    assert by["5a"]["notes"] == "(i) Presentation and Discussion\n(ii) Agree content and publication"
    assert by["5a"]["group_heading"] == "LOOKING AHEAD"
    assert by["5b"]["presenter"] == "All"
    assert by["6"]["presenter"] is None and by["6"]["pages"] == "55-70"
    mid = rows["meetings"][0]["meeting_id"]
    assert {i["meeting_id"] for i in items} == {mid}


def test_agenda_from_numbered_paragraphs_front_sheet():
    blocks = [
        para("AGENDA", kind="heading"),
        para("CABINET", kind="heading"),
        para("Thursday, 30th January, 2025, at 10.00 am Ask for: Georgina Little\nCouncil Chamber, Sessions House, Telephone: 03000 414043\nCounty Hall, Maidstone Email: someone@kent.gov.uk", kind="heading"),
        para("UNRESTRICTED ITEMS", kind="heading"),
        para("1. Apologies", kind="list_item"),
        para("3. Minutes of the Meeting held on 9th January 2025 (Pages 1 - 10)", kind="list_item"),
        para("5. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25\n(Pages 11 - 84)", kind="list_item"),
        para("9. 24/00096 - Commissioning Plan for Education Provision in Kent 2025-29 (Pages\n461 - 610)", kind="list_item"),
        para("EXEMPT ITEMS", kind="heading"),
        para("Benjamin Watts\nGeneral Counsel\n03000 416814", page=2),
        para("Wednesday, 22 January 2025", page=2),
    ]
    rows, _ = run(blocks, [(AGENDA, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"]) == ("Cabinet", "2025-01-30", "10:00")
    assert m["venue"] == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert m["date_of_issue"] == "2025-01-22"
    assert m["contact_officer"] == "Georgina Little"
    items = {i["item_number"]: i for i in rows["agenda_items"]}
    assert list(items) == ["1", "3", "5", "9"]
    assert items["3"]["title"] == "Minutes of the Meeting held on 9th January 2025" and items["3"]["pages"] == "1-10"
    assert items["5"]["pages"] == "11-84"
    assert items["9"]["title"] == "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"
    assert items["9"]["pages"] == "461-610"
    assert items["1"]["group_heading"] == "UNRESTRICTED ITEMS"


def test_parish_summons_evening_time_and_venue():
    blocks = [
        para("Souldern Parish Council", kind="heading"),
        para("You are summoned to the Souldern Parish Council Meeting to take place on Thursday 17th march 2016 7:30 in the Village Hall"),
        para("AGENDA", kind="heading"),
        para("1. Minutes of the Souldern Parish Council Meeting held on 21st January 2016.", kind="list_item"),
        para("2. Matters Arising & Updates", kind="list_item"),
        para("5. Update if required from\na. Playground Advisory Group\nb. Nancy Bowles Wood", kind="list_item"),
    ]
    rows, _ = run(blocks, [(AGENDA, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"], m["venue"]) == (
        "Souldern Parish Council", "2016-03-17", "19:30", "Village Hall")
    nums = [i["item_number"] for i in rows["agenda_items"]]
    assert nums == ["1", "2", "5", "5a", "5b"]
    assert rows["agenda_items"][3]["parent_number"] == "5"


def test_summons_and_agenda_in_one_paper_do_not_duplicate():
    rows, _ = run(SUMMONS + [AGENDA_TABLE], [(COVER, 0, 7)])
    assert len(rows["meetings"]) == 1
    assert len(rows["agenda_items"]) == 7


def test_boilerplate_blocks_are_skipped():
    b = para("9. Guidance notes for visitors to the hall", kind="list_item")
    b.flags.append("boilerplate")
    rows, _ = run(SUMMONS + [AGENDA_TABLE, b], [(COVER, 0, 6), (AGENDA, 7, 8)])
    assert "9" not in {i["item_number"] for i in rows["agenda_items"]}


@pytest.mark.parametrize("num, sub, out", [("4", "(a)", "4a"), ("6", "a)", "6a"), ("5", None, "5"), ("05", "( C )", "5c")])
def test_normalise_number(num, sub, out):
    assert normalise_number(num, sub) == out


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Update from CDRP T&CG - Mike Hill", ("Update from CDRP T&CG", "Mike Hill")),
        ("24/00108 - Revenue and Capital Budget Monitoring Report - November 2024-25", None),
        ("Declarations of Interest - to receive any declarations", None),
        ("STRATEGIC ASSESSMENT - MIKE HILL", ("STRATEGIC ASSESSMENT", "MIKE HILL")),
        ("CDRP performance report (Cllr John Reynolds - Chairman / Neil Weston)", ("CDRP performance report", "Cllr John Reynolds - Chairman / Neil Weston")),
        ("Capital Programme 2025-35 (including Council Tax Setting 2025/26)", None),
    ],
)
def test_split_presenter(title, expected):
    t, p = split_presenter(title)
    if expected is None:
        assert (t, p) == (title, None)
    else:
        assert (t, p) == expected


def test_meeting_identity_is_shared_across_spellings():
    assert committee_key("SOUTH CAMBRIDGESHIRE CRIME AND DISORDER REDUCTION PARTNERSHIP") == committee_key(
        "South Cambridgeshire Crime & Disorder Reduction Partnership")
    assert meeting_id("Budget County Council", "2025-02-13") == meeting_id("the County Council", "2025-02-13")
    assert meeting_id("South Cambs CDRP", "2009-07-27") == meeting_id(
        "SOUTH CAMBRIDGESHIRE CRIME AND DISORDER REDUCTION PARTNERSHIP", "2009-07-27")
    assert meeting_id("Cabinet", "2025-02-13") != meeting_id("County Council", "2025-02-13")
    assert meeting_id("Cabinet", None) is None


def test_tidy_committee_keeps_acronyms():
    assert tidy_committee("CDRP BOARD STAKEHOLDER EVENT") == "CDRP Board Stakeholder Event"
    assert tidy_committee("SOUTH CAMBRIDGESHIRE CRIME AND DISORDER REDUCTION PARTNERSHIP ") == (
        "South Cambridgeshire Crime and Disorder Reduction Partnership")
    assert tidy_committee("the Cabinet") == "Cabinet"


def test_labelled_front_sheet_fields():
    blocks = [
        para("Notice of a meeting of the Planning Committee to be held on Tuesday 3rd March 2020 at 7pm"),
        table([["Date:", "Tuesday, 3 March 2020"], ["Time:", "7.00 pm"], ["Venue:", "Council Chamber, Civic Offices, Tel: 01234 567890"]]),
        para("Date of Publication: 24 February 2020"),
        para("AGENDA", kind="heading"),
        para("1. Apologies for absence", kind="list_item"),
        para("2. Minutes", kind="list_item"),
    ]
    rows, _ = run(blocks, [(AGENDA, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["committee"], m["meeting_date"], m["start_time"], m["venue"]) == (
        "Planning Committee", "2020-03-03", "19:00", "Council Chamber, Civic Offices")
    assert m["date_of_issue"] == "2020-02-24"
    assert [i["item_number"] for i in rows["agenda_items"]] == ["1", "2"]


def test_agenda_table_with_presenter_and_time_columns():
    blocks = [
        para("AGENDA", kind="heading"),
        table([
            ["Item", "Subject", "Presenter", "Time"],
            ["1", "Welcome and apologies", "Chair", "10:00"],
            ["2", "Community safety plan", "Jane Doe", "10:10"],
            ["12", "Stray row number far out of sequence", "", ""],
            ["3", "Any other business", "", "11:00"],
        ]),
    ]
    rows, _ = run(blocks, [(AGENDA, 0, 1)])
    got = [(i["item_number"], i["title"], i["presenter"]) for i in rows["agenda_items"]]
    assert got == [("1", "Welcome and apologies", "Chair"), ("2", "Community safety plan", "Jane Doe"),
                   ("3", "Any other business", None)]


def test_meeting_date_is_not_the_letter_date():
    blocks = [
        para("12 March 2012"),
        para("Dear Member"),
        para("The Community Safety Board will meet on Monday 19 March 2012 at 2.00 p.m. in the Council Chamber."),
        para("AGENDA", kind="heading"),
        para("1. Apologies", kind="list_item"),
    ]
    rows, _ = run(blocks, [(COVER, 0, len(blocks) - 1)])
    (m,) = rows["meetings"]
    assert (m["meeting_date"], m["start_time"], m["date_of_issue"], m["venue"]) == (
        "2012-03-19", "14:00", "2012-03-12", "Council Chamber")
    assert m["committee"] == "Community Safety Board"


def test_agenda_lines_lettered_sub_items_and_item_prefix():
    blocks = [
        para("AGENDA", kind="heading"),
        para("5. Reports", kind="list_item"),
        para("6. a) Budget update - Jane Smith", kind="list_item"),
        para("b) Risk register (Pages 3 - 9)", kind="list_item"),
        para("(i) Appendix A", kind="list_item"),
        para("7 Any other business", kind="list_item"),
        para("Item 8: Date of next meeting", kind="list_item"),
        para("10:00 Coffee"),
    ]
    rows, _ = run(blocks, [(AGENDA, 0, len(blocks) - 1)])
    got = [(i["item_number"], i["title"], i["presenter"], i["pages"]) for i in rows["agenda_items"]]
    assert got == [("5", "Reports", None, None), ("6a", "Budget update", "Jane Smith", None),
                   ("6b", "Risk register", None, "3-9"), ("7", "Any other business", None, None),
                   ("8", "Date of next meeting", None, None)]
    assert rows["agenda_items"][2]["notes"] == "(i) Appendix A"


# ---------------------------------------------------------------------------
# the query contract, end to end through the store

#: the columns as first documented, then what later migrations appended: provenance
#: (0010: page on v_meetings, source_path, source_url) and people (0012: person_id)
PROVENANCE = ["source_path", "source_url"]
VIEW_COLUMNS = {
    "v_meetings": ["meeting_id", "committee", "meeting_date", "start_time", "venue", "source_file", "page", *PROVENANCE],
    "v_agenda_items": ["meeting_id", "item_number", "title", "presenter", "pages", "source_file", "page", *PROVENANCE],
    "v_attendance": ["meeting_id", "meeting_date", "person", "role", "attendance", "source_file", "page", *PROVENANCE,
                     "person_id"],
    "v_minute_actions": ["meeting_id", "meeting_date", "owners", "action_text", "source_file", "page", *PROVENANCE,
                         "person_id"],
    "v_decisions": ["meeting_id", "meeting_date", "item_number", "decision_text", "source_file", "page", *PROVENANCE],
}


@pytest.fixture(scope="module")
def pack2017_db(tmp_path_factory, corpus_dir):
    src = corpus_dir / "docx" / "cdrp-2017-02-23.docx"
    if not src.exists():
        pytest.skip("corpus sample cdrp-2017-02-23.docx not generated")
    from boardpack.batch import ingest_paths
    from boardpack.store.database import Store

    db = tmp_path_factory.mktemp("meetings") / "t.db"
    summary = ingest_paths([src], db_path=db, workers=1, link=False)
    assert not summary.failed
    with Store.open(db) as store:
        yield store


@pytest.mark.parametrize("view", sorted(VIEW_COLUMNS))
def test_view_columns_are_the_contract(pack2017_db, view):
    cols, _ = pack2017_db.query(f"SELECT * FROM {view} LIMIT 0")
    assert cols == VIEW_COLUMNS[view]


def test_views_through_the_store(pack2017_db):
    q = pack2017_db.query
    _, ms = q("SELECT meeting_id, committee, meeting_date, start_time, source_file FROM v_meetings ORDER BY meeting_date")
    assert [(m[2], m[3], m[4]) for m in ms] == [("2016-11-10", "10:00", "cdrp-2017-02-23.docx"),
                                                ("2017-02-23", "10:00", "cdrp-2017-02-23.docx")]
    minutes_id, pack_id = ms[0][0], ms[1][0]
    _, items = q("SELECT DISTINCT meeting_id FROM v_agenda_items")
    assert items == [(pack_id,)]
    _, att = q("SELECT DISTINCT meeting_id, meeting_date FROM v_attendance")
    assert att == [(minutes_id, "2016-11-10")]
    _, chair = q("SELECT person, role FROM v_attendance WHERE attendance = 'chair'")
    assert chair == [("Maurice Moore", "Chairman")]
    _, acts = q("SELECT owners FROM v_minute_actions ORDER BY page, owners")
    assert ("Paul Clarke; Mark Freeman",) in acts
    _, n = q("SELECT count(*) FROM v_decisions WHERE meeting_id = ?", [minutes_id])
    assert n[0][0] >= 10


def test_pdf_agenda_table_with_ranges_in_text_cells():
    """pdfplumber-style rows: the page range run into the title cell, or sharing a cell
    with the title's wrapped last word ("table-split-title-and-pages")."""
    blocks = [table([
        ["AGENDA", "", "PAGES"],
        ["4.", "Rolling Plan 2009-2012: Q2 2009-10 monitoring - Neil Weston 1 - 24"],
        ["6.", "Delegate County Community Safety Agreement Response to", "T&CG 55 - 70"],
        ["7.", "Budget 2024-25 and Plan 2025 - 2030"],
    ])]
    rows, _ = run(blocks, [(AGENDA, 0, 0)])
    got = [(i["item_number"], i["title"], i["presenter"], i["pages"]) for i in rows["agenda_items"]]
    assert got == [
        ("4", "Rolling Plan 2009-2012: Q2 2009-10 monitoring", "Neil Weston", "1-24"),
        ("6", "Delegate County Community Safety Agreement Response to T&CG", None, "55-70"),
        ("7", "Budget 2024-25 and Plan 2025 - 2030", None, None),
    ]
