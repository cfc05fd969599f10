"""Reporting periods: whatever a paper says ("Q1 2009/10", "Quarter 1 Apr - June
2009", "Q4 Update", "Update YTD", "February 2017 update", "April 2016 to March
2017") turned into one normalised :class:`Period`.

Council reporting years run April to March; Q1 = April-June, Q4 = January-March.
A financial year is named by its first calendar year: 2009/10 starts 1 April 2009.

Labels (stable, used in the ``v_action_updates.period`` column and by the
cross-pack audits):

* quarter: ``"2009/10 Q1"``
* whole financial year: ``"2009/10"``
* month: ``"Feb 2017"`` (``quarter`` is still set to the quarter it falls in; not
  "2017-02", which packs use for the financial year 2017/18 ... and "2011-12" is both)
* year to date: ``"2010/11 YTD"``
* any other span: ``"2009-04..2012-03"`` (kind ``range``)
* one day: ``"2011-07-19"`` (kind ``day``): an action log's meeting or "as of"
  date, when the log names no quarter (:func:`day_period`)

When the text gives no year ("Q4 Update", "Update YTD", "Q1 Progress"), the
year comes from ``context_date`` (the meeting or issue date of the pack) and
``inferred`` says ``"from meeting date"``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional, Union

from boardpack.core.textnorm import one_line
from boardpack.core.vocabulary import MONTH_EN_RE, MONTHS_EN, ORDINAL_SUFFIX_RE, QUARTER_ORDINALS

STATED = "stated"
FROM_MEETING_DATE = "from meeting date"

QUARTER = "quarter"
YEAR = "year"
MONTH = "month"
YTD = "ytd"
RANGE = "range"
DAY = "day"

_MONTH_RE = rf"{MONTH_EN_RE}\.?"


@dataclass(frozen=True)
class Period:
    label: str
    fy_start_year: Optional[int]
    quarter: Optional[int]
    start: Optional[str]  # ISO date
    end: Optional[str]  # ISO date
    kind: str  # quarter | year | month | ytd | range
    inferred: str = STATED  # stated | from meeting date
    raw: str = ""


# -- calendar helpers ------------------------------------------------------

def fy_of(d: date) -> int:
    """Financial year (by its starting calendar year) that contains ``d``."""
    return d.year if d.month >= 4 else d.year - 1


def quarter_of_month(month: int) -> int:
    return ((month - 4) % 12) // 3 + 1


def fy_label(fy: int) -> str:
    return f"{fy}/{(fy + 1) % 100:02d}"


def quarter_bounds(fy: int, q: int) -> tuple[date, date]:
    m0 = 4 + 3 * (q - 1)
    y0 = fy if m0 <= 12 else fy + 1
    m0 = (m0 - 1) % 12 + 1
    m2 = m0 + 2
    return date(y0, m0, 1), date(y0, m2, calendar.monthrange(y0, m2)[1])


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def quarter_period(fy: int, q: int, inferred: str = STATED, raw: str = "") -> Period:
    s, e = quarter_bounds(fy, q)
    return Period(f"{fy_label(fy)} Q{q}", fy, q, s.isoformat(), e.isoformat(), QUARTER, inferred, raw)


def year_period(fy: int, inferred: str = STATED, raw: str = "") -> Period:
    return Period(fy_label(fy), fy, None, date(fy, 4, 1).isoformat(), date(fy + 1, 3, 31).isoformat(), YEAR, inferred, raw)


def month_period(y: int, m: int, inferred: str = STATED, raw: str = "") -> Period:
    d = date(y, m, 1)
    return Period(f"{calendar.month_abbr[m]} {y}", fy_of(d), quarter_of_month(m), d.isoformat(), _month_end(y, m).isoformat(), MONTH, inferred, raw)


def ytd_period(fy: int, end: Optional[date], inferred: str = STATED, raw: str = "") -> Period:
    e = end or date(fy + 1, 3, 31)
    return Period(f"{fy_label(fy)} YTD", fy, None, date(fy, 4, 1).isoformat(), e.isoformat(), YTD, inferred, raw)


def range_period(s: date, e: date, inferred: str = STATED, raw: str = "") -> Period:
    """A span of whole months: snapped to a quarter or a financial year when it is one."""
    if s.day == 1 and e == _month_end(e.year, e.month):
        fy = fy_of(s)
        if s == date(fy, 4, 1) and e == date(fy + 1, 3, 31):
            return year_period(fy, inferred, raw)
        q = quarter_of_month(s.month)
        qs, qe = quarter_bounds(fy, q)
        if (s, e) == (qs, qe):
            return quarter_period(fy, q, inferred, raw)
        if (s.year, s.month) == (e.year, e.month):
            return month_period(s.year, s.month, inferred, raw)
    same_fy = fy_of(s) if fy_of(s) == fy_of(e) else None
    return Period(f"{s.year}-{s.month:02d}..{e.year}-{e.month:02d}", same_fy, None, s.isoformat(), e.isoformat(), RANGE, inferred, raw)


def _as_date(d: Union[date, str, None]) -> Optional[date]:
    if d is None or isinstance(d, date):
        return d
    try:
        return date.fromisoformat(str(d)[:10])
    except ValueError:
        return None


def _year4(y: str) -> int:
    n = int(y)
    return n if n >= 100 else 2000 + n if n < 70 else 1900 + n


# -- patterns --------------------------------------------------------------

# "2009/10", "2009-10", "2009/2010", "FY2009/10", "2009 - 10"; second part must be the next year.
_FY = re.compile(r"(?<!\d)(?:fy\s*)?((?:19|20)\d\d)\s*[/-]\s*(\d{2}|\d{4})(?!\d)", re.I)
# Short form "09/10", "15-16" (used for funding years), next year only.
_FY_SHORT = re.compile(r"(?<![\d/.£])(\d{2})\s*[/-]\s*(\d{2})(?![\d/])")
_QUARTER = re.compile(
    rf"\b(?:q(?:tr|uarter)?\s*\.?\s*([1-4])\b|quarter\s+([1-4])\b|({'|'.join(QUARTER_ORDINALS)})\s+quarter\b)",
    re.I,
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\s*,?\s*((?:19|20)\d\d)\b", re.I)
_MONTH_ONLY = re.compile(rf"\b({_MONTH_RE})(?![a-z])", re.I)
_DAY = rf"(?:\d{{1,2}}{ORDINAL_SUFFIX_RE}?\s+)?"
_MONTH_RANGE = re.compile(
    rf"\b{_DAY}({_MONTH_RE})\s*,?\s*((?:19|20)\d\d)?\s*(?:-|to|until|till)\s*{_DAY}({_MONTH_RE})\s*,?\s*((?:19|20)\d\d)?\b",
    re.I,
)
_YTD = re.compile(r"\b(?:ytd|year\s*to\s*date|cumulative)\b", re.I)
_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|/|to)\s*((?:19|20)\d\d)(?!\d)")
_YEAR = re.compile(r"(?<![\d£,.])((?:19|20)\d\d)(?![\d,])")


def _month_num(name: str) -> int:
    return MONTHS_EN[name.strip(".").lower()]


def _find_fy(t: str) -> Optional[tuple[int, re.Match]]:
    for m in _FY.finditer(t):
        a, b = int(m.group(1)), m.group(2)
        nb = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if len(b) == 2 and nb < a:
            nb += 100
        if nb == a + 1:
            return a, m
    return None


def _find_fy_short(t: str) -> Optional[int]:
    for m in _FY_SHORT.finditer(t):
        a, b = int(m.group(1)), int(m.group(2))
        if (a + 1) % 100 == b:
            return _year4(m.group(1))
    return None


def _find_quarter(t: str) -> Optional[int]:
    m = _QUARTER.search(t)
    if not m:
        return None
    if m.group(1) or m.group(2):
        return int(m.group(1) or m.group(2))
    return QUARTER_ORDINALS[m.group(3).lower()]


def _quarter_from_context(q: int, ctx: date) -> int:
    """Financial year of the latest Qq ending no later than ~6 weeks after ``ctx``
    (a pack reports on the quarter just finished, sometimes the one in progress)."""
    limit = ctx + timedelta(days=45)
    for fy in (fy_of(ctx) + 1, fy_of(ctx), fy_of(ctx) - 1, fy_of(ctx) - 2):
        if quarter_bounds(fy, q)[1] <= limit:
            return fy
    return fy_of(ctx) - 2


def _month_from_context(m: int, ctx: date) -> int:
    """Calendar year of the latest month ``m`` starting no later than ~6 weeks after ``ctx``."""
    limit = ctx + timedelta(days=45)
    for y in (ctx.year + 1, ctx.year, ctx.year - 1):
        if date(y, m, 1) <= limit:
            return y
    return ctx.year - 1


def parse_period(text: Optional[str], context_date: Union[date, str, None] = None) -> Optional[Period]:
    """Return the reporting period ``text`` names, or None when it names none.

    ``context_date`` (the pack's meeting or issue date, ``date`` or ISO string)
    supplies the year when the text gives only a quarter or "YTD".
    """
    if not text:
        return None
    raw = text
    t = " ".join(str(text).replace("\u2013", "-").replace("\u2014", "-").split())
    ctx = _as_date(context_date)

    # Already-normalised labels round-trip.
    m = re.fullmatch(r"((?:19|20)\d\d)/(\d\d) Q([1-4])", t)
    if m:
        return quarter_period(int(m.group(1)), int(m.group(3)), raw=raw)
    m = re.fullmatch(r"((?:19|20)\d\d)/(\d\d) YTD", t)
    if m:
        return ytd_period(int(m.group(1)), None, raw=raw)

    q = _find_quarter(t)
    fy_m = _find_fy(t)
    fy = fy_m[0] if fy_m else None
    rest = t if not fy_m else t[: fy_m[1].start()] + " " + t[fy_m[1].end():]
    span = _month_span(rest, fy)
    if q is not None:
        return _quarter_named(q, (fy, span), rest, ctx, raw)
    if _YTD.search(t):
        if fy is not None:
            return ytd_period(fy, None, raw=raw)
        if ctx is not None:
            return _ytd_at_meeting(ctx, raw)
        return None
    if span is not None:
        return range_period(span[0], span[1], raw=raw)
    if fy is not None:
        return year_period(fy, raw=raw)
    return _period_without_quarter(t, ctx, raw)


def _month_span(rest: str, fy: Optional[int]) -> Optional[tuple[date, date]]:
    """A month range: "Apr - June 2009", "January 2011-March 2011", "April 2016 to March 2017"."""
    mr = _MONTH_RANGE.search(rest)
    if not mr:
        return None
    m1, y1, m2, y2 = _month_num(mr.group(1)), mr.group(2), _month_num(mr.group(3)), mr.group(4)
    y1n = int(y1) if y1 else None
    y2n = int(y2) if y2 else None
    if y1n is None and y2n is not None:
        y1n = y2n if m1 <= m2 else y2n - 1
    if y2n is None and y1n is not None:
        y2n = y1n if m2 >= m1 else y1n + 1
    if y1n is None and fy is not None:
        y1n = fy if m1 >= 4 else fy + 1
        y2n = fy if m2 >= 4 else fy + 1
    if y1n is not None and y2n is not None and (y2n, m2) >= (y1n, m1):
        return date(y1n, m1, 1), _month_end(y2n, m2)
    return None


def _quarter_named(q: int, found: tuple[Optional[int], Optional[tuple[date, date]]], rest: str,
                   ctx: Optional[date], raw: str) -> Optional[Period]:
    """Quarter ``q`` of the year the text names (``found``: its financial year and month
    span), else of the meeting's year; None without either."""
    fy, span = found
    if fy is not None:
        return quarter_period(fy, q, raw=raw)
    if span is not None:
        return quarter_period(fy_of(span[1]), q, raw=raw)
    fys = _find_fy_short(rest)
    if fys is not None:
        return quarter_period(fys, q, raw=raw)
    ys = _YEAR_SPAN.search(rest)
    if ys and int(ys.group(2)) == int(ys.group(1)) + 1:
        return quarter_period(int(ys.group(1)), q, raw=raw)
    my = _MONTH_YEAR.search(rest)
    if my:
        return quarter_period(fy_of(date(int(my.group(2)), _month_num(my.group(1)), 1)), q, raw=raw)
    y = _YEAR.search(rest)
    if y:
        # "Q1 2011": councils name quarters by financial year; take the FY starting that year.
        return quarter_period(int(y.group(1)), q, raw=raw)
    if ctx is not None:
        return quarter_period(_quarter_from_context(q, ctx), q, FROM_MEETING_DATE, raw)
    return None


def _period_without_quarter(t: str, ctx: Optional[date], raw: str) -> Optional[Period]:
    """A year span, a month and year, a short financial year, or a month of the meeting's year."""
    ys = _YEAR_SPAN.search(t)
    if ys:
        a, b = int(ys.group(1)), int(ys.group(2))
        if b == a + 1:
            return year_period(a, raw=raw)
        if b > a:
            return range_period(date(a, 4, 1), date(b, 3, 31), raw=raw)
    my = _MONTH_YEAR.search(t)
    if my:
        return month_period(int(my.group(2)), _month_num(my.group(1)), raw=raw)
    fys = _find_fy_short(t)
    if fys is not None and re.search(r"\b(fy|year|funding|budget|from|plan)\b", t, re.I):
        return year_period(fys, raw=raw)
    if ctx is not None and re.search(r"\b(update|progress|report)\b", t, re.I):
        mo = _MONTH_ONLY.search(t)
        if mo and not re.fullmatch(r"may", mo.group(1), re.I):
            mn = _month_num(mo.group(1))
            return month_period(_month_from_context(mn, ctx), mn, FROM_MEETING_DATE, raw)
    return None


def day_period(d: Union[date, str, None], inferred: str = STATED, raw: str = "") -> Optional[Period]:
    """The one day an action log reports as of (its meeting or "as of" date):
    label ``2011-07-19``, with the financial year and quarter it falls in."""
    dd = _as_date(d)
    if dd is None:
        return None
    iso = dd.isoformat()
    return Period(iso, fy_of(dd), quarter_of_month(dd.month), iso, iso, DAY, inferred, raw or iso)


def _ytd_at_meeting(ctx: date, raw: str) -> Period:
    """Year to date as at the last quarter completed before the meeting on ``ctx``."""
    last = period_for_meeting(ctx)
    assert last is not None and last.fy_start_year is not None and last.end is not None  # ctx is a date
    return ytd_period(last.fy_start_year, date.fromisoformat(last.end), FROM_MEETING_DATE, raw)


def period_for_meeting(context_date: Union[date, str, None]) -> Optional[Period]:
    """The quarter a pack dated ``context_date`` most likely reports on: the last
    quarter that ended before the meeting."""
    ctx = _as_date(context_date)
    if ctx is None:
        return None
    s, _ = quarter_bounds(fy_of(ctx), quarter_of_month(ctx.month))
    d = s - timedelta(days=1)
    return quarter_period(fy_of(d), quarter_of_month(d.month), FROM_MEETING_DATE, "")


# -- a period as written, in a table header -----------------------------------
# :func:`parse_period` says which period a text means; a table header also
# needs where the period stands in it and how it is written, so that the rest
# of the header ("Apr-Jun 2009 Actual") is the measure.

_H_YEAR = r"(?:19|20)\d\d"
_H_FY = rf"(?:{_H_YEAR}\s*[/\-]\s*(?:{_H_YEAR}|\d\d)|\d\d\s*/\s*\d\d|\d\d\s*-\s*\d\d)"
_H_MONTH = MONTH_EN_RE
_HEADER_PERIOD = re.compile(
    rf"""(
      (?:q(?:uarter)?\s*[1-4](?:\s*(?:of\s+)?{_H_FY}|\s+{_H_YEAR})?)          # Q1, Q1 2009/10, Quarter 1
     |(?:{_H_FY}\s*q[1-4])                                               # 2009/10 Q1
     |(?:{_H_MONTH}\.?\s*(?:'?\d\d|{_H_YEAR})?\s*(?:-|to|–)\s*{_H_MONTH}\.?\s*(?:'?\d\d\b|{_H_YEAR})?)   # Apr-Jun 2009, Apr 09 - Jun 09
     |(?:{_H_MONTH}\.?[\s\-]*(?:{_H_YEAR}|'?\d\d\b))                       # Jan-09, January 2010
     |(?:{_H_FY})                                                        # 2008/09, 2009-10, 20-21
     |(?:(?:cumulative\s+)?ytd|year\s+to\s+date)
     |(?:\b{_H_YEAR}\b)
    )""",
    re.I | re.X,
)
_BARE_MONTH = re.compile(rf"^\s*{_H_MONTH}\.?\s*$", re.I)


def find_period(text: str) -> Optional[str]:
    """The period a header names ("2008/09", "Apr-Jun 2009", "Q1 2009/10", a bare
    month "Apr" when it is the whole header), as written, or None."""
    if _BARE_MONTH.match(text or ""):
        return one_line(text).rstrip(".")
    m = _HEADER_PERIOD.search(text or "")
    if not m:
        return None
    p = one_line(m.group(1)).strip(" -")
    return p or None


def is_period_header(text: str) -> bool:
    """The header is (mostly) a period: "2008/09", "Apr-Jun 2009", "Q1", "2024-25 Budget"."""
    t = one_line(text)
    p = find_period(t)
    if not p:
        return False
    rest = t.replace(p, " ")
    return len(re.sub(r"[^A-Za-z]", "", rest)) <= 20
