"""The reader's fast path for characters (boardpack.ingest.pdf_chars).

It hooks ``pdfplumber.page.Page.process_object``, which pdfplumber does not
document. These tests fail loudly when a pdfplumber release removes the hook,
stops calling it, or builds character dicts another way; the reader itself
would still read correctly then (it falls back to pdfplumber's own path), only
slower, so without these tests nobody would notice.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pdfminer.layout import LTChar, LTContainer

from boardpack.ingest import pdf_chars

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
PDF = FIXTURES / "table-split-across-pages.pdf"


@pytest.fixture(autouse=True)
def _fresh_verdict(monkeypatch):
    monkeypatch.setitem(pdf_chars._verdict, "state", "unchecked")


def test_pdfplumber_still_has_the_hook():
    assert pdf_chars.PLUMBER_PROCESS is not None, (
        f"pdfplumber {pdfplumber.__version__} has no Page.process_object: the reader's character "
        "fast path is off (ingest is slower); rewrite boardpack.ingest.pdf_chars for this release"
    )


def _layout_chars(container):
    for obj in container:
        if isinstance(obj, LTChar):
            yield obj
        elif isinstance(obj, LTContainer):
            yield from _layout_chars(obj)


def test_fast_path_builds_exactly_pdfplumbers_dicts():
    with pdfplumber.open(PDF) as pdf:
        for page in pdf.pages[:2]:
            chars = list(_layout_chars(page.layout))
            assert chars
            for obj in chars:
                assert pdf_chars.char_dict(page, obj) == pdf_chars.PLUMBER_PROCESS(page, obj), (
                    f"pdfplumber {pdfplumber.__version__} builds character dicts differently: "
                    "update pdf_chars.char_dict"
                )


def test_pages_read_with_the_fast_path_hold_the_same_objects():
    with pdfplumber.open(PDF) as a, pdfplumber.open(PDF) as b:
        for pa, pb in zip(a.pages[:2], b.pages[:2]):
            pdf_chars.use_fast_chars(pb)
            assert pa.objects.keys() == pb.objects.keys()
            assert pa.chars and pa.chars == pb.chars
            assert pa.rects == pb.rects
    assert pdf_chars._verdict["state"] == "same"


def test_pdfplumber_still_routes_characters_through_the_hook(monkeypatch):
    calls = []
    real = pdf_chars.char_dict
    monkeypatch.setattr(pdf_chars, "char_dict", lambda page, obj: calls.append(1) or real(page, obj))
    with pdfplumber.open(PDF) as pdf:
        page = pdf.pages[0]
        pdf_chars.use_fast_chars(page)
        chars = page.chars
    assert chars and len(calls) == len(chars), (
        f"pdfplumber {pdfplumber.__version__} no longer builds page objects through Page.process_object: "
        "the fast path is never used; rewrite boardpack.ingest.pdf_chars for this release"
    )


def test_a_differing_dict_falls_back_to_pdfplumber(monkeypatch, caplog):
    real = pdf_chars.char_dict
    monkeypatch.setattr(pdf_chars, "char_dict", lambda page, obj: {**real(page, obj), "size": -1.0})
    with pdfplumber.open(PDF) as a, pdfplumber.open(PDF) as b:
        pdf_chars.use_fast_chars(b.pages[0])
        assert b.pages[0].chars == a.pages[0].chars
    assert pdf_chars._verdict["state"] == "differs"
    assert "fast path" in caplog.text
