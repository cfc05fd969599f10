"""The headings and field lines of a progress report, read by meaning.

Which of the four sections a heading names ("Key Achievements (What has gone
well)" is an achievement, "Recommendations ... to Address Concerns" a
recommendation), the priority area and its period hint ("ASB - Q4"), and the
area named by a report's own title or the heading above it. Kept apart from
the report reader (reports.py), which walks the blocks and decides where a
report starts and what is an item.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, Block
from boardpack.core.settings import DEFAULT, REPORT_SECTIONS, Settings
from boardpack.core.vocabulary import MONTH_STEM_RE
from boardpack.extractors.report_context import one_line


SECTIONS = REPORT_SECTIONS  # named once, in the settings, whose section_headings map to them
ACHIEVEMENT, CONCERN, RECOMMENDATION, PUBLICITY = SECTIONS

# Anchored at the start of a heading (after any "1." numbering); the order
# matters: "Recommendations ... to Address Concerns" is a recommendation.
_SECTION_PATTERNS: list[tuple[str, re.Pattern]] = [
    (RECOMMENDATION, re.compile(
        r"^(?:key\s+)?(?:recommendations?|changes?\s+(?:to\s+be\s+made|required|proposed)|proposed\s+changes|"
        r"actions?\s+(?:required|proposed|to\s+address)|how\s+(?:we\s+will|to)\s+address|next\s+steps|"
        r"what\s+(?:needs\s+to|will)\s+change|decisions?\s+(?:required|needed|sought)|"
        r"support\s+(?:required|needed)\s+from|asks?\s+of\s+the\s+(?:board|partnership))\b", re.I)),
    (PUBLICITY, re.compile(
        r"^(?:any\s+)?(?:items?\s+(?:for|of)\s+publicity|publicity|press\s+(?:and|&)\s+media|media\s+(?:and|&)\s+publicity|"
        r"good\s+news\s+stor(?:y|ies)|communications?\s+(?:opportunities|items))\b", re.I)),
    (CONCERN, re.compile(
        r"^(?:key\s+)?(?:areas?\s+of\s+concerns?|concerns?|issues?\s+(?:and|&)\s+concerns|issues\s+(?:for|to)|"
        r"what\s+(?:has\s+not|hasn't|has\s+n't)\s+gone\s+well|what\s+went\s+less\s+well|risks?\s+(?:and|&)\s+issues|"
        r"key\s+issues|problems|lowlights|exceptions|challenges|barriers)\b", re.I)),
    (ACHIEVEMENT, re.compile(
        r"^(?:key\s+)?(?:achievements?|successes|highlights|what\s+(?:has\s+gone|went)\s+well|"
        r"progress\s+(?:made|this\s+quarter))\b",
        re.I)),
]

_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|\(?[ivx]+\))\s+", re.I)
_FOOTNOTE_MARK = re.compile(r"(?:\s*[\u00b9\u00b2\u00b3\u2070-\u2079]+|(?<=[A-Za-z)])\s?\d{1,2}|\s*\*+)\s*:?\s*$")
PRIORITY = re.compile(r"^\s*priority\s+area\s*[:\-]\s*(.*)$", re.I | re.S)
LEAD = re.compile(r"\blead\s+officer\s*[:\-]\s*(.*)$", re.I | re.S)
QUARTER_LINE = re.compile(r"^\s*(?:quarter|period|reporting\s+period)\s*[:\-]\s*(.+)$", re.I | re.S)
REPORT_TITLE = re.compile(r"\b(?:quarterly\s+)?progress\s+report\b|\bquarterly\s+(?:update|report)\b", re.I)
_PERIOD_SUFFIX = re.compile(
    r"\s*[-,:(]?\s*(?:q[1-4]|quarter\s*[1-4]|(?:1st|2nd|3rd|4th)\s+quarter)\b[^)]*\)?\s*$"
    r"|\s*[-,(]\s*(?:19|20)\d\d\s*[/-]\s*\d{2,4}\)?\s*$", re.I)


def clean_heading(text: str) -> str:
    """Heading text without numbering, trailing footnote marker or colon."""
    t = one_line(text)
    t = _NUMBERING.sub("", t)
    prev = None
    while prev != t:
        prev = t
        t = _FOOTNOTE_MARK.sub("", t).strip()
    return t.strip(" :")


def section_of(text: str, settings: Settings = DEFAULT) -> Optional[str]:
    """The section a heading names, or None: the built-in patterns, then the
    heading words of ``settings.vocabulary.section_headings``."""
    t = clean_heading(text)
    if not t or len(t.split()) > 14:
        return None
    for sec, pat in _SECTION_PATTERNS:
        if pat.search(t):
            return sec
    words = " ".join(t.lower().split())
    for phrase, sec in settings.vocabulary.section_headings.items():
        if words == phrase or words.startswith(phrase) and not words[len(phrase)].isalnum():
            return sec
    return None


def heading_split(block: Block, settings: Settings = DEFAULT) -> Optional[tuple[str, str, str]]:
    """(section, heading as written, inline content) when ``block`` is a section heading."""
    text = one_line(block.norm)
    raw = one_line(block.text)
    if not text:
        return None
    headingish = block.kind == HEADING or block.bold or block.kind == PARAGRAPH
    if block.kind == LIST_ITEM and not block.bold:
        return None
    # "Any Items for Publicity: Update information on the DAAT website"
    m = re.match(r"^([^:]{3,80}):\s*(\S.*)$", text)
    sec = section_of(m.group(1), settings) if m else None
    if sec and not re.fullmatch(r"[\d\s\u00b9\u00b2\u00b3\u2070-\u2079*]+", m.group(2)):
        head_raw = raw.split(":", 1)[0] if ":" in raw else m.group(1)
        return sec, clean_heading(head_raw), m.group(2).strip()
    sec = section_of(text, settings) if len(text.split()) <= 14 else None
    if sec and headingish and not (block.kind == PARAGRAPH and text.endswith(".") and len(text.split()) > 8):
        return sec, clean_heading(raw), ""
    return None


def priority_value(v: str) -> tuple[str, Optional[str]]:
    """'ASB - Q4' -> ('ASB', 'Q4'); also cuts a "Lead Officer:" run on the same line."""
    v = one_line(LEAD.split(v)[0] if LEAD.search(v) else v)
    m = _PERIOD_SUFFIX.search(v)
    if m and m.start() > 0:
        return v[: m.start()].strip(" -,:"), v[m.start():].strip(" -,:()")
    return v.strip(), None


_FROM = re.compile(r"^(?:.*?\b)?(?:quarterly\s+)?(?:progress\s+)?(?:update|report)\s+(?:from|of|on|by)\s+(?:the\s+)?(.+)$", re.I)
PRIORITY_HEAD = re.compile(r"^\s*priority\s*\d*\s*[:.\-]\s*(.+)$", re.I)


def _name_from_heading(h: str) -> Optional[str]:
    t = _NUMBERING.sub("", one_line(h))
    t = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", t)
    m = PRIORITY_HEAD.match(t)
    if m:
        t = m.group(1)
    else:
        m = _FROM.match(t)
        if not m:
            return None
        t = m.group(1)
    name, _ = priority_value(t)
    name = re.sub(rf"\s*,?\s*(?:q[1-4]\b.*|{MONTH_STEM_RE}\w*\s+(?:19|20)\d\d.*)$", "", name, flags=re.I)
    name = name.strip(" ,-:")
    if not name or REPORT_TITLE.fullmatch(name) or re.fullmatch(r"(?i)(quarterly\s+)?progress\s+report", name):
        return None
    return name


def priority_from_headings(titles: list[str], heads: list[str]) -> Optional[str]:
    """A report with no "Priority Area:" line: its area from its own title
    ("Quarterly Update from Road Safety Partnership, Q4 ...") or the heading
    above it ("Priority 2: Reducing Re-offending")."""
    for h in list(titles) + list(reversed(heads)):
        n = _name_from_heading(h)
        if n:
            return n
    return None
