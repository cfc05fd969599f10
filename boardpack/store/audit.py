"""Audits across quarters and years, over the linked timeline (``link_*`` tables).

The run logic ("N or more consecutive reported periods of the same plan")
is SQL run by the link stage (:mod:`boardpack.store.linking_runs`) into
``link_runs`` and ``link_status_changes``, which the views
``v_stats_awaited_runs``, ``v_not_reported_runs`` and ``v_status_changes``
read, so the CLI and Datasette's canned queries give the same answer; this
module shapes those rows into the documented JSON objects with periods and
sources in time order.
"""

from __future__ import annotations

import json
import re
from typing import Any

from boardpack.store.sqlrows import dict_rows, has_object

AUDITS = ("stats-awaited", "not-reported", "status-changes", "funding")


def _sources(raw_lists) -> list[dict]:
    out: list[dict] = []
    for raw in raw_lists:
        for s in json.loads(raw or "[]"):
            if s not in out:
                out.append(s)
    return out


def _with_source(row: dict, sources: list[dict]) -> dict:
    """The row with its first source's file, page, path as ingested and URL
    as columns (every source stays in ``sources``)."""
    first = sources[0] if sources else {}
    row.update({"source_file": first.get("file"), "page": first.get("page"),
                "source_path": first.get("path"), "source_url": first.get("url")})
    return row


def _source_columns(r: dict) -> dict:
    return {k: r.get(k) for k in ("source_file", "page", "source_path", "source_url")}


def _runs(conn, kind: str, min_periods: int) -> list[dict]:
    if min_periods < 1:
        raise ValueError("--min-periods must be at least 1")
    # the runs as the link stage wrote them (link_runs, which the v_*_runs views
    # read), in the order of their index
    runs = dict_rows(
        conn,
        "SELECT * FROM link_runs WHERE kind = ? AND n_periods >= ? ORDER BY plan_title, first_period_start, ref",
        (kind, min_periods),
    )
    out = []
    for run in runs:
        steps = dict_rows(
            conn,
            "SELECT period, sources FROM v_milestone_periods WHERE milestone_id = ? "
            "AND ordinal BETWEEN ? AND ? ORDER BY ordinal",
            (run["milestone_id"], run["first_ordinal"], run["last_ordinal"]),
        )
        periods = [s["period"] for s in steps]
        sources = _sources(s["sources"] for s in steps)
        out.append(_with_source({
            "plan_title": run["plan_title"],
            "ref": run["ref"],
            "description": run["description"],
            "lead_agency": run["lead_agency"],
            "periods": periods,
            "first_period": periods[0],
            "last_period": periods[-1],
            "sources": sources,
        }, sources))
    return _sorted_by_ref(out)


def _ref_key(ref: str):
    # "1.10a" after "1.9b": compare numeric parts as numbers.
    return [int(p) if p.isdigit() else p for p in re.findall(r"\d+|[a-z]+", (ref or "").lower())]


def _sorted_by_ref(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda d: (d["plan_title"] or "", _ref_key(d["ref"]), d.get("first_period") or ""))


def stats_awaited(conn, min_periods: int = 2) -> list[dict]:
    """Milestones whose progress was "stats awaited" in ``min_periods`` or more
    consecutive reported periods of the same plan (one object per run)."""
    return _runs(conn, "stats-awaited", min_periods)


def not_reported(conn, min_periods: int = 2) -> list[dict]:
    """Milestones whose status was left as the unfilled template or blank, period after period."""
    return _runs(conn, "not-reported", min_periods)


def status_changes(conn) -> list[dict]:
    """Every change of status between a milestone's consecutive reported periods."""
    rows = dict_rows(conn, "SELECT * FROM v_status_changes")
    out = [_with_source({
        "plan_title": r["plan_title"],
        "ref": r["ref"],
        "description": r["description"],
        "from_period": r["from_period"],
        "to_period": r["to_period"],
        "from_status": r["from_status"],
        "to_status": r["to_status"],
        "change": r["change"],
        "sources": _sources([r["sources"]]),
    }, _sources([r["sources"]])) for r in rows]
    return sorted(out, key=lambda d: (d["plan_title"] or "", _ref_key(d["ref"]), d["to_period"] or ""))


def funding(conn) -> list[dict]:
    """Funding allocated per action and financial year (from action-plan updates),
    budget allocations by measure (original / revised ...), and every budget
    total that does not equal the sum of its items."""
    out: list[dict] = []
    if has_object(conn, "v_milestone_periods"):
        out.extend(_plan_allocations(conn))
    # budget rows give the financial year read with them (column, title, paper heading
    # or meeting: see extractors/budgets_year.py); a store from before that reads NULL
    if has_object(conn, "v_budget_amounts"):
        for r in dict_rows(conn, """
            SELECT table_title, item, measure, amount, source_file, page, source_path, source_url,
                   financial_year
            FROM v_budget_amounts
            WHERE is_total = 0 AND (lower(measure) LIKE '%alloc%' OR lower(measure) LIKE '%revised%'
                                    OR lower(measure) LIKE '%original%' OR lower(measure) LIKE '%budget%')
            ORDER BY source_file, page, table_title, item, measure"""):
            out.append({"kind": "budget allocation", "table_title": r["table_title"], "item": r["item"],
                        "year": r["financial_year"], "measure": r["measure"], "amount": r["amount"],
                        "detail": f"{r['source_file']} p.{r['page']}", **_source_columns(r)})
    if has_object(conn, "v_budget_checks"):
        for r in dict_rows(conn, """
            SELECT table_title, total_item, measure, stated_total, computed, difference, n_items,
                   source_file, page, source_path, source_url, financial_year FROM v_budget_checks
            WHERE status = 'mismatch' ORDER BY source_file, page, table_title"""):
            out.append({"kind": "total mismatch", "table_title": r["table_title"], "item": r["total_item"],
                        "year": r["financial_year"], "measure": r["measure"], "amount": r["stated_total"],
                        "detail": f"{r['source_file']} p.{r['page']}: stated {r['stated_total']}, "
                                  f"sum of {r['n_items']} items {r['computed']} (difference {r['difference']})",
                        **_source_columns(r)})
    return out


def _plan_allocations(conn) -> list[dict]:
    """Funding allocated per plan, action and financial year: the largest
    amount stated in the year, with the file and page of the first period
    that stated it."""
    groups: dict[tuple, dict] = {}
    for r in dict_rows(conn, """
        SELECT plan_title, COALESCE(action_ref, ref) AS action_ref, substr(period, 1, 7) AS year, period,
               funding_allocated, source_file, page, source_path, source_url
        FROM v_milestone_periods WHERE funding_allocated IS NOT NULL
        ORDER BY plan_title, ordinal, ref"""):
        g = groups.setdefault((r["plan_title"], r["action_ref"], r["year"]), {"periods": [], "best": None})
        if r["period"] not in g["periods"]:
            g["periods"].append(r["period"])
        if g["best"] is None or r["funding_allocated"] > g["best"]["funding_allocated"]:
            g["best"] = r
    out = []
    for (plan_title, action_ref, year), g in sorted(groups.items(), key=lambda kv: (kv[0][0] or "", kv[0][2] or "",
                                                                                    kv[0][1] or "")):
        best = g["best"]
        out.append({"kind": "plan allocation", "table_title": plan_title, "item": action_ref, "year": year,
                    "measure": "funding allocated", "amount": best["funding_allocated"],
                    "detail": ",".join(g["periods"]), **_source_columns(best)})
    return out


def timeline(conn, ref: str, plan: str | None = None) -> list[dict]:
    """One milestone (``1.3a``) or action (``1.3``: all its milestones) over time."""
    sql = ("SELECT plan_title, ref, description, period, period_start, status, stats_awaited, progress, "
           "funding_allocated, sources FROM v_milestone_periods "
           "WHERE (lower(ref) = lower(?) OR lower(action_ref) = lower(?))")
    params: list[Any] = [ref, ref]
    if plan:
        sql += " AND plan_title LIKE ?"
        params.append(f"%{plan}%")
    sql += " ORDER BY plan_title, ordinal, ref"
    out = []
    for r in dict_rows(conn, sql, params):
        srcs = _sources([r.pop("sources")])
        r["file"] = srcs[0]["file"] if srcs else None
        r["page"] = srcs[0]["page"] if srcs else None
        r["sources"] = srcs
        r["source_path"] = srcs[0].get("path") if srcs else None
        r["source_url"] = srcs[0].get("url") if srcs else None
        out.append(r)
    return out
