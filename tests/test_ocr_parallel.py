"""OCR of the pages of one scan at once (issue 10): tesseract pinned to one
OpenMP thread, the page pool's size, pages still in page order, and the
parallel result identical to the serial one on the scanned samples."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from boardpack.core.model import PARAGRAPH, Block, Document
from boardpack.core.settings import Settings
from boardpack.ingest import ocr
from boardpack.ingest.read import read_document

ROOT = Path(__file__).resolve().parent.parent
# every scanned sample: the corpus's bad-input scan and the scanned fixtures
SCANS = [ROOT / "corpus" / "bad" / "scanned-page.pdf", ROOT / "tests" / "fixtures" / "pdf" / "scanned-page-2.pdf",
         ROOT / "tests" / "fixtures" / "pdf" / "scan-painted-as-pattern.pdf"]


def test_tesseract_runs_with_one_openmp_thread(monkeypatch, tmp_path):
    seen = {}

    class Done:
        stdout = b"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

    def run(cmd, **kw):
        seen["cmd"], seen["env"] = cmd, kw.get("env")
        return Done()

    monkeypatch.setenv("OMP_THREAD_LIMIT", "8")
    monkeypatch.setattr(ocr.subprocess, "run", run)
    assert ocr._tsv(tmp_path / "p1.png", 5) == []
    assert seen["cmd"][0] == "tesseract"
    assert seen["env"]["OMP_THREAD_LIMIT"] == "1"
    assert "PATH" in seen["env"]  # the rest of the environment is passed on


@pytest.mark.parametrize("run_workers, page_workers, expected", [
    (0, 0, 1),  # one batch worker per CPU: one page each
    (1, 0, 8),  # one batch worker: every CPU
    (3, 0, 2),
    (16, 0, 1),  # more workers than CPUs: still one page
    (1, 3, 3),  # the setting wins
])
def test_page_pool_shares_the_cpus_among_batch_workers(monkeypatch, run_workers, page_workers, expected):
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 8)
    s = Settings.from_dict({"run": {"workers": run_workers}, "ocr": {"page_workers": page_workers}})
    assert ocr.page_workers(s) == expected


def _doc(scanned):
    blocks = [Block(kind=PARAGRAPH, text=f"text of page {p}", page=p) for p in (1, 3, 6)]
    return Document(path="x.pdf", sha256="0" * 64, format="pdf", blocks=blocks, pages=6, scanned_pages=scanned)


def test_pages_are_read_at_once_and_inserted_in_page_order(monkeypatch):
    # pages 2 and 4 must be in flight together (the barrier breaks, failing the
    # test, if they run one after the other), and page 2 finishes last
    both = threading.Barrier(2, timeout=30)
    four_done = threading.Event()

    def fake_page(pdf, page, settings, sha256=None):
        if page in (2, 4):
            both.wait()
        if page == 2:
            assert four_done.wait(30)
        if page == 4:
            four_done.set()
        if page == 5:
            raise ocr.subprocess.TimeoutExpired("tesseract", 1)
        return [Block(kind=PARAGRAPH, text=f"ocr of page {page}", page=page, flags=["ocr"])]

    monkeypatch.setattr(ocr, "missing_tools", lambda: [])
    monkeypatch.setattr(ocr, "ocr_page", fake_page)
    doc = ocr.add_ocr_blocks(_doc([5, 4, 2]), Settings.from_dict({"ocr": {"page_workers": 2}}))
    assert [b.text for b in doc.blocks] == ["text of page 1", "ocr of page 2", "text of page 3",
                                            "ocr of page 4", "text of page 6"]
    assert [b.index for b in doc.blocks] == list(range(5))
    assert doc.metadata["ocr_pages"] == [2, 4]
    assert doc.metadata["ocr"] == "OCR failed on page 5: TimeoutExpired"


def _all_scans(dest: Path) -> Path:
    """One PDF holding every page of every scanned sample, so one file has
    several scanned pages for the pool to share."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for src in SCANS:
        out.import_pages(pdfium.PdfDocument(str(src)))
    out.save(str(dest))
    return dest


def test_parallel_ocr_gives_the_serial_result_on_the_scanned_samples(monkeypatch, tmp_path):
    if ocr.missing_tools():
        pytest.skip(f"OCR tools missing: install {', '.join(ocr.missing_tools())}")
    monkeypatch.setenv("BOARDPACK_CACHE_DIR", str(tmp_path / "cache"))
    path = _all_scans(tmp_path / "all-scans.pdf")
    # no cache: both runs really OCR every page
    serial = read_document(path, settings=Settings.from_dict({"ocr": {"cache": False, "page_workers": 1}}))
    parallel = read_document(path, settings=Settings.from_dict({"ocr": {"cache": False, "page_workers": 3}}))
    assert len(serial.metadata["ocr_pages"]) == len(SCANS)  # one scanned page each
    assert "ocr" not in serial.metadata
    assert parallel.to_dict() == serial.to_dict()
    assert not (tmp_path / "cache").exists()
