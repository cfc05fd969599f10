"""The audits' queries read the store's tables through indexes, not by full scans (issue 13).

Every SQL statement the audits of :mod:`boardpack.store.audit` run is caught
with a trace callback on a fresh store and put through ``EXPLAIN QUERY PLAN``.
On an archive of thousands of packs a full ``SCAN`` of a table that grows
with every pack (amounts, checks, mentions, blocks, papers, updates) costs
seconds (benchmarks/scale_bench.py); a search through an index stays in
milliseconds. The whole-timeline passes of the run views (``link_*`` tables,
partitioned by milestone) and v_sources' one row per document are what the
audits report, and are not counted here.
"""

from __future__ import annotations

import re

import pytest

from boardpack.store import audit
from boardpack.store.database import Store
from boardpack.store.search import COPIES_SQL

#: tables that grow with every pack stored, and that no audit may read whole
PER_PACK = {"blocks", "papers", "files", "plan_updates", "plan_actions", "plan_milestones", "action_plans",
            "budget_amounts", "budget_checks", "budget_tables", "people_mentions", "org_mentions",
            "indicator_values", "warnings"}
AUDITS = {"stats-awaited": audit.stats_awaited, "not-reported": audit.not_reported,
          "status-changes": audit.status_changes, "funding": audit.funding}
# "SCAN budget_amounts" or "SCAN a" (an alias): the table is read whole
_SCAN = re.compile(r"^SCAN (\w+)(?: AS \w+)?(?P<how> USING (?:COVERING )?INDEX \w+)?")


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("plans") / "fresh.db")
    yield store.db.conn
    store.close()


def statements(conn, fn) -> list[str]:
    """The SELECT statements ``fn(conn)`` runs."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        fn(conn)
    finally:
        conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH")) and "sqlite_master" not in s]


def aliases(sql: str) -> dict[str, str]:
    """alias -> table for every ``FROM/JOIN table alias`` in a statement and the views it reads."""
    out = {}
    for table, alias in re.findall(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", sql, re.IGNORECASE):
        out[table] = table
        if alias and alias.upper() not in {"ON", "WHERE", "JOIN", "LEFT", "GROUP", "ORDER", "USING", "WINDOW"}:
            out[alias] = table
    return out


def full_scans(conn, sql: str) -> list[str]:
    """Per-pack tables that ``sql`` reads whole (no index), by name."""
    views = " ".join(r[0] or "" for r in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view'"))
    names = aliases(sql + " " + views)
    out = []
    for row in conn.execute("EXPLAIN QUERY PLAN " + sql):
        m = _SCAN.match(row[3])
        if m and not m.group("how"):
            # an alias used for several tables in several views: ambiguous, so judged by every table it may be
            tables = {names.get(m.group(1), m.group(1))} | {
                t for v, t in aliases(views).items() if v == m.group(1)}
            out += sorted(tables & PER_PACK)
    return out


@pytest.mark.parametrize("name", sorted(AUDITS))
def test_audit_reads_no_per_pack_table_whole(conn, name):
    sqls = statements(conn, AUDITS[name])
    assert sqls, f"audit {name} ran no query"
    bad = {s.split("FROM", 1)[-1][:80]: full_scans(conn, s) for s in sqls}
    assert not any(bad.values()), f"audit {name} scans whole tables: {bad}"


def test_the_check_sees_a_full_scan(conn):
    # what the audits would do without migration 0011's index: the check must catch it
    assert full_scans(conn, "SELECT * FROM budget_amounts NOT INDEXED WHERE is_total = 0") == ["budget_amounts"]
    assert full_scans(conn, "SELECT * FROM budget_amounts WHERE is_total = 0") == []


def test_v_organisations_reads_its_counts_not_the_mentions(conn):
    # migration 0023: one row per organisation, kept by triggers, in name order
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM v_organisations LIMIT 50"))
    assert "SCAN c" in plan and "SEARCH s USING PRIMARY KEY (canonical=?)" in plan, plan
    assert "org_mentions" not in plan and "TEMP B-TREE" not in plan, plan


def test_a_documents_first_path_is_read_from_one_index(conn):
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT x.path FROM files x WHERE x.sha256 = 'ab' ORDER BY x.path LIMIT 1"))
    assert "files_sha256_path" in plan and "TEMP B-TREE" not in plan, plan


#: the linked timeline, which grows with every pack too (issue 13: the run
#: audits read the link stage's run tables, not window functions over these)
PER_LINK = {"link_updates", "link_milestones", "link_plan_periods", "link_plans", "link_runs",
            "link_milestone_links"}
RUN_AUDITS = {"stats-awaited": audit.stats_awaited, "not-reported": audit.not_reported}


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    """A store with a linked timeline: runs of both kinds and changes of status."""
    from boardpack.store.linking_runs import refresh_runs

    store = Store.open(tmp_path_factory.mktemp("timeline") / "t.db")
    c = store.db.conn
    c.execute("INSERT INTO link_plans VALUES ('p', 'Plan', NULL, NULL)")
    c.executemany("INSERT INTO link_plan_periods VALUES ('p', ?, ?, ?)",
                  [(f"P{i}", f"201{i}-01-01", i) for i in range(4)])
    for m in ("1.1a", "1.1b"):
        c.execute("INSERT INTO link_milestones VALUES (?, 'p', ?, '1.1', 'd', NULL)", (m, m))
        c.executemany("INSERT INTO link_updates VALUES (?,?,?,?,?,?,?,?)",
                      [(m, f"P{i}", f"201{i}-01-01", "not reported" if i < 3 else "complete", int(i < 3), "",
                        None, '[{"file": "f.pdf", "page": 1}]') for i in range(4)])
    refresh_runs(c)
    yield c
    store.close()


def link_scans(conn, sql: str) -> list[str]:
    """Linked-timeline tables that ``sql`` reads whole (no index)."""
    out = []
    for row in conn.execute("EXPLAIN QUERY PLAN " + sql):
        m = _SCAN.match(row[3])
        if m and not m.group("how"):
            out.append(m.group(1))
    names = aliases(sql + " " + " ".join(r[0] or "" for r in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'view'")))
    return sorted({names.get(t, t) for t in out} & PER_LINK)


@pytest.mark.parametrize("name", sorted(RUN_AUDITS))
def test_run_audits_read_the_run_table_by_its_index(timeline, name):
    runs = RUN_AUDITS[name](timeline)
    assert runs and runs[0]["periods"] == ["P0", "P1", "P2"], runs
    sqls = statements(timeline, RUN_AUDITS[name])
    assert any("FROM link_runs" in s for s in sqls), sqls
    bad = {s[:90]: link_scans(timeline, s) for s in sqls}
    assert not any(bad.values()), f"audit {name} scans the timeline: {bad}"
    first = " ".join(r[3] for r in timeline.execute("EXPLAIN QUERY PLAN " + next(s for s in sqls if "link_runs" in s)))
    assert "link_runs_audit" in first and "TEMP B-TREE" not in first, first  # its first page comes in order


def test_status_changes_are_read_from_their_table_in_order(timeline):
    changes = audit.status_changes(timeline)
    assert [(c["from_period"], c["to_period"]) for c in changes] == [("P2", "P3"), ("P2", "P3")]
    plan = " ".join(r[3] for r in timeline.execute("EXPLAIN QUERY PLAN SELECT * FROM v_status_changes LIMIT 50"))
    assert "link_status_changes" in plan and "TEMP B-TREE" not in plan and "link_updates" not in plan, plan


def test_the_timeline_check_sees_a_full_scan(timeline):
    assert link_scans(timeline, "SELECT * FROM link_updates NOT INDEXED WHERE milestone_id = '1.1a'") == ["link_updates"]


def views_reading(conn, name: str) -> list[str]:
    """The views whose definition reads ``name``."""
    return sorted(r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'view' AND sql LIKE ?", (f"%JOIN {name} %",)))


def test_every_view_finds_its_source_by_key(conn):
    # migration 0022: v_sources reads doc_sources, kept by triggers; before it,
    # every view built v_sources for every document of the archive first
    readers = views_reading(conn, "v_sources")
    assert len(readers) >= 9, readers  # meetings, agenda, attendance, minutes, budgets, indicators, people
    for view in readers:
        plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT * FROM {view} LIMIT 50")]
        assert not any(p.startswith("MATERIALIZE") for p in plan), (view, plan)
        assert "SEARCH doc_sources USING PRIMARY KEY (doc_sha256=?) LEFT-JOIN" in plan, (view, plan)


def test_the_source_check_sees_v_sources_built_whole(conn):
    # the definition 0022 replaced: the check above must catch it
    old = ("SELECT m.meeting_id, s.source_file FROM meetings m LEFT JOIN (SELECT d.sha256 AS doc_sha256, f.path "
           "AS source_file FROM documents d LEFT JOIN files f ON f.path = (SELECT x.path FROM files x WHERE "
           "x.sha256 = d.sha256 ORDER BY x.path LIMIT 1)) s ON s.doc_sha256 = m.doc_sha256 LIMIT 50")
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + old)]
    assert any(p.startswith("MATERIALIZE") for p in plan), plan


def test_copies_are_left_out_from_the_index(conn):
    # migration 0024: the copies check reads (document, block) from the index,
    # so a copy's row is never read; before it the index held the document only
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM v_report_items")]
    assert any(p.startswith("SEARCH") and "USING INDEX report_items_doc_block (doc_sha256=?)" in p for p in plan), plan
    assert any("copy_block_keys USING PRIMARY KEY (doc_sha256=? AND block_index=?)" in p for p in plan), plan


def test_copied_updates_are_outside_the_index_range(conn):
    # migration 0028 (after 0024's (document, block) index): the update holds
    # its own in_copy flag, so the copies are not in the range the view reads
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM v_action_updates")]
    assert any(p.startswith("SEARCH") and "USING INDEX plan_updates_doc_kept (doc_sha256=? AND in_copy=?)" in p
               for p in plan), plan


def test_search_tells_copies_by_rowid(conn):
    # migration 0025: a match in a copy is found by its rowid alone, no block row read
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + COPIES_SQL.format("?, ?"), (1, 2))]
    assert plan and all(p.startswith("SEARCH copy_blocks USING INTEGER PRIMARY KEY") for p in plan), plan


def test_every_view_tells_copies_by_one_key(conn):
    # migration 0026: v_duplicate_blocks reads copy_block_keys; before it every
    # row of every view searched blocks_paper and then paper_duplicates
    readers = [v for v in views_reading(conn, "v_duplicate_blocks")] + sorted(
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view' AND sql LIKE "
                                   "'%FROM v_duplicate_blocks %'"))
    assert len(set(readers)) >= 9, readers
    for view in sorted(set(readers)):
        plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT * FROM {view} LIMIT 50")]
        assert any("copy_block_keys USING PRIMARY KEY (doc_sha256=? AND block_index=?)" in p for p in plan), (view, plan)
        assert not any("paper_duplicates" in p or "blocks_paper" in p for p in plan), (view, plan)
