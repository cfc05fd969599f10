"""Tuning in one validated settings object, nested per stage.

One :class:`Settings` travels through every stage (read, OCR, clean, segment,
extract, link); each stage reads its own section (``settings.pdf``,
``settings.ocr``, ``settings.link`` ...), so a threshold lives here and
nowhere else. Built from keywords, a plain dict (:meth:`Settings.from_dict`)
or a TOML file (:meth:`Settings.from_toml`)::

    [link]
    action_link_threshold = 85

    [vocabulary.status_words]      # added to the built-in table
    parked = "on hold"

A key that is not a setting, a value of the wrong type or out of range raises
:class:`SettingsError` naming the key (``link.action_link_threshold``), and
the file when there is one.

Vocabulary given by a user *extends* the built-in one: ``status_words``
entries are added to (or override) :data:`STATUS_WORDS`, ``attendance_labels``
to the built-in labels of :mod:`boardpack.core.vocabulary`, and words listed in
``awaited_subjects`` / ``awaiting_subjects`` are added to those lists. To
start from the user's words only, list the vocabulary under ``replace``
(``[vocabulary] replace = ["status_words"]``).

The flat names of the first version (``Settings(file_timeout=1)``,
``settings.ocr_dpi``, ``{"max_pages": 10}``) still work: each maps to one
field of one section (:data:`FLAT_NAMES`); ``ocr=False`` is ``ocr.enabled``.

The sections are declared here; how a value is checked and how a section is
built, updated and printed is :mod:`boardpack.core.settings_checks`. The
built-in vocabularies (status words, attendance labels) are data in
:mod:`boardpack.core.vocabulary`.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, ClassVar, Mapping, Optional

from boardpack.core.errors import SettingsError
from boardpack.core.settings_checks import (
    Section,
    flag_check,
    norm_phrase,
    number_check,
    phrases_check,
    setting_field,
    settings_error,
    shares_check,
    text_map_check,
    word_check,
)
from boardpack.core.vocabulary import (  # noqa: F401  (STATUS_WORDS re-exported: it was defined here)
    ATTENDANCE_CATEGORIES,
    ATTENDANCE_LABELS,
    PATTERN_CHARS,
    STATUS_WORDS,
    label_pattern,
)


#: the sections of a progress report (extractors/reports.py reads them)
REPORT_SECTIONS = ("achievement", "concern", "recommendation", "publicity")


def _section_map(v: Any) -> Optional[str]:
    problem = text_map_check(v)
    if problem is None and any(norm_phrase(x) not in REPORT_SECTIONS for x in v.values()):
        return f"must map heading words to a section ({', '.join(REPORT_SECTIONS)})"
    return problem


def _label_key(label: str) -> str:
    """A user's attendance label as kept: a phrase in lower case with single
    spaces, a pattern as written (lower-casing "\\S" would change it)."""
    return label.strip() if PATTERN_CHARS.search(label) else norm_phrase(label)


def _label_map(v: Any) -> Optional[str]:
    problem = text_map_check(v)
    if problem is None and any(norm_phrase(x) not in ATTENDANCE_CATEGORIES for x in v.values()):
        return f"must map attendance labels to a category ({', '.join(ATTENDANCE_CATEGORIES)})"
    if problem is None:
        for label in v:
            try:
                re.compile(label_pattern(_label_key(label)))
            except re.error as e:
                return f"{label!r} is not a phrase or a valid pattern: {e}"
    return problem


@dataclass(frozen=True)
class RunSettings(Section):
    NAME: ClassVar[str] = "run"
    workers: int = setting_field(0, number_check(0, integer=True), "parser processes for ingest (0 = CPU count)")


@dataclass(frozen=True)
class ReadSettings(Section):
    NAME: ClassVar[str] = "read"
    soffice_timeout: float = setting_field(120.0, number_check(0, above=True), "seconds LibreOffice may take to convert a .doc")


@dataclass(frozen=True)
class PdfSettings(Section):
    """The PDF reader: page furniture, scanned pages."""

    NAME: ClassVar[str] = "pdf"
    # a line is furniture when it recurs (digits masked) in the top/bottom band
    # of at least this share of pages (and of furniture_min_pages pages)
    furniture_band: float = setting_field(0.12, number_check(0, 0.5), "share of page height at top and bottom")
    furniture_min_share: float = setting_field(0.3, number_check(0, 1), "share of pages a furniture line recurs on")
    furniture_min_pages: int = setting_field(3, number_check(0, integer=True), "pages a furniture line recurs on, at least")
    # a page is scanned when it has fewer text characters than this and paints
    # an image, more glyph outlines (curves) than scanned_min_curves, or a
    # pattern fill over at least scanned_min_pattern_share of the page
    scanned_max_chars: int = setting_field(20, number_check(0, integer=True), "text characters on a scanned page, at most")
    scanned_min_curves: int = setting_field(50, number_check(0, integer=True), "glyph outlines that make a page a scan")
    scanned_min_pattern_share: float = setting_field(0.25, number_check(0, 1), "pattern-filled share that makes a page a scan")
    # pdfium reads a page's text layer many times faster than pdfplumber (pdfminer);
    # pdfplumber stays as the reference reader and debugging lens
    engine: str = setting_field("pdfium", lambda v: None if v in ("pdfium", "pdfplumber")
                           else "must be pdfium or pdfplumber", "PDF text-layer reader: pdfium or pdfplumber")
    # -- lines into blocks (ingest/pdf_blocks.py), in points unless a share
    heading_size_step: float = setting_field(1.5, number_check(0), "points over the body size that make a line a heading")
    line_gap: float = setting_field(0.45, number_check(0), "gap between lines of one paragraph, as a share of the font size")
    line_gap_min: float = setting_field(2.5, number_check(0), "gap between lines of one paragraph, in points, at least")
    size_tolerance: float = setting_field(1.0, number_check(0), "font-size difference within one paragraph, under")
    list_indent_step: float = setting_field(18.0, number_check(0, above=True), "points of indent per list level")
    list_indent_tolerance: float = setting_field(4.0, number_check(0), "points a list item's indent may move in one level")
    # -- tables (ingest/pdf_tables.py)
    table_edge_tolerance: float = setting_field(12.0, number_check(0), "points the edges of a table split over pages may move")


@dataclass(frozen=True)
class OcrSettings(Section):
    """OCR of scanned PDF pages (tesseract via pdftoppm)."""

    NAME: ClassVar[str] = "ocr"
    enabled: bool = setting_field(True, flag_check, "read scanned pages with tesseract")
    dpi: int = setting_field(200, number_check(72, 600, integer=True), "resolution pages are rasterised at")
    timeout: float = setting_field(120.0, number_check(0, above=True), "seconds one rasterise or tesseract call may take")
    # keep tesseract's words per (file hash, page, dpi) in $BOARDPACK_CACHE_DIR
    # (default ~/.cache/boardpack) so a re-import does not OCR again
    cache: bool = setting_field(True, flag_check, "keep OCR words between runs")
    language: str = setting_field("eng", word_check, "tesseract language (tesseract -l)")
    min_confidence: float = setting_field(30.0, number_check(0, 100), "word confidence under which a short word is speckle")
    # scanned pages of one file OCR'd at once (each its own pdftoppm + tesseract,
    # tesseract pinned to one thread); 0: the CPUs left to each batch worker,
    # os.cpu_count() // run.workers (run.workers 0 = CPU count), at least 1
    page_workers: int = setting_field(0, number_check(0, integer=True), "scanned pages of one file OCR'd at once (0 = auto)")


@dataclass(frozen=True)
class SegmentSettings(Section):
    NAME: ClassVar[str] = "segment"
    # confidence of a paper decided by a cue of strength 0 (none), 1 (weak),
    # 2 (a page-top title) or 3 (a strong title)
    confidence: tuple = setting_field((0.3, 0.55, 0.8, 0.95), shares_check(4),
                                 "paper confidence by cue strength 0-3")
    min_evidence: int = setting_field(2, number_check(0, integer=True), "evidence that types a paper with no cue")


@dataclass(frozen=True)
class LinkSettings(Section):
    """Linking across packs (the link stage)."""

    NAME: ClassVar[str] = "link"
    # rapidfuzz token_sort_ratio (0-100) for linking a renumbered or reworded
    # milestone; on the corpus every pair of distinct milestone texts of a plan
    # scores below 90 (tests/test_linking_logic.py validates this)
    action_link_threshold: float = setting_field(90.0, number_check(0, 100), "text similarity that links a milestone")
    person_merge_threshold: float = setting_field(88.0, number_check(0, 100), "name similarity that merges two people")
    plan_title_threshold: float = setting_field(90.0, number_check(0, 100), "title similarity of one plan (same years)")
    duplicate_jaccard: float = setting_field(0.8, number_check(0, 1), "shared word 5-grams of two copies of a paper")
    duplicate_numbers: float = setting_field(0.9, number_check(0, 1), "shared numbers of two copies of a paper")
    duplicate_sketch_size: int = setting_field(16, number_check(1, integer=True), "smallest shingle hashes that index a paper")
    duplicate_min_shingles: int = setting_field(20, number_check(1, integer=True), "shingles a paper needs to be compared")


@dataclass(frozen=True)
class LimitsSettings(Section):
    """Limits on hostile or runaway files, checked before anything is inflated or parsed.

    A Word package is refused when its parts would inflate to more than
    zip_max_inflated_mb in all, or when one part of at least 1 MiB inflates
    more than zip_max_ratio times its stored size (real DOCX XML compresses
    5-20x; a zip bomb 200-1000x). A 500-page scan OCR'd at 3 s a page stays
    well inside file_timeout."""

    NAME: ClassVar[str] = "limits"
    zip_max_inflated_mb: int = setting_field(512, number_check(1, integer=True), "MB a Word package may inflate to")
    zip_max_ratio: float = setting_field(100.0, number_check(1), "compression ratio of one Word part, at most")
    max_pages: int = setting_field(5000, number_check(1, integer=True), "pages of one document, at most")
    file_timeout: float = setting_field(3600.0, number_check(0), "seconds one file may take to parse (0 = no limit)")
    worker_memory_mb: int = setting_field(8192, number_check(0, integer=True),
                                     "MiB of address space a parsing process may use (0 = no limit)")


@dataclass(frozen=True)
class VocabularySettings(Section):
    """Words the extractors recognise. Holds the effective tables; what a
    user gives is added to them (see :meth:`updated`)."""

    NAME: ClassVar[str] = "vocabulary"
    status_words: Mapping[str, str] = setting_field(dict(STATUS_WORDS), text_map_check,
                                               "status word or phrase -> normalised status")
    # an update that only promises figures later: "<subject> [are|is|still]
    # awaited" ("Stats awaited", "Exact figures awaited") or "awaiting [the] <subject>"
    awaited_subjects: tuple = setting_field(
        ("stats", "statistics", "figures", "exact figures", "event figures", "exact event figures", "data",
         "response", "numbers"), phrases_check, "what \"<subject> awaited\" says is awaited (stats_awaited)")
    awaiting_subjects: tuple = setting_field(("stats", "statistics", "figures", "data", "response"), phrases_check,
                                        "what \"awaiting <subject>\" names (stats_awaited)")
    # headings that open a progress report's section, beyond the built-in
    # patterns of extractors/reports.py: a heading starting with these words
    # ("Wins this quarter: ...") opens the section named
    section_headings: Mapping[str, str] = setting_field({}, _section_map, "heading words -> report section")
    # the labels that head attendance lists ("Present:", "Apologies for absence"),
    # built in from boardpack.core.vocabulary; a user's plain phrase counts before
    # a colon or dash, or standing alone
    attendance_labels: Mapping[str, str] = setting_field(
        dict(ATTENDANCE_LABELS), _label_map, "attendance label (phrase or pattern) -> present, in attendance, apologies or chair")

    def updated(self, changes: Mapping[str, Any]) -> "VocabularySettings":
        changes = dict(changes)
        replaced = changes.pop("replace", [])
        lists = [f.name for f in fields(self)]
        if not isinstance(replaced, (list, tuple)) or any(r not in lists for r in replaced):
            raise settings_error("vocabulary.replace", f"{replaced!r} must list vocabularies to replace ({', '.join(lists)})")
        for name in list(changes):
            if name not in lists:
                continue  # unknown: named by Section.updated
            table = isinstance(getattr(self, name), Mapping)
            problem = next(f.metadata["check"] for f in fields(self) if f.name == name)(changes[name])
            if problem:
                raise settings_error(f"vocabulary.{name}", problem)
            if table:
                base = {} if name in replaced else dict(getattr(self, name))
                key = _label_key if name == "attendance_labels" else norm_phrase
                base.update({key(k): norm_phrase(v) for k, v in changes[name].items()})
                changes[name] = base
            else:
                old = () if name in replaced else getattr(self, name)
                changes[name] = tuple(dict.fromkeys([*old, *(norm_phrase(x) for x in changes[name])]))
        for name in replaced:
            changes.setdefault(name, {} if isinstance(getattr(self, name), Mapping) else ())
        return Section.updated(self, changes)  # type: ignore[return-value]

    def __hash__(self) -> int:  # the tables are dicts
        return hash(tuple(tuple(sorted(v.items())) if isinstance(v, Mapping) else v
                          for v in (getattr(self, f.name) for f in fields(self))))


#: section name -> its class, in the order the settings print
SECTIONS: dict[str, type[Section]] = {c.NAME: c for c in (
    RunSettings, ReadSettings, PdfSettings, OcrSettings, SegmentSettings, LinkSettings, LimitsSettings,
    VocabularySettings)}

#: the first version's flat names -> (section, setting)
FLAT_NAMES: dict[str, tuple[str, str]] = {
    "workers": ("run", "workers"),
    "soffice_timeout": ("read", "soffice_timeout"),
    **{n: ("pdf", n) for n in ("furniture_band", "furniture_min_share", "furniture_min_pages",
                               "scanned_max_chars", "scanned_min_curves", "scanned_min_pattern_share")},
    "pdf_engine": ("pdf", "engine"),
    "ocr_dpi": ("ocr", "dpi"), "ocr_timeout": ("ocr", "timeout"), "ocr_cache": ("ocr", "cache"),
    **{n: ("limits", n) for n in ("zip_max_inflated_mb", "zip_max_ratio", "max_pages", "file_timeout",
                                  "worker_memory_mb")},
    "action_link_threshold": ("link", "action_link_threshold"),
    "person_merge_threshold": ("link", "person_merge_threshold"),
    "status_words": ("vocabulary", "status_words"),
}


def _sections(given: Mapping[str, Any]) -> dict[str, Section]:
    """Every section, from a mapping of section tables, section objects and flat names."""
    changes: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    out: dict[str, Section] = {}
    for key, value in given.items():
        if key in SECTIONS:
            if isinstance(value, SECTIONS[key]):
                out[key] = value
            elif key == "ocr" and isinstance(value, bool):  # the flat ``ocr`` switch
                changes["ocr"]["enabled"] = value
            elif isinstance(value, Mapping):
                changes[key].update(value)
            else:
                raise settings_error(key, f"{value!r} must be a table of {key} settings")
        elif key in FLAT_NAMES:
            section, name = FLAT_NAMES[key]
            changes[section][name] = value
        else:
            raise settings_error(str(key), f"no such setting (sections: {', '.join(SECTIONS)})")
    for name, cls in SECTIONS.items():
        base = out.get(name) or _DEFAULT_SECTIONS.get(name) or cls()
        out[name] = base.updated(changes[name]) if changes[name] else base
    return out


@dataclass(frozen=True, init=False)
class Settings:
    """Every stage's settings; see the module docstring."""

    run: RunSettings
    read: ReadSettings
    pdf: PdfSettings
    ocr: OcrSettings
    segment: SegmentSettings
    link: LinkSettings
    limits: LimitsSettings
    vocabulary: VocabularySettings

    def __init__(self, **given: Any) -> None:
        for name, section in _sections(given).items():
            object.__setattr__(self, name, section)

    def __getattr__(self, name: str) -> Any:
        # only called for names that are not attributes: the flat names
        where = FLAT_NAMES.get(name)
        if where is None or name.startswith("_"):
            raise AttributeError(name)
        return getattr(getattr(self, where[0]), where[1])

    @classmethod
    def from_dict(cls, d: Optional[Mapping[str, Any]]) -> "Settings":
        """Settings from a plain dict: ``{"link": {"action_link_threshold": 85}}``
        (or the flat names). Raises :class:`SettingsError` naming a bad key."""
        if d is not None and not isinstance(d, Mapping):
            raise settings_error("settings", f"{d!r} must be a table of settings")
        bad = [k for k in (d or {}) if not isinstance(k, str)]
        if bad:
            raise settings_error(repr(bad[0]), "a setting's name must be text")
        return cls(**dict(d or {}))

    @classmethod
    def from_toml(cls, path: str | Path) -> "Settings":
        """Settings from a TOML file; errors name the file and the key."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as e:
            raise settings_error(None, f"cannot read the settings file: {e.strerror or e}", path) from e
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise settings_error(None, f"not a TOML settings file: {e}", path) from e
        try:
            return cls.from_dict(data)
        except SettingsError as e:
            e.path = str(path)
            raise

    def status_table(self) -> dict[str, str]:
        """The effective status vocabulary (built-in words plus the user's)."""
        return dict(self.vocabulary.status_words)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {name: getattr(self, name).as_dict() for name in SECTIONS}

    def to_toml(self) -> str:
        """The settings as a TOML file that :meth:`from_toml` reads back to the same settings."""
        lines: list[str] = []
        for name, values in self.to_dict().items():
            tables = {k: v for k, v in values.items() if isinstance(v, dict)}
            if len(tables) < len(values):
                lines += ["", f"[{name}]"]
                for f in fields(SECTIONS[name]):  # type: ignore[arg-type]
                    if f.name not in tables:
                        lines.append(f"{f.name} = {_toml_value(values[f.name])}  # {f.metadata['doc']}")
            for k, table in tables.items():
                lines += ["", f"[{name}.{k}]"]
                lines += [f"{json.dumps(w, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}"
                          for w, v in table.items()]
        return "\n".join(lines).lstrip("\n") + "\n"


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, float):
        return repr(v)
    return json.dumps(v, ensure_ascii=False)


_DEFAULT_SECTIONS: dict[str, Section] = {}
DEFAULT = Settings()
_DEFAULT_SECTIONS.update({name: getattr(DEFAULT, name) for name in SECTIONS})
