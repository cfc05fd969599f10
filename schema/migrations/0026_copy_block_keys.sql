-- Fast at scale (issue 13): whether a block lies in a copy of a paper, from one key.
--
-- Every view that counts a paper once asks, for each of its rows, whether the
-- row's block lies in a copy (NOT EXISTS ... v_duplicate_blocks): a search of
-- blocks_paper for the block's paper, then of paper_duplicates for a verdict.
-- copy_block_keys holds exactly the rows of v_duplicate_blocks keyed by
-- (document, block), kept by triggers on paper_duplicates (the link's
-- verdicts) and on blocks (a document stored or gone, a block's paper
-- changed), as copy_blocks (0025) holds their rowids for search; the view
-- reads it, so each question is one search of one key. Same columns and rows
-- (one per block: a block has one paper, a paper at most one verdict), in
-- the same order (document, block).

CREATE TABLE IF NOT EXISTS copy_block_keys (
    doc_sha256 TEXT NOT NULL,
    block_index INTEGER NOT NULL,
    canonical_paper_id TEXT,
    PRIMARY KEY (doc_sha256, block_index)
) WITHOUT ROWID;

INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
SELECT b.doc_sha256, b.block_index, d.canonical_paper_id
FROM blocks b INDEXED BY blocks_paper JOIN paper_duplicates d ON d.paper_id = b.paper_id;

CREATE TRIGGER IF NOT EXISTS copy_block_keys_new_copy AFTER INSERT ON paper_duplicates
BEGIN
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT b.doc_sha256, b.block_index, NEW.canonical_paper_id
    FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
    WHERE p.paper_id = NEW.paper_id;
END;

CREATE TRIGGER IF NOT EXISTS copy_block_keys_gone_copy AFTER DELETE ON paper_duplicates
BEGIN
    DELETE FROM copy_block_keys WHERE (doc_sha256, block_index) IN (
        SELECT b.doc_sha256, b.block_index
        FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
        WHERE p.paper_id = OLD.paper_id);
END;

CREATE TRIGGER IF NOT EXISTS copy_block_keys_changed_copy AFTER UPDATE ON paper_duplicates
BEGIN
    DELETE FROM copy_block_keys WHERE (doc_sha256, block_index) IN (
        SELECT b.doc_sha256, b.block_index
        FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
        WHERE p.paper_id = OLD.paper_id);
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT b.doc_sha256, b.block_index, NEW.canonical_paper_id
    FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
    WHERE p.paper_id = NEW.paper_id;
END;

-- paper_duplicates has no foreign key: a verdict can outlive its document
-- until the next link, and the same bytes stored again bring back its paper ids
CREATE TRIGGER IF NOT EXISTS copy_block_keys_new_block AFTER INSERT ON blocks WHEN NEW.paper_id IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT NEW.doc_sha256, NEW.block_index, d.canonical_paper_id FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id;
END;

CREATE TRIGGER IF NOT EXISTS copy_block_keys_gone_block AFTER DELETE ON blocks
BEGIN
    DELETE FROM copy_block_keys WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index;
END;

CREATE TRIGGER IF NOT EXISTS copy_block_keys_moved_block AFTER UPDATE OF doc_sha256, block_index, paper_id ON blocks
BEGIN
    DELETE FROM copy_block_keys WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index;
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT NEW.doc_sha256, NEW.block_index, d.canonical_paper_id FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id;
END;

DROP VIEW IF EXISTS v_duplicate_blocks;
CREATE VIEW v_duplicate_blocks AS
SELECT doc_sha256, block_index, canonical_paper_id FROM copy_block_keys;
