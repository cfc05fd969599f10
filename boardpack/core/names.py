"""Canonical person names, and person clusters across spellings.

Packs name people with titles, police and fire ranks, council roles and
honours ("Ch Insp. Dave Sargent", "CI Dave Sargent", "Cllr John Reynolds",
"County Councillor Mrs J Smith", "Mr R C Love, OBE", "Sir John Roe",
"John Reynolds (Chairman)") and spell the same person differently from year
to year ("Nicky Philipson" / "Nicky Phillipson"). This module:

- :func:`parse_person` / :func:`canonical_name` strip titles, ranks, honours
  and bracketed roles, keeping them apart (``titles``, ``honours``, ``role``);
- :func:`split_people` splits "Paul Clarke and Mark Freeman" into two names;
- :func:`looks_like_person` is the cheap test extractors use before keeping a
  candidate;
- :func:`cluster_names` groups spellings of one person (rapidfuzz, with the
  surname required to agree, so "Mark Peck" and "Mark Peak" stay apart);
- :func:`build_person_clusters` and :func:`rebuild_people` turn every stored
  mention into the person registry behind the ``v_people`` view.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from rapidfuzz import fuzz, process

from boardpack.core.identity import row_id
from boardpack.core.settings import DEFAULT
from boardpack.core.textnorm import one_line
from boardpack.core.vocabulary import MONTH_FULL_NAMES, WEEKDAY_NAMES

# -- vocabularies -----------------------------------------------------------

# Multi-word titles first (longest match wins). Compared case-insensitively,
# with an optional full stop after each word ("Ch. Insp.", "Cllr.").
TITLE_PHRASES = [
    # council roles used as titles
    "county councillor", "district councillor", "parish councillor", "city councillor",
    "borough councillor", "town councillor", "county cllr", "district cllr", "cty cllr", "dist cllr",
    "councillor", "cllr", "clr",
    # police ranks
    "chief constable", "deputy chief constable", "assistant chief constable",
    "chief superintendent", "ch supt", "ch superintendent", "det supt", "detective superintendent",
    "superintendent", "supt", "chief inspector", "ch insp", "chief insp", "det insp",
    "detective chief inspector", "detective inspector", "detective sergeant", "detective constable",
    "inspector", "insp", "sergeant", "sgt", "police constable", "constable", "pcso", "dci", "dsupt",
    "dcs", "ci", "di", "ds", "dc", "pc", "acc", "dcc", "ps",
    # fire ranks
    "group commander", "station commander", "watch commander", "crew commander", "area manager",
    "group manager", "station manager", "watch manager", "crew manager", "station officer",
    "chief fire officer", "deputy chief fire officer", "cfo", "gm", "sm", "wm",
    # honorifics
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "rev", "revd", "reverend",
    "the rev", "the revd", "canon", "sir", "dame", "lord", "lady", "baroness", "baron", "hon",
    "the hon", "rt hon", "the rt hon", "right honourable", "the right honourable", "his honour",
    "honorable", "honourable", "the honorable", "the honourable", "mme", "mlle", "madame", "monsieur",
    "judge", "major", "captain", "capt", "col", "colonel", "lt col", "brigadier", "commander",
    # US and Canadian elected-office titles written before a name ("Trustee Elton",
    # "Supervisor Liccar", "Commissioner Robert Sherrard", "Councilmember Diaz")
    "trustee", "supervisor", "commissioner", "councilmember", "council member", "councilwoman",
    "councilman", "councilor", "alderman", "alderwoman", "alderperson", "alder", "selectman",
    "selectwoman", "selectperson", "selectboard member", "board member", "director", "mayor",
    "vice mayor", "deputy mayor", "chairman", "chairwoman", "chairperson", "vice chair",
    "vice chairman", "chair", "president", "vice president", "delegate", "freeholder", "legislator",
]
# Office titles that are also ordinary role words ("Director of Finance",
# "Chair of the Board"): a title only when a capitalised name follows.
_OFFICE_TITLES = frozenset({
    "trustee", "supervisor", "commissioner", "councilmember", "council member", "councilwoman",
    "councilman", "councilor", "alderman", "alderwoman", "alderperson", "alder", "selectman",
    "selectwoman", "selectperson", "selectboard member", "board member", "director", "mayor",
    "vice mayor", "deputy mayor", "chairman", "chairwoman", "chairperson", "vice chair",
    "vice chairman", "chair", "president", "vice president", "delegate", "freeholder", "legislator",
})
_TITLE_WORDS = sorted({tuple(p.split()) for p in TITLE_PHRASES}, key=len, reverse=True)
_ONE_WORD_TITLES = frozenset(t[0] for t in _TITLE_WORDS if len(t) == 1)

# Honours and post-nominals written after a name.
HONOURS = frozenset(
    {
        "obe", "mbe", "cbe", "kbe", "dbe", "gbe", "bem", "qpm", "kpm", "qfsm", "kfsm", "jp", "dl", "mp",
        "mep", "qc", "kc", "cvo", "lvo", "mvo", "frics", "frsa", "fca", "aca", "cpfa", "mba", "msc", "ba",
        "bsc", "phd", "ma", "llb", "rgn", "rmn", "ceng", "dl.", "hon", "fcipd", "frs", "rd", "td",
    }
)

# Role words that appear in brackets or after a dash: "(Chairman)", "- Vice Chair".
_ROLE_WORDS = re.compile(
    r"\b(chair(?:man|woman|person)?|vice[- ]chair(?:man|woman)?|deputy|leader|member|officer|manager|"
    r"director|head|lead|co-?ordinator|clerk|secretary|treasurer|mayor|portfolio|cabinet|inspector|"
    r"commander|advisor|adviser|analyst|representative|rep|substitute|observer|minute[- ]taker|"
    r"chief executive|executive|consultant|specialist|worker|team|partnership|service|council|"
    r"police|probation|nhs|trust)\b",
    re.I,
)

# Words that never occur in a person's name (orgs, places, document words).
NOT_NAME_WORDS = frozenset(
    w.lower()
    for w in """
    Council Councils District County City Borough Parish Town Partnership Partnerships Service Services
    Team Teams Group Groups Board Committee Unit Office Officer Officers Police Constabulary Probation
    Fire Rescue Authority Trust NHS Health Housing Community Communities Safety Crime Disorder
    Reduction Youth Offending Agency Association Department Directorate Centre Center Hall Room Road
    Street Lane House Court School College University Library Limited Ltd Plc Company Project
    Scheme Programme Program Strategy Plan Plans Action Actions Report Reports Minutes Agenda Item
    Items Meeting Quarter Update Progress Budget Funding Total Source Measurement Lead Leads Partners
    Other Task Finish Panel Forum Network Alliance Commissioner Commission Government Home Ministry
    Justice Court Courts Prison Prisons Cambridgeshire Cambridge Kent Huntingdonshire Fenland South
    East West North Hall Ground Floor Swansley Appendix Annex Page Chair Chairman Vice Apologies Present Attendance Notes Note Yes No None Nil
    Environmental Environment Licensing Planning Trading Standards Victim Victims Support Care Social
    Adult Adults Children Young People Education Public Private Voluntary Sector Local National Regional
    Strategic Operational Multi Agency Agencies Domestic Abuse Violence Drug Drugs Alcohol Action
    Team Cabinet Member Members Executive Chief Director Head Manager Corporate Finance Financial
    Resources Affairs Regeneration Economic Development Integrated Care System Partnership Grant
    Highways Transport Waste Parks Leisure Customer Democratic Legal Audit Risk Risks Annual General
    Priority Priorities Area Areas Aim Aims Objective Objectives Target Targets Indicator Indicators
    Performance Key Achievements Concerns Recommendations Publicity Quarterly Monthly Weekly Daily
    The And Of For To In On At By With From Our Their This That These Those All Any Some Each
    Training Event Events Awareness Prevention Protection Neighbourhood Watch Victim Witness
    Magistrates Crown Prosecution Ambulance Hospital Hospitals Clinical Commissioning Surgery
    Borough Village Villages Pooled Fund Allocation Allocations Original Revised Balance Available
    Seconded Proposed Moved Said Asked Replied Thanked Welcomed Noted Agreed Resolved Reported Explained
    Confirmed Stated Introduced Presented Responded Commented Advised Informed Suggested Queried Added
    Declared Opened Closed Raised Spoke Joined Left Gave Updated Highlighted Summarised Undertook Requested
    """.split()
) | frozenset(MONTH_FULL_NAMES) | frozenset(WEEKDAY_NAMES)

# Common first-name forms for matching "Dave Sargent" with "David Sargent".
_NICKNAMES = {
    "dave": "david", "davey": "david", "mike": "michael", "mick": "michael", "mickey": "michael",
    "chris": "christopher", "jim": "james", "jimmy": "james", "jamie": "james", "bob": "robert",
    "rob": "robert", "robbie": "robert", "bobby": "robert", "nick": "nicholas", "nicky": "nicola",
    "nikki": "nicola", "steve": "stephen", "steven": "stephen", "tony": "anthony", "andy": "andrew",
    "drew": "andrew", "sue": "susan", "susie": "susan", "liz": "elizabeth", "beth": "elizabeth",
    "lizzie": "elizabeth", "pete": "peter", "tom": "thomas", "tommy": "thomas", "phil": "philip",
    "phillip": "philip", "jenny": "jennifer", "jen": "jennifer", "kate": "katherine", "katie": "katherine",
    "cathy": "catherine", "kath": "katherine", "matt": "matthew", "ben": "benjamin", "sam": "samuel",
    "will": "william", "bill": "william", "billy": "william", "alex": "alexander", "dan": "daniel",
    "danny": "daniel", "jo": "joanne", "jon": "jonathan", "johnny": "john", "jack": "john",
    "ted": "edward", "ed": "edward", "eddie": "edward", "fred": "frederick", "harry": "henry",
    "jeff": "jeffrey", "geoff": "geoffrey", "greg": "gregory", "ken": "kenneth", "len": "leonard",
    "les": "leslie", "nat": "nathan", "pat": "patricia", "ray": "raymond", "rick": "richard",
    "rich": "richard", "dick": "richard", "ron": "ronald", "sandy": "sandra", "tim": "timothy",
    "val": "valerie", "vicky": "victoria", "vicki": "victoria", "di": "diana", "debbie": "deborah",
    "deb": "deborah", "gill": "gillian", "jill": "gillian", "mandy": "amanda", "maggie": "margaret",
    "meg": "margaret", "peggy": "margaret", "penny": "penelope", "becky": "rebecca", "bex": "rebecca",
    "charlie": "charles", "chas": "charles", "stu": "stuart", "al": "alan", "bert": "albert",
    "tori": "victoria", "lou": "louise", "nicki": "nicola",
}

_PAREN = re.compile(r"\(([^()]*)\)")
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019.\-]*")


@dataclass
class PersonName:
    raw: str
    canonical: str
    titles: list[str] = field(default_factory=list)  # "Cllr", "Ch Insp", "Mr"
    honours: list[str] = field(default_factory=list)  # "OBE"
    role: Optional[str] = None  # from "(Chairman)" or ", Chairman"
    given: str = ""
    family: str = ""

    @property
    def title(self) -> Optional[str]:
        return " ".join(self.titles) or None


def _strip_title_prefix(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Remove leading title/rank tokens; return (titles found, remaining tokens)."""
    titles: list[str] = []
    changed = True
    while changed and tokens:
        changed = False
        low = [t.lower().rstrip(".") for t in tokens]
        for phrase in _TITLE_WORDS:
            n = len(phrase)
            # keep at least one token that could be a name
            if len(tokens) > n and tuple(low[:n]) == phrase:
                # "Di" and "Pat" are first names too: a 2-letter upper-case
                # rank only counts when written in capitals ("DI", "CI", "PC").
                if n == 1 and phrase[0] in {"ci", "di", "ds", "dc", "pc", "ps", "gm", "sm", "wm", "acc", "dcc", "cfo", "dci", "dcs"}:
                    if not tokens[0].rstrip(".").isupper():
                        continue
                    # "DI Jane" fine; but "PC" before a lone initial could be initials
                if " ".join(phrase) in _OFFICE_TITLES and not tokens[n][:1].isupper():
                    continue
                titles.append(" ".join(t.rstrip(".") for t in tokens[:n]))
                tokens = tokens[n:]
                changed = True
                break
    return titles, tokens


def parse_person(raw: str) -> PersonName:
    """Split a written name into titles, the canonical name, honours and role.

    >>> parse_person("Ch Insp. Dave Sargent").canonical
    'Dave Sargent'
    >>> p = parse_person("Mr R C Love, OBE"); (p.canonical, p.honours)
    ('R C Love', ['OBE'])
    """
    s = one_line(raw or "")
    role = None
    # "(Chairman)" / "(Vice-Chair)" / "(SCDC)": keep as role text.
    roles = [m.group(1).strip() for m in _PAREN.finditer(s) if m.group(1).strip()]
    s = _PAREN.sub(" ", s)
    # "John Reynolds - Chairman", "Jenny Jolley – Lead Officer"
    m = re.match(r"^(.*?\S)\s+[-:]\s+(.+)$", s)
    if m and not _looks_like_honours(m.group(2)):
        roles.append(m.group(2).strip())
        s = m.group(1)
    honours: list[str] = []
    # ", OBE", " OBE JP", ", Chairman"
    parts = [p.strip() for p in s.split(",")]
    head = parts[0]
    for p in parts[1:]:
        if not p:
            continue
        words = p.replace(".", "").split()
        if words and all(w.lower() in HONOURS for w in words):
            honours.extend(w.upper() for w in words)
        else:
            roles.append(p)
    toks = head.split()
    while toks and toks[-1].replace(".", "").lower() in HONOURS and len(toks) > 2 and toks[-1].replace(".", "").isupper():
        honours.insert(0, toks.pop().replace(".", "").upper())
    titles, toks = _strip_title_prefix(toks)
    # "Cllr. Mrs" -> both titles; stray trailing punctuation
    toks = [t.strip(".,;:") if len(t.strip(".,;:")) > 1 else t.strip(",;:") for t in toks]
    toks = [t for t in toks if t and t not in {"-", "&"}]
    # Initials: "R.C." -> "R C"; "PJ Adams" -> "P J Adams" (capitals before a surname)
    out: list[str] = []
    for k, t in enumerate(toks):
        if k < len(toks) - 1 and len(toks) >= 2 and re.fullmatch(r"[A-Z]{2,3}", t) and not any(x.isupper() and len(x) > 3 for x in toks):
            out.extend(t)
        elif re.fullmatch(r"[A-Z](?:\.[A-Z])+\.?", t):
            out.extend(c for c in t if c.isalpha())
        else:
            out.append(t.rstrip(".") if re.fullmatch(r"[A-Z]\.", t) else t)
    canonical = " ".join(_fix_case(t) for t in out)
    if roles:
        role = "; ".join(roles)
    given, family = "", ""
    if out:
        family = out[-1]
        given = out[0] if len(out) > 1 else ""
    return PersonName(raw=raw, canonical=canonical, titles=titles, honours=honours, role=role, given=given, family=_fix_case(family))


def _looks_like_honours(s: str) -> bool:
    w = s.replace(".", "").replace(",", " ").split()
    return bool(w) and all(x.lower() in HONOURS for x in w)


def _fix_case(tok: str) -> str:
    """Title-case names written in capitals ("JOHN SMITH"), keep mixed case ("McDonald")."""
    if len(tok) > 2 and tok.isupper() and "." not in tok:
        return "-".join("'".join(p.capitalize() for p in part.split("'")) for part in tok.split("-"))
    return tok


def canonical_name(raw: str) -> str:
    """The name without titles, ranks, honours or roles: "Cllr John Reynolds (Chairman)" -> "John Reynolds"."""
    return parse_person(raw).canonical


def name_key(name: str) -> str:
    """Comparison key: lower case, letters and spaces only."""
    s = re.sub(r"[^a-z\u00e0-\u024f ]+", " ", (name or "").lower())
    return " ".join(s.split())


# -- finding names ------------------------------------------------------------

def looks_like_person(name: str, orgs: Iterable[str] = ()) -> bool:
    """A canonical name plausibly of a person: 2-4 capitalised tokens (initials
    allowed, at least one full word), none of them an organisation/document word."""
    toks = (name or "").split()
    if not 2 <= len(toks) <= 4:
        return False
    full = 0
    for t in toks:
        core = t.replace("-", "").replace("'", "").replace("\u2019", "")
        if not core.isalpha():
            return False
        if t.lower() in NOT_NAME_WORDS:
            return False
        if len(core) == 1:
            if not core.isupper():
                return False
            continue
        if not t[0].isupper():
            # particles in surnames: "de", "van", "von", "le"
            if t.lower() not in {"de", "van", "von", "le", "la", "da", "di", "du", "del", "der", "den", "st"}:
                return False
            continue
        if t.isupper() and len(core) <= 5:
            return False  # acronyms: "SCDC", "CFRS"
        full += 1
    if full == 0:
        return False
    if len(toks[-1].replace("-", "")) == 1:
        return False  # "John S" - a surname is never an initial
    low = {o.lower() for o in orgs}
    return name.lower() not in low


_SPLIT_AND = re.compile(r"\s*(?:\band\b|&|\+|;|/)\s*", re.I)


def split_people(text: str) -> list[str]:
    """Split a list of people into single names, keeping titles and honours with their name.

    "Paul Clarke and Mark Freeman" -> ["Paul Clarke", "Mark Freeman"];
    "Mr R C Love, OBE, Mrs J Smith" -> ["Mr R C Love, OBE", "Mrs J Smith"];
    "TK, IB & BF" -> ["TK", "IB", "BF"].
    """
    s = one_line(text or "").strip().rstrip(".")
    if not s:
        return []
    pieces: list[str] = []
    for chunk in _SPLIT_AND.split(s):
        chunk = chunk.strip()
        if not chunk:
            continue
        # commas separate people unless what follows is honours or a role
        parts = [p.strip() for p in _split_outside_parens(chunk)]
        cur = ""
        for p in parts:
            if not p:
                continue
            if cur and (_looks_like_honours(p) or _is_role_phrase(p)):
                cur = f"{cur}, {p}"
            else:
                if cur:
                    pieces.append(cur)
                cur = p
        if cur:
            pieces.append(cur)
    # "Mr and Mrs Smith": a bare title before "and" belongs to the next name's surname
    out = []
    for i, p in enumerate(pieces):
        if p.lower().rstrip(".") in _ONE_WORD_TITLES and i + 1 < len(pieces):
            nxt = parse_person(pieces[i + 1])
            out.append(f"{p} {nxt.family}" if nxt.family else p)
        else:
            out.append(p)
    return out


def _split_outside_parens(s: str) -> list[str]:
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _is_role_phrase(p: str) -> bool:
    toks = p.split()
    return bool(toks) and len(toks) <= 6 and bool(_ROLE_WORDS.search(p)) and not looks_like_person(parse_person(p).canonical)


# -- clustering -----------------------------------------------------------------

def _first_compatible(a: str, b: str) -> bool:
    """Given names that may belong to one person: equal, an initial of the other,
    a known short form, or a near spelling."""
    if not a or not b:
        return True
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    na, nb = _NICKNAMES.get(a, a), _NICKNAMES.get(b, b)
    if na == nb:
        return True
    return fuzz.ratio(a, b) >= 80


def same_person(a: str, b: str, threshold: float = 88.0) -> bool:
    """Whether two canonical names are spellings of one person."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    if len(ta) < 2 or len(tb) < 2:
        return False
    sa, sb = ta[-1], tb[-1]
    if fuzz.ratio(sa, sb) < max(85.0, threshold - 3):
        return False
    if not _first_compatible(ta[0], tb[0]):
        return False
    # Initials-only on one side ("R C Love" / "Robert Love"): surname must be equal.
    if len(ta[0]) == 1 or len(tb[0]) == 1:
        return sa == sb
    fa = _NICKNAMES.get(ta[0], ta[0])
    fb = _NICKNAMES.get(tb[0], tb[0])
    if fa == fb and sa == sb:
        return True
    return fuzz.ratio(" ".join([fa] + ta[1:]), " ".join([fb] + tb[1:])) >= threshold


def cluster_names(names: Iterable[str], threshold: float = 88.0) -> list[list[str]]:
    """Group canonical names into people. Each cluster lists its distinct
    spellings, most frequent first.

    Full names are clustered first; a name written with initials only
    ("R C Love") joins a full-name cluster only when exactly one cluster fits,
    so "J Smith" is never glued to both "John Smith" and "Jane Smith".
    """
    c = _NameClusters(Counter(n for n in names if n and n.strip()), threshold)
    c.join_full_names()
    c.join_initials()
    return c.clusters()


class _NameClusters:
    """Union-find over the distinct spellings, the more frequent spelling as each cluster's root."""

    def __init__(self, counts: Counter, threshold: float) -> None:
        self.counts, self.threshold = counts, threshold
        self.distinct = sorted(counts, key=lambda n: (-counts[n], -len(n), n))
        self.rank = {n: i for i, n in enumerate(self.distinct)}
        self.keys = {n: name_key(n) for n in self.distinct}
        self.parent = {n: n for n in self.distinct}
        full = [n for n in self.distinct if self._is_full(n)]
        full_set = set(full)
        self.initials = [n for n in self.distinct if n not in full_set and self.keys[n]]
        self.surname = {n: self.keys[n].split()[-1] for n in self.distinct if self.keys[n]}
        self.names_by_surname: dict[str, list[str]] = defaultdict(list)
        for n in full:
            self.names_by_surname[self.surname[n]].append(n)

    def _is_full(self, n: str) -> bool:
        t = self.keys[n].split()
        return len(t) >= 2 and len(t[0]) > 1

    def find(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # keep the earlier (more frequent) as root
            if self.rank[ra] > self.rank[rb]:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def join_full_names(self) -> None:
        """Full names of similar surnames that are the same person.

        Candidate pairs come from similar surnames only (rapidfuzz's C search over
        each first-letter bucket), so this stays fast on a large registry."""
        buckets: dict[str, list[str]] = defaultdict(list)
        for sur in self.names_by_surname:
            buckets[sur[:1]].append(sur)
        cutoff = max(85.0, self.threshold - 3)
        for surs in buckets.values():
            for sur in surs:
                similar = process.extract(sur, surs, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
                for other, _, _ in similar:
                    if other >= sur:  # each pair of surnames once
                        self._join_pairs(self.names_by_surname[sur], self.names_by_surname[other])

    def _join_pairs(self, names_a: list[str], names_b: list[str]) -> None:
        for a in names_a:
            for b in names_b:
                if a != b and self.find(a) != self.find(b) and same_person(a, b, self.threshold):
                    self.union(a, b)

    def join_initials(self) -> None:
        """An initials-only spelling joins the one full-name cluster it fits (it needs the very
        same surname, see same_person); initials-only spellings that agree join each other
        when no full name claimed them."""
        by_initials: dict[str, list[str]] = defaultdict(list)
        for n in self.initials:
            by_initials[self.keys[n]].append(n)
        for n in self.initials:
            cands = self.names_by_surname.get(self.surname[n], [])
            roots = {self.find(f) for f in cands if same_person(n, f, self.threshold)}
            if len(roots) == 1:
                self.union(roots.pop(), n)
        for same in by_initials.values():
            free = [n for n in same if self.find(n) == n or self.find(n) in same]
            for m in free[1:]:
                self.union(free[0], m)

    def clusters(self) -> list[list[str]]:
        counts, keys = self.counts, self.keys
        groups: dict[str, list[str]] = defaultdict(list)
        for n in self.distinct:
            groups[self.find(n)].append(n)
        out = []
        for members in groups.values():
            members.sort(key=lambda n: (-counts[n], -len(keys[n].split()[0]) if keys[n] else 0, n))
            out.append(members)
        out.sort(key=lambda ms: ms[0])
        return out


@dataclass
class PersonCluster:
    person_id: str
    name: str
    variants: list[str]
    roles: list[str]
    organisations: list[str]
    n_mentions: int = 0


def person_key(variants: Iterable[str]) -> str:
    """The key a person's id is made from: first initial (of the given name,
    short forms read as the full one: Dave -> d, Bob -> r) and surname, of
    the spelling whose key sorts first. Not the most frequent spelling: that
    one changes as packs arrive, while a new mention of a known spelling, or a
    new spelling with the same initial and surname ("N Oakhill", "Nick
    Oakhill", "Nicholas Oakhill"), leaves this key as it was."""
    keys = []
    for v in variants:
        t = name_key(v).split()
        if len(t) >= 2:
            keys.append(f"{_NICKNAMES.get(t[0], t[0])[0]} {t[-1]}")
        elif t:
            keys.append(t[0])
    return min(keys, default="")


def _full_key(variants: Iterable[str]) -> Optional[str]:
    """Given name (short forms read as the full one) and surname of the
    spelling that sorts first among those with a whole given name."""
    keys = []
    for v in variants:
        t = name_key(v).split()
        if len(t) >= 2 and len(t[0]) > 1:
            keys.append(f"{_NICKNAMES.get(t[0], t[0])} {t[-1]}")
    return min(keys, default=None)


def person_id_for(key: str) -> str:
    """Stable id of a person: a hash of their key (:func:`person_key`)."""
    return row_id("person", name_key(key))


def _person_ids(clusters: list[list[str]]) -> list[str]:
    """One id per cluster from :func:`person_key`; people who share it ("John
    Smith", "Jane Smith") are told apart by their whole given name, and what
    still collides by their spellings, so no two people share an id."""
    keys = [person_key(c) for c in clusters]
    shared = {k for k, n in Counter(keys).items() if n > 1}
    keys = [(_full_key(c) or k) if k in shared else k for k, c in zip(keys, clusters)]
    shared = {k for k, n in Counter(keys).items() if n > 1}
    keys = [f"{k} {' '.join(sorted(c))}" if k in shared else k for k, c in zip(keys, clusters)]
    return [person_id_for(k) for k in keys]


def build_person_clusters(mentions: Iterable[Any], threshold: float = 88.0) -> list[PersonCluster]:
    """Person registry from mentions.

    ``mentions`` are dicts (or objects) with ``canonical`` and optionally
    ``role``, ``organisation`` and ``raw``; a plain string is a canonical name.
    The chosen name is the most frequent full spelling; ``variants`` are every
    distinct canonical spelling (and raw spelling with titles) seen.
    """
    rows: list[dict[str, Any]] = []
    for m in mentions:
        if isinstance(m, str):
            rows.append({"canonical": m})
        elif isinstance(m, dict):
            rows.append(m)
        else:
            rows.append({k: getattr(m, k, None) for k in ("canonical", "role", "organisation", "raw")})
    rows = [r for r in rows if (r.get("canonical") or "").strip()]
    clusters = cluster_names([r["canonical"] for r in rows], threshold)
    by_name: dict[str, int] = {}
    for i, c in enumerate(clusters):
        for n in c:
            by_name[n] = i
    roles: dict[int, Counter] = defaultdict(Counter)
    orgs: dict[int, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for r in rows:
        i = by_name[r["canonical"]]
        counts[i] += 1
        if r.get("role"):
            roles[i][one_line(r["role"])] += 1
        if r.get("organisation"):
            orgs[i][one_line(r["organisation"])] += 1
    out = []
    ids = _person_ids(clusters)
    for i, c in enumerate(clusters):
        name = c[0]
        out.append(
            PersonCluster(
                person_id=ids[i],
                name=name,
                variants=sorted(c),
                roles=[r for r, _ in roles[i].most_common()],
                organisations=[o for o, _ in orgs[i].most_common()],
                n_mentions=counts[i],
            )
        )
    return out


def rebuild_people(conn: sqlite3.Connection, threshold: Optional[float] = None) -> int:
    """Recompute the person registry (table ``person_clusters``) from every row of
    ``people_mentions``; ``v_people`` reads it. Call after each ingest batch.
    Returns the number of people. Safe to call on a database without mentions."""
    if threshold is None:
        threshold = DEFAULT.person_merge_threshold
    in_tx = conn.in_transaction  # the link stage calls us inside its own transaction
    try:
        cur = conn.execute("SELECT canonical, role, organisation FROM people_mentions WHERE canonical IS NOT NULL AND canonical <> ''")
    except sqlite3.OperationalError:  # table absent: migration not applied
        return 0
    rows = [{"canonical": c, "role": r, "organisation": o} for c, r, o in cur.fetchall()]
    clusters = build_person_clusters(rows, threshold)
    conn.execute("DELETE FROM person_clusters")
    conn.executemany(
        "INSERT INTO person_clusters (canonical, person_id, name, variants, roles, organisations, n_mentions) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (v, c.person_id, c.name, json.dumps(c.variants), json.dumps(c.roles), json.dumps(c.organisations), c.n_mentions)
            for c in clusters
            for v in c.variants
        ],
    )
    if not in_tx and conn.in_transaction:
        conn.commit()
    return len(clusters)


__all__ = [
    "PersonName",
    "PersonCluster",
    "parse_person",
    "canonical_name",
    "name_key",
    "looks_like_person",
    "split_people",
    "same_person",
    "cluster_names",
    "build_person_clusters",
    "rebuild_people",
    "person_id_for",
    "person_key",
    "HONOURS",
]
