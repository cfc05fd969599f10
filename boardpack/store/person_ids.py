"""Person ids that stay resolvable, and the person behind every name as written.

The link stage rebuilds ``person_clusters`` from every mention
(:func:`boardpack.core.names.rebuild_people`); ids come from a key that new
packs rarely move (:func:`boardpack.core.names.person_key`). Where a merge
or a new spelling does move one, the id given out before stays resolvable:
``person_aliases`` maps every retired id to the person now holding most of
the spellings it stood for (the spellings are kept as the evidence), and is
carried from rebuild to rebuild. ``person_names`` maps each name as written
in ``attendance.person``, ``minute_actions.owners`` and
``progress_reports.lead_officer`` to its person, so ``v_attendance``,
``v_minute_actions`` and ``v_report_items`` carry ``person_id`` and "who
sent apologies most often" is one ``GROUP BY person_id``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from boardpack.core.names import canonical_name, name_key, person_id_for, person_key
from boardpack.core.person_clusters import PEOPLE_SCOPE


def snapshot(conn: sqlite3.Connection) -> dict[str, str]:
    """canonical spelling -> person_id as the registry stands (before a rebuild)."""
    try:
        return dict(conn.execute("SELECT canonical, person_id FROM person_clusters"))
    except sqlite3.OperationalError:  # table absent: migration not applied
        return {}


def record_aliases(conn: sqlite3.Connection, before: dict[str, str]) -> int:
    """Keep every id that ``before`` gave out and the rebuilt registry no longer
    has resolvable in ``person_aliases``; return how many aliases there are."""
    now = snapshot(conn)
    live = set(now.values())
    spellings: dict[str, set[str]] = defaultdict(set)
    for canonical, pid in before.items():
        if pid not in live:
            spellings[pid].add(canonical)
    for alias_id, variants in conn.execute("SELECT alias_id, variants FROM person_aliases"):
        spellings[alias_id].update(json.loads(variants))
    conn.execute("DELETE FROM person_aliases")
    rows = []
    for alias_id, names in sorted(spellings.items()):
        if alias_id in live:
            continue  # the id names a person again
        targets = Counter(now[n] for n in names if n in now)
        # most of its spellings, ties broken by id so a rebuild gives the same row
        target = min(targets, key=lambda t: (-targets[t], t)) if targets else None
        rows.append((alias_id, target, json.dumps(sorted(names), ensure_ascii=False)))
    conn.executemany("INSERT INTO person_aliases (alias_id, person_id, variants) VALUES (?, ?, ?)", rows)
    return len(rows)


def _names_as_written(conn: sqlite3.Connection) -> set[str]:
    names = {r[0] for r in conn.execute("SELECT DISTINCT person FROM attendance WHERE person IS NOT NULL")}
    names |= {r[0] for r in conn.execute("SELECT DISTINCT owners FROM minute_actions WHERE owners IS NOT NULL")}
    names |= {r[0] for r in conn.execute("SELECT DISTINCT lead_officer FROM progress_reports "
                                         "WHERE lead_officer IS NOT NULL")}
    return {n for n in names if n.strip()}


def rebuild_person_names(conn: sqlite3.Connection, before: dict[str, str] | None = None) -> int:
    """Fill ``person_names``: each attendance name, owners list and report lead as written ->
    its person's id (an owners list: the ids of the owners that are known
    people, '; '-separated in their order). Return the names (re)resolved.

    ``before`` (:func:`snapshot` of the registry before a link that rebuilt the
    groups of :data:`~boardpack.core.person_clusters.PEOPLE_SCOPE` only): only
    the names a rebuild can move are resolved again: new names, names with a
    person of those groups as they stood, and names some part of which no
    person holds (its spelling may have just joined the registry). Every other
    name keeps its person, whose id the link did not touch."""
    ids = snapshot(conn)
    names = _names_as_written(conn)
    if before is None:
        conn.execute("DELETE FROM person_names")
        todo = sorted(names)
    else:
        stored = dict(conn.execute("SELECT name, person_id FROM person_names"))
        moved = scope_ids(conn, before)
        todo = sorted(n for n in names if n not in stored or _may_move(n, stored[n], moved))
        conn.executemany("DELETE FROM person_names WHERE name = ?",
                         [(n,) for n in stored if n not in names] + [(n,) for n in todo if n in stored])
    rows = []
    for name in todo:
        parts = [p.strip() for p in name.split(";") if p.strip()]
        pids = [ids.get(canonical_name(p)) or ids.get(p) for p in parts]
        found = list(dict.fromkeys(p for p in pids if p))
        rows.append((name, "; ".join(found) or None))
    conn.executemany("INSERT INTO person_names (name, person_id) VALUES (?, ?)", rows)
    return sum(1 for _, pid in rows if pid)


def _may_move(name: str, stored: str | None, moved: set[str]) -> bool:
    """Whether a name's people can change when the people ``moved`` are rebuilt:
    it names one of them, or has a part no person held (fewer ids than parts)."""
    pids = stored.split("; ") if stored else []
    return len(pids) < len([p for p in name.split(";") if p.strip()]) or any(p in moved for p in pids)


def scope_ids(conn: sqlite3.Connection, before: dict[str, str]) -> set[str]:
    """The ids the spellings of :data:`~boardpack.core.person_clusters.PEOPLE_SCOPE` had in ``before``."""
    return {before[c] for (c,) in conn.execute(f"SELECT canonical FROM {PEOPLE_SCOPE}") if c in before}


# -- spellings merged where the context agrees --------------------------------

#: given names this alike (rapidfuzz ratio) are one person's spellings when the
#: surname is the same and the papers agree (same body, overlapping years):
#: "Katy" / "Katie" (67), "Kate" / "Katy" (75); below the 80 that
#: names.cluster_names asks of two names with no context.
CONTEXT_GIVEN_RATIO = 60.0


def _contexts(conn: sqlite3.Connection, scoped: bool) -> dict[str, tuple[set[str], set[int]]]:
    """person_id -> (bodies, years) of the meetings in the documents that name them."""
    out: dict[str, tuple[set[str], set[int]]] = defaultdict(lambda: (set(), set()))
    for pid, body, year in conn.execute(
            "SELECT DISTINCT pc.person_id, lower(m.committee), CAST(substr(m.meeting_date, 1, 4) AS INTEGER) "
            "FROM person_clusters pc JOIN people_mentions pm ON pm.canonical = pc.canonical "
            "JOIN meetings m ON m.doc_sha256 = pm.doc_sha256 WHERE m.committee IS NOT NULL"
            + (f" AND pc.canonical IN (SELECT canonical FROM {PEOPLE_SCOPE})" if scoped else "")):
        out[pid][0].add(body)
        if year:
            out[pid][1].add(year)
    return out


def _surname(name: str) -> str:
    t = name_key(name).split()
    return t[-1] if len(t) >= 2 else ""


def _givens(variants: list[str]) -> set[str]:
    """Whole given names among a person's spellings (not initials)."""
    out = set()
    for v in variants:
        t = name_key(v).split()
        if len(t) >= 2 and len(t[0]) > 1:
            out.add(t[0])
    return out


def _agree(a: tuple[set[str], set[int]], b: tuple[set[str], set[int]]) -> bool:
    """Same body, and years that overlap (or touch: a year apart)."""
    (ba, ya), (bb, yb) = a, b
    return bool(ba & bb) and bool(ya) and bool(yb) and min(ya) <= max(yb) + 1 and min(yb) <= max(ya) + 1


def _alike(givens: dict[str, set[str]], ctx, a: str, b: str) -> float:
    """How alike two people's given names are (0 when they may not be one person)."""
    if not _agree(ctx[a], ctx[b]):
        return 0.0
    best = 0.0
    for ga in givens[a]:
        for gb in givens[b]:
            if ga[0] == gb[0]:
                best = max(best, fuzz.ratio(ga, gb))
    return best if best >= CONTEXT_GIVEN_RATIO else 0.0


def _next_merge(people, ctx, ids: list[str]):
    """The first pair of the people ``ids`` (one surname's, by name) to merge, and the rule, or None.
    Only people whose given names share a first letter can merge, so each is
    compared with those, in the order of ``ids``, not with every namesake."""
    givens = {p: _givens(people[p][1]) for p in ids}
    full = [p for p in ids if givens[p]]
    at = {p: i for i, p in enumerate(full)}
    by_letter: dict[str, list[str]] = defaultdict(list)
    for p in full:
        for letter in {g[0] for g in givens[p]}:
            by_letter[letter].append(p)
    for i, a in enumerate(full):
        later = {b for letter in {g[0] for g in givens[a]} for b in by_letter[letter] if at[b] > i}
        for b in sorted(later, key=at.__getitem__):
            score = _alike(givens, ctx, a, b)
            if score:
                return a, b, f"given names alike ({score:.0f}), same surname, same body, overlapping years"
    for p in ids:
        if p in at:
            continue
        initials = {name_key(v).split()[0][0] for v in people[p][1] if name_key(v)}
        fits = sorted({f for letter in initials for f in by_letter.get(letter, [])}, key=at.__getitem__)
        if len(fits) == 1 and ctx[p][0] & ctx[fits[0]][0]:
            return fits[0], p, "initials fit one person only, same body"
    return None


def merge_by_context(conn: sqlite3.Connection, scoped: bool = False) -> list[dict]:
    """Merge people whose names differ only in a near spelling of the given
    name ("Katy Draper" / "Katie Draper") when the same body names both in
    overlapping years; then an initials-only spelling ("K Draper") that two
    people fitted joins the one person left, if the same body names it. Each
    merge is recorded in ``person_merges`` with its evidence; returns them.
    ``scoped``: only the people of the spellings in
    :data:`~boardpack.core.person_clusters.PEOPLE_SCOPE` (whole surname groups,
    just rebuilt), whose old merges :func:`forget_merges` removed."""
    people = {}
    sql = "SELECT DISTINCT person_id, name, variants FROM person_clusters"
    if scoped:
        sql += f" WHERE canonical IN (SELECT canonical FROM {PEOPLE_SCOPE})"
    for pid, name, variants in conn.execute(sql):
        people[pid] = (name, json.loads(variants))
    ctx = _contexts(conn, scoped)
    if not scoped:
        conn.execute("DELETE FROM person_merges")  # derived: made again by every link
    # people by surname, so each surname reads its own people, not every person
    by_surname: dict[str, set[str]] = defaultdict(set)
    for pid, (name, _) in people.items():
        by_surname[_surname(name)].add(pid)
    merges = []
    for surname in sorted(by_surname.keys() - {""}):
        ids = by_surname[surname]
        while (pair := _next_merge(people, ctx, sorted(ids, key=lambda p: (people[p][0], p)))) is not None:
            merges.append(_merge(conn, people, ctx, *pair))
            ids -= set(pair[:2])
            ids.add(merges[-1]["person_id"])  # named by one of the two: the same surname
    # a person merged twice (Katy + Katie, then K Draper): every row names the person now
    merged_ids = [m for rec in merges for m in rec["merged_ids"]]
    final = dict(conn.execute("SELECT merged_id, person_id FROM person_merges WHERE merged_id IN "
                              "(SELECT value FROM json_each(?))", [json.dumps(merged_ids)]))
    for merged, pid in final.items():
        while pid in final:
            pid = final[pid]
        conn.execute("UPDATE person_merges SET person_id = ? WHERE merged_id = ?", [pid, merged])
    return merges


def forget_merges(conn: sqlite3.Connection, before: dict[str, str]) -> None:
    """Delete the merges of the people of the spellings in
    :data:`~boardpack.core.person_clusters.PEOPLE_SCOPE` as the registry
    stood (``before``, :func:`snapshot`), before their groups are rebuilt."""
    ids = sorted(scope_ids(conn, before))
    conn.execute("DELETE FROM person_merges WHERE person_id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])


def _merge(conn, people, ctx, a: str, b: str, rule: str) -> dict:
    """Fold persons ``a`` and ``b`` into one (registry rows, context) and record
    it. The id is the one their spellings together give (person_key), unless
    another person holds it; then ``a``'s."""
    (aname, avars), (bname, bvars) = people.pop(a), people.pop(b)
    variants = sorted(set(avars) | set(bvars))
    keep = person_id_for(person_key(variants))
    if keep in people:
        keep = a
    n_a = conn.execute("SELECT COALESCE(MAX(n_mentions), 0) FROM person_clusters WHERE person_id = ?", [a]).fetchone()[0]
    n_b = conn.execute("SELECT COALESCE(MAX(n_mentions), 0) FROM person_clusters WHERE person_id = ?", [b]).fetchone()[0]
    name = aname if (n_a, -len(aname)) >= (n_b, -len(bname)) else bname  # as rebuild_people: most mentioned
    lists = {}
    for col in ("roles", "organisations"):
        seen: list[str] = []
        for pid in (a, b):
            for (raw,) in conn.execute(f"SELECT {col} FROM person_clusters WHERE person_id = ? LIMIT 1", [pid]):
                seen += [x for x in json.loads(raw or "[]") if x not in seen]
        lists[col] = json.dumps(seen, ensure_ascii=False)
    conn.execute("UPDATE person_clusters SET person_id = ?, name = ?, variants = ?, roles = ?, organisations = ?, "
                 "n_mentions = ? WHERE person_id IN (?, ?)",
                 [keep, name, json.dumps(variants, ensure_ascii=False), lists["roles"], lists["organisations"],
                  n_a + n_b, a, b])
    people[keep] = (name, variants)
    ctx[keep] = (ctx[a][0] | ctx[b][0], ctx[a][1] | ctx[b][1])
    evidence = {"rule": rule, "names": sorted({aname, bname}), "bodies": sorted(ctx[keep][0]),
                "years": sorted(ctx[keep][1])}
    for merged in {a, b} - {keep}:
        conn.execute("INSERT OR REPLACE INTO person_merges (person_id, merged_id, evidence) VALUES (?, ?, ?)",
                     [keep, merged, json.dumps(evidence, ensure_ascii=False)])
    return {"person_id": keep, "merged_ids": sorted({a, b} - {keep}), **evidence}
