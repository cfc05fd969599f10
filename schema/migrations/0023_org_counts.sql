-- Fast at scale (issue 13): v_organisations from counts kept as mentions come and go.
--
-- v_organisations grouped every organisation mention of the archive (320,000
-- at 2,000 packs): its first page read a third of them, 35-70 ms, growing
-- with the archive. The counts it reports (mentions, distinct documents, the
-- spellings) are kept here by triggers on org_mentions, which every writer
-- (a stored document, a document gone by cascade) goes through, and the view
-- reads one row per organisation. Same columns, rows and order (organisations
-- by name, spellings in order).

CREATE TABLE IF NOT EXISTS org_counts (
    canonical TEXT PRIMARY KEY,
    n_mentions INTEGER NOT NULL,
    n_documents INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS org_spellings (
    canonical TEXT NOT NULL,
    raw TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (canonical, raw)
) WITHOUT ROWID;

-- whether a document already mentions an organisation, without reading its mentions
CREATE INDEX IF NOT EXISTS org_mentions_doc_canonical ON org_mentions(doc_sha256, canonical);

INSERT OR REPLACE INTO org_counts (canonical, n_mentions, n_documents)
SELECT canonical, COUNT(*), COUNT(DISTINCT doc_sha256) FROM org_mentions GROUP BY canonical;
INSERT OR REPLACE INTO org_spellings (canonical, raw, n)
SELECT canonical, raw, COUNT(*) FROM org_mentions GROUP BY canonical, raw;

CREATE TRIGGER IF NOT EXISTS org_counts_new_mention AFTER INSERT ON org_mentions
BEGIN
    INSERT INTO org_spellings (canonical, raw, n) VALUES (NEW.canonical, NEW.raw, 1)
        ON CONFLICT (canonical, raw) DO UPDATE SET n = n + 1;
    INSERT INTO org_counts (canonical, n_mentions, n_documents) VALUES (NEW.canonical, 1, 1)
        ON CONFLICT (canonical) DO UPDATE SET n_mentions = n_mentions + 1,
            n_documents = n_documents + NOT EXISTS (
                SELECT 1 FROM org_mentions m
                WHERE m.doc_sha256 = NEW.doc_sha256 AND m.canonical = NEW.canonical AND m.rowid <> NEW.rowid);
END;

CREATE TRIGGER IF NOT EXISTS org_counts_gone_mention AFTER DELETE ON org_mentions
BEGIN
    UPDATE org_spellings SET n = n - 1 WHERE canonical = OLD.canonical AND raw = OLD.raw;
    DELETE FROM org_spellings WHERE canonical = OLD.canonical AND raw = OLD.raw AND n <= 0;
    UPDATE org_counts SET n_mentions = n_mentions - 1,
        n_documents = n_documents - NOT EXISTS (
            SELECT 1 FROM org_mentions m WHERE m.doc_sha256 = OLD.doc_sha256 AND m.canonical = OLD.canonical)
    WHERE canonical = OLD.canonical;
    DELETE FROM org_counts WHERE canonical = OLD.canonical AND n_mentions <= 0;
END;

-- a mention changed in place: taken away as it was, added as it is
CREATE TRIGGER IF NOT EXISTS org_counts_changed_mention AFTER UPDATE OF canonical, raw, doc_sha256 ON org_mentions
BEGIN
    UPDATE org_spellings SET n = n - 1 WHERE canonical = OLD.canonical AND raw = OLD.raw;
    DELETE FROM org_spellings WHERE canonical = OLD.canonical AND raw = OLD.raw AND n <= 0;
    UPDATE org_counts SET n_mentions = n_mentions - 1,
        n_documents = n_documents - NOT EXISTS (
            SELECT 1 FROM org_mentions m
            WHERE m.doc_sha256 = OLD.doc_sha256 AND m.canonical = OLD.canonical AND m.rowid <> OLD.rowid)
    WHERE canonical = OLD.canonical;
    DELETE FROM org_counts WHERE canonical = OLD.canonical AND n_mentions <= 0;
    INSERT INTO org_spellings (canonical, raw, n) VALUES (NEW.canonical, NEW.raw, 1)
        ON CONFLICT (canonical, raw) DO UPDATE SET n = n + 1;
    INSERT INTO org_counts (canonical, n_mentions, n_documents) VALUES (NEW.canonical, 1, 1)
        ON CONFLICT (canonical) DO UPDATE SET n_mentions = n_mentions + 1,
            n_documents = n_documents + NOT EXISTS (
                SELECT 1 FROM org_mentions m
                WHERE m.doc_sha256 = NEW.doc_sha256 AND m.canonical = NEW.canonical AND m.rowid <> NEW.rowid);
END;

DROP VIEW IF EXISTS v_organisations;
CREATE VIEW v_organisations AS
SELECT c.canonical AS organisation,
       (SELECT group_concat(s.raw) FROM org_spellings s WHERE s.canonical = c.canonical) AS spellings,
       c.n_mentions AS n_mentions,
       c.n_documents AS n_documents
FROM org_counts c;
