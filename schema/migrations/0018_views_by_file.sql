-- Fast at scale (issue 13): the first page of v_action_updates(_all) and
-- v_report_items without sorting every row of the archive.
--
-- These views are ordered by source_file, the file name of a document's first
-- path, which v_sources computes per document: SQLite had to compute it for
-- every row and sort them all before the first row (a second at 2,000
-- packs). Now each view walks the paths in file-name order through an index
-- on that very expression (files_source_file), keeps a document's first path
-- only, and sorts one document's rows at a time. Same columns, same rows,
-- same order (rows tied on every ORDER BY term, e.g. two folders holding
-- files of the same name, were in no defined order before either). A
-- document always has a path (the store deletes a document with its last
-- path), so driving from files leaves no document out.

CREATE INDEX IF NOT EXISTS files_source_file
    ON files(replace(path, rtrim(path, replace(path, '/', '')), ''), sha256, path);

CREATE INDEX IF NOT EXISTS report_items_doc ON report_items(doc_sha256);

-- The funding audit's plan allocations: the updates that state an amount,
-- without reading every update of the timeline.
CREATE INDEX IF NOT EXISTS link_updates_funding ON link_updates(milestone_id, period)
    WHERE funding_allocated IS NOT NULL;

DROP VIEW IF EXISTS v_action_updates;
DROP VIEW IF EXISTS v_action_updates_all;
DROP VIEW IF EXISTS v_report_items;

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
       replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '') AS source_file,
       u.page AS page,
       u.doc_sha256 AS doc_sha256,
       u.block_index AS block_index,
       f.source_path AS source_path,
       CASE WHEN d.format = 'pdf' AND u.page IS NOT NULL THEN f.url || '#page=' || u.page ELSE f.url END AS source_url
FROM files f INDEXED BY files_source_file
CROSS JOIN documents d ON d.sha256 = f.sha256
CROSS JOIN plan_updates u ON u.doc_sha256 = f.sha256
JOIN action_plans p ON p.plan_id = u.plan_id
JOIN plan_actions a ON a.action_id = u.action_id
LEFT JOIN plan_milestones m ON m.milestone_id = u.milestone_id
WHERE f.path = (SELECT x.path FROM files x WHERE x.sha256 = f.sha256 ORDER BY x.path LIMIT 1)
ORDER BY replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), p.ordinal, a.ordinal, m.ordinal, u.period_start;

CREATE VIEW v_action_updates AS
SELECT plan_title, action_ref, ref, description, lead_agency, period, period_start, progress, status,
       stats_awaited, funding_allocated, source_file, page, source_path, source_url
FROM v_action_updates_all x
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = x.doc_sha256 AND d.block_index = x.block_index);

CREATE VIEW v_report_items AS
SELECT r.priority_area AS priority_area,
       r.lead_officer AS lead_officer,
       r.period AS period,
       i.section AS section,
       i.item_text AS item_text,
       replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '') AS source_file,
       i.page AS page,
       f.source_path AS source_path,
       CASE WHEN d.format = 'pdf' AND i.page IS NOT NULL THEN f.url || '#page=' || i.page ELSE f.url END AS source_url,
       pn.person_id AS person_id
FROM files f INDEXED BY files_source_file
CROSS JOIN documents d ON d.sha256 = f.sha256
CROSS JOIN report_items i ON i.doc_sha256 = f.sha256
JOIN progress_reports r ON r.report_id = i.report_id
JOIN report_sections sec ON sec.section_id = i.section_id
LEFT JOIN person_names pn ON pn.name = r.lead_officer
WHERE f.path = (SELECT x.path FROM files x WHERE x.sha256 = f.sha256 ORDER BY x.path LIMIT 1)
  AND NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = i.doc_sha256 AND dup.block_index = i.block_index)
ORDER BY replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), r.ordinal, sec.ordinal, i.ordinal;
