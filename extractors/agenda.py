"""Agenda items: number, title, presenter, page range, group heading, notes.

Works on agenda tables (number | title | pages columns, group headings in
rows without a number) and on numbered paragraphs / list items (ModernGov
front sheets: "5. Title ... (Pages 11 - 84)" wrapped over several lines).
Numbers are normalised ("4 (a)" -> "4a", "6. a)" -> "6a", "5." -> "5");
roman sub-lines "(i)" are attached to their item as notes. Items belong to
the pack's meeting (found by :mod:`.meetings` on the cover letter or front
sheet), not to any meeting mentioned in the item titles.

The parser is split by what it reads: agenda_text.py (what one line says),
agenda_parser.py (the walk over lines), agenda_rows.py (table-form agendas);
this module cuts the paper into units and records the items.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import AGENDA, COVER, OTHER, Paper
from boardpack.extractors.agenda_parser import AgendaParser
from boardpack.extractors.agenda_text import (
    BRACKET_PRESENTER,
    CITATION_DASH,
    CITATION_TAIL,
    CONNECTOR_END,
    HEADING,
    ITEM,
    SPLIT,
    SPLIT_NUMBERED,
    STAGE_FULL,
    Item,
    normalise_number,
    split_presenter,
    stage_heading,
    strip_timing,
)
from boardpack.extractors.base import ExtractContext, Extractor, ExtractResult, register, row_id
from boardpack.extractors.meeting_cues import Line, paper_lines, units
from boardpack.extractors.meetings import pack_meeting

# what starts a line of its own under a title rather than the title's wrapped end: a purpose
# ("To approve ..."), a statement ("There were no ..."), a reference with letters in it
# ("21/00550/TCA ...") or a table's ALL-CAPS column labels ("NO ACTION Update | OWNER")
_OWN_LINE_START = re.compile(r"^(?:To\s+[a-z]|There\s+(?:is|are|was|were|will)\b|\d+/\d+/[A-Z]|[A-Z]{2,}\s+[A-Z]{2,}\b)")


def _word_would_fit(prev: str, nxt: str, page_width: int) -> bool:
    """Would the first word of ``nxt`` have fitted on ``prev``'s line? Then the line was not
    wrapped by the margin but ended by its writer. The margin is the page's widest text line,
    less a tenth for proportional type (a line of wide letters holds fewer of them)."""
    words = nxt.split()
    return bool(words) and page_width >= 40 and len(prev) + 1 + len(words[0]) <= page_width * 9 // 10


def _hard_break(prev: str, nxt: str, width: int, page_width: int = 0, unit: str = "") -> bool:
    """Does ``nxt`` start a new line of its own rather than continue ``prev``?

    A wrapped line runs to the right margin; a line that ends short of the
    block's widest line, or ends a sentence, was ended by its writer, so a
    capitalised line after it is a description ("To consider ...",
    "Variation of order of business may apply"), not the title's end. So is a
    line that starts a line of its own (``_OWN_LINE_START``) whose first word
    would have fitted on the line above."""
    if CONNECTOR_END.search(prev):
        return False
    if (_OWN_LINE_START.match(nxt) and _word_would_fit(prev, nxt, page_width) and not prev.isupper()
            and unit.count("(") <= unit.count(")")):  # a bracket still open: its text runs on
        return True
    if not re.match(r"^[A-Z\u2022•\-–—*]", nxt):
        return False
    if prev.isupper() and nxt.isupper():  # an ALL-CAPS title wrapped over lines
        return False
    if prev.isupper() and len(prev) >= 8 and re.match(r"^[A-Z][a-z]", nxt) and not CONNECTOR_END.search(prev):
        return True  # an ALL-CAPS title, then a line in ordinary case: a sub-line, not the title's end
    if re.search(r"[.;!?]\s*$", prev) and not re.search(r"\b(?:[A-Z]|[a-z]{1,3}|No|Nos|etc)\.$", prev):
        return True
    return width >= 30 and len(prev) < 0.6 * width


def _lost_stop_letter(prev: str, nxt: str) -> bool:
    """"c. CDC" / "d occ": the next letter of a lettered list opening a line, its full stop lost
    (by OCR or a careless hand), is the next sub-item, not the end of the one above."""
    m = re.match(r"^\(?([a-y])[.)]\s", prev)
    n = re.match(r"^([b-z])\s+\S", nxt)
    return bool(m and n) and ord(n.group(1)) == ord(m.group(1)) + 1


def agenda_units(lines: list[Line]) -> list[Line]:
    """Paragraph units as :func:`units` makes them, also cut where a line
    starts an item (``SPLIT``, but not inside an ALL-CAPS title wrapped over
    lines) or where a line of a text block was ended by its writer (see
    :func:`_hard_break`); such a unit's ``cut`` is ``"hard"``."""
    width: dict[int, int] = {}
    page_width: dict[Optional[int], int] = {}
    for ln in lines:
        if not ln.is_row:
            width[ln.block_index] = max(width.get(ln.block_index, 0), len(ln.text))
            page_width[ln.page] = max(page_width.get(ln.page, 0), len(ln.text))

    def cut(parts: list[str], ln: Line) -> str:
        if SPLIT.match(ln.text) and not (
                parts[-1].isupper() and HEADING.match(ln.text) and not SPLIT_NUMBERED.match(ln.text)
                and not parts[-1].rstrip().endswith(":")):  # an ALL-CAPS title wrapped over lines
            return "split"
        if _lost_stop_letter(parts[-1], ln.text):
            return "letter"
        return "hard" if _hard_break(parts[-1], ln.text, width.get(ln.block_index, 0), page_width.get(ln.page, 0), " ".join(parts)) else ""

    return units(lines, cut=cut)


def prints_business_headings(lines: list[Line]) -> bool:
    """Does the agenda print its procedural business as unnumbered headings (two or
    more of CALL TO ORDER, ROLL CALL, PUBLIC COMMENT, ADJOURNMENT ... without a number)?"""
    found = set()
    for ln in lines:
        if ln.is_row or ITEM.match(ln.text.strip()):
            continue
        head = stage_heading(ln.text)
        if head and STAGE_FULL.match(head):
            found.add(re.sub(r"\W+", " ", head.lower()))
    return len(found) >= 2


# "1. Preliminary Matters: The Board President will begin the meeting with ... Thereafter, ..."
_EXPLAINED = re.compile(r"^[^:.]{3,60}:\s+[A-Z][^.]*\.\s+\S.*\.", re.S)


def explains_procedure(items: list[Item]) -> bool:
    """Numbered paragraphs that each name a stage and explain it in sentences (a paper's
    'order of business' or rules of procedure), not a list of items to take."""
    titles = [" ".join(it.title_parts) for it in items if it.number]
    return len(titles) >= 3 and all(len(t) > 150 and _EXPLAINED.match(t) for t in titles)


_NUMBERED_PARA = re.compile(r"^\s*\d{1,2}\s?[.)]\s+")  # "5 ." as some text layers space it


def _is_explained_stage(ln: Line) -> bool:
    m = None if ln.is_row else _NUMBERED_PARA.match(ln.text)
    rest = ln.text[m.end():] if m else ""
    return bool(m) and len(rest) > 150 and bool(_EXPLAINED.match(rest))


def without_procedure_runs(lines: list[Line]) -> list[Line]:
    """Drop runs of three or more numbered paragraphs that each explain a stage
    of the meeting (an 'order of business' page printed before the agenda
    itself, in the same paper): they are not items, and left in they would
    take the agenda's own numbering."""
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_explained_stage(lines[j]):
            j += 1
        if j - i >= 3:
            drop.update(range(i, j))
        i = max(j, i + 1)
    return [ln for k, ln in enumerate(lines) if k not in drop] if drop else lines


def parse_agenda(lines: list[Line], require_cue: bool = False) -> list[Item]:
    lines = without_procedure_runs(lines)
    p = AgendaParser(require_cue)
    if prints_business_headings(lines):
        p.stage = "ready"
    for ln in lines:
        if ln.is_row:
            p.row(ln)
        else:
            p.line(ln)
    if explains_procedure(p.items):
        return []
    return p.items


# "agenda", not "Agenda Item 3" (a report naming the item it is for)
_AGENDA_WORD = re.compile(r"(?i:\bagenda\b(?!\s*(?:item|no\b|number|ref)))|\bA G E N D A\b")
#: how many leading lines of a paper may name it an agenda
_HEAD_LINES = 12
#: a block this long is a paragraph of prose, not a title or masthead
_PROSE_CHARS = 200


def names_itself_agenda(paper: Paper, lines: list[Line]) -> bool:
    """A paper the segmenter left untyped is read as an agenda when its title or
    one of its first lines says so ("Regular Meeting Agenda", "CITY COUNCIL
    AGENDA FOR ...", "OUTLINE AGENDA"), not when "agenda" only appears in the text."""
    # (a later line of a paragraph of prose is no title: "... groups to further the 'End
    # Violence Against Women and Girls' agenda:", near the top when the type is small)
    heads = [paper.title or ""] + [ln.text for ln in lines[:_HEAD_LINES] if not ln.is_row and not (
        not ln.first_of_block and ln.block is not None and len(ln.block.text) >= _PROSE_CHARS)]
    return any(_AGENDA_WORD.search(h) and len(h) < 160 and not re.search(r"\b(?:on|the|this|next|an?)\s+agenda\b", h, re.I)
               for h in heads)


#: A title the text layer ran straight into its description, no space between the
#: runs: a capital right after a long lower-case word ("... LitigationSignificant exposure").
_RUN_INTO = re.compile(r"(?<=[a-z]{5})(?=[A-Z][a-z]{4,}\b)")


def _title_run_into_text(title: str) -> str:
    """The title up to where it runs into the item's text without a space (the printed
    heading is set apart by its type only), when a sentence of several words follows."""
    m = _RUN_INTO.search(title)
    if m and len(title[m.start():].split()) >= 4:
        return title[: m.start()].strip()
    return title


def item_title(it: Item) -> tuple[str, Optional[str]]:
    title = " ".join(" ".join(it.title_parts).split())
    title = strip_timing(re.sub(r"\s+-\s*$", "", title).strip())
    # "PUBLIC SAFETY COMMITTEE REPORT - Authorize the City Manager to ...": an ALL-CAPS title
    # then the recommendation in ordinary case
    rec = re.match(r"^(?P<caps>[^a-z]*[A-Z]{3}[^a-z]*?)\s+[-–—]\s+(?=\S*[a-z])", title)
    # (a title has words: a reference such as "16/00059/TCA" before the dash is no title)
    if rec and re.search(r"[A-Z]{4}|[A-Z]{2,}\s+[A-Z]{2,}", rec.group("caps")) \
            and (len(rec.group("caps").split()) >= 2 or len(rec.group("caps").strip()) >= 5):
        title = rec.group("caps").strip()
    title = _title_run_into_text(title)
    # a note in capitals in brackets after a title in ordinary case says how the item is taken
    # ("((PUBLIC HEARING TODAY - CAN BE PASSED TODAY))"), it is not the title
    note = re.search(r"\s*\(+[^a-z()]*[A-Z]{2,}\s+[A-Z]{2,}[^a-z()]*\)+\s*$", title)
    if note and re.search(r"[a-z]{3}", title[: note.start()]):
        title = title[: note.start()].strip()
    cut = CITATION_DASH.sub("", CITATION_TAIL.sub("", title)).strip()
    if len(cut) >= 8:
        title = cut
    by = BRACKET_PRESENTER.search(title)  # "Draft Filming Policy (presented by Filming Committee)"
    if by and not it.presenter and len(title[: by.start()].strip()) >= 4:
        title, it.presenter = (title[: by.start()] + title[by.end():]).strip(), by.group("who").strip()
    if it.presenter:
        return title, " ".join(it.presenter.split())
    return split_presenter(title)


@register
class AgendaExtractor(Extractor):
    """Agenda items of the pack's meeting (agenda papers, and summonses that carry the agenda)."""

    name = "agenda"
    paper_types = (AGENDA, COVER, OTHER)
    produces = ("agenda_items",)
    order = 20

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        raw_lines = paper_lines(ctx.doc, paper)
        if paper.paper_type == OTHER and not names_itself_agenda(paper, raw_lines):
            return res
        lines = agenda_units(raw_lines)
        items = parse_agenda(lines, require_cue=paper.paper_type != AGENDA)
        if not items:
            return res
        meeting = pack_meeting(ctx)
        mid = meeting.meeting_id if meeting else None
        seen = ctx.agenda_seen
        for ordinal, it in enumerate(items):
            title, presenter = item_title(it)
            key = (it.number, title.lower())
            if key in seen:
                continue
            seen.add(key)
            res.add(
                "agenda_items",
                {
                    "agenda_item_id": row_id(ctx.doc.sha256, paper.start, it.number, title, ordinal),
                    "meeting_id": mid,
                    "item_number": it.number,
                    "item_number_raw": it.number_raw,
                    "parent_number": it.parent,
                    "title": title,
                    "title_raw": " ".join(it.raw_parts + it.title_parts[1:]),
                    "presenter": presenter,
                    "pages": it.pages,
                    "pages_raw": it.pages_raw,
                    "group_heading": it.group,
                    "notes": "\n".join(it.notes) if it.notes else None,
                    "ordinal": ordinal,
                    "paper_type": paper.paper_type,
                    "page": it.page,
                    "block_index": it.block_index,
                },
            )
        return res


#: strip_timing, normalise_number and split_presenter are imported from here by the tests
__all__ = ["AgendaExtractor", "parse_agenda", "agenda_units", "item_title", "names_itself_agenda",
           "strip_timing", "normalise_number", "split_presenter"]
