"""Extractor base class, registry and the shape of what extractors return.

Rows are plain dicts keyed by table name. The store adds ``doc_sha256`` to
every row, so each row's provenance is (file hash, page, block index): every
extractor must set ``page`` and ``block_index`` on its rows where meaningful.
Row primary keys are deterministic (content hashes of natural keys, see
:func:`row_id`), so ingesting the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from boardpack.core.identity import row_id  # noqa: F401  (re-exported: extractors import it from here)
from boardpack.core.model import Document, Paper
from boardpack.core.settings import DEFAULT, Settings
from boardpack.extractors.meeting_cues import MeetingInfo

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
    papers found in it, what earlier extractors produced for this document,
    and the few facts extractors hand each other, each a typed field (not a
    string-keyed dict) so a reader of one extractor sees what it depends on."""

    doc: Document
    papers: list[Paper]
    results: ExtractResult = field(default_factory=ExtractResult)
    #: the run's settings (vocabularies such as status words, thresholds)
    settings: Settings = DEFAULT
    #: the meeting the pack is for, once the meetings extractor has found it
    #: (front sheet, notice or agenda heading); later papers inherit it
    pack_meeting: Optional[MeetingInfo] = None
    #: this document's ``meetings`` rows by meeting id, so a second mention
    #: of a meeting fills gaps in its row instead of adding a row
    meeting_rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the pack's date for report rows (``report_context.context_date``), once
    #: it comes from the meeting extractor (None until then)
    report_date: Optional[str] = None
    report_date_settled: bool = False
    #: agenda items already stored for this document (a repeated agenda adds none)
    agenda_seen: set[Any] = field(default_factory=set)
    #: every numeric table's layout, verdict and title, analysed once per
    #: document and shared by the budget and indicator extractors
    table_analyses: dict[Any, Any] = field(default_factory=dict)
    #: indices of tables the indicators extractor read as counts (budgets skip them)
    indicator_count_tables: set[int] = field(default_factory=set)
    #: report sections numbered in document order, and the blocks already used
    report_ordinals: list[Any] = field(default_factory=list)
    report_blocks: set[Any] = field(default_factory=set)
    #: action plans are read once per document, whichever paper comes first
    action_plans_done: bool = False


class Extractor:
    """Subclass, set ``name``, the ``paper_types`` it reads and the tables it
    ``produces``, and implement :meth:`extract`."""

    name: str = "base"
    paper_types: tuple[str, ...] = ()
    #: the store tables its rows go to; a row for any other table is a bug
    #: (:func:`extract_paper` refuses it), so this list is the extractor's contract
    produces: tuple[str, ...] = ()
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
        undeclared = set(res.rows) - set(ex.produces)
        if undeclared:
            raise ValueError(f"extractor {ex.name!r} produced rows for undeclared tables {sorted(undeclared)}")
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
