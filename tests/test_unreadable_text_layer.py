"""PDF pages whose text layer lies (unmapped glyphs) are read like scans,
and pages whose producer draws no space characters still split words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from boardpack.ingest.pdf_census import text_layer_unreadable, unreadable_glyph, word_options
from boardpack.ingest.pdf_reader import read_pdf
from boardpack.core.settings import DEFAULT


def _pdf_with_cid_font(lines: list[str]) -> bytes:
    """A one-page PDF drawing its text with a CID font (Identity-H) that has no
    ToUnicode map: pdfminer can only say "(cid:NN)" for every glyph."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    ]
    body = b"BT /F1 12 Tf 72 760 Td 14 TL "
    for ln in lines:
        body += b"<" + "".join(f"{ord(c) - 29:04X}" for c in ln).encode() + b"> Tj T* "
    body += b"ET"
    objs.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [6 0 R] >>")
    objs.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial "
                b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>")
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_page_of_cid_glyphs_is_read_like_a_scan(tmp_path):
    p = tmp_path / "budget-drawn-with-unmapped-cid-font.pdf"
    p.write_bytes(_pdf_with_cid_font(["Parish Council Budget 2024", "Grass cutting 1,200.00",
                                      "Insurance 450.00", "Total 1,650.00"]))
    doc = read_pdf(p, "c" * 64, replace(DEFAULT, ocr=False))
    assert doc.scanned_pages == [1]
    assert doc.metadata["unreadable_text_pages"] == [1]
    assert "unreadable" in doc.metadata["ocr"]
    assert not any("(cid:" in b.text for b in doc.blocks)


@pytest.mark.parametrize("glyph, bad", [("(cid:83)", True), ("\ue000", True), ("\ufffd", True), ("\x07", True),
                                        ("a", False), ("£", False), ("•", False), (" ", False)])
def test_unreadable_glyph(glyph, bad):
    assert unreadable_glyph(glyph) is bad


def test_text_layer_unreadable_shares():
    assert text_layer_unreadable(200, 150, 40)            # mostly (cid:NN)
    assert text_layer_unreadable(200, 0, 20)              # a bad ToUnicode: words became punctuation
    assert not text_layer_unreadable(200, 6, 150)         # a few bullets in a symbol font
    assert not text_layer_unreadable(200, 0, 30, 160)     # a contents page: dot leaders
    assert not text_layer_unreadable(10, 10, 0)           # too little to judge (a logo)


def test_page_without_space_characters_splits_words_by_font_size():
    assert "x_tolerance_ratio" in word_options(1000, 0)       # spreadsheet export, no spaces drawn
    assert "x_tolerance_ratio" not in word_options(1000, 180)  # ordinary text with spaces
    assert "x_tolerance_ratio" not in word_options(5, 0)       # too little text to tell
