"""PDF lines into blocks: headings, paragraphs, list items, in reading order.

The PDF reader (:mod:`.pdf_reader`) turns each page into visual :class:`Line`
objects and table blocks; this module decides what the lines are:

* headings from font size and boldness relative to the body text (levels by
  the size ranking of the document's heading styles), with footnote markers
  kept off them;
* paragraphs from lines grouped by vertical gap and indent (a line that ran
  to the right margin wraps into the next, whatever its bold runs say);
* list items from bullet glyphs (stripped) or "1." / "a)" / hanging "1.3.1"
  markers (kept: the numbers are agenda and minute numbers), nested by indent;
* a paragraph cut by a page break joined with its rest on the next page;
* prose set in columns (:mod:`.pdf_prose_columns`) read column by column, a
  paragraph that runs off the foot of one column going on at the head of the
  next;
* the footnote area under a typed separator flagged "footnote".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Block
from boardpack.core.settings import DEFAULT, PdfSettings
from boardpack.core.vocabulary import BULLET_CHARS
from boardpack.ingest.pdf_lines import NUMBERING, Line, wrap_edge
from boardpack.ingest.pdf_prose_columns import read_in_columns

__all__ = ["Builder", "Line", "PageItems", "flag_footnotes", "heading_styles", "join_across_pages",
           "list_levels", "page_blocks"]

_BULLETS = set(BULLET_CHARS)
_NUMBER_MARKER = re.compile(r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])$", re.I)
_AMOUNT = re.compile(r"\d\.\d|\d,\d{3}")


@dataclass
class PageItems:
    """What the reader keeps of one page once pdfplumber's objects are released."""

    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # Line or Block(TABLE), top to bottom
    fills: list = field(default_factory=list)  # shaded rects (pdf_tables.Fill)
    rules: list = field(default_factory=list)  # horizontal rules (y, x0, x1)
    #: the page's text layer does not say what it shows (unmapped glyphs): read by OCR
    unreadable_text: bool = False


def _marker(line: Line) -> tuple[Optional[str], bool]:
    """(list marker kind, whether the marker is a glyph to strip)."""
    first = line.words[0]["text"]
    if first in _BULLETS and len(line.words) > 1:
        return "bullet", True
    if len(first) > 1 and first[0] in _BULLETS - {"-", "*", "o"} and first[0] != "\u2013":
        return "bullet-attached", True
    if len(line.segs) >= 2 and len(line.segs[0].words) == 1 and NUMBERING.match(first):
        return "number", False  # a number hanging in its own column: "1.3.1   The Clerk ..."
    if _NUMBER_MARKER.match(first) and len(line.words) > 1:
        gap = line.words[1]["x0"] - line.words[0]["x1"]
        if gap > 0.5 * (line.size or 10) or first[-1] == ")" or first[0] == "(":
            return "number", False
    return None, False


class Builder:
    """Document-wide typography the per-page block building needs: the body
    size, the heading styles ranked into levels, the text margin; and the
    tolerances it is read with (``settings.pdf``)."""

    def __init__(self, body: float, heading_sizes: list[tuple[float, bool]], margin: float,
                 pdf: PdfSettings = DEFAULT.pdf):
        self.body = body
        self.heading_levels = {s: i + 1 for i, s in enumerate(heading_sizes)}
        self.margin = margin
        self.pdf = pdf
        #: a line this size or larger is a heading by its size alone
        self.heading_size = body + pdf.heading_size_step

    def line_gap(self, size: float) -> float:
        """The widest gap between two lines (of ``size`` points) of one paragraph."""
        return max(self.pdf.line_gap * size, self.pdf.line_gap_min)

    def heading_style(self, ln: Line) -> Optional[tuple[float, bool]]:
        text = ln.text.strip()
        if len(text) < 2 or not any(ch.isalpha() for ch in text):
            return None
        # bold total rows of a borderless budget ("TOTAL RESERVES 12,609.4 -20,766.2") are not headings
        if sum(1 for w in ln.words if _AMOUNT.search(w["text"])) >= 2:
            return None
        if ln.size >= self.heading_size and len(ln.words) <= 25:
            return (ln.size, ln.bold)
        if ln.bold and ln.size >= self.body - 0.6 and len(ln.words) <= 14 and not text.endswith((",", ";")):
            return (ln.size, True)
        return None


def heading_styles(pages: list[PageItems], body: float, pdf: PdfSettings = DEFAULT.pdf) -> list[tuple[float, bool]]:
    b = Builder(body, [], 0, pdf)
    styles = set()
    for p in pages:
        for it in p.items:
            if isinstance(it, Line) and not it.furniture:
                s = b.heading_style(it)
                if s:
                    styles.add(s)
    return sorted(styles, key=lambda s: (-s[0], not s[1]))


def _level(x0: float, margin: float, step: float) -> int:
    return max(0, min(5, int(round((x0 - margin) / step))))


_OPEN_END = re.compile(r"[,;\-\u2013(/&]$|\b(?:and|or|the|of|to|a|an|in|for|with|by|that|which)$", re.I)
_CLOSED_END = re.compile(r"[.!?:]['\")]?$")


def join_across_pages(blocks: list[Block], body: float, furniture: set[int],
                      pdf: PdfSettings = DEFAULT.pdf) -> list[Block]:
    """Join a paragraph or list item cut by a page break with its rest at the
    top of the next page (which starts mid-sentence: lower case, a bracket, or
    the first part ends on a comma or "and"). The joined block keeps the first
    page in ``page`` and the last in ``page_end``."""
    out: list[Block] = []
    last_text: Optional[Block] = None  # last paragraph/list item before the break
    crossed = False
    for b in blocks:
        if b.kind == PAGE_BREAK:
            crossed = last_text is not None
            out.append(b)
            continue
        if id(b) in furniture or "footnote" in b.flags:
            out.append(b)
            continue
        if crossed and last_text is not None and b.kind == PARAGRAPH and b.bbox and last_text.bbox:
            a = last_text
            tail = a.norm.rstrip()
            head = b.norm.lstrip()
            opens = head[:1].islower() or head[:1] in "(,;"
            indent_ok = (b.bbox[0] > a.bbox[0] + 2) if a.kind == LIST_ITEM else abs(b.bbox[0] - a.bbox[0]) < 1.5 * body
            size_ok = abs((a.font_size or body) - (b.font_size or body)) < pdf.size_tolerance
            if tail and not _CLOSED_END.search(tail) and (opens or _OPEN_END.search(tail)) and indent_ok and size_ok:
                a.text = f"{a.text}\n{b.text}"
                a.norm = f"{a.norm}\n{b.norm}"
                a.page_end = b.page_end or b.page
                crossed = False
                continue
        crossed = False
        last_text = b if b.kind in (PARAGRAPH, LIST_ITEM) else None
        out.append(b)
    return out


_SEPARATOR = re.compile(r"^[_\u2014\u2500-]{8,}$")


def flag_footnotes(blocks: list[Block], body: float) -> None:
    """Flag "footnote" on a page's footnote area: the blocks in a smaller font
    below a separator rule typed as underscores (how Word footnotes come out
    of LibreOffice); template guidance lives there, not content."""
    in_notes = None
    for b in blocks:
        if b.kind == PAGE_BREAK:
            in_notes = None
            continue
        if b.kind == PARAGRAPH and _SEPARATOR.match(b.norm.replace(" ", "")):
            in_notes = b.page
            b.flags.append("footnote")
            continue
        if in_notes == b.page and b.kind != TABLE and (b.font_size or body) < body - 0.5:
            b.flags.append("footnote")


def list_levels(blocks: list[Block], pdf: PdfSettings = DEFAULT.pdf) -> None:
    """Nesting levels of list items from their indents within a run of items:
    the leftmost marker of the run is level 0, each deeper indent one more.
    A heading, a table, or text back at (or left of) the run's first indent ends
    the run; page breaks and furniture do not."""
    stack: list[float] = []
    tol = pdf.list_indent_tolerance
    for b in blocks:
        if b.kind == LIST_ITEM and b.bbox:
            x = b.bbox[0]
            while stack and x < stack[-1] - tol:
                stack.pop()
            if not stack or x > stack[-1] + tol:
                stack.append(x)
            b.level = min(len(stack) - 1, 5)
        elif b.kind in (HEADING, TABLE):
            stack = []
        elif b.kind == PARAGRAPH and stack and b.bbox and b.bbox[0] <= stack[0] + 2:
            stack = []


_MARK = re.compile(r"^[\d*\u2020\u2021]{1,3}$")


def _is_superscript(w: dict, ln: Line) -> bool:
    return bool(_MARK.match(w["text"])) and w.get("size", ln.size) < 0.8 * ln.size and w["bottom"] < ln.bottom - 1


def _new_block(kind, lines: list[Line], page: int, level: int = 0, strip_first: bool = False) -> Block:
    parts = []
    for i, ln in enumerate(lines):
        ws = ln.words[1:] if (i == 0 and strip_first) else ln.words
        if kind == HEADING:
            # footnote markers on template headings ("Key Achievements during this Quarter¹")
            ws = [w for w in ws if not _is_superscript(w, ln)] or ws
        if i == 0 and strip_first and len(ln.words[0]["text"]) > 1 and ln.words[0]["text"][0] in _BULLETS:
            ws = [dict(ln.words[0], text=ln.words[0]["text"][1:])] + ln.words[1:]
        parts.append(" ".join(w["text"] for w in ws))
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    top, bottom = lines[0].top, lines[-1].bottom
    if any(b.top < a.top for a, b in zip(lines, lines[1:])):  # run on into the next column
        top, bottom = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
    bbox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
    fonts = Counter(w.get("fontname", "") for ln in lines for w in ln.words)
    return Block(kind=kind, text="\n".join(parts), level=level, page=page, bbox=bbox,
                 bold=all(ln.bold for ln in lines), font_size=lines[0].size,
                 style=_font_family(fonts.most_common(1)[0][0]) if fonts else None)


_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


def _font_family(fontname: str) -> str:
    """"BAAAAA+DejaVuSerif-Bold" -> "DejaVuSerif-Bold" (drop the subset tag)."""
    return _SUBSET_PREFIX.sub("", fontname or "")


def _rule_between(rules: list, a: Line, b: Line) -> bool:
    """Is there a horizontal rule (a box edge, a separator) between two lines?
    Underlined words (links) are short rules under a line: only a rule as wide
    as most of the lines counts."""
    lo, hi = a.bottom - 1, b.top + 1
    x0, x1 = min(a.x0, b.x0), max(a.x1, b.x1)
    need = 0.6 * (x1 - x0)
    return any(lo <= y <= hi and min(rx1, x1) - max(rx0, x0) >= need for y, rx0, rx1 in rules)


def page_blocks(p: PageItems, b: Builder, furniture: set[int]) -> list[Block]:
    """The page's items as blocks: tables as they are, furniture lines as
    paragraphs of their own (ids added to ``furniture``), and the other lines
    grouped into headings, paragraphs and list items."""
    return _PageBuild(p, b, furniture).run()


def _right_margin(p: PageItems, body: float) -> float:
    """Where a line that ran to the right margin ends (a line ending there
    wraps into the next), from the page's own line ends."""
    return wrap_edge([it for it in p.items if isinstance(it, Line) and not it.furniture], body)


class _PageBuild:
    """Lines grouped into blocks, one page at a time: the block being built
    (its lines, kind, level, whether its marker glyph is stripped, its heading
    style) and the blocks made so far."""

    def __init__(self, p: PageItems, b: Builder, furniture: set[int]):
        self.p, self.b, self.furniture = p, b, furniture
        self.out: list[Block] = []
        self.cur: list[Line] = []
        self.kind = None
        self.level = 0
        self.strip = False
        self.style = None
        self.right = _right_margin(p, b.body)
        #: index in ``cur`` of the block's first line in the column it is in
        self.anchor = 0
        #: prose set in columns, read column by column (its lines' own margins)
        self.columns = read_in_columns(p.items, p.number, b.body)

    def ran_to_margin(self, ln: Line) -> bool:
        return ln.x1 >= self.columns.edge.get(id(ln), self.right)

    def run(self) -> list[Block]:
        for it in self.columns.items:
            if isinstance(it, Block):
                self.flush()
                self.out.append(it)
            elif it.furniture:
                self.flush()
                fb = _new_block(PARAGRAPH, [it], self.p.number)
                self.furniture.add(id(fb))
                self.out.append(fb)
            else:
                self.line(it)
        self.flush()
        return self.out

    def flush(self) -> None:
        if self.cur:
            self.out.append(_new_block(self.kind, self.cur, self.p.number, self.level, self.strip))
        self.cur, self.kind, self.anchor = [], None, 0

    def line(self, ln: Line) -> None:
        hs = self.b.heading_style(ln)
        marker, strip = _marker(ln)
        if marker and marker != "number":
            hs = None
        if self.cur:
            if self.continues(ln, hs, marker):
                self.cur.append(ln)
                return
            self.flush()
        self.start(ln, hs, marker, strip)

    def continues(self, ln: Line, hs, marker) -> bool:
        """Does ``ln`` go on with the block being built?"""
        b, cur = self.b, self.cur
        prev = cur[-1]
        if id(ln) in self.columns.heads:
            return self.runs_on(prev, ln, marker)
        gap = ln.top - prev.bottom
        close = (gap <= b.line_gap(prev.size) and abs(ln.size - prev.size) < b.pdf.size_tolerance and marker is None
                 and not _rule_between(self.p.rules, prev, ln))
        same_para = close and ((hs is not None) == (self.kind == HEADING)) and (self.kind != HEADING or hs == self.style)
        # A line that ran to the right margin wraps into the next one, whatever
        # the bold runs say: a bold phrase inside a paragraph is not a heading.
        wraps = close and self.ran_to_margin(prev) and (self.kind != HEADING or self.style[0] < b.heading_size)
        if wraps and not same_para:
            same_para = True
            if self.kind == HEADING:
                self.kind, self.level = PARAGRAPH, 0
        if same_para and self.kind == HEADING and self.style[0] < b.heading_size and self.ran_to_margin(prev):
            self.kind, self.level = PARAGRAPH, 0
        if same_para and self.kind == LIST_ITEM:
            return ln.x0 >= cur[0].x0 + 2  # wrapped list text sits right of the marker
        if same_para and self.kind == PARAGRAPH:
            a = self.anchor
            return ln.x0 <= cur[a].x0 + 1.5 * prev.size or len(cur) > a + 1 and ln.x0 <= cur[a + 1].x0 + 2
        return same_para

    def runs_on(self, prev: Line, ln: Line, marker) -> bool:
        """Does a paragraph at the foot of a column go on at the head of the
        next? When its last line ran to the column's margin without ending a
        sentence, as over a page break."""
        on = (self.kind == PARAGRAPH and marker is None and abs(ln.size - prev.size) < self.b.pdf.size_tolerance
              and self.ran_to_margin(prev) and not _CLOSED_END.search(prev.text.rstrip()))
        if on:
            self.anchor = len(self.cur)
        return on

    def start(self, ln: Line, hs, marker, strip: bool) -> None:
        b = self.b
        if marker == "number" and hs:
            # "76. Apologies" in bold: a numbered heading (minute and agenda items), number kept
            self.kind, self.level, self.strip, self.style = HEADING, b.heading_levels.get(hs, 1), False, hs
        elif marker:
            self.kind, self.level, self.strip, self.style = LIST_ITEM, _level(ln.x0, b.margin, b.pdf.list_indent_step), strip, None
        elif hs:
            self.kind, self.level, self.strip, self.style = HEADING, b.heading_levels.get(hs, 1), False, hs
        else:
            self.kind, self.level, self.strip, self.style = PARAGRAPH, 0, False, None
        self.cur, self.anchor = [ln], 0

