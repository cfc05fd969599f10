-- The full-text index of blocks rebuilt in the form sqlite-utils writes with
--   db["blocks"].enable_fts(["norm"], tokenize="porter unicode61", create_triggers=True)
-- (sqlite-utils 4.2), byte for byte, so Datasette and sqlite-utils' Table.detect_fts
-- find it: both look for content="blocks" or content=[blocks], and 0001 wrote
-- content='blocks'. Same column, tokenizer, rowids and trigger names; the index
-- is filled again from blocks (external content: blocks holds the text).
-- tests/test_search_fts.py checks that enable_fts(replace=True) leaves it as is.
DROP TRIGGER blocks_ai;
DROP TRIGGER blocks_ad;
DROP TRIGGER blocks_au;
DROP TABLE blocks_fts;
CREATE VIRTUAL TABLE "blocks_fts" USING FTS5 (
    "norm",
    tokenize='porter unicode61',
    content="blocks"
);
INSERT INTO "blocks_fts" (rowid, "norm")
    SELECT rowid, "norm" FROM "blocks";
CREATE TRIGGER "blocks_ai" AFTER INSERT ON "blocks" BEGIN
  INSERT INTO "blocks_fts" (rowid, "norm") VALUES (new.rowid, new."norm");
END;
CREATE TRIGGER "blocks_ad" AFTER DELETE ON "blocks" BEGIN
  INSERT INTO "blocks_fts" ("blocks_fts", rowid, "norm") VALUES('delete', old.rowid, old."norm");
END;
CREATE TRIGGER "blocks_au" AFTER UPDATE ON "blocks" BEGIN
  INSERT INTO "blocks_fts" ("blocks_fts", rowid, "norm") VALUES('delete', old.rowid, old."norm");
  INSERT INTO "blocks_fts" (rowid, "norm") VALUES (new.rowid, new."norm");
END;
