"""The run audits' tables (``link_runs``, ``link_status_changes``), written by the link stage.

Runs of consecutive reported periods ("stats awaited", "not reported") and
changes of status are window functions over a milestone's timeline; over the
whole timeline of thousands of packs they cost a second a query, so the link
stage computes them once, for the plans it (re-)links, and the views and the
audits read the tables (schema/migrations/0015_link_runs.sql). The SQL is the
views' of 0010, with the plan as a filter: a milestone belongs to one plan,
so a plan's runs depend on that plan's timeline only.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable, Optional

#: the plans being re-linked (a temporary table: the scope of one link)
SCOPE = "temp.link_scope"

_FLAGS = {"stats-awaited": "stats_awaited = 1", "not-reported": "status IS NULL OR status = 'not reported'"}

_RUNS = """
INSERT INTO link_runs
WITH mp AS (SELECT * FROM v_milestone_periods WHERE {scope}),
flagged AS (
    SELECT *, ordinal - ROW_NUMBER() OVER (PARTITION BY milestone_id ORDER BY ordinal) AS grp
    FROM mp WHERE {flag}
), runs AS (
    SELECT plan_key, plan_title, milestone_id, ref, description, lead_agency, COUNT(*) AS n_periods,
           MIN(ordinal) AS first_ordinal, MAX(ordinal) AS last_ordinal,
           MIN(period_start) AS first_period_start, MAX(period_start) AS last_period_start
    FROM flagged GROUP BY milestone_id, grp
)
SELECT ?, r.plan_key, r.plan_title, r.milestone_id, r.ref, r.description, r.lead_agency, r.n_periods,
       r.first_ordinal, r.last_ordinal, r.first_period_start, r.last_period_start,
       f.source_file, f.page, f.source_path, f.source_url
FROM runs r
LEFT JOIN mp f ON f.milestone_id = r.milestone_id AND f.ordinal = r.first_ordinal"""

_CHANGES = """
INSERT INTO link_status_changes
WITH seq AS (
    SELECT *, LAG(status) OVER w AS prev_status, LAG(period) OVER w AS prev_period
    FROM v_milestone_periods WHERE {scope} WINDOW w AS (PARTITION BY milestone_id ORDER BY ordinal)
)
SELECT plan_key, plan_title, milestone_id, ref, description, lead_agency,
       prev_period, period, prev_status, status,
       CASE WHEN prev_status IN ('closed', 'complete') THEN 'reopened' ELSE 'changed' END,
       sources, source_file, page, source_path, source_url, ordinal
FROM seq
WHERE prev_period IS NOT NULL AND COALESCE(prev_status, '') <> COALESCE(status, '')"""


def set_scope(conn: sqlite3.Connection, plan_keys: Optional[Iterable[str]]) -> str:
    """Fill :data:`SCOPE` with ``plan_keys``; return the SQL condition on ``plan_key``
    (every plan when ``plan_keys`` is None)."""
    if plan_keys is None:
        return "1"
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {SCOPE.split('.')[1]} (plan_key TEXT PRIMARY KEY)")
    conn.execute(f"DELETE FROM {SCOPE}")
    conn.executemany(f"INSERT OR IGNORE INTO {SCOPE} VALUES (?)", [(k,) for k in plan_keys])
    return f"plan_key IN (SELECT plan_key FROM {SCOPE})"


def has_run_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'link_runs'").fetchone() is not None


def clear_runs(conn: sqlite3.Connection, scope: str) -> None:
    """Delete the runs and changes of the plans in ``scope`` (a condition from :func:`set_scope`)."""
    for table in ("link_runs", "link_status_changes"):
        conn.execute(f"DELETE FROM {table} WHERE {scope}")


def write_runs(conn: sqlite3.Connection, scope: str) -> None:
    """Compute the runs and changes of the plans in ``scope`` from their linked timeline."""
    for kind, flag in _FLAGS.items():
        conn.execute(_RUNS.format(scope=scope, flag=f"({flag})"), (kind,))
    conn.execute(_CHANGES.format(scope=scope))


def refresh_runs(conn: sqlite3.Connection) -> None:
    """Recompute every plan's runs and changes (a timeline written by hand, or by an older link)."""
    clear_runs(conn, "1")
    write_runs(conn, "1")
