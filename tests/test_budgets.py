"""Budgets and spending plans: long format, totals checked, tables that are not budgets left alone."""

from __future__ import annotations

import json

import pytest

from boardpack.extractors.base import ExtractContext
from boardpack.extractors.budget_labels import related_actions, total_kind
from boardpack.extractors.budgets import BudgetExtractor
from boardpack.extractors.indicators import IndicatorExtractor
from boardpack.core.model import ACTION_PLAN, AGENDA, BUDGET, HEADING, OTHER, PARAGRAPH, TABLE, Block, Cell, Document, Paper, Row

SHA = "b" * 64


def table(rows, header=True, page=3):
    return Block(
        kind=TABLE,
        page=page,
        rows=[Row(cells=[Cell(text=c) for c in r], page=page, is_header=header and i == 0) for i, r in enumerate(rows)],
    )


def run(blocks, paper_type=BUDGET, extractor=BudgetExtractor):
    doc = Document(path="/x/pack.docx", sha256=SHA, format="docx", blocks=list(blocks))
    doc.renumber()
    paper = Paper(paper_type=paper_type, title="t", start=0, end=len(doc.blocks) - 1)
    ctx = ExtractContext(doc, [paper])
    return extractor().extract(paper, ctx)


CDRP_2017 = [
    ["Line", "Item", "Relates to Actions", "Original Allocation", "Revised allocation", "Notes"],
    ["1", "CCC/Research and Analyst", "3.1, 3.2, 3.3", "4000.00", "4000.00", "Strategic Assessment provided"],
    ["2", "Community & school presentations", "1.6", "4500.00", "4500.00", ""],
    ["3", "Parish Training Event", "1.1", "500.00", "500.00", ""],
    ["4", "Hoarding", "1.1, 1.5", "1000.00", "1000.00", "Budget set was £1,000, actual cost was £1,013.70"],
    ["5", "Hate Crime", "1.8", "500.00", "500.00", ""],
    ["6", "Community Protection work by CCC", "1.9", "2000.00", "2000.00", ""],
    ["7", "Burglary Prevention", "2.2", "2000.00", "2000.00", ""],
    ["8", "Community Engagement", "3.1,3.2, 3.3", "1277.00", "0", "Re-allocated to Lines 9 and 10"],
    ["9", "Contribution to Bobby Scheme", "1.1, 2.2", "0", "1277.00", "Awaiting costings"],
    ["10", "Information Packs (Line 3)", "1.1", "0", "", "Awaiting costings"],
    ["", "TOTAL", "", "15,777.00", "15,777.00", ""],
]


def amounts(res):
    return {(r["item"], r["measure"]): r for r in res.rows.get("budget_amounts", [])}


def test_allocation_table_to_long_format():
    res = run([Block(kind=HEADING, text="CDRP Budget April 2016 to March 2017: February 2017 update"), table(CDRP_2017)], ACTION_PLAN)
    a = amounts(res)
    assert a[("Hoarding", "Original Allocation")]["amount"] == 1000.0
    assert a[("Community Engagement", "Revised allocation")]["amount"] == 0.0
    assert a[("CCC/Research and Analyst", "Original Allocation")]["related_actions"] == "3.1;3.2;3.3"
    assert a[("Hoarding", "Revised allocation")]["line_number"] == "4"
    assert a[("Hoarding", "Revised allocation")]["notes"].startswith("Budget set was")
    assert a[("Hoarding", "Revised allocation")]["amount_raw"] == "1000.00"
    # a blank cell is no amount
    assert ("Information Packs (Line 3)", "Revised allocation") not in a
    assert a[("TOTAL", "Original Allocation")]["is_total"] == 1
    assert len(a) == 21
    (t,) = res.rows["budget_tables"]
    assert t["title"] == "CDRP Budget April 2016 to March 2017: February 2017 update"
    checks = res.rows["budget_checks"]
    assert {c["status"] for c in checks} == {"ok"} and len(checks) == 2
    assert not res.warnings


def test_unlabelled_total_row_and_mismatch_is_warned():
    rows = [r[:] for r in CDRP_2017]
    rows[-1] = ["", "", "", "15,000.00", "15,777.00", ""]  # original column does not add up
    res = run([table(rows)])
    a = amounts(res)
    assert a[("Total", "Original Allocation")]["is_total"] == 1
    checks = {c["measure"]: c for c in res.rows["budget_checks"]}
    assert checks["Original Allocation"]["status"] == "mismatch"
    assert checks["Original Allocation"]["computed"] == 15777.0
    assert checks["Original Allocation"]["difference"] == -777.0
    assert checks["Revised allocation"]["status"] == "ok"
    assert [w["kind"] for w in res.warnings] == ["total_mismatch"]
    assert "15,000.00" in res.warnings[0]["message"]


def test_funding_sources_total_and_bracketed_unallocated_balance():
    rows = [
        ["Funding source", "Amount"],
        ["Pooled fund start balance April 2010", "£12,345"],
        ["Home Office grant", "£33,333"],
        ["TOTAL FUNDING AVAILABLE", "£45,678"],
        ["Burglary prevention", "£30,000"],
        ["Domestic violence outreach", "£25,554"],
        ["Balance", "(9,876)"],
    ]
    res = run([table(rows)])
    a = amounts(res)
    assert a[("Balance", "Amount")]["amount"] == -9876.0
    assert a[("Balance", "Amount")]["is_total"] == 1
    assert a[("TOTAL FUNDING AVAILABLE", "Amount")]["is_total"] == 1
    checks = {c["total_item"]: c for c in res.rows["budget_checks"]}
    assert checks["TOTAL FUNDING AVAILABLE"]["status"] == "ok"
    assert checks["Balance"]["status"] == "ok" and checks["Balance"]["method"] == "balance"
    assert not res.warnings


def test_scale_from_caption_row():
    rows = [
        ["All figures in £m", "", "", ""],
        ["DSG Block", "2024-25 Budget*", "2024-25 Forecast", "2024-25 Variance"],
        ["Schools' Block", "1,260.5", "1,260.2", "-0.3"],
        ["High Needs Block", "337.9", "392.8", "54.9"],
        ["Total", "1,598.4", "1,653.0", "54.6"],
    ]
    res = run([table(rows, header=False)], OTHER)
    a = amounts(res)
    assert a[("High Needs Block", "2024-25 Forecast")]["amount"] == pytest.approx(392_800_000.0)
    assert a[("Schools' Block", "2024-25 Variance")]["amount"] == pytest.approx(-300_000.0)
    assert {c["status"] for c in res.rows["budget_checks"]} == {"ok"}


def test_prose_budget_lines_with_header_line():
    blocks = [
        Block(kind=HEADING, text="Revenue budget 2025-26"),
        Block(kind=PARAGRAPH, text="Core External Total\n£000s £000s £000s"),
        Block(kind=PARAGRAPH, text="Pay 21,845.7 626.9 22,472.6\nPrices 41,407.1 1,944.4 43,351.5\nTOTAL SPENDING 63,252.8 2,571.3 65,824.1"),
    ]
    res = run(blocks)
    a = amounts(res)
    assert a[("Pay", "Core")]["amount"] == pytest.approx(21_845_700.0)
    assert a[("TOTAL SPENDING", "Total")]["is_total"] == 1
    assert {c["status"] for c in res.rows["budget_checks"]} == {"ok"}


def test_action_plan_and_agenda_tables_are_not_budgets():
    plan = [
        ["Number", "Action", "Milestones", "Lead CDRP agency", "Progress"],
        ["1.2", "Make use of mediation", "1.2a Contribute funding £2,500", "SCDC Housing", "£625.00 quarterly"],
        ["1.3", "Graffiti", "1.3a Clean areas", "SCDC", "500"],
    ]
    assert not run([table(plan)], ACTION_PLAN).rows.get("budget_amounts")
    agenda = [["Item", "Title", "Pages"], ["1", "Apologies", ""], ["5", "Budget update", "7"], ["6", "Funding", "9"]]
    assert not run([table(agenda)], AGENDA).rows.get("budget_amounts")
    assert not run([table(agenda)], OTHER).rows.get("budget_amounts")


def test_indicator_tables_are_not_budgets_and_vice_versa():
    cadet = [["Crime", "Apr-Jun 2008", "Apr-Jun 2009", "Change", "% Change"], ["Burglary", "120", "105", "-15", "- 12.5%"]]
    assert not run([table(cadet)], OTHER).rows.get("budget_amounts")
    assert run([table(cadet)], OTHER, IndicatorExtractor).rows.get("indicator_values")
    assert not run([table(CDRP_2017)], OTHER, IndicatorExtractor).rows.get("indicator_values")


@pytest.mark.parametrize(
    "text,expected",
    [("1.1, 2.2", "1.1;2.2"), ("Relates to Actions 1.1, 2.2", "1.1;2.2"), ("3.1,3.2, 3.3", "3.1;3.2;3.3"), ("", None), ("1.3a and 1.3b", "1.3a;1.3b")],
)
def test_related_actions(text, expected):
    assert related_actions(text) == expected


@pytest.mark.parametrize(
    "label,kind",
    [("TOTAL", "total"), ("Total funding available", "total"), ("TOTAL FUNDING AVAILABLE", "total"), ("Sub-total", "subtotal"),
     ("Balance", "balance"), ("Unallocated", "balance"), ("Grand Total", "total"), ("Hate Crime", None), ("Total Place pilot", None)],
)
def test_total_kind(label, kind):
    assert total_kind(label) == kind


# -- real files ------------------------------------------------------------------


def test_corpus_budget_matches_gold(parsed, corpus_dir):
    paths = sorted(p for p in corpus_dir.glob("*/cdrp-2017-02-23.*") if not p.name.endswith(".json"))
    if not paths:
        pytest.skip("corpus sample cdrp-2017-02-23 not generated")
    for path in paths:
        gold = json.loads(path.with_name(path.name + ".gold.json").read_text())["views"]["v_budget_amounts"]
        res = parsed(path).result
        got = {(r["item"], r["measure"], r["amount"], r["is_total"]) for r in res.rows.get("budget_amounts", [])}
        want = {(g["item"], g["measure"], g["amount"], g["is_total"]) for g in gold}
        assert got == want, path.name
        assert all(c["status"] == "ok" for c in res.rows["budget_checks"]), path.name


def test_kent_budget_by_directorate(parsed, realworld_dir):
    path = realworld_dir / "kent-county-council/county-council-2025-02-13/Appendix E - 2025-26 Budget by Directorate.pdf"
    res = parsed(path).result
    rows = res.rows.get("budget_amounts", [])
    assert len(rows) >= 60
    by = {(r["item"], r["measure"]): r["amount"] for r in rows}
    # £000s applied: Pay is £22.5m in total
    assert by.get(("Pay", "Total")) == pytest.approx(22_472_600.0)
    assert any(r["is_total"] and r["item"].upper().startswith("TOTAL SPENDING") for r in rows)
    checks = res.rows["budget_checks"]
    assert sum(c["status"] == "ok" for c in checks) >= 10
    # every mismatch is also a warning
    assert sum(c["status"] == "mismatch" for c in checks) == sum(w["kind"] == "total_mismatch" for w in res.warnings)


def test_kent_finance_monitoring_report(parsed, realworld_dir):
    path = realworld_dir / "kent-county-council/cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf"
    res = parsed(path).result
    rows = res.rows.get("budget_amounts", [])
    by = {(r["item"], r["measure"]): r for r in rows}
    hn = by[("High Needs Block", "2024-25 Forecast")]
    assert hn["amount"] == pytest.approx(392_800_000.0) and hn["amount_raw"] == "392.8"
    # recommendation tables numbered 2.2, 2.3 ... are not budgets
    assert not any(r["item"].startswith("Note the forecast") for r in rows)
    assert all(r["amount"] is None or isinstance(r["amount"], float) for r in rows)


def test_views_start_with_the_contract_columns():
    import sqlite3

    from boardpack.schema import migrate

    conn = sqlite3.connect(":memory:")
    migrate(conn)

    def cols(view):
        return [r[1] for r in conn.execute(f"PRAGMA table_info({view})")]

    assert cols("v_budget_amounts")[:7] == ["table_title", "item", "measure", "amount", "is_total", "source_file", "page"]
    assert cols("v_indicator_values")[:7] == ["table_title", "indicator", "measure", "period_label", "value", "source_file", "page"]
    assert cols("v_people") == ["person_id", "name", "variants", "roles", "organisations"]


def test_parish_balance_brought_forward_add_income_deduct_expenditure():
    rows = [["Balance Brought Forward", "9120.00"], ["Add income", "9170.34"], ["Deduct expenditure", "7881.25"], ["Balance", "10409.09"]]
    res = run([Block(kind=HEADING, text="Statement of accounts"), table(rows, header=False)])
    a = amounts(res)
    assert a[("Balance Brought Forward", "Amount")]["is_total"] == 0
    (check,) = res.rows["budget_checks"]
    assert (check["status"], check["method"]) == ("ok", "signed_sum")
    rows[-1][1] = "10409.00"  # the printed balance is 9p out
    res = run([table(rows, header=False)])
    assert res.rows["budget_checks"][0]["status"] == "mismatch"
    assert res.warnings[0]["kind"] == "total_mismatch"


def test_other_budget_wordings():
    rows = [
        ["Expenditure", "Budget £", "Actual £", "Variance £"],
        ["Staffing", "10,500", "10,250", "(250)"],
        ["Publicity", "2,000", "2,400", "400"],
        ["Net expenditure", "12,500", "12,650", "150"],
    ]
    res = run([Block(kind=PARAGRAPH, text="Partnership spend to 31 March"), table(rows)], OTHER)
    a = amounts(res)
    assert a[("Staffing", "Variance")]["amount"] == -250.0
    assert a[("Publicity", "Actual")]["amount"] == 2400.0
    assert a[("Net expenditure", "Budget")]["is_total"] == 1
    assert {c["status"] for c in res.rows["budget_checks"]} == {"ok"}
    # grants awarded, with the money in the cells and no budget word in the header
    grants = [["Group", "Award"], ["Sin Cru", "£3,000"], ["Lifecraft", "£2,500"], ["Refuge", "£4,000"]]
    a = amounts(run([table(grants)], OTHER))
    assert a[("Lifecraft", "Award")]["amount"] == 2500.0


def test_subtotals_and_grand_total():
    rows = [
        ["Item", "Amount"],
        ["Posters", "100"],
        ["Leaflets", "200"],
        ["Sub-total publicity", "300"],
        ["Venue", "500"],
        ["Catering", "250"],
        ["Sub-total event", "750"],
        ["Grand total", "1,050"],
    ]
    res = run([table(rows)])
    checks = [(c["total_item"], c["status"], c["method"]) for c in res.rows["budget_checks"]]
    assert checks[:2] == [("Sub-total publicity", "ok", "sum"), ("Sub-total event", "ok", "sum")]
    assert checks[2][:2] == ("Grand total", "ok") and checks[2][2] in ("sum_all", "sum_subtotals")


def test_action_plan_with_funding_column_belongs_to_action_plans():
    plan = [
        ["Number", "Action", "Lead agency", "Funding allocated"],
        ["1.1", "Provide localised information and training events", "SCDC", "£500"],
        ["1.4", "Host conference for frontline officers", "CCC", "£1,500"],
    ]
    assert not run([table(plan)], ACTION_PLAN).rows.get("budget_amounts")
    # a spending table whose rows merely relate to actions is a budget
    spend = [["Item", "Relates to Actions", "Status", "Amount"], ["Hoarding", "1.1, 1.5", "Spent", "£1,000"], ["Hate Crime", "1.8", "Committed", "£500"]]
    a = amounts(run([table(spend)], ACTION_PLAN))
    assert a[("Hoarding", "Amount")]["related_actions"] == "1.1;1.5"


def test_prose_funding_sources_and_allocations():
    blocks = [
        Block(kind=HEADING, text="CDRP funding 2010/11"),
        Block(kind=PARAGRAPH, text="Pooled fund start balance April 2010 £12,345"),
        Block(kind=PARAGRAPH, text="Home Office grant: £33,333"),
        Block(kind=PARAGRAPH, text="TOTAL FUNDING AVAILABLE £45,678"),
        Block(kind=PARAGRAPH, text="Burglary prevention - £30,000\nDV outreach £25,554\nUnallocated (£9,876)"),
        Block(kind=PARAGRAPH, text="The partnership agreed the allocations at its meeting in May, spending £5,000 on the event and more besides."),
    ]
    res = run(blocks)
    a = amounts(res)
    assert a[("Pooled fund start balance April 2010", "Amount")]["amount"] == 12345.0
    assert a[("Pooled fund start balance April 2010", "Amount")]["is_total"] == 0
    assert a[("Unallocated", "Amount")]["amount"] == -9876.0
    assert len(a) == 6  # the sentence with £5,000 is prose, not a budget line
    assert {(c["total_item"], c["status"]) for c in res.rows["budget_checks"]} == {("TOTAL FUNDING AVAILABLE", "ok"), ("Unallocated", "ok")}
    assert res.rows["budget_tables"][0]["title"] == "CDRP funding 2010/11"


def test_table_continued_on_next_page_without_header():
    first = [r[:] for r in CDRP_2017[:6]]
    rest = [r[:] for r in CDRP_2017[6:]]
    blocks = [Block(kind=HEADING, text="CDRP Budget 2016/17"), table(first, page=9), Block(kind="page_break", page=9), table(rest, header=False, page=10)]
    res = run(blocks)
    a = amounts(res)
    assert a[("Burglary Prevention", "Revised allocation")]["amount"] == 2000.0
    assert a[("Burglary Prevention", "Revised allocation")]["page"] == 10
    titles = {t["title"] for t in res.rows["budget_tables"]}
    assert titles == {"CDRP Budget 2016/17"}
    # the total on the second page covers the items of both pages
    assert {(c["status"], c["n_items"]) for c in res.rows["budget_checks"]} == {("ok", 10), ("ok", 9)}
    assert not res.warnings


def test_row_ids_are_unique_and_deterministic():
    blocks = [
        Block(kind=HEADING, text="Budget"),
        Block(kind=PARAGRAPH, text="Pay 21,845.7 626.9\nPrices 41,407.1 1,944.4\nGrant £1,000\nRent £2,000"),
        table(CDRP_2017),
    ]
    ids1 = [r["amount_id"] for r in run(blocks).rows["budget_amounts"]]
    ids2 = [r["amount_id"] for r in run(blocks).rows["budget_amounts"]]
    assert ids1 == ids2 and len(set(ids1)) == len(ids1)
    tables = [t["table_id"] for t in run(blocks).rows["budget_tables"]]
    assert len(tables) == len(set(tables)) == 3


def test_payments_list_label_is_the_description_not_empty_margin_or_date_column():
    # a spreadsheet printed with empty margin columns and a date before each payment
    t = table([
        ["", "", "04/04/2023", "OALC", "", "156.00"],
        ["", "", "28/04/2023", "Clerk Salary", "", "126.29"],
        ["", "", "02/05/2023", "NP (April grass cut)", "", "414.00"],
    ], header=False)
    res = run([t])
    got = [(r["item"], r["amount"]) for r in res.rows["budget_amounts"]]
    assert got == [("OALC", 156.0), ("Clerk Salary", 126.29), ("NP (April grass cut)", 414.0)]


def test_payments_list_in_a_gridded_spreadsheet_pdf(parsed, realworld_dir):
    # ruled cells framed by a page-sized box, the amounts' column ruled apart
    # from the dates and descriptions, and no space characters in the text layer
    p = realworld_dir / "souldern-parish-council/spc-documents/expenditure-2023-2024.pdf"
    if not p.is_file():
        pytest.skip("paper not present")
    rows = parsed(p).result.rows["budget_amounts"]
    got = [(r["item"], r["amount"]) for r in rows]
    assert len(got) == 45
    assert got[:3] == [("OALC", 156.0), ("CDC - Dog Bins", 190.48), ("Clerk Salary", 126.29)]
    assert ("Transfer 3 Parishes Money (22/23) to Playground account", 428.05) in got


@pytest.mark.parametrize("label, kind", [
    ("Total assets", "total"), ("TOTAL NET POSITION", "total"), ("Totals Carried to Annual Return", "total"),
    ("Totals (spend inc VAT)", "total"), ("Total precept figures", "total"), ("Grand total", "total"),
    ("Net total", "total"), ("Totals", "total"), ("Net Surplus", "total"), ("Net current assets", "total"),
    ("Balances carried forward", "balance"), ("Balances brought forward", None), ("Total Place pilot", None),
])
def test_total_labels_of_accounts_and_statements(label, kind):
    assert total_kind(label) == kind


def test_accounts_table_with_year_units_and_word_header_rows_and_unlabelled_total_mid_table():
    # "2017 | | 2018" over "£ | | £" over "Budget | | Expenditure": one three-row header,
    # bracketed negatives, and an unlabelled total under the items with more rows after it
    t = table([
        ["2017", "", "2018"],
        ["£", "", "£"],
        ["Budget", "", "Expenditure"],
        ["(145,000)", "Economic Development", "(4,022)"],
        ["(20,000)", "Cultural and Heritage", "(94,886)"],
        ["(165,000)", "", "(98,908)"],
        ["1,823,850", "Annual Precept", "1,832,982"],
        ["158,398", "Net Surplus", "(97,126)"],
    ])
    res = run([t])
    got = {(r["item"], r["measure"], r["amount"], r["is_total"]) for r in res.rows["budget_amounts"]}
    assert ("Economic Development", "2018 Expenditure", -4022.0, 0) in got
    assert ("Total", "2018 Expenditure", -98908.0, 1) in got
    assert ("Total", "2017 Budget", -165000.0, 1) in got
    assert ("Annual Precept", "2018 Expenditure", 1832982.0, 0) in got
    assert ("Net Surplus", "2018 Expenditure", -97126.0, 1) in got


def test_statement_label_wrapped_over_two_lines_with_amounts_on_the_second():
    rows = [
        ["", "Year ending 31 March 2025", "31 March 2026", "Notes"],
        ["1. Balances brought", "", "", "Total balances at the start of the year"],
        ["forward", "16,634", "16,053", "as recorded in the financial records"],
        ["2. (+) Precept or Rates and", "", "", "Total amount of precept"],
        ["Levies", "7,994", "8,154", "received in the year"],
        ["4. (-) Staff costs", "", "", "Total expenditure on employees"],
        ["", "1,972", "2,018", "including salaries"],
        ["9. Total fixed assets plus", "", "", "The value of all property"],
        ["long term investments", "59,962", "59,962", "as at 31 March"],
        ["and assets", "", "", ""],
    ]
    a = amounts(run([table(rows)]))
    assert a[("Balances brought forward", "31 March 2025")]["amount"] == 16634.0
    assert a[("Precept or Rates and Levies", "31 March 2026")]["amount"] == 8154.0
    assert a[("Staff costs", "31 March 2025")]["amount"] == 1972.0
    assert a[("Total fixed assets plus long term investments and assets", "31 March 2026")]["is_total"] == 1


def test_receipts_and_payments_side_by_side_each_amount_named_by_its_own_label():
    rows = [
        ["Receipts", "£", "Payments", "£"],
        ["Precept", "5000.00", "Membership Fee", "111.00"],
        ["Bank Interest", "1.24", "Mowing of Village Green", "1753.00"],
        ["VAT Repayment", "314.98", "Insurance", "658.63"],
        ["", "", "Clerk", "838.00"],
        ["Total Receipts", "5316.22", "Total Payments £", "3360.63"],
    ]
    res = run([table(rows)])
    got = {(r["item"], r["amount"], r["is_total"]) for r in res.rows["budget_amounts"]}
    assert ("Precept", 5000.0, 0) in got and ("Membership Fee", 111.0, 0) in got
    assert ("Clerk", 838.0, 0) in got
    assert ("Total Receipts", 5316.22, 1) in got and ("Total Payments", 3360.63, 1) in got
    # no payment is named by the receipt beside it
    assert not any(i == "Precept" and v == 111.0 for i, v, _ in got)
    assert all(c["status"] == "ok" for c in res.rows["budget_checks"])


def test_footnote_lines_under_a_total_do_not_join_its_label():
    rows = [
        ["", "Core", "External", "Total"],
        ["Savings brought forward *", "-19,045.4", "-9.2", "-19,054.6"],
        ["Other savings", "-96,082.8", "-29,061.5", "-125,144.3"],
        ["TOTAL Savings for delivery in 2025-26", "-115,128.2", "-29,070.7", "-144,198.9"],
        ["* the savings rolled forward for delivery in", "", "", ""],
        ["2025-26 will be updated in the outturn report,", "", "", ""],
        ["and those updated figures will be used for", "", "", ""],
        ["savings monitoring", "", "", ""],
    ]
    a = amounts(run([table(rows)]))
    assert a[("TOTAL Savings for delivery in 2025-26", "Total")]["amount"] == -144198.9
    assert a[("TOTAL Savings for delivery in 2025-26", "Total")]["is_total"] == 1
