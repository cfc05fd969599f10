"""OCR of scanned PDF pages: grouping tesseract words into blocks, the
scanned page of the bad-input sample, a real scanned parish minutes file,
and what happens without the OCR tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardpack.ingest import ocr
from boardpack.ingest.read import read_document
from boardpack.ingest.ocr_image import VERSION as IMAGE_VERSION
from boardpack.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "corpus" / "bad" / "scanned-page.pdf"


def _w(text, block, par, line, left, top, conf="90"):
    return {"text": text, "block_num": str(block), "par_num": str(par), "line_num": str(line),
            "left": str(left), "top": str(top), "width": "40", "height": "20", "conf": conf}


def test_words_grouped_by_paragraph_in_reading_order_with_point_bboxes():
    words = [
        _w("Apologies", 2, 1, 1, 100, 400), _w("from", 2, 1, 1, 150, 400), _w("Jo", 2, 1, 2, 100, 430),
        _w("MINUTES", 1, 1, 1, 100, 100), _w("OF", 1, 1, 1, 160, 100),
        _w("\u2022", 3, 1, 1, 100, 600), _w("Item", 3, 1, 1, 120, 600),
        _w("~", 3, 1, 1, 300, 600, conf="5"),  # speckle
    ]
    blocks = ocr.words_to_blocks(words, page=3, scale=72 / 200)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "MINUTES OF"), ("paragraph", "Apologies from\nJo"), ("list_item", "Item")]
    assert all(b.page == 3 and "ocr" in b.flags for b in blocks)
    assert blocks[0].bbox == (36.0, 36.0, 72.0, 43.2)


@pytest.fixture(scope="module")
def scanned_doc():
    if ocr.missing_tools():
        pytest.fail(f"OCR tools missing: install {ocr.missing_tools()} (.ci/run installs them)")
    return read_document(SCANNED)


def test_scanned_page_read_by_ocr_after_the_text_page(scanned_doc):
    assert scanned_doc.scanned_pages == [2]
    assert scanned_doc.metadata["ocr_pages"] == [2]
    ocr_blocks = [b for b in scanned_doc.blocks if "ocr" in b.flags]
    assert ocr_blocks and all(b.page == 2 for b in ocr_blocks)
    first = scanned_doc.blocks.index(ocr_blocks[0])
    assert all(b.page == 1 for b in scanned_doc.blocks[: first - 1])  # text page, then its page break
    text = " ".join(b.norm for b in ocr_blocks)
    assert "Minutes of the meeting held on Monday, 19 January 2009" in text
    assert "Apologies were received from Tom Jefford and Denise Lewis" in text


def test_scan_painted_through_a_pattern_is_read_by_ocr(scanned_doc):
    # scanned_doc only for its check that the OCR tools are installed
    doc = read_document(ROOT / "tests" / "fixtures" / "pdf" / "scan-painted-as-pattern.pdf")
    assert doc.metadata["ocr_pages"] == [1]
    text = " ".join(b.norm for b in doc.blocks if "ocr" in b.flags)
    assert "Crime and Disorder Reduction Partnership Board" in text
    assert "PRESENT" in text


def test_ocr_can_be_switched_off():
    doc = read_document(SCANNED, settings=Settings(ocr=False))
    assert doc.scanned_pages == [2]
    assert not any("ocr" in b.flags for b in doc.blocks)


def test_without_tools_scanned_pages_stay_flagged_and_say_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    doc = read_document(SCANNED)
    assert doc.scanned_pages == [2]
    assert not any("ocr" in b.flags for b in doc.blocks)
    assert doc.metadata["ocr"] == "scanned pages not read: install poppler-utils and tesseract-ocr"


def test_real_scanned_parish_minutes_give_meeting_and_attendance(realworld_dir, parsed):
    path = realworld_dir / "souldern-parish-council" / "spc-minutes" / "2021-03-25 SPC minutes.pdf"
    p = parsed(path)
    assert p.doc.scanned_pages == [1, 2, 3, 4]
    rows = p.result.rows
    people = {(r["person"], r["attendance"]) for r in rows.get("attendance", [])}
    assert ("Nick Oakhill", "chair") in people
    assert {("John Hoodless", "present"), ("Kirsty Allpress", "present"), ("Alan Smith", "present"),
            ("Laura How", "present")} <= people
    assert {r["meeting_date"] for r in rows["attendance"]} == {"2021-03-25"}


def test_numbered_lines_start_new_blocks_and_ocr_ordinals_are_mended():
    words = [_w("1.", 1, 1, 1, 100, 100), _w("Apologies", 1, 1, 1, 130, 100),
             _w("2", 1, 1, 2, 100, 130), _w("Declarations", 1, 1, 2, 130, 130),
             _w("of", 1, 1, 3, 130, 160), _w("interest", 1, 1, 3, 160, 160),
             _w("ON", 2, 1, 1, 100, 300), _w('24"', 2, 1, 1, 140, 300), _w("November", 2, 1, 1, 180, 300),
             _w("2022", 2, 1, 1, 260, 300)]
    blocks = ocr.words_to_blocks(words, page=1, scale=1.0)
    assert [b.text for b in blocks] == ["1. Apologies", "2 Declarations\nof interest", "ON 24 November 2022"]


def test_ocr_words_are_cached_by_file_hash_and_page(scanned_doc, monkeypatch, tmp_path):
    monkeypatch.setenv("BOARDPACK_CACHE_DIR", str(tmp_path))
    first = read_document(SCANNED)
    cached = sorted(p.name for p in (tmp_path / "ocr").iterdir())
    # the words under the key they have always had; the page image's lines and
    # fills under a key of their own, with the version of that analysis
    assert cached == [f"{first.sha256}-p2-200dpi-image-v{IMAGE_VERSION}.json", f"{first.sha256}-p2-200dpi-psm3.json"]

    def no_tesseract(*a, **k):
        raise AssertionError("OCR ran although the page's words were cached")

    monkeypatch.setattr(ocr, "_rasterise", no_tesseract)
    again = read_document(SCANNED)
    assert [b.text for b in again.blocks] == [b.text for b in first.blocks]


def test_page_image_cached_by_an_older_analysis_is_read_again(scanned_doc, monkeypatch, tmp_path):
    monkeypatch.setenv("BOARDPACK_CACHE_DIR", str(tmp_path))
    first = read_document(SCANNED)
    key = tmp_path / "ocr" / f"{first.sha256}-p2-200dpi-image-v{IMAGE_VERSION}.json"
    stale = json.loads(key.read_text())
    stale["version"] = IMAGE_VERSION - 1
    stale["rules"] = [["h", 0, 10, 500, 10]]  # what an older analysis might have said
    key.write_text(json.dumps(stale))
    page = ocr.page_image(SCANNED, first.sha256, 2)
    assert page.to_json()["version"] == IMAGE_VERSION and ["h", 0, 10, 500, 10] not in page.to_json()["rules"]


def test_ocr_cache_can_be_switched_off(scanned_doc, monkeypatch, tmp_path):
    monkeypatch.setenv("BOARDPACK_CACHE_DIR", str(tmp_path))
    read_document(SCANNED)  # fills the cache

    def broken(*a, **k):
        raise OSError("no rasteriser")

    monkeypatch.setattr(ocr, "_rasterise", broken)
    doc = read_document(SCANNED, settings=Settings(ocr_cache=False))
    assert doc.metadata["ocr"] == "OCR failed on page 2: OSError"
