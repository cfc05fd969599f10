"""The *mark* stage, between clean and segment: everything segmentation reads
that is recorded on the document.

Segmentation (:func:`boardpack.ingest.segment.segment`) only reads the
document; what it needs written first is done here, once:

1. single-block boilerplate flagged (placeholder pages, template
   instructions; :func:`boardpack.ingest.boilerplate.flag_blocks`);
2. every table classified, the result recorded on its block
   (:mod:`boardpack.ingest.table_kind`);
3. whole boilerplate sections (visitor guidance notes) flagged, each running
   to the next block that certainly opens a paper, and recorded in
   :attr:`Document.boilerplate_sections` for the boundary scan.

Step 3 needs the cues of step 1 and 2 (where the next paper starts), which is
why the boilerplate flagging is not part of the clean stage.
"""

from __future__ import annotations

from functools import partial

from boardpack.core.model import Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest import boilerplate
from boardpack.ingest.hits import block_hits, strong_start
from boardpack.ingest.table_kind import classify_tables


def mark_document(doc: Document, settings: Settings = DEFAULT) -> Document:
    """Flag boilerplate and classify tables on ``doc`` (in place); return it."""
    doc.renumber()
    boilerplate.flag_blocks(doc)
    classify_tables(doc)
    hits = block_hits(doc)
    doc.boilerplate_sections = boilerplate.flag_sections(doc, partial(strong_start, doc.blocks, hits))
    return doc
