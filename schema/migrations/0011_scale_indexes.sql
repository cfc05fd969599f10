-- Indexes for stores of many thousands of packs (benchmarks/scale_bench.py,
-- README "Scaling"); each one turns a full scan that grows with the archive
-- into an index search.

-- v_sources' first path of a document (every view's source_file) and the
-- link stage's MIN(path) per document: ordered and covered by the index,
-- no sort per document.
CREATE INDEX IF NOT EXISTS files_sha256_path ON files(sha256, path);

-- v_organisations: GROUP BY canonical read in index order (its first page
-- without grouping every mention), spellings and documents covered.
CREATE INDEX IF NOT EXISTS org_mentions_group ON org_mentions(canonical, raw, doc_sha256);

-- The funding audit: budget items that are not totals, and the totals that
-- do not add up, found without reading every amount and check.
CREATE INDEX IF NOT EXISTS budget_amounts_total ON budget_amounts(is_total);
CREATE INDEX IF NOT EXISTS budget_checks_status ON budget_checks(status);
