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
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, ClassVar, Mapping, Optional

from boardpack.core.errors import SettingsError
from boardpack.core.vocabulary import ATTENDANCE_CATEGORIES, ATTENDANCE_LABELS, PATTERN_CHARS, label_pattern

#: The action-status vocabulary: a word or phrase an action log or plan prints
#: in its status column (or first in a progress cell) -> the normalised status.
#: Keys are lower case with single spaces. A word not listed here is kept as
#: printed, lower-cased. Extended by ``status_words`` in the vocabulary section.
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


def _error(key: Optional[str], message: str, path: Any = None) -> SettingsError:
    """A SettingsError naming the setting (``key``, None for the file as a whole)."""
    err = SettingsError(f"setting {key}: {message}" if key else message, path)
    err.key = key  # type: ignore[attr-defined]  # which setting, for callers that point at it
    return err


# -- checks: each returns a complaint, or None when the value is fine ----------

Check = Callable[[Any], Optional[str]]


def _number(lo: float | None = None, hi: float | None = None, *, integer: bool = False,
            above: bool = False) -> Check:
    """A number (an integer when ``integer``) in [lo, hi]; over ``lo`` when ``above``."""
    kind = "an integer" if integer else "a number"
    if lo is not None and hi is not None:
        want = f"{kind} in [{lo:g}, {hi:g}]"
    elif lo is not None:
        want = f"{kind} {'over' if above else 'of at least'} {lo:g}"
    else:
        want = kind

    def check(v: Any) -> Optional[str]:
        types = (int,) if integer else (int, float)
        if isinstance(v, bool) or not isinstance(v, types) or not math.isfinite(v):  # TOML has nan and inf
            return f"must be {want}"
        if lo is not None and (v <= lo if above else v < lo) or hi is not None and v > hi:
            return f"must be {want}"
        return None
    return check


def _flag(v: Any) -> Optional[str]:
    return None if isinstance(v, bool) else "must be true or false"


def _word(v: Any) -> Optional[str]:
    ok = isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_+]+", v)
    return None if ok else "must be a word of letters, digits, _ or +"


def _shares(n: int) -> Check:
    def check(v: Any) -> Optional[str]:
        if (not isinstance(v, (list, tuple)) or len(v) != n
                or any(isinstance(x, bool) or not isinstance(x, (int, float)) or not 0 <= x <= 1 for x in v)):
            return f"must be a list of {n} numbers in [0, 1]"
        return None
    return check


def _text_map(v: Any) -> Optional[str]:
    if not isinstance(v, Mapping) or not all(
            isinstance(k, str) and k.strip() and isinstance(x, str) and x.strip() for k, x in v.items()):
        return "must map words to words (text to text)"
    return None


#: the sections of a progress report (extractors/reports.py reads them)
REPORT_SECTIONS = ("achievement", "concern", "recommendation", "publicity")


def _section_map(v: Any) -> Optional[str]:
    problem = _text_map(v)
    if problem is None and any(_phrase(x) not in REPORT_SECTIONS for x in v.values()):
        return f"must map heading words to a section ({', '.join(REPORT_SECTIONS)})"
    return problem


def _phrases(v: Any) -> Optional[str]:
    if not isinstance(v, (list, tuple)) or not all(isinstance(x, str) and x.strip() for x in v):
        return "must be a list of words or phrases"
    return None


def _label_key(label: str) -> str:
    """A user's attendance label as kept: a phrase in lower case with single
    spaces, a pattern as written (lower-casing "\\S" would change it)."""
    return label.strip() if PATTERN_CHARS.search(label) else _phrase(label)


def _label_map(v: Any) -> Optional[str]:
    problem = _text_map(v)
    if problem is None and any(_phrase(x) not in ATTENDANCE_CATEGORIES for x in v.values()):
        return f"must map attendance labels to a category ({', '.join(ATTENDANCE_CATEGORIES)})"
    if problem is None:
        for label in v:
            try:
                re.compile(label_pattern(_label_key(label)))
            except re.error as e:
                return f"{label!r} is not a phrase or a valid pattern: {e}"
    return problem


def _setting(default: Any, check: Check, doc: str) -> Any:
    """A dataclass field with its check and one line of documentation."""
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda: type(default)(default), metadata={"check": check, "doc": doc})
    return field(default=default, metadata={"check": check, "doc": doc})


class _Section:
    """A frozen dataclass of one stage's settings, checked when built."""

    NAME: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            problem = f.metadata["check"](value)
            if problem:
                raise _error(f"{self.NAME}.{f.name}", f"{value!r} {problem}")
            if isinstance(value, list):  # a TOML array: kept as a tuple, so settings stay hashable
                object.__setattr__(self, f.name, tuple(value))

    def updated(self, changes: Mapping[str, Any]) -> "_Section":
        """A copy with ``changes`` (setting name -> value) applied and checked."""
        known = {f.name for f in fields(self)}  # type: ignore[arg-type]
        for k in changes:
            if k not in known:
                raise _error(f"{self.NAME}.{k}", f"no such setting (the {self.NAME} section has: {', '.join(sorted(known))})")
        return replace(self, **changes)  # type: ignore[type-var]

    def as_dict(self) -> dict[str, Any]:
        out = {}
        for f in fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else dict(v) if isinstance(v, Mapping) else v
        return out


@dataclass(frozen=True)
class RunSettings(_Section):
    NAME: ClassVar[str] = "run"
    workers: int = _setting(0, _number(0, integer=True), "parser processes for ingest (0 = CPU count)")


@dataclass(frozen=True)
class ReadSettings(_Section):
    NAME: ClassVar[str] = "read"
    soffice_timeout: float = _setting(120.0, _number(0, above=True), "seconds LibreOffice may take to convert a .doc")


@dataclass(frozen=True)
class PdfSettings(_Section):
    """The PDF reader: page furniture, scanned pages."""

    NAME: ClassVar[str] = "pdf"
    # a line is furniture when it recurs (digits masked) in the top/bottom band
    # of at least this share of pages (and of furniture_min_pages pages)
    furniture_band: float = _setting(0.12, _number(0, 0.5), "share of page height at top and bottom")
    furniture_min_share: float = _setting(0.3, _number(0, 1), "share of pages a furniture line recurs on")
    furniture_min_pages: int = _setting(3, _number(0, integer=True), "pages a furniture line recurs on, at least")
    # a page is scanned when it has fewer text characters than this and paints
    # an image, more glyph outlines (curves) than scanned_min_curves, or a
    # pattern fill over at least scanned_min_pattern_share of the page
    scanned_max_chars: int = _setting(20, _number(0, integer=True), "text characters on a scanned page, at most")
    scanned_min_curves: int = _setting(50, _number(0, integer=True), "glyph outlines that make a page a scan")
    scanned_min_pattern_share: float = _setting(0.25, _number(0, 1), "pattern-filled share that makes a page a scan")
    # pdfium reads a page's text layer many times faster than pdfplumber (pdfminer);
    # pdfplumber stays as the reference reader and debugging lens
    engine: str = _setting("pdfium", lambda v: None if v in ("pdfium", "pdfplumber")
                           else "must be pdfium or pdfplumber", "PDF text-layer reader: pdfium or pdfplumber")
    # -- lines into blocks (ingest/pdf_blocks.py), in points unless a share
    heading_size_step: float = _setting(1.5, _number(0), "points over the body size that make a line a heading")
    line_gap: float = _setting(0.45, _number(0), "gap between lines of one paragraph, as a share of the font size")
    line_gap_min: float = _setting(2.5, _number(0), "gap between lines of one paragraph, in points, at least")
    size_tolerance: float = _setting(1.0, _number(0), "font-size difference within one paragraph, under")
    list_indent_step: float = _setting(18.0, _number(0, above=True), "points of indent per list level")
    list_indent_tolerance: float = _setting(4.0, _number(0), "points a list item's indent may move in one level")
    # -- tables (ingest/pdf_tables.py)
    table_edge_tolerance: float = _setting(12.0, _number(0), "points the edges of a table split over pages may move")


@dataclass(frozen=True)
class OcrSettings(_Section):
    """OCR of scanned PDF pages (tesseract via pdftoppm)."""

    NAME: ClassVar[str] = "ocr"
    enabled: bool = _setting(True, _flag, "read scanned pages with tesseract")
    dpi: int = _setting(200, _number(72, 600, integer=True), "resolution pages are rasterised at")
    timeout: float = _setting(120.0, _number(0, above=True), "seconds one rasterise or tesseract call may take")
    # keep tesseract's words per (file hash, page, dpi) in $BOARDPACK_CACHE_DIR
    # (default ~/.cache/boardpack) so a re-import does not OCR again
    cache: bool = _setting(True, _flag, "keep OCR words between runs")
    language: str = _setting("eng", _word, "tesseract language (tesseract -l)")
    min_confidence: float = _setting(30.0, _number(0, 100), "word confidence under which a short word is speckle")
    # scanned pages of one file OCR'd at once (each its own pdftoppm + tesseract,
    # tesseract pinned to one thread); 0: the CPUs left to each batch worker,
    # os.cpu_count() // run.workers (run.workers 0 = CPU count), at least 1
    page_workers: int = _setting(0, _number(0, integer=True), "scanned pages of one file OCR'd at once (0 = auto)")


@dataclass(frozen=True)
class SegmentSettings(_Section):
    NAME: ClassVar[str] = "segment"
    # confidence of a paper decided by a cue of strength 0 (none), 1 (weak),
    # 2 (a page-top title) or 3 (a strong title)
    confidence: tuple = _setting((0.3, 0.55, 0.8, 0.95), _shares(4),
                                 "paper confidence by cue strength 0-3")
    min_evidence: int = _setting(2, _number(0, integer=True), "evidence that types a paper with no cue")


@dataclass(frozen=True)
class LinkSettings(_Section):
    """Linking across packs (the link stage)."""

    NAME: ClassVar[str] = "link"
    # rapidfuzz token_sort_ratio (0-100) for linking a renumbered or reworded
    # milestone; on the corpus every pair of distinct milestone texts of a plan
    # scores below 90 (tests/test_linking_logic.py validates this)
    action_link_threshold: float = _setting(90.0, _number(0, 100), "text similarity that links a milestone")
    person_merge_threshold: float = _setting(88.0, _number(0, 100), "name similarity that merges two people")
    plan_title_threshold: float = _setting(90.0, _number(0, 100), "title similarity of one plan (same years)")
    duplicate_jaccard: float = _setting(0.8, _number(0, 1), "shared word 5-grams of two copies of a paper")
    duplicate_numbers: float = _setting(0.9, _number(0, 1), "shared numbers of two copies of a paper")
    duplicate_sketch_size: int = _setting(16, _number(1, integer=True), "smallest shingle hashes that index a paper")
    duplicate_min_shingles: int = _setting(20, _number(1, integer=True), "shingles a paper needs to be compared")


@dataclass(frozen=True)
class LimitsSettings(_Section):
    """Limits on hostile or runaway files, checked before anything is inflated or parsed.

    A Word package is refused when its parts would inflate to more than
    zip_max_inflated_mb in all, or when one part of at least 1 MiB inflates
    more than zip_max_ratio times its stored size (real DOCX XML compresses
    5-20x; a zip bomb 200-1000x). A 500-page scan OCR'd at 3 s a page stays
    well inside file_timeout."""

    NAME: ClassVar[str] = "limits"
    zip_max_inflated_mb: int = _setting(512, _number(1, integer=True), "MB a Word package may inflate to")
    zip_max_ratio: float = _setting(100.0, _number(1), "compression ratio of one Word part, at most")
    max_pages: int = _setting(5000, _number(1, integer=True), "pages of one document, at most")
    file_timeout: float = _setting(3600.0, _number(0), "seconds one file may take to parse (0 = no limit)")
    worker_memory_mb: int = _setting(8192, _number(0, integer=True),
                                     "MiB of address space a parsing process may use (0 = no limit)")


def _phrase(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class VocabularySettings(_Section):
    """Words the extractors recognise. Holds the effective tables; what a
    user gives is added to them (see :meth:`updated`)."""

    NAME: ClassVar[str] = "vocabulary"
    status_words: Mapping[str, str] = _setting(dict(STATUS_WORDS), _text_map,
                                               "status word or phrase -> normalised status")
    # an update that only promises figures later: "<subject> [are|is|still]
    # awaited" ("Stats awaited", "Exact figures awaited") or "awaiting [the] <subject>"
    awaited_subjects: tuple = _setting(
        ("stats", "statistics", "figures", "exact figures", "event figures", "exact event figures", "data",
         "response", "numbers"), _phrases, "what \"<subject> awaited\" says is awaited (stats_awaited)")
    awaiting_subjects: tuple = _setting(("stats", "statistics", "figures", "data", "response"), _phrases,
                                        "what \"awaiting <subject>\" names (stats_awaited)")
    # headings that open a progress report's section, beyond the built-in
    # patterns of extractors/reports.py: a heading starting with these words
    # ("Wins this quarter: ...") opens the section named
    section_headings: Mapping[str, str] = _setting({}, _section_map, "heading words -> report section")
    # the labels that head attendance lists ("Present:", "Apologies for absence"),
    # built in from boardpack.core.vocabulary; a user's plain phrase counts before
    # a colon or dash, or standing alone
    attendance_labels: Mapping[str, str] = _setting(
        dict(ATTENDANCE_LABELS), _label_map, "attendance label (phrase or pattern) -> present, in attendance, apologies or chair")

    def updated(self, changes: Mapping[str, Any]) -> "VocabularySettings":
        changes = dict(changes)
        replaced = changes.pop("replace", [])
        lists = [f.name for f in fields(self)]
        if not isinstance(replaced, (list, tuple)) or any(r not in lists for r in replaced):
            raise _error("vocabulary.replace", f"{replaced!r} must list vocabularies to replace ({', '.join(lists)})")
        for name in list(changes):
            if name not in lists:
                continue  # unknown: named by _Section.updated
            table = isinstance(getattr(self, name), Mapping)
            problem = next(f.metadata["check"] for f in fields(self) if f.name == name)(changes[name])
            if problem:
                raise _error(f"vocabulary.{name}", problem)
            if table:
                base = {} if name in replaced else dict(getattr(self, name))
                key = _label_key if name == "attendance_labels" else _phrase
                base.update({key(k): _phrase(v) for k, v in changes[name].items()})
                changes[name] = base
            else:
                old = () if name in replaced else getattr(self, name)
                changes[name] = tuple(dict.fromkeys([*old, *(_phrase(x) for x in changes[name])]))
        for name in replaced:
            changes.setdefault(name, {} if isinstance(getattr(self, name), Mapping) else ())
        return _Section.updated(self, changes)  # type: ignore[return-value]

    def __hash__(self) -> int:  # the tables are dicts
        return hash(tuple(tuple(sorted(v.items())) if isinstance(v, Mapping) else v
                          for v in (getattr(self, f.name) for f in fields(self))))


#: section name -> its class, in the order the settings print
SECTIONS: dict[str, type[_Section]] = {c.NAME: c for c in (
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


def _sections(given: Mapping[str, Any]) -> dict[str, _Section]:
    """Every section, from a mapping of section tables, section objects and flat names."""
    changes: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    out: dict[str, _Section] = {}
    for key, value in given.items():
        if key in SECTIONS:
            if isinstance(value, SECTIONS[key]):
                out[key] = value
            elif key == "ocr" and isinstance(value, bool):  # the flat ``ocr`` switch
                changes["ocr"]["enabled"] = value
            elif isinstance(value, Mapping):
                changes[key].update(value)
            else:
                raise _error(key, f"{value!r} must be a table of {key} settings")
        elif key in FLAT_NAMES:
            section, name = FLAT_NAMES[key]
            changes[section][name] = value
        else:
            raise _error(str(key), f"no such setting (sections: {', '.join(SECTIONS)})")
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
            raise _error("settings", f"{d!r} must be a table of settings")
        bad = [k for k in (d or {}) if not isinstance(k, str)]
        if bad:
            raise _error(repr(bad[0]), "a setting's name must be text")
        return cls(**dict(d or {}))

    @classmethod
    def from_toml(cls, path: str | Path) -> "Settings":
        """Settings from a TOML file; errors name the file and the key."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as e:
            raise _error(None, f"cannot read the settings file: {e.strerror or e}", path) from e
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise _error(None, f"not a TOML settings file: {e}", path) from e
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


_DEFAULT_SECTIONS: dict[str, _Section] = {}
DEFAULT = Settings()
_DEFAULT_SECTIONS.update({name: getattr(DEFAULT, name) for name in SECTIONS})
