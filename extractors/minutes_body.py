"""The body of the minutes after the attendance: items, decisions, actions.

Split from minutes.py (which keeps the extractor: the meeting, the order of
the readers, the rows): :class:`MinutesBody` is one pass over the lines after
the attendance head, adding minute items, decisions and actions (in prose, in
action tables, in tables printed as text lines) as they are met.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import Paper
from boardpack.extractors.base import ExtractContext, ExtractResult, row_id
from boardpack.extractors.attendance import Attendance, labels_for
from boardpack.extractors.meeting_cues import (
    NUM_HEAD,
    SECTION_HEAD,
    Line,
    join_lines,
    row_heading,
)
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
    action_owners,
    owner_cell,
    read_text_action_rows,
    sentence_owners,
    split_by_owner_lines,
    text_table_header,
)
from boardpack.extractors.minute_margin import MarginOwners
from boardpack.extractors.minutes_attendance import apologies_in, attending_in, visitors_in
from boardpack.extractors.minute_items import DECISION, MinuteItem, accept_item, decision_text, item_num_key, split_heading, strip_enum
from boardpack.extractors.minute_tables import ActionTableState, owners_of, slash_owners


class MinutesBody:
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
        self.table = ActionTableState()
        self.text_table: Optional[list] = None  # rows of an action table printed as text lines
        self.margin = MarginOwners(att.people, body)
        self.labels = labels_for(ctx.settings)
        self.actions_seen: set[tuple[str, tuple[str, ...]]] = set()
        self.i = 0

    def read(self) -> list[MinuteItem]:
        while self.i < len(self.body):
            ln = self.body[self.i]
            self.i += 1
            self._line(ln)
            self._margin_actions()
        if self.text_table is not None:
            self._flush_text_table()
        self.margin.boundary()
        self._margin_actions()
        return self.items

    # -- rows out -----------------------------------------------------------

    def add_action(self, text: str, owners: list[str], ln: Line, owners_raw: Optional[str] = None) -> None:
        text = " ".join(text.split()).strip()
        if not text and not owners:
            return
        # one action listed twice in one set of minutes (in its item and again in the action
        # list summary at the end, or in the margin and as an owner-led sentence) is one action
        key = (re.sub(r"\W+", " ", text).strip().lower(), tuple(o.lower() for o in owners))
        if key in self.actions_seen:
            return
        self.actions_seen.add(key)
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
        kw = DECISION.search(text)
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

    def _margin_actions(self) -> None:
        for text, owners, ln in self.margin.take():
            self.add_action(text, owners, ln, owners_raw="/".join(owners))

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
                self.margin.boundary()
                return
            self._flush_text_table()
            self.text_table = None
        if not ln.is_row and self._text_table_opens(ln, t):
            self.margin.boundary()
            return
        if ln.is_row:
            self._row(ln, t)
            return
        self._margin_owners(ln, t)
        self._margin_prose(ln, t)
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

    def _margin_prose(self, ln: Line, t: str) -> None:
        """The paragraph to the margin reader; headings, minute headings and action lines end its sentence."""
        if ln.block is not None and ln.block.kind == "heading" or NUM_HEAD.match(t) or ACTION_CUE.match(t) \
                or ACTION_TAIL.match(t):
            self.margin.boundary()
        else:
            self.margin.prose(ln)

    def _margin_owners(self, ln: Line, t: str) -> None:
        """"... + VAT. NO to advise Mr Gray NO": the owner again in the right margin."""
        margin_seen = set()
        for r in (ln.raw or "").split("\n"):
            mo = MARGIN_OWNER.search(r.strip()) if r.strip() else None
            if mo:
                self.add_action(mo.group("s"), slash_owners(mo.group("o")), ln, owners_raw=mo.group("o"))
                margin_seen.add(" ".join(mo.group("s").split()))
        # the sentence wrapped over lines: "BM to let Cllr Ray know where\nthe box goes. BM\nFurther ..."
        for mo in MARGIN_OWNER_WRAPPED.finditer(" ".join(t.split())):
            if " ".join(mo.group("s").split()) not in margin_seen and "\n" in (ln.raw or ""):
                self.add_action(mo.group("s"), slash_owners(mo.group("o")), ln, owners_raw=mo.group("o"))

    # -- table rows ---------------------------------------------------------

    def _row(self, ln: Line, t: str) -> None:
        cells = [c.strip() for c in (ln.cells or [])]
        low = [" ".join(c.lower().rstrip(":").split()) for c in cells]
        is_header = any(c in ACTION_HEAD_WORDS or c in OWNER_HEAD_WORDS for c in low) and len([c for c in cells if c]) <= 5
        if is_header:
            self.table.header(cells, low)
        # a minute heading in the row: "288. | Title/body" or "03.18.02 Title"
        head = row_heading(cells)
        if head and accept_item(head[0], head[1], self.cur.number if self.cur else None):
            self._new_item(head[0], head[1], t, ln)
        if is_header and not head:
            self.margin.boundary()
            return
        # initials in a margin column beside the minutes' prose; a table with an owner column is an action table
        margin = self.margin.row(ln) if not self.table.cols or self.table.column_only else self.margin.boundary()
        if self.table.cols and (margin or self._action_row(cells, is_header, ln)):
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
            if c and DECISION.search(c):
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
            if DECISION.search(body_text):
                self.add_decision(decision_text(body_text), ln)
            apologies_in(self.att, body_text, ln)
            visitors_in(self.att, self.labels, c, ln, self._first_items(), bool(self.items))
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
            self.add_action(tail.group("body"), owners_of(own), ln, owners_raw=own)
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
        if DECISION.search(t) and not re.match(r"^(?:to|the minutes of)\b.*\?$", t, re.I):
            if self._decision(ln, t):
                return
        self.prev_text = t

    def _minute_heading(self, ln: Line, t: str) -> bool:
        """A numbered minute heading opens the next item; the rest of its paragraph is read next."""
        mh = NUM_HEAD.match(t)
        if not mh:
            return False
        num = re.sub(r"\.{2,}", ".", mh.group("num")).rstrip(".")
        if not accept_item(num, mh.group("title"), self.cur.number if self.cur else None):
            return False
        title, rest = split_heading(ln, len(mh.group("num")))
        title = re.sub(r"\s*\(item\s+\d+[a-z]?\)\s*$", "", title, flags=re.I)
        self._new_item(num, title, t, ln)
        self.pending_action = False
        if rest:
            self.body.insert(self.i, Line(rest, rest, ln.page, ln.block_index, block=ln.block, first_of_block=False, x0=ln.x0))
        return True

    def _prose_attendance(self, ln: Line, t: str) -> None:
        """Apologies anywhere, and "also in attendance" or "In attendance:" inside the first items."""
        apologies_in(self.att, t, ln)
        attending_in(self.att, t, ln, self._first_items())
        visitors_in(self.att, self.labels, ln.raw or t, ln, self._first_items(), bool(self.items))

    def _first_items(self) -> bool:
        return self.cur is not None and item_num_key(self.cur.number) <= item_num_key(self.items[0].number) + 1

    def _action_cue(self, rest: str, ln: Line) -> None:
        """What follows "ACTION:": the owner of the paragraph above, an action, or nothing yet."""
        if rest and OWNER_ONLY.match(rest) and self.prev_text:
            # "ACTION: JS" under the paragraph it refers to
            self.add_action(self.prev_text, owners_of(rest), ln, owners_raw=rest)
            self.pending_action = False
        elif rest:
            tail_own = BRACKET_OWNER.search(rest)
            self.add_action(rest, sentence_owners(rest) or (slash_owners(tail_own.group(1)) if tail_own else []), ln)
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
                    self.add_decision(strip_enum(x), xl)
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

