-- Longitudinal linking (issue 4): derived tables rebuilt by the link stage
-- (boardpack.linking.link_all) after every ingest batch, from v_action_updates.
-- They hold no data of their own: dropping and re-linking gives the same rows.

-- One row per plan identity; plan_key is the normalised title with period
-- words removed, so "... Rolling Plan 2009-2012" in its Q1..Q4 packs is one plan.
CREATE TABLE link_plans (
    plan_key TEXT PRIMARY KEY,
    plan_title TEXT NOT NULL,          -- the title as first seen
    first_period_start TEXT,
    last_period_start TEXT
);

-- How each title spelling was assigned to a plan.
CREATE TABLE link_plan_titles (
    plan_title TEXT PRIMARY KEY,
    plan_key TEXT NOT NULL REFERENCES link_plans(plan_key),
    method TEXT NOT NULL,              -- exact | normalised | fuzzy
    score REAL NOT NULL
);

-- One row per milestone (or milestone-less action) across all packs.
CREATE TABLE link_milestones (
    milestone_id TEXT PRIMARY KEY,
    plan_key TEXT NOT NULL REFERENCES link_plans(plan_key),
    ref TEXT NOT NULL,                 -- ref as first seen
    action_ref TEXT,
    description TEXT,
    lead_agency TEXT
);

-- How every observed (plan title, period, ref) was linked to a milestone:
-- method ref (same ref, similar text), text (renumbered or reworded, matched
-- by rapidfuzz above the threshold), new (first sighting), or
-- ref-text-mismatch (same ref but different text: kept apart, never merged).
CREATE TABLE link_milestone_links (
    plan_title TEXT NOT NULL,
    period TEXT NOT NULL,
    ref TEXT NOT NULL,
    description TEXT,
    milestone_id TEXT NOT NULL REFERENCES link_milestones(milestone_id),
    method TEXT NOT NULL,
    score REAL,
    candidate_id TEXT,                 -- the milestone it was compared with, if any
    PRIMARY KEY (plan_title, period, ref)
);

-- The timeline: one update per milestone and period, however many files said it.
CREATE TABLE link_updates (
    milestone_id TEXT NOT NULL REFERENCES link_milestones(milestone_id),
    period TEXT NOT NULL,
    period_start TEXT,
    status TEXT,
    stats_awaited INTEGER NOT NULL DEFAULT 0,
    progress TEXT,
    funding_allocated REAL,
    sources TEXT NOT NULL,             -- JSON [{"file": ..., "page": ...}]
    PRIMARY KEY (milestone_id, period)
);

-- Every period in which a plan was reported, in order: "consecutive" in the
-- audits means adjacent in this list.
CREATE TABLE link_plan_periods (
    plan_key TEXT NOT NULL REFERENCES link_plans(plan_key),
    period TEXT NOT NULL,
    period_start TEXT,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (plan_key, period)
);

CREATE VIEW v_timeline AS
SELECT p.plan_title, m.plan_key, m.milestone_id, m.ref, m.action_ref, m.description, m.lead_agency,
       u.period, u.period_start, u.status, u.stats_awaited, u.progress, u.funding_allocated, u.sources
FROM link_updates u
JOIN link_milestones m ON m.milestone_id = u.milestone_id
JOIN link_plans p ON p.plan_key = m.plan_key;

-- Every linked update with its position among its plan's reported periods.
CREATE VIEW v_milestone_periods AS
SELECT p.plan_title, m.plan_key, m.milestone_id, m.ref, m.action_ref, m.description, m.lead_agency,
       u.period, u.period_start, pp.ordinal, u.status, u.stats_awaited, u.progress,
       u.funding_allocated, u.sources
FROM link_updates u
JOIN link_milestones m ON m.milestone_id = u.milestone_id
JOIN link_plans p ON p.plan_key = m.plan_key
JOIN link_plan_periods pp ON pp.plan_key = m.plan_key AND pp.period = u.period;

-- Runs of consecutive reported periods (gaps and islands over the plan's
-- period ordinals) in which a milestone's progress was "stats awaited" /
-- its status was left unreported. Filter with n_periods >= N.
CREATE VIEW v_stats_awaited_runs AS
WITH flagged AS (
    SELECT *, ordinal - ROW_NUMBER() OVER (PARTITION BY milestone_id ORDER BY ordinal) AS grp
    FROM v_milestone_periods WHERE stats_awaited = 1
)
SELECT plan_title, milestone_id, ref, description, lead_agency, COUNT(*) AS n_periods,
       MIN(ordinal) AS first_ordinal, MAX(ordinal) AS last_ordinal,
       MIN(period_start) AS first_period_start, MAX(period_start) AS last_period_start
FROM flagged GROUP BY milestone_id, grp;

CREATE VIEW v_not_reported_runs AS
WITH flagged AS (
    SELECT *, ordinal - ROW_NUMBER() OVER (PARTITION BY milestone_id ORDER BY ordinal) AS grp
    FROM v_milestone_periods WHERE status IS NULL OR status = 'not reported'
)
SELECT plan_title, milestone_id, ref, description, lead_agency, COUNT(*) AS n_periods,
       MIN(ordinal) AS first_ordinal, MAX(ordinal) AS last_ordinal,
       MIN(period_start) AS first_period_start, MAX(period_start) AS last_period_start
FROM flagged GROUP BY milestone_id, grp;

-- Each change of status between a milestone's consecutive updates.
CREATE VIEW v_status_changes AS
WITH seq AS (
    SELECT *, LAG(status) OVER w AS prev_status, LAG(period) OVER w AS prev_period
    FROM v_milestone_periods WINDOW w AS (PARTITION BY milestone_id ORDER BY ordinal)
)
SELECT plan_title, milestone_id, ref, description, lead_agency,
       prev_period AS from_period, period AS to_period,
       prev_status AS from_status, status AS to_status,
       CASE WHEN prev_status IN ('closed', 'complete') THEN 'reopened' ELSE 'changed' END AS change,
       sources
FROM seq
WHERE prev_period IS NOT NULL AND COALESCE(prev_status, '') <> COALESCE(status, '');
