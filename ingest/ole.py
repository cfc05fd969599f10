"""What Word recorded inside a legacy .doc, read with ``olefile``.

LibreOffice converts a .doc to DOCX, but the DOCX it writes names LibreOffice
as the application and carries no page count, and a password-protected .doc
only comes back as "could not be loaded". Word itself wrote what we want
into the .doc: the ``SummaryInformation`` property set (application name,
page count, title, author) and the ``WordDocument`` stream's FIB, whose
``fEncrypted`` bit says the file is password protected.

olefile reads the compound file (header, FAT, directory, mini stream) and
refuses a malformed one. It leaves 8-bit strings of a property set undecoded
(bytes in an unknown code page), so :func:`summary_properties` still reads the
``SummaryInformation`` stream itself, decoding strings with the code page the
set declares. Everything here fails soft: a damaged container returns
``None`` and the conversion decides.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import olefile

MAGIC = olefile.MAGIC
MAX_BYTES = 64 << 20  # a board-pack .doc is far smaller; do not parse huge files

# SummaryInformation property ids
PID_CODEPAGE, PID_TITLE, PID_AUTHOR, PID_PAGECOUNT, PID_APPNAME = 1, 2, 4, 14, 18


@dataclass
class DocInfo:
    encrypted: bool = False
    application: Optional[str] = None
    pages: Optional[int] = None
    title: Optional[str] = None
    author: Optional[str] = None
    word_version: Optional[int] = None  # nFib: 193 Word 97, 217 Word 2000, 257 2002, 268 2003
    is_word: bool = True  # has a WordDocument stream
    kind: Optional[str] = None  # what it is instead, when recognisable ("Excel workbook", ...)


# Streams that name the Office application an OLE file belongs to.
_OTHER_KINDS = (
    ("Workbook", "Excel workbook"), ("Book", "Excel workbook"),
    ("PowerPoint Document", "PowerPoint presentation"),
    ("VisioDocument", "Visio drawing"), ("Contents", "Publisher or Works file"),
)


def summary_properties(raw: bytes) -> dict[int, object]:
    """Property id -> value from a SummaryInformation stream (I2/I4/LPSTR/LPWSTR only)."""
    if len(raw) < 48:
        return {}
    (section,) = struct.unpack_from("<I", raw, 44)
    if section + 8 > len(raw):
        return {}
    _size, count = struct.unpack_from("<II", raw, section)
    codepage = "cp1252"
    props: dict[int, object] = {}
    for i in range(min(count, 256)):
        pid, off = struct.unpack_from("<II", raw, section + 8 + 8 * i)
        at = section + off
        if at + 8 > len(raw):
            continue
        (vt,) = struct.unpack_from("<I", raw, at)
        if vt == 2:
            props[pid] = struct.unpack_from("<h", raw, at + 4)[0]
        elif vt == 3:
            props[pid] = struct.unpack_from("<i", raw, at + 4)[0]
        elif vt in (30, 31):
            (n,) = struct.unpack_from("<I", raw, at + 4)
            blob = raw[at + 8 : at + 8 + (n * 2 if vt == 31 else n)]
            props[pid] = blob.decode("utf-16-le" if vt == 31 else codepage, "replace").rstrip("\x00").strip()
        if pid == PID_CODEPAGE and isinstance(props.get(pid), int):
            cp = props[pid] & 0xFFFF
            codepage = "utf-8" if cp == 65001 else f"cp{cp}"
            try:
                "".encode(codepage)
            except LookupError:
                codepage = "cp1252"
    return props


def doc_info(path: Path) -> Optional[DocInfo]:
    """What Word recorded in a .doc, or None when the container cannot be read."""
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            return None
        # DEFECT_INCORRECT: a container that breaks the specification is refused
        # whole rather than half-read (olefile's setting for untrusted input)
        with olefile.OleFileIO(str(path), raise_defects=olefile.DEFECT_INCORRECT) as ole:
            return _read_info(ole)
    except Exception:  # olefile raises OSError, struct.error, IndexError... on damaged files
        return None


def _read_info(ole: olefile.OleFileIO) -> DocInfo:
    info = DocInfo()
    names = {part for entry in ole.listdir(streams=True, storages=True) for part in entry}
    fib = b""
    if ole.exists("WordDocument"):
        fib = ole.openstream("WordDocument").read(12)
    else:
        info.is_word = False
        info.kind = next((k for stream, k in _OTHER_KINDS if stream in names), None)
        if info.kind is None and any(n.startswith("__substg1.0_") for n in names):
            info.kind = "Outlook message"
    if len(fib) >= 12 and struct.unpack_from("<H", fib, 0)[0] == 0xA5EC:
        n_fib, = struct.unpack_from("<H", fib, 2)
        flags, = struct.unpack_from("<H", fib, 0x0A)
        info.word_version = n_fib
        info.encrypted = bool(flags & 0x0100)
    if ole.exists("\x05SummaryInformation"):
        props = summary_properties(ole.openstream("\x05SummaryInformation").read())
        app, pages = props.get(PID_APPNAME), props.get(PID_PAGECOUNT)
        info.application = app if isinstance(app, str) and app else None
        info.pages = pages if isinstance(pages, int) and pages > 0 else None
        for pid, attr in ((PID_TITLE, "title"), (PID_AUTHOR, "author")):
            v = props.get(pid)
            if isinstance(v, str) and v:
                setattr(info, attr, v)
    return info
