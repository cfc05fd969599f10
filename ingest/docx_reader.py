"""DOCX reader: a Word file into the document model.

python-docx opens the package; the body is then walked at the lxml level
because its high-level API loses what board packs depend on: tables
interleaved with paragraphs, content controls (``w:sdt``) wrapping whole
sections of council templates, merged cells (``gridSpan``/``vMerge``), cell
shading used as the only RAG status, nested tables, and page breaks.

Pages: Word files carry no page layout, only markers. We count explicit
breaks (``w:br w:type="page"``, ``pageBreakBefore``, section breaks that start
a new page) and Word's own ``w:lastRenderedPageBreak`` (written on save, it
follows an explicit break too, so a rendered break on a still-empty page is not
counted twice). A file with none of these markers gets ``page=None``; every
block carries ``source_index``, the index of its body paragraph/table.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from lxml import etree

from boardpack.core.errors import BoardpackError, UnreadableDocument
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, Block, Document
from boardpack.core.textnorm import normalise, strip_bullet
from boardpack.ingest.docx_package import app_properties, footnotes, headers_footers, open_package
from boardpack.ingest.docx_styles import StyleSheet, on_off, qn
from boardpack.ingest.docx_tables import BLOCK_WRAPPERS, TablesMixin, is_placeholder

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W_P, W_TBL, W_R, W_T = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:t")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_VAL = qn("w:val")
W_LRPB = qn("w:lastRenderedPageBreak")
MC_FALLBACK = f"{{{MC_NS}}}Fallback"

# Containers inside a paragraph whose runs are read through (w:del and
# w:moveFrom are not: tracked deletions are not the text).
_RUN_WRAPPERS = {
    qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag"), W_SDT, W_SDT_CONTENT, W_CUSTOM_XML,
    qn("w:fldSimple"), qn("w:moveTo"), qn("w:dir"), qn("w:bdo"),
}
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list\s+(bullet|number|continue)(?:\s+(\d))?$", re.I)

# A formatted pseudo-heading: short, no final full stop (council templates use
# bold "Normal" lines like "Key Achievements during this Quarter").
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16
_RULE = re.compile(r"^[_\u2014\u2013\-]{8,}$")
_MARKED_NOTE = re.compile(r"^[\d*\u2020\u2021]{1,3}\s")
_MARKER = re.compile(r"^[\d*\u2020\u2021\u00a7a-z]{1,3}$")


class _Piece:
    """One run's text (or a break event) inside a paragraph."""

    __slots__ = ("text", "bold", "size", "event", "sup")

    def __init__(self, text="", bold=False, size=0.0, event=None, sup=False):
        self.text, self.bold, self.size, self.event, self.sup = text, bold, size, event, sup


def _run_element(el, out: list, boxes: list) -> Optional[str]:
    """The text one element of a run prints (None for none); a page break, a rendered
    page break or a footnote reference goes to ``out`` as an event, a text box to
    ``boxes`` (read after the paragraph)."""
    tag = el.tag
    text = None
    if tag == W_T:
        text = el.text or ""
    elif tag == qn("w:tab") or tag == qn("w:ptab"):
        text = "\t"
    elif tag == qn("w:br"):
        kind = el.get(qn("w:type"))
        if kind == "page":
            out.append(_Piece(event="page"))
        else:
            text = "\n"
    elif tag == qn("w:cr"):
        text = "\n"
    elif tag == W_LRPB:
        out.append(_Piece(event="rendered"))
    elif tag == qn("w:footnoteReference"):
        out.append(_Piece(text=el.get(qn("w:id")) or "", event="footnote"))
    elif tag in _HYPHENS:
        text = _HYPHENS[tag]
    elif tag == qn("w:sym"):
        code = el.get(qn("w:char")) or ""
        try:
            text = chr(int(code, 16))
        except ValueError:
            text = ""
    else:
        # Text boxes (drawings, VML, AlternateContent) are read after the
        # paragraph; mc:Fallback repeats mc:Choice, so it is skipped.
        for box in el.iter(qn("w:txbxContent")):
            if not any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                boxes.append(box)
    return text


#: a non-breaking hyphen prints as U+2011, a soft (optional) hyphen as U+00AD
_HYPHENS = {qn("w:noBreakHyphen"): "\u2011", qn("w:softHyphen"): "\u00ad"}


class DocxBodyReader(TablesMixin):
    """Walks one document's body into blocks; holds the page counter."""

    def __init__(self, wdoc):
        part = wdoc.part
        try:
            numbering_el = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_el = None
        try:
            styles_el = part.styles.element
        except (KeyError, AttributeError):
            styles_el = None
        self.ss = StyleSheet(styles_el, numbering_el)
        self.body = wdoc.element.body
        self.blocks: list[Block] = []
        self.page = 1
        self.on_page_content = False
        self.paged = self._has_page_markers()
        self.rendered = bool(self.body.xpath(".//w:lastRenderedPageBreak"))
        self._pseudo: list[Block] = []
        # (block, all bold, smallest size, footnote marker) for formatted headings
        self._candidates: list[tuple[Block, bool, float, str]] = []
        self._size_chars: dict[float, int] = {}  # characters of body text per font size
        self.warnings: list[dict] = []
        try:
            self.notes = {n["id"]: n["text"] for n in footnotes(wdoc)}
        except etree.XMLSyntaxError as e:
            self.notes = {}
            self.warnings.append({"kind": "repaired", "message": f"malformed footnotes part skipped ({e})"})
        self._pending_notes: list[str] = []  # footnote ids referenced on this page
        self._ready_notes: list[tuple[str, Optional[int]]] = []  # (id, page) to emit
        self._note_number = 0
        self._note_zone = False  # inside typed-in footnotes below a "_____" rule
        self._last_index = 0
        self._section_breaks = self._new_page_section_ends()

    # -- page markers -------------------------------------------------------
    def _has_page_markers(self) -> bool:
        b = self.body
        if b.xpath(".//w:br[@w:type='page'] | .//w:lastRenderedPageBreak"):
            return True
        for p in b.iter(W_P):
            if self.ss.page_break_before(p, self.ss.para_style_id(p)):
                return True
        return bool(self._new_page_section_ends())

    def _new_page_section_ends(self) -> set:
        """Paragraphs whose section break starts the next section on a new page."""
        sects = list(self.body.iter(qn("w:sectPr")))
        out = set()
        for cur, nxt in zip(sects, sects[1:]):
            p = cur.getparent().getparent() if cur.getparent().tag == qn("w:pPr") else None
            if p is None:
                continue
            t = nxt.find(qn("w:type"))
            kind = t.get(W_VAL) if t is not None else "nextPage"
            if kind not in ("continuous", "nextColumn"):
                out.add(p)
        return out

    # Word footnotes become blocks flagged "footnote" at the foot of the page
    # that references them, where the PDF of the same pack prints them.
    def _turn_page(self):
        """The page ends: its footnotes are due, the counter moves on."""
        page = self.page if self.paged else None
        self._ready_notes.extend((fid, page) for fid in self._pending_notes)
        self._pending_notes = []
        self._note_zone = False
        self.page += 1

    def _emit_notes(self, everything: bool = False):
        if everything or not self.paged:
            self._ready_notes.extend((fid, self.page if self.paged else None) for fid in self._pending_notes)
            self._pending_notes = []
        ready, self._ready_notes = self._ready_notes, []
        for fid, page in ready:
            text = self.notes.get(fid)
            if not text:
                continue
            self._note_number += 1
            self.blocks.append(Block(kind=PARAGRAPH, text=f"{self._note_number} {text}", page=page,
                                     source_index=self._last_index, flags=["footnote"]))

    def _explicit_break(self, source_index):
        page = self.page if self.paged else None
        self._turn_page()
        self._emit_notes()
        self.blocks.append(Block(kind=PAGE_BREAK, page=page, source_index=source_index))
        self.on_page_content = False

    def _rendered_break(self):
        # Word writes a rendered break after every explicit one too; only a break
        # on a page that already has content starts a new page.
        if self.on_page_content:
            self._turn_page()
            self.on_page_content = False

    def _emit(self, block: Block, page_start: Optional[int] = None):
        if self.paged:
            block.page = page_start or self.page
            block.page_end = self.page
        self.blocks.append(block)
        self.on_page_content = True
        self._emit_notes()

    # -- body -----------------------------------------------------------------
    def body_items(self, container):
        """w:p and w:tbl children in document order, through content controls."""
        for el in container.iterchildren():
            if el.tag in (W_P, W_TBL):
                yield el
            elif el.tag in BLOCK_WRAPPERS and not is_placeholder(el):
                yield from self.body_items(el)

    def _body_item(self, el, source_index: int) -> None:
        """Read one paragraph or table of the body (or of a text box)."""
        if el.tag == W_P:
            self.paragraph(el, source_index)
        else:
            t = self.table(el, source_index)
            if t.rows:
                self._emit_table(t)

    def read(self) -> list[Block]:
        for i, el in enumerate(self.body_items(self.body)):
            self._body_item(el, i)
        self._emit_notes(everything=True)
        self._decide_pseudo_headings()
        self._level_pseudo_headings()
        return self.blocks

    def _emit_table(self, t: Block):
        self.blocks.append(t)
        self.on_page_content = True
        self._emit_notes()

    # -- paragraphs -------------------------------------------------------------
    def pieces(self, p, sid, out: list, boxes: list, node=None):
        """Collect the paragraph's run texts and break events in order."""
        node = p if node is None else node
        for el in node.iterchildren():
            tag = el.tag
            if tag == W_R:
                self._run_pieces(el, sid, out, boxes)
            elif tag in _RUN_WRAPPERS and not is_placeholder(el):
                self.pieces(p, sid, out, boxes, el)
            # w:del / w:moveFrom (tracked deletions), w:pPr, bookmarks: nothing to read

    def _run_pieces(self, r, sid, out, boxes):
        bold = size = None
        rpr = r.find(qn("w:rPr"))
        if rpr is not None and on_off(rpr.find(qn("w:vanish"))):
            return  # hidden text: not printed, not in the PDF of the same pack
        va = rpr.find(qn("w:vertAlign")) if rpr is not None else None
        sup = va is not None and va.get(W_VAL) == "superscript"
        for el in r.iterchildren():
            text = _run_element(el, out, boxes)
            if text is not None:
                if bold is None:
                    bold = self.ss.run_bold(r, sid)
                    size = self.ss.run_size(r, sid)
                out.append(_Piece(text, bold, size, sup=sup))

    def paragraph(self, p, source_index: int):
        ss = self.ss
        sid = ss.para_style_id(p)
        if self.paged and ss.page_break_before(p, sid) and self.on_page_content:
            self._explicit_break(source_index)
        out: list[_Piece] = []
        boxes: list = []
        self.pieces(p, sid, out, boxes)
        kind, level, label = self._classify_style(p, sid)
        # Split at page breaks; each part becomes its own block on its own page.
        segment: list[_Piece] = []
        first = True
        seg_page = self.page
        self._last_index = source_index
        for piece in out + [_Piece(event="end")]:
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
                self._paragraph_block(p, segment, sid, kind, level, label if first else "",
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

    def _paragraph_block(self, p, segment, sid, kind, level, label, source_index, page_start):
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


def read_docx_document(path: Path, sha256: str, fmt: str = "docx", settings: Settings = DEFAULT) -> Document:
    path = Path(path)
    wdoc, dropped = open_package(path, settings)
    if getattr(wdoc.element, "body", None) is None:
        strict = "purl.oclc.org/ooxml" in str(getattr(wdoc.element, "tag", ""))
        why = ("Strict Open XML Word document (save it as a standard .docx)" if strict
               else "Word document has no body")
        raise UnreadableDocument(why, path)
    try:
        reader = DocxBodyReader(wdoc)
        blocks = reader.read()
        headers, footers = headers_footers(wdoc)
    except BoardpackError:
        raise
    except Exception as e:  # malformed XML inside a readable package
        raise UnreadableDocument(f"cannot read DOCX content ({type(e).__name__}: {e})", path) from e
    app = app_properties(path)
    pages = reader.page if reader.paged else None
    if pages is None and app.get("Pages", "").isdigit():
        pages = int(app["Pages"])
    producer = app.get("Application")
    if producer and app.get("AppVersion"):
        producer = f"{producer} {app['AppVersion']}"
    meta: dict = {"page_source": ("rendered" if reader.rendered else "explicit") if reader.paged else None}
    try:
        cp = wdoc.core_properties
        for key in ("title", "author", "last_modified_by", "created", "modified"):
            v = getattr(cp, key, None)
            if v:
                meta[key] = v.isoformat() if hasattr(v, "isoformat") else str(v)
    except Exception:  # core.xml is optional and sometimes malformed; it is only metadata
        pass
    if app.get("Pages"):
        meta["app_pages"] = app["Pages"]
    if reader.warnings:
        meta.setdefault("warnings", []).extend(reader.warnings)
    if dropped:
        meta["repaired"] = dropped
        meta.setdefault("warnings", []).append({
            "kind": "repaired",
            "message": "missing or malformed parts skipped: " + ", ".join(dropped),
        })
    if pages is not None and pages > settings.max_pages:
        raise UnreadableDocument(
            f"refused: {pages} pages, over the limit of {settings.max_pages} (setting max_pages)", path)
    doc = Document(path=str(path), sha256=sha256, format=fmt, blocks=blocks, pages=pages,
                   producer=producer, headers=headers, footers=footers, metadata=meta)
    doc.renumber()
    return doc


def read_docx(path: Path, sha256: str, settings: Settings = DEFAULT) -> Document:
    """Read a .docx file into the document model (the settings' ZIP and page limits apply)."""
    return read_docx_document(path, sha256, "docx", settings or DEFAULT)
