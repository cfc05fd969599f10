"""Performance indicators: tables and count lists to long format."""

from __future__ import annotations

import json

import pytest

from boardpack.extractors.base import ExtractContext
from boardpack.extractors.indicators import IndicatorExtractor
from boardpack.core.periods import find_period, is_period_header
from boardpack.extractors.numeric_tables import analyse, classify
from boardpack.core.model import ACTION_PLAN, HEADING, LIST_ITEM, OTHER, PARAGRAPH, PERFORMANCE, PROGRESS_REPORT, TABLE, Block, Cell, Document, Paper, Row

SHA = "c" * 64


def table(rows, header=True, page=2, spans=None):
    out = []
    for i, r in enumerate(rows):
        cells = []
        for j, c in enumerate(r):
            if c is None:
                continue
            cells.append(Cell(text=c, colspan=(spans or {}).get((i, j), 1)))
        out.append(Row(cells=cells, page=page, is_header=header and i == 0))
    return Block(kind=TABLE, page=page, rows=out)


def run(blocks, paper_type=PERFORMANCE):
    doc = Document(path="/x/pack.pdf", sha256=SHA, format="pdf", blocks=list(blocks))
    doc.renumber()
    paper = Paper(paper_type=paper_type, title="t", start=0, end=len(doc.blocks) - 1)
    return IndicatorExtractor().extract(paper, ExtractContext(doc, [paper]))


def values(res):
    titles = {t["table_id"]: t["title"] for t in res.rows.get("indicator_tables", [])}
    return {(r["indicator"], r["measure"], r["period_label"]): (r["value"], r["value_raw"], titles[r["table_id"]]) for r in res.rows.get("indicator_values", [])}


CADET = [
    ["Crime type", "Apr - Dec 2015", "Apr - Dec 2016", "Change", "% Change"],
    ["All crime", "4,512", "4,873", "+ 361", "+ 8.0%"],
    ["Dwelling burglary", "312", "274", "- 38", "- 12.2%"],
    ["Cyber crime", "-", "23", "No Calc", "No Calc"],
    ["Hate crime", "0", "14", "14", ""],
]


def test_cadet_table_long_format():
    title = "CADET highlights: South Cambridgeshire, April to December 2016 compared with April to December 2015"
    res = run([Block(kind=HEADING, text=title), table(CADET)])
    v = values(res)
    assert v[("All crime", "Apr - Dec 2015", "Apr - Dec 2015")][:2] == (4512.0, "4,512")
    assert v[("Dwelling burglary", "% Change", None)][0] == -12.2
    assert v[("All crime", "Change", None)][0] == 361.0
    # No Calc, "-" and blanks are null with the raw text kept
    assert v[("Cyber crime", "Apr - Dec 2015", "Apr - Dec 2015")][:2] == (None, "-")
    assert v[("Cyber crime", "% Change", None)][:2] == (None, "No Calc")
    assert v[("Hate crime", "% Change", None)][:2] == (None, "")
    assert len(v) == 16
    assert {t for _, _, t in v.values()} == {title}


def test_caption_period_applies_when_no_column_names_one():
    rows = [["", "PPO", "DIP"], ["Clients on Scheme", "Deter: 2 C+C and R+R: 5", "Jan 4 Feb 4 March 4"], ["New engagements", "1", "0"], ["Removals", "1", "2"]]
    res = run([Block(kind=HEADING, text="Scheme Updates - PPO (all 3 strands) Q4 2010/11"), table(rows)], PROGRESS_REPORT)
    v = values(res)
    assert v[("New engagements", "PPO", "2010/11 Q4")][0] == 1.0
    assert v[("Removals", "DIP", "2010/11 Q4")][0] == 2.0
    # a text cell is a null value, raw kept; the row is not mistaken for a header
    assert v[("Clients on Scheme", "PPO", "2010/11 Q4")][:2] == (None, "Deter: 2 C+C and R+R: 5")


def test_two_level_header_period_above_measures():
    rows = [
        ["", "2008/09", None, "2009/10", None],
        ["", "Number", "Rate", "Number", "Rate"],
        ["Burglary", "120", "2.1", "105", "1.8"],
        ["Vehicle crime", "80", "1.4", "92", "1.6"],
    ]
    blk = table(rows, spans={(0, 1): 2, (0, 3): 2})
    blk.rows[1].is_header = True
    v = values(run([blk]))
    assert v[("Burglary", "Number", "2008/09")][0] == 120.0
    assert v[("Vehicle crime", "Rate", "2009/10")][0] == 1.6


def test_wrapped_period_header_over_two_rows():
    rows = [["", "Apr - Dec", "Apr - Dec", "Change"], ["", "2015", "2016", ""], ["All crime", "4,512", "4,873", "361"]]
    v = values(run([table(rows)]))
    assert v[("All crime", "Apr - Dec 2015", "Apr - Dec 2015")][0] == 4512.0


def test_count_list_in_prose_and_split_by_a_reader():
    intro = "5.1. The number of referrals to the IDVA Service, per District, for the 4th Quarter of 2010/11 are:"
    blocks = [
        Block(kind=PARAGRAPH, text=intro),
        Block(kind=PARAGRAPH, text="Hunts: 59"),
        table([["Fen:", "50"], ["City:", "64"]], header=False),  # as a PDF reader may split it
        Block(kind=PARAGRAPH, text="East: 41"),
        Block(kind=LIST_ITEM, text="South: 40"),
        Block(kind=PARAGRAPH, text="Further information is available."),
    ]
    res = run(blocks, OTHER)
    v = values(res)
    assert {k[0] for k in v} == {"Hunts", "Fen", "City", "East", "South"}
    assert v[("Fen", None, "2010/11 Q4")][0] == 50.0
    title = v[("Hunts", None, "2010/11 Q4")][2]
    assert title.startswith("The number of referrals") and not title.endswith(":")
    assert len(res.rows["indicator_tables"]) == 1


def test_metadata_lines_are_not_counts():
    blocks = [Block(kind=PARAGRAPH, text="Date: 2009\nItem: 4\nTel: 01954 713000")]
    assert not run(blocks, OTHER).rows.get("indicator_values")


def test_action_plans_are_not_indicator_tables():
    plan = [["Key Support Indicator", "Lead", "Action Plan Item", "Milestones", "Quarterly Progress"], ["NI 16", "SCDC", "1.1", "Q1 50", "12"], ["NI 20", "SCDC", "1.2", "Q2", "15"]]
    assert not run([table(plan)], ACTION_PLAN).rows.get("indicator_values")


def test_timescale_years_are_not_values():
    rows = [["Objectively Verifiable Indicators", "Timescale", "Progress"], ["Pupil absence will fall below 5%", "2028", ""], ["Employment rates rise", "2028", ""]]
    lay = analyse(table(rows))
    assert classify(lay, OTHER).kind is None


@pytest.mark.parametrize("text,period", [("2008/09", "2008/09"), ("Apr-Jun 2009", "Apr-Jun 2009"), ("Q1 2009/10", "Q1 2009/10"), ("2024-25 Budget", "2024-25"), ("Change", None), ("% Change", None)])
def test_find_period(text, period):
    assert find_period(text) == period
    assert is_period_header(text) == (period is not None)


def test_corpus_indicators_match_gold(parsed, corpus_dir):
    paths = sorted(p for p in corpus_dir.glob("*/cdrp-201[17]-*.*") if not p.name.endswith(".json"))
    if not paths:
        pytest.skip("corpus samples not generated")
    for path in paths:
        gold = json.loads(path.with_name(path.name + ".gold.json").read_text())["views"].get("v_indicator_values")
        if gold is None:
            continue
        rows = parsed(path).result.rows.get("indicator_values", [])
        got = {(r["indicator"], r["measure"], r["period_label"], r["value"]) for r in rows}
        want = {(g["indicator"], g["measure"], g["period_label"], g["value"]) for g in gold}
        assert got == want, path.name


def test_kent_finance_report_indicator_tables(parsed, realworld_dir):
    path = realworld_dir / "kent-county-council/cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf"
    rows = parsed(path).result.rows.get("indicator_values", [])
    by = {(r["indicator"], r["measure"]): r for r in rows}
    # pupils by school type and year: periods as columns
    r = by.get(("Independent Schools", "2021-22"))
    assert r is not None and r["period_label"] == "2021-22"
    assert all(r["value"] is None or isinstance(r["value"], float) for r in rows)


def test_periods_down_the_side():
    rows = [["Month", "PPO clients", "DIP clients"], ["April 2009", "12", "30"], ["May 2009", "11", "28"], ["June 2009", "13", "-"]]
    v = values(run([Block(kind=HEADING, text="Scheme statistics"), table(rows)]))
    assert v[("PPO clients", None, "April 2009")][0] == 12.0
    assert v[("DIP clients", None, "June 2009")][:2] == (None, "-")


def test_bare_month_columns_and_other_wordings():
    rows = [["Scheme", "Apr", "May", "Jun"], ["PPO", "12", "11", "13"], ["DIP", "30", "28", "31"]]
    v = values(run([table(rows)], OTHER))
    assert v[("PPO", "May", "May")][0] == 11.0
    msg = [["Crime", "Rate per 1,000", "MSG average", "Position (of 15)"], ["Burglary", "4.2", "5.1", "6"], ["Robbery", "0.3", "0.4", "3"]]
    v = values(run([Block(kind=HEADING, text="Position against most similar group"), table(msg)], OTHER))
    assert v[("Robbery", "MSG average", None)][0] == 0.4


def test_count_pairs_on_one_line():
    blocks = [Block(kind=PARAGRAPH, text="Referrals per district in 2010/11:"), Block(kind=PARAGRAPH, text="Hunts: 59  Fen: 50  City: 64 East: 41 South: 40")]
    v = values(run(blocks, OTHER))
    assert v[("City", None, "2010/11")][0] == 64.0 and len(v) == 5
    assert not run([Block(kind=PARAGRAPH, text="Date: 12 Time: 10 Venue: 3")], OTHER).rows.get("indicator_values")
