"""Boilerplate in board packs: text that is in the document but is not content.

Boilerplate blocks stay in the document (provenance, full-text search) but get
``"boilerplate"`` in :attr:`Block.flags`; extractors skip flagged blocks. The
flags are set by the mark stage (:mod:`boardpack.ingest.mark`), before
segmentation, which only reads them.

Everything recognised here is data: :data:`BLOCK_PATTERNS` lists single-block
boilerplate (placeholder pages, template instructions, template footnotes,
accessibility statements) and :data:`SECTION_STARTS` the headings that open a
whole boilerplate section (visitor guidance notes) which runs until the next
paper starts. The patterns are written from what the genre does (see
``../shared/GENRE.md``), not from one pack's exact sentence: each names the
idea ("a page deliberately left blank", "guidance repeated in a template
footnote") with the wording variants councils use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from boardpack.core.model import PAGE_BREAK, TABLE, Block, Document

FLAG = "boilerplate"

# Footnote markers as readers leave them in front of footnote text.
_MARK = r"(?:[\d\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021]{1,3}[.)]?\s*)?"


@dataclass(frozen=True)
class BoilerplatePattern:
    """One kind of boilerplate block.

    ``max_chars``: blocks longer than this are content that merely mentions
    the phrase (a paragraph quoting the template, say), not the boilerplate.
    ``whole``: the pattern must cover the whole block (after trimming).
    """

    name: str
    pattern: re.Pattern
    max_chars: int = 400
    whole: bool = False

    def matches(self, text: str) -> bool:
        t = " ".join(text.split())
        if not t or len(t) > self.max_chars:
            return False
        if self.whole:
            return bool(self.pattern.fullmatch(t.strip(" .")))
        return bool(self.pattern.search(t))


def _p(rx: str) -> re.Pattern:
    return re.compile(rx, re.I)


#: Single-block boilerplate, by kind.
BLOCK_PATTERNS: tuple[BoilerplatePattern, ...] = (
    # "This page is left blank intentionally", "Page intentionally left blank",
    # "This page has been intentionally left blank", "[Blank page]".
    BoilerplatePattern(
        "blank_page",
        _p(r"(?:this\s+)?page\s+(?:is\s+|has\s+been\s+)?(?:left\s+)?(?:intentionally\s+|deliberately\s+)?(?:left\s+)?blank"
           r"(?:\s+(?:intentionally|deliberately|on\s+purpose))?|\[?\s*blank\s+page\s*\]?"
           r"|intentionally\s+(?:left\s+)?blank|left\s+blank\s+(?:intentionally|deliberately)"),
        max_chars=80,
    ),
    # Placeholders where exempt papers were removed from the published pack.
    BoilerplatePattern(
        "restricted_placeholder",
        _p(r"(?:this\s+)?(?:document|report|item|appendix|paper|annex)(?:\s+\w+)?\s+(?:is|has\s+been)\s+"
           r"(?:restricted|exempt|confidential|not\s+for\s+publication|withheld)"),
        max_chars=120,
    ),
    # Template instructions to authors left in the paper ("PLEASE RESTRICT THE
    # REPORT TO ONE PAGE", "Please keep this report to two sides of A4").
    BoilerplatePattern(
        "template_instruction",
        _p(r"please\s+(?:restrict|limit|keep|confine)\s+(?:the\s+|this\s+|your\s+)?(?:report|update|paper|submission)s?\s+"
           r"(?:to\s+)?(?:no\s+more\s+than\s+)?(?:one|two|1|2|a\s+single)\s+(?:sides?|pages?)"),
        max_chars=160,
    ),
    # Template footnotes repeating guidance to the report's author: a footnote
    # marker, then an instruction ("Please ensure that you only highlight ...",
    # "Please ensure that any items included here for Publicity are not
    # protectively marked", "Please note: ...").
    BoilerplatePattern(
        "template_footnote",
        _p(r"^" + _MARK + r"please\s+(?:ensure|make\s+sure|note|remember|only|do\s+not|include|use\s+this|list|highlight|state|set\s+out)\b"
           r"(?=.*\b(?:you|your|here|this\s+section|above|below)\b)"
           r".*\b(?:highlight|concerns?|recommendations?|publicity|task\s+group|partnership|achievements?|protectively\s+marked|action\s+plan|section|report|plan|successes)\b"),
        max_chars=450,
    ),
    # A bare rule line (the separator Word draws above footnotes, "-----").
    BoilerplatePattern("rule_line", _p(r"[_\-=\u2013\u2014.\u00b7*]{5,}"), max_chars=200, whole=True),
    # Accessibility statements on summons and agendas: "... is committed to
    # improving, for all members of the community, access to the agendas and
    # minutes ...", "If you have any specific needs ... please let us know".
    BoilerplatePattern(
        "accessibility_statement",
        _p(r"committed\s+to\s+improving.{0,80}\baccess\s+to\b"
           r"|(?:if\s+you\s+have|for\s+people\s+with)\s+(?:any\s+)?(?:specific|special|particular|access)\s+needs.{0,160}\b(?:let\s+us\s+know|contact)"
           r"|(?:large\s+print|braille|audio\s+(?:tape|format)|another\s+language).{0,120}\b(?:let\s+us\s+know|contact|available)"),
        max_chars=600,
    ),
)

#: Headings that open a whole boilerplate section (visitor guidance notes).
#: The section runs until the next block that certainly opens a paper (the
#: segmenter's cues, :func:`boardpack.ingest.hits.strong_start`).
SECTION_STARTS: tuple[BoilerplatePattern, ...] = (
    BoilerplatePattern(
        "visitor_guidance",
        _p(r"(?:guidance|information|notes?|advice)\s+(?:notes?\s+)?for\s+(?:the\s+)?(?:visitors|members\s+of\s+the\s+public|the\s+public)"
           r"|visitors'?\s+(?:guidance|information|guide)"
           r"|guidance\s+notes?\s+for\s+visitors"),
        max_chars=160,
    ),
)

#: Words typical of visitor guidance sections (security, evacuation, first
#: aid, toilets, recording, mobile phones ...). A section is only taken as
#: boilerplate when several of them follow its heading, so a paper that
#: merely mentions "guidance for the public" is not swallowed.
SECTION_VOCABULARY = re.compile(
    r"\b(?:security|evacuat\w*|fire\s+alarm|assembly\s+point|first\s+aid|toilets?|lifts?|"
    r"mobile\s+phones?|recording|filming|webcast\w*|smoking|smoke\s+free|food\s+and\s+drink|"
    r"disabilit\w*|hearing\s+loop|banners?|placards?|disturbance|reception|visitor\s+badges?|car\s+park)\b",
    re.I,
)
SECTION_MIN_VOCAB_HITS = 3


def block_text(block: Block) -> str:
    return block.table_text() if block.kind == TABLE else block.norm


def classify_block(block: Block) -> Optional[str]:
    """Name of the single-block boilerplate kind ``block`` is, or None."""
    if block.kind == PAGE_BREAK:
        return None
    if block.kind == TABLE:
        # A one-cell "table" used as a box round a placeholder.
        cells = [c.norm for r in block.rows for c in r.cells if c.norm.strip()]
        if len(cells) != 1:
            return None
        text = cells[0]
    else:
        text = block.norm
    for bp in BLOCK_PATTERNS:
        if bp.matches(text):
            return bp.name
    # A footnote block (readers flag Word footnotes) that repeats template
    # guidance to the author rather than content.
    if "footnote" in block.flags and re.search(r"\bplease\b", text, re.I):
        return "template_footnote"
    return None


def section_start(block: Block) -> Optional[str]:
    """Name of the boilerplate section ``block`` opens, or None."""
    if block.kind in (PAGE_BREAK, TABLE):
        return None
    for bp in SECTION_STARTS:
        if bp.matches(block.norm):
            return bp.name
    return None


def flag(block: Block, kind: str) -> None:
    if FLAG not in block.flags:
        block.flags.append(FLAG)
    tag = f"boilerplate:{kind}"
    if tag not in block.flags:
        block.flags.append(tag)


def is_boilerplate(block: Block) -> bool:
    return FLAG in block.flags


def flag_blocks(doc: Document) -> int:
    """Flag single-block boilerplate; return how many blocks were flagged."""
    n = 0
    for b in doc.blocks:
        kind = classify_block(b)
        if kind:
            flag(b, kind)
            n += 1
    return n


def flag_sections(doc: Document, is_paper_start: Callable[[int], bool]) -> list[tuple[int, int, str]]:
    """Flag whole boilerplate sections (visitor guidance notes).

    A section starts at a heading from :data:`SECTION_STARTS` and runs until
    the first block for which ``is_paper_start(index)`` is true (a new paper),
    or the end of the document. Returns ``(start, end, kind)`` for each.
    """
    out: list[tuple[int, int, str]] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        kind = section_start(blocks[i])
        if not kind:
            i += 1
            continue
        j = i + 1
        while j < len(blocks) and not is_paper_start(j):
            j += 1
        end = j - 1
        # Trailing page breaks belong to the section too (they sit before the next paper).
        text = " ".join(block_text(b) for b in blocks[i : end + 1])
        if len(SECTION_VOCABULARY.findall(text)) >= SECTION_MIN_VOCAB_HITS or end == i:
            for b in blocks[i : end + 1]:
                if b.kind != PAGE_BREAK:
                    flag(b, kind)
            out.append((i, end, kind))
            i = end + 1
        else:
            i += 1
    return out


def matching_patterns(text: str) -> list[str]:
    """Names of all single-block patterns matching ``text`` (for tests and debugging)."""
    return [bp.name for bp in BLOCK_PATTERNS if bp.matches(text)]


__all__: Iterable[str] = (
    "FLAG", "BLOCK_PATTERNS", "SECTION_STARTS", "classify_block", "section_start",
    "flag_blocks", "flag_sections", "is_boilerplate", "matching_patterns",
)
