"""Attendance of a meeting from the head of its minutes.

Reads "PRESENT:" / "IN ATTENDANCE:" / "Apologies" sections written as comma
lists with titles and honours ("Mr R C Love, OBE"), one name per line, name |
role tables, side-by-side columns (parish minutes: "Present: Also in
attendance: Apologies" with the names of each row run together), and prose
("Apologies were received from ..."). Each person gets a category (present,
in attendance, apologies, chair) and the role or organisation when given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from boardpack.core.names import HONOURS, NOT_NAME_WORDS, canonical_name, looks_like_person, name_key
from boardpack.extractors.meeting_cues import NUM_HEAD, SECTION_HEAD, Line, row_heading

PRESENT = "present"
IN_ATTENDANCE = "in attendance"
APOLOGIES = "apologies"
CHAIR = "chair"

# Attendance labels, one family per category. A label opens a line or a cell
# ("Present:", "Members present", "Apologies for absence", "Regrets:"); the
# "_STRICT" families are ordinary words elsewhere, so they count only when
# followed by a colon/dash or standing alone (a heading, a table cell).
_PRESENT_WORDS = (r"(?:(?:[A-Za-z]+\s+){0,2}members\s+|councillors\s+|trustees\s+|commissioners\s+|governors\s+|directors\s+)?present"
                  r"(?:\s*\((?:in person|virtually|remotely|online)\))?\s*(?:were)?")
_APOLOGY_WORDS = (r"apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:received|noted|given|tendered))?"
                  r"(?:\s+(?:from|by))?|regrets|absent(?:ees)?|(?:members\s+)?not\s+present|members\s+absent|absent\s+members?"
                  r"|excused(?:\s+absences?)?"
                  r"|absent(?:e)?s|absences?|excus[ée](?:e)?s|membres\s+absent(?:e)?s")  # French
_ATTEND_WORDS = (r"(?:also\s+)?in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?|also\s+(?:present|attending)(?:\s+virtually)?"
                 r"|members\s+of\s+the\s+public|(?:council\s+|staff\s+)?officers?(?:\s+(?:present|in\s+attendance))?|officials"
                 r"|secretariat|staff(?:\s+present)?|guests?|visitors?|observers?|other\s+attendees|others\s+present|advisers|advisors"
                 r"|(?:town\s+|parish\s+|deputy\s+)?clerk|minute[\s-]*taker|public(?:\s+present)?|secretary"
                 r"|secr[ée]taires?(?:\s+de\s+(?:la\s+)?s[ée]ance)?|greffi[eè]re?s?(?:\s+adjointe?)?|(?:[ée]galement|aussi)\s+pr[ée]sent(?:e)?s"
                 r"|invit[ée](?:e)?s|personnes?[\s-]ressources?|observateurs?|public\s+pr[ée]sent")  # French
_PRESENT_STRICT = (r"(?:(?!(?:other|also|additional)\s)(?:[A-Z][\w&'.-]*\s+){0,3}(?:members|attendees)|attendees|ex[\s-]officio(?:\s+members?)?|attending|attendance|councillors|members"
                   r"|pr[ée]sences?|pr[ée]sent(?:e)?s|membres(?:\s+pr[ée]sent(?:e)?s)?|conseillers?(?:\s+pr[ée]sent(?:e)?s)?"  # French
                   r"|substitutes?(?:\s+members?)?(?:\s+present)?|panel(?:\s+attendees)?|roll\s+call|board|trustees|commissioners|governors)")
_CHAIR_WORDS = r"(?:chair(?:man|person|woman)?|in\s+the\s+chair|presiding(?:\s+officer)?|chaired\s+by|pr[ée]sidence|pr[ée]sid[ée](?:e)?\s+par)"
_END = r"(?:\s*\([^()]*\))?\s*"  # "Officials (Regular Attendees):"
_CUES = [
    (re.compile(rf"^{_PRESENT_WORDS}{_END}[:\-\u2013]?\s*", re.I), PRESENT),
    (re.compile(rf"^(?:{_PRESENT_STRICT}){_END}(?:[:\-\u2013]\s*|$)", re.I), PRESENT),
    (re.compile(rf"^(?:{_ATTEND_WORDS}){_END}(?:[:\-\u2013]\s*|$)", re.I), IN_ATTENDANCE),
    (re.compile(r"^(?:also\s+)?in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?\s*(?:were\s+)?", re.I), IN_ATTENDANCE),
    (re.compile(r"^also\s+(?:present|attending)(?:\s+virtually)?\s*(?:were\s+)?", re.I), IN_ATTENDANCE),
    (re.compile(r"^members\s+of\s+the\s+public\s*:?\s*", re.I), IN_ATTENDANCE),
    (re.compile(rf"^(?:{_APOLOGY_WORDS}){_END}[:\-\u2013]?\s*", re.I), APOLOGIES),
    (re.compile(rf"^{_CHAIR_WORDS}{_END}(?:[:\-\u2013]\s*|$)", re.I), CHAIR),
    (re.compile(r"^chaired\s+by\s+", re.I), CHAIR),
]
# Roles that make a person an attendee, not a member, wherever they are listed
# ("Mrs B McGarry (Clerk)", "Clerk J Connelly", "Eden District Councillor A Armstrong").
_OFFICER_ROLE = re.compile(
    r"^(?:(?:town|parish|deputy|assistant|acting|locum)\s+)*(?:clerk|rfo|responsible\s+financial\s+officer|minute[\s-]*taker|"
    r"secretariat|(?:[a-z]+\s+)?officer|clerk\s+(?:and|&)\s+rfo|clerk/rfo|note[\s-]*taker)\b",
    re.I,
)
# a council's initials as a member's role: a district, county, borough, city, town or parish
# council ("EDC", "NYCC", "SCDC"), i.e. a councillor of another council sitting in
_OTHER_COUNCIL = re.compile(r"[A-Z]{1,2}(?:D|C|B|T|P)C")


def _officer_role(role: str) -> bool:
    """Some piece of a role is an officer's ("Ministry of Justice; Secretariat"), or the role is a
    bare staff title ("Planning Manager", "City Attorney"); a title with the body the person
    comes from ("Community Safety Officer, SCDC") is a partner's representative, a member."""
    pieces = [p.strip() for p in re.split(r"[;()\[\]]|,\s", role) if p.strip()]
    return any(_OFFICER_ROLE.match(p) for p in pieces) or (len(pieces) == 1 and bool(_STAFF_ROLE.search(pieces[0])))


# officers and staff by title, wherever the words stand in the role: employees who serve the
# body, not its members ("Planning Manager", "City Attorney", "Town Clerk", "Finance Director")
_STAFF_ROLE = re.compile(
    r"\b(?:clerk|secretariat|minute[\s-]*taker|note[\s-]*taker|attorney|solicitor|counsel|legal\s+advis[eo]r|"
    r"(?:planning|finance|city|town|county|general|operations|project|office|programme|program|business|facilities)\s+manager|"
    r"manager|administrator|(?:city|town|county|village)\s+(?:manager|administrator|engineer|planner)|planner|"
    r"engineer|staff)\b", re.I)
_OFFICER_PREFIX = re.compile(
    r"^(?P<r>(?:(?:Town|Parish|Deputy|Assistant|Acting|Locum)\s+)*(?:Clerk|RFO|Minute[\s-]*[Tt]aker))\.?\s+(?=[A-Z])"
)
# a new entry inside a run-on line: "P Moran Clerk Mrs J Todd Eden District Councillor A Armstrong"
_MIDLINE_ENTRY = re.compile(
    r"(?<=[a-z])\s+(?=(?:(?:Town|Parish|Deputy|Assistant)\s+)?Clerk\s+[A-Z]|(?:[A-Z][a-z]+\s+)?(?:District|County|Borough|City)\s+Councillor\s+[A-Z])"
)
# post-nominals, written in capitals after a name ("Mr R C Love, OBE")
_HONOURS = "(?:" + "|".join(sorted((h.upper() for h in HONOURS if h.isalpha()), key=lambda h: (-len(h), h))) + ")"
TITLES = r"(?:M\.(?=\s)|Mmes?|Mlle|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Revd|Cllr|Clr|Councillor|County\s+Councillor|District\s+Councillor|C/Cllr|D/Cllr|Ch\.?\s*Insp\.?|Chief\s+Inspector|Chief\s+Superintendent|Superintendent|Supt|Inspector|Insp|Sgt|Sergeant|PC|PCSO|DI|DCI|CI|DS|Maj|Major|Capt|Captain|Col|Colonel)\.?"
_CHAIR_ROLE = re.compile(r"^(?:acting\s+|vice[\s-]*)?chair(?:man|person|woman)?$|^in the chair$", re.I)
@dataclass
class Person:
    person: str
    raw: str
    role: Optional[str]
    attendance: str
    page: Optional[int]
    block_index: int


# ---------------------------------------------------------------------------
# names


def split_names(text: str) -> list[str]:
    """Split "Mr A (Chairman), Mr B, OBE, Mrs C and Dr D" into entries, keeping
    parenthesised roles and honours with their person."""
    text = " ".join(text.split())
    parts: list[str] = []
    depth = 0
    cur = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ")]" and re.match(r"\s+(?![A-Z]{2,6}\b(?!\s+[A-Z]))[A-Z][a-z]*\.?\s+[A-Z]", text[i + 1:]) and len(cur) > 3:
            parts.append(cur + ch)  # "D Richardson (Chair) R Healey": a name after the bracket
            cur = ""
            i += 1
            continue
        if depth == 0 and ch in ",;":
            parts.append(cur)
            cur = ""
            i += 1
            continue
        if depth == 0 and text.startswith(" and ", i):
            parts.append(cur)
            cur = ""
            i += 5
            continue
        # "Mr & Mrs D Blunt", "David & Joanna Carlisle" are one entry; "Mr A Smith & Ms B Jones" two
        if depth == 0 and text.startswith(" & ", i) and len(cur.split()) >= 2 and not re.search(r"\b(?:Mr|Mrs)\s*$", cur):
            parts.append(cur)
            cur = ""
            i += 3
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return _rejoin_parts(parts)


def _rejoin_parts(parts: list[str]) -> list[str]:
    """Split parts rejoined where they belong to the person before: honours, a bracketed
    role, a role or body after a comma ("Lord McNally, Minister of State")."""
    out: list[str] = []
    merged = -1
    for p in parts:
        p = p.strip().strip(".").strip()
        if not p:
            continue
        if re.fullmatch(_HONOURS + r"(?:\s+" + _HONOURS + r")*\.?", p) and out:
            out[-1] = out[-1] + ", " + p
            continue
        if re.fullmatch(r"\((?:[^()]*)\)", p) and out:  # "(Chairman)" after a split
            out[-1] = out[-1] + " " + p
            continue
        if out and "(" not in out[-1] and " - " not in out[-1] and _is_role_part(p):
            # "Lord McNally, Minister of State", "A Armstrong, EDC", "Rohan Silva, No. 10"
            out[-1] = out[-1] + " (" + p + ")"
            merged = len(out) - 1
            continue
        if out and merged == len(out) - 1 and re.fullmatch(r"[A-Z][a-z]+", p):
            out[-1] = out[-1][:-1] + ", " + p + ")"  # "..., Minister of State, Justice"
            continue
        out.append(p)
    return out


_ROLE_PART_WORDS = re.compile(
    r"\b(?:of|for|to|the|and|minister|secretary|officer|director|manager|head|chief|executive|adviser|advisor|"
    r"council|district|county|borough|authority|department|office|ministry|agency|association|trust|university|"
    r"partnership|police|service|services|team|group|board|commission|committee|society|no\.?|ltd|limited|plc|"
    r"representative|observer|clerk|chair(?:man|person|woman)?|vice|deputy|treasurer|mayor|councillor"
    r"|conseill[eè]re?|municipale?|greffi[eè]re?|maire|mairesse|directeur|directrice|adjointe?|du|de\s+la)\b", re.I)


def _is_role_part(p: str) -> bool:
    """A comma part that is not a person but the role or body of the one before it."""
    q = p.strip()
    if "(" in q or "[" in q:
        return False  # "Rick Hylton (Vice-Chairman)": a person with their own role
    if re.fullmatch(r"[A-Z][A-Z&]{2,6}", q):  # "EDC", "SCDC": a body's initials
        return True
    if re.search(r"\d", q) and not re.search(r"[a-z]{3}", q.replace("No", "")):
        return True
    if re.match(rf"^(?:{TITLES})\s", q) or re.match(r"^(?:Cllrs?|Councillors?)\b", q) or _OFFICER_PREFIX.match(q) or _MIDLINE_ENTRY.match("x " + q, 1):
        return False
    return bool(_ROLE_PART_WORDS.search(q)) and (bool(re.search(r"\b[a-z]{2,}\b", q)) or len(q.split()) >= 2)


def _is_initials(piece: str, entry: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", piece)
    if not letters or len(letters) > 4 or " " in piece.strip():
        return False
    name = re.sub(r"[\(\[].*", "", entry)
    words = [w for w in re.split(r"[\s\-]+", name) if w and not re.fullmatch(TITLES, w)]
    initials = "".join(w[0] for w in words if w[0].isalpha()).lower()
    low = letters.lower()
    return bool(initials) and (low == initials or (low.startswith(initials) and len(low) <= len(initials) + 1)
                               or (len(words) >= 2 and low == initials[-2:]))


def parse_entry(entry: str) -> tuple[Optional[str], Optional[str], bool]:
    """-> (name as written, role, is_chair) of an attendance entry (the name's parts: names.parse_person)
    from "Mr B J Sweetland (Chairman)", "Nick Oakhill (NO) CHAIR", "Katy Draper (KD)[acting Chair]"."""
    e = " ".join(entry.split()).strip(" .;:")
    e = re.sub(r"^and\s+", "", e)
    e = re.sub(r"^(Councillor|Cllr)s\b\.?", r"\1", e)  # "Councillors A Brown, C Davis"
    m = re.search(r"\s+(?:as\s+(?:a\s+)?substitute\s+)?(?:for|substituting\s+for|in\s+place\s+of)\s+.*$", e)
    if m and e[:m.start()].count("(") <= e[:m.start()].count(")"):
        e = e[:m.start()]  # "Cllr X for Cllr Y"; not inside a bracket ("(Minister for the Cabinet Office)")
    e = re.sub(r"\s+(?:plus|with)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+number|several|many)\b.*$", "", e, flags=re.I)
    roles: list[str] = []
    chair = False
    m = _OFFICER_PREFIX.match(e) or re.match(r"^(?P<r>[A-Z][a-z]+\s+(?:District|County|Borough|City)\s+Councillor)\s+(?=[A-Z])", e)
    if m:  # "Clerk J Connelly", "Eden District Councillor A Armstrong"
        roles.append(m.group("r"))
        e = e[m.end():]
    for m in re.finditer(r"[\(\[]([^()\[\]]*)[\)\]]", e):
        chair = _bracket_roles(m.group(1).strip(), e, roles) or chair
    e = re.sub(r"\s*[\(\[][^()\[\]]*[\)\]]\s*", " ", e).strip()
    # "Maurice Moore - Chairman", "Philip Aldis - Community Safety Officer"
    m = re.match(r"^(?P<n>.+?)\s+-\s+(?P<r>.+)$", e)
    if m:
        e, r = m.group("n"), m.group("r").strip()
        if _CHAIR_ROLE.match(r) and not r.lower().startswith("vice"):
            chair = True
        roles.append(r)
    # "Nick Oakhill CHAIR", "Cathy Fleet CLERK"
    m = re.match(r"^(?P<n>.+?)\s+(?P<r>(?:ACTING\s+)?(?:CHAIR(?:MAN)?|CLERK|RFO|VICE[\s-]CHAIR(?:MAN)?))$", e)
    if m:
        e, r = m.group("n"), m.group("r")
        if re.match(r"^(?:acting\s+)?chair", r, re.I):
            chair = True
        roles.append(r.title() if r.isupper() else r)
    e = e.strip(" ,-")
    if not e or not re.search(r"[A-Za-z]{2}", e) or len(e) > 70 or ":" in e:
        return None, None, False
    if re.search(r"\b(?:there were|members of the public|none|no apologies|were received|present)\b", e, re.I):
        return None, None, False
    if re.search(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|no)\s+(?:members?|residents?|guests?|people|persons|visitors|parishioners|others)\b", e, re.I):
        return None, None, False  # a count, not a person
    m = re.match(r"^(?P<n>.+?)\s+(?P<r>(?:[A-Z][A-Z&]{2,6}))$", e)
    if m and len(m.group("n").split()) >= 2 and not _is_initials(m.group("r"), m.group("n")) and not re.fullmatch(_HONOURS, m.group("r")):
        e = m.group("n")  # "A Armstrong EDC": the body's initials after the name
        roles.append(m.group("r"))
    role = "; ".join(dict.fromkeys(roles)) or None
    return e, role, chair


def _bracket_roles(inner: str, e: str, roles: list[str]) -> bool:
    """The roles in a bracket after a name ("(Chairman)", "(KD - Chair)"), added to ``roles``;
    True when one is the chair. Initials and attendance notes ("virtually") are no roles."""
    chair = False
    for piece in re.split(r"\s+-\s+|\s*/\s*", inner):
        piece = piece.strip()
        if not piece:
            continue
        if _CHAIR_ROLE.match(piece) and not re.match(r"^vice", piece, re.I):
            chair = True
            roles.append(piece)
        elif _is_initials(piece, e):
            continue  # initials "(NO)", "(BMc)", "(DMJ)"
        elif re.fullmatch(r"part of the meeting|for part of the meeting|items? .*|virtually|remotely|online", piece, re.I):
            continue
        else:
            roles.append(piece)
    return chair


def _looks_like_name(name: str) -> bool:
    words = name.replace(",", " ").split()
    if not words or len(words) > 8:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w in ("&",) or re.fullmatch(_HONOURS, w))
    return caps >= max(1, len(words) - 1)


# ---------------------------------------------------------------------------
# attendance


def _cue(text: str):
    for rx, cat in _CUES:
        m = rx.match(text)
        if m:
            return cat, text[m.end():]
    return None, text


_STATUS_TAIL = re.compile(r"\s*[-\u2013:]\s*(?P<st>present|absent|excused|late|apologies|not\s+present|remote|virtual)\.?$", re.I)
_STATUS_CAT = {"present": PRESENT, "late": PRESENT, "remote": PRESENT, "virtual": PRESENT,
               "absent": APOLOGIES, "excused": APOLOGIES, "apologies": APOLOGIES, "not present": APOLOGIES}


def _split_midline(text: str) -> str:
    out, last, covered = [], 0, -1
    for m in _MIDLINE_ENTRY.finditer(text):
        if m.start() < covered:
            continue  # "Eden | District Councillor": the place belongs to the title
        out.append(text[last:m.start()] + ", ")
        last = m.end()
        covered = m.end() + len(re.match(r"\S*\s*", text[m.end():]).group(0)) + 1
    out.append(text[last:])
    return "".join(out)


_PARTICLES = frozenset({"de", "van", "von", "le", "la", "da", "di", "du", "del", "der", "den", "st", "and", "&", "of"})


def _plausible_person(name: str) -> bool:
    """Not a heading, a body or a phrase: some word of the name is no organisation or
    document word, and no word but a particle is written in lower case."""
    words = [w.strip(".,'") for w in _canon(name).split()]
    words = [w for w in words if w]
    if not words:
        return False
    if any(w[:1].islower() and w.lower() not in _PARTICLES for w in words):
        return False
    return not all(w.lower() in NOT_NAME_WORDS or w.lower() in _PARTICLES for w in words)


def _key(name: str) -> str:
    return name_key(canonical_name(name) or name)


# Titles that say whether a name is a man's or a woman's: "Ms J Meade, Mr J
# Meade" in one list are two people although their names without titles agree.
_GENDERED_TITLES = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f",
                    "dame": "f", "mme": "f"}


def _gender(name: str) -> str:
    first = name.split()[0].strip(".").lower() if name.split() else ""
    return _GENDERED_TITLES.get(first, "")


def _same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """(key, gender) pairs: same name, and titles that do not contradict."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


class Attendance:
    def __init__(self):
        self.people: list[Person] = []
        self.seen: set[tuple[tuple[str, str], str]] = set()  # ((name key, gender), category)
        # once a member list reaches its officers ("Clerk J Connelly"), the names after them attend
        self.officers_from: Optional[int] = None
        self.council_list = False

    def add_entries(self, text: str, category: str, ln: Line, default_role: Optional[str] = None) -> None:
        # a list of councillors ("Councillors D Rowe (Chair), N Bell, A Finch, EDC"): a name tagged
        # with a council's initials is a councillor of another council, who attends
        self.council_list = bool(re.match(r"^\s*(?:Councillors|Cllrs|Clrs)\b", text))
        for entry in split_names(_split_midline(text)):
            st = _STATUS_TAIL.search(entry)
            cat0 = category
            if st and category in (PRESENT, APOLOGIES, IN_ATTENDANCE):
                # roll call written as "Trustee Elton - absent, Trustee Grady - present"
                cat0 = _STATUS_CAT[" ".join(st.group("st").lower().split())]
                entry = entry[:st.start()]
            self.add(entry, cat0, ln, default_role, stated=bool(st))

    def add(self, entry: str, category: str, ln: Line, default_role: Optional[str] = None, by_office: bool = False,
            stated: bool = False) -> None:
        """``stated``: the entry carries its own status ("Trustee Hodge - present"), which an
        officer listed before it ("Clerk Holubek was also present") does not change."""
        name, role, chair = parse_entry(entry)
        if not name or not _looks_like_name(name) or not _plausible_person(name) or re.search(r"\d", name):
            return
        role = role or default_role
        if default_role and _CHAIR_ROLE.match(default_role.strip()) and not default_role.lower().startswith("vice"):
            chair = True
        cat = CHAIR if (chair and category == PRESENT) or category == CHAIR else category
        if cat == PRESENT and role and (_OFFICER_ROLE.match(role.strip()) or not by_office and (
                _officer_role(role) or self.council_list and _OTHER_COUNCIL.fullmatch(role.strip()))):
            # "Mrs B McGarry (Clerk)" among members: the clerk attends; so does "Claire Smith, Ministry
            # of Justice (Secretariat)" and a councillor of another council ("A Armstrong, EDC")
            cat = IN_ATTENDANCE
            if _OFFICER_PREFIX.match(" ".join(entry.split())):
                self.officers_from = len(self.people)
        elif cat == PRESENT and self.officers_from is not None and not stated:
            cat = IN_ATTENDANCE
        k = _key(name)
        if not k:
            return
        who = (k, _gender(name))
        if any(c == cat and _same_person(who, w) for w, c in self.seen):
            return
        if cat == PRESENT and any(c == CHAIR and _same_person(who, w) for w, c in self.seen):
            return  # the chair is listed once, as chair
        if cat == CHAIR:
            self.people = [p for p in self.people
                           if not (p.attendance == PRESENT and _same_person(who, (_key(p.person), _gender(p.person))))]
        self.seen.add((who, cat))
        self.people.append(Person(name, entry.strip(), role, cat, ln.page, ln.block_index))

    def new_section(self) -> None:
        self.officers_from = None


PROSE_APOLOGIES = re.compile(
    r"a\s?pologies(?:\s+for\s+absence)?\s+(?:were|had\s+been|have\s+been|was)?\s*(?:received|reported|given|tendered|submitted|noted)?\s*"
    r"(?:from|by|on behalf of)\s*:?\s*(?P<names>.+?)(?:\.\s|\.$|$)",
    re.I,
)
ATTEND_PROSE = re.compile(r"^(?P<names>.+?)\s+(?:was|were)\s+(?:also\s+)?in\s+attendance(?:\s+virtually)?\b", re.I)
# a cue anywhere in a line, for side-by-side column headers ("Present: Also in attendance: Apologies")
_CUE_ANY = re.compile(
    r"(?P<c>(?:members\s+)?present|(?:also\s+)?in\s+attendance(?:\s+virtually)?|also\s+present|members\s+of\s+the\s+public|"
    r"officers(?:\s+present)?|apologies(?:\s+for\s+absence)?)\s*:?",
    re.I,
)
SPLIT_CUES = re.compile(
    r"^(?:(?:members\s+)?present\b|(?:also\s+)?in\s+attendance\b|also\s+present\b|apologies\b|officers?\s*:|members\s+of\s+the\s+public\b|members\s*:|actions?\s*[:\-]|resolved\b|"
    r"\d{1,3}(?:\.{1,2}\d{1,2}){1,2}\.?\s+[A-Z]|\d{1,3}\.\s+[A-Z][A-Za-z]+(?:\s+[A-Za-z&']+){0,12}$)",
    re.I,
)
_TITLE_TOKEN = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Revd|Cllr|Clr|C/Cllr|D/Cllr|Councillor|Sgt|Insp|Maj|Capt|Col|PC|DI|DCI|CI)\.?$")
_ROLE_TOKEN = re.compile(r"^(?:CHAIR(?:MAN)?|CLERK|RFO|VICE-CHAIR(?:MAN)?)$")


def _header_cats(text: str) -> Optional[list[str]]:
    """["present", "in attendance", "apologies"] when ``text`` is only column cues."""
    cats = []
    pos = 0
    t = text.strip()
    for m in _CUE_ANY.finditer(t):
        if t[pos:m.start()].strip(" |"):
            return None
        cat, _ = _cue(m.group(0).strip() + (":" if not m.group(0).strip().endswith(":") else ""))
        if cat is None:
            return None
        cats.append(cat)
        pos = m.end()
    if t[pos:].strip(" |") or len(cats) < 2:
        return None
    return cats


def _cell_cats(text: str) -> Optional[list[str]]:
    """Categories of a header cell made only of cues ("Present: Members of the Public:"); None otherwise."""
    t = text.strip()
    if not t:
        return None
    one, rest = _cue(t)
    if one and not rest.strip():
        return [one]
    return _header_cats(t)


def segment_names(text: str) -> list[str]:
    """Names run together on one line of side-by-side columns:
    "K Draper (KD - Chair) R Summers N Oakhill" -> three names."""
    toks = re.findall(r"\([^)]*\)|\[[^\]]*\]|\S+", text)
    segs: list[list[str]] = []
    cur: list[str] = []

    def closed(seg):
        return bool(seg) and (seg[-1][:1] in "([" or _ROLE_TOKEN.match(seg[-1]))

    for tok in toks:
        if tok[:1] in "([" or _ROLE_TOKEN.match(tok):
            cur.append(tok)
            continue
        plain = [x for x in cur if x[:1] not in "([" and not _ROLE_TOKEN.match(x)]
        starts_new = False
        if cur and closed(cur):
            starts_new = True
        elif _TITLE_TOKEN.match(tok) and len(plain) >= 2 and plain[-1] not in ("&", "and"):
            starts_new = True
        elif re.fullmatch(r"[A-Z]{1,2}", tok) and len(plain) >= 2 and len(plain[-1]) > 2 and plain[-1] not in ("&", "and"):
            starts_new = True
        if starts_new:
            segs.append(cur)
            cur = []
        cur.append(tok)
    if cur:
        segs.append(cur)
    out = []
    for seg in segs:
        plain = [x for x in seg if x[:1] not in "([" and not _ROLE_TOKEN.match(x)]
        # "Heidi Dennison Katy Draper": two first-name surname pairs
        if len(seg) == 4 and len(plain) == 4 and all(re.fullmatch(r"[A-Z][a-z'\-]+", x) for x in plain):
            out += [" ".join(seg[:2]), " ".join(seg[2:])]
        else:
            out.append(" ".join(seg))
    return out


def _column_of(x0: Optional[float], box: Optional[tuple], n: int) -> Optional[int]:
    if x0 is None or not box or n < 2:
        return None
    hx0, hx1 = box[0], box[2]
    width = (hx1 - hx0) / n if hx1 > hx0 else 0
    if width <= 0:
        return None
    return max(0, min(n - 1, int((x0 - hx0 + width * 0.25) // width)))


_ITEM_NUM = re.compile(r"^(?:\d{1,3}(?:\.{1,2}\d{1,2}){0,2}[.:)]?|[A-Z]{1,4}\d{1,3}(?:/\d{2,4})?[.:]?|\(?[a-z]\)|[IVX]{1,4}\.)\s+(?=[A-Z])")
_LOWER_WORD = re.compile(r"\b[a-z][a-z']+\b")
_CALLED_TO_ORDER = re.compile(
    r"(?:called\s+(?:the\s+meeting\s+)?to\s+order|opened\s+the\s+meeting|chaired\s+the\s+meeting|presided)"
    r"(?:\s+at\s+[\d:.]+\s*(?:[ap]\.?m\.?)?)?\s+by\s+(?P<name>(?:[A-Z][\w.'\-]*\s+){0,3}[A-Z][\w'\-]+)"
    r"|(?P<name2>(?:[A-Z][\w.'\-]*\s+){1,3}[A-Z][\w'\-]+)\s+(?:called\s+the\s+meeting\s+to\s+order|opened\s+the\s+meeting|presided|was\s+in\s+the\s+chair|took\s+the\s+chair|chaired\s+the\s+meeting)"
)
_ROLL_SENTENCE = re.compile(r"^(?P<names>.+?)\s+(?:was|were)\s+(?:also\s+)?(?P<st>present|absent|not\s+present|excused|in\s+attendance)\b")
_NAME_RUN = re.compile(r"[A-Z][\w.'\-]*(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+)[A-Z][\w.'\-]*)*")


def _is_prose(t: str) -> bool:
    """A sentence, not a list of names: many lower-case words."""
    words = t.split()
    if len(words) < 7:
        return False
    low = len(_LOWER_WORD.findall(t))
    return low >= 4 and low / len(words) >= 0.4


def _join_raw(raws: list[str]) -> str:
    """Lines of one list paragraph joined: a line that starts a new entry (a title,
    a role, a label) is a new list item; otherwise the line break is a wrap."""
    out = ""
    for r in raws:
        r = r.strip()
        if not r:
            continue
        if out and not re.search(r"(?:,|;|\band|&|-)\s*$", out) and (
            re.match(rf"^(?:{TITLES}|Cllrs|Councillors)\s", r) or _OFFICER_PREFIX.match(r) or _cue(r)[0]
        ):
            out += ", " + r
        else:
            out = (out + " " + r).strip()
    return out


def _roll_call(t: str, att: "Attendance", ln: Line) -> bool:
    """Roll call and chair written as sentences; True when the unit was one."""
    found = False
    m = _CALLED_TO_ORDER.search(t)
    if m:
        att.add(m.group("name") or m.group("name2"), CHAIR, ln)
        found = True
    body = re.sub(r"^.*?\broll\s+call\b[^:]*:\s*", "", t, flags=re.I)
    listed = []  # sentences that are not "X was also present" (the roll call's own list)
    for sent in re.split(r"(?<=[.;])\s+", body):
        m = _ROLL_SENTENCE.match(sent.strip())
        if not m or not _NAME_RUN.fullmatch(m.group("names").strip(" ,")):
            listed.append(sent)
            continue
        st = " ".join(m.group("st").lower().split())
        cat = IN_ATTENDANCE if st == "in attendance" else _STATUS_CAT.get(st, PRESENT)
        names = m.group("names")
        if len(names.split()) < 1 or re.match(r"^(?:The|All|There|It|No|A|An|This|That)\b", names):
            continue
        att.add_entries(names, cat, ln)
        found = True
    if re.search(r"\broll\s+call\b", t, re.I) and re.search(r"[-\u2013:]\s*(?:present|absent)\b", t, re.I):
        att.add_entries(" ".join(listed).strip(), PRESENT, ln)
        found = True
    return found


def _row_status(cells: list[str]) -> Optional[str]:
    for c in cells:
        k = " ".join(c.lower().split()).strip(" .")
        if k in _STATUS_CAT:
            return _STATUS_CAT[k]
    return None


def _is_label_row(cells: list[str]) -> bool:
    return all(re.fullmatch(r"(?:attendee\s+)?(?:name|names|member|members|organisation|organization|role|position|title|"
                            r"representing|agency|attendee|attendees|present|apologies|status|arrived|left|department|body|"
                            r"item|items|description|subject|topic|details|no\.?|number)\s*:?", c, re.I)
               for c in cells if c)


def parse_attendance(lines: list[Line], meeting_date: Optional[str] = None) -> tuple[Attendance, int]:
    """Attendance from the head of the minutes; returns (attendance, index of the first unit after it).

    ``lines`` are paragraph units (see :func:`units`): comma lists are read as
    one text, one-name-per-line lists line by line, and side-by-side columns
    (parish minutes) by the order of names on a line and the block's x position.
    A section ends at the next heading, minute item or prose paragraph that is
    not itself an attendance label; minute items titled with a label
    ("15.09.1 Apologies", "2. Apologies received: ...") open a section again.
    An attendance grid (members against the year's meeting dates) is read in the
    column of ``meeting_date`` (ISO), the codes by the paper's own key.
    """
    return _AttendanceHead(lines, meeting_date).read()


def _lab(c: str) -> bool:
    """A label cell of a label | name row ("Chaired by", "Present:")."""
    return bool(_cue(c)[0] and not _cue(c)[1].strip() or re.fullmatch(r"\w+ed\s+by\s*:?", c, re.I))


class _AttendanceHead:
    """One pass over the first units of the minutes, in the section (category) the
    last label opened; each unit is a grid, an office list, a heading that ends the
    lists, a table row, or a paragraph of names."""

    def __init__(self, lines: list[Line], meeting_date: Optional[str]):
        self.lines, self.meeting_date = lines, meeting_date
        self.att = Attendance()
        self.cat: Optional[str] = None
        self.cols: Optional[list[str]] = None  # categories of side-by-side columns
        self.box: Optional[tuple] = None  # bbox of the column header (to place single names by x)
        self.table_cols: Optional[list[list[str]]] = None  # categories under each table column
        self.end: Optional[int] = None
        self.last_used = -1
        self.n_items = 0
        self.limit = min(len(lines), 60)
        self.name_org = _name_org_units(lines[:self.limit])
        self.carry: Optional[str] = None
        self.grids_seen: set[int] = set()
        self.grid_blocks: set[int] = set()
        self.legend: Optional[dict[str, str]] = None

    def read(self) -> tuple[Attendance, int]:
        for i, ln in enumerate(self.lines[:self.limit]):
            if self._unit(i, ln):
                break
        att = self.att
        end = self.end if self.end is not None else (self.last_used + 1 if att.people else 0)
        _signed_officers(att, self.lines[end:])
        if att.people:
            _speakers(att, self.lines)  # the whole paper: a long head may hold them too
        return att, end

    def set_cat(self, c: Optional[str]) -> None:
        if c != self.cat:
            self.att.new_section()
        self.cat = c

    def _close_lists(self, i: int) -> None:
        """The lists end at unit ``i`` (unless they ended before)."""
        if self.end is None:
            self.end = i
        self.cat = None

    def _unit(self, i: int, ln: Line) -> bool:
        """Read unit ``i``; True when the head has ended."""
        t = ln.text.strip()
        n_before = len(self.att.people)
        if ln.is_row and self.meeting_date and ln.block is not None and ln.block_index not in self.grids_seen:
            self._grid(i, ln)
        if ln.is_row and ln.block_index in self.grid_blocks:
            self.last_used = i
            return False
        if not ln.is_row and self.cat is None and self.end is None and not self.att.people and i < 8 and self._office(i, ln, t):
            return False
        if not ln.is_row:
            label = self._numbered_label(ln, t)
            if label is None:
                return False
            ln, t, numbered = label
            is_head = self._is_head(ln, t, numbered)
            if self._after_the_lists(i, t, is_head):
                return False
            if is_head:
                return self._heading(i, t)
        elif self.end is not None and self.cat is None and not (i <= self.end + 6 and _label_row(ln.cells or [])):
            return False
        if ln.is_row:
            self._row(i, ln)
        else:
            self._paragraph(i, ln, t, n_before)
        return False

    # -- units that are not lists of names -----------------------------------

    def _grid(self, i: int, ln: Line) -> None:
        """An attendance grid (members against the year's meeting dates), read in the meeting's column."""
        self.grids_seen.add(ln.block_index)
        if self.legend is None:
            self.legend = grid_legend([x.text for x in self.lines[:self.limit]])
        prev_tables = [x.block for x in self.lines[:i] if x.is_row and x.block is not None
                       and ln.block_index - 3 <= x.block_index < ln.block_index and _is_date_stack_table(x.block)]
        found = grid_attendance(ln.block, self.meeting_date, self.legend, prev_tables[-1] if prev_tables else None)
        for name, gcat, role in found:
            self.att.add(name, gcat, ln, default_role=role)
        if found:
            self.grid_blocks.add(ln.block_index)
            self.last_used = i

    def _office(self, i: int, ln: Line, t: str) -> bool:
        """A list of offices and their holders at the very top; True when the unit was one."""
        office = _office_list(ln.raw or t)
        if not office:
            return False
        for name, role, ocat in office:
            self.att.add(name, ocat, ln, default_role=role, by_office=True)  # the offices decided the category
        self.last_used = i
        return True

    def _numbered_label(self, ln: Line, t: str) -> Optional[tuple[Line, str, bool]]:
        """A numbered item or list item titled with a label ("15.09.1 Apologies", "1. Members
        present: ...") opens its section: (unit, text, numbered) with the label taken off,
        None when the label is all there is."""
        mi = _ITEM_NUM.match(t)
        if not mi:
            return ln, t, False
        ccat, rest = _cue(t[mi.end():])
        if not ccat:
            return ln, t, True
        self.set_cat(ccat)
        self.cols = self.table_cols = None
        t = rest.strip()
        if not t:
            return None
        return Line(t, t, ln.page, ln.block_index, block=ln.block, first_of_block=ln.first_of_block, x0=ln.x0), t, False

    def _is_head(self, ln: Line, t: str, numbered: bool) -> bool:
        """A unit that ends the lists: a heading, a minute item, a prose paragraph after them."""
        att, heading_block = self.att, ln.block is not None and ln.block.kind == "heading"
        if numbered and NUM_HEAD.match(t) or SECTION_HEAD.match(t) or re.fullmatch(r"actions?", t, re.I):
            return True
        if numbered and heading_block:
            return True
        if heading_block and not _cue(t)[0] and not _header_cats(t) and att.people and not _roll_call_like(t):
            return True
        if re.fullmatch(r"[A-Z][A-Z0-9&',/()\- ]{3,60}:?", t) and not _cue(t)[0] and att.people:
            return True  # "APPROVAL OF MINUTES:", "REPORTS": a heading written as a paragraph
        if att.people and self.cat is not None and _is_prose(t) and not _cue(t)[0] and not _roll_call_like(t) \
                and not PROSE_APOLOGIES.search(t) and not any(not _is_prose(r) and re.match(rf"^(?:{TITLES}|Cllrs?|Councillors?)\s", r.strip()) for r in (ln.raw or "").split("\n")):
            return True  # a prose paragraph after the lists ends them
        # a sentence under a table of labelled columns: the columns' labels end with the table
        # (a sentence, not names: "Mrs A Prescott" ends in lower-case letters too)
        return bool(self.table_cols is not None and att.people and not _cue(t)[0] and not _header_cats(t)
                    and not PROSE_APOLOGIES.search(t) and (re.search(r"[a-z]{3,}[.!?]\s*$", t) or _is_prose(t)))

    def _after_the_lists(self, i: int, t: str, is_head: bool) -> bool:
        """After the lists ended only a label soon after them opens a section again
        ("In Attendance:" after a note); True when the unit is passed over."""
        if self.end is None or self.cat is not None or is_head:
            return False
        label = i <= self.end + 6 and (
            _cue(t)[0] and not _is_prose(_cue(t)[1]) and not re.match(r"^(?:\w+\s+)?clerk\b", t, re.I) or _header_cats(t))
        return not label

    def _heading(self, i: int, t: str) -> bool:
        """A heading: it ends the lists; True when the head is over (past the fourth minute item)."""
        if NUM_HEAD.match(t):
            self.n_items += 1
        if self.cat is not None or i > 12:
            self._close_lists(i)
            self.cols = self.table_cols = None
        return self.n_items > 4 or (self.end is not None and i > self.end + 25)

    # -- table rows ------------------------------------------------------------

    def _row(self, i: int, ln: Line) -> None:
        cells = [c.strip() for c in (ln.cells or [])]
        if self._header_row(i, ln, cells):
            return
        nonempty = [c for c in cells if c]
        if not nonempty:
            return
        if row_heading(cells) and self.cat is not None:
            self._close_lists(i)
            return
        status = _row_status(cells)
        if status and not self.table_cols:
            self._roll_call_row(i, ln, nonempty, status)
            return
        if self.table_cols and _is_label_row(nonempty) and not any(_cue(c)[0] for c in nonempty):
            # a new table's column labels ("Item | Description"): the labelled columns ended
            self.table_cols = self.cols = None
            self._close_lists(i)
            return
        if self.table_cols and len(cells) == len(self.table_cols):
            self._labelled_columns_row(i, ln, cells)
            return
        ccat, rest = _cue(nonempty[0])
        if ccat:
            self.set_cat(ccat)
            nonempty = ([rest] if rest.strip() else []) + nonempty[1:]
        if self.cat is None or not nonempty or _is_label_row(nonempty):
            return  # (a label row is a column header row)
        self._names_row(i, ln, nonempty)

    def _header_row(self, i: int, ln: Line, cells: list[str]) -> bool:
        """A header row of column cues; a cue cell may carry its first names below the cue."""
        firsts = [c.split("\n")[0] for c in cells]
        hc = [_cell_cats(f) for f in firsts]
        if not (sum(len(h) for h in hc if h) >= 2 and all(h is not None or not c for h, c in zip(hc, cells))):
            return False
        old = self.table_cols
        table_cols = [h or (old[j] if old and j < len(old) else []) for j, h in enumerate(hc)]
        self.table_cols = table_cols
        self.box = ln.block.bbox if ln.block is not None else None
        self.cols = [c for h in table_cols for c in h] or None
        if self.cols and self.cat != self.cols[0]:
            self.set_cat(self.cols[0])
        for j, c in enumerate(cells):
            for sub in c.split("\n")[1:]:
                if sub.strip() and table_cols[j]:
                    self.att.add_entries(sub, table_cols[j][-1], ln)
        self.last_used = i
        return True

    def _roll_call_row(self, i: int, ln: Line, nonempty: list[str], status: str) -> None:
        """A roll-call table: Name | Title | Status (Present / Absent / Late)."""
        names = [c for c in nonempty if _looks_like_name(c) and not _row_status([c]) and len(c.split()) >= 2]
        if names:
            others = [c for c in nonempty if c != names[0] and not _row_status([c]) and not re.search(r"\d", c)]
            self.att.add(names[0], status, ln, default_role=others[0] if others else None)
            self.last_used = i

    def _labelled_columns_row(self, i: int, ln: Line, cells: list[str]) -> None:
        """A row under a header of column cues: each cell's names in its column's category."""
        table_cols = self.table_cols
        for j, c in enumerate(cells):
            if not c:
                continue
            ccat, rest = _cue(c)
            if ccat and not rest.strip():
                table_cols[j] = [ccat]
                continue
            if ccat:
                table_cols[j] = [ccat]
                c = rest
            cats_j = table_cols[j]
            if not cats_j:
                continue
            for sub in c.split("\n"):
                names = [n for seg in sub.split(",") for n in segment_names(seg.strip()) if n.strip()] if len(cats_j) > 1 else [sub]
                for k, n in enumerate(names):
                    self.att.add_entries(n, cats_j[min(k, len(cats_j) - 1)], ln)
        self.cols = [c for h in table_cols for c in h]
        self.last_used = i

    def _names_row(self, i: int, ln: Line, nonempty: list[str]) -> None:
        """A row of names in the open section: label | name pairs, name | role, or a grid of names."""
        # label | name pairs in one row: "Chaired by | Keith Moore | Clerked by | Pete Osborne"
        if len(nonempty) >= 3 and any(_lab(c) and not _lab(nonempty[k + 2]) for k, c in enumerate(nonempty[1:-1])):
            lab = self.cat
            for c in nonempty:
                cc, rest = _cue(c)
                if cc or re.fullmatch(r"\w+ed\s+by\s*:?", c, re.I):
                    lab = cc or IN_ATTENDANCE
                    c = rest if cc else ""
                if c.strip():
                    self.att.add_entries(c, lab, ln)
        # name | role/organisation; a grid of names is several people, never person and role
        elif len(nonempty) >= 2 and len(split_names(nonempty[0])) == 1 and not _all_people(nonempty):
            self.att.add_entries(nonempty[0], self.cat, ln, default_role=nonempty[1])
        else:
            for c in nonempty:
                self.att.add_entries(c, self.cat, ln)
        self.last_used = i

    # -- paragraphs ------------------------------------------------------------

    def _paragraph(self, i: int, ln: Line, t: str, n_before: int) -> None:
        hdr = _header_cats(t)
        if hdr:
            self.cols, self.table_cols = hdr, None
            self.set_cat(hdr[0])
            self.box = ln.block.bbox if ln.block is not None else None
            return
        ccat, rest = _cue(t)
        if _roll_call(t, self.att, ln):
            self.last_used = i
            if self.cat is None and not ccat:
                return
        if ccat:
            self.set_cat(ccat)
            self.cols = None
            t = " ".join(x for x in re.split(r"(?<=[a-z]\.)\s+", rest.strip())
                         if not (_ROLL_SENTENCE.match(x) and _NAME_RUN.fullmatch(_ROLL_SENTENCE.match(x).group("names").strip(" ,"))))
            if not t:
                self.last_used = i
                return
        if self.cat is None:
            return
        pm = PROSE_APOLOGIES.search(t)
        if pm:
            self.att.add_entries(pm.group("names"), APOLOGIES, ln)
            self.last_used = i
            return
        raw_lines = self._raw_lines(ln, t, ccat, rest)
        if self._inline_cues(i, ln, t):
            return
        if _is_prose(t) and not self.cols:
            # a sentence between the lists; read line by line only what is a list
            kept = [r for r in raw_lines if not _is_prose(r) and not re.search(r"[.!?]$", r.strip()) or re.match(rf"^(?:{TITLES}|Cllrs?)\s", r.strip()) and not _is_prose(r)]
            titled = len(kept) >= 2 and all(re.match(rf"^(?:{TITLES}|Cllrs?)\s", r.strip()) for r in kept)
            if not kept or len(kept) == len(raw_lines) and not titled:
                return  # one title-led name a line ("M. A Gagné, conseiller municipal") is still a list
            raw_lines = kept
            t = _join_raw(kept)
        if self.cols:
            self._side_by_side(i, ln, raw_lines)
            return
        self._list(i, ln, t, raw_lines, ccat)
        if len(self.att.people) > n_before or ccat:
            self.last_used = i

    @staticmethod
    def _raw_lines(ln: Line, t: str, ccat: Optional[str], rest: str) -> list[str]:
        """The paragraph's lines as printed, its label taken off."""
        raw_lines = [r for r in ln.raw.split("\n") if r.strip()] if ln.raw else [t]
        if ccat and " ".join(rest.split()) != " ".join(t.split()):
            return [t]  # roll-call sentences were taken out of the list
        if ccat:
            raw_lines[0] = _cue(raw_lines[0].strip())[1] or ""
            raw_lines = [r for r in raw_lines if r.strip()]
        return raw_lines

    def _inline_cues(self, i: int, ln: Line, t: str) -> bool:
        """A label inside the paragraph: "Present: A, B. Absent C." / "... Apologies: D"."""
        parts = _split_inline_cues(t)
        if len(parts) <= 1:
            return False
        for pc, pt in parts:
            if pc:
                self.set_cat(pc)
            if pt.strip() and not _is_prose(pt):
                self.att.add_entries(pt, self.cat, ln)
        self.last_used = i
        return True

    def _side_by_side(self, i: int, ln: Line, raw_lines: list[str]) -> None:
        """Names under side-by-side column labels: by their order on a line, a single name by its x position."""
        cols = self.cols
        for r in raw_lines:
            names = [n for seg in r.split(",") for n in segment_names(seg.strip()) if n.strip()]
            if not names:
                continue
            start = 0
            if len(names) < len(cols):
                c0 = _column_of(ln.x0, self.box, len(cols))
                start = c0 or 0
                if len(names) + start > len(cols):
                    start = len(cols) - len(names)
            for j, n in enumerate(names):
                self.att.add_entries(n, cols[min(start + j, len(cols) - 1)], ln)
        self.last_used = i

    def _list(self, i: int, ln: Line, t: str, raw_lines: list[str], ccat: Optional[str]) -> None:
        """A list of names in the open section (a list wrapped into the next paragraph is carried to it)."""
        if self.carry:
            t, raw_lines, self.carry = self.carry + " " + t, [self.carry + " " + t], None
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if re.search(r"(?:,|\band|&)\s*$", t) and nxt is not None and not nxt.is_row and not _cue(nxt.text.strip())[0] \
                and not _ITEM_NUM.match(nxt.text.strip()) and not (nxt.block is not None and nxt.block.kind == "heading") \
                and re.match(r"^[A-Z]", nxt.text.strip()) and not _is_prose(nxt.text):
            self.carry = t  # "Councillors A, B and" / "C, D, Clerk E": a list wrapped into the next paragraph
            self.last_used = i
            return
        if i in self.name_org and not ccat:
            name, org = self.name_org[i]
            org = "; ".join(x.strip() for x in re.split(r"[()\[\]]", org) if x.strip())
            self.att.add(f"{name} ({org})", self.cat, ln)
        elif "," in t or " and " in t or len(raw_lines) == 1:
            self.att.add_entries(_join_raw(raw_lines) if len(raw_lines) > 1 else t, self.cat, ln)
        else:
            for r in raw_lines:
                self.att.add_entries(r, self.cat, ln)


# what a visitor does at a meeting, said of them by full name in the minutes: "Guy Hale was
# invited to speak", "Zoe Toft spoke regarding ...", "Court Sims provided public comment"
_SPEAKER_VERBS = (r"(?:was|were)\s+invited\s+to\s+(?:speak|address|present)|spoke\b|addressed\s+the\s+(?:meeting|board|council|committee|commission|panel|members)"
                  r"|provided\s+(?:public\s+)?comments?|gave\s+(?:a|the)\s+(?:presentation|report|update)|made\s+a\s+presentation"
                  r"|presented\s+(?:the|a|an|his|her|their)\b|reported\s+(?:on|about|that)\b|(?:was|were)\s+(?:also\s+)?(?:here|in\s+the\s+audience)"
                  r"|provided\s+(?:the|a|an|his|her|their)\s+(?:report|update|presentation)|discussed\s+(?:that|the)\b"
                  r"|to\s+address\s+the\s+(?:meeting|board|council|committee|commission|panel|members)")
_SPEAKER = re.compile(r"(?:^|(?<=[.!?:])\s+|\s?[-\u2013~]\s|\ballow\s)(?P<name>[A-Z][a-z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2})\s+(?i:" + _SPEAKER_VERBS + ")")


# "Highway report was read by Tim Miller", "a presentation given by Ann Ross"
_SPEAKER_BY = re.compile(r"\b(?:report|update|presentation|statement)\s+(?:was\s+)?(?:read|given|presented|provided|made)\s+by\s+"
                         r"(?P<name>[A-Z][a-z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2})\b")
_PUBLIC_SPEAKER = re.compile(r"(?:was|were)\s+invited\s+to\s+speak|spoke\b|provided\s+(?:public\s+)?comment", re.I)


def _speakers(att: "Attendance", body: list[Line]) -> None:
    """Visitors, officers and members of the public the minutes name by full name as speaking,
    presenting or reporting to the meeting attended it, when no list names them already."""
    for ln in body[:200]:
        if ln.is_row:
            continue
        flat = " ".join(ln.text.split())
        found = [(m.group("name"), flat[m.end("name"):]) for m in _SPEAKER.finditer(flat)]
        found += [(m.group("name"), "spoke") for m in _SPEAKER_BY.finditer(flat)]
        for name, after in found:
            if not (looks_like_person(name) or _PUBLIC_SPEAKER.match(after.strip())) or not _plausible_person(name):
                continue
            k = _key(name)
            last = name.split()[-1].lower()
            if any(_key(p.person) == k or p.person.split()[-1].lower() == last for p in att.people):
                continue  # a member or officer already listed ("Trustee Elton reported ...")
            att.add(name, IN_ATTENDANCE, ln)


def _name_org_units(lines: list[Line]) -> dict[int, tuple[str, str]]:
    """One "Name, Organisation" a line ("Joe Allen, Victim Support", "Paul Clarke, Honestlyreal"):
    in a run of three or more such lines where most second parts read as a body or role, the
    part after the comma is the person's organisation on every line of the run, not a second
    person. {unit index: (name, organisation)}."""
    shape: dict[int, tuple[str, str, bool]] = {}
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if ln.is_row or "\n" in (ln.raw or "").strip() or _cue(t)[0]:
            continue
        flat = re.sub(r"\([^()]*\)", "", t)
        if flat.count(",") != 1:
            continue
        k = t.index(",") if "," in t and t.index(",") < (t.index("(") if "(" in t else len(t)) else -1
        if k < 0:
            continue
        name, org = t[:k].strip(), t[k + 1:].strip(" .")
        if not org or not _looks_like_name(name) or not 2 <= len(name.split()) <= 5 or re.match(rf"^(?:{TITLES})\s", org):
            continue
        bare = re.sub(r"\s*\([^()]*\)", "", org)
        shape[i] = (name, org, _is_role_part(bare) or bool(re.search(r"\b[a-z]{3,}\b", org))
                    or looks_like_person(_canon(name)) and not looks_like_person(_canon(bare)))
    runs: list[list[int]] = []
    for i in sorted(shape):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    runs = [r for r in runs if len(r) >= 3]
    lines_in = [j for r in runs for j in r]
    if not lines_in or sum(shape[j][2] for j in lines_in) * 2 < len(lines_in):
        return {}
    return {j: shape[j][:2] for j in lines_in}


# "Brenda Jaring, Town Clerk" closing the minutes: the one who signs them as an officer attended
_SIGNATURE = re.compile(r"^(?P<name>[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){1,3})\s*(?:,|\n|\s-\s)\s*(?P<role>[A-Za-z][A-Za-z/&.\- ]{2,40})\.?$")


def _signed_officers(att: "Attendance", tail: list[Line]) -> None:
    """A member of the present list who signs the minutes with an officer's title (clerk,
    secretary, minute taker) at their end attended as that officer, not as a member."""
    for ln in tail[-8:]:
        if ln.is_row:
            continue
        m = _SIGNATURE.match((ln.raw or ln.text).strip())
        if not m or not _officer_role(m.group("role")):
            continue
        who = (_key(m.group("name")), _gender(m.group("name")))
        for p in att.people:
            if p.attendance == PRESENT and _same_person(who, (_key(p.person), _gender(p.person))):
                p.attendance = IN_ATTENDANCE
                p.role = p.role or m.group("role").strip()


# a member list by office, without a "Present" label: "Honorable Joan M. Pratt, Comptroller and Secretary"
_OFFICE_LINE = re.compile(r"^(?:(?:The\s+)?(?:Honou?rable|Hon\.?)\s+)?(?P<name>[A-Z][^,]{2,40}?),\s+(?P<role>[A-Z][A-Za-z&'.\- ]{2,60}?)\.?$")
_OFFICE_CHAIR = re.compile(r"^(?:president|chair(?:man|woman|person)?|presiding\s+officer|presiding|moderator|président(?:e)?)$", re.I)
_OFFICE_ATTENDS = re.compile(r"^(?:deputy|assistant|associate)\b|\b(?:clerk|secretariat|minute[\s-]*taker|staff)\b", re.I)


def _office_list(raw: str) -> list[tuple[str, str, str]]:
    """(name, role, category) of every line of a paragraph listing people by office, one
    "Name, Office" a line, at the head of minutes with no attendance label: office holders
    are members (the president or chair in the chair), deputies and clerks attend."""
    rows = [x.strip() for x in raw.split("\n") if x.strip()]
    if len(rows) < 3:
        return []
    out = []
    chair_seen = False
    strong = 0
    for r in rows:
        m = _OFFICE_LINE.match(r)
        if not m:
            return []
        name, role = m.group("name").strip(), m.group("role").strip()
        probe = re.sub(r"\s*[\"\u201c\u201d][^\"\u201c\u201d]{1,20}[\"\u201c\u201d]\s*", " ", name)  # a nickname in quotes
        toks = _canon(probe).split()
        if not 2 <= len(toks) <= 4 or not all(w[:1].isupper() for w in toks) or not re.search(r"[A-Z][a-z]", role):
            return []
        strong += looks_like_person(_canon(probe))
        if _OFFICE_CHAIR.match(role) and not chair_seen:
            cat, chair_seen = CHAIR, True
        elif _OFFICE_ATTENDS.search(role) or _OFFICER_ROLE.match(role):
            cat = IN_ATTENDANCE
        else:
            cat = PRESENT
        out.append((name, role, cat))
    return out if strong * 3 >= len(out) * 2 else []


def _label_row(cells: list[str]) -> bool:
    """A row opening with an attendance label cell followed by a name ("Chaired by | Keith Moore | ...")."""
    ne = [c.strip() for c in cells if c and c.strip()]
    if len(ne) < 2:
        return False
    c0, rest = _cue(ne[0])
    return bool(c0) and not rest.strip() and not _cue(ne[1])[0] and _looks_like_name(ne[1])


def _roll_call_like(t: str) -> bool:
    return bool(re.search(r"\broll\s+call\b|\b(?:was|were)\s+(?:also\s+)?(?:present|absent)\b|called\s+to\s+order\s+(?:at\s+\S+\s+)?by", t, re.I))


def _all_people(cells: list[str]) -> bool:
    """Every cell is one person's name (a grid of names, not name | role)."""
    for c in cells:
        name, role, _ = parse_entry(c)
        if not name or role or not looks_like_person(_canon(name)):
            return False
    return True


def _canon(name: str) -> str:
    return canonical_name(name) or name


_INLINE_CUE = re.compile(
    r"(?:(?<=[.;])|(?<=[a-z]\)))\s+(?:[-\u2013]\s+)?(?=(?:absent|apologies|regrets|also\s+present|in\s+attendance|also\s+in\s+attendance|not\s+present|staff|guests?|officers?|ex[\s-]officio)\b\s*[:\-\u2013]?\s*[A-Z])",
    re.I,
)


def _split_inline_cues(t: str) -> list[tuple[Optional[str], str]]:
    pieces = _INLINE_CUE.split(t)
    if len(pieces) < 2:
        return [(None, t)]
    out: list[tuple[Optional[str], str]] = [(None, pieces[0].rstrip(" ."))]
    for p in pieces[1:]:
        c, rest = _cue(p.strip())
        out.append((c, rest.rstrip(" .") if c else p))
    return out


# ---------------------------------------------------------------------------
# attendance grids: members against the year's meeting dates, one code per cell
# ("Keith Moore | P | P | A |" under rotated date headers, with a key "P - Present
# S - Sanctioned A - Absent L - Late arrival"). Only the column of the meeting the
# minutes record is read.

# what a key's words mean; apologies first ("not present" holds "present")
_GRID_WORD_CATS = (
    (re.compile(r"apolog|sanction|absen|excused|regrets?|not\s+(?:present|attend)|unauthori[sz]ed|leave", re.I), APOLOGIES),
    (re.compile(r"present|attend|late|remote|virtual|online|in\s+person|arriv", re.I), PRESENT),
)
# codes read without a key
_GRID_DEFAULT_CODES = {"p": PRESENT, "a": APOLOGIES, "ap": APOLOGIES, "l": PRESENT, "\u2713": PRESENT, "\u2714": PRESENT}
_GRID_LEGEND = re.compile(
    r"(?<![\w])(?P<code>[A-Z][A-Za-z]?|[\u2713\u2714\u2717xX])\s*[-\u2013\u2014=:]\s*(?P<word>[A-Za-z][A-Za-z ]*?[a-z])"
    r"(?=\s+(?:[A-Z][A-Za-z]?|[\u2713\u2714\u2717xX])\s*[-\u2013\u2014=:]|\s*$|\s*[|;,\n])")
_GRID_ROLE_HEAD = re.compile(r"^(?:type|role|category|position|capacity|representing|governor\s+type|member\s+type|appointed\s+by)$", re.I)
_NUM_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")


def grid_legend(texts: list[str]) -> dict[str, str]:
    """Codes of an attendance key ("P - Present S - Sanctioned A - Absent") -> category."""
    out: dict[str, str] = {}
    for t in texts:
        for m in _GRID_LEGEND.finditer(t or ""):
            for rx, cat in _GRID_WORD_CATS:
                if rx.search(m.group("word")):
                    out.setdefault(m.group("code").lower(), cat)
                    break
    return out


def _num_date_matches(s: str, iso: str) -> bool:
    """An all-numeric date string ("14/10/2019", "9/05/22") is the ISO date, read either way round."""
    m = _NUM_DATE.fullmatch(s)
    if not m:
        return False
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000
    return any(f"{y:04d}-{mo:02d}-{d:02d}" == iso for d, mo in ((a, b), (b, a)))


def _stacked_date(chars: list[str], iso: str) -> bool:
    """A date printed rotated, one character per text row: read down or up."""
    s = "".join("".join(chars).split())
    return bool(s) and (_num_date_matches(s, iso) or _num_date_matches(s[::-1], iso))


def _expanded(row) -> list[tuple[int, int, str, Optional[str]]]:
    out, pos = [], 0
    for c in row.cells:
        span = max(1, c.colspan or 1)
        out.append((pos, span, " ".join((c.text or "").split()), c.fill))
        pos += span
    return out


def _is_date_stack_table(block) -> bool:
    rows = getattr(block, "rows", None) or []
    if len(rows) < 4:
        return False
    cells = [" ".join((c.text or "").split()) for r in rows for c in r.cells]
    return bool(cells) and all(re.fullmatch(r"[\d/.\- ]{0,4}", c) for c in cells) and sum(1 for c in cells if re.search(r"\d", c)) >= 6


def grid_attendance(block, iso: Optional[str], legend: dict[str, str], header_block=None) -> list[tuple[str, str, Optional[str]]]:
    """(name, category, role) of the people with a code in the meeting's column of an
    attendance grid; [] when the block is no grid or the meeting's column is not found."""
    rows = getattr(block, "rows", None) or []
    if not iso or len(rows) < 2:
        return []
    codes = dict(_GRID_DEFAULT_CODES)
    codes.update(legend)
    exp = [_expanded(r) for r in rows]
    people = [(k, p) for k, p in ((k, _grid_person(cells)) for k, cells in enumerate(exp)) if p is not None]
    if len(people) < 2:
        return []
    groups = _column_groups(exp, people)
    if not groups:
        return []
    code_groups = [g for g in groups
                   if all(v.lower() in codes for v in (c[2] for k, _ in people for c in _cells_in(exp[k], g) if c[2]))]
    if not any(c[2].lower() in codes for k, _ in people for g in code_groups for c in _cells_in(exp[k], g)):
        return []
    heads = exp[:people[0][0]]
    target = _meeting_column(heads, code_groups, iso, header_block)
    if target is None:
        return []
    role_group = None
    for g in groups:
        if g in code_groups or g[0] >= target[0]:
            continue
        if any(_GRID_ROLE_HEAD.match(c[2]) for h in heads for c in h if g[0] <= c[0] < g[1] and c[2]):
            role_group = g
    out = []
    for k, p in people:
        vals = [c[2] for c in _cells_in(exp[k], target) if c[2]]
        cat = codes.get(vals[0].lower()) if len(vals) == 1 else None
        if not cat:
            continue
        role = None
        if role_group:
            rv = [c[2] for c in _cells_in(exp[k], role_group) if c[2]]
            role = rv[0] if rv else None
        out.append((p[2], cat, role))
    return out


def _cells_in(cells: list, g: tuple[int, int]) -> list:
    """The cells of an expanded row that start inside column group ``g``."""
    return [c for c in cells if g[0] <= c[0] < g[1]]


def _grid_person(cells: list) -> Optional[tuple]:
    """The name cell of a member row of a grid: its first cell, when it is a person's name."""
    first = next((c for c in cells if c[2]), None)
    if first is None or first[0] > 1:
        return None
    name = first[2]
    probe = name.title() if name.isupper() else name
    if not looks_like_person(_canon(probe)) or not _plausible_person(probe):
        return None
    return first


def _column_groups(exp: list[list], people: list[tuple[int, tuple]]) -> list[tuple[int, int]]:
    """Column groups of a grid, (start, end) each: the cell starts shared by every member row."""
    bounds = None
    for k, p in people:
        starts = {c[0] for c in exp[k] if c[0] > p[0]}
        bounds = starts if bounds is None else bounds & starts
    if not bounds:
        return []
    width = max(sum(c[1] for c in cells) for cells in exp)
    bl = sorted(bounds)
    return [(b, bl[j + 1] if j + 1 < len(bl) else width) for j, b in enumerate(bl)]


def _meeting_column(heads: list[list], code_groups: list[tuple[int, int]], iso: str,
                    header_block: Any) -> Optional[tuple[int, int]]:
    """The meeting's column: a date in the header rows above it, or the n-th date of a
    table of rotated dates printed just above the grid."""
    for g in code_groups:
        chars = [c[2] for h in heads for c in h if g[0] <= c[0] < g[1] and c[2]]
        if chars and (_stacked_date(chars, iso) or any(_num_date_matches(x, iso) for x in chars)):
            return g
    if header_block is None:
        return None
    hrows = header_block.rows
    ncol = max(len(r.cells) for r in hrows)
    for j in range(ncol):
        chars = [" ".join((r.cells[j].text or "").split()) for r in hrows if j < len(r.cells)]
        if _stacked_date(chars, iso) or any(_num_date_matches(x, iso) for x in chars if x):
            return code_groups[j] if j < len(code_groups) else None
    return None
