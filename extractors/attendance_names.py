"""Names in attendance lists: one entry into name, role and chair, a list into entries.

Split from attendance.py: reading who a list entry is ("Mr B J Sweetland
(Chairman)", "Clerk J Connelly", "A Armstrong, EDC") is a matter of names,
titles and roles, apart from where the lists stand in the minutes. The
reader of the lists (:mod:`.attendance`), the record it fills
(:mod:`.attendance_record`), the grid reader and the readers of people named
without a label all use these.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.names import HONOURS, NOT_NAME_WORDS, canonical_name, looks_like_person, name_key
from boardpack.extractors.attendance_posts import (  # noqa: F401  (TITLES and CHAIR_ROLE re-exported)
    BARE_ROLE, CHAIR_ROLE, HYPHEN_POST, TITLES, is_initials, leading_post, trailing_post,
)

# Roles that make a person an attendee, not a member, wherever they are listed
# ("Mrs B McGarry (Clerk)", "Clerk J Connelly", "Eden District Councillor A Armstrong").
OFFICER_ROLE = re.compile(
    r"^(?:(?:town|parish|deputy|assistant|acting|locum)\s+)*(?:clerk|rfo|responsible\s+financial\s+officer|minute[\s-]*taker|"
    r"secretariat|(?:[a-z]+\s+)?officer|clerk\s+(?:and|&)\s+rfo|clerk/rfo|note[\s-]*taker)\b",
    re.I,
)
# a council's initials as a member's role: a district, county, borough, city, town or parish
# council ("EDC", "NYCC", "SCDC"), i.e. a councillor of another council sitting in
OTHER_COUNCIL = re.compile(r"[A-Z]{1,2}(?:D|C|B|T|P)C")


def officer_role(role: str) -> bool:
    """Some piece of a role is an officer's ("Ministry of Justice; Secretariat"), or the role is a
    bare staff title ("Planning Manager", "City Attorney"); a title with the body the person
    comes from ("Community Safety Officer, SCDC") is a partner's representative, a member."""
    pieces = [p.strip() for p in re.split(r"[;()\[\]]|,\s", role) if p.strip()]
    return any(OFFICER_ROLE.match(p) or _NOT_MEMBER.search(p) for p in pieces) or (
        len(pieces) == 1 and bool(_STAFF_ROLE.search(pieces[0])))


# a councillor there for their ward ("B Cabbell Manners - Cromer Town Ward"), an observer: they
# attend a committee they are no members of
_NOT_MEMBER = re.compile(r"\bward(?:\s+(?:member|councillor|cllr))?$|^(?:an?\s+)?observer\b", re.I)


# officers and staff by title, wherever the words stand in the role: employees who serve the
# body, not its members ("Planning Manager", "City Attorney", "Town Clerk", "Finance Director")
_STAFF_ROLE = re.compile(
    r"\b(?:clerk|secretariat|minute[\s-]*taker|note[\s-]*taker|attorney|solicitor|counsel|legal\s+advis[eo]r|"
    r"(?:planning|finance|city|town|county|general|operations|project|office|programme|program|business|facilities)\s+manager|"
    r"manager|administrator|(?:city|town|county|village)\s+(?:manager|administrator|engineer|planner)|planner|"
    r"engineer|treasurer|staff)\b", re.I)
OFFICER_PREFIX = re.compile(
    r"^(?P<r>(?:(?:Town|Parish|Deputy|Assistant|Acting|Locum)\s+)*(?:Clerk|RFO|Minute[\s-]*[Tt]aker))\.?\s+(?=[A-Z])"
)
# a new entry inside a run-on line: "P Moran Clerk Mrs J Todd Eden District Councillor A Armstrong"
MIDLINE_ENTRY = re.compile(
    r"(?<=[a-z])\s+(?=(?:(?:Town|Parish|Deputy|Assistant)\s+)?Clerk\s+[A-Z]|(?:[A-Z][a-z]+\s+)?(?:District|County|Borough|City)\s+Councillor\s+[A-Z])"
)
# post-nominals, written in capitals after a name ("Mr R C Love, OBE")
HONOURS_RE = "(?:" + "|".join(sorted((h.upper() for h in HONOURS if h.isalpha()), key=lambda h: (-len(h), h))) + ")"


# names


def split_names(text: str) -> list[str]:
    """Split "Mr A (Chairman), Mr B, OBE, Mrs C and Dr D" into entries, keeping
    parenthesised roles and honours with their person."""
    text = " ".join(text.split())
    # "Mr Oliver and, in the Chair, Mr Matt Prince.": the chair named last, after the words
    text = _CHAIR_BEFORE.sub(lambda m: f", {m.group('n')} (in the Chair)", text)
    if len(_PAIR_START.findall(text)) >= 2:  # "M D Watson - Chief Executive J Williams – Finance Assistant"
        text = _PAIR_START.sub(", ", text)
    post_first = _POST_COMMA_NAME.fullmatch(text.strip(" ."))
    if post_first:  # "Interim Deputy Treasurer, D. Elliott": one person, the post written first
        return [f"{post_first.group('name')} ({post_first.group('post')})"]
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
        if depth == 0 and (ch in ",;" or ch == "." and cur.endswith(")") and re.match(r"\s+[A-Z]", text[i + 1:])):
            parts.append(cur)  # "..., and Ann Roe (arrived at 10:22 a.m.). Student Trustee ...": the sentence ends
            cur = ""
            i += 1
            continue
        if depth == 0 and text.startswith(" and ", i):
            parts.append(cur)
            cur = ""
            i += 5
            continue
        # "Mr & Mrs D Blunt", "David & Joanna Carlisle" are one entry; "Mr A Smith & Ms B Jones" two,
        # and so are two surnames alone at a list's end ("Klekta, Eisner & Rinsdorf")
        if depth == 0 and text.startswith(" & ", i) and (len(cur.split()) >= 2 or parts and _LAST_SURNAMES.match(text, i)) \
                and not re.search(r"\b(?:Mr|Mrs)\s*$", cur) and not _POST_OF.search(cur):
            parts.append(cur)
            cur = ""
            i += 3
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return _rejoin_parts(parts)


#: where the next "Initials Surname – Post" of a run of them begins, after the post before it
_PAIR_START = re.compile(r"(?<=[a-z)])\s+(?=(?:[A-Z]\.?\s+){1,3}[A-Z][a-z'\u2019-]+\s+[-\u2013]\s)")
_LAST_SURNAMES = re.compile(r" & [A-Z][a-z'\u2019\-]+\s*[.]?\s*$")
_POST_COMMA_NAME = re.compile(
    r"(?P<post>(?![^,]*\b[A-Z]\.)(?=[A-Z])[^,()]*?\b(?:officer|director|manager|treasurer|clerk|curator|assistant|supervisor|"
    r"co-?ordinator|planner|engineer|librarian|administrator|solicitor|secretary|advis[eo]r|analyst|specialist|"
    r"superintendent|chief|head|attorney|counsel|auditor|inspector|technician|of\s+[A-Z][^,()]*))\s*,\s*"
    r"(?P<name>(?:[A-Z]\.\s*){1,3}[A-Z][\w'\u2019\-]+)", re.I)
_CHAIR_BEFORE = re.compile(r"(?:\s+and)?,?\s*\bin\s+the\s+chair\s*,\s*(?P<n>[^,;()]+?)\s*(?=[.,;]|$)", re.I)

#: "Director of Development & Infrastructure": the "&" joins the words of one post
_POST_OF = re.compile(r"\b(?:Director|Head|Manager|Officer|Chief|Executive|Minister|Secretary|Leader|Portfolio\s+Holder)\s+(?:of|for)\s+\S", re.I)


def _rejoin_parts(parts: list[str]) -> list[str]:
    """Split parts rejoined where they belong to the person before: honours, a bracketed
    role, a role or body after a comma ("Lord McNally, Minister of State")."""
    out: list[str] = []
    merged = -1
    for p in parts:
        p = p.strip().strip(".").strip()
        if not p:
            continue
        if re.fullmatch(HONOURS_RE + r"(?:\s+" + HONOURS_RE + r")*\.?", p) and out:
            out[-1] = out[-1] + ", " + p
            continue
        if re.fullmatch(r"(?:Jr|Sr|Jnr|Snr|II|III|IV)", p) and out:  # "Jim Morley, Jr.": part of the name
            out[-1] = out[-1] + " " + p
            continue
        if re.fullmatch(r"\((?:[^()]*)\)", p) and out:  # "(Chairman)" after a split
            out[-1] = out[-1] + " " + p
            continue
        if out and "(" not in out[-1] and " - " not in out[-1] and is_role_part(p):
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


def is_role_part(p: str) -> bool:
    """A comma part that is not a person but the role or body of the one before it."""
    q = p.strip()
    if "(" in q or "[" in q:
        return False  # "Rick Hylton (Vice-Chairman)": a person with their own role
    if re.fullmatch(r"[A-Z][A-Z&]{2,6}", q):  # "EDC", "SCDC": a body's initials
        return True
    if BARE_ROLE.fullmatch(q):  # "Commissioner Suggs, Vice-Chair"
        return True
    if HYPHEN_POST.match(q):  # "Jane Kennedy-Vice President": a person with their post
        return False
    if re.search(r"\d", q) and not re.search(r"[a-z]{3}", q.replace("No", "")):
        return True
    if re.match(rf"^(?:{TITLES})\s", q) or re.match(r"^(?:Cllrs?|Councillors?)\b", q) or OFFICER_PREFIX.match(q) or MIDLINE_ENTRY.match("x " + q, 1):
        return False
    if _POST_SURNAME.fullmatch(q):
        return False  # "President Jones, Vice President Sunderman": a member named by post and surname
    return bool(_ROLE_PART_WORDS.search(q)) and (bool(re.search(r"\b[a-z]{2,}\b", q)) or len(q.split()) >= 2)


_POST_SURNAME = re.compile(r"(?:(?:Vice|Deputy|Acting)[\s-]+)?(?:President|Chair(?:man|person|woman)?|Mayor|Commissioner|Trustee|"
                           r"Director|Alderman|Alderwoman|Councilmember|Supervisor|Selectman|Selectwoman)\s+"
                           r"(?!(?:of|for|and)\b)[A-Z][a-z'\-]+(?:-[A-Z][a-z'\-]+)?")


def parse_entry(entry: str) -> tuple[Optional[str], Optional[str], bool]:
    """-> (name as written, role, is_chair) of an attendance entry (the name's parts: names.parse_person)
    from "Mr B J Sweetland (Chairman)", "Nick Oakhill (NO) CHAIR", "Katy Draper (KD)[acting Chair]"."""
    e = " ".join(entry.split()).strip(" .;:")
    e = re.sub(r"^and\s+", "", e)
    e = re.sub(r"^(?:(?:were|was|had\s+been)\s+)?received\s+from\s+", "", e, flags=re.I)  # "APOLOGIES: received from Mr D Lowe"
    e = re.sub(r"^(?:councillors|cllrs|members)\s*:\s*", "", e, flags=re.I)  # "... received from Councillors: Mrs S Finn"
    e = re.sub(r"^(Councillor|Cllr)s\b\.?", lambda m: m.group(1).capitalize(), e, flags=re.I)  # "Councillors A Brown, C Davis"
    e = re.sub(r"^(PCSO|PC|Dr)s\b\.?", r"\1", e)  # "PCs Chambers & Allen": a title for each name
    e = re.sub(r"^Messrs\b\.?", "Mr", e)
    m = re.search(r"\s+(?:as\s+(?:a\s+)?substitute\s+)?(?:for|substituting\s+for|in\s+place\s+of)\s+.*$", e)
    if m and e[:m.start()].count("(") <= e[:m.start()].count(")"):
        e = e[:m.start()]  # "Cllr X for Cllr Y"; not inside a bracket ("(Minister for the Cabinet Office)")
    e = re.sub(r"\s+(?:plus|with)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+number|several|many)\b.*$", "", e, flags=re.I)
    e = re.sub(r"\s+(?:who|whom|which)\s+[a-z].*$", "", e)  # "... who gave the first presentation"
    roles: list[str] = []
    e, chair = leading_post(e, roles)
    m = OFFICER_PREFIX.match(e) or re.match(r"^(?P<r>[A-Z][a-z]+\s+(?:District|County|Borough|City)\s+Councillor)\s+(?=[A-Z])", e)
    if m:  # "Clerk J Connelly", "Eden District Councillor A Armstrong"
        roles.append(m.group("r"))
        e = e[m.end():]
    for m in re.finditer(r"[\(\[]([^()\[\]]*)[\)\]]", e):
        chair = _bracket_roles(m.group(1).strip(), e, roles) or chair
    e = re.sub(r"\s*[\(\[][^()\[\]]*[\)\]]\s*", " ", e).strip()
    e, chair = trailing_post(e, roles, chair)
    e = e.strip(" ,-")
    if not e or not re.search(r"[A-Za-z]{2}", e) or len(e) > 70 or ":" in e:
        return None, None, False
    if re.search(r"\b(?:there were|members of the public|none|no apologies|were received|present)\b", e, re.I):
        return None, None, False
    if re.search(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|no)\s+(?:members?|residents?|guests?|people|persons|visitors|parishioners|others)\b", e, re.I):
        return None, None, False  # a count, not a person
    m = re.match(r"^(?P<n>.+?)\s+(?P<r>(?:[A-Z][A-Z&]{2,6}))$", e)
    if m and len(m.group("n").split()) >= 2 and not is_initials(m.group("r"), m.group("n")) and not re.fullmatch(HONOURS_RE, m.group("r")):
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
        if CHAIR_ROLE.match(piece) and not re.match(r"^vice", piece, re.I):
            chair = True
            roles.append(piece)
        elif is_initials(piece, e):
            continue  # initials "(NO)", "(BMc)", "(DMJ)"
        elif re.fullmatch(r"part of the meeting|for part of the meeting|items? .*|virtually|remotely|online", piece, re.I):
            continue
        else:
            roles.append(piece)
    return chair


def looks_like_name(name: str) -> bool:
    words = name.replace(",", " ").split()
    if not words or len(words) > 8:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w in ("&",) or re.fullmatch(HONOURS_RE, w))
    return caps >= max(1, len(words) - 1)


def split_midline(text: str) -> str:
    out, last, covered = [], 0, -1
    for m in MIDLINE_ENTRY.finditer(text):
        if m.start() < covered:
            continue  # "Eden | District Councillor": the place belongs to the title
        out.append(text[last:m.start()] + ", ")
        last = m.end()
        covered = m.end() + len(re.match(r"\S*\s*", text[m.end():]).group(0)) + 1
    out.append(text[last:])
    return "".join(out)


_PARTICLES = frozenset({"de", "van", "von", "le", "la", "da", "di", "du", "del", "der", "den", "st", "and", "&", "of"})


_BODY_END = re.compile(r"^(?:council|committee|board|authority|partnership|association|society|trust|ltd|limited|plc|"
                       r"department|ministry|agency|commission|office|service|services|district)$", re.I)


def plausible_person(name: str) -> bool:
    """Not a heading, a body or a phrase: some word of the name is no organisation or
    document word, and no word but a particle is written in lower case."""
    words = [w.strip(".,'") for w in canon(name).split()]
    words = [w for w in words if w]
    if not words:
        return False
    if any(w[:1].islower() and w.lower() not in _PARTICLES for w in words):
        return False
    if len(words) >= 2 and _BODY_END.search(words[-1]):
        return False  # "Melton Parish Council": the body a person comes from, split off their entry
    if _POST_OF.match(canon(name)):
        return False  # "Director of Development & Infrastructure": a post with nobody named
    parts = [x for w in words for x in w.split("-") if x]  # "Vice-Chair": each half a word of a post
    return not all(w.lower() in NOT_NAME_WORDS or w.lower() in _PARTICLES for w in parts)


def person_key(name: str) -> str:
    return name_key(canonical_name(name) or name)


# Titles that say whether a name is a man's or a woman's: "Ms J Meade, Mr J
# Meade" in one list are two people although their names without titles agree.
_GENDERED_TITLES = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f",
                    "dame": "f", "mme": "f"}


def gender(name: str) -> str:
    first = name.split()[0].strip(".").lower() if name.split() else ""
    return _GENDERED_TITLES.get(first, "")


def same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """(key, gender) pairs: same name, and titles that do not contradict."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])



_TITLE_TOKEN = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Revd|Cllr|Clr|C/Cllr|D/Cllr|Councillor|Sgt|Insp|Maj|Capt|Col|PC|DI|DCI|CI)\.?$")
_ROLE_TOKEN = re.compile(r"^(?:CHAIR(?:MAN)?|CLERK|RFO|VICE-CHAIR(?:MAN)?)$")


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
        elif re.fullmatch(r"[A-Z]{1,2}\.?", tok) and len(plain) >= 2 and len(plain[-1]) > 2 and plain[-1] not in ("&", "and") \
                and not plain[-1].endswith("."):  # "J. A. Allen R. Hall-Jones": an initial after a surname
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


#: one name of a list printed without commas: a title or two, initials, a surname, its brackets
_RUN_NAME = (r"(?:(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)+(?:[A-Z]\.?\s+){0,3}|(?:[A-Z]\.?\s+){1,3})"
             r"(?!(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b)(?:(?:N[ií]|Nic|[OÓ]|Mac|[Dd]e|[Vv]an|[Vv]on|[Dd]a|[Dd]i|L[ae])\s+)?"
             r"[A-Z\u00C0-\u00DE](?:[^\W\d_]+|['\u2019][A-Z][^\W\d_]+)(?:['\u2019\-][^\W\d_]+)*"  # "Mrs D Ní Shiadhail", "O\u2019Neill"
             r"(?:\s*[\(\[][^()\[\]]*[\)\]])*")  # "Mr Barker (Ch) Mr Cowling": a title stands for the initials
_NAME_RUN = re.compile(rf"\s*{_RUN_NAME}(?:\s+{_RUN_NAME})+\s*")


def name_run(entry: str) -> list[str]:
    """A list printed with spaces for commas ("A Blackley A Evans B Evans B D Davies", "K Archer
    (Vice Chairman) A Athwall (Apologies) G Derrick"): each initials-and-surname is one person."""
    if not _NAME_RUN.fullmatch(entry):
        return [entry]
    return segment_names(entry)


def all_people(cells: list[str]) -> bool:
    """Every cell is one person's name (a grid of names, not name | role)."""
    for c in cells:
        name, role, _ = parse_entry(c)
        if not name or role or not looks_like_person(canon(name)):
            return False
    return True


def canon(name: str) -> str:
    return canonical_name(name) or name
