"""People the minutes name without an attendance label over them.

Split from attendance.py: besides its labelled lists, minutes show who was
there in other ways, each read here: a roll call or "called to order by"
written as sentences, a list of offices and their holders at the top, a run
of "Name, Organisation" lines, visitors named as speaking, and the officer
who signs the minutes at their end.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.names import looks_like_person
from boardpack.extractors.attendance_labels import CHAIR, IN_ATTENDANCE, PRESENT, STATUS_CAT, AttendanceLabels
from boardpack.extractors.attendance_names import (
    OFFICER_PREFIX,
    OFFICER_ROLE,
    TITLES,
    canon,
    gender,
    is_role_part,
    looks_like_name,
    officer_role,
    person_key,
    plausible_person,
    same_person,
)
from boardpack.extractors.attendance_record import Attendance
from boardpack.extractors.meeting_cues import Line

_CALLED_TO_ORDER = re.compile(
    r"(?:called\s+(?:the\s+meeting\s+)?to\s+order|opened\s+the\s+meeting|chaired\s+the\s+meeting|presided)"
    r"(?:\s+at\s+[\d:.]+\s*(?:[ap]\.?m\.?)?)?\s+by\s+(?P<name>(?:[A-Z][\w.'\-]*\s+){0,3}[A-Z][\w'\-]+)"
    r"|(?P<name2>(?:[A-Z][\w.'\-]*\s+){1,3}[A-Z][\w'\-]+)\s+(?:called\s+the\s+(?:[\w&'-]+\s+){0,5}?meeting\s+to\s+order|opened\s+the\s+meeting|presided|(?:was\s+)?in\s+the\s+[Cc]hair\b|took\s+the\s+[Cc]hair|chaired\s+the\s+meeting"
    r"|acted\s+as\s+[Cc]hair(?:man|person|woman)?)"
    # "met in regular session with President Phillip H. Baxter presiding"
    r"|\bwith\s+(?P<name4>(?:[A-Z][\w.'\-]*\s+){1,4}[A-Z][\w'\-]+)\s+presiding\b"
    # "The Chairperson, Michelle Farell, called the meeting to order"
    r"|\b(?:[Cc]hair(?:man|person|woman)?|[Pp]resident|[Mm]ayor),\s+(?P<name3>(?:[A-Z][\w.'\-]*\s+){1,2}[A-Z][\w'\-]+),\s+called\s+the\s+meeting\s+to\s+order"
)
#: an office before the name of the one who opened the meeting ("The Vice Chairman T. Heaford acted as Chairman")
_OFFICE_BEFORE = re.compile(r"^(?:The\s+)?(?:Vice[\s-]*|Deputy\s+|Acting\s+)?(?:Chair(?:man|person|woman)?|President)\s+(?=[A-Z])")


def chair_named(m: re.Match) -> str:
    """The name a call-to-order sentence gives, without the office written before it."""
    return _OFFICE_BEFORE.sub("", m.group("name") or m.group("name2") or m.group("name3") or m.group("name4"))


ROLL_SENTENCE = re.compile(r"^(?P<names>.+?)\s+(?:was|were)\s+(?:also\s+)?(?P<st>present|absent|not\s+present|excused|in\s+attendance)\b")
NAME_RUN = re.compile(r"[A-Z][\w.'\-]*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+)[A-Z][\w.'\-]*)*")


_LOWER_WORD = re.compile(r"\b[a-z][a-z']+\b")


def is_prose(t: str) -> bool:
    """A sentence, not a list of names: many lower-case words."""
    words = t.split()
    if len(words) < 7:
        return False
    low = len(_LOWER_WORD.findall(t))
    return low >= 4 and low / len(words) >= 0.4


def label_after_sentence(labels: AttendanceLabels, att: Attendance, ln: Line, t: str) -> tuple[Line, str]:
    """"Opened the meeting and declared a quorum present. Selectmen present: A, B.": a label
    after the paragraph's opening sentence opens the lists there (the unit from the label on)."""
    for m in re.finditer(r"(?<=[a-z]\.)\s+(?=[A-Z])|,\s+(?=also\s)", t):  # "... presiding, also in attendance were"
        c, rest = labels.cue(t[m.end():])
        if c and rest.strip() and not is_prose(rest.split(".")[0]):
            roll_call(t[:m.end()], att, ln)  # "called to order by ..." in the sentence before
            u = t[m.end():]
            return Line(u, u, ln.page, ln.block_index, block=ln.block, first_of_block=ln.first_of_block, x0=ln.x0), u
    return ln, t


_ALSO_ATTENDED = re.compile(r"\s+also\s+attended(?:\s+the\s+meeting)?(?=\s*[.;]?\s*$)", re.I)
# a sentence's end: a full stop after a word ("PM." too), not after a title or an initial
_SENTENCE_END = re.compile(r"(?:(?<=[A-Za-z)]{2}\.)|(?<=\)\.))(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No)\.)(?<!\b(?:Mrs|Rev|Hon)\.)(?<!\bCllr\.)(?<!\bProf\.)\s+(?=[A-Z])")


def label_sentences(labels: AttendanceLabels, t: str) -> list[str]:
    """"Present were board members A, B and C. D also attended the meeting. Absent was E.": a
    paragraph of sentences, two or more of them saying who attended, read a sentence at a time
    (each its own list); [] for any other paragraph, and for one that opens with a label (read
    whole, with the labels inside it)."""
    sents = [x for x in _SENTENCE_END.split(t) if x.strip()]
    if len(sents) < 2 or labels.cue(t)[0]:
        return []
    said = sum(1 for x in sents if labels.cue(x)[0] or _ALSO_ATTENDED.search(x.rstrip(" .")) or ROLL_SENTENCE.match(x))
    return sents if said >= 2 else []


#: "Minutes were recorded and transcribed by Cheryl D. Embry.": the minute-taker attends
_MINUTE_TAKER = re.compile(r"\bminutes\s+(?:were\s+)?(?:recorded|taken|transcribed|prepared)(?:\s+and\s+(?:recorded|taken|transcribed|prepared))?"
                           r"\s+by\s+(?P<name>(?:[A-Z][\w.'\-]*\s+){1,3}[A-Z][\w'\-]+)", re.I)


def roll_call(t: str, att: Attendance, ln: Line) -> bool:
    """Roll call, chair and minute-taker written as sentences; True when the unit was one."""
    found = False
    m = _CALLED_TO_ORDER.search(t)
    if m:
        att.add(chair_named(m), CHAIR, ln)
        found = True
    m = _MINUTE_TAKER.search(t)
    if m:
        att.add(m.group("name"), IN_ATTENDANCE, ln, default_role="minute taker")
        found = True
    body = re.sub(r"^.*?\broll\s+call\b[^:]*:\s*", "", t, flags=re.I)
    listed = []  # sentences that are not "X was also present" (the roll call's own list)
    for sent in (x for part in re.split(r"(?<=;)\s+", body) for x in _SENTENCE_END.split(part)):  # not after "E."
        sent = _ALSO_ATTENDED.sub(" was also in attendance", sent)  # "Jane Roe also attended the meeting."
        m = ROLL_SENTENCE.match(sent.strip())
        if not m or not NAME_RUN.fullmatch(m.group("names").strip(" ,")):
            listed.append(sent)
            continue
        st = " ".join(m.group("st").lower().split())
        cat = IN_ATTENDANCE if st == "in attendance" else STATUS_CAT.get(st, PRESENT)
        names = m.group("names")
        if len(names.split()) < 1 or re.match(r"^(?:The|All|There|It|No|A|An|This|That)\b", names):
            continue
        att.add_entries(names, cat, ln)
        found = True
    if re.search(r"\broll\s+call\b", t, re.I) and re.search(r"[-\u2013:]\s*(?:present|absent)\b", t, re.I):
        att.add_entries(" ".join(listed).strip(), PRESENT, ln)
        found = True
    return found



def opening_chair(att: Attendance, head: list[Line]) -> None:
    """"1. The meeting was called to order by President Croucher at 3:30 p.m." above the roll
    call: the one who opened the meeting chaired it (when no list named a chair)."""
    if any(p.attendance == CHAIR for p in att.people):
        return
    for ln in head:
        m = None if ln.is_row else _CALLED_TO_ORDER.search(" ".join(ln.text.split()))
        if m:
            att.add(chair_named(m), CHAIR, ln)
            return


def roll_call_like(t: str) -> bool:
    return bool(re.search(r"\broll\s+call\b|\b(?:was|were)\s+(?:also\s+)?(?:present|absent)\b|called\s+to\s+order\s+(?:at\s+\S+\s+)?by"
                          r"|\bpresided\b|\b(?:took|was\s+in)\s+the\s+chair\b", t, re.I) or _MINUTE_TAKER.search(t))


# what a visitor does at a meeting, said of them by full name in the minutes: "Guy Hale was
# invited to speak", "Zoe Toft spoke regarding ...", "Court Sims provided public comment"
_SPEAKER_VERBS = (r"(?:was|were)\s+invited\s+to\s+(?:speak|address|present)|spoke\b|addressed\s+the\s+(?:meeting|board|council|committee|commission|panel|members)"
                  r"|provided\s+(?:public\s+)?comments?|gave\s+(?:a|the)\s+(?:presentation|report|update)|made\s+a\s+presentation"
                  r"|presented\s+(?:the|a|an|his|her|their)\b|reported\s+(?:on|about|that)\b|(?:was|were)\s+(?:also\s+)?(?:here|in\s+the\s+audience)"
                  r"|provided\s+(?:the|a|an|his|her|their)\s+(?:report|update|presentation)|discussed\s+(?:that|the)\b"
                  r"|to\s+address\s+the\s+(?:meeting|board|council|committee|commission|panel|members)"
                  r"|stated\b|who\s+(?:is|was)\s+(?:here|present)\b")
# the name may come after a comma ("our attorney, Carrie Lynn Kraftheffer, who is here") and carry
# its role between commas ("Patrick Heisinger, Assistant City Manager, made a presentation")
_SPEAKER = re.compile(r"(?:^|(?<=[.!?:])\s+|\s?[-\u2013~]\s|\ballow\s|(?<=[a-z]),\s)"
                      r"(?P<name>[A-Z][a-z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2})"
                      r"(?:,\s+(?P<role>[A-Z][A-Za-z ]{2,50}),)?,?\s+(?i:" + _SPEAKER_VERBS + ")")


# "Highway report was read by Tim Miller", "a presentation given by Ann Ross"
_SPEAKER_BY = re.compile(r"\b(?:report|update|presentation|statement)\s+(?:was\s+)?(?:read|given|presented|provided|made)\s+by\s+"
                         r"(?P<name>[A-Z][a-z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2})\b")
_PUBLIC_SPEAKER = re.compile(r"(?:was|were)\s+invited\s+to\s+speak|spoke\b|provided\s+(?:public\s+)?comment", re.I)


def speakers(att: Attendance, body: list[Line]) -> None:
    """Visitors, officers and members of the public the minutes name by full name as speaking,
    presenting or reporting to the meeting attended it, when no list names them already."""
    for ln in body[:200]:
        if ln.is_row:
            continue
        flat = " ".join(ln.text.split())
        found = [(m.group("name"), flat[m.end("name"):], m.group("role")) for m in _SPEAKER.finditer(flat)]
        found += [(m.group("name"), "spoke", None) for m in _SPEAKER_BY.finditer(flat)]
        for name, after, role in found:
            if not (looks_like_person(name) or _PUBLIC_SPEAKER.match(after.strip())) or not plausible_person(name):
                continue
            _add_visitor(att, name, ln, role)


def _add_visitor(att: Attendance, name: str, ln: Line, role: Optional[str] = None) -> None:
    """``name`` attended, unless a list names them already ("Trustee Elton reported ...")."""
    k = person_key(name)
    last = name.split()[-1].lower()
    if any(person_key(p.person) == k or p.person.split()[-1].lower() == last for p in att.people):
        return
    att.add(name, IN_ATTENDANCE, ln, default_role=role)


# a speaker of a verbatim record who introduces themselves: 'Mr. Sharkey: "Steve Sharkey, Director."'
# (the label's surname ends the name said) or '... My name is Josh Pasch.'
_SELF_NAMED = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+(?P<sur>[A-Z][\w'\-]+):\s*[\"\u201c]"
                         r"(?P<name>[A-Z][a-z][a-z'\-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\-]+){1,2}),")
_MY_NAME = re.compile(r"\b[Mm]y\s+name\s+is\s+(?P<name>[A-Z][a-z'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\-]+){1,2})(?=[,.;]|\s+and\b)")


def self_introduced(att: Attendance, lines: list[Line]) -> None:
    """Speakers of a verbatim record who say who they are attended the meeting."""
    prose = [ln for ln in lines if not ln.is_row]
    flat = " ".join(" ".join(ln.text.split()) for ln in prose)
    starts, pos = [], 0
    for ln in prose:  # where each unit starts in ``flat``, to give a name its unit
        starts.append(pos)
        pos += len(" ".join(ln.text.split())) + 1
    for m in list(_SELF_NAMED.finditer(flat)) + list(_MY_NAME.finditer(flat)):
        name = m.group("name")
        if "sur" in m.groupdict() and name.split()[-1] != m.group("sur"):
            continue
        if looks_like_person(name) and plausible_person(name):
            k = max(j for j, st in enumerate(starts) if st <= m.start("name"))
            _add_visitor(att, name, prose[k])


def name_org_units(lines: list[Line], labels: AttendanceLabels) -> dict[int, tuple[str, str]]:
    """One "Name, Organisation" a line ("Joe Allen, Victim Support", "Paul Clarke, Honestlyreal"):
    in a run of three or more such lines where most second parts read as a body or role, the
    part after the comma is the person's organisation on every line of the run, not a second
    person. {unit index: (name, organisation)}."""
    shape: dict[int, tuple[str, str, bool]] = {}
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if ln.is_row or "\n" in (ln.raw or "").strip() or labels.cue(t)[0]:
            continue
        flat = re.sub(r"\([^()]*\)", "", t)
        if flat.count(",") != 1:
            continue
        k = t.index(",") if "," in t and t.index(",") < (t.index("(") if "(" in t else len(t)) else -1
        if k < 0:
            continue
        name, org = t[:k].strip(), t[k + 1:].strip(" .")
        if not org or not looks_like_name(name) or not 2 <= len(name.split()) <= 5 or re.match(rf"^(?:{TITLES})\s", org):
            continue
        bare = re.sub(r"\s*\([^()]*\)", "", org)
        shape[i] = (name, org, is_role_part(bare) or bool(re.search(r"\b[a-z]{3,}\b", org))
                    or looks_like_person(canon(name)) and not looks_like_person(canon(bare)))
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


def signed_officers(att: Attendance, tail: list[Line]) -> None:
    """A member of the present list who signs the minutes with an officer's title (clerk,
    secretary, minute taker) at their end attended as that officer, not as a member."""
    for ln in tail[-8:]:
        if ln.is_row:
            continue
        m = _SIGNATURE.match((ln.raw or ln.text).strip())
        if not m or not officer_role(m.group("role")):
            continue
        who = (person_key(m.group("name")), gender(m.group("name")))
        for p in att.people:
            if p.attendance == PRESENT and same_person(who, (person_key(p.person), gender(p.person))):
                p.attendance = IN_ATTENDANCE
                p.role = p.role or m.group("role").strip()


# a member list by office, without a "Present" label: "Honorable Joan M. Pratt, Comptroller and Secretary"
_OFFICE_LINE = re.compile(r"^(?:(?:The\s+)?(?:Honou?rable|Hon\.?)\s+)?(?P<name>[A-Z][^,]{2,40}?),\s+(?P<role>[A-Z][A-Za-z&'.\- ]{2,60}?)\.?$")
_OFFICE_CHAIR = re.compile(r"^(?:president|chair(?:man|woman|person)?|presiding\s+officer|presiding|moderator|président(?:e)?)$", re.I)
_OFFICE_ATTENDS = re.compile(r"^(?:deputy|assistant|associate)\b|\b(?:clerk|secretariat|minute[\s-]*taker|staff)\b", re.I)


def office_list(raw: str) -> list[tuple[str, str, str]]:
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
        toks = canon(probe).split()
        if not 2 <= len(toks) <= 4 or not all(w[:1].isupper() for w in toks) or not re.search(r"[A-Z][a-z]", role):
            return []
        strong += looks_like_person(canon(probe))
        if _OFFICE_CHAIR.match(role) and not chair_seen:
            cat, chair_seen = CHAIR, True
        elif _OFFICE_ATTENDS.search(role) or OFFICER_ROLE.match(role):
            cat = IN_ATTENDANCE
        else:
            cat = PRESENT
        out.append((name, role, cat))
    return out if strong * 3 >= len(out) * 2 else []


_TITLED = re.compile(rf"^(?:{TITLES})\s+[A-Z]")


def titled_list(t: str) -> bool:
    """A paragraph that is only a comma list of titled names ("Mr G Adam, Mr R Balfour, Mrs J
    Barclay, ...") under the roll's heading, with no label of its own: the members present."""
    parts = [p.strip() for p in re.split(r",|\s+and\s+", t) if p.strip()]
    return len(parts) >= 3 and all(_TITLED.match(p) and len(p.split()) <= 5 for p in parts)


def titled_run(lines: list[Line], i: int) -> bool:
    """Three lines in a row, each a title and a name ("Cllr John Hurst  Chair" / "Cllr S. Rowland"
    / ...), at the head of minutes with no label above them: the list of those present."""
    run = [ln for ln in lines[i:i + 3] if not ln.is_row]
    return len(run) == 3 and all(_TITLED.match(ln.text.strip()) and len(ln.text) < 90 for ln in run)


# not "Label:   Name", nor a bullet and the tab after it ("\u2022    Cllr I Wroth sent apologies.")
_GAP_ROLE = re.compile(r"^(?P<n>[^,:\t]*?[A-Za-z][^,:\t]*?[^\s:])(?:[ \u00a0]{3,}|\t+)(?P<r>[A-Z][^\t]{1,60}?)\s*$")


def gap_role(raw: str, t: str) -> str:
    """"Cllr John Hurst        Chair": a role printed in a column of its own after the name, in brackets."""
    m = _GAP_ROLE.match(raw or "") if "\n" not in (raw or "").strip() else None
    return f"{' '.join(m.group('n').split())} ({' '.join(m.group('r').split())})" if m else t


def join_raw(raws: list[str], labels: AttendanceLabels) -> str:
    """Lines of one list paragraph joined: a line that starts a new entry (a title,
    a role, a label) is a new list item; otherwise the line break is a wrap."""
    out = ""
    for r in raws:
        r = r.strip()
        if not r:
            continue
        if out and not re.search(r"(?:,|;|\band|&|-)\s*$", out) and not _title_broken(out, r) and (
            re.match(rf"^(?:{TITLES}|Cllrs|Councillors)\s", r) or OFFICER_PREFIX.match(r) or labels.cue(r)[0]
        ):
            out += ", " + r
        else:
            out = (out + " " + r).strip()
    return out


def _title_broken(out: str, line: str) -> bool:
    """Whether the line break falls inside a title ("... (Vice-Chairman), District" /
    "Councillor Ray Manning ..."): the words after the list's last separator and the
    next line's first words make one title together; or inside a name, after its initial."""
    if re.search(r"(?:^|\s)[A-Z]\.?$", out.rstrip()) and re.match(r"[A-Z][a-z'\u2019-]+", line):
        return True  # "... N Hampshire P" / "Marchington B Stone": a name broken after its initial
    tail = re.split(r",|;|\band\b|&", out)[-1].strip()
    if not tail or len(tail.split()) > 2:
        return False
    m = re.match(rf"^(?:{TITLES})\s", f"{tail} {line}")
    return bool(m and m.end() > len(tail) + 1)


_ABBREV = "(?:Cllr|Clr|Mr|Mrs|Ms|Dr|Rev|Revd|Prof|Insp|Supt|Sgt|St|Esq)"


def titled_sentence(t: str) -> Optional[str]:
    """"Cllr L Watson and Cllr J Foster (family commitment), Cllr A Hart (work commitment). The
    meeting accepted these as reasons for absence.": the names' sentence of a paragraph that
    opens with titled names and runs on in prose; None for any other paragraph."""
    if not re.match(rf"^(?:{TITLES}|Cllrs?|Councillors?)\s", t) or not is_prose(t):
        return None
    first = t
    for m in re.finditer(r"(?<=[a-z)])\.\s+(?=[A-Z])", t):
        if not re.search(rf"\b{_ABBREV}$", t[: m.start()]):  # not the stop of "Cllr."
            first = t[: m.start()]
            break
    names = re.sub(r"\([^()]*\)|\band\b", "", first)  # the names, without their reasons in brackets
    return first if first != t and not re.search(r"\b[a-z]{3,}\b", names) else None
