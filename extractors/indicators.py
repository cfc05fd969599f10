"""Performance indicator tables to long format.

Every table :func:`numeric_tables.classify` calls an indicator table becomes
one ``indicator_values`` row per (row label, value column): indicator (the row
label), measure (the column header as written, or its lower header row when
an upper row names the period), period label ("2008/09", "Apr-Jun 2009",
from the column header, an upper spanning header, or the caption), and the
value: numbers and percentages parsed ("- 12.3%" -> -12.3), "No Calc", "-"
and blanks null with the raw text kept.

Small count lists in prose ("Hunts: 59", "Fen: 50", ...) are read the same
way, two or more lines in a row, titled by the sentence that introduces them
(whose period, normalised by :mod:`boardpack.core.periods`, becomes the period label).
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Optional

from boardpack.core.model import ACTION_PLAN, BUDGET, HEADING, LIST_ITEM, MINUTES, OTHER, PARAGRAPH, PERFORMANCE, PROGRESS_REPORT, TABLE, Block, Paper
from boardpack.core.numbers import parse_value
from boardpack.core.periods import find_period, is_period_header, parse_period
from boardpack.core.textnorm import one_line, strip_bullet
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.numeric_tables import TableLayout, analysed_tables, strip_markers, strip_section_number

# "Hunts: 59" ("Deter = 3" is a definition-style line in a report, not a count table)
_COUNT_LINE = re.compile(r"^(?P<label>[A-Za-z][^:=]{0,80}?)\s*:\s*(?P<value>[-+(]?\s*£?\s*[\d,]+(?:\.\d+)?\s*%?\)?)\s*$")
# Labels that are metadata, not indicators.
_NOT_INDICATOR = re.compile(
    r"^(date|time|venue|tel|telephone|phone|fax|ext|extension|ref|reference|item|agenda item|page|pages|quarter|"
    r"period|year|priority area|lead officer|version|issue|room|minute|minutes|appendix|annex|paragraph|section|"
    r"line|action|actions|no|number|q[1-4]|postcode|mobile)$",
    re.I,
)
_YEAR = re.compile(r"^\s*(19|20)\d\d\s*$")


def caption_period_label(text: str) -> Optional[str]:
    """Normalised period named by a caption or introducing sentence ("for the
    4th Quarter of 2010/11" -> "2010/11 Q4"), or None."""
    if not text or not text.strip():
        return None
    try:
        p = parse_period(text)
    except Exception:  # a caption the period parser cannot read has no period
        return None
    return p.label if p else None


def _measure_and_period(lay: TableLayout, col, caption_period: Optional[str]) -> tuple[str, Optional[str]]:
    header = col.header
    top = col.top
    whole = find_period(header) if header else None
    if top and is_period_header(top) and not (whole and len(whole) > len(find_period(top) or "")):
        bottom = strip_markers(header[len(top):]) if header.startswith(top) else header
        return (bottom or header), find_period(top)
    if header and is_period_header(header):
        return header, find_period(header)
    p = find_period(header) if header else None
    if p:
        return header, p
    return (header or None), caption_period


def emit_table(lay: TableLayout, res: ExtractResult, doc_sha: str, title: Optional[str]) -> int:
    table_id = row_id("indicator_table", doc_sha, lay.block.index)
    cols = lay.value_cols
    # The caption's period applies to every column only when no column names its
    # own period ("... April to December 2016 compared with April to December
    # 2015" above columns "Apr - Dec 2015 | Apr - Dec 2016 | Change").
    any_period_col = any(is_period_header(c.header) or (c.top and is_period_header(c.top)) for c in cols)
    caption_period = None if any_period_col else caption_period_label(" ".join([title or ""] + lay.captions))
    meta = [(c, *_measure_and_period(lay, c, caption_period)) for c in cols]
    transposed = not any_period_col and _periods_down_the_side(lay)
    blk = lay.block
    n = 0
    for r in lay.body_rows:
        row = lay.grid[r]
        label = strip_markers(row[lay.label_col]) if lay.label_col is not None and lay.label_col < len(row) else ""
        cells = [row[c.index] if c.index < len(row) else "" for c in cols]
        if not any(x.strip() for x in cells):
            continue  # a group heading row, or an empty one
        if not label:
            continue  # values with no row label cannot be named
        page = lay.row_page(r)
        for (col, measure, period), raw in zip(meta, cells):
            indicator = label
            if transposed:
                indicator, measure, period = col.header, None, (label if is_period_header(label) else caption_period)
            value, unit = _scaled_value(lay, raw)
            res.add(
                "indicator_values",
                {
                    "value_id": row_id("indicator_value", table_id, r, col.index),
                    "table_id": table_id,
                    "row_index": r,
                    "indicator": indicator,
                    "measure": measure,
                    "period_label": period,
                    "value": value,
                    "value_raw": raw,
                    "unit": unit,
                    "page": page,
                    "block_index": blk.index,
                },
            )
            n += 1
    res.add(
        "indicator_tables",
        {
            "table_id": table_id,
            "title": title,
            "header": json.dumps(lay.headers),
            "source_kind": "table",
            "n_values": n,
            "page": blk.page,
            "block_index": blk.index,
        },
    )
    return n


def _periods_down_the_side(lay: TableLayout) -> bool:
    """Periods down the side ("April 2009 | 12 | 3" under "Month | PPO clients |
    DIP clients"): each column is an indicator and each row label its period."""
    labels = [strip_markers(lay.cell(r, lay.label_col)) for r in lay.body_rows if lay.label_col is not None and lay.cell(r, lay.label_col)]
    return (len(labels) >= 2
            and sum(1 for x in labels if is_period_header(x)) >= 0.6 * len(labels)
            and all(c.header for c in lay.value_cols))


def _scaled_value(lay: TableLayout, raw: str) -> tuple[Optional[float], str]:
    """(value, unit) of a cell; an amount in the table's unit ("£000s") scaled to pounds."""
    pv = parse_value(raw)
    value = pv.value if pv.kind in ("number", "percent", "money") else None
    if pv.kind == "money" and lay.scale != 1 and value is not None:
        value = value * lay.scale
    return value, pv.kind if pv.kind in ("number", "percent", "money") else "null"


_PAIR = re.compile(r"([A-Z][A-Za-z&'\- ]{0,30}?)\s*:\s*([-+]?\d[\d,]*(?:\.\d+)?%?)(?=\s|$)")


def _inline_pairs(text: str) -> Optional[list[tuple[str, str]]]:
    """"Hunts: 59 Fen: 50 City: 64" on one line -> [("Hunts", "59"), ...]; None
    unless the whole line is two or more such pairs."""
    pairs = _PAIR.findall(text)
    if len(pairs) < 2:
        return None
    if re.sub(r"\s+", "", "".join(f"{a}:{b}" for a, b in pairs)) != re.sub(r"\s+", "", text):
        return None
    if any(_NOT_INDICATOR.match(a.strip()) for a, _ in pairs):
        return None
    return [(a.strip(), b) for a, b in pairs]


def _count_table_rows(b) -> Optional[list[tuple[str, str]]]:
    """A small two-column table whose every row is "Label:" and a count, or None."""
    grid = b.grid()
    if not grid or len(grid) > 30 or any(len([c for c in r if c.strip()]) != 2 or len(r) > 3 for r in grid):
        return None
    out = []
    for r in grid:
        cells = [one_line(c) for c in r if c.strip()]
        label, raw = cells
        if not label.endswith(":") or parse_value(raw).kind not in ("number", "percent"):
            return None
        out.append((label.rstrip(":").strip(), raw))
    return out


def count_lists(paper: Paper, ctx: ExtractContext, res: ExtractResult) -> None:
    """Runs of two or more "Label: number" lines in prose."""
    doc = ctx.doc
    consumed = ctx.indicator_count_tables
    reader = _CountRuns(consumed)
    for b in paper.blocks(doc):
        if "boilerplate" not in b.flags:
            reader.block(b)
    reader.close()
    for k, (title, lines) in enumerate(reader.runs):
        if len(lines) < 2:
            for b, _, _ in lines:
                consumed.discard(b.index)
            continue
        _emit_count_list(res, doc.sha256, k, title, lines)


class _CountRuns:
    """Runs of "Label: number" lines (and small two-column tables a reader made of them), each with the line that introduced it."""

    def __init__(self, consumed: set[int]) -> None:
        self.consumed = consumed
        self.runs: list[tuple[Optional[str], list]] = []
        self.cur: list = []
        self.intro: Optional[str] = None
        self.run_intro: Optional[str] = None

    def close(self) -> None:
        if self.cur:
            self.runs.append((self.run_intro, self.cur))
        self.cur = []

    def _extend(self, items: Iterable[tuple]) -> None:
        if not self.cur:
            self.run_intro = self.intro
        self.cur.extend(items)

    def block(self, b: Block) -> None:
        if b.kind == TABLE:
            pairs = _count_table_rows(b)
            if pairs is None:
                self.close()
                return
            # a PDF reader may turn part of a "Label: n" list into a small table
            self._extend((b, label, raw) for label, raw in pairs)
            self.consumed.add(b.index)
            return
        if b.kind not in (PARAGRAPH, LIST_ITEM, HEADING):
            return
        for line in b.norm.splitlines():
            text, _ = strip_bullet(one_line(line))
            text = text.strip()
            if text:
                self._line(b, text)

    def _line(self, b: Block, text: str) -> None:
        pairs = _inline_pairs(text)
        if pairs:
            self._extend((b, lab, val) for lab, val in pairs)
            return
        m = _COUNT_LINE.match(text)
        label = m.group("label").strip() if m else ""
        if m and not _NOT_INDICATOR.match(label) and not _YEAR.match(m.group("value")) and len(label.split()) <= 12:
            self._extend([(b, label, m.group("value").strip())])
            return
        self.close()
        # only a heading or a line introducing a list ("... are:") titles the run
        self.intro = strip_section_number(text).rstrip(":").strip() if (b.kind == HEADING or text.endswith(":")) else None


def _emit_count_list(res: ExtractResult, sha: str, k: int, title: Optional[str], lines: list) -> None:
    """A run of counts as an indicator table of its own."""
    first = lines[0][0]
    table_id = row_id("indicator_table", sha, first.index, "list", k)
    period = caption_period_label(title or "")
    for i, (b, label, raw) in enumerate(lines):
        pv = parse_value(raw)
        res.add(
            "indicator_values",
            {
                "value_id": row_id("indicator_value", table_id, i),
                "table_id": table_id,
                "row_index": i,
                "indicator": label,
                "measure": None,
                "period_label": period,
                "value": pv.value if pv.kind in ("number", "percent", "money") else None,
                "value_raw": raw,
                "unit": pv.kind if pv.kind in ("number", "percent", "money") else "null",
                "page": b.page,
                "block_index": b.index,
            },
        )
    res.add(
        "indicator_tables",
        {
            "table_id": table_id,
            "title": title,
            "header": "[]",
            "source_kind": "list",
            "n_values": len(lines),
            "page": first.page,
            "block_index": first.index,
        },
    )


@register
class IndicatorExtractor(Extractor):
    """Indicator tables in performance papers, and indicator-looking tables and
    count lists in any other paper (except agendas and cover letters)."""

    name = "indicators"
    paper_types = (PERFORMANCE, BUDGET, PROGRESS_REPORT, ACTION_PLAN, MINUTES, OTHER)
    produces = ("indicator_tables", "indicator_values")
    order = 61

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        if paper.paper_type in (PERFORMANCE, PROGRESS_REPORT, OTHER, MINUTES):
            count_lists(paper, ctx, res)
        consumed = ctx.indicator_count_tables
        for block, lay, verdict, title in analysed_tables(paper, ctx.doc, ctx.table_analyses):
            if verdict.kind != "indicator" or block.index in consumed:
                continue
            try:
                emit_table(lay, res, ctx.doc.sha256, lay.title)
            except Exception as e:  # one odd table must not lose the document
                res.warn(f"indicator table not read: {type(e).__name__}: {e}", page=block.page, block_index=block.index, kind="indicator")
        return res
