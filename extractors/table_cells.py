"""Reading one cell of a numeric table: its kind (number, money, percent,
null, text), units rows ("£000s"), section numbers and markers on labels,
and cells that hold several labelled amounts or an amount with a note.

Apart from the table layout (:mod:`boardpack.extractors.table_layout`) because
these read a single cell's text, whatever table it sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from boardpack.core.numbers import parse_value
from boardpack.core.textnorm import one_line

#: money words (compared on lower-case one-line text): the layout reads a
#: column of them as labels, the verdict scores a budget by them
BUDGET_WORDS = re.compile(
    r"\b(budget\w*|allocat\w*|fund(?:s|ing|ed)?|cost\w*|spend\w*|spent|expenditure|income|amount|forecast\w*|"
    r"variance|outturn|balances?|grants?|precept|reserves?|cash\s+limit|receipts?|payments?|estimates?|assets|liabilities|borrowings|"
    r"contributions?|savings?|revenue|capital|virement|underspend|overspend|invoice\w*|finance|financial|"
    r"accounts?|pooled|match\s+funding|vat|net|gross|invoices?|paid|payee|expenses?|precept)\b|[£$€]",
    re.I,
)

#: a row label that totals the rows above (or states a balance)
TOTAL_LABEL = re.compile(
    r"^(?:grand\s+)?totals?\b|\btotals?\s*(?:[:£(].*)?$|^sub[- ]?totals?\b|\btotal\s+(?:funding|budget|allocat\w*|spend|expenditure|income|available|allocated|costs?)\b|"
    r"funding\s+available|^balances?\b|\bbalances?\s+(?:remaining|available|unallocated|carried|c/f|b/f)|^unallocated\b|"
    r"^remaining\b|^net\s+(?:total|position|budget|spend|expenditure|surplus|deficit|(?:current\s+)?assets|liabilities|change)\b|^overall\s+total",
    re.I,
)

YEAR = r"(?:19|20)\d\d"
YEAR_ONLY = re.compile(rf"^\s*{YEAR}\s*$")


SECTION_NO = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+(?=\S)")


def strip_section_number(text: str) -> str:
    """A caption without its paragraph number: "5.1. The number of ..." -> "The number of ..."."""
    return SECTION_NO.sub("", text or "", count=1)


def strip_markers(text: str) -> str:
    """Header/label without footnote asterisks and trailing colons."""
    return one_line(text).rstrip("*:†‡ ").strip()


def is_year(text: str) -> bool:
    return bool(YEAR_ONLY.match(text or ""))


@lru_cache(maxsize=8192)
def value_kind(text: str) -> str:
    """number | money | percent | null | text | empty for one cell."""
    t = one_line(text)
    if not t:
        return "empty"
    return parse_value(t).kind


_UNIT_CELL = re.compile(r"^\(?[£$€]\s*(?:'?000'?s?|m|k|bn)?\)?(?:\s+[A-Za-z]+)?$|^[A-Za-z]+\s+\(?[£$€]\s*(?:'?000'?s?|m|k)?\)?$")


def units_row(cells: list[str]) -> bool:
    """A header row of currency units under the period row ("£ | £ | £")."""
    ne = [c.strip() for c in cells if c.strip()]
    return bool(ne) and all(_UNIT_CELL.match(c) for c in ne)


def short_words_row(cells: list[str]) -> bool:
    """A row of a few header words and no numbers ("Budget | Expenditure | Variance")."""
    ne = [c.strip() for c in cells if c.strip()]
    return len(ne) >= 2 and all(len(c.split()) <= 3 and not re.search(r"\d", c) for c in ne)


def currency_header(header: str) -> bool:
    """A column header naming a currency ("£", "2018 $ Budget", "Amount (€)")."""
    return bool(re.search(r"[£$€]|\b(?:gbp|usd|eur|dollars?|euros?|pounds?)\b", header or "", re.I))


# -- amounts inside a cell -------------------------------------------------------

_CELL_AMOUNT = r"\(?-?\s*[£$€]\s*\d[\d,]*(?:\.\d+)?\)?"
_CELL_BARE = r"\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d+\.\d\d"
_LABELLED = re.compile(
    rf"^(?:(?P<label>[^£$€=]*?[A-Za-z][^£$€=]*?)\s*(?:[-–:=]+|\s)\s*|(?P<eq>=)\s*)?(?P<amt>{_CELL_AMOUNT}|{_CELL_BARE})\s*$")
_LABEL_ONLY = re.compile(r"^[^£$€\d=]*[A-Za-z][^£$€\d=]*?\s*[-–:=]?\s*$")
_AMOUNT_NOTE = re.compile(rf"^(?P<amt>{_CELL_AMOUNT}|{_CELL_BARE}|\d+)\s*\((?P<note>[^()]*[A-Za-z]{{3}}[^()]*)\)$")


def _labelled(line: str) -> Optional[re.Match]:
    """``_LABELLED`` on one line, refused at once unless the line ends as an
    amount does (a digit, a comma or a bracket): the lazy label makes a long
    line of prose costly to refuse by matching."""
    tail = line.rstrip()[-1:]
    if not tail or not (tail.isdecimal() or tail in ",)"):
        return None
    return _LABELLED.match(line)


@dataclass
class Breakdown:
    """A cell listing amounts line by line: its items (label, raw amount) and
    its total line, if printed ("Total: £1,000", "= £4,000")."""
    items: list
    total: Optional[tuple] = None

    @property
    def figure(self) -> str:
        """The one amount the cell stands for: its total, else its single item."""
        if self.total is not None:
            return self.total[1]
        return self.items[0][1] if len(self.items) == 1 else ""

    @property
    def single(self) -> bool:
        """One amount only (an item, its total the same figure)."""
        if len(self.items) > 1:
            return False
        if self.total is None or not self.items:
            return True
        return parse_value(self.items[0][1]).value == parse_value(self.total[1]).value


def cell_breakdown(raw: str) -> Optional[Breakdown]:
    """Read a cell of labelled amounts, one a line ("Ward A - £167.00" /
    "Ward B -" "£1,250" (wrapped) / "Total: £1,000" or "= £ 4,000"), or a label
    above its amount ("Ward C" / "£8,000"). None unless every line is read and
    at least one amount carries a currency sign."""
    raw_lines = (raw or "").splitlines()
    last = next((t for t in map(one_line, reversed(raw_lines)) if t), "")
    if _labelled(last) is None:
        return None  # the last line ends every reading, and it must be an amount
    lines = [ln for ln in map(one_line, raw_lines) if ln]
    if len(lines) < 2 and not _labelled(lines[0]).group("label"):
        return None
    joined: list[str] = []
    for ln in lines:
        m = _labelled(ln) if joined else None
        if m is not None and not m.group("label") and _LABEL_ONLY.match(joined[-1]):
            joined[-1] = f"{joined[-1].rstrip(' -–:=')} - {ln}"  # "Ward B -" / "£1,250"
        else:
            joined.append(ln)
    items: list[tuple[str, str]] = []
    total = None
    for k, ln in enumerate(joined):
        m = _labelled(ln)
        if not m or total is not None:
            return None  # an unread line, or a line after the total
        label = (m.group("label") or "").strip(" -–:=")
        amt = re.sub(r"\s+", "", m.group("amt"))
        if m.group("eq") or (label and TOTAL_LABEL.search(label)):
            total = (label or "Total", amt)
        elif not label and k > 0:
            return None
        else:
            items.append((label, amt))
    if not any(re.search(r"[£$€]", a) for _, a in items + ([total] if total else [])):
        return None
    if not items and total is None:
        return None
    return Breakdown(items, total)


def amount_with_note(text: str) -> Optional[tuple[str, str]]:
    """"£9,506 (incl £100 deferred grant)" -> ("£9,506", "incl £100 deferred grant"):
    an amount with a note in brackets after it; None otherwise."""
    m = _AMOUNT_NOTE.match(one_line(text or ""))
    if not m or parse_value(m.group("amt")).value is None:
        return None
    return re.sub(r"\s+", "", m.group("amt")), m.group("note").strip()


def header_cell_text(raw: str, text: str) -> str:
    """A header cell on one line; a word broken over two lines of a narrow column
    ("Chang" / "e") is one word again: a line of a single lower-case letter (other
    than the word "a") is no word of its own, so it ends the word above."""
    lines = [x.strip() for x in (raw or "").splitlines() if x.strip()]
    if len(lines) < 2 or not any(re.fullmatch(r"[b-z]", x) for x in lines[1:]):
        return text
    out = [lines[0]]
    for x in lines[1:]:
        if re.fullmatch(r"[b-z]", x) and out[-1][-1:].isalpha():
            out[-1] += x
        else:
            out.append(x)
    return one_line(" ".join(out))


def join_wrapped_rows(grid: list[list[str]], body_rows: list[int], lc: int) -> list[int]:
    """The body rows left once rows that are the wrapped lines of the row above are
    joined into it (in ``grid``): a row whose label (column ``lc``) goes on in lower
    case ("Theft from motor" / "vehicle") under a labelled row, each of its other
    cells either empty or the rest of a cell the row above left unfinished (empty,
    or a sign waiting for its figure: "+" / "28.6%"). A PDF table without rulings
    gives each printed line of a wrapped cell a row of its own."""
    keep: list[int] = []
    for r in body_rows:
        row = grid[r]
        if not keep or not _wraps_into(grid[keep[-1]], row, lc):
            keep.append(r)
            continue
        above = grid[keep[-1]]
        for c, cell in enumerate(row):
            if cell.strip():
                above[c] = f"{above[c]} {cell}".strip() if above[c].strip() else cell
    return keep


def _wraps_into(above: list[str], row: list[str], lc: int) -> bool:
    label = row[lc].strip() if lc < len(row) else ""
    if not label or not label[:1].islower() or not above[lc].strip():
        return False
    for c, cell in enumerate(row):
        if c == lc or not cell.strip():
            continue
        top = above[c].strip() if c < len(above) else ""
        if top and not re.fullmatch(r"[+\-−–£$€]", top):
            return False
    return True


_GROUPED_FIGURE = re.compile(r"[(\-−£$€]?\s*\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?|[(\-−£$€]?\s*\d+\.\d+\)?")


def figure_unbroken(raw: str) -> str:
    """A figure whose last digits a narrow column pushed onto a line of their own
    ("15,777.0" / "0") is one figure again ("15,777.00"): a line of one or two digits
    under a line holding only a figure with a separator, when the two make one amount
    to two decimal places."""
    if not raw or "\n" not in raw:
        return raw
    lines = [x.strip() for x in raw.split("\n")]
    if len(lines) != 2 or not re.fullmatch(r"\d{1,2}", lines[1]) or not _GROUPED_FIGURE.fullmatch(lines[0]):
        return raw
    joined = lines[0] + lines[1]
    # (money is printed to two places: "12.5" / "3" may be two figures, "15,777.0" / "0" is not)
    return joined if _GROUPED_FIGURE.fullmatch(joined) and re.search(r"\.\d\d\)?$", joined) else raw
