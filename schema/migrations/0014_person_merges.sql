-- Spellings of one person merged where the papers agree (issue 12): "Katy
-- Draper" and "Katie Draper" named by the same body in overlapping years are
-- one person, and "K Draper" then fits only them. Derived, rebuilt by every
-- link (boardpack.store.person_ids.merge_by_context): one row per person id
-- folded into another, with the evidence.
CREATE TABLE person_merges (
    person_id TEXT NOT NULL,             -- the person now (v_people.person_id)
    merged_id TEXT PRIMARY KEY,          -- the id the merged spellings had on their own
    evidence TEXT NOT NULL               -- JSON: rule, names, bodies, years
);
CREATE INDEX person_merges_person ON person_merges(person_id);

-- Stores with documents: the next ingest relinks, so the merges are made.
UPDATE store_state SET value = '1' WHERE key = 'links_stale' AND EXISTS (SELECT 1 FROM documents);
