"""The boardpack CLI: help on every command, exit codes, one-line errors,
output formats and read-only queries."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import click
import pytest
from click.testing import CliRunner

from boardpack.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def all_commands(group: click.Group, ctx: click.Context, prefix=()):
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None:
            continue
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, click.Context(cmd, parent=ctx, info_name=name), prefix + (name,))


def test_every_command_and_option_has_help_text():
    ctx = click.Context(cli, info_name="boardpack")
    cmds = list(all_commands(cli, ctx))
    assert {("ingest",), ("files",), ("show",), ("query",)} <= {n for n, _ in cmds}
    missing = []
    for name, cmd in cmds:
        if not (cmd.help or "").strip():
            missing.append(" ".join(name))
        for p in cmd.params:
            if isinstance(p, click.Option) and not (p.help or "").strip():
                missing.append(f"{' '.join(name)} {p.opts[0]}")
        res = run(*name, "--help")
        assert res.exit_code == 0 and "Usage:" in res.output, name
        assert run(*name, "-h").exit_code == 0
    assert not missing, f"commands/options without help text: {missing}"


def test_version():
    res = run("--version")
    assert res.exit_code == 0 and res.output.startswith("boardpack, version ")


@pytest.fixture
def packs(tmp_path, make_docx):
    folder = tmp_path / "packs"
    make_docx(folder / "a.docx", ["Apples are on the agenda."])
    make_docx(folder / "b.docx", ["Bananas were discussed."])
    return folder


def test_ingest_all_good_exits_0_with_summary(packs, tmp_path):
    db = tmp_path / "b.db"
    res = run("ingest", packs, "--db", db, "-w", "1", "-s")
    assert res.exit_code == 0, res.output
    assert res.stderr == ""
    assert res.stdout.startswith("2 files: 2 new, 0 unchanged, 0 replaced, 0 failed; ")
    assert res.stdout.rstrip().endswith("s") and " pages; " in res.stdout and " rows; " in res.stdout
    res = run("ingest", packs, "--db", db, "-s")
    assert res.exit_code == 0 and res.stdout.startswith("2 files: 0 new, 2 unchanged, 0 replaced, 0 failed; 0 pages;")


def test_ingest_some_failed_exits_1_one_line_per_failure(packs, tmp_path):
    (packs / "notes.txt").write_text("just some text\n")
    (packs / "empty.pdf").write_bytes(b"")
    res = run("ingest", packs, "--db", tmp_path / "b.db", "-w", "1")
    assert res.exit_code == 1
    lines = sorted(res.stderr.strip().splitlines())
    assert len(lines) == 2
    assert lines[0] == f"error: {packs / 'empty.pdf'}: empty file (0 bytes)"
    assert lines[1].startswith(f"error: {packs / 'notes.txt'}: not a PDF, DOCX or DOC file")
    assert res.stdout.startswith("4 files: 2 new, 0 unchanged, 0 replaced, 2 failed;")


def test_ingest_usage_errors_exit_2(tmp_path):
    res = run("ingest", tmp_path / "nope", "--db", tmp_path / "b.db")
    assert res.exit_code == 2
    assert res.stderr == f"error: no such file or folder: {tmp_path / 'nope'}\n"
    assert run("ingest").exit_code == 2  # no PATH at all
    assert run("ingest", tmp_path, "--workers", "0").exit_code == 2


def test_store_errors_are_one_line_without_traceback(packs, tmp_path):
    db = tmp_path / "notes.txt"
    db.write_text("some notes, not a database\n" * 200)
    res = run("ingest", packs, "--db", db, "-s")
    assert res.exit_code == 1
    assert res.stderr == f"error: {db}: not a usable SQLite database (file is not a database)\n"
    # --debug shows the exception instead
    with pytest.raises(Exception, match="not a usable SQLite database"):
        CliRunner().invoke(cli, ["ingest", str(packs), "--db", str(db), "--debug"], catch_exceptions=False)


def test_locked_database_one_line(packs, tmp_path, monkeypatch):
    import boardpack.store.database

    db = tmp_path / "b.db"
    assert run("ingest", packs / "a.docx", "--db", db, "-s").exit_code == 0
    monkeypatch.setattr(boardpack.store.database, "BUSY_TIMEOUT", 0.1)
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        res = run("ingest", packs, "--db", db, "-s", "-w", "1")
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1 and "database is locked by another process" in res.stderr
    assert "Traceback" not in res.output


def test_files_and_query_formats(packs, tmp_path):
    db = tmp_path / "b.db"
    run("ingest", packs, "--db", db, "-s", "-w", "1")
    rows = json.loads(run("files", "--db", db).stdout)
    assert [r["path"].rsplit("/", 1)[1] for r in rows] == ["a.docx", "b.docx"]
    assert {r["format"] for r in rows} == {"docx"} and {r["status"] for r in rows} == {"ok"}
    text = run("files", "--db", db, "--csv").stdout
    assert text.splitlines()[0] == "path,format,pages,status,error,size,sha256,ingested_at,parser_version"
    sql = "select kind, norm from blocks where norm like '%an%' order by norm"
    out = json.loads(run("query", sql, "--db", db).stdout)
    assert {"kind": "paragraph", "norm": "Bananas were discussed."} in out
    nl = run("query", sql, "--db", db, "--nl").stdout.splitlines()
    assert [json.loads(line) for line in nl] == out
    got = list(csv.DictReader(io.StringIO(run("query", sql, "--db", db, "--csv").stdout)))
    assert got == out
    table = run("query", "select count(*) as n from files", "--db", db, "--table").stdout
    assert "┃ n ┃" in table and "│ 2 │" in table
    res = run("query", "select :x as x", "--db", db, "-p", "x", "7")
    assert json.loads(res.stdout) == [{"x": "7"}]


def test_query_is_read_only(packs, tmp_path):
    db = tmp_path / "b.db"
    run("ingest", packs, "--db", db, "-s", "-w", "1")
    for sql in ("delete from files", "drop table blocks", "create table t(x)"):
        res = run("query", sql, "--db", db)
        assert res.exit_code == 1
        assert res.stderr == f"error: {db}: query is read-only: the database was opened read-only, writes are rejected\n"
    assert json.loads(run("query", "select count(*) n from files", "--db", db).stdout) == [{"n": 2}]
    res = run("query", "select * from no_such_table", "--db", db)
    assert res.exit_code == 1 and res.stderr.startswith(f"error: {db}: SQL error: no such table")
    res = run("query", "select 1", "--db", tmp_path / "absent.db")
    assert res.exit_code == 1 and "no database here" in res.stderr
    assert not (tmp_path / "absent.db").exists()


def test_query_creates_no_file_and_cannot_lift_read_only(packs, tmp_path):
    """ATTACH and VACUUM INTO used to exit 0 (or fail) leaving a new empty
    database file behind; PRAGMA query_only = 0 would lift the switch."""
    db = tmp_path / "b.db"
    run("ingest", packs, "--db", db, "-s", "-w", "1")
    for sql in (f"ATTACH DATABASE '{tmp_path / 'x.db'}' AS x", f"VACUUM INTO '{tmp_path / 'v.db'}'",
                "PRAGMA query_only = 0", "PRAGMA journal_mode = DELETE", "DETACH DATABASE main"):
        res = run("query", sql, "--db", db)
        assert res.exit_code == 1, sql
        assert res.stderr == f"error: {db}: query is read-only: the database was opened read-only, writes are rejected\n"
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "v.db").exists()
    # reading pragmas still work
    cols = [r["name"] for r in json.loads(run("query", "PRAGMA table_info(files)", "--db", db).stdout)]
    assert "sha256" in cols
    assert json.loads(run("query", "PRAGMA user_version", "--db", db).stdout)[0]["user_version"] >= 5
    assert json.loads(run("query", "select count(*) n from v_meetings", "--db", db).stdout)[0]["n"] >= 0


def test_show_stages(packs):
    res = run("show", packs / "a.docx", "--stage", "read")
    assert res.exit_code == 0
    assert "docx" in res.stdout.splitlines()[0]
    assert "heading L1: Notes" in res.stdout and "paragraph: Apples are on the agenda." in res.stdout
    res = run("show", packs / "a.docx", "--stage", "segment")
    assert res.exit_code == 0 and "papers (" in res.stdout
    data = json.loads(run("show", packs / "a.docx", "--json").stdout)
    assert data["stage"] == "extract" and data["format"] == "docx"
    assert [b["kind"] for b in data["blocks"]][:2] == ["heading", "paragraph"]
    assert data["papers"] and "rows" in data
    res = run("show", packs / "missing.pdf")
    assert res.exit_code == 1 and res.stderr == f"error: {packs / 'missing.pdf'}: cannot open: No such file or directory\n"


def test_ingest_the_corpus_end_to_end(corpus_dir, corpus_ingest):
    """Every corpus sample through the CLI with 2 workers: good files stored in
    every format, each bad input one error line with its expected error type."""
    golds = {g.name[: -len(".gold.json")]: json.loads(g.read_text()) for g in corpus_dir.rglob("*.gold.json")}
    db, res = corpus_ingest
    bad = {name for name, g in golds.items() if g.get("expected_error")}
    assert res.exit_code == (1 if bad else 0), res.output
    failed_lines = res.stderr.splitlines()
    assert sorted(line.split(": ")[1].rsplit("/", 1)[1] for line in failed_lines) == sorted(bad)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT f.path, f.status, f.format, d.converted_from, d.scanned_pages,"
        " (SELECT error_type FROM errors e WHERE e.path = f.path ORDER BY id DESC LIMIT 1)"
        " FROM files f LEFT JOIN documents d ON d.sha256 = f.sha256"
    ).fetchall()
    by_name = {r[0].rsplit("/", 1)[1]: r[1:] for r in rows}
    assert set(golds) <= set(by_name)
    for name, g in golds.items():
        status, fmt, converted, scanned, error_type = by_name[name]
        if g.get("expected_error"):
            assert (status, error_type) == ("failed", g["expected_error"]), name
        else:
            assert status in ("ok", "scanned"), name
            assert json.loads(scanned) == g.get("scanned_pages", []), name
            if g.get("real_format"):
                assert fmt == g["real_format"], name
    formats = {(fmt, converted) for _, fmt, converted, _, _ in by_name.values() if fmt}
    assert {("pdf", None), ("docx", None), ("doc", "doc")} <= formats
    n_good = len(by_name) - len(bad)
    assert res.stdout.startswith(f"{len(by_name)} files: {n_good} new, 0 unchanged, 0 replaced, {len(bad)} failed;")


def test_realworld_archive_ingests_without_a_crash(realworld_dir, tmp_path):
    """Every real published paper goes through the whole pipeline into the
    store; the scans named in the folder's README are flagged as scanned."""
    db = tmp_path / "real.db"
    res = run("ingest", realworld_dir, "--db", db, "-w", "2", "-s")
    assert res.stderr == "", res.stderr
    assert res.exit_code == 0
    conn = sqlite3.connect(db)
    statuses = dict(conn.execute("SELECT path, status FROM files"))
    assert len(statuses) == len([p for p in realworld_dir.rglob("*") if p.is_file() and p.suffix.lower() != ".md"])
    for scan in ("spc-minutes/2021-03-25 SPC minutes.pdf", "spc-minutes/2022-11-24 SPC minutes.pdf",
                 "spc-agenda/2021-03-25 Agenda.pdf"):
        path = str(realworld_dir / "souldern-parish-council" / scan)
        assert statuses[path] == "scanned", scan
    # the text PDFs are not flagged, and every document has blocks
    assert conn.execute("SELECT count(*) FROM documents WHERE n_blocks = 0").fetchone()[0] == 0
    assert list(statuses.values()).count("ok") >= 25
