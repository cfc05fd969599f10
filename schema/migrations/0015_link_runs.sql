-- Fast at scale (issue 13): what the run audits read, computed by the link
-- stage instead of by every query, and what lets a link after one more pack
-- re-link only the plans that pack touches.
--
-- The runs and status changes were window functions over the whole linked
-- timeline, evaluated by every query (0.45 ms a pack: about a second at
-- 2,000 packs). The link stage now writes them here, plan by plan, from the
-- same SQL (boardpack/store/linking_runs.py); the views keep their names,
-- columns and row order (by milestone, then period) and read the tables.

-- One row per run of consecutive reported periods in which a milestone's
-- progress was "stats awaited" (kind 'stats-awaited') or its status was
-- left unreported (kind 'not-reported').
CREATE TABLE link_runs (
    kind TEXT NOT NULL,
    plan_key TEXT NOT NULL,
    plan_title TEXT,
    milestone_id TEXT NOT NULL,
    ref TEXT,
    description TEXT,
    lead_agency TEXT,
    n_periods INTEGER NOT NULL,
    first_ordinal INTEGER NOT NULL,
    last_ordinal INTEGER NOT NULL,
    first_period_start TEXT,
    last_period_start TEXT,
    source_file TEXT,
    page INTEGER,
    source_path TEXT,
    source_url TEXT,
    PRIMARY KEY (kind, milestone_id, first_ordinal)
);
-- the audits' order (plan, first period, ref): their first page without a sort
CREATE INDEX link_runs_audit ON link_runs(kind, plan_title, first_period_start, ref);
CREATE INDEX link_runs_plan ON link_runs(plan_key);

-- Every change of status between a milestone's consecutive updates
-- (ordinal: the later update's position among its plan's periods).
CREATE TABLE link_status_changes (
    plan_key TEXT NOT NULL,
    plan_title TEXT,
    milestone_id TEXT NOT NULL,
    ref TEXT,
    description TEXT,
    lead_agency TEXT,
    from_period TEXT,
    to_period TEXT,
    from_status TEXT,
    to_status TEXT,
    change TEXT NOT NULL,
    sources TEXT,
    source_file TEXT,
    page INTEGER,
    source_path TEXT,
    source_url TEXT,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (milestone_id, ordinal)
);
CREATE INDEX link_status_changes_plan ON link_status_changes(plan_key);

-- What the link stage last saw of each document: its source (v_sources'
-- file, path, URL and format, which every linked update names) and the plan
-- titles its updates carry. A document that is new, gone, or whose source
-- changed is what the next link re-links (the plans of those titles).
CREATE TABLE link_docs (
    doc_sha256 TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    plan_titles TEXT NOT NULL          -- JSON list
);

-- Re-linking one plan reads its updates by title and deletes its milestones by plan.
CREATE INDEX IF NOT EXISTS action_plans_title ON action_plans(title);
CREATE INDEX IF NOT EXISTS link_milestones_plan ON link_milestones(plan_key);
-- ... and a document's plan titles by the document.
CREATE INDEX IF NOT EXISTS plan_updates_doc ON plan_updates(doc_sha256);

DROP VIEW IF EXISTS v_stats_awaited_runs;
DROP VIEW IF EXISTS v_not_reported_runs;
DROP VIEW IF EXISTS v_status_changes;

-- A run's source is its first period's (where the run starts).
CREATE VIEW v_stats_awaited_runs AS
SELECT plan_title, milestone_id, ref, description, lead_agency, n_periods, first_ordinal, last_ordinal,
       first_period_start, last_period_start, source_file, page, source_path, source_url
FROM link_runs WHERE kind = 'stats-awaited'
ORDER BY milestone_id, first_ordinal;

CREATE VIEW v_not_reported_runs AS
SELECT plan_title, milestone_id, ref, description, lead_agency, n_periods, first_ordinal, last_ordinal,
       first_period_start, last_period_start, source_file, page, source_path, source_url
FROM link_runs WHERE kind = 'not-reported'
ORDER BY milestone_id, first_ordinal;

-- A change's source is the later update's (where the new status is said).
CREATE VIEW v_status_changes AS
SELECT plan_title, milestone_id, ref, description, lead_agency, from_period, to_period,
       from_status, to_status, change, sources, source_file, page, source_path, source_url
FROM link_status_changes
ORDER BY milestone_id, ordinal;

-- A store linked before has no runs yet: the next ingest (or `boardpack relink`) links again.
UPDATE store_state SET value = '1' WHERE key = 'links_stale' AND EXISTS (SELECT 1 FROM documents);
