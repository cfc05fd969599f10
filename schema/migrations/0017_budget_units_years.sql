-- Trustworthy money (issue 12): every budget amount carries its unit and its
-- financial year; totals say what kind of total they are.
--
-- budget_amounts.scale: the multiplier applied to the figure as printed (1,
-- 1000 for a "£000"/"$000"/"(in thousands)" column or caption, 1000000 for
-- "£m"); amount = figure as printed x scale, amount_raw keeps the figure.
-- budget_amounts.unit: the unit as a reader would write it ("£m", "$000",
-- "£", "%", "thousands" when no currency sign is printed), NULL when the
-- table prints neither a sign nor a multiplier.
-- financial_year ("2016/17", a year from April; "2017" for a year ending in
-- December) and year_source (column | title | paper | meeting date): where
-- the year was read, nearest first (extractors/budgets_year.py).
-- Rows stored before this migration keep NULL in the new columns until their
-- paper is ingested again; their scale is the table's.
ALTER TABLE budget_amounts ADD COLUMN scale INTEGER;
ALTER TABLE budget_amounts ADD COLUMN unit TEXT;
ALTER TABLE budget_amounts ADD COLUMN financial_year TEXT;
ALTER TABLE budget_amounts ADD COLUMN year_source TEXT;
UPDATE budget_amounts SET scale = (SELECT t.scale FROM budget_tables t WHERE t.table_id = budget_amounts.table_id)
WHERE scale IS NULL;
ALTER TABLE budget_tables ADD COLUMN financial_year TEXT;
ALTER TABLE budget_tables ADD COLUMN year_source TEXT;
ALTER TABLE budget_checks ADD COLUMN financial_year TEXT;
ALTER TABLE budget_checks ADD COLUMN year_source TEXT;

-- Views are rebuilt whole (SQLite has no ALTER VIEW): every existing column
-- keeps its name and place; the new ones come last.
DROP VIEW IF EXISTS v_budget_checks;
DROP VIEW IF EXISTS v_budget_amounts;

CREATE VIEW v_budget_amounts AS
SELECT t.title AS table_title, a.item, a.measure, a.amount, a.is_total,
       s.source_file, a.page,
       a.line_number, a.related_actions, a.notes, a.amount_raw,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url,
       a.total_kind, a.scale, a.unit, a.financial_year, a.year_source
FROM budget_amounts a
JOIN budget_tables t ON t.table_id = a.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = a.doc_sha256 AND d.block_index = a.block_index);

CREATE VIEW v_budget_checks AS
SELECT t.title AS table_title, c.total_item, c.measure, c.stated_total, c.computed, c.difference,
       c.n_items, c.status, c.method, s.source_file, c.page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND c.page IS NOT NULL THEN s.file_url || '#page=' || c.page ELSE s.file_url END AS source_url,
       c.financial_year, c.year_source
FROM budget_checks c
JOIN budget_tables t ON t.table_id = c.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = c.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = c.doc_sha256 AND d.block_index = c.block_index);
