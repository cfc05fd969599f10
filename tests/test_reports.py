"""Quarterly progress reports: fields, sections by meaning, items, empty sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpack.extractors.reports import clean_heading, section_of
from boardpack.core.model import Paper

from report_views_helper import bullet, compare, document, gold_rows, heading, para, run_extractors, views

FN = "boilerplate"


@pytest.mark.parametrize("text, section", [
    ("Key Achievements during this Quarter¹", "achievement"),
    ("Key Achievements during this Quarter 1", "achievement"),
    ("1. Key Achievements (What has gone well):", "achievement"),
    ("Areas of Concern for Partnership to Note²", "concern"),
    ("2. Areas of Concern (what has not gone well)", "concern"),
    ("Recommendations to Partnership to Address Concerns³", "recommendation"),
    ("3. Changes to be made to address concerns", "recommendation"),
    ("Any Items for Publicity⁴", "publicity"),
    ("Any Items for Publicity 12", "publicity"),
    ("There are no specific concerns regarding substance misuse in South Cambs recently.", None),
    ("Lead Officer: Jenny Jolley", None),
    ("What went well", "achievement"),
    ("What hasn't gone well", "concern"),
    ("Key Risks and Issues", "concern"),
    ("Decisions required from the Board", "recommendation"),
    ("Good news stories", "publicity"),
    ("IOM Updates", None),
    ("Young people services", None),
])
def test_section_headings_by_meaning(text, section):
    assert section_of(text) == section


def test_footnote_markers_stripped():
    assert clean_heading("Key Achievements during this Quarter¹") == "Key Achievements during this Quarter"
    assert clean_heading("Areas of Concern for Partnership to Note 10") == "Areas of Concern for Partnership to Note"
    assert clean_heading("1. Key Achievements (What has gone well):") == "Key Achievements (What has gone well)"


def two_reports():
    return document([
        para("26 APRIL 2011"),
        heading("Priority Area Quarterly Progress Report: Q1 2009/10"),
        para("Priority Area: ASB", bold=True),
        para("Lead Officer: Insp Chris Savage"),
        heading("Key Achievements during this Quarter¹"),
        bullet("The group dealt with 12 newly referred cases in Q1"),
        bullet("Two ASBOs were issued during the quarter"),
        heading("Areas of Concern for Partnership to Note²"),
        bullet("Absence of the caseworker has impacted on"),
        para("performance and co-ordination.", page=2),
        heading("Recommendations to Partnership to Address Concerns³", page=2),
        para("None.", page=2),
        heading("Any Items for Publicity⁴", page=2),
        para("¹ Please ensure that you only highlight those notable achievements recorded against your Task "
             "Group's Action Plan.", page=2, flags=[FN]),
        para("² Please ensure that you only highlight those concerns.", page=2),
        para("PLEASE RESTRICT THE REPORT TO ONE PAGE", page=2, bold=True),
        heading("Priority 2: Reducing Re-offending", page=3),
        heading("2.1 Quarterly Progress Report – Q4", page=3),
        para("Lead Officer: Jenny Jolley", page=3),
        heading("Key Achievements (What has gone well)", page=3),
        para("Scheme Updates – PPO", page=3, bold=True),
        para("A PPO was recalled to custody following a breach of licence.", page=3),
        heading("Changes to be made to address concerns", page=3),
        bullet("Presentation to be scheduled within the forward plan.", page=3),
        para("Any Items for Publicity: Update information on the DAAT website: www.cambsdaat.org", page=3),
    ])


def test_two_reports_fields_items_and_empty_sections():
    doc = two_reports()
    res = run_extractors(doc, [Paper("progress_report", "", 0, len(doc.blocks) - 1)])
    items = views(doc, res)["v_report_items"]
    got = [(i["priority_area"], i["lead_officer"], i["period"], i["section"], i["item_text"]) for i in items]
    assert got == [
        ("ASB", "Insp Chris Savage", "2009/10 Q1", "achievement", "The group dealt with 12 newly referred cases in Q1"),
        ("ASB", "Insp Chris Savage", "2009/10 Q1", "achievement", "Two ASBOs were issued during the quarter"),
        ("ASB", "Insp Chris Savage", "2009/10 Q1", "concern",
         "Absence of the caseworker has impacted on performance and co-ordination."),
        ("Reducing Re-offending", "Jenny Jolley", "2010/11 Q4", "achievement",
         "A PPO was recalled to custody following a breach of licence."),
        ("Reducing Re-offending", "Jenny Jolley", "2010/11 Q4", "recommendation",
         "Presentation to be scheduled within the forward plan."),
        ("Reducing Re-offending", "Jenny Jolley", "2010/11 Q4", "publicity",
         "Update information on the DAAT website: www.cambsdaat.org"),
    ]
    sections = [(s["section"], s["n_items"], s["heading_raw"]) for s in res.rows["report_sections"]]
    assert sections[:4] == [
        ("achievement", 2, "Key Achievements during this Quarter"),
        ("concern", 1, "Areas of Concern for Partnership to Note"),
        ("recommendation", 0, "Recommendations to Partnership to Address Concerns"),
        ("publicity", 0, "Any Items for Publicity"),
    ]
    reports = res.rows["progress_reports"]
    assert [r["period_inferred"] for r in reports] == ["stated", "from meeting date"]
    assert all(i["page"] for i in items)


def test_report_fields_run_together_and_period_suffix():
    doc = document([para("Date: 6th April 2011"),
                    para("Priority Area: Anti Social Behaviour – Q4"),
                    para("Lead Officer: Insp Chris Savage"),
                    heading("Key Achievements during this Quarter9"),
                    bullet("A complex case in Cambourne has now been closed.")])
    res = run_extractors(doc, [Paper("progress_report", "", 0, len(doc.blocks) - 1)])
    (item,) = views(doc, res)["v_report_items"]
    assert (item["priority_area"], item["period"]) == ("Anti Social Behaviour", "2010/11 Q4")


def test_report_cues_in_an_unexpected_paper_are_read_once():
    doc = two_reports()
    papers = [Paper("other", "", 0, 15), Paper("progress_report", "", 16, len(doc.blocks) - 1)]
    items = views(doc, run_extractors(doc, papers))["v_report_items"]
    assert len(items) == 6


def test_minutes_mentioning_concerns_are_not_reports():
    doc = document([heading("MINUTES"), para("Lead Officer: Philip Aldis"),
                    para("Areas of concern were discussed at length."), bullet("The Board noted the report.")])
    res = run_extractors(doc, [Paper("minutes", "", 0, len(doc.blocks) - 1)])
    assert not res.rows.get("report_items")


CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLES = ["pdf/cdrp-2011-04-26.pdf", "docx/cdrp-2011-04-26.docx", "doc/cdrp-2011-04-26.doc",
           "series/pdf/cdrp-2009-07-27.pdf", "series/docx/cdrp-2009-07-27.docx", "pdf/cdrp-2017-02-23.pdf"]


@pytest.mark.parametrize("rel", SAMPLES)
def test_corpus_report_items_match_gold(rel, parsed):
    path = CORPUS / rel
    gold = path.with_name(path.name + ".gold.json")
    if not path.exists() or not gold.exists():
        pytest.skip(f"corpus sample {rel} not built")
    pf = parsed(path)
    got = views(pf.doc, pf.result, path.name)["v_report_items"]
    want = gold_rows(gold, "v_report_items")
    bad = compare(got, want, ("section", "item_text"), ["priority_area", "lead_officer", "period"])
    assert not bad, bad
    assert len(got) == len(want)


def test_report_laid_out_as_a_table():
    from report_views_helper import cell, row, table

    doc = document([
        para("Date: 14 October 2012"),
        heading("Quarterly Progress Report: Q2 2012/13"),
        table(row(cell("Priority Area", bold=True), "Domestic Abuse"),
              row(cell("Lead Officer", bold=True), "Jane Doe"),
              row(cell("Key Achievements", bold=True), "Refuge places increased\nTraining for 40 staff"),
              row(cell("Areas of Concern", bold=True), ""),
              row(cell("Recommendations", bold=True), "Fund a second IDVA"),
              row(cell("Any Items for Publicity", bold=True), "None")),
    ])
    res = run_extractors(doc, [Paper("progress_report", "", 0, len(doc.blocks) - 1)])
    items = views(doc, res)["v_report_items"]
    assert [(i["priority_area"], i["lead_officer"], i["period"], i["section"], i["item_text"]) for i in items] == [
        ("Domestic Abuse", "Jane Doe", "2012/13 Q2", "achievement", "Refuge places increased"),
        ("Domestic Abuse", "Jane Doe", "2012/13 Q2", "achievement", "Training for 40 staff"),
        ("Domestic Abuse", "Jane Doe", "2012/13 Q2", "recommendation", "Fund a second IDVA"),
    ]
    assert [(s["section"], s["n_items"]) for s in res.rows["report_sections"]] == [
        ("achievement", 2), ("concern", 0), ("recommendation", 1), ("publicity", 0)]


def test_an_item_mentioning_a_progress_report_is_an_item():
    doc = document([para("27 July 2009"), heading("Priority Area Quarterly Progress Report: Q1 2009/10"),
                    para("Priority Area: Serious Acquisitive Crime"), para("Lead Officer: Cllr John Reynolds"),
                    heading("Key Achievements during this Quarter"),
                    para("Initiatives agreed are described in the SACTG Q1 Progress Report to the Board."),
                    para("Bobby Scheme referrals increased.")])
    res = run_extractors(doc, [Paper("progress_report", "", 0, len(doc.blocks) - 1)])
    items = views(doc, res)["v_report_items"]
    assert len(res.rows["progress_reports"]) == 1 and len(items) == 2


def test_cover_report_with_issues_and_recommendations_is_not_a_progress_report():
    doc = document([para("Report to: South Cambridgeshire CDRP Board"),
                    para("Lead Officer: Philip Aldis, SCDC Community Safety Officer"),
                    heading("Key Issues"), para("Funding from the PCC is confirmed."),
                    heading("Recommendations"), para("That the Board notes the report.")])
    res = run_extractors(doc, [Paper("other", "", 0, len(doc.blocks) - 1)])
    assert not res.rows.get("report_items")
