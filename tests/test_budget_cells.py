"""Amounts written inside cells and cost lists written as prose: a cell of
labelled amounts with its total, an amount with a bracketed note, a row label
wrapped over lines above a prose cost line, a cost list broken by a page."""

from __future__ import annotations


from boardpack.extractors.budgets import BudgetExtractor
from boardpack.extractors.numeric_tables import amount_with_note, cell_breakdown
from boardpack.core.model import BUDGET, HEADING, PAGE_BREAK, PARAGRAPH, TABLE, Block, Cell, Document, Paper, Row
from boardpack.core.numbers import parse_money

SHA = "c" * 64


def table(rows, page=1):
    return Block(kind=TABLE, page=page,
                 rows=[Row(cells=[Cell(text=c) for c in r], page=page, is_header=i == 0) for i, r in enumerate(rows)])


def run(blocks, paper_type=BUDGET):
    from boardpack.extractors.base import ExtractContext

    doc = Document(path="/x/grants.pdf", sha256=SHA, format="pdf", blocks=list(blocks))
    doc.renumber()
    paper = Paper(paper_type=paper_type, title="t", start=0, end=len(doc.blocks) - 1)
    return BudgetExtractor().extract(paper, ExtractContext(doc, [paper]))


def test_cell_breakdown_lines_wrapped_label_and_total():
    bd = cell_breakdown("North - £1,250\nSouth - £1,250\nEast Ward -\n£1,250\nWest Ward - £1,250\nTotal: £5,000")
    assert bd.items == [("North", "£1,250"), ("South", "£1,250"), ("East Ward", "£1,250"), ("West Ward", "£1,250")]
    assert bd.total == ("Total", "£5,000") and not bd.single
    eq = cell_breakdown("North - £1,000\nSouth - £1,000\n= £ 4,000")
    assert eq.total == ("Total", "£4,000")
    # a label above its amount, the total the same figure: one amount
    one = cell_breakdown("East Ward\n£868.23\nTotal = 868.23")
    assert one.single and one.figure == "868.23"
    # prose is no breakdown
    assert cell_breakdown("The funding will be used to buy\nequipment costing £500 in total") is None
    assert cell_breakdown("£500") is None


def test_amount_with_bracketed_note():
    assert amount_with_note("£9,506\n(incl £100 deferred grant)") == ("£9,506", "incl £100 deferred grant")
    assert amount_with_note("(1,234)") is None
    assert amount_with_note("£500 (see note 3)") == ("£500", "see note 3")


def test_grant_applications_amount_cells_with_ward_lines_and_total():
    blocks = [
        Block(kind=HEADING, text="Summary Table"),
        table([["Ward", "2017-18 Budget", "Budget remaining"],
               ["North", "25,000", "£9,506\n(incl £100 deferred grant)"],
               ["South", "25,000", "£6,013"]]),
        Block(kind=HEADING, text="All wards"),
        table([["Organisation", "Status", "Project Summary", "Amount Requested"],
               ["Town Running Club", "Limited\nCompany", "The funding will be used to purchase timing equipment " * 6,
                "North - £167.00\nSouth - £333.00\nEast Ward -\n£500.00\nTotal: £1,000"],
               ["Friends of the Park", "Community\nGroup", "Friends of the Park are seeking funding for planting " * 6,
                "East Ward\n£1,385.00"],
               ["Youth Club", "Registered\nCharity", "The club are seeking funding to continue their project " * 6,
                "East Ward\n£8,000\nTotal = £8,000"]]),
    ]
    res = run(blocks)
    rows = res.rows["budget_amounts"]
    got = {(r["item"], r["amount"], r["is_total"]) for r in rows}
    assert ("North", 9506.0, 0) in got and ("South", 6013.0, 0) in got
    note = next(r for r in rows if r["amount"] == 9506.0)
    assert note["notes"] == "incl £100 deferred grant"
    assert ("Total", 1000.0, 1) in got and ("East Ward", 500.0, 0) in got
    assert ("Friends of the Park", 1385.0, 0) in got
    assert ("Youth Club", 8000.0, 0) in got
    # the summary column names no row
    assert not any(r["item"] and r["item"].startswith("The funding") for r in rows)
    checks = [c for c in res.rows["budget_checks"] if c["stated_total"] == 1000.0]
    assert checks and checks[0]["status"] == "ok"


def test_cell_breakdown_total_that_does_not_add_up_is_warned():
    res = run([table([["Organisation", "Amount Requested"],
                      ["Sports Club", "North - £2,355\nSouth - £2,355\nEast - £2,355\nWest - £2,355\nTotal: £9,520"],
                      ["Art Trail", "North - £200\nSouth - £550\nTotal: £750"]])])
    assert any(w["kind"] == "total_mismatch" and "9,520" in w["message"] for w in res.warnings)


def test_prose_cost_list_with_three_line_label_across_a_page_and_bold_total():
    blocks = [
        Block(kind=HEADING, text="5. Financial Implications"),
        Block(kind=PARAGRAPH, text="The estimated costs are summarised as follows: -", page=3),
        Block(kind=PARAGRAPH, text="Insurance, Technical", page=3),
        Block(kind=PARAGRAPH, text="& Production Costs", page=3),
        Block(kind=PARAGRAPH, text="(including 5% contingency) £95,200", page=3),
        Block(kind=PAGE_BREAK, text="", page=3),
        Block(kind=PARAGRAPH, text="Orchestra fees £21,000", page=4),
        Block(kind=PARAGRAPH, text="Other Artists Fees £ 5,000", page=4),
        Block(kind=PARAGRAPH, text="Box Office, Marketing Press & PR £ 3,800", page=4),
        Block(kind=HEADING, text="Total £125,000", page=4),
    ]
    res = run(blocks)
    got = {(r["item"], r["amount"], r["is_total"]) for r in res.rows["budget_amounts"]}
    assert ("Insurance, Technical & Production Costs (including 5% contingency)", 95200.0, 0) in got
    assert ("Other Artists Fees", 5000.0, 0) in got
    assert ("Total", 125000.0, 1) in got
    assert [c["status"] for c in res.rows["budget_checks"]] == ["ok"]


def test_realworld_grant_notes_amount_cells(parsed, realworld_dir):
    path = realworld_dir / "sutton-coldfield-town-council/CommunityGrant notes 2018 March 13.pdf"
    rows = parsed(path).result.rows.get("budget_amounts", [])
    got = {(r["item"], r["amount"], r["is_total"]) for r in rows}
    assert ("Four Oaks", 9506.0, 0) in got
    assert ("Total", 5000.0, 1) in got and ("Total", 4000.0, 1) in got
    assert ("YMCA", 8000.0, 0) in got and ("Moor Hall Primary School", 868.23, 0) in got


def test_realworld_cost_list_across_page(parsed, realworld_dir):
    path = realworld_dir / "sutton-coldfield-town-council/Item 166  CBSO Concert.pdf"
    rows = parsed(path).result.rows.get("budget_amounts", [])
    got = {(r["item"], r["amount"], r["is_total"]) for r in rows}
    assert ("Total", 125000.0, 1) in got
    assert any(a == 95200.0 and i.startswith("Insurance, Technical") for i, a, _ in got)


def test_text_layer_spacing_a_leading_digit_off_its_group():
    assert parse_money("6 8,635") == 68635.0
    assert parse_money("(1 2,345)") == -12345.0
    assert parse_money("1 ,500") == 1500.0
    assert parse_money("1 2") is None


def test_tick_box_glyph_column_names_no_row_and_details_column_does():
    rows = [["2015/6", "Details", "Receipt", "Income", ""],
            ["5700", "Precept", "5700", "5700.00", ""],
            ["98.4", "Grant", "98.4", "98.40", "\uf06a"],
            ["250.00", "Village Hall", "250.00", "250.00", "\uf06b"],
            ["130", "Wood", "0", "0.00", "\uf06c"],
            ["6178.4", "Totals", "6048.4", "6048.40", ""]]
    res = run([Block(kind=PARAGRAPH, text="INCOME"), table(rows)])
    got = {(r["item"], r["measure"], r["amount"]) for r in res.rows["budget_amounts"]}
    assert ("Precept", "2015/6", 5700.0) in got and ("Grant", "Income", 98.4) in got
    assert ("Totals", "2015/6", 6178.4) in got
    assert not any(r["item"] and r["item"].startswith("\uf06a") for r in res.rows["budget_amounts"])


def test_statement_continued_under_a_capitals_section_heading():
    first = [["2017 £", "", "2018 £ Gross", "2018 £ Net"],
             ["", "DIRECT SERVICES", "", ""],
             ["(3,000)", "Economic Development", "(4,022)", "(4,022)"],
             ["(67)", "Environmental Services", "(10,598)", "(10,598)"]]
    rest = [["(229,850)", "Central Support Costs", "(299,663)", "(297,350)"],
            ["(107,246)", "Civic Costs", "(68,644)", "(68,644)"],
            ["(340,163)", "", "(382,927)", "(380,614)"],
            ["1,823,850", "Annual Precept", "", "1,832,982"]]
    blocks = [table(first, page=5), Block(kind=HEADING, text="DEMOCRATIC, CIVIC AND CENTRAL COSTS", page=5),
              Block(kind=TABLE, page=5, rows=[Row(cells=[Cell(text=c) for c in r], page=5) for r in rest])]
    res = run(blocks)
    got = {(r["item"], r["amount"], r["is_total"]) for r in res.rows["budget_amounts"]}
    # the unlabelled row sums the items of both parts: a total
    assert ("Total", -382927.0, 1) in got and ("Total", -340163.0, 1) in got
