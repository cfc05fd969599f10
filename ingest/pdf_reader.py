"""PDF reader: pdfplumber pages into the document model (the *read* stage).

Per page, one word extraction and one table-finding pass (pdfplumber's
lattice finder on ruling lines); cell text, fill colours, text-aligned tables
and paragraphs are all built from those objects, and each page's cache is
flushed before the next. Characters, most of a page's objects, take a fast
path that builds the same dicts pdfplumber would (see
:mod:`.pdf_chars`), so reading costs less than a bare
``extract_text`` + ``extract_tables`` pass and memory stays flat.

The steps: :mod:`.pdf_page` gives each page's visual lines and ruled tables
(:mod:`.pdf_pages` walks the file, :mod:`.pdf_repair` retries a damaged
one); after all pages are read, lines repeated in the top/bottom band (or
lone page numbers) are marked as furniture, text-aligned tables are found
among the rest (:mod:`.pdf_text_tables`), lines become headings, paragraphs
and list items (:mod:`.pdf_blocks`), a PAGE_BREAK goes between pages, and
tables continued over a page break are joined (:mod:`.pdf_tables`).
Furniture (the test is :mod:`.furniture`'s) stays in the document as blocks
of their own; the clean stage (:mod:`boardpack.ingest.clean`) drops them
without touching paragraphs.

Pages with no text layer but an image (or glyphs drawn as outlines) are
recorded in ``doc.scanned_pages``. Errors are typed: a password-protected
file raises :class:`EncryptedDocument`, a truncated or corrupt one
:class:`UnreadableDocument`; a single page that fails to parse is recorded
in ``doc.metadata["page_errors"]`` and the rest of the pack is kept.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from boardpack.core.errors import UnreadableDocument
from boardpack.core.model import PAGE_BREAK, TABLE, Block, Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.furniture import Candidate, furniture_key, furniture_of, in_band
from boardpack.ingest.pdf_blocks import Builder, Line, PageItems, flag_footnotes, heading_styles, join_across_pages, list_levels, page_blocks
from boardpack.ingest.pdf_pages import Pages, fallback_page_count, refuse_pages
from boardpack.ingest.pdf_repair import read_tolerant
from boardpack.ingest.pdf_table_flow import add_text_tables
from boardpack.ingest.pdf_tables import join_split_tables


def _body_size(pages: list[PageItems]) -> float:
    c = Counter()
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                c[it.size] += sum(len(w["text"]) for w in it.words)
    return c.most_common(1)[0][0] if c else 10.0


def _mark_furniture(pages: list[PageItems], settings: Settings, body: float) -> None:
    """Flag lines the clean stage may drop, so they become blocks of their own."""
    def key(ln: Line) -> str:
        return furniture_key(ln.text, exact=ln.bold or ln.size >= body + 1.5)

    cands = []  # lines in a band of their page
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                it.band = in_band(it.top, it.bottom, p.height, settings.furniture_band)
                if it.band:
                    cands.append(Candidate(p.number, it.band, it.text, key(it), it))
    for c in furniture_of(cands, len(pages), settings):
        c.item.furniture = True


def _text_margin(pages: list[PageItems]) -> float:
    """The most common left edge of body lines (outliers ignored)."""
    xs = [ln.x0 for p in pages for ln in p.items if isinstance(ln, Line) and not ln.furniture]
    margin = min(xs) if xs else 0.0
    if xs:
        margin = Counter(round(x) for x in xs).most_common(1)[0][0]
        margin = min(margin, min(xs) + 36)
    return margin


def _page_list(r: Pages, path: Path, settings: Settings) -> tuple[int, list[int]]:
    """(pages, scanned pages); when pdfminer found no page tree, pypdf counts
    the pages and those with images stand as scans."""
    if r.first_error is not None and len(r.page_errors) == r.n_pages:
        raise r.first_error
    if r.n_pages:
        return r.n_pages, r.scanned
    n_pages, img_pages = fallback_page_count(path)
    if n_pages == 0:
        raise UnreadableDocument("truncated or corrupt PDF: no pages found", path)
    refuse_pages(n_pages, settings, path)
    r.meta.setdefault("page_tree", "recovered by pypdf")
    return n_pages, img_pages


def _blocks(pages: list[PageItems], body: float, settings: Settings) -> list[Block]:
    """The pages' lines and tables as blocks, with page breaks between pages,
    tables continued over a break joined, and paragraphs run on over a break."""
    builder = Builder(body, heading_styles(pages, body, settings.pdf), _text_margin(pages), settings.pdf)
    blocks: list[Block] = []
    furniture: set[int] = set()  # ids of blocks made from furniture lines
    for p in pages:
        if p.number > 1:
            blocks.append(Block(kind=PAGE_BREAK, page=p.number - 1))
        blocks.extend(page_blocks(p, builder, furniture))

    heights = {p.number: p.height for p in pages}

    def skippable(b: Block) -> bool:
        if b.kind == TABLE or not b.bbox or b.page not in heights:
            return False
        return in_band(b.bbox[1], b.bbox[3], heights[b.page], settings.furniture_band) is not None

    blocks = join_split_tables(blocks, skippable, settings.pdf)
    list_levels(blocks, settings.pdf)
    flag_footnotes(blocks, body)
    return join_across_pages(blocks, body, furniture, settings.pdf)


def _producer(meta: dict) -> str | None:
    producer = meta.get("Producer") or meta.get("Creator")
    if meta.get("Producer") and meta.get("Creator") and meta["Creator"] not in meta["Producer"]:
        producer = f"{meta['Producer']} ({meta['Creator']})"
    return producer or None


def _metadata(meta: dict, pages: list[PageItems], body: float, page_errors: list[dict], unreadable: list[int]) -> dict:
    return {"pdf": meta, "page_heights": [p.height for p in pages],
            "page_widths": [p.width for p in pages], "body_font_size": body,
            **({"page_errors": page_errors} if page_errors else {}),
            **({"repaired": meta["repaired"]} if meta.get("repaired") else {}),
            **({"unreadable_text_pages": unreadable,
                "ocr": "text layer unreadable (unmapped glyphs) on pages "
                       + ", ".join(map(str, unreadable)) + ": read by OCR"} if unreadable else {})}


def read_pdf(path: Path, sha256: str, settings: Settings = DEFAULT) -> Document:
    """Read a PDF file into a :class:`Document` (the *read* stage; furniture is
    still in, as blocks of its own)."""
    path = Path(path)
    r, lost = read_tolerant(path, settings)
    page_errors = sorted(r.page_errors + lost, key=lambda e: e["page"])
    n_pages, scanned = _page_list(r, path, settings)
    pages = r.pages
    body = _body_size(pages)
    _mark_furniture(pages, settings, body)
    add_text_tables(pages)  # all pages at once: a table runs on over page breaks
    for p in pages:
        p.fills = []
    doc = Document(
        path=str(path), sha256=sha256, format="pdf", blocks=_blocks(pages, body, settings), pages=n_pages,
        producer=_producer(r.meta), scanned_pages=scanned,
        metadata=_metadata(r.meta, pages, body, page_errors, r.unreadable),
    )
    doc.renumber()
    return doc
