"""Parsing on a Dask cluster and through shards gives the store a local ingest gives (issue 13).

A LocalCluster of 2 worker processes ingests a few corpus files; shards of
the same files, written in two folders (one by the cluster, one locally, with
the same bytes under another path in each), are merged in both orders and
twice; a worker killed while parsing one file loses that file only. Stores
are compared by the row count of every table and the rows of every
documented view. The Dask tests skip (visibly) without the cluster extra.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpack import cluster
from boardpack.batch import ingest_paths
from boardpack.cli import cli
from boardpack.shards import ingest_to_shards, merge_shards
from boardpack.store.views_doc import VIEWS

ROOT = Path(__file__).resolve().parent.parent
# absolute, so that every path a store records is the same however the run was made
FILES = [ROOT / p for p in ("corpus/docx/cdrp-2011-04-26.docx", "corpus/docx/cdrp-2017-02-23.docx",
                            "corpus/series/docx/cdrp-2009-10-26.docx", "corpus/pdf/cdrp-2011-04-26.pdf",
                            "corpus/pdf/cdrp-2017-02-23.pdf")]
HAS_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(not HAS_DASK, reason="dask[distributed] not installed (pip install -e '.[cluster]')")
# not compared: bookkeeping of how the store was built, and FTS5's internal tables
BOOKKEEPING = {"merged_shards", "schema_migrations", "store_state", "sqlite_sequence"}


def snapshot(db: Path) -> dict:
    """Row count of every table and the sorted rows of every documented view."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {f"count {t}": conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
               for t in tables if t not in BOOKKEEPING and not t.startswith("blocks_fts")}
        views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        for v in sorted(set(VIEWS) & views):
            out[v] = sorted(repr(_canonical(v, r)) for r in conn.execute(f'SELECT * FROM "{v}"'))
        out["files"] = sorted(conn.execute("SELECT path, sha256, status, error FROM files").fetchall())
    finally:
        conn.close()
    return out


def _canonical(view: str, row: tuple) -> tuple:
    # group_concat(DISTINCT raw) lists spellings in the order the rows were
    # written, which follows the order files finished parsing: compare the set
    if view == "v_organisations":
        return (row[0], ",".join(sorted((row[1] or "").split(","))), *row[2:])
    return row


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The corpus files and the first one's bytes again under another name."""
    twin = tmp_path_factory.mktemp("twin") / "same-bytes.docx"
    shutil.copyfile(FILES[0], twin)
    return FILES + [twin]


@pytest.fixture(scope="module")
def local_db(inputs, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.db"
    summary = ingest_paths(inputs, db, workers=1)
    assert summary.failed == 0 and summary.new == len(inputs), summary.line()
    return db


def test_cluster_without_dask_is_one_error_line_naming_the_extra(monkeypatch, tmp_path):
    monkeypatch.setattr(cluster, "dask", None)
    result = CliRunner().invoke(cli, ["ingest", str(FILES[0]), "--db", str(tmp_path / "x.db"), "--cluster", "local"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "boardpack[cluster]" in lines[0], result.output
    assert not (tmp_path / "x.db").exists()


@needs_dask
def test_local_cluster_ingest_equals_the_local_ingest(inputs, local_db, tmp_path):
    events = []
    db = tmp_path / "cluster.db"
    summary = ingest_paths(inputs, db, workers=cluster.DaskParse("local", 2),
                           progress=lambda kind, value: events.append((kind, value)))
    assert summary.line().split(";")[0] == f"{len(inputs)} files: {len(inputs)} new, 0 unchanged, 0 replaced, 0 failed", \
        summary.errors
    assert summary.linked
    assert sorted(v.path for k, v in events if k == "file") == sorted(str(p) for p in inputs)
    assert snapshot(db) == snapshot(local_db)
    # a second run over the same files parses nothing, on the cluster as locally
    again = ingest_paths(inputs, db, workers=cluster.DaskParse("local", 2))
    assert again.unchanged == len(inputs) and again.new == 0


@needs_dask
def test_shards_merged_in_any_order_and_twice_equal_one_ingest(inputs, local_db, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    # one folder from the cluster, one from a local run: the twin's bytes are in both
    sa = ingest_to_shards(inputs[:3], a, workers=cluster.DaskParse("local", 2))
    sb = ingest_to_shards(inputs[3:], b, workers=1)
    assert (sa.new, sa.failed, sb.new, sb.failed) == (3, 0, 3, 0)
    first, second = merge_shards([a, b], tmp_path / "ab.db"), merge_shards([b, a], tmp_path / "ba.db")
    for m in (first, second):
        # six paths, five documents: the twin is another name for bytes of the other folder
        assert (m.shards, m.new, m.unchanged, m.errors) == (6, 6, 0, []) and m.linked, m.line()
    expected = snapshot(local_db)
    assert snapshot(tmp_path / "ab.db") == expected
    assert snapshot(tmp_path / "ba.db") == expected

    def dump(db):
        conn = sqlite3.connect(db)
        try:
            return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("files", "errors", "documents")]
        finally:
            conn.close()

    before = dump(tmp_path / "ab.db")
    again = merge_shards([b, a], tmp_path / "ab.db")
    assert (again.already, again.new, again.replaced, again.failed, again.linked) == (6, 0, 0, 0, False)
    assert dump(tmp_path / "ab.db") == before  # not even a timestamp moved


def test_merged_failures_and_paths_as_ingested_equal_an_ingest(tmp_path):
    # a folder: files.source_path is relative to it; merge cannot see the folder,
    # so the run's paths file carries it
    (tmp_path / "in" / "2009-q1").mkdir(parents=True)
    (tmp_path / "in" / "2009-q1" / "notes.txt").write_text("not a board pack\n")
    summary = ingest_to_shards([tmp_path / "in"], tmp_path / "s", workers=1)
    assert (summary.failed, summary.new) == (1, 0)
    merged = merge_shards([tmp_path / "s"], tmp_path / "m.db")
    assert (merged.failed, merged.errors) == (1, [])
    ingest_paths([tmp_path / "in"], tmp_path / "i.db", workers=1)

    def rows(db):
        conn = sqlite3.connect(db)
        try:
            return (conn.execute("SELECT path, source_path, status, error, format FROM files").fetchall(),
                    conn.execute("SELECT path, sha256, stage, error_type, message FROM errors").fetchall())
        finally:
            conn.close()

    assert rows(tmp_path / "m.db") == rows(tmp_path / "i.db")
    assert rows(tmp_path / "m.db")[0][0][1] == "2009-q1/notes.txt"


def test_ingest_shards_and_merge_on_the_command_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.txt").write_text("not a board pack\n")
    run = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--shards", str(tmp_path / "s"), "-w", "1", "-s"])
    assert run.exit_code == 1 and "1 files: 0 new, 0 unchanged, 0 replaced, 1 failed" in run.output, run.output
    assert not any((tmp_path / "s").glob("*.db")) and any((tmp_path / "s").glob("*.bpshard"))
    merged = CliRunner().invoke(cli, ["merge", str(tmp_path / "s"), "--db", str(tmp_path / "m.db")])
    assert merged.exit_code == 0 and "1 shards: 0 new, 0 replaced, 0 unchanged, 1 failed" in merged.output, merged.output
    again = CliRunner().invoke(cli, ["merge", str(tmp_path / "s"), "--db", str(tmp_path / "m.db")])
    assert again.exit_code == 0 and "1 merged before" in again.output, again.output
    missing = CliRunner().invoke(cli, ["merge", str(tmp_path / "nowhere"), "--db", str(tmp_path / "m.db")])
    assert missing.exit_code == 2 and missing.output.startswith("error: no such shard folder"), missing.output


def test_a_shard_of_another_parser_version_is_refused(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "document-x.bpshard").write_text(
        '{"format": "boardpack-shard/1", "kind": "document", "parser_version": "0-old", "sha256": "ab",'
        ' "path": "/x.pdf", "size": 1, "written_at": "2020-01-01T00:00:00"}\n')
    m = merge_shards([folder], tmp_path / "m.db")
    assert m.new == 0 and len(m.errors) == 1 and "parser version 0-old" in m.errors[0][1]


@needs_dask
def test_a_worker_killed_mid_run_loses_only_its_file(tmp_path):
    victim, bystander = FILES[2], FILES[1]
    tally = tmp_path / "attempts"
    dying = functools.partial(cluster.DaskParse("local", 2), task=_by_value(victim.name, str(tally)))
    db = tmp_path / "k.db"
    summary = ingest_paths([victim, bystander], db, workers=dying)
    assert (summary.new, summary.failed) == (1, 1), summary.line()
    assert tally.read_text().count("attempt") == 2  # retried once, then given up
    conn = sqlite3.connect(db)
    try:
        status = dict(conn.execute("SELECT path, status FROM files").fetchall())
        errors = conn.execute("SELECT path, message FROM errors").fetchall()
    finally:
        conn.close()
    assert status == {str(victim): "failed", str(bystander): "ok"}
    assert len(errors) == 1 and errors[0][0] == str(victim) and "died" in errors[0][1]


def _by_value(victim: str, tally: str):
    """The dying task as a closure (shipped by value: the workers cannot import tests/)."""
    def task(path, sha256, settings):
        import os

        from boardpack.batch import parse_in_worker

        if os.path.basename(path) == victim:
            with open(tally, "a") as f:
                f.write("attempt\n")
            os._exit(1)
        return parse_in_worker(path, sha256, settings)
    return task
