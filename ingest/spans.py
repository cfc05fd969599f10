"""The boundary scan: one pass over the blocks, opening a span (a paper to be)
where a cue, a separator or a boilerplate section says one starts.

A new paper opens at a separator at the top of a page, at a strong cue of
another type (strength 3 anywhere; strength 2 only in the title run at the
top of a page) or at a repeated identity cue; it takes the title-like
blocks just above its cue with it (:func:`_pull_back`). Minutes and agendas
hold their ground (:data:`STICKY`). The spans are turned into papers by
:mod:`boardpack.ingest.papers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.dates import find_dates
from boardpack.core.model import ACTION_PLAN, AGENDA, COVER, LIST_ITEM, MINUTES, OTHER, PAGE_BREAK, TABLE, Block
from boardpack.ingest import boilerplate
from boardpack.ingest.cues import NUMBERED, Hit, despace, is_title_like, short
from boardpack.ingest.hits import page_top, separator_at

@dataclass
class Span:
    start: int
    paper_type: Optional[str] = None
    strength: int = 0
    cue: str = ""
    identities: set = field(default_factory=set)
    content_since_identity: bool = False
    evidence: dict = field(default_factory=dict)
    signature: Optional[str] = None
    table_cols: int = 0  # columns of the last table in the paper
    decided_at: Optional[int] = None  # block whose cue decided the type
    numbered: int = 0  # numbered lines (item or section numbers) seen in the span
    listed: tuple[int, int] = (0, 0)  # (last number, length) of the run of numbered titles just read


#: Types that hold their ground: inside them only a strength-3 cue (or a
#: separator) starts another paper, since minutes and agendas name every
#: other kind of paper in their item titles.
STICKY = (MINUTES, AGENDA)


_BARE_NUMBER = re.compile(r"^\s*(?:item\s+)?\(?\d{1,3}[a-z]?[.)]?\)?\s*$", re.I)
_FIRST_NUMBER = re.compile(r"^\s*(?:item\s+)?\(?0*(\d{1,3})")


def _in_numbered_list(text: str, cur: Span) -> bool:
    """A numbered line (``text``, a non-table block's despaced text that NUMBERED matched) that
    carries on a list of them ("8. Staff survey results and action plan" after items 1 to 7,
    "08 Fire Authority Work Plan 2016/17") is an item of that list, whatever paper it names: it
    neither opens nor types a paper, and counts as evidence only. A list's first number
    ("1. Action Plan") may still be a paper's own numbered title."""
    if cur.numbered < 2:
        return False
    m = _FIRST_NUMBER.match(text)
    return bool(m) and int(m.group(1)) > 1


#: a numbered title: an item's number and a few words, no sentence, no page number after it
_NUMBERED_TITLE = re.compile(r"^\s*0*(?P<n>\d{1,2})[.)]?\s+(?P<t>[A-Z].{1,200}?)\s*$", re.S)
#: what ends a line that is no title: a sentence's stop, a contents list's page number
_NOT_TITLE_END = re.compile(r"[.;:]\s*$|(?:\.{2,}|\s{2,}|\bpages?\s*)\d+\s*$", re.I)
_TITLE_RUN = 4


def _count_title_run(b: Block, cur: Span) -> None:
    """Four numbered titles in a row, numbered on from one another ("1. Apologies" / "2. Declarations
    of interest" / "3. Minutes of the June meeting" / "4. Actions and matters arising"), with no
    sentence between them: a list of business, which is what an agenda is. The run counts as agenda
    evidence once a paper (minutes print their business between the items, a contents list its pages)."""
    if b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b):
        return
    m = None if b.kind == TABLE else _NUMBERED_TITLE.match(despace(b.text or b.norm))
    if not m or _NOT_TITLE_END.search(m.group("t")):
        cur.listed = (0, 0)
        return
    n = int(m.group("n"))
    last, length = cur.listed
    cur.listed = (n, length + 1) if length and n == last + 1 else (n, 1)
    if cur.listed[1] == _TITLE_RUN:
        cur.evidence[AGENDA] = cur.evidence.get(AGENDA, 0) + 2


def _pull_back(blocks: list[Block], i: int, lo: int, new_type: str, cur_type: Optional[str], hits) -> int:
    """Start of a new paper whose deciding cue is at ``i``: include the
    title-like blocks just above it (not crossing a page break or ``lo``)."""
    s = i
    steps = 0
    while s - 1 > lo and steps < 6:
        b = blocks[s - 1]
        if b.kind in (PAGE_BREAK, TABLE, LIST_ITEM) or boilerplate.is_boilerplate(b):
            break
        if not is_title_like(b):
            break
        if any(h.paper_type == cur_type and h.strength >= 2 for h in hits[s - 1]) and cur_type != new_type:
            break
        if blocks[s - 1].page is not None and blocks[i].page is not None and blocks[s - 1].page_end is not None \
                and blocks[s - 1].page_end < blocks[i].page:
            break
        s -= 1
        steps += 1
    # Boilerplate between a page break and the title (a template instruction
    # at the top of the page) goes with the new paper.
    k = s - 1
    while k > lo and blocks[k].kind != PAGE_BREAK and boilerplate.is_boilerplate(blocks[k]):
        k -= 1
    if k < s - 1 and blocks[k].kind == PAGE_BREAK:
        s = k + 1
    return s


class Spanner:
    """One pass over the blocks, opening a span (a paper to be) where a cue,
    a separator or a boilerplate section says one starts."""

    def __init__(self, blocks: list[Block], hits: list[list[Hit]], sections: list[tuple[int, int, str]]):
        self.blocks, self.hits = blocks, hits
        self.section_at = {s: (e, kind) for s, e, kind in sections}
        self.force_new: set[int] = {e + 1 for s, e, _ in sections}
        self.keep: set[int] = set()  # span starts that stay papers even if all boilerplate
        self.done: list[Span] = []
        self.cur = Span(start=0)
        self.after_number = False  # the block before was an item number alone

    def spans(self) -> list[Span]:
        for i, b in enumerate(self.blocks):
            self._block(i, b)
        self.done.append(self.cur)
        return self.done

    def _open(self, new_start: int) -> Span:
        self.done.append(self.cur)
        self.cur = Span(start=new_start)
        return self.cur

    def _block(self, i: int, b: Block) -> None:
        blocks, cur = self.blocks, self.cur
        if i in self.section_at:
            # A boilerplate section (visitor guidance notes) is a paper of its own.
            if has_content(blocks, cur.start, i) or cur.paper_type is not None:
                cur = self._open(i)
            cur.paper_type, cur.strength = OTHER, 3
            cur.cue = short(b.norm)
            self.keep.add(i)
            return
        if i in self.force_new and i > cur.start:
            self._open(i)
        if b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b):
            return
        if separator_at(blocks, i) and i > self.cur.start and has_content(blocks, self.cur.start, i):
            self._open(i)
            return
        before, before_state = self.cur, (self.cur.paper_type, self.cur.cue)
        # a title under an item number printed on a line of its own ("(27)" / "MINUTES", "2." /
        # "Minutes of meeting held on 22 June 2021"): the item's heading in the open paper
        text = despace(b.norm)
        numbered = b.kind != TABLE and bool(NUMBERED.match(text))
        listed = numbered and _in_numbered_list(text, self.cur) or self.after_number and self.cur.paper_type is not None
        self.after_number = b.kind != TABLE and bool(_BARE_NUMBER.match(b.norm or ""))
        decided = not listed and self._decide(i, b, page_top(blocks, i, self.cur.start))
        cur = self.cur
        if decided and (cur is not before or (cur.paper_type, cur.cue) != before_state):
            cur.decided_at = i
        if b.kind == TABLE:
            cur.table_cols = b.n_cols
        elif numbered:
            cur.numbered += 1
        _count_title_run(b, cur)
        for h in self.hits[i]:
            weight = 2 if b.kind == TABLE else 1  # a table's structure says more than a word
            strength = 1 if listed else h.strength
            cur.evidence[h.paper_type] = cur.evidence.get(h.paper_type, 0) + strength * weight
        if not decided and not is_title_like(b):
            cur.content_since_identity = True

    def _decide(self, i: int, b: Block, top: bool) -> bool:
        """Act on the strongest cue of block ``i`` that counts here; True when one did."""
        for h in sorted(self.hits[i], key=lambda h: -h.strength):
            if h.strength < 2 or (h.strength == 2 and not (top or self.cur.paper_type is None)):
                continue
            if self.cur.paper_type is None:
                self._first_type(i, h)
            elif h.paper_type != self.cur.paper_type:
                if self._holds(b, h, top):
                    continue
                self._other_type(i, h)
            else:
                self._same_type(i, h, top)
            return True
        return False

    def _first_type(self, i: int, h: Hit) -> None:
        """The open span has no type yet: this cue gives it one."""
        start = _pull_back(self.blocks, i, self.cur.start, h.paper_type, None, self.hits)
        if _preamble_pages_before(self.blocks, self.cur.start, start):
            # Undecided pages before this paper (a pack's front page, a
            # contents list) stay a paper of their own.
            self._open(start)
        self._take(h)
        if h.signature:
            self.cur.signature = h.signature

    def _take(self, h: Hit) -> None:
        """The open paper takes the cue's type, strength and identity."""
        cur = self.cur
        cur.paper_type, cur.strength, cur.cue = h.paper_type, h.strength, h.cue
        if h.identity:
            cur.identities.add(h.identity)
            cur.content_since_identity = False

    def _holds(self, b: Block, h: Hit, top: bool) -> bool:
        """The open paper holds its ground against a cue of another type."""
        cur = self.cur
        # A table with the same columns as the paper's last table, at the
        # top of the next page, is that table continued, not a new paper.
        if b.kind == TABLE and h.strength < 3 and cur.table_cols and b.n_cols == cur.table_cols:
            return True
        if cur.paper_type in STICKY:
            # Leaving minutes or an agenda takes a strong cue at the top of a
            # page, or mid-page only the title of another meeting paper.
            if h.strength < 3:
                return True
            # Inside minutes or an agenda a numbered line is an item title,
            # whatever paper it names ("3. ... Quarterly Report").
            if b.kind != TABLE and NUMBERED.match(despace(b.norm)):
                return True
            if not top and not (h.paper_type in (COVER, *STICKY) and h.identity):
                return True
        # OTHER only interrupts at the top of a page.
        return h.paper_type == OTHER and not top

    def _other_type(self, i: int, h: Hit) -> None:
        """A cue of another type starts the next paper (or retypes one that is only title lines so far)."""
        start = _pull_back(self.blocks, i, self.cur.start, h.paper_type, self.cur.paper_type, self.hits)
        if has_content(self.blocks, self.cur.start, start):
            self._open(start)
        self._take(h)
        self.cur.signature = h.signature

    def _same_type(self, i: int, h: Hit, top: bool) -> None:
        """A cue of the open paper's type: another plan (a new signature), the same
        paper's title again after content (the next paper of its kind), or more of it."""
        cur = self.cur
        if h.paper_type == ACTION_PLAN and h.signature and cur.signature and h.signature != cur.signature and top:
            start = _pull_back(self.blocks, i, cur.start, h.paper_type, cur.paper_type, self.hits)
            cur = self._open(start)
            cur.paper_type, cur.strength, cur.cue, cur.signature = h.paper_type, h.strength, h.cue, h.signature
            return
        if h.signature and not cur.signature:
            cur.signature = h.signature
        if h.identity and h.identity in cur.identities and cur.content_since_identity \
                and not (h.identity in _TITLE_IDENTITIES and _same_meeting_title(self.blocks, cur.start, i, top)):
            start = _pull_back(self.blocks, i, cur.start, h.paper_type, cur.paper_type, self.hits)
            self._open(start)
            self._take(h)
            return
        if h.identity:
            cur.identities.add(h.identity)
        if h.strength > cur.strength:
            cur.strength, cur.cue = h.strength, h.cue


#: Identities of a paper's title (not of its attendance list or salutation).
_TITLE_IDENTITIES = ("agenda", "minutes_title")


def _title_run_dates(blocks: list[Block], lo: int, n: int = 3) -> set[str]:
    """ISO dates printed in the title run that starts at ``lo`` (up to ``n`` title lines)."""
    out: set[str] = set()
    seen = 0
    for b in blocks[lo:]:
        if b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b):
            continue
        if not is_title_like(b) or seen >= n:
            break
        seen += 1
        out.update(d.iso for d in find_dates(b.norm) if d.iso and len(d.iso) == 10)
    return out


def _same_meeting_title(blocks: list[Block], open_start: int, i: int, top: bool) -> bool:
    """A paper title repeated inside an open paper of its own type is that paper's running
    title or a section heading, not a new paper, when it names the same meeting date as the
    open paper's title run, or names no date and stands mid-page (a heading of the paper's
    own notes: "The Order of Business"). A repeated title dated for another meeting, or an
    undated one opening a page, starts a new paper."""
    mine = _title_run_dates(blocks, i)
    if not mine:
        return not top
    first = next((j for j in range(open_start, i) if blocks[j].kind != PAGE_BREAK
                  and not boilerplate.is_boilerplate(blocks[j])), None)
    if first is None:
        return False
    # the open paper's title run may sit a few lines down (a masthead above the title)
    opened: set[str] = set()
    for j in range(first, min(i, first + 6)):
        if blocks[j].kind != PAGE_BREAK and is_title_like(blocks[j]):
            opened.update(d.iso for d in find_dates(blocks[j].norm) if d.iso and len(d.iso) == 10)
    return bool(opened) and mine <= opened


def _preamble_pages_before(blocks: list[Block], lo: int, hi: int) -> bool:
    """True when ``[lo, hi)`` holds body content (not just title lines) and a
    page break separates it from ``hi``."""
    last = None
    for j in range(lo, hi):
        b = blocks[j]
        if b.kind != PAGE_BREAK and not boilerplate.is_boilerplate(b) and not is_title_like(b):
            last = j
    if last is None:
        return False
    return any(blocks[j].kind == PAGE_BREAK for j in range(last + 1, hi))


def has_content(blocks: list[Block], lo: int, hi: int) -> bool:
    """Any non-boilerplate, non-page-break block in ``[lo, hi)``."""
    return any(b.kind != PAGE_BREAK and not boilerplate.is_boilerplate(b) for b in blocks[lo:hi])
