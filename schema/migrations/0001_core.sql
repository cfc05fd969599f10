-- Core store: files, documents (content identity), papers, blocks, full-text
-- search, errors and warnings. Every extracted table added by later
-- migrations carries doc_sha256 REFERENCES documents ON DELETE CASCADE, so
-- replacing or removing a document removes everything derived from it.

CREATE TABLE documents (
    sha256 TEXT PRIMARY KEY,
    format TEXT NOT NULL,            -- pdf | docx | doc
    size INTEGER NOT NULL,
    pages INTEGER,
    producer TEXT,
    converted_from TEXT,             -- 'doc' when read through LibreOffice
    scanned_pages TEXT,              -- JSON list of pages with no text layer
    n_blocks INTEGER NOT NULL DEFAULT 0,
    parser_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

-- One row per path ever given to `ingest`; the same bytes under two paths
-- are one document with two file rows.
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    sha256 TEXT REFERENCES documents(sha256) ON DELETE SET NULL,
    format TEXT,
    size INTEGER,
    pages INTEGER,
    producer TEXT,
    ingested_at TEXT NOT NULL,
    status TEXT NOT NULL,            -- ok | scanned | failed
    error TEXT,
    parser_version TEXT NOT NULL
);
CREATE INDEX files_sha256 ON files(sha256);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    stage TEXT NOT NULL,             -- read | clean | segment | extract | store
    error_type TEXT NOT NULL,
    message TEXT NOT NULL,
    occurred_at TEXT NOT NULL
);

CREATE TABLE papers (
    paper_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    paper_type TEXT NOT NULL,
    title TEXT,
    block_start INTEGER NOT NULL,
    block_end INTEGER NOT NULL,
    page_start INTEGER,
    page_end INTEGER,
    confidence REAL,
    cue TEXT
);
CREATE INDEX papers_doc ON papers(doc_sha256);

CREATE TABLE blocks (
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    block_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    level INTEGER,
    page INTEGER,
    page_end INTEGER,
    source_index INTEGER,
    bbox TEXT,                       -- JSON [x0, top, x1, bottom] in PDF points
    text TEXT,
    norm TEXT,
    rows_json TEXT,                  -- tables: JSON rows of cells
    flags TEXT,                      -- JSON list, e.g. ["boilerplate"]
    paper_id TEXT,
    PRIMARY KEY (doc_sha256, block_index)
);

CREATE VIRTUAL TABLE blocks_fts USING fts5(norm, content='blocks', content_rowid='rowid', tokenize='porter unicode61');
CREATE TRIGGER blocks_ai AFTER INSERT ON blocks BEGIN
    INSERT INTO blocks_fts(rowid, norm) VALUES (new.rowid, new.norm);
END;
CREATE TRIGGER blocks_ad AFTER DELETE ON blocks BEGIN
    INSERT INTO blocks_fts(blocks_fts, rowid, norm) VALUES ('delete', old.rowid, old.norm);
END;
CREATE TRIGGER blocks_au AFTER UPDATE ON blocks BEGIN
    INSERT INTO blocks_fts(blocks_fts, rowid, norm) VALUES ('delete', old.rowid, old.norm);
    INSERT INTO blocks_fts(rowid, norm) VALUES (new.rowid, new.norm);
END;

CREATE TABLE warnings (
    id INTEGER PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    page INTEGER,
    block_index INTEGER
);

-- The file name every view reports as source_file: the base name of the
-- first path (alphabetically) under which the document was ingested.
CREATE VIEW v_sources AS
SELECT d.sha256 AS doc_sha256,
       (SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '')
          FROM files f WHERE f.sha256 = d.sha256 ORDER BY f.path LIMIT 1) AS source_file
FROM documents d;

-- Same paper published in several files (a .doc and its PDF; a pack's
-- "minutes of the previous meeting" and the printed minutes). Rebuilt by the
-- link stage after every ingest batch; views leave out rows whose block sits
-- in a non-canonical copy, so each paper is counted once.
CREATE TABLE paper_duplicates (
    paper_id TEXT PRIMARY KEY,
    canonical_paper_id TEXT NOT NULL,
    method TEXT NOT NULL,
    score REAL
);
CREATE VIEW v_duplicate_blocks AS
SELECT b.doc_sha256, b.block_index, d.canonical_paper_id
FROM blocks b JOIN paper_duplicates d ON d.paper_id = b.paper_id;
