"""A Word paragraph's runs read into pieces: text with its bold, size and
superscript, and the events between them (page breaks, rendered page breaks,
footnote references).

Runs are where Word hides what a board pack depends on: hidden text, tracked
deletions, symbols, non-breaking hyphens, text boxes inside drawings. This
module knows runs only; the paragraph reader (:mod:`.docx_paragraphs`) turns
pieces into blocks, and the table reader takes its cells' pieces from here too.
"""

from __future__ import annotations

from typing import Optional

from boardpack.ingest.docx_styles import StyleSheet, on_off, qn
from boardpack.ingest.docx_tables import is_placeholder

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W_R, W_T = qn("w:r"), qn("w:t")
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


class Piece:
    """One run's text (or a break event) inside a paragraph."""

    __slots__ = ("text", "bold", "size", "event", "sup")

    def __init__(self, text="", bold=False, size=0.0, event=None, sup=False):
        self.text, self.bold, self.size, self.event, self.sup = text, bold, size, event, sup


def run_element(el, out: list, boxes: list) -> Optional[str]:
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
            out.append(Piece(event="page"))
        else:
            text = "\n"
    elif tag == qn("w:cr"):
        text = "\n"
    elif tag == W_LRPB:
        out.append(Piece(event="rendered"))
    elif tag == qn("w:footnoteReference"):
        out.append(Piece(text=el.get(qn("w:id")) or "", event="footnote"))
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


def paragraph_pieces(ss: StyleSheet, p, sid, out: list, boxes: list, node=None) -> None:
    """Collect the paragraph's run texts and break events in order (into ``out``;
    text boxes into ``boxes``)."""
    node = p if node is None else node
    for el in node.iterchildren():
        tag = el.tag
        if tag == W_R:
            _run_pieces(ss, el, sid, out, boxes)
        elif tag in _RUN_WRAPPERS and not is_placeholder(el):
            paragraph_pieces(ss, p, sid, out, boxes, el)
        # w:del / w:moveFrom (tracked deletions), w:pPr, bookmarks: nothing to read


def _run_pieces(ss: StyleSheet, r, sid, out: list, boxes: list) -> None:
    bold = size = None
    rpr = r.find(qn("w:rPr"))
    if rpr is not None and on_off(rpr.find(qn("w:vanish"))):
        return  # hidden text: not printed, not in the PDF of the same pack
    va = rpr.find(qn("w:vertAlign")) if rpr is not None else None
    sup = va is not None and va.get(W_VAL) == "superscript"
    for el in r.iterchildren():
        text = run_element(el, out, boxes)
        if text is not None:
            if bold is None:
                bold = ss.run_bold(r, sid)
                size = ss.run_size(r, sid)
            out.append(Piece(text, bold, size, sup=sup))
