"""Issue 4 end to end: the Q1-Q4 2009/10 follow-up series ingested as PDF only,
DOCX only and mixed formats gives exactly the audits the corpus builder
expects (corpus/series/expected_audits.json, derived from the same data the
packs were rendered from); a paper in two formats is not counted twice; the
timeline, search, people and export verbs work through the CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpack.store import audit
from boardpack.cli import cli
from boardpack.batch import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "corpus" / "series"
QUARTER_FILES = ["cdrp-2009-07-27", "cdrp-2009-10-26", "cdrp-2010-01-25", "cdrp-2010-04-26"]
MIXED = [SERIES / "pdf" / f"{QUARTER_FILES[0]}.pdf", SERIES / "docx" / f"{QUARTER_FILES[1]}.docx",
         SERIES / "pdf" / f"{QUARTER_FILES[2]}.pdf", SERIES / "doc" / f"{QUARTER_FILES[3]}.doc"]


def _ingest(tmp_path_factory, name, paths) -> Path:
    db = tmp_path_factory.mktemp(name) / "store.db"
    summary = ingest_paths(paths, db, workers=2)
    assert summary.failed == 0, summary.errors
    return db


@pytest.fixture(scope="module")
def expected():
    return json.loads((SERIES / "expected_audits.json").read_text())


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    return {
        "pdf": _ingest(tmp_path_factory, "pdf", [SERIES / "pdf"]),
        "docx": _ingest(tmp_path_factory, "docx", [SERIES / "docx"]),
        "mixed": _ingest(tmp_path_factory, "mixed", MIXED),
    }


def _conn(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def _runs(rows):
    return sorted((r["plan_title"], r["ref"], tuple(r["periods"])) for r in rows)


def _expected_runs(expected, n):
    return sorted((r["plan_title"], r["ref"], tuple(r["periods"])) for r in expected["stats_awaited"][str(n)])


@pytest.mark.parametrize("fmt", ["pdf", "docx", "mixed"])
@pytest.mark.parametrize("n", [2, 3, 4])
def test_stats_awaited_audit_exact(dbs, expected, fmt, n):
    got = _runs(audit.stats_awaited(_conn(dbs[fmt]), n))
    assert got == _expected_runs(expected, n)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "mixed"])
def test_not_reported_audit_exact(dbs, expected, fmt):
    got = _runs(audit.not_reported(_conn(dbs[fmt]), 2))
    assert got == sorted((r["plan_title"], r["ref"], tuple(r["periods"])) for r in expected["not_reported"])


@pytest.mark.parametrize("fmt", ["pdf", "docx", "mixed"])
def test_status_changes_audit_exact(dbs, expected, fmt):
    got = sorted((c["ref"], c["from_period"], c["to_period"], c["from_status"], c["to_status"])
                 for c in audit.status_changes(_conn(dbs[fmt])))
    want = sorted((c["ref"], c["from_period"], c["to_period"], c["from_status"], c["to_status"])
                  for c in expected["status_changes"])
    assert got == want


def test_stats_awaited_sources_name_every_paper(dbs):
    rows = audit.stats_awaited(_conn(dbs["pdf"]), 2)
    assert rows
    for r in rows:
        files = [s["file"] for s in r["sources"]]
        assert len(set(files)) == len(r["periods"]), r
        assert all(isinstance(s["page"], int) and s["page"] >= 1 for s in r["sources"]), r


def test_same_quarter_in_two_formats_does_not_double_audits(tmp_path_factory, dbs, expected):
    # Q4 as PDF, DOCX and DOC, plus the other quarters: every audit row once.
    paths = [SERIES / "pdf", SERIES / "docx" / f"{QUARTER_FILES[3]}.docx", SERIES / "doc"]
    db = _ingest(tmp_path_factory, "twice", paths)
    conn = _conn(db)
    for n in (2, 3, 4):
        assert _runs(audit.stats_awaited(conn, n)) == _expected_runs(expected, n)
    assert len(audit.status_changes(conn)) == len(expected["status_changes"])
    # and the copies are recorded as duplicates of one paper, with both files kept
    dup = conn.execute("SELECT COUNT(*) FROM paper_duplicates").fetchone()[0]
    assert dup >= 2
    q4 = [r for r in audit.stats_awaited(conn, 4)]
    assert q4 and any(s["file"].endswith(".doc") or s["file"].endswith(".docx") for r in q4 for s in r["sources"])
    # an update said in a PDF and in Word copies names the PDF first: its link opens at the page
    changes = [c for c in audit.status_changes(conn) if c["to_period"] == "2009/10 Q4"]
    assert changes and all(len(c["sources"]) == 3 for c in changes)
    assert all(c["source_file"].endswith(".pdf") and c["source_url"].endswith(f"#page={c['page']}")
               for c in changes), changes


def test_plan_is_one_identity_across_formats(dbs):
    conn = _conn(dbs["mixed"])
    plans = conn.execute("SELECT plan_key FROM link_plans").fetchall()
    assert len(plans) == 1
    periods = [r[0] for r in conn.execute("SELECT period FROM link_plan_periods ORDER BY ordinal")]
    assert periods == ["2009/10 Q1", "2009/10 Q2", "2009/10 Q3", "2009/10 Q4"]
    # every milestone linked by ref after its first sighting, none merged on a text mismatch
    methods = dict(conn.execute("SELECT method, COUNT(*) FROM link_milestone_links GROUP BY method").fetchall())
    assert methods.get("ref", 0) > 3 * methods.get("new", 0) - 1
    assert "ref-text-mismatch" not in methods


def _cli(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_audit_json_shape(dbs, expected):
    r = _cli("audit", "stats-awaited", "--db", str(dbs["mixed"]), "--min-periods", "3", "--json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert _runs(rows) == _expected_runs(expected, 3)
    for row in rows:
        assert set(row) == {"plan_title", "ref", "description", "lead_agency", "periods", "first_period",
                            "last_period", "sources", "source_file", "page", "source_path", "source_url"}
        assert row["first_period"] == row["periods"][0] and row["last_period"] == row["periods"][-1]
        # the row names its first source, and the URL opens that file at that page
        first = row["sources"][0]
        assert (row["source_file"], row["page"], row["source_path"]) == (first["file"], first["page"], first["path"])
        assert row["source_url"].startswith("file:///") and row["source_path"].endswith(row["source_file"])
        if row["source_file"].endswith(".pdf"):
            assert row["source_url"].endswith(f"/{row['source_file']}#page={row['page']}")


def test_cli_audit_csv_and_table(dbs):
    r = _cli("audit", "status-changes", "--db", str(dbs["pdf"]), "--csv")
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("plan_title,ref,description,from_period")
    r = _cli("audit", "not-reported", "--db", str(dbs["pdf"]), "--table")
    assert r.exit_code == 0 and "Not reported" in r.output


def test_cli_timeline(dbs, expected):
    run = expected["stats_awaited"]["4"][0]
    r = _cli("timeline", run["ref"], "--db", str(dbs["mixed"]), "--json")
    assert r.exit_code == 0, r.output
    rows = [x for x in json.loads(r.output) if x["ref"] == run["ref"]]
    assert [x["period"] for x in rows] == run["periods"]
    assert all(x["stats_awaited"] == 1 and x["file"] for x in rows)
    r = _cli("timeline", "99.9z", "--db", str(dbs["mixed"]))
    assert r.exit_code == 1 and "no milestone or action" in r.output


def test_cli_search_ranks_and_names_pages(dbs):
    r = _cli("search", "graffiti removal", "--db", str(dbs["pdf"]), "--json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and all("[" in x["snippet"] and x["file"].endswith(".pdf") and x["page"] >= 1 for x in rows)
    assert [x["score"] for x in rows] == sorted(x["score"] for x in rows)
    # FTS syntax characters in what people type are not errors
    assert _cli("search", "2009/10 T&CG -", "--db", str(dbs["pdf"])).exit_code == 0


def test_cli_export_every_view(dbs, tmp_path):
    for fmt in ("csv", "json", "parquet"):
        r = _cli("export", str(tmp_path / fmt), "--format", fmt, "--db", str(dbs["pdf"]))
        assert r.exit_code == 0, r.output
        names = {p.stem for p in (tmp_path / fmt).iterdir()}
        assert {"v_action_updates", "v_meetings", "v_timeline", "v_people"} <= names
    import pandas as pd

    df = pd.read_parquet(tmp_path / "parquet" / "v_action_updates.parquet")
    assert len(df) > 50 and set(df["period"]) == {"2009/10 Q1", "2009/10 Q2", "2009/10 Q3", "2009/10 Q4"}


def test_serve_canned_audit_over_loopback(dbs, expected):
    """Start `boardpack serve` on a free loopback port, fetch a canned audit's JSON, stop it."""
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.parse
    import urllib.request

    from boardpack.serve import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "boardpack.cli", "serve", "--db", str(dbs["pdf"]),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/store/stats_awaited.json?min_periods=3&_shape=array"
        deadline, rows, last = time.monotonic() + 60, None, None
        while time.monotonic() < deadline and rows is None:
            if proc.poll() is not None:
                pytest.fail(f"serve exited early: {proc.stdout.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    rows = json.loads(resp.read())
            except OSError as e:
                last = e
                time.sleep(0.5)
        assert rows is not None, f"server did not answer: {last}"
        assert sorted((r["plan_title"], r["ref"]) for r in rows) == sorted(
            (r["plan_title"], r["ref"]) for r in expected["stats_awaited"]["3"])
        # metadata documents the contract views
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=5) as resp:
            meta = json.loads(resp.read())
        assert "v_action_updates" in meta["databases"]["store"]["tables"]
        # read-only: a write through the SQL page is refused
        q = urllib.parse.quote("delete from files")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/store.json?sql={q}", timeout=5)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def pack_twice(tmp_path_factory):
    """The February 2017 pack as PDF and as DOCX in one store."""
    corpus = ROOT / "corpus"
    return _ingest(tmp_path_factory, "pack2017", [corpus / "pdf" / "cdrp-2017-02-23.pdf",
                                                   corpus / "docx" / "cdrp-2017-02-23.docx"])


@pytest.mark.parametrize("view", ["v_action_updates", "v_budget_amounts", "v_indicator_values",
                                  "v_report_items", "v_attendance", "v_decisions", "v_agenda_items"])
def test_pack_in_two_formats_counted_once_in_views(pack_twice, view):
    gold = json.loads((ROOT / "corpus" / "pdf" / "cdrp-2017-02-23.pdf.gold.json").read_text())
    conn = _conn(pack_twice)
    n = conn.execute(f"SELECT COUNT(*) FROM {view}").fetchone()[0]
    assert n == len(gold["views"][view])
    # ... while every copy stays stored, and the duplicate papers name their canonical copy
    assert conn.execute("SELECT COUNT(*) FROM paper_duplicates").fetchone()[0] >= 5


def test_funding_audit_lists_allocations_per_action_and_year(pack_twice):
    rows = audit.funding(_conn(pack_twice))
    kinds = {r["kind"] for r in rows}
    assert {"plan allocation", "budget allocation"} <= kinds
    plan = [r for r in rows if r["kind"] == "plan allocation"]
    assert all(r["year"] == "2016/17" and r["amount"] > 0 for r in plan)
    # counted once although the pack is stored twice
    assert len({(r["item"], r["year"]) for r in plan}) == len(plan)
    # every row, plan rows included, names its file and page and opens there
    for r in rows:
        assert r["source_file"] and isinstance(r["page"], int) and r["source_path"], r
        assert r["source_url"].startswith("file:///"), r
        if r["source_file"].endswith(".pdf"):
            assert r["source_url"].endswith(f"#page={r['page']}"), r


def test_cli_people_record_across_spellings_and_formats(pack_twice):
    r = _cli("people", "Phil Aldis", "--db", str(pack_twice), "--json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert {(x["person"], x["kind"], x["date_or_period"]) for x in rows} == {
        ("Philip Aldis", "attendance", "2016-11-10"), ("Philip Aldis", "action", "2016-11-10")}
    assert len(rows) == 2  # the pack is stored as PDF and DOCX: still one of each


def test_cli_people_reports_led(dbs):
    r = _cli("people", "Chris Savage", "--db", str(dbs["pdf"]), "--json")
    assert r.exit_code == 0, r.output
    led = [x for x in json.loads(r.output) if x["kind"] == "report led"]
    assert led and all(x["date_or_period"] == "2009/10 Q1" and x["detail"] for x in led)
