"""Provenance you can click (issue 12): every query view row names the path
it was ingested under (``source_path``) and a ``source_url`` that opens the
original file at the row's page.

Two folders each holding ``Agenda.pdf`` (different packs) must give rows
that can be told apart, and a PDF's URL must open the page the row came from.
"""

from __future__ import annotations

import shutil
import sqlite3
import urllib.parse
from pathlib import Path

import pdfplumber
import pytest

from boardpack.batch import ingest_paths
from boardpack.export import view_names

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _needs(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"corpus not generated (run `make corpus`): {missing}")


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    """packs/a/Agenda.pdf and packs/b/Agenda.pdf (two different packs) and
    packs/c/Agenda.docx, ingested by naming the folder packs/."""
    a, b, c = (CORPUS / "pdf" / "cdrp-2011-04-26.pdf", CORPUS / "pdf" / "cdrp-2017-02-23.pdf",
               CORPUS / "series" / "docx" / "cdrp-2009-07-27.docx")
    _needs(a, b, c)
    top = tmp_path_factory.mktemp("prov")
    for sub, src, name in (("a", a, "Agenda.pdf"), ("b", b, "Agenda.pdf"), ("c", c, "Agenda.docx")):
        (top / "packs" / sub).mkdir(parents=True)
        shutil.copy(src, top / "packs" / sub / name)
    db = top / "store.db"
    summary = ingest_paths([top / "packs"], db, workers=1)
    assert summary.failed == 0, summary.errors
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield top, conn
    conn.close()


def _file_of(url: str) -> Path:
    parsed = urllib.parse.urlparse(url)
    assert parsed.scheme == "file", url
    return Path(urllib.parse.unquote(parsed.path))


def test_files_record_the_path_relative_to_the_folder_given(packs):
    top, conn = packs
    got = {r["source_path"]: r["url"] for r in conn.execute("SELECT source_path, url FROM files")}
    assert set(got) == {"a/Agenda.pdf", "b/Agenda.pdf", "c/Agenda.docx"}
    for rel, url in got.items():
        assert _file_of(url) == (top / "packs" / rel).resolve() or _file_of(url) == top / "packs" / rel


def test_same_named_files_in_two_folders_give_distinguishable_rows(packs):
    _, conn = packs
    rows = conn.execute("SELECT source_file, source_path, source_url FROM v_action_updates").fetchall()
    by_path = {r["source_path"] for r in rows if r["source_file"] == "Agenda.pdf"}
    assert by_path == {"a/Agenda.pdf", "b/Agenda.pdf"}
    urls = {r["source_path"]: _file_of(r["source_url"]) for r in rows}
    assert urls["a/Agenda.pdf"] != urls["b/Agenda.pdf"]


def test_every_view_with_a_source_carries_path_and_url(packs):
    _, conn = packs
    for view in view_names(conn):
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{view}")')]
        if "source_file" not in cols:
            continue
        # the new columns come last, after every column the view had before
        assert cols[-2:] == ["source_path", "source_url"] or "person_id" in cols[-3:], (view, cols)
        for r in conn.execute(f'SELECT * FROM "{view}" WHERE source_file IS NOT NULL'):
            assert r["source_path"] and r["source_path"].endswith(r["source_file"]), (view, dict(r))
            url = r["source_url"]
            if r["source_file"].endswith(".pdf") and r["page"] is not None:
                assert url.endswith(f"#page={r['page']}"), (view, dict(r))
            else:  # Word has no page model: the file itself
                assert "#" not in url, (view, dict(r))
            assert _file_of(url.split("#")[0]).name == r["source_file"]


def _words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text or "").split() if len(w) > 3]


@pytest.mark.parametrize("view,text_col", [("v_agenda_items", "title"), ("v_decisions", "decision_text"),
                                           ("v_attendance", "person"), ("v_action_updates", "description")])
def test_the_url_opens_the_page_the_row_came_from(packs, view, text_col):
    _, conn = packs
    rows = conn.execute(f"SELECT {text_col} AS text, page, source_url FROM {view} "
                        "WHERE source_url LIKE '%.pdf#page=%'").fetchall()
    if not rows:
        pytest.skip(f"no PDF rows in {view}")
    checked = 0
    for r in rows[:12]:
        path_part, anchor = r["source_url"].split("#page=")
        page = int(anchor)
        assert page == r["page"]
        words = _words(r["text"])[:3]
        if not words:
            continue
        with pdfplumber.open(_file_of(path_part)) as pdf:
            page_text = " ".join((pdf.pages[page - 1].extract_text() or "").split())
        assert all(w in page_text for w in words), (view, r["text"], page)
        checked += 1
    assert checked


def test_a_file_named_directly_keeps_the_path_as_typed(tmp_path, monkeypatch):
    src = CORPUS / "docx" / "cdrp-2011-04-26.docx"
    _needs(src)
    (tmp_path / "x").mkdir()
    shutil.copy(src, tmp_path / "x" / "Agenda.docx")
    monkeypatch.chdir(tmp_path)
    ingest_paths(["x/Agenda.docx"], tmp_path / "s.db", workers=1, link=False)
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("SELECT source_path FROM files").fetchall() == [("x/Agenda.docx",)]
    conn.close()
