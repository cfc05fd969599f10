-- Report leads carry their person too (issue 12): person_names (0012) also
-- maps each progress report's lead_officer as written ("CI Dave Sargent")
-- to its person; v_report_items as in 0010, person_id appended.

-- A store with documents has no lead names in person_names yet: the next ingest relinks.
UPDATE store_state SET value = '1' WHERE key = 'links_stale' AND EXISTS (SELECT 1 FROM documents);

DROP VIEW IF EXISTS v_report_items;
CREATE VIEW v_report_items AS
SELECT r.priority_area AS priority_area,
       r.lead_officer AS lead_officer,
       r.period AS period,
       i.section AS section,
       i.item_text AS item_text,
       s.source_file AS source_file,
       i.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND i.page IS NOT NULL THEN s.file_url || '#page=' || i.page ELSE s.file_url END AS source_url,
       pn.person_id AS person_id
FROM report_items i
JOIN progress_reports r ON r.report_id = i.report_id
JOIN report_sections sec ON sec.section_id = i.section_id
LEFT JOIN v_sources s ON s.doc_sha256 = i.doc_sha256
LEFT JOIN person_names pn ON pn.name = r.lead_officer
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = i.doc_sha256 AND d.block_index = i.block_index)
ORDER BY s.source_file, r.ordinal, sec.ordinal, i.ordinal;
