"""`boardpack report AUDIT --html FILE` (issue 12): one self-contained page with
the question, the answer as a table whose rows are exactly `audit ... --json`'s,
each row's sources as links, the build date and the files it was built from."""

from __future__ import annotations

import json
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpack.batch import ingest_paths
from boardpack.cli import cli

SERIES = Path(__file__).resolve().parent.parent / "corpus" / "series" / "pdf"


class _Page(HTMLParser):
    """Body rows as lists of (cell text, [hrefs]); every href and src on the page; the text."""

    def __init__(self):
        super().__init__()
        self.rows, self.hrefs, self.external, self.text = [], [], [], []
        self._row = self._cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self._row = []
        elif tag == "td":
            self._cell = ["", []]
        elif tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            if self._cell is not None:
                self._cell[1].append(a["href"])
        if tag in ("script", "link", "img") or "src" in a:
            self.external.append(tag)

    def handle_endtag(self, tag):
        if tag == "td" and self._row is not None:
            self._row.append(tuple(self._cell))
            self._cell = None
        elif tag == "tr":
            if self._row:
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell[0] += data


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    if not any(SERIES.glob("*.pdf")):
        pytest.skip(f"corpus series {SERIES} not generated (run `make corpus`)")
    path = tmp_path_factory.mktemp("report") / "store.db"
    summary = ingest_paths([SERIES], path, workers=1)
    assert summary.failed == 0, summary.errors
    return path


def _report(db, tmp_path, *args) -> _Page:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", *args, "--html", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    page = _Page()
    page.feed(out.read_text(encoding="utf-8"))
    return page


def _audit_json(db, *args) -> list[dict]:
    result = CliRunner().invoke(cli, ["audit", *args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("n", [2, 3])
def test_stats_awaited_rows_are_the_audits_and_each_links_its_sources(db, tmp_path, n):
    page = _report(db, tmp_path, "stats-awaited", "-n", str(n))
    expected = _audit_json(db, "stats-awaited", "-n", str(n))
    assert expected, "the series has stats-awaited runs: an empty answer would prove nothing"
    got = [(r[0][0], r[1][0], r[2][0], r[3][0], r[4][0], r[5][1]) for r in page.rows]
    want = [(e["plan_title"], e["ref"], e["description"], e["lead_agency"], ", ".join(e["periods"]),
             [s["url"] for s in e["sources"]]) for e in expected]
    assert got == want
    assert all(links and all(u.startswith("file://") and "#page=" in u for u in links) for *_, links in got)
    text = " ".join(page.text)
    assert f"in {n} or more consecutive reported periods" in text


def test_the_report_names_its_build_date_and_every_file_and_loads_nothing(db, tmp_path):
    page = _report(db, tmp_path, "status-changes")
    text = " ".join(page.text)
    assert "Built 2" in text and " UTC" in text
    paths = [r[0] for r in sqlite3.connect(db).execute("SELECT path FROM files")]
    assert len(paths) == 4 and all(p in text for p in paths)
    assert len(page.rows) == len(_audit_json(db, "status-changes"))
    assert page.external == []  # self-contained: no script, stylesheet or image to fetch


def test_min_periods_with_status_changes_is_a_usage_error(db, tmp_path):
    result = CliRunner().invoke(cli, ["report", "status-changes", "-n", "3", "--html", str(tmp_path / "r.html"),
                                      "--db", str(db)])
    assert result.exit_code == 2 and not (tmp_path / "r.html").exists()
