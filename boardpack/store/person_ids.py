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

from boardpack.core.names import canonical_name


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


def rebuild_person_names(conn: sqlite3.Connection) -> int:
    """Fill ``person_names``: each attendance name, owners list and report lead as written ->
    its person's id (an owners list: the ids of the owners that are known
    people, '; '-separated in their order). Return the names resolved."""
    ids = snapshot(conn)
    conn.execute("DELETE FROM person_names")
    rows = []
    for name in sorted(_names_as_written(conn)):
        parts = [p.strip() for p in name.split(";") if p.strip()]
        pids = [ids.get(canonical_name(p)) or ids.get(p) for p in parts]
        found = list(dict.fromkeys(p for p in pids if p))
        rows.append((name, "; ".join(found) or None))
    conn.executemany("INSERT INTO person_names (name, person_id) VALUES (?, ?)", rows)
    return sum(1 for _, pid in rows if pid)
