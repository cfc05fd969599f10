"""The store and the ingest run: one transaction per file, idempotent re-ingest,
replacement of changed files, one copy of repeated bytes, failures recorded
without touching anything else, and one-line StoreErrors."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from boardpack.core.errors import StoreError
from boardpack.extractors.base import ExtractResult
from boardpack.batch import NoInputs, expand_paths, ingest_paths
from boardpack.pipeline import parse_file
from boardpack.store import linking
from boardpack.store.database import Store, file_key

TABLES = ("documents", "files", "papers", "blocks", "warnings", "errors")


def snapshot(db_path) -> dict:
    """Every row (with rowid) of the core tables, to compare two states exactly."""
    conn = sqlite3.connect(db_path)
    try:
        out = {}
        for t in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
            # ingested_at/occurred_at are when it happened; everything else must be equal
            cols = [c for c in cols if c not in ("ingested_at", "occurred_at")]
            out[t] = conn.execute(f"SELECT rowid, {', '.join(cols)} FROM {t} ORDER BY rowid").fetchall()
        out["fts"] = conn.execute("SELECT count(*) FROM blocks_fts").fetchone()
        return out
    finally:
        conn.close()


def count(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def archive(tmp_path, make_docx):
    """Three good Word files and one zero-byte file in a folder, plus a sidecar."""
    folder = tmp_path / "packs"
    for i, words in enumerate(["alpha apples", "beta bananas", "gamma grapes"]):
        make_docx(folder / f"pack{i}.docx", [f"Paragraph about {words} number {i}.", "Second paragraph."])
    (folder / "sub").mkdir()
    (folder / "sub" / "empty.pdf").write_bytes(b"")
    (folder / "pack0.docx.gold.json").write_text("{}")
    (folder / ".hidden.docx").write_bytes(b"not read")
    (folder / "build.py").write_text("print('the generator, not a pack')\n")
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.docx").write_bytes(b"not read")
    return folder


def test_expand_paths_skips_sidecars_and_hidden_files(archive, tmp_path):
    files, missing = expand_paths([archive, tmp_path / "nope.pdf"])
    names = [f.name for f in files]
    assert names == ["pack0.docx", "pack1.docx", "pack2.docx", "empty.pdf"]
    assert [m.name for m in missing] == ["nope.pdf"]
    # a file named explicitly is always attempted, and listed once
    files, _ = expand_paths([archive / "build.py", archive / "build.py", archive / "sub"])
    assert [f.name for f in files] == ["build.py", "empty.pdf"]


def test_ingest_stores_good_files_and_records_the_bad_one(archive, tmp_path):
    db = tmp_path / "db" / "b.db"  # parent folder is created
    s = ingest_paths([archive], db, workers=1)
    assert (s.files, s.new, s.unchanged, s.replaced, s.failed) == (4, 3, 0, 0, 1)
    assert s.errors[0][0].endswith("empty.pdf") and "empty file" in s.errors[0][1]
    assert count(db, "SELECT count(*) FROM documents") == 3
    assert count(db, "SELECT count(*) FROM files WHERE status = 'ok'") == 3
    row = sqlite3.connect(db).execute("SELECT status, sha256, error FROM files WHERE path LIKE '%empty.pdf'").fetchone()
    assert row[0] == "failed" and row[1] is None and "empty file" in row[2]
    err = sqlite3.connect(db).execute("SELECT stage, error_type, message FROM errors").fetchall()
    assert err == [("read", "UnreadableDocument", "empty file (0 bytes)")]
    # blocks are searchable through FTS5
    hits = count(db, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'bananas'")
    assert hits == 1
    # every block belongs to a paper of its document
    assert count(db, "SELECT count(*) FROM blocks WHERE paper_id IS NULL AND kind != 'page_break'") == 0


def test_reingest_unchanged_changes_nothing(archive, tmp_path):
    db = tmp_path / "b.db"
    ingest_paths([archive], db, workers=1)
    before = snapshot(db)
    s = ingest_paths([archive], db, workers=1)
    assert (s.new, s.unchanged, s.replaced, s.failed, s.pages) == (0, 3, 0, 1, 0)
    assert snapshot(db) == before


def test_changed_file_at_same_path_replaces_its_rows(archive, tmp_path, make_docx):
    db = tmp_path / "b.db"
    ingest_paths([archive], db, workers=1)
    old_sha = count(db, "SELECT sha256 FROM files WHERE path = ?", (file_key(archive / "pack1.docx"),))
    make_docx(archive / "pack1.docx", ["Completely new text about cherries."])
    s = ingest_paths([archive], db, workers=1)
    assert (s.new, s.unchanged, s.replaced) == (0, 2, 1)
    assert count(db, "SELECT count(*) FROM documents WHERE sha256 = ?", (old_sha,)) == 0
    assert count(db, "SELECT count(*) FROM blocks WHERE doc_sha256 = ?", (old_sha,)) == 0
    assert count(db, "SELECT count(*) FROM documents") == 3
    assert count(db, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'bananas'") == 0
    assert count(db, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'cherries'") == 1


def test_same_bytes_under_two_paths_stored_once(archive, tmp_path):
    shutil.copy(archive / "pack0.docx", archive / "copy-of-pack0.docx")
    db = tmp_path / "b.db"
    s = ingest_paths([archive], db, workers=1)
    assert s.new == 4 and s.failed == 1
    assert count(db, "SELECT count(*) FROM documents") == 3
    sha = count(db, "SELECT sha256 FROM files WHERE path LIKE '%/pack0.docx'")
    assert count(db, "SELECT count(*) FROM files WHERE sha256 = ?", (sha,)) == 2
    n_blocks = count(db, "SELECT count(*) FROM blocks")
    # a third path added later is linked without parsing, and still stored once
    shutil.copy(archive / "pack0.docx", tmp_path / "third.docx")
    s = ingest_paths([tmp_path / "third.docx"], db, workers=1)
    assert (s.new, s.pages) == (1, 0)
    assert count(db, "SELECT count(*) FROM blocks") == n_blocks
    assert count(db, "SELECT count(*) FROM files WHERE sha256 = ?", (sha,)) == 3


def test_failing_reingest_keeps_the_last_good_version(archive, tmp_path):
    db = tmp_path / "b.db"
    ingest_paths([archive], db, workers=1)
    good_sha = count(db, "SELECT sha256 FROM files WHERE path LIKE '%pack2.docx'")
    shutil.copy(archive / "pack2.docx", tmp_path / "good.docx")
    (archive / "pack2.docx").write_bytes(b"PK\x03\x04 this zip is broken")
    s = ingest_paths([archive], db, workers=1)
    assert s.failed == 2 and s.unchanged == 2
    row = sqlite3.connect(db).execute("SELECT sha256, status, error FROM files WHERE path LIKE '%pack2.docx'").fetchone()
    assert row[0] == good_sha and row[1] == "ok" and "broken zip" in row[2]
    assert count(db, "SELECT count(*) FROM blocks WHERE doc_sha256 = ?", (good_sha,)) > 0
    # the same failure again records nothing new
    before = snapshot(db)
    ingest_paths([archive], db, workers=1)
    assert snapshot(db) == before
    # restoring the good bytes clears the error without parsing again
    shutil.copy(tmp_path / "good.docx", archive / "pack2.docx")
    s = ingest_paths([archive], db, workers=1)
    assert (s.unchanged, s.failed, s.pages) == (3, 1, 0)
    row = sqlite3.connect(db).execute("SELECT sha256, status, error FROM files WHERE path LIKE '%pack2.docx'").fetchone()
    assert row == (good_sha, "ok", None)


def test_parser_upgrade_reparses_and_keeps_every_path(archive, tmp_path, monkeypatch):
    import boardpack.store.database

    shutil.copy(archive / "pack0.docx", archive / "copy.docx")
    db = tmp_path / "b.db"
    ingest_paths([archive], db, workers=1)
    n_blocks = count(db, "SELECT count(*) FROM blocks")
    monkeypatch.setattr(boardpack.store.database, "PARSER_VERSION", "upgraded")
    s = ingest_paths([archive], db, workers=1)
    assert (s.new, s.unchanged, s.replaced, s.failed) == (0, 0, 4, 1)
    assert count(db, "SELECT count(*) FROM documents WHERE parser_version = 'upgraded'") == 3
    assert count(db, "SELECT count(*) FROM files WHERE parser_version = 'upgraded' AND sha256 IS NOT NULL") == 4
    assert count(db, "SELECT count(*) FROM blocks") == n_blocks


def test_store_failure_rolls_back_the_whole_file(archive, tmp_path):
    db = tmp_path / "b.db"
    ingest_paths([archive / "pack0.docx"], db, workers=1)
    before = snapshot(db)
    parsed = parse_file(archive / "pack1.docx", until="segment")
    parsed.result = ExtractResult(rows={"no_such_table": [{"x": 1}]})
    with Store.open(db) as store:
        with pytest.raises(StoreError, match="unknown table 'no_such_table'"):
            store.store_parsed(parsed)
    assert snapshot(db) == before


def test_parallel_workers_store_the_same_rows(archive, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    s1 = ingest_paths([archive], one, workers=1)
    s2 = ingest_paths([archive], two, workers=2)
    assert (s1.new, s1.failed, s1.pages) == (s2.new, s2.failed, s2.pages)
    q = "SELECT doc_sha256, block_index, kind, norm, paper_id FROM blocks ORDER BY 1, 2"
    assert sqlite3.connect(one).execute(q).fetchall() == sqlite3.connect(two).execute(q).fetchall()


def test_no_existing_input_is_a_usage_error(tmp_path):
    with pytest.raises(NoInputs, match="no such file or folder"):
        ingest_paths([tmp_path / "missing"], tmp_path / "b.db", workers=1)


def test_missing_path_among_good_ones_is_a_failed_entry(archive, tmp_path):
    s = ingest_paths([archive / "pack0.docx", tmp_path / "missing.pdf"], tmp_path / "b.db", workers=1)
    assert (s.new, s.failed) == (1, 1)
    assert "no such file" in s.errors[0][1]


def test_locked_database_is_a_one_line_store_error(archive, tmp_path):
    db = tmp_path / "b.db"
    Store.open(db).close()
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as ei:
            with Store.open(db, timeout=0.1) as store:
                store.store_parsed(parse_file(archive / "pack0.docx"))
        line = ei.value.one_line()
        assert "locked" in line and "\n" not in line and str(db) in line
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store.open(bad)
    with pytest.raises(StoreError, match="no database here"):
        Store.open(tmp_path / "absent.db", readonly=True)


def test_readonly_store_rejects_writes(archive, tmp_path):
    db = tmp_path / "b.db"
    ingest_paths([archive / "pack0.docx"], db, workers=1)
    with Store.open(db, readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.query("DELETE FROM files")
        cols, rows = store.query("SELECT count(*) AS n FROM files")
        assert cols == ["n"] and rows == [(1,)]


def test_link_hook_runs_after_a_batch_that_changed_something(archive, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(linking, "link_all", lambda db, settings: calls.append(db.table_names()))
    db = tmp_path / "b.db"
    assert ingest_paths([archive / "pack0.docx"], db, workers=1).linked
    assert len(calls) == 1 and "documents" in calls[0]
    assert not ingest_paths([archive / "pack0.docx"], db, workers=1).linked  # nothing changed
    assert len(calls) == 1
