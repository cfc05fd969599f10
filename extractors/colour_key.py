"""Colour keys: what a document says its status colours mean.

A table that shows status only as a cell's colour usually says somewhere what
the colours mean, in its own words: rows of the same table after a "Key"
caption, a key table elsewhere, or a legend paragraph under the table
("Key: green - better position; yellow - no change ..."). This module finds
such keys and reads their words into the status vocabulary of
:mod:`boardpack.core.status`, by rules any clerk would state about a key,
never by one template's phrases:

* a colour word, or a word of the settings' status table, says it directly
  ("Green - on track", "Completed", "Not on track");
* otherwise the words of direction: getting *better* (improved, ahead, met,
  exceeded) is green, *no change* or *some concern* is amber, getting *worse*
  (deteriorated, declining, significant concern, missed) is red.

A key maps fills ("#rrggbb", matched to the nearest key colour) and colour
names (matched by hue family) to statuses; without a key, a fill's hue decides
(:func:`boardpack.core.status.rag_from_fill`).
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from boardpack.core.model import TABLE, Block, Cell, Document
from boardpack.core.settings import Settings
from boardpack.core.status import AMBER, GREEN, RED, colour_key_entry, rag_of_hue, status_from_fill, status_word

# -- words of a key -------------------------------------------------------------

# Direction words, checked in this order: "no change" and "some concern" before
# anything else (a "no change or still some concern" key names no direction),
# a negated improvement ("not improved") is no change, then worse, then better.
_NO_CHANGE = re.compile(
    r"\b(?:no|little|minimal)\s+(?:significant\s+)?(?:change|movement|improvement)\b|\bunchanged\b|\bstable\b"
    r"|\bstatic\b|\bsimilar\b|\bsame\b|\bmaintained\b|\b(?:some|minor|slight|moderate)\s+(?:\w+\s+)?concerns?\b"
    r"|\bat\s+risk\b|\bpartially\b|\bpartly\b|\bclose\s+to\b|\bmixed\b", re.I)
_NEGATED_BETTER = re.compile(r"\b(?:not|no\s+longer)\s+(?:\w+\s+)?(?:improv|better)", re.I)
_WORSE = re.compile(
    r"\bworse\b|\bworsen|\bdeteriorat|\bdeclin|\bpoor(?:er)?\b|\bfall(?:ing|en)?\s+behind\b|\bbehind\b"
    r"|\b(?:significant|serious|major)\s+(?:\w+\s+)?concerns?\b|\bmissed\b|\bnot\s+(?:met|achieved)\b|\bfail",
    re.I)
_BETTER = re.compile(
    r"\bbetter\b|\bimprov|\bahead\b|\bexceed|\bachieved\b|\bmet\b|\bgood\b|\bpositive\b|\bstrong",
    re.I)


def key_status(words: Optional[str], settings: Optional[Settings] = None) -> Optional[str]:
    """The status a key's words stand for, or None when they name none."""
    if not words:
        return None
    t = " ".join(words.split()).strip(" .:;,-\u2013\u2014*()")
    if not t or len(t) > 80:
        return None
    direct = colour_key_entry(t) or status_word(t, settings) or _status_word_after(t, settings)
    if direct:
        return direct
    if _NO_CHANGE.search(t) or _NEGATED_BETTER.search(t):
        return AMBER
    if _WORSE.search(t):
        return RED
    if _BETTER.search(t):
        return GREEN
    return None


def _status_word_after(t: str, settings: Optional[Settings]) -> Optional[str]:
    """A status word that ends a short label ("Review completed"), unless negated."""
    words = t.split()
    if len(words) > 6:
        return None
    for k in range(1, len(words)):
        st = status_word(" ".join(words[k:]), settings)
        if st:
            return None if words[k - 1].lower() in ("not", "no", "never", "nor") else st
    return None


# -- colour names -----------------------------------------------------------------

#: a colour word of a legend -> its hue family
COLOUR_WORDS = {
    "green": GREEN, "amber": AMBER, "yellow": AMBER, "orange": AMBER, "gold": AMBER,
    "red": RED, "pink": RED, "blue": "blue", "grey": "grey", "gray": "grey", "purple": "purple",
    "white": "white", "black": "black",
}
_COLOUR_WORD = re.compile(r"\b(" + "|".join(COLOUR_WORDS) + r")\b", re.I)


def colour_family(fill: Optional[str]) -> Optional[str]:
    """The family a fill's hue belongs to: green, amber (yellow to orange), red,
    blue, purple, grey, white or black; None for no colour."""
    if not fill or not re.fullmatch(r"#?[0-9a-fA-F]{6}", fill.strip()):
        return None
    h = fill.strip().lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, s, v = colorsys.rgb_to_hsv(r, g, b)
    if v < 0.2:
        return "black"
    if s < 0.15:
        return "white" if v > 0.9 else "grey"
    deg = hue * 360
    rag = rag_of_hue(deg)
    if rag:
        return rag
    return "blue" if deg < 260 else "purple"


# -- the key ------------------------------------------------------------------------

@dataclass
class ColourKey:
    """Fill colour -> status, and colour name -> status, as a document's key says."""

    fills: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.fills or self.names)

    def update(self, other: "ColourKey") -> None:
        for k, v in other.fills.items():
            self.fills.setdefault(k, v)
        for k, v in other.names.items():
            self.names.setdefault(k, v)

    def status(self, fill: Optional[str]) -> Optional[str]:
        """The status a fill stands for: the nearest key colour, else the key's
        word for its colour family, else its hue."""
        if not fill:
            return None
        if self.fills:
            st = status_from_fill(fill, self.fills)
            near = status_from_fill(fill, {k: "_" for k in self.fills})
            if near == "_":
                return st
        fam = colour_family(fill)
        if fam in self.names:
            return self.names[fam]
        # a shade the key does not show, of a colour it does (a paler green): the key's word for it
        by_family: dict[Optional[str], set[str]] = {}
        for kfill, kstatus in self.fills.items():
            by_family.setdefault(colour_family(kfill), set()).add(kstatus)
        if len(by_family.get(fam, ())) == 1:
            return next(iter(by_family[fam]))
        return status_from_fill(fill)


#: a caption that is a key's title: "Key", "Colour key:", "RAG key", "Key to RAG status", "Legend"
KEY_CAPTION = re.compile(r"^\W*(?:(?:colou?r|rag|status|progress)\s+)?(?:key|legend)(?:\s+to\s+[\w\s/]{1,30})?\s*:?\s*$",
                         re.I)
#: a paragraph that starts with a key: "Key: green - ...", "Legend - ..."
KEY_LEAD = re.compile(r"^\W*(?:(?:colou?r|rag|status|progress)\s+)?(?:key|legend)\b\s*[:\-]", re.I)


def key_pairs(cells: list[Cell], settings: Optional[Settings] = None,
              any_words: bool = False) -> list[tuple[str, Optional[str]]]:
    """(fill, status) pairs of one key row: a filled cell holding its words
    ("GREEN", "Better position" on green) or beside an unfilled cell that does.
    ``any_words``: under a key caption every label counts, even one that names
    no status (its colour's hue then speaks for it)."""
    out: list[tuple[str, Optional[str]]] = []
    for j, c in enumerate(cells):
        if not c.fill or colour_family(c.fill) in ("white", None):
            continue
        own = c.norm.strip()
        near = [cells[k] for k in (j + 1, j - 1) if 0 <= k < len(cells) and not cells[k].fill and cells[k].norm.strip()]
        # a cell that only names its colour leaves the meaning to the words beside
        # it ("GREY | Action closed"), unless the name is a status itself ("GREEN | On
        # track" is green, as the action-plan extractor reads the same key)
        label = near[0].norm.strip() if near and (not own or _COLOUR_WORD.fullmatch(own)) else own
        st = key_status(own, settings) if own and label != own else None
        if st is None and (any_words or len(label.split()) <= 8):
            # a key's words are a short phrase; a longer label is an item, not a key
            st = key_status(label, settings)
        if st or (any_words and label):
            out.append((c.fill.lower(), st))
    return out


def legend_key(text: str, settings: Optional[Settings] = None) -> ColourKey:
    """A legend in words: colour words each followed (or preceded) by what they
    mean ("Key: green - better position; red - worse position",
    "Better position (green), worse position (red)")."""
    key = ColourKey()
    t = " ".join(text.split())
    hits = list(_COLOUR_WORD.finditer(t))
    if len(hits) < 2:
        return key
    for i, m in enumerate(hits):
        fam = COLOUR_WORDS[m.group(1).lower()]
        after = t[m.end(): hits[i + 1].start() if i + 1 < len(hits) else len(t)]
        words = re.split(r"[;.]", after.lstrip(" :=-\u2013\u2014)"), maxsplit=1)[0]
        if not re.match(r"\s*[:=\-\u2013\u2014]", after):
            # "better position (green)": the words come before the colour
            before = t[hits[i - 1].end() if i else 0: m.start()]
            words = re.split(r"[;,.]", before.rstrip(" (=:-"))[-1]
        st = key_status(words, settings) or key_status(m.group(1), settings)
        if st:
            key.names.setdefault(fam, st)
    return key


def is_key_table(b: Block, settings: Optional[Settings] = None) -> bool:
    """A table that is only a key: every row with content pairs a distinct fill
    with a few words (a caption row aside)."""
    rows = [r for r in b.rows if any(c.norm.strip() or c.fill for c in r.cells)]
    if not rows or len(rows) > 8:
        return False
    if KEY_CAPTION.match(" ".join(c.norm for c in rows[0].cells if c.norm).strip()) and not any(
            c.fill for c in rows[0].cells):
        rows = rows[1:]
    fills: list[str] = []
    for r in rows:
        pairs = key_pairs(r.cells, settings)
        if not pairs:
            return False
        fills.extend(f for f, _ in pairs)
    return len(fills) >= 2 and len(set(fills)) == len(fills)


def table_key(rows: Iterable, settings: Optional[Settings] = None) -> ColourKey:
    key = ColourKey()
    for r in rows:
        for f, st in key_pairs(r.cells, settings):
            if st:
                key.fills.setdefault(f, st)
    return key


def document_key(doc: Document, settings: Optional[Settings] = None) -> ColourKey:
    """The key tables of a whole document (for tables that carry no key of their own)."""
    key = ColourKey()
    for b in doc.blocks:
        if b.kind == TABLE and b.rows and is_key_table(b, settings):
            key.update(table_key(b.rows, settings))
    return key


def legend_near(doc: Document, b: Block, settings: Optional[Settings] = None, after: int = 3, before: int = 2) -> ColourKey:
    """A legend just under a table (or just above it): a paragraph that pairs
    colours with words, or a "Key" caption with its entries in the lines after
    it ("Key:" / "Green - better position" / "Red - worse position")."""
    key = ColourKey()
    idx = list(range(b.index + 1, min(len(doc.blocks), b.index + 1 + after)))
    idx += list(range(b.index - 1, max(-1, b.index - 1 - before), -1))
    for i in idx:
        pb = doc.blocks[i]
        if pb.kind == TABLE:
            continue
        text = pb.norm or ""
        if KEY_CAPTION.match(text):
            text = " ; ".join(_entries_after(doc, i))
        if is_legend(text):
            key.update(legend_key(text, settings))
    return key


def is_legend(text: str) -> bool:
    """Does a paragraph read as a key ("Key: ...", or two colours each set off
    as an entry), rather than prose that happens to name colours?"""
    return bool(KEY_LEAD.match(text) or len(_KEY_ENTRY.findall(text)) >= 2)


#: a colour word set off as a key entry: "Green - ...", "Red: ...", "(amber)"
_KEY_ENTRY = re.compile(r"\b(?:" + "|".join(COLOUR_WORDS) + r")\b\s*[:=\-\u2013\u2014]|\((?:"
                        + "|".join(COLOUR_WORDS) + r")\)", re.I)


#: a key's entries are a few short lines
MAX_KEY_LINES = 8


def _entries_after(doc: Document, i: int) -> list[str]:
    """The lines after a key caption that each name a colour."""
    out = []
    for pb in doc.blocks[i + 1: i + 1 + MAX_KEY_LINES]:
        t = pb.norm or ""
        if pb.kind == TABLE or not _COLOUR_WORD.search(t) or len(t) > 100:
            break
        out.append(t)
    return out
