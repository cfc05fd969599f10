"""A picture of what the PDF reader saw on one page: words, rulings, and the
columns and rows of each table it found (``boardpack show FILE --image``).

pdfplumber's ``PageImage.debug_tablefinder`` is the model: when a table comes
out wrong, the page drawn with the reader's own evidence on it shows why (a
gutter that closed, a row that swallowed the next, a ruling that is not
there). The page is rendered by pdfium; the overlay is drawn with Pillow:

* words: light grey boxes;
* rulings (lines and rectangle edges the lattice finder uses): red;
* each table on the page: its rows as orange boxes, its column boundaries
  as blue lines from its first row to its last on this page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from boardpack.core.model import TABLE, Document

BBox = tuple[float, float, float, float]

WORD_COLOUR = (150, 150, 150)
RULING_COLOUR = (220, 30, 30)
ROW_COLOUR = (245, 140, 0)
COLUMN_COLOUR = (30, 80, 230)


@dataclass
class TableOnPage:
    """One table's part on the page: its column boundaries (x, left to right)
    and its rows' boxes."""

    columns: list[float]
    rows: list[BBox]

    @property
    def top(self) -> float:
        return min(r[1] for r in self.rows)

    @property
    def bottom(self) -> float:
        return max(r[3] for r in self.rows)


@dataclass
class PageLayout:
    """What the reader saw on one page, in PDF points from the top left."""

    page: int
    width: float
    height: float
    words: list[BBox] = field(default_factory=list)
    rulings: list[BBox] = field(default_factory=list)  # (x0, top, x1, bottom), thin
    tables: list[TableOnPage] = field(default_factory=list)


def page_layout(path: Path, page: int, doc: Document) -> PageLayout:
    """The words and rulings of page ``page`` (from pdfplumber) and the tables
    ``doc`` (the read stage's document of the same file) holds there."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise ValueError(f"page {page} out of range: the file has {len(pdf.pages)} pages")
        p = pdf.pages[page - 1]
        out = PageLayout(page, float(p.width), float(p.height))
        out.words = [(w["x0"], w["top"], w["x1"], w["bottom"]) for w in p.extract_words()]
        out.rulings = [(e["x0"], e["top"], e["x1"], e["bottom"]) for e in p.edges]
    for b in doc.blocks:
        if b.kind != TABLE:
            continue
        rows = [r.bbox for r in b.rows if r.page == page and r.bbox]
        if rows:
            out.tables.append(TableOnPage(list(getattr(b, "columns", None) or []), rows))
    return out


def draw_layout(path: Path, layout: PageLayout, out: Path, scale: float = 1.5) -> Path:
    """Render the page of ``path`` and draw ``layout`` over it into the PNG ``out``."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[layout.page - 1].render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()

    def px(box: BBox) -> list[float]:
        return [v * scale for v in box]

    draw = ImageDraw.Draw(image)
    for box in layout.words:
        draw.rectangle(px(box), outline=WORD_COLOUR)
    for x0, top, x1, bottom in layout.rulings:
        draw.line(px((x0, top, x1, bottom)), fill=RULING_COLOUR, width=2)
    for t in layout.tables:
        for box in t.rows:
            draw.rectangle(px(box), outline=ROW_COLOUR, width=2)
        for x in t.columns:
            draw.line(px((x, t.top, x, t.bottom)), fill=COLUMN_COLOUR, width=2)
    out = Path(out)
    image.save(out, format="PNG")
    return out


def draw_page(path: Path, doc: Document, page: int, out: Path) -> str:
    """Draw page ``page`` of the PDF ``path`` with the tables ``doc`` (its read
    stage) found there into the PNG ``out``; say what was drawn. A ValueError
    names a page out of range or a document that is not a PDF."""
    if doc.format != "pdf":
        raise ValueError(f"--image draws PDF pages; {path} is {doc.format}")
    layout = page_layout(path, page, doc)
    draw_layout(path, layout, out)
    return summary(layout)


def summary(layout: PageLayout) -> str:
    """One line saying what was drawn."""
    tables = ", ".join(f"{max(len(t.columns) - 1, 0)} columns x {len(t.rows)} rows" for t in layout.tables)
    return (f"page {layout.page}: {len(layout.words)} words, {len(layout.rulings)} rulings, "
            f"{len(layout.tables)} tables" + (f" ({tables})" if tables else ""))
