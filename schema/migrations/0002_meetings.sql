-- Meetings, agenda items and minutes (extractors/meetings.py, agenda.py,
-- minutes.py). Raw text is kept beside every normalised value, with
-- (doc_sha256, page, block_index) provenance. meeting_id is
-- row_id('meeting', normalised committee, ISO date): the same meeting found in
-- several documents (a pack's summons, the next pack's minutes) shares it.
-- No foreign keys between these tables (only to documents), so the store may
-- insert them in any order.

-- One row per meeting per document that describes it (summons, agenda front
-- sheet or minutes header); fields found in several papers of one document
-- are merged into this row.
CREATE TABLE meetings (
    meeting_row_id TEXT PRIMARY KEY,     -- row_id(doc sha256, meeting_id)
    meeting_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    committee TEXT,                      -- tidied, ALL-CAPS names title-cased
    committee_raw TEXT,
    meeting_date TEXT,                   -- ISO YYYY-MM-DD
    meeting_date_raw TEXT,
    start_time TEXT,                     -- HH:MM 24h
    start_time_raw TEXT,
    venue TEXT,
    venue_raw TEXT,
    date_of_issue TEXT,                  -- ISO date the summons was issued
    date_of_issue_raw TEXT,
    contact_officer TEXT,                -- democratic services / contact officer
    contact_raw TEXT,
    addressees TEXT,                     -- JSON list, as written
    sources TEXT,                        -- comma list of cover_letter | agenda | minutes
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX meetings_meeting ON meetings(meeting_id);
CREATE INDEX meetings_doc ON meetings(doc_sha256);

CREATE TABLE agenda_items (
    agenda_item_id TEXT PRIMARY KEY,
    meeting_id TEXT,                     -- the pack's meeting (cover letter / front sheet)
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    item_number TEXT NOT NULL,           -- normalised: '4a', '6a', '5'
    item_number_raw TEXT,
    parent_number TEXT,                  -- '4' for '4a' when item 4 itself is listed
    title TEXT,                          -- presenter and page range removed
    title_raw TEXT,
    presenter TEXT,                      -- "- Mike Hill" at the end of the title
    pages TEXT,                          -- '7 - 14'
    pages_raw TEXT,
    group_heading TEXT,                  -- 'LOOKING BACK', 'EXEMPT ITEMS'
    notes TEXT,                          -- sub-lines (i), (ii) and descriptions, newline-separated
    ordinal INTEGER NOT NULL,
    paper_type TEXT,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id);
CREATE INDEX agenda_items_doc ON agenda_items(doc_sha256);

-- Attendance of the meeting the minutes record (not the pack's meeting).
CREATE TABLE attendance (
    attendance_id TEXT PRIMARY KEY,
    meeting_id TEXT,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    meeting_date TEXT,
    person TEXT NOT NULL,                -- name as written, role/initials removed, honours kept
    person_raw TEXT,
    role TEXT,                           -- role or organisation when given
    attendance TEXT NOT NULL CHECK (attendance IN ('present', 'in attendance', 'apologies', 'chair')),
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX attendance_meeting ON attendance(meeting_id);
CREATE INDEX attendance_person ON attendance(person);

CREATE TABLE minute_items (
    minute_item_id TEXT PRIMARY KEY,
    meeting_id TEXT,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    meeting_date TEXT,
    item_number TEXT NOT NULL,           -- as numbered: '286', '4', '11.19.03'
    title TEXT,
    title_raw TEXT,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX minute_items_meeting ON minute_items(meeting_id);

CREATE TABLE decisions (
    decision_id TEXT PRIMARY KEY,
    meeting_id TEXT,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    meeting_date TEXT,
    item_number TEXT,                    -- the minute item it sits under
    decision_text TEXT NOT NULL,
    keyword TEXT,                        -- the cue: RESOLVED, APPROVED, 'It was agreed', ...
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX decisions_meeting ON decisions(meeting_id);

CREATE TABLE minute_actions (
    minute_action_id TEXT PRIMARY KEY,
    meeting_id TEXT,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    meeting_date TEXT,
    item_number TEXT,
    owners TEXT,                         -- '; '-separated names or initials
    owners_raw TEXT,                     -- the Action/Owner cell as written, when from a column
    action_text TEXT NOT NULL,
    page INTEGER,
    block_index INTEGER
);
CREATE INDEX minute_actions_meeting ON minute_actions(meeting_id);

CREATE VIEW v_meetings AS
SELECT m.meeting_id AS meeting_id,
       m.committee AS committee,
       m.meeting_date AS meeting_date,
       m.start_time AS start_time,
       m.venue AS venue,
       s.source_file AS source_file
FROM meetings m
LEFT JOIN v_sources s ON s.doc_sha256 = m.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = m.doc_sha256 AND dup.block_index = m.block_index);

CREATE VIEW v_agenda_items AS
SELECT a.meeting_id AS meeting_id,
       a.item_number AS item_number,
       a.title AS title,
       a.presenter AS presenter,
       a.pages AS pages,
       s.source_file AS source_file,
       a.page AS page
FROM agenda_items a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

CREATE VIEW v_attendance AS
SELECT a.meeting_id AS meeting_id,
       a.meeting_date AS meeting_date,
       a.person AS person,
       a.role AS role,
       a.attendance AS attendance,
       s.source_file AS source_file,
       a.page AS page
FROM attendance a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

CREATE VIEW v_minute_actions AS
SELECT a.meeting_id AS meeting_id,
       a.meeting_date AS meeting_date,
       a.owners AS owners,
       a.action_text AS action_text,
       s.source_file AS source_file,
       a.page AS page
FROM minute_actions a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

CREATE VIEW v_decisions AS
SELECT d.meeting_id AS meeting_id,
       d.meeting_date AS meeting_date,
       d.item_number AS item_number,
       d.decision_text AS decision_text,
       s.source_file AS source_file,
       d.page AS page
FROM decisions d
LEFT JOIN v_sources s ON s.doc_sha256 = d.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = d.doc_sha256 AND dup.block_index = d.block_index);
