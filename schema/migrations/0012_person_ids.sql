-- People counted right (issue 12): person_id is made from a key new packs
-- rarely move (boardpack.core.names.person_key); the link stage
-- (boardpack.store.person_ids) keeps every id it retires resolvable and maps
-- each name as written in attendance and minute actions to its person.

-- Every id once given out that the registry no longer has -> the person now
-- holding most of the spellings it stood for. Carried from one link to the
-- next (not rebuilt from scratch), so an id saved anywhere still resolves.
CREATE TABLE person_aliases (
    alias_id TEXT PRIMARY KEY,
    person_id TEXT,                      -- NULL when none of its spellings is stored any more
    variants TEXT NOT NULL               -- JSON list: the spellings the old id stood for (the evidence)
);
CREATE INDEX person_aliases_person ON person_aliases(person_id);

-- Derived, rebuilt by the link stage: attendance.person or minute_actions.owners
-- as written -> the person (for an owners list, the known owners' ids, '; '-separated).
CREATE TABLE person_names (
    name TEXT PRIMARY KEY,
    person_id TEXT
);

-- A store with documents has no person_names yet: the next ingest relinks.
UPDATE store_state SET value = '1' WHERE key = 'links_stale' AND EXISTS (SELECT 1 FROM documents);

-- v_attendance and v_minute_actions as in 0010, person_id appended.
DROP VIEW IF EXISTS v_attendance;
DROP VIEW IF EXISTS v_minute_actions;

CREATE VIEW v_attendance AS
SELECT a.meeting_id AS meeting_id,
       a.meeting_date AS meeting_date,
       a.person AS person,
       a.role AS role,
       a.attendance AS attendance,
       s.source_file AS source_file,
       a.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url,
       pn.person_id AS person_id
FROM attendance a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
LEFT JOIN person_names pn ON pn.name = a.person
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

CREATE VIEW v_minute_actions AS
SELECT a.meeting_id AS meeting_id,
       a.meeting_date AS meeting_date,
       a.owners AS owners,
       a.action_text AS action_text,
       s.source_file AS source_file,
       a.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url,
       pn.person_id AS person_id
FROM minute_actions a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
LEFT JOIN person_names pn ON pn.name = a.owners
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);
