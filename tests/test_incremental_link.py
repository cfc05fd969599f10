"""Re-linking only what changed gives exactly the tables a full link gives (issue 13).

The link stage re-links only the plans of the documents that are new, gone
or moved since the last link (:mod:`boardpack.store.linking_scope`). The
corpus's packs (parsed once) are stored all at once and linked, and stored
in two halves with a link after each (alternate files, and the Word files
before their PDFs, which become the canonical copies); then a pack is forgotten, and another
path for one pack's bytes is added (its source changes). Every derived table
(``link_*``, duplicates, people) and every view over the timeline must equal
what a full link of the same store writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from boardpack.pipeline import ParsedFile, parse_file
from boardpack.store import linking, linking_scope
from boardpack.store.database import Store

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("corpus/series/docx", "corpus/series/pdf", "corpus/docx", "corpus/pdf")
DERIVED_VIEWS = ("v_timeline", "v_milestone_periods", "v_stats_awaited_runs", "v_not_reported_runs",
                 "v_status_changes", "v_action_updates", "v_report_items", "v_people", "v_people_mentions")


@pytest.fixture(autouse=True)
def always_incremental(monkeypatch):
    """Half the corpus is new in these tests: link incrementally all the same."""
    monkeypatch.setattr(linking_scope, "FULL_SHARE", 1.0)


@pytest.fixture(scope="module")
def parsed() -> list[ParsedFile]:
    files = [f for folder in FOLDERS for f in sorted((ROOT / folder).glob("*")) if f.suffix in (".docx", ".pdf")]
    if not files:
        pytest.skip("corpus files not built (make corpus)")
    return [parse_file(f) for f in files]


def derived(db: Path) -> dict:
    """Sorted rows of every table the link stage writes and of the views over them."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'link%' OR name LIKE 'person%' "
            "OR name = 'paper_duplicates')")]
        out = {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
        # link_docs also records when each document was stored: not a link's result
        out["link_docs"] = sorted(conn.execute("SELECT doc_sha256, plan_titles FROM link_docs"))
        out.update({v: sorted(map(repr, conn.execute(f'SELECT * FROM "{v}"'))) for v in DERIVED_VIEWS})
    finally:
        conn.close()
    assert out["link_milestones"] and out["link_runs"] and out["link_docs"], "nothing was linked"
    assert out["paper_duplicates"] and out["link_paper_sketches"], "no copies found: the corpus has PDF and Word copies"
    return out


def full_link(db: Path) -> dict:
    """What a full link of the store at ``db`` writes (on a copy)."""
    copy = db.with_name(db.stem + "-full.db")
    src, dst = sqlite3.connect(db), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    with Store.open(copy) as store:
        linking.link_all(store.db, full=True)
    return derived(copy)


def _halves(parsed, split: str):
    if split == "alternate":
        return parsed[::2], parsed[1::2]
    # the Word files first, then their PDFs, which take over as the canonical copies
    return ([p for p in parsed if p.path.endswith(".docx")], [p for p in parsed if not p.path.endswith(".docx")])


@pytest.mark.parametrize("split", ["alternate", "word-then-pdf"])
def test_two_halves_linked_in_turn_equal_one_link_of_all(parsed, tmp_path, split):
    first, second = _halves(parsed, split)
    with Store.open(tmp_path / "once.db") as store:
        for p in parsed:
            store.store_parsed(p)
        assert store.link()
    with Store.open(tmp_path / "halves.db") as store:
        for p in first:
            store.store_parsed(p)
        assert store.link()
        for p in second:
            store.store_parsed(p)
        # the second link re-links the new documents' plans only
        changed = linking_scope.changed_docs(store.db.conn, linking.DEFAULT)
        assert changed is not None and set(changed) == {p.sha256 for p in second}
        assert store.link()
        assert linking_scope.changed_docs(store.db.conn, linking.DEFAULT) == {}  # nothing left to link
    assert derived(tmp_path / "halves.db") == derived(tmp_path / "once.db")


def test_forgetting_a_pack_and_another_path_relink_as_a_full_link(parsed, tmp_path):
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        for p in parsed:
            store.store_parsed(p)
        assert store.link()
        # a PDF that its Word copy gave way to: the Word copy is the paper now
        gone = next(p for p in parsed[1:] if p.path.endswith(".pdf"))
        store.forget([gone.path])
        assert set(linking_scope.changed_docs(store.db.conn, linking.DEFAULT)) == {gone.sha256}
        assert store.link()
    assert derived(db) == full_link(db)
    with Store.open(db) as store:
        # the same bytes under a path that sorts first: every update of that document names it now
        moved = parsed[2]
        store.add_path(Path("/aaa") / Path(moved.path).name, moved.sha256, moved.size)
        assert set(linking_scope.changed_docs(store.db.conn, linking.DEFAULT)) == {moved.sha256}
        assert store.link()
    after = derived(db)
    assert any("/aaa/" in row for row in after["link_updates"])
    assert after == full_link(db)


def test_other_link_settings_link_every_plan_again(parsed, tmp_path):
    from boardpack.core.settings import Settings

    with Store.open(tmp_path / "t.db") as store:
        for p in parsed[:3]:
            store.store_parsed(p)
        assert store.link()
        assert linking_scope.changed_docs(store.db.conn, linking.DEFAULT) == {}
        assert linking_scope.changed_docs(store.db.conn, Settings(action_link_threshold=80)) is None


def test_the_same_bytes_parsed_again_by_another_parser_are_linked_again(parsed, tmp_path):
    with Store.open(tmp_path / "p.db") as store:
        for p in parsed[:2]:
            store.store_parsed(p)
        assert store.link()
        # what a parser upgrade leaves: the document's rows written again, same bytes and paths
        store.db.conn.execute("UPDATE documents SET parser_version = 'next', ingested_at = '2030-01-01T00:00:00'"
                              " WHERE sha256 = ?", (parsed[0].sha256,))
        assert set(linking_scope.changed_docs(store.db.conn, linking.DEFAULT)) == {parsed[0].sha256}
