"""Which observed updates are one milestone: the link stage's matching, in memory.

The link stage (:mod:`boardpack.store.linking`) reads the update rows of the
plans it re-links and writes the linked tables; this module decides, between
those two, which plan a title belongs to and which milestone each row
continues. Plan identity: titles normalised (case, dashes, punctuation, period
words removed) match, or are near-identical *and* name the same years.
Milestone identity: periods walked in time order; a row joins the milestone
with its ref when the texts agree, else the one whose text agrees above
``settings.link.action_link_threshold`` (a renumbered action), else starts a
new one; a same-ref, different-text pair stays apart as ``ref-text-mismatch``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from boardpack.core.identity import plan_key, row_id
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.textnorm import one_line

_YEARS = re.compile(r"(?:19|20)\d\d")


def plan_years(key: str) -> tuple[str, ...]:
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
class Milestone:
    milestone_id: str
    plan_key: str
    ref: str
    action_ref: str | None
    description: str | None
    lead_agency: str | None
    updates: dict = field(default_factory=dict)  # period -> merged update


def assign_plans(titles: list[str], threshold: float) -> dict[str, tuple[str, str, float]]:
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
            if plan_years(other) != plan_years(k):
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


def merge_update(m: Milestone, row: dict) -> None:
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


def rows_by_plan(rows: list[dict], plan_of: dict) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """(plan_key -> its first title in row order, plan_key -> its rows)."""
    plans: dict[str, str] = {}
    rows_by_plan: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        k = plan_of[r["plan_title"] or ""][0]
        plans.setdefault(k, r["plan_title"] or "")
        rows_by_plan[k].append(r)
    return plans, rows_by_plan


def _by_ref(same_ref: list, desc, threshold: float):
    """(method, score, target, candidate) from the milestones under the row's ref:
    the best-matching one (latest on ties) when its text agrees, else a mismatch."""
    s, m = max(((text_similarity(m.description, desc) if (m.description and desc) else 100.0, m)
                for m in reversed(same_ref)), key=lambda t: t[0])
    if s >= threshold:
        return "ref", s, m, None
    return "ref-text-mismatch", s, None, m.milestone_id


def _by_text(current: list, ref: str, desc: str, period: str, claimed: set[str], threshold: float):
    """The milestone of the plan whose text best matches, among those not under
    the row's ref, not yet claimed this period and not yet updated in it."""
    best, best_s = None, 0.0
    for m in current:
        if (ref and m.ref == ref) or m.milestone_id in claimed or period in m.updates:
            continue
        s = text_similarity(m.description, desc)
        if s > best_s:
            best, best_s = m, s
    return (best, best_s) if best is not None and best_s >= threshold else (None, None)


def _new_milestone(k: str, r: dict, pstart: str, used_ids: set[str]) -> "Milestone":
    """A milestone first seen in this row. Natural key: a same-ref, same-text
    sighting always links, so (plan, ref, text, first period) is unique and
    stable; the same words twice in one period (an action repeated under two
    workstreams of a log without refs) are two actions, and the later sighting
    (in file and page order) gets a numbered key."""
    ref, desc = r["ref"] or "", r["description"]
    mid = row_id(k, ref, desc or "", pstart)
    n = 2
    while mid in used_ids:
        mid = row_id(k, ref, desc or "", pstart, str(n))
        n += 1
    used_ids.add(mid)
    return Milestone(mid, k, ref, r.get("action_ref"), desc, r.get("lead_agency"))


def _link_row(r: dict, current: list, claimed: set[str], period: str, threshold: float):
    """(method, score, target or None, candidate) for one observed row."""
    ref, desc = r["ref"] or "", r["description"]
    # an action log that prints no references: only the text identifies an action
    same_ref = [m for m in current if m.ref == ref] if ref else []
    method, score, target, candidate = "new", None, None, None
    if same_ref:
        method, score, target, candidate = _by_ref(same_ref, desc, threshold)
    if target is None and desc:
        best, best_s = _by_text(current, ref, desc, period, claimed, threshold)
        if best is not None:
            method, score, target, candidate = "text", best_s, best, None
    return method, score, target, candidate


def link_milestones(rows: list[dict], settings: Settings = DEFAULT, plan_of: dict | None = None):
    """Link observed update rows (dicts with v_action_updates' columns) into milestones.

    Returns (plans, plan_of, milestones, links) where plans maps plan_key -> first title,
    milestones is a list of Milestone and links a list of link-record dicts.
    ``plan_of`` (title -> (plan_key, method, score)): the plan of every title
    of the store, when ``rows`` are the updates of some plans only.
    """
    threshold = settings.link.action_link_threshold
    plan_of = plan_of or assign_plans([r["plan_title"] or "" for r in rows], settings.link.plan_title_threshold)
    plans, per_plan = rows_by_plan(rows, plan_of)
    milestones: list[Milestone] = []
    links: list[dict] = []
    used_ids: set[str] = set()
    for k, prows in per_plan.items():
        current: list[Milestone] = []
        # Walk periods in time order so links always point back in time.
        periods = sorted({(r["period_start"] or "", r["period"] or "") for r in prows})
        for pstart, period in periods:
            observed = [r for r in prows if (r["period_start"] or "", r["period"] or "") == (pstart, period)]
            claimed: set[str] = set()
            for r in sorted(observed, key=lambda r: (r["ref"] or "", r["source_file"] or "", r["page"] or 0)):
                method, score, target, candidate = _link_row(r, current, claimed, period, threshold)
                if target is None:
                    target = _new_milestone(k, r, pstart, used_ids)
                    current.append(target)
                    milestones.append(target)
                claimed.add(target.milestone_id)
                if period:
                    merge_update(target, r)
                links.append({"plan_title": r["plan_title"] or "", "period": period, "ref": r["ref"] or "",
                              "description": r["description"], "milestone_id": target.milestone_id,
                              "method": method, "score": score, "candidate_id": candidate})
    return plans, plan_of, milestones, links
