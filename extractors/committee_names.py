"""Committee names read from titles: the body that meets, not the kind of meeting.

A title says the body and the meeting in one breath ("Regular Meeting of the
City Council", "Data Panel 19th Meeting"); the masthead and minutes readers
both need the body alone, and need to tell a body that meets ("Board of
Trustees") from the organisation it belongs to.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.dates import find_dates, find_times
from boardpack.core.vocabulary import ORDINAL_SUFFIX_RE
from boardpack.extractors.meeting_info import NOT_COMMITTEE, ORG_WORD, SMALL_WORDS, tidy_committee
from boardpack.extractors.venues import ENDS_IN_PLACE, PROSE, is_place


#: Words naming the kind of meeting or paper, not the body ("Regular Meeting Agenda").
MEETING_KIND = re.compile(
    r"\b(?:regular|special|annual|monthly|quarterly|weekly|ordinary|extraordinary|adjourned|reconvened|emergency|public|open|closed|"
    r"general|scheduled|joint|budget|(?:\d+\s?" + ORDINAL_SUFFIX_RE + r"|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|[a-z]+teenth|twentieth|[a-z]+-?(?:first|second|third|[a-z]+th))|"
    r"meeting|meetings|minutes|agenda|notes?|actions?|and|of|the|for|draft|final|amended|revised|summary|record|"
    r"session|notice|"
    # what became of the meeting: a "MEETING CANCELLATION" heading names no body
    r"cancell?ation|cancell?ed|postpone(?:d|ment)|rescheduled|"
    r"committee|board)\b",
    re.I,
)


BODY_WORD = re.compile(r"\b(?:trustees|governors|commissioners|directors|selectboard|council|board|committee|"
                        r"comit[ée]|conseil|consejo|comisi[oó]n|junta|ausschuss|"
                        r"commission|panel|group|forum|cabinet|authority|partnership|association|agm)\s*$", re.I)


#: A meeting's number in a title ("19th Meeting", "Nineteenth Meeting"): its place in a series, not the body's name.
_ORDINAL = (r"(?:\d+\s?" + ORDINAL_SUFFIX_RE + r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            r"eleventh|twelfth|[a-z]+teenth|twentieth|thirtieth|[a-z]+-(?:first|second|third|[a-z]+th))")


def drop_meeting_words(t: str) -> str:
    """A title's body name without the words that name the meeting ("Planning Committee
    Meeting" -> "Planning Committee", "Data Panel 19th Meeting" -> "Data Panel", "Parish
    Council Planning Meeting" -> "Parish Council": one word between the body and "Meeting"
    is the meeting's business); "Meeting" stays when the body is the meeting itself
    ("Annual Parish Meeting")."""
    cut = re.sub(r"(?:\s+(?:regular|special|ordinary|extraordinary|adjourned|reconvened|emergency|scheduled|administrative|"
                 r"organi[sz]ational|" + _ORDINAL + r")?\s*"
                 r"(?:meeting|session)(?:\s+(?:minutes|agenda|notes))?)+$", "", t, flags=re.I)
    if cut == t or not cut.split():
        return t
    if ORG_WORD.search(cut.split()[-1]) or BODY_WORD.search(cut) or _BODY_OF.match(cut) or re.fullmatch(r"[A-Z]{2,6}", cut.strip()):
        return cut  # "Board of Aldermen Meeting", "Board of Health Meeting": a body named by its remit; "ZBA Meeting"
    business = re.match(r"^(?P<body>.+?)\s+[A-Za-z]+$", cut)
    if business and BODY_WORD.search(business.group("body")) and len(business.group("body").split()) >= 2:
        return business.group("body")
    return t


def committee_name(text: str, title_case: bool = True) -> Optional[str]:
    """The body's name from a title ("Regular Meeting of the City Council" -> "City Council",
    "Milburn Parish Council -" -> "Milburn Parish Council", "13th meeting" -> None).
    None for sentences, dates and lines that only name the kind of meeting or paper."""
    t = " ".join((text or "").split()).strip(" ,.;:-–|")
    if not t or len(t) > 110 or find_times(t) or find_dates(t):
        return None
    t = re.sub(r"^(?:(?:draft|approved|unapproved|final|proposed|revised|amended)\s+)?(?:minutes|agenda|notes|notice|summons)\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?", "", t, flags=re.I)
    t = re.sub(r"\s+being$", "", t, flags=re.I)  # "... for the Monthly Meeting being [held on]"
    t = re.sub(r"\bextra[\s-]+ordinary\b", "Extraordinary", t, flags=re.I)  # "Extra Ordinary Meeting of ..."
    t = re.sub(r"^(?:(?:regular|special|annual|ordinary|extraordinary|adjourned|reconvened|emergency|joint|scheduled|open|public)\s+)*"
               r"(?:meeting|session)\s+of\s+(?:the\s+)?", "", t, flags=re.I)
    t = re.sub(r"^(?:agenda|minutes|notes)\s*[-–:]\s*", "", t, flags=re.I)
    # a dash after the name, not the hyphen inside a word ("Twenty-First Meeting")
    t = re.sub(rf"\s*(?:(?<![A-Za-z])-|[–:])\s*(?:(?:[a-z]+|\d+\s?{ORDINAL_SUFFIX_RE})\s+)?(?:meeting|minutes|agenda|notes?)\b.*$",
               "", t, flags=re.I)
    # trailing kind words: "... Board of Trustees Meeting Agenda", "... REGULAR MEETING MINUTES";
    # "meeting" stays when it is part of the name ("Annual Parish Meeting")
    t = re.sub(r"(?:\s+(?:minutes|agenda|notes))+$", "", t, flags=re.I)
    # a title wrapped after "of the" ("BOARD OF DIRECTORS MEETING OF THE" / "OTAY WATER DISTRICT")
    t = re.sub(r"\s+(?:meeting\s+)?(?:of|for)(?:\s+the)?$", "", t, flags=re.I)
    t = drop_meeting_words(t)
    # a kind word inside the name: "Crete Township Special Board of Trustees"
    t = re.sub(r"^(?:extraordinary|special|regular|ordinary)\s+(?=full\s+council$)", "", t, flags=re.I)
    t = re.sub(r"\b(?:special|regular|ordinary|extraordinary|adjourned|reconvened|emergency)\s+(?=(?:board|council|committee|commission|panel)\b)",
               "", t, flags=re.I)
    t = t.strip(" ,.;:-–|")
    if not t or t.endswith(".") and len(t.split()) > 3 or NOT_COMMITTEE.match(t):
        return None
    if re.match(r"^(?:to|dear|yours|the\s+meeting|this|due|a\s|an\s)\b", t, re.I) or PROSE.search(t):
        return None
    if ":" in t or re.match(r"^\(?\d{1,3}[.)]\s", t):  # "ACTION: ...", "1. CALL TO ORDER"
        return None
    if re.search(r"[@]|\d{4,}|https?:|www\.", t) or not re.search(r"[A-Za-z]{2}", t):
        return None
    words = t.split()
    if len(words) > 12 or _PLACE_END.search(t) and not BODY_WORD.search(t) or _ROOM.search(t):
        return None  # "Eaton E. Smith Meeting Room - Town Hall", "Council Chambers - Hybrid": where the body meets
    if not MEETING_KIND.sub("", t).strip(" ,.;:-–&"):
        return None  # "13th meeting", "Regular Meeting Agenda"
    # a title, not a phrase: most words capitalised (or an all-caps name)
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL_WORDS or w == "&")
    if title_case and caps < len(words) * 0.7:
        return None
    return tidy_committee(t)


#: the last word of a room or a building, not of a body
_PLACE_END = re.compile(r"\b(?:room|hall|chambers?|centre|center|library|church|school|building|hotel|offices?|street|road|avenue|"
                        r"lane|pavilion|auditorium|boardroom)$", re.I)


#: a room named for the body that meets in it ("Council Chambers", "Committee Room 2", "Board Room")
_ROOM = re.compile(r"\b(?:council|committee|board)\s+(?:chambers?|rooms?|offices?)\b", re.I)


def names_body(name: Optional[str]) -> bool:
    """The name is of a body that meets ("Board of Trustees", "City Council", "Planning
    Commission"), not of the organisation it belongs to ("Cuyahoga Community College
    District", "City of Westlake Village", "Department of Water and Power")."""
    n = (name or "").strip(" ,.;:-")
    return bool(n and (BODY_WORD.search(n) or _BODY_OF.search(n)))


#: "Board of Education", "Committee of the Whole", "Commission on Aging": a body named by its remit.
_BODY_OF = re.compile(r"\b(?:board|committee|commission|council|panel|comit[ée]|conseil)\s+(?:of|on|for|de|du|des)\b", re.I)


def nearest_body(lines: list[str]) -> Optional[str]:
    """The committee named by the masthead lines above the date line: the nearest name,
    but a clerk's rule is that the committee is the body that meets, so where the stack
    holds both an organisation line and a body line, the body line is taken."""
    first = None
    for k in range(len(lines) - 1, -1, -1):
        t = lines[k]
        if is_place(t) and (not ORG_WORD.search(t) or ENDS_IN_PLACE.search(t)):
            continue
        c = committee_name(t)
        if not c:
            continue
        if len(c.split()) == 1 and k > 0 and not find_dates(lines[k - 1]):
            # a title wrapped over two lines ("BOARD OF WATER AND POWER" / "COMMISSIONERS")
            joined = committee_name(lines[k - 1] + " " + t)
            above = committee_name(lines[k - 1])
            if joined and above and not BODY_WORD.search(above):
                c = joined
        if names_body(c):
            return _of_place(lines[k - 1], c) if k > 0 else c
        if first is None:
            first = c
    return first


#: A line naming only the place a body serves ("VILLAGE OF CRETE", "City of Springfield").
_JURISDICTION = re.compile(r"^(?:city|village|town|township|county|borough|municipality)\s+of\s+(?P<place>[A-Za-z][\w'.-]*(?:\s+[A-Za-z][\w'.-]*){0,3})$", re.I)


def _of_place(above: str, body: str) -> str:
    """A body line printed right under the line of the place it serves ("VILLAGE OF CRETE" /
    "PRESIDENT AND BOARD OF TRUSTEES MEETING") is that place's body, and the two lines are one
    name ("Village of Crete President and Board of Trustees"); a place line printed under the
    body's line is its address, not part of its name."""
    m = _JURISDICTION.match(" ".join(above.split()).strip(" ,.;:-"))
    if not m or BODY_WORD.search(m.group("place")) or m.group("place").lower() in body.lower():
        return body
    return f"{tidy_committee(m.group(0))} {body}"


#: A body named only by its kind ("Parish Council", "the Annual Town Council"): the kind of
#: meeting words dropped, it is the body the paper's head names in full.
_GENERIC_BODY = re.compile(
    r"^(?:(?:annual|statutory|ordinary|extraordinary|special|full|monthly)\s+)*"
    r"(?P<kind>(?:parish|town|city|community|district|county|borough|village)\s+council|council|board)$", re.I)


def body_in_full(committee: Optional[str], head: list[str], printed: bool = False) -> Optional[str]:
    """"Parish Council" (or "Annual Parish Council", from "Minutes of the Annual Parish
    Council meeting") is the body the head names in full ("BRERETON AND RAVENHILL PARISH
    COUNCIL"): a clerk writes the council's own name at the top and its kind in the text.
    ``printed``: the name is the committee a sentence names ("meeting of the County Council"),
    which stands as printed unless a kind of meeting is run into it."""
    m = _GENERIC_BODY.match((committee or "").strip())
    if not m or printed and m.group("kind") == committee and " " in committee.strip():
        return committee
    kind = m.group("kind").lower()
    for t in head:
        c = committee_name(t)
        if c and c.lower().endswith(kind) and len(c.split()) > len(kind.split()) \
                and not _GENERIC_BODY.match(c):
            return c
    for t in head:  # inside a line: "To: All Members of Bratton Parish Council"
        named = re.search(r"(?-i:(?:[A-Z][\w'\u2019-]*\s+(?:(?:and|with|cum|upon|on|under)\s+)?){1,4})" + re.escape(kind) + r"\b",
                          t, re.I)
        if named and not _GENERIC_BODY.match(named.group(0)):
            return tidy_committee(named.group(0))
    return committee if m.group("kind") == committee else tidy_committee(m.group("kind"))
