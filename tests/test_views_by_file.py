"""v_action_updates(_all) and v_report_items walk files in name order (issue 13, migration 0018).

Before 0018 these views joined v_sources, which computes each document's
file name, so even their first page sorted every row of the archive. Now
they read the files through an index on the file name: the first page reads
a few documents. The rows and their order must be those of the definitions
they replace (kept here as the reference), on a store with copies of papers
(Word and PDF of the same packs), and the plan must not sort the whole view.
"""

from __future__ import annotations

import sqlite3

import pytest

from boardpack.batch import ingest_paths


# the definitions of 0010 (v_action_updates_all) and 0013 (v_report_items), as queries
BEFORE = {
    "v_action_updates_all": """
        SELECT p.title, a.number, u.ref, COALESCE(m.milestone_text, a.action_text),
               COALESCE(m.lead_agency, a.lead_agency), u.period, u.period_start, u.progress, u.status,
               u.stats_awaited, u.funding_allocated, s.source_file, u.page, u.doc_sha256, u.block_index,
               s.source_path,
               CASE WHEN s.format = 'pdf' AND u.page IS NOT NULL THEN s.file_url || '#page=' || u.page
                    ELSE s.file_url END
        FROM plan_updates u
        JOIN action_plans p ON p.plan_id = u.plan_id
        JOIN plan_actions a ON a.action_id = u.action_id
        LEFT JOIN plan_milestones m ON m.milestone_id = u.milestone_id
        LEFT JOIN v_sources s ON s.doc_sha256 = u.doc_sha256
        ORDER BY s.source_file, p.ordinal, a.ordinal, m.ordinal, u.period_start""",
    "v_report_items": """
        SELECT r.priority_area, r.lead_officer, r.period, i.section, i.item_text, s.source_file, i.page,
               s.source_path,
               CASE WHEN s.format = 'pdf' AND i.page IS NOT NULL THEN s.file_url || '#page=' || i.page
                    ELSE s.file_url END,
               pn.person_id
        FROM report_items i
        JOIN progress_reports r ON r.report_id = i.report_id
        JOIN report_sections sec ON sec.section_id = i.section_id
        LEFT JOIN v_sources s ON s.doc_sha256 = i.doc_sha256
        LEFT JOIN person_names pn ON pn.name = r.lead_officer
        WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                          WHERE d.doc_sha256 = i.doc_sha256 AND d.block_index = i.block_index)
        ORDER BY s.source_file, r.ordinal, sec.ordinal, i.ordinal""",
}
BEFORE["v_action_updates"] = f"""
    SELECT x.* FROM ({BEFORE["v_action_updates_all"]}) x
    WHERE NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d WHERE d.doc_sha256 = x.doc_sha256
                      AND d.block_index = x.block_index)"""


@pytest.fixture(scope="module")
def conn(tmp_path_factory, corpus_text_packs):
    files = corpus_text_packs
    db = tmp_path_factory.mktemp("views") / "v.db"
    summary = ingest_paths(files, db, workers=1)
    assert summary.failed == 0, summary.errors
    c = sqlite3.connect(db)
    yield c
    c.close()


@pytest.mark.parametrize("view", sorted(BEFORE))
def test_same_rows_in_the_same_order_as_before(conn, view):
    got = conn.execute(f"SELECT * FROM {view}").fetchall()
    want = conn.execute(BEFORE[view]).fetchall()
    if view == "v_action_updates":
        want = [r[:13] + r[15:] for r in want]  # the contract view leaves out doc_sha256 and block_index
    assert got and got == want
    assert conn.execute("SELECT COUNT(*) FROM paper_duplicates").fetchone()[0], "no copies: the filter is not tested"


@pytest.mark.parametrize("view", sorted(BEFORE))
def test_first_page_walks_files_by_name_and_sorts_one_document_at_a_time(conn, view):
    plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT * FROM {view} LIMIT 50")]
    assert plan[0].startswith("SCAN f USING INDEX files_source_file"), plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan  # only RIGHT PART OF ORDER BY


def test_copies_are_told_from_the_index_not_the_block_rows(conn):
    # migrations 0019 and 0026: whether a block is in a copy comes from one key
    # (copy_block_keys), not from the row behind its text
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM v_report_items LIMIT 50")]
    assert any("copy_block_keys USING PRIMARY KEY (doc_sha256=? AND block_index=?)" in step for step in plan), plan


def test_updates_in_copies_are_never_read(conn):
    # migration 0028: an update says itself whether it lies in a copy, so the
    # view's index range holds only the updates it lists
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM v_action_updates LIMIT 50")]
    assert any("plan_updates_doc_kept (doc_sha256=? AND in_copy=?)" in step for step in plan), plan
    assert not any("blocks" in step or "copy_block" in step for step in plan), plan
