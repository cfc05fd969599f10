"""`boardpack show FILE --stage read --tables --page N --image out.png`: the
page drawn with the words, rulings, columns and rows the reader found on it
(pdfplumber's debug_tablefinder is the model)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PIL import Image, ImageChops

from boardpack.cli import cli
from boardpack.ingest.pdf_table_image import COLUMN_COLOUR, draw_layout, page_layout
from boardpack.pipeline import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
PLAN = FIXTURES / "pdf_layout" / "borderless-plan-header-not-repeated.pdf"
RULED = FIXTURES / "pdf" / "table-split-across-pages.pdf"


def test_show_image_writes_the_page_with_its_table(tmp_path):
    out = tmp_path / "p2.png"
    res = CliRunner().invoke(cli, ["show", str(PLAN), "--stage", "read", "--tables", "--page", "2",
                                   "--image", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    img = Image.open(out).convert("RGB")
    assert img.size[0] > 500 and img.size[1] > 700
    # the table's column boundaries are drawn in their colour
    assert any(colour == COLUMN_COLOUR for _, colour in img.getcolors(maxcolors=1 << 24))
    # --tables --page 2: the table part on page 2, no paragraphs
    assert "table:" in res.output and "paragraph:" not in res.output
    assert "7 columns" in res.output


def test_the_image_differs_when_the_columns_differ(tmp_path):
    doc = parse_file(PLAN, until="read").doc
    layout = page_layout(PLAN, 2, doc)
    assert len(layout.tables) == 1 and len(layout.tables[0].columns) == 8
    a = draw_layout(PLAN, layout, tmp_path / "a.png")
    layout.tables[0].columns = layout.tables[0].columns[:4] + layout.tables[0].columns[5:]  # one gutter closed
    b = draw_layout(PLAN, layout, tmp_path / "b.png")
    diff = ImageChops.difference(Image.open(a).convert("RGB"), Image.open(b).convert("RGB"))
    assert diff.getbbox() is not None


def test_rulings_of_a_ruled_table_are_drawn(tmp_path):
    doc = parse_file(RULED, until="read").doc
    layout = page_layout(RULED, 1, doc)
    assert layout.rulings and layout.tables
    assert len(layout.tables[0].columns) == 5  # four ruled columns: five edges


def test_image_of_a_page_out_of_range_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(cli, ["show", str(PLAN), "--stage", "read", "--page", "9", "--image",
                                   str(tmp_path / "x.png")])
    assert res.exit_code == 2
    assert "page 9 out of range" in res.output
