-- Provenance closes every view: 0017 added the budget views' unit and year
-- columns after source_path/source_url; these re-create the two views with
-- the new columns before them, as every other view with a source has them
-- (tests/test_provenance.py). Same rows, same columns, another order.

DROP VIEW IF EXISTS v_budget_amounts;
CREATE VIEW v_budget_amounts AS
SELECT t.title AS table_title, a.item, a.measure, a.amount, a.is_total,
       s.source_file, a.page,
       a.line_number, a.related_actions, a.notes, a.amount_raw,
       a.total_kind, a.scale, a.unit, a.financial_year, a.year_source,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url
FROM budget_amounts a
JOIN budget_tables t ON t.table_id = a.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = a.doc_sha256 AND d.block_index = a.block_index);

DROP VIEW IF EXISTS v_budget_checks;
CREATE VIEW v_budget_checks AS
SELECT t.title AS table_title, c.total_item, c.measure, c.stated_total, c.computed, c.difference,
       c.n_items, c.status, c.method, s.source_file, c.page,
       c.financial_year, c.year_source,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND c.page IS NOT NULL THEN s.file_url || '#page=' || c.page ELSE s.file_url END AS source_url
FROM budget_checks c
JOIN budget_tables t ON t.table_id = c.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = c.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = c.doc_sha256 AND d.block_index = c.block_index);
