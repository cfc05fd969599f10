-- Fast at scale (issues 10 and 13): each paper's fingerprint for the duplicate check, made where it was parsed.
--
-- The duplicate check compares papers by their word 5-gram shingles and their
-- numbers (boardpack/core/shingles.py). Both depend on the paper's own
-- blocks only, so the worker that parses a file makes them and the store
-- keeps them here; linking reads them instead of reading and hashing every
-- paper's text again in the one process that links. hashes: the CRC-32 of
-- every shingle, sorted, as unsigned 32-bit little-endian integers; n: how
-- many; numbers: the paper's tokens with a digit, a sorted JSON list.
-- Papers stored before this table have no row: linking makes theirs from
-- their blocks, as it always did.
CREATE TABLE paper_shingles (
    paper_id TEXT PRIMARY KEY REFERENCES papers(paper_id) ON DELETE CASCADE,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    hashes BLOB NOT NULL,
    numbers TEXT NOT NULL
);
CREATE INDEX paper_shingles_doc ON paper_shingles(doc_sha256);
