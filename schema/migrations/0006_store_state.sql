-- State of the store as a whole. 'links_stale' = '1' while the derived data
-- (links across packs, duplicate papers, people clusters) does not yet
-- reflect the stored files: set in each file's own transaction, cleared only
-- when the link stage completes, so a crash or lock during linking is
-- repaired by the next run (or `boardpack relink`).
CREATE TABLE IF NOT EXISTS store_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT OR IGNORE INTO store_state (key, value)
SELECT 'links_stale', CASE WHEN EXISTS (SELECT 1 FROM documents) THEN '1' ELSE '0' END;

-- Every path removed from the store (`boardpack forget`, `boardpack prune`):
-- what it held and whether its document went with it (no other path held
-- the same bytes).
CREATE TABLE IF NOT EXISTS removals (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    document_removed INTEGER NOT NULL,
    reason TEXT NOT NULL,            -- forget | prune
    removed_at TEXT NOT NULL
);
