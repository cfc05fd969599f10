"""Table classification: what a table's structure says about the paper it sits in.

A table is classified once, here, by :func:`classify_tables` (run by the mark
stage, :mod:`boardpack.ingest.mark`, before segmentation), and the result is
recorded on the block as :attr:`Block.table` (a
:class:`~boardpack.core.model.TableKind`): the header row it found, the
action-plan header signature, and the paper-type signals its header and
cells give (an action plan's Action / Milestones / Lead columns, a budget's
money columns and TOTAL row, performance data's period columns, minutes laid
out as a table), and the rows that read as an action plan's header row with
their column roles (:mod:`boardpack.core.plan_columns`). Segmentation
(:func:`boardpack.ingest.hits.block_hits`) and the action-plan extractor read
the record instead of re-deriving it.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import (
    ACTION_PLAN, AGENDA, BUDGET, HEADING, MINUTES, PERFORMANCE, TABLE, Block, Document, TableKind, TableSignal,
)
from boardpack.core.plan_columns import plan_headers
from boardpack.core.vocabulary import MONTH_STEM_RE
from boardpack.ingest.cues import ATTENDANCE_LABELS, MINUTES_NARRATIVE, Hit, rx, short, text_hits

# Table header vocabularies: (word pattern, weight) per paper type.
_HEADER_WORDS: dict[str, tuple[tuple[re.Pattern, float], ...]] = {
    ACTION_PLAN: (
        (rx(r"\bactions?\b|\baction\s+plan\s+item\b"), 1.0),
        (rx(r"\bmilestones?\b"), 1.5),
        (rx(r"\blead\b"), 1.0),
        (rx(r"\b(?:other\s+)?partners?\b"), 0.5),
        (rx(r"\bprogress\b|\bupdate\b|\bytd\b"), 1.0),
        (rx(r"\brag\b|\bstatus\b"), 1.0),
        (rx(r"\bnumber\b|\bref\b|\bno\.?$"), 0.3),
        (rx(r"\btarget\b|\bmeasure(?:ment)?\b|\bdeadline\b|\btimescale\b"), 0.5),
        (rx(r"\bpriority\b"), 0.3),
    ),
    BUDGET: (
        (rx(r"\ballocation\b|\ballocated\b"), 1.5),
        (rx(r"\bbudget\b"), 1.5),
        (rx(r"\bfunding\b|\bfunds?\b"), 1.0),
        (rx(r"\bamount\b|\bcost\b|\bspend\b|\bspent\b|\bpayments?\b|\breceipts?\b|\bincome\b|\bexpenditure\b"), 1.0),
        (rx(r"£|\b£?000s\b"), 1.0),
        (rx(r"\bforecast\b|\bvariance\b|\bunderspen[dt]\b|\boverspen[dt]\b|\bactual\b|\boutturn\b"), 1.0),
        (rx(r"\bline\b|\bitem\b|\bdetails\b"), 0.3),
    ),
    PERFORMANCE: (
        (rx(r"\b(?:19|20)\d\d(?:\s*[/-]\s*\d\d(?:\d\d)?)?\b"), 0.7),
        (rx(r"\bq[1-4]\b|\bquarter\b|\b" + MONTH_STEM_RE + r"[a-z]*\b"), 0.5),
        (rx(r"%|\bchange\b|\bper\s*cent\b"), 1.5),
        (rx(r"\bindicator\b|\bmeasure\b|\bkpi\b|\btarget\b|\bbaseline\b|\bperformance\b"), 1.0),
        (rx(r"\bcrime\s+type\b|\boffence\b|\bincidents?\b|\bclients?\b|\bmsg\b|\bmost\s+similar\b"), 0.7),
    ),
}
_MONEY_CELL = re.compile(r"^\s*\(?-?\s*£?\s?\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?\)?\s*$|^\s*\(?-?£?\d+\.\d\d\)?\s*$|^\s*£\s?\d[\d,]*(?:\.\d+)?\s*$")
_PCT_CELL = re.compile(r"^\s*[+-]?\s?\d+(?:\.\d+)?\s?%\s*$|^\s*no\s+calc\s*$", re.I)
_FULL_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_NUM_CELL = re.compile(r"^\s*[+-]?\s?\d[\d,]*(?:\.\d+)?\s*$")
_TOTAL_ROW = re.compile(r"^\s*(?:grand\s+)?totals?\b|\btotal\s+(?:funding|budget|spend|spending|allocation|expenditure|income|savings)\b", re.I)


def header_signature(b: Block, header: Optional[list[str]] = None) -> str:
    """The header row's words, lower case (``header``: that row, when known)."""
    if b.kind != TABLE or not b.rows:
        return ""
    hdr = _header_row(b) if header is None else header
    return "|".join(re.sub(r"[^a-z]+", " ", c.lower()).strip() for c in hdr)


def _row_header_score(cells: list[str]) -> float:
    s = 0.0
    for words in _HEADER_WORDS.values():
        for pat, w in words:
            if any(pat.search(c) for c in cells if len(c) <= 60):
                s += w
    return s


def _header_row(b: Block) -> list[str]:
    """The table's header row: a row marked as header, else the most
    header-like of the first four rows (tables often open with title rows)."""
    rows = [r for r in b.rows if any(c.norm.strip() for c in r.cells)]
    if not rows:
        return []
    best, best_s = None, -1.0
    for r in rows[:4]:
        cells = [c.norm for c in r.cells if c.norm.strip()]
        if len(cells) < 2:
            continue
        wordy = sum(1 for c in cells if re.search(r"[A-Za-z]", c) and len(c) <= 80)
        if wordy < max(2, len(cells) // 2):
            continue
        sc = _row_header_score(cells) + (0.5 if r.is_header else 0.0)
        if sc > best_s:
            best, best_s = r, sc
    r = best or rows[0]
    return [c.norm for c in r.cells]


def title_rows(b: Block) -> list[str]:
    """Texts of the single-cell title rows at the top of a table."""
    out = []
    for r in b.rows[:3]:
        cells = [c.norm for c in r.cells if c.norm.strip()]
        if len(cells) == 1:
            out.append(cells[0])
        elif len(cells) >= 2 and all(":" in c or len(c) < 40 for c in cells) and not r.is_header:
            out.extend(cells)
    return out


def table_hits(b: Block, header: Optional[list[str]] = None) -> list[Hit]:
    """Cues from a table's structure (``header``: its header row, when known)."""
    if b.kind != TABLE or not b.rows:
        return []
    header = _header_row(b) if header is None else header
    hdr = [_FULL_DATE.sub(" ", h) for h in header]
    hdr_text = " | ".join(hdr)
    # Title rows inside the table ("Action Plan: 2010-2011") decide like headings.
    for t in title_rows(b):
        for h in text_hits(Block(kind=HEADING, text=t)):
            if h.strength >= 3 and h.paper_type != MINUTES:
                return [Hit(h.paper_type, 3, h.cue, "table-title:" + h.name, h.identity,
                            header_signature(b, header) if h.paper_type == ACTION_PLAN else None, title_ok=True)]
    # Lines, not cells: readers sometimes leave a whole column in one cell.
    cells = [ln.strip() for r in b.rows for c in r.cells for ln in c.norm.split("\n") if ln.strip()]
    if not cells:
        return []
    n = len(cells)
    money = sum(1 for c in cells if _MONEY_CELL.match(c) and not re.fullmatch(r"\s*(?:19|20)\d\d\s*", c))
    pct = sum(1 for c in cells if _PCT_CELL.match(c))
    nums = sum(1 for c in cells if _NUM_CELL.match(c))
    pounds = sum(1 for c in cells if "£" in c)
    totals = sum(1 for r in b.rows for c in r.cells[:3] if _TOTAL_ROW.search(c.norm))
    scores: dict[str, float] = {}
    for ptype, words in _HEADER_WORDS.items():
        s = 0.0
        for pat, w in words:
            if any(pat.search(h) for h in hdr):
                s += w
        scores[ptype] = s
    # Cell-content evidence.
    scores[BUDGET] += 2.0 * min(1.0, (money + pounds) / max(1, n) * 3) + (1.0 if totals else 0.0)
    scores[PERFORMANCE] += 2.0 * min(1.0, pct / max(1, n) * 6)
    years_in_header = len(re.findall(r"\b(?:19|20)\d\d\b", hdr_text))
    if years_in_header >= 2 and nums >= n * 0.3:
        scores[PERFORMANCE] += 1.5
    if re.search(r"\b(?:stats|figures|response)\s+awaited\b|\bon\s+track\b|\b(?:green|amber|red)\b|\bfunding\s+allocated\b", " ".join(cells), re.I):
        scores[ACTION_PLAN] += 1.0
    # Agenda laid out as a table: a header "AGENDA", or numbered rows with page ranges.
    if re.search(r"\bcontents\b", hdr_text, re.I):
        return []  # a table of contents names every kind of paper
    first = next((" | ".join(c.norm for c in r.cells) for r in b.rows if any(c.norm.strip() for c in r.cells)), "")
    first_cells = [re.sub(r"\s+", "", c).lower() for c in first.split("|") if c.strip()]
    if (first_cells and first_cells[0] == "agenda") or re.search(r"^\s*(?:\|\s*)*agenda\b", first, re.I) or re.search(r"^\s*agenda\b", hdr_text, re.I) or (re.search(r"\bpages?\b", hdr_text, re.I) and sum(1 for c in cells if re.fullmatch(r"\d+\s*-\s*\d+", c)) >= 1 and any(re.fullmatch(r"\d+\.?", c) for c in cells)):
        return [Hit(AGENDA, 3, short(hdr_text), "table:agenda", "agenda")]
    # Attendance table at the top of minutes ("Members: | name | organisation").
    if re.search(r"^\s*(?:members|present|attendees?)\s*:?", hdr_text, re.I):
        scores[MINUTES] = 3.0
    best = max(scores, key=lambda k: scores[k])
    s = scores[best]
    if s < 2.5:
        return [Hit(best, 1, short(hdr_text), f"table:{best}")] if s >= 1.5 else []
    sig = header_signature(b, header) if best == ACTION_PLAN else None
    return [Hit(best, 2, short(hdr_text), f"table:{best}", signature=sig)]


#: Column headings of minutes laid out as a table ("Item | Notes | Action").
_MINUTES_COLUMNS = rx(r"^\W*(?:notes?|discussion|minutes?|decisions?|summary|outcomes?|points?\s+raised|comments?)\W*$")
_MINUTES_TEXT = (rx(MINUTES_NARRATIVE), rx(r"^[^\w\n]*(?:[a-z]+\s+){0,2}?(?:" + ATTENDANCE_LABELS + r")\s*(?::|-|\u2013|$)"))


def minutes_table_hits(b: Block, header: Optional[list[str]] = None) -> list[Hit]:
    """Evidence (never a deciding cue) that a table is part of minutes: a
    notes/discussion column beside the item, or cells that record the
    meeting happening ("Chaired by", "The meeting commenced at 1835")."""
    if b.kind != TABLE or not b.rows:
        return []
    out = []
    hdr = [c for c in (_header_row(b) if header is None else header) if c.strip()]
    if 2 <= len(hdr) <= 4 and any(_MINUTES_COLUMNS.match(c) for c in hdr):
        out.append(Hit(MINUTES, 1, short(" | ".join(hdr)), "table:minutes_columns"))
    lines = [ln for r in b.rows for c in r.cells for ln in c.norm.split("\n") if ln.strip()]
    n = sum(1 for ln in lines if len(ln) <= 400 and any(pat.search(ln) for pat in _MINUTES_TEXT))
    if n:
        out.append(Hit(MINUTES, 1, f"{n} minutes lines in table", "table:minutes_text"))
    return out


def classify_table(b: Block) -> TableKind:
    """The classification of one table block: its header row, its action-plan
    signature, the paper-type signals of its header, title rows and cells, and
    the rows that read as an action plan's header (with their column roles)."""
    header = _header_row(b) if b.rows else []  # worked out once: it scores up to four rows
    hits = table_hits(b, header) + minutes_table_hits(b, header)
    return TableKind(
        header=header,
        signature=header_signature(b, header),
        signals=[TableSignal(h.paper_type, h.strength, h.cue, h.name, h.identity, h.signature, h.title_ok) for h in hits],
        plan_headers=plan_headers(b),
    )


def classify_tables(doc: Document) -> None:
    """Record :func:`classify_table` on every table block (the one place tables are classified)."""
    for b in doc.blocks:
        if b.kind == TABLE:
            b.table = classify_table(b)


def recorded_hits(b: Block) -> list[Hit]:
    """The table's recorded signals as fresh cues (callers may raise a cue's strength)."""
    if b.table is None:
        raise ValueError(f"table block {b.index} was not classified: run the mark stage (ingest/mark.py) first")
    return [Hit(s.paper_type, s.strength, s.cue, s.name, s.identity, s.signature, title_ok=s.title_ok)
            for s in b.table.signals]
