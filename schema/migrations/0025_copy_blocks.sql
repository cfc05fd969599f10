-- Fast at scale (issue 13): search tells a block of a copy of a paper by its rowid.
--
-- search ranks the full-text matches (block rowids) and walks them best
-- first, leaving out blocks that lie in a copy of a paper (v_duplicate_blocks).
-- Asking that of a rowid meant reading the block's row for its document and
-- index, then the index of block papers, then paper_duplicates: three
-- searches in three large b-trees per match, and a word common in an archive
-- matches thousands of blocks, most of them in copies. copy_blocks holds the
-- rowids of exactly the blocks v_duplicate_blocks names, kept by triggers on
-- paper_duplicates (the link stage's verdicts) and on blocks (a document
-- stored or gone), so a match is judged by one search of an integer key.

CREATE TABLE IF NOT EXISTS copy_blocks (
    block_rowid INTEGER PRIMARY KEY
);

INSERT OR IGNORE INTO copy_blocks (block_rowid)
SELECT b.rowid FROM blocks b INDEXED BY blocks_paper JOIN paper_duplicates d ON d.paper_id = b.paper_id;

CREATE TRIGGER IF NOT EXISTS copy_blocks_new_copy AFTER INSERT ON paper_duplicates
BEGIN
    INSERT OR IGNORE INTO copy_blocks (block_rowid)
    SELECT b.rowid FROM papers p JOIN blocks b INDEXED BY blocks_paper
        ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
    WHERE p.paper_id = NEW.paper_id;
END;

CREATE TRIGGER IF NOT EXISTS copy_blocks_gone_copy AFTER DELETE ON paper_duplicates
BEGIN
    DELETE FROM copy_blocks WHERE block_rowid IN (
        SELECT b.rowid FROM papers p JOIN blocks b INDEXED BY blocks_paper
            ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
        WHERE p.paper_id = OLD.paper_id);
END;

-- paper_duplicates has no foreign key: a verdict can outlive its document
-- until the next link, and the same bytes stored again bring back its paper ids
CREATE TRIGGER IF NOT EXISTS copy_blocks_new_block AFTER INSERT ON blocks WHEN NEW.paper_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO copy_blocks (block_rowid)
    SELECT NEW.rowid WHERE EXISTS (SELECT 1 FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id);
END;

CREATE TRIGGER IF NOT EXISTS copy_blocks_gone_block AFTER DELETE ON blocks
BEGIN
    DELETE FROM copy_blocks WHERE block_rowid = OLD.rowid;
END;

CREATE TRIGGER IF NOT EXISTS copy_blocks_moved_block AFTER UPDATE OF paper_id ON blocks
BEGIN
    DELETE FROM copy_blocks WHERE block_rowid = OLD.rowid;
    INSERT OR IGNORE INTO copy_blocks (block_rowid)
    SELECT NEW.rowid WHERE EXISTS (SELECT 1 FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id);
END;
