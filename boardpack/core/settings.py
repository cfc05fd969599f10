"""Tuning in one validated settings object.

Accepts a plain dict (``Settings.from_dict``) and rejects unknown keys and
out-of-range values with :class:`SettingsError`, instead of constants
scattered across modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Mapping

from boardpack.core.errors import SettingsError

#: The action-status vocabulary: a word or phrase an action log or plan prints
#: in its status column (or first in a progress cell) -> the normalised status.
#: Keys are lower case with single spaces. A word not listed here is kept as
#: printed, lower-cased. Extend with ``Settings(status_words={"parked": "on hold"})``
#: or ``Settings.from_dict({"status_words": {...}})``: the entries given are added
#: to (or override) this table.
STATUS_WORDS: Mapping[str, str] = MappingProxyType({
    # finished
    "complete": "complete", "completed": "complete", "done": "complete", "achieved": "complete",
    "action complete": "complete", "action completed": "complete",
    "closed": "closed", "action closed": "closed",
    # running
    "on track": "on track", "on-track": "on track", "on target": "on track",
    "not on track": "not on track", "off track": "not on track", "off-track": "not on track",
    "ongoing": "ongoing", "on-going": "ongoing", "on going": "ongoing",
    "open": "open", "still open": "open",
    "in progress": "in progress", "in-progress": "in progress", "under way": "in progress",
    "underway": "in progress", "progressing": "in progress",
    "new": "new", "new action": "new",
    "carried forward": "carried forward", "carried over": "carried forward", "c/f": "carried forward",
    "c/fwd": "carried forward", "carry forward": "carried forward", "b/f": "carried forward",
    "brought forward": "carried forward",
    "cancelled": "cancelled", "canceled": "cancelled",
    "overdue": "overdue", "over due": "overdue",
    "deferred": "deferred",
    "on hold": "on hold", "on-hold": "on hold",
    # RAG ratings written as words
    "green": "green", "amber": "amber", "red": "red",
})


@dataclass(frozen=True)
class Settings:
    # -- PDF page furniture: a line is furniture when it recurs (digits masked)
    # in the top/bottom band of at least this share of pages.
    furniture_band: float = 0.12  # share of page height at top and bottom
    furniture_min_share: float = 0.3
    furniture_min_pages: int = 3
    # -- scanned page: fewer than this many text characters on a page with an image
    scanned_max_chars: int = 20
    # ... and that paints an image, more than this many glyph outlines
    # (curves), or a pattern fill over at least this share of the page
    scanned_min_curves: int = 50
    scanned_min_pattern_share: float = 0.25
    # -- PDF text-layer reader: "pdfium" reads a page many times faster than
    # "pdfplumber" (pdfminer), which stays as the reference and debugging lens
    pdf_engine: str = "pdfplumber"
    # -- OCR of scanned PDF pages (tesseract via pdftoppm)
    ocr: bool = True
    ocr_dpi: int = 200
    ocr_timeout: float = 120.0
    # keep tesseract's words per (file hash, page, dpi) in $BOARDPACK_CACHE_DIR
    # (default ~/.cache/boardpack) so a re-import does not OCR again
    ocr_cache: bool = True
    # -- DOC conversion
    soffice_timeout: float = 120.0
    # -- ingest
    workers: int = 0  # 0 = CPU count
    # -- limits on hostile or runaway files (checked before anything is inflated
    # or parsed). A Word package is refused when its parts would inflate to
    # more than zip_max_inflated_mb in all, or when one part of at least 1 MiB
    # inflates more than zip_max_ratio times its stored size (real DOCX XML
    # compresses 5-20x; a zip bomb 200-1000x, and parsing 100 MB of inflated
    # body XML takes about 2.4 GB). A document over max_pages pages is refused.
    zip_max_inflated_mb: int = 512
    zip_max_ratio: float = 100.0
    max_pages: int = 5000
    # seconds one file may take to parse (read to extract, OCR included) before
    # it is stopped and recorded as failed; 0 = no limit. A 500-page scan OCR'd
    # at 3 s a page stays well inside the default.
    file_timeout: float = 3600.0
    # address space (MiB) each parsing process may use, OCR and conversion
    # children included (RLIMIT_AS, POSIX only); a file that needs more is
    # recorded as failed and the batch goes on; 0 = no limit
    worker_memory_mb: int = 8192
    # -- linking across packs
    # rapidfuzz token_sort_ratio (0-100) for linking a renumbered or reworded
    # milestone; on the corpus every pair of distinct milestone texts of a plan
    # scores below 90 (tests/test_linking_logic.py validates this)
    action_link_threshold: float = 90.0
    person_merge_threshold: float = 88.0
    # -- action statuses: words added to (or overriding) STATUS_WORDS
    status_words: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self):
        checks = {
            "furniture_band": (0.0, 0.5),
            "furniture_min_share": (0.0, 1.0),
            "scanned_min_pattern_share": (0.0, 1.0),
            "action_link_threshold": (0.0, 100.0),
            "person_merge_threshold": (0.0, 100.0),
        }
        for name, (lo, hi) in checks.items():
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or not lo <= v <= hi:
                raise SettingsError(f"setting {name}={v!r} must be a number in [{lo}, {hi}]")
        if self.pdf_engine not in ("pdfium", "pdfplumber"):
            raise SettingsError(f"setting pdf_engine={self.pdf_engine!r} must be pdfium or pdfplumber")
        for name in ("ocr", "ocr_cache"):
            if not isinstance(getattr(self, name), bool):
                raise SettingsError(f"setting {name}={getattr(self, name)!r} must be true or false")
        if not isinstance(self.ocr_dpi, int) or not 72 <= self.ocr_dpi <= 600:
            raise SettingsError(f"setting ocr_dpi={self.ocr_dpi!r} must be an integer in [72, 600]")
        for name in ("soffice_timeout", "ocr_timeout"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or v <= 0:
                raise SettingsError(f"setting {name}={v!r} must be a positive number of seconds")
        sw = self.status_words
        if not isinstance(sw, Mapping) or not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                                                  for k, v in sw.items()):
            raise SettingsError("setting status_words must map status words to normalised statuses (text to text)")
        for name in ("zip_max_inflated_mb", "max_pages"):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise SettingsError(f"setting {name}={v!r} must be a positive integer")
        ft = self.file_timeout
        if not isinstance(ft, (int, float)) or isinstance(ft, bool) or ft < 0:
            raise SettingsError(f"setting file_timeout={ft!r} must be a number of seconds (0 = no limit)")
        if not isinstance(self.zip_max_ratio, (int, float)) or isinstance(self.zip_max_ratio, bool) \
                or self.zip_max_ratio < 1:
            raise SettingsError(f"setting zip_max_ratio={self.zip_max_ratio!r} must be a number of at least 1")
        for name in ("furniture_min_pages", "scanned_max_chars", "scanned_min_curves", "workers",
                     "worker_memory_mb"):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise SettingsError(f"setting {name}={v!r} must be a non-negative integer")

    def status_table(self) -> dict[str, str]:
        """STATUS_WORDS with this object's own ``status_words`` added (keys normalised)."""
        table = dict(STATUS_WORDS)
        for k, v in self.status_words.items():
            table[" ".join(k.lower().split())] = " ".join(v.lower().split())
        return table

    def __hash__(self):  # status_words is a dict: hash the rest
        return hash(tuple(getattr(self, f.name) for f in fields(self) if f.name != "status_words"))

    @classmethod
    def from_dict(cls, d: dict | None) -> "Settings":
        d = dict(d or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        return cls(**d)


DEFAULT = Settings()
