"""Segmentation: papers, their types and page ranges, and boilerplate flags.

Unit tests build :class:`Document` objects directly; integration tests read
the generated corpus (``corpus/``) and the real council PDFs in
``../shared/realworld/`` through the real readers (skipped when absent).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import realworld_files
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from boardpack.core.settings import DEFAULT
from boardpack.ingest import boilerplate
from boardpack.ingest.mark import mark_document
from boardpack.ingest.segment import block_hits, table_hits
from boardpack.ingest.segment import segment as segment_only
from boardpack.core.model import (
    ACTION_PLAN, AGENDA, BUDGET, COVER, HEADING, LIST_ITEM, MINUTES, OTHER, PAGE_BREAK,
    PARAGRAPH, PERFORMANCE, PROGRESS_REPORT, TABLE, Block, Cell, Document, Row,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
REALWORLD = ROOT.parent / "shared" / "realworld"


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------


def segment(doc, settings=DEFAULT):
    """Mark, then segment: what the pipeline's segment stage runs."""
    return segment_only(mark_document(doc, settings), settings)


def build(*items, fmt="pdf") -> Document:
    """Document from compact items: ("h", text[, level]), ("p", text), ("b", bold text),
    ("li", text), ("t", [[cells], ...]) (first row is the header), ("pb",)."""
    page = 1
    blocks = []
    for it in items:
        kind = it[0]
        if kind == "pb":
            blocks.append(Block(PAGE_BREAK, page=page))
            page += 1
        elif kind == "h":
            blocks.append(Block(HEADING, text=it[1], level=it[2] if len(it) > 2 else 1, page=page))
        elif kind == "p":
            blocks.append(Block(PARAGRAPH, text=it[1], page=page))
        elif kind == "b":
            blocks.append(Block(PARAGRAPH, text=it[1], bold=True, page=page))
        elif kind == "li":
            blocks.append(Block(LIST_ITEM, text=it[1], page=page))
        elif kind == "t":
            rows = [Row(cells=[Cell(text=c) for c in r], page=page, is_header=(k == 0))
                    for k, r in enumerate(it[1])]
            blocks.append(Block(TABLE, rows=rows, page=page))
        else:  # pragma: no cover - test helper misuse
            raise ValueError(kind)
    doc = Document(path="synthetic." + fmt, sha256="0" * 64, format=fmt, blocks=blocks, pages=page)
    doc.renumber()
    return doc


def types(papers):
    return [p.paper_type for p in papers]


def assert_cover(doc, papers):
    """Papers are contiguous, in order, and cover every block."""
    assert papers, "no papers"
    assert papers[0].start == 0
    assert papers[-1].end == len(doc.blocks) - 1
    for a, b in zip(papers, papers[1:]):
        assert b.start == a.end + 1
    for k, p in enumerate(papers):
        assert p.ordinal == k
        assert p.start <= p.end
        assert p.cue or p.paper_type == OTHER
        assert 0.0 < p.confidence <= 1.0


def paper_at(papers, block_index):
    return next(p for p in papers if p.start <= block_index <= p.end)


# ---------------------------------------------------------------------------
# A synthetic pack in the shape of a 2017 CDRP pack (different wording)
# ---------------------------------------------------------------------------

FOOTNOTE = "Please ensure that you only list those successes your group has recorded against its plan."


def pack_2017():
    return build(
        ("p", "3 March 2018"),
        ("p", "To: Chairman - Jane Roe\nA Smith, B Jones and C Brown"),
        ("p", "Dear Sir / Madam"),
        ("p", "You are invited to attend the next MEETING OF THE COMMUNITY SAFETY BOARD, which will be held in the "
              "COUNCIL CHAMBER at Town Hall on TUESDAY, 13 MARCH 2018 at 2.00 p.m."),
        ("p", "Yours faithfully"),
        ("b", "JOHN DOE"),
        ("p", "Democratic Services Officer"),
        ("p", "The Council is committed to improving, for all members of the community, access to its agendas and "
              "minutes. If you have any specific needs, please let us know."),
        ("pb",),
        ("t", [["AGENDA", "", "PAGES"], ["1.", "Apologies", ""], ["2.", "Minutes of the last meeting", "1 - 4"],
               ["3 (a)", "Action plan update - Ann Other", "5 - 9"]]),
        ("pb",),
        ("h", "INFORMATION FOR VISITORS TO THE TOWN HALL"),
        ("p", "Security"),
        ("p", "Visitors must report to Reception and wear the visitor badges issued."),
        ("p", "Fire and evacuation"),
        ("p", "If the fire alarm sounds leave by the nearest exit and go to the assembly point in the car park."),
        ("p", "Toilets"),
        ("p", "Toilets are next to the lifts on every floor."),
        ("pb",),
        ("p", "Page intentionally left blank"),
        ("pb",),
        ("p", "Agenda Item 2"),
        ("h", "COMMUNITY SAFETY BOARD"),
        ("p", "Minutes of the meeting held on Monday, 6 November 2017 at 2.00 p.m."),
        ("p", "PRESENT: Jane Roe - Chairman"),
        ("t", [["Members:", "A Smith", "Police"], ["", "B Jones", "County Council"]]),
        ("h", "1. APOLOGIES"),
        ("p", "Apologies were received from C Brown."),
        ("h", "2. BUDGET MONITORING"),
        ("p", "The Board APPROVED the revised allocations."),
        ("p", "ACTION: A Smith to circulate the figures."),
        ("pb",),
        ("p", "Agenda Item 3a"),
        ("p", "Report to: Community Safety Board"),
        ("p", "Lead Officer: Ann Other"),
        ("h", "Update on the partnership plan"),
        ("p", "1. The plan is attached and shows progress to date."),
        ("pb",),
        ("h", "Community Safety Priorities and Action Plan 2017/18"),
        ("t", [["Priority", "Action", "Progress (updated monthly)"],
               ["1. PROTECT", "1.1 Train parish clerks FUNDING ALLOCATED: £500", "GREEN Done"],
               ["", "1.2 Share information", "AMBER Under way"]]),
        ("pb",),
        ("h", "Partnership Budget 2017/18: March update"),
        ("t", [["Line", "Item", "Original Allocation", "Revised allocation"],
               ["1", "Training", "500.00", "500.00"], ["2", "Analyst", "4000.00", "3500.00"],
               ["", "TOTAL", "4,500.00", "4,000.00"]]),
        ("pb",),
        ("p", "Document is Restricted"),
    )


def test_pack_papers_in_order():
    doc = pack_2017()
    papers = segment(doc)
    assert_cover(doc, papers)
    assert types(papers) == [COVER, AGENDA, OTHER, MINUTES, OTHER, ACTION_PLAN, BUDGET]


def test_pack_page_ranges_and_titles():
    doc = pack_2017()
    papers = {p.paper_type: p for p in segment(doc)}
    assert (papers[COVER].page_start, papers[COVER].page_end) == (1, 1)
    assert (papers[AGENDA].page_start, papers[AGENDA].page_end) == (2, 2)
    assert (papers[MINUTES].page_start, papers[MINUTES].page_end) == (5, 5)
    assert papers[ACTION_PLAN].page_start == 7
    assert "Action Plan" in papers[ACTION_PLAN].title
    assert papers[BUDGET].title.startswith("Partnership Budget")
    assert papers[MINUTES].cue.lower().startswith("minutes of the meeting")
    # The minutes take their ModernGov stamp and committee heading with them.
    stamp = next(b for b in doc.blocks if b.norm == "Agenda Item 2")
    assert paper_at(segment(doc), stamp.index).paper_type == MINUTES


def test_minutes_item_titles_do_not_split_minutes():
    doc = pack_2017()
    papers = segment(doc)
    head = next(b for b in doc.blocks if b.norm == "2. BUDGET MONITORING")
    assert paper_at(papers, head.index).paper_type == MINUTES


def test_boilerplate_flagged_and_kept():
    doc = pack_2017()
    n = len(doc.blocks)
    papers = segment(doc)
    assert len(doc.blocks) == n
    flagged = [b.norm for b in doc.blocks if boilerplate.is_boilerplate(b)]
    assert "Page intentionally left blank" in flagged
    assert "Document is Restricted" in flagged
    assert any(t.startswith("The Council is committed to improving") for t in flagged)
    # the whole visitor-guidance section, heading to last line, is boilerplate
    assert "INFORMATION FOR VISITORS TO THE TOWN HALL" in flagged
    assert "Toilets are next to the lifts on every floor." in flagged
    # ... and is a paper of its own, typed other
    g = paper_at(papers, next(b.index for b in doc.blocks if b.norm.startswith("INFORMATION FOR VISITORS")))
    assert g.paper_type == OTHER
    # content is not flagged
    assert not any(boilerplate.is_boilerplate(b) for b in doc.blocks if b.norm.startswith("Minutes of the meeting"))
    assert not any(boilerplate.is_boilerplate(b) for b in doc.blocks if b.kind == TABLE)


# ---------------------------------------------------------------------------
# Progress reports, one after another, and action plans
# ---------------------------------------------------------------------------


def progress_run():
    return build(
        ("b", "PLEASE LIMIT THIS REPORT TO ONE SIDE"),
        ("h", "Northtown Community Safety Partnership"),
        ("h", "Priority Area Quarterly Progress Report: Q2 2012/13"),
        ("p", "Priority Area: Youth nuisance"),
        ("p", "Lead Officer: Sgt Pat Kim"),
        ("h", "Key Achievements during this Quarter\u00b9"),
        ("li", "Twelve cases were closed."),
        ("h", "Areas of Concern for Partnership to Note\u00b2"),
        ("li", "Caseworker post vacant."),
        ("p", "\u00b9 Please ensure that you only highlight achievements recorded against the group's plan."),
        ("p", "\u00b2 Please make sure that only concerns for the Partnership's attention are listed here."),
        ("pb",),
        ("h", "Northtown Community Safety Partnership"),
        ("h", "Priority Area Quarterly Progress Report: Q2 2012/13"),
        ("p", "Priority Area: Domestic abuse"),
        ("p", "Lead Officer: Dana Lee"),
        ("h", "Key Achievements during this Quarter"),
        ("li", "Awareness day held."),
        ("pb",),
        ("p", "7. Quarterly Update from the Road Safety Group, Q2"),
        ("p", "Lead Officer: Lou Ng"),
        ("h", "Key Achievements during this Quarter"),
        ("li", "Speed signs installed."),
        ("pb",),
        ("h", "Northtown Rolling Plan 2012-2015"),
        ("t", [["Number", "Action", "Milestones", "Lead agency", "Other partners"],
               ["1.1", "Reduce graffiti To meet target - on track/not on track", "1.1a Clean sites Q2 Progress - Stats awaited", "Council", ""]]),
        ("pb",),
        ("h", "Northtown Rolling Plan 2012-2015"),
        ("t", [["Number", "Action", "Milestones", "Lead agency", "Other partners"],
               ["", "", "1.1b Kits for parishes Q2 Progress - Stats awaited", "", ""]]),
        ("pb",),
        ("t", [["Youth Task Group", "", "", "", ""],
               ["Action Plan: 2012-2013", "", "Action Plan Lead: Chair", "", ""],
               ["Key Support Indicator", "Lead", "Action Plan Item", "Milestones", "Quarterly Progress"],
               ["1.1", "TK", "Directory of services", "Q1 send link", "Done"]]),
    )


def test_consecutive_progress_reports_are_separate_papers():
    doc = progress_run()
    papers = segment(doc)
    assert_cover(doc, papers)
    assert types(papers) == [PROGRESS_REPORT] * 3 + [ACTION_PLAN, ACTION_PLAN]
    assert [(p.page_start, p.page_end) for p in papers] == [(1, 1), (2, 2), (3, 3), (4, 5), (6, 6)]
    # a report starts at its title block, not at its "Priority Area:" label
    assert doc.blocks[papers[1].start].norm == "Northtown Community Safety Partnership"
    assert doc.blocks[papers[2].start].norm.startswith("7. Quarterly Update")


def test_running_title_repeated_on_each_page_does_not_split_plan():
    doc = progress_run()
    plans = [p for p in segment(doc) if p.paper_type == ACTION_PLAN]
    assert plans[0].page_start == 4 and plans[0].page_end == 5
    assert "Rolling Plan" in plans[0].title


def test_template_footnotes_and_instructions_are_boilerplate():
    doc = progress_run()
    segment(doc)
    flagged = {b.norm for b in doc.blocks if boilerplate.is_boilerplate(b)}
    assert "PLEASE LIMIT THIS REPORT TO ONE SIDE" in flagged
    assert any(t.startswith("\u00b9 Please ensure") for t in flagged)
    assert any(t.startswith("\u00b2 Please make sure") for t in flagged)
    assert "Twelve cases were closed." not in flagged


@pytest.mark.parametrize("text,kind", [
    ("This page is left blank intentionally.", "blank_page"),
    ("THIS PAGE HAS BEEN INTENTIONALLY LEFT BLANK", "blank_page"),
    ("Page left blank intentionally", "blank_page"),
    ("Document is Restricted", "restricted_placeholder"),
    ("This appendix is exempt", "restricted_placeholder"),
    ("PLEASE RESTRICT THE REPORT TO ONE PAGE", "template_instruction"),
    ("______________________________", "rule_line"),
    ("Please keep your update to no more than two sides", "template_instruction"),
    ("4 Please ensure that any items included here for Publicity are not protectively marked.", "template_footnote"),
    ("Please ensure that, in connection with the above Areas of Concern, your Task Group sets out its "
     "Recommendations to the Partnership", "template_footnote"),
    ("The District Council is committed to improving, for all members of the community, access to the agendas "
     "and minutes it produces.", "accessibility_statement"),
    ("If you have any specific needs in relation to access to the agenda, for example large print, please let "
     "us know, and we will do what we can to help you.", "accessibility_statement"),
])
def test_boilerplate_patterns(text, kind):
    assert kind in boilerplate.matching_patterns(text)


@pytest.mark.parametrize("text", [
    "The blank page problem was discussed at length by the Board and it was agreed to remove it.",
    "Please ensure the Board receives the report.",
    "Burglary fell by 12% in the quarter.",
    "The Council is committed to reducing crime.",
    "Dear Sir / Madam",
    "- 12.3%",
])
def test_content_is_not_boilerplate(text):
    assert boilerplate.matching_patterns(text) == []


def test_guidance_section_needs_guidance_vocabulary():
    """A heading that merely mentions guidance for the public is not a section of boilerplate."""
    doc = build(
        ("h", "Minutes of the meeting of the Board"),
        ("p", "PRESENT: A Smith (Chair), B Jones"),
        ("h", "5. Guidance for the public on bonfires"),
        ("p", "The Board agreed the leaflet text on bonfire safety."),
        ("p", "RESOLVED that the leaflet be published."),
    )
    papers = segment(doc)
    assert types(papers) == [MINUTES]
    assert not any(boilerplate.is_boilerplate(b) for b in doc.blocks)


# ---------------------------------------------------------------------------
# Single-paper files
# ---------------------------------------------------------------------------


def test_single_minutes_file():
    doc = build(
        ("h", "PARISH COUNCIL"),
        ("h", "MINUTES OF THE MEETING OF LITTLE WOLDHAM PARISH COUNCIL HELD IN THE VILLAGE HALL ON 3rd MAY 2019"),
        ("p", "Present: Mrs A Smith (Chair), Mr B Jones"),
        ("p", "1 Apologies for absence"),
        ("p", "Apologies had been received from Mr C Brown."),
        ("p", "2 Finance"),
        ("p", "It was resolved that the accounts be approved."),
        ("t", [["Payee", "Amount"], ["Clerk salary", "126.29"], ["Grass cutting", "414.00"]]),
        ("pb",),
        ("p", "3 Budget 2019/20"),
        ("p", "The meeting closed at 9.15pm."),
    )
    papers = segment(doc)
    assert types(papers) == [MINUTES]
    assert (papers[0].page_start, papers[0].page_end) == (1, 2)


def test_agenda_frontsheet_file():
    doc = build(
        ("h", "AGENDA"),
        ("h", "CABINET"),
        ("p", "Thursday, 6th March, 2025, at 10.00 am"),
        ("p", "UNRESTRICTED ITEMS"),
        ("p", "1. Apologies"),
        ("p", "2. Declarations of Interest"),
        ("p", "3. Minutes of the Meeting held on 9th January 2025 (Pages 1 - 10)"),
        ("p", "4. Revenue Budget Monitoring Report (Pages 11 - 84)"),
        ("p", "5. Performance Report Quarter 3 (Pages 85 - 120)"),
    )
    assert types(segment(doc)) == [AGENDA]


def test_summons_then_agenda_on_one_page():
    doc = build(
        ("p", "Summons to and Agenda for the Meeting of the County Council"),
        ("p", "To: All Members of the County Council"),
        ("p", "A meeting of the County Council will be held in the Council Chamber on Thursday, 13th February, 2025 at 9.30 am."),
        ("h", "AGENDA"),
        ("p", "1. Apologies for Absence"),
        ("p", "2. Minutes of the meetings held on 19 December 2024 (Pages 1 - 26)"),
    )
    papers = segment(doc)
    assert types(papers) == [COVER, AGENDA]
    assert doc.blocks[papers[1].start].norm == "AGENDA"


def test_budget_and_performance_tables_without_titles():
    budget = build(("t", [["Date", "Payee", "Amount"], ["04/04/2023", "OALC", "156.00"],
                          ["19/05/2023", "Internal Audit", "100.00"], ["", "Total", "256.00"]]))
    assert types(segment(budget)) == [BUDGET]
    perf = build(("h", "Crime figures"),
                 ("t", [["Crime type", "2009/10", "2010/11", "Change", "% change"],
                        ["Burglary", "120", "105", "-15", "-12.5%"], ["Robbery", "0", "3", "+3", "No Calc"]]))
    assert types(segment(perf)) == [PERFORMANCE]


def test_performance_table_inside_progress_report_does_not_split_it():
    doc = build(
        ("p", "Priority Area: Reducing reoffending"),
        ("p", "Lead Officer: J Smith"),
        ("h", "Key Achievements during this Quarter"),
        ("p", "Scheme updates:"),
        ("t", [["", "2010/11", "2011/12", "% change"], ["Clients", "4", "5", "+25%"]]),
        ("li", "A workshop was held."),
    )
    assert types(segment(doc)) == [PROGRESS_REPORT]


def test_table_hits_read_header_rows():
    plan = build(("t", [["Action", "Milestones", "Lead CDRP agency", "Other partners", "Update YTD"],
                        ["2.1 Maintain links", "2.1a Board to meet", "CDRP Board", "", "Board meets quarterly"]]))
    assert table_hits(plan.blocks[0])[0].paper_type == ACTION_PLAN
    assert block_hits(mark_document(plan))[0][0].strength >= 2


def test_empty_document_and_docx_without_pages():
    assert segment(build()) == []
    doc = build(("h", "Minutes of the meeting of the Board"), ("p", "PRESENT: A Smith"), fmt="docx")
    for b in doc.blocks:
        b.page = b.page_end = None
    papers = segment(doc)
    assert types(papers) == [MINUTES]
    assert papers[0].page_start is None and papers[0].page_end is None


def test_two_sets_of_minutes_are_two_papers():
    doc = build(
        ("h", "Minutes of the meeting of the Safer Streets Board held on 2 May 2018"),
        ("p", "PRESENT: A Smith (Chair), B Jones"),
        ("p", "1. Apologies were received from C Brown."),
        ("p", "RESOLVED that the report be noted."),
        ("pb",),
        ("h", "Minutes of the meeting of the Safer Streets Task Group held on 9 April 2018"),
        ("p", "Present: D Green (Chair), E White"),
        ("p", "It was agreed that the leaflet be reprinted."),
    )
    papers = segment(doc)
    assert types(papers) == [MINUTES, MINUTES]
    assert [(p.page_start, p.page_end) for p in papers] == [(1, 1), (2, 2)]


def test_plan_table_continued_without_header_stays_in_plan():
    doc = build(
        ("h", "Community Safety Action Plan 2016-17"),
        ("t", [["Priority", "Action", "Progress"], ["1", "1.1 Train staff FUNDING ALLOCATED: £500", "GREEN done"]]),
        ("pb",),
        ("t", [["", "1.2 Buy kits", "£1,000.00"], ["", "1.3 Grants", "£2,500.00"], ["", "1.4 Leaflets", "£300.00"]]),
    )
    papers = segment(doc)
    assert types(papers) == [ACTION_PLAN]
    assert (papers[0].page_start, papers[0].page_end) == (1, 2)


def test_two_plans_with_different_columns_are_two_papers():
    doc = build(
        ("h", "Priority plan 2016-17"),
        ("t", [["Priority", "Action", "Progress"], ["1", "1.1 Train staff", "GREEN done"]]),
        ("pb",),
        ("h", "Task group action plan 2016-17"),
        ("t", [["Number", "Action", "Milestones", "Lead agency", "Q4 Update"], ["1.1", "Meet monthly", "1.1a Meetings held", "Police", "Met 3 times"]]),
    )
    papers = segment(doc)
    assert types(papers) == [ACTION_PLAN, ACTION_PLAN]
    assert [p.page_start for p in papers] == [1, 2]


def test_moderngov_stamp_starts_a_paper_of_unknown_type():
    doc = build(
        ("h", "Minutes of the meeting of the Board"),
        ("p", "PRESENT: A Smith"),
        ("p", "RESOLVED that the minutes be signed."),
        ("pb",),
        ("p", "Agenda Item 7"),
        ("h", "Community engagement update"),
        ("p", "1. Officers attended twelve village events during the summer months."),
    )
    papers = segment(doc)
    assert types(papers) == [MINUTES, OTHER]
    assert doc.blocks[papers[1].start].norm == "Agenda Item 7"
    assert papers[1].title == "Community engagement update"


def test_notice_of_meeting_is_a_cover_letter():
    doc = build(
        ("h", "NOTICE OF MEETING"),
        ("p", "Members of the Community Safety Partnership are summoned to a meeting which will be held at "
              "the Guildhall on Wednesday, 4 June 2014 at 6.30 p.m."),
        ("p", "Yours sincerely"),
        ("pb",),
        ("h", "AGENDA"),
        ("p", "1. Apologies for absence"),
    )
    assert types(segment(doc)) == [COVER, AGENDA]


def test_cadet_style_indicator_table_is_performance():
    doc = build(
        ("h", "CADET highlights: April to December 2016 compared with April to December 2015"),
        ("t", [["Crime type", "Apr - Dec 2015", "Apr - Dec 2016", "Change", "% Change"],
               ["All crime", "4512", "4873", "+361", "+ 8.0%"], ["Robbery", "0", "4", "+4", "No Calc"],
               ["Burglary", "310", "272", "-38", "- 12.3%"]]),
    )
    papers = segment(doc)
    assert types(papers) == [PERFORMANCE]
    assert papers[0].title.startswith("CADET highlights")


def test_funding_statement_without_a_table_is_budget():
    doc = build(
        ("h", "Partnership funding 2012/13"),
        ("h", "Funding statement"),
        ("p", "Pooled fund start balance April 2012 £12,345"),
        ("p", "Police and Crime Commissioner grant £33,333"),
        ("p", "TOTAL FUNDING AVAILABLE £45,678"),
    )
    assert types(segment(doc)) == [BUDGET]


def test_subject_headings_inside_minutes_do_not_split_them():
    doc = build(
        ("h", "Minutes of the meeting of the Board"),
        ("p", "PRESENT: A Smith (Chair), B Jones"),
        ("p", "Apologies were received from C Brown."),
        ("h", "Action Plan"),
        ("p", "B Jones presented the action plan; most actions were green."),
        ("h", "Performance data"),
        ("t", [["Crime type", "2015", "2016", "% change"], ["Burglary", "310", "272", "-12.3%"]]),
        ("h", "Quarterly Progress Report"),
        ("p", "The Board noted the quarterly report from the task group."),
        ("p", "ACTION: B Jones to circulate the plan."),
    )
    assert types(segment(doc)) == [MINUTES]


def test_plan_mentioned_in_a_progress_report_does_not_split_it():
    doc = build(
        ("p", "Priority Area: Burglary"),
        ("p", "Lead Officer: J Smith"),
        ("h", "Key Achievements during this Quarter"),
        ("li", "Marking kits given out."),
        ("h", "Progress against the Action Plan"),
        ("li", "All milestones on track."),
    )
    assert types(segment(doc)) == [PROGRESS_REPORT]


def test_undecided_front_page_stays_apart_from_the_first_paper():
    doc = build(
        ("h", "Northtown Community Safety Partnership"),
        ("p", "This pack contains the papers for the meeting on 3 June 2014, which members are asked to read "
              "before the meeting so that discussion can focus on decisions."),
        ("pb",),
        ("h", "Minutes of the meeting of the Partnership held on 4 March 2014"),
        ("p", "PRESENT: A Smith (Chair)"),
    )
    papers = segment(doc)
    assert types(papers) == [OTHER, MINUTES]
    assert papers[1].page_start == 2



_LINES = [
    "AGENDA", "Minutes of the meeting of the Board held on 3 May 2019", "PRESENT: A Smith (Chair)",
    "Dear Sir / Madam", "Priority Area: Burglary", "Key Achievements during this Quarter", "Action Plan 2016-17",
    "Budget 2016/17", "Performance data", "Agenda Item 4", "GUIDANCE NOTES FOR VISITORS", "Toilets", "Security",
    "This page is left blank intentionally.", "Document is Restricted", "RESOLVED that the report be noted.",
    "Report to: The Board", "Appendix B - Measures", "Some ordinary sentence about the work of the group.",
    "1. Apologies", "Lead Officer: J Smith", "",
]
_ITEMS = st.one_of(
    st.tuples(st.sampled_from(["h", "p", "b", "li"]), st.sampled_from(_LINES)),
    st.just(("pb",)),
    st.just(("t", [["Action", "Milestones", "Lead", "Progress"], ["1.1", "1.1a Do it", "Police", "GREEN"]])),
    st.just(("t", [["Item", "Original Allocation"], ["Training", "500.00"], ["TOTAL", "500.00"]])),
    st.just(("t", [["Crime type", "2015", "2016", "% change"], ["Burglary", "10", "9", "-10%"]])),
)


@hsettings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ITEMS, max_size=40))
def test_any_document_gets_contiguous_covering_papers(items):
    doc = build(*items)
    n = len(doc.blocks)
    papers = segment(doc)
    assert len(doc.blocks) == n  # nothing removed
    if not n:
        assert papers == []
        return
    assert_cover(doc, papers)
    for p in papers:
        assert p.paper_type in (COVER, AGENDA, MINUTES, PROGRESS_REPORT, ACTION_PLAN, BUDGET, PERFORMANCE, OTHER)
        if p.page_start is not None:
            assert p.page_start <= p.page_end
    # segmenting again gives the same papers (flags are idempotent)
    again = segment(doc)
    assert [(p.paper_type, p.start, p.end) for p in again] == [(p.paper_type, p.start, p.end) for p in papers]


# ---------------------------------------------------------------------------
# Real published papers (../shared/realworld), read by the real readers
# ---------------------------------------------------------------------------


#: (glob under realworld/, expected paper types in order or a rule)
KENT = "kent-county-council/"
SPC = "souldern-parish-council/"
REALWORLD_EXPECT = [
    (KENT + "cabinet-*/Agenda frontsheet*.pdf", [AGENDA]),
    (KENT + "county-council-*/Agenda frontsheet*.pdf", [COVER, AGENDA]),
    (KENT + "*/Printed minutes*.pdf", [MINUTES]),
    (KENT + "*/Minutes of the meeting*.pdf", [MINUTES]),
    (KENT + "*/Appendix E*Budget*.pdf", [BUDGET]),
    (KENT + "*/Appendix I Budget Risk Register*.pdf", [OTHER]),
    (SPC + "spc-minutes/* minutes.pdf", [MINUTES]),
    (SPC + "spc-agenda/*Agenda.pdf", [AGENDA]),
    (SPC + "spc-minutes/*-report.pdf", [OTHER]),
    (SPC + "spc-documents/*ccount*.pdf", "all:" + BUDGET),
    (SPC + "spc-documents/*xpenditure*.pdf", "all:" + BUDGET),
    (SPC + "spc-documents/*econciliation*.pdf", "all:" + BUDGET),
    (SPC + "spc-documents/*tanding orders*.pdf", "all:" + OTHER),
    (SPC + "spc-documents/*egulations*.pdf", "all:" + OTHER),
    (SPC + "spc-documents/*risk*.pdf", "all:" + OTHER),
]


def _segmented(parsed, path):
    """The file read, cleaned and segmented; shares the session cache of full
    parses with the extractor tests, and falls back to stopping after
    segmentation when an extractor fails on the file (not this module's concern)."""
    from boardpack.core.errors import BoardpackError

    try:
        return parsed(path)
    except BoardpackError as e:
        if getattr(e, "stage", None) != "extract":
            raise
        return parsed(path, until="segment")


def _realworld_cases():
    out = []
    for pattern, expect in REALWORLD_EXPECT:
        for f in realworld_files(pattern):
            out.append(pytest.param(f, expect, id=f.name))
    return out


@pytest.mark.parametrize("path,expect", _realworld_cases())
def test_realworld_paper_types(realworld_dir, parsed, path, expect):
    pf = _segmented(parsed, path)
    doc, papers = pf.doc, pf.papers
    if not any(b.kind != PAGE_BREAK for b in doc.blocks):
        # No text (a scanned file without OCR): nothing may be claimed.
        assert all(p.paper_type == OTHER for p in papers)
        return
    assert_cover(doc, papers)
    got = types(papers)
    if isinstance(expect, str):
        assert set(got) == {expect.split(":", 1)[1]}, describe_papers(papers)
    else:
        assert got == expect, describe_papers(papers)
    # page ranges run from the first page to the last
    assert papers[0].page_start == 1
    assert papers[-1].page_end == max(b.page_end for b in doc.blocks if b.page_end is not None)


def describe_papers(papers):
    return "; ".join(f"{p.paper_type} p{p.page_start}-{p.page_end} {p.title!r}" for p in papers)


def _one(pattern):
    files = realworld_files(pattern)
    return files[0] if files else None


def test_realworld_agenda_items_inside_agenda(realworld_dir, parsed):
    """Every numbered agenda line of a Kent front sheet lies inside its agenda paper."""
    for f in realworld_files(KENT + "*/Agenda frontsheet*.pdf"):
        pf = _segmented(parsed, f)
        agenda = next(p for p in pf.papers if p.paper_type == AGENDA)
        numbered = [(b.index, ln) for b in pf.doc.blocks for ln in b.search_text.splitlines()
                    if re.match(r"^\s*\d{1,2}\.\s*(?:\|\s*)?[A-Z]", ln)]
        assert len(numbered) >= 5, f.name
        assert all(agenda.start <= i <= agenda.end for i, _ in numbered), f.name


def test_realworld_finance_report_is_budget(realworld_dir, parsed):
    f = _one(KENT + "*/*Finance Monitoring Report*.pdf")
    assert f is not None
    pf = _segmented(parsed, f)
    papers = pf.papers
    assert papers[0].paper_type == BUDGET and papers[0].page_start == 1
    budget_pages = sum(p.page_end - p.page_start + 1 for p in papers if p.paper_type == BUDGET)
    assert budget_pages >= 0.8 * pf.doc.pages
    assert not {AGENDA, MINUTES, COVER} & set(types(papers))


def test_realworld_measures_appendix_is_performance(realworld_dir, parsed):
    f = _one(KENT + "*/*priorities measures*.pdf")
    assert f is not None
    papers = _segmented(parsed, f).papers
    assert PERFORMANCE in types(papers)
    assert not {AGENDA, MINUTES, COVER, BUDGET} & set(types(papers))


def test_realworld_minutes_keep_their_resolutions_and_items(realworld_dir, parsed):
    """Budget and finance items inside printed minutes do not start papers."""
    for f in realworld_files(KENT + "*/Printed minutes*.pdf") + realworld_files(SPC + "spc-minutes/2026-* SPC minutes.pdf"):
        pf = _segmented(parsed, f)
        assert types(pf.papers) == [MINUTES], (f.name, describe_papers(pf.papers))


# ---------------------------------------------------------------------------
# The generated corpus (corpus/), every format
# ---------------------------------------------------------------------------

P, AP = PROGRESS_REPORT, ACTION_PLAN
#: pack (file stem) -> paper types in order, the same in every format
CORPUS_EXPECT = {
    "cdrp-2009-07-27": [COVER, AGENDA, P, P, P, P, AP],
    "cdrp-2009-10-26": [COVER, AGENDA, MINUTES, AP],  # minutes of the July meeting
    "cdrp-2010-01-25": [COVER, AGENDA, AP],
    "cdrp-2010-04-26": [COVER, AGENDA, AP],
    "cdrp-2011-04-26": [PERFORMANCE, P, AP, P, AP, P, AP, OTHER, P, P, P],
    "cdrp-2017-02-23": [COVER, AGENDA, OTHER, MINUTES, OTHER, AP, BUDGET, PERFORMANCE, OTHER],
}


def _corpus_cases():
    out = []
    for f in sorted(CORPUS.rglob("*")):
        if f.suffix.lower() in (".pdf", ".docx", ".doc") and f.stem in CORPUS_EXPECT and "bad" not in f.parts:
            out.append(pytest.param(f, id=str(f.relative_to(CORPUS))))
    return out


def test_corpus_has_every_pack_in_every_format():
    found = {}
    for param in _corpus_cases():
        f = param.values[0]
        found.setdefault(f.stem, set()).add(f.suffix.lower())
    assert set(found) == set(CORPUS_EXPECT), found
    assert set().union(*found.values()) == {".pdf", ".docx", ".doc"}


@pytest.mark.parametrize("path", _corpus_cases())
def test_corpus_paper_types(parsed, path):
    pf = _segmented(parsed, path)
    assert_cover(pf.doc, pf.papers)
    assert types(pf.papers) == CORPUS_EXPECT[path.stem], describe_papers(pf.papers)


@pytest.mark.parametrize("path", [c for c in _corpus_cases() if c.values[0].suffix == ".pdf"])
def test_corpus_pdf_page_ranges(parsed, path):
    """Page ranges in the PDFs: in order, never overlapping, the first paper on page 1,
    and no paper's range holds only blank or boilerplate pages."""
    pf = _segmented(parsed, path)
    papers = pf.papers
    assert papers[0].page_start == 1
    for a, b in zip(papers, papers[1:]):
        assert a.page_end <= b.page_start, describe_papers(papers)
    assert papers[-1].page_end == pf.doc.pages
    for p in papers:
        content_pages = {b.page for b in p.blocks(pf.doc) if b.kind != PAGE_BREAK and not boilerplate.is_boilerplate(b)}
        content_pages = content_pages or {b.page for b in p.blocks(pf.doc) if b.kind != PAGE_BREAK}
        assert p.page_start in content_pages and p.page_end in {b.page_end for b in p.blocks(pf.doc)}


#: (pack, paper type, ordinal among papers of that type, (first page, last page)) in the PDFs
PDF_PAGES = [
    ("cdrp-2009-07-27", COVER, 0, (1, 1)),
    ("cdrp-2009-07-27", AGENDA, 0, (2, 2)),
    ("cdrp-2009-07-27", P, 0, (4, 4)),
    ("cdrp-2009-07-27", P, 1, (6, 6)),
    ("cdrp-2009-07-27", AP, 0, (12, 22)),
    ("cdrp-2011-04-26", AP, 2, (10, 11)),
    ("cdrp-2011-04-26", OTHER, 0, (12, 12)),
    ("cdrp-2017-02-23", AGENDA, 0, (2, 3)),
    ("cdrp-2017-02-23", OTHER, 0, (4, 5)),  # visitor guidance notes
    ("cdrp-2017-02-23", MINUTES, 0, (6, 9)),
    ("cdrp-2017-02-23", BUDGET, 0, (14, 14)),  # pages 15-16: "Document is Restricted", blank page
]


@pytest.mark.parametrize("stem,ptype,k,pages", PDF_PAGES)
def test_corpus_pdf_known_pages(parsed, stem, ptype, k, pages):
    path = next(CORPUS.rglob(stem + ".pdf"))
    papers = [p for p in _segmented(parsed, path).papers if p.paper_type == ptype]
    assert (papers[k].page_start, papers[k].page_end) == pages, describe_papers(papers)


def test_corpus_boilerplate_flagged(parsed):
    path = next(CORPUS.rglob("cdrp-2017-02-23.pdf"))
    doc = _segmented(parsed, path).doc
    flagged = " ".join(b.norm for b in doc.blocks if boilerplate.is_boilerplate(b)).lower()
    for phrase in ("guidance notes for visitors", "first aid", "toilets", "document is restricted",
                   "left blank intentionally", "large print"):
        assert phrase in flagged, phrase
    assert not any(boilerplate.is_boilerplate(b) for b in doc.blocks if "RESOLVED" in b.norm or "ACTION:" in b.norm)


# ---------------------------------------------------------------------------
# The mark stage writes, segmentation only reads
# ---------------------------------------------------------------------------


def _guidance_pack() -> Document:
    return build(
        ("h", "Guidance notes for visitors"),
        ("p", "Security: all visitors sign in at reception. Fire alarm: leave by the nearest exit."),
        ("p", "Toilets are on the ground floor. Mobile phones must be switched off."),
        ("pb",),
        ("h", "AGENDA"),
        ("p", "1. Apologies for absence"),
        ("p", "This page is intentionally left blank"),
        ("t", [["Action", "Milestones", "Lead", "Progress"], ["1.1 Do it", "1.1a Done", "Police", "On track"]]),
    )


def test_segment_leaves_a_marked_document_as_it_found_it():
    doc = mark_document(_guidance_pack())
    before = doc.to_dict()
    papers = segment_only(doc)
    assert papers and doc.to_dict() == before


def test_mark_flags_boilerplate_and_records_sections_and_table_kinds():
    doc = mark_document(_guidance_pack())
    assert doc.boilerplate_sections and doc.boilerplate_sections[0][0] == 0
    assert any(boilerplate.is_boilerplate(b) for b in doc.blocks if "left blank" in b.norm)
    (table,) = [b for b in doc.blocks if b.kind == TABLE]
    assert table.table is not None and table.table.paper_type == ACTION_PLAN
    assert table.table.header == ["Action", "Milestones", "Lead", "Progress"]
    # the classification is carried on the block: the segmenter reads it, not the rows
    assert [h.name for h in block_hits(doc)[table.index]] == [s.name for s in table.table.signals]


def test_an_unmarked_table_is_refused_not_classified_again():
    doc = build(("t", [["Action", "Milestones", "Lead", "Progress"], ["1.1 Do it", "1.1a", "Police", "On track"]]))
    with pytest.raises(ValueError, match="mark stage"):
        segment_only(doc)


def test_a_marked_document_survives_the_dict_round_trip():
    doc = mark_document(_guidance_pack())
    again = Document.from_dict(doc.to_dict())
    assert again.blocks[-1].table == doc.blocks[-1].table
    assert again.boilerplate_sections == doc.boilerplate_sections
