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

Runs are read in :mod:`.docx_runs`, paragraphs in :mod:`.docx_paragraphs`,
tables in :mod:`.docx_tables`; this module walks the body, counts pages and
builds the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from lxml import etree

from boardpack.core.errors import BoardpackError, UnreadableDocument
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.model import PAGE_BREAK, PARAGRAPH, Block, Document
from boardpack.ingest.docx_package import app_properties, footnotes, headers_footers, open_package
from boardpack.ingest.docx_paragraphs import ParagraphsMixin
from boardpack.ingest.docx_styles import StyleSheet, document_theme, qn
from boardpack.ingest.docx_tables import BLOCK_WRAPPERS, TablesMixin, is_placeholder

W_P, W_TBL = qn("w:p"), qn("w:tbl")
W_VAL = qn("w:val")


class DocxBodyReader(ParagraphsMixin, TablesMixin):
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
        # the theme resolves shading written as a theme colour only (w:themeFill)
        self.ss = StyleSheet(styles_el, numbering_el, document_theme(part))
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
