"""CLI output (issue 12): BOARDPACK_DB, tables that keep every character and
wrap by column, short hashes, -t and --tsv, JSON columns decoded, and one
lower-case ``error:`` line for every failure."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from boardpack.cli import cli
from boardpack.export import export_views
from boardpack.output import emit
from boardpack.store.database import Store

SHA = "c0a1d0da12e6" + "0123456789abcdef" * 3 + "0123"
SOURCES = [{"file": "Agenda.pdf", "page": 3, "path": "a/Agenda.pdf", "url": "file:///p/a/Agenda.pdf#page=3"}]
SNIPPET = ("... reports of [graffiti] on the underpass were referred to the district council's "
           "environmental services team, who removed it within five working days of the report ...")


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture
def store(tmp_path):
    """A store with one linked update, so v_timeline has a JSON sources column."""
    db = tmp_path / "s.db"
    with Store.open(db) as s:
        c = s.db.conn
        c.execute("INSERT INTO link_plans VALUES ('plan', 'Plan', '2009-04-01', '2009-04-01')")
        c.execute("INSERT INTO link_milestones VALUES ('m1', 'plan', '1.1a', '1.1', 'Remove graffiti', 'SCDC')")
        c.execute("INSERT INTO link_plan_periods VALUES ('plan', '2009/10 Q1', '2009-04-01', 0)")
        c.execute("INSERT INTO link_updates VALUES ('m1', '2009/10 Q1', '2009-04-01', 'on track', 0, 'done', NULL, ?)",
                  [json.dumps(SOURCES)])
        c.commit()
    return db


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


def _table(rows, columns=None, width=None, monkeypatch=None) -> str:
    if width is not None:
        monkeypatch.setenv("COLUMNS", str(width))
    out = _Pipe()
    emit(rows, "table", columns=columns, out=out, title="Search: [graffiti]")
    return out.getvalue()


def _cells(text: str, column: int) -> str:
    """The text of one table column, its lines joined (rich wraps within a cell)."""
    parts = []
    for line in text.splitlines():
        if line.startswith("│"):
            parts.append(line.split("│")[column + 1].strip())
    return " ".join(p for p in parts if p)


def test_boardpack_db_sets_the_default_store(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no db/boardpacks.db here
    env = {"BOARDPACK_DB": str(store)}
    res = run("query", "select count(*) as n from v_timeline", env=env)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"n": 1}]
    res = run("timeline", "1.1a", env=env)
    assert res.exit_code == 0 and json.loads(res.stdout)[0]["ref"] == "1.1a"
    # --db still wins over the variable
    res = run("query", "select 1", "--db", tmp_path / "absent.db", env=env)
    assert res.exit_code == 1 and res.stderr.startswith("error: ")
    assert not (tmp_path / "db").exists()


def test_table_keeps_search_highlights(monkeypatch):
    text = _table([{"file": "Agenda.pdf", "page": 3, "snippet": SNIPPET}], width=100, monkeypatch=monkeypatch)
    assert "Search: [graffiti]" in text
    assert _cells(text, 2) == SNIPPET  # every character, brackets included


def test_table_wraps_by_column_at_spaces(monkeypatch):
    rows = [{"file": "cdrp-2009-10-26.pdf", "page": 13, "kind": "paragraph", "paper_type": "action_plan",
             "snippet": SNIPPET, "score": -5.373}]
    text = _table(rows, width=100, monkeypatch=monkeypatch)
    assert max(len(line) for line in text.splitlines()) <= 100
    # no word broken across lines: each line of the snippet column ends on a whole word
    snippet_lines = [line.split("│")[5].strip() for line in text.splitlines() if line.startswith("│")]
    assert len(snippet_lines) > 1
    words = set(SNIPPET.split())
    for part in snippet_lines:
        assert all(w in words for w in part.split()), part
    for col, value in enumerate(["cdrp-2009-10-26.pdf", "13", "paragraph", "action_plan"]):
        assert _cells(text, col) == value


def test_table_shortens_hashes_and_t_is_table(store):
    res = run("query", f"select '{SHA}' as sha256, 'x' as other", "--db", store, "-t")
    assert res.exit_code == 0, res.output
    assert SHA[:12] in res.stdout and SHA[:13] not in res.stdout
    # other formats keep the whole hash
    assert json.loads(run("query", f"select '{SHA}' as sha256", "--db", store).stdout) == [{"sha256": SHA}]


def test_tsv(store):
    res = run("query", "select 'a b' as x, 'c,d' as y", "--db", store, "--tsv")
    assert res.exit_code == 0
    assert res.stdout == "x\ty\na b\tc,d\n"
    assert list(csv.reader(io.StringIO(res.stdout), delimiter="\t")) == [["x", "y"], ["a b", "c,d"]]


def test_json_columns_are_decoded(store, tmp_path):
    res = run("query", "select sources, ref from v_timeline", "--db", store, "--json")
    assert json.loads(res.stdout) == [{"sources": SOURCES, "ref": "1.1a"}]
    res = run("query", "select sources from v_timeline", "--db", store, "--nl")
    assert json.loads(res.stdout.splitlines()[0]) == {"sources": SOURCES}
    # a text column that merely looks like JSON is left alone
    res = run("query", "select '[1, 2]' as snippet", "--db", store)
    assert json.loads(res.stdout) == [{"snippet": "[1, 2]"}]
    # CSV keeps JSON text (a cell cannot hold a list)
    res = run("query", "select sources from v_timeline", "--db", store, "--csv")
    assert json.loads(list(csv.DictReader(io.StringIO(res.stdout)))[0]["sources"]) == SOURCES


def test_json_export_has_no_double_encoded_strings(store, tmp_path):
    with Store.open(store, readonly=True) as s:
        export_views(s.db.conn, tmp_path / "out", "json")
    rows = json.loads((tmp_path / "out" / "v_timeline.json").read_text())
    assert rows[0]["sources"] == SOURCES


@pytest.mark.parametrize("args,code", [
    (["timeline", "9.9z"], 1),                         # click's ClickException said "Error:"
    (["audit", "stats-awaited", "--bogus"], 2),        # a usage error, without the usage block
    (["audit", "nosuch"], 2),
    (["--bogus"], 2),
    (["search", "", "--json"], 2),
])
def test_every_failure_is_one_lower_case_error_line(store, args, code):
    res = run(*args, "--db", store) if args[0] != "--bogus" else run(*args)
    assert res.exit_code == code, res.output
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and re.match(r"error: \S", lines[0]), res.stderr
    assert "Error:" not in res.output
