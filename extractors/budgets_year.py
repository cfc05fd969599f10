"""The financial year a budget amount belongs to, and where that was read.

A reader of a budget table finds its year where the paper puts it, nearest
first: the amount's own column ("Budget 2016/17", "Balances at 31 March
2025"); the table's title or caption ("2025-26 Proposed Budget by
Directorate"), or the one year its columns state between them ("2017-18
Budget | Budget remaining"); the paper's heading ("Accounts to year ending
March 2017", "Receipts and Payments for the year ended 31st March 2019"),
or the one year the paper's earlier tables stated; and, when the paper names no year, the year the meeting falls in (or, when
no meeting date is known, the date in the file's name). Years are labelled
as the periods module labels them (a year from April: "2016/17"); a year
that ends in another month is labelled by the two calendar years it spans,
or by the one calendar year when it ends in December.

The source is kept beside the year (``column`` | ``title`` | ``paper`` |
``meeting date`` | ``file name``), so an audit can tell a stated year from
an inferred one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from boardpack.core.dates import find_dates
from boardpack.core.model import HEADING, PARAGRAPH, TABLE, Document, Paper
from boardpack.core.periods import QUARTER, YEAR, YTD, fy_label, fy_of, parse_period
from boardpack.core.textnorm import one_line
from boardpack.core.vocabulary import MONTH_EN_RE, MONTHS_EN
from boardpack.extractors.meeting_cues import date_from_file_name

COLUMN, TITLE, PAPER, MEETING, FILE_NAME = "column", "title", "paper", "meeting date", "file name"

# "year ending March 2017", "year ended 31st March 2019", "for the year ended March 31, 2017"
_YEAR_ENDING = re.compile(
    rf"\byear\s+end(?:ing|ed)?\s*:?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH_EN_RE})\.?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?((?:19|20)\d\d)\b",
    re.I,
)
# "2015/6": a year written with the last digit of the next
_FY_ONE_DIGIT = re.compile(r"(?<![\d/])((?:19|20)\d\d)\s*/\s*(\d)(?![\d/])")
# a column of balances "as at" / "at" a date: the year that date closes
_AS_AT = re.compile(r"^\s*(?:(?:balances?\s+)?(?:as\s+)?at\s+)?", re.I)


def _ending(month: int, year: int) -> str:
    """The label of a financial year ending in ``month`` of ``year``."""
    if month == 12:
        return str(year)
    return fy_label(year - 1)


def stated_year(text: Optional[str]) -> Optional[str]:
    """The financial year a title, caption or column header names, or None."""
    t = one_line(text or "")
    if not t:
        return None
    m = _YEAR_ENDING.search(t)
    if m:
        return _ending(MONTHS_EN[m.group(1).lower().rstrip(".")], int(m.group(2)))
    m = _FY_ONE_DIGIT.search(t)
    if m and (int(m.group(1)) + 1) % 10 == int(m.group(2)):
        return fy_label(int(m.group(1)))
    p = parse_period(t)
    if p is not None and p.kind in (YEAR, QUARTER, YTD) and p.fy_start_year is not None:
        # a quarter or the year to date belongs to the year it is a part of ("Q3 2024-25")
        return fy_label(p.fy_start_year)
    ds = find_dates(_AS_AT.sub("", t))
    if len(ds) == 1 and len(t) <= 40:
        # a column headed by one date ("31 March 2025"): the year that date falls in
        return fy_label(fy_of(date.fromisoformat(ds[0].iso)))
    return None


def paper_year(paper: Paper, doc: Document, limit: int = 12) -> Optional[str]:
    """The year the paper's heading lines state (its title and the short lines at its start)."""
    y = stated_year(paper.title)
    if y:
        return y
    for b in paper.blocks(doc)[:limit]:
        if b.kind == TABLE:
            break
        if b.kind in (HEADING, PARAGRAPH) and len(b.norm or "") <= 160:
            y = stated_year(b.norm)
            if y:
                return y
    return None


def _year_of_date(iso: Optional[str]) -> Optional[str]:
    try:
        return fy_label(fy_of(date.fromisoformat(iso[:10]))) if iso else None
    except ValueError:
        return None


class YearFinder:
    """Financial years of one paper's budget amounts, nearest statement first."""

    def __init__(self, paper: Paper, doc: Document, meeting_date: Optional[str]) -> None:
        self._paper_year = paper_year(paper, doc)
        self._seen: set[str] = set()  # the years the paper's tables stated so far
        self._meeting = (_year_of_date(meeting_date), MEETING)
        if self._meeting[0] is None:
            # the last resort, as for a meeting's date: the date in the file's name
            named = date_from_file_name(doc.path)
            self._meeting = (_year_of_date(named.iso if named else None), FILE_NAME)

    def table_year(self, title: Optional[str], captions: list[str],
                   headers: tuple = ()) -> tuple[Optional[str], Optional[str]]:
        """(year, source) of a table: its title or captions; else the one year its column
        headers state ("2017-18 Budget | Budget remaining": the remaining budget is that
        year's); else the paper's, else the meeting's."""
        for t in [title] + list(captions):
            y = stated_year(t)
            if y:
                self._seen.add(y)
                return y, TITLE
        stated = {stated_year(h) for h in headers} - {None}
        if len(stated) == 1:
            self._seen |= stated
            return next(iter(stated)), COLUMN
        self._seen |= stated
        if self._paper_year:
            return self._paper_year, PAPER
        if len(self._seen) == 1:
            # the paper's earlier tables all state one year ("Summary Table: 2017-18 Budget"
            # above the grant tables of each ward): the paper is that year's
            return next(iter(self._seen)), PAPER
        if self._meeting[0]:
            return self._meeting
        return None, None

    @staticmethod
    def column_year(header: Optional[str], table: tuple[Optional[str], Optional[str]]) -> tuple[Optional[str], Optional[str]]:
        """(year, source) of an amount column: its header's year, else the table's."""
        y = stated_year(header)
        return (y, COLUMN) if y else table
