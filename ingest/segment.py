"""Split a document (a whole pack, or a single paper file) into its papers.

A pack is a run of papers - summons/cover letter, agenda, minutes, quarterly
progress reports, action plans, budgets, performance data, other reports -
each starting at a title block or at a strong cue. Segmentation works in
three passes:

1. **Cues.** Every block is matched against :data:`CUES` (text cues: headings,
   labels, salutations, as regular expressions over the normalised text) and
   :data:`TABLE_RULES` (what a table's header row and cells look like: an
   action plan has Action / Milestones / Lead / Progress columns, a budget has
   money columns and a TOTAL row, performance data has period columns and
   percentage changes). A cue has a paper type, a strength and, optionally,
   an *identity* key: a cue a paper carries only once (a second "PRESENT:"
   after content means a second set of minutes).
2. **Boilerplate.** Single-block boilerplate and whole visitor guidance
   sections are flagged beforehand, by the mark stage
   (:mod:`boardpack.ingest.mark`), which also classifies every table once;
   segmentation only reads the document.
3. **Boundaries.** A linear scan opens a new paper at a "separator" (a
   ModernGov "Agenda Item 4b" stamp, an "Appendix C" title at the top of a
   page), at a strong cue of another type (strength 3 anywhere; strength 2
   only in the title run at the top of a page) or at a repeated identity cue.
   The new paper takes the title-like blocks just above its cue (headings,
   short lines) with it. Papers opened without a deciding cue are typed by
   the evidence accumulated inside them, else ``other``.

Strengths: 3 = a paper title or template label ("Minutes of a meeting of",
"AGENDA", "Dear Sir / Madam", "Quarterly Progress Report", "Action Plan");
2 = a heading naming the subject ("... Budget 2016/17", "Performance") or a
table whose structure decides; 1 = evidence only (RESOLVED, Apologies, £
amounts, "Lead Officer:").

The result covers every block: papers are contiguous ``[start, end]`` block
ranges in order; page breaks between papers belong to the paper before them.

The passes live in their own modules: the text cues in
:mod:`boardpack.ingest.cues`, table classification in
:mod:`boardpack.ingest.table_kind`, cues per block and page position in
:mod:`boardpack.ingest.hits`, the boundary scan in
:mod:`boardpack.ingest.spans`, typing and titling papers in
:mod:`boardpack.ingest.papers`. This module runs them in order.
"""

from __future__ import annotations

from boardpack.core.model import Document, Paper
from boardpack.core.settings import DEFAULT, Settings
from boardpack.ingest.cues import CUES, Hit, text_hits  # noqa: F401  (imported from here by tests)
from boardpack.ingest.hits import block_hits
from boardpack.ingest.papers import furniture_title, merge_trailing, paper_confidence, papers_from_spans
from boardpack.ingest.spans import Spanner
from boardpack.ingest.table_kind import table_hits  # noqa: F401  (imported from here by tests)


def segment(doc: Document, settings: Settings = DEFAULT) -> list[Paper]:
    """Split ``doc`` into papers. Reads the document only: its boilerplate
    flags and table classifications come from the mark stage
    (:func:`boardpack.ingest.mark.mark_document`), which must run first.

    Returns papers in document order; their ``[start, end]`` ranges are
    contiguous and cover every block.
    """
    blocks = doc.blocks
    if not blocks:
        return []
    hits = block_hits(doc)
    spanner = Spanner(blocks, hits, doc.boilerplate_sections)
    spans = spanner.spans()
    papers = papers_from_spans(blocks, hits, spans, settings)
    merge_trailing(papers, blocks, spanner.keep)
    furniture_title(doc, papers, paper_confidence(settings, 3))
    for k, p in enumerate(papers):
        p.ordinal = k
    return papers
