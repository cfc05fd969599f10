-- Shards merged into this store (boardpack merge, boardpack/shards.py).

-- Every shard merged by `boardpack merge` (boardpack/shards.py): merging the
-- same shard (name and time written) again is skipped whole, so a merge is
-- idempotent even where replaying it would touch timestamps or error notes.
CREATE TABLE IF NOT EXISTS merged_shards (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,              -- document | alias | failure
    path TEXT NOT NULL,
    sha256 TEXT,
    parser_version TEXT NOT NULL,
    written_at TEXT NOT NULL,
    merged_at TEXT NOT NULL
);
