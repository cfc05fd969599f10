-- Fast at scale (issue 13): whether a block lies in a copy of a paper, from an index.
--
-- v_duplicate_blocks finds a block's paper through blocks.paper_id, the last
-- column of a row that holds the block's text and table cells: reading it
-- reads past them, often onto overflow pages. The views that leave copies
-- out (v_action_updates, v_report_items, ...) and search ask this for every
-- row they consider; at 2,000 packs that was most of their time. An index
-- holding (document, block, paper) answers it without reading the row;
-- the view names it so that a store without statistics uses it too.
CREATE INDEX IF NOT EXISTS blocks_paper ON blocks(doc_sha256, block_index, paper_id);

DROP VIEW IF EXISTS v_duplicate_blocks;
CREATE VIEW v_duplicate_blocks AS
SELECT b.doc_sha256, b.block_index, d.canonical_paper_id
FROM blocks b INDEXED BY blocks_paper JOIN paper_duplicates d ON d.paper_id = b.paper_id;
