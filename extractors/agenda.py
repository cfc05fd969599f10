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

from boardpack.core.model import AGENDA, COVER, OTHER, Paper
from boardpack.core.vocabulary import MONTH_FULL_NAMES, MONTH_STEM_RE, ORDINAL_SUFFIX_RE
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.meeting_cues import Line, paper_lines, units
from boardpack.extractors.meetings import pack_meeting

# "4 (a) Title", "6. a) Title", "5. Title", "Item 7 Title", "10 Title"
_ITEM = re.compile(
    r"^(?:agenda\s+)?(?:item\s+)?(?P<num>\d{1,2})(?![\d/])(?![.,:]\d)\s*(?P<dot>[.):])?\s*"
    r"(?:(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z](?=\.\s*\S))\.?\s*)?"
    r"(?P<title>\S.*)?$",
    re.I,
)
# a number cell on its own: "1.", "4 (a)", "6. a)", "4a"
_NUM_CELL = re.compile(r"^(?:item\s+)?(?P<num>\d{1,2})\s*\.?\s*(?:(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z])\.?)?$", re.I)
# "(b) Title" or "b) Title" or "b. Title": a lettered sub-item of the current item
_SUB = re.compile(r"^(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z]\.)\.?\s+(?P<title>\S.*)$")
_SUB_UPPER = re.compile(r"^(?P<l>[A-Z])\.\s+(?P<title>\S.*)$")
_ROMAN = re.compile(r"^\(?(?P<r>i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s*(?P<t>.*)$", re.I)
# where a text block holding several items is split into units
_SPLIT = re.compile(
    r"^(?:(?:item\s+)?\d{1,2}\s*(?:[.):]|\s*\(\s*[a-z]\s*\))\s*\S|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s|\(?[a-z][.)]\s|[A-Z][A-Z &/,'\-]{3,60}\s*:?$)"
)
# the numbered alternatives of _SPLIT (an item, a roman or lettered sub-line)
_SPLIT_NUMBERED = re.compile(
    r"^(?:(?:item\s+)?\d{1,2}\s*(?:[.):]|\s*\(\s*[a-z]\s*\))\s*\S|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s|\(?[a-z][.)]\s)"
)
_PAGES = re.compile(r"\(?\s*\bpages?\s*(?P<a>\d+)\s*(?:(?:-|to)\s*(?P<b>\d+))?\s*\)?", re.I)
# "T&CG 55 - 70": text then a page range (not a year range such as 2009 - 2012)
_TRAILING_RANGE = re.compile(r"^(?P<pre>.*?)\s*(?P<r>(?<![\d/])(?P<a>\d{1,3})\s+-\s+(?P<b>\d{1,3}))\s*$", re.S)
_PAGE_RANGE_CELL = re.compile(r"^(?:pages?\s*)?(?P<a>\d+)\s*(?:(?:-|to)\s*(?P<b>\d+))?$", re.I)
_HEADER_WORDS = (r"(?:agenda|(?:agenda\s+)?(?:items?|business)(?:\s+(?:no\.?|number|title))?|pages?|page nos?\.?|no\.?|number|"
                 r"title|subject|topic|presenter|presented by|leads?|lead officer|by|speaker|officer|who|owner|"
                 r"times?|timings?|duration|purpose|action|paper|papers|report)\s*:?")
_HEADING = re.compile(r"^[A-Z][A-Z &/,'\-]{3,60}?\s*:?$")
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
    + "|".join(MONTH_FULL_NAMES) + r"|monitoring|draft|"
    r"response|agreement|programme|performance|quarter|annual|appendix|summary)\b",
    re.I,
)
_MONTHS = rf"{MONTH_STEM_RE}[a-z]*"
# "17 January 2012", "8th June": a date line, not item 17 or 8
_DATE_TITLE = re.compile(rf"^{ORDINAL_SUFFIX_RE}?\s*{_MONTHS}\b\.?(?:\s*,?\s*\d{{4}})?\s*(?:$|[,(]|at\b|\d{{1,2}}[:.]\d{{2}})", re.I)
# "14:00 - 14:05:", "10.30am –", "15.35 - 16.00 (25 mins)": a timing before the title
_LEAD_TIMING = re.compile(
    r"^\(?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:-|–|—|to)\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\)?"
    r"(?:\s*\(\d+\s*min(?:ute)?s?\.?\))?\s*(?:[:\-–—|]\s*)?(?=\S)", re.I)
# "(5 mins)", "- 10 minutes": a duration after the title
_TRAIL_DURATION = re.compile(r"\s*(?:[-–—]\s*)?\(?\b\d+\s*(?:min(?:ute)?s?|hrs?|hours?)\.?\)?\s*$", re.I)
# "Recommended by Office of the Chief Engineer": a line naming who brings the item, printed
# where the title would be (the title follows it)
_PRESENTER_LABEL = re.compile(
    r"^(?:recommended|presented|submitted|introduced|sponsored|requested|proposed|brought)\s+by\b", re.I)
# "(Section 54956.9(d)(1) of the California Government Code)": a statutory citation after a title
# "... Evaluation - Pursuant to Government Code Section 54957": the legal basis after a title
_CITATION_DASH = re.compile(r"\s+[-–—]\s+(?:pursuant\s+to|per|under|as\s+required\s+by)\b.*?\b(?:section|code|act|§)\b.*$", re.I)
_CITATION_TAIL = re.compile(
    r"\s*\((?:[^()]|\([^()]*\))*\b(?:section|sections|code|§|subdivision|act\s+\d{4})\b(?:[^()]|\([^()]*\))*\)\s*$", re.I)
# The procedural business of a meeting, which agendas (American ones above all) print as
# unnumbered headings: CALL TO ORDER, ROLL CALL, PUBLIC COMMENTS, CONSENT CALENDAR, ADJOURNMENT.
# An agenda printing two or more of them unnumbered lists its business as headings: each such
# heading (and each bullet under one) is an item without a number.
_STAGE_PHRASES = (
    r"call(?:ing)?\s+(?:of\s+)?(?:the\s+)?(?:meeting\s+)?to\s+order", r"roll\s*call", r"pledge\s+of\s+allegiance",
    r"flag\s+salute", r"salute\s+to\s+the\s+flag", r"invocation", r"moment\s+of\s+silence",
    r"(?:approval|adoption|acceptance)\s+of\s+(?:the\s+)?(?:agenda|minutes)", r"public\s+(?:comments?|communications?|participation|forum|input)",
    r"oral\s+communications?", r"citizens?(?:'s|s')?\s+(?:speak|comments?|to\s+address|participation|forum)",
    r"consent\s+(?:calendar|agenda)", r"(?:old|new|unfinished|other)\s+business", r"(?:closed|executive)\s+session",
    r"adjourn(?:ment|ed)?", r"announcements?", r"correspondence", r"communications",
)
_STAGE = re.compile(r"^(?:" + "|".join(_STAGE_PHRASES) + r")\b", re.I)
_STAGE_FULL = re.compile(r"^(?:" + "|".join(_STAGE_PHRASES) + r")\s*:?\s*$", re.I)
_STAGE_END = re.compile(r"^adjourn", re.I)


def stage_heading(t: str) -> Optional[str]:
    """The business heading a line opens with, or None: its leading ALL-CAPS words
    ("PUBLIC COMMENTS : Members of the public may ..." -> "PUBLIC COMMENTS",
    "CALL TO ORDER Chair Ramirez" -> "CALL TO ORDER"), or the whole line when it is
    one of the procedural phrases in ordinary case ("Pledge of Allegiance")."""
    t = t.strip()
    if not t or not re.match(r"[A-Z]", t):
        return None
    words = t.split()
    caps = []
    for w in words:
        core = re.sub(r"[^A-Za-z]", "", w)
        if core and core.upper() != core:
            break
        if not core and not re.fullmatch(r"[-–—&/:,.\d$]+|\(?\d+\)?", w):
            break
        caps.append(w)
    rest = " ".join(words[len(caps):])
    head = " ".join(caps).strip()
    head = re.sub(r"\s*:\s*[\d$].*$", "", head)  # "CALL TO ORDER : 6:30 p.m."
    head = re.sub(r"\s*[-–—:,]+\s*$", "", head).strip()
    if rest and re.match(r"^\(", rest) and not re.search(r"\)\s*\S", rest) and len(rest) < 30:
        head, rest = f"{head} {rest}", ""  # "EXECUTIVE SESSION (if needed)"
    letters = re.sub(r"[^A-Za-z]", "", head)
    if len(letters) >= 4 and len(caps) <= 12 and any(len(re.sub(r"[^A-Za-z]", "", w)) >= 3 for w in caps) \
            and not re.search(r"\d{1,2}[:.]\d{2}", head) and not (len(words) > 14 and not rest):
        return head
    whole = re.sub(r"\s*:\s*$", "", t)
    if _STAGE_FULL.match(whole):
        return whole
    return None


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
    fixed: bool = False  # an unnumbered business heading: what follows it is never its title
    base: Optional[str] = None  # what its sub-items are numbered under ("VC" for "VC", "4" for "4")
    # the block of the line it was found on, when a sub-item line of its own under an item of
    # another block: the title's wrapped lines follow in that block
    line_block: Optional[int] = None


# An outline marker: "I." / "V." (Roman), "A." (capital letter), "1." (number); the agenda's
# levels are the kinds in the order they first appear ("I. / A. / 1." -> "VC1").
_OUTLINE = re.compile(r"^(?P<m>[IVX]{1,6}|[A-Z]|\d{1,2})[.)]\s+(?P<title>(?![A-Z]\.\s)[A-Z0-9\"'(][^\s.]*(?:\s.*)?)$")
# "2.1 Public Employee Performance Evaluation" (not "10.30 am", "15.09.05")
_DECIMAL = re.compile(r"^(?P<a>\d{1,2})\.(?P<b>\d{1,2})(?![\d.:/])\.?\s+(?!(?:[ap]\.?m\b|hrs?\b|hours?\b))(?P<title>[A-Z].*)$", re.I)
_ROMAN_RX = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")


def _roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


def _outline_kinds(m: str) -> list[str]:
    kinds = []
    if m.isdigit():
        return ["digit"]
    if _ROMAN_RX.match(m):
        kinds.append("roman")
    if len(m) == 1:
        kinds.append("upper")
    return kinds


def _outline_next(kind: str, last: str) -> str:
    if kind == "digit":
        return str(int(last) + 1)
    if kind == "roman":
        return _to_roman(_roman_value(last) + 1)
    return chr(ord(last) + 1)


_OUTLINE_FIRST = {"digit": "1", "roman": "I", "upper": "A"}


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
        # "(Will/Emer/Janet)": first names of the presenters, one per slash
        first_names = re.fullmatch(r"[A-Z][a-z'\-]+(?:\s*/\s*[A-Z][a-z'\-]+)+", inner)
        if (re.match(rf"^{_PRESENTER_TITLES}\s", first) or (_PRESENTER.match(first) and len(first.split()) >= 2)
                or first_names) \
                and not _NOT_NAME_WORDS.search(first if not first_names else inner) and not re.search(r"\d", first):
            return pm.group("t").strip(), inner
    m = re.match(r"^(?P<t>.+?)\s+-\s+(?P<p>[^-]+?)\s*$", t)
    if m:
        p = m.group("p").strip().rstrip(".")
        if re.search(r"\b[A-Za-z]+(?:tion|sion|ment|ness|ship)s?\b", p, re.I):
            return t, None  # "... - EXISTING LITIGATION": a subject, not a person
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


def _extra_cells(it: Item, texts: list[str], pages: Optional[str], praw: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Cells after an item's title cell: a page range, the end of a wrapped title, or notes.
    Returns the item's (pages, pages as printed)."""
    for extra in texts:
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
    return pages, praw


def _opens_agenda(t: str) -> bool:
    """A summons without an AGENDA heading: its item 1 starts the agenda."""
    m0 = _ITEM.match(t)
    return bool(m0 and m0.group("num") == "1" and m0.group("dot") and m0.group("title") and len(t) < 120
                and not _DATE_TITLE.match(m0.group("title")))


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
        # levels of a lettered / Roman outline ([kind, last marker] from the top down), None
        # while the agenda is numbered plainly
        self.outline: Optional[list[list[str]]] = None
        # business headings as unnumbered items: "off" (the agenda numbers its business),
        # "ready" (it prints them unnumbered), "on" (from its first one), "done" (after adjournment)
        self.stage = "off"

    # -- helpers --
    def _accept_top(self, n: int, in_table: bool) -> bool:
        if not self.items:
            return n <= 5 or in_table or (self.started and n <= 30)
        if n == 1 and self.group is not None and self.group != self.items[-1].group:
            # numbering that starts again under each section heading
            self.last_top = 0
            return True
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

    def _outline_item(self, t: str, ln: Line) -> bool:
        """An item of a lettered or Roman outline ("A. Roll Call", "V. COMMITTEE REPORTS",
        "1." under them): its number joins the markers of its levels ("VC1", "I2").
        An agenda is read as an outline when its first item is "I." or "A."."""
        m = _OUTLINE.match(t)
        if not m:
            return False
        mark = m.group("m")
        kinds = _outline_kinds(mark)
        if self.outline is None:
            if self.items or not self.started or mark not in ("I", "A"):
                return False
            self.outline = []
        stack = self.outline
        hit = None
        for d in range(len(stack) - 1, -1, -1):
            kind, last = stack[d]
            if kind in kinds and (mark == _outline_next(kind, last)
                                  or kind == "digit" and int(last) < int(mark) <= int(last) + 3):
                hit = d
                break
        if hit is not None:
            del stack[hit + 1:]
            stack[hit][1] = mark
        else:
            new = next((k for k in kinds if mark == _OUTLINE_FIRST[k] and all(k != s[0] for s in stack)), None)
            if new is None:
                return False
            stack.append([new, mark])
        number = "".join(s[1] for s in stack)
        parent = "".join(s[1] for s in stack[:-1]) or None
        it = Item(number, t.strip(), [], ln.page, ln.block_index, group=self.group, top=0, raw_parts=[t], base=number)
        it.parent = parent if parent and any(i.number == parent for i in self.items) else None
        self.items.append(it)
        self.cur = it
        self.closed = False
        self._line_in_item(m.group("title"), same_block=True, first=True)
        return True

    def _decimal_item(self, t: str, ln: Line) -> bool:
        """"5.1 Board Governance" under item 5: a decimal sub-item, numbered as printed. Taken
        when it opens a run (.1) or follows the last one, never for times or dates."""
        m = _DECIMAL.match(t)
        if not m or self.cur is None or not self.items:
            return False
        major, minor = int(m.group("a")), int(m.group("b"))
        last = next((i for i in reversed(self.items) if i.number and re.fullmatch(r"\d+\.\d+", i.number)), None)
        top = self.cur.top
        follows = last is not None and last.number == f"{major}.{minor - 1}" and last.top == top
        if not ((minor == 1 and 0 < major <= max(top, 1)) or follows) or (top and major > top):
            return False
        it = Item(f"{major}.{minor}", t, [], ln.page, ln.block_index, group=self.group, top=top, raw_parts=[t],
                  parent=str(major) if any(i.number == str(major) for i in self.items) else None)
        self.items.append(it)
        self.cur = it
        self._line_in_item(m.group("title"), same_block=True, first=True)
        return True

    def _stage_item(self, t: str, ln: Line) -> bool:
        if ln.block is None:  # a table cell: not a line of the agenda's own list
            return False
        head = stage_heading(t)
        lead = re.match(r"^(?:[A-Z0-9][A-Z0-9,&/'\-]*\s+){3,}[A-Z0-9][A-Z0-9,&/'\-]*", t)
        if (head is not None or lead) and self._continues_caps_title(t, head or lead.group(0), ln):
            self._line_in_item(t, same_block=True)
            return True
        bullet = (head is None and self.stage == "on" and ln.block is not None and ln.block.kind == "list_item"
                  and ln.first_of_block and not _SPLIT_NUMBERED.match(t) and len(t) < 200)
        if head is None and not bullet:
            return False
        if self.stage == "ready":
            if head is None or not _STAGE_FULL.match(head):
                return False
            self.stage = "on"
        title = head if head is not None else t
        it = Item("", "", [title], ln.page, ln.block_index, group=self.group, top=0, raw_parts=[t], fixed=True)
        if head is not None:
            self.group = head
            rest = t[len(head):].strip(" :-–—") if t.startswith(head) else ""
            if rest:
                it.notes.append(rest)
        self.items.append(it)
        self.cur = it
        if head is not None and _STAGE_END.match(head):
            self.stage = "done"
        return True

    def _continues_caps_title(self, t: str, head: str, ln: Line) -> bool:
        """"1. ASSEMBLY BILL 361 FINDINGS FOR SPECIAL BROWN ACT" / "REQUIREMENTS FOR
        TELECONFERENCE MEETINGS - City Council ...": the ALL-CAPS title of a numbered item
        wrapped into the next paragraph, not a heading (a heading names business or ends in ':')."""
        it = self.cur
        if it is None or it.fixed or not it.number or it.notes or not it.title_parts:
            return False
        prev = it.title_parts[-1]
        return (prev.isupper() and not re.search(r"[.:;]\s*$", prev) and ln.block_index == it.block_index + 1
                and not _STAGE_FULL.match(head) and not re.match(re.escape(head) + r"\s*:", t))

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
            self._header_row(cells)
            return
        first_i = next(i for i, c in enumerate(cells) if c)
        first = cells[first_i]
        m = _NUM_CELL.match(first)
        if m and len(nonempty) >= 1:
            self._numbered_row(ln, cells, first_i, m)
            return
        # a row without an item number: "1. Title" in one cell, a group heading, a sub-line or pages
        if (len(nonempty) == 1 or not _NUM_CELL.match(first)) and self._item_in_cell(ln, cells, first_i):
            return
        if self._lettered_row(cells, nonempty, first_i):
            return
        if self.cur is not None and len(nonempty) >= 2 and self.cur.block_index != ln.block_index:
            # a table set under an item listed as text (an action log, planning applications): its rows
            # describe the item, they are not part of its title
            self.cur.notes.append(" | ".join(nonempty))
            return
        for c in nonempty:
            self.line(Line(c, c, ln.page, ln.block_index, first_of_block=True))

    def _header_row(self, cells: list[str]) -> None:
        """A row of column labels: the roles of the presenter, pages and skipped columns."""
        self.started = True
        self.col_roles = {}
        for j, c in enumerate(cells):
            low = c.lower().rstrip(":")
            if re.fullmatch(r"presenter|presented by|leads?|lead officer|by|speaker|officer|who|owner", low):
                self.col_roles[j] = "presenter"
            elif re.fullmatch(r"pages?|page nos?\.?", low):
                self.col_roles[j] = "pages"
            elif re.fullmatch(r"times?|timings?|duration|purpose|action|paper|papers|report", low):
                self.col_roles[j] = "skip"

    def _numbered_row(self, ln: Line, cells: list[str], first_i: int, m: re.Match) -> None:
        """A row whose first cell is an item number: the item, its title, presenter, notes and pages."""
        self.started = True
        roles = getattr(self, "col_roles", {})
        presenter_cell = next((cells[j] for j, r in roles.items() if r == "presenter" and j < len(cells) and cells[j]), None)
        rest = [c for j, c in enumerate(cells) if j > first_i and c and roles.get(j) not in ("presenter", "skip")]
        pages, praw = None, None
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
                self.cur.notes.append(" ".join(c for c in cells if c))
            return
        it = self._new(m.group("num"), m.group("sub"), "", ln, cells[first_i])
        it.presenter = presenter_cell
        if title:
            self._line_in_item(title, same_block=True, first=True)
        for extra in title_lines[1:]:
            # a line of its own in the cell: a sub-item, the title's wrapped end, or a description
            self._line_in_item(extra, same_block=False)
        pages, praw = _extra_cells(it, texts[1:], pages, praw)
        if not pages and it.title_parts:
            # a page range run into the title cell: "... monitoring - Neil Weston 1 - 24"
            tm = _TRAILING_RANGE.match(it.title_parts[-1])
            if tm and tm.group("pre"):
                it.title_parts[-1] = tm.group("pre")
                pages, praw = format_pages(tm.group("a"), tm.group("b")), tm.group("r")
        if pages:
            it.pages, it.pages_raw = pages, praw

    def _item_in_cell(self, ln: Line, cells: list[str], first_i: int) -> bool:
        """"1. Title" in one cell, the rest of the row its pages or notes; True when the row was one."""
        first = cells[first_i]
        mi = _ITEM.match(first)
        if not (mi and mi.group("title") and self._accept_top(int(mi.group("num")), True) and (mi.group("dot") or mi.group("sub"))):
            return False
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
        return True

    def _lettered_row(self, cells: list[str], nonempty: list[str], first_i: int) -> bool:
        """"a. | Playground Advisory Group": a lettered sub-item set out as a table under its item."""
        lm = re.fullmatch(r"\(?([a-z])\s*[.)]", cells[first_i])
        if not (lm and self.cur is not None and self.cur.base is None and len(nonempty) >= 2):
            return False
        have = self.cur.number[len(str(self.cur.top)):]
        want = "a" if not have else (chr(ord(have) + 1) if len(have) == 1 and have.isalpha() else "")
        if lm.group(1) != want:
            return False
        rest = next(c for c in cells[first_i + 1:] if c)
        self._line_in_item(f"{lm.group(1)}. {rest}", same_block=False)
        return True

    # -- lines --
    def line(self, ln: Line) -> None:
        t = ln.text.strip()
        if not t:
            return
        if getattr(ln, "cut", "") == "letter":
            t = f"{t[0]}. {t[1:].strip()}"  # the sub-item's lost full stop restored
        if not self._opens_or_started(t):
            return
        if (self.outline is not None or not self.items) and self._outline_item(t, ln):
            return
        if self.cur is not None and self._decimal_item(t, ln):
            return
        if self._numbered_item(t, ln):
            return
        if self.stage in ("ready", "on") and self._stage_item(t, ln):
            return
        if self.cur is None and self.items and _SUB_UPPER.match(t):
            # the item was closed by a line after it (a signature-like name, a phone number):
            # its capital-lettered sub-items still follow it
            self.cur = self.items[-1]
            n_before = len(self.items)
            self._line_in_item(t, same_block=False, first=False)
            if len(self.items) > n_before:
                return
            self.cur = None
        if self.cur is None:
            if self._is_heading(t):
                self.group = t
            return
        if self._is_heading(t) and not ln.first_of_block is False:
            self.group = t
            self.closed = True
            self.cur = None
            return
        self._continue_item(t, ln)

    def _continue_item(self, t: str, ln: Line) -> None:
        """A further line of the current item: its title's wrapped end, a description or a sub-item."""
        cur = self.cur
        block = cur.block_index if cur.line_block is None else cur.line_block
        same = (not ln.first_of_block) and ln.block_index == block and getattr(ln, "cut", "") != "hard"
        self._line_in_item(t, same_block=same)
        if self.cur is not None and self.cur is not cur:
            self.cur.line_block = ln.block_index

    def _opens_or_started(self, t: str) -> bool:
        """Is ``t`` a line of the agenda's list? The "AGENDA" cue and lines before the list opens are not."""
        despaced = re.sub(r"(?<=\b[A-Za-z]) (?=[A-Za-z]\b)", "", t)  # "A G E N D A"
        if _AGENDA_CUE.match(t) or _AGENDA_CUE.match(despaced):
            self.started = True
            return False
        if re.fullmatch(r"pages?", t, re.I):
            return False
        if not self.started:
            if not _opens_agenda(t):
                return False
            self.started = True
        return True

    def _numbered_item(self, t: str, ln: Line) -> bool:
        """A numbered line that opens the next item ("3. Minutes of the last meeting")."""
        m = _ITEM.match(t)
        if not (m and m.group("title") is not None and not _DATE_TITLE.match(m.group("title"))):
            return False
        n = int(m.group("num"))
        title = m.group("title")
        ok_shape = bool(m.group("dot") or m.group("sub")) or bool(re.match(r"[A-Z0-9\"'(]", title))
        if ok_shape and self._accept_top(n, bool(m.group("dot"))) and not re.match(r"^(?:-|to|and|\))", title):
            self._new(m.group("num"), m.group("sub"), "", ln, t)
            self._line_in_item(title, same_block=True, first=True)
            return True
        return False

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
        um = _SUB_UPPER.match(t)
        if um and not first and it.base is None:
            # "A. READING OF ORDINANCES" under item 4: a capital-lettered sub-item, taken only in
            # sequence (A under the item, then the letter after the last one)
            last = it.number[len(str(it.top)):] if it.number.startswith(str(it.top)) else ""
            want = "a" if not last else (chr(ord(last) + 1) if len(last) == 1 and last.isalpha() else "")
            if um.group("l").lower() == want:
                self._new(str(it.top), um.group("l"), um.group("title"), Line(t, t, it.page, it.block_index), t)
                self.cur.parent = str(it.top) if any(i.number == str(it.top) for i in self.items) else None
                return
        sm = _SUB.match(t)
        if sm and not first and it.base is not None:
            base = it.base
            sub = sm.group("sub").strip("().").strip().lower()
            new = Item(f"{base}{sub}", t, [sm.group("title")], it.page, it.block_index, group=self.group,
                       top=it.top, raw_parts=[t], parent=base if any(i.number == base for i in self.items) else None)
            self.items.append(new)
            self.cur = new
            return
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
        return self._note_or_title(it, t, same_block, first)

    def _note_or_title(self, it: Item, t: str, same_block: bool, first: bool) -> None:
        if it.fixed and not first:
            it.notes.append(t)
            return
        if (not first and not same_block and len(it.title_parts) == 1 and not it.notes and not it.presenter
                and _PRESENTER_LABEL.match(it.title_parts[0]) and not _END_MATTER.match(t)):
            # "1. Recommended by Water System" / "Approval of Agreement ...": the title follows who brings it
            it.presenter = _PRESENTER_LABEL.sub("", it.title_parts[0]).strip() or it.title_parts[0]
            it.title_parts = [t]
            return
        if first or not it.title_parts:
            it.title_parts.append(t)
            return
        prev = it.title_parts[-1]
        if same_block or re.match(r"^[a-z(]", t) or (_CONNECTOR_END.search(prev) and (len(t) < 90 or prev.isupper())):
            if not it.notes:
                it.title_parts.append(t)
                return
        if _END_MATTER.match(t) or re.search(r"@|\b\d{5,}\b", t):
            self.cur = None
            return
        it.notes.append(t)


# what starts a line of its own under a title rather than the title's wrapped end: a purpose
# ("To approve ..."), a statement ("There were no ..."), a reference with letters in it
# ("21/00550/TCA ...") or a table's ALL-CAPS column labels ("NO ACTION Update | OWNER")
_OWN_LINE_START = re.compile(r"^(?:To\s+[a-z]|There\s+(?:is|are|was|were|will)\b|\d+/\d+/[A-Z]|[A-Z]{2,}\s+[A-Z]{2,}\b)")


def _word_would_fit(prev: str, nxt: str, page_width: int) -> bool:
    """Would the first word of ``nxt`` have fitted on ``prev``'s line? Then the line was not
    wrapped by the margin but ended by its writer. The margin is the page's widest text line,
    less a tenth for proportional type (a line of wide letters holds fewer of them)."""
    words = nxt.split()
    return bool(words) and page_width >= 40 and len(prev) + 1 + len(words[0]) <= page_width * 9 // 10


def _hard_break(prev: str, nxt: str, width: int, page_width: int = 0, unit: str = "") -> bool:
    """Does ``nxt`` start a new line of its own rather than continue ``prev``?

    A wrapped line runs to the right margin; a line that ends short of the
    block's widest line, or ends a sentence, was ended by its writer, so a
    capitalised line after it is a description ("To consider ...",
    "Variation of order of business may apply"), not the title's end. So is a
    line that starts a line of its own (``_OWN_LINE_START``) whose first word
    would have fitted on the line above."""
    if _CONNECTOR_END.search(prev):
        return False
    if (_OWN_LINE_START.match(nxt) and _word_would_fit(prev, nxt, page_width) and not prev.isupper()
            and unit.count("(") <= unit.count(")")):  # a bracket still open: its text runs on
        return True
    if not re.match(r"^[A-Z\u2022•\-–—*]", nxt):
        return False
    if prev.isupper() and nxt.isupper():  # an ALL-CAPS title wrapped over lines
        return False
    if prev.isupper() and len(prev) >= 8 and re.match(r"^[A-Z][a-z]", nxt) and not _CONNECTOR_END.search(prev):
        return True  # an ALL-CAPS title, then a line in ordinary case: a sub-line, not the title's end
    if re.search(r"[.;!?]\s*$", prev) and not re.search(r"\b(?:[A-Z]|[a-z]{1,3}|No|Nos|etc)\.$", prev):
        return True
    return width >= 30 and len(prev) < 0.6 * width


def _lost_stop_letter(prev: str, nxt: str) -> bool:
    """"c. CDC" / "d occ": the next letter of a lettered list opening a line, its full stop lost
    (by OCR or a careless hand), is the next sub-item, not the end of the one above."""
    m = re.match(r"^\(?([a-y])[.)]\s", prev)
    n = re.match(r"^([b-z])\s+\S", nxt)
    return bool(m and n) and ord(n.group(1)) == ord(m.group(1)) + 1


def agenda_units(lines: list[Line]) -> list[Line]:
    """Paragraph units as :func:`units` makes them, also cut where a line
    starts an item (``_SPLIT``, but not inside an ALL-CAPS title wrapped over
    lines) or where a line of a text block was ended by its writer (see
    :func:`_hard_break`); such a unit's ``cut`` is ``"hard"``."""
    width: dict[int, int] = {}
    page_width: dict[Optional[int], int] = {}
    for ln in lines:
        if not ln.is_row:
            width[ln.block_index] = max(width.get(ln.block_index, 0), len(ln.text))
            page_width[ln.page] = max(page_width.get(ln.page, 0), len(ln.text))

    def cut(parts: list[str], ln: Line) -> str:
        if _SPLIT.match(ln.text) and not (
                parts[-1].isupper() and _HEADING.match(ln.text) and not _SPLIT_NUMBERED.match(ln.text)
                and not parts[-1].rstrip().endswith(":")):  # an ALL-CAPS title wrapped over lines
            return "split"
        if _lost_stop_letter(parts[-1], ln.text):
            return "letter"
        return "hard" if _hard_break(parts[-1], ln.text, width.get(ln.block_index, 0), page_width.get(ln.page, 0), " ".join(parts)) else ""

    return units(lines, cut=cut)


def prints_business_headings(lines: list[Line]) -> bool:
    """Does the agenda print its procedural business as unnumbered headings (two or
    more of CALL TO ORDER, ROLL CALL, PUBLIC COMMENT, ADJOURNMENT ... without a number)?"""
    found = set()
    for ln in lines:
        if ln.is_row or _ITEM.match(ln.text.strip()):
            continue
        head = stage_heading(ln.text)
        if head and _STAGE_FULL.match(head):
            found.add(re.sub(r"\W+", " ", head.lower()))
    return len(found) >= 2


# "1. Preliminary Matters: The Board President will begin the meeting with ... Thereafter, ..."
_EXPLAINED = re.compile(r"^[^:.]{3,60}:\s+[A-Z][^.]*\.\s+\S.*\.", re.S)


def explains_procedure(items: list[Item]) -> bool:
    """Numbered paragraphs that each name a stage and explain it in sentences (a paper's
    'order of business' or rules of procedure), not a list of items to take."""
    titles = [" ".join(it.title_parts) for it in items if it.number]
    return len(titles) >= 3 and all(len(t) > 150 and _EXPLAINED.match(t) for t in titles)


_NUMBERED_PARA = re.compile(r"^\s*\d{1,2}\s?[.)]\s+")  # "5 ." as some text layers space it


def _is_explained_stage(ln: Line) -> bool:
    m = None if ln.is_row else _NUMBERED_PARA.match(ln.text)
    rest = ln.text[m.end():] if m else ""
    return bool(m) and len(rest) > 150 and bool(_EXPLAINED.match(rest))


def without_procedure_runs(lines: list[Line]) -> list[Line]:
    """Drop runs of three or more numbered paragraphs that each explain a stage
    of the meeting (an 'order of business' page printed before the agenda
    itself, in the same paper): they are not items, and left in they would
    take the agenda's own numbering."""
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_explained_stage(lines[j]):
            j += 1
        if j - i >= 3:
            drop.update(range(i, j))
        i = max(j, i + 1)
    return [ln for k, ln in enumerate(lines) if k not in drop] if drop else lines


def parse_agenda(lines: list[Line], require_cue: bool = False) -> list[Item]:
    lines = without_procedure_runs(lines)
    p = AgendaParser(require_cue)
    if prints_business_headings(lines):
        p.stage = "ready"
    for ln in lines:
        if ln.is_row:
            p.row(ln)
        else:
            p.line(ln)
    if explains_procedure(p.items):
        return []
    return p.items


def strip_timing(title: str) -> str:
    """"14:00 - 14:05: Welcome" -> "Welcome"; "AOB (5 mins)" -> "AOB"."""
    t = _LEAD_TIMING.sub("", title, count=1)
    t2 = _TRAIL_DURATION.sub("", t)
    return (t2 if t2.strip() else t).strip()


# "agenda", not "Agenda Item 3" (a report naming the item it is for)
_AGENDA_WORD = re.compile(r"(?i:\bagenda\b(?!\s*(?:item|no\b|number|ref)))|\bA G E N D A\b")
#: how many leading lines of a paper may name it an agenda
_HEAD_LINES = 12


def names_itself_agenda(paper: Paper, lines: list[Line]) -> bool:
    """A paper the segmenter left untyped is read as an agenda when its title or
    one of its first lines says so ("Regular Meeting Agenda", "CITY COUNCIL
    AGENDA FOR ...", "OUTLINE AGENDA"), not when "agenda" only appears in the text."""
    heads = [paper.title or ""] + [ln.text for ln in lines[:_HEAD_LINES] if not ln.is_row]
    return any(_AGENDA_WORD.search(h) and len(h) < 160 and not re.search(r"\b(?:on|the|this|next|an?)\s+agenda\b", h, re.I)
               for h in heads)


def item_title(it: Item) -> tuple[str, Optional[str]]:
    title = " ".join(" ".join(it.title_parts).split())
    title = strip_timing(re.sub(r"\s+-\s*$", "", title).strip())
    # "PUBLIC SAFETY COMMITTEE REPORT - Authorize the City Manager to ...": an ALL-CAPS title
    # then the recommendation in ordinary case
    rec = re.match(r"^(?P<caps>[^a-z]*[A-Z]{3}[^a-z]*?)\s+[-–—]\s+(?=\S*[a-z])", title)
    if rec and (len(rec.group("caps").split()) >= 2 or len(rec.group("caps").strip()) >= 5):
        title = rec.group("caps").strip()
    cut = _CITATION_DASH.sub("", _CITATION_TAIL.sub("", title)).strip()
    if len(cut) >= 8:
        title = cut
    if it.presenter:
        return title, " ".join(it.presenter.split())
    return split_presenter(title)


@register
class AgendaExtractor(Extractor):
    """Agenda items of the pack's meeting (agenda papers, and summonses that carry the agenda)."""

    name = "agenda"
    paper_types = (AGENDA, COVER, OTHER)
    produces = ("agenda_items",)
    order = 20

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        raw_lines = paper_lines(ctx.doc, paper)
        if paper.paper_type == OTHER and not names_itself_agenda(paper, raw_lines):
            return res
        lines = agenda_units(raw_lines)
        items = parse_agenda(lines, require_cue=paper.paper_type != AGENDA)
        if not items:
            return res
        meeting = pack_meeting(ctx)
        mid = meeting.meeting_id if meeting else None
        seen = ctx.agenda_seen
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
