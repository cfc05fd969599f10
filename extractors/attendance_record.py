"""The attendance of one meeting as it is read: people, each in one category.

Split from attendance.py: the rules of the record itself (an entry read once
per category, the chair listed once as chair, officers among members moved to
"in attendance") hold whichever layout the names came from, so every reader
(label lists, grids, roll calls, speakers) adds through :class:`Attendance`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from boardpack.core.names import canonical_name
from boardpack.extractors.attendance_labels import (
    APOLOGIES, CHAIR, GROUP_LABEL, IN_ATTENDANCE, PRESENT, STATUS_BRACKET, STATUS_CAT, STATUS_TAIL, UNABLE,
)
from boardpack.extractors.attendance_names import (
    CHAIR_ROLE,
    OFFICER_PREFIX,
    OFFICER_ROLE,
    OTHER_COUNCIL,
    gender,
    looks_like_name,
    name_run,
    officer_role,
    parse_entry,
    person_key,
    plausible_person,
    same_person,
    split_midline,
    split_names,
)
from boardpack.extractors.meeting_cues import Line


#: the members' group word inside a list, before the first name of the group ("Present: Judith
#: Essex, Trustee; Board members Linda Kenny, Ralph Stacy", "Chairman X, members Y, Z")
_GROUP_WORD = re.compile(r"^\s*(?:(?:board|council|committee|commission)\s+)?members?\s+(?=(?-i:[A-Z][a-z]+\s+[A-Z]))", re.I)

#: another council's initials before a councillor's title ("WDC Cllr A Rhead")
_COUNCIL_TAG = re.compile(r"^(?P<r>[A-Z]{2,4})\s+(?=(?:Cllr|Councillor)\b)")


@dataclass
class Person:
    person: str
    raw: str
    role: Optional[str]
    attendance: str
    page: Optional[int]
    block_index: int



def rejoin_broken(raw_lines: list[str]) -> list[str]:
    """Lines of names printed without commas, rejoined where the line broke inside an entry:
    after an initial ("... N Hampshire P" / "Marchington B Stone") or a dash ("L Rowland -" /
    "Administration Assistant")."""
    out: list[str] = []
    for r in raw_lines:
        r = r.strip()
        if out and r and (re.search(r"(?:^|\s)[A-Z]\.?$|[-\u2013]$", out[-1]) and re.match(r"[A-Z][a-z'\u2019-]+\b", r)):
            out[-1] = f"{out[-1]} {r}"
        elif r:
            out.append(r)
    return out


_ARRIVED = re.compile(r"\((?:[^()]*\b)?(?:arrived|joined(?:\s+the\s+meeting)?)\s+(?:at|late|during)\b", re.I)


class Attendance:
    def __init__(self):
        self.people: list[Person] = []
        self.seen: set[tuple[tuple[str, str], str]] = set()  # ((name key, gender), category)
        # once a member list reaches its officers ("Clerk J Connelly"), the names after them attend
        self.officers_from: Optional[int] = None
        self.council_list = False
        self.surnames = False  # the list being added is of surnames alone (add_entries)
        # a chair's label names one person: the names after theirs in that section are members
        self.chaired_section = False

    def add_entries(self, text: str, category: str, ln: Line, default_role: Optional[str] = None) -> None:
        # a list of councillors ("Councillors D Rowe (Chair), N Bell, A Finch, EDC"): a name tagged
        # with a council's initials is a councillor of another council, who attends
        self.council_list = bool(re.match(r"^\s*(?:Councillors|Cllrs|Clrs)\b", text))
        text = GROUP_LABEL.sub(", ", text)
        sent = UNABLE.match(text.strip())  # "Cllr. A Edwards sent his apologies" after the label
        text = sent.group("names") if sent else text
        entries = [e for part in split_names(split_midline(text)) for e in name_run(part)]
        # "Goihl, Hall, Key, Springer, Wobbe": a list of surnames alone; a surname that is also a
        # word ("Hall", "Key") is a member's all the same when half the list or more are plainly names
        self.surnames = len(entries) >= 3 and all(re.fullmatch(r"[A-Z][a-z'\u2019\-]+", e.strip()) for e in entries) \
            and 2 * sum(plausible_person(e) for e in entries) >= len(entries)
        for entry in entries:
            entry = _GROUP_WORD.sub("", entry)
            st = STATUS_TAIL.search(entry) or STATUS_BRACKET.search(entry)
            cat0 = category
            if st and category in (PRESENT, APOLOGIES, IN_ATTENDANCE):
                # roll call written as "Trustee Elton - absent, Trustee Grady - present";
                # "A Athwall (Apologies)" in the list of members
                cat0 = STATUS_CAT[" ".join(st.group("st").lower().split())]
                entry = entry[:st.start()] + entry[st.end():]
            if cat0 == APOLOGIES and _ARRIVED.search(entry):
                cat0 = PRESENT  # "Absent: Kelly Candaele (arrived at 12:56 p.m.)": absent at the roll, there all the same
            self.add(entry, cat0, ln, default_role, stated=bool(st))
        self.surnames = False

    def add(self, entry: str, category: str, ln: Line, default_role: Optional[str] = None, by_office: bool = False,
            stated: bool = False) -> None:
        """``stated``: the entry carries its own status ("Trustee Hodge - present"), which an
        officer listed before it ("Clerk Holubek was also present") does not change."""
        tag = _COUNCIL_TAG.match(entry.strip())
        if tag:  # "WCC Cllr L Caborn" among the members: a councillor of another council, who attends
            entry, default_role = entry.strip()[tag.end():], default_role or tag.group("r")
            category = IN_ATTENDANCE if category == PRESENT else category
        name, role, chair = parse_entry(entry)
        if not name or not looks_like_name(name) or not (self.surnames or plausible_person(name)) or re.search(r"\d", name):
            return
        role = role or default_role
        if default_role and CHAIR_ROLE.match(default_role.strip()) and not default_role.lower().startswith("vice"):
            chair = True
        if category == CHAIR and self.chaired_section and not chair:
            category = PRESENT  # "In the chair / Stan Paterson / Jim Gardiner": one chair
        cat = CHAIR if (chair and category == PRESENT) or category == CHAIR else category
        if cat == PRESENT and role and (OFFICER_ROLE.match(role.strip()) or not by_office and (
                officer_role(role) or self.council_list and OTHER_COUNCIL.fullmatch(role.strip()))):
            # "Mrs B McGarry (Clerk)" among members: the clerk attends; so does "Claire Smith, Ministry
            # of Justice (Secretariat)" and a councillor of another council ("A Armstrong, EDC")
            cat = IN_ATTENDANCE
            if OFFICER_PREFIX.match(" ".join(entry.split())):
                self.officers_from = len(self.people)
        elif cat == PRESENT and self.officers_from is not None and not stated:
            cat = IN_ATTENDANCE
        k = person_key(name)
        if not k:
            return
        who = (k, gender(name))
        if any(c == cat and same_person(who, w) for w, c in self.seen) or self._named_again(name, cat):
            return
        if cat == PRESENT and any(c == CHAIR and same_person(who, w) for w, c in self.seen):
            return  # the chair is listed once, as chair
        if cat == CHAIR and self._chair_listed(name) or cat == PRESENT and self._chair_named_in_full(name, entry, role):
            return
        if cat == CHAIR:
            self.people = [p for p in self.people
                           if not (p.attendance == PRESENT and same_person(who, (person_key(p.person), gender(p.person))))]
        self.seen.add((who, cat))
        self.chaired_section = self.chaired_section or category == CHAIR
        self.people.append(Person(name, entry.strip(), role, cat, ln.page, ln.block_index))

    @staticmethod
    def _bare_surname(name: str) -> Optional[str]:
        """The surname of a name given by surname alone ("Councillor Mills" -> "mills"), else None."""
        words = (canonical_name(name) or name).split()
        return words[0].lower() if len(words) == 1 else None

    def _by_surname(self, surname: str, attendance: Optional[str] = None) -> list[Person]:
        return [p for p in self.people if p.person.split()[-1].lower() == surname
                and (attendance is None or p.attendance == attendance)]

    def _chair_listed(self, name: str) -> bool:
        """"Commissioner Mullin called the meeting to order" after "Paul Mullin-President" in the
        list: the one member of that surname is the chair (their entry moves, the name as listed)."""
        surname = self._bare_surname(name)
        same = self._by_surname(surname, PRESENT) if surname else []
        if len(same) != 1:
            return False
        same[0].attendance = CHAIR
        self.seen.add(((person_key(same[0].person), gender(same[0].person)), CHAIR))
        return True

    def _chair_named_in_full(self, name: str, entry: str, role: Optional[str]) -> bool:
        """The list after the sentence that named the chair by surname ("Commissioner Mullin called
        the meeting to order" / "Present: Paul Mullin-President"): the chair's row takes the full name."""
        ch = [p for p in self._by_surname(name.split()[-1].lower(), CHAIR) if self._bare_surname(p.person)]
        if len(ch) != 1:
            return False
        ch[0].person, ch[0].raw, ch[0].role = name, entry.strip(), ch[0].role or role
        return True

    def _named_again(self, name: str, cat: str) -> bool:
        """"Apologies ... were received from Councillors Athwall, Mills and Wallace" after "A Athwall
        (Apologies)" in the list: a surname alone is the one person of that surname already listed."""
        surname = self._bare_surname(name)
        same = self._by_surname(surname) if surname else []
        return len(same) == 1 and same[0].attendance == cat

    def new_section(self) -> None:
        self.officers_from = None
        self.chaired_section = False

