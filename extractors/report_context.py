"""Shared helpers for the progress-report and action-plan extractors: the
pack's date (for periods that give no year), guidance/furniture filters and
title keys."""

from __future__ import annotations

import re
from functools import partial
from typing import Optional

from boardpack.core import textnorm
from boardpack.core.dates import find_dates
from boardpack.core.identity import plan_key
from boardpack.core.model import TABLE, Block, Document
from boardpack.extractors.base import ExtractContext


# Template guidance and page furniture that is never content.
GUIDANCE = re.compile(
    r"^[\W\u00b9\u00b2\u00b3\u2070-\u2079]*\d{0,2}\s*(?:please\s+(?:ensure|restrict|note\s+that\s+this|complete|use\s+this|keep|limit|do\s+not)"
    r"|this\s+page\s+is\s+(?:left\s+)?(?:intentionally\s+)?(?:left\s+)?blank"
    r"|document\s+is\s+restricted"
    r"|page\s+\d+\s*(?:of\s+\d+)?\s*$"
    r"|[a-z]:\\)",
    re.I,
)


def is_furniture(block: Block) -> bool:
    flags = set(block.flags or ())
    if flags & {"boilerplate", "footnote", "furniture", "header", "footer", "page_number"}:
        return True
    return bool(block.kind != TABLE and GUIDANCE.match(block.norm or ""))


def context_date(ctx: ExtractContext) -> Optional[str]:
    """The pack's meeting date (ISO), else its date of issue, else the first
    full date printed near the start of the document."""
    if ctx.report_date_settled:
        return ctx.report_date
    found = None
    info = ctx.pack_meeting
    if info is not None:
        found = getattr(info, "meeting_date", None) or getattr(info, "date_of_issue", None)
    if not found:
        for r in ctx.results.rows.get("meetings", []):
            if r.get("meeting_date"):
                found = r["meeting_date"]
                break
    if not found:
        found = first_date(ctx.doc)
    # Only cache a date taken from the meeting extractor: it may run later.
    if info is not None or ctx.results.rows.get("meetings"):
        ctx.report_date, ctx.report_date_settled = found, True
    return found


def first_date(doc: Document, limit: int = 60) -> Optional[str]:
    for b in doc.blocks[:limit]:
        if b.kind == TABLE:
            continue
        ds = find_dates(b.norm or "")
        if ds:
            return ds[0].iso
    return None


def title_key(title: Optional[str]) -> str:
    """Cross-pack identity key of a plan title (same as the link stage's key)."""
    return plan_key(title)


# The report and plan extractors keep text as the paper wrote it (they store
# it as the raw value too), and their cells are prose: a hyphen before a digit
# at a wrap is a range ("13-" / "19"), a bullet glyph at a line start is not text.
one_line = partial(textnorm.one_line, as_written=True)
join_lines = partial(textnorm.join_lines, prose=True)
