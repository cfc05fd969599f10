"""The one document model between readers (``ingest/``) and extractors (``extractors/``).

A :class:`Document` is an ordered list of :class:`Block` objects. Every reader
(PDF, DOCX, DOC) produces exactly this shape; every extractor consumes only it
and never imports pdfplumber or python-docx. Every block carries provenance:
the source file's sha256, the page (PDF page, or the page Word's explicit or
rendered breaks put it on; ``None`` when unknown), its index in the document,
and a bbox for PDF blocks.

Text is kept twice: ``text`` exactly as read and ``norm`` normalised
(dashes, quotes, spaces, ligatures, soft hyphens, bullets) by
:func:`boardpack.core.textnorm.normalise`. Extractors match on ``norm`` and
record ``text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterator, Optional

from boardpack.core.textnorm import normalise

# Block kinds. Kept as plain strings so JSON goldens stay readable.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE = "table"
PAGE_BREAK = "page_break"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE, PAGE_BREAK)


@dataclass
class Cell:
    """One table cell after merged cells are resolved.

    A horizontally merged cell appears once with ``colspan`` > 1; a vertically
    merged cell appears in its first row with ``rowspan`` > 1 and as an empty
    ``continued=True`` placeholder in the rows below, so text is never duplicated
    but column positions stay aligned.
    """

    text: str = ""
    norm: str = ""
    fill: Optional[str] = None  # background colour as "#rrggbb", or None
    colspan: int = 1
    rowspan: int = 1
    continued: bool = False
    bold: bool = False
    # Nested tables inside this cell (Word allows them); each a TABLE Block.
    tables: list["Block"] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.norm and self.text:
            self.norm = normalise(self.text)


@dataclass
class Row:
    cells: list[Cell]
    page: Optional[int] = None
    is_header: bool = False
    bbox: Optional[tuple[float, float, float, float]] = None

    @property
    def texts(self) -> list[str]:
        return [c.norm for c in self.cells]


@dataclass
class TableSignal:
    """One thing a table's structure says about the paper it sits in: a paper
    type with a strength (1 evidence, 2 decides, 3 a title row inside the table)."""

    paper_type: str
    strength: int
    cue: str  # the text that decided (header row, title row)
    name: str  # which rule ("table:budget", "table-title:plan_title", ...)
    identity: Optional[str] = None
    signature: Optional[str] = None  # action-plan header signature
    title_ok: bool = False  # a title row fit to name the paper


@dataclass
class PlanHeader:
    """A table row that reads as an action plan's header row (``core/plan_columns.py``)."""

    row: int  # index of the row in the table
    roles: dict[int, str]  # column index -> role ("number", "action", "milestones", ...)
    strict: bool = False  # passes the stricter test for tables outside an action-plan paper


@dataclass
class TableKind:
    """A table's classification, made once before segmentation
    (``ingest/table_kind.py``) and carried on its block as :attr:`Block.table`,
    so segmentation and extractors read it instead of re-deriving it."""

    header: list[str] = field(default_factory=list)  # the header row's cell texts
    signature: str = ""  # the header folded to words: a plan's identity across pages
    signals: list[TableSignal] = field(default_factory=list)
    #: rows that read as an action plan's header row, with their column roles
    plan_headers: list[PlanHeader] = field(default_factory=list)

    @property
    def paper_type(self) -> str:
        """The type of the strongest signal ("" when the table signals none)."""
        best = max(self.signals, key=lambda s: s.strength, default=None)
        return best.paper_type if best else ""


@dataclass
class Block:
    kind: str
    text: str = ""
    norm: str = ""
    level: int = 0  # heading level (1 = top) or list nesting level (0 = top)
    page: Optional[int] = None
    index: int = 0  # position in the document's block list, set by Document
    source_index: Optional[int] = None  # DOCX body paragraph/table index
    bbox: Optional[tuple[float, float, float, float]] = None
    bold: bool = False
    style: Optional[str] = None  # Word style name, or PDF font hint
    font_size: Optional[float] = None
    rows: list[Row] = field(default_factory=list)  # TABLE only
    # Pages a block spans (tables joined across page breaks span several).
    page_end: Optional[int] = None
    flags: list[str] = field(default_factory=list)  # e.g. "boilerplate", "footnote"
    #: TABLE only: the classification recorded by the mark stage (None until then)
    table: Optional[TableKind] = None

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")
        if not self.norm and self.text:
            self.norm = normalise(self.text)
        if self.page_end is None:
            self.page_end = self.page

    # -- table helpers -----------------------------------------------------
    @property
    def n_cols(self) -> int:
        return max((sum(c.colspan for c in r.cells) for r in self.rows), default=0)

    def grid(self) -> list[list[str]]:
        """Rows as lists of normalised strings, merged cells expanded to their span
        (spanned positions after the first are empty strings)."""
        out = []
        for r in self.rows:
            line: list[str] = []
            for c in r.cells:
                line.append(c.norm)
                line.extend([""] * (c.colspan - 1))
            out.append(line)
        return out

    def table_text(self) -> str:
        return "\n".join(" | ".join(c.norm for c in r.cells) for r in self.rows)

    @property
    def search_text(self) -> str:
        """Text to index for full-text search (tables flattened)."""
        return self.table_text() if self.kind == TABLE else self.norm


@dataclass
class Document:
    path: str
    sha256: str
    format: str  # "pdf", "docx" or "doc"
    blocks: list[Block] = field(default_factory=list)
    pages: Optional[int] = None
    producer: Optional[str] = None
    converted_from: Optional[str] = None  # "doc" when a .doc went through LibreOffice
    scanned_pages: list[int] = field(default_factory=list)  # pages with no text layer
    headers: list[str] = field(default_factory=list)  # Word headers / removed PDF furniture
    footers: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: whole boilerplate sections (start, end, kind) found by the mark stage
    #: (visitor guidance notes); each is a paper of its own
    boilerplate_sections: list[tuple[int, int, str]] = field(default_factory=list)

    def renumber(self) -> None:
        """Give every block its position; call after readers or cleaners edit the list."""
        for i, b in enumerate(self.blocks):
            b.index = i

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    @property
    def is_scanned(self) -> bool:
        return bool(self.pages) and len(self.scanned_pages) >= (self.pages or 0)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        def cell(c: dict) -> Cell:
            c = dict(c)
            c["tables"] = [block(t) for t in c.get("tables", [])]
            return Cell(**c)

        def row(r: dict) -> Row:
            r = dict(r)
            r["cells"] = [cell(c) for c in r["cells"]]
            if r.get("bbox") is not None:
                r["bbox"] = tuple(r["bbox"])
            return Row(**r)

        def block(b: dict) -> Block:
            b = dict(b)
            b["rows"] = [row(r) for r in b.get("rows", [])]
            if b.get("bbox") is not None:
                b["bbox"] = tuple(b["bbox"])
            if b.get("table") is not None:
                t = dict(b["table"])
                t["signals"] = [TableSignal(**x) for x in t.get("signals", [])]
                t["plan_headers"] = [PlanHeader(x["row"], {int(k): v for k, v in x["roles"].items()}, x["strict"])
                                     for x in t.get("plan_headers", [])]
                b["table"] = TableKind(**t)
            return Block(**b)

        d = dict(d)
        d["blocks"] = [block(b) for b in d.get("blocks", [])]
        d["boilerplate_sections"] = [tuple(x) for x in d.get("boilerplate_sections", [])]
        return cls(**d)


@dataclass
class Paper:
    """One paper of a pack (cover letter, agenda, minutes, ...), found by segmentation.

    ``blocks`` are the document's blocks from ``start`` to ``end`` (inclusive
    block indexes); boilerplate blocks stay in the document but are flagged.
    """

    paper_type: str
    title: str
    start: int
    end: int
    page_start: Optional[int] = None
    page_end: Optional[int] = None
    ordinal: int = 0  # position of the paper within its document
    confidence: float = 1.0
    cue: str = ""  # the text that decided the type, for `show --stage segment`
    #: weight of the cues of each paper type found inside the paper (segmentation's vote)
    evidence: dict[str, float] = field(default_factory=dict)

    def blocks(self, doc: Document) -> list[Block]:
        return doc.blocks[self.start : self.end + 1]


# Paper types, used by the segmenter and the extractor registry.
COVER = "cover_letter"
AGENDA = "agenda"
MINUTES = "minutes"
PROGRESS_REPORT = "progress_report"
ACTION_PLAN = "action_plan"
BUDGET = "budget"
PERFORMANCE = "performance"
OTHER = "other"
PAPER_TYPES = (COVER, AGENDA, MINUTES, PROGRESS_REPORT, ACTION_PLAN, BUDGET, PERFORMANCE, OTHER)
