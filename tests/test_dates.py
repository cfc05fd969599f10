"""boardpack.core.dates: the date and time spellings real packs use."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from boardpack.core.dates import find_dates, find_times, parse_date, parse_time


@pytest.mark.parametrize(
    "text, iso",
    [
        ("MONDAY, 27 JULY 2009", "2009-07-27"),
        ("Friday 24 July 2009", "2009-07-24"),
        ("26 APRIL 2011", "2011-04-26"),
        ("6th April 2011", "2011-04-06"),
        ("13th-Feb-2025", "2025-02-13"),
        ("Thursday, 13th February, 2025 at 9.30 am", "2025-02-13"),
        ("Thursday, 30th January, 2025, at 10.00 am", "2025-01-30"),
        ("on Thursday 17th march 2016 7:30 in the Village Hall", "2016-03-17"),
        ("Minutes of the meeting held on Thursday, 10\nNovember 2016 at 10.00 a.m.", "2016-11-10"),
        ("03/02/2017", "2017-02-03"),
        ("2009-07-27", "2009-07-27"),
        ("July 27, 2009", "2009-07-27"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_raw_text_and_span_are_kept():
    text = "which will be held on MONDAY, 27 JULY 2009 at 10.00 a.m."
    (d,) = find_dates(text)
    assert d.raw == "MONDAY, 27 JULY 2009"
    assert text[d.start : d.end] == d.raw
    (t,) = find_times(text)
    assert (t.hhmm, t.raw) == ("10:00", "10.00 a.m.")


def test_quarter_number_is_not_a_day():
    # "Quarter 4" / "January 2011-March 2011" on a report cover
    assert parse_date("Quarter 4 January 2011-March 2011") is None


def test_invalid_dates_are_rejected():
    assert parse_date("31 February 2011") is None


def test_day_month_needs_a_default_year():
    assert parse_date("Thursday 23 February") is None
    assert parse_date("Thursday 23 February", default_year=2017) == "2017-02-23"


@pytest.mark.parametrize(
    "text, hhmm",
    [
        ("10.00 a.m.", "10:00"),
        ("2.30pm", "14:30"),
        ("14:00", "14:00"),
        ("10am", "10:00"),
        ("12.30 p.m.", "12:30"),
        ("12 noon", "12:00"),
        ("9.30 am", "09:30"),
        ("12 am", "00:00"),
    ],
)
def test_parse_time(text, hhmm):
    assert parse_time(text) == hhmm


@pytest.mark.parametrize("text", ["£2.30", "up 3.5%", "1.1a", "milestone 2.3", "25:61"])
def test_not_times(text):
    assert parse_time(text) is None


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)), st.sampled_from(["%d %B %Y", "%A, %d %B %Y", "%A %d %b %Y", "%d-%b-%Y", "%d/%m/%Y"]), st.booleans())
def test_roundtrip_formats(d, fmt, upper):
    text = d.strftime(fmt)
    if upper:
        text = text.upper()
    assert parse_date(text) == d.isoformat()


@given(st.integers(0, 23), st.integers(0, 59))
def test_roundtrip_times(h, m):
    assert parse_time(f"{h:02d}:{m:02d}") == f"{h:02d}:{m:02d}"
    h12 = h % 12 or 12
    ampm = "am" if h < 12 else "pm"
    assert parse_time(f"{h12}.{m:02d} {ampm}") == f"{h:02d}:{m:02d}"
