"""The link stage: follow plans and milestones across packs, and spot papers published twice.

Runs after every ingest batch (``link_all``) and brings the derived
``link_*`` tables and ``paper_duplicates`` up to date, so the result depends
only on what is stored, never on the order files were ingested in. Plans are
linked independently of each other, so a batch re-links only the plans its
documents reach (:mod:`boardpack.store.linking_scope`), with the rows a full
rebuild writes; so are the duplicates (the papers a change can reach) and the
people registry (the groups of similar surnames the changed documents' names
reach, :mod:`boardpack.store.people_scope`).

The matching itself (which title is which plan, which row continues which
milestone) is :mod:`boardpack.store.milestones`; this module reads the rows,
writes the tables and decides what to re-link.

* **Plan identity**: titles are normalised (case, dashes, punctuation, period
  words such as "Q2 update" removed); two titles are one plan when their
  normalised forms match, or are near-identical (rapidfuzz) *and* name the
  same years, so "Rolling Plan 2009-2012" never merges with "2012-2015".
* **Milestone identity**: within a plan, periods are walked in time order; an
  observed (ref, text) joins the milestone with the same ref when the texts
  agree, else the milestone whose text agrees above
  ``settings.link.action_link_threshold`` (a renumbered action), else starts a new
  one. A same-ref, different-text pair is kept apart and the link is recorded
  as ``ref-text-mismatch`` so nobody's action is merged silently.
* **Same paper, several files**: :mod:`boardpack.store.duplicates`.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from boardpack.core.identity import plan_key
from boardpack.core.names import rebuild_people
from boardpack.core.settings import DEFAULT, Settings
from boardpack.store import linking_scope, people_scope, person_ids
# the duplicate check lives in duplicates.py; its names stay importable from here
from boardpack.store.duplicates import NUMBER, find_duplicate_papers, jaccard, paper_occasions, same_occasion, shingles
from boardpack.store.milestones import assign_plans, link_milestones, text_similarity
from boardpack.store.linking_runs import SCOPE, clear_runs, has_run_tables, set_scope, write_runs
from boardpack.store.sqlrows import has_object

# Every threshold of this stage is in ``settings.link``
# (:class:`boardpack.core.settings.LinkSettings`).

_NUMBER = NUMBER
__all__ = ["find_duplicate_papers", "jaccard", "link_all", "link_milestones", "link_plans_and_milestones",
           "paper_occasions", "same_occasion", "shingles", "text_similarity", "plan_key"]


def _conn(db) -> sqlite3.Connection:
    return getattr(db, "conn", db)


def _pages_first(sources: list[dict]) -> list[dict]:
    """Sources whose URL opens at the page (a PDF's #page=N) before the Word
    copies of the same update, otherwise in the order found: views and audits
    name the first, and it should open where the update is."""
    return sorted(sources, key=lambda s: "#page=" not in (s.get("url") or ""))


_UPDATE_COLUMNS = ("plan_title, action_ref, ref, description, lead_agency, period, period_start, progress, status, "
                   "stats_awaited, funding_allocated, source_file, page, source_path, source_url")
_LINK_TABLES = ("link_milestone_links", "link_updates", "link_plan_periods", "link_milestones", "link_plan_titles",
                "link_plans")


def _store_titles(conn) -> list[str]:
    """Every plan title that has an update (as v_action_updates_all names them), read through indexes."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT COALESCE(p.title, '') FROM action_plans p WHERE EXISTS ("
        "SELECT 1 FROM plan_updates u JOIN plan_actions a ON a.action_id = u.action_id WHERE u.plan_id = p.plan_id)")]


def _plans_touched(conn, plan_of: dict, changed: dict[str, list[str]]) -> set[str]:
    """The plans a change reaches: those of the changed documents' titles, then
    and now, and those of every title whose plan assignment moved (a new title
    can become the key a fuzzy title joins)."""
    before = dict(conn.execute("SELECT plan_title, plan_key FROM link_plan_titles"))
    keys: set[str] = set()
    for titles in changed.values():
        for t in titles:
            keys |= {k for k in ((plan_of.get(t) or (None,))[0], before.get(t)) if k is not None}
    for t in before.keys() | plan_of.keys():
        now = (plan_of.get(t) or (None,))[0]
        if now != before.get(t):
            keys |= {k for k in (now, before.get(t)) if k is not None}
    return keys


def _clear_plans(conn, keys: set[str] | None, plan_of: dict) -> None:
    """Delete the linked rows of ``keys`` (every plan when None)."""
    if keys is None:
        for t in _LINK_TABLES:
            conn.execute(f"DELETE FROM {t}")
        return
    before = conn.execute(f"SELECT plan_title FROM link_plan_titles WHERE plan_key IN (SELECT plan_key FROM {SCOPE})")
    titles = {r[0] for r in before} | {t for t, (k, _, _) in plan_of.items() if k in keys}
    conn.execute("DELETE FROM link_plan_titles")  # written again whole: cheap, and a moved title is moved
    conn.executemany("DELETE FROM link_milestone_links WHERE plan_title = ?", [(t,) for t in titles])
    conn.execute(f"DELETE FROM link_updates WHERE milestone_id IN (SELECT milestone_id FROM link_milestones "
                 f"WHERE plan_key IN (SELECT plan_key FROM {SCOPE}))")
    for t in ("link_plan_periods", "link_milestones", "link_plans"):
        conn.execute(f"DELETE FROM {t} WHERE plan_key IN (SELECT plan_key FROM {SCOPE})")


def _update_rows(conn, view: str, keys: set[str] | None, plan_of: dict) -> list[dict]:
    """The updates of the plans ``keys`` (every update when None), in the view's order."""
    sql = f"SELECT {_UPDATE_COLUMNS} FROM {view}"
    params: list = []
    if keys is not None:
        titles = sorted(t for t, (k, _, _) in plan_of.items() if k in keys)
        if not titles:
            return []
        sql += f" WHERE COALESCE(plan_title, '') IN ({', '.join('?' * len(titles))})"
        params = titles
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.row_factory = None


def link_plans_and_milestones(db, settings: Settings = DEFAULT, changed: dict[str, list[str]] | None = None) -> dict:
    """Link plans and milestones: every plan, or (``changed``: the documents new,
    gone or moved since the last link, with their plan titles then and now,
    :func:`boardpack.store.linking_scope.changed_docs`) only the plans those
    documents reach; the other plans' rows are left as they are, which is what
    a full link would write for them. Returns counts of what was (re-)linked."""
    conn = _conn(db)
    # Every copy of every update (not the counted-once contract view), so an
    # update said in two files keeps both files among its sources.
    view = "v_action_updates_all" if has_object(conn, "v_action_updates_all") else "v_action_updates"
    if not has_object(conn, view):
        _clear_plans(conn, None, {})
        return {"plans": 0, "milestones": 0, "updates": 0}
    plan_of = assign_plans(_store_titles(conn), settings.link.plan_title_threshold)
    keys = None if changed is None else _plans_touched(conn, plan_of, changed)
    runs = has_run_tables(conn)
    scope = set_scope(conn, keys)
    _clear_plans(conn, keys, plan_of)
    if runs:
        clear_runs(conn, scope)
    rows = _update_rows(conn, view, keys, plan_of)
    plans, _, milestones, links = link_milestones(rows, settings, plan_of)
    summary = _write_links(conn, plans, milestones, links)
    conn.executemany("INSERT INTO link_plan_titles VALUES (?,?,?,?)",
                     [(t, k, method, score) for t, (k, method, score) in plan_of.items()])
    if runs:
        write_runs(conn, scope)
    return summary


def _write_links(conn, plans: dict, milestones: list, links: list) -> dict:
    plan_periods: dict[str, dict[str, str]] = defaultdict(dict)
    for m in milestones:
        for u in m.updates.values():
            plan_periods[m.plan_key][u["period"]] = u["period_start"] or ""
    for k, title in plans.items():
        starts = sorted(v for v in plan_periods[k].values() if v)
        conn.execute("INSERT INTO link_plans VALUES (?,?,?,?)",
                     (k, title, starts[0] if starts else None, starts[-1] if starts else None))
        ordered = sorted(plan_periods[k].items(), key=lambda kv: (kv[1], kv[0]))
        conn.executemany("INSERT INTO link_plan_periods VALUES (?,?,?,?)",
                         [(k, p, s or None, i) for i, (p, s) in enumerate(ordered)])
    conn.executemany("INSERT INTO link_milestones VALUES (?,?,?,?,?,?)",
                     [(m.milestone_id, m.plan_key, m.ref, m.action_ref, m.description, m.lead_agency)
                      for m in milestones])
    conn.executemany(
        "INSERT OR REPLACE INTO link_milestone_links VALUES (?,?,?,?,?,?,?,?)",
        [(l["plan_title"], l["period"], l["ref"], l["description"], l["milestone_id"], l["method"],
          l["score"], l["candidate_id"]) for l in links])
    updates = [(m.milestone_id, u["period"], u["period_start"], u["status"], u["stats_awaited"], u["progress"],
                u["funding_allocated"], json.dumps(_pages_first(u["sources"])))
               for m in milestones for u in m.updates.values()]
    conn.executemany("INSERT INTO link_updates VALUES (?,?,?,?,?,?,?,?)", updates)
    return {"plans": len(plans), "milestones": len(milestones), "updates": len(updates)}


def link_all(db, settings: Settings = DEFAULT, full: bool = False) -> dict:
    """Bring every derived cross-document table up to date; safe to call any
    number of times. Plans and milestones are re-linked only where documents
    changed since the last link (``full``: every plan), with the result a full
    link gives. Every threshold comes from ``settings.link``."""
    conn = _conn(db)
    own_tx = not conn.in_transaction
    if own_tx:
        # IMMEDIATE: linking reads before it writes, and a deferred transaction
        # whose snapshot another ingest has since committed past cannot be
        # upgraded to a writer (SQLite answers "locked" at once, busy timeout
        # or not); taking the write lock first waits for that ingest instead.
        conn.execute("BEGIN IMMEDIATE")
    try:
        changed = None if full else linking_scope.changed_docs(conn, settings)
        dups = find_duplicate_papers(conn, settings, changed)
        # (a full link calls it as it always was called: callers that wrap it, such as tests, see no change)
        summary = (link_plans_and_milestones(conn, settings) if changed is None
                   else link_plans_and_milestones(conn, settings, changed))
        summary["duplicate_papers"] = dups
        people = _rebuild_people(conn, settings, changed)
        if people is not None:
            summary["people"] = people
        linking_scope.record(conn, settings, changed)
        people_scope.record(conn, None if changed is None else list(changed))
        if own_tx:
            conn.execute("COMMIT")
    except Exception:
        if own_tx:
            conn.execute("ROLLBACK")
        raise
    return summary


def _rebuild_people(conn, settings: Settings = DEFAULT, changed: dict | None = None):
    """The people registry (:func:`boardpack.core.names.rebuild_people`) rebuilt
    from the mentions: whole, or (``changed``: the documents new, gone or moved
    since the last link) only the groups of similar surnames their names reach
    (:mod:`boardpack.store.people_scope`), with the rows a whole rebuild writes;
    ids it retires stay resolvable (``person_aliases``) and every name as
    written in attendance and actions is mapped to its person
    (:mod:`boardpack.store.person_ids`). Returns the number of people (re)built."""
    threshold = settings.link.person_merge_threshold
    surnames = None
    if changed is not None and has_object(conn, "person_clusters"):
        surnames = people_scope.surnames_to_rebuild(conn, changed, threshold)
    before = person_ids.snapshot(conn)
    n = rebuild_people(conn, threshold, surnames)
    if has_object(conn, "person_merges"):
        if surnames is not None:
            person_ids.forget_merges(conn, before)
        person_ids.merge_by_context(conn, scoped=surnames is not None)
    if has_object(conn, "person_aliases"):
        person_ids.record_aliases(conn, before)
        person_ids.rebuild_person_names(conn, None if surnames is None else before)
    return n
