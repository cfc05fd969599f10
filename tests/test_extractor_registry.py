"""The extractor registry as a contract: what each extractor reads and writes."""

from __future__ import annotations

import pytest

from boardpack.core.model import MINUTES, PAPER_TYPES, Document, Paper
from boardpack.extractors import EXTRACTORS, load_all
from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext, Extractor, ExtractResult, extract_paper
from boardpack.store.database import Store


def _registered() -> list[Extractor]:
    load_all()
    seen: dict[str, Extractor] = {}
    for lst in EXTRACTORS.values():
        for ex in lst:
            seen[ex.name] = ex
    return [seen[k] for k in sorted(seen)]


def test_every_extractor_declares_what_it_reads_and_writes(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        tables = set(store.db.table_names())
    extractors = _registered()
    assert len(extractors) >= 8
    for ex in extractors:
        assert ex.paper_types, ex.name
        assert set(ex.paper_types) <= set(PAPER_TYPES) | {WHOLE_DOCUMENT}, f"{ex.name} reads unknown paper types"
        assert ex.produces, f"{ex.name} declares no tables"
        assert set(ex.produces) <= tables, f"{ex.name} names tables the store lacks: {set(ex.produces) - tables}"


def test_rows_for_an_undeclared_table_are_refused(monkeypatch):
    class Stray(Extractor):
        name = "stray"
        paper_types = (MINUTES,)
        produces = ("decisions",)

        def extract(self, paper, ctx):
            res = ExtractResult()
            res.add("agenda_items", {"item_number": "1"})
            return res

    monkeypatch.setitem(EXTRACTORS, MINUTES, [Stray()])
    doc = Document(path="x.pdf", sha256="0" * 64, format="pdf")
    with pytest.raises(ValueError, match="undeclared tables \\['agenda_items'\\]"):
        extract_paper(Paper(paper_type=MINUTES, title="", start=0, end=0), ExtractContext(doc, []))
