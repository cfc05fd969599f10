"""The agenda parser: a walk over an agenda's lines keeping the current item and heading.

Decides for each line whether it opens an item (numbered, lettered, outline,
decimal or an unnumbered business heading), continues the current item's
title, or is a note under it. Table rows are read by the ``TableRows`` mixin
(agenda_rows.py), lettered, Roman and decimal outlines by ``OutlineItems``
(agenda_outline.py); what a single line says is in agenda_text.py.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import HEADING as HEADING_BLOCK
from boardpack.extractors.agenda_outline import OutlineItems
from boardpack.extractors.agenda_rows import TableRows
from boardpack.extractors.agenda_text import (
    AGENDA_CUE, CONNECTOR_END, DATE_TITLE, END_MATTER, HEADING, ITEM, PAGE_RANGE_CELL, PRESENTER_LABEL, ROMAN,
    SPLIT_NUMBERED, STAGE_END, STAGE_FULL, SUB, SUB_UPPER, Item, format_pages, normalise_number, opens_agenda,
    roman_follows, stage_heading, take_pages,
)
from boardpack.extractors.meeting_cues import Line


_BARE_NUMBER = re.compile(r"^(?:item\s+)?(?:(?P<num>\d{1,2})|(?P<mark>[A-Z]|[IVX]{1,5}))[.)]$")
_BULLET = re.compile(r"^[-\u2022\u25cf\u25aa*]\s+(?P<t>[A-Z0-9\"'(].*)$")
_MARKED = re.compile(r"^\(?(?:[A-Za-z]|\d{1,2}(?:\.\d{1,2})*|[IVXivx]{1,5})[.)]\s")
_CONSENT = re.compile(r"\bconsent\s+(?:calendar|agenda|items)\b", re.I)
_CONSENT_MARK = re.compile(r"^\*+\s*(?=(?:[IVX]{1,6}|[A-Z]|\d{1,2})[.)]\s)")


class AgendaParser(TableRows, OutlineItems):
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
        self.bare_number: Optional[str] = None  # "1." printed on a line of its own, awaiting its title

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

    def _sub_of(self, base: str, sub: str, title: str, t: str, it: Item) -> None:
        """A sub-item of item ``base`` ("7ii", "4b"), the current item from now on."""
        new = Item(f"{base}{sub}", t, [title], it.page, it.block_index, group=self.group,
                   top=it.top, raw_parts=[t], parent=base if any(i.number == base for i in self.items) else None)
        self.items.append(new)
        self.cur = new

    def _consent_bullet(self, t: str, ln: Line) -> bool:
        """"- Approval of Minutes of August 30" under "C. CONSENT CALENDAR": each bullet of a consent
        calendar is an item of its own, taken with the rest by one vote, and printed without a number."""
        m = _BULLET.match(t)
        if ln.block is None or not m and not (ln.block.kind == "list_item" and ln.first_of_block and not _MARKED.match(t)):
            return False  # a bullet, as printed or as the reader's list item (never one that carries its letter)
        owner = self.cur if not self.cur.fixed else next((i for i in reversed(self.items) if not i.fixed), None)
        if owner is None or not _CONSENT.search(" ".join(owner.title_parts)):
            return False
        it = Item("", "", [m.group("t") if m else t], ln.page, ln.block_index, group=self.group, top=0, raw_parts=[t], fixed=True)
        self.items.append(it)
        self.cur = it
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
                  and ln.first_of_block and not SPLIT_NUMBERED.match(t) and len(t) < 200)
        if head is None and not bullet:
            return False
        if self.stage == "ready":
            if head is None or not STAGE_FULL.match(head):
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
        if head is not None and STAGE_END.match(head):
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
                and not STAGE_FULL.match(head) and not re.match(re.escape(head) + r"\s*:", t))

    def _is_heading(self, t: str) -> bool:
        words = t.split()
        return (bool(HEADING.match(t)) and not re.search(r"[\d/]", t) and len(words) <= 8 and t.upper() != "PAGES"
                and (len(words) >= 2 or len(t) >= 8) and any(len(w) >= 3 for w in words))

    # -- lines (table rows: TableRows in agenda_rows.py) --
    def line(self, ln: Line) -> None:
        # "*VI. Bills Payable": an asterisk marks an item taken by consent, not part of its number
        t = _CONSENT_MARK.sub("", ln.text.strip())
        if not t:
            return
        t = self._after_bare_number(t)
        if t is None:
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
        if self.cur is not None and self._consent_bullet(t, ln):
            return
        if self.cur is None and self.items and SUB_UPPER.match(t):
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

    def _after_bare_number(self, t: str) -> Optional[str]:
        """"1." on a line of its own, the title on the next ("1." / "Apologies"): a number
        column flattened to lines (a web page's or a table's lost rulings). The number waits
        for the next line, which it opens; None while it waits."""
        m = _BARE_NUMBER.match(t)
        # an outline's letter or numeral ("A." / "CALL TO ORDER") is left to the outline's own test
        if m and self.started and (m.group("mark") or self._accept_top(int(m.group("num")), False)):
            self.bare_number = m.group("num") or m.group("mark")
            return None
        if self.bare_number is not None:
            num, self.bare_number = self.bare_number, None
            if re.match(r"[A-Z0-9\"'(]", t) and not ITEM.match(t):
                return f"{num}. {t}"
        return t

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
        if AGENDA_CUE.match(t) or AGENDA_CUE.match(despaced):
            self.started = True
            return False
        if re.fullmatch(r"pages?", t, re.I):
            return False
        if not self.started:
            if not opens_agenda(t):
                return False
            self.started = True
        return True

    def _numbered_item(self, t: str, ln: Line) -> bool:
        """A numbered line that opens the next item ("3. Minutes of the last meeting")."""
        m = ITEM.match(t)
        if not (m and m.group("title") is not None and not DATE_TITLE.match(m.group("title"))):
            return False
        n = int(m.group("num"))
        title = m.group("title")
        ok_shape = bool(m.group("dot") or m.group("sub")) or bool(re.match(r"[A-Z0-9\"'(]", title))
        sub = m.group("sub")
        wrapped = None if sub or m.group("dot") else self._next_letter(n, None)
        if ok_shape and (self._accept_top(n, bool(m.group("dot"))) or self._number_printed_twice(n, title, ln)
                         or self._next_letter(n, sub) or wrapped) \
                and not re.match(r"^(?:-|to|and|\))", title):
            self._new(m.group("num"), sub or (f"({wrapped})" if wrapped else None), "", ln, t)
            self._line_in_item(title, same_block=True, first=True)
            return True
        return False

    def _next_letter(self, n: int, sub: Optional[str]) -> Optional[str]:
        """"4 (b) ..." on a line of its own after "4 (a) ...": the item's next lettered part
        (its number is the one already open, so it is no new top number; a table gives
        the pair in cells, a PDF that lost the table's rulings as lines). Without a letter
        ("5 Update from ..." after "5a"), the number of a lettered item printed bare
        again is its next part whose letter wrapped under it in a narrow number column
        ("5" / "(b)"): the letter it must have. Returns the letter, else None."""
        if n != self.last_top or not self.items:
            return None
        prev = next((i for i in reversed(self.items) if i.top == n and i.number.startswith(str(n))), None)
        if prev is None:
            return None
        last = prev.number[len(str(n)):]
        if not sub and not last:
            return None
        want = "a" if not last else (chr(ord(last) + 1) if len(last) == 1 and last.isalpha() else "")
        if not sub:
            return want or None
        return want if want and normalise_number(str(n), sub)[len(str(n)):] == want else None

    def _number_printed_twice(self, n: int, title: str, ln: Line) -> bool:
        """The number of the item above printed again on a heading of its own with another
        title ("12 Asset of Community Value" ... "12 Planning"): the clerk's slip, and the
        heading is the next item all the same (a repeat of the same title is not)."""
        prev = self.items[-1] if self.items else None
        return bool(prev is not None and n == self.last_top and prev.number == str(n) and ln.first_of_block
                    and ln.block is not None and ln.block.kind == HEADING_BLOCK and prev.block_index != ln.block_index
                    and " ".join(prev.title_parts).strip().lower() != title.strip().lower())

    def _line_in_item(self, t: str, same_block: bool, first: bool = False) -> None:
        it = self.cur
        if it is None:
            return
        # a "(Pages" left dangling on the previous line: "(Pages" / "461 - 610)"
        if it.title_parts and re.search(r"\(\s*pages?\s*$", it.title_parts[-1], re.I):
            it.title_parts[-1] = it.title_parts[-1] + " " + t
            joined = " ".join(it.title_parts)
            rest, p, praw = take_pages(joined)
            if p:
                it.title_parts = [rest]
                it.pages, it.pages_raw = p, praw
            return
        rest, p, praw = take_pages(t)
        if p and not rest.strip():
            it.pages, it.pages_raw = p, praw
            return
        pm = PAGE_RANGE_CELL.match(t)
        if pm and pm.group("b") and not first:
            it.pages, it.pages_raw = format_pages(pm.group("a"), pm.group("b")), t
            return
        rm = ROMAN.match(t)
        if rm and not first and t.startswith("("):
            return self._bracketed_roman(it, t, rm)
        um = SUB_UPPER.match(t)
        if um and not first and it.base is None:
            # "A. READING OF ORDINANCES" under item 4: a capital-lettered sub-item, taken only in
            # sequence (A under the item, then the letter after the last one)
            last = it.number[len(str(it.top)):] if it.number.startswith(str(it.top)) else ""
            want = "a" if not last else (chr(ord(last) + 1) if len(last) == 1 and last.isalpha() else "")
            if um.group("l").lower() == want:
                self._new(str(it.top), um.group("l"), um.group("title"), Line(t, t, it.page, it.block_index), t)
                self.cur.parent = str(it.top) if any(i.number == str(it.top) for i in self.items) else None
                return
        if not first and self._letter_of_number(it, t):
            return
        if rm and not first and self._roman_part(it, t, rm):
            return None
        sm = SUB.match(t)
        if sm and not first and it.base is not None:
            return self._sub_of(it.base, sm.group("sub").strip("().").strip().lower(), sm.group("title"), t, it)
        if sm and not first:
            self._new(str(it.top), sm.group("sub"), sm.group("title"), Line(t, t, it.page, it.block_index), t)
            self.cur.parent = str(it.top) if any(i.number == str(it.top) for i in self.items) else None
            rest2, p2, r2 = take_pages(sm.group("title"))
            if p2:
                self.cur.title_parts = [rest2]
                self.cur.pages, self.cur.pages_raw = p2, r2
            return
        if p:
            it.pages, it.pages_raw = p, praw
            t = rest
        return self._note_or_title(it, t, same_block, first)

    def _roman_part(self, it: Item, t: str, rm: re.Match) -> bool:
        """"ii. ..." after "7i": the next roman part of the item; "i. First Reading" under "10a"
        (not the letter after it): the lettered item's own parts. True when one was taken."""
        r = rm.group("r").lower()
        if roman_follows(it.number, it.parent or str(it.top), r):
            self._sub_of(it.parent or str(it.top), r, rm.group("t"), t, it)
            return True
        if r == "i" and re.fullmatch(r"\d+[a-gj-z]", it.number) and rm.group("t").strip():
            self._sub_of(it.number, "i", rm.group("t"), t, it)
            return True
        return False

    def _bracketed_roman(self, it: Item, t: str, rm: re.Match) -> None:
        """"(i) Register of Interests" / "(ii) ..." under item 2: its sub-items, in sequence;
        any other bracketed numeral line is a note on the item."""
        base, r = it.parent or str(it.top), rm.group("r").lower()
        if rm.group("t").strip() and (r == "i" and it.number == base or roman_follows(it.number, base, r)):
            return self._sub_of(base, r, rm.group("t"), t, it)
        it.notes.append(t)
        return None

    def _letter_of_number(self, it: Item, t: str) -> bool:
        """"(a)" alone, or before the rest of a title ("(a) - Cllr ..."), on the line under a
        bare item number ("5 Update from ..."): the number's letter, wrapped in a narrow
        number column, so the item is "5a" (or already is, when its number was read as
        the next part of a lettered item)."""
        m = re.match(r"^\(\s*(?P<l>[a-z])\s*\)\s*(?P<rest>(?:[-–—]\s*.*)?)$", t)
        if not m or it.base is not None or it.fixed or not it.top or "." in it.number_raw.split()[0]:
            return False
        letter, own = m.group("l"), it.number[len(str(it.top)):]
        if own and own != letter:
            return False
        if not own:
            if letter != "a" or not re.match(rf"^{it.top}\s+\S", it.number_raw):
                return False
            it.number = normalise_number(str(it.top), letter)
        if m.group("rest"):
            it.title_parts.append(m.group("rest"))
        return True

    def _note_or_title(self, it: Item, t: str, same_block: bool, first: bool) -> None:
        if it.fixed and not first:
            it.notes.append(t)
            return
        if (not first and not same_block and len(it.title_parts) == 1 and not it.notes and not it.presenter
                and PRESENTER_LABEL.match(it.title_parts[0]) and not END_MATTER.match(t)):
            # "1. Recommended by Water System" / "Approval of Agreement ...": the title follows who brings it
            it.presenter = PRESENTER_LABEL.sub("", it.title_parts[0]).strip() or it.title_parts[0]
            it.title_parts = [t]
            return
        if first or not it.title_parts:
            it.title_parts.append(t)
            return
        prev = it.title_parts[-1]
        if same_block or re.match(r"^[a-z(]", t) or (CONNECTOR_END.search(prev) and (len(t) < 90 or prev.isupper())):
            if not it.notes:
                it.title_parts.append(t)
                return
        if END_MATTER.match(t) or re.search(r"@|\b\d{5,}\b", t):
            self.cur = None
            return
        it.notes.append(t)
