"""The *clean* stage: page furniture out of the document.

Running headers and footers, page numbers ("Page 3 of 10", "- 3 -", a bare
"3") and the file path of the original Word file recur at the top or bottom
of many pages; the test that finds them is :mod:`.furniture`'s (the same the
PDF reader asks of its lines, so such lines are blocks of their own and
dropping a block never damages a paragraph). Removed text is recorded in
``doc.headers`` / ``doc.footers`` (each distinct text once) and, with its
page, in ``doc.metadata["furniture"]``. DOCX/DOC documents keep headers and
footers apart already; for them this stage only drops body blocks that are
nothing but a page number.
"""

from __future__ import annotations

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.furniture import Candidate, furniture_key, furniture_of, in_band, is_page_number


def _page_sizes(doc: Document) -> dict[int, float]:
    sizes = doc.metadata.get("page_heights") or []
    return {i + 1: float(h) for i, h in enumerate(sizes) if h}


def _band(doc: Document, b: Block, heights: dict[int, float], settings: Settings):
    """The band a one-line block stands in, or None."""
    if b.bbox and b.page in heights:
        return in_band(b.bbox[1], b.bbox[3], heights[b.page], settings.furniture_band)
    if doc.format != "pdf" and is_page_number(b.norm) and not b.norm.strip().isdigit():
        # a stray "Page 3" field in a Word body; a bare "3" there is more
        # likely an item number on a line of its own, so it stays
        return "bottom"
    return None


def _candidates(doc: Document, settings: Settings) -> list[Candidate]:
    heights = _page_sizes(doc)
    out = []
    for b in doc.blocks:
        if b.kind not in (PARAGRAPH, HEADING, LIST_ITEM) or "\n" in b.norm.strip():
            continue
        band = _band(doc, b, heights, settings)
        if band:
            out.append(Candidate(b.page, band, b.norm, furniture_key(b.norm, exact=b.kind == HEADING), b))
    return out


def clean_document(doc: Document, settings: Settings = DEFAULT) -> Document:
    """Remove page furniture from ``doc`` (in place) and return it."""
    n_pages = doc.pages or len({b.page for b in doc.blocks if b.page}) or 1
    drop = set()
    removed = doc.metadata.setdefault("furniture", [])
    for c in furniture_of(_candidates(doc, settings), n_pages, settings):
        b = c.item
        drop.add(id(b))
        # where each removed line was, for extractors that want the running
        # title over a given page (a plan's name above its table)
        removed.append({"page": b.page, "band": c.band, "text": b.text})
        target = doc.headers if c.band == "top" else doc.footers
        if b.text not in target:
            target.append(b.text)
    if drop:
        doc.blocks = [b for b in doc.blocks if id(b) not in drop]
        doc.renumber()
    return doc
