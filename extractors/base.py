"""Extractor base class, registry and the shape of what extractors return.

Rows are plain dicts keyed by table name. The store adds ``doc_sha256`` to
every row, so each row's provenance is (file hash, page, block index): every
extractor must set ``page`` and ``block_index`` on its rows where meaningful.
Row primary keys are deterministic (content hashes of natural keys, see
:func:`row_id`), so ingesting the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from boardpack.core.identity import row_id  # noqa: F401  (re-exported: extractors import it from here)
from boardpack.core.model import Document, Paper
from boardpack.core.settings import DEFAULT, Settings

EXTRACTORS: dict[str, list["Extractor"]] = {}


@dataclass
class ExtractResult:
    """Rows per table, plus warnings (stored in the ``warnings`` table)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        self.rows.setdefault(table, []).append(row)
        return row

    def warn(self, message: str, page=None, block_index=None, kind="extract") -> None:
        self.warnings.append({"kind": kind, "message": message, "page": page, "block_index": block_index})

    def merge(self, other: "ExtractResult") -> None:
        for t, rows in other.rows.items():
            self.rows.setdefault(t, []).extend(rows)
        self.warnings.extend(other.warnings)


@dataclass
class ExtractContext:
    """What an extractor may know beyond its paper: the whole document, all
    papers found in it, and what earlier extractors produced for this document
    (e.g. the meeting date found on the cover letter, names from attendance)."""

    doc: Document
    papers: list[Paper]
    results: ExtractResult = field(default_factory=ExtractResult)
    shared: dict[str, Any] = field(default_factory=dict)
    #: the run's settings (vocabularies such as status words, thresholds)
    settings: Settings = DEFAULT


class Extractor:
    """Subclass, set ``paper_types`` and ``name``, implement :meth:`extract`."""

    name: str = "base"
    paper_types: tuple[str, ...] = ()
    #: lower runs first (meetings before minutes before people)
    order: int = 50

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:  # pragma: no cover
        raise NotImplementedError


def register(cls: type[Extractor]) -> type[Extractor]:
    """Class decorator: register an extractor for each of its paper types."""
    inst = cls()
    for t in cls.paper_types:
        lst = EXTRACTORS.setdefault(t, [])
        if not any(type(e) is cls for e in lst):
            lst.append(inst)
            lst.sort(key=lambda e: e.order)
    return cls


#: paper type under which whole-document extractors register (e.g. people)
WHOLE_DOCUMENT = "*"


def extract_paper(paper: Paper, ctx: ExtractContext) -> ExtractResult:
    out = ExtractResult()
    for ex in EXTRACTORS.get(paper.paper_type, []):
        res = ex.extract(paper, ctx)
        out.merge(res)
        ctx.results.merge(res)
    return out


def extract_document(ctx: ExtractContext) -> ExtractResult:
    """Run the extractors of every paper in order, then whole-document ones.

    Later extractors see earlier results in ``ctx.results`` (minutes can use
    the meeting found on the cover letter; people use attendance lists).
    """
    for paper in ctx.papers:
        extract_paper(paper, ctx)
    if ctx.doc.blocks and EXTRACTORS.get(WHOLE_DOCUMENT):
        whole = Paper(paper_type=WHOLE_DOCUMENT, title="", start=0, end=len(ctx.doc.blocks) - 1)
        extract_paper(whole, ctx)
    return ctx.results
