"""Action plans: tables read by header meaning, milestones split, updates normalised.

Unit tests build documents directly in the model; corpus tests compare
v_action_updates with the gold of every generated sample (skipped when the
corpus has not been built).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from boardpack.extractors.action_plans import header_roles, parse_milestone, split_milestones
from boardpack.core.model import Paper
from boardpack.ingest.mark import mark_document
from boardpack.schema import migrate

from report_views_helper import (
    cell, compare, document, gold_rows, heading, para, row, run_extractors, table, views,
)

H5 = ["Number", "Action", "Milestones", "Lead CDRP agency", "Other partners"]


def updates_by_ref(doc, papers=None):
    res = run_extractors(doc, papers)
    return {r["ref"]: r for r in views(doc, res)["v_action_updates"]}, res


# -- header recognition ------------------------------------------------------------

@pytest.mark.parametrize("texts, roles", [
    (H5, {"number", "action", "milestones", "lead", "partners"}),
    (["Action", "Milestones", "Lead agency", "Other partners", "Q4 Update"],
     {"action", "milestones", "lead", "partners", "progress"}),
    (["Priority", "Action", "Progress (to be updated monthly via T&CG)", "RAG"],
     {"priority", "action", "progress", "status"}),
    (["Key Support Indicator", "Lead", "Action Plan Item", "Milestones", "Quarterly Progress"],
     {"number", "lead", "action", "milestones", "progress"}),
    (["Ref", "Status", "Action", "Update YTD", "Owner"], {"number", "status", "action", "progress", "lead"}),
    (["Numbe\nr", "Action", "Milestones", "Lead CDRP agency", "Other partners", "Q3 Progress"],
     {"number", "action", "milestones", "lead", "partners", "progress"}),
])
def test_header_roles_by_meaning(texts, roles):
    got = header_roles(texts)
    assert got is not None and set(got.values()) == roles


@pytest.mark.parametrize("texts", [
    ["Line", "Item", "Relates to Actions", "Original Allocation", "Revised allocation", "Notes"],
    ["Crime type", "Apr - Dec 2015", "Apr - Dec 2016", "Change", "% Change"],
    ["Members:", "Philip Aldis", "Community Safety Officer, SCDC"],
    ["1.1", "Make use of available powers", "1.1a Monthly meeting held", "Police", "SCDC"],
])
def test_other_tables_are_not_plans(texts):
    assert header_roles(texts) is None


# -- milestone text --------------------------------------------------------------------

def test_parse_milestone_parts():
    m = parse_milestone(
        "Work with Probation Service Community Service Team to clean affected areas\n"
        "Q1 Progress – Stats awaited\n"
        "Measurement = total of cases actioned Source: Paul Quigley (info may already be on Corvu)\n"
        "To meet target – on track/not on track", with_progress=True)
    assert m["text"] == "Work with Probation Service Community Service Team to clean affected areas"
    assert m["measurement"] == "total of cases actioned"
    assert m["source"] == "Paul Quigley (info may already be on Corvu)"
    assert m["progress"] == "Stats awaited"
    assert "on track/not on track" in m["target"]


def test_unlabelled_progress_after_source_and_wrapped_source():
    m = parse_milestone("Support plans for a County Domestic Abuse unit\nMeasurement = Yes/No Source: Lead Agency\n"
                        "Discussions are on-going between South Cambs, City and other partners on this\n"
                        "To meet target – on track/not on track", with_progress=True)
    assert m["source"] == "Lead Agency"
    assert m["progress"].startswith("Discussions are on-going")
    m = parse_milestone("Monthly meeting held\nMeasurement = yes or no Source: ASB\nCaseworker\n"
                        "Q1 Progress – Meetings held in April, May, June\nTo meet target – on track", with_progress=True)
    assert m["source"] == "ASB Caseworker"
    assert m["progress"] == "Meetings held in April, May, June"


def test_progress_words_inside_progress_are_not_labels():
    m = parse_milestone("Assess data\nQ1 Progress – the DV Task Group Q1 Progress report refers.", with_progress=True)
    assert m["progress"] == "the DV Task Group Q1 Progress report refers."


def test_split_milestones_inline_and_per_line():
    lines = [("1.1a Group to meet monthly 1.1b Police to share updates 1.1c Protocols in place", 0)]
    got = split_milestones(lines, "1.1")
    assert [c for c, _, _ in got] == ["1.1a", "1.1b", "1.1c"]
    assert got[1][1] == "Police to share updates"
    lines = [("1.3c Seek to increase capacity", 0), ("Q1 Progress – Stats awaited", 1),
             ("For more information on actions 1.3a to 1.3d see the Service Plan", 1), ("1.3d Make kits available", 2)]
    got = split_milestones(lines, "1.3")
    assert [(c, s) for c, _, s in got] == [("1.3c", 0), ("1.3d", 2)]
    assert "1.3a to 1.3d" in got[0][1]


# -- whole plans built in the model ------------------------------------------------------

def rolling_plan_doc():
    """The 2009 rolling-plan shapes: milestones in one cell and one per row, a plan
    split into two table blocks with the running title above the second."""
    return document([
        para("Friday 24 July 2009"),
        heading("Action Plan", page=2),
        table(row(*H5, header=True, page=2),
              row("1.1", "Make use of available powers\nTo meet target – on track/not on track",
                  "1.1a Monthly multi-agency meeting held\nMeasurement = yes or no Source: ASB Caseworker\n"
                  "Q1 Progress: Meetings held in April, May, June\nTo meet target – on track\n"
                  "1.1b Apply a problem-solving approach\nMeasurement = yes or no Source: ASB Caseworker\n"
                  "Q1 Progress – 3 Problem Solving Groups held\nTo meet target – Not on track",
                  "Police", "Fire & Rescue Service, SCDC", page=2), page=2),
        para("South Cambridgeshire CDRP Rolling Plan 2009–2012", page=3),
        table(row(*H5, header=True, page=3),
              row("", "", "1.1c Revised CDRP ASB strategy in place\nMeasurement = yes or no Source: Lead Agency\n"
                  "Q1 Progress – Stats Awaited\nTo meet target – on track/not on track", "", "", page=3),
              row("1.5", "Address nuisance vehicles\nTo meet target – on track/not on track",
                  "1.5a Investigate 95% of reports\nMeasurement = Taken from Corvu Source: Paul Quigley/Corvu",
                  "SCDC Environmental Services", "CFRS", page=3),
              row("", "", "Q1 Progress: This was achieved in quarter 1", "", "", page=3),
              row("", "", "To meet target – on track", "", "", page=3),
              row("", "", "1.5b Deploy off-road motorcycles\nQ1 Progress: Exact figures awaited\n"
                  "To meet target – on track/not on track", "Police", "", page=3),
              row("", "", "1.5c Contribute to Speedwatch\nQ1 Progress: 12 locations\nTo meet target – on track",
                  "", "", page=3),
              row("4.2", "Address known burglars through the PPO scheme\nTo meet target – on track/not on track",
                  "See Action 2.1 for more information", "Police", "", page=3),
              page=3),
    ])


def test_rolling_plan_one_plan_with_every_milestone():
    ups, res = updates_by_ref(rolling_plan_doc())
    assert set(ups) == {"1.1a", "1.1b", "1.1c", "1.5a", "1.5b", "1.5c", "4.2"}
    assert {u["plan_title"] for u in ups.values()} == {"South Cambridgeshire CDRP Rolling Plan 2009–2012"}
    assert len(res.rows["action_plans"]) == 1
    assert {u["period"] for u in ups.values()} == {"2009/10 Q1"}
    assert {u["period_start"] for u in ups.values()} == {"2009-04-01"}
    assert ups["1.1a"]["status"] == "on track" and ups["1.1b"]["status"] == "not on track"
    assert ups["1.1c"]["action_ref"] == "1.1"  # continuation row in the next table block
    assert ups["1.1c"]["stats_awaited"] == 1 and ups["1.1c"]["status"] == "not reported"
    assert ups["1.5a"]["progress"] == "This was achieved in quarter 1" and ups["1.5a"]["status"] == "on track"
    assert ups["1.5b"]["stats_awaited"] == 1
    # leads: the milestone row's own lead, carried down to the rows below it
    assert ups["1.5a"]["lead_agency"] == "SCDC Environmental Services"
    assert ups["1.5b"]["lead_agency"] == "Police" and ups["1.5c"]["lead_agency"] == "Police"
    # an action without milestones is reported under its own number
    assert ups["4.2"]["description"] == "Address known burglars through the PPO scheme"
    assert ups["4.2"]["progress"] == "See Action 2.1 for more information"
    assert ups["4.2"]["status"] == "not reported"


def test_plan_rows_carry_keys_for_linking():
    _, res = updates_by_ref(rolling_plan_doc())
    plan = res.rows["action_plans"][0]
    assert plan["title_key"] and plan["period"] == "2009-04..2012-03"
    ms = {m["ref"]: m for m in res.rows["plan_milestones"]}
    assert ms["1.1a"]["plan_key"] == plan["title_key"]
    assert ms["1.1a"]["measurement"] == "yes or no" and ms["1.1a"]["source"] == "ASB Caseworker"


def rag_plan_doc():
    green, amber, red, grey = "#00B050", "#FFC000", "#FF0000", "#BFBFBF"
    return document([
        para("Date: 10 February 2017"),
        heading("South Cambs CDRP Priorities and Action Plan April 2016 to March 2017: CDRP UPDATE FEBRUARY 2017"),
        para("Key to RAG status", bold=True),
        table(row(cell("GREEN", green), "On track"), row(cell("AMBER", amber), "Some issues"),
              row(cell("RED", red), "Not on track"), row(cell("GREY", grey), "Action closed")),
        table(row("Priority", "Action", "Progress (to be updated monthly via T&CG)", "RAG", header=True),
              row("1. PROTECT THE VULNERABLE", "1.1 Provide localised training events\nFUNDING ALLOCATED: £500",
                  "GREEN\n(a,b,c) Messages promoted at events", cell("", green)),
              row("", "1.4 Host conference\nFUNDING ALLOCATED: £1500 from PCC 15-16",
                  "ACTION CLOSED\nAgreed to not hold the conference", cell("", grey)),
              row("", "1.7 Collate resources\nFUNDING ALLOCATED: £1,000 from 15-16",
                  "AMBER\nSome resourcing issues", cell("", amber)),
              row("", "1.8 Raise awareness of hate crime", "Advert planned", cell("", "#FF1010")),
              row("", "3.5 Contribute to the profile", "On going", cell("", "#C0C0C0")),
              page=2),
    ])


def test_rag_words_fills_key_and_funding():
    ups, res = updates_by_ref(rag_plan_doc())
    assert set(ups) == {"1.1", "1.4", "1.7", "1.8", "3.5"}
    assert {u["plan_title"] for u in ups.values()} == {
        "South Cambs CDRP Priorities and Action Plan April 2016 to March 2017"}
    assert {u["period"] for u in ups.values()} == {"2016/17 Q4"}  # "UPDATE FEBRUARY 2017"
    assert ups["1.1"]["status"] == "green" and ups["1.1"]["progress"] == "(a,b,c) Messages promoted at events"
    assert ups["1.1"]["description"] == "Provide localised training events"
    assert ups["1.1"]["funding_allocated"] == 500.0
    assert ups["1.4"]["status"] == "closed" and ups["1.4"]["funding_allocated"] == 1500.0
    assert ups["1.7"]["status"] == "amber" and ups["1.7"]["funding_allocated"] == 1000.0
    assert ups["1.8"]["status"] == "red"  # only the cell's fill says so
    assert ups["3.5"]["status"] == "closed"  # silver is nearest the key's grey
    assert ups["1.8"]["funding_allocated"] is None
    plan = res.rows["action_plans"][0]
    assert plan["period"] == "2016/17" and plan["update_period_raw"] == "CDRP UPDATE FEBRUARY 2017"


def test_restarted_numbering_is_another_plan():
    hdr = ["Key Support Indicator", "Lead", "Action Plan Item", "Milestones", "Quarterly Progress"]
    doc = document([
        para("26 APRIL 2011"),
        heading("Priority 1: Action plan for reducing Serious Acquisitive Crime in the District"),
        table(row("Action", "Milestones", "Lead agency", "Other partners", "Q4 Update", header=True),
              row("1.1 Operate a task group", "1.1a Meet monthly", "Police", "", "Group meets monthly"),
              row("1.2 Address offenders", "1.2a Use the PPO scheme", "Police", "", "Ongoing")),
        table(row("Southern Domestic Abuse Task Group", None, None, None, None),
              row("Action Plan: 2010-2011", "", "Action Plan Lead: SCDATG Chair", "", ""),
              row(*hdr, header=True),
              row("1.1", "TK", "Revise the online directory", "Q1 - Send out link", "Directory updated"),
              row("1.2", "SK", "Hold an awareness event", "Q2 Research event", "Event in summer")),
    ])
    ups = views(doc, run_extractors(doc))["v_action_updates"]
    keyed = {(u["plan_title"], u["ref"]): u for u in ups}
    assert set(keyed) == {
        ("Priority 1: Action plan for reducing Serious Acquisitive Crime in the District", "1.1a"),
        ("Priority 1: Action plan for reducing Serious Acquisitive Crime in the District", "1.2a"),
        ("Southern Domestic Abuse Task Group", "1.1"), ("Southern Domestic Abuse Task Group", "1.2")}
    da = keyed[("Southern Domestic Abuse Task Group", "1.1")]
    assert da["lead_agency"] == "TK" and da["progress"] == "Directory updated" and da["period"] == "2010/11 Q4"
    assert keyed[("Priority 1: Action plan for reducing Serious Acquisitive Crime in the District", "1.1a")][
        "progress"] == "Group meets monthly"


def test_same_title_restarting_numbers_kept_apart():
    t = lambda: table(row("Ref", "Action", "Progress", "Status", header=True),
                      row("1.1", "Do the first thing", "Done", "Complete"),
                      row("1.2", "Do the second thing", "Started", "Amber"))
    doc = document([para("Date: 1 July 2012"), heading("Community Safety Action Plan 2012/13"), t(),
                    heading("Community Safety Action Plan 2012/13"), t()])
    ups = views(doc, run_extractors(doc))["v_action_updates"]
    assert len(ups) == 4
    assert len({u["plan_title"] for u in ups}) == 2
    assert {u["status"] for u in ups} == {"complete", "amber"}


def test_plan_table_in_another_paper_is_read_once():
    doc = rag_plan_doc()
    papers = [Paper("other", "", 0, 2), Paper("minutes", "", 3, len(doc.blocks) - 1)]
    ups = views(doc, run_extractors(doc, papers))["v_action_updates"]
    assert len(ups) == 5


def test_budget_table_yields_no_updates():
    doc = document([heading("CDRP Budget April 2016 to March 2017"),
                    table(row("Line", "Item", "Relates to Actions", "Original Allocation", "Revised allocation",
                              "Notes", header=True),
                          row("1", "CCC/Research and Analyst", "3.1, 3.2", "4000.00", "4000.00", "Provided"))])
    assert "plan_updates" not in run_extractors(doc).rows


def test_views_have_the_documented_columns():
    c = sqlite3.connect(":memory:")
    migrate(c)
    cols = [r[1] for r in c.execute("PRAGMA table_info(v_action_updates)")]
    assert cols == ["plan_title", "action_ref", "ref", "description", "lead_agency", "period", "period_start",
                    "progress", "status", "stats_awaited", "funding_allocated", "source_file", "page",
                    "source_path", "source_url"]
    cols = [r[1] for r in c.execute("PRAGMA table_info(v_report_items)")]
    assert cols == ["priority_area", "lead_officer", "period", "section", "item_text", "source_file", "page",
                    "source_path", "source_url", "person_id"]


# -- generated corpus ------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLES = ["pdf/cdrp-2017-02-23.pdf", "docx/cdrp-2017-02-23.docx", "pdf/cdrp-2011-04-26.pdf",
           "docx/cdrp-2011-04-26.docx", "doc/cdrp-2011-04-26.doc", "series/pdf/cdrp-2009-07-27.pdf",
           "series/docx/cdrp-2010-01-25.docx", "series/pdf/cdrp-2010-04-26.pdf"]
FIELDS = ["action_ref", "description", "period_start", "progress", "status", "stats_awaited", "funding_allocated"]


@pytest.mark.parametrize("rel", SAMPLES)
def test_corpus_action_updates_match_gold(rel, parsed):
    path = CORPUS / rel
    gold = path.with_name(path.name + ".gold.json")
    if not path.exists() or not gold.exists():
        pytest.skip(f"corpus sample {rel} not built")
    pf = parsed(path)
    got = views(pf.doc, pf.result, path.name)["v_action_updates"]
    bad = compare(got, gold_rows(gold, "v_action_updates"), ("plan_title", "ref", "period"), FIELDS)
    assert not bad, bad


def test_minutes_action_log_is_not_a_plan_but_a_plan_paper_is_read():
    """A parish minutes' action log (No | Action | Owner | Update) is left to the
    minutes extractor; the same table in an action-plan paper is a plan."""
    doc = document([heading("Matters arising"),
                    table(row("No", "Action", "Owner", "Update", header=True),
                          row("Feb23.03", "AS to action 20mph limit", "HD", "Nov23 update: leaflet drop in January"),
                          row("June23.02", "Village upkeep work party", "NO", "Working party this Saturday"))])
    assert "plan_updates" not in run_extractors(doc, [Paper("minutes", "", 0, 1)]).rows
    ups = views(doc, run_extractors(doc, [Paper("action_plan", "", 0, 1)]))["v_action_updates"]
    assert [(u["ref"], u["lead_agency"]) for u in ups] == [("Feb23.03", "HD"), ("June23.02", "NO")]


def test_one_progress_column_per_quarter_and_rag_letters():
    doc = document([para("Date: 20 October 2010"), heading("Road Safety Action Plan 2010/11"),
                    table(row("Ref", "Action", "Lead", "Q1 Update", "Q2 Update", "RAG", header=True),
                          row("1.1", "Speed stickers with parishes", "SCDC", "Stats awaited", "Deployed at 12 sites", "G"),
                          row("1.2", "Young drivers event", "CFRS", "Planned", "Postponed", "R"))])
    ups = views(doc, run_extractors(doc))["v_action_updates"]
    got = {(u["ref"], u["period"]): (u["progress"], u["stats_awaited"]) for u in ups}
    assert got == {("1.1", "2010/11 Q1"): ("Stats awaited", 1), ("1.1", "2010/11 Q2"): ("Deployed at 12 sites", 0),
                   ("1.2", "2010/11 Q1"): ("Planned", 0), ("1.2", "2010/11 Q2"): ("Postponed", 0)}
    assert {u["ref"]: u["status"] for u in ups} == {"1.1": "green", "1.2": "red"}


def test_codes_in_brackets_and_status_inherited_from_the_action():
    doc = document([para("27 July 2009"), heading("Community Safety Rolling Plan 2009-2012"),
                    table(row(*H5, header=True),
                          row("2.1", "Reduce re-offending\nTo meet target – on track",
                              "2.1(a) Run the PPO scheme\nQ1 Progress – All three strands running\n"
                              "2.1 (b) Report quarterly\nQ1 Progress: Report submitted", "Police", ""))])
    ups, _ = updates_by_ref(doc)
    assert set(ups) == {"2.1a", "2.1b"}
    assert ups["2.1b"]["description"] == "Report quarterly" and ups["2.1b"]["progress"] == "Report submitted"
    assert {u["status"] for u in ups.values()} == {"on track"}


def test_action_repeated_over_a_page_break_is_not_a_new_plan():
    hdr = row("Ref", "Action", "Lead", "Progress", header=True)
    doc = document([para("Date: 5 July 2013"), heading("Community Safety Action Plan 2013/14"),
                    table(hdr, row("1.1", "Run the task group", "Police", "Meets monthly"),
                          row("1.2", "Share data", "SCDC", "Protocol agreed"), page=1),
                    table(hdr, row("1.2", "Share data", "", "and reviewed in June", page=2),
                          row("1.3", "Publicise", "CCC", "Leaflets out", page=2), page=2)])
    ups = views(doc, run_extractors(doc))["v_action_updates"]
    assert len({u["plan_title"] for u in ups}) == 1
    assert {u["ref"]: u["progress"] for u in ups} == {
        "1.1": "Meets monthly", "1.2": "Protocol agreed and reviewed in June", "1.3": "Leaflets out"}


# -- properties: however the cell is laid out, the same milestones come out -------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_words = st.lists(st.sampled_from(["Work", "with", "partners", "to", "reduce", "burglary", "in", "villages",
                                   "Hold", "events", "Police", "funding", "young", "people", "data"]),
                  min_size=2, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_words, min_size=1, max_size=6), st.sampled_from(["lines", "inline", "rows"]),
       st.integers(min_value=1, max_value=9))
def test_split_milestones_layout_independent(texts, layout, n):
    action = f"{n}.{n + 1}"
    codes = [f"{action}{chr(97 + i)}" for i in range(len(texts))]
    if layout == "lines":
        lines = [(f"{c} {t}", 0) for c, t in zip(codes, texts)]
    elif layout == "inline":
        lines = [(" ".join(f"{c} {t}" for c, t in zip(codes, texts)), 0)]
    else:
        lines = [(f"{c} {t}", i) for i, (c, t) in enumerate(zip(codes, texts))]
    got = split_milestones(lines, action)
    assert [(c, t) for c, t, _ in got] == list(zip(codes, texts))


@settings(max_examples=60, deadline=None)
@given(_words, _words, st.sampled_from(["Lead Agency", "ASB Caseworker", "Paul Quigley/Corvu"]), _words,
       st.sampled_from(["on track", "not on track", "on track/not on track"]), st.booleans())
def test_parse_milestone_fields_in_either_order(text, measurement, source, progress, target, progress_first):
    prog = f"Q1 Progress – {progress}"
    meas = f"Measurement = {measurement} Source: {source}"
    body = [prog, meas] if progress_first else [meas, prog]
    m = parse_milestone("\n".join([text] + body + [f"To meet target – {target}"]), with_progress=True)
    assert (m["text"], m["measurement"], m["source"], m["progress"]) == (text, measurement, source, progress)
    assert m["target"].endswith(target)


_cell_text = st.sampled_from([
    "", "Number", "Action", "Milestones", "Lead CDRP agency", "Other partners", "Q4 Update", "RAG", "Progress",
    "1.1", "1.2", "2.1", "1.1a Hold meetings", "1.1b Share data 1.1c Publish", "Measurement = yes or no",
    "Source: Lead Agency", "Q1 Progress – Stats awaited", "To meet target – on track/not on track", "GREEN",
    "ACTION CLOSED", "FUNDING ALLOCATED: £500", "Police", "See Action 2.1", "1.3 Improve services",
    "Southern Domestic Abuse Task Group", "Action Plan: 2010-2011", "Priority 1. PROTECT"])
_fills = st.sampled_from([None, None, "#00B050", "#FFC000", "#FF0000", "#BFBFBF", "zzz"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(_cell_text, _fills, st.integers(1, 2)), min_size=1, max_size=6),
                min_size=1, max_size=8), st.booleans())
def test_any_table_extracts_without_error(grid, header_first):
    from report_views_helper import cell as mk

    rows = [row(*[mk(t, f, span) for t, f, span in r]) for r in grid]
    if header_first:
        rows.insert(0, row(*H5, "Q1 Progress", header=True))
    doc = document([para("Date: 1 May 2011"), heading("Test Action Plan 2010/11"), table(*rows)])
    res = run_extractors(doc)
    assert not [w for w in res.warnings if w["kind"] == "extract_error"], res.warnings
    ups = views(doc, res)["v_action_updates"]
    assert all(u["status"] in ("on track", "not on track", "not reported", "green", "amber", "red", "closed",
                               "complete") for u in ups)
    assert all(u["stats_awaited"] in (0, 1) for u in ups)


def test_milestones_lettered_without_the_action_number():
    got = split_milestones([("a) Hold four roadshows", 0), ("b) Publish a leaflet", 0), ("in every village", 0)],
                           "5.3")
    assert [(c, t) for c, t, _ in got] == [("5.3a", "Hold four roadshows"), ("5.3b", "Publish a leaflet\nin every village")]
    assert split_milestones([("Hold a) four roadshows", 0)], "5.3")[0][0] is None


# -- real published papers ---------------------------------------------------------------------

REAL_NO_PLANS = [
    "kent-county-council/cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf",
    "kent-county-council/cabinet-2025-01-30/Appendix I Budget Risk Register 22.01.25.pdf",
    "kent-county-council/county-council-2025-02-13/Appendix E - 2025-26 Budget by Directorate.pdf",
    "souldern-parish-council/spc-minutes/2023-11-30 SPC minutes.pdf",  # minutes' action log
    "souldern-parish-council/spc-documents/SPC 201617 account with budget.pdf",
]


@pytest.mark.parametrize("rel", REAL_NO_PLANS)
def test_real_papers_without_plans_or_reports_yield_none(rel, parsed, realworld_dir):
    """Finance reports, risk registers, budgets and parish minutes hold tables
    with Action / Owner / Update / Status columns; none of them is an action plan
    or a progress report."""
    path = realworld_dir / rel
    if not path.exists():
        pytest.skip(f"{rel} not present")
    pf = parsed(path)
    rows = pf.result.rows
    assert not rows.get("plan_updates"), [(u["ref"], u["progress"]) for u in rows.get("plan_updates", [])][:5]
    assert not rows.get("report_items")


def test_headerless_block_continues_only_the_plan_just_above():
    hdr = row("Ref", "Action", "Lead", "Progress", header=True)
    doc = document([para("Date: 5 July 2013"), heading("Community Safety Action Plan 2013/14"),
                    table(hdr, row("1.1", "Run the task group", "Police", "Meets monthly", page=1), page=1),
                    table(row("1.2", "Share data", "SCDC", "Protocol agreed", page=2), page=2),
                    heading("Budget 2013/14", page=5), para("Allocations agreed in May.", page=5),
                    para("Lines below are provisional.", page=5),
                    table(row("1", "Research", "4000.00", "Agreed", page=5), page=5)])
    ups = views(doc, run_extractors(doc))["v_action_updates"]
    assert sorted(u["ref"] for u in ups) == ["1.1", "1.2"]


def test_title_rows_of_a_table_beat_the_running_header():
    doc = document([para("26 APRIL 2011"),
                    table(row("Southern Domestic Abuse Task Group", None, None),
                          row("Ref", "Action Plan Item", "Quarterly Progress", header=True),
                          row("1.1", "Revise the directory", "Directory updated"))],
                   headers=["Community Safety Plan 2011-2014"])
    ups = views(doc, run_extractors(doc))["v_action_updates"]
    assert [u["plan_title"] for u in ups] == ["Southern Domestic Abuse Task Group"]


# -- the header rows are read from the table's recorded classification -------------------

def test_plan_header_rows_come_from_the_mark_stage_record():
    doc = mark_document(rolling_plan_doc())
    tables = [b for b in doc.blocks if b.table is not None and b.table.plan_headers]
    assert tables and all(ph.roles for b in tables for ph in b.table.plan_headers)
    ups, _ = updates_by_ref(doc)
    assert "1.1a" in ups
    # the extractor reads the record, it does not test the rows again: a table
    # recorded with no plan header row is no plan
    for b in tables:
        b.table.plan_headers = []
    ups, res = updates_by_ref(doc)
    assert not ups and not res.rows.get("action_plans")
