-- Fast at scale (issue 13): v_action_updates reads only the updates it keeps.
--
-- v_action_updates counts a paper once: it leaves out every update whose
-- block lies in a copy of a paper (copy_block_keys, 0026). It walked every
-- update of each document and asked that of each; on the 10,000-pack bench
-- store 627,628 of 733,228 updates are copies, so six in seven searches only
-- rejected a row. in_copy holds the answer on the update itself, kept by
-- triggers on copy_block_keys (the link stage's verdicts, block by block) and
-- on plan_updates (a document stored), so the view's index range over
-- (document, in_copy = 0) holds exactly the rows it lists. Same columns,
-- same rows, same ORDER BY; the full listing there went from about 1.9 s to
-- 1.2 s through Python's sqlite3.

ALTER TABLE plan_updates ADD COLUMN in_copy INTEGER NOT NULL DEFAULT 0;

UPDATE plan_updates SET in_copy = 1
WHERE EXISTS (SELECT 1 FROM copy_block_keys k
              WHERE k.doc_sha256 = plan_updates.doc_sha256 AND k.block_index = plan_updates.block_index);

CREATE INDEX IF NOT EXISTS plan_updates_doc_kept ON plan_updates(doc_sha256, in_copy, block_index);

-- copy_block_keys is written with INSERT OR REPLACE: the insert trigger sees
-- every verdict, and a replaced row's block is the same block
CREATE TRIGGER IF NOT EXISTS plan_updates_copy_new AFTER INSERT ON copy_block_keys
BEGIN
    UPDATE plan_updates SET in_copy = 1
    WHERE doc_sha256 = NEW.doc_sha256 AND block_index = NEW.block_index AND in_copy = 0;
END;

CREATE TRIGGER IF NOT EXISTS plan_updates_copy_gone AFTER DELETE ON copy_block_keys
BEGIN
    UPDATE plan_updates SET in_copy = 0
    WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index AND in_copy = 1;
END;

CREATE TRIGGER IF NOT EXISTS plan_updates_copy_moved AFTER UPDATE OF doc_sha256, block_index ON copy_block_keys
BEGIN
    UPDATE plan_updates SET in_copy = 0
    WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index AND in_copy = 1;
    UPDATE plan_updates SET in_copy = 1
    WHERE doc_sha256 = NEW.doc_sha256 AND block_index = NEW.block_index AND in_copy = 0;
END;

-- an update stored after its block's verdict (the same bytes stored again)
CREATE TRIGGER IF NOT EXISTS plan_updates_copy_stored AFTER INSERT ON plan_updates
BEGIN
    UPDATE plan_updates SET in_copy = 1
    WHERE rowid = NEW.rowid
      AND EXISTS (SELECT 1 FROM copy_block_keys k WHERE k.doc_sha256 = NEW.doc_sha256 AND k.block_index = NEW.block_index);
END;

CREATE TRIGGER IF NOT EXISTS plan_updates_copy_block AFTER UPDATE OF doc_sha256, block_index ON plan_updates
BEGIN
    UPDATE plan_updates SET in_copy = EXISTS (
        SELECT 1 FROM copy_block_keys k WHERE k.doc_sha256 = NEW.doc_sha256 AND k.block_index = NEW.block_index)
    WHERE rowid = NEW.rowid;
END;

DROP VIEW IF EXISTS v_action_updates;

-- v_action_updates_all's body, read through the kept rows' index range
CREATE VIEW v_action_updates AS
SELECT p.title AS plan_title,
       a.number AS action_ref,
       u.ref AS ref,
       COALESCE(m.milestone_text, a.action_text) AS description,
       COALESCE(m.lead_agency, a.lead_agency) AS lead_agency,
       u.period AS period,
       u.period_start AS period_start,
       u.progress AS progress,
       u.status AS status,
       u.stats_awaited AS stats_awaited,
       u.funding_allocated AS funding_allocated,
       replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '') AS source_file,
       u.page AS page,
       f.source_path AS source_path,
       CASE WHEN d.format = 'pdf' AND u.page IS NOT NULL THEN f.url || '#page=' || u.page ELSE f.url END AS source_url
FROM files f INDEXED BY files_source_file
CROSS JOIN documents d ON d.sha256 = f.sha256
CROSS JOIN plan_updates u INDEXED BY plan_updates_doc_kept ON u.doc_sha256 = f.sha256 AND u.in_copy = 0
JOIN action_plans p ON p.plan_id = u.plan_id
JOIN plan_actions a ON a.action_id = u.action_id
LEFT JOIN plan_milestones m ON m.milestone_id = u.milestone_id
WHERE f.path = (SELECT x.path FROM files x WHERE x.sha256 = f.sha256 ORDER BY x.path LIMIT 1)
ORDER BY replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), p.ordinal, a.ordinal, m.ordinal, u.period_start;
