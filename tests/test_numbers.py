"""boardpack.core.numbers: money, numbers and percentages as packs print them."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.numbers import (
    find_money,
    looks_numeric,
    parse_money,
    parse_number,
    parse_percent,
    parse_value,
    unit_scale,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("£1,000", 1000.0),
        ("1000.00", 1000.0),
        ("£15,777", 15777.0),
        ("(28,884)", -28884.0),
        ("(£9,876)", -9876.0),
        ("-£500", -500.0),
        ("£-500", -500.0),
        ("\u2212\u00a3500", -500.0),  # Unicode minus, pound
        ("£ 7,277.50", 7277.5),
        ("£1.2m", 1200000.0),
        ("£1.2 million", 1200000.0),
        ("12k", 12000.0),
        ("£2bn", 2e9),
        ("Nil", 0.0),
        ("£1,000*", 1000.0),
        ("1,234-", -1234.0),
    ],
)
def test_parse_money(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["No Calc", "-", "", None, "n/a", "N/A", "TBC", "abc", "1.1, 2.2", "2009/10", "12%", "Relates to Actions 1.1"])
def test_parse_money_non_values(text):
    assert parse_money(text) is None


def test_parse_money_scale():
    assert parse_money("1,234.5", scale=unit_scale("£000")) == 1234500.0
    assert parse_money("3.2", scale=unit_scale("Budget £m")) == 3200000.0


@pytest.mark.parametrize(
    "text,expected",
    [("- 12.3%", -12.3), ("+ 45.6%", 45.6), ("12.5%", 12.5), ("0%", 0.0), ("(3.0%)", -3.0), ("7", 7.0), ("50 per cent", 50.0)],
)
def test_parse_percent(text, expected):
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["No Calc", "-", "", "£5", "n/a"])
def test_parse_percent_non_values(text):
    assert parse_percent(text) is None


@pytest.mark.parametrize("text,expected", [("59", 59.0), ("1,234", 1234.0), ("- 12", -12.0), ("(5)", -5.0), ("3.5", 3.5), ("12.5%", 12.5)])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_parse_value_kinds_and_raw_kept():
    v = parse_value("No Calc")
    assert v.value is None and v.kind == "null" and v.raw == "No Calc"
    assert parse_value("£5").kind == "money"
    assert parse_value("+ 45.6%").kind == "percent"
    assert parse_value("(28,884)").negative_by_brackets
    assert parse_value("Burglary").kind == "text"
    assert looks_numeric("-") and looks_numeric("£1,000") and not looks_numeric("Total")


def test_find_money_in_text():
    found = find_money("FUNDING ALLOCATED: £1500 from PCC 15-16; re-allocate £1,000 and (£200)")
    assert [v for v, _, _ in found] == [1500.0, 1000.0, -200.0]
    assert find_money("Relates to Actions 1.1, 2.2 in 2009/10") == []


def test_unit_scale():
    assert unit_scale("£000s") == 1000
    assert unit_scale("£'000") == 1000
    assert unit_scale("£m") == 1000000
    assert unit_scale("Amount") == 1


# -- properties ---------------------------------------------------------------

amounts = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False)


def _with_commas(d: Decimal) -> str:
    return f"{abs(d):,.2f}"


@given(amounts)
def test_money_round_trips_through_pound_and_commas(d):
    body = "£" + _with_commas(d)
    text = ("-" + body) if d < 0 else body
    assert parse_money(text) == pytest.approx(float(d), abs=0.005)


@given(amounts)
def test_money_brackets_are_negative(d):
    text = "(" + _with_commas(d) + ")"
    assert parse_money(text) == pytest.approx(-abs(float(d)), abs=0.005)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_number_round_trips(n):
    assert parse_number(f"{n:,}") == float(n)
    assert parse_number(str(n)) == float(n)


@given(st.text(max_size=30))
def test_parsers_never_raise(s):
    for f in (parse_money, parse_number, parse_percent):
        v = f(s)
        assert v is None or isinstance(v, float)
    assert parse_value(s).raw == s


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=20))
def test_words_are_not_numbers(s):
    if s.lower() in {"nil", "none", "zero"}:
        assert parse_money(s) == 0.0
    else:
        assert parse_money(s) is None
        assert parse_number(s) is None


@given(st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=1, allow_nan=False, allow_infinity=False))
def test_signed_percent_with_space_round_trips(d):
    text = f"{'-' if d < 0 else '+'} {abs(d)}%"
    assert parse_percent(text) == pytest.approx(float(d))
    assert parse_money(text) is None  # a percentage is never an amount


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999"), places=1, allow_nan=False, allow_infinity=False),
       st.sampled_from([("m", 10**6), ("k", 10**3), ("bn", 10**9)]))
def test_scaled_money(d, suffix):
    word, mult = suffix
    assert parse_money(f"£{d}{word}") == pytest.approx(float(d) * mult)


def test_dollar_and_euro_amounts_and_hash_overflow_cells():
    from boardpack.core.numbers import parse_money, parse_value, unit_scale

    assert parse_value("$1,450,852").kind == "money" and parse_money("$1,450,852") == 1450852.0
    assert parse_money("($23,268)") == -23268.0
    assert parse_money("€ 12.50") == 12.5
    assert parse_value("#####").kind == "null"   # spreadsheet cell too narrow for its number
    assert unit_scale("$000s") == 1000 and unit_scale("€m") == 1000000


def test_first_digit_spaced_off_its_thousands_group():
    from boardpack.core.numbers import parse_money

    assert parse_money("2 ,130,861") == 2130861.0
    assert parse_money("$ 1 ,450,852") == 1450852.0
    assert parse_money("12 345") is None  # two numbers, not one
