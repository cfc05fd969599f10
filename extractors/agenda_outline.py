"""Outline numbering of an agenda: lettered and Roman outlines ("I.", "A.", "1." under them)
and decimal sub-items ("5.1"), as steps of the agenda parser (agenda_parser.py).

A mixin: it reads and writes the parser's state (its items, the current item, the
outline's stack of levels) and calls its ``_line_in_item``.
"""

from __future__ import annotations

import re

from boardpack.extractors.agenda_text import (
    DECIMAL, OUTLINE, OUTLINE_FIRST, Item, outline_kinds, outline_next, roman_value,
)
from boardpack.extractors.meeting_cues import Line


class OutlineItems:
    """Items numbered by an outline's levels or by decimals."""

    def _outline_item(self, t: str, ln: Line) -> bool:
        """An item of a lettered or Roman outline ("A. Roll Call", "V. COMMITTEE REPORTS",
        "1." under them): its number joins the markers of its levels ("VC1", "I2").
        An agenda is read as an outline when its first item is "I." or "A."."""
        m = OUTLINE.match(t)
        if not m:
            return False
        mark = m.group("m")
        kinds = outline_kinds(mark)
        if self.outline is None:
            if self.items or not self.started or mark not in ("I", "A"):
                return False
            self.outline = []
        stack = self.outline
        hit = None
        for d in range(len(stack) - 1, -1, -1):
            kind, last = stack[d]
            if kind in kinds and (mark == outline_next(kind, last)
                                  or kind == "digit" and int(last) < int(mark) <= int(last) + 3):
                hit = d
                break
        if hit is not None:
            del stack[hit + 1:]
            stack[hit][1] = mark
        else:
            new = next((k for k in kinds if mark == OUTLINE_FIRST[k] and all(k != s[0] for s in stack)), None)
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
        m = DECIMAL.match(t)
        if not m or self.cur is None or not self.items:
            return False
        major, minor = int(m.group("a")), int(m.group("b"))
        if m.group("c"):
            return self._third_level(t, ln, m)
        last = next((i for i in reversed(self.items) if i.number and re.fullmatch(r"\d+\.\d+", i.number)), None)
        top = self.cur.top
        if not top and self.outline and self.outline[0][0] == "roman":
            top = roman_value(self.outline[0][1])  # "2.1 O'Connor Easement" under "II. REVIEW SESSION"
        follows = last is not None and last.number == f"{major}.{minor - 1}" and last.top == top
        if not ((minor == 1 and 0 < major <= max(top, 1)) or follows) or (top and major > top):
            return False
        it = Item(f"{major}.{minor}", t, [], ln.page, ln.block_index, group=self.group, top=top, raw_parts=[t],
                  parent=str(major) if any(i.number == str(major) for i in self.items) else None)
        self.items.append(it)
        self.cur = it
        self._line_in_item(m.group("title"), same_block=True, first=True)
        return True

    def _third_level(self, t: str, ln: Line, m: re.Match) -> bool:
        """"3.2.1 Bulletin" under "3.2", or after "3.2.1": numbered as printed."""
        base, c = f"{int(m.group('a'))}.{int(m.group('b'))}", int(m.group("c"))
        prev = self.items[-1].number if self.items else ""
        if not (c == 1 and prev == base or prev == f"{base}.{c - 1}"):
            return False
        it = Item(f"{base}.{c}", t, [], ln.page, ln.block_index, group=self.group, top=self.cur.top, raw_parts=[t],
                  parent=base if any(i.number == base for i in self.items) else None)
        self.items.append(it)
        self.cur = it
        self._line_in_item(m.group("title"), same_block=True, first=True)
        return True
