-- Fast at scale (issue 13): the duplicate check's index, kept between links.
--
-- Each paper with text enough to compare is indexed by the smallest CRC-32
-- hashes of its word 5-grams (a bottom-k sketch); two papers are compared
-- only when they share one. Kept here, a link after one more pack judges
-- only the papers its papers can reach through shared hashes
-- (boardpack/store/duplicates.py), instead of shingling every paper again.
CREATE TABLE link_paper_sketches (
    paper_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL,
    paper_type TEXT,
    hash INTEGER NOT NULL,
    PRIMARY KEY (paper_id, hash)
);
CREATE INDEX link_paper_sketches_hash ON link_paper_sketches(paper_type, hash);
CREATE INDEX link_paper_sketches_doc ON link_paper_sketches(doc_sha256);

-- The sketches are filled by the next full link.
DELETE FROM link_docs;
UPDATE store_state SET value = '1' WHERE key = 'links_stale' AND EXISTS (SELECT 1 FROM documents);
