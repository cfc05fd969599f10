-- Re-linking people after a few packs (issue 13): the people registry falls
-- apart into groups of similar surnames (boardpack/core/person_groups.py), and
-- a link rebuilds only the groups the changed documents' names reach. A gone
-- document's mentions are deleted with it, so the link stage keeps here the
-- surnames each document named when it was last linked (a gone document's
-- groups are rebuilt without it; boardpack/store/people_scope.py).
CREATE TABLE link_doc_surnames (
    doc_sha256 TEXT NOT NULL,
    surname TEXT NOT NULL,               -- the last word of a spelling's key ('' for none)
    PRIMARY KEY (doc_sha256, surname)
) WITHOUT ROWID;

-- Filled by the next full link (no link_docs record: every document is new to it).
DELETE FROM link_docs;
UPDATE store_state SET value = '1' WHERE key = 'links_stale' AND EXISTS (SELECT 1 FROM documents);
