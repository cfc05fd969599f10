"""Dates and times as board packs write them, parsed to ISO with the raw text kept.

Packs write meeting dates in many shapes ("MONDAY, 27 JULY 2009",
"Friday 24 July 2009", "26 APRIL 2011", "6th April 2011", "Thursday, 13th
February, 2025", "13th-Feb-2025", "17th march 2016", "03/02/2017") and times
as "10.00 a.m.", "2.30pm", "7:30", "14:00". The month, weekday and ordinal
spellings come from :mod:`boardpack.core.vocabulary`.

``find_dates``/``find_times`` scan running text and return every match with
its span and raw text, so callers can record what the paper says beside the
normalised value.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from boardpack.core.vocabulary import MONTH_ANY_RE, MONTHS, ORDINAL_SUFFIX_RE, WEEKDAY_RE

_MONTH = rf"(?P<month>{MONTH_ANY_RE})\.?"
_WEEKDAY = rf"(?:{WEEKDAY_RE}\.?,?\s+)"
_DAY = rf"(?P<day>[0-3]?\d)(?:\s*{ORDINAL_SUFFIX_RE}|er\b)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SEP = r"[\s,.\-/]*"

# "Monday, 27 July 2009", "13th-Feb-2025", "Thursday, 13th February, 2025"
_DMY = re.compile(
    rf"\b{_WEEKDAY}?{_DAY}{_SEP}(?:(?:of|de)\s+)?{_MONTH}{_SEP}(?:de\s+)?{_YEAR}\b", re.I
)
# "July 27, 2009", "Thursday July 27th 2009"
_MDY = re.compile(rf"\b{_WEEKDAY}?{_MONTH}\s+{_DAY}[,.]?\s+{_YEAR}\b", re.I)  # "MAY 16TH. 2022" too
# "27/07/2009", "27.07.09", "15-09-10" (UK order: day first unless the paper is American,
# see :func:`numeric_order`); both separators the same
_NUMERIC = re.compile(r"(?<![\d/.\-])(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)(?![\d/\-]|\.\d)")
# ISO "2009-07-27"
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
# Day and month without a year ("Thursday 23 February"): year supplied by caller.
_DM = re.compile(rf"\b{_WEEKDAY}?{_DAY}{_SEP}(?:(?:of|de)\s+)?{_MONTH}\b(?![\s,.\-/]*(?:de\s+)?(?:19|20)\d\d)", re.I)

# "10.00 a.m.", "2.30pm", "10am", "14:00", "7:30", "9.30 am", "noon"
_TIME = re.compile(
    r"(?<![\d.:/£])(?P<h>[012]?\d)(?:[.:;](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|(?<![\d.:/£])(?P<h24>[012]?\d)[:.](?P<m24>[0-5]\d)(?!\d|[.:/]\d|%|\s*(?:%|per|pence|p\b|million|m\b|k\b))"
    r"|(?<![\d.:/£\w])(?P<hf>[012]?\d)h(?P<mf>[0-5]\d)(?![\w])"
    # "commencing at 1000 hours": the 24-hour clock without a separator, said to be hours, after
    # "at"/"from" (not "gave 1200 hours of their time")
    r"|(?:(?<=\bat )|(?<=\bfrom )|(?<=\buntil ))(?P<hh>[01]\d|2[0-3])(?P<mh>[0-5]\d)\s*(?:hours|hrs)\b"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)


_NOT_A_DAY = re.compile(r"\b(?:quarter|qtr|q|item|items|priority|page|pages|no\.?|number|para|paragraph|section|appendix|line)\s*$", re.I)


@dataclass(frozen=True)
class DateMatch:
    iso: str  # YYYY-MM-DD
    raw: str  # the text as written
    start: int
    end: int


@dataclass(frozen=True)
class TimeMatch:
    hhmm: str  # HH:MM, 24h
    raw: str
    start: int
    end: int


def _mk(year: int, month: int, day: int) -> Optional[str]:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year4(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        n += 2000 if n < 70 else 1900
    return n


def find_dates(text: str, default_year: Optional[int] = None, month_first: bool = False) -> list[DateMatch]:
    """Every full date in ``text``, in order of appearance.

    Day-month dates without a year are returned only when ``default_year`` is given.
    All-numeric dates ("03/09/19") are read day first unless ``month_first``
    (an American paper, see :func:`numeric_order`) or unless only one order
    makes a real date ("4/23/19").
    """
    if not text:
        return []
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, iso: Optional[str]) -> None:
        if iso is None:
            return
        s, e = m.span()
        # "Quarter 4 / January 2011", "Item 3 May 2011": a number that belongs to the word before
        if _NOT_A_DAY.search(text[max(0, s - 12) : s]):
            return
        if any(s < te and e > ts for ts, te in taken):
            return
        taken.append((s, e))
        found.append(DateMatch(iso, text[s:e].strip(), s, e))

    for m in _DMY.finditer(text):
        add(m, _mk(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"])))
    for m in _MDY.finditer(text):
        add(m, _mk(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"])))
    for m in _ISO.finditer(text):
        add(m, _mk(int(m["year"]), int(m["month"]), int(m["day"])))
    for m, iso in _numeric_dates(text, month_first):
        add(m, iso)
    if default_year:
        for m in _DM.finditer(text):
            add(m, _mk(default_year, MONTHS[m["month"].lower()], int(m["day"])))
    found.sort(key=lambda d: d.start)
    return found


def _numeric_dates(text: str, month_first: bool) -> Iterator[tuple[re.Match, Optional[str]]]:
    """All-numeric dates ("03/09/19") with their ISO date (None when no order makes a real
    date), leaving out dotted minute and paragraph numbers that look like dates."""
    # "15.09.4", "15.09.5", "15.09.05": a numbering scheme (minute numbers), not dates
    suffixes: dict[str, set[str]] = {}
    for pm in re.finditer(r"(?<![\d.])(\d{1,2}\.\d{1,2})\.(\d{1,2})(?![\d.]|\.\d)", text):
        suffixes.setdefault(pm.group(1), set()).add(pm.group(2))
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m["a"]), int(m["b"]), _year4(m["year"])
        if m["sep"] == "." and len(m["year"]) == 2 and len(suffixes.get(f"{m['a']}.{m['b']}", ())) >= 2:
            continue
        if m["sep"] == "." and len(m["year"]) == 2 and not (1 <= b <= 12):
            continue  # "3.1.16": a paragraph number, not a date
        if m["sep"] == "." and len(m["year"]) == 2 and not text[: m.start()].split("\n")[-1].strip() \
                and re.match(r"\s+[A-Z][a-z]", text[m.end() :]):
            continue  # "15.09.05 Village Hall Constitution": a minute number opening its heading
        first, second = (_mk(y, a, b), _mk(y, b, a)) if month_first else (_mk(y, b, a), _mk(y, a, b))
        yield m, first or second


# Evidence that a paper is American (numeric dates month first): a US state with a ZIP
# code, dollar amounts, "Month D, YYYY" dates. British evidence: pounds, UK
# postcodes, "D Month YYYY" dates.
_US_EVIDENCE = (
    re.compile(r"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+\d{5}(?:-\d{4})?\b"),
    re.compile(r"\$\s?\d"),
    _MDY,
)
_UK_EVIDENCE = (
    re.compile(r"£\s?\d"),
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"),
    _DMY,
)


def numeric_order(text: str) -> bool:
    """True when ``text`` reads as an American paper, so "4/6/16" is 6 April:
    more US evidence (state + ZIP, "$", "April 6, 2016") than British."""
    us = sum(len(p.findall(text or "")) for p in _US_EVIDENCE)
    uk = sum(len(p.findall(text or "")) for p in _UK_EVIDENCE)
    return us > uk


def parse_date(text: str, default_year: Optional[int] = None) -> Optional[str]:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    ds = find_dates(text or "", default_year=default_year)
    return ds[0].iso if ds else None


def find_times(text: str) -> list[TimeMatch]:
    """Every clock time in ``text`` ("10.00 a.m.", "2.30pm", "14:00"), as HH:MM 24h."""
    out = []
    for m in _TIME.finditer(text or ""):
        if m["noon"]:
            out.append(TimeMatch("12:00", m.group(0), *m.span()))
            continue
        if m["h"] is not None:
            h, mi = int(m["h"]), int(m["m"] or 0)
            ampm = m["ampm"].lower().replace(".", "").replace(" ", "")
            if not 1 <= h <= 12:
                continue
            if ampm == "pm" and h != 12:
                h += 12
            if ampm == "am" and h == 12:
                h = 0
        elif m["hf"] is not None or m["hh"] is not None:  # "16h00", "1000 hours"
            h, mi = (int(m["hf"]), int(m["mf"])) if m["hf"] is not None else (int(m["hh"]), int(m["mh"]))
            if h > 23:
                continue
        else:
            h, mi = int(m["h24"]), int(m["m24"])
            if h > 23:
                continue
        out.append(TimeMatch(f"{h:02d}:{mi:02d}", m.group(0).strip(), *m.span()))
    return out


def parse_time(text: str) -> Optional[str]:
    """The first clock time in ``text`` as ``HH:MM`` (24h), or None."""
    ts = find_times(text)
    return ts[0].hhmm if ts else None
