"""Word paragraphs into blocks: kind and level from the style, numbering
labels, literal bullets, page breaks inside a paragraph, typed-in footnotes,
and headings made by hand (a bold "Normal" line).

Council templates format headings by hand as often as they use heading
styles, so a short bold line becomes a heading only once the whole body is
read and its usual text size is known. This is the paragraph half of
:class:`~boardpack.ingest.docx_reader.DocxBodyReader` (a mixin, as the table
half in :mod:`.docx_tables` is); it uses the reader's page counter and emit.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, Block
from boardpack.core.textnorm import normalise, strip_bullet
from boardpack.ingest.docx_runs import Piece, paragraph_pieces

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list\s+(bullet|number|continue)(?:\s+(\d))?$", re.I)

# A formatted pseudo-heading: short, no final full stop (council templates use
# bold "Normal" lines like "Key Achievements during this Quarter").
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16
_RULE = re.compile(r"^[_\u2014\u2013\-]{8,}$")
_MARKED_NOTE = re.compile(r"^[\d*\u2020\u2021]{1,3}\s")
_MARKER = re.compile(r"^[\d*\u2020\u2021\u00a7a-z]{1,3}$")


class ParaShape(NamedTuple):
    """What a paragraph's style and numbering make it: style id, kind, level
    and the numbering label (only the first block of a split paragraph has it)."""

    sid: object
    kind: str
    level: int
    label: str


class ParagraphsMixin:
    """Paragraph reading for :class:`~boardpack.ingest.docx_reader.DocxBodyReader`
    (uses its styles, page counter, footnotes and emit)."""

    def pieces(self, p, sid, out: list, boxes: list) -> None:
        """Collect the paragraph's run texts and break events in order."""
        paragraph_pieces(self.ss, p, sid, out, boxes)

    def paragraph(self, p, source_index: int):
        ss = self.ss
        sid = ss.para_style_id(p)
        if self.paged and ss.page_break_before(p, sid) and self.on_page_content:
            self._explicit_break(source_index)
        out: list[Piece] = []
        boxes: list = []
        self.pieces(p, sid, out, boxes)
        shape = ParaShape(sid, *self._classify_style(p, sid))
        # Split at page breaks; each part becomes its own block on its own page.
        segment: list[Piece] = []
        first = True
        seg_page = self.page
        self._last_index = source_index
        for piece in out + [Piece(event="end")]:
            if piece.event == "footnote":
                self._pending_notes.append(piece.text)
                continue
            if piece.event is None:
                if not segment:
                    seg_page = self.page
                segment.append(piece)
                continue
            has_text = bool("".join(s.text for s in segment).strip())
            if piece.event == "rendered" and has_text:
                # Word wrapped this paragraph onto the next page: one block that
                # starts on this page and ends on the next (page_end).
                if self.paged:
                    self._turn_page()
                continue
            if has_text:
                self._paragraph_block(p, segment, shape if first else shape._replace(label=""),
                                      source_index, seg_page)
                first = False
            segment = []
            if piece.event == "page" and self.paged:
                self._explicit_break(source_index)
            elif piece.event == "rendered" and self.paged:
                self._rendered_break()
        for box in boxes:
            for el in self.body_items(box):
                self._body_item(el, source_index)
        if p in self._section_breaks and self.paged:
            self._explicit_break(source_index)

    def _classify_style(self, p, sid):
        """(kind, level, label) from the paragraph's style and numbering alone."""
        ss = self.ss
        name = (ss.name(sid) or "").strip()
        num_id, ilvl, _ = ss.num_pr(p, sid)
        numbered = bool(num_id) and bool(ss.numbering.levels(num_id))
        label = ss.numbering.next_label(num_id, ilvl or 0) if numbered else ""
        m = _HEADING_STYLE.match(name)
        if m:
            return HEADING, int(m.group(1)), label
        if name.lower() == "title":
            return HEADING, 1, label
        if name.lower() == "subtitle":
            return HEADING, 2, label
        outline = ss.outline_level(p, sid)
        if outline is not None:
            return HEADING, outline + 1, label
        lm = _LIST_STYLE.match(name)
        if numbered:
            level = ilvl or 0
            if lm and lm.group(2):
                # "List Bullet 2" in Word's templates points at level 0 of a list
                # indented further (LibreOffice even writes ilvl=0 explicitly);
                # the style name carries the level.
                level = max(level, int(lm.group(2)) - 1)
            return LIST_ITEM, level, label
        if lm:
            return LIST_ITEM, int(lm.group(2) or 1) - 1, ""
        return PARAGRAPH, 0, ""

    def _paragraph_block(self, p, segment, shape: ParaShape, source_index, page_start):
        sid, kind, level, label = shape
        # A trailing superscript marker ("Key Achievements during this Quarter¹") is
        # a footnote reference typed by hand; it is not part of the text and must
        # not stop a bold line from reading as a heading.
        marker = ""
        while segment and segment[-1].sup and _MARKER.match(segment[-1].text.strip() or "x"):
            marker = segment.pop().text.strip() + marker
        if not "".join(s.text for s in segment).strip():
            return
        raw = "".join(s.text for s in segment)
        text = raw.strip()
        inked = [s for s in segment if s.text.strip() and not s.sup]
        all_bold = bool(inked) and all(s.bold for s in inked)
        sizes = [s.size for s in inked]
        size = max(sizes) if sizes else None
        style = self.ss.name(sid)
        if kind == PARAGRAPH:
            stripped, had_bullet = strip_bullet(text)
            if had_bullet and stripped.strip() and not (text.startswith("-") and stripped[:1].isdigit()):
                kind, text = LIST_ITEM, stripped.strip()
                level = self._indent_level(p, sid)
        elif kind == LIST_ITEM:
            text = strip_bullet(text)[0].strip()
        if label and kind in (LIST_ITEM, HEADING):
            text = f"{label} {text}" if not label.endswith(("\t", " ")) else label + text
        block = Block(kind=kind, text=text, level=level, source_index=source_index,
                      bold=all_bold, style=style, font_size=size)
        if kind == PARAGRAPH and sizes and self._heading_shape(text):
            # Decided once the whole body is read and its usual text size is known.
            self._candidates.append((block, all_bold, min(sizes), marker))
        elif marker and kind != HEADING:
            _append_text(block, marker)
        self._mark_typed_footnote(block, segment)
        if "footnote" not in block.flags:
            for piece in inked:
                self._size_chars[piece.size] = self._size_chars.get(piece.size, 0) + len(piece.text)
        self._emit(block, page_start)

    def _mark_typed_footnote(self, block: Block, segment) -> None:
        """Footnotes typed into the body (a short rule of underscores, then small
        print starting with a marker) are flagged like Word's own footnotes."""
        body = self.ss.body_size()
        sizes = [s.size for s in segment if s.text.strip()]
        small = bool(sizes) and max(sizes) < body - 0.25
        if _RULE.match(block.text) and (small or len(block.text) <= 40):
            self._note_zone = True
            block.flags.append("footnote")
            return
        if self._note_zone:
            starts_marked = next((s.sup for s in segment if s.text.strip()), False)
            if small and (starts_marked or _MARKED_NOTE.match(block.text)):
                block.flags.append("footnote")
            else:
                self._note_zone = False

    def _indent_level(self, p, sid) -> int:
        # Literal bullets typed by hand: Word's own bullet levels sit at 720-twip
        # steps (0.5"), so the left indent is the best guess of the nesting.
        left = self.ss.left_indent(p, sid)
        return max(0, round(left / 720) - 1) if left else 0

    def _heading_shape(self, text: str) -> bool:
        """Short, one line, no final full stop: could be a heading if formatted as one."""
        if "\n" in text or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
            return False
        if text.endswith((".", ",", ";")) or not re.search(r"[A-Za-z]", text):
            return False
        if re.search(r":\s*\S+(\s+\S+){5,}", text):
            return False  # "ACTION: Paul Clarke and Mark Freeman to discuss ..." is a sentence
        return True

    def body_size(self) -> float:
        """The font size most body characters are set in (styles can mislead:
        officers format by hand, and converters drop the default-style mark)."""
        if self._size_chars:
            return max(self._size_chars.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        return self.ss.body_size()

    def _decide_pseudo_headings(self):
        body = self.body_size()
        for block, all_bold, smallest, marker in self._candidates:
            # Small bold print is a note ("PLEASE RESTRICT THE REPORT TO ONE PAGE").
            if smallest >= body - 0.25 and (all_bold or smallest >= body + 1.5):
                block.kind = HEADING
                self._pseudo.append(block)
            elif marker:
                _append_text(block, marker)

    def _level_pseudo_headings(self):
        """Formatted headings get levels by font size: the largest size is level 1."""
        body = self.body_size()
        sizes = sorted({round(b.font_size or body, 1) for b in self._pseudo}, reverse=True)
        for b in self._pseudo:
            b.level = min(sizes.index(round(b.font_size or body, 1)) + 1, 6)



def _append_text(block: Block, suffix: str) -> None:
    block.text += suffix
    block.norm = normalise(block.text)
