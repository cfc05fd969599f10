"""The words and glyphs every parser shares: months, weekdays, ordinal
suffixes and bullet glyphs, each spelled out once.

Before this module the month names stood in eight places and the bullet set
in three, and the copies had drifted apart (one bullet set lacked the arrow,
another had "§"). A parser that needs one of these builds its pattern from
here, so a spelling added here is read by the date parser, the period
parser, the table-header finder and the segment cues alike.

Status words and section names are settings (:mod:`boardpack.core.settings`):
a user's file extends them. These are the calendar and typography, which do
not change with the body that writes the paper.
"""

from __future__ import annotations

import re
from typing import Iterable

# -- months --------------------------------------------------------------------

#: Month names per language, as clerks write them (data: add a language here).
#: English carries the abbreviations packs use ("Sept", "Feb").
MONTH_NAMES: dict[str, dict[str, int]] = {
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
        "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    },
    "fr": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
        "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
        "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    },
    "es": {
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    },
    "de": {
        "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
        "oktober": 10, "dezember": 12,
    },
}

#: Every spelling in every language -> month number (the first language wins a clash).
MONTHS: dict[str, int] = {}
for _names in MONTH_NAMES.values():
    for _k, _v in _names.items():
        MONTHS.setdefault(_k, _v)

#: English spellings -> month number.
MONTHS_EN: dict[str, int] = dict(MONTH_NAMES["en"])

#: English full names, January first.
MONTH_FULL_NAMES: tuple[str, ...] = tuple(
    max((k for k, v in MONTHS_EN.items() if v == n), key=len) for n in range(1, 13)
)

#: The three-letter stems ("jan" ... "dec"), January first. A pattern that
#: takes any word starting with one (``(?:jan|...)[a-z]*``) is built from these.
MONTH_STEMS: tuple[str, ...] = tuple(name[:3] for name in MONTH_FULL_NAMES)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, so "june" is tried before "jun"."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


#: One English month word, in any spelling above ("Sept", "September", "sep"); no group.
MONTH_EN_RE = rf"(?:{alternation(MONTHS_EN)})"
#: One month word in any language (the date parser reads French and Spanish papers too).
MONTH_ANY_RE = rf"(?:{alternation(MONTHS)})"
#: The three-letter stems as an alternation, for patterns that take any ending.
MONTH_STEM_RE = rf"(?:{'|'.join(MONTH_STEMS)})"
#: A whole English month word and nothing more (case-insensitive).
MONTH_WORD = re.compile(rf"\b{MONTH_EN_RE}\b", re.I)


def month_number(word: str) -> int | None:
    """The month a written month word names ("Sept." -> 9, "février" -> 2), or None."""
    return MONTHS.get(word.strip().rstrip(".").lower())


# -- weekdays ------------------------------------------------------------------

WEEKDAY_NAMES: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Abbreviations packs write ("Thurs.", "Tue").
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
#: A full weekday name; no group.
WEEKDAY_FULL_RE = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
#: A weekday, full or abbreviated; no group.
WEEKDAY_RE = rf"(?:{'|'.join(WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS)})"

# -- ordinals ------------------------------------------------------------------

#: "1st", "22nd", "3rd", "4th": the letters after a day number; no group.
ORDINAL_SUFFIX_RE = r"(?:st|nd|rd|th)"
#: Quarter ordinals as written ("2nd quarter", "fourth quarter") -> number.
QUARTER_ORDINALS: dict[str, int] = {
    "1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4,
}

# -- bullets -------------------------------------------------------------------

#: Bullet glyphs as Word and PDF producers emit them, Symbol/Wingdings
#: private-use code points too ("\uf0a7" is Wingdings' square, which some
#: PDFs map to "§"). None of them starts a sentence, so one at a line start is
#: always a bullet.
BULLET_GLYPHS = (
    "\u2022\u25cf\u25e6\u25aa\u25ab\u25a0\u25a1\u2023\u2043\u2219\u00b7\u27a2\u2192\u2713\u2714"
    "\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\u25ba\u25b6\u2666\u25c6\u2756\u00a7"
)
#: Characters that are a bullet only when a space follows ("- item", "o item"):
#: otherwise they are text ("-5%", "on", "*note").
BULLET_MARKS = "-*o"
#: The en dash, a bullet before a space in a PDF's text layer (the PDF reader
#: takes it as one). Word text keeps it: a paragraph there may open with a
#: dash ("– 34% local participation"), and the list style says what is a list.
BULLET_DASHES = "\u2013"
#: Every character that can mark a list item.
BULLET_CHARS = BULLET_GLYPHS + BULLET_MARKS + BULLET_DASHES
#: A character class of the glyphs, for patterns.
BULLET_GLYPH_CLASS = "[" + "".join(re.escape(c) for c in BULLET_GLYPHS) + "]"
#: A character class of the space-needing marks.
BULLET_MARK_CLASS = "[" + "".join(re.escape(c) for c in BULLET_MARKS) + "]"
