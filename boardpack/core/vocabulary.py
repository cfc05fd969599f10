"""The words and glyphs every parser shares: months, weekdays, ordinal
suffixes and bullet glyphs, each spelled out once.

Before this module the month names stood in eight places and the bullet set
in three, and the copies had drifted apart (one bullet set lacked the arrow,
another had "§"). A parser that needs one of these builds its pattern from
here, so a spelling added here is read by the date parser, the period
parser, the table-header finder and the segment cues alike.

Months, weekdays and bullets are the calendar and typography, which do not
change with the body that writes the paper. The built-in status words and
attendance labels are here too, as the defaults the settings' vocabulary
(:mod:`boardpack.core.settings`) starts from: a user's file adds to them
there, without code.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Iterable, Mapping

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

# -- action status words -------------------------------------------------------

#: The action-status vocabulary: a word or phrase an action log or plan prints
#: in its status column (or first in a progress cell) -> the normalised status.
#: Keys are lower case with single spaces. A word not listed here is kept as
#: printed, lower-cased. Extended by ``status_words`` in the vocabulary section.
STATUS_WORDS: Mapping[str, str] = MappingProxyType({
    # finished
    "complete": "complete", "completed": "complete", "done": "complete", "achieved": "complete",
    "action complete": "complete", "action completed": "complete",
    "closed": "closed", "action closed": "closed",
    # running
    "on track": "on track", "on-track": "on track", "on target": "on track",
    "not on track": "not on track", "off track": "not on track", "off-track": "not on track",
    "ongoing": "ongoing", "on-going": "ongoing", "on going": "ongoing",
    "open": "open", "still open": "open",
    "in progress": "in progress", "in-progress": "in progress", "under way": "in progress",
    "underway": "in progress", "progressing": "in progress",
    "new": "new", "new action": "new",
    "carried forward": "carried forward", "carried over": "carried forward", "c/f": "carried forward",
    "c/fwd": "carried forward", "carry forward": "carried forward", "b/f": "carried forward",
    "brought forward": "carried forward",
    "cancelled": "cancelled", "canceled": "cancelled",
    "overdue": "overdue", "over due": "overdue",
    "deferred": "deferred",
    "on hold": "on hold", "on-hold": "on hold",
    # RAG ratings written as words
    "green": "green", "amber": "amber", "red": "red",
})

# -- attendance labels -----------------------------------------------------------

#: The categories an attendance label puts the names after it in.
ATTENDANCE_CATEGORIES: tuple[str, ...] = ("present", "in attendance", "apologies", "chair")

# The built-in labels are patterns, not phrases, because clerks vary them so
# ("Members present", "Councillors present (in person) were", "Apologies for
# absence were received from"). Each carries its own tail: a label that is an
# ordinary word elsewhere ("members", "staff", "chair") counts only before a
# colon or dash or standing alone (a heading, a table cell); the others may run
# straight into the names ("Present Mr A Smith").
_LABEL_NOTE = r"(?:\s*\([^()]*\))?\s*"  # "Officials (Regular Attendees):"
#: tail of a label that may run into the names
LABEL_OPENS = _LABEL_NOTE + r"[:\-\u2013]?\s*"
#: tail of a label that counts only before a colon or dash, or alone
LABEL_ALONE = _LABEL_NOTE + r"(?:[:\-\u2013]\s*|$)"

_PRESENT_WORDS = (r"(?:(?:(?!staff\s|officers?\s)[A-Za-z]+\s+){0,2}members\s+|councillors\s+|trustees\s+|commissioners\s+|governors\s+|directors\s+"
                  r"|select(?:men|women|persons)\s+|aldermen\s+|alderpersons\s+|supervisors\s+|selectboard\s+)?present"
                  r"(?:\s*\((?:in person|virtually|remotely|online)\))?\s*(?:were)?")
_APOLOGY_WORDS = (r"apolog(?:ies|y)(?:\s+for\s+absence)?(?:\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:received|noted|given|tendered))?"
                  r"(?:\s+(?:from|by))?|regrets|absent(?:ees)?(?:\s+(?:was|were))?|(?:members\s+)?not\s+present|members\s+absent|absent\s+members?"
                  r"|excused(?:\s+absences?)?"
                  r"|absent(?:e)?s|absences?|excus[ée](?:e)?s|membres\s+absent(?:e)?s")  # French
_ATTEND_WORDS = (r"(?:also\s+)?in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?|also\s+(?:present|attending)(?:\s+virtually)?"
                 r"|members\s+of\s+the\s+public|(?:council\s+|staff\s+)?officers?(?:\s+(?:present|in\s+attendance))?|officials"
                 r"|(?:council\s+)?employees(?:\s+present)?"
                 r"|secretariat|staff(?:\s+members)?(?:\s+present)?|guests?|visitors?|observers?|other\s+attendees|others\s+present|advisers|advisors"
                 r"|(?:town\s+|parish\s+|deputy\s+|locum\s+|acting\s+|assistant\s+)?clerk|minute[\s-]*taker|public(?:\s+present)?|secretary"
                 r"|cao|chief\s+administrative\s+officer|(?:municipal|city|town|village|county)\s+(?:administrator|manager)"
                 r"|administration|(?:staff|officers?)\s*(?:/|and|&)\s*(?:public|guests|visitors)"
                 r"|secr[ée]taires?(?:\s+de\s+(?:la\s+)?s[ée]ance)?|greffi[eè]re?s?(?:\s+adjointe?)?|(?:[ée]galement|aussi)\s+pr[ée]sent(?:e)?s"
                 r"|invit[ée](?:e)?s|personnes?[\s-]ressources?|observateurs?|public\s+pr[ée]sent")  # French
_PRESENT_STRICT = (r"(?:(?!(?:other|also|additional)\s)(?:[A-Z][\w&'.-]*\s+){0,3}(?:members|attendees)|attendees|ex[\s-]officio(?:\s+members?)?|attending|attendance|councillors|members"
                   r"|pr[ée]sences?|pr[ée]sent(?:e)?s|membres(?:\s+pr[ée]sent(?:e)?s)?|conseillers?(?:\s+pr[ée]sent(?:e)?s)?"  # French
                   r"|substitutes?(?:\s+members?)?(?:\s+present)?|panel(?:\s+attendees)?|roll\s+call|board|trustees|commissioners|governors)")
_CHAIR_WORDS = r"(?:chair(?:\s?(?:man|person|woman))?|in\s+the\s+chair|presiding(?:\s+officer)?|chaired\s+by|pr[ée]sidence|pr[ée]sid[ée](?:e)?\s+par)"

#: Attendance labels -> the category of the names after them, tried in this
#: order at the start of a line or a table cell (case-insensitive). A settings
#: file adds to them (``[vocabulary.attendance_labels]``): a plain phrase there
#: counts before a colon or dash or alone, like the ordinary-word labels here.
ATTENDANCE_LABELS: Mapping[str, str] = MappingProxyType({
    # "Present in the audience were ...": the public, not the members
    r"(?:present\s+)?in\s+the\s+audience\s*(?:(?:were|was)\s*)?:?\s*": "in attendance",
    _PRESENT_WORDS + LABEL_OPENS: "present",
    r"(?:(?:meeting\s+)?attended\s+by|those\s+(?:attending|in\s+attendance))" + LABEL_OPENS: "present",
    # "Councillors S. Grimes, T. Heaford, J Kelly": the members' word before a comma list of names
    # (case-sensitive inside: the labels are matched ignoring case, the initials must be capitals)
    r"(?:councillors|cllrs|members|trustees|directors|governors|commissioners)\s+(?=(?-i:(?:[A-Z]\.?\s*){1,3}[A-Z][a-z'\-]+)\s*,)": "present",
    _PRESENT_STRICT + LABEL_ALONE: "present",
    # "Select Board:  Andrew Maneval and Andrea Hodson.": the body's name as the label of its members
    r"(?:[A-Z][\w&'.-]*\s+){0,3}(?:board|commission|council|selectboard)\s*:\s*(?=(?-i:[A-Z][a-z]+\s+[A-Z]))": "present",
    f"(?:{_ATTEND_WORDS})" + LABEL_ALONE: "in attendance",
    r"(?:also\s+|others\s+|other\s+persons\s+)?in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?"
    r"(?:\s+for\s+(?:part|some|the\s+start|the\s+first\s+part)\s+of\s+the\s+meeting)?\s*(?:(?:were|was)\s*)?": "in attendance",
    r"also\s+(?:present|attending)(?:\s+virtually)?\s*(?:(?:were|was)\s+)?": "in attendance",
    # "Also PCSO Abi Land": "also" and a name after the members present
    r"also\s+(?=(?-i:[A-Z][A-Za-z]*\s+[A-Z]))": "in attendance",
    r"members\s+of\s+the\s+public(?:\s+present)?\s*:?\s*": "in attendance",
    f"(?:{_APOLOGY_WORDS})" + LABEL_OPENS: "apologies",
    _CHAIR_WORDS + LABEL_ALONE: "chair",
    r"chaired\s+by\s+": "chair",
})

#: a label with none of these characters is a phrase, not a pattern
PATTERN_CHARS = re.compile(r"[\\^$*+?{}\[\]|()]")


def label_words(label: str) -> str:
    """The words of one attendance label as a pattern, without the tail (for a
    label found inside a line rather than at its start)."""
    if PATTERN_CHARS.search(label):
        return label
    return r"\s+".join(re.escape(w) for w in label.split())


def label_pattern(label: str) -> str:
    """The pattern of one attendance label: a pattern as it is, a plain phrase
    ("visitors present") with any spacing between its words and the tail of a
    label that counts only before a colon or dash, or alone."""
    if PATTERN_CHARS.search(label):
        return label
    return label_words(label) + LABEL_ALONE
