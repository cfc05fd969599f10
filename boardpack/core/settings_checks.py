"""The parts every settings section is built of: checks, fields, the section base.

Split from settings.py: a section (``[pdf]``, ``[link]``, ``[vocabulary]`` ...)
is a frozen dataclass whose every field carries a check and one line of
documentation; how a value is checked, and how a section is checked, updated
and printed, is the same for all of them, so it is written once here and the
sections in :mod:`boardpack.core.settings` only declare their fields.
"""

from __future__ import annotations

import math
import re
from dataclasses import field, fields, replace
from typing import Any, Callable, ClassVar, Mapping, Optional

from boardpack.core.errors import SettingsError


def settings_error(key: Optional[str], message: str, path: Any = None) -> SettingsError:
    """A SettingsError naming the setting (``key``, None for the file as a whole)."""
    err = SettingsError(f"setting {key}: {message}" if key else message, path)
    err.key = key  # type: ignore[attr-defined]  # which setting, for callers that point at it
    return err


# -- checks: each returns a complaint, or None when the value is fine ----------

Check = Callable[[Any], Optional[str]]


def number_check(lo: float | None = None, hi: float | None = None, *, integer: bool = False,
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


def flag_check(v: Any) -> Optional[str]:
    return None if isinstance(v, bool) else "must be true or false"


def word_check(v: Any) -> Optional[str]:
    ok = isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_+]+", v)
    return None if ok else "must be a word of letters, digits, _ or +"


def shares_check(n: int) -> Check:
    def check(v: Any) -> Optional[str]:
        if (not isinstance(v, (list, tuple)) or len(v) != n
                or any(isinstance(x, bool) or not isinstance(x, (int, float)) or not 0 <= x <= 1 for x in v)):
            return f"must be a list of {n} numbers in [0, 1]"
        return None
    return check


def text_map_check(v: Any) -> Optional[str]:
    if not isinstance(v, Mapping) or not all(
            isinstance(k, str) and k.strip() and isinstance(x, str) and x.strip() for k, x in v.items()):
        return "must map words to words (text to text)"
    return None



def phrases_check(v: Any) -> Optional[str]:
    if not isinstance(v, (list, tuple)) or not all(isinstance(x, str) and x.strip() for x in v):
        return "must be a list of words or phrases"
    return None



def norm_phrase(text: str) -> str:
    return " ".join(text.lower().split())


def setting_field(default: Any, check: Check, doc: str) -> Any:
    """A dataclass field with its check and one line of documentation."""
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda: type(default)(default), metadata={"check": check, "doc": doc})
    return field(default=default, metadata={"check": check, "doc": doc})


class Section:
    """A frozen dataclass of one stage's settings, checked when built."""

    NAME: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            problem = f.metadata["check"](value)
            if problem:
                raise settings_error(f"{self.NAME}.{f.name}", f"{value!r} {problem}")
            if isinstance(value, list):  # a TOML array: kept as a tuple, so settings stay hashable
                object.__setattr__(self, f.name, tuple(value))

    def updated(self, changes: Mapping[str, Any]) -> "Section":
        """A copy with ``changes`` (setting name -> value) applied and checked."""
        known = {f.name for f in fields(self)}  # type: ignore[arg-type]
        for k in changes:
            if k not in known:
                raise settings_error(f"{self.NAME}.{k}", f"no such setting (the {self.NAME} section has: {', '.join(sorted(known))})")
        return replace(self, **changes)  # type: ignore[type-var]

    def as_dict(self) -> dict[str, Any]:
        out = {}
        for f in fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else dict(v) if isinstance(v, Mapping) else v
        return out
