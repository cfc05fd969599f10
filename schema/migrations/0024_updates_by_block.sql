-- Fast at scale (issue 13): the copies left out of v_action_updates and
-- v_report_items without reading the rows of the copies.
--
-- Both views walk a document's updates (report items) through an index on
-- the document alone, so SQLite read every row, copy or not, before asking
-- whether its block lies in a copy of a paper (v_duplicate_blocks). With the
-- block in the index that question is answered from the index, and a row is
-- read only when it is kept (SQLite defers the seek to the row). On the
-- 2,000-pack bench store all but 504 of 146,588 updates are copies, and
-- v_action_updates read every one of them. The views name the index, as 0018 names files_source_file.
-- Same columns and the same ORDER BY; rows tied on every ORDER BY term (no
-- defined order before either) now come in block order.

CREATE INDEX IF NOT EXISTS plan_updates_doc_block ON plan_updates(doc_sha256, block_index);
CREATE INDEX IF NOT EXISTS report_items_doc_block ON report_items(doc_sha256, block_index);

-- v_action_updates reads v_action_updates_all by name and keeps its definition
DROP VIEW IF EXISTS v_action_updates_all;
DROP VIEW IF EXISTS v_report_items;

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
CROSS JOIN plan_updates u INDEXED BY plan_updates_doc_block ON u.doc_sha256 = f.sha256
JOIN action_plans p ON p.plan_id = u.plan_id
JOIN plan_actions a ON a.action_id = u.action_id
LEFT JOIN plan_milestones m ON m.milestone_id = u.milestone_id
WHERE f.path = (SELECT x.path FROM files x WHERE x.sha256 = f.sha256 ORDER BY x.path LIMIT 1)
ORDER BY replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), p.ordinal, a.ordinal, m.ordinal, u.period_start;

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
CROSS JOIN report_items i INDEXED BY report_items_doc_block ON i.doc_sha256 = f.sha256
JOIN progress_reports r ON r.report_id = i.report_id
JOIN report_sections sec ON sec.section_id = i.section_id
LEFT JOIN person_names pn ON pn.name = r.lead_officer
WHERE f.path = (SELECT x.path FROM files x WHERE x.sha256 = f.sha256 ORDER BY x.path LIMIT 1)
  AND NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = i.doc_sha256 AND dup.block_index = i.block_index)
ORDER BY replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), r.ordinal, sec.ordinal, i.ordinal;
