"""The *clean* stage: page furniture out of the document.

Running headers and footers, page numbers ("Page 3 of 10", "- 3 -", a bare
"3") and the file path of the original Word file recur at the top or bottom
of many pages. They are found by repetition, not by known strings: a block in
the top/bottom band of its page whose text, with digits masked, recurs on at
least ``furniture_min_share`` of the pages (and ``furniture_min_pages``
pages) is furniture. A lone page number in the band is furniture even in a
short document. Removed text is recorded in ``doc.headers`` / ``doc.footers``
(each distinct text once) and, with its page, in ``doc.metadata["furniture"]``.

The PDF reader puts such lines in blocks of their own (it runs the same test
at read time), so dropping a block never damages a paragraph. DOCX/DOC
documents keep headers and footers apart already; for them this stage only
drops body blocks that are nothing but a page number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, Document
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


def _page_sizes(doc: Document) -> dict[int, float]:
    sizes = doc.metadata.get("page_heights") or []
    return {i + 1: float(h) for i, h in enumerate(sizes) if h}


def clean_document(doc: Document, settings: Settings = DEFAULT) -> Document:
    """Remove page furniture from ``doc`` (in place) and return it."""
    heights = _page_sizes(doc)
    n_pages = doc.pages or len({b.page for b in doc.blocks if b.page}) or 1
    candidates = []  # (block, band, furniture key)
    for b in doc.blocks:
        if b.kind not in (PARAGRAPH, HEADING, LIST_ITEM) or "\n" in b.norm.strip():
            continue
        band = None
        if b.bbox and b.page in heights:
            band = in_band(b.bbox[1], b.bbox[3], heights[b.page], settings.furniture_band)
        elif doc.format != "pdf" and is_page_number(b.norm) and not b.norm.strip().isdigit():
            # a stray "Page 3" field in a Word body; a bare "3" there is more
            # likely an item number on a line of its own, so it stays
            band = "bottom"
        if band:
            candidates.append((b, band, furniture_key(b.norm, exact=b.kind == HEADING)))
    keys = repeated_keys(((b.page or 0, k) for b, _, k in candidates), n_pages, settings)
    drop = set()
    removed = doc.metadata.setdefault("furniture", [])
    for b, band, k in candidates:
        if k in keys or is_lone_page_number(b.norm, b.page, n_pages):
            drop.add(id(b))
            # where each removed line was, for extractors that want the running
            # title over a given page (a plan's name above its table)
            removed.append({"page": b.page, "band": band, "text": b.text})
            target = doc.headers if band == "top" else doc.footers
            if b.text not in target:
                target.append(b.text)
    if drop:
        doc.blocks = [b for b in doc.blocks if id(b) not in drop]
        doc.renumber()
    return doc

