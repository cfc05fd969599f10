"""Quarterly progress reports from task groups, on the fixed template.

A report has "Priority Area: ...", "Lead Officer: ...", a reporting period
("Q1 2009/10" in its title, "Quarter: Quarter 1 Apr - June 2009", or "- Q4"
after the priority area, dated by the pack), then four sections whose
headings are matched by meaning, not wording:

* achievement  - "Key Achievements during this Quarter", "Key Achievements (What has gone well)"
* concern      - "Areas of Concern for Partnership to Note", "Areas of Concern (what has not gone well)"
* recommendation - "Recommendations to Partnership to Address Concerns", "Changes to be made to address concerns"
* publicity    - "Any Items for Publicity"

Each bullet or paragraph under a section is one item. Footnote markers on
headings ("... Quarter¹", "... Quarter 1") are stripped; the template's own
footnotes and guidance ("Please ensure that ...", "PLEASE RESTRICT THE REPORT
TO ONE PAGE") are never items; a section with nothing under it is recorded
with ``n_items = 0``. "None" / "N/A" alone count as nothing.

Headings and field lines are read in report_headings.py; this module walks the
blocks, starts reports and collects their items.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PROGRESS_REPORT, TABLE, Block, Paper
from boardpack.core.periods import parse_period, period_for_meeting
from boardpack.core.settings import DEFAULT, Settings
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.report_context import GUIDANCE, context_date, is_furniture, join_lines, one_line
from boardpack.extractors.report_headings import (
    ACHIEVEMENT,
    LEAD,
    PRIORITY,
    PRIORITY_HEAD,
    QUARTER_LINE,
    REPORT_TITLE,
    clean_heading,
    heading_split,
    priority_from_headings,
    priority_value,
    section_of,
)

_EMPTY_ITEM = re.compile(r"^\W*(?:none|nil|n/?a|nothing(?:\s+to\s+report)?|no\s+items?|-+)\W*$", re.I)
_RULE = re.compile(r"^[\s_\-=*.]{3,}$")


class _Report:
    def __init__(self, ordinal: int, block: Block):
        self.ordinal = ordinal
        self.title: Optional[str] = None
        self.priority_raw: Optional[str] = None
        self.priority: Optional[str] = None
        self.lead: Optional[str] = None
        self.period_raw: Optional[str] = None
        self.period_hint: Optional[str] = None  # "Q4" after the priority area
        self.page = block.page
        self.block_index = block.index
        self.sections: list[dict[str, Any]] = []
        self.context_heads: list[str] = []

    @property
    def started(self) -> bool:
        return bool(self.sections)


class _ReportReader:
    def __init__(self, ctx: ExtractContext):
        self.ctx = ctx
        self.res = ExtractResult()
        self.sha = ctx.doc.sha256
        self.reports: list[_Report] = []
        self.cur: Optional[_Report] = None
        self.section: Optional[dict[str, Any]] = None
        self.recent_heads: list[str] = []

    def _new(self, b: Block) -> _Report:
        r = _Report(len(self.ctx.report_ordinals), b)
        self.ctx.report_ordinals.append(r)
        r.context_heads = list(self.recent_heads[-4:])
        self.recent_heads = []
        self.reports.append(r)
        self.cur = r
        self.section = None
        return r

    def _need_new(self, field: str) -> bool:
        """A field that is already set, or sections already read, means a new report."""
        r = self.cur
        if r is None:
            return True
        if r.started:
            return True
        return getattr(r, field) is not None

    def block(self, b: Block) -> None:
        if b.kind == PAGE_BREAK:
            return
        if b.kind == TABLE:
            if "boilerplate" not in (b.flags or ()):
                self._table(b)
            return
        text = one_line(b.norm)
        if not text or _RULE.match(text):
            return
        if is_furniture(b) or GUIDANCE.match(text) or re.match(r"(?i)^please\s+restrict\b", text):
            return
        if self._report_title(b, text) or self._report_field(b, text):
            return
        self._section_text(b, text)

    def _report_title(self, b: Block, text: str) -> bool:
        """A report's title line ("CDRP Quarterly Report Q2 2016/17"): a new report, and its period."""
        if not (REPORT_TITLE.search(text) and len(text) < 120 and not (self.section and b.kind == LIST_ITEM)
                and (b.kind == HEADING or b.bold or len(text.split()) <= 10) and not text.endswith(".")):
            return False
        per = parse_period(text, context_date(self.ctx))
        if self.cur is None or self.cur.started or (self.cur.title and self.cur.priority):
            self._new(b)
        self.cur.title = one_line(b.text)
        if per and per.inferred == "stated":
            self.cur.period_raw = text
        elif per:
            self.cur.period_hint = text
        self.section = None
        return True

    def _report_field(self, b: Block, text: str) -> bool:
        """The report's priority, lead officer or quarter line; True when the block was one."""
        m = PRIORITY.match(text)
        if m:
            if self._need_new("priority_raw"):
                self._new(b)
            self.cur.priority_raw = one_line(m.group(1))
            self.cur.priority, hint = priority_value(m.group(1))
            if hint:
                self.cur.period_hint = hint
            lm = LEAD.search(text)
            if lm:
                self.cur.lead = one_line(lm.group(1)) or None
            self.section = None
            return True
        m = LEAD.match(text) if re.match(r"(?i)^\s*lead\s+officer\b", text) else None
        if m:
            if self._need_new("lead"):
                self._new(b)
            self.cur.lead = one_line(m.group(1)) or None
            self.section = None
            return True
        m = QUARTER_LINE.match(text)
        if m and self.cur is not None and not self.cur.started and parse_period(m.group(1), context_date(self.ctx)):
            self.cur.period_raw = one_line(m.group(1))
            return True
        return False

    def _section_text(self, b: Block, text: str) -> None:
        """A block that is no report field: a priority heading, a section heading, or an item of the open section."""
        if (b.kind == HEADING or b.bold) and PRIORITY_HEAD.match(text) and len(text) < 140:
            # "Priority 2: Reducing Re-offending" ends the report above and names the next one
            self.section = None
            self.recent_heads.append(one_line(b.text))
            return
        hs = heading_split(b, self.ctx.settings)
        if hs is None and self.section is None and (b.kind == HEADING or b.bold) and len(text) < 140:
            self.recent_heads.append(one_line(b.text))
        if hs is not None:
            self._open_section(b, hs)
            return
        if self.section is None:
            return
        # A numbered heading of the next paper ("5. Update from ...") ends the report.
        if b.kind == HEADING and re.match(r"^\d{1,2}\.\s+[A-Z]", text) and not section_of(text, self.ctx.settings):
            self.section = None
            return
        if (b.kind == HEADING or b.bold) and len(text.split()) <= 8 and not text.endswith((".", ":")):
            return  # a sub-heading inside a section ("IOM Updates", "Scheme Updates - PPO")
        self._item(b.norm, b.text, b, force_new=b.kind == LIST_ITEM)

    def _open_section(self, b: Block, hs: tuple) -> None:
        """A section heading ("Key Achievements"): the section opens, in a new report when the open one has it already."""
        sec, head, inline = hs
        if self.cur is None:
            self._new(b)
        if any(s["section"] == sec for s in self.cur.sections) and self.cur.priority:
            # a second "Key Achievements" with no new header: a report without its fields
            self._new(b)
        self.section = {"section": sec, "heading": head, "items": [], "page": b.page, "block_index": b.index}
        self.cur.sections.append(self.section)
        if inline:
            self._item(inline, inline, b, force_new=True)

    def _item(self, text: str, raw: str, b: Block, force_new: bool) -> None:
        items = self.section["items"]
        t = join_lines(text)
        if not t:
            return
        # A paragraph that starts in lower case continues the item above (split by a page break).
        if items and not force_new and t[:1].islower() and items[-1]["page"] != b.page:
            items[-1]["text"] += " " + t
            items[-1]["raw"] += "\n" + raw
            return
        items.append({"text": t, "raw": raw, "page": b.page, "block_index": b.index})

    def _table(self, b: Block) -> None:
        """Reports laid out as a table: label cells ("Priority Area", "Key Achievements")
        beside or above their content."""
        for r in b.rows:
            cells = [c for c in r.cells if not c.continued]
            texts = [one_line(c.norm) for c in cells]
            if not any(texts):
                continue
            first = texts[0]
            rest_cells = cells[1:]
            label = clean_heading(first)
            if re.fullmatch(r"(?i)priority\s+area", label) and len(texts) > 1:
                if self._need_new("priority_raw"):
                    self._new(b)
                self.cur.priority_raw = texts[1]
                self.cur.priority, hint = priority_value(texts[1])
                self.cur.period_hint = hint or self.cur.period_hint
                continue
            if re.fullmatch(r"(?i)lead\s+officer", label) and len(texts) > 1:
                if self._need_new("lead"):
                    self._new(b)
                self.cur.lead = texts[1] or None
                continue
            if re.fullmatch(r"(?i)quarter|period|reporting\s+period", label) and len(texts) > 1 and self.cur:
                self.cur.period_raw = texts[1]
                continue
            sec = section_of(first, self.ctx.settings) if len(cells) >= 1 and len(first.split()) <= 14 else None
            if sec and self.cur is not None or (sec and cells[0].bold):
                if self.cur is None:
                    self._new(b)
                self.section = {"section": sec, "heading": clean_heading(cells[0].text), "items": [],
                                "page": r.page or b.page, "block_index": b.index}
                self.cur.sections.append(self.section)
                for c in rest_cells:
                    self._cell_items(c, b, r.page)
                continue
            if self.section is not None and self.cur is not None and self.cur.started and len(cells) == 1:
                self._cell_items(cells[0], b, r.page)

    def _cell_items(self, c, b: Block, page) -> None:
        for para in re.split(r"\n", c.norm or ""):
            t = join_lines(para)
            if t and not GUIDANCE.match(t) and not _RULE.match(t):
                self.section["items"].append({"text": t, "raw": para, "page": page or b.page, "block_index": b.index})

    # -- rows -------------------------------------------------------------------
    def emit(self) -> ExtractResult:
        date = context_date(self.ctx)
        for r in self.reports:
            if not r.sections and not r.priority:
                continue
            per = None
            for raw in (r.period_raw, r.title, r.period_hint):
                if raw:
                    per = parse_period(raw, date)
                    if per:
                        break
            if per is None:
                per = period_for_meeting(date)
            if not r.priority:
                r.priority = priority_from_headings([r.title] if r.title else [], r.context_heads)
            rid = row_id("report", self.sha, r.ordinal, r.priority, r.lead)
            self.res.add("progress_reports", {
                "report_id": rid, "ordinal": r.ordinal, "title": r.title, "priority_area": r.priority,
                "priority_area_raw": r.priority_raw, "lead_officer": r.lead,
                "period": per.label if per else None, "period_start": per.start if per else None,
                "period_end": per.end if per else None, "period_kind": per.kind if per else None,
                "period_inferred": per.inferred if per else None, "period_raw": per.raw if per else None,
                "page": r.page, "block_index": r.block_index,
            })
            for si, s in enumerate(r.sections):
                items = [it for it in s["items"] if not _EMPTY_ITEM.match(it["text"])]
                sid = row_id("section", rid, si, s["section"])
                self.res.add("report_sections", {
                    "section_id": sid, "report_id": rid, "section": s["section"], "heading_raw": s["heading"],
                    "ordinal": si, "n_items": len(items), "page": s["page"], "block_index": s["block_index"],
                })
                for ii, it in enumerate(items):
                    self.res.add("report_items", {
                        "item_id": row_id("item", sid, ii), "report_id": rid, "section_id": sid,
                        "section": s["section"], "ordinal": ii, "item_text": it["text"], "raw_text": it["raw"],
                        "page": it["page"], "block_index": it["block_index"],
                    })
        return self.res


def extract_reports(blocks: list[Block], ctx: ExtractContext) -> ExtractResult:
    rd = _ReportReader(ctx)
    for b in blocks:
        try:
            rd.block(b)
        except Exception as e:  # noqa: BLE001 - one odd block must not lose the whole pack
            rd.res.warn(f"progress-report block skipped: {type(e).__name__}: {e}", page=b.page,
                        block_index=b.index, kind="extract_error")
    return rd.emit()


def looks_like_report(blocks: list[Block], settings: Settings = DEFAULT) -> bool:
    """Template cues strong enough to read a paper of another type as a report:
    a Lead Officer or Priority Area line, an achievements heading and one more
    section heading (a cover report's "Key Issues" and "Recommendations" are not enough)."""
    fields = sum(1 for b in blocks if b.kind != TABLE and re.match(r"(?i)^\s*(lead\s+officer|priority\s+area)\s*[:\-]", b.norm or ""))
    secs = {hs[0] for b in blocks if b.kind != TABLE and (hs := heading_split(b, settings))}
    return fields >= 1 and ACHIEVEMENT in secs and len(secs) >= 2


@register
class ProgressReportExtractor(Extractor):
    name = "reports"
    paper_types = (PROGRESS_REPORT, "performance", "other", "minutes", "agenda", "cover_letter", "budget", "action_plan")
    produces = ("progress_reports", "report_sections", "report_items")
    order = 45

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        blocks = paper.blocks(ctx.doc)
        done: set = ctx.report_blocks
        blocks = [b for b in blocks if b.index not in done]
        if not blocks:
            return ExtractResult()
        if paper.paper_type != PROGRESS_REPORT and not looks_like_report(blocks, ctx.settings):
            return ExtractResult()
        done.update(b.index for b in blocks)
        return extract_reports(blocks, ctx)


#: clean_heading and section_of are imported from here by the tests
__all__ = ["ProgressReportExtractor", "extract_reports", "looks_like_report", "clean_heading", "section_of"]
