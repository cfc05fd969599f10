"""DOC reader: LibreOffice conversion (own profile, timeout, clean-up) read by the DOCX reader."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from boardpack.core.errors import ConversionFailed, ConverterMissing
from boardpack.ingest import file_sha256
from boardpack.ingest.formats import FORMATS
from boardpack.ingest.doc_reader import convert, read_doc, read_doc_document
from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE
from boardpack.core.settings import Settings

from docx_samples import build_sample_docx

needs_soffice = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) not installed: .ci/run installs libreoffice-writer-nogui",
)


@pytest.fixture(scope="session")
def doc_path(tmp_path_factory) -> Path:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) not installed: .ci/run installs libreoffice-writer-nogui")
    d = tmp_path_factory.mktemp("doc")
    src = build_sample_docx(d / "sample pack (2009).docx")
    produced = convert(src, "doc", d)
    assert produced.suffix == ".doc" and produced.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    return produced


@pytest.fixture(scope="session")
def converted(doc_path, tmp_path_factory):
    """Read the .doc once, with temp files redirected so clean-up can be checked."""
    scratch = tmp_path_factory.mktemp("scratch")
    saved = tempfile.tempdir
    tempfile.tempdir = str(scratch)
    try:
        doc = read_doc(doc_path, file_sha256(doc_path))
    finally:
        tempfile.tempdir = saved
    return doc, sorted(os.listdir(scratch))


def test_registered_for_doc():
    assert FORMATS["doc"].load_reader() is read_doc


@needs_soffice
def test_provenance_records_conversion(converted, doc_path):
    doc, _ = converted
    assert doc.format == "doc"
    assert doc.converted_from == "doc"
    assert doc.path == str(doc_path)
    assert doc.sha256 == file_sha256(doc_path)  # the original .doc, not the temporary .docx
    assert doc.producer.startswith("LibreOffice")


@needs_soffice
def test_temporary_files_removed(converted):
    _, leftovers = converted
    assert leftovers == []


@needs_soffice
def test_blocks_survive_conversion(converted):
    doc, _ = converted
    got = [(b.kind, b.level, b.text, b.page) for b in doc.blocks if b.kind != TABLE]
    assert got == [
        (HEADING, 1, "Crime and Disorder Reduction Partnership", 1),
        (HEADING, 1, "Agenda", 1),
        (LIST_ITEM, 0, "1. Apologies", 1),
        (LIST_ITEM, 0, "2. Minutes of the last meeting", 1),
        (HEADING, 2, "Key Achievements during this Quarter", 1),
        (LIST_ITEM, 0, "Reduced burglary", 1),
        (LIST_ITEM, 1, "Dwelling burglary down 12%", 1),
        (LIST_ITEM, 0, "Literal bullet item", 1),
        (PARAGRAPH, 0, "The Board APPROVED the plan.", 1),
        (PARAGRAPH, 0, "This bold sentence is a paragraph, not a heading.", 1),
        (PAGE_BREAK, 0, "", 1),
        (HEADING, 2, "Rolling Plan", 2),
        (PARAGRAPH, 0, "Before break", 2),
        (PAGE_BREAK, 0, "", 2),
        (PARAGRAPH, 0, "After break", 3),
        (PARAGRAPH, 0, "Inside content control", 3),
        # Word 97 has no content controls: saved as .doc, the prompts become text
        (PARAGRAPH, 0, "Click or tap here to enter text.", 3),
        (PARAGRAPH, 0, "Lead Officer: Click here to enter a name.", 3),
        (HEADING, 1, "Performance Data", 3),
        (PARAGRAPH, 0, "Final paragraph of the pack.", 3),
    ]
    assert doc.pages == 3


@needs_soffice
def test_table_merges_and_fills_survive_conversion(converted):
    doc, _ = converted
    t = next(b for b in doc.blocks if b.kind == TABLE)
    assert t.grid() == [
        ["Number", "Action", "Milestones", "Progress"],
        ["1.1", "Improve graffiti removal", "1.1a Survey", "GREEN"],
        ["", "", "1.1b Report\nSecond line", "Stats awaited"],
        ["FUNDING ALLOCATED: £500", "", "Quarterly counts", "RED"],
    ]
    assert [c.rowspan for c in t.rows[1].cells] == [2, 2, 1, 1]
    assert [c.fill for c in t.rows[1].cells][3] == "#00b050"
    assert [c.fill for c in t.rows[2].cells][3] == "#ffc000"
    assert [c.fill for c in t.rows[3].cells][2] == "#ff0000"
    assert t.rows[3].cells[1].tables[0].grid() == [["Q1", "Q2"], ["10", "12"]]
    assert t.rows[0].is_header


@needs_soffice
def test_headers_footers_apart(converted):
    doc, _ = converted
    assert doc.headers == ["South Cambridgeshire CDRP Rolling Plan 2009-2012"]
    assert len(doc.footers) == 1 and doc.footers[0].startswith("Page ")
    assert not any("Rolling Plan 2009" in b.text for b in doc.blocks)


@needs_soffice
def test_parallel_conversions_do_not_collide(doc_path):
    with ThreadPoolExecutor(2) as pool:
        docs = list(pool.map(lambda _: read_doc(doc_path, "f" * 64), range(2)))
    assert [len(d.blocks) for d in docs] == [len(docs[0].blocks)] * 2
    assert docs[0].blocks[0].text == "Crime and Disorder Reduction Partnership"


def test_converter_missing_names_the_package(tmp_path, monkeypatch):
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(ConverterMissing, match=r"install libreoffice-writer-nogui \(apt-get install"):
        read_doc(f, "0" * 64)


def _fake_soffice(tmp_path, monkeypatch, script: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "soffice"
    exe.write_text("#!/bin/sh\n" + script)
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")


def test_exit_zero_without_output_is_conversion_failure(tmp_path, monkeypatch):
    # LibreOffice's known failure mode: status 0, message on stdout, no file.
    _fake_soffice(tmp_path, monkeypatch, "echo 'convert input.doc -> input.docx'\nexit 0\n")
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with pytest.raises(ConversionFailed, match="exited 0 without writing a file"):
        read_doc(f, "0" * 64)
    assert os.listdir(scratch) == []


def test_nonzero_exit_is_conversion_failure(tmp_path, monkeypatch):
    _fake_soffice(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded' >&2\nexit 1\n")
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ConversionFailed, match="status 1: Error: source file could not be loaded"):
        read_doc(f, "0" * 64)


def test_timeout_is_conversion_failure(tmp_path, monkeypatch):
    _fake_soffice(tmp_path, monkeypatch, "sleep 30\n")
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ConversionFailed, match="timed out after 0.5s"):
        read_doc_document(f, "0" * 64, Settings(soffice_timeout=0.5))


@needs_soffice
def test_garbage_ole_file_fails_cleanly(tmp_path):
    f = tmp_path / "garbage.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000))
    # Left to detect the format, LibreOffice would import this as plain text.
    with pytest.raises(ConversionFailed, match="could not be loaded"):
        read_doc(f, "0" * 64)


# -- what Word recorded inside the .doc ----------------------------------------

def _property_set(props: list[tuple[int, int, bytes]]) -> bytes:
    """A SummaryInformation stream: (property id, VT type, packed value) triples."""
    import struct

    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020006, b"\0" * 16, 1)
    fmtid = b"\xe0\x85\x9f\xf2\xf9\x4f\x68\x10\xab\x91\x08\x00\x2b\x27\xb3\xd9"
    section_offset = len(header) + 16 + 4
    body, index = b"", b""
    first = 8 + 8 * len(props)
    for pid, vt, value in props:
        index += struct.pack("<II", pid, first + len(body))
        entry = struct.pack("<I", vt) + value
        body += entry + b"\0" * (-len(entry) % 4)
    section = struct.pack("<II", 8 + len(index) + len(body), len(props)) + index + body
    return header + fmtid + struct.pack("<I", section_offset) + section


def test_summary_information_parsed():
    import struct

    from boardpack.ingest.ole import summary_properties

    app = b"Microsoft Word 10.0\0"
    raw = _property_set([
        (1, 2, struct.pack("<hH", 1252, 0)),
        (14, 3, struct.pack("<i", 9)),
        (18, 30, struct.pack("<I", len(app)) + app),
    ])
    assert summary_properties(raw) == {1: 1252, 14: 9, 18: "Microsoft Word 10.0"}


def test_word_summary_overrides_converter_producer_and_pages():
    from boardpack.ingest.doc_reader import apply_doc_info
    from boardpack.ingest.ole import DocInfo
    from boardpack.core.model import Document

    doc = Document(path="x.doc", sha256="0" * 64, format="doc", pages=3,
                   producer="LibreOffice/7.4", metadata={"author": "Democratic Services"})
    apply_doc_info(doc, DocInfo(application="Microsoft Word 10.0", pages=9, title="Rolling plan",
                                author="Someone else", word_version=257))
    assert doc.producer == "Microsoft Word 10.0"
    assert doc.pages == 9
    assert doc.metadata["title"] == "Rolling plan"
    assert doc.metadata["author"] == "Democratic Services"  # what the file's own properties say wins


@needs_soffice
def test_doc_container_read(doc_path):
    from boardpack.ingest.ole import doc_info

    info = doc_info(doc_path)
    assert info is not None and not info.encrypted
    assert info.author == "python-docx"  # python-docx's default core property, kept by LibreOffice
    assert info.word_version and info.word_version >= 193  # Word 97 or later


@needs_soffice
def test_password_protected_doc_refused_before_conversion(doc_path, tmp_path, monkeypatch):
    import olefile

    from boardpack.core.errors import EncryptedDocument

    locked = tmp_path / "locked.doc"
    locked.write_bytes(doc_path.read_bytes())
    with olefile.OleFileIO(str(locked), write_mode=True) as ole:
        fib = bytearray(ole.openstream("WordDocument").read())
        fib[0x0A + 1] |= 0x01  # FIB flags: fEncrypted (0x0100)
        ole.write_stream("WordDocument", bytes(fib))
    monkeypatch.setenv("PATH", str(tmp_path / "no-soffice-needed"))
    with pytest.raises(EncryptedDocument, match="password-protected"):
        read_doc(locked, "0" * 64)


@needs_soffice
def test_other_office_file_named_doc_is_rejected_before_conversion(doc_path, tmp_path, monkeypatch):
    import struct

    from boardpack.core.errors import UnsupportedFormat

    data = bytearray(doc_path.read_bytes())
    at = data.find("WordDocument".encode("utf-16-le") + b"\0\0")
    assert at > 0
    # Rename the stream as an Excel file's: a workbook saved with a .doc name.
    data[at : at + 64] = "Workbook".encode("utf-16-le").ljust(64, b"\0")
    struct.pack_into("<H", data, at + 0x40, len("Workbook") * 2 + 2)
    xls = tmp_path / "budget.doc"
    xls.write_bytes(bytes(data))
    monkeypatch.setenv("PATH", str(tmp_path / "no-soffice-needed"))
    with pytest.raises(UnsupportedFormat, match=r"not a Word document \(an Excel workbook\)"):
        read_doc(xls, "0" * 64)
