-- The schema of a fresh store (Store.open on an empty file), pinned by tests/test_schema_pinned.py.
-- SELECT type, name, sql FROM sqlite_master ORDER BY type, name
-- sqlite_version: 3.40.1
-- user_version: 28

-- index action_plans_doc
CREATE INDEX action_plans_doc ON action_plans(doc_sha256);

-- index action_plans_key
CREATE INDEX action_plans_key ON action_plans(title_key);

-- index action_plans_title
CREATE INDEX action_plans_title ON action_plans(title);

-- index agenda_items_doc
CREATE INDEX agenda_items_doc ON agenda_items(doc_sha256);

-- index agenda_items_meeting
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id);

-- index attendance_meeting
CREATE INDEX attendance_meeting ON attendance(meeting_id);

-- index attendance_person
CREATE INDEX attendance_person ON attendance(person);

-- index blocks_paper
CREATE INDEX blocks_paper ON blocks(doc_sha256, block_index, paper_id);

-- index budget_amounts_doc
CREATE INDEX budget_amounts_doc ON budget_amounts(doc_sha256);

-- index budget_amounts_table
CREATE INDEX budget_amounts_table ON budget_amounts(table_id);

-- index budget_amounts_total
CREATE INDEX budget_amounts_total ON budget_amounts(is_total);

-- index budget_checks_doc
CREATE INDEX budget_checks_doc ON budget_checks(doc_sha256);

-- index budget_checks_status
CREATE INDEX budget_checks_status ON budget_checks(status);

-- index budget_tables_doc
CREATE INDEX budget_tables_doc ON budget_tables(doc_sha256);

-- index decisions_meeting
CREATE INDEX decisions_meeting ON decisions(meeting_id);

-- index files_sha256
CREATE INDEX files_sha256 ON files(sha256);

-- index files_sha256_path
CREATE INDEX files_sha256_path ON files(sha256, path);

-- index files_source_file
CREATE INDEX files_source_file
    ON files(replace(path, rtrim(path, replace(path, '/', '')), ''), sha256, path);

-- index indicator_tables_doc
CREATE INDEX indicator_tables_doc ON indicator_tables(doc_sha256);

-- index indicator_values_doc
CREATE INDEX indicator_values_doc ON indicator_values(doc_sha256);

-- index indicator_values_table
CREATE INDEX indicator_values_table ON indicator_values(table_id);

-- index link_milestones_plan
CREATE INDEX link_milestones_plan ON link_milestones(plan_key);

-- index link_paper_sketches_doc
CREATE INDEX link_paper_sketches_doc ON link_paper_sketches(doc_sha256);

-- index link_paper_sketches_hash
CREATE INDEX link_paper_sketches_hash ON link_paper_sketches(paper_type, hash);

-- index link_runs_audit
CREATE INDEX link_runs_audit ON link_runs(kind, plan_title, first_period_start, ref);

-- index link_runs_plan
CREATE INDEX link_runs_plan ON link_runs(plan_key);

-- index link_status_changes_plan
CREATE INDEX link_status_changes_plan ON link_status_changes(plan_key);

-- index link_updates_funding
CREATE INDEX link_updates_funding ON link_updates(milestone_id, period)
    WHERE funding_allocated IS NOT NULL;

-- index meetings_doc
CREATE INDEX meetings_doc ON meetings(doc_sha256);

-- index meetings_meeting
CREATE INDEX meetings_meeting ON meetings(meeting_id);

-- index minute_actions_meeting
CREATE INDEX minute_actions_meeting ON minute_actions(meeting_id);

-- index minute_items_meeting
CREATE INDEX minute_items_meeting ON minute_items(meeting_id);

-- index org_mentions_doc
CREATE INDEX org_mentions_doc ON org_mentions(doc_sha256);

-- index org_mentions_doc_canonical
CREATE INDEX org_mentions_doc_canonical ON org_mentions(doc_sha256, canonical);

-- index org_mentions_group
CREATE INDEX org_mentions_group ON org_mentions(canonical, raw, doc_sha256);

-- index paper_shingles_doc
CREATE INDEX paper_shingles_doc ON paper_shingles(doc_sha256);

-- index papers_doc
CREATE INDEX papers_doc ON papers(doc_sha256);

-- index people_mentions_canonical
CREATE INDEX people_mentions_canonical ON people_mentions(canonical);

-- index people_mentions_doc
CREATE INDEX people_mentions_doc ON people_mentions(doc_sha256);

-- index person_aliases_person
CREATE INDEX person_aliases_person ON person_aliases(person_id);

-- index person_clusters_person
CREATE INDEX person_clusters_person ON person_clusters(person_id);

-- index person_merges_person
CREATE INDEX person_merges_person ON person_merges(person_id);

-- index plan_actions_plan
CREATE INDEX plan_actions_plan ON plan_actions(plan_id);

-- index plan_milestones_key
CREATE INDEX plan_milestones_key ON plan_milestones(plan_key, ref);

-- index plan_milestones_plan
CREATE INDEX plan_milestones_plan ON plan_milestones(plan_id);

-- index plan_updates_doc
CREATE INDEX plan_updates_doc ON plan_updates(doc_sha256);

-- index plan_updates_doc_block
CREATE INDEX plan_updates_doc_block ON plan_updates(doc_sha256, block_index);

-- index plan_updates_doc_kept
CREATE INDEX plan_updates_doc_kept ON plan_updates(doc_sha256, in_copy, block_index);

-- index plan_updates_key
CREATE INDEX plan_updates_key ON plan_updates(plan_key, ref);

-- index plan_updates_plan
CREATE INDEX plan_updates_plan ON plan_updates(plan_id);

-- index progress_reports_doc
CREATE INDEX progress_reports_doc ON progress_reports(doc_sha256);

-- index report_items_doc
CREATE INDEX report_items_doc ON report_items(doc_sha256);

-- index report_items_doc_block
CREATE INDEX report_items_doc_block ON report_items(doc_sha256, block_index);

-- index report_items_report
CREATE INDEX report_items_report ON report_items(report_id);

-- index report_sections_report
CREATE INDEX report_sections_report ON report_sections(report_id);

-- index sqlite_autoindex_action_plans_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_agenda_items_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_attendance_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_blocks_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_budget_amounts_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_budget_checks_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_budget_tables_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_decisions_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_documents_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_files_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_indicator_tables_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_indicator_values_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_docs_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_milestone_links_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_milestones_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_paper_sketches_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_plan_periods_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_plan_titles_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_plans_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_runs_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_status_changes_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_link_updates_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_meetings_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_merged_shards_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_minute_actions_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_minute_items_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_org_mentions_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_paper_duplicates_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_paper_shingles_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_papers_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_people_mentions_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_person_aliases_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_person_clusters_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_person_merges_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_person_names_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_plan_actions_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_plan_milestones_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_plan_updates_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_progress_reports_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_report_items_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_report_sections_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_schema_migrations_1
-- (made by SQLite, no SQL)

-- index sqlite_autoindex_store_state_1
-- (made by SQLite, no SQL)

-- table action_plans
CREATE TABLE action_plans (
    plan_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    title TEXT,
    title_key TEXT,                      -- lower-case, punctuation/dash-normalised title
    owning_group TEXT,
    period TEXT,                         -- period the plan covers, e.g. '2016/17'
    period_start TEXT,
    period_end TEXT,
    period_raw TEXT,
    update_period_raw TEXT,              -- the progress column header / update cue
    page INTEGER,
    page_end INTEGER,
    block_index INTEGER
);

-- table agenda_items
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

-- table attendance
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

-- table blocks
CREATE TABLE blocks (
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    block_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    level INTEGER,
    page INTEGER,
    page_end INTEGER,
    source_index INTEGER,
    bbox TEXT,                       -- JSON [x0, top, x1, bottom] in PDF points
    text TEXT,
    norm TEXT,
    rows_json TEXT,                  -- tables: JSON rows of cells
    flags TEXT,                      -- JSON list, e.g. ["boilerplate"]
    paper_id TEXT,
    PRIMARY KEY (doc_sha256, block_index)
);

-- table blocks_fts
CREATE VIRTUAL TABLE "blocks_fts" USING FTS5 (
    "norm",
    tokenize='porter unicode61',
    content="blocks"
);

-- table blocks_fts_config
CREATE TABLE 'blocks_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table blocks_fts_data
CREATE TABLE 'blocks_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table blocks_fts_docsize
CREATE TABLE 'blocks_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table blocks_fts_idx
CREATE TABLE 'blocks_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table budget_amounts
CREATE TABLE budget_amounts (
    amount_id TEXT PRIMARY KEY,
    table_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    row_index INTEGER NOT NULL,          -- row within the table block
    line_number TEXT,                    -- "Line" column, as written
    item TEXT,                           -- row label, one line
    measure TEXT,                        -- column header: Amount, Original Allocation, ...
    amount REAL,                         -- pounds (scale applied); NULL when the cell is blank/non-value
    amount_raw TEXT,                     -- the cell as written
    is_total INTEGER NOT NULL DEFAULT 0,
    total_kind TEXT,                     -- total | subtotal | balance (is_total = 1 only)
    related_actions TEXT,                -- "1.1;2.2" from "Relates to Actions 1.1, 2.2"
    notes TEXT,
    page INTEGER,
    block_index INTEGER
, scale INTEGER, unit TEXT, financial_year TEXT, year_source TEXT);

-- table budget_checks
CREATE TABLE budget_checks (
    check_id TEXT PRIMARY KEY,
    table_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    total_item TEXT,
    measure TEXT,
    stated_total REAL,
    computed REAL,                       -- sum of the items the total covers
    difference REAL,                     -- stated_total - computed
    n_items INTEGER,
    status TEXT NOT NULL,
    method TEXT,                         -- sum | sum_all | sum_subtotals | balance
    page INTEGER,
    block_index INTEGER
, financial_year TEXT, year_source TEXT);

-- table budget_tables
CREATE TABLE budget_tables (
    table_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    title TEXT,                          -- caption/heading above the table, as written
    header TEXT,                         -- JSON list of column headers
    scale INTEGER NOT NULL DEFAULT 1,    -- multiplier from "£000" / "£m" captions
    n_items INTEGER NOT NULL,
    n_totals INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
, financial_year TEXT, year_source TEXT);

-- table copy_block_keys
CREATE TABLE copy_block_keys (
    doc_sha256 TEXT NOT NULL,
    block_index INTEGER NOT NULL,
    canonical_paper_id TEXT,
    PRIMARY KEY (doc_sha256, block_index)
) WITHOUT ROWID;

-- table copy_blocks
CREATE TABLE copy_blocks (
    block_rowid INTEGER PRIMARY KEY
);

-- table decisions
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

-- table doc_sources
CREATE TABLE doc_sources (
    doc_sha256 TEXT PRIMARY KEY REFERENCES documents(sha256) ON DELETE CASCADE,
    source_file TEXT,
    source_path TEXT,
    file_url TEXT,
    format TEXT
) WITHOUT ROWID;

-- table documents
CREATE TABLE documents (
    sha256 TEXT PRIMARY KEY,
    format TEXT NOT NULL,            -- pdf | docx | doc
    size INTEGER NOT NULL,
    pages INTEGER,
    producer TEXT,
    converted_from TEXT,             -- 'doc' when read through LibreOffice
    scanned_pages TEXT,              -- JSON list of pages with no text layer
    n_blocks INTEGER NOT NULL DEFAULT 0,
    parser_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

-- table errors
CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    stage TEXT NOT NULL,             -- read | clean | segment | extract | store
    error_type TEXT NOT NULL,
    message TEXT NOT NULL,
    occurred_at TEXT NOT NULL
);

-- table files
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    sha256 TEXT REFERENCES documents(sha256) ON DELETE SET NULL,
    format TEXT,
    size INTEGER,
    pages INTEGER,
    producer TEXT,
    ingested_at TEXT NOT NULL,
    status TEXT NOT NULL,            -- ok | scanned | failed
    error TEXT,
    parser_version TEXT NOT NULL
, source_path TEXT, url TEXT);

-- table indicator_tables
CREATE TABLE indicator_tables (
    table_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    title TEXT,
    header TEXT,                         -- JSON list of column headers
    source_kind TEXT NOT NULL,           -- table | list
    n_values INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);

-- table indicator_values
CREATE TABLE indicator_values (
    value_id TEXT PRIMARY KEY,
    table_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    row_index INTEGER NOT NULL,
    indicator TEXT,                      -- row label, one line
    measure TEXT,                        -- column header (or its non-period part)
    period_label TEXT,                   -- "2008/09", "Apr-Jun 2009", from the column header or caption
    value REAL,                          -- NULL for "No Calc", "-", blanks
    value_raw TEXT,
    unit TEXT,                           -- number | percent | money | null
    page INTEGER,
    block_index INTEGER
);

-- table link_doc_surnames
CREATE TABLE link_doc_surnames (
    doc_sha256 TEXT NOT NULL,
    surname TEXT NOT NULL,               -- the last word of a spelling's key ('' for none)
    PRIMARY KEY (doc_sha256, surname)
) WITHOUT ROWID;

-- table link_docs
CREATE TABLE link_docs (
    doc_sha256 TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    plan_titles TEXT NOT NULL          -- JSON list
);

-- table link_milestone_links
CREATE TABLE link_milestone_links (
    plan_title TEXT NOT NULL,
    period TEXT NOT NULL,
    ref TEXT NOT NULL,
    description TEXT,
    milestone_id TEXT NOT NULL REFERENCES link_milestones(milestone_id),
    method TEXT NOT NULL,
    score REAL,
    candidate_id TEXT,                 -- the milestone it was compared with, if any
    PRIMARY KEY (plan_title, period, ref)
);

-- table link_milestones
CREATE TABLE link_milestones (
    milestone_id TEXT PRIMARY KEY,
    plan_key TEXT NOT NULL REFERENCES link_plans(plan_key),
    ref TEXT NOT NULL,                 -- ref as first seen
    action_ref TEXT,
    description TEXT,
    lead_agency TEXT
);

-- table link_paper_sketches
CREATE TABLE link_paper_sketches (
    paper_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL,
    paper_type TEXT,
    hash INTEGER NOT NULL,
    PRIMARY KEY (paper_id, hash)
);

-- table link_plan_periods
CREATE TABLE link_plan_periods (
    plan_key TEXT NOT NULL REFERENCES link_plans(plan_key),
    period TEXT NOT NULL,
    period_start TEXT,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (plan_key, period)
);

-- table link_plan_titles
CREATE TABLE link_plan_titles (
    plan_title TEXT PRIMARY KEY,
    plan_key TEXT NOT NULL REFERENCES link_plans(plan_key),
    method TEXT NOT NULL,              -- exact | normalised | fuzzy
    score REAL NOT NULL
);

-- table link_plans
CREATE TABLE link_plans (
    plan_key TEXT PRIMARY KEY,
    plan_title TEXT NOT NULL,          -- the title as first seen
    first_period_start TEXT,
    last_period_start TEXT
);

-- table link_runs
CREATE TABLE link_runs (
    kind TEXT NOT NULL,
    plan_key TEXT NOT NULL,
    plan_title TEXT,
    milestone_id TEXT NOT NULL,
    ref TEXT,
    description TEXT,
    lead_agency TEXT,
    n_periods INTEGER NOT NULL,
    first_ordinal INTEGER NOT NULL,
    last_ordinal INTEGER NOT NULL,
    first_period_start TEXT,
    last_period_start TEXT,
    source_file TEXT,
    page INTEGER,
    source_path TEXT,
    source_url TEXT,
    PRIMARY KEY (kind, milestone_id, first_ordinal)
);

-- table link_status_changes
CREATE TABLE link_status_changes (
    plan_key TEXT NOT NULL,
    plan_title TEXT,
    milestone_id TEXT NOT NULL,
    ref TEXT,
    description TEXT,
    lead_agency TEXT,
    from_period TEXT,
    to_period TEXT,
    from_status TEXT,
    to_status TEXT,
    change TEXT NOT NULL,
    sources TEXT,
    source_file TEXT,
    page INTEGER,
    source_path TEXT,
    source_url TEXT,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (milestone_id, ordinal)
);

-- table link_updates
CREATE TABLE link_updates (
    milestone_id TEXT NOT NULL REFERENCES link_milestones(milestone_id),
    period TEXT NOT NULL,
    period_start TEXT,
    status TEXT,
    stats_awaited INTEGER NOT NULL DEFAULT 0,
    progress TEXT,
    funding_allocated REAL,
    sources TEXT NOT NULL,             -- JSON [{"file": ..., "page": ...}]
    PRIMARY KEY (milestone_id, period)
);

-- table meetings
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

-- table merged_shards
CREATE TABLE merged_shards (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,              -- document | alias | failure
    path TEXT NOT NULL,
    sha256 TEXT,
    parser_version TEXT NOT NULL,
    written_at TEXT NOT NULL,
    merged_at TEXT NOT NULL
);

-- table minute_actions
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

-- table minute_items
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

-- table org_counts
CREATE TABLE org_counts (
    canonical TEXT PRIMARY KEY,
    n_mentions INTEGER NOT NULL,
    n_documents INTEGER NOT NULL
) WITHOUT ROWID;

-- table org_mentions
CREATE TABLE org_mentions (
    mention_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    raw TEXT NOT NULL,                   -- as written ("CF&RS")
    canonical TEXT NOT NULL,             -- "Cambridgeshire Fire and Rescue Service"
    abbreviation TEXT,                   -- "CFRS"
    context_kind TEXT NOT NULL,
    context TEXT,
    page INTEGER,
    block_index INTEGER
);

-- table org_spellings
CREATE TABLE org_spellings (
    canonical TEXT NOT NULL,
    raw TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (canonical, raw)
) WITHOUT ROWID;

-- table paper_duplicates
CREATE TABLE paper_duplicates (
    paper_id TEXT PRIMARY KEY,
    canonical_paper_id TEXT NOT NULL,
    method TEXT NOT NULL,
    score REAL
);

-- table paper_shingles
CREATE TABLE paper_shingles (
    paper_id TEXT PRIMARY KEY REFERENCES papers(paper_id) ON DELETE CASCADE,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    hashes BLOB NOT NULL,
    numbers TEXT NOT NULL
);

-- table papers
CREATE TABLE papers (
    paper_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    paper_type TEXT NOT NULL,
    title TEXT,
    block_start INTEGER NOT NULL,
    block_end INTEGER NOT NULL,
    page_start INTEGER,
    page_end INTEGER,
    confidence REAL,
    cue TEXT
);

-- table people_mentions
CREATE TABLE people_mentions (
    mention_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    raw TEXT NOT NULL,                   -- as written ("Ch Insp. Dave Sargent")
    canonical TEXT NOT NULL,             -- titles/ranks/honours stripped ("Dave Sargent")
    title TEXT,                          -- "Ch Insp", "Cllr", "Mr"
    honours TEXT,                        -- "OBE"
    role TEXT,
    organisation TEXT,                   -- canonical agency name when known
    context_kind TEXT NOT NULL,          -- attendance | action | lead | report | presenter | addressee | author | text
    context TEXT,                        -- the sentence or cell it came from (shortened)
    method TEXT,                         -- seed | title | cue | gazetteer | model
    page INTEGER,
    block_index INTEGER
);

-- table person_aliases
CREATE TABLE person_aliases (
    alias_id TEXT PRIMARY KEY,
    person_id TEXT,                      -- NULL when none of its spellings is stored any more
    variants TEXT NOT NULL               -- JSON list: the spellings the old id stood for (the evidence)
);

-- table person_clusters
CREATE TABLE person_clusters (
    canonical TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    variants TEXT NOT NULL,              -- JSON list
    roles TEXT,                          -- JSON list, most frequent first
    organisations TEXT,                  -- JSON list
    n_mentions INTEGER
);

-- table person_merges
CREATE TABLE person_merges (
    person_id TEXT NOT NULL,             -- the person now (v_people.person_id)
    merged_id TEXT PRIMARY KEY,          -- the id the merged spellings had on their own
    evidence TEXT NOT NULL               -- JSON: rule, names, bodies, years
);

-- table person_names
CREATE TABLE person_names (
    name TEXT PRIMARY KEY,
    person_id TEXT
);

-- table plan_actions
CREATE TABLE plan_actions (
    action_id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    plan_key TEXT,                       -- action_plans.title_key
    priority TEXT,                       -- priority/group heading the action sits under
    number TEXT,                         -- '1.3'
    action_text TEXT,                    -- normalised, status/funding clauses removed
    raw_text TEXT,
    lead_agency TEXT,
    other_partners TEXT,
    status TEXT,                         -- action-level status where the plan gives one
    status_raw TEXT,
    funding_allocated REAL,
    funding_raw TEXT,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);

-- table plan_milestones
CREATE TABLE plan_milestones (
    milestone_id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    plan_key TEXT,                       -- (plan_key, ref) identifies a milestone across packs
    action_ref TEXT,
    ref TEXT NOT NULL,                   -- '1.3a'
    milestone_text TEXT,
    measurement TEXT,                    -- after "Measurement ="
    source TEXT,                         -- after "Source:"
    lead_agency TEXT,                    -- the milestone row's own lead, if any
    raw_text TEXT,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);

-- table plan_updates
CREATE TABLE plan_updates (
    update_id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    action_id TEXT NOT NULL,
    milestone_id TEXT,                   -- NULL for an action without milestones
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    plan_key TEXT,
    action_ref TEXT,
    ref TEXT NOT NULL,                   -- milestone code, else the action number
    period TEXT,                         -- '2009/10 Q1'
    period_start TEXT,
    period_end TEXT,
    period_kind TEXT,
    period_inferred TEXT,                -- stated | from meeting date
    period_raw TEXT,
    progress TEXT,                       -- normalised progress text
    progress_raw TEXT,
    status TEXT NOT NULL,                -- boardpack.status vocabulary
    status_raw TEXT,                     -- the words or '#rrggbb' fill it came from
    fill TEXT,
    stats_awaited INTEGER NOT NULL DEFAULT 0,
    funding_allocated REAL,
    funding_raw TEXT,
    page INTEGER,
    block_index INTEGER
, in_copy INTEGER NOT NULL DEFAULT 0);

-- table progress_reports
CREATE TABLE progress_reports (
    report_id TEXT PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,            -- position among this document's reports
    title TEXT,                          -- heading the report sits under, as written
    priority_area TEXT,                  -- normalised ("ASB"), period suffix removed
    priority_area_raw TEXT,
    lead_officer TEXT,                   -- as written ("Ch Insp. Dave Sargent")
    period TEXT,                         -- label, e.g. '2009/10 Q1' (boardpack.periods)
    period_start TEXT,                   -- ISO date
    period_end TEXT,
    period_kind TEXT,                    -- quarter | year | month | ytd | range
    period_inferred TEXT,                -- stated | from meeting date
    period_raw TEXT,
    page INTEGER,
    block_index INTEGER
);

-- table removals
CREATE TABLE removals (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    document_removed INTEGER NOT NULL,
    reason TEXT NOT NULL,            -- forget | prune
    removed_at TEXT NOT NULL
);

-- table report_items
CREATE TABLE report_items (
    item_id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    section_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    section TEXT NOT NULL,
    ordinal INTEGER NOT NULL,            -- position within its section
    item_text TEXT NOT NULL,             -- normalised, bullet glyph removed
    raw_text TEXT,
    page INTEGER,
    block_index INTEGER
);

-- table report_sections
CREATE TABLE report_sections (
    section_id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    section TEXT NOT NULL,               -- achievement | concern | recommendation | publicity
    heading_raw TEXT,                    -- heading as written, footnote marker stripped
    ordinal INTEGER NOT NULL,
    n_items INTEGER NOT NULL,
    page INTEGER,
    block_index INTEGER
);

-- table schema_migrations
CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);

-- table store_state
CREATE TABLE store_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- table warnings
CREATE TABLE warnings (
    id INTEGER PRIMARY KEY,
    doc_sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    page INTEGER,
    block_index INTEGER
);

-- trigger blocks_ad
CREATE TRIGGER "blocks_ad" AFTER DELETE ON "blocks" BEGIN
  INSERT INTO "blocks_fts" ("blocks_fts", rowid, "norm") VALUES('delete', old.rowid, old."norm");
END;

-- trigger blocks_ai
CREATE TRIGGER "blocks_ai" AFTER INSERT ON "blocks" BEGIN
  INSERT INTO "blocks_fts" (rowid, "norm") VALUES (new.rowid, new."norm");
END;

-- trigger blocks_au
CREATE TRIGGER "blocks_au" AFTER UPDATE ON "blocks" BEGIN
  INSERT INTO "blocks_fts" ("blocks_fts", rowid, "norm") VALUES('delete', old.rowid, old."norm");
  INSERT INTO "blocks_fts" (rowid, "norm") VALUES (new.rowid, new."norm");
END;

-- trigger copy_block_keys_changed_copy
CREATE TRIGGER copy_block_keys_changed_copy AFTER UPDATE ON paper_duplicates
BEGIN
    DELETE FROM copy_block_keys WHERE (doc_sha256, block_index) IN (
        SELECT b.doc_sha256, b.block_index
        FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
        WHERE p.paper_id = OLD.paper_id);
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT b.doc_sha256, b.block_index, NEW.canonical_paper_id
    FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
    WHERE p.paper_id = NEW.paper_id;
END;

-- trigger copy_block_keys_gone_block
CREATE TRIGGER copy_block_keys_gone_block AFTER DELETE ON blocks
BEGIN
    DELETE FROM copy_block_keys WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index;
END;

-- trigger copy_block_keys_gone_copy
CREATE TRIGGER copy_block_keys_gone_copy AFTER DELETE ON paper_duplicates
BEGIN
    DELETE FROM copy_block_keys WHERE (doc_sha256, block_index) IN (
        SELECT b.doc_sha256, b.block_index
        FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
        WHERE p.paper_id = OLD.paper_id);
END;

-- trigger copy_block_keys_moved_block
CREATE TRIGGER copy_block_keys_moved_block AFTER UPDATE OF doc_sha256, block_index, paper_id ON blocks
BEGIN
    DELETE FROM copy_block_keys WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index;
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT NEW.doc_sha256, NEW.block_index, d.canonical_paper_id FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id;
END;

-- trigger copy_block_keys_new_block
CREATE TRIGGER copy_block_keys_new_block AFTER INSERT ON blocks WHEN NEW.paper_id IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT NEW.doc_sha256, NEW.block_index, d.canonical_paper_id FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id;
END;

-- trigger copy_block_keys_new_copy
CREATE TRIGGER copy_block_keys_new_copy AFTER INSERT ON paper_duplicates
BEGIN
    INSERT OR REPLACE INTO copy_block_keys (doc_sha256, block_index, canonical_paper_id)
    SELECT b.doc_sha256, b.block_index, NEW.canonical_paper_id
    FROM papers p JOIN blocks b INDEXED BY blocks_paper ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
    WHERE p.paper_id = NEW.paper_id;
END;

-- trigger copy_blocks_gone_block
CREATE TRIGGER copy_blocks_gone_block AFTER DELETE ON blocks
BEGIN
    DELETE FROM copy_blocks WHERE block_rowid = OLD.rowid;
END;

-- trigger copy_blocks_gone_copy
CREATE TRIGGER copy_blocks_gone_copy AFTER DELETE ON paper_duplicates
BEGIN
    DELETE FROM copy_blocks WHERE block_rowid IN (
        SELECT b.rowid FROM papers p JOIN blocks b INDEXED BY blocks_paper
            ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
        WHERE p.paper_id = OLD.paper_id);
END;

-- trigger copy_blocks_moved_block
CREATE TRIGGER copy_blocks_moved_block AFTER UPDATE OF paper_id ON blocks
BEGIN
    DELETE FROM copy_blocks WHERE block_rowid = OLD.rowid;
    INSERT OR IGNORE INTO copy_blocks (block_rowid)
    SELECT NEW.rowid WHERE EXISTS (SELECT 1 FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id);
END;

-- trigger copy_blocks_new_block
CREATE TRIGGER copy_blocks_new_block AFTER INSERT ON blocks WHEN NEW.paper_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO copy_blocks (block_rowid)
    SELECT NEW.rowid WHERE EXISTS (SELECT 1 FROM paper_duplicates d WHERE d.paper_id = NEW.paper_id);
END;

-- trigger copy_blocks_new_copy
CREATE TRIGGER copy_blocks_new_copy AFTER INSERT ON paper_duplicates
BEGIN
    INSERT OR IGNORE INTO copy_blocks (block_rowid)
    SELECT b.rowid FROM papers p JOIN blocks b INDEXED BY blocks_paper
        ON b.doc_sha256 = p.doc_sha256 AND b.paper_id = p.paper_id
    WHERE p.paper_id = NEW.paper_id;
END;

-- trigger doc_sources_changed_file
CREATE TRIGGER doc_sources_changed_file AFTER UPDATE OF path, sha256, source_path, url ON files
BEGIN
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = doc_sources.doc_sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 IN (OLD.sha256, NEW.sha256);
END;

-- trigger doc_sources_format
CREATE TRIGGER doc_sources_format AFTER UPDATE OF format ON documents
BEGIN
    UPDATE doc_sources SET format = NEW.format WHERE doc_sha256 = NEW.sha256;
END;

-- trigger doc_sources_gone_file
CREATE TRIGGER doc_sources_gone_file AFTER DELETE ON files WHEN OLD.sha256 IS NOT NULL
BEGIN
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = OLD.sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 = OLD.sha256;
END;

-- trigger doc_sources_new_document
CREATE TRIGGER doc_sources_new_document AFTER INSERT ON documents
BEGIN
    INSERT OR REPLACE INTO doc_sources (doc_sha256, format) VALUES (NEW.sha256, NEW.format);
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = NEW.sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 = NEW.sha256;
END;

-- trigger doc_sources_new_file
CREATE TRIGGER doc_sources_new_file AFTER INSERT ON files WHEN NEW.sha256 IS NOT NULL
BEGIN
    UPDATE doc_sources SET (source_file, source_path, file_url) = (
        SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), f.source_path, f.url
        FROM files f WHERE f.sha256 = NEW.sha256 ORDER BY f.path LIMIT 1)
    WHERE doc_sha256 = NEW.sha256;
END;

-- trigger org_counts_changed_mention
CREATE TRIGGER org_counts_changed_mention AFTER UPDATE OF canonical, raw, doc_sha256 ON org_mentions
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

-- trigger org_counts_gone_mention
CREATE TRIGGER org_counts_gone_mention AFTER DELETE ON org_mentions
BEGIN
    UPDATE org_spellings SET n = n - 1 WHERE canonical = OLD.canonical AND raw = OLD.raw;
    DELETE FROM org_spellings WHERE canonical = OLD.canonical AND raw = OLD.raw AND n <= 0;
    UPDATE org_counts SET n_mentions = n_mentions - 1,
        n_documents = n_documents - NOT EXISTS (
            SELECT 1 FROM org_mentions m WHERE m.doc_sha256 = OLD.doc_sha256 AND m.canonical = OLD.canonical)
    WHERE canonical = OLD.canonical;
    DELETE FROM org_counts WHERE canonical = OLD.canonical AND n_mentions <= 0;
END;

-- trigger org_counts_new_mention
CREATE TRIGGER org_counts_new_mention AFTER INSERT ON org_mentions
BEGIN
    INSERT INTO org_spellings (canonical, raw, n) VALUES (NEW.canonical, NEW.raw, 1)
        ON CONFLICT (canonical, raw) DO UPDATE SET n = n + 1;
    INSERT INTO org_counts (canonical, n_mentions, n_documents) VALUES (NEW.canonical, 1, 1)
        ON CONFLICT (canonical) DO UPDATE SET n_mentions = n_mentions + 1,
            n_documents = n_documents + NOT EXISTS (
                SELECT 1 FROM org_mentions m
                WHERE m.doc_sha256 = NEW.doc_sha256 AND m.canonical = NEW.canonical AND m.rowid <> NEW.rowid);
END;

-- trigger plan_updates_copy_block
CREATE TRIGGER plan_updates_copy_block AFTER UPDATE OF doc_sha256, block_index ON plan_updates
BEGIN
    UPDATE plan_updates SET in_copy = EXISTS (
        SELECT 1 FROM copy_block_keys k WHERE k.doc_sha256 = NEW.doc_sha256 AND k.block_index = NEW.block_index)
    WHERE rowid = NEW.rowid;
END;

-- trigger plan_updates_copy_gone
CREATE TRIGGER plan_updates_copy_gone AFTER DELETE ON copy_block_keys
BEGIN
    UPDATE plan_updates SET in_copy = 0
    WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index AND in_copy = 1;
END;

-- trigger plan_updates_copy_moved
CREATE TRIGGER plan_updates_copy_moved AFTER UPDATE OF doc_sha256, block_index ON copy_block_keys
BEGIN
    UPDATE plan_updates SET in_copy = 0
    WHERE doc_sha256 = OLD.doc_sha256 AND block_index = OLD.block_index AND in_copy = 1;
    UPDATE plan_updates SET in_copy = 1
    WHERE doc_sha256 = NEW.doc_sha256 AND block_index = NEW.block_index AND in_copy = 0;
END;

-- trigger plan_updates_copy_new
CREATE TRIGGER plan_updates_copy_new AFTER INSERT ON copy_block_keys
BEGIN
    UPDATE plan_updates SET in_copy = 1
    WHERE doc_sha256 = NEW.doc_sha256 AND block_index = NEW.block_index AND in_copy = 0;
END;

-- trigger plan_updates_copy_stored
CREATE TRIGGER plan_updates_copy_stored AFTER INSERT ON plan_updates
BEGIN
    UPDATE plan_updates SET in_copy = 1
    WHERE rowid = NEW.rowid
      AND EXISTS (SELECT 1 FROM copy_block_keys k WHERE k.doc_sha256 = NEW.doc_sha256 AND k.block_index = NEW.block_index);
END;

-- view v_action_updates
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

-- view v_action_updates_all
CREATE VIEW v_action_updates_all AS
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
       u.doc_sha256 AS doc_sha256,
       u.block_index AS block_index,
       f.source_path AS source_path,
       CASE WHEN d.format = 'pdf' AND u.page IS NOT NULL THEN f.url || '#page=' || u.page ELSE f.url END AS source_url
FROM files f INDEXED BY files_source_file
CROSS JOIN documents d ON d.sha256 = f.sha256
CROSS JOIN plan_updates u INDEXED BY plan_updates_doc_block ON u.doc_sha256 = f.sha256
JOIN action_plans p ON p.plan_id = u.plan_id
JOIN plan_actions a ON a.action_id = u.action_id
LEFT JOIN plan_milestones m ON m.milestone_id = u.milestone_id
WHERE f.path = (SELECT x.path FROM files x WHERE x.sha256 = f.sha256 ORDER BY x.path LIMIT 1)
ORDER BY replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), p.ordinal, a.ordinal, m.ordinal, u.period_start;

-- view v_agenda_items
CREATE VIEW v_agenda_items AS
SELECT a.meeting_id AS meeting_id,
       a.item_number AS item_number,
       a.title AS title,
       a.presenter AS presenter,
       a.pages AS pages,
       s.source_file AS source_file,
       a.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url
FROM agenda_items a
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = a.doc_sha256 AND dup.block_index = a.block_index);

-- view v_attendance
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

-- view v_budget_amounts
CREATE VIEW v_budget_amounts AS
SELECT t.title AS table_title, a.item, a.measure, a.amount, a.is_total,
       s.source_file, a.page,
       a.line_number, a.related_actions, a.notes, a.amount_raw,
       a.total_kind, a.scale, a.unit, a.financial_year, a.year_source,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND a.page IS NOT NULL THEN s.file_url || '#page=' || a.page ELSE s.file_url END AS source_url
FROM budget_amounts a
JOIN budget_tables t ON t.table_id = a.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = a.doc_sha256 AND d.block_index = a.block_index);

-- view v_budget_checks
CREATE VIEW v_budget_checks AS
SELECT t.title AS table_title, c.total_item, c.measure, c.stated_total, c.computed, c.difference,
       c.n_items, c.status, c.method, s.source_file, c.page,
       c.financial_year, c.year_source,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND c.page IS NOT NULL THEN s.file_url || '#page=' || c.page ELSE s.file_url END AS source_url
FROM budget_checks c
JOIN budget_tables t ON t.table_id = c.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = c.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = c.doc_sha256 AND d.block_index = c.block_index);

-- view v_decisions
CREATE VIEW v_decisions AS
SELECT d.meeting_id AS meeting_id,
       d.meeting_date AS meeting_date,
       d.item_number AS item_number,
       d.decision_text AS decision_text,
       s.source_file AS source_file,
       d.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND d.page IS NOT NULL THEN s.file_url || '#page=' || d.page ELSE s.file_url END AS source_url
FROM decisions d
LEFT JOIN v_sources s ON s.doc_sha256 = d.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = d.doc_sha256 AND dup.block_index = d.block_index);

-- view v_duplicate_blocks
CREATE VIEW v_duplicate_blocks AS
SELECT doc_sha256, block_index, canonical_paper_id FROM copy_block_keys;

-- view v_indicator_values
CREATE VIEW v_indicator_values AS
SELECT t.title AS table_title, v.indicator, v.measure, v.period_label, v.value,
       s.source_file, v.page,
       v.value_raw, v.unit,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND v.page IS NOT NULL THEN s.file_url || '#page=' || v.page ELSE s.file_url END AS source_url
FROM indicator_values v
JOIN indicator_tables t ON t.table_id = v.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = v.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = v.doc_sha256 AND d.block_index = v.block_index);

-- view v_meetings
CREATE VIEW v_meetings AS
SELECT m.meeting_id AS meeting_id,
       m.committee AS committee,
       m.meeting_date AS meeting_date,
       m.start_time AS start_time,
       m.venue AS venue,
       s.source_file AS source_file,
       m.page AS page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND m.page IS NOT NULL THEN s.file_url || '#page=' || m.page ELSE s.file_url END AS source_url
FROM meetings m
LEFT JOIN v_sources s ON s.doc_sha256 = m.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = m.doc_sha256 AND dup.block_index = m.block_index);

-- view v_milestone_periods
CREATE VIEW v_milestone_periods AS
SELECT p.plan_title, m.plan_key, m.milestone_id, m.ref, m.action_ref, m.description, m.lead_agency,
       u.period, u.period_start, pp.ordinal, u.status, u.stats_awaited, u.progress,
       u.funding_allocated, u.sources,
       json_extract(u.sources, '$[0].file') AS source_file,
       json_extract(u.sources, '$[0].page') AS page,
       json_extract(u.sources, '$[0].path') AS source_path,
       json_extract(u.sources, '$[0].url') AS source_url
FROM link_updates u
JOIN link_milestones m ON m.milestone_id = u.milestone_id
JOIN link_plans p ON p.plan_key = m.plan_key
JOIN link_plan_periods pp ON pp.plan_key = m.plan_key AND pp.period = u.period;

-- view v_minute_actions
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

-- view v_not_reported_runs
CREATE VIEW v_not_reported_runs AS
SELECT plan_title, milestone_id, ref, description, lead_agency, n_periods, first_ordinal, last_ordinal,
       first_period_start, last_period_start, source_file, page, source_path, source_url
FROM link_runs WHERE kind = 'not-reported'
ORDER BY milestone_id, first_ordinal;

-- view v_organisations
CREATE VIEW v_organisations AS
SELECT c.canonical AS organisation,
       (SELECT group_concat(s.raw) FROM org_spellings s WHERE s.canonical = c.canonical) AS spellings,
       c.n_mentions AS n_mentions,
       c.n_documents AS n_documents
FROM org_counts c;

-- view v_people
CREATE VIEW v_people AS
SELECT DISTINCT pc.person_id, pc.name,
       (SELECT group_concat(value, '; ') FROM json_each(pc.variants)) AS variants,
       (SELECT group_concat(value, '; ') FROM json_each(pc.roles)) AS roles,
       (SELECT group_concat(value, '; ') FROM json_each(pc.organisations)) AS organisations
FROM person_clusters pc
UNION ALL
SELECT m.canonical AS person_id, m.canonical AS name, m.canonical AS variants,
       (SELECT group_concat(r, '; ') FROM (SELECT DISTINCT role AS r FROM people_mentions x
            WHERE x.canonical = m.canonical AND role IS NOT NULL AND role <> '' ORDER BY r)) AS roles,
       (SELECT group_concat(o, '; ') FROM (SELECT DISTINCT organisation AS o FROM people_mentions x
            WHERE x.canonical = m.canonical AND organisation IS NOT NULL AND organisation <> '' ORDER BY o)) AS organisations
FROM (SELECT DISTINCT canonical FROM people_mentions) m
WHERE m.canonical NOT IN (SELECT canonical FROM person_clusters);

-- view v_people_mentions
CREATE VIEW v_people_mentions AS
SELECT COALESCE(pc.person_id, m.canonical) AS person_id, m.canonical, m.raw, m.title, m.role,
       m.organisation, m.context_kind, m.context, s.source_file, m.page,
       s.source_path AS source_path,
       CASE WHEN s.format = 'pdf' AND m.page IS NOT NULL THEN s.file_url || '#page=' || m.page ELSE s.file_url END AS source_url
FROM people_mentions m
LEFT JOIN person_clusters pc ON pc.canonical = m.canonical
LEFT JOIN v_sources s ON s.doc_sha256 = m.doc_sha256;

-- view v_report_items
CREATE VIEW v_report_items AS
SELECT r.priority_area AS priority_area,
       r.lead_officer AS lead_officer,
       r.period AS period,
       i.section AS section,
       i.item_text AS item_text,
       replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '') AS source_file,
       i.page AS page,
       f.source_path AS source_path,
       CASE WHEN d.format = 'pdf' AND i.page IS NOT NULL THEN f.url || '#page=' || i.page ELSE f.url END AS source_url,
       pn.person_id AS person_id
FROM files f INDEXED BY files_source_file
CROSS JOIN documents d ON d.sha256 = f.sha256
CROSS JOIN report_items i INDEXED BY report_items_doc_block ON i.doc_sha256 = f.sha256
JOIN progress_reports r ON r.report_id = i.report_id
JOIN report_sections sec ON sec.section_id = i.section_id
LEFT JOIN person_names pn ON pn.name = r.lead_officer
WHERE f.path = (SELECT x.path FROM files x WHERE x.sha256 = f.sha256 ORDER BY x.path LIMIT 1)
  AND NOT EXISTS (SELECT 1 FROM v_duplicate_blocks dup
                  WHERE dup.doc_sha256 = i.doc_sha256 AND dup.block_index = i.block_index)
ORDER BY replace(f.path, rtrim(f.path, replace(f.path, '/', '')), ''), r.ordinal, sec.ordinal, i.ordinal;

-- view v_sources
CREATE VIEW v_sources AS
SELECT doc_sha256, source_file, source_path, file_url, format FROM doc_sources;

-- view v_stats_awaited_runs
CREATE VIEW v_stats_awaited_runs AS
SELECT plan_title, milestone_id, ref, description, lead_agency, n_periods, first_ordinal, last_ordinal,
       first_period_start, last_period_start, source_file, page, source_path, source_url
FROM link_runs WHERE kind = 'stats-awaited'
ORDER BY milestone_id, first_ordinal;

-- view v_status_changes
CREATE VIEW v_status_changes AS
SELECT plan_title, milestone_id, ref, description, lead_agency, from_period, to_period,
       from_status, to_status, change, sources, source_file, page, source_path, source_url
FROM link_status_changes
ORDER BY milestone_id, ordinal;

-- view v_timeline
CREATE VIEW v_timeline AS
SELECT p.plan_title, m.plan_key, m.milestone_id, m.ref, m.action_ref, m.description, m.lead_agency,
       u.period, u.period_start, u.status, u.stats_awaited, u.progress, u.funding_allocated, u.sources,
       json_extract(u.sources, '$[0].file') AS source_file,
       json_extract(u.sources, '$[0].page') AS page,
       json_extract(u.sources, '$[0].path') AS source_path,
       json_extract(u.sources, '$[0].url') AS source_url
FROM link_updates u
JOIN link_milestones m ON m.milestone_id = u.milestone_id
JOIN link_plans p ON p.plan_key = m.plan_key;
