"""Costs cut from an ingest keep its output (issue 10).

Each cut replaces a generic or repeated step by a quicker one that must give
the same result: the pdfium page's word extractor (:mod:`boardpack.ingest.pdfium_words`)
against pdfplumber's on every page of the corpus's PDFs, the character census
counted per distinct glyph against the per-glyph count, and the entity
finder's one pipeline pass per distinct text against a pass per text.
No timings here: ``make bench`` measures.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pdfplumber.utils.text import extract_words

from boardpack.extractors import nlp
from boardpack.ingest import pdfium_words
from boardpack.ingest.pdf_census import Census, char_census, unreadable_glyph, word_options
from boardpack.ingest.pdfium_page import PdfiumDocument, pdfium_page

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "corpus" / "pdf").glob("*.pdf")) + sorted((ROOT / "corpus" / "series" / "pdf").glob("*.pdf"))


def _pdfium_pages(path: Path):
    with pdfplumber.open(path) as pdf:
        fx = PdfiumDocument(path, len(pdf.pages))
        try:
            for page in pdf.pages:
                fast = pdfium_page(fx, page, 20)
                if fast is not None:
                    try:
                        yield fast
                    finally:
                        fast.close()
        finally:
            fx.close()


def _census_per_glyph(chars: list[dict]) -> tuple:
    """The census as it was counted before: one glyph at a time."""
    c = Census()
    for ch in chars:
        text = ch["text"]
        if text.isspace():
            c.spaces += 1
            continue
        c.visible += 1
        if text.isalnum():
            c.alnum += 1
        elif unreadable_glyph(text):
            c.unreadable += 1
        elif text in "._-\u2026\u00b7=":
            c.leaders += 1
    return c.visible, c.spaces, c.unreadable, c.alnum, c.leaders


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_pdfium_words_and_census_are_pdfplumbers(path):
    pages = 0
    for page in _pdfium_pages(path):
        pages += 1
        c = page.census
        assert (c.visible, c.spaces, c.unreadable, c.alnum, c.leaders) == _census_per_glyph(page.chars)
        assert page.visible == c.visible
        for opts in (word_options(c.visible, c.spaces), {"extra_attrs": ["size", "fontname"], "x_tolerance_ratio": 0.18}):
            mine = pdfium_words.upright_words(page.chars, opts["extra_attrs"], opts.get("x_tolerance_ratio"))
            theirs = [pdfium_words.reader_word(w) for w in extract_words(page.chars, **opts)]
            assert mine == theirs, f"page {page.page_number}"
            # same keys in the same order, not only equal dicts
            assert [list(w) for w in mine] == [list(w) for w in theirs]
            assert all(pdfium_words.UNREAD <= set(w) for w in extract_words(page.chars, **opts))
    assert pages, "no page was read by pdfium"


def _char(text, x0, top, size=10.0, upright=True, fontname="F1"):
    return {"text": text, "x0": x0, "x1": x0 + 5, "top": top, "bottom": top + size, "doctop": top + 800,
            "upright": upright, "size": size, "fontname": fontname}


def test_words_cover_the_edge_cases_pdfplumber_has():
    chars = [
        _char("A", 10, 100), _char("b", 15, 100), _char(" ", 20, 100), _char("c", 22, 100.5),
        _char("d", 40, 100),  # a gap wider than the tolerance: a new word
        _char("\ufb01", 45, 100),  # a ligature, expanded
        _char("", 50, 100),  # pdfplumber splits at an empty text
        _char("e", 8, 103),  # left of the previous start, within the line's tolerance
        _char("f", 12, 120, size=12),  # another size: another group
        _char("g", 10, 200, upright=False),  # rotated: pdfplumber's own
        _char("h", 14, 101, fontname="F2"), _char("i", 10, 101, fontname="F2"),  # sorted by x0 in its line
        _char("j", 10, 104, fontname="F2"), _char("k", 10, 108, fontname="F2"),  # tops chained within 3: one line
    ]
    for ratio in (None, 0.18):
        opts = {"extra_attrs": ["size", "fontname"], "x_tolerance_ratio": ratio}
        theirs = [pdfium_words.reader_word(w) for w in extract_words(chars, **opts)]
        assert pdfium_words.upright_words(chars, opts["extra_attrs"], ratio) == theirs


def test_words_fall_back_to_pdfplumber_when_it_differs(monkeypatch):
    monkeypatch.setitem(pdfium_words._verdict, "state", "unchecked")
    monkeypatch.setattr(pdfium_words, "upright_words", lambda *a: [{"text": "wrong"}])
    chars = [_char("A", 10, 100), _char("b", 15, 100)]
    theirs = [pdfium_words.reader_word(w) for w in extract_words(chars, extra_attrs=["size"])]
    assert pdfium_words.page_words(chars, extra_attrs=["size"]) == theirs
    assert pdfium_words._verdict["state"] == "differs"
    assert pdfium_words.page_words(chars, extra_attrs=["size"]) == theirs


def test_char_census_counts_each_glyph_kind():
    chars = [{"text": t} for t in "Ab1 .. \ue000\u2026x"]
    c = char_census(chars)
    assert (c.visible, c.spaces, c.alnum, c.leaders, c.unreadable) == (8, 2, 4, 3, 1)


def test_repeated_texts_go_through_the_pipeline_once(monkeypatch):
    texts = ["Zebedee Quux reported.", "123", "Zebedee Quux reported.", "", "Cllr Orla Vantongeren",
             "Zebedee Quux reported."]
    pipe = nlp.build_nlp(["Zebedee Quux"])
    alone = [nlp.find_entities(pipe, t) for t in texts]
    seen = []
    real = type(pipe).pipe
    monkeypatch.setattr(type(pipe), "pipe", lambda self, gen, **kw: real(self, [seen.append(t) or t for t in gen], **kw))
    many = nlp.find_entities_many(pipe, texts)
    assert many == alone
    assert seen == ["Zebedee Quux reported.", "Cllr Orla Vantongeren"]
    assert many[0] and many[0][0] is not many[2][0], "each copy gets mentions of its own"
