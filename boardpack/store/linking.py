"""The link stage: follow plans and milestones across packs, and spot papers published twice.

Runs after every ingest batch (``link_all``) and brings the derived
``link_*`` tables and ``paper_duplicates`` up to date, so the result depends
only on what is stored, never on the order files were ingested in. Plans are
linked independently of each other, so a batch re-links only the plans its
documents reach (:mod:`boardpack.store.linking_scope`), with the rows a full
rebuild writes; duplicates and people are rebuilt whole.

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
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from boardpack.core.identity import plan_key, row_id
from boardpack.core.names import rebuild_people
from boardpack.core.settings import DEFAULT, Settings
from boardpack.store import linking_scope, person_ids
# the duplicate check lives in duplicates.py; its names stay importable from here
from boardpack.store.duplicates import NUMBER, find_duplicate_papers, jaccard, paper_occasions, same_occasion, shingles
from boardpack.store.linking_runs import SCOPE, clear_runs, has_run_tables, set_scope, write_runs
from boardpack.store.sqlrows import has_object
from boardpack.core.textnorm import one_line

# Every threshold of this stage is in ``settings.link``
# (:class:`boardpack.core.settings.LinkSettings`).

_YEARS = re.compile(r"(?:19|20)\d\d")
_NUMBER = NUMBER
__all__ = ["find_duplicate_papers", "jaccard", "link_all", "link_milestones", "link_plans_and_milestones",
           "paper_occasions", "same_occasion", "shingles", "text_similarity", "plan_key"]


def _conn(db) -> sqlite3.Connection:
    return getattr(db, "conn", db)


def _years(key: str) -> tuple[str, ...]:
    return tuple(sorted(set(_YEARS.findall(key))))


def text_similarity(a: str | None, b: str | None) -> float:
    """0-100 similarity of two action/milestone texts, word order ignored.

    token_sort_ratio, not token_set_ratio: the set ratio scores a text that
    merely contains another as 100 ("Meeting held every 2 months" against
    "Vehicle Crime Task Group meeting held every 2 months"), and such
    template-like milestones of different task groups abound in plans."""
    a, b = one_line(a or "").lower(), one_line(b or "").lower()
    if not a or not b:
        return 0.0
    return float(fuzz.token_sort_ratio(a, b))


# ---------------------------------------------------------------------------
# plans and milestones
# ---------------------------------------------------------------------------
@dataclass
class _Milestone:
    milestone_id: str
    plan_key: str
    ref: str
    action_ref: str | None
    description: str | None
    lead_agency: str | None
    updates: dict = field(default_factory=dict)  # period -> merged update


def _assign_plans(titles: list[str], threshold: float) -> dict[str, tuple[str, str, float]]:
    """Map every plan title to (plan_key, method, score); two titles naming the
    same years are one plan at a rapidfuzz ratio of ``threshold`` or more."""
    out: dict[str, tuple[str, str, float]] = {}
    keys: list[str] = []
    for title in sorted(set(titles), key=lambda t: (plan_key(t), t)):
        k = plan_key(title)
        if k in keys:
            out[title] = (k, "normalised" if title != k else "exact", 100.0)
            continue
        best, score = None, 0.0
        for other in keys:
            if _years(other) != _years(k):
                continue
            s = float(fuzz.ratio(k, other))
            if s > score:
                best, score = other, s
        if best is not None and score >= threshold:
            out[title] = (best, "fuzzy", score)
        else:
            keys.append(k)
            out[title] = (k, "exact" if title.lower() == k else "normalised", 100.0)
    return out


def _merge_update(m: _Milestone, row: dict) -> None:
    period = row["period"]
    src = {"file": row["source_file"], "page": row["page"],
           "path": row.get("source_path"), "url": row.get("source_url")}
    u = m.updates.get(period)
    if u is None:
        m.updates[period] = {
            "period": period,
            "period_start": row["period_start"],
            "status": row["status"],
            "stats_awaited": int(row["stats_awaited"] or 0),
            "progress": row["progress"],
            "funding_allocated": row["funding_allocated"],
            "sources": [src],
        }
        return
    # The same update said again (a .doc and its PDF, or a later pack repeating
    # an earlier quarter): one update, every file kept as a source. A reported
    # status beats "not reported"; stats stay awaited only if every copy says so.
    if src not in u["sources"]:
        u["sources"].append(src)
    if u["status"] in (None, "not reported") and row["status"] not in (None, "not reported"):
        u["status"] = row["status"]
    if not u["progress"] and row["progress"]:
        u["progress"] = row["progress"]
    if u["funding_allocated"] is None:
        u["funding_allocated"] = row["funding_allocated"]


def _by_plan(rows: list[dict], plan_of: dict) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """(plan_key -> its first title in row order, plan_key -> its rows)."""
    plans: dict[str, str] = {}
    by_plan: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        k = plan_of[r["plan_title"] or ""][0]
        plans.setdefault(k, r["plan_title"] or "")
        by_plan[k].append(r)
    return plans, by_plan


def link_milestones(rows: list[dict], settings: Settings = DEFAULT, plan_of: dict | None = None):
    """Link observed update rows (dicts with v_action_updates' columns) into milestones.

    Returns (plans, plan_of, milestones, links) where plans maps plan_key -> first title,
    milestones is a list of _Milestone and links a list of link-record dicts.
    ``plan_of`` (title -> (plan_key, method, score)): the plan of every title
    of the store, when ``rows`` are the updates of some plans only.
    """
    threshold = settings.link.action_link_threshold
    plan_of = plan_of or _assign_plans([r["plan_title"] or "" for r in rows], settings.link.plan_title_threshold)
    plans, by_plan = _by_plan(rows, plan_of)
    milestones: list[_Milestone] = []
    links: list[dict] = []
    used_ids: set[str] = set()
    for k, prows in by_plan.items():
        current: list[_Milestone] = []
        # Walk periods in time order so links always point back in time.
        periods = sorted({(r["period_start"] or "", r["period"] or "") for r in prows})
        for pstart, period in periods:
            observed = [r for r in prows if (r["period_start"] or "", r["period"] or "") == (pstart, period)]
            claimed: set[str] = set()
            for r in sorted(observed, key=lambda r: (r["ref"] or "", r["source_file"] or "", r["page"] or 0)):
                ref = r["ref"] or ""
                desc = r["description"]
                # an action log that prints no references: only the text identifies an action
                same_ref = [m for m in current if m.ref == ref] if ref else []
                method, score, target, candidate = "new", None, None, None
                if same_ref:
                    # the best-matching milestone under this ref (latest on ties)
                    s, m = max(((text_similarity(m.description, desc) if (m.description and desc) else 100.0, m)
                                for m in reversed(same_ref)), key=lambda t: t[0])
                    if s >= threshold:
                        method, score, target = "ref", s, m
                    else:
                        method, score, candidate = "ref-text-mismatch", s, m.milestone_id
                if target is None and desc:
                    best, best_s = None, 0.0
                    for m in current:
                        if (ref and m.ref == ref) or m.milestone_id in claimed or period in m.updates:
                            continue
                        s = text_similarity(m.description, desc)
                        if s > best_s:
                            best, best_s = m, s
                    if best is not None and best_s >= threshold:
                        method, score, target, candidate = "text", best_s, best, None
                if target is None:
                    # natural key: a same-ref, same-text sighting always links above,
                    # so (plan, ref, text, first period) is unique and stable
                    mid = row_id(k, ref, desc or "", pstart)
                    # the same words twice in one period (an action repeated under
                    # two workstreams of a log without refs) are two actions: the
                    # later sighting (in file and page order) gets a numbered key
                    n = 2
                    while mid in used_ids:
                        mid = row_id(k, ref, desc or "", pstart, str(n))
                        n += 1
                    used_ids.add(mid)
                    target = _Milestone(mid, k, ref, r.get("action_ref"), desc, r.get("lead_agency"))
                    current.append(target)
                    milestones.append(target)
                claimed.add(target.milestone_id)
                if period:
                    _merge_update(target, r)
                links.append({
                    "plan_title": r["plan_title"] or "",
                    "period": period,
                    "ref": ref,
                    "description": desc,
                    "milestone_id": target.milestone_id,
                    "method": method,
                    "score": score,
                    "candidate_id": candidate,
                })
    return plans, plan_of, milestones, links


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
    plan_of = _assign_plans(_store_titles(conn), settings.link.plan_title_threshold)
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
        conn.execute("BEGIN")
    try:
        changed = None if full else linking_scope.changed_docs(conn, settings)
        dups = find_duplicate_papers(conn, settings, changed)
        # (a full link calls it as it always was called: callers that wrap it, such as tests, see no change)
        summary = (link_plans_and_milestones(conn, settings) if changed is None
                   else link_plans_and_milestones(conn, settings, changed))
        summary["duplicate_papers"] = dups
        people = _rebuild_people(conn, settings)
        if people is not None:
            summary["people"] = people
        linking_scope.record(conn, settings, changed)
        if own_tx:
            conn.execute("COMMIT")
    except Exception:
        if own_tx:
            conn.execute("ROLLBACK")
        raise
    return summary


def _rebuild_people(conn, settings: Settings = DEFAULT):
    """The people registry (:func:`boardpack.core.names.rebuild_people`) rebuilt
    from the mentions; ids it retires stay resolvable (``person_aliases``) and
    every name as written in attendance and actions is mapped to its person
    (:mod:`boardpack.store.person_ids`)."""
    before = person_ids.snapshot(conn)
    n = rebuild_people(conn, settings.link.person_merge_threshold)
    if has_object(conn, "person_merges"):
        person_ids.merge_by_context(conn)
    if has_object(conn, "person_aliases"):
        person_ids.record_aliases(conn, before)
        person_ids.rebuild_person_names(conn)
    return n
