"""Cues per block, and where on its page a block stands.

:func:`block_hits` gathers the cues of every block: text cues from
:mod:`boardpack.ingest.cues`, table signals as recorded on the block by
:mod:`boardpack.ingest.table_kind`. A page position (first on its page, in
the title run at the top of a page) turns a separator or a subject heading
into a paper start; both the boilerplate-section marking and the boundary
scan need these, so they live here rather than in either.
"""

from __future__ import annotations

from boardpack.core.model import HEADING, OTHER, PAGE_BREAK, PARAGRAPH, TABLE, Block, Document
from boardpack.ingest import boilerplate
from boardpack.ingest.cues import SEPARATORS, Hit, is_title_like, text_hits
from boardpack.ingest.table_kind import recorded_hits

def is_separator(b: Block) -> bool:
    """A stamp or appendix title line (where it stands is checked by :func:`_first_on_page`)."""
    if b.kind not in (HEADING, PARAGRAPH):
        return False
    t = b.norm.strip()
    if len(t) > 160 or not t[:1].isupper() or not is_title_like(b):
        return False
    return any(rx.match(t) for rx in SEPARATORS)


def _first_on_page(blocks: list[Block], i: int) -> bool:
    """True when ``i`` is the first non-boilerplate block of its page."""
    j = i - 1
    while j >= 0:
        b = blocks[j]
        if b.kind == PAGE_BREAK:
            return True
        if blocks[i].page is not None and b.page_end is not None and b.page_end < blocks[i].page:
            return True
        if not boilerplate.is_boilerplate(b):
            return False
        j -= 1
    return True


def separator_at(blocks: list[Block], i: int) -> bool:
    return is_separator(blocks[i]) and _first_on_page(blocks, i)


def page_top(blocks: list[Block], i: int, lo: int) -> bool:
    """True when every content block before ``i`` on its page is title-like
    (``i`` is in the title run at the top of its page)."""
    page = blocks[i].page
    n = 0
    j = i - 1
    while j >= lo:
        b = blocks[j]
        if b.kind == PAGE_BREAK:
            return True
        if page is not None and b.page is not None and b.page_end is not None and b.page_end < page:
            return True
        if boilerplate.is_boilerplate(b):
            j -= 1
            continue
        if not is_title_like(b) or n >= 6:
            return False
        n += 1
        j -= 1
    # Reached the start of the open paper without a page break: its own
    # title run is above ``i`` on this page, so ``i`` is not at the top.
    return lo == 0 and n == 0


def block_hits(doc: Document) -> list[list[Hit]]:
    """Cues of every block (empty for boilerplate and page breaks).

    A subject heading (strength 2) directly above a table of the same type
    ("CDRP Budget 2016/17" over a money table) is a title: raised to 3.
    """
    blocks = doc.blocks
    out: list[list[Hit]] = []
    for b in blocks:
        if b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b):
            out.append([])
        elif b.kind == TABLE:
            out.append(recorded_hits(b))  # classified once, by the mark stage
        else:
            out.append(text_hits(b))
    for i, hs in enumerate(out):
        for h in hs:
            if h.strength != 2 or blocks[i].kind == TABLE:
                continue
            j, seen = i + 1, 0
            while j < len(blocks) and seen < 2:
                nb = blocks[j]
                if nb.kind == PAGE_BREAK or boilerplate.is_boilerplate(nb):
                    j += 1
                    continue
                if nb.kind == TABLE:
                    if any(t.paper_type == h.paper_type and t.strength >= 2 for t in out[j]):
                        h.strength, h.upgraded = 3, True
                    break
                seen += 1
                j += 1
    return out


def strong_start(blocks: list[Block], hits: list[list[Hit]], j: int) -> bool:
    """A block that certainly opens a paper: a separator, a title cue, or a subject cue at the top of a page."""
    if separator_at(blocks, j):
        return True
    return any(h.strength >= 3 or (h.strength >= 2 and page_top(blocks, j, 0)) for h in hits[j]
               if h.paper_type != OTHER or h.strength >= 2)
