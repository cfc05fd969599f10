"""Damaged PDFs: a text PDF whose cross-reference offsets are wrong is read
from a copy pdfium rebuilds, never taken for a scan nor stored ``ok`` with no
text; pages still lost, and pages that fail to parse, are recorded (warnings
row, status ``partial``, exit 1) and the rest is stored; library logs stay off
the terminal unless --debug."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpack.cli import cli
from boardpack.core.errors import UnreadableDocument
from boardpack.pipeline import read
from boardpack.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
PDF_2011 = ROOT / "corpus" / "pdf" / "cdrp-2011-04-26.pdf"
PDF_2017 = ROOT / "corpus" / "pdf" / "cdrp-2017-02-23.pdf"
NO_OCR = Settings(ocr=False)


def shift_xref(src: Path, dst: Path, by: int = 1, only: set[int] | None = None) -> Path:
    """``src`` with the offsets of its xref table's in-use entries moved by ``by``
    bytes (all of them, or only objects ``only``)."""
    b = src.read_bytes()
    x = b.rindex(b"\nxref")
    head, tab = b[:x], b[x:]
    lines = tab.split(b"\n")
    sub = lines[2].split()  # "0 89": first object number, count
    first = int(sub[0])
    for k in range(3, 3 + int(sub[1])):
        m = re.match(rb"(\d{10}) (\d{5}) n", lines[k])
        objid = first + k - 3
        if m and (only is None or objid in only):
            lines[k] = b"%010d %s n " % (int(m.group(1)) + by, m.group(2))
    dst.write_bytes(head + b"\n".join(lines))
    return dst


def content_stream_of_page(pdf: Path, page: int) -> int:
    b = pdf.read_bytes()
    pages = re.findall(rb"\d+ 0 obj\s*<<[^>]*?/Type\s*/Page\b(?!s)[\s\S]{0,300}?/Contents (\d+) 0 R", b)
    return int(pages[page - 1])


@pytest.fixture(scope="module")
def originals():
    return {p: read(p, settings=NO_OCR) for p in (PDF_2011, PDF_2017)}


@pytest.mark.parametrize("src", [PDF_2011, PDF_2017])
def test_shifted_xref_is_repaired_not_scanned(src, tmp_path, originals):
    # before the repair: 2011 read as 16 scanned pages (all OCR'd), 2017 as
    # 19 pages with 0 blocks stored ok
    bad = shift_xref(src, tmp_path / src.name, by=1)
    doc = read(bad, settings=NO_OCR)
    good = originals[src]
    assert doc.scanned_pages == []
    assert doc.pages == good.pages
    assert len(doc.blocks) == len(good.blocks)
    assert [b.norm for b in doc.blocks] == [b.norm for b in good.blocks]
    assert "rebuilt by pdfium" in doc.metadata["repaired"] and ", 0 after)" in doc.metadata["repaired"]
    assert "page_errors" not in doc.metadata


def test_intact_pdf_is_not_repaired(originals):
    for doc in originals.values():
        assert "repaired" not in doc.metadata and "page_errors" not in doc.metadata


def test_one_lost_page_is_repaired(tmp_path, originals):
    obj = content_stream_of_page(PDF_2011, 3)
    bad = shift_xref(PDF_2011, tmp_path / "p3.pdf", by=1, only={obj})
    doc = read(bad, settings=NO_OCR)
    assert len(doc.blocks) == len(originals[PDF_2011].blocks)
    assert doc.metadata.get("repaired")


@pytest.fixture
def no_repair(monkeypatch):
    from boardpack.ingest import pdf_repair

    monkeypatch.setattr(pdf_repair, "repaired_pages", lambda path, settings, tool="pdfium": None)


@pytest.fixture
def blind_page_3(monkeypatch):
    """pdfminer reads nothing on page 3 (of the file and of any repaired copy)."""
    from boardpack.ingest import pdf_pages
    from boardpack.ingest.pdf_blocks import PageItems

    real = pdf_pages.read_page

    def blind(page, page_no, settings):
        if page_no == 3:
            items = PageItems(3, float(page.width), float(page.height))
            items.n_chars = 0
            return items, False
        return real(page, page_no, settings)

    monkeypatch.setattr(pdf_pages, "read_page", blind)


def test_page_still_lost_is_a_page_error(blind_page_3, originals):
    doc = read(PDF_2011, settings=NO_OCR)
    errs = doc.metadata["page_errors"]
    assert [e["page"] for e in errs] == [3]
    assert errs[0]["error"] == "damaged PDF: page 3: text layer not read (0 of 3197 characters)"
    assert 3 not in doc.scanned_pages
    assert {b.page for b in doc.blocks} >= {1, 2, 4}
    assert len(doc.blocks) < len(originals[PDF_2011].blocks)


def test_no_text_from_any_page_with_a_text_layer_fails(tmp_path, no_repair):
    bad = shift_xref(PDF_2017, tmp_path / "all.pdf", by=1)
    with pytest.raises(UnreadableDocument, match="damaged PDF: no text read from any of its 19 pages"):
        read(bad, settings=NO_OCR)


def _ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args), "-s", "-w", "1"], catch_exceptions=False)


def test_lost_page_stored_partial_exit_1(tmp_path, blind_page_3):
    (tmp_path / "in").mkdir()
    bad = tmp_path / "in" / "p3.pdf"
    bad.write_bytes(PDF_2011.read_bytes())
    db = tmp_path / "s.db"
    r = _ingest(bad, "--db", db)
    assert r.exit_code == 1, r.output
    errs = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errs) == 1 and errs[0].startswith(f"error: {bad}: 1 page not read (damaged PDF: page 3: text layer not read (")
    assert errs[0].endswith("); the rest stored, status partial")
    con = sqlite3.connect(db)
    assert con.execute("select status from files").fetchall() == [("partial",)]
    assert con.execute("select page from warnings where kind = 'page_error'").fetchall() == [(3,)]
    assert con.execute("select count(*) from blocks where page = 4").fetchone()[0] > 0
    # the same bytes under a second path are partial too
    second = tmp_path / "in" / "copy.pdf"
    second.write_bytes(bad.read_bytes())
    r = _ingest(second, "--db", db)
    assert con.execute("select status from files where path like '%copy.pdf'").fetchone() == ("partial",)


def test_page_that_fails_to_parse_is_recorded(tmp_path, monkeypatch):
    from boardpack.ingest import pdf_pages

    real = pdf_pages.read_page

    def flaky(page, page_no, settings):
        if page_no == 2:
            raise ValueError("bad content stream")
        return real(page, page_no, settings)

    monkeypatch.setattr(pdf_pages, "read_page", flaky)
    (tmp_path / "in").mkdir()
    f = tmp_path / "in" / "pack.pdf"
    f.write_bytes(PDF_2011.read_bytes())
    db = tmp_path / "s.db"
    r = _ingest(f, "--db", db)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"error: {f}: 1 page not read (truncated or corrupt PDF: page 2: ValueError: bad content stream); "
        "the rest stored, status partial"]
    con = sqlite3.connect(db)
    assert con.execute("select status from files").fetchall() == [("partial",)]
    assert con.execute("select page, message from warnings where kind = 'page_error'").fetchall() == [
        (2, "truncated or corrupt PDF: page 2: ValueError: bad content stream")]
    assert con.execute("select count(*) from blocks where page = 3").fetchone()[0] > 0


def test_library_logs_only_under_debug(tmp_path):
    bad = shift_xref(PDF_2011, tmp_path / "bad.pdf", by=1)
    code = ("import sys; from pathlib import Path; from boardpack.ingest import quiet_library_logs; "
            "from boardpack.ingest.pdf_pages import fallback_page_count; quiet_library_logs(); "
            "print(fallback_page_count(Path(sys.argv[1]))[0])")
    env = {k: v for k, v in os.environ.items() if k != "BOARDPACK_DEBUG"}
    quiet = subprocess.run([sys.executable, "-c", code, str(bad)], capture_output=True, text=True, env=env, timeout=120)
    assert quiet.stdout.strip() == "16" and quiet.stderr == ""
    loud = subprocess.run([sys.executable, "-c", code, str(bad)], capture_output=True, text=True,
                          env={**env, "BOARDPACK_DEBUG": "1"}, timeout=120)
    assert "wrong pointing object" in loud.stderr  # pypdf's own log, shown under --debug


def test_ingest_of_damaged_pdf_prints_nothing_but_the_summary(tmp_path):
    bad = shift_xref(PDF_2017, tmp_path / "bad.pdf", by=1)
    env = {k: v for k, v in os.environ.items() if k != "BOARDPACK_DEBUG"}
    r = subprocess.run([sys.executable, "-m", "boardpack", "ingest", str(bad), "--db", str(tmp_path / "s.db"), "-s"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    con = sqlite3.connect(tmp_path / "s.db")
    assert con.execute("select status from files").fetchall() == [("ok",)]
    assert con.execute("select n_blocks from documents").fetchone()[0] > 100
    assert con.execute("select count(*) from warnings where kind = 'repaired'").fetchone()[0] == 1


def test_garbled_catalog_read_from_pdfium_copy(tmp_path, originals):
    # one stray name in the catalog: pdfminer refuses the whole file
    bad = tmp_path / "catalog.pdf"
    bad.write_bytes(PDF_2011.read_bytes().replace(b"/Lang(en-US)", b"/Lang(en-US)/X", 1))
    doc = read(bad, settings=NO_OCR)
    assert len(doc.blocks) == len(originals[PDF_2011].blocks)
    assert doc.metadata["repaired"].startswith("damaged PDF structure (PSSyntaxError: Invalid dictionary construct")


def test_truncated_pdf_is_not_repaired_into_a_shorter_one(tmp_path):
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(PDF_2011.read_bytes()[:60_000])
    with pytest.raises(UnreadableDocument, match="truncated or corrupt PDF"):
        read(bad, settings=NO_OCR)
