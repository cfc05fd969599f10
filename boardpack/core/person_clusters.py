"""People across spellings: clustering canonical names into persons, and the registry.

The same person is spelt differently from year to year ("Nicky Philipson" /
"Nicky Phillipson", "Dave Sargent" / "David Sargent", "R C Love"): this module
groups canonical names (from names.py) into people with rapidfuzz, keeps
their ids stable as packs arrive (:func:`person_key`), and rebuilds the
``person_clusters`` table behind the ``v_people`` view. Apart from the name
parser because it works on many names at once, never on one written name.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from rapidfuzz import fuzz, process

from boardpack.core.identity import row_id
from boardpack.core.name_vocabulary import NICKNAMES
from boardpack.core.person_groups import alike_surnames, name_key, surname_cutoff, surname_key
from boardpack.core.settings import DEFAULT
from boardpack.core.textnorm import one_line


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
    na, nb = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    if na == nb:
        return True
    return fuzz.ratio(a, b) >= 80


def same_person(a: str, b: str, threshold: float = 88.0) -> bool:
    """Whether two canonical names are spellings of one person."""
    return same_keys(name_key(a), name_key(b), threshold)


def same_keys(ka: str, kb: str, threshold: float = 88.0) -> bool:
    """:func:`same_person` of two names' keys (:func:`name_key`), for callers that hold them."""
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    if len(ta) < 2 or len(tb) < 2:
        return False
    sa, sb = ta[-1], tb[-1]
    if fuzz.ratio(sa, sb) < surname_cutoff(threshold):
        return False
    if not _first_compatible(ta[0], tb[0]):
        return False
    # Initials-only on one side ("R C Love" / "Robert Love"): surname must be equal.
    if len(ta[0]) == 1 or len(tb[0]) == 1:
        return sa == sb
    fa = NICKNAMES.get(ta[0], ta[0])
    fb = NICKNAMES.get(tb[0], tb[0])
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
        # given name (short forms read as the full one) and the whole name spelt with it, as same_keys reads them
        self.given = {n: NICKNAMES.get(self.keys[n].split()[0], self.keys[n].split()[0]) for n in full}
        self.spelt = {n: " ".join([self.given[n]] + self.keys[n].split()[1:]) for n in full}
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
        for surs in buckets.values():
            for sur in surs:
                for other in alike_surnames(sur, surs, self.threshold):
                    if other >= sur:  # each pair of surnames once
                        self._join_pairs(self.names_by_surname[sur], self.names_by_surname[other])

    def _join_pairs(self, names_a: list[str], names_b: list[str]) -> None:
        """Join the spellings of two surnames' lists that are one person. Only
        pairs that can pass :func:`same_keys` are tried: the same given name (short
        forms read as the full one) and surname, or whole names alike by
        rapidfuzz's C search, so an archive where many people share a surname
        is not compared pair by pair in Python."""
        keys, threshold = self.keys, self.threshold
        spelt_b = [self.spelt[b] for b in names_b]
        by_given: dict[str, list[str]] = defaultdict(list)
        for b in names_b:
            by_given[self.given[b]].append(b)
        for a in names_a:
            near = process.extract(self.spelt[a], spelt_b, scorer=fuzz.ratio, score_cutoff=threshold - 1, limit=None)
            pairs = [names_b[i] for _, _, i in near]
            if self.surname[a] == self.surname[names_b[0]]:
                pairs += by_given.get(self.given[a], [])
            for b in pairs:
                if a != b and self.find(a) != self.find(b) and same_keys(keys[a], keys[b], threshold):
                    self.union(a, b)

    def join_initials(self) -> None:
        """An initials-only spelling joins the one full-name cluster it fits (it needs the very
        same surname, see same_person); initials-only spellings that agree join each other
        when no full name claimed them."""
        by_initials: dict[str, list[str]] = defaultdict(list)
        by_letter: dict[tuple[str, str], list[str]] = defaultdict(list)
        for sur, names in self.names_by_surname.items():
            for f in names:
                by_letter[sur, self.keys[f][0]].append(f)
        for n in self.initials:
            by_initials[self.keys[n]].append(n)
        for n in self.initials:
            # same_person asks of an initial the first letter of the given name, and the very surname
            cands = by_letter.get((self.surname[n], self.keys[n][0]), [])
            roots = {self.find(f) for f in cands if same_keys(self.keys[n], self.keys[f], self.threshold)}
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
            keys.append(f"{NICKNAMES.get(t[0], t[0])[0]} {t[-1]}")
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
            keys.append(f"{NICKNAMES.get(t[0], t[0])} {t[-1]}")
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


def by_count(counts: Counter) -> list[str]:
    """Most frequent first, ties in alphabetical order: not in the order the
    store returns rows, which depends on the order packs were stored in."""
    return sorted(counts, key=lambda x: (-counts[x], x))


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
                roles=by_count(roles[i]),
                organisations=by_count(orgs[i]),
                n_mentions=counts[i],
            )
        )
    return out


def rebuild_people(conn: sqlite3.Connection, threshold: Optional[float] = None,
                   surnames: Optional[set[str]] = None) -> int:
    """Recompute the person registry (table ``person_clusters``) from every row of
    ``people_mentions``, or (``surnames``: whole groups, see
    :func:`boardpack.core.person_groups.surnames_reached`) the rows of the
    spellings with those surnames only, which is what a rebuild of everything
    writes for them. ``v_people`` reads it. Call after each ingest batch.
    Returns the number of people (re)built. Safe to call on a database without mentions."""
    if threshold is None:
        threshold = DEFAULT.person_merge_threshold
    in_tx = conn.in_transaction  # the link stage calls us inside its own transaction
    try:
        rows = _mention_rows(conn, surnames)
    except sqlite3.OperationalError:  # table absent: migration not applied
        return 0
    clusters = build_person_clusters(rows, threshold)
    if surnames is None:
        conn.execute("DELETE FROM person_clusters")
    else:
        conn.execute(f"DELETE FROM person_clusters WHERE canonical IN (SELECT canonical FROM {PEOPLE_SCOPE})")
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


#: temporary table of the spellings a link rebuilds (every spelling, stored or in
#: the registry, whose surname is in the groups reached), filled by :func:`set_people_scope`
PEOPLE_SCOPE = "temp.people_scope"


def set_people_scope(conn: sqlite3.Connection, surnames: set[str]) -> int:
    """Fill :data:`PEOPLE_SCOPE` with the spellings of ``surnames``, those
    mentioned now and those in the registry as it stands; return how many."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {PEOPLE_SCOPE} (canonical TEXT PRIMARY KEY)")
    conn.execute(f"DELETE FROM {PEOPLE_SCOPE}")
    names = {c for (c,) in conn.execute("SELECT DISTINCT canonical FROM people_mentions WHERE canonical <> ''")}
    names |= {c for (c,) in conn.execute("SELECT canonical FROM person_clusters")}
    scope = [(c,) for c in names if surname_key(c) in surnames]
    conn.executemany(f"INSERT INTO {PEOPLE_SCOPE} VALUES (?)", scope)
    return len(scope)


def _mention_rows(conn: sqlite3.Connection, surnames: Optional[set[str]]) -> list[dict]:
    sql = "SELECT canonical, role, organisation FROM people_mentions WHERE canonical IS NOT NULL AND canonical <> ''"
    if surnames is not None:
        set_people_scope(conn, surnames)
        sql += f" AND canonical IN (SELECT canonical FROM {PEOPLE_SCOPE})"
    return [{"canonical": c, "role": r, "organisation": o} for c, r, o in conn.execute(sql)]
