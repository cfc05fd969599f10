"""Agenda items: number, title, presenter, page range, group heading, notes.

Works on agenda tables (number | title | pages columns, group headings in
rows without a number) and on numbered paragraphs / list items (ModernGov
front sheets: "5. Title ... (Pages 11 - 84)" wrapped over several lines).
Numbers are normalised ("4 (a)" -> "4a", "6. a)" -> "6a", "5." -> "5");
roman sub-lines "(i)" are attached to their item as notes. Items belong to
the pack's meeting (found by :mod:`.meetings` on the cover letter or front
sheet), not to any meeting mentioned in the item titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import AGENDA, COVER, Paper
from .base import ExtractContext, Extractor, ExtractResult, register, row_id
from .meeting_cues import Line, paper_lines, units
from .meetings import pack_meeting

# "4 (a) Title", "6. a) Title", "5. Title", "Item 7 Title", "10 Title"
_ITEM = re.compile(
    r"^(?:agenda\s+)?(?:item\s+)?(?P<num>\d{1,2})(?![\d/])(?![.,:]\d)\s*(?P<dot>[.):])?\s*"
    r"(?:(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z](?=[.\s]\s*\S))\.?\s*)?"
    r"(?P<title>\S.*)?$",
    re.I,
)
# a number cell on its own: "1.", "4 (a)", "6. a)", "4a"
_NUM_CELL = re.compile(r"^(?:item\s+)?(?P<num>\d{1,2})\s*\.?\s*(?:(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z])\.?)?$", re.I)
# "(b) Title" or "b) Title" or "b. Title": a lettered sub-item of the current item
_SUB = re.compile(r"^(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z]\.)\s+(?P<title>\S.*)$")
_ROMAN = re.compile(r"^\(?(?P<r>i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s*(?P<t>.*)$", re.I)
# where a text block holding several items is split into units
_SPLIT = re.compile(
    r"^(?:(?:item\s+)?\d{1,2}\s*(?:[.):]|\s*\(\s*[a-z]\s*\))\s*\S|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s|\(?[a-z][.)]\s|[A-Z][A-Z &/,'\-]{3,60}$)"
)
_PAGES = re.compile(r"\(?\s*\bpages?\s*(?P<a>\d+)\s*(?:(?:-|to)\s*(?P<b>\d+))?\s*\)?", re.I)
# "T&CG 55 - 70": text then a page range (not a year range such as 2009 - 2012)
_TRAILING_RANGE = re.compile(r"^(?P<pre>.*?)\s*(?P<r>(?<![\d/])(?P<a>\d{1,3})\s+-\s+(?P<b>\d{1,3}))\s*$", re.S)
_PAGE_RANGE_CELL = re.compile(r"^(?:pages?\s*)?(?P<a>\d+)\s*(?:(?:-|to)\s*(?P<b>\d+))?$", re.I)
_HEADER_WORDS = r"(?:agenda|pages?|page nos?\.?|item|items|no\.?|number|title|subject|presenter|presented by|lead|lead officer|by|speaker|officer|who|time|timing|duration|purpose|action|paper|papers|report)\s*:?"
_HEADING = re.compile(r"^[A-Z][A-Z &/,'\-]{3,60}$")
_AGENDA_CUE = re.compile(r"^\s*(?:agenda|agenda\s*(?:&|and)\s*summons.*|summons\s+and\s+agenda.*)\s*(?:\|\s*)*(?:pages)?\s*$", re.I)
_END_MATTER = re.compile(
    r"^(?:yours\b|dear\b|democratic services|tel\b|telephone|fax\b|e-?mail|guidance notes|"
    r"this page is left blank|[A-Z][a-z]+ [A-Z][a-z]+\s*$(?!x)|general counsel|chief executive$|clerk to)",
    re.I,
)
_PRESENTER_TITLES = r"(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Ch\.?\s*Insp\.?|Chief\s+Inspector|CI|DI|Insp\.?|Inspector|Supt\.?|Superintendent|Sgt|PC|DCI|Rev)"
_PRESENTER = re.compile(
    rf"^(?:All|(?:{_PRESENTER_TITLES}\s+)?[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){{0,3}}(?:\s*(?:/|&|and)\s*(?:{_PRESENTER_TITLES}\s+)?[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){{0,3}})*)$"
)
_NOT_NAME_WORDS = re.compile(
    r"\b(?:update|report|plan|action|strategy|funding|budget|business|meeting|minutes|review|progress|assessment|"
    r"council|partnership|group|board|committee|team|service|services|police|fire|county|district|priorities|"
    r"presentation|discussion|item|items|policy|interest|declarations|apologies|introductions|date|next|any|other|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|monitoring|draft|"
    r"response|agreement|programme|performance|quarter|annual|appendix|summary)\b",
    re.I,
)
_CONNECTOR_END = re.compile(r"(?:\b(?:and|or|of|the|to|for|in|on|with|from|by|a|an)|[,\-(/&:])\s*$", re.I)


@dataclass
class Item:
    number: str
    number_raw: str
    title_parts: list[str]
    page: Optional[int]
    block_index: int
    group: Optional[str] = None
    pages: Optional[str] = None
    pages_raw: Optional[str] = None
    notes: list[str] = field(default_factory=list)
    parent: Optional[str] = None
    top: int = 0
    raw_parts: list[str] = field(default_factory=list)
    presenter: Optional[str] = None  # from a Presenter column


def normalise_number(num: str, sub: Optional[str] = None) -> str:
    """"4", "(a)" -> "4a"; "5." -> "5"."""
    s = (sub or "").strip().strip("().").strip().lower()
    return f"{int(num)}{s}"


def split_presenter(title: str) -> tuple[str, Optional[str]]:
    """"Update from CDRP T&CG - Mike Hill" -> ("Update from CDRP T&CG", "Mike Hill");
    "Report (Cllr John Reynolds - Chairman / Neil Weston)" -> ("Report", "Cllr John Reynolds - Chairman / Neil Weston")."""
    t = title.strip()
    pm = re.match(r"^(?P<t>.+?)\s*\((?P<p>[^()]+)\)\s*$", t)
    if pm:
        inner = pm.group("p").strip()
        first = re.split(r"\s*(?:/|,|;|\s-\s)\s*", inner)[0].strip()
        if (re.match(rf"^{_PRESENTER_TITLES}\s", first) or (_PRESENTER.match(first) and len(first.split()) >= 2)) \
                and not _NOT_NAME_WORDS.search(first) and not re.search(r"\d", first):
            return pm.group("t").strip(), inner
    m = re.match(r"^(?P<t>.+?)\s+-\s+(?P<p>[^-]+?)\s*$", t)
    if m:
        p = m.group("p").strip().rstrip(".")
        if p.isupper() and len(p) > 4:
            p_cmp = " ".join(w.capitalize() for w in p.split())
        else:
            p_cmp = p
        if _PRESENTER.match(p_cmp) and not _NOT_NAME_WORDS.search(p) and not re.search(r"\d", p):
            return m.group("t").strip(), p
    return t, None


def format_pages(a: str, b: Optional[str]) -> str:
    return f"{int(a)}-{int(b)}" if b else f"{int(a)}"


def _take_pages(text: str) -> tuple[str, Optional[str], Optional[str]]:
    m = None
    for m in _PAGES.finditer(text):
        pass
    if m is None:
        return text, None, None
    rest = (text[: m.start()] + " " + text[m.end():]).strip()
    return " ".join(rest.split()), format_pages(m.group("a"), m.group("b")), m.group(0).strip()


class AgendaParser:
    """Walks lines and table rows, keeping the current item and group heading."""

    def __init__(self, require_cue: bool):
        self.items: list[Item] = []
        self.group: Optional[str] = None
        self.started = not require_cue
        self.cur: Optional[Item] = None
        self.last_top = 0
        self.closed = False
        self.pending_pages: Optional[tuple[str, str]] = None

    # -- helpers --
    def _accept_top(self, n: int, in_table: bool) -> bool:
        if not self.items:
            return n <= 5 or in_table or (self.started and n <= 30)
        return self.last_top < n <= self.last_top + (5 if in_table else 3)

    def _new(self, num: str, sub: Optional[str], title: str, ln: Line, raw: str) -> Item:
        n = int(num)
        number = normalise_number(num, sub)
        parent = None
        if sub and not title and self.cur is not None and self.cur.top == n:
            pass
        it = Item(number, raw.strip(), [title] if title else [], ln.page, ln.block_index, group=self.group, top=n, raw_parts=[raw])
        if sub and any(i.number == str(n) for i in self.items):
            parent = str(n)
        it.parent = parent
        self.items.append(it)
        self.cur = it
        self.last_top = max(self.last_top, n)
        self.closed = False
        return it

    def _is_heading(self, t: str) -> bool:
        words = t.split()
        return (bool(_HEADING.match(t)) and not re.search(r"[\d/]", t) and len(words) <= 8 and t.upper() != "PAGES"
                and (len(words) >= 2 or len(t) >= 8) and any(len(w) >= 3 for w in words))

    # -- rows --
    def row(self, ln: Line) -> None:
        cells = [c.strip() for c in (ln.cells or [])]
        nonempty = [c for c in cells if c]
        if not nonempty:
            return
        if all(re.fullmatch(_HEADER_WORDS, c, re.I) for c in nonempty):
            self.started = True
            self.col_roles = {}
            for j, c in enumerate(cells):
                low = c.lower().rstrip(":")
                if re.fullmatch(r"presenter|presented by|lead|lead officer|by|speaker|officer|who", low):
                    self.col_roles[j] = "presenter"
                elif re.fullmatch(r"pages?|page nos?\.?", low):
                    self.col_roles[j] = "pages"
                elif re.fullmatch(r"time|timing|duration|purpose|action|paper|papers|report", low):
                    self.col_roles[j] = "skip"
            return
        first_i = next(i for i, c in enumerate(cells) if c)
        first = cells[first_i]
        m = _NUM_CELL.match(first)
        if m and len(nonempty) >= 1:
            self.started = True
            roles = getattr(self, "col_roles", {})
            presenter_cell = next((cells[j] for j, r in roles.items() if r == "presenter" and j < len(cells) and cells[j]), None)
            rest = [c for j, c in enumerate(cells) if j > first_i and c and roles.get(j) not in ("presenter", "skip")]
            title, pages, praw = "", None, None
            texts = []
            for c in rest:
                pm = _PAGE_RANGE_CELL.match(c)
                if pm and texts:
                    pages, praw = format_pages(pm.group("a"), pm.group("b")), c
                else:
                    texts.append(c)
            title_lines = texts[0].split("\n") if texts else []
            title = title_lines[0] if title_lines else ""
            n = int(m.group("num"))
            if not m.group("sub") and not self._accept_top(n, True) and self.items:
                if self.cur is not None:
                    self.cur.notes.append(" ".join(nonempty))
                return
            it = self._new(m.group("num"), m.group("sub"), "", ln, first)
            it.presenter = presenter_cell
            if title:
                self._line_in_item(title, same_block=True, first=True)
            for extra in title_lines[1:]:
                self._line_in_item(extra, same_block=True)
            for extra in texts[1:]:
                t2, p2, r2 = _take_pages(extra)
                if p2:
                    pages, praw = p2, r2
                else:
                    # "T&CG 55 - 70": the end of a wrapped title and the page range in one cell
                    tm = _TRAILING_RANGE.match(extra)
                    if tm:
                        pages, praw = format_pages(tm.group("a"), tm.group("b")), tm.group("r")
                        t2 = tm.group("pre")
                if t2 and it.title_parts and (_CONNECTOR_END.search(it.title_parts[-1]) or len(t2.split()) <= 2) and not it.notes:
                    it.title_parts.append(t2)
                elif t2:
                    it.notes.append(t2)
            if not pages and it.title_parts:
                # a page range run into the title cell: "... monitoring - Neil Weston 1 - 24"
                tm = _TRAILING_RANGE.match(it.title_parts[-1])
                if tm and tm.group("pre"):
                    it.title_parts[-1] = tm.group("pre")
                    pages, praw = format_pages(tm.group("a"), tm.group("b")), tm.group("r")
            if pages:
                it.pages, it.pages_raw = pages, praw
            return
        # a row without an item number: "1. Title" in one cell, a group heading, a sub-line or pages
        if len(nonempty) == 1 or not _NUM_CELL.match(first):
            mi = _ITEM.match(first)
            if mi and mi.group("title") and self._accept_top(int(mi.group("num")), True) and (mi.group("dot") or mi.group("sub")):
                self.started = True
                it = self._new(mi.group("num"), mi.group("sub"), "", ln, first)
                self._line_in_item(mi.group("title"), same_block=True, first=True)
                for c in cells[first_i + 1 :]:
                    if c:
                        pm = _PAGE_RANGE_CELL.match(c)
                        if pm:
                            it.pages, it.pages_raw = format_pages(pm.group("a"), pm.group("b")), c
                        else:
                            it.notes.append(c)
                return
        for c in nonempty:
            self.line(Line(c, c, ln.page, ln.block_index, first_of_block=True))

    # -- lines --
    def line(self, ln: Line) -> None:
        t = ln.text.strip()
        if not t:
            return
        despaced = re.sub(r"(?<=\b[A-Za-z]) (?=[A-Za-z]\b)", "", t)  # "A G E N D A"
        if _AGENDA_CUE.match(t) or _AGENDA_CUE.match(despaced):
            self.started = True
            return
        if re.fullmatch(r"pages?", t, re.I):
            return
        if not self.started:
            m0 = _ITEM.match(t)
            # a summons without an AGENDA heading: its item 1 starts the agenda
            if not (m0 and m0.group("num") == "1" and m0.group("dot") and m0.group("title") and len(t) < 120):
                return
            self.started = True
        m = _ITEM.match(t)
        if m and m.group("title") is not None:
            n = int(m.group("num"))
            title = m.group("title")
            ok_shape = bool(m.group("dot") or m.group("sub")) or bool(re.match(r"[A-Z0-9\"'(]", title))
            if ok_shape and self._accept_top(n, bool(m.group("dot"))) and not re.match(r"^(?:-|to|and|\))", title):
                self._new(m.group("num"), m.group("sub"), "", ln, t)
                self._line_in_item(title, same_block=True, first=True)
                return
        if self.cur is None:
            if self._is_heading(t):
                self.group = t
            return
        if self._is_heading(t) and not ln.first_of_block is False:
            self.group = t
            self.closed = True
            self.cur = None
            return
        same = (not ln.first_of_block) and ln.block_index == self.cur.block_index
        self._line_in_item(t, same_block=same)

    def _line_in_item(self, t: str, same_block: bool, first: bool = False) -> None:
        it = self.cur
        if it is None:
            return
        # a "(Pages" left dangling on the previous line: "(Pages" / "461 - 610)"
        if it.title_parts and re.search(r"\(\s*pages?\s*$", it.title_parts[-1], re.I):
            it.title_parts[-1] = it.title_parts[-1] + " " + t
            joined = " ".join(it.title_parts)
            rest, p, praw = _take_pages(joined)
            if p:
                it.title_parts = [rest]
                it.pages, it.pages_raw = p, praw
            return
        rest, p, praw = _take_pages(t)
        if p and not rest.strip():
            it.pages, it.pages_raw = p, praw
            return
        pm = _PAGE_RANGE_CELL.match(t)
        if pm and pm.group("b") and not first:
            it.pages, it.pages_raw = format_pages(pm.group("a"), pm.group("b")), t
            return
        rm = _ROMAN.match(t)
        if rm and not first and t.startswith("("):
            it.notes.append(t)
            return
        sm = _SUB.match(t)
        if sm and not first:
            self._new(str(it.top), sm.group("sub"), sm.group("title"), Line(t, t, it.page, it.block_index), t)
            self.cur.parent = str(it.top) if any(i.number == str(it.top) for i in self.items) else None
            rest2, p2, r2 = _take_pages(sm.group("title"))
            if p2:
                self.cur.title_parts = [rest2]
                self.cur.pages, self.cur.pages_raw = p2, r2
            return
        if p:
            it.pages, it.pages_raw = p, praw
            t = rest
        if first or not it.title_parts:
            it.title_parts.append(t)
            return
        prev = it.title_parts[-1]
        if same_block or re.match(r"^[a-z(]", t) or (_CONNECTOR_END.search(prev) and len(t) < 90):
            if not it.notes:
                it.title_parts.append(t)
                return
        if _END_MATTER.match(t) or re.search(r"@|\b\d{5,}\b", t):
            self.cur = None
            return
        it.notes.append(t)


def parse_agenda(lines: list[Line], require_cue: bool = False) -> list[Item]:
    p = AgendaParser(require_cue)
    for ln in lines:
        if ln.is_row:
            p.row(ln)
        else:
            p.line(ln)
    return p.items


def item_title(it: Item) -> tuple[str, Optional[str]]:
    title = " ".join(" ".join(it.title_parts).split())
    title = re.sub(r"\s+-\s*$", "", title).strip()
    if it.presenter:
        return title, " ".join(it.presenter.split())
    return split_presenter(title)


@register
class AgendaExtractor(Extractor):
    """Agenda items of the pack's meeting (agenda papers, and summonses that carry the agenda)."""

    name = "agenda"
    paper_types = (AGENDA, COVER)
    order = 20

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        lines = units(paper_lines(ctx.doc, paper), _SPLIT)
        items = parse_agenda(lines, require_cue=paper.paper_type == COVER)
        if not items:
            return res
        meeting = pack_meeting(ctx)
        mid = meeting.meeting_id if meeting else None
        seen = ctx.shared.setdefault("agenda.seen", set())
        for ordinal, it in enumerate(items):
            title, presenter = item_title(it)
            key = (it.number, title.lower())
            if key in seen:
                continue
            seen.add(key)
            res.add(
                "agenda_items",
                {
                    "agenda_item_id": row_id(ctx.doc.sha256, paper.start, it.number, title, ordinal),
                    "meeting_id": mid,
                    "item_number": it.number,
                    "item_number_raw": it.number_raw,
                    "parent_number": it.parent,
                    "title": title,
                    "title_raw": " ".join(it.raw_parts + it.title_parts[1:]),
                    "presenter": presenter,
                    "pages": it.pages,
                    "pages_raw": it.pages_raw,
                    "group_heading": it.group,
                    "notes": "\n".join(it.notes) if it.notes else None,
                    "ordinal": ordinal,
                    "paper_type": paper.paper_type,
                    "page": it.page,
                    "block_index": it.block_index,
                },
            )
        return res
