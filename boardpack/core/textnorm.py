"""Text normalisation kept beside the raw text of every block and cell.

Real packs mix Word's smart punctuation, PDF ligatures, non-breaking spaces
and soft hyphens; matching on the raw text would make every cue brittle.
"""

from __future__ import annotations

import re
import unicodedata

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

# Bullet glyphs as Word and PDF producers emit them (Symbol/Wingdings private-use too).
BULLET_CHARS = "\u2022\u25cf\u25e6\u25aa\u25ab\u25a0\u25a1\u2023\u2043\u2219\u00b7\u27a2\u2192\u2713\u2714\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\u25ba\u25b6\u2666\u25c6\u2756o"
_BULLET_RE = re.compile(r"^\s*([\u2022\u25cf\u25e6\u25aa\u25ab\u25a0\u25a1\u2023\u2043\u2219\u00b7\u27a2\u2192\u2713\u2714\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\u25ba\u25b6\u2666\u25c6\u2756]|[-*o](?=\s))\s*")
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


def one_line(text: str) -> str:
    """Collapse all whitespace, including line breaks, to single spaces."""
    return " ".join(normalise(text).split())
