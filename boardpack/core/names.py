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

The parser lives here; the vocabulary it applies is in name_vocabulary.py and
the clustering (cluster_names, same_person, the registry) in
person_clusters.py, whose names are re-exported here so that importers of
``boardpack.core.names`` did not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from boardpack.core.name_vocabulary import (
    HONOURS,
    NOT_NAME_WORDS,
    OFFICE_TITLES,
    ONE_WORD_TITLES,
    ROLE_WORDS,
    TITLE_PHRASES,
    TITLE_WORDS,
)
from boardpack.core.person_clusters import (
    PersonCluster,
    build_person_clusters,
    cluster_names,
    name_key,
    person_id_for,
    person_key,
    rebuild_people,
    same_person,
)
from boardpack.core.textnorm import one_line


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
        for phrase in TITLE_WORDS:
            n = len(phrase)
            # keep at least one token that could be a name
            if len(tokens) > n and tuple(low[:n]) == phrase:
                # "Di" and "Pat" are first names too: a 2-letter upper-case
                # rank only counts when written in capitals ("DI", "CI", "PC").
                if n == 1 and phrase[0] in {"ci", "di", "ds", "dc", "pc", "ps", "gm", "sm", "wm", "acc", "dcc", "cfo", "dci", "dcs"}:
                    if not tokens[0].rstrip(".").isupper():
                        continue
                    # "DI Jane" fine; but "PC" before a lone initial could be initials
                if " ".join(phrase) in OFFICE_TITLES and not tokens[n][:1].isupper():
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
        if p.lower().rstrip(".") in ONE_WORD_TITLES and i + 1 < len(pieces):
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
    return bool(toks) and len(toks) <= 6 and bool(ROLE_WORDS.search(p)) and not looks_like_person(parse_person(p).canonical)


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
    "NOT_NAME_WORDS",
    "TITLE_PHRASES",
]
