"""Parse the numbers board packs print: money, plain numbers and percentages.

Packs write amounts as "£1,000", "1000.00", "£15,777", "(28,884)" (brackets =
negative, usually an unallocated remainder), "-£500", "£1.2m", "12k";
percentage changes as "- 12.3%" or "+ 45.6%" (a space between sign and
digits); and non-values as "No Calc", "-", "n/a" or an empty cell. Every
parser returns ``None`` for a non-value instead of guessing, so callers keep
the raw text beside a null. Values are floats computed through
:class:`decimal.Decimal` so "£1.2m" is exactly 1200000.0.

- :func:`parse_money` -- a whole cell/phrase that is an amount in pounds.
- :func:`parse_number` -- a whole cell that is a number (count, rate).
- :func:`parse_percent` -- a whole cell that is a percentage (the % sign optional).
- :func:`parse_value` -- any of those, with the kind it recognised.
- :func:`find_money` -- every "£..." amount inside running text.
- :func:`unit_scale` -- the multiplier a column header implies ("£000s", "£m").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

from boardpack.core.textnorm import one_line

#: cells that mean "no value" (compared case-insensitively, punctuation-trimmed)
NULL_TOKENS = frozenset(
    {
        "", "-", "--", "---", "n/a", "na", "n.a.", "n/k", "nk", "no calc", "no calc.", "nocalc",
        "not calc", "not calculated", "not available", "n/av", "tbc", "tba", "tbd", "unknown",
        "not known", "x", "*", "**", "..", "...", "-%", "#div/0!", "#n/a", "#value!", "#ref!",
        "no data", "none recorded", "awaited", "stats awaited", "not applicable", "?",
    }
)
#: cells that mean zero in a money column
ZERO_TOKENS = frozenset({"nil", "none", "zero", "£nil", "£0", "£-", "£ -", "- £", "£ - ",
                         "$-", "$ -", "- $", "$ - ", "€-", "€ -", "- €", "€ - "})

_SCALE_WORDS = {
    "k": Decimal(1000),
    "K": Decimal(1000),
    "thousand": Decimal(1000),
    "m": Decimal(1000000),
    "M": Decimal(1000000),
    "mn": Decimal(1000000),
    "mil": Decimal(1000000),
    "million": Decimal(1000000),
    "millions": Decimal(1000000),
    "bn": Decimal(1000000000),
    "billion": Decimal(1000000000),
}

# Digits: 1,234,567.89 | 1234.5 | .5 ; commas tolerated anywhere between digits
# because typed amounts are often "15,7777" or "1,00.00".
_DIGITS = r"(?:\d[\d,]*(?:\.\d+)?|\.\d+)"
_SCALE = r"(?:k|K|m|M|mn|mil|million|millions|bn|billion|thousand)"
_SIGN = r"[-+]"
#: Currency signs and codes a cell may carry (pound, dollar, euro).
_CUR = r"(?:£|\$|€|GBP|UKP|USD|EUR|&pound;|&euro;)"

# A whole cell: optional sign, optional brackets, optional currency on either side
# of the sign, digits, optional scale word, optional trailing % / currency words /
# CR/DR markers and footnote asterisks.
_WHOLE = re.compile(
    rf"""^\s*
    (?P<sign1>{_SIGN})?\s*
    (?P<open>\()?\s*
    (?P<cur1>{_CUR})?\s*
    (?P<sign2>{_SIGN})?\s*
    (?P<cur2>{_CUR})?\s*
    (?P<digits>{_DIGITS})
    \s*(?P<scale>{_SCALE})?\.?
    \s*(?P<pct>%|per\s*cent|percent|pc)?
    \s*(?P<pounds>pounds|gbp)?
    \s*(?P<close>\))?
    \s*(?P<crdr>CR|Cr|DR|Dr)?
    \s*(?P<tail>[*†‡¹²³]+|\(\w\)|\[\d+\])?
    \s*(?P<trail_sign>-)?
    \s*$""",
    re.VERBOSE,
)

# Amounts inside running text: a pound sign is required, so "Actions 1.1, 2.2"
# and dates are never read as money.
_IN_TEXT = re.compile(
    rf"""(?P<neg>-\s*)?(?P<open>\()?{_CUR}\s*(?P<digits>{_DIGITS})
    (?:\s*(?P<scale>{_SCALE})\b)?(?P<close>\))?""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class ParsedValue:
    """A parsed cell: ``value`` is None for non-values; ``raw`` is always kept."""

    value: Optional[float]
    raw: str
    kind: str  # "money" | "percent" | "number" | "null" | "text"
    negative_by_brackets: bool = False


_SPLIT_GROUP = re.compile(r"(?<=\d)\s+(?=,\d{3}(?!\d))")
#: "6 8,635": a text layer that spaces a leading digit off the rest of its group
# (joined only when the group stays at most three digits: "68,635")
_SPLIT_LEAD = re.compile(r"^(?P<pre>[-+(£$€\s]*)(?P<a>\d{1,2}) (?P<b>\d{1,2})(?=,\d{3}(?!\d))")


def _join_split_lead(s: str) -> str:
    m = _SPLIT_LEAD.match(s)
    if m and len(m.group("a") + m.group("b")) <= 3:
        return m.group("pre") + m.group("a") + m.group("b") + s[m.end():]
    return s


def _clean(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return repr(text)
    # "2 ,130,861": a text layer that spaces the first digit off its group
    return _join_split_lead(_SPLIT_GROUP.sub("", one_line(str(text))))


def _is_null(s: str) -> bool:
    t = s.strip().strip(".:;").strip().lower()
    # "-" rules and "#####" (a spreadsheet cell too narrow for its number)
    return t in NULL_TOKENS or (bool(t) and (set(t) <= set("-_–— ") or set(t) <= set("#")))


def _digits_to_decimal(d: str) -> Optional[Decimal]:
    d = d.replace(",", "")
    if not d or d == ".":
        return None
    try:
        return Decimal(d)
    except InvalidOperation:
        return None


def _to_float(v: Decimal) -> float:
    f = float(v)
    return 0.0 if f == 0 else f  # no -0.0


def _parse_whole(s: str) -> Optional[tuple[Decimal, re.Match[str]]]:
    """Return (Decimal value, match) for a whole-cell number, or None."""
    m = _WHOLE.match(s)
    if not m:
        return None
    if bool(m.group("open")) != bool(m.group("close")):
        # "(28,884" split across lines is still a bracketed negative; a lone ")" is not.
        if not (m.group("open") and not m.group("close")):
            return None
    v = _digits_to_decimal(m.group("digits"))
    if v is None:
        return None
    scale = m.group("scale")
    if scale:
        v = v * _SCALE_WORDS[scale]
    signs = [m.group("sign1"), m.group("sign2")]
    if "-" in signs:
        v = -v
    if m.group("open") and v > 0:
        v = -v
    if m.group("crdr") and m.group("crdr").upper() == "DR":
        pass  # debit shown as a positive spend in packs; keep the sign written
    if m.group("trail_sign") and v > 0:
        v = -v  # "1,234-" (accounting export)
    return v, m


def parse_value(text: object) -> ParsedValue:
    """Parse a table cell into a number, recognising money, percentages and nulls."""
    raw = "" if text is None else str(text)
    s = _clean(text)
    if _is_null(s):
        return ParsedValue(None, raw, "null")
    if s.lower() in ZERO_TOKENS:
        return ParsedValue(0.0, raw, "money")
    parsed = _parse_whole(s)
    if parsed is None:
        return ParsedValue(None, raw, "text")
    v, m = parsed
    if m.group("pct"):
        kind = "percent"
    elif m.group("cur1") or m.group("cur2") or m.group("pounds") or m.group("crdr"):
        kind = "money"
    else:
        kind = "number"
    return ParsedValue(_to_float(v), raw, kind, bool(m.group("open")))


def parse_money(text: object, scale: float | int = 1) -> Optional[float]:
    """Amount in pounds for a cell such as "£1,000", "1000.00", "(28,884)", "£1.2m".

    The whole text must be an amount (a pound sign is optional); anything
    else, including "No Calc", "-" and percentages, gives ``None``. "Nil"
    gives 0. ``scale`` multiplies the result, for columns headed "£000" or
    "£m" (see :func:`unit_scale`).
    """
    s = _clean(text)
    if _is_null(s):
        return None
    if s.lower() in ZERO_TOKENS:
        return 0.0
    parsed = _parse_whole(s)
    if parsed is None or parsed[1].group("pct"):
        return None
    v = parsed[0]
    if scale != 1:
        v = v * Decimal(str(scale))
    return _to_float(v)


def parse_number(text: object) -> Optional[float]:
    """A count or rate written in a cell: "1,234", "- 12", "(5)", "12k", "3.5".

    A trailing "%" is accepted and ignored (the number is returned as written:
    "12.5%" -> 12.5); a pound sign is accepted too. Non-values give ``None``.
    """
    s = _clean(text)
    if _is_null(s):
        return None
    parsed = _parse_whole(s)
    return None if parsed is None else _to_float(parsed[0])


def parse_percent(text: object) -> Optional[float]:
    """A percentage as a number of percent: "- 12.3%" -> -12.3, "+ 45.6%" -> 45.6.

    The "%" sign is optional ("12.3" -> 12.3); money gives ``None``.
    """
    s = _clean(text)
    if _is_null(s):
        return None
    parsed = _parse_whole(s)
    if parsed is None:
        return None
    v, m = parsed
    if m.group("cur1") or m.group("cur2") or m.group("pounds") or m.group("scale"):
        return None
    return _to_float(v)


def find_money(text: object) -> list[tuple[float, str, tuple[int, int]]]:
    """Every pound amount in running text: [(value, matched text, (start, end))].

    "FUNDING ALLOCATED: £1500 from PCC 15-16" -> [(1500.0, "£1500", (19, 24))].
    Only amounts with a pound sign count.
    """
    s = "" if text is None else str(text)
    out = []
    for m in _IN_TEXT.finditer(s):
        v = _digits_to_decimal(m.group("digits"))
        if v is None:
            continue
        if m.group("scale"):
            v = v * _SCALE_WORDS[m.group("scale")]
        if m.group("neg") or (m.group("open") and m.group("close")):
            v = -v
        out.append((_to_float(v), m.group(0).strip(), m.span()))
    return out


_HEADER_SCALE = [
    (re.compile(r"[£$€]\s*'?0{3}'?s?\b|\b(?:in\s+)?[£$€]?\s*thousands?\b|[£$€]k\b|\(k\)|'000s?", re.I), 1000),
    (re.compile(r"[£$€]\s*m\b|[£$€]\s*mn?\b|\b[£$€]?\s*millions?\b|\([£$€]?m\)|[£$€]000,000", re.I), 1000000),
    (re.compile(r"[£$€]\s*bn\b|\bbillions?\b", re.I), 1000000000),
]


def unit_scale(header: object) -> int:
    """Multiplier implied by a column header or table caption: "£000" / "£'000s" /
    "£k" -> 1000; "£m" / "£ millions" -> 1,000,000; otherwise 1."""
    s = _clean(header)
    for rx, mult in _HEADER_SCALE:
        if rx.search(s):
            return mult
    return 1


def looks_numeric(text: object) -> bool:
    """True when a cell is a number, an amount, a percentage or a null marker."""
    return parse_value(text).kind != "text"


__all__ = [
    "ParsedValue",
    "parse_value",
    "parse_money",
    "parse_number",
    "parse_percent",
    "find_money",
    "unit_scale",
    "looks_numeric",
    "NULL_TOKENS",
]
