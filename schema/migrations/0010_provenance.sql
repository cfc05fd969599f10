-- Provenance you can click (issue 12): every query view row names the path
-- it was ingested under and a URL that opens the original at its page.
--
-- files.source_path: the path as given to `ingest`, relative to the folder
-- given when it was a folder ("2009-q1/Agenda.pdf"), else as typed; two
-- folders each holding Agenda.pdf give two paths. files.url: file:// URL of
-- the absolute path, percent-encoded by Python (Path.as_uri) so spaces, '#'
-- and non-ASCII names survive. Stores made before this migration get the
-- absolute path (the ingest folder was not recorded) and a URL built here.
ALTER TABLE files ADD COLUMN source_path TEXT;
ALTER TABLE files ADD COLUMN url TEXT;
UPDATE files SET source_path = path WHERE source_path IS NULL;
UPDATE files SET url = 'file://' || replace(replace(replace(replace(path, '%', '%25'), ' ', '%20'), '#', '%23'), '?', '%3F')
WHERE url IS NULL;

-- Views are rebuilt whole: SQLite has no ALTER VIEW. Every existing column
-- keeps its name and place; the new ones come last.
DROP VIEW IF EXISTS v_status_changes;
DROP VIEW IF EXISTS v_not_reported_runs;
DROP VIEW IF EXISTS v_stats_awaited_runs;
DROP VIEW IF EXISTS v_milestone_periods;
DROP VIEW IF EXISTS v_timeline;
DROP VIEW IF EXISTS v_people_mentions;
DROP VIEW IF EXISTS v_indicator_values;
DROP VIEW IF EXISTS v_budget_checks;
DROP VIEW IF EXISTS v_budget_amounts;
DROP VIEW IF EXISTS v_action_updates;
DROP VIEW IF EXISTS v_action_updates_all;
DROP VIEW IF EXISTS v_report_items;
DROP VIEW IF EXISTS v_decisions;
DROP VIEW IF EXISTS v_minute_actions;
DROP VIEW IF EXISTS v_attendance;
DROP VIEW IF EXISTS v_agenda_items;
DROP VIEW IF EXISTS v_meetings;
DROP VIEW IF EXISTS v_sources;

-- The file every view reports: the first path (alphabetically) under which
-- the document was ingested, as before, now with its path as ingested, its
-- URL and the document's format (only a PDF has pages a URL can name).
CREATE VIEW v_sources AS
SELECT d.sha256 AS doc_sha256,
       replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '') AS source_file,
       f.source_path AS source_path,
       f.url AS file_url,
       d.format AS format
FROM documents d
LEFT JOIN files f ON f.path = (SELECT x.path FROM files x WHERE x.sha256 = d.sha256 ORDER BY x.path LIMIT 1);

-- A PDF opens at the page (#page=N, which PDF viewers and browsers honour);
-- a Word file has no page model of its own (the page is where Word's breaks
-- put the row), so its URL is the file with no anchor.
CREATE VIEW v_meetings AS
SELECT m.meeting_id AS meeting_id,
       m.committee AS committee,
       m.meeting_date AS meeting_date,
       m.start_time AS start_time,
       m.venue AS venue,
       s.source_file AS source_file,
       m.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND m.page IS NOT NULL THEN s.file_url || '#page=' || m.page ELSE s.file_url END AS source_url
FROM meetings m
LEFT JOIN v_sources s ON s.doc_sha256 = m.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = m.doc_sha256 AND dup.block_index = m.block_index);

CREATE VIEW v_agenda_items AS
SELECT a.meeting_id AS meeting_id,
       a.item_number AS item_number,
       a.title AS title,
       a.presenter AS presenter,
       a.pages AS pages,
       s.source_file AS source_file,
       a.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url
FROM agenda_items a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

CREATE VIEW v_attendance AS
SELECT a.meeting_id AS meeting_id,
       a.meeting_date AS meeting_date,
       a.person AS person,
       a.role AS role,
       a.attendance AS attendance,
       s.source_file AS source_file,
       a.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url
FROM attendance a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

CREATE VIEW v_minute_actions AS
SELECT a.meeting_id AS meeting_id,
       a.meeting_date AS meeting_date,
       a.owners AS owners,
       a.action_text AS action_text,
       s.source_file AS source_file,
       a.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url
FROM minute_actions a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

CREATE VIEW v_decisions AS
SELECT d.meeting_id AS meeting_id,
       d.meeting_date AS meeting_date,
       d.item_number AS item_number,
       d.decision_text AS decision_text,
       s.source_file AS source_file,
       d.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND d.page IS NOT NULL THEN s.file_url || '#page=' || d.page ELSE s.file_url END AS source_url
FROM decisions d
LEFT JOIN v_sources s ON s.doc_sha256 = d.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = d.doc_sha256 AND dup.block_index = d.block_index);

CREATE VIEW v_report_items AS
SELECT r.priority_area AS priority_area,
       r.lead_officer AS lead_officer,
       r.period AS period,
       i.section AS section,
       i.item_text AS item_text,
       s.source_file AS source_file,
       i.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND i.page IS NOT NULL THEN s.file_url || '#page=' || i.page ELSE s.file_url END AS source_url
FROM report_items i
JOIN progress_reports r ON r.report_id = i.report_id
JOIN report_sections sec ON sec.section_id = i.section_id
LEFT JOIN v_sources s ON s.doc_sha256 = i.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = i.doc_sha256 AND d.block_index = i.block_index)
ORDER BY s.source_file, r.ordinal, sec.ordinal, i.ordinal;

-- Every copy of every update; the link stage reads this, and keeps each
-- copy's path and URL among the update's sources.
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
       u.block_index AS block_index,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND u.page IS NOT NULL THEN s.file_url || '#page=' || u.page ELSE s.file_url END AS source_url
FROM plan_updates u
JOIN action_plans p ON p.plan_id = u.plan_id
JOIN plan_actions a ON a.action_id = u.action_id
LEFT JOIN plan_milestones m ON m.milestone_id = u.milestone_id
LEFT JOIN v_sources s ON s.doc_sha256 = u.doc_sha256
ORDER BY s.source_file, p.ordinal, a.ordinal, m.ordinal, u.period_start;

CREATE VIEW v_action_updates AS
SELECT plan_title, action_ref, ref, description, lead_agency, period, period_start, progress, status,
       stats_awaited, funding_allocated, source_file, page, source_path, source_url
FROM v_action_updates_all x
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = x.doc_sha256 AND d.block_index = x.block_index);

CREATE VIEW v_budget_amounts AS
SELECT t.title AS table_title, a.item, a.measure, a.amount, a.is_total,
       s.source_file, a.page,
       a.line_number, a.related_actions, a.notes, a.amount_raw,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url
FROM budget_amounts a
JOIN budget_tables t ON t.table_id = a.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = a.doc_sha256 AND d.block_index = a.block_index);

CREATE VIEW v_budget_checks AS
SELECT t.title AS table_title, c.total_item, c.measure, c.stated_total, c.computed, c.difference,
       c.n_items, c.status, c.method, s.source_file, c.page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND c.page IS NOT NULL THEN s.file_url || '#page=' || c.page ELSE s.file_url END AS source_url
FROM budget_checks c
JOIN budget_tables t ON t.table_id = c.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = c.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = c.doc_sha256 AND d.block_index = c.block_index);

CREATE VIEW v_indicator_values AS
SELECT t.title AS table_title, v.indicator, v.measure, v.period_label, v.value,
       s.source_file, v.page,
       v.value_raw, v.unit,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND v.page IS NOT NULL THEN s.file_url || '#page=' || v.page ELSE s.file_url END AS source_url
FROM indicator_values v
JOIN indicator_tables t ON t.table_id = v.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = v.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = v.doc_sha256 AND d.block_index = v.block_index);

CREATE VIEW v_people_mentions AS
SELECT COALESCE(pc.person_id, m.canonical) AS person_id, m.canonical, m.raw, m.title, m.role,
       m.organisation, m.context_kind, m.context, s.source_file, m.page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND m.page IS NOT NULL THEN s.file_url || '#page=' || m.page ELSE s.file_url END AS source_url
FROM people_mentions m
LEFT JOIN person_clusters pc ON pc.canonical = m.canonical
LEFT JOIN v_sources s ON s.doc_sha256 = m.doc_sha256;

-- Linked views: link_updates.sources is a JSON list of {file, page, path,
-- url} (one per file that said the update); the columns name the first.
CREATE VIEW v_timeline AS
SELECT p.plan_title, m.plan_key, m.milestone_id, m.ref, m.action_ref, m.description, m.lead_agency,
       u.period, u.period_start, u.status, u.stats_awaited, u.progress, u.funding_allocated, u.sources,
       json_extract(u.sources, '$[0].file') AS source_file,
       json_extract(u.sources, '$[0].page') AS page,
       json_extract(u.sources, '$[0].path') AS source_path,
       json_extract(u.sources, '$[0].url') AS source_url
FROM link_updates u
JOIN link_milestones m ON m.milestone_id = u.milestone_id
JOIN link_plans p ON p.plan_key = m.plan_key;

CREATE VIEW v_milestone_periods AS
SELECT p.plan_title, m.plan_key, m.milestone_id, m.ref, m.action_ref, m.description, m.lead_agency,
       u.period, u.period_start, pp.ordinal, u.status, u.stats_awaited, u.progress,
       u.funding_allocated, u.sources,
       json_extract(u.sources, '$[0].file') AS source_file,
       json_extract(u.sources, '$[0].page') AS page,
       json_extract(u.sources, '$[0].path') AS source_path,
       json_extract(u.sources, '$[0].url') AS source_url
FROM link_updates u
JOIN link_milestones m ON m.milestone_id = u.milestone_id
JOIN link_plans p ON p.plan_key = m.plan_key
JOIN link_plan_periods pp ON pp.plan_key = m.plan_key AND pp.period = u.period;

-- A run's source is its first period's (where the run starts).
CREATE VIEW v_stats_awaited_runs AS
WITH flagged AS (
    SELECT *, ordinal - ROW_NUMBER() OVER (PARTITION BY milestone_id ORDER BY ordinal) AS grp
    FROM v_milestone_periods WHERE stats_awaited = 1
), runs AS (
    SELECT plan_title, milestone_id, ref, description, lead_agency, COUNT(*) AS n_periods,
           MIN(ordinal) AS first_ordinal, MAX(ordinal) AS last_ordinal,
           MIN(period_start) AS first_period_start, MAX(period_start) AS last_period_start
    FROM flagged GROUP BY milestone_id, grp
)
SELECT r.*, f.source_file, f.page, f.source_path, f.source_url
FROM runs r
LEFT JOIN v_milestone_periods f ON f.milestone_id = r.milestone_id AND f.ordinal = r.first_ordinal;

CREATE VIEW v_not_reported_runs AS
WITH flagged AS (
    SELECT *, ordinal - ROW_NUMBER() OVER (PARTITION BY milestone_id ORDER BY ordinal) AS grp
    FROM v_milestone_periods WHERE status IS NULL OR status = 'not reported'
), runs AS (
    SELECT plan_title, milestone_id, ref, description, lead_agency, COUNT(*) AS n_periods,
           MIN(ordinal) AS first_ordinal, MAX(ordinal) AS last_ordinal,
           MIN(period_start) AS first_period_start, MAX(period_start) AS last_period_start
    FROM flagged GROUP BY milestone_id, grp
)
SELECT r.*, f.source_file, f.page, f.source_path, f.source_url
FROM runs r
LEFT JOIN v_milestone_periods f ON f.milestone_id = r.milestone_id AND f.ordinal = r.first_ordinal;

-- A change's source is the later update's (where the new status is said).
CREATE VIEW v_status_changes AS
WITH seq AS (
    SELECT *, LAG(status) OVER w AS prev_status, LAG(period) OVER w AS prev_period
    FROM v_milestone_periods WINDOW w AS (PARTITION BY milestone_id ORDER BY ordinal)
)
SELECT plan_title, milestone_id, ref, description, lead_agency,
       prev_period AS from_period, period AS to_period,
       prev_status AS from_status, status AS to_status,
       CASE WHEN prev_status IN ('closed', 'complete') THEN 'reopened' ELSE 'changed' END AS change,
       sources, source_file, page, source_path, source_url
FROM seq
WHERE prev_period IS NOT NULL AND COALESCE(prev_status, '') <> COALESCE(status, '');
