"""Limits in the settings: a ZIP bomb is refused from the zip's directory
before anything is inflated, and a document over the page limit is refused,
each with one clear line naming the file; the defaults read the corpus."""

from __future__ import annotations

import sqlite3
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpack.cli import cli
from boardpack.core.errors import SettingsError, UnreadableDocument
from boardpack.pipeline import read
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.docx_package import check_zip_limits

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCX = CORPUS / "docx" / "cdrp-2011-04-26.docx"
PDF = CORPUS / "pdf" / "cdrp-2011-04-26.pdf"


def make_bomb(dst: Path, mb: int = 20) -> Path:
    """The corpus DOCX with its body padded to ``mb`` MB of repeated paragraphs
    (deflates about 300x: a 20 MB body is stored in about 70 KB)."""
    with zipfile.ZipFile(DOCX) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    head, sep, tail = parts["word/document.xml"].partition(b"<w:body>")
    unit = b"<w:p><w:r><w:t>Item approved.</w:t></w:r></w:p>"
    parts["word/document.xml"] = head + sep + unit * (mb * (1 << 20) // len(unit)) + tail
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for k, v in parts.items():
            z.writestr(k, v)
    return dst


def test_defaults_are_generous_and_validated():
    assert DEFAULT.zip_max_inflated_mb >= 256 and DEFAULT.zip_max_ratio >= 50 and DEFAULT.max_pages >= 2000
    for bad in ({"zip_max_inflated_mb": 0}, {"zip_max_inflated_mb": 1.5}, {"zip_max_ratio": 0.5},
                {"zip_max_ratio": "x"}, {"max_pages": 0}, {"max_pages": True}):
        with pytest.raises(SettingsError, match=next(iter(bad))):
            Settings.from_dict(bad)
    s = Settings.from_dict({"zip_max_inflated_mb": 64, "zip_max_ratio": 30, "max_pages": 10})
    assert (s.zip_max_inflated_mb, s.zip_max_ratio, s.max_pages) == (64, 30, 10)
    assert Settings(status_words={"parked": "on hold"}).status_table()["parked"] == "on hold"


def test_zip_bomb_fails_fast_without_inflating(tmp_path):
    bomb = make_bomb(tmp_path / "bomb.docx", mb=20)
    assert bomb.stat().st_size < 200_000
    from boardpack.ingest.read import load_readers

    load_readers()  # imports are not what is measured
    tracemalloc.start()
    t = time.perf_counter()
    try:
        with pytest.raises(UnreadableDocument) as ei:
            read(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t < 5
    assert peak < 5 * (1 << 20), peak  # the 20 MB body was never inflated
    msg = ei.value.one_line()
    assert msg.startswith(str(bomb) + ": refused: ZIP part word/document.xml would inflate")
    assert "zip_max_ratio" in msg and "\n" not in msg


def test_total_inflated_size_limit(tmp_path):
    # stored (not deflated) parts: ratio 1, but 3 MB in all
    big = tmp_path / "big.docx"
    with zipfile.ZipFile(DOCX) as z, zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as out:
        for n in z.namelist():
            out.writestr(n, z.read(n))
        out.writestr("word/media/image1.bin", b"\x00" * (3 << 20))
    with pytest.raises(UnreadableDocument, match="zip_max_inflated_mb"):
        read(big, settings=Settings(zip_max_inflated_mb=2))
    check_zip_limits(big, DEFAULT)  # within the defaults
    assert read(big).blocks


def test_small_compressible_parts_are_not_refused(tmp_path):
    # a part under 1 MiB is never judged by its ratio
    f = tmp_path / "styles.docx"
    with zipfile.ZipFile(DOCX) as z, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as out:
        for n in z.namelist():
            out.writestr(n, z.read(n))
        out.writestr("customXml/item9.xml", b"<a/>" * 200_000)  # 800 KB, ~1000x
    check_zip_limits(f, Settings(zip_max_ratio=2))


def test_pdf_over_page_limit(tmp_path):
    with pytest.raises(UnreadableDocument) as ei:
        read(PDF, settings=Settings(max_pages=2))
    assert "over the limit of 2 (setting max_pages)" in ei.value.message
    assert ei.value.path == str(PDF)
    assert read(PDF).pages > 2  # the defaults read it


def test_docx_over_page_limit():
    doc = read(DOCX)
    assert doc.pages and doc.pages > 1
    with pytest.raises(UnreadableDocument, match="setting max_pages"):
        read(DOCX, settings=Settings(max_pages=1))


def test_ingest_records_the_bomb_as_failed(tmp_path):
    (tmp_path / "in").mkdir()
    bomb = make_bomb(tmp_path / "in" / "bomb.docx", mb=20)
    db = tmp_path / "s.db"
    r = CliRunner().invoke(cli, ["ingest", str(bomb), "--db", str(db), "-s"], catch_exceptions=False)
    assert r.exit_code == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and str(bomb) in lines[0] and "zip_max_ratio" in lines[0]
    assert "internal error" not in r.output + r.stderr
    con = sqlite3.connect(db)
    assert con.execute("select status from files").fetchall() == [("failed",)]


def test_a_file_that_parses_too_long_is_stopped_and_the_batch_goes_on(tmp_path, make_docx, monkeypatch):
    """settings.file_timeout: a parse running past it is interrupted (even
    through a reader's `except Exception`), recorded as failed with the
    setting named, and the next file is stored."""
    import sqlite3
    import time

    import boardpack.batch_worker as worker
    from boardpack.batch import ingest_paths
    from boardpack.core.settings import Settings

    slow = make_docx(tmp_path / "in" / "a_slow.docx", ["Present: Ann Lee"], heading="Minutes of 3 March 2020")
    make_docx(tmp_path / "in" / "b_fine.docx", ["Present: Bo Ng"], heading="Minutes of 4 March 2020")
    real = worker.parse_file

    def parse(path, *a, **k):
        if str(path).endswith("a_slow.docx"):
            for _ in range(1200):  # a runaway loop (120 s) that swallows ordinary exceptions
                try:
                    time.sleep(0.1)
                except Exception:  # noqa: BLE001
                    pass
        return real(path, *a, **k)

    monkeypatch.setattr(worker, "parse_file", parse)
    db = tmp_path / "s.db"
    summary = ingest_paths([tmp_path / "in"], db_path=db, workers=1, settings=Settings(file_timeout=10))
    assert summary.failed == 1 and summary.new == 1
    assert summary.errors == [(str(slow), "took longer than 10 s to parse (setting file_timeout); stopped")]
    rows = dict(sqlite3.connect(db).execute("SELECT path, status FROM files"))
    assert rows == {str(slow): "failed", str(tmp_path / "in" / "b_fine.docx"): "ok"}


def test_file_timeout_is_validated():
    from boardpack.core.errors import SettingsError
    from boardpack.core.settings import Settings

    assert Settings(file_timeout=0).file_timeout == 0
    with pytest.raises(SettingsError):
        Settings(file_timeout=-1)
