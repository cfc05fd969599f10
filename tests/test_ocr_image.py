"""The page image of a scan: its tilt, ruling lines and colour fills
(boardpack.ingest.ocr_image), and the tables built from them with OCR words
(boardpack.ingest.ocr_tables). Images are drawn here with Pillow; no OCR runs."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from boardpack.core.model import Block, Cell, Row, TABLE
from boardpack.ingest.ocr_image import VERSION, PageImage, analyse, same_inks
from boardpack.ingest.ocr_ruled import fill_repeated_header, item_numbers_from_parts, join_stacked, ruled_tables
from boardpack.ingest.ocr_tables import drop_specks, level_lines, mend_item_numbers

DPI = 100
SCALE = 72 / DPI
GREEN, AMBER, GREY = (0, 176, 80), (255, 192, 0), (191, 191, 191)


def _grid_page(tilt: float = 0.0) -> Image.Image:
    """A ruled table of three columns and four rows at 100 dpi: the last column
    of the body rows filled green, amber and grey (a RAG column), black text
    strokes in the cells, then turned by ``tilt`` degrees as a sheet fed askew."""
    im = Image.new("RGB", (850, 1100), "white")
    d = ImageDraw.Draw(im)
    xs, ys = [100, 400, 650, 750], [200, 240, 320, 400, 480]
    for (y0, y1), colour in zip(zip(ys[1:], ys[2:]), (GREEN, AMBER, GREY)):
        d.rectangle([xs[2], y0, xs[3], y1], fill=colour)
    for x in xs:
        d.line([x, ys[0], x, ys[-1]], fill="black", width=1)
    for y in ys:
        d.line([xs[0], y, xs[-1], y], fill="black", width=1)
    for y in ys[:-1]:  # text strokes, which are neither rules nor fills
        d.rectangle([xs[0] + 10, y + 12, xs[0] + 150, y + 20], fill="black")
        d.rectangle([xs[2] + 20, y + 12, xs[2] + 60, y + 20], fill="black")
    return im.rotate(tilt, resample=Image.BICUBIC, fillcolor="white") if tilt else im


def test_tilt_of_a_sheet_fed_askew_is_measured_and_undone():
    page = analyse(_grid_page(tilt=0.6), DPI)
    assert page.tilt == pytest.approx(0.6, abs=0.1)
    # straightened, the rules are level again: every horizontal rule keeps one height
    hs = [r for r in page.rules if r[0] == "h" and r[3] - r[1] > 400 * SCALE]
    assert len({round(r[2] / 2) for r in hs}) == 5
    assert analyse(_grid_page(), DPI).tilt == 0.0


def test_ruling_lines_and_coloured_fills_are_found_grey_is_no_status():
    page = analyse(_grid_page(), DPI)
    long_h = [r for r in page.rules if r[0] == "h" and r[3] - r[1] > 500 * SCALE]
    long_v = [r for r in page.rules if r[0] == "v" and r[4] - r[2] > 250 * SCALE]
    assert len(long_h) == 5 and len(long_v) == 4
    colours = sorted(f[4] for f in page.fills)
    assert colours == ["#00b050", "#ffc000"]  # the grey cell is shading, not a colour
    green = next(f for f in page.fills if f[4] == "#00b050")
    assert green[0] == pytest.approx(650 * SCALE, abs=3) and green[3] == pytest.approx(320 * SCALE, abs=3)


def test_reading_a_page_image_needs_a_few_page_sized_arrays_not_a_dozen():
    """The analysis of a page is a worker's peak memory on a scan: it works on
    the 8-bit image, one float32 grey copy and byte masks, never a float copy
    of the RGB page or a float array per shifted row set (measured with
    tracemalloc, which numpy reports its arrays to; before, about 8.5 times
    the RGB page's bytes at the peak, now under 5)."""
    import tracemalloc

    # an A4 page at 200 dpi, the OCR default: the grid table drawn twice the size
    page = _grid_page().resize((1654, 2339))
    tracemalloc.start()
    try:
        analyse(page, 200)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    rgb_bytes = 1654 * 2339 * 3
    assert peak < 6 * rgb_bytes, f"peak {peak / 2**20:.1f} MB for a {rgb_bytes / 2**20:.1f} MB page"


def test_coloured_paper_is_no_cell_fill():
    page = Image.new("RGB", (850, 1100), (250, 200, 210))  # pink paper
    ImageDraw.Draw(page).rectangle([100, 200, 300, 260], fill=GREEN)
    assert [f[4] for f in analyse(page, DPI).fills] == ["#00b050"]


def test_one_printed_colour_scanned_a_little_differently_is_one_colour():
    fills = [(0, 0, 10, 10, "#c38eb7"), (10, 0, 20, 10, "#bb85ae"), (20, 0, 30, 10, "#00b050")]
    assert [f[4] for f in same_inks(fills)] == ["#c38eb7", "#c38eb7", "#00b050"]


def test_page_image_of_another_version_is_not_read_as_this_one():
    page = analyse(_grid_page(), DPI)
    assert PageImage.from_json(page.to_json()) == page
    old = dict(page.to_json(), version=VERSION - 1)
    with pytest.raises(ValueError):
        PageImage.from_json(old)


def _word(text, x0, top, x1=None, key=(1, 1, 1), h=10.0):
    return {"text": text, "x0": x0, "x1": x1 if x1 is not None else x0 + 6 * len(text), "top": top,
            "bottom": top + h, "key": key, "src": [(round(x0), round(top))], "size": 12.0}


def test_words_fill_the_cells_drawn_on_a_scan_and_cells_take_the_image_colours():
    page = analyse(_grid_page(), DPI)
    y = [200 * SCALE, 240 * SCALE, 320 * SCALE, 400 * SCALE]
    ws = [_word("Action", 110 * SCALE, y[0] + 10, key=(1, 1, 1)), _word("RAG", 660 * SCALE, y[0] + 10, key=(1, 1, 1)),
          _word("1.1", 110 * SCALE, y[1] + 10, key=(1, 1, 2)), _word("Report", 410 * SCALE, y[1] + 10, key=(1, 1, 2)),
          _word("1.2", 110 * SCALE, y[2] + 10, key=(1, 1, 3)), _word("1.3", 110 * SCALE, y[3] + 10, key=(1, 1, 4))]
    tables = ruled_tables(ws, page, 4)
    assert len(tables) == 1
    t = tables[0]
    assert t.kind == TABLE and "ocr" in t.flags and t.page == 4
    assert [r.cells[0].text for r in t.rows] == ["Action", "1.1", "1.2", "1.3"]
    assert t.rows[1].cells[1].text == "Report"
    assert [r.cells[2].fill for r in t.rows] == [None, "#00b050", "#ffc000", None]


def test_speck_read_as_a_letter_beside_a_header_is_dropped():
    # "Priority" then an "i" two pixels square: noise, not a word of the header cell
    ws = [_word("Priority", 50, 54, h=15), _word("i", 47.4, 60.8, x1=48.1, h=0.7), _word("—", 90, 60, x1=100, h=1.0),
          _word("-", 200, 60, x1=202.9, h=1.1)]
    ws += [_word(f"w{k}", 120 + 20 * k, 54, h=15) for k in range(5)]
    kept = [w["text"] for w in drop_specks(ws)]
    assert "i" not in kept and "Priority" in kept
    assert "—" in kept and "-" in kept  # a dash is as small in print: it stays  # a dash is as flat as a speck, but long


def test_item_number_read_with_a_colon_or_a_speck_before_it_is_mended():
    ws = [_word("1:4", 10, 10, key=(1, 1, 1)), _word("Host", 40, 10, key=(1, 1, 1)),
          _word("-2.1", 10, 30, key=(1, 1, 2)), _word("Share", 40, 30, key=(1, 1, 2)),
          _word("10:30", 10, 50, key=(1, 1, 3)), _word("Meeting", 40, 50, key=(1, 1, 3)),
          _word("-2.1", 10, 70, key=(1, 1, 4)), _word("3.4", 40, 70, key=(1, 1, 4)),
          _word("3:", 10, 90, key=(1, 1, 5)), _word("Minutes", 40, 90, key=(1, 1, 5)),
          _word("1.7¢", 10, 110, key=(1, 1, 6)), _word("Commission", 40, 110, key=(1, 1, 6))]
    mend_item_numbers(ws)
    assert [w["text"] for w in ws] == ["1.4", "Host", "2.1", "Share", "10:30", "Meeting", "-2.1", "3.4",
                                       "3.", "Minutes", "1.7c", "Commission"]


def test_words_of_one_ocr_line_share_its_height_so_a_swollen_box_keeps_reading_order():
    # "Year ending" on a shaded header: tesseract's box for "ending" is twice as tall
    ws = level_lines([_word("Year", 602, 379, h=18), _word("ending", 658, 366, h=40)])
    assert {w["top"] for w in ws} == {379} or len({w["top"] for w in ws}) == 1


def _table(rows: list[list[str]], top: float, header: bool = False, x0: float = 40, x1: float = 540) -> Block:
    out = []
    for k, texts in enumerate(rows):
        r = Row(cells=[Cell(text=t) for t in texts], page=1, bbox=(x0, top + 20 * k, x1, top + 20 * k + 20))
        out.append(r)
    out[0].is_header = header
    return Block(kind=TABLE, text="", page=1, bbox=(x0, top, x1, top + 20 * len(rows)), rows=out, style="ruled",
                 flags=["ocr"])


def test_form_sections_with_the_same_columns_and_no_header_join_the_table_above():
    top = _table([["", "31 March 2025", "31 March 2026"], ["7. Balances", "16,053", "16,450"]], 100, header=True)
    lower = _table([["8. Cash", "16,053", "16,450"]], 150)
    apart = _table([["Signed", "", ""]], 400)
    joined = join_stacked([top, lower, apart])
    assert len(joined) == 2 and [r.cells[0].text for r in joined[0].rows] == ["", "7. Balances", "8. Cash"]
    # a section whose shaded top row OCR could not read (dropped for want of
    # text) had a header of its own: it is a table of its own ("For Local
    # Councils Only | Yes | No" over "11. Do the figures ...")
    top = _table([["", "31 March 2025", "31 March 2026"], ["7. Balances", "16,053", "16,450"]], 100, header=True)
    own_header = _table([["11. Do the figures exclude trusts?", "", ""]], 150)
    own_header.bbox = (own_header.bbox[0], 140, own_header.bbox[2], own_header.bbox[3])
    assert len(join_stacked([top, own_header])) == 2
    narrower = _table([["8. Cash", "16,053", "16,450"]], 150, x1=400)
    assert len(join_stacked([_table([["a", "b", "c"], ["d", "e", "f"]], 100, header=True), narrower])) == 2


def test_item_number_the_scan_lost_or_garbled_is_read_from_its_parts_numbers():
    t = _table([["Number", "Action", "Milestones"],
                ["11", "Make use of powers", "1.1a Monthly meeting"],  # the point lost
                ["", "", "1.1d Investigate"],                          # continuation of 1.1: stays blank
                ["4.2", "Mediation", "1.2a Contribute funding"],       # misread
                ["", "Hold a DV task group", "3.1a Assess data"],      # not read at all: a new item
                ["LG", "Drugs", '"1.7a CDRP group'],
                ["2009", "A year", "Budget 1.1b x"],                   # no part opens a cell: untouched
                ["3", "Parish event", "1.1 and 1.5 apply"]], 100, header=True)
    item_numbers_from_parts(t)
    assert [r.cells[0].text for r in t.rows] == ["Number", "1.1", "", "1.2", "3.1", "1.7", "2009", "3"]
    assert "1.1 | Make use of powers" in t.text


def test_header_cell_ocr_missed_on_one_page_is_read_from_its_repeat_on_the_next():
    first = _table([["Priority", "Action", "Progress", ""], ["1.", "1.1 Provide", "GREEN", ""]], 60, header=True)
    cont = _table([["Priority", "Action", "Progress", "RAG"], ["", "1.9 Deliver", "GREEN", ""]], 60, header=True)
    assert fill_repeated_header(first, cont)
    assert first.rows[0].cells[3].text == "RAG" and "| RAG" in first.text.splitlines()[0]
    other = _table([["Item", "Amount", "", ""], ["x", "1", "", ""]], 60, header=True)
    assert not fill_repeated_header(first, other)
