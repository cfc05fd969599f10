"""The two PDF engines give the same documented views (issue 10).

Every corpus PDF (corpus/pdf, corpus/series/pdf; not corpus/bad, whose
broken files pdfplumber opens and judges under either engine) is ingested
once with ``pdf.engine = "pdfplumber"`` (the reference reader) and once with
``"pdfium"`` (:mod:`boardpack.ingest.pdfium_page`); the rows of every
documented view must be equal, or the difference must be listed in
:data:`EXPECTED_DIFFERENCES` with its reason. The table is exact: a listed
difference that no longer occurs fails too, so it cannot go stale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardpack.core.settings import Settings
from boardpack.evaluate import ingest_one
from boardpack.ingest import pdf_pages

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "corpus" / "pdf").glob("*.pdf")) + sorted((ROOT / "corpus" / "series" / "pdf").glob("*.pdf"))
VIEWS = ["v_meetings", "v_agenda_items", "v_attendance", "v_minute_actions", "v_action_updates",
         "v_budget_amounts", "v_indicator_values", "v_report_items"]

#: (file name, view) -> why the engines differ there. Empty: on the corpus
#: every view is the same row for row.
EXPECTED_DIFFERENCES: dict[tuple[str, str], str] = {}


def _differences(a: dict, b: dict) -> set[str]:
    return {v for v in VIEWS if a["views"].get(v) != b["views"].get(v)}


def _show(rows: list[dict], other: list[dict]) -> list[str]:
    theirs = {json.dumps(r, sort_keys=True, default=str) for r in other}
    return [s for s in (json.dumps(r, sort_keys=True, default=str) for r in rows) if s not in theirs][:3]


@pytest.fixture(scope="module")
def engines_read():
    """Per corpus PDF: the views with each engine, and the pages pdfium read."""
    if not PDFS:
        pytest.skip("no corpus PDFs (run `make corpus`)")
    out = {}
    real = pdf_pages.pdfium_page
    for path in PDFS:
        read: list[int] = []

        def spy(doc, page, min_chars, _read=read):
            got = real(doc, page, min_chars)
            if got is not None:
                _read.append(page.page_number)
            return got

        plumber = ingest_one(str(path), VIEWS, Settings(pdf_engine="pdfplumber"))
        pdf_pages.pdfium_page = spy
        try:
            pdfium = ingest_one(str(path), VIEWS, Settings(pdf_engine="pdfium"))
        finally:
            pdf_pages.pdfium_page = real
        out[path.name] = (plumber, pdfium, read)
    return out


def test_pdfium_reads_the_pages(engines_read):
    """The pdfium engine really reads the corpus (none of its pages is a scan,
    rotated or unmapped, so none is left to pdfplumber)."""
    for name, (plumber, pdfium, read) in engines_read.items():
        assert plumber["error"] is None and pdfium["error"] is None, name
        assert sorted(read) == list(range(1, plumber["pages"] + 1)), name


def test_same_views_or_an_explained_difference(engines_read):
    seen = set()
    problems = []
    for name, (plumber, pdfium, _) in engines_read.items():
        assert any(plumber["views"][v] for v in VIEWS), f"{name}: no rows at all: the comparison would be empty"
        for view in sorted(_differences(plumber, pdfium)):
            seen.add((name, view))
            if (name, view) not in EXPECTED_DIFFERENCES:
                a, b = plumber["views"][view], pdfium["views"][view]
                problems.append(f"{name} {view}: pdfplumber {len(a)} rows, pdfium {len(b)}; only pdfplumber: "
                                f"{_show(a, b)}; only pdfium: {_show(b, a)}")
    stale = sorted(set(EXPECTED_DIFFERENCES) - seen)
    assert not problems, "views differ between the engines:\n" + "\n".join(problems)
    assert not stale, f"listed differences that no longer occur (drop them): {stale}"


def test_scan_candidates_stay_with_pdfplumber(tmp_path):
    """A page with no text layer is pdfplumber's: its images and outlines are
    counted by pdfminer, which the scan detection relies on."""
    import pdfplumber
    import pypdfium2 as pdfium

    blank = tmp_path / "blank.pdf"
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    doc.save(str(blank))
    doc.close()
    with pdfplumber.open(blank) as pdf:
        fx = pdf_pages.PdfiumDocument(blank, len(pdf.pages))
        try:
            assert fx.doc is not None
            assert pdf_pages.pdfium_page(fx, pdf.pages[0], Settings().pdf.scanned_max_chars) is None
        finally:
            fx.close()
