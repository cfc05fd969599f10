"""Status shown only as colour, in any table (issue 9).

Fixtures in tests/fixtures/colour_status/ (generator build.py beside them);
the expected rows below are written by hand from the generator's tables.
"""

from __future__ import annotations

import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from boardpack.core.model import Cell
from boardpack.core.settings import Settings
from boardpack.extractors.colour_key import colour_family, is_key_table, is_legend, key_pairs, key_status, legend_key
from boardpack.extractors.status_tables import extract_status_tables
from boardpack.ingest.docx_styles import Theme

FIX = Path(__file__).resolve().parent / "fixtures" / "colour_status"
KEY_TABLE = "colour-only-priorities-table-with-key"
LEGEND = "priorities-legend-paragraph-theme-fills"
SCORECARD = "scorecard-ticks-rag-letters-borderless-fills"
TWO_PAGES = "colour-only-table-over-a-page-break"

PRIORITIES = [
    ("Reduce the harm caused by domestic abuse", "green"),
    ("Tackle anti-social behaviour in town centres", "amber"),
    ("Reduce burglary from dwellings", "red"),
    ("Protect vulnerable people from exploitation", "green"),
    ("Improve road safety on rural roads", "amber"),
]
THEMED = [
    ("1", "Cut re-offending by young people", "green"),
    ("2", "Reduce alcohol-related violence at night", "amber"),
    ("3", "Increase reporting of hate crime", "red"),
    ("4", "Reduce fly-tipping on rural lanes", "amber"),
]


def _status_rows(parsed, path: Path) -> list[tuple[str, str, str, str]]:
    """(table title, ref, label, status) of every update the file gives, in order."""
    res = parsed(path).result
    plans = {p["plan_id"]: p["title"] for p in res.rows.get("action_plans", [])}
    acts = {a["action_id"]: a for a in res.rows.get("plan_actions", [])}
    return [(plans[u["plan_id"]], u["ref"], acts[u["action_id"]]["action_text"], u["status"])
            for u in res.rows.get("plan_updates", [])]


# -- the regression: colour-only priorities table with a key -----------------------

@pytest.mark.parametrize("name", [KEY_TABLE, "colour-only-priorities-key-rows-without-caption"])
@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_colour_only_priorities_table_with_key(parsed, ext, name):
    got = _status_rows(parsed, FIX / f"{name}.{ext}")
    title = "Partnership priorities: position at quarter 3"
    # the key's own rows ("Better position" ...) are the key, not items
    assert got == [(title, "", label, status) for label, status in PRIORITIES]


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_legend_paragraph_and_theme_fills(parsed, ext):
    got = _status_rows(parsed, FIX / f"{LEGEND}.{ext}")
    title = "Community safety priorities 2016/17"
    assert got == [(title, ref, label, status) for ref, label, status in THEMED]


def test_status_rows_reach_v_action_updates(tmp_path):
    """The view is the contract: description is the row's label, status the colour's meaning."""
    from click.testing import CliRunner

    from boardpack.cli import cli

    db = tmp_path / "s.db"
    r = CliRunner().invoke(cli, ["ingest", str(FIX / f"{KEY_TABLE}.docx"), "--db", str(db), "-s", "-w", "1"])
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT description, status FROM v_action_updates").fetchall()
    assert rows == PRIORITIES


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_status_table_over_a_page_break_is_one_table(parsed, ext):
    """Split into two tables at the page break, the second without a header: one
    table of 40 items (its first row on page 2 is an item, not a header)."""
    got = _status_rows(parsed, FIX / f"{TWO_PAGES}.{ext}")
    cycle = ["green", "amber", "red", "green", "green"]
    assert got == [("Neighbourhood priorities by ward", "", f"Ward {n}: reduce repeat calls about nuisance neighbours",
                    cycle[(n - 1) % 5]) for n in range(1, 41)]
    ordinals = [a["ordinal"] for a in parsed(FIX / f"{TWO_PAGES}.{ext}").result.rows["plan_actions"]]
    assert ordinals == list(range(40))


# -- other signals: ticks and crosses, R/A/G letters; a tick grid is not a status table ---

SCORECARD_ROWS = [
    ("Performance scorecard", "", "Repeat victims of domestic abuse", "green"),
    ("Performance scorecard", "", "Anti-social behaviour incidents", "red"),
    ("Performance scorecard", "", "Young people entering the justice system", "green"),
    # R/A/G letters; the commentary column is not the label
    ("Delivery against the plan", "", "Hate crime reports", "green"),
    ("Delivery against the plan", "", "Fly-tipping incidents", "amber"),
    ("Delivery against the plan", "", "Arson incidents", "red"),
    ("Projects", "", "CCTV upgrade in the market square", "green"),
    ("Projects", "", "Youth outreach van", "amber"),
    ("Projects", "", "Community speed watch", "red"),
    # Wingdings tick / cross inserted as Word symbols
    ("Actions from the last meeting", "", "Circulate the draft strategy", "green"),
    ("Actions from the last meeting", "", "Invite the fire service to the next meeting", "red"),
    ("Actions from the last meeting", "", "Publish the minutes on the website", "green"),
]  # and nothing from the attendance grid of ticks
KEYED_ROWS = [
    # the key in the column header gives blue a meaning of its own, and words of the status vocabulary
    ("Town centre plan", "", "Install new street lighting", "complete"),
    ("Town centre plan", "", "Recruit street marshals", "on track"),
    ("Town centre plan", "", "Open a night-time safe space", "not on track"),
    # the key written out in the last row is the key, not an item
    ("Crime types", "", "Shoplifting", "red"),
    ("Crime types", "", "Criminal damage", "amber"),
    ("Crime types", "", "Cycle theft", "green"),
    # words and colour agree
    ("Publication targets", "", "Spending over 500 pounds published monthly", "green"),
    ("Publication targets", "", "Contracts published within 20 days", "red"),
    ("Publication targets", "", "Organisation chart published twice a year", "green"),
    # a key caption with its entries listed under it
    ("Licensing reviews", "", "High Street late bar", "complete"),
    ("Licensing reviews", "", "Station kebab house", "green"),
    ("Licensing reviews", "", "Market square off-licence", "red"),
]
TITLED_ROWS = [
    # titled by its own first row, not by the heading further up
    ("Street cleanliness survey, autumn", "", "Abbey", "green"),
    ("Street cleanliness survey, autumn", "", "Castle", "red"),
    ("Street cleanliness survey, autumn", "", "Newtown", "amber"),
]  # and nothing from the matrix of commitments by departments
BORDERLESS_ROWS = [
    ("Priorities at a glance", "", "Road safety near schools", "green"),
    ("Priorities at a glance", "", "Rural crime", "red"),
    ("Priorities at a glance", "", "Drug-related harm", "amber"),
]


HIGHLIGHTED_ROWS = [
    ("Community projects", "", "Village hall defibrillator", "green"),
    ("Community projects", "", "Riverside path lighting", "red"),
    ("Community projects", "", "Allotment water supply", "amber"),
]


def test_scorecard_ticks_and_rag_letters_docx(parsed):
    got = _status_rows(parsed, FIX / f"{SCORECARD}.docx")
    assert [g for g in got if g[0] != "Community projects"] == SCORECARD_ROWS + BORDERLESS_ROWS + KEYED_ROWS + TITLED_ROWS
    # progress words marked with Word's highlighter: the mark is the status
    assert [g for g in got if g[0] == "Community projects"] == HIGHLIGHTED_ROWS


def test_scorecard_ticks_and_rag_letters_pdf(parsed):
    got = _status_rows(parsed, FIX / f"{SCORECARD}.pdf")
    # LibreOffice paints a one-line cell's highlight over most of the cell: read as its fill
    assert [g for g in got if g[0] != "Priorities at a glance"] == \
        SCORECARD_ROWS + KEYED_ROWS + HIGHLIGHTED_ROWS + TITLED_ROWS


def test_borderless_fill_only_column_pdf(parsed):
    got = _status_rows(parsed, FIX / f"{SCORECARD}.pdf")
    assert [g for g in got if g[0] == "Priorities at a glance"] == BORDERLESS_ROWS


def test_blank_fill_words_find_the_colour_column():
    import pdfplumber

    from boardpack.ingest.pdf_fill_cells import blank_fill_words
    from boardpack.ingest.pdf_tables import page_fills

    with pdfplumber.open(FIX / f"{SCORECARD}.pdf") as pdf:
        page = next(pg for pg in pdf.pages if "glance" in (pg.extract_text() or ""))
        words = page.extract_words()
        # the borderless table's part of the page: between its heading and the line under it
        top = next(w["top"] for w in words if w["text"] == "glance")
        bottom = next(w["top"] for w in words if w["text"] == "Colours")
        fills = [f for f in page_fills(page.rects) if top < f.bbox[1] < bottom]
        got = blank_fill_words(words, fills)
    assert [w["fill"] for w in got] == ["#92d050", "#ff0000", "#ffff00"]
    labels = ["Road safety near schools", "Rural crime", "Drug-related harm"]
    for w, label in zip(got, labels):
        line = " ".join(x["text"] for x in words if abs(x["top"] - w["top"]) < 1 and x["x1"] <= w["x0"])
        assert line == label  # each placeholder sits on its item's line


def test_wrapped_status_text_with_line_shading_is_no_blank_cell(realworld_dir):
    """Word paints a status cell whole and again line by line: the empty line
    pieces beside an action's wrapped lines are part of a cell with words, not
    fill-only cells (they made the wrapped lines rows of their own, and one an
    action of its own)."""
    import pdfplumber

    from boardpack.ingest.pdf_fill_cells import blank_fill_words
    from boardpack.ingest.pdf_tables import page_fills
    from boardpack.pipeline import parse_file

    path = realworld_dir / "uk-transparency-board" / "TB(4)1.i Status update on actions from last meeting - 11.01.11.pdf"
    if not path.exists():
        pytest.skip(f"{path.name} not in the real-world papers")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert blank_fill_words(page.extract_words(), page_fills(page.rects)) == []
    statuses = [u["status"] for u in parse_file(path).result.rows["plan_updates"]]
    assert statuses == ["complete", "on track", "on track", "plan in place", "on track", "plan in place",
                        "plan in place", "complete", "complete"]  # the paper's nine actions


# -- tables that stay someone else's ------------------------------------------------

def test_action_plan_tables_and_their_key_are_not_counted_twice(parsed, corpus_dir):
    """The corpus 2017 plan (RAG words and fills) is the action-plan extractor's,
    and its key table ("GREEN | On track" ...) is a key, not a status table."""
    path = corpus_dir / "docx" / "cdrp-2017-02-23.docx"
    if not path.exists():
        pytest.skip("corpus not generated (run `make corpus`)")
    res = parsed(path).result
    assert res.rows.get("plan_updates")  # the plan is read ...
    from boardpack.extractors.base import ExtractContext

    ctx = ExtractContext(doc=parsed(path).doc, papers=parsed(path).papers, results=res)
    assert extract_status_tables(ctx).rows == {}  # ... and nothing more from its tables
    key_block = next(b for b in ctx.doc.blocks if b.kind == "table" and b.rows
                     and b.rows[0].cells[0].norm == "GREEN")
    assert is_key_table(key_block)


# -- colour keys ------------------------------------------------------------------------

@pytest.mark.parametrize("words,status", [
    ("Better position", "green"),
    ("No change or still some concern", "amber"),
    ("Worse position", "red"),
    ("Improved since last quarter", "green"),
    ("Not improved", "amber"),
    ("Review completed", "complete"),
    ("Review not completed", None),
    ("Performance has deteriorated", "red"),
    ("Significant concern", "red"),
    ("Stable", "amber"),
    ("Green - on track", "green"),
    ("On track", "on track"),
    ("Completed", "complete"),
    ("Action closed", "closed"),
    ("Reduce burglary from dwellings", None),
    ("Lead officer", None),
])
def test_key_words_map_to_the_status_vocabulary(words, status):
    assert key_status(words) == status


def test_key_words_from_the_settings_vocabulary():
    st = Settings.from_dict({"vocabulary": {"status_words": {"nearly there": "on track"}}})
    assert key_status("Nearly there", st) == "on track"
    assert key_status("Nearly there") is None


def test_key_cell_naming_its_colour_means_the_words_beside_it():
    assert key_pairs([Cell("GREY", fill="#bfbfbf"), Cell("Action closed")]) == [("#bfbfbf", "closed")]
    assert key_pairs([Cell("", fill="#92d050"), Cell("Better position")]) == [("#92d050", "green")]
    assert key_pairs([Cell("GREEN", fill="#00b050"), Cell("On track")]) == [("#00b050", "green")]


@pytest.mark.parametrize("text", [
    "Key: green - better position; orange - no change or still some concern; red - worse position.",
    "Better position (green), no change or still some concern (orange), worse position (red)",
])
def test_legend_paragraph(text):
    assert legend_key(text).names == {"green": "green", "amber": "amber", "red": "red"}


@pytest.mark.parametrize("text,legend", [
    ("Key: green - better position; orange - no change or still some concern; red - worse position.", True),
    ("Better position (green), worse position (red)", True),
    ("Green: on track. Red: not on track.", True),
    ("The red and amber actions are the ones the group will look at first.", False),
])
def test_prose_naming_colours_is_no_legend(text, legend):
    assert is_legend(text) is legend


def test_key_colour_family_covers_other_shades():
    from boardpack.extractors.colour_key import ColourKey

    key = ColourKey(fills={"#00b050": "on track", "#ff0000": "not on track"})
    assert key.status("#00b050") == "on track"
    assert key.status("#c4e0b4") == "on track"  # a paler green than the key's
    assert key.status("#ffc000") == "amber"  # a colour the key does not show: its hue


def test_legend_can_give_a_colour_another_meaning():
    key = legend_key("Key: blue - completed; green - better position")
    assert key.status("#4f81bd") == "complete"  # blue has no hue status of its own
    assert key.status("#00b050") == "green"


@pytest.mark.parametrize("fill,family", [
    ("#92d050", "green"), ("#00b050", "green"), ("#ffff00", "amber"), ("#ffc000", "amber"),
    ("#f79646", "amber"), ("#ff0000", "red"), ("#c0504d", "red"), ("#4f81bd", "blue"),
    ("#bfbfbf", "grey"), ("#ffffff", "white"), ("#e6eed5", "white"),
])
def test_colour_family(fill, family):
    assert colour_family(fill) == family


# -- Word: theme colours and table styles --------------------------------------------------

def test_theme_tints_and_shades_match_what_word_wrote():
    """Every shading in the fixture's style sheet that names a theme colour also
    carries the hex Word resolved it to: ours is within one step of Word's."""
    with zipfile.ZipFile(FIX / f"{LEGEND}.docx") as z:
        theme = Theme.from_xml(z.read("word/theme/theme1.xml"))
        styles = z.read("word/styles.xml").decode()
    found = re.findall(r'w:fill="([0-9A-F]{6})" w:themeFill="(\w+)"(?: w:themeFill(Tint|Shade)="([0-9A-F]{2})")?',
                       styles)
    assert len(found) > 50
    for fill, name, kind, value in found:
        got = theme.colour(name, value if kind == "Tint" else None, value if kind == "Shade" else None)
        assert got is not None, name
        assert max(abs(int(got[1 + 2 * i:3 + 2 * i], 16) - int(fill[2 * i:2 * i + 2], 16)) for i in range(3)) <= 1, \
            (fill, name, kind, value, got)


def test_table_style_bands_and_header_shading(parsed):
    """The legend fixture's table takes its header and row-band shading from the
    style's conditional formatting (firstRow, band1Horz) in theme colours."""
    t = next(b for b in parsed(FIX / f"{LEGEND}.docx", until="read").doc.blocks if b.kind == "table")
    fills = [[c.fill for c in r.cells] for r in t.rows]
    assert fills[0] == ["#9bbb59"] * 3  # firstRow
    assert fills[1][:2] == fills[3][:2] == ["#e6eed5"] * 2  # band 1: the first and third body rows
    assert fills[2][:2] == fills[4][:2] == [None, None]  # band 2 has no shading
    # the position column's own theme shading wins over the band
    assert [r[2] for r in fills[1:]] == ["#b4cc83", "#f79646", "#c0504d", "#f79646"]


def _fill_table(fills: list[str]):
    from boardpack.core.model import TABLE, Block, Row

    rows = [Row(cells=[Cell(text="Service", norm="Service"), Cell(text="Variance", norm="Variance"), Cell()],
                is_header=True)]
    for k, fill in enumerate(fills):
        label = f"Service line {k + 1} delivered across the county"
        rows.append(Row(cells=[Cell(text=label, norm=label), Cell(text="+0.8", norm="+0.8"), Cell(fill=fill)]))
    return Block(kind=TABLE, rows=rows)


def test_one_unexplained_colour_down_a_column_is_a_band_not_a_status():
    """Regression: a finance table with a column shaded one colour on every row
    (no key anywhere) was read as twenty 'amber' actions."""
    from boardpack.extractors.colour_key import ColourKey
    from boardpack.extractors.status_columns import find_status_table

    assert find_status_table(_fill_table(["#b85808"] * 5), ColourKey()) is None
    # colours that differ from row to row do report each item
    assert find_status_table(_fill_table(["#00b050", "#ffc000", "#ff0000", "#00b050"]), ColourKey()) is not None
    # and a key that names the colour makes even one colour a status
    keyed = ColourKey(fills={"#b85808": "amber"})
    assert find_status_table(_fill_table(["#b85808"] * 5), keyed) is not None
