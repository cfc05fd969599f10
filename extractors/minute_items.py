"""Minute items and decisions: what a numbered heading and a RESOLVED paragraph say.

Split from minutes.py: the shape of a minute item (its number, its title, which
numbers may follow which) and of a decision's text are read the same wherever
the body reader meets them, and are tested on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from boardpack.extractors.meeting_cues import Line, join_lines

# "(item 12)": a cross-reference printed on its own line under a title, not part of it
ITEM_REF = re.compile(r"^\(item\s+\d+[a-z]?\)$", re.I)

DECISION = re.compile(
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
    return strip_enum(t)


def strip_enum(t: str) -> str:
    return re.sub(r"^(?:\(\s*\d+\s*\)|\d{1,2}[.)]|\([a-z]\)|[a-z]\))\s+", "", t.strip())


def split_heading(ln: Line, num_len: int) -> tuple[str, str]:
    """(title, rest of the paragraph) of a numbered heading unit: a heading block is all
    title; a paragraph's title is its first line (plus lower-case continuations)."""
    t = ln.text.strip()
    if ln.block is not None and ln.block.kind == "heading" or "\n" not in (ln.raw or ""):
        title = t[num_len:].lstrip(" .\t")
        return title.strip(), ""
    raws = [r.strip() for r in ln.raw.split("\n") if r.strip()]
    title_lines = [raws[0][num_len:].lstrip(" .\t")]
    k = 1
    while k < len(raws) and re.match(r"^[a-z(]", raws[k]) and not ITEM_REF.match(raws[k]):
        title_lines.append(raws[k])
        k += 1
    rest = [r for r in raws[k:] if not ITEM_REF.match(r)]
    return join_lines(title_lines), join_lines(rest)


@dataclass
class MinuteItem:
    number: str
    title: str
    raw: str
    page: Optional[int]
    block_index: int


def item_num_key(num: str) -> int:
    parts = re.findall(r"\d+", num)
    if "/" in num and parts:
        return int(parts[0])  # "45/23": minute 45 of 2023
    return int(parts[-1]) if parts else 0


def accept_item(num: str, title: str, last: Optional[str]) -> bool:
    if len(title) > 150 or title.endswith(",") or re.search(r"\b(?:the|of|and)$", title):
        return False
    n = item_num_key(num)
    if last is None:
        return True
    ln = item_num_key(last)
    if "." in num and "." in last:
        return num.split(".")[:-1] == last.split(".")[:-1] and ln < n <= ln + 4
    if "/" in num or "/" in last:
        return "/" in num and "/" in last and ln < n <= ln + 6
    if "." in num or "." in last:
        return False
    return ln < n <= ln + (8 if title.isupper() else 4)

