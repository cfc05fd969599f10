"""Tuning in one validated settings object.

Accepts a plain dict (``Settings.from_dict``) and rejects unknown keys and
out-of-range values with :class:`SettingsError`, instead of constants
scattered across modules.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    # -- PDF page furniture: a line is furniture when it recurs (digits masked)
    # in the top/bottom band of at least this share of pages.
    furniture_band: float = 0.12  # share of page height at top and bottom
    furniture_min_share: float = 0.3
    furniture_min_pages: int = 3
    # -- scanned page: fewer than this many text characters on a page with an image
    scanned_max_chars: int = 20
    # -- DOC conversion
    soffice_timeout: float = 120.0
    # -- ingest
    workers: int = 0  # 0 = CPU count
    # -- linking across packs
    action_link_threshold: float = 85.0  # rapidfuzz token_set_ratio, 0-100
    person_merge_threshold: float = 88.0

    def __post_init__(self):
        checks = {
            "furniture_band": (0.0, 0.5),
            "furniture_min_share": (0.0, 1.0),
            "action_link_threshold": (0.0, 100.0),
            "person_merge_threshold": (0.0, 100.0),
        }
        for name, (lo, hi) in checks.items():
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or not lo <= v <= hi:
                raise SettingsError(f"setting {name}={v!r} must be a number in [{lo}, {hi}]")
        for name in ("furniture_min_pages", "scanned_max_chars", "workers"):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise SettingsError(f"setting {name}={v!r} must be a non-negative integer")
        if not isinstance(self.soffice_timeout, (int, float)) or self.soffice_timeout <= 0:
            raise SettingsError(f"setting soffice_timeout={self.soffice_timeout!r} must be positive")

    @classmethod
    def from_dict(cls, d: dict | None) -> "Settings":
        d = dict(d or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        return cls(**d)


DEFAULT = Settings()
