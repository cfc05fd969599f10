"""What a budget table's words say: which row is a total, what a column measures.

Row labels and column headers are read the same way wherever a budget table
comes from (a ruled table, a text-aligned one, lines of prose): a label is a
total, a subtotal or a balance by its words; a header names the measure
("Original Allocation") with its unit stripped; a wrapped label is joined by
its lower-case or connective turn. Kept apart from the row reading so the
prose reader and the table reader share one vocabulary.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.textnorm import one_line
from boardpack.extractors.numeric_tables import TOTAL_LABEL, TableLayout, strip_markers

_ACTION_REF = re.compile(r"\b\d{1,2}\.\d{1,2}[a-z]?\b")
_DECIMALS = re.compile(r"\.(\d+)")


def related_actions(text: str) -> Optional[str]:
    """"1.1, 1.5" / "Relates to Actions 1.1, 2.2" -> "1.1;1.5" / "1.1;2.2"; None when none."""
    refs = _ACTION_REF.findall(text or "")
    out = []
    for r in refs:
        if r not in out:
            out.append(r)
    return ";".join(out) or None


_OPENING = re.compile(r"\b(brought\s+forward|b/f|b/fwd|opening|start(?:ing)?\s+balance|balance\s+at\s+(?:the\s+)?start|as\s+at\s+1st?\s+april)\b", re.I)
_TOTAL_NEXT = frozenset(
    "funding funds budget budgets allocated allocation allocations allocations spend spending spent expenditure income "
    "available cost costs savings reserves net gross revenue capital for of in to at per grant grants contributions "
    "amount amounts value payments receipts requested approved committed remaining forecast outturn variance "
    # accounts and financial statements: "Total assets", "Totals carried to ...", "Total fund balances"
    "assets liabilities outflows inflows deferred position carried fund balances balance borrowings fixed "
    "current other general governmental primary government activities expenses revenues precept "
    "charges operating services salaries staff".split()
)


#: Summary lines that are totals without the word: the position a monitoring
#: table ends on ("Overall Position", "Directorates Position": the groups above
#: added up) and the net lines of an account ("Net cost of services", "Net outturn", "Net variance").
_SUMMARY_LINE = re.compile(
    r"^(?:(?:overall|final|total|forecast|projected)\s+(?:net\s+|outturn\s+|financial\s+)?|[a-z’']+s[’']?\s+)position$|"
    r"^net\s+(?:costs?|outturn|variance|over\s*spend|under\s*spend|movement)\b",
    re.I,
)


def total_kind(label: str) -> Optional[str]:
    """total | subtotal | balance for a total-looking row label, else None."""
    raw = one_line(label)
    t = raw.lower()
    if not t or not (TOTAL_LABEL.search(t) or _SUMMARY_LINE.search(t)):
        return None
    if _OPENING.search(t):
        return None  # an opening balance is an item the later totals include
    m = re.match(r"(?:grand\s+|overall\s+)?totals?\b[\s:]*(\S*)", t)
    if m and m.group(1) and not raw.isupper():
        # "Total funding available", "Total for 2016/17", "Total spend inc VAT"
        # -- but not "Total Place pilot" (a capitalised name after "Total")
        nxt = re.match(r"(?:grand\s+|overall\s+)?totals?\b[\s:]*(\S*)", raw, re.I).group(1)
        if (m.group(1).strip("(£$€:") and m.group(1).strip("(:") not in _TOTAL_NEXT
                and not m.group(1).startswith(("£", "$", "€", "(")) and not nxt[:1].islower()):
            return None
    if re.match(r"sub[- ]?total", t):
        return "subtotal"
    if re.match(r"(balances?|unallocated|remaining)\b", t) or re.search(r"\bbalances?\s+(remaining|unallocated|carried|c/f)", t):
        return "balance"
    return "total"


_YEAR_ENDING = re.compile(r"^\s*(?:(?:financial\s+)?year\s+end(?:ing|ed)?|period\s+end(?:ing|ed)|as\s+at)\s*:?\s+(?=\d)", re.I)


def measure_name(header: str) -> str:
    h = strip_markers(header)
    h = re.sub(r"\(\s*[£$€]\s*(?:'?000s?|m|k)?\s*\)|[£$€]\s*'?000'?s?|[£$€]m\b|[£$€]k\b|\s[£$€]s?$|^[£$€]s?\s|\s[£$€]\s", " ", h).strip(" -")
    h = re.sub(r"\s{2,}", " ", h)
    # "Year ending 31 March 2025": the column is the date
    h = _YEAR_ENDING.sub("", h)
    if h.count("(") > h.count(")"):
        h = h + ")"
    elif h.startswith("(") and h.endswith(")") and h.count("(") == 1:
        h = h[1:-1]
    h = h.strip()
    if not h or h in ("£", "$", "€"):
        return "Amount"
    return h


#: value columns of a budget table that are not money (scores, counts, rates)
_NOT_MONEY_COL = re.compile(r"\b(likelihood|score|rating|impact|rank(?:ing)?|priority|number|no\.|count|fte|quantity|qty|units?|days|weeks|months|years?|percentage|percent|%|ratio|rate)\b|%", re.I)


def money_cols(lay: TableLayout):
    """The value columns that hold money (all of them unless a header says
    "Likelihood (1-5)", "No.", "%" and the cells carry no pound sign)."""
    return [c for c in lay.value_cols if not (_NOT_MONEY_COL.search(_YEAR_ENDING.sub("", c.header or "")) and not c.n_money)]


def value_measures(lay: TableLayout) -> dict[int, str]:
    """Measure name per value column; unnamed or repeated headers are told apart
    by column number ("Column 3") so no two columns share a measure."""
    cols = money_cols(lay)
    names = {c.index: measure_name(c.header) for c in cols}
    counts: dict[str, int] = {}
    for n in names.values():
        counts[n] = counts.get(n, 0) + 1
    out = {}
    for c in cols:
        n = names[c.index]
        if counts[n] > 1:
            n = f"Column {c.index + 1}" if n == "Amount" else f"{n} (column {c.index + 1})"
        out[c.index] = n
    return out


_SCALE_SUFFIX = {1: "", 1000: "000", 1000000: "m", 1000000000: "bn"}
_CURRENCY = re.compile(r"[£$€]")


def column_unit(lay: TableLayout, col, scale: float, stated: Optional[str] = None) -> Optional[str]:
    """The unit a money column's amounts are printed in, as a reader would write it:
    the currency sign of its header, the table's title or captions, the unit line
    ``stated`` above the table, or its own cells, with the multiplier its header or
    caption states ("£m", "$000", "£"); None when neither a sign nor a multiplier is printed."""
    texts = [col.header or "", lay.title or ""] + list(lay.captions) + [stated or ""]
    texts += [lay.cell(r, col.index) for r in lay.body_rows]
    sign = next((m.group(0) for t in texts for m in [_CURRENCY.search(t or "")] if m), "")
    suffix = _SCALE_SUFFIX.get(int(scale), f"x{int(scale)}")
    if not sign and not suffix:
        return None
    return sign + suffix if sign else {"000": "thousands", "m": "millions", "bn": "billions"}.get(suffix, suffix)


_OWN_SCALE = re.compile(r"\d\s*(?:k|m|mn|bn|million|millions|billion|thousand)\b", re.I)


def cell_scale(raw: str, scale: float) -> float:
    """The multiplier for one cell of a column in ``scale`` units: 1 when the cell
    writes its own ("£1.2m" under an "All figures in £000s" caption is still 1.2 million)."""
    return 1 if scale != 1 and _OWN_SCALE.search(raw or "") else scale


def decimals(raw: str) -> int:
    """Digits after the decimal point of an amount as printed (its rounding unit)."""
    m = _DECIMALS.search(raw or "")
    return len(m.group(1)) if m else 0


#: Words a wrapped label line ends with when the label goes on ("Precept or Rates and" / "Levies").
# ("Restricted for" / "Road and bridge" is a group label over its items, so
# prepositions that head a list are not among them)
_CONNECTIVE_END = re.compile(r"(?:\b(?:and|or|of|plus|less|the)|[&,/+\-–])\s*$", re.I)
#: A form's box number and its arithmetic sign before a label: "4. (-) Staff costs", "7. (=) Balances".
_LEAD_MARKS = re.compile(r"^\s*(?:\d{1,2}[.,]\s+)?(?:\(\s*[-+=x×÷]\s*\)\s*)+|^\s*\d{1,2}[.,]\s+(?=[A-Za-z(])")


def continues_label(first: str, second: str) -> bool:
    """Whether ``second`` is the rest of a row label wrapped after ``first``: it
    opens in lower case ("Balances brought" / "forward") or the first line
    ends on a joining word ("Precept or Rates and" / "Levies")."""
    first, second = one_line(first), one_line(second)
    if not first or not second or len(first) > 80:
        return False
    return second[:1].islower() or bool(_CONNECTIVE_END.search(first))


def clean_label(label: str) -> str:
    """A row label without the box number and the +/-/= sign a statement form
    prints before it ("3. (+) Total other receipts" -> "Total other receipts")."""
    if not label:
        return label
    out = _LEAD_MARKS.sub("", label, count=1).strip()
    out = re.sub(r"\s+[£$€]$", "", out)  # "Total Payments £": the column's unit beside the label
    return out if re.search(r"[A-Za-z]", out) else label
