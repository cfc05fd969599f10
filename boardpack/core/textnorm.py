"""Text normalisation kept beside the raw text of every block and cell.

Real packs mix Word's smart punctuation, PDF ligatures, non-breaking spaces
and soft hyphens; matching on the raw text would make every cue brittle.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Optional, Union

from boardpack.core.vocabulary import BULLET_GLYPH_CLASS, BULLET_MARK_CLASS

_TRANSLATE = {
    # dashes and minus signs -> hyphen-minus
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # quotes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # spaces
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ",
    "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ",
    "\t": " ",
    # invisible characters
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u2060": "",
    # ligatures (NFKC would also do these, but it changes other things we keep, like "£")
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    # ellipsis
    "\u2026": "...",
}
_TABLE = str.maketrans(_TRANSLATE)

# A bullet at a line start: a glyph, or "-", "*", "o" before a space.
_BULLET_RE = re.compile(rf"^\s*({BULLET_GLYPH_CLASS}|{BULLET_MARK_CLASS}(?=\s))\s*")
# Only the glyphs: where "-", "*" and "o" at a line start can be text.
_GLYPH_BULLET = re.compile(rf"^\s*{BULLET_GLYPH_CLASS}\s*")
_SPACES = re.compile(r"[ ]{2,}")


def normalise(text: str) -> str:
    """Return ``text`` with dash/quote/space variants, ligatures and soft hyphens
    normalised and runs of spaces collapsed; line breaks are kept."""
    if not text:
        return ""
    t = unicodedata.normalize("NFC", text).translate(_TABLE)
    lines = [_SPACES.sub(" ", ln).strip() for ln in t.splitlines()]
    return "\n".join(ln for ln in lines).strip()


def strip_bullet(text: str) -> tuple[str, bool]:
    """Return (text without a leading bullet glyph, whether one was there)."""
    m = _BULLET_RE.match(text)
    if m:
        return text[m.end():], True
    return text, False


def one_line(text: Optional[str], as_written: bool = False) -> str:
    """Collapse all whitespace, including line breaks, to single spaces.

    The text is normalised first (:func:`normalise`) unless ``as_written``:
    the report and plan extractors keep the characters as the paper wrote
    them, because they store that text as the raw value.
    """
    return " ".join((text or "").split() if as_written else normalise(text or "").split())


def join_lines(lines: Union[str, Iterable[str], None], prose: bool = False) -> str:
    """The lines of a wrapped title, name or paragraph as one line.

    A line that ends in a hyphen (not " -", a dash between words), before a
    line that starts with a letter, is a word the wrap broke: the hyphen stays
    and the space goes ("Barrington-" + "King" -> "Barrington-King"); other
    lines are joined with a space. Each line loses the white space at its ends.

    ``prose`` is for a paragraph of a report or plan: the hyphen must follow
    a letter or digit, a line starting with a digit continues the word too
    ("13-" + "19" -> "13-19", a range, where in a list of names it is a new
    entry), a bullet glyph at a line start is dropped ("-", "*", "o" are
    kept: they can be text), and all white space collapses to single spaces.
    """
    if isinstance(lines, str) or lines is None:
        lines = (lines or "").split("\n")
    out, last, after_bullet = "", "", False
    for line in lines:
        p = " ".join(line.split()) if prose else line.strip()
        # prose: the hyphen must end the line as written (spaces and tabs after it at most)
        if out and not after_bullet and _broken_word(last if prose else out, p, prose):
            out, last = out + p, line.rstrip(" \t")
            continue
        if prose and p:
            p = _GLYPH_BULLET.sub("", p)
            after_bullet = not p  # a lone bullet ends the broken word
        if p:
            out, last = (f"{out} {p}" if out else p), line.rstrip(" \t")
    return out


def _broken_word(before: str, after: str, prose: bool) -> bool:
    if not before.endswith("-") or before.endswith(" -"):
        return False  # " -" is a dash between words
    if prose:  # "anti-" / "social", "13-" / "19"
        return len(before) > 1 and _ascii_alnum(before[-2]) and _ascii_alnum(after[:1])
    return after[:1].isalpha()  # "Barrington-" / "King", "reported :-" / "The"


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()
