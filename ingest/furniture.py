"""The page-furniture test: which lines or blocks are running headers,
footers and page numbers, in one place.

Furniture is found by repetition, not by known strings: an item in the
top/bottom band of its page whose text, with digits masked, recurs on at
least ``furniture_min_share`` of the pages (and ``furniture_min_pages``
pages) is furniture; so is a lone page number in the band, even once, and the
file path of the original Word file. The PDF reader asks it of its visual
lines (so furniture becomes blocks of its own and never joins a paragraph);
:func:`mark_furniture` asks it of the document's blocks, once, at the end of
the read stage (``read_document``, after OCR'd pages have joined), flags them
``furniture`` and records the headers and footers; the clean stage only drops
what is flagged. Both go through :func:`furniture_of`, so the band, the key
and the repetition rule cannot drift apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable, NamedTuple, Optional

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from boardpack.core.settings import DEFAULT, Settings

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s*)?[-\u2013\u2014(\[]?\s*\d{1,4}\s*[-\u2013\u2014)\]]?\s*"
    r"(?:(?:of|/)\s*\d{1,4})?\s*(?:\|\s*page)?\s*$",
    re.I,
)
_FILE_PATH = re.compile(
    r"(?:^|\s)(?:[a-z]:\\|\\\\|/)[^\s]*[\\/][^\\/]*\.(?:docx?|pdf|xlsx?|rtf|odt)\b|"
    r"^[^\s]*\\[^\s]*\.(?:docx?|pdf|xlsx?|rtf|odt)\s*$",
    re.I,
)


def is_page_number(text: str) -> bool:
    """"3", "- 3 -", "Page 3", "Page 3 of 10", "3/10", "3 | Page"."""
    return bool(_PAGE_NUMBER.match(text or ""))


def is_lone_page_number(text: str, page: int | None, n_pages: int | None) -> bool:
    """A page number standing alone in a page's band, even if it occurs once.

    "Page 3", "- 3 -" and "3 of 10" say what they are; a bare "816" at the foot
    of a one-page spreadsheet is more likely a total, so a bare number only
    counts when it could number this document's pages (its own page number,
    or small enough for a pack whose numbering starts a little later).
    """
    if not is_page_number(text):
        return False
    t = text.strip()
    if not t.isdigit():
        return True
    n = int(t)
    return n == page or n <= 2 * (n_pages or 1) + 2


def is_file_path(text: str) -> bool:
    return bool(_FILE_PATH.search(text or ""))


def furniture_key(text: str, exact: bool = False) -> str:
    """Text with digits masked and spacing/case folded, so "Page 3 of 10" and
    "Page 4 of 10" (or Item07.doc and Item08.doc) compare equal.

    ``exact`` (used for heading-styled lines) keeps the digits: "Item 3",
    "Item 4" headings that each open a page are content, while a running
    title repeats word for word.
    """
    t = " ".join((text or "").split()).lower()
    if is_file_path(t):
        return "<file-path>"
    return "=" + t if exact else _DIGITS.sub("#", t)


def in_band(top: float, bottom: float, height: float, band: float) -> Optional[str]:
    """"top" / "bottom" when a line lies in that band of the page, else None."""
    if not height:
        return None
    if bottom <= height * band + 1:
        return "top"
    if top >= height * (1 - band) - 1:
        return "bottom"
    return None


def repeated_keys(items: Iterable[tuple[int, str]], n_pages: int, settings: Settings) -> set[str]:
    """Keys seen on enough distinct pages to be furniture. ``items``: (page, key)."""
    pages: dict[str, set[int]] = defaultdict(set)
    for page, key in items:
        if key:
            pages[key].add(page)
    need = max(settings.furniture_min_pages, settings.furniture_min_share * n_pages)
    return {k for k, ps in pages.items() if len(ps) >= need and len(ps) >= 2}


class Candidate(NamedTuple):
    """A line or block in the top/bottom band of its page: its page, band
    ("top"/"bottom"), text, furniture key and the item itself."""

    page: Optional[int]
    band: str
    text: str
    key: str
    item: Any


def furniture_of(candidates: list[Candidate], n_pages: int, settings: Settings) -> list[Candidate]:
    """The candidates that are furniture, in their order: the key recurs on
    enough pages, or the text is a lone page number."""
    keys = repeated_keys(((c.page or 0, c.key) for c in candidates), n_pages, settings)
    return [c for c in candidates if c.key in keys or is_lone_page_number(c.text, c.page, n_pages)]


#: the flag :func:`mark_furniture` sets and the clean stage drops by
FURNITURE = "furniture"


def _page_heights(doc: Document) -> dict[int, float]:
    sizes = doc.metadata.get("page_heights") or []
    return {i + 1: float(h) for i, h in enumerate(sizes) if h}


def _block_band(doc: Document, b: Block, heights: dict[int, float], settings: Settings) -> Optional[str]:
    """The band a one-line block stands in, or None."""
    if b.bbox and b.page in heights:
        return in_band(b.bbox[1], b.bbox[3], heights[b.page], settings.furniture_band)
    if doc.format != "pdf" and is_page_number(b.norm) and not re.fullmatch(r"[(\[]?\d{1,4}[)\]]?", b.norm.strip()):
        # a stray "Page 3" field in a Word body; a bare "3" or "(27)" there is more
        # likely an item or minute number on a line of its own, so it stays
        return "bottom"
    return None


def block_candidates(doc: Document, settings: Settings) -> list[Candidate]:
    """One-line text blocks in the top/bottom band of their page."""
    heights = _page_heights(doc)
    out = []
    for b in doc.blocks:
        if b.kind not in (PARAGRAPH, HEADING, LIST_ITEM) or "\n" in b.norm.strip():
            continue
        band = _block_band(doc, b, heights, settings)
        if band:
            out.append(Candidate(b.page, band, b.norm, furniture_key(b.norm, exact=b.kind == HEADING), b))
    return out


def mark_furniture(doc: Document, settings: Settings = DEFAULT) -> Document:
    """Flag the document's furniture blocks ``furniture`` (in place) and record
    them: ``doc.headers`` / ``doc.footers`` (each distinct text once) and, with
    page and band, ``doc.metadata["furniture"]``. Returns ``doc``.

    Runs on blocks, not on the PDF reader's lines, because OCR'd pages join
    the document after the reader, and a block can be furniture whose line
    was not (a bold running footer whose page number differs page to page).
    """
    n_pages = doc.pages or len({b.page for b in doc.blocks if b.page}) or 1
    removed = doc.metadata.setdefault("furniture", [])
    for c in furniture_of(block_candidates(doc, settings), n_pages, settings):
        b = c.item
        if FURNITURE not in b.flags:
            b.flags.append(FURNITURE)
        # where each line was, for extractors that want the running title
        # over a given page (a plan's name above its table)
        removed.append({"page": b.page, "band": c.band, "text": b.text})
        target = doc.headers if c.band == "top" else doc.footers
        if b.text not in target:
            target.append(b.text)
    return doc
