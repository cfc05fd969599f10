-- Fast at scale (issue 13): every view's source columns from a table, not
-- from a subquery over every document.
--
-- v_sources (0010) joins documents to each one's first path; a view that
-- LEFT JOINs it cannot have it flattened (its right side is itself a join),
-- so SQLite built v_sources for every document of the archive before the
-- first row of v_meetings, v_budget_amounts, v_people_mentions, ... (50-100
-- ms at 2,000 packs, growing with the archive). doc_sources holds the same
-- rows, one per document, kept by triggers on documents and files (every
-- writer, the store, merge and forget alike, goes through those tables), and
-- v_sources reads it: the views find a row's source by primary key. Same
-- columns, same rows.

CREATE TABLE IF NOT EXISTS doc_sources (
    doc_sha256 TEXT PRIMARY KEY REFERENCES documents(sha256) ON DELETE CASCADE,
    source_file TEXT,
    source_path TEXT,
    file_url TEXT,
    format TEXT
) WITHOUT ROWID;

-- filled as v_sources computed it (0010)
INSERT OR REPLACE INTO doc_sources (doc_sha256, source_file, source_path, file_url, format)
SELECT d.sha256, replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url, d.format
FROM documents d
LEFT JOIN files f ON f.path = (SELECT x.path FROM files x WHERE x.sha256 = d.sha256 ORDER BY x.path LIMIT 1);

-- A document's first path (alphabetically) names it, as in v_sources before.
CREATE TRIGGER IF NOT EXISTS doc_sources_new_document AFTER INSERT ON documents
BEGIN
    INSERT OR REPLACE INTO doc_sources (doc_sha256, format) VALUES (NEW.sha256, NEW.format);
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = NEW.sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 = NEW.sha256;
END;

CREATE TRIGGER IF NOT EXISTS doc_sources_format AFTER UPDATE OF format ON documents
BEGIN
    UPDATE doc_sources SET format = NEW.format WHERE doc_sha256 = NEW.sha256;
END;

CREATE TRIGGER IF NOT EXISTS doc_sources_new_file AFTER INSERT ON files WHEN NEW.sha256 IS NOT NULL
BEGIN
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = NEW.sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 = NEW.sha256;
END;

-- a path moved to other bytes (or cleared when its document went) changes
-- the first path of both documents
CREATE TRIGGER IF NOT EXISTS doc_sources_changed_file AFTER UPDATE OF path, sha256, source_path, url ON files
BEGIN
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = doc_sources.doc_sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 IN (OLD.sha256, NEW.sha256);
END;

CREATE TRIGGER IF NOT EXISTS doc_sources_gone_file AFTER DELETE ON files WHEN OLD.sha256 IS NOT NULL
BEGIN
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = OLD.sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 = OLD.sha256;
END;

DROP VIEW IF EXISTS v_sources;
CREATE VIEW v_sources AS
SELECT doc_sha256, source_file, source_path, file_url, format FROM doc_sources;
