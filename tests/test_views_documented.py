"""Every column of every query view is documented in boardpack/store/views_doc.py, and nothing more.

The query contract is every ``v_*`` view a fresh store has, less the
internal helper views that ``boardpack export`` leaves out
(``boardpack.export.view_names``). For each, ``PRAGMA table_info`` lists the
columns; each must have a description in ``views_doc.VIEWS`` (which Datasette
shows, ``boardpack serve``), and ``views_doc`` may describe no view or column
that does not exist.

Where the contract ran ahead of views_doc, the gap is listed in
NOT_YET_DOCUMENTED, exactly: a new view or column without a description
fails, and so does a listed gap that has been filled (drop it from the list),
so the list only shrinks. The README documents most of these already
("Query views"); their descriptions belong in views_doc.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from boardpack.export import view_names
from boardpack.store.database import Store
from boardpack.store.views_doc import VIEWS

README = Path(__file__).resolve().parent.parent / "README.md"

#: view -> its columns without a description in views_doc (None: the view is not in views_doc at all).
NOT_YET_DOCUMENTED: dict[str, frozenset[str] | None] = {}


@pytest.fixture(scope="module")
def contract(tmp_path_factory) -> dict[str, list[str]]:
    """Every query view of a fresh store -> its columns in order."""
    store = Store.open(tmp_path_factory.mktemp("views") / "fresh.db")
    try:
        conn = store.db.conn
        return {v: [r[1] for r in conn.execute(f'PRAGMA table_info("{v}")')] for v in view_names(conn)}
    finally:
        store.close()


def undocumented(contract: dict[str, list[str]]) -> dict[str, frozenset[str] | None]:
    gaps: dict[str, frozenset[str] | None] = {}
    for view, columns in contract.items():
        if view not in VIEWS:
            gaps[view] = None
            continue
        missing = frozenset(c for c in columns if c not in VIEWS[view][1])
        if missing:
            gaps[view] = missing
    return gaps


def test_every_view_column_is_documented(contract):
    gaps = undocumented(contract)
    new = {v: sorted(c) if c else "whole view" for v, c in gaps.items() if v not in NOT_YET_DOCUMENTED}
    grown = {
        v: sorted(c - NOT_YET_DOCUMENTED[v])
        for v, c in gaps.items()
        if c is not None and NOT_YET_DOCUMENTED.get(v) is not None and c - NOT_YET_DOCUMENTED[v]
    }
    assert not new and not grown, (
        f"query view columns without a description in boardpack/store/views_doc.py: {new or ''} {grown or ''}"
    )
    assert gaps == NOT_YET_DOCUMENTED, (
        "NOT_YET_DOCUMENTED lists gaps that are filled (or views that are gone): remove them. "
        f"Still undocumented: { {v: sorted(c) if c else None for v, c in gaps.items()} }"
    )


def test_views_doc_describes_only_what_exists(contract):
    unknown_views = sorted(set(VIEWS) - set(contract))
    assert not unknown_views, f"views_doc describes views the store does not have: {unknown_views}"
    unknown_columns = {v: sorted(set(cols) - set(contract[v])) for v, (_, cols) in VIEWS.items()}
    unknown_columns = {v: c for v, c in unknown_columns.items() if c}
    assert not unknown_columns, f"views_doc describes columns these views do not have: {unknown_columns}"


def test_descriptions_are_not_empty():
    for view, (description, columns) in VIEWS.items():
        assert description.strip(), view
        blank = [c for c, text in columns.items() if not text.strip()]
        assert not blank, f"{view}: empty descriptions for {blank}"


def test_documented_views_are_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = [v for v in VIEWS if not re.search(rf"`{v}`", text)]
    assert not missing, f"views in views_doc not named in README.md: {missing}"


def test_an_undocumented_column_is_caught(contract):
    view = sorted(VIEWS)[0]
    grown = {**contract, view: contract[view] + ["column_nobody_described"]}
    assert undocumented(grown)[view] >= {"column_nobody_described"}
    assert undocumented({**contract, "v_new_view": ["a"]})["v_new_view"] is None
