"""The *clean* stage: page furniture out of the document.

Running headers and footers, page numbers ("Page 3 of 10", "- 3 -", a bare
"3") and the file path of the original Word file recur at the top or bottom
of many pages. The read stage finds them, once (:func:`.furniture.mark_furniture`
flags such blocks ``furniture`` and records their text in ``doc.headers`` /
``doc.footers`` and, with its page, in ``doc.metadata["furniture"]``); this
stage only drops the flagged blocks, so ``show --stage read`` shows what will
go and why, and no stage repeats another's test. The PDF reader keeps such
lines as blocks of their own, so dropping a block never damages a paragraph.
"""

from __future__ import annotations

from boardpack.core.model import Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.furniture import FURNITURE, in_band

# in_band is the furniture test's; the OCR module imports it from here
__all__ = ["clean_document", "in_band"]


def clean_document(doc: Document, settings: Settings = DEFAULT) -> Document:
    """Remove the blocks the read stage flagged as page furniture from ``doc``
    (in place) and return it. ``settings`` is taken for the stage signature;
    the furniture thresholds were applied when the blocks were flagged."""
    kept = [b for b in doc.blocks if FURNITURE not in b.flags]
    if len(kept) != len(doc.blocks):
        doc.blocks = kept
        doc.renumber()
    return doc
