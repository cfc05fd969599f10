-- Quarterly progress reports and action plans (extractors/reports.py,
-- extractors/action_plans.py). Normalised tables keep the raw text beside
-- every normalised value and (doc_sha256, page, block_index) provenance;
-- the views v_report_items and v_action_updates are the query contract.
-- No foreign keys between these tables (only to documents), so the store
-- may insert them in any order; ids are deterministic row_id() hashes.

-- One progress report (one task group's report for one period).
CREATE TABLE progress_reports (
    report_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,            -- position among this document's reports
    title TEXT,                          -- heading the report sits under, as written
    priority_area TEXT,                  -- normalised ("ASB"), period suffix removed
    priority_area_raw TEXT,
    lead_officer TEXT,                   -- as written ("Ch Insp. Dave Sargent")
    period TEXT,                         -- label, e.g. '2009/10 Q1' (boardpack.periods)
    period_start TEXT,                   -- ISO date
    period_end TEXT,
    period_kind TEXT,                    -- quarter | year | month | ytd | range
    period_inferred TEXT,                -- stated | from meeting date
    period_raw TEXT,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX progress_reports_doc ON progress_reports(doc_sha256);

-- Every section of every report, also the empty ones (n_items = 0).
CREATE TABLE report_sections (
    section_id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    section TEXT NOT NULL,               -- achievement | concern | recommendation | publicity
    heading_raw TEXT,                    -- heading as written, footnote marker stripped
    ordinal INTEGER NOT NULL,
    n_items INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX report_sections_report ON report_sections(report_id);

-- One row per bullet or paragraph of a section.
CREATE TABLE report_items (
    item_id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    section_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    section TEXT NOT NULL,
    ordinal INTEGER NOT NULL,            -- position within its section
    item_text TEXT NOT NULL,             -- normalised, bullet glyph removed
    raw_text TEXT,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX report_items_report ON report_items(report_id);

-- One action plan as it appears in one document (a plan split over several
-- table blocks is one row). title_key is the cross-pack identity key.
CREATE TABLE action_plans (
    plan_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    title TEXT,
    title_key TEXT,                      -- lower-case, punctuation/dash-normalised title
    owning_group TEXT,
    period TEXT,                         -- period the plan covers, e.g. '2016/17'
    period_start TEXT,
    period_end TEXT,
    period_raw TEXT,
    update_period_raw TEXT,              -- the progress column header / update cue
    page INTEGER,
    page_end INTEGER,
    block_index INTEGER
);
CREATE INDEX action_plans_doc ON action_plans(doc_sha256);
CREATE INDEX action_plans_key ON action_plans(title_key);

CREATE TABLE plan_actions (
    action_id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    plan_key TEXT,                       -- action_plans.title_key
    priority TEXT,                       -- priority/group heading the action sits under
    number TEXT,                         -- '1.3'
    action_text TEXT,                    -- normalised, status/funding clauses removed
    raw_text TEXT,
    lead_agency TEXT,
    other_partners TEXT,
    status TEXT,                         -- action-level status where the plan gives one
    status_raw TEXT,
    funding_allocated REAL,
    funding_raw TEXT,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX plan_actions_plan ON plan_actions(plan_id);

CREATE TABLE plan_milestones (
    milestone_id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    plan_key TEXT,                       -- (plan_key, ref) identifies a milestone across packs
    action_ref TEXT,
    ref TEXT NOT NULL,                   -- '1.3a'
    milestone_text TEXT,
    measurement TEXT,                    -- after "Measurement ="
    source TEXT,                         -- after "Source:"
    lead_agency TEXT,                    -- the milestone row's own lead, if any
    raw_text TEXT,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX plan_milestones_plan ON plan_milestones(plan_id);
CREATE INDEX plan_milestones_key ON plan_milestones(plan_key, ref);

-- One update per milestone (or per action without milestones) per reporting period.
CREATE TABLE plan_updates (
    update_id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    action_id TEXT NOT NULL,
    milestone_id TEXT,                   -- NULL for an action without milestones
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    plan_key TEXT,
    action_ref TEXT,
    ref TEXT NOT NULL,                   -- milestone code, else the action number
    period TEXT,                         -- '2009/10 Q1'
    period_start TEXT,
    period_end TEXT,
    period_kind TEXT,
    period_inferred TEXT,                -- stated | from meeting date
    period_raw TEXT,
    progress TEXT,                       -- normalised progress text
    progress_raw TEXT,
    status TEXT NOT NULL,                -- boardpack.status vocabulary
    status_raw TEXT,                     -- the words or '#rrggbb' fill it came from
    fill TEXT,
    stats_awaited INTEGER NOT NULL DEFAULT 0,
    funding_allocated REAL,
    funding_raw TEXT,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX plan_updates_plan ON plan_updates(plan_id);
CREATE INDEX plan_updates_key ON plan_updates(plan_key, ref);

CREATE VIEW v_report_items AS
SELECT r.priority_area AS priority_area,
       r.lead_officer AS lead_officer,
       r.period AS period,
       i.section AS section,
       i.item_text AS item_text,
       s.source_file AS source_file,
       i.page AS page
FROM report_items i
JOIN progress_reports r ON r.report_id = i.report_id
JOIN report_sections sec ON sec.section_id = i.section_id
LEFT JOIN v_sources s ON s.doc_sha256 = i.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = i.doc_sha256 AND d.block_index = i.block_index)
ORDER BY s.source_file, r.ordinal, sec.ordinal, i.ordinal;

-- Every copy of every update, with the row's document and block: the link
-- stage reads this so an update said in two files keeps both as sources.
CREATE VIEW v_action_updates_all AS
SELECT p.title AS plan_title,
       a.number AS action_ref,
       u.ref AS ref,
       COALESCE(m.milestone_text, a.action_text) AS description,
       COALESCE(m.lead_agency, a.lead_agency) AS lead_agency,
       u.period AS period,
       u.period_start AS period_start,
       u.progress AS progress,
       u.status AS status,
       u.stats_awaited AS stats_awaited,
       u.funding_allocated AS funding_allocated,
       s.source_file AS source_file,
       u.page AS page,
       u.doc_sha256 AS doc_sha256,
       u.block_index AS block_index
FROM plan_updates u
JOIN action_plans p ON p.plan_id = u.plan_id
JOIN plan_actions a ON a.action_id = u.action_id
LEFT JOIN plan_milestones m ON m.milestone_id = u.milestone_id
LEFT JOIN v_sources s ON s.doc_sha256 = u.doc_sha256
ORDER BY s.source_file, p.ordinal, a.ordinal, m.ordinal, u.period_start;

-- The query contract: each update once, a paper published in two files
-- (a .doc and its PDF) counted once.
CREATE VIEW v_action_updates AS
SELECT plan_title, action_ref, ref, description, lead_agency, period, period_start, progress, status,
       stats_awaited, funding_allocated, source_file, page
FROM v_action_updates_all x
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = x.doc_sha256 AND d.block_index = x.block_index);
