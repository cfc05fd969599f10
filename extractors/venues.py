"""Places: whether a line is a venue, and a venue without its furniture.

A masthead, a summons sentence and a minutes header all name where the meeting
is held; this module holds the one vocabulary of place words, postcodes and
masthead labels they test against, so "Council Chamber" is a place the same
way everywhere.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.dates import find_dates, find_times
from boardpack.extractors.meeting_info import ORG_WORD, SMALL_WORDS, clean_venue


#: Label families a clerk uses on mastheads and front sheets, one table for all.
MASTHEAD_LABELS: dict[str, tuple[str, ...]] = {
    "venue": ("venue", "location", "place", "where", "address", "meeting place", "meeting location",
              "meeting venue", "held at", "meeting held at", "lieu"),
    "date": ("date", "date of meeting", "meeting date", "when", "date and time", "date & time"),
    "time": ("time", "start time", "starting time", "time of meeting", "heure"),
    "committee": ("committee", "meeting", "body", "meeting of", "organisation", "organization"),
}


#: Words that make a line a place (room to town); postcodes and ZIP codes.
PLACE_WORDS = (
    "room", "hall", "house", "chamber", "chambers", "centre", "center", "office", "offices", "library", "church",
    "school", "building", "pavilion", "institute", "club", "hotel", "floor", "street", "road", "avenue",
    "drive", "lane", "square", "court", "suite", "annex", "annexe", "auditorium", "boardroom", "barn", "inn",
    "zoom", "teams", "videoconference", "video conference", "teleconference", "online", "virtual",
    "salle", "boulevard", "plaza", "way",
)
#: Street abbreviations, taken only as written in an address ("1311 S. Maybrook Dr.", "Main St,").
PLACE_ABBREVIATIONS = ("St", "Rd", "Ave", "Dr", "Blvd", "Ln", "Sq")
PLACE_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in PLACE_WORDS) + r")\b\.?"
    r"|(?-i:\b(?:" + "|".join(PLACE_ABBREVIATIONS) + r")\b\.?(?=\s*(?:,|$|\d)))", re.I)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b")
ENDS_IN_PLACE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in PLACE_WORDS) + r")\.?\s*$", re.I)
PROSE = re.compile(r"\b(?:will|was|were|is|are|has|have|had|be|been|please|held|called|you|we)\b", re.I)


CONTACT_TAIL = re.compile(r"\s*\b(?:ask\s+for|contact|telephone|tel|phone|e-?mail|fax|enquiries)\b.*$", re.I)


#: Prepositions before a venue in other languages ("à la salle du conseil", "en el salón").
VENUE_PREPOSITION = re.compile(r"^(?:à\s+(?:la\s+|l[’']\s*)?|au\s+|aux\s+|dans\s+(?:la\s+|le\s+|l[’']\s*)?|en\s+(?:la\s+|el\s+)?|im\s+)", re.I)


def is_place(text: str) -> bool:
    """A venue as printed: a room, hall or address, not a sentence, date or time."""
    t = " ".join((text or "").split()).strip(" ,.;:-")
    if not t or len(t) > 140 or find_dates(t) or re.search(r"[@]|https?:|www\.", t):
        return False
    if len(t.split()) > 4 and PROSE.search(t):
        return False
    if not re.match(r"[A-Z0-9]", t) and not PLACE_WORD.match(t):  # "salle du conseil" as printed
        return False
    return bool(PLACE_WORD.search(t) or POSTCODE.search(t) or re.search(r"\d+\s+[A-Z][a-z]+", t) and "," in t)


def tidy_venue(v: Optional[str]) -> Optional[str]:
    """A venue without its clock times, leading label and furniture; None when what is
    left is not a place ("Regular Board Meeting", "Call to order", "10.30am-12.30pm")."""
    if not v:
        return None
    t = CONTACT_TAIL.sub("", " ".join(v.split()))
    lab = label_value(t, "venue")
    if lab is not None:
        t = lab
    t = re.sub(r"^(?:" + "|".join(re.escape(w) for w in MASTHEAD_LABELS["venue"]) + r")\s+(?=[A-Z])", "", t, flags=re.I)
    t = clean_venue(strip_times(t))
    if not t or not re.search(r"[A-Za-z]{2}", t) or find_dates(t):
        return None
    words = re.findall(r"(?<![\w'])[A-Za-z][\w'\-]*", t)
    if len(words) > 6 and sum(1 for w in words if w[0].islower() and w.lower() not in SMALL_WORDS) > len(words) * 0.3 \
            and (re.search(r"\b[a-z]+(?:ed|ing)\b", t) or PROSE.search(t)):
        return None  # a sentence, not a place
    if PLACE_WORD.search(t) or POSTCODE.search(t):
        return t
    if ORG_WORD.search(t) or re.search(r"\b(?:agenda|minutes|item|order|draft|state\s+of|county\s+of|town\s+of)\b", t, re.I):
        return None
    if len(t.split()) > 4 and PROSE.search(t):
        return None
    return t


def strip_times(text: str) -> str:
    """Text with its clock times and time ranges removed ("10:00- 12:00 LG Room 6" -> "LG Room 6")."""
    out = text
    for tm in reversed(find_times(text)):
        out = out[: tm.start] + " " + out[tm.end :]
    out = re.sub(r"(?:^|\s)(?:to|till|until|-|–|—)(?=\s|$)", " ", out)
    out = re.sub(r"\((?:\d+\s*mins?|\d+\s*hours?)\)", " ", out)
    out = re.sub(r"^[\s|,;:\u2013\u2014-]+(?=\S)", "", out)  # "| 7:30 p.m. | McCathran Hall": the time's column gone
    return " ".join(out.split()).strip(" ,.;:-–|")


def is_place_line(t: str) -> bool:
    """A masthead line that is a place: a room or address, a body's name only when it ends
    in a place word ("City Council Chambers"), never a time or the meeting's name."""
    return is_place(t) and not find_times(t) and (not ORG_WORD.search(t) or bool(ENDS_IN_PLACE.search(t)))


def label_value(line: str, key: str) -> Optional[str]:
    for lab in sorted(MASTHEAD_LABELS[key], key=len, reverse=True):
        m = re.match(r"^\s*" + re.escape(lab).replace(r"\ ", r"\s+") + r"\s*[:;\-–]\s*(?P<v>.+)$", line, re.I)
        if m:
            return m.group("v").strip()
    return None
