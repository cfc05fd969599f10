"""Page furniture found by repetition at the end of the read stage (flagged
``furniture``, recorded as headers/footers), dropped by the clean stage; body kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpack.ingest import file_sha256
from boardpack.ingest.read import read_document
from boardpack.ingest.clean import clean_document
from boardpack.ingest.furniture import FURNITURE, furniture_key, is_file_path, is_page_number, mark_furniture
from boardpack.ingest.pdf_reader import read_pdf
from boardpack.core.model import HEADING, PAGE_BREAK, PARAGRAPH, TABLE, Block, Document
from boardpack.core.settings import DEFAULT, Settings

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def _read(name):
    p = FIXTURES / name
    return read_pdf(p, file_sha256(p))


def _clean(doc, settings=DEFAULT):
    """What read_document and the clean stage do after the reader: flag, then drop."""
    return clean_document(mark_furniture(doc, settings), settings)


@pytest.fixture(scope="module")
def plan_clean():
    return _clean(_read("table-split-across-pages.pdf"))


@pytest.fixture(scope="module")
def minutes_clean():
    return _clean(_read("borderless-table-and-lists.pdf"))


@pytest.mark.parametrize("text", ["3", "- 3 -", "Page 3", "Page 3 of 10", "page 12 OF 40", "3/10", "(7)", "3 | Page"])
def test_page_number_shapes(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["3 members", "Page 3 of the report shows", "2009/10 budget", "1.3a", "Item 3"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_file_paths_and_masking():
    assert is_file_path(r"E:\moderngov\Data\AgendaItemDocs\3\1\7\AI00012713\Item07.doc")
    assert is_file_path("/home/clerk/minutes/2009-07 minutes.docx")
    assert not is_file_path("Actions 1.1 and 2.2 are on track.")
    assert furniture_key("Page 3 of 10") == furniture_key("Page  4 of 10")
    assert furniture_key(r"E:\a\Item07.doc") == furniture_key(r"E:\b\Item08.doc")
    assert furniture_key("Item 3", exact=True) != furniture_key("Item 4", exact=True)


def test_running_header_footer_and_path_removed(plan_clean):
    text = "\n".join(b.norm for b in plan_clean.blocks)
    assert "Page 1 of 6" not in text and "Page 6 of 6" not in text
    assert "AgendaItemDocs" not in text
    assert "CDRP Rolling Plan 2009-2012" not in text
    assert plan_clean.headers == ["South Cambridgeshire CDRP Rolling Plan 2009-2012"]
    assert "Page 1 of 6" in plan_clean.footers and "Page 6 of 6" in plan_clean.footers
    assert any("RollingPlan.doc" in f for f in plan_clean.footers)


def test_body_text_kept(plan_clean):
    kinds = [b.kind for b in plan_clean.blocks]
    assert kinds.count(TABLE) == 1
    assert kinds.count(PAGE_BREAK) == 5
    norms = [b.norm for b in plan_clean.blocks]
    assert "Rolling Plan Progress Report" in norms
    assert "End of plan. Next review due in the third quarter." in norms
    assert [b.index for b in plan_clean.blocks] == list(range(len(plan_clean.blocks)))


def test_page_opening_headings_that_differ_only_by_number_are_kept(minutes_clean):
    heads = [b.norm for b in minutes_clean.blocks if b.kind == HEADING]
    assert heads == ["Minutes", "Item 3", "Item 4", "Item 5"]
    assert minutes_clean.headers == ["Crime and Disorder Reduction Partnership Board"]


def _doc(blocks, pages, fmt="pdf", height=800.0):
    d = Document(path="x.pdf", sha256="0" * 64, format=fmt, blocks=blocks, pages=pages,
                 metadata={"page_heights": [height] * pages})
    d.renumber()
    return d


def _para(text, page, top, fmt="pdf"):
    return Block(kind=PARAGRAPH, text=text, page=page, bbox=(72.0, top, 300.0, top + 10) if fmt == "pdf" else None)


def test_lone_page_number_removed_even_in_short_document():
    d = _doc([_para("The meeting closed at 9pm.", 1, 300), _para("1", 1, 770)], pages=1)
    _clean(d)
    assert [b.norm for b in d.blocks] == ["The meeting closed at 9pm."]
    assert d.footers == ["1"]


def test_number_in_body_is_not_furniture():
    d = _doc([_para("12", 1, 400), _para("Text", 1, 420)], pages=1)
    _clean(d)
    assert [b.norm for b in d.blocks] == ["12", "Text"]


def test_settings_control_detection():
    blocks = []
    for p in range(1, 5):
        blocks += [_para("Partnership Board", p, 20), _para(f"Body of page {p}", p, 300)]
    strict = _clean(_doc([Block(**{**b.__dict__, "flags": []}) for b in blocks], 4),
                            Settings(furniture_min_pages=5))
    assert len(strict.blocks) == 8
    loose = _clean(_doc(blocks, 4), Settings(furniture_min_pages=3))
    assert [b.norm for b in loose.blocks] == [f"Body of page {p}" for p in range(1, 5)]
    assert loose.headers == ["Partnership Board"]


def test_line_repeated_outside_band_is_kept():
    blocks = [_para("Recommendation noted.", p, 400) for p in range(1, 6)]
    d = _clean(_doc(blocks, 5))
    assert len(d.blocks) == 5


def test_docx_document_is_safe():
    blocks = [Block(kind=PARAGRAPH, text="Minutes", page=None),
              Block(kind=PARAGRAPH, text="Apologies were received.", page=None),
              Block(kind=PARAGRAPH, text="Page 2 of 3", page=None)]
    d = _doc(blocks, 0, fmt="docx")
    d.metadata = {}
    d.pages = None
    _clean(d)
    assert [b.norm for b in d.blocks] == ["Minutes", "Apologies were received."]
    assert d.footers == ["Page 2 of 3"]


def test_removed_furniture_keeps_its_pages(plan_clean):
    removed = plan_clean.metadata["furniture"]
    tops = [f["page"] for f in removed if f["band"] == "top"]
    assert tops == [1, 2, 3, 4, 5, 6]
    assert {f["text"] for f in removed if f["band"] == "top"} == {"South Cambridgeshire CDRP Rolling Plan 2009-2012"}
    assert sum(1 for f in removed if f["band"] == "bottom") == 12  # page number + file path per page


def test_bare_total_at_foot_of_one_page_is_not_a_page_number():
    d = _doc([_para("Total payments", 1, 300), _para("816", 1, 770)], pages=1)
    _clean(d)
    assert [b.norm for b in d.blocks] == ["Total payments", "816"]


def test_bare_number_in_word_body_is_kept():
    blocks = [Block(kind=PARAGRAPH, text="7", page=None), Block(kind=PARAGRAPH, text="CDRP performance report", page=None)]
    d = _doc(blocks, 0, fmt="docx")
    d.metadata = {}
    d.pages = None
    _clean(d)
    assert [b.norm for b in d.blocks] == ["7", "CDRP performance report"]


def test_clean_drops_only_what_the_read_stage_flagged():
    # the test runs once, in the read stage: clean neither finds furniture
    # in unflagged blocks nor keeps a flagged one
    footer = [_para("Partnership Board", p, 780) for p in range(1, 5)]
    d = _doc(footer + [_para("Body", 1, 300)], pages=4)
    clean_document(d)
    assert len(d.blocks) == 5 and d.footers == []
    mark_furniture(d)
    assert [FURNITURE in b.flags for b in d.blocks] == [True] * 4 + [False]
    assert d.footers == ["Partnership Board"]
    clean_document(d)
    assert [b.norm for b in d.blocks] == ["Body"] and [b.index for b in d.blocks] == [0]


def test_read_stage_flags_furniture_and_clean_drops_it():
    # read_document is where the test runs (after OCR'd pages would join):
    # `show --stage read` shows the flags and the recorded headers/footers
    doc = read_document(FIXTURES / "table-split-across-pages.pdf")
    flagged = [b.norm for b in doc.blocks if FURNITURE in b.flags]
    assert "Page 1 of 6" in flagged and doc.headers == ["South Cambridgeshire CDRP Rolling Plan 2009-2012"]
    n = len(doc.blocks)
    clean_document(doc)
    assert len(doc.blocks) == n - len(flagged) and not any(FURNITURE in b.flags for b in doc.blocks)
