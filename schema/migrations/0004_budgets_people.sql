-- Budgets, performance indicators, people and organisations
-- (extractors/budgets.py, extractors/indicators.py, extractors/people.py).
-- Raw text is kept beside every parsed number and canonical name; ids are
-- deterministic row_id() hashes; no foreign keys between these tables (only to
-- documents), so the store may insert them in any order.

-- One budget or spending table (a table block, or label/amount lines in prose).
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
);
CREATE INDEX budget_tables_doc ON budget_tables(doc_sha256);

-- Long format: one row per (item, measure) cell.
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
);
CREATE INDEX budget_amounts_table ON budget_amounts(table_id);
CREATE INDEX budget_amounts_doc ON budget_amounts(doc_sha256);

-- Every total checked against the sum of its items (status ok | mismatch | unchecked).
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
);
CREATE INDEX budget_checks_doc ON budget_checks(doc_sha256);

-- One indicator table (or small "Label: count" list).
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
CREATE INDEX indicator_tables_doc ON indicator_tables(doc_sha256);

-- Long format: one row per (indicator, column) cell.
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
CREATE INDEX indicator_values_table ON indicator_values(table_id);
CREATE INDEX indicator_values_doc ON indicator_values(doc_sha256);

-- Every person named in a document: attendance, actions, leads, reports.
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
CREATE INDEX people_mentions_doc ON people_mentions(doc_sha256);
CREATE INDEX people_mentions_canonical ON people_mentions(canonical);

-- Every organisation named: agencies by name or abbreviation.
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
CREATE INDEX org_mentions_doc ON org_mentions(doc_sha256);

-- Person registry: every canonical spelling -> one person. Derived, rebuilt
-- from people_mentions by boardpack.names.rebuild_people(conn) after each batch;
-- a spelling not (yet) in it is its own person in v_people.
CREATE TABLE person_clusters (
    canonical TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    variants TEXT NOT NULL,              -- JSON list
    roles TEXT,                          -- JSON list, most frequent first
    organisations TEXT,                  -- JSON list
    n_mentions INTEGER
);
CREATE INDEX person_clusters_person ON person_clusters(person_id);

-- Query contract (README "Query views"): the issue's columns first, in order,
-- then extra columns after page.
CREATE VIEW v_budget_amounts AS
SELECT t.title AS table_title, a.item, a.measure, a.amount, a.is_total,
       s.source_file, a.page,
       a.line_number, a.related_actions, a.notes, a.amount_raw
FROM budget_amounts a
JOIN budget_tables t ON t.table_id = a.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = a.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = a.doc_sha256 AND d.block_index = a.block_index);

CREATE VIEW v_budget_checks AS
SELECT t.title AS table_title, c.total_item, c.measure, c.stated_total, c.computed, c.difference,
       c.n_items, c.status, c.method, s.source_file, c.page
FROM budget_checks c
JOIN budget_tables t ON t.table_id = c.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = c.doc_sha256
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = c.doc_sha256 AND d.block_index = c.block_index);

CREATE VIEW v_indicator_values AS
SELECT t.title AS table_title, v.indicator, v.measure, v.period_label, v.value,
       s.source_file, v.page,
       v.value_raw, v.unit
FROM indicator_values v
JOIN indicator_tables t ON t.table_id = v.table_id
LEFT JOIN v_sources s ON s.doc_sha256 = v.doc_sha256
-- a paper published in two files (a .doc and its PDF) is counted once
WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                  WHERE d.doc_sha256 = v.doc_sha256 AND d.block_index = v.block_index);

CREATE VIEW v_people_mentions AS
SELECT COALESCE(pc.person_id, m.canonical) AS person_id, m.canonical, m.raw, m.title, m.role,
       m.organisation, m.context_kind, m.context, s.source_file, m.page
FROM people_mentions m
LEFT JOIN person_clusters pc ON pc.canonical = m.canonical
LEFT JOIN v_sources s ON s.doc_sha256 = m.doc_sha256;

-- One row per person. Clustered people (rebuild_people) come from
-- person_clusters; spellings not yet clustered are listed as their own person.
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

CREATE VIEW v_organisations AS
SELECT o.canonical AS organisation, group_concat(DISTINCT o.raw) AS spellings,
       COUNT(*) AS n_mentions, COUNT(DISTINCT o.doc_sha256) AS n_documents
FROM org_mentions o
GROUP BY o.canonical;
