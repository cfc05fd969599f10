"""Just enough of the OLE compound-file format to look inside a legacy .doc.

LibreOffice converts a .doc to DOCX, but the DOCX it writes names LibreOffice
as the application and carries no page count, and a password-protected .doc
only comes back as "could not be loaded". Word itself wrote what we want
into the .doc: the ``SummaryInformation`` property set (application name,
page count, title, author) and the ``WordDocument`` stream's FIB, whose
``fEncrypted`` bit says the file is password protected. Reading them takes a
small compound-file reader (header, FAT, directory, mini stream); everything
here fails soft: a damaged container returns ``None`` and the conversion
decides.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
MAX_BYTES = 64 << 20  # a board-pack .doc is far smaller; do not read huge files whole

# SummaryInformation property ids
PID_CODEPAGE, PID_TITLE, PID_AUTHOR, PID_PAGECOUNT, PID_APPNAME = 1, 2, 4, 14, 18


class OleError(ValueError):
    """The compound file is damaged."""


class CompoundFile:
    def __init__(self, data: bytes):
        if data[:8] != MAGIC or len(data) < 512:
            raise OleError("not an OLE compound file")
        self.data = data
        self.sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
        if self.sector_size not in (512, 4096) or self.mini_size != 64:
            raise OleError("unexpected sector sizes")
        n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, first_minifat, _n_minifat, first_difat, n_difat = struct.unpack_from("<IIIII", data, 0x38)
        self.n_sectors = (len(data) - 512) // self.sector_size + 1
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        sect, per = first_difat, self.sector_size // 4 - 1
        for _ in range(min(n_difat, self.n_sectors)):
            if sect >= END_OF_CHAIN:
                break
            vals = struct.unpack_from(f"<{per + 1}I", self._sector(sect))
            difat.extend(vals[:per])
            sect = vals[per]
        fat_sectors = [s for s in difat if s < END_OF_CHAIN][:n_fat]
        fat_bytes = b"".join(self._sector(s) for s in fat_sectors)
        self.fat = struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes)
        self.entries = self._directory(self._chain_bytes(first_dir, self.fat, self._sector))
        root = self.entries.get("Root Entry") or self.entries.get("R")
        self.mini_stream = b""
        if root is not None:
            self.mini_stream = self._chain_bytes(root[0], self.fat, self._sector)[: root[1]]
        minifat_bytes = self._chain_bytes(first_minifat, self.fat, self._sector) if first_minifat < END_OF_CHAIN else b""
        self.minifat = struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes)

    def _sector(self, n: int) -> bytes:
        off = (n + 1) * self.sector_size
        if n >= END_OF_CHAIN or off + self.sector_size > len(self.data) + self.sector_size:
            raise OleError(f"sector {n} out of range")
        return self.data[off : off + self.sector_size]

    def _mini_sector(self, n: int) -> bytes:
        off = n * self.mini_size
        if off >= len(self.mini_stream):
            raise OleError(f"mini sector {n} out of range")
        return self.mini_stream[off : off + self.mini_size]

    @staticmethod
    def _chain_bytes(start: int, fat, read) -> bytes:
        out, sect, seen = [], start, set()
        while sect < END_OF_CHAIN:
            if sect in seen or sect >= len(fat):
                raise OleError("broken sector chain")
            seen.add(sect)
            out.append(read(sect))
            sect = fat[sect]
        return b"".join(out)

    @staticmethod
    def _directory(raw: bytes) -> dict[str, tuple[int, int]]:
        entries = {}
        for off in range(0, len(raw) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", raw, off + 0x40)
            if kind not in (1, 2, 5) or not 2 <= name_len <= 64:
                continue
            name = raw[off : off + name_len - 2].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<IQ", raw, off + 0x74)
            entries.setdefault(name, (start, size & 0xFFFFFFFF))
        return entries

    def stream(self, name: str) -> Optional[bytes]:
        if name not in self.entries:
            return None
        start, size = self.entries[name]
        if size < self.cutoff:
            return self._chain_bytes(start, self.minifat, self._mini_sector)[:size]
        return self._chain_bytes(start, self.fat, self._sector)[:size]


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
        cf = CompoundFile(Path(path).read_bytes())
        info = DocInfo()
        if "WordDocument" not in cf.entries:
            info.is_word = False
            info.kind = next((k for stream, k in _OTHER_KINDS if stream in cf.entries), None)
            if info.kind is None and any(n.startswith("__substg1.0_") for n in cf.entries):
                info.kind = "Outlook message"
        fib = cf.stream("WordDocument")
        if fib and len(fib) >= 12 and struct.unpack_from("<H", fib, 0)[0] == 0xA5EC:
            n_fib, = struct.unpack_from("<H", fib, 2)
            flags, = struct.unpack_from("<H", fib, 0x0A)
            info.word_version = n_fib
            info.encrypted = bool(flags & 0x0100)
        raw = cf.stream("\x05SummaryInformation")
        if raw:
            props = summary_properties(raw)
            app, pages = props.get(PID_APPNAME), props.get(PID_PAGECOUNT)
            info.application = app if isinstance(app, str) and app else None
            info.pages = pages if isinstance(pages, int) and pages > 0 else None
            for pid, attr in ((PID_TITLE, "title"), (PID_AUTHOR, "author")):
                v = props.get(pid)
                if isinstance(v, str) and v:
                    setattr(info, attr, v)
        return info
    except (OleError, struct.error, OSError, ValueError):
        return None
