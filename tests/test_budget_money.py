"""Trustworthy money (issue 12): amounts carry their unit and their financial
year, total lines are marked, and a total is called a mismatch only when it
has at least two items and differs by more than rounding.

Synthetic tables hold each rule; the real papers (skipped visibly when
../shared is absent) hold it where it broke: a "£m" stated above a table's
heading, a monitoring table's "Overall Position", a parish account printed
in an income and an expenditure section, a statement of activities whose
last columns ran together, and the funding audit's year on every row.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from boardpack.batch import ingest_paths
from boardpack.core.model import BUDGET, HEADING, PAGE_BREAK, PARAGRAPH, TABLE, Block, Cell, Document, Paper, Row
from boardpack.extractors.base import ExtractContext
from boardpack.extractors.budget_labels import total_kind
from boardpack.extractors.budgets import BudgetExtractor
from boardpack.extractors.budgets_columns import amounts_in
from boardpack.extractors.budgets_year import COLUMN, FILE_NAME, MEETING, PAPER, TITLE, YearFinder, stated_year
from boardpack.extractors.numeric_tables import unit_statement
from boardpack.schema import migrate, migrations
from boardpack.store import audit

ROOT = Path(__file__).resolve().parent.parent
SHA = "c" * 64


def table(rows, page=2, header_rows=1):
    return Block(kind=TABLE, page=page,
                 rows=[Row(cells=[Cell(text=c) for c in r], page=page, is_header=i < header_rows) for i, r in enumerate(rows)])


def run(blocks, title="t"):
    doc = Document(path="/x/accounts.pdf", sha256=SHA, format="pdf", blocks=list(blocks))
    doc.renumber()
    paper = Paper(paper_type=BUDGET, title=title, start=0, end=len(doc.blocks) - 1)
    return BudgetExtractor().extract(paper, ExtractContext(doc, [paper]))


def amounts(res):
    return {(r["item"], r["measure"]): r for r in res.rows.get("budget_amounts", [])}


MONITORING = [
    ["", "Budget", "Forecast", "Variance"],
    ["Adult Social Care", "586.1", "621.6", "+35.4"],
    ["Children's Services", "430.6", "420.8", "-9.9"],
    ["Directorates Position", "1,016.7", "1,042.4", "+25.5"],
    ["Schools' Delegated Budgets", "0.0", "30.4", "+30.4"],
    ["Overall Position", "1,016.7", "1,072.8", "+55.9"],
]


# -- units ---------------------------------------------------------------------

@pytest.mark.parametrize("line, scale", [
    ("All figures in £m", 1_000_000), ("(in thousands)", 1000), ("Amounts in $000", 1000),
    ("£000s £000s £000s", 1000), ("Figures are shown in £'000", 1000), ("$ in millions", 1_000_000),
    ("The council saves millions every year", 1), ("Directorate Revenue", 1), ("2000s", 1),
])
def test_a_line_that_states_only_a_unit(line, scale):
    assert unit_statement(line) == scale


def test_unit_stated_above_the_heading_scales_the_table_and_keeps_the_figure():
    """"All figures in £m" printed before the table's heading (here over a page break)."""
    res = run([Block(kind=PARAGRAPH, text="All figures in £m", page=1),
               Block(kind=HEADING, text="Directorate Revenue Budget", page=1),
               Block(kind=PAGE_BREAK, page=1), table(MONITORING)])
    a = amounts(res)[("Adult Social Care", "Budget")]
    assert a["amount"] == pytest.approx(586_100_000.0)
    assert (a["amount_raw"], a["scale"], a["unit"]) == ("586.1", 1_000_000, "£m")


def test_prose_that_mentions_millions_does_not_scale_a_table():
    res = run([Block(kind=PARAGRAPH, text="Savings of millions are planned.", page=1),
               Block(kind=HEADING, text="Directorate Revenue Budget", page=1), table(MONITORING)])
    a = amounts(res)[("Adult Social Care", "Budget")]
    assert a["amount"] == pytest.approx(586.1) and a["scale"] == 1


def test_a_cell_that_writes_its_own_multiplier_keeps_it():
    res = run([Block(kind=PARAGRAPH, text="All figures in £000s"), Block(kind=HEADING, text="Capital budget"),
               table([["Scheme", "Budget"], ["Depot", "250.0"], ["Library", "£1.2m"], ["Total", "1,450.0"]])])
    a = amounts(res)
    assert a[("Depot", "Budget")]["amount"] == pytest.approx(250_000.0)
    assert a[("Library", "Budget")]["amount"] == pytest.approx(1_200_000.0)
    assert a[("Library", "Budget")]["scale"] == 1
    assert {c["status"] for c in res.rows["budget_checks"]} == {"ok"}


# -- totals ----------------------------------------------------------------------

@pytest.mark.parametrize("label, kind", [
    ("Overall Position", "total"), ("Directorates Position", "total"), ("Net cost of services", "total"),
    ("Net Outturn", "total"), ("NET BUDGET", "total"),
    ("Financial position", None), ("Position", None), ("Reserves", None), ("Net investment in capital assets", None),
])
def test_position_and_net_lines_are_totals(label, kind):
    assert total_kind(label) == kind


def test_monitoring_positions_are_marked_and_checked():
    res = run([Block(kind=HEADING, text="Revenue budget (£m)"), table(MONITORING)])
    a = amounts(res)
    assert a[("Overall Position", "Budget")]["is_total"] == 1
    assert a[("Overall Position", "Budget")]["total_kind"] == "total"
    assert a[("Directorates Position", "Forecast")]["is_total"] == 1
    assert a[("Schools' Delegated Budgets", "Budget")]["is_total"] == 0
    checks = {(c["total_item"], c["measure"]): c for c in res.rows["budget_checks"]}
    assert checks[("Directorates Position", "Budget")]["status"] == "ok"
    assert checks[("Overall Position", "Forecast")]["status"] == "ok"


def test_a_total_of_one_item_is_never_a_mismatch():
    res = run([Block(kind=HEADING, text="Grants"),
               table([["Item", "Amount"], ["Grant", "100.00"], ["Total", "150.00"]])])
    (check,) = res.rows["budget_checks"]
    assert check["status"] == "unchecked" and check["n_items"] == 1
    assert not [w for w in res.warnings if w["kind"] == "total_mismatch"]


def test_two_items_off_by_more_than_rounding_is_a_mismatch_and_within_rounding_is_not():
    bad = run([table([["Item", "Amount"], ["Grant", "100"], ["Fees", "20"], ["Total", "150"]])])
    assert [c["status"] for c in bad.rows["budget_checks"]] == ["mismatch"]
    assert [w["kind"] for w in bad.warnings] == ["total_mismatch"]
    # £000s rounded to one place: 60.2 + 60.1 printed as a total of 120.4 is rounding
    ok = run([table([["Item", "£000s"], ["Grant", "60.2"], ["Fees", "60.1"], ["Total", "120.4"]])])
    assert [c["status"] for c in ok.rows["budget_checks"]] == ["ok"]


STATEMENT_FORM = [
    ["", "31 March 2025", "31 March 2026"],
    ["1. Balances brought forward", "16,634", "16,053"],
    ["2. (+) Precept or Rates and Levies", "7,994", "8,154"],
    ["3. (+) Total other receipts", "1,535", "1,445"],
    ["4. (-) Staff costs", "1,972", "2,018"],
    ["5. (-) Loan interest/capital repayments", "0", "0"],
    ["6. (-) All other payments", "8,138", "7,184"],
    ["7. (=) Balances carried forward", "16,053", "16,450"],
    ["8. Total value of cash and short term investments", "16,053", "16,450"],
    ["9. Total fixed assets plus long term investments and assets", "59,962", "59,962"],
    ["10. Total borrowings", "0", "0"],
]


def test_a_statement_form_checks_its_result_line_with_the_signs_printed():
    """Lines marked (+)/(-) are the terms of the (=) line whatever their words; the
    boxes after it total nothing printed above them, so they are not checked."""
    res = run([Block(kind=HEADING, text="Section 2 - Accounting Statements 2025/26"), table(STATEMENT_FORM)])
    checks = {(c["total_item"], c["measure"]): c for c in res.rows["budget_checks"]}
    assert set(checks) == {("Balances carried forward", "31 March 2025"), ("Balances carried forward", "31 March 2026")}
    assert {c["status"] for c in checks.values()} == {"ok"}
    assert not [w for w in res.warnings if w["kind"] == "total_mismatch"]
    a = amounts(res)
    assert a[("Total other receipts", "31 March 2026")]["is_total"] == 1  # still marked as the form names it
    assert a[("Total other receipts", "31 March 2026")]["financial_year"] == "2025/26"


def test_a_net_line_that_no_sum_above_matches_is_unchecked_not_a_mismatch():
    """'NET CHANGE' adds section totals, 'NET BUDGET' the base and the net change: sums the
    table does not print, so no candidate matching them is no evidence of an error."""
    rows = [["Line", "Amount"], ["Revised base", "1,000.0"], ["Pay", "20.0"], ["Prices", "30.0"],
            ["TOTAL SPENDING", "50.0"], ["Savings", "-10.0"], ["Income", "-5.0"], ["TOTAL SAVINGS", "-15.0"],
            ["NET CHANGE", "35.0"], ["NET BUDGET", "1,035.0"]]
    res = run([Block(kind=HEADING, text="Budget 2025-26 (£000s)"), table(rows)])
    checks = {c["total_item"]: c["status"] for c in res.rows["budget_checks"]}
    assert checks["TOTAL SPENDING"] == "ok" and checks["TOTAL SAVINGS"] == "ok"
    assert checks["NET BUDGET"] in ("ok", "unchecked") and checks["NET CHANGE"] in ("ok", "unchecked")
    assert not [w for w in res.warnings if w["kind"] == "total_mismatch"]


# -- sections and run-together columns -------------------------------------------

ACCOUNT = [
    ["2015/6", "Details", "Receipt", "Income"],
    ["5700", "Precept", "5700", "5700.00"],
    ["98.4", "Grant", "98.4", "98.40"],
    ["5798.4", "Totals", "5798.4", "5798.40"],
    ["", "EXPENDITURE", "", ""],
    ["", "Details", "Payment", "Budget 2016/17"],
    ["495.89", "Insurance", "470.82", "475.00"],
    ["864.00", "Administration", "856.50", "1350.00"],
    ["1359.89", "Totals", "1327.32", "1825.00"],
]


def test_an_account_in_two_sections_reads_each_under_its_own_header():
    res = run([Block(kind=PARAGRAPH, text="INCOME"), table(ACCOUNT)])
    a = amounts(res)
    assert a[("Insurance", "Payment")]["amount"] == pytest.approx(470.82)
    assert a[("Insurance", "Budget 2016/17")]["amount"] == pytest.approx(475.0)
    assert a[("Insurance", "2015/6")]["amount"] == pytest.approx(495.89)  # a blank header cell keeps the one above
    assert a[("Precept", "Income")]["amount"] == pytest.approx(5700.0)
    # the repeated header is no item; each section's Totals is named by its section
    assert not any(item == "Details" for item, _ in a)
    assert a[("INCOME Totals", "Receipt")]["is_total"] == 1
    assert a[("EXPENDITURE Totals", "Budget 2016/17")]["amount"] == pytest.approx(1825.0)
    assert {c["status"] for c in res.rows["budget_checks"]} == {"ok"}


def test_a_table_without_a_repeated_header_is_one_section():
    res = run([Block(kind=PARAGRAPH, text="INCOME"), table(ACCOUNT[:4])])
    assert ("Totals", "Receipt") in amounts(res)


@pytest.mark.parametrize("cell, parts", [
    ("150 $ - $ - $ (650,889)", ["150", "-", "-", "(650,889)"]),
    ("19,286 - - (1,621,306)", ["19,286", "-", "-", "(1,621,306)"]),
    ("429,966.5 0.0 429,966.5", ["429,966.5", "0.0", "429,966.5"]),
    ("2,313 (297,350) A", None), ("Grants and", None),
])
def test_amounts_side_by_side_in_one_cell(cell, parts):
    assert amounts_in(cell) == parts


def test_a_run_together_cell_of_another_width_is_shown_whole_in_every_part():
    cells = [("Pay", "10.0 2.0 12.0"), ("Prices", "5.0 1.0 6.0"), ("Fees", "3.0 1.0 4.0"), ("Rents", "1.0 1.0 2.0"),
             ("Grants", "6.0 0.0 6.0"), ("Levies", "2.0 2.0 4.0"), ("Loans", "1.0 0.0 1.0"), ("Other", "2.0 0.0 2.0"),
             ("Interest", "1.0 1.0 2.0"), ("Savings", "-4.0 -4.0"), ("Total", "27.0 8.0 35.0")]
    rows = [["Item", "Last year", "Core External Total"]] + [[i, "1.0", c] for i, c in cells]
    a = amounts(run([Block(kind=HEADING, text="Budget (£000s)"), table(rows)]))
    assert a[("Pay", "External")]["amount"] == pytest.approx(2000.0)
    savings = [r for (item, _), r in a.items() if item == "Savings"]
    assert len(savings) == 3 and all(r["amount"] is None and r["amount_raw"] == "-4.0 -4.0" for r in savings)


def test_columns_run_together_are_split_by_their_stacked_header():
    rows = [
        ["", "", "Charges Operating Net"],
        ["Functions", "Expenses", "Services Grants Revenue"],
        ["General government", "651,039", "150 - (650,889)"],
        ["Road and bridge", "957,371", "19,136 - (938,235)"],
        ["Total governmental activities", "1,608,410", "19,286 - (1,589,124)"],
    ]
    res = run([Block(kind=HEADING, text="Statement of activities"), table(rows, header_rows=2)])
    a = amounts(res)
    assert a[("Total governmental activities", "Net Revenue")]["amount"] == pytest.approx(-1_589_124.0)
    assert a[("Road and bridge", "Charges Services")]["amount"] == pytest.approx(19_136.0)
    assert a[("Total governmental activities", "Net Revenue")]["is_total"] == 1
    assert all(c["status"] == "ok" for c in res.rows["budget_checks"] if c["measure"] == "Net Revenue")


def test_a_grid_without_row_names_takes_them_from_the_table_beside_when_rows_add_across():
    """A budget by directorate: figures per directorate with no row names, the names and
    each row's total in the table printed beside it (read as the next table)."""
    grid = [["Adults", "Children", "Place"],
            ["£000s", "£000s", "£000s"],
            ["500.0", "300.0 20.0 320.0", "100.0"],
            ["20.5", "-4.0 0.0 -4.0", "3.5"],
            ["520.5", "296.0 20.0 316.0", "103.5"]]
    names = [["", "Total"], ["Base budget", "920.0"], ["Pay", "20.0"], ["NET BUDGET", "940.0"]]
    res = run([Block(kind=HEADING, text="Budget by directorate"), table(grid), Block(kind=PARAGRAPH, text="£000s"),
               table(names)])
    a = amounts(res)
    net = {m: r["amount"] for (item, m), r in a.items() if item == "NET BUDGET"}
    assert net["Adults"] == pytest.approx(520_500.0) and net["Place"] == pytest.approx(103_500.0)
    assert a[("Pay", "Adults")]["amount"] == pytest.approx(20_500.0)
    assert {m for (item, m) in a if item == "Pay"} >= {"Adults", "Place", "Total"}
    assert a[("NET BUDGET", "Adults")]["is_total"] == 1


def test_a_grid_whose_rows_do_not_add_to_the_table_beside_stays_unnamed():
    grid = [["Adults", "Place"], ["500.0", "100.0"], ["20.5", "3.5"], ["520.5", "103.5"]]
    names = [["", "Total"], ["Base budget", "999.0"], ["Pay", "24.0"], ["NET BUDGET", "624.0"]]
    res = run([Block(kind=HEADING, text="Budget by directorate"), table(grid), table(names)])
    assert not any(item == "Pay" and m == "Adults" for item, m in amounts(res))


# -- financial years ---------------------------------------------------------------

@pytest.mark.parametrize("text, year", [
    ("Budget 2016/17", "2016/17"), ("2015/6", "2015/16"), ("Accounts to year ending March 2017", "2016/17"),
    ("Receipts and Payments for the year ended 31st March 2019", "2018/19"),
    ("APPENDIX E - 2025-26 Proposed Budget by Directorate", "2025/26"), ("31 March 2025", "2024/25"),
    ("for the year ended 31 December 2017", "2017"), ("Finance Monitoring Report - Q3 - 2024-25", "2024/25"),
    ("Precept figures", None), ("Amount", None),
])
def test_the_year_a_heading_or_column_states(text, year):
    assert stated_year(text) == year


def test_year_read_nearest_first_column_title_paper_meeting():
    doc = Document(path="/x/a.pdf", sha256=SHA, format="pdf",
                   blocks=[Block(kind=HEADING, text="Accounts to year ending March 2017")])
    doc.renumber()
    paper = Paper(paper_type=BUDGET, title="Accounts", start=0, end=0)
    finder = YearFinder(paper, doc, "2017-05-10")
    table_year = finder.table_year("Budget 2018/19", [])
    assert table_year == ("2018/19", TITLE)
    assert finder.table_year("Expenditure", []) == ("2016/17", PAPER)
    assert finder.column_year("Budget 2019/20", table_year) == ("2019/20", COLUMN)
    assert finder.column_year("Payment", table_year) == table_year
    # one year stated by a column heads the table's other columns too
    assert finder.table_year("Grants", [], ("2017-18 Budget", "Budget remaining")) == ("2017/18", COLUMN)
    assert finder.table_year("Grants", [], ("2017-18 Budget", "2018-19 Budget")) == ("2016/17", PAPER)
    bare = Paper(paper_type=BUDGET, title="Spending", start=0, end=-1)
    assert YearFinder(bare, doc, "2017-05-10").table_year(None, []) == ("2017/18", MEETING)
    later = YearFinder(bare, doc, None)
    assert later.table_year("Summary", [], ("2017-18 Budget", "Budget remaining")) == ("2017/18", COLUMN)
    assert later.table_year("Ward A", [], ("Amount Requested",)) == ("2017/18", PAPER)  # the paper's one year
    named = Document(path="/x/Grant notes 13 March 2018.pdf", sha256=SHA, format="pdf", blocks=[])
    assert YearFinder(bare, named, None).table_year(None, []) == ("2017/18", FILE_NAME)
    assert YearFinder(bare, doc, None).table_year(None, []) == (None, None)


def test_every_amount_and_check_carries_its_year():
    res = run([Block(kind=HEADING, text="Accounts to year ending March 2017"), table(ACCOUNT)], title="Accounts")
    rows = res.rows["budget_amounts"] + res.rows["budget_checks"]
    assert rows and all(r["financial_year"] for r in rows)
    a = amounts(res)
    assert (a[("Insurance", "Budget 2016/17")]["financial_year"], a[("Insurance", "Budget 2016/17")]["year_source"]) \
        == ("2016/17", COLUMN)
    assert a[("Insurance", "2015/6")]["financial_year"] == "2015/16"
    assert a[("Insurance", "Payment")]["year_source"] == TITLE  # the heading just above is the table's title


# -- the migration on a store made before it -------------------------------------------

def test_migration_keeps_earlier_budget_rows_and_gives_them_the_table_scale(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for num, name, sql in migrations():
        if num < 17:
            conn.executescript(sql + f"\nINSERT INTO schema_migrations VALUES ('{name}', datetime('now'));")
    conn.execute("INSERT INTO documents (sha256, format, size, parser_version, ingested_at) "
                 "VALUES (?, 'pdf', 1, 'old', '2026-11-30')", (SHA,))
    conn.execute("INSERT INTO budget_tables (table_id, doc_sha256, title, scale, n_items, n_totals) "
                 "VALUES ('t1', ?, 'Revenue (£m)', 1000000, 1, 0)", (SHA,))
    conn.execute("INSERT INTO budget_amounts (amount_id, table_id, doc_sha256, row_index, item, measure, amount, "
                 "amount_raw, is_total) VALUES ('a1', 't1', ?, 1, 'Adults', 'Budget', 586100000, '586.1', 0)", (SHA,))
    migrate(conn)
    row = conn.execute("SELECT item, amount, amount_raw, scale, unit, financial_year, total_kind FROM budget_amounts").fetchone()
    assert row == ("Adults", 586100000.0, "586.1", 1000000, None, None, None)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(v_budget_amounts)")]
    # the new columns, then the provenance that closes every view (migration 0020)
    assert cols[-7:] == ["total_kind", "scale", "unit", "financial_year", "year_source", "source_path", "source_url"]


# -- the funding audit over a store -------------------------------------------------

def test_funding_audit_gives_a_year_for_every_row(tmp_path):
    sample = ROOT / "corpus" / "docx" / "cdrp-2017-02-23.docx"
    if not sample.exists():
        pytest.skip("corpus sample cdrp-2017-02-23 not generated")
    db = tmp_path / "store.db"
    assert ingest_paths([sample], db, workers=1).failed == 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = audit.funding(conn)
    assert {"plan allocation", "budget allocation"} <= {r["kind"] for r in rows}
    assert all(r["year"] for r in rows), [r for r in rows if not r["year"]]
    budget = [r for r in rows if r["kind"] == "budget allocation"]
    assert {r["year"] for r in budget} == {"2016/17"}  # "CDRP Budget April 2016 to March 2017"
    view = conn.execute("SELECT total_kind, scale, financial_year, year_source FROM v_budget_amounts WHERE is_total = 1").fetchall()
    assert view and all(k == "total" and s == 1 and y == "2016/17" and src == TITLE for k, s, y, src in view)


# -- real papers (../shared) ----------------------------------------------------------

def _rows(parsed, path):
    return parsed(path).result.rows


def test_real_unit_above_heading_and_overall_position(parsed, realworld_dir):
    path = realworld_dir / "kent-county-council/cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf"
    rows = _rows(parsed, path)
    page6 = {(r["item"], r["measure"]): r for r in rows["budget_amounts"] if r["page"] == 6}
    asch = page6[("Adult Social Care & Health", "Budget")]
    assert asch["amount"] == pytest.approx(586_100_000.0) and asch["amount_raw"] == "586.1" and asch["unit"] == "£m"
    assert page6[("Overall Position", "Budget")]["is_total"] == 1
    assert page6[("Directorates Position", "Forecast")]["is_total"] == 1
    assert asch["financial_year"] == "2024/25"
    # the same figure on the next page, under its own "All figures in £m", is the same amount
    page7 = [r for r in rows["budget_amounts"] if r["page"] == 7 and r["amount_raw"] == "586.1"]
    assert page7 and all(r["amount"] == pytest.approx(586_100_000.0) for r in page7)


def test_real_parish_account_in_two_sections(parsed, realworld_dir):
    path = realworld_dir / "souldern-parish-council/spc-documents/SPC 201617 account with budget.pdf"
    a = {(r["item"], r["measure"]): r for r in _rows(parsed, path)["budget_amounts"]}
    assert a[("Insurance", "Budget 2016/17")]["amount"] == pytest.approx(475.0)
    assert a[("EXPENDITURE Totals", "Payment")]["amount"] == pytest.approx(7881.25)
    assert a[("INCOME Totals", "Receipt")]["amount"] == pytest.approx(9170.7)
    assert not any(item == "Details" for item, _ in a)
    assert {r["financial_year"] for r in a.values()} >= {"2016/17", "2015/16"}


def test_real_budget_by_directorate_named_from_the_table_beside(parsed, realworld_dir):
    path = realworld_dir / "kent-county-council/county-council-2025-02-13/Appendix E - 2025-26 Budget by Directorate.pdf"
    a = {(r["item"], r["measure"]): r for r in _rows(parsed, path)["budget_amounts"]}
    assert a[("NET BUDGET", "ASCH Core")]["amount"] == pytest.approx(643_221_600.0)
    assert a[("NET BUDGET", "CYPE Total")]["amount"] == pytest.approx(449_237_200.0)
    assert a[("TOTAL SPENDING", "ASCH Core")]["is_total"] == 1
    assert a[("Pay", "Total")]["amount"] == pytest.approx(22_472_600.0)  # the table beside, as before
    assert a[("Pay", "Total")]["financial_year"] == "2025/26"


def test_real_statement_of_activities_run_together(parsed, realworld_dir):
    path = realworld_dir / "us-crete-township-illinois/2017 - Annual - Financial Report (1).pdf"
    rows = [r for r in _rows(parsed, path)["budget_amounts"] if r["page"] == 10]
    net = {r["item"]: r["amount"] for r in rows if r["amount_raw"] == "(1,621,306)"}
    assert net == {"Total governmental activities": -1_621_306.0, "TOTAL PRIMARY GOVERNMENT": -1_621_306.0}
