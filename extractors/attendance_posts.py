"""The post (role) written beside a name in an attendance list, in each shape clerks use.

Before the name: "Chairperson Councillor G. Stewart", "Manager Herbek", "CDO Ruth Taylor-Davies";
after it: "Maurice Moore - Chairman", "Paul Mullin-President", "Dr Avi Bhatia AB Clinical Chair",
"Cathy Fleet CLERK", "Mr W Grosvenor Clerk and Executive Officer". Split from attendance_names.py,
which reads the rest of an entry (brackets, honours, counts).
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.name_vocabulary import TITLE_PHRASES

TITLES = r"(?:M\.(?=\s)|Mmes?|Mlle|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Revd|Cllr|Clr|Councillor|County\s+Councillor|District\s+Councillor|C/Cllr|D/Cllr|Ch\.?\s*Insp\.?|Chief\s+Inspector|Chief\s+Superintendent|Superintendent|Supt|Inspector|Insp|Sgt|Sergeant|PC|PCSO|DI|DCI|CI|DS|Maj|Major|Capt|Captain|Col|Colonel)\.?"
# "Mr Barker (Ch)"; "Clinical Chair", "Independent Chair": the body's chair by another name (never
# "Chair of Audit Committee", who chairs another body)
CHAIR_ROLE = re.compile(r"^(?:acting\s+|vice[\s-]*|(?:clinical|independent|lay|board|panel|council|town|parish)\s+)?"
                        r"chair(?:man|person|woman)?$|^in the chair$|^ch\.?$", re.I)

#: a post alone after a comma ("Commissioner Suggs, Vice-Chair")
BARE_ROLE = re.compile(r"(?:acting\s+|vice[\s-]*|deputy\s+)?(?:chair(?:man|person|woman)?|president|secretary|treasurer|clerk"
                       r"|trustee|commissioner|mayor|supervisor|alder(?:man|woman|person)|select(?:man|woman|person)|council\s*member)", re.I)
#: a staff title before a surname in a list of officials ("Manager Herbek", "Attorney Staub")
_STAFF_POSTS = (r"manager|attorney|treasurer|administrator|engineer|counsel|solicitor|planner|secretary|assistant|superintendent"
                r"|director|coordinator|co-ordinator|principal|clerk|auditor|assessor|accountant")
_STAFF_PREFIX = re.compile(rf"^(?P<r>(?:(?:village|city|town|county|general|deputy|assistant)\s+)?"
                           rf"(?:{_STAFF_POSTS})(?:\s*/\s*(?:{_STAFF_POSTS}))?)\s+(?=(?-i:[A-Z][a-z]))", re.I)


#: a post's initials before a full name ("CDO Ruth Taylor-Davies", "RFO Clive Baker"), not a title
_ACRONYM_POST = re.compile(r"^(?P<r>(?!(?:PC|DI|DS|CI|DCI|PCSO|DC|DS|MP|MEP|QC|KC)\b)[A-Z]{2,5})\s+(?=[A-Z][a-z'\-]+\s+[A-Z][a-z])")


def is_initials(piece: str, entry: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", piece)
    if not letters or len(letters) > 4 or " " in piece.strip():
        return False
    name = re.sub(r"[\(\[].*", "", entry)
    words = [w for w in re.split(r"[\s\-]+", name) if w and not re.fullmatch(TITLES, w)]
    initials = "".join(w[0] for w in words if w[0].isalpha()).lower()
    low = letters.lower()
    return bool(initials) and (low == initials or (low.startswith(initials) and len(low) <= len(initials) + 1)
                               or (len(words) >= 2 and low == initials[-2:]))


_ROLE_AFTER_INITIALS = re.compile(
    rf"^(?P<n>{TITLES}\s+(?:[A-Z]\.?\s*){{1,3}}\s+[A-Z][A-Za-z'\-]+)\s+"
    r"(?P<r>(?:[A-Z][a-z]+\s+){0,2}(?:Clerk|Officer|Manager|Director|Secretary|Treasurer|Administrator|Engineer|Planner|"
    r"Adviser|Advisor|Accountant|Auditor)\b.*)$")
HYPHEN_POST = re.compile(
    r"^(?P<n>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)+?)\s*-\s*(?P<r>(?:(?:vice|deputy|assistant|acting)\s+)?(?:[A-Z][a-z]+\s+){0,3}"
    r"(?:president|chair(?:man|person|woman)?|commissioner|secretary|treasurer|clerk|manager|director|officer|"
    r"member|councillor|trustee|supervisor|solicitor|attorney|engineer|planner|chief|specialist|professional)\b.*)$", re.I)
# "Chairperson Councillor G. Stewart", "Board Chairman Wobbe" (the body's word before the post)
_CHAIR_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:board|council|commission|committee|county|town|city|village)\s+)?"
                           r"(?:acting\s+)?chair(?:man|person|woman)?\s+(?=[A-Z])", re.I)


_OF_BODY = re.compile(
    rf"^(?!(?:Lord|Baron|Baroness|Lady|Viscount|Earl)\b)(?P<n>(?:(?:{TITLES})\s+)?[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){{1,3}})\s+of\s+(?:the\s+)?"
    r"(?P<r>[A-Z].*\b(?:Society|Association|Council|Trust|Club|Group|Company|Ltd|Limited|Partnership|Police|Service|Services|"
    r"Agency|Authority|Department|Office|Federation|Institute|Foundation|Charity|Network|Forum|Board|Committee))$")


#: a post of several words written before a full name, in a staff list without commas between
#: post and name ("Asst. GM Administration and Finance German Alvarez", "General Counsel Yuri Calderon")
_LONG_POST = re.compile(
    r"^(?P<r>(?:(?:[A-Z][\w.&/-]*|of|and|for|the|&)\s+){0,6}?(?-i:[A-Z][\w.]*\s+)?"
    r"(?:manager|gm|counsel|chief|officer|secretary|director|administrator|engineer|attorney|treasurer|superintendent"
    r"|planner|coordinator|co-ordinator|assistant|supervisor|clerk|auditor|accountant)\b(?:\s+(?:of|for)(?:\s+[A-Z][\w&-]*)+)?"
    r"(?:\s+(?:and\s+)?[A-Z][\w&-]*)*?\s+)(?=(?-i:[A-Z][a-z'\u2019-]+\s+[A-Z][a-z'\u2019-]+(?:-[A-Z][a-z]+)?$))", re.I)


_POST_WORD = re.compile(r"\b(?:officer|manager|director|assistant|secretary|counsel|chief|finance|nursing|governance"
                        r"|executive|member|lead|head|clerk|treasurer|engineer|planner|administrator)\b", re.I)


def _long_post(e: str) -> Optional[re.Match]:
    """``_LONG_POST``, unless the words before the name are a rank or title that stays with it
    ("Chief Inspector Vicky Skeels", "Chief Constable ...")."""
    m = _LONG_POST.match(e)
    if m and (" ".join(m.group("r").lower().replace(".", "").split()) in TITLE_PHRASES
              or _POST_WORD.search(e[m.end():]) or re.match(r"[A-Z][a-z]+\s+[A-Z][a-z'\u2019-]+\s+[A-Z]{2,3}[a-z]?\s", m.group("r"))):
        return None  # "Richard Chapman RCp Chief Finance Officer": a name, its initials, then the post
    return m


def leading_post(e: str, roles: list[str]) -> tuple[str, bool]:
    """(the entry without a post or chair word before the name, whether it names the chair);
    the post is added to ``roles``."""
    chair = False
    m = _CHAIR_PREFIX.match(e)
    if m:  # "Chairperson Councillor G. Stewart", "Chairman Councillor A Blackley (presided)"
        chair, e = True, e[m.end():]
    m = _STAFF_PREFIX.match(e)
    if m and len(e[m.end():].split()) == 1:  # "Manager Herbek": a surname needs its title to name the person
        roles.append(m.group("r"))
        return e, chair
    m = m or _ACRONYM_POST.match(e) or _long_post(e)
    if m:  # "Attorney Jane Staub", "CDO Ruth Taylor-Davies", "Chief of Information Technology Geoff Stevens"
        roles.append(m.group("r").strip())
        e = e[m.end():]
    return e, chair


def trailing_post(e: str, roles: list[str], chair: bool) -> tuple[str, bool]:
    """(the entry without the post written after the name, whether it names the chair)."""
    # "Maurice Moore - Chairman", "Philip Aldis - Community Safety Officer"
    m = re.match(r"^(?P<n>.+?)\s+[-\u2013\u2014]\s+(?P<r>.+)$", e)
    if m:
        e, r = m.group("n"), m.group("r").strip()
        if CHAIR_ROLE.match(r) and not r.lower().startswith("vice"):
            chair = True
        roles.append(r)
    # "Paul Mullin-President", "Joshua Young- Commissioner": a post after a hyphen (not a double-barrelled name)
    m = HYPHEN_POST.match(e)
    if m:
        e = m.group("n")
        roles.append(m.group("r"))
        chair = chair or bool(CHAIR_ROLE.match(m.group("r")) and not m.group("r").lower().startswith("vice"))
    # "Dr Avi Bhatia AB Clinical Chair": the name, its initials, the post
    m = re.match(r"^(?P<n>.+?)\s+(?P<i>[A-Z]{2,3}[a-z]?)\s+(?P<r>[A-Z][a-z].*)$", e)
    if m and is_initials(m.group("i"), m.group("n")) and len(m.group("n").split()) >= 2:
        e = m.group("n")
        roles.append(m.group("r"))
        chair = chair or bool(CHAIR_ROLE.match(m.group("r")) and not m.group("r").lower().startswith("vice"))
    # "Nick Oakhill CHAIR", "Cathy Fleet CLERK"
    m = re.match(r"^(?P<n>.+?)\s+(?P<r>(?:ACTING\s+)?(?:CHAIR(?:MAN)?|CLERK|RFO|VICE[\s-]CHAIR(?:MAN)?))$", e)
    if m:
        e, r = m.group("n"), m.group("r")
        if re.match(r"^(?:acting\s+)?chair", r, re.I):
            chair = True
        roles.append(r.title() if r.isupper() else r)
    m = _OF_BODY.match(e)
    if m:  # "Mr David Pearce of the Hexham Beekeepers' Society": the body the person comes from
        e = m.group("n")
        roles.append(m.group("r"))
    m = _ROLE_AFTER_INITIALS.match(e)
    if m:  # "Mr W Grosvenor Clerk and Executive Officer": a title, initials and surname, then the post
        e = m.group("n")
        roles.append(m.group("r"))
    return e, chair
