"""What one agenda line says: item numbers, outline markers, page ranges, presenters, timings.

The patterns and small readers the agenda parser applies to each line or cell
("4 (a) Title", "V.", "(Pages 11 - 84)", "- Mike Hill", "14:00 - 14:05:",
"CALL TO ORDER"), and the ``Item`` they fill, apart from the parser's walk
over the lines (agenda_parser.py, agenda_rows.py) so each can be read alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.vocabulary import MONTH_FULL_NAMES, MONTH_STEM_RE, ORDINAL_SUFFIX_RE


# "4 (a) Title", "6. a) Title", "5. Title", "Item 7 Title", "10 Title"
ITEM = re.compile(
    r"^(?:agenda\s+)?(?:item\s+)?(?P<num>\d{1,2})(?![\d/])(?![.,:]\d)\s*(?P<dot>[.):])?\s*"
    r"(?:(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z](?=\.\s*\S))\.?\s*)?"
    r"(?P<title>\S.*)?$",
    re.I,
)
# a number cell on its own: "1.", "4 (a)", "6. a)", "4a"
NUM_CELL = re.compile(r"^(?:item\s+)?(?P<num>\d{1,2})\s*\.?\s*(?:(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z])\.?)?$", re.I)
# "(b) Title" or "b) Title" or "b. Title": a lettered sub-item of the current item
SUB = re.compile(r"^(?P<sub>\(\s*[a-z]\s*\)|[a-z]\s*\)|[a-z]\.)\.?(?:\s+|(?<=[).])(?=[A-Z]))(?P<title>\S.*)$")  # "(b)TO PRESENT", "a.September 20"
SUB_UPPER = re.compile(r"^(?P<l>[A-Z])\.\s+(?P<title>\S.*)$")
ROMAN = re.compile(r"^\(?(?P<r>i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s*(?P<t>.*)$", re.I)
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


def roman_follows(number: str, base: str, r: str) -> bool:
    """"ii)" after item "7i" (an "i)" reads as the letter i): roman sub-items in sequence."""
    k = _ROMANS.index(r.lower()) if r.lower() in _ROMANS else 0
    return k > 0 and number == base + _ROMANS[k - 1]


# where a text block holding several items is split into units
SPLIT = re.compile(
    r"^(?:(?:item\s+)?\d{1,2}\s*(?:[.):]|\s*\(\s*[a-z]\s*\))\s*\S|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)](?:\s|(?=[A-Z]))|\(?[a-z][.)](?:\s|(?=[A-Z]))|[A-Z][A-Z &/,'\-]{3,60}\s*:?$)"
)
# the numbered alternatives of SPLIT (an item, a roman or lettered sub-line)
SPLIT_NUMBERED = re.compile(
    r"^(?:(?:item\s+)?\d{1,2}\s*(?:[.):]|\s*\(\s*[a-z]\s*\))\s*\S|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)](?:\s|(?=[A-Z]))|\(?[a-z][.)](?:\s|(?=[A-Z])))"
)
_PAGES = re.compile(r"\(?\s*\bpages?\s*(?P<a>\d+)\s*(?:(?:-|to)\s*(?P<b>\d+))?\s*\)?", re.I)
# "T&CG 55 - 70": text then a page range (not a year range such as 2009 - 2012)
TRAILING_RANGE = re.compile(r"^(?P<pre>.*?)\s*(?P<r>(?<![\d/])(?P<a>\d{1,3})\s+-\s+(?P<b>\d{1,3}))\s*$", re.S)
PAGE_RANGE_CELL = re.compile(r"^(?:pages?\s*)?(?P<a>\d+)\s*(?:(?:-|to)\s*(?P<b>\d+))?$", re.I)
HEADER_WORDS = (r"(?:agenda|(?:agenda\s+)?(?:items?|business)(?:\s+(?:no\.?|number|title))?|pages?|page nos?\.?|no\.?|number|"
                 r"title|subject|topic|presenter|presented by|leads?|lead officer|by|speaker|officer|who|owner|"
                 r"times?|timings?|duration|purpose|action|paper|papers|report)\s*:?")
HEADING = re.compile(r"^[A-Z][A-Z &/,'\-]{3,60}?\s*:?$")
AGENDA_CUE = re.compile(r"^\s*(?:agenda|agenda\s*(?:&|and)\s*summons.*|summons\s+and\s+agenda.*)\s*(?:\|\s*)*(?:pages)?\s*$", re.I)
END_MATTER = re.compile(
    r"^(?:yours\b|dear\b|democratic services|tel\b|telephone|fax\b|e-?mail|guidance notes|"
    r"this page is left blank|[A-Z][a-z]+ [A-Z][a-z]+\s*$(?!x)|general counsel|chief executive$|clerk to)",
    re.I,
)
_PRESENTER_TITLES = r"(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Ch\.?\s*Insp\.?|Chief\s+Inspector|CI|DI|Insp\.?|Inspector|Supt\.?|Superintendent|Sgt|PC|DCI|Rev\.?|Reverend|Pastor|Father|Rabbi)"
_PRESENTER = re.compile(
    rf"^(?:All|(?:{_PRESENTER_TITLES}\s+)?[A-Z][A-Za-z'\-]+(?:\s+(?:[A-Z]\.|[A-Z][A-Za-z'\-]+)){{0,3}}(?:\s*(?:/|&|and)\s*(?:{_PRESENTER_TITLES}\s+)?[A-Z][A-Za-z'\-]+(?:\s+(?:[A-Z]\.|[A-Z][A-Za-z'\-]+)){{0,3}})*)$"
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
DATE_TITLE = re.compile(rf"^{ORDINAL_SUFFIX_RE}?\s*{_MONTHS}\b\.?(?:\s*,?\s*\d{{4}})?\s*(?:$|[,(]|at\b|\d{{1,2}}[:.]\d{{2}})", re.I)
# "14:00 - 14:05:", "10.30am –", "15.35 - 16.00 (25 mins)": a timing before the title
_LEAD_TIMING = re.compile(
    r"^\(?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:-|–|—|to)\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\)?"
    r"(?:\s*\(\d+\s*min(?:ute)?s?\.?\))?\s*(?:[:\-–—|]\s*)?(?=\S)", re.I)
# "OFFICIAL BUSINESS 7:30 p.m.": the time a session starts, after its title (never after "at")
_TRAIL_CLOCK = re.compile(r"(?<!\bat)(?<!\buntil)(?<!\bfrom)\s+\d{1,2}[:.]\d{2}\s*[ap]\.?\s?m\.?\s*$", re.I)
# "(5 mins)", "- 10 minutes": a duration after the title
_TRAIL_DURATION = re.compile(r"\s*(?:[-–—]\s*)?\(?\b\d+\s*(?:min(?:ute)?s?|hrs?|hours?)\.?\)?\s*$", re.I)
# "Recommended by Office of the Chief Engineer": a line naming who brings the item, printed
# where the title would be (the title follows it)
PRESENTER_LABEL = re.compile(
    r"^(?:recommended|presented|submitted|introduced|sponsored|requested|proposed|brought)\s+by\b", re.I)
#: "(presented by Filming Committee)" after a title: who brings the item
BRACKET_PRESENTER = re.compile(r"\s*\((?:recommended|presented|submitted|introduced|sponsored|requested|proposed|brought|led)\s+by\s+(?P<who>[^()]+)\)", re.I)
# "(Section 54956.9(d)(1) of the California Government Code)": a statutory citation after a title
# "... Evaluation - Pursuant to Government Code Section 54957": the legal basis after a title
CITATION_DASH = re.compile(r"\s+[-–—]\s+(?:pursuant\s+to|per|under|as\s+required\s+by)\b.*?\b(?:section|code|act|§)\b.*$", re.I)
CITATION_TAIL = re.compile(
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
STAGE_FULL = re.compile(r"^(?:" + "|".join(_STAGE_PHRASES) + r")\s*:?\s*$", re.I)
STAGE_END = re.compile(r"^adjourn", re.I)


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
    if STAGE_FULL.match(whole):
        return whole
    return None


CONNECTOR_END = re.compile(r"(?:\b(?:and|or|of|the|to|for|in|on|with|from|by|a|an)|[,\-(/&:])\s*$", re.I)


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
OUTLINE = re.compile(r"^(?P<m>[IVX]{1,6}|[A-Z]|\d{1,2})[.)]\s+(?P<title>(?![A-Z]\.\s)[A-Z0-9\"'(][^\s.]*(?:\s.*)?)$")
# "2.1 Public Employee Performance Evaluation" (not "10.30 am", "15.09.05")
DECIMAL = re.compile(r"^(?P<a>\d{1,2})\.(?P<b>\d{1,2})(?:\.(?P<c>\d{1,2}))?(?![\d:/]|\.\d)\.?\s+(?!(?:[ap]\.?m\b|hrs?\b|hours?\b))(?P<title>[A-Z].*)$", re.I)
_ROMAN_RX = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")


def roman_value(s: str) -> int:
    """"IV" -> 4: an outline's Roman numeral as a number."""
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


def outline_kinds(m: str) -> list[str]:
    kinds = []
    if m.isdigit():
        return ["digit"]
    if _ROMAN_RX.match(m):
        kinds.append("roman")
    if len(m) == 1:
        kinds.append("upper")
    return kinds


def outline_next(kind: str, last: str) -> str:
    if kind == "digit":
        return str(int(last) + 1)
    if kind == "roman":
        return _to_roman(roman_value(last) + 1)
    return chr(ord(last) + 1)


OUTLINE_FIRST = {"digit": "1", "roman": "I", "upper": "A"}


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
        if _PRESENTER.match(p_cmp) and not _NOT_NAME_WORDS.search(p) and not re.search(r"\d", p) \
                and not _STAGE.match(p):  # "Call Meeting to Order - Roll Call": two stages, no presenter
            return m.group("t").strip(), p
    return t, None


def format_pages(a: str, b: Optional[str]) -> str:
    return f"{int(a)}-{int(b)}" if b else f"{int(a)}"


def take_pages(text: str) -> tuple[str, Optional[str], Optional[str]]:
    m = None
    for m in _PAGES.finditer(text):
        pass
    if m is None:
        return text, None, None
    rest = (text[: m.start()] + " " + text[m.end():]).strip()
    return " ".join(rest.split()), format_pages(m.group("a"), m.group("b")), m.group(0).strip()


def extra_cells(it: Item, texts: list[str], pages: Optional[str], praw: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Cells after an item's title cell: a page range, the end of a wrapped title, or notes.
    Returns the item's (pages, pages as printed)."""
    for extra in texts:
        t2, p2, r2 = take_pages(extra)
        if p2:
            pages, praw = p2, r2
        else:
            # "T&CG 55 - 70": the end of a wrapped title and the page range in one cell
            tm = TRAILING_RANGE.match(extra)
            if tm:
                pages, praw = format_pages(tm.group("a"), tm.group("b")), tm.group("r")
                t2 = tm.group("pre")
        if t2 and it.title_parts and (CONNECTOR_END.search(it.title_parts[-1]) or len(t2.split()) <= 2) and not it.notes:
            it.title_parts.append(t2)
        elif t2:
            it.notes.append(t2)
    return pages, praw


def opens_agenda(t: str) -> bool:
    """A summons without an AGENDA heading: its item 1 starts the agenda."""
    m0 = ITEM.match(t)
    return bool(m0 and m0.group("num") == "1" and m0.group("dot") and m0.group("title") and len(t) < 120
                and not DATE_TITLE.match(m0.group("title")))


def strip_timing(title: str) -> str:
    """"14:00 - 14:05: Welcome" -> "Welcome"; "AOB (5 mins)" -> "AOB"; "OFFICIAL BUSINESS 7:30 p.m."
    -> "OFFICIAL BUSINESS" (a session's time after its heading; not "Meeting ... at 7:00 p.m.")."""
    t = _LEAD_TIMING.sub("", title, count=1)
    t = _TRAIL_CLOCK.sub("", t)
    t2 = _TRAIL_DURATION.sub("", t)
    return (t2 if t2.strip() else t).strip()
