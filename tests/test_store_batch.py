"""Store.batch: many files in one transaction, each file still all or nothing (issue 13)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from boardpack.core.errors import StoreError
from boardpack.pipeline import parse_file
from boardpack.store.database import Store

ROOT = Path(__file__).resolve().parent.parent


def test_a_failing_file_in_a_batch_undoes_only_itself(tmp_path):
    files = sorted((ROOT / "corpus/docx").glob("*.docx"))[:2]
    if len(files) < 2:
        pytest.skip("corpus files not built (make corpus)")
    good, bad = (parse_file(f) for f in files)
    bad = copy.copy(bad)
    bad.result = copy.copy(bad.result)
    bad.result.rows = {**bad.result.rows, "no_such_table": [{"x": 1}]}
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        with store.batch():
            store.store_parsed(good)
            with pytest.raises(StoreError):
                store.store_parsed(bad)
            assert store.db.conn.in_transaction  # still one transaction
    with Store.open(db, readonly=True) as store:
        conn = store.db.conn
        assert [r[0] for r in conn.execute("SELECT sha256 FROM documents")] == [good.sha256]
        assert conn.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM blocks WHERE doc_sha256 = ?", [bad.sha256]).fetchone()[0] == 0
