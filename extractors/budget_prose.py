"""Budget lines written as prose, read as tables.

In budget papers a cost list is often typed as lines ("Pooled fund start
balance April 2009  £12,345"), not as a table. Runs of consecutive lines with
the same number of amounts become a table block (a header row from a line of
as many words, units from a "£000s" line), which the budget extractor then
reads like any other table.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Block, Cell, Paper, Row
from boardpack.core.numbers import parse_money
from boardpack.core.textnorm import one_line
from boardpack.extractors.budget_labels import continues_label, total_kind
from boardpack.extractors.numeric_tables import TableLayout, analyse

_NUM = r"\(?[-+]?\s?£?\s?[\d,]*\d(?:\.\d+)?(?:\s?(?:m|k|bn))?\)?"
_PROSE_ROW = re.compile(rf"^(?P<label>.*?[A-Za-z][^£]*?)[\s:=\-–]+(?P<nums>{_NUM}(?:\s+{_NUM}){{0,7}})\s*$")
_UNITS_LINE = re.compile(r"^(?:\(?£\s*(?:'?000'?s?|m|k)?\)?\s*){1,8}$", re.I)
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z&/'\-]*(?:\s+[A-Za-z][A-Za-z&/'\-]*){1,7}$")


def _moneyish(tok: str) -> bool:
    """An amount token in prose: has a pound sign, thousands comma or decimals (so
    "Q1 2009" or "Item 3" never count)."""
    return parse_money(tok) is not None and bool(re.search(r"£|,\d{3}|\.\d", tok))


def _prose_row(line: str) -> Optional[tuple[str, list[str]]]:
    tail = line.rstrip()[-1:]
    if not tail or not (tail.isdecimal() or tail in ")mkn"):
        return None  # not ending as an amount does: refused before the costly lazy match
    return _read_prose_row(line)


def _read_prose_row(line: str) -> Optional[tuple[str, list[str]]]:
    m = _PROSE_ROW.match(line)
    if not m:
        return None
    label = m.group("label").strip(" :=-–")
    nums = re.findall(_NUM, m.group("nums"))
    nums = [n.strip() for n in nums if n.strip()]
    # "... start balance April 2010 £12,345": a year before the amounts is label
    while nums and not _moneyish(nums[0]):
        label = f"{label} {nums.pop(0)}"
    label = label.strip(" :=-–")
    if not nums or len(label) > 140 or len(label) < 3 or not all(_moneyish(n) for n in nums):
        return None
    if len(nums) == 1 and "£" not in nums[0] and not total_kind(label):
        # one bare number after a sentence is prose, not a budget line
        if len(label.split()) > 10:
            return None
    return label, nums


#: a short line that may be part of a row label wrapped over several lines
# (no amount, no sentence end: "Insurance, Technical" / "& Production Costs")
_LABEL_PART = re.compile(r"^(?=.*[A-Za-z])(?!.*[.:;!?]\s*-?\s*$)(?!.*[£$€]\s?\d).{1,60}$")


def _join_wrapped_label(lines: list[str], label: str) -> str:
    """A prose budget row's label with the lines it wraps from: the row's own
    label goes on from the line above ("(including 5% contingency)" under
    "& Production Costs" under "Insurance, Technical")."""
    if not lines:
        return label
    parts = [label]
    k = len(lines) - 1
    while k >= 0 and (parts[0][:1] in "&(+" or continues_label(lines[k], parts[0])):
        parts.insert(0, lines[k])
        k -= 1
    return " ".join(parts)


def prose_tables(paper: Paper, doc) -> list[tuple[int, TableLayout, Optional[str]]]:
    """Budget lines written as text ("Original base budget 1,429,506.8 0.0 1,429,506.8"),
    read as tables (layout and title): consecutive lines with the same number of
    amounts, column names from a header line with as many words ("Core External
    Total") and units from a "£000s £000s £000s" line. Each comes with the
    run's number among all runs (its table key); a run that does not read as a
    table with amounts is left out."""
    reader = _ProseRuns()
    for b in paper.blocks(doc):
        reader.block(b)
    reader.close()
    out = []
    for k, run in enumerate(reader.runs):
        lay = analyse(_run_table(run))
        if lay is None or not lay.value_cols:
            continue
        lay.title = run["title"]
        out.append((k, lay, run["title"]))
    return out


def _run_table(run: dict) -> Block:
    """A run of budget lines as a table block: a header row of column names, a row per line."""
    ncols = run["ncols"]
    if run["header"]:
        names = [f"{h} {run['units']}".strip() for h in run["header"]]
    elif ncols == 1:
        names = [f"Amount {run['units']}".strip()]
    else:
        names = [f"Column {i + 2} {run['units']}".strip() for i in range(ncols)]
    rows = [Row(cells=[Cell(text="Item")] + [Cell(text=n) for n in names], page=run["first"].page, is_header=True)]
    for b, label, nums in run["rows"]:
        rows.append(Row(cells=[Cell(text=label)] + [Cell(text=n) for n in nums], page=b.page))
    first = run["first"]
    blk = Block(kind=TABLE, rows=rows, page=first.page)
    blk.index = first.index
    return blk


class _ProseRuns:
    """Runs of consecutive budget lines with the same number of amounts, as they are met."""

    def __init__(self) -> None:
        self.runs: list[dict] = []
        self.cur: Optional[dict] = None
        self.title: Optional[str] = None
        self.header_words: list[str] = []
        self.units = ""
        self.label_lines: list[str] = []  # short lines with no amount just above: a row label wrapped over them

    def close(self) -> None:
        if self.cur and len(self.cur["rows"]) >= 2:
            self.runs.append(self.cur)
        self.cur = None

    def block(self, b: Block) -> None:
        if "boilerplate" in b.flags or b.kind == PAGE_BREAK:
            return  # a cost list may break across a page
        if b.kind == HEADING:
            self._heading(b)
            return
        if b.kind not in (PARAGRAPH, LIST_ITEM):
            self.close()
            self.label_lines = []
            return
        for line in b.norm.splitlines():
            line = one_line(line)
            if line:
                self._line(b, line)

    def _heading(self, b: Block) -> None:
        """A heading: the run's total set in bold, else the title of what follows."""
        row = _prose_row(one_line(b.norm))
        if row is not None and self.cur is not None and len(row[1]) == self.cur["ncols"] and total_kind(row[0]):
            self.cur["rows"].append((b, row[0], row[1]))  # "Total £125,000" set in bold: the run's total
            self.label_lines = []
            return
        self.close()
        self.label_lines = []
        self.title = one_line(b.norm)

    def _line(self, b: Block, line: str) -> None:
        if _UNITS_LINE.match(line):
            self.units = line.split()[0]
            return
        row = _prose_row(line)
        if row is None:
            self._not_a_row(line)
            return
        label, nums = row
        label = _join_wrapped_label(self.label_lines, label)
        self.label_lines = []
        if self.cur is not None and len(nums) != self.cur["ncols"]:
            self.close()
        if self.cur is None:
            hdr = self.header_words if len(self.header_words) == len(nums) else []
            self.cur = {"title": self.title, "ncols": len(nums), "header": hdr, "units": self.units, "rows": [], "first": b}
        self.cur["rows"].append((b, label, nums))

    def _not_a_row(self, line: str) -> None:
        """A line without amounts: part of a wrapped row label, a header line, or prose that ends the run."""
        if _LABEL_PART.match(line) and (not self.label_lines or continues_label(self.label_lines[-1], line) or line[:1] in "&(+"):
            self.label_lines.append(line)
        elif _LABEL_PART.match(line):
            self.label_lines = [line]
        else:
            self.label_lines = []
        if _HEADER_LINE.match(line) and len(line.split()) <= 8:
            self.header_words = line.split()
            return
        if len(line) > 60:
            self.close()

