"""PDF reader: pdfplumber pages into the document model.

One pass per page does one word extraction and one table-finding pass
(pdfplumber's lattice finder on ruling lines); everything else (cell text,
fill colours, text-aligned tables, paragraphs) is built from those objects,
and each page's cache is flushed before the next, so reading costs about the
same as a bare ``extract_text`` + ``extract_tables`` pass and memory stays flat.

Blocks come out in reading order (top to bottom per page) with a PAGE_BREAK
between pages: headings (font size / bold relative to the body size),
paragraphs (lines grouped by vertical gap and indent), list items (bullet
glyph stripped, numbers kept, level from indentation) and tables. Lines that
look like page furniture (in the top/bottom band and repeated across pages,
or a lone page number) are kept as blocks of their own so the clean stage
(:mod:`boardpack.ingest.clean`) can drop them without touching paragraphs.

Pages with no text layer but an image (or drawn glyph outlines) are recorded
in ``doc.scanned_pages``; OCR is a later stage.
"""

from __future__ import annotations

import logging
import re
import types
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pdfminer.layout import LTChar
from pdfplumber.page import Page as _PlumberPage
from pdfplumber.utils.pdfinternals import resolve_and_decode as _resolve_and_decode
from unicodedata import normalize as normalize_unicode

from ..errors import EncryptedDocument, UnreadableDocument
from ..model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Block, Document
from ..settings import DEFAULT, Settings
from ..textnorm import BULLET_CHARS
from . import register_reader
from .clean import furniture_key, in_band, is_lone_page_number, repeated_keys
from .pdf_tables import (
    NUMBERING,
    TLine,
    find_text_tables,
    inside,
    is_bold_font,
    join_split_tables,
    page_fills,
    ruled_table_block,
    split_segments,
)

_BULLETS = set(BULLET_CHARS) - {"o"} | {"-", "*", "o", "\u2013", "\u00a7", "\uf0a7", "\uf0d8", "\uf0fc"}
_PLUMBER_PROCESS = _PlumberPage.process_object
# pdfminer logs every oddity of a damaged file as a warning; the reader reports
# what matters as typed errors and page_errors, so keep batch output readable.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_NUMBER_MARKER = re.compile(r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])$", re.I)
_AMOUNT = re.compile(r"\d\.\d|\d,\d{3}")
_WORD_ATTRS = ["size", "fontname"]


@dataclass
class Line(TLine):
    """A visual line with its typography; ``table`` set when it is a table stand-in."""

    page: int = 0
    size: float = 0.0
    bold: bool = False
    table: Optional[Block] = None
    band: Optional[str] = None
    furniture: bool = False

    @property
    def text(self) -> str:
        if not self.segs:
            return " ".join(w["text"] for w in self.words)
        return "\t".join(s.text for s in self.segs)


@dataclass
class PageItems:
    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # Line or Block(TABLE), top to bottom
    fills: list = field(default_factory=list)  # shaded rects (pdf_tables.Fill)


# -- opening ----------------------------------------------------------------------


def _open(path: Path):
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # forces the page tree: a truncated file fails here
        return pdf
    except Exception as e:  # pdfminer raises many unrelated types on broken files
        raise _typed_error(e, path) from e


def _typed_error(e: BaseException, path: Path) -> UnreadableDocument:
    """pdfplumber wraps pdfminer's exceptions in PdfminerException; unwrap it."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = e
    while type(inner).__name__ == "PdfminerException" and inner.args and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    name = type(inner).__name__
    detail = str(inner).strip() or name
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in detail.lower():
        return EncryptedDocument(f"encrypted PDF (password protected): {detail}", path)
    if detail != name:
        detail = f"{name}: {detail}"
    return UnreadableDocument(f"truncated or corrupt PDF: {detail}", path)


def _meta(pdf) -> dict:
    out = {}
    for k, v in (pdf.metadata or {}).items():
        if isinstance(v, bytes):
            v = v.decode("latin-1", "replace")
        if isinstance(v, (str, int, float)):
            out[str(k)] = v
    return out


def _fallback_page_count(path: Path) -> tuple[int, list[int]]:
    """Pages (and which hold images) when pdfminer finds no page tree; pypdf is
    more forgiving about broken xref tables in scanner output."""
    try:
        from pypdf import PdfReader

        r = PdfReader(str(path), strict=False)
        img_pages = []
        for i, p in enumerate(r.pages, 1):
            res = p.get("/Resources") or {}
            xo = res.get("/XObject") if hasattr(res, "get") else None
            if xo:
                img_pages.append(i)
        return len(r.pages), img_pages
    except Exception:
        return 0, []


# -- per page -----------------------------------------------------------------------


def _lean_process_object(page, obj):
    """pdfplumber's ``Page.process_object`` with a fast path for characters.

    Characters are most of a page's objects, and pdfplumber builds each one's
    dict by filtering and recursively resolving every attribute of the pdfminer
    object. A character's attributes are plain numbers and tuples already, so
    the same dict (same keys, same values; a test pins this) is built directly.
    Other objects (rects, lines, curves, images) take pdfplumber's own path.
    """
    if type(obj) is not LTChar:
        return _PLUMBER_PROCESS(page, obj)
    d = obj.__dict__
    gs = obj.graphicstate
    sc, nc = gs.scolor, gs.ncolor
    text = obj._text
    if page.pdf.unicode_norm is not None:
        text = normalize_unicode(page.pdf.unicode_norm, text)
    fontname = d["fontname"]
    if isinstance(fontname, bytes):  # pragma: no cover - rare byte-encoded names
        return _PLUMBER_PROCESS(page, obj)
    mb_x0, mb_top = page.mediabox[:2]
    top = (page.height - d["y1"]) + mb_top
    bottom = (page.height - d["y0"]) + mb_top
    x0, x1 = d["x0"], d["x1"]
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    return {
        "matrix": d["matrix"], "fontname": fontname, "adv": d["adv"], "upright": d["upright"],
        "x0": x0, "y0": d["y0"], "x1": x1, "y1": d["y1"], "width": d["width"], "height": d["height"],
        "size": d["size"], "mcid": d["mcid"], "tag": d["tag"], "object_type": "char",
        "page_number": page.page_number, "ncs": _cs_name(obj.ncs), "text": text,
        "stroking_color": sc if isinstance(sc, tuple) else (sc,),
        "non_stroking_color": nc if isinstance(nc, tuple) else (nc,),
        "top": top, "bottom": bottom, "doctop": page.initial_doctop + top,
    }


def _cs_name(cs) -> str:
    name = cs.name
    return _resolve_and_decode(name) if not isinstance(name, str) else name



def _lines(words: list[dict], page_no: int) -> list[Line]:
    """Group words into visual lines, top to bottom, left to right."""
    ws = sorted(words, key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    for w in ws:
        h = w["bottom"] - w["top"]
        if lines:
            cur = lines[-1]
            ref = cur[0]
            if abs(w["top"] - ref["top"]) <= max(1.5, 0.4 * h) or (
                abs(w["bottom"] - ref["bottom"]) <= max(1.5, 0.3 * h)
            ):
                cur.append(w)
                continue
        lines.append([w])
    out = []
    for ln in lines:
        ln.sort(key=lambda w: w["x0"])
        sizes = Counter()
        bold = 0
        for w in ln:
            n = len(w["text"])
            sizes[round(w.get("size", 0), 1)] += n
            if is_bold_font(w.get("fontname", "")):
                bold += n
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        total = sum(sizes.values()) or 1
        line = Line(words=ln, page=page_no, size=size, bold=bold >= 0.8 * total)
        line.segs = split_segments(ln, size or 10)
        out.append(line)
    return out


def _read_page(page, page_no: int, settings: Settings) -> tuple[PageItems, bool]:
    """Items of one page, and whether it looks scanned."""
    items = PageItems(page_no, float(page.width), float(page.height))
    page.process_object = types.MethodType(_lean_process_object, page)
    chars = page.chars
    n_text = sum(1 for c in chars if not c.get("text", " ").isspace())
    if n_text <= settings.scanned_max_chars:
        scanned = bool(page.images) or len(page.curves) > 50
        if n_text == 0:
            return items, scanned
    else:
        scanned = False
    words = page.extract_words(extra_attrs=_WORD_ATTRS)
    fills = page_fills(page.rects)
    tables = []
    try:
        found = page.find_tables()
    except Exception:  # a degenerate drawing must not sink the page's text
        found = []
    for t in found:
        blk = ruled_table_block(t, words, fills, page_no)
        if blk is not None:
            tables.append(blk)
    if tables:
        words = [w for w in words if not any(inside(w, t.bbox) for t in tables)]
    items.items = sorted(_lines(words, page_no) + tables, key=_top)
    items.fills = fills
    return items, scanned


def _add_text_tables(p: PageItems) -> None:
    """Replace runs of column-aligned lines with text-aligned TABLE blocks.

    Runs after furniture marking, so a running footer under the last row
    ("1 of 12   Standing Orders Issue 1.0") never becomes part of a table.
    """
    lines = [it for it in p.items if isinstance(it, Line) and not it.furniture]
    if len(lines) < 3:
        return
    size = Counter(ln.size for ln in lines for _ in ln.words).most_common(1)
    body = size[0][0] if size else 10.0
    found = find_text_tables(lines, body, p.number, p.fills)
    if not found:
        return
    used = set()
    for i0, i1, _ in found:
        used.update(id(ln) for ln in lines[i0 : i1 + 1])
    items = [it for it in p.items if id(it) not in used] + [blk for _, _, blk in found]
    p.items = sorted(items, key=_top)


def _top(item) -> float:
    if isinstance(item, Block):
        return item.bbox[1]
    return item.top


# -- blocks -------------------------------------------------------------------------


def _body_size(pages: list[PageItems]) -> float:
    c = Counter()
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                c[it.size] += sum(len(w["text"]) for w in it.words)
    return c.most_common(1)[0][0] if c else 10.0


def _mark_furniture(pages: list[PageItems], settings: Settings, body: float) -> None:
    """Flag lines the clean stage may drop, so they become blocks of their own."""
    def key(ln: Line) -> str:
        return furniture_key(ln.text, exact=ln.bold or ln.size >= body + 1.5)

    cands = []
    for p in pages:
        for it in p.items:
            if isinstance(it, Line):
                it.band = in_band(it.top, it.bottom, p.height, settings.furniture_band)
                if it.band:
                    cands.append((p.number, key(it)))
    keys = repeated_keys(cands, len(pages), settings)
    for p in pages:
        for it in p.items:
            if isinstance(it, Line) and it.band:
                it.furniture = key(it) in keys or is_lone_page_number(it.text, p.number, len(pages))


def _marker(line: Line) -> tuple[Optional[str], bool]:
    """(list marker kind, whether the marker is a glyph to strip)."""
    first = line.words[0]["text"]
    if first in _BULLETS or (len(first) == 1 and first in BULLET_CHARS and first != "o"):
        if len(line.words) > 1:
            return "bullet", True
    if len(first) > 1 and first[0] in _BULLETS - {"-", "*", "o"} and first[0] != "\u2013":
        return "bullet-attached", True
    if len(line.segs) >= 2 and len(line.segs[0].words) == 1 and NUMBERING.match(first):
        return "number", False  # a number hanging in its own column: "1.3.1   The Clerk ..."
    if _NUMBER_MARKER.match(first) and len(line.words) > 1:
        gap = line.words[1]["x0"] - line.words[0]["x1"]
        if gap > 0.5 * (line.size or 10) or first[-1] == ")" or first[0] == "(":
            return "number", False
    return None, False


class _Builder:
    def __init__(self, body: float, heading_sizes: list[tuple[float, bool]], margin: float):
        self.body = body
        self.heading_levels = {s: i + 1 for i, s in enumerate(heading_sizes)}
        self.margin = margin

    def heading_style(self, ln: Line) -> Optional[tuple[float, bool]]:
        text = ln.text.strip()
        if len(text) < 2 or not any(ch.isalpha() for ch in text):
            return None
        # bold total rows of a borderless budget ("TOTAL RESERVES 12,609.4 -20,766.2") are not headings
        if sum(1 for w in ln.words if _AMOUNT.search(w["text"])) >= 2:
            return None
        if ln.size >= self.body + 1.5 and len(ln.words) <= 25:
            return (ln.size, ln.bold)
        if ln.bold and ln.size >= self.body - 0.6 and len(ln.words) <= 14 and not text.endswith((",", ";")):
            return (ln.size, True)
        return None


def _heading_styles(pages: list[PageItems], body: float) -> list[tuple[float, bool]]:
    b = _Builder(body, [], 0)
    styles = set()
    for p in pages:
        for it in p.items:
            if isinstance(it, Line) and not it.furniture:
                s = b.heading_style(it)
                if s:
                    styles.add(s)
    return sorted(styles, key=lambda s: (-s[0], not s[1]))


def _level(x0: float, margin: float) -> int:
    return max(0, min(5, int(round((x0 - margin) / 18.0))))


_OPEN_END = re.compile(r"[,;\-\u2013(/&]$|\b(?:and|or|the|of|to|a|an|in|for|with|by|that|which)$", re.I)
_CLOSED_END = re.compile(r"[.!?:]['\")]?$")


def _join_across_pages(blocks: list[Block], body: float, furniture: set[int]) -> list[Block]:
    """Join a paragraph or list item cut by a page break with its rest at the
    top of the next page (which starts mid-sentence: lower case, a bracket, or
    the first part ends on a comma or "and"). The joined block keeps the first
    page in ``page`` and the last in ``page_end``."""
    out: list[Block] = []
    last_text: Optional[Block] = None  # last paragraph/list item before the break
    crossed = False
    for b in blocks:
        if b.kind == PAGE_BREAK:
            crossed = last_text is not None
            out.append(b)
            continue
        if id(b) in furniture or "footnote" in b.flags:
            out.append(b)
            continue
        if crossed and last_text is not None and b.kind == PARAGRAPH and b.bbox and last_text.bbox:
            a = last_text
            tail = a.norm.rstrip()
            head = b.norm.lstrip()
            opens = head[:1].islower() or head[:1] in "(,;"
            indent_ok = (b.bbox[0] > a.bbox[0] + 2) if a.kind == LIST_ITEM else abs(b.bbox[0] - a.bbox[0]) < 1.5 * body
            size_ok = abs((a.font_size or body) - (b.font_size or body)) < 1.0
            if tail and not _CLOSED_END.search(tail) and (opens or _OPEN_END.search(tail)) and indent_ok and size_ok:
                a.text = f"{a.text}\n{b.text}"
                a.norm = f"{a.norm}\n{b.norm}"
                a.page_end = b.page_end or b.page
                crossed = False
                continue
        crossed = False
        last_text = b if b.kind in (PARAGRAPH, LIST_ITEM) else None
        out.append(b)
    return out


_SEPARATOR = re.compile(r"^[_\u2014\u2500-]{8,}$")


def _flag_footnotes(blocks: list[Block], body: float) -> None:
    """Flag "footnote" on a page's footnote area: the blocks in a smaller font
    below a separator rule typed as underscores (how Word footnotes come out
    of LibreOffice); template guidance lives there, not content."""
    in_notes = None
    for b in blocks:
        if b.kind == PAGE_BREAK:
            in_notes = None
            continue
        if b.kind == PARAGRAPH and _SEPARATOR.match(b.norm.replace(" ", "")):
            in_notes = b.page
            b.flags.append("footnote")
            continue
        if in_notes == b.page and b.kind != TABLE and (b.font_size or body) < body - 0.5:
            b.flags.append("footnote")


def _list_levels(blocks: list[Block]) -> None:
    """Nesting levels of list items from their indents within a run of items:
    the leftmost marker of the run is level 0, each deeper indent one more.
    A heading, a table, or text back at (or left of) the run's first indent ends
    the run; page breaks and furniture do not."""
    stack: list[float] = []
    for b in blocks:
        if b.kind == LIST_ITEM and b.bbox:
            x = b.bbox[0]
            while stack and x < stack[-1] - 4:
                stack.pop()
            if not stack or x > stack[-1] + 4:
                stack.append(x)
            b.level = min(len(stack) - 1, 5)
        elif b.kind in (HEADING, TABLE):
            stack = []
        elif b.kind == PARAGRAPH and stack and b.bbox and b.bbox[0] <= stack[0] + 2:
            stack = []


_MARK = re.compile(r"^[\d*\u2020\u2021]{1,3}$")


def _is_superscript(w: dict, ln: Line) -> bool:
    return bool(_MARK.match(w["text"])) and w.get("size", ln.size) < 0.8 * ln.size and w["bottom"] < ln.bottom - 1


def _new_block(kind, lines: list[Line], page: int, level: int = 0, strip_first: bool = False) -> Block:
    parts = []
    for i, ln in enumerate(lines):
        ws = ln.words[1:] if (i == 0 and strip_first) else ln.words
        if kind == HEADING:
            # footnote markers on template headings ("Key Achievements during this Quarter¹")
            ws = [w for w in ws if not _is_superscript(w, ln)] or ws
        if i == 0 and strip_first and len(ln.words[0]["text"]) > 1 and ln.words[0]["text"][0] in _BULLETS:
            ws = [dict(ln.words[0], text=ln.words[0]["text"][1:])] + ln.words[1:]
        parts.append(" ".join(w["text"] for w in ws))
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    bbox = (round(x0, 2), round(lines[0].top, 2), round(x1, 2), round(lines[-1].bottom, 2))
    fonts = Counter(w.get("fontname", "") for ln in lines for w in ln.words)
    return Block(kind=kind, text="\n".join(parts), level=level, page=page, bbox=bbox,
                 bold=all(ln.bold for ln in lines), font_size=lines[0].size,
                 style=fonts.most_common(1)[0][0] if fonts else None)


def _page_blocks(p: PageItems, b: _Builder, furniture: set[int]) -> list[Block]:
    out: list[Block] = []
    cur: list[Line] = []
    cur_kind = None
    cur_level = 0
    cur_strip = False
    cur_style = None

    def flush():
        nonlocal cur, cur_kind
        if cur:
            out.append(_new_block(cur_kind, cur, p.number, cur_level, cur_strip))
        cur, cur_kind = [], None

    text_lines = [it for it in p.items if isinstance(it, Line) and not it.furniture]
    if text_lines:
        xs1 = sorted(ln.x1 for ln in text_lines)
        edge = xs1[int(0.9 * (len(xs1) - 1))]
        left = min(ln.x0 for ln in text_lines)
        right = edge - max(5 * b.body, 0.12 * (edge - left))
    else:
        right = float("inf")
    for it in p.items:
        if isinstance(it, Block):
            flush()
            out.append(it)
            continue
        ln: Line = it
        if ln.furniture:
            flush()
            fb = _new_block(PARAGRAPH, [ln], p.number)
            furniture.add(id(fb))
            out.append(fb)
            continue
        hs = b.heading_style(ln)
        marker, strip = _marker(ln)
        if marker and marker != "number":
            hs = None
        if cur:
            prev = cur[-1]
            gap = ln.top - prev.bottom
            close = gap <= max(0.45 * prev.size, 2.5) and abs(ln.size - prev.size) < 1.0 and marker is None
            same_para = (
                close
                and ((hs is not None) == (cur_kind == HEADING))
                and (cur_kind != HEADING or hs == cur_style)
            )
            # A line that ran to the right margin wraps into the next one, whatever
            # the bold runs say: a bold phrase inside a paragraph is not a heading.
            wraps = close and prev.x1 >= right and (cur_kind != HEADING or cur_style[0] < b.body + 1.5)
            if wraps and not same_para:
                same_para = True
                if cur_kind == HEADING:
                    cur_kind, cur_level = PARAGRAPH, 0
            if same_para and cur_kind == HEADING and len(cur) >= 1 and cur_style[0] < b.body + 1.5 and prev.x1 >= right:
                cur_kind, cur_level = PARAGRAPH, 0
            if same_para and cur_kind == LIST_ITEM:
                same_para = ln.x0 >= cur[0].x0 + 2  # wrapped list text sits right of the marker
            elif same_para and cur_kind == PARAGRAPH:
                same_para = ln.x0 <= cur[0].x0 + 1.5 * prev.size or len(cur) > 1 and ln.x0 <= cur[1].x0 + 2
            if same_para:
                cur.append(ln)
                continue
            flush()
        if marker == "number" and hs:
            # "76. Apologies" in bold: a numbered heading (minute and agenda items), number kept
            cur_kind, cur_level, cur_strip, cur_style = HEADING, b.heading_levels.get(hs, 1), False, hs
        elif marker:
            cur_kind, cur_level, cur_strip, cur_style = LIST_ITEM, _level(ln.x0, b.margin), strip, None
        elif hs:
            cur_kind, cur_level, cur_strip, cur_style = HEADING, b.heading_levels.get(hs, 1), False, hs
        else:
            cur_kind, cur_level, cur_strip, cur_style = PARAGRAPH, 0, False, None
        cur = [ln]
    flush()
    return out


# -- the reader ---------------------------------------------------------------------


def read_pdf(path: Path, sha256: str, settings: Settings = DEFAULT) -> Document:
    """Read a PDF file into a :class:`Document` (the *read* stage; furniture is
    still in, as blocks of its own)."""
    path = Path(path)
    pdf = _open(path)
    try:
        meta = _meta(pdf)
        pages: list[PageItems] = []
        scanned: list[int] = []
        page_errors: list[dict] = []
        n_pages = len(pdf.pages)
        first_error: Optional[UnreadableDocument] = None
        for i, page in enumerate(pdf.pages, 1):
            try:
                items, is_scanned = _read_page(page, i, settings)
            except Exception as e:
                # One broken page content stream should not lose the rest of a
                # pack: the page stays empty and is recorded; only a file where
                # no page reads at all is unreadable.
                err = _typed_error(e, path)
                err.message = err.message.replace("PDF: ", f"PDF: page {i}: ", 1)
                err.args = (err.message,)
                first_error = first_error or err
                page_errors.append({"page": i, "error": err.message})
                items, is_scanned = PageItems(i, float(page.width or 0), float(page.height or 0)), False
            finally:
                try:
                    page.close()
                except Exception:
                    pass
            pages.append(items)
            if is_scanned:
                scanned.append(i)
        if first_error is not None and len(page_errors) == n_pages:
            raise first_error
    finally:
        try:
            pdf.close()
        except Exception:
            pass
    if n_pages == 0:
        n_pages, img_pages = _fallback_page_count(path)
        if n_pages == 0:
            raise UnreadableDocument("truncated or corrupt PDF: no pages found", path)
        scanned = img_pages
        meta.setdefault("page_tree", "recovered by pypdf")

    body = _body_size(pages)
    _mark_furniture(pages, settings, body)
    for p in pages:
        _add_text_tables(p)
        p.fills = []
    xs = [ln.x0 for p in pages for ln in p.items if isinstance(ln, Line) and not ln.furniture]
    margin = min(xs) if xs else 0.0
    if xs:  # the most common left edge is the text margin (ignore outliers)
        margin = Counter(round(x) for x in xs).most_common(1)[0][0]
        margin = min(margin, min(xs) + 36)
    builder = _Builder(body, _heading_styles(pages, body), margin)

    blocks: list[Block] = []
    furniture: set[int] = set()  # ids of blocks made from furniture lines
    for p in pages:
        if p.number > 1:
            blocks.append(Block(kind=PAGE_BREAK, page=p.number - 1))
        blocks.extend(_page_blocks(p, builder, furniture))

    heights = {p.number: p.height for p in pages}

    def skippable(b: Block) -> bool:
        if b.kind == TABLE or not b.bbox or b.page not in heights:
            return False
        return in_band(b.bbox[1], b.bbox[3], heights[b.page], settings.furniture_band) is not None

    blocks = join_split_tables(blocks, skippable)
    _list_levels(blocks)
    _flag_footnotes(blocks, body)
    blocks = _join_across_pages(blocks, body, furniture)
    producer = meta.get("Producer") or meta.get("Creator")
    if meta.get("Producer") and meta.get("Creator") and meta["Creator"] not in meta["Producer"]:
        producer = f"{meta['Producer']} ({meta['Creator']})"
    doc = Document(
        path=str(path), sha256=sha256, format="pdf", blocks=blocks, pages=n_pages,
        producer=producer or None, scanned_pages=scanned,
        metadata={"pdf": meta, "page_heights": [p.height for p in pages],
                  "page_widths": [p.width for p in pages], "body_font_size": body,
                  **({"page_errors": page_errors} if page_errors else {})},
    )
    doc.renumber()
    return doc


@register_reader("pdf")
def pdf_reader(path: Path, sha256: str) -> Document:
    return read_pdf(path, sha256)
