"""boardpack.core.vocabulary: each word list is read by the parsers built on it.

The lists were copied into eight modules and had drifted; these tests hold
that every spelling here reaches the date parser, the period parser, the
table-header period finder and the bullet strippers.
"""

import calendar

import pytest

from boardpack.core import vocabulary as v
from boardpack.core.dates import find_dates, parse_date
from boardpack.core.identity import plan_key
from boardpack.core.names import HONOURS, NOT_NAME_WORDS, parse_person
from boardpack.core.periods import find_period, is_period_header, parse_period
from boardpack.core.textnorm import join_lines, one_line, strip_bullet
from boardpack.extractors.attendance import split_names
from boardpack.extractors.report_context import join_lines as report_join_lines

EN_SPELLINGS = sorted(v.MONTHS_EN.items())


def test_month_lists_agree():
    assert v.MONTH_FULL_NAMES == tuple(calendar.month_name[m].lower() for m in range(1, 13))
    assert v.MONTH_STEMS == tuple(calendar.month_abbr[m].lower() for m in range(1, 13))
    assert set(v.MONTHS_EN.values()) == set(range(1, 13))
    for names in v.MONTH_NAMES.values():
        assert set(names.values()) <= set(range(1, 13))


@pytest.mark.parametrize("word, month", [("Sept.", 9), ("février", 2), ("MAY", 5), ("marzo", 3), ("Mayor", None)])
def test_month_number(word, month):
    assert v.month_number(word) == month


@pytest.mark.parametrize("spelling, month", sorted((k, n) for names in v.MONTH_NAMES.values() for k, n in names.items()))
def test_every_month_spelling_parses_as_a_date(spelling, month):
    for text in (f"14 {spelling} 2011", f"14th {spelling.upper()}, 2011", f"Thursday 14 {spelling.title()} 2011"):
        assert parse_date(text) == f"2011-{month:02d}-14", text


@pytest.mark.parametrize("spelling, month", EN_SPELLINGS)
def test_every_english_month_spelling_parses_month_first(spelling, month):
    assert parse_date(f"{spelling.title()} 14, 2011") == f"2011-{month:02d}-14"


@pytest.mark.parametrize("spelling, month", EN_SPELLINGS)
def test_every_english_month_spelling_names_a_period(spelling, month):
    p = parse_period(f"{spelling.title()} 2011 update")
    assert (p.kind, p.start) == ("month", f"2011-{month:02d}-01")
    # a range of months, and the month alone once the meeting date gives the year
    assert parse_period(f"{spelling} 2011 to {spelling} 2012").start == f"2011-{month:02d}-01"
    if spelling != "may":  # "may" alone is a verb, not a month (parse_period says so)
        assert parse_period(f"{spelling} progress", "2011-07-19").kind == "month"


@pytest.mark.parametrize("spelling, month", EN_SPELLINGS)
def test_every_english_month_spelling_is_a_header_period(spelling, month):
    assert find_period(f"{spelling.title()} 2011") == f"{spelling.title()} 2011"
    assert find_period(spelling.title()) == spelling.title()
    assert is_period_header(f"{spelling.title()}-{(spelling if month == 12 else v.MONTH_STEMS[month])} 2011")


@pytest.mark.parametrize("ordinal, q", sorted(v.QUARTER_ORDINALS.items()))
def test_quarter_ordinals(ordinal, q):
    assert parse_period(f"{ordinal} quarter 2010/11").label == f"2010/11 Q{q}"


@pytest.mark.parametrize("weekday", v.WEEKDAY_NAMES + v.WEEKDAY_ABBREVIATIONS)
def test_every_weekday_spelling_is_read_before_a_date(weekday):
    (d,) = find_dates(f"held on {weekday.title()}, 3rd March 2011 at 7pm")
    assert d.iso == "2011-03-03"
    assert d.raw.lower().startswith(weekday)


@pytest.mark.parametrize("suffix", ["st", "nd", "rd", "th"])
def test_ordinal_suffixes(suffix):
    assert parse_date(f"2{suffix} May 2016") == "2016-05-02"


def test_month_and_weekday_words_are_not_names():
    for word in v.MONTH_FULL_NAMES + v.WEEKDAY_NAMES:
        assert word in NOT_NAME_WORDS


def test_month_words_leave_a_plan_key():
    # any word from a month stem is a period word, "may" only alone
    assert plan_key("Community Safety Plan September 2011 update") == "community safety plan 2011"
    assert plan_key("Sept plan") == plan_key("Plan")
    assert plan_key("Mayor's Plan") == plan_key("Mayor's Plan May")


# Bullets: one glyph from each of the three old copies (textnorm's set, its
# regex, the report context's regex) and the PDF reader's additions.
@pytest.mark.parametrize("glyph", ["\u2022", "\u25aa", "\uf0b7", "\u2192", "\u27a2", "\u00a7", "\uf0fc"])
def test_a_bullet_glyph_is_stripped(glyph):
    assert strip_bullet(f"{glyph} Review the plan") == ("Review the plan", True)
    assert strip_bullet(f"{glyph}Review the plan") == ("Review the plan", True)
    assert report_join_lines(f"{glyph} Review the\n{glyph} plan") == "Review the plan"


@pytest.mark.parametrize("mark", list(v.BULLET_MARKS))
def test_a_text_mark_is_a_bullet_only_before_a_space(mark):
    assert strip_bullet(f"{mark} item") == ("item", True)
    assert strip_bullet(f"{mark}item")[1] is False
    # the report extractors keep "-", "*", "o" as text
    assert report_join_lines(f"{mark} item") == f"{mark} item"


def test_every_bullet_char_is_in_the_union():
    assert set(v.BULLET_CHARS) == set(v.BULLET_GLYPHS) | set(v.BULLET_MARKS) | set(v.BULLET_DASHES)
    assert len(v.BULLET_CHARS) == len(set(v.BULLET_CHARS))


def test_an_en_dash_is_a_bullet_in_a_pdf_only():
    from boardpack.ingest.pdf_blocks import _BULLETS

    assert set(v.BULLET_CHARS) == _BULLETS
    # a Word paragraph that opens with a dash keeps it
    assert strip_bullet("\u2013 34% local participation") == ("\u2013 34% local participation", False)


# one_line and join_lines: one function each, the difference a parameter.
def test_one_line_normalises_unless_as_written():
    assert one_line("Lead \u2013 \u201cTeam\u201d\n  A") == 'Lead - "Team" A'
    assert one_line("Lead \u2013 \u201cTeam\u201d\n  A", as_written=True) == "Lead \u2013 \u201cTeam\u201d A"
    assert one_line(None) == one_line(None, as_written=True) == ""


@pytest.mark.parametrize(
    "lines, prose, joined",
    [
        (["Barrington-", "King"], False, "Barrington-King"),
        (["anti-", "social"], True, "anti-social"),
        (["13-", "19"], True, "13-19"),
        (["Item 13-", "19 May"], False, "Item 13- 19 May"),
        (["Smith -", "Jones"], False, "Smith - Jones"),
        (["", "  a  b ", "", "c"], False, "a  b c"),  # a title keeps its inner spacing
        (["", "  a  b ", "", "c"], True, "a b c"),
        (["\u2022 first", "\u2022 second"], False, "\u2022 first \u2022 second"),
        (["\u2022 first", "\u2022 second"], True, "first second"),
    ],
)
def test_join_lines(lines, prose, joined):
    assert join_lines(lines, prose=prose) == joined
    assert join_lines("\n".join(lines), prose=prose) == joined


# Honours: one list (core.names.HONOURS) for the name parser and the attendance reader.
@pytest.mark.parametrize("honour", sorted(h.upper() for h in HONOURS if h.isalpha()))
def test_every_honour_is_read_by_both_name_readers(honour):
    assert parse_person(f"Mr R C Love, {honour}").honours == [honour]
    assert split_names(f"Mr R C Love, {honour} and Ms L Wright") == [f"Mr R C Love, {honour}", "Ms L Wright"]
