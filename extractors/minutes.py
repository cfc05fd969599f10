"""Minutes: the meeting they record, attendance, minute items, decisions, actions.

The meeting is the one named in the minutes header ("Minutes of a meeting
of the Cabinet held ... on Thursday, 9 January 2025"), not the pack's own
meeting. Attendance is read by :mod:`.attendance`. Numbered minute items are
headings ("286. Apologies for Absence", "11.23.05 Clerks Report", "12/19
Apologies"), also inside text-aligned pseudo-tables (number | paragraph) that
PDF table finders produce. Decisions are paragraphs carrying RESOLVED /
APPROVED / AGREED or a sentence opening "It was agreed" / "The Board agreed";
actions are "ACTION:" lines (owners read from the names that start them) and
the cells of an Action/Owner column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from boardpack.core.dates import find_dates, find_times
from boardpack.core.model import MINUTES, Paper
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.attendance import (  # noqa: F401  (re-exported for callers and tests)
    Attendance,
    TITLES,
    APOLOGIES,
    CHAIR,
    IN_ATTENDANCE,
    PRESENT,
    labels_for,
    ATTEND_PROSE,
    PROSE_APOLOGIES,
    SPLIT_CUES,
    parse_attendance,
    parse_entry,
    segment_names,
    split_names,
)
from boardpack.extractors.meeting_cues import (
    MINUTE_NUM_CELL,
    NUM_HEAD,
    ORG_WORD,
    SECTION_HEAD,
    Line,
    MeetingInfo,
    is_committee_line,
    join_lines,
    minutes_header,
    paper_lines,
    row_heading,
    tidy_committee,
    units,
)
from boardpack.extractors.meetings import record_meeting
from boardpack.extractors.minute_actions import (
    ACTION_CUE,
    ACTION_HEAD_WORDS,
    ACTION_TAIL,
    BRACKET_OWNER,
    HEAD_LABEL,
    MARGIN_OWNER,
    MARGIN_OWNER_WRAPPED,
    NO_ACTION,
    OWNER_HEAD_WORDS,
    OWNER_IN_LINE,
    OWNER_ONLY,
    SENTENCE_END,
    action_owners,
    guess_action_cols,
    owner_cell,
    read_text_action_rows,
    split_by_owner_lines,
    text_table_header,
)

# ---------------------------------------------------------------------------
# items, decisions, actions

_DECISION = re.compile(
    r"\b(?:RESOLVED|APPROVED|AGREED|DECIDED)\b"
    r"|(?:^|(?<=[.!?]\s))(?:It\s+was\s+(?:also\s+|unanimously\s+|further\s+|therefore\s+)?(?:agreed|resolved|decided|approved)\b)"
    r"|(?:^|(?<=[.!?]\s))(?:The\s+(?:[A-Z&][\w&\-]*\s+){1,3}|Members\s+|Councillors\s+|Cabinet\s+|Council\s+)"
    r"(?:also\s+|unanimously\s+|had\s+|has\s+|then\s+)?(?:agreed|resolved|approved|decided)\b"
    r"|(?:^|(?<=[.!?]\s))(?:The\s+(?:board|group|committee|partnership|council|cabinet|panel|meeting|members|forum|executive)\s+)"
    r"(?:also\s+|unanimously\s+|had\s+|has\s+|then\s+)?(?:agreed|resolved|approved|decided)\b"
    r"|(?i:\bwere\s+(?:agreed|approved)\s+(?:as\s+a\s+(?:correct|true)\s+record|and\s+signed))"
    r"|(?i:\bit\s+was\s+resolved\b)"
    r"|^(?:Resolved|Agreed|Decision|Decided|Approved)\s*(?:[:\-]|that\b|to\b)",
)


def decision_text(t: str) -> str:
    """The paragraph carrying the decision, its enumeration ("(4)", "3.") removed."""
    return _strip_enum(t)


def _strip_enum(t: str) -> str:
    return re.sub(r"^(?:\(\s*\d+\s*\)|\d{1,2}[.)]|\([a-z]\)|[a-z]\))\s+", "", t.strip())


def _split_heading(ln: Line, num_len: int) -> tuple[str, str]:
    """(title, rest of the paragraph) of a numbered heading unit: a heading block is all
    title; a paragraph's title is its first line (plus lower-case continuations)."""
    t = ln.text.strip()
    if ln.block is not None and ln.block.kind == "heading" or "\n" not in (ln.raw or ""):
        title = t[num_len:].lstrip(" .\t")
        return title.strip(), ""
    raws = [r.strip() for r in ln.raw.split("\n") if r.strip()]
    title_lines = [raws[0][num_len:].lstrip(" .\t")]
    k = 1
    while k < len(raws) and re.match(r"^[a-z(]", raws[k]) and not _ITEM_REF.match(raws[k]):
        title_lines.append(raws[k])
        k += 1
    rest = [r for r in raws[k:] if not _ITEM_REF.match(r)]
    return join_lines(title_lines), join_lines(rest)


@dataclass
class MinuteItem:
    number: str
    title: str
    raw: str
    page: Optional[int]
    block_index: int


def _item_num_key(num: str) -> int:
    parts = re.findall(r"\d+", num)
    if "/" in num and parts:
        return int(parts[0])  # "45/23": minute 45 of 2023
    return int(parts[-1]) if parts else 0


def _accept_item(num: str, title: str, last: Optional[str]) -> bool:
    if len(title) > 150 or title.endswith(",") or re.search(r"\b(?:the|of|and)$", title):
        return False
    n = _item_num_key(num)
    if last is None:
        return True
    ln = _item_num_key(last)
    if "." in num and "." in last:
        return num.split(".")[:-1] == last.split(".")[:-1] and ln < n <= ln + 4
    if "/" in num or "/" in last:
        return "/" in num and "/" in last and ln < n <= ln + 6
    if "." in num or "." in last:
        return False
    return ln < n <= ln + (8 if title.isupper() else 4)


_BODY_NUM = re.compile(
    r"^(?:\(?\d{1,3}[a-z]?[.)]?|\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?|[A-Z][a-z]{2,4}\s?\d{2}\.\d{1,2}|\(?[a-z][.)]|\(?(?:i{1,3}|iv|v|vi{1,3})\))$"
)
_ITEM_REF = re.compile(r"^\(item\s+\d+[a-z]?\)$", re.I)


def _is_body_table(rows: list[Line]) -> bool:
    """A text-aligned 'table' that is really minute text: number | paragraph."""
    if not rows:
        return False
    ncols = max(len(r.cells or []) for r in rows)
    if ncols > 3:
        return False
    ok = numbered = 0
    has_text = False
    for r in rows:
        cells = [c.strip() for c in (r.cells or [])]
        if not cells:
            continue
        first, rest = cells[0], " ".join(c for c in cells[1:] if c)
        low = [c.lower().rstrip(":") for c in cells]
        if any(c in ("action", "actions", "owner", "update", "action by") for c in low):
            return False
        if first == "":
            ok += 1
        elif _BODY_NUM.match(first):
            ok += 1
            numbered += 1
        if len(rest) > 25:
            has_text = True
    return has_text and numbered >= 1 and ok == len(rows)


def flatten_body_tables(lines: list[Line]) -> list[Line]:
    """Turn number | paragraph pseudo-tables back into heading and paragraph units."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.is_row:
            out.append(ln)
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].is_row and lines[j].block_index == ln.block_index:
            j += 1
        rows = lines[i:j]
        i = j
        if not _is_body_table(rows):
            out.extend(rows)
            continue
        cur: Optional[Line] = None

        def emit(text: str, r: Line, new: bool):
            nonlocal cur
            text = text.strip()
            if not text:
                return
            if not new and cur is not None and not SENTENCE_END.search(cur.text) and not NUM_HEAD.match(cur.text):
                cur.text = join_lines([cur.text, text])
                cur.raw += "\n" + text
                return
            cur = Line(text, text, r.page, r.block_index, block=r.block, first_of_block=True, x0=r.x0)
            out.append(cur)

        for r in rows:
            cells = [c.strip() for c in (r.cells or [])]
            first = cells[0] if cells else ""
            rest_lines = [x.strip() for c in cells[1:] for x in c.split("\n") if x.strip()]
            if first and MINUTE_NUM_CELL.match(first) and rest_lines and re.match(r"[A-Z\"']", rest_lines[0]):
                title = [rest_lines[0]]
                k = 1
                while k < len(rest_lines) and (re.match(r"^[a-z(]", rest_lines[k]) and not _ITEM_REF.match(rest_lines[k])):
                    title.append(rest_lines[k])
                    k += 1
                cur = None
                emit(first + " " + join_lines(title), r, True)
                cur = None
                for x in rest_lines[k:]:
                    if _ITEM_REF.match(x):
                        continue
                    emit(x, r, cur is None)
            elif first:
                emit(first + " " + " ".join(rest_lines), r, True)
            else:
                for x in rest_lines:
                    emit(x, r, False)
    return out


@dataclass
class _TableState:
    """Where the action columns are in the table being read, and what announced it."""

    cols: Optional[tuple[int, int]] = None  # (action column or -1, owner column)
    ncols: int = 0
    column_only: bool = False  # an "Action" column beside the minutes' notes (no owner column)
    header_line: bool = False  # "ITEM  BY WHOM  BY WHEN" printed as a line above a headerless table
    last_table: Optional[int] = None  # block of the table last seen

    def enter(self, ln: Line) -> None:
        """The first row of a table block: its columns, or the previous table's when it is that
        table continued on the next page (same width, no header row)."""
        ncells = len(ln.cells or [])
        low0 = [c.strip().lower().rstrip(":") for c in (ln.cells or [])]
        continued = self.cols is not None and ncells == self.ncols and not any(
            c in ACTION_HEAD_WORDS or c in OWNER_HEAD_WORDS for c in low0)
        if not continued:
            self.cols = None
            self.column_only = False
        self.last_table = ln.block_index
        if self.header_line and self.cols is None:
            self.cols = guess_action_cols([c.strip() for c in (ln.cells or [])])
            self.ncols = ncells
        self.header_line = False

    def header(self, cells: list[str], low: list[str]) -> None:
        """A header row ("Action | Owner"): its action and owner columns."""
        own_i = next((j for j, c in enumerate(low) if c in OWNER_HEAD_WORDS), None)
        act_i = next((j for j, c in enumerate(low) if c in ACTION_HEAD_WORDS), None)
        self.column_only = own_i is None
        if own_i is None:
            own_i, act_i = act_i, None
        self.cols = (act_i if act_i is not None else -1, own_i)
        self.ncols = len(cells)


def _owners_of(own: str) -> list[str]:
    """"NW / JS and Clerk." -> ["NW", "JS", "Clerk"]."""
    return [o for o in re.split(r"\s*(?:/|,|&|\band\b)\s*", own.rstrip(".")) if o]


def _slash_owners(own: str) -> list[str]:
    return re.split(r"\s*/\s*", own)


class _MinutesBody:
    """One pass over the minutes after the attendance section: minute items, decisions,
    actions (in prose, in action tables, in tables printed as text lines) and the
    attendance mentioned in prose, added to ``res`` as they are met."""

    def __init__(self, paper: Paper, ctx: ExtractContext, res: ExtractResult,
                 meeting: tuple[Optional[str], Optional[str]], att: Attendance, body: list[Line]) -> None:
        self.paper, self.res, self.att, self.body = paper, res, att, body
        self.sha = ctx.doc.sha256
        self.mid, self.mdate = meeting
        self.items: list[MinuteItem] = []
        self.cur: Optional[MinuteItem] = None
        self.pending_action = False  # "ACTION:" alone: the owner-led line below is the action
        self.prev_text: Optional[str] = None
        self.decisions_seen: set[str] = set()
        self.n_action = 0
        self.table = _TableState()
        self.text_table: Optional[list] = None  # rows of an action table printed as text lines
        self.i = 0

    def read(self) -> list[MinuteItem]:
        while self.i < len(self.body):
            ln = self.body[self.i]
            self.i += 1
            self._line(ln)
        if self.text_table is not None:
            self._flush_text_table()
        return self.items

    # -- rows out -----------------------------------------------------------

    def add_action(self, text: str, owners: list[str], ln: Line, owners_raw: Optional[str] = None) -> None:
        text = " ".join(text.split()).strip()
        if not text and not owners:
            return
        self.n_action += 1
        self.res.add("minute_actions", {
            "minute_action_id": row_id(self.sha, self.paper.start, ln.block_index, self.n_action, text),
            "meeting_id": self.mid,
            "meeting_date": self.mdate,
            "item_number": self.cur.number if self.cur else None,
            "owners": "; ".join(owners) if owners else None,
            "owners_raw": owners_raw,
            "action_text": text,
            "page": ln.page,
            "block_index": ln.block_index,
        })

    def add_decision(self, text: str, ln: Line) -> None:
        text = " ".join(text.split()).strip()
        if not text or text in self.decisions_seen:
            return
        self.decisions_seen.add(text)
        kw = _DECISION.search(text)
        self.res.add("decisions", {
            "decision_id": row_id(self.sha, self.paper.start, ln.block_index, text),
            "meeting_id": self.mid,
            "meeting_date": self.mdate,
            "item_number": self.cur.number if self.cur else None,
            "decision_text": text,
            "keyword": kw.group(0) if kw else None,
            "page": ln.page,
            "block_index": ln.block_index,
        })

    def _new_item(self, num: str, title: str, raw: str, ln: Line) -> None:
        self.cur = MinuteItem(num, title, raw, ln.page, ln.block_index)
        self.items.append(self.cur)

    def _flush_text_table(self) -> None:
        for a_text, a_owners, a_ln in self.text_table:
            self.add_action(a_text, a_owners, a_ln, owners_raw="/".join(a_owners) or None)
        self.text_table.clear()

    # -- one unit -----------------------------------------------------------

    def _line(self, ln: Line) -> None:
        t = ln.text.strip()
        if ln.is_row and ln.block_index != self.table.last_table:
            self.table.enter(ln)
        if self.text_table is not None:
            if not ln.is_row and read_text_action_rows(ln, self.text_table):
                return
            self._flush_text_table()
            self.text_table = None
        if not ln.is_row and self._text_table_opens(ln, t):
            return
        if ln.is_row:
            self._row(ln, t)
            return
        self._margin_owners(ln, t)
        if HEAD_LABEL.fullmatch(" ".join(t.split("\n")[-1].split())) and OWNER_IN_LINE.search(t):
            self.table.header_line = True
            return
        self._prose(ln, t)

    def _text_table_opens(self, ln: Line, t: str) -> bool:
        """"NO ACTION OWNER Update" printed as text (a scan, a text-aligned table): the rows
        follow as lines, the owner's initials at the end of each. True when the unit is read."""
        if text_table_header(t) and self.i < len(self.body) and not self.body[self.i].is_row:
            self.text_table = []
            return True
        raws = [r for r in (ln.raw or "").split("\n") if r.strip()]
        if len(raws) >= 2 and text_table_header(raws[0]):
            self.text_table = []  # the header and its rows in one paragraph
            rest_ln = Line("\n".join(raws[1:]), "\n".join(raws[1:]), ln.page, ln.block_index, block=ln.block,
                           first_of_block=False, x0=ln.x0)
            if read_text_action_rows(rest_ln, self.text_table):
                return True
            self._flush_text_table()
            self.text_table = None
        return False

    def _margin_owners(self, ln: Line, t: str) -> None:
        """"... + VAT. NO to advise Mr Gray NO": the owner again in the right margin."""
        margin_seen = set()
        for r in (ln.raw or "").split("\n"):
            mo = MARGIN_OWNER.search(r.strip()) if r.strip() else None
            if mo:
                self.add_action(mo.group("s"), _slash_owners(mo.group("o")), ln, owners_raw=mo.group("o"))
                margin_seen.add(" ".join(mo.group("s").split()))
        # the sentence wrapped over lines: "BM to let Cllr Ray know where\nthe box goes. BM\nFurther ..."
        for mo in MARGIN_OWNER_WRAPPED.finditer(" ".join(t.split())):
            if " ".join(mo.group("s").split()) not in margin_seen and "\n" in (ln.raw or ""):
                self.add_action(mo.group("s"), _slash_owners(mo.group("o")), ln, owners_raw=mo.group("o"))

    # -- table rows ---------------------------------------------------------

    def _row(self, ln: Line, t: str) -> None:
        cells = [c.strip() for c in (ln.cells or [])]
        low = [" ".join(c.lower().rstrip(":").split()) for c in cells]
        is_header = any(c in ACTION_HEAD_WORDS or c in OWNER_HEAD_WORDS for c in low) and len([c for c in cells if c]) <= 5
        if is_header:
            self.table.header(cells, low)
        # a minute heading in the row: "288. | Title/body" or "03.18.02 Title"
        head = row_heading(cells)
        if head and _accept_item(head[0], head[1], self.cur.number if self.cur else None):
            self._new_item(head[0], head[1], t, ln)
        if is_header and not head:
            return
        if self.table.cols and self._action_row(cells, is_header, ln):
            return
        self._row_cells(cells, head, ln)

    def _action_row(self, cells: list[str], is_header: bool, ln: Line) -> bool:
        """A row of an action table: its action and owner. True when the row is read."""
        act_i, own_i = self.table.cols
        owner = "" if is_header or own_i >= len(cells) else cells[own_i]
        if act_i >= 0:
            text = cells[act_i] if act_i < len(cells) else ""
        else:
            others = [c for j, c in enumerate(cells) if j != own_i and c and not re.fullmatch(r"[\w.]{1,10}", c)]
            text = max(others, key=len) if others else ""
        if owner and re.search(r"\d{2}|£|total", owner, re.I):
            owner = ""
        if not owner:
            return False
        if NO_ACTION.match(owner.strip()):
            return True
        if self.table.column_only:
            self._action_column_cell(owner, text, ln)
            return True
        if not text:
            return False
        ac = ACTION_CUE.match(text)
        if ac:
            text = ac.group("rest")
        groups = split_by_owner_lines(text, owner)
        if groups:
            for gtext, gown in groups:
                self.add_action(gtext, [gown], ln, owners_raw=gown)
        else:
            self.add_action(text, owner_cell(owner), ln, owners_raw=owner)
        for c in cells:
            if c and _DECISION.search(c):
                self.add_decision(decision_text(c), ln)
        return True

    def _action_column_cell(self, owner: str, text: str, ln: Line) -> None:
        """The Action cell beside the notes: an action sentence itself ("Clerk to place on
        website"), or its owner(s) when the notes are one short action."""
        cell = " ".join(owner.split())
        owner_lines = all(re.fullmatch(r"(?:[A-Z][\w'\-]*\s*){1,3}(?:[/,&]\s*(?:[A-Z][\w'\-]*\s*){1,3})*", x.strip())
                          for x in owner.split("\n") if x.strip())
        if action_owners(cell) or (len(cell.split()) > 5 and not owner_lines):
            self.add_action(cell, action_owners(cell), ln)
        elif text and len(text.split()) <= 25 and len([x for x in text.split("\n") if x.strip()]) <= 2:
            self.add_action(text, owner_cell(owner), ln, owners_raw=owner)

    def _row_cells(self, cells: list[str], head: Optional[tuple[str, str]], ln: Line) -> None:
        """The cells of a row that is no action-table row: decisions, apologies and actions in its text."""
        for c in cells:
            if not c:
                continue
            body_text = c[len(head[1]):] if head and c.startswith(head[1][:20]) else c
            body_text = join_lines(body_text.split("\n"))
            if _DECISION.search(body_text):
                self.add_decision(decision_text(body_text), ln)
            pm = PROSE_APOLOGIES.search(body_text)
            if pm and not re.search(r"\bno apologies\b", body_text, re.I):
                self.att.add_entries(pm.group("names"), APOLOGIES, ln)
            ac = ACTION_CUE.search(body_text)
            if ac and ac.group("rest").strip():
                self.add_action(ac.group("rest"), action_owners(ac.group("rest")), ln)

    # -- prose --------------------------------------------------------------

    def _prose(self, ln: Line, t: str) -> None:
        if self._minute_heading(ln, t):
            return
        if re.fullmatch(r"\(item\s+\d+[a-z]?\)", t, re.I) or SECTION_HEAD.match(t):
            return
        self._prose_attendance(ln, t)
        tail = ACTION_TAIL.match(t)
        if tail and OWNER_ONLY.match(tail.group("own").strip()):
            # "... report back by June. ACTION: NW" at the end of a paragraph
            own = tail.group("own").strip()
            self.add_action(tail.group("body"), _owners_of(own), ln, owners_raw=own)
            t = tail.group("body")
        ac = ACTION_CUE.match(t)
        if ac:
            self._action_cue(ac.group("rest").strip(), ln)
            return
        if self.pending_action:
            owners = action_owners(t)
            if owners:
                self.add_action(t, owners, ln)
                return
            self.pending_action = False
        if _DECISION.search(t) and not re.match(r"^(?:to|the minutes of)\b.*\?$", t, re.I):
            if self._decision(ln, t):
                return
        self.prev_text = t

    def _minute_heading(self, ln: Line, t: str) -> bool:
        """A numbered minute heading opens the next item; the rest of its paragraph is read next."""
        mh = NUM_HEAD.match(t)
        if not mh:
            return False
        num = re.sub(r"\.{2,}", ".", mh.group("num")).rstrip(".")
        if not _accept_item(num, mh.group("title"), self.cur.number if self.cur else None):
            return False
        title, rest = _split_heading(ln, len(mh.group("num")))
        title = re.sub(r"\s*\(item\s+\d+[a-z]?\)\s*$", "", title, flags=re.I)
        self._new_item(num, title, t, ln)
        self.pending_action = False
        if rest:
            self.body.insert(self.i, Line(rest, rest, ln.page, ln.block_index, block=ln.block, first_of_block=False, x0=ln.x0))
        return True

    def _prose_attendance(self, ln: Line, t: str) -> None:
        """Apologies anywhere, and "also in attendance" inside the first items."""
        pm = PROSE_APOLOGIES.search(t)
        if pm and not re.search(r"\bno apologies\b", t, re.I):
            self.att.add_entries(pm.group("names"), APOLOGIES, ln)
        am = ATTEND_PROSE.match(t)
        if am and self.cur is not None and _item_num_key(self.cur.number) <= _item_num_key(self.items[0].number) + 1:
            self.att.add_entries(am.group("names"), IN_ATTENDANCE, ln)

    def _action_cue(self, rest: str, ln: Line) -> None:
        """What follows "ACTION:": the owner of the paragraph above, an action, or nothing yet."""
        if rest and OWNER_ONLY.match(rest) and self.prev_text:
            # "ACTION: JS" under the paragraph it refers to
            self.add_action(self.prev_text, _owners_of(rest), ln, owners_raw=rest)
            self.pending_action = False
        elif rest:
            tail_own = BRACKET_OWNER.search(rest)
            self.add_action(rest, action_owners(rest) or (_slash_owners(tail_own.group(1)) if tail_own else []), ln)
            self.pending_action = False
        else:
            self.pending_action = True

    def _decision(self, ln: Line, t: str) -> bool:
        """A decision paragraph. True when it introduced a list of bullets, each a decision
        (the paragraph is then not kept as the text an "ACTION:" below refers to)."""
        text = decision_text(t)
        if text.rstrip().endswith(":"):
            extra = self._bullets()
            if extra:
                for x, xl in extra:
                    self.add_decision(_strip_enum(x), xl)
                return True
            # "RESOLVED that:" followed by a paragraph: that paragraph is the decision's body
            nxt = self.body[self.i] if self.i < len(self.body) else None
            if nxt is not None and not nxt.is_row and not NUM_HEAD.match(nxt.text) and len(nxt.text) > 20:
                text = text.rstrip() + " " + nxt.text.strip()
                self.i += 1
        self.add_decision(text, ln)
        return False

    def _bullets(self) -> list[tuple[str, Line]]:
        """The bullets after "The Board agreed:", consumed."""
        extra = []
        while self.i < len(self.body) and not self.body[self.i].is_row and (
            (self.body[self.i].block is not None and self.body[self.i].block.kind == "list_item")
            or re.match(r"^[-\u2022*]\s", self.body[self.i].text)
        ):
            b = self.body[self.i]
            extra.append((re.sub(r"^[-\u2022*]\s+", "", b.text.strip()), b))
            self.i += 1
        return extra


@register
class MinutesExtractor(Extractor):
    name = "minutes"
    paper_types = (MINUTES,)
    produces = ("meetings", "attendance", "minute_items", "decisions", "minute_actions")
    order = 30

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        lines = flatten_body_tables(units(paper_lines(ctx.doc, paper), SPLIT_CUES))
        if not lines:
            return res
        info = self._meeting_info(paper, ctx, lines)
        if info.meeting_date is None:
            res.warn("minutes: no date of the meeting recorded found", page=paper.page_start, block_index=paper.start)
        row = record_meeting(info, ctx, res)
        meeting = (row["meeting_id"] if row else None, info.meeting_date)
        att, end = parse_attendance(lines, info.meeting_date, labels_for(ctx.settings))
        items = _MinutesBody(paper, ctx, res, meeting, att, lines[end:]).read()
        self._attendance_rows(paper, ctx, res, meeting, att)
        self._item_rows(paper, ctx, res, meeting, items)
        return res

    def _meeting_info(self, paper: Paper, ctx: ExtractContext, lines: list[Line]) -> MeetingInfo:
        """The meeting from the minutes' head, or from the "Minutes of ..." title that
        segmentation left at the end of the previous paper."""
        info = self._meeting(lines)
        if info.meeting_date is None and paper.start > 0:
            lo = max(0, paper.start - 6)
            before = paper_lines(ctx.doc, paper, start=lo, end=paper.start - 1)
            k = max((j for j, b in enumerate(before) if re.search(r"\bminutes\s+of\b", b.text, re.I)), default=None)
            if k is not None:
                prev = self._meeting(before[max(0, k - 3):])
                if prev.meeting_date:
                    info = prev
        return info

    @staticmethod
    def _attendance_rows(paper: Paper, ctx: ExtractContext, res: ExtractResult, meeting: tuple, att: Attendance) -> None:
        mid, mdate = meeting
        for p in att.people:
            res.add("attendance", {
                "attendance_id": row_id(ctx.doc.sha256, paper.start, p.person, p.attendance, p.block_index),
                "meeting_id": mid,
                "meeting_date": mdate,
                "person": p.person,
                "person_raw": p.raw,
                "role": p.role,
                "attendance": p.attendance,
                "page": p.page,
                "block_index": p.block_index,
            })

    @staticmethod
    def _item_rows(paper: Paper, ctx: ExtractContext, res: ExtractResult, meeting: tuple, items: list[MinuteItem]) -> None:
        mid, mdate = meeting
        for k, it in enumerate(items):
            res.add("minute_items", {
                "minute_item_id": row_id(ctx.doc.sha256, paper.start, it.number, k),
                "meeting_id": mid,
                "meeting_date": mdate,
                "item_number": it.number,
                "title": it.title,
                "title_raw": it.raw,
                "ordinal": k,
                "page": it.page,
                "block_index": it.block_index,
            })

    def _meeting(self, lines: list[Line]) -> MeetingInfo:
        # header: lines up to the attendance section
        head: list[Line] = []
        for ln in lines[:25]:
            if not ln.is_row and re.match(r"^(?:present|members present)\b", ln.text, re.I):
                break
            if ln.is_row and any(re.match(r"^present\b", c or "", re.I) for c in ln.cells or []):
                break
            head.append(ln)
        text = "\n".join(ln.text for ln in head if not ln.is_row)
        info = minutes_header(text)
        idx = next((k for k, ln in enumerate(head) if re.search(r"\b(?:minutes|notes|action\s+notes|record)\s+of\b", ln.text, re.I)), None)
        if idx is None:
            # no "Minutes of" sentence: first date in the head
            for ln in head:
                ds = find_dates(ln.text)
                if ds:
                    info.meeting_date, info.meeting_date_raw = ds[0].iso, ds[0].raw
                    ts = find_times(ln.text[ds[0].end:])
                    if ts:
                        info.start_time, info.start_time_raw = ts[0].hhmm, ts[0].raw
                    break
        if not info.committee:
            before = head[:idx] if idx is not None else head
            for ln in reversed(before):
                if ln.is_row:
                    continue
                t = ln.text.strip()
                if is_committee_line(t) and (ORG_WORD.search(t) or t.isupper()) and not re.match(r"^agenda\b", t, re.I):
                    info.committee, info.committee_raw = tidy_committee(t), t
                    break
        info.source = "minutes"
        prov = head[idx] if idx is not None and head else (head[0] if head else lines[0])
        info.page, info.block_index = prov.page, prov.block_index
        return info
