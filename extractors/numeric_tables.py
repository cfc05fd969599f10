"""Shared analysis of numeric tables for the budget and indicator extractors.

A table block is read into a :class:`TableLayout` (caption rows, header rows,
per-column headers, which columns hold numbers, which the row label, line
number, related actions and notes), then :func:`classify` decides by meaning
whether it is a budget (money signs; Allocation/Budget/Funding/Cost words;
totals), an indicator table (periods as columns, % change, counts,
"No Calc"), or neither (action plans, agendas, attendance: other extractors'
tables). Both extractors call the same :func:`classify`, so a table is never
counted twice.

The layout is read in :mod:`~boardpack.extractors.table_layout` (cells in
:mod:`~boardpack.extractors.table_cells`); this module keeps the verdict,
which needs what the mark stage's table classification cannot know: the
paper's type, the caption above the table and the table before it (a
statement continued over a page without its header).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from boardpack.core.model import AGENDA, BUDGET, COVER, PERFORMANCE, TABLE, Block, Document, Paper
from boardpack.core.numbers import unit_scale
from boardpack.core.periods import is_period_header
from boardpack.core.textnorm import one_line
from boardpack.extractors.table_cells import (  # noqa: F401  (imported from here by budgets, indicators and tests)
    BUDGET_WORDS, TOTAL_LABEL, Breakdown, amount_with_note, cell_breakdown, currency_header, strip_markers,
    strip_section_number,
)
from boardpack.extractors.table_layout import (  # noqa: F401  (imported from here by budgets, indicators and tests)
    Column, TableLayout, analyse, assign_roles, column_scale, no_words,
)

# -- vocabularies (meaning cues, compared on lower-case one-line text) ----------

INDICATOR_WORDS = re.compile(
    r"\b(indicators?|performance|measures?|targets?|actual|rates?|change|baseline|statistics|stats|figures|"
    r"crimes?|incidents?|offences?|referrals?|clients?|cases?|number\s+of|no\.\s+of|counts?|total\s+number|"
    r"most\s+similar|msg|highlights|trend|reduction|increase|ytd|year\s+to\s+date|per\s+1,?000|"
    r"victims?|offenders?|arrests?|detections?|sanction|percentage|proportion|%)",
    re.I,
)
# Headers that mark another extractor's table.
ACTION_PLAN_COLS = re.compile(r"\b(milestones?|progress|q[1-4]\s+update|update\s+ytd|quarterly\s+progress|lead\s+(?:cdrp\s+)?(?:agency|officer|partner)|lead|owner|other\s+partners|rag|status|what\s+we\s+will\s+do|by\s+when|target\s+date|timescales?|deadline|led\s+by)\b", re.I)
ACTION_TEXT_COL = re.compile(
    r"^(?:key\s+|agreed\s+)?actions?(?:\s+(?:description|text|points?|required|to\s+be\s+taken|plan\s+item))?$|"
    r"what\s+we\s+will\s+do|what\s+we\s+have\s+committed|^tasks?$|^activit(?:y|ies)$|milestones?|^objectives?$",
    re.I,
)
AGENDA_COLS = re.compile(r"^(?:agenda\s+)?items?(?:\s+no\.?)?$|^pages?$|^subject$|^title$|^presenter$|^report\s+of$", re.I)
ATTENDANCE_COLS = re.compile(r"\b(present|apologies|attendance|attended|in\s+attendance|name|representing)\b", re.I)


def caption_before(doc: Document, block: Block, paper: Optional[Paper] = None, max_back: int = 3) -> Optional[str]:
    """The heading or short paragraph just above a table (its title), if any."""
    start = paper.start if paper else 0
    i = block.index - 1
    steps = 0
    while i >= start and steps < max_back:
        b = doc.blocks[i]
        i -= 1
        if b.kind == "page_break" or "boilerplate" in b.flags or not b.norm.strip():
            continue
        steps += 1
        if b.kind == TABLE:
            return None
        t = strip_section_number(one_line(b.norm))
        if b.kind == "heading" or len(t) <= 160:
            return t.rstrip(":").strip()
        return None
    return None


# -- classification -------------------------------------------------------------


@dataclass
class Verdict:
    kind: Optional[str]       # "budget" | "indicator" | None
    budget_score: float = 0.0
    indicator_score: float = 0.0
    reason: str = ""


def _label_texts(lay: TableLayout) -> list[str]:
    if lay.label_col is None:
        return []
    return [lay.cell(r, lay.label_col) for r in lay.body_rows]


def classify(lay: Optional[TableLayout], paper_type: str = "", title: Optional[str] = None) -> Verdict:
    """Decide whether a table is a budget, an indicator table or neither, by meaning."""
    if lay is None:
        return Verdict(None, reason="no layout")
    if paper_type in (AGENDA, COVER):
        return Verdict(None, reason=f"{paper_type} paper")
    rejected = _not_a_value_table(lay)
    if rejected is not None:
        return rejected
    ctx = " ".join([title or ""] + lay.captions)
    b, money_like = _budget_score(lay, ctx)
    ind = _indicator_score(lay, ctx, money_like)
    if paper_type == BUDGET:
        b += 2.0
    elif paper_type == PERFORMANCE:
        ind += 2.0
    if b == 0 and ind == 0:
        return Verdict(None, b, ind, "no cue")
    if b > ind:
        return Verdict("budget", b, ind, "scores")
    if ind > b:
        return Verdict("indicator", b, ind, "scores")
    return Verdict("budget" if money_like else "indicator", b, ind, "tie")


def _not_a_value_table(lay: TableLayout) -> Optional[Verdict]:
    """Why a table is neither a budget nor an indicator table (no values, another paper's table); None when it may be one."""
    values = lay.value_cols
    if not values:
        return Verdict(None, reason="no numeric column")
    if len(lay.body_rows) < 2 and not lay.header_rows:
        return Verdict(None, reason="one row, no header")
    headers = [c.header for c in lay.columns]
    # other extractors' tables: an action plan has a column of actions (not a
    # "Relates to Actions" cross-reference) beside a lead/progress/status column
    n_plan_cols = sum(1 for h in headers if ACTION_PLAN_COLS.search(h))
    if n_plan_cols >= 1 and any(ACTION_TEXT_COL.search(h) for h in headers if h):
        return Verdict(None, reason="action plan header")
    if n_plan_cols >= 2:
        return Verdict(None, reason="action plan header")
    if any(AGENDA_COLS.match(h) for h in headers if h) and sum(1 for h in headers if AGENDA_COLS.match(h or "-")) >= 2:
        return Verdict(None, reason="agenda header")
    if sum(1 for h in headers if ATTENDANCE_COLS.search(h)) >= 1 and not any(BUDGET_WORDS.search(h) or INDICATOR_WORDS.search(h) for h in headers):
        return Verdict(None, reason="attendance header")
    if sum(c.n_values for c in values) == 0:
        return Verdict(None, reason="no values")
    if lay.label_col is None and len(lay.columns) > 1:
        # all-numeric grid without labels: nothing to name the rows by
        return Verdict(None, reason="no label column")
    return None


def _budget_score(lay: TableLayout, ctx: str) -> tuple[float, bool]:
    """How much the table reads as money; and whether it holds money (amounts, or rows named as money)."""
    values = lay.value_cols
    headers = [c.header for c in lay.columns]
    filled_values = sum(c.n_values for c in values)
    label_texts = _label_texts(lay)
    b = 0.0
    # cells under a "£" / "$" header are money even when printed bare
    n_money = sum(c.n_values if currency_header(c.header) else c.n_money for c in values)
    if n_money:
        b += 2 + 2 * n_money / max(1, filled_values)
    b += 1.5 * sum(1 for c in values if BUDGET_WORDS.search(c.header) and not is_period_header(c.header) or (BUDGET_WORDS.search(c.header) and re.search(r"budget|forecast|variance|allocat|outturn|spend", c.header, re.I)))
    b += 1.0 * sum(1 for h in headers if h and BUDGET_WORDS.search(h))
    if BUDGET_WORDS.search(ctx):
        b += 1.5
    if lay.scale != 1:
        b += 1.0
    if any(TOTAL_LABEL.search(t) for t in label_texts if t) or any(not t for t in label_texts[-1:]):
        b += 0.5
    # rows named as money ("Balances brought forward", "Staff costs", "Precept"):
    # a statement printed without currency signs
    named = [t for t in label_texts if t]
    n_money_rows = sum(1 for t in named if BUDGET_WORDS.search(t))
    money_rows = n_money_rows >= 3 and n_money_rows >= 0.25 * len(named)
    if money_rows:
        b += 1.5
    if any(c.role == "actions" for c in lay.columns):
        b += 1.5
    return b, bool(n_money or money_rows)


def _indicator_score(lay: TableLayout, ctx: str, money_like: bool) -> float:
    """How much the table reads as indicators: period columns, percentages, "No Calc", indicator words."""
    values = lay.value_cols
    headers = [c.header for c in lay.columns]
    filled_values = sum(c.n_values for c in values)
    ind = 0.0
    n_pct = sum(c.n_percent for c in values)
    n_period_cols = sum(1 for c in values if is_period_header(c.header) or (c.top and is_period_header(c.top)))
    if n_period_cols:
        ind += 1.5 + 1.0 * min(n_period_cols, 4)
    if n_pct:
        ind += 1.5 + n_pct / max(1, filled_values)
    if any(re.search(r"no\s*calc", lay.cell(r, c.index), re.I) for c in values for r in lay.body_rows):
        ind += 2
    ind += 1.0 * sum(1 for h in headers if h and INDICATOR_WORDS.search(h) and not BUDGET_WORDS.search(h))
    if INDICATOR_WORDS.search(ctx) and not BUDGET_WORDS.search(ctx):
        ind += 1.5
    if not money_like and not any(BUDGET_WORDS.search(h) for h in headers if h) and not BUDGET_WORDS.search(ctx):
        ind += 1.0  # plain counts
    return ind


_UNITS = re.compile(r"^(?:\(?£\s*(?:'?000'?s?|m|k|bn)?\)?\s*){1,12}$", re.I)


def _headers_from_text_above(doc: Document, block: Block, lay: TableLayout, paper: Optional[Paper]) -> None:
    """A table printed without its header row, the headers sitting just above it
    as text ("Core External Total" / "£000s £000s £000s"): name the value columns
    from a line with exactly one word per value column, and take the units."""
    cols = lay.value_cols
    if len(cols) < 2 or any(c.header for c in cols):
        return
    start = paper.start if paper else 0
    i, steps = block.index - 1, 0
    while i >= start and steps < 3:
        b = doc.blocks[i]
        i -= 1
        if b.kind == TABLE:
            return
        if not b.norm.strip() or "boilerplate" in b.flags:
            continue
        steps += 1
        lines = [one_line(x) for x in b.norm.splitlines() if x.strip()]
        names = None
        for ln in lines:
            if _UNITS.match(ln):
                s = unit_scale(ln)
                if s != 1:
                    lay.scale = s
            elif len(ln.split()) == len(cols) and re.fullmatch(r"[A-Za-z][A-Za-z&/\-]*(?:\s+[A-Za-z][A-Za-z&/\-]*)*", ln):
                names = ln.split()
        if names:
            for c, n in zip(cols, names):
                c.header = n
            return


#: Words a unit statement is made of besides the unit ("All figures in £m",
#: "(Amounts in thousands of dollars)", "£000s £000s"): what is left of a line
#: without them and the unit must be nothing, so prose that mentions "millions"
#: never scales a table.
_UNIT_FILLER = re.compile(
    r"\b(?:all|the|figures?|amounts?|values?|numbers?|sums?|are|is|shown|stated|expressed|given|reported|"
    r"in|of|unless|otherwise|noted|dollars?|pounds?|sterling|euros?|gbp|usd|eur|thousands?|millions?|billions?|"
    r"bn|mn|m|k|s)\b|0{3}(?:,?0{3})?s?|[£$€'’()\[\].,:;*\s-]",
    re.I,
)


def unit_statement(line: str) -> int:
    """The multiplier a line that states only a unit gives ("All figures in £m" -> 1,000,000,
    "(in thousands)" -> 1,000, "£000s £000s" -> 1,000); 1 for any other line."""
    t = one_line(line)
    if not t or len(t) > 80:
        return 1
    s = unit_scale(t)
    if s == 1 or _UNIT_FILLER.sub("", t):
        return 1
    return s


def unit_line_above(doc: Document, block: Block, paper: Optional[Paper] = None, max_back: int = 4) -> Optional[str]:
    """The line stating the unit in the text just above a table, before its title ("All
    figures in £m" / heading / table), or None. The search stops at another table
    (whose unit it would be)."""
    start = paper.start if paper else 0
    i, steps = block.index - 1, 0
    while i >= start and steps < max_back:
        b = doc.blocks[i]
        i -= 1
        if b.kind == TABLE:
            return None
        if b.kind == "page_break" or "boilerplate" in b.flags or not b.norm.strip():
            continue
        steps += 1
        for ln in b.norm.splitlines():
            if unit_statement(ln) != 1:
                return one_line(ln)
    return None


def unit_above(doc: Document, block: Block, paper: Optional[Paper] = None) -> int:
    """The scale the unit stated above a table gives every amount column that states none of its own."""
    line = unit_line_above(doc, block, paper)
    return unit_statement(line) if line else 1


def _previous_table(doc: Document, block: Block, paper: Optional[Paper], cache: dict) -> Optional[TableLayout]:
    """The layout of the table right before ``block`` (only page breaks, furniture
    and empty blocks between), if it was analysed."""
    start = paper.start if paper else 0
    i = block.index - 1
    headings = 0
    while i >= start:
        b = doc.blocks[i]
        if b.kind == TABLE:
            hit = cache.get(("numeric_tables", b.index))
            return hit[0] if hit else None
        if b.kind == "page_break" or "boilerplate" in b.flags or not b.norm.strip():
            i -= 1
            continue
        if b.kind == "heading" and headings == 0 and _SECTION_HEADING.match(one_line(b.norm)):
            # a section heading between two parts of one statement
            # ("DIRECT SERVICES" ... "CENTRAL COSTS" under one column header)
            headings += 1
            i -= 1
            continue
        return None
    return None


#: a statement's section heading set in capitals between its parts
_SECTION_HEADING = re.compile(r"^(?=.*[A-Z]{3})[A-Z0-9 ,&'/()\-]{3,80}$")


def _numbers_under_values(lay: TableLayout, prev: TableLayout) -> bool:
    """Whether every column of ``lay`` holding figures is a value column of
    ``prev`` (the same statement continued, not another table)."""
    prev_values = {c.index for c in prev.columns if c.role in ("value", "line", "actions")}
    return all(c.index in prev_values for c in lay.columns if c.n_values > max(1, c.n_text))


def table_blocks(paper: Paper, doc: Document) -> list[Block]:
    return [b for b in paper.blocks(doc) if b.kind == TABLE and "boilerplate" not in b.flags]


def analysed_tables(paper: Paper, doc: Document, cache: dict) -> list[tuple[Block, TableLayout, Verdict, Optional[str]]]:
    """Every table of a paper with its layout, verdict and title, computed once per
    document (the two extractors share ``cache``, normally ``ctx.table_analyses``)."""
    out = []
    for b in table_blocks(paper, doc):
        key = ("numeric_tables", b.index)
        if key not in cache:
            lay = analyse(b)
            title = caption_before(doc, b, paper)
            if lay is not None:
                lay.title = title or (lay.captions[0] if lay.captions else None)
                if title:
                    s = unit_scale(title)
                    if s != 1 and lay.scale == 1:
                        lay.scale = s
                if lay.scale == 1:
                    lay.scale = unit_above(doc, b, paper)
                if not lay.header_rows:
                    prev = _previous_table(doc, b, paper, cache)
                    if (prev is not None and len(prev.columns) == len(lay.columns) and prev.header_rows
                            and _numbers_under_values(lay, prev)):
                        # the rest of a table continued on the next page without its header
                        for c, pc in zip(lay.columns, prev.columns):
                            c.header, c.top = pc.header, pc.top
                        assign_roles(lay)
                        lay.scale = prev.scale
                        lay.title = title = prev.title
                        lay.continues = prev
                    else:
                        _headers_from_text_above(doc, b, lay, paper)
            cache[key] = (lay, classify(lay, paper.paper_type, title), title)
        lay, verdict, title = cache[key]
        if lay is not None:
            out.append((b, lay, verdict, title))
    return out
