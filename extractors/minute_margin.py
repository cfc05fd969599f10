"""Owners in the right margin of minutes: initials level with the sentence they own.

Many small bodies type their minutes as running prose with a narrow right-hand
column (headed "Action" or not) where the clerk writes the initials of whoever
must act ("AM", "(DB)", "All") level with the line the sentence stands on. A
PDF reader hands that column over in three shapes: the last cell of a
text-aligned table row beside the line, initials at the end of a printed line
after its sentence has ended ("... external auditors. JM"), or initials that
break into a sentence before it wraps ("... the maintenance of the RJ" /
"bridleway."). :class:`MarginOwners` follows the prose line by line and gives
each mark the sentence it stands beside, as a clerk reads the page:

* the action is the sentence running at the start of the marked line, through
  the last sentence end on the line where that sentence ends (a mark beside an
  unfinished line waits for its end; two marks on one sentence both own it);
* a sentence ends at a full stop, a minute heading, a lettered sub-item
  ("b) Standing Orders"), a label opening a line ("Potholes : ..."), or where
  "The", "It", "This" ... open a clause after words with no full stop (typed
  minutes drop some);
* a mark is the initials of someone the attendance lists, or "All"; initials
  inside a sentence count only in a paper that has a margin (a mark after a
  sentence's end, or in a margin cell);
* a mark whose initials open the sentence ended just above ("BM will meet ...
  comes" / "... soon and BM") belongs to that sentence.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.textnorm import join_lines
from boardpack.extractors.attendance_names import TITLES
from boardpack.extractors.attendance_record import Person
from boardpack.extractors.meeting_cues import MINUTE_NUM_CELL, Line
from boardpack.extractors.minute_actions import OWNER_HEAD_WORDS

_TOKEN = r"(?:\(?[A-Z]{2,4}\)?(?:\s*/\s*\(?[A-Z]{2,4}\)?)*|All)"
MARK_CELL = re.compile(rf"^{_TOKEN}\.?$")
# initials after the sentence's end at the end of a printed line: "... external auditors. JM"
MARK_AFTER_END = re.compile(rf"^(?P<body>.*[.!?])\s+(?P<tok>{_TOKEN})$")
# initials inside a sentence, the sentence going on in lower case on the next line
MARK_INSIDE = re.compile(rf"^(?P<body>.*[a-z,;])\s+(?P<tok>{_TOKEN})$")
_SENTENCE_END = re.compile(r"[.!?](?=[\"'\u2019\u201d)]?(?:\s+[A-Z(\"'\u2018\u201c]|\s*$))")
_OPENER = r"(?:The|It|This|That|These|There|They|We)\s+[a-z]"
_OPENS_MID = re.compile(rf"(?<=[a-z])\s+(?={_OPENER})")  # "... residents of Bovewell The discussion did not ..."
_OPENS_LINE = re.compile(rf"^{_OPENER}")
SUB_ITEM = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})[.)]\s+")
_ITEM_TITLE = re.compile(r"^[^.:]{1,40}?\s*[-\u2013:]\s+(?=\S)")  # "Village Map - ", "Footpaths: "
_LABEL = re.compile(r"^[A-Z][A-Za-z/&' ]{1,30}?\s*:\s+(?=\S)")  # "Potholes : ", "Speed monitoring: "
_LOWER_WORDS = re.compile(r"\b[a-z]{2,}\b")
_COLUMN_LABEL = re.compile(r"^(?:actions?|action\s+by|by\s+whom|owner|who)\s*:?$", re.I)  # the margin's own heading
_OWNER_LED = r"\s+(?:to|will|is\s+to)\b"


def initials_of(p: Person) -> set[str]:
    """The initials a clerk would write for ``p``: bracketed after the name ("Alan Smith (AS)")
    or the first letters of the name's words ("Mrs D Masterson-Jones" -> "DMJ")."""
    out = set(re.findall(r"\(([A-Z]{2,4})\b", p.raw or ""))
    name = re.sub(r"\([^()]*\)", " ", p.person)
    words = [w for w in re.split(r"[\s\-]+", name) if w and w not in ("&", "and") and not re.fullmatch(TITLES, w)]
    letters = "".join(w[0] for w in words if w[0].isupper())
    if 2 <= len(letters) <= 4:
        out.add(letters)
    return out


def split_sentences(text: str) -> list[tuple[str, bool]]:
    """A printed line as pieces, each with whether a sentence ends with it."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        word = text[start:m.start()].split()[-1:] or [""]
        if re.fullmatch(rf"{TITLES}|[A-Z]|No|no|etc|e\.g|i\.e", word[0].rstrip(".")) and m.end() < len(text.rstrip()):
            continue  # "Mr. Smith", "J. Smith": a title or an initial, not a sentence end
        out.append((text[start:m.end()], True))
        start = m.end()
    if text[start:].strip():
        out.append((text[start:], False))
    pieces = []
    for piece, ended in out:
        parts = _OPENS_MID.split(piece)
        pieces += [(x.strip(), True) for x in parts[:-1] if x.strip()] + [(parts[-1].strip(), ended)]
    return [(p, e) for p, e in pieces if p]


def _raw_lines(ln: Line) -> list[str]:
    return [r.strip() for r in (ln.raw or ln.text).split("\n") if r.strip()]


class MarginOwners:
    """The running sentence of the minutes' prose and the margin marks waiting for it to end.

    Feed it every unit of the body in order (:meth:`prose`, :meth:`row`, :meth:`boundary`);
    :meth:`take` returns the actions found so far as (text, owners, line of the mark)."""

    def __init__(self, people: list[Person], body: list[Line]):
        self.known: set[str] = set().union(*(initials_of(p) for p in people)) if people else set()
        self.parts: list[str] = []  # the running sentence
        self.owners: list[str] = []  # marks waiting for its end
        self.mark_ln: Optional[Line] = None
        self.last: Optional[tuple[str, int]] = None  # the last sentence ended without a mark, and its line
        self.n = 0
        self.out: list[tuple[str, list[str], Line]] = []
        self.tables: dict[int, bool] = {}
        self.has_margin = any(self._margin_table(ln) for ln in body if ln.is_row) or any(
            self._after_end(raws, k) for ln in body if not ln.is_row for raws in [_raw_lines(ln)] for k in range(len(raws)))

    # -- marks ----------------------------------------------------------------------

    def marks(self, tok: str) -> Optional[list[str]]:
        """The owners a margin token names, or None when it is no mark of this paper."""
        tok = tok.strip().rstrip(".")
        if tok == "All":
            return ["All"]
        parts = [x.strip("() ") for x in tok.split("/")]
        return parts if parts and all(x in self.known for x in parts) else None

    def _after_end(self, raws: list[str], k: int) -> Optional[re.Match]:
        """Initials after the sentence on printed line ``k``; not when they open the next line's
        sentence or phrase ("... the barrier. NO" / "will create drawings", "... extension. NO" /
        "OBJECTION"): then they stand in no margin."""
        nxt = raws[k + 1] if k + 1 < len(raws) else ""
        m = MARK_AFTER_END.match(raws[k])
        if not m or m.group("tok") == "All" or not self.marks(m.group("tok")) or re.match(r"[a-z]|[A-Z]{2,}\b", nxt):
            return None
        return m

    def _row_marks(self, ln: Line) -> Optional[list[str]]:
        cells = [c.strip() for c in ln.cells or []]
        if not 2 <= len(cells) <= 3 or not MARK_CELL.match(cells[-1]):
            return None
        prose = " ".join(cells[:-1])
        return self.marks(cells[-1]) if len(_LOWER_WORDS.findall(prose)) >= 3 else None

    # -- units ----------------------------------------------------------------------

    def prose(self, ln: Line) -> None:
        """A paragraph of the body, line by line, margin marks taken off its lines."""
        raws = _raw_lines(ln)
        for k, r in enumerate(raws):
            nxt = raws[k + 1] if k + 1 < len(raws) else ""
            m = self._after_end(raws, k)
            if m is None and self.has_margin and nxt[:1].islower():
                m = MARK_INSIDE.match(r)
                m = m if m and self.marks(m.group("tok")) else None
            self.line(m.group("body") if m else r, self.marks(m.group("tok")) if m else [], ln)

    def row(self, ln: Line) -> bool:
        """A row of a table whose last column is a margin; True when its last cell was a mark read here."""
        if not self._margin_table(ln):
            self.boundary()
            return False
        cells = [c.strip() for c in ln.cells or []]
        # in a margin table a mark may stand by a short last line ("fete." | "All")
        marks = (self.marks(cells[-1]) if MARK_CELL.match(cells[-1]) else None) or []
        if cells[-1] and not marks and not _COLUMN_LABEL.match(cells[-1]):
            self.boundary()  # "£14.00": no prose beside this cell
            return False
        text = cells[:-1]
        lines = "\n".join(text).split("\n")
        if text and MINUTE_NUM_CELL.match(text[0]):
            self.boundary()  # "4 | Co-option of new Councillor\nA notice had been ...": the title is no sentence
            lines = "\n".join(text[1:]).split("\n")[1:]
        lines = [x for x in lines if x.strip()]
        for j, x in enumerate(lines):
            self.line(x, marks if j == 0 else [], ln)  # cells are top-aligned: the mark stands by the first line
        if marks and not lines:
            self.owners += marks
        return bool(marks)

    def _margin_table(self, ln: Line) -> bool:
        if ln.block_index not in self.tables:
            rows = ln.block.rows if ln.block is not None else []
            # a table headed "Owner" / "By whom" is an action table: its initials stand in no margin
            headed = bool(rows) and any(" ".join(c.lower().rstrip(":").split()) in OWNER_HEAD_WORDS for c in rows[0].texts)
            self.tables[ln.block_index] = not headed and any(self._row_marks(Line("", "", None, 0, cells=r.texts)) for r in rows)
        return self.tables[ln.block_index]

    def boundary(self) -> None:
        """A heading, a table, an action line: the running sentence ends here."""
        if self.parts:
            self._ended(join_lines(self.parts))
        self.parts = []

    def take(self) -> list[tuple[str, list[str], Line]]:
        out, self.out = self.out, []
        return out

    # -- the running sentence ---------------------------------------------------------

    def line(self, text: str, marks: list[str], ln: Line) -> None:
        """One printed line of prose and the marks beside it."""
        self.n += 1
        text = self._opening(text.strip())
        if marks and not self._pairs_with_last(marks, ln):
            self.owners += [m for m in marks if m not in self.owners]
            self.mark_ln = self.mark_ln or ln
        if not text:
            return
        pieces = split_sentences(text)
        ends = [k for k, (_, e) in enumerate(pieces) if e]
        if self.owners and ends:
            k = ends[-1]
            self._emit(join_lines(self.parts + [p for p, _ in pieces[:k + 1]]))
            self.parts = [p for p, _ in pieces[k + 1:]]
            return
        for p, e in pieces:
            if e and not self.owners:
                self._ended(join_lines(self.parts + [p]))
                self.parts = []
            else:
                self.parts.append(p)

    def _opening(self, text: str) -> str:
        """A line opening a new sentence ends the running one; its item label or label is taken off."""
        sub = SUB_ITEM.match(text)
        label = _LABEL.match(text)
        if sub:
            rest = text[sub.end():]
            title = _ITEM_TITLE.match(rest)
            text = rest[title.end():] if title else ("" if not _LOWER_WORDS.search(rest) or len(rest.split()) <= 6
                                                     and not re.search(r"[.!?]$", rest) else rest)
        elif label:
            text = text[label.end():]
        if (sub or label or _OPENS_LINE.match(text)) and self.parts:
            self.boundary()
        return text

    def _pairs_with_last(self, marks: list[str], ln: Line) -> bool:
        """The mark owns the owner-led sentence that ended just above ("BM will ..."), not the running one."""
        if self.last is None or self.last[1] < self.n - 2 or self.owners:
            return False
        lead = "/".join(marks)
        if not re.match(rf"^{re.escape(lead)}{_OWNER_LED}", self.last[0]):
            return False
        if re.match(rf"^{re.escape(lead)}{_OWNER_LED}", join_lines(self.parts)):
            return False
        self.out.append((self.last[0], marks, ln))
        self.last = None
        return True

    def _ended(self, text: str) -> None:
        if self.owners:
            self._emit(text)
        else:
            self.last = (text, self.n)

    def _emit(self, text: str) -> None:
        text = " ".join(text.split())
        if text and self.mark_ln is not None:
            self.out.append((text, self.owners, self.mark_ln))
        self.owners, self.mark_ln, self.last = [], None, None
