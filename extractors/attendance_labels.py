"""Attendance labels: the words that head a list ("Present:", "Apologies for absence").

Split from attendance.py so that the labels are vocabulary, not code: the
built-in labels live in :mod:`boardpack.core.vocabulary`, a user's settings
file adds to them (``[vocabulary.attendance_labels]``), and
:class:`AttendanceLabels` is those labels compiled once per vocabulary.
Also here: the other shapes a label takes (a status after a name, a row of
column labels, apologies written as a sentence).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.vocabulary import ATTENDANCE_LABELS, label_pattern, label_words
from boardpack.extractors.attendance_names import looks_like_name

PRESENT = "present"
IN_ATTENDANCE = "in attendance"
APOLOGIES = "apologies"
CHAIR = "chair"

STATUS_TAIL = re.compile(r"\s*[-\u2013:]\s*(?P<st>present|absent|excused|late|apologies|not\s+present|remote|virtual)\.?$", re.I)
#: a status in brackets after a name in the list of members ("A Athwall (Apologies)")
STATUS_BRACKET = re.compile(r"\s*[\(\[](?P<st>absent|excused|apologies|not\s+present)[\)\]]", re.I)
#: a sentence that ends by announcing the list below it ("The following officials were present:")
_FOLLOWING = re.compile(r"\b(?:the\s+)?following\s+(?:[a-z]+\s+){0,2}(?:(?:were|was)\s+)?(?:also\s+)?"
                        r"(?P<st>present|absent|excused|in\s+attendance)(?:\s*,?\s*to[\s-]wit)?\s*:\s*(?=$|(?-i:[A-Z]))", re.I)
#: what follows the lists: the meeting's particulars ("Time: 7:30 p.m.", "Place: ..."), a table
#: of contents (its heading, a line of dot leaders and page numbers)
LISTS_OVER = re.compile(r"^(?:date|time|place|location|venue|where|when)\s*:|^(?:table\s+of\s+)?contents$|\.{5,}\s*\d", re.I)
#: an unnamed count after the names ("PCSO Abi Land & four members of the public representing ..."): no
#: rows; a clause after the last name ("... Society who gave the first presentation"): not a name
COUNT_TAIL = re.compile(r"\s*(?:,|&|\band\b)?\s*\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a\s+number\s+of)\s+"
                        r"(?:other\s+)?(?:members?\s+of\s+(?:the\s+)?public|residents|parishioners|visitors|observers)\b.*$"
                        r"|\s+(?-i:who|whom|which)\s+(?-i:[a-z])[^,;]*$", re.I)
#: a group's label inside a section ("PRESENT: Ratepayer Members: Mr A ... Appointed Members: ..."):
#: the names after it stay in the section; so does the body's name as its members' label ("School Committee:")
GROUP_LABEL = re.compile(r"(?:^|(?<=\s))(?:(?:(?-i:[A-Z][\w-]*)\s+)?(?:members|officers|others|representatives|staff|councillors|cllrs|messrs|mesdames)"
                         r"|(?:(?-i:[A-Z][\w-]*)\s+){1,2}(?-i:Committee|Board|Council|Commission|Trustees|Directors|Governors|Commissioners))\s*:\s*", re.I)
STATUS_CAT = {"present": PRESENT, "late": PRESENT, "remote": PRESENT, "virtual": PRESENT,
               "absent": APOLOGIES, "excused": APOLOGIES, "apologies": APOLOGIES, "not present": APOLOGIES}

PROSE_APOLOGIES = re.compile(
    r"a\s?polog(?:ies|y)(?:\s+for\s+absence)?\s+(?:were|had\s+been|have\s+been|was)?\s*(?:received|reported|given|tendered|submitted|noted|intimated|offered|sent|recorded|accepted)?\s*"
    r"(?:from|by|on behalf of)\s*:?\s*(?P<names>.+?)(?:(?<![\s.][A-Z])\.\s|\.$|$|\s+and\s+(?:were|was|had\s+been)\s)",  # not the stop of an initial
    re.I,
)
#: "WDC Cllr J Matecki was unable to attend the meeting ...", "Cllr. A Edwards sent his apologies."
UNABLE = re.compile(r"^[\u2022\u25cf\u25aa\-*\s]*(?P<names>(?:[A-Z][\w.'\-]*\s+){0,5}[A-Z][\w'\-]+(?:\s*(?:,|\band\b|&)\s*(?:[A-Z][\w.'\-]*\s+){0,5}[A-Z][\w'\-]+)*)"
                    r"\s+(?:(?:was|were|is|are)\s+unable\s+to\s+(?:attend|be\s+present)"
                    r"|(?:(?:has|have|had)\s+)?(?:sent|given|tendered|offered)\s+(?:(?:his|her|their)\s+)?apologies)\b")
ATTEND_PROSE = re.compile(r"^(?P<names>.+?)\s+(?:was|were)\s+(?:also\s+)?in\s+attendance(?:\s+virtually)?\b", re.I)
# a cue anywhere in a line, for side-by-side column headers ("Present: Also in attendance: Apologies")
_CUE_ANY_WORDS = (r"(?:members\s+)?present|(?:also\s+)?in\s+attendance(?:\s+virtually)?|also\s+present|members\s+of\s+the\s+public|"
                  r"officers(?:\s+present)?|apologies(?:\s+for\s+absence)?")


def _cue_any(added: str = "") -> re.Pattern:
    return re.compile(rf"(?P<c>{added}{_CUE_ANY_WORDS})\s*:?", re.I)


_CUE_ANY = _cue_any()
SPLIT_CUES = re.compile(
    r"^(?:(?:members\s+)?present\b|(?:also\s+)?in\s+attendance\b|also\s+present\b|apologies\b|officers?\s*:|members\s+of\s+the\s+public\b|members\s*:|actions?\s*[:\-]|resolved\b|"
    r"\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?\s+[A-Z]|\d{1,3}\.\s+[A-Z][A-Za-z]+(?:\s+[A-Za-z&']+){0,12}$)",
    re.I,
)
# a label inside a paragraph, after a sentence: "Present: A, B. Absent: C."
_INLINE_WORDS = (r"absent|apologies|regrets|also\s+present|in\s+attendance|also\s+in\s+attendance|not\s+present|staff|guests?"
                 r"|members\s+of\s+the\s+public"
                 r"|officers?|ex[\s-]officio")


#: a label with its colon after a name, the lists run together on one line
#: ("Present: Chairman: Cllr Mrs Prior Councillors: Mrs Bolton, Dipple Clerk: Mrs Scriven")
_COLON_WORDS = (r"councillors|cllrs|chair(?:man|person|woman)?|vice[\s-]*chair(?:man|person|woman)?|(?:parish\s+|town\s+)?clerk|"
                r"members\s+of\s+(?:the\s+)?public|public|apologies|absent|in\s+attendance|also\s+present|officers?|staff")


#: a group of members inside a list ("Councillors: A, B"): it goes on with the list it is in
_GROUP_LABEL = re.compile(r"^(?:councillors|cllrs)\s*:", re.I)


def _inline_cue(added: str = "") -> re.Pattern:
    return re.compile(rf"(?:(?<=[.;])|(?<=[a-z]\)))\s+(?:[-\u2013]\s+)?(?=(?:{added}{_INLINE_WORDS})\b"
                      rf"(?:\s+for\s+(?:part|some)\s+of\s+the\s+meeting)?(?:\s+(?:was|were))?\s*[:\-\u2013]?\s*[A-Z])"
                      rf"|(?<=\w)(?<!Parish)(?<!Town)\s+(?=(?-i:(?=[A-Z]))(?:{_COLON_WORDS})\s*:\s*\S)"  # a capitalised label
                      r"|(?<=\w)\s+(?=(?-i:Also\s+[A-Z]))", re.I)  # "... D Wright & Mrs G Wright Also PCSO Abi Land"


_INLINE_CUE = _inline_cue()


def row_status(cells: list[str]) -> Optional[str]:
    for c in cells:
        k = " ".join(c.lower().split()).strip(" .")
        if k in STATUS_CAT:
            return STATUS_CAT[k]
    return None


def is_label_row(cells: list[str]) -> bool:
    return all(re.fullmatch(r"(?:attendee\s+)?(?:name|names|member|members|organisation|organization|role|position|title|"
                            r"representing|agency|attendee|attendees|present|apologies|status|arrived|left|department|body|"
                            r"item|items|description|subject|topic|details|no\.?|number)\s*:?", c, re.I)
               for c in cells if c)


class AttendanceLabels:
    """The attendance labels of one vocabulary, compiled: which label a line or
    cell opens with, and the shapes built of labels (a row of column labels,
    labels inside a paragraph)."""

    def __init__(self, table: dict[str, str]):
        # tried in the vocabulary's order: the built-in labels first, a user's after
        self.cues = [(re.compile(rf"^(?:{label_pattern(k)})", re.I), cat) for k, cat in table.items()]
        # a paragraph is cut into units where a line starts with a label; a user's
        # label cuts too, so that "Visiting officers: ..." inside a PDF paragraph
        # becomes a unit of its own as the built-in labels do
        added = [k for k in table if k not in ATTENDANCE_LABELS]
        self.split_cues = SPLIT_CUES if not added else re.compile(
            SPLIT_CUES.pattern + "".join(rf"|^(?:{label_pattern(k)})" for k in added), re.I)
        # ... and heads a column beside others ("Present: Visiting officers:") or
        # follows a sentence inside a paragraph ("... Visiting officers: Mr A")
        words = "".join(f"(?:{label_words(k)})|" for k in added)
        self.cue_any = _cue_any(words) if added else _CUE_ANY
        self.inline_cue = _inline_cue(words) if added else _INLINE_CUE

    def cue(self, text: str) -> tuple[Optional[str], str]:
        """(category, the text after the label), or (None, text) when no label opens it."""
        for rx, cat in self.cues:
            m = rx.match(text)
            if m:
                return cat, text[m.end():]
        m = _FOLLOWING.search(text)
        if m:  # "... convened on Monday, with the following members present to-wit:" / the names below
            st = m.group("st").lower()
            return (APOLOGIES if st.startswith(("abs", "exc")) else IN_ATTENDANCE if st.startswith("in") else PRESENT), text[m.end():]
        # a label broken inside its word by a narrow cell ("Membe" / "rs:"): the word is
        # the label when the label runs across the break
        m = re.match(r"([^\n]*[a-z])\n(?=[a-z])", text)
        if m:
            joined = m.group(1) + text[m.end():]
            for rx, cat in self.cues:
                j = rx.match(joined)
                if j and j.end() > len(m.group(1)):
                    return cat, joined[j.end():]
        return None, text

    def header_cats(self, text: str) -> Optional[list[str]]:
        """["present", "in attendance", "apologies"] when ``text`` is only column cues."""
        cats = []
        pos = 0
        t = text.strip()
        for m in self.cue_any.finditer(t):
            if t[pos:m.start()].strip(" |"):
                return None
            cat, _ = self.cue(m.group(0).strip() + (":" if not m.group(0).strip().endswith(":") else ""))
            if cat is None:
                return None
            cats.append(cat)
            pos = m.end()
        if t[pos:].strip(" |") or len(cats) < 2:
            return None
        return cats

    def cell_cats(self, text: str) -> Optional[list[str]]:
        """Categories of a header cell made only of cues ("Present: Members of the Public:"); None otherwise."""
        t = text.strip()
        if not t:
            return None
        one, rest = self.cue(t)
        if one and not rest.strip():
            return [one]
        return self.header_cats(t)

    def split_inline(self, t: str, section: Optional[str] = None) -> list[tuple[Optional[str], str]]:
        """A paragraph cut at the labels inside it: [(category or None, text)]. ``section``: the
        list the paragraph is in ("Present: Chairman: X Councillors: Y"), which a group's label
        inside it ("Councillors:") continues rather than opens."""
        pieces = self.inline_cue.split(t)
        if len(pieces) < 2:
            return [(None, t)]
        out: list[tuple[Optional[str], str]] = []
        for k, p in enumerate(pieces):
            c, rest = self.cue(p.strip())  # the first piece too: "Chairman: Cllr Mrs Prior" before the next label
            if c and section and _GROUP_LABEL.match(p.strip()):
                c = section
            out.append((c, rest.rstrip(" .")) if c else (None, p.rstrip(" .") if k == 0 else p))
        return out

    def is_label_cell(self, c: str) -> bool:
        """A label cell of a label | name row ("Chaired by", "Present:")."""
        return bool(self.cue(c)[0] and not self.cue(c)[1].strip() or re.fullmatch(r"\w+ed\s+by\s*:?", c, re.I))

    def label_row(self, cells: list[str]) -> bool:
        """A row opening with an attendance label cell followed by a name ("Chaired by | Keith Moore | ...")."""
        ne = [c.strip() for c in cells if c and c.strip()]
        if len(ne) < 2:
            return False
        c0, rest = self.cue(ne[0])
        return bool(c0) and not rest.strip() and not self.cue(ne[1])[0] and looks_like_name(ne[1])


@lru_cache(maxsize=8)
def _compiled(table: tuple[tuple[str, str], ...]) -> AttendanceLabels:
    return AttendanceLabels(dict(table))


def labels_for(settings: Settings = DEFAULT) -> AttendanceLabels:
    """The attendance labels of ``settings``' vocabulary, compiled once per vocabulary."""
    return _compiled(tuple(settings.vocabulary.attendance_labels.items()))
