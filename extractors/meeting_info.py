"""What a meeting is, and how two papers know they describe the same one.

The meetings, agenda and minutes extractors all fill a ``MeetingInfo`` and key
it by ``meeting_id`` (normalised committee + ISO date), so the summons, the
agenda and the minutes of one meeting share an id. The small readings every
meeting finder shares (a committee line, a time's am/pm, a venue's tidy form)
live here too, below the modules that read mastheads and sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.dates import find_dates, find_times
from boardpack.core.identity import row_id


# ---------------------------------------------------------------------------
# committee names and meeting identity

SMALL_WORDS = {"and", "of", "the", "for", "on", "in", "to", "a", "an", "at", "by", "with", "&",
          "de", "du", "des", "la", "le", "les", "et", "y", "del"}
_KNOWN_ACRONYMS = {"CDRP", "CSP", "PCC", "OPCC", "SCDC", "CCC", "T&CG", "TCG", "ASB", "DAAT", "YOS", "YOT", "NHS", "ICS", "KCC", "CDC", "OCC", "SPC", "CFRS", "CF&RS", "UK"}


def tidy_committee(name: str) -> str:
    """Committee name as written, whitespace tidied and ALL-CAPS names title-cased
    (acronyms such as CDRP kept)."""
    name = " ".join((name or "").split()).strip(" ,.;:-")
    name = re.sub(r"^(?:to\s+)?attend\s+", "", name, flags=re.I)  # "summoned to attend the Parish Council meeting"
    # "Cyngor Cymuned Cefn Community Council": the Welsh name before the English one that repeats it
    name = re.sub(r"^Cyngor\s+(?:Cymuned|Tref|Sir|Dinas|Bro|Bwrdeistref\s+Sirol)\s+(?=(?:[\w'\u2019-]+\s+){1,4}(?:Community|Town|County|City|Borough)\s+Council\b)",
                  "", name, flags=re.I)
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    # "EXTRA-ORDINARY MEETING OF LEADENHAM PARISH COUNCIL": the kind of meeting is not the body's name
    name = re.sub(r"^(?:(?:extra[\s-]*ordinary|special|annual|ordinary|regular|statutory)\s+)*(?:(?:general\s+)?meeting|session)\s+of\s+(?:the\s+)?(?=\S)",
                  "", name, flags=re.I)  # "EXTRA-ORDINARY MEETING OF ...", "session of Municipal Council"
    name = re.sub(r"(?<=[a-z])['\u2019]s?$", "", name)  # "Selectmen's [Meeting]": the body, not its possessive
    name = re.sub(r"\s+meeting\s+(?:held\s+)?in\s+(?:public|private)$", "", name, flags=re.I)  # "... Governing Body Meeting in Public"
    # the kind of meeting before the body's name: "Regular City Council", "Regular Park Board of
    # Commissioners" (the council meets in regular session; it is not the Regular City Council)
    name = re.sub(r"^(?:regular|adjourned|reconvened)\s+(?=(?:[\w&'.-]+\s+){0,4}?(?:council|board|committee|commission|panel|authority|trustees|commissioners)\b)",
                  "", name, flags=re.I)
    letters = [c for c in name if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(name) > 6:
        words = []
        for i, w in enumerate(name.split()):
            bare = w.strip("(),.:;")
            if bare in _KNOWN_ACRONYMS or (len(bare) <= 4 and not re.search(r"[AEIOUY]", bare) and bare.isalpha()):
                words.append(w)
            elif i > 0 and w.lower() in SMALL_WORDS:
                words.append(w.lower())
            else:
                words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
        name = " ".join(words)
    return name


def committee_key(name: Optional[str]) -> str:
    """Normalised committee name for identity: case, punctuation, leading 'the',
    and trailing 'meeting'/'board meeting' noise removed."""
    n = (name or "").lower()
    n = n.replace("&", " and ")
    n = re.sub(r"[^a-z0-9 ]+", " ", n)
    n = re.sub(r"^\s*(?:the|a|an)\s+", "", n)
    n = re.sub(r"^(?:budget|special|extraordinary|ordinary|reconvened|adjourned)\s+", "", n.strip())
    n = re.sub(r"\s+(?:meeting|mtg)\s*$", "", n.strip())
    words = []
    for w in n.split():
        words.extend(_EXPAND.get(w, w).split())
    return " ".join(words)


# Abbreviations packs use for the same body ("South Cambs CDRP" = "South Cambridgeshire
# Crime and Disorder Reduction Partnership"), expanded so both spellings share a meeting id.
_EXPAND = {
    "cdrp": "crime and disorder reduction partnership",
    "csp": "community safety partnership",
    "cambs": "cambridgeshire",
    "cttee": "committee",
    "ctte": "committee",
}


def meeting_id(committee: Optional[str], meeting_date: Optional[str]) -> Optional[str]:
    """Deterministic id of a meeting from (normalised committee, ISO date)."""
    if not meeting_date:
        return None
    return row_id("meeting", committee_key(committee), meeting_date)


# ---------------------------------------------------------------------------
# the meeting a header describes


@dataclass
class MeetingInfo:
    committee: Optional[str] = None
    committee_raw: Optional[str] = None
    meeting_date: Optional[str] = None
    meeting_date_raw: Optional[str] = None
    start_time: Optional[str] = None
    start_time_raw: Optional[str] = None
    venue: Optional[str] = None
    venue_raw: Optional[str] = None
    date_of_issue: Optional[str] = None
    date_of_issue_raw: Optional[str] = None
    contact_officer: Optional[str] = None
    contact_raw: Optional[str] = None
    addressees: list[str] = field(default_factory=list)
    page: Optional[int] = None
    block_index: Optional[int] = None
    source: str = ""  # cover_letter | agenda | minutes
    committee_from: str = ""  # "sentence" when read from a "Minutes of the X held ..." title

    @property
    def meeting_id(self) -> Optional[str]:
        return meeting_id(self.committee, self.meeting_date)


# Words that never start a committee name when we scan title lines.
NOT_COMMITTEE = re.compile(
    r"^(?:agenda(?:\s+item.*)?|summons.*|minutes.*|page\s*\d*|pages|dear\b.*|to:.*|yours\b.*|this page.*|"
    r"unrestricted items|exempt items|public document pack|part [12]|notice of meeting|date|time|venue|"
    r"ask for.*|telephone.*|tel:.*|email.*|e-mail.*|present.*|apologies.*|action|item|report to.*|"
    r"proc[eè]s[- ]verbal.*|compte[- ]rendu.*|ordre du jour.*|acta.*|pr[ée]sences?.*|"
    r"(?:un)?confirmed|approved|unapproved|draft|final|adopted|signed)$",  # the minutes' status, not a body
    re.I,
)
ORG_WORD = re.compile(
    r"\b(council|committee|board|partnership|cabinet|panel|group|forum|authority|trust|assembly|executive|"
    r"commission|sub-committee|subcommittee|meeting|event|cdrp|csp|comit[ée]|conseil|consejo|comisi[oó]n|junta|ausschuss)\b",
    re.I,
)


def clean_venue(v: str) -> str:
    v = " ".join(v.split()).strip(" ,.;:-")
    v = re.sub(r"^(?:in|at)\s+", "", v, flags=re.I)
    # "in the Council Chamber", "IN THE VILLAGE HALL": the sentence's article; "at The
    # Cabinet Office": a capitalised "The" among lower-case words is the place's name as printed
    v = re.sub(r"^(?:the|THE)\s+(?=[A-Za-z])", "", v)
    # what the sentence goes on to say after the place: "Jubilee Hall for the transaction of the
    # business shown below", "Council Chamber, Council Offices, North Street starting at 19.00 hrs"
    v = re.sub(r"\s+(?:for\s+the\s+(?:purpose|transaction)\b|to\s+transact\b|starting\s+at\b|commencing\b|beginning\s+at\b).*$",
               "", v, flags=re.I)
    v = re.sub(r"\s+(?:on|at)$", "", v, flags=re.I)  # "IN THE VILLAGE HALL AT 7.30PM", time removed
    return v.strip(" ,.;:-")


def date_and_time_after(text: str, pos: int = 0, window: int = 60):
    """First date at or after ``pos`` and a time following it within ``window`` chars."""
    ds = [d for d in find_dates(text) if d.start >= pos]
    if not ds:
        return None, None
    d = ds[0]
    return d, next(iter(find_times(text[d.end : d.end + window])), None)


def guess_pm(hhmm: str, raw: str) -> str:
    """A bare "7:30" for a meeting means the evening (parish councils meet then)."""
    if re.search(r"[ap]\.?\s?m", raw, re.I):
        return hhmm
    h, m = int(hhmm[:2]), hhmm[3:]
    if 1 <= h <= 7:
        return f"{h + 12:02d}:{m}"
    return hhmm


def is_committee_line(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 110 or NOT_COMMITTEE.match(t) or find_dates(t) or find_times(t):
        return False
    if re.search(r"[@]|\d{4,}|https?:", t):
        return False
    if not re.search(r"[A-Za-z]{3}", t):
        return False
    return True


# ---------------------------------------------------------------------------
