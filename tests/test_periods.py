"""Reporting periods (boardpack.core.periods) and status vocabulary (boardpack.core.status)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from boardpack.core.periods import (
    FROM_MEETING_DATE,
    STATED,
    fy_of,
    parse_period,
    period_for_meeting,
    quarter_bounds,
)
from boardpack.core.status import normalise_status, rag_from_fill, stats_awaited, status_from_fill

# -- examples from real packs ------------------------------------------------------

@pytest.mark.parametrize("text, ctx, label, start, end, kind, inferred", [
    ("Q1 2009/10", None, "2009/10 Q1", "2009-04-01", "2009-06-30", "quarter", STATED),
    ("Q1 2009-10", None, "2009/10 Q1", "2009-04-01", "2009-06-30", "quarter", STATED),
    ("Priority Area Quarterly Progress Report: Q1 2009/10", None, "2009/10 Q1", "2009-04-01", "2009-06-30", "quarter", STATED),
    ("Quarter 1 Apr - June 2009", None, "2009/10 Q1", "2009-04-01", "2009-06-30", "quarter", STATED),
    ("Quarter 4\nJanuary 2011-March 2011", None, "2010/11 Q4", "2011-01-01", "2011-03-31", "quarter", STATED),
    ("4th Quarter 2010/11", None, "2010/11 Q4", "2011-01-01", "2011-03-31", "quarter", STATED),
    ("Q1 2011-12", None, "2011/12 Q1", "2011-04-01", "2011-06-30", "quarter", STATED),
    ("Q4 April 2010-March 2011", None, "2010/11 Q4", "2011-01-01", "2011-03-31", "quarter", STATED),
    ("Q4 Update", "2011-04-26", "2010/11 Q4", "2011-01-01", "2011-03-31", "quarter", FROM_MEETING_DATE),
    ("Q1 Progress", date(2009, 7, 27), "2009/10 Q1", "2009-04-01", "2009-06-30", "quarter", FROM_MEETING_DATE),
    ("Q3 Progress", "2010-01-25", "2009/10 Q3", "2009-10-01", "2009-12-31", "quarter", FROM_MEETING_DATE),
    ("Update YTD", "2011-04-26", "2010/11 YTD", "2010-04-01", "2011-03-31", "ytd", FROM_MEETING_DATE),
    ("February 2017 update", None, "Feb 2017", "2017-02-01", "2017-02-28", "month", STATED),
    ("CDRP UPDATE FEBRUARY 2017", None, "Feb 2017", "2017-02-01", "2017-02-28", "month", STATED),
    ("April 2016 to March 2017", None, "2016/17", "2016-04-01", "2017-03-31", "year", STATED),
    ("2016-17", None, "2016/17", "2016-04-01", "2017-03-31", "year", STATED),
    ("2009/2010", None, "2009/10", "2009-04-01", "2010-03-31", "year", STATED),
    ("Action Plan: 2010-2011", None, "2010/11", "2010-04-01", "2011-03-31", "year", STATED),
    ("1 April 2016 - 30 September 2016", None, "2016-04..2016-09", "2016-04-01", "2016-09-30", "range", STATED),
    ("1st January to 31st March 2011", None, "2010/11 Q4", "2011-01-01", "2011-03-31", "quarter", STATED),
    ("July 2011", None, "Jul 2011", "2011-07-01", "2011-07-31", "month", STATED),
    ("Rolling Plan 2009–2012", None, "2009-04..2012-03", "2009-04-01", "2012-03-31", "range", STATED),
])
def test_parse_period_examples(text, ctx, label, start, end, kind, inferred):
    p = parse_period(text, ctx)
    assert p is not None
    assert (p.label, p.start, p.end, p.kind, p.inferred) == (label, start, end, kind, inferred)


def test_month_knows_its_quarter():
    p = parse_period("July 2011")
    assert (p.fy_start_year, p.quarter) == (2011, 2)
    p = parse_period("February 2017 update")
    assert (p.fy_start_year, p.quarter) == (2016, 4)


@pytest.mark.parametrize("text", [None, "", "Key Achievements", "Quarterly Progress",
                                  "Progress (to be updated monthly via T&CG)"])
def test_no_period_without_a_cue(text):
    assert parse_period(text) is None


def test_quarter_without_year_needs_a_date():
    assert parse_period("Q4") is None
    assert parse_period("Q4", "2011-04-26").label == "2010/11 Q4"


def test_period_for_meeting_is_last_completed_quarter():
    assert period_for_meeting("2011-04-26").label == "2010/11 Q4"
    assert period_for_meeting("2009-07-27").label == "2009/10 Q1"
    assert period_for_meeting("2017-02-23").label == "2016/17 Q3"
    assert period_for_meeting(None) is None


# -- properties ------------------------------------------------------------------

years = st.integers(min_value=1995, max_value=2040)
quarters = st.integers(min_value=1, max_value=4)


@given(years, quarters, st.sampled_from(["Q{q} {y}/{yy:02d}", "Q{q} {y}-{yy:02d}", "Quarter {q} {y}/{y1}",
                                          "{y}/{yy:02d} Q{q}", "q{q} {y}-{y1}"]))
def test_stated_quarter_round_trips(y, q, fmt):
    p = parse_period(fmt.format(q=q, y=y, yy=(y + 1) % 100, y1=y + 1))
    assert p is not None and p.kind == "quarter" and p.inferred == STATED
    assert (p.fy_start_year, p.quarter) == (y, q)
    assert parse_period(p.label) == parse_period(p.label)  # deterministic
    again = parse_period(p.label)
    assert (again.label, again.start, again.end) == (p.label, p.start, p.end)


@given(years, quarters)
def test_quarter_bounds_are_three_whole_months_inside_the_year(y, q):
    s, e = quarter_bounds(y, q)
    assert s.day == 1 and (e + timedelta(days=1)).day == 1
    assert fy_of(s) == y and fy_of(e) == y
    months = (e.year - s.year) * 12 + e.month - s.month + 1
    assert months == 3
    if q < 4:
        assert quarter_bounds(y, q + 1)[0] == e + timedelta(days=1)
    else:
        assert quarter_bounds(y + 1, 1)[0] == e + timedelta(days=1)


@given(st.dates(min_value=date(1996, 1, 1), max_value=date(2040, 12, 31)), quarters)
def test_inferred_quarter_is_recent_and_not_far_future(d, q):
    p = parse_period(f"Q{q} Update", d)
    assert p is not None and p.inferred == FROM_MEETING_DATE and p.quarter == q
    end = date.fromisoformat(p.end)
    # the quarter reported on has ended (or ends within ~6 weeks) and is within the last 13 months
    assert end <= d + timedelta(days=45)
    assert end > d - timedelta(days=400)


@given(st.dates(min_value=date(1996, 1, 1), max_value=date(2040, 12, 31)))
def test_meeting_period_ends_before_the_meeting(d):
    p = period_for_meeting(d)
    assert date.fromisoformat(p.end) < d
    assert date.fromisoformat(p.end) >= d - timedelta(days=93)


@given(years, st.integers(min_value=1, max_value=12))
def test_month_year_round_trips(y, m):
    name = date(y, m, 1).strftime("%B")
    p = parse_period(f"{name} {y} update")
    assert p.kind == "month" and p.start == f"{y}-{m:02d}-01"
    assert parse_period(p.label).start == p.start


# -- status -------------------------------------------------------------------------

@pytest.mark.parametrize("text, fill, expected", [
    ("To meet target – on track", None, ("on track", False)),
    ("To meet target – Not on track", None, ("not on track", False)),
    ("To meet target – on track/not on track", None, ("not reported", False)),
    ("To meet target – on track/not on\ntrack", None, ("not reported", False)),
    ("Q1 Progress – Stats awaited\nTo meet target – on track/not on track", None, ("not reported", True)),
    ("Q1 Progress: Stats Awaited", None, ("not reported", True)),
    ("Info distributed during Q1. Exact event figures awaited", None, ("not reported", True)),
    ("Discussions are on going. Response Awaited.", None, ("not reported", True)),
    ("GREEN (a,b,c) Good neighbours stop Rogue Traders", None, ("green", False)),
    ("AMBER Some resourcing issues but keep action on track", None, ("amber", False)),
    ("RED", None, ("red", False)),
    ("ACTION CLOSED Agreed to not hold the conference", None, ("closed", False)),
    ("Complete", None, ("complete", False)),
    ("", None, ("not reported", False)),
    (None, None, ("not reported", False)),
    ("Reduced numbers of referrals", None, ("not reported", False)),
    (None, "#00B050", ("green", False)),
    (None, "#FFC000", ("amber", False)),
    (None, "#FFFF00", ("amber", False)),
    (None, "#FF0000", ("red", False)),
    (None, "#FFFFFF", ("not reported", False)),
    ("Hoarder training delivered", "#92D050", ("green", False)),
])
def test_normalise_status(text, fill, expected):
    assert normalise_status(text, fill) == expected


def test_colour_key_decides_ambiguous_fills():
    key = {"#00b050": "green", "#ffc000": "amber", "#ff0000": "red", "#bfbfbf": "closed"}
    assert status_from_fill("#BFBFBF", key) == "closed"  # grey has no hue: only the key knows it
    assert rag_from_fill("#BFBFBF") is None
    assert status_from_fill("#FFC100", key) == "amber"
    assert status_from_fill("#00B000", key) == "green"


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))
def test_fill_status_is_in_vocabulary(r, g, b):
    st_, sa = normalise_status(None, f"#{r:02x}{g:02x}{b:02x}")
    assert st_ in ("green", "amber", "red", "not reported") and sa is False


def test_stats_awaited_is_specific():
    assert stats_awaited("Stats awaited")
    assert not stats_awaited("Awaited with interest")
    assert not stats_awaited("Q1 Performance report awaited")
