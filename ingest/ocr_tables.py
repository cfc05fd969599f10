"""Tables read off scanned pages: OCR word boxes into rows and columns.

The words tesseract reads (with their boxes) go through the same table
reconstruction as a PDF's text layer:

* a table drawn with ruling lines (:mod:`.ocr_ruled`): the lines found in
  the page image become pdfplumber edges and cells, filled with the words,
  each cell's colour read from the image's fills;
* a table without lines: tesseract's lines split at wide gaps, then
  :func:`.pdf_text_tables.find_text_tables` as on a text page.

Word boxes are moved into the straightened frame of the page first, so a
sheet fed a little askew still has level rows and upright columns.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import Block
from boardpack.core.settings import DEFAULT
from boardpack.ingest.ocr_image import PageImage
from boardpack.ingest.ocr_ruled import image_fills, ruled_tables
from boardpack.ingest.pdf_tables import Fill, inside
from boardpack.ingest.pdf_text_tables import Seg, TLine, find_text_tables, split_segments

def kept_word(w: dict, min_conf: float) -> bool:
    """False for speckle: a word of one or two characters read with a
    confidence under ``min_conf`` (``settings.ocr.min_confidence``)."""
    try:
        conf = float(w["conf"])
    except (TypeError, ValueError):
        conf = -1
    return not (conf < min_conf and len(w["text"].strip()) <= 2)


# -- tables from word positions ----------------------------------------------------

# Box edges read as brackets or bars after an amount: "16,053)" with no "(".
_EDGE_AFTER = re.compile(r"^([-£$€]?\d[\d,]*(?:\.\d+)?)[)\]|]$")
_NUMBER_WORD = re.compile(r"^[(£$€-]*\d[\d,]*(?:\.\d+)?[.)]?$")
# Box edges and speckle read as words: "|", "._|", "]".
_EDGE_WORD = re.compile(r"^[|\[\]_.:;,'‘’\"“”!]+$")
_POUND_SLIP = re.compile(r"^(?:£&|&£|£8&)$")
_PART_GROUP = re.compile(r"^[(£$€-]*\d{1,3}(?:,\d{3})*,\d{1,2}$")


# An item number opening a line, as OCR misreads it: the point read as a colon
# ("1:4 Host ...", "3: Minutes ...") or a speck before it read as a dash
# ("-2.1 Share ...").
_ITEM_COLON = re.compile(r"^(\d{1,2})[:;](\d[a-z]?)$")
_ITEM_DASH = re.compile(r"^[-~–](\d{1,2}\.\d{1,2}[a-z]?)$")
_ITEM_END_COLON = re.compile(r"^\d{1,2}[:;]$")
# ... and a part's letter c read as a cent sign ("1.7¢").
_PART_CENT = re.compile(r"^(\d{1,2}\.\d{1,2})¢$")


def mend_item_numbers(ws: list[dict]) -> None:
    """Item numbers at the start of a line followed by words, mended in place.
    A time has two digits after its colon and a negative figure is followed by
    figures, not words, so neither is touched."""
    for i, w in enumerate(ws):
        first = i == 0 or ws[i - 1]["key"] != w["key"]
        nxt = ws[i + 1] if i + 1 < len(ws) and ws[i + 1]["key"] == w["key"] else None
        if not first or nxt is None or not nxt["text"][:1].isalpha():
            continue
        m = _ITEM_COLON.match(w["text"])
        if m:
            w["text"] = f"{m.group(1)}.{m.group(2)}"
            continue
        if _ITEM_END_COLON.match(w["text"]) and nxt["text"][:1].isupper():
            w["text"] = w["text"][:-1] + "."  # "3: Minutes of Previous Meeting"
            continue
        m = _ITEM_DASH.match(w["text"]) or _PART_CENT.match(w["text"])
        if m:
            w["text"] = m.group(1) + ("c" if w["text"].endswith("¢") else "")


def page_word_boxes(words: list[dict], scale: float, min_conf: float) -> list[dict]:
    """Tesseract words as the PDF reader's word dicts (points), with the OCR's
    line keys kept, and two OCR slips on amounts mended: a box edge read as a
    closing bracket ("16,053)") and a thousands group split by a space ("2,01 8")."""
    out = []
    for w in words:
        if not kept_word(w, min_conf):
            continue
        text = w["text"].strip()
        if _EDGE_WORD.match(text):
            continue
        left, top, width, height = (int(w[k]) for k in ("left", "top", "width", "height"))
        if _POUND_SLIP.match(text):
            text = "£"  # the pound sign read with a stray ampersand
        prev = out[-1] if out else None
        if re.fullmatch(r"[£$€]?\d{1,3}\.\d{3}", text) and (text[0] in "£$€" or prev is not None and prev["text"] in ("£", "$", "€")):
            text = text.replace(".", ",")  # "£ 38.717": money has no third decimal, the point is a comma
        m = _EDGE_AFTER.match(text)
        if m:
            width -= round(width / len(text))  # the edge's share of the box
            text = m.group(1)
        d = {"text": text, "x0": left * scale, "x1": (left + width) * scale, "top": top * scale,
             "bottom": (top + height) * scale, "key": (int(w["block_num"]), int(w["par_num"]), int(w["line_num"])),
             "src": [(left, top)]}
        if (prev is not None and prev["key"] == d["key"] and _PART_GROUP.match(prev["text"])
                and re.fullmatch(r"\d{1,2}", text) and len(prev["text"].rsplit(",", 1)[1]) + len(text) == 3
                and d["x0"] - prev["x1"] < 0.6 * (d["bottom"] - d["top"])):
            prev["text"] += text
            prev["x1"] = d["x1"]
            prev["src"] += d["src"]
            continue
        out.append(d)
    return out


def _ocr_lines(ws: list[dict]) -> list[TLine]:
    """Visual lines of a scanned page: tesseract's own lines, joined when they sit
    side by side at the same height (a column header read as separate blocks)."""
    groups: dict[tuple, list[dict]] = {}
    for w in ws:
        groups.setdefault(w["key"], []).append(w)
    lines = []
    for g in groups.values():
        g.sort(key=lambda w: w["x0"])
        tops = sorted(w["top"] for w in g)
        bots = sorted(w["bottom"] for w in g)
        lines.append([tops[len(tops) // 2], bots[len(bots) // 2], g])
    lines.sort(key=lambda t: (t[0], t[2][0]["x0"]))
    merged: list[list] = []
    for ln in lines:
        for m in merged[-3:]:
            overlap = min(m[1], ln[1]) - max(m[0], ln[0])
            h = min(m[1] - m[0], ln[1] - ln[0])
            apart = all(w["x1"] <= v["x0"] or v["x1"] <= w["x0"] for w in ln[2] for v in m[2])
            if h > 0 and overlap >= 0.5 * h and apart:
                m[2] = sorted(m[2] + ln[2], key=lambda w: w["x0"])
                m[0], m[1] = min(m[0], ln[0]), max(m[1], ln[1])
                break
        else:
            merged.append(ln)
    merged.sort(key=lambda t: t[0])
    out = []
    for top, bottom, g in merged:
        hs = sorted(w["bottom"] - w["top"] for w in g)
        # a scan is seldom square: the line's words share its middle height, so
        # a cell's words keep their reading order
        for w in g:
            w["top"], w["bottom"] = top, bottom
        t = TLine(words=g)
        size = font_size(hs)
        t.segs = _split_after_numbers(split_segments(g, size), size)
        out.append(t)
    return out


def _split_after_numbers(segs: list[Seg], size: float) -> list[Seg]:
    """A figure in a form's box followed by the text beside it ("2,018 employers NI
    ..."): OCR boxes leave less space between them than the page shows, so a
    number followed by a word splits at a narrower gap than in a text layer."""
    out = []
    for sg in segs:
        cur = [sg.words[0]]
        for w in sg.words[1:]:
            prev = cur[-1]
            if (_NUMBER_WORD.match(prev["text"]) and w["text"][:1].isalpha()
                    and w["x0"] - prev["x1"] > 0.25 * size):
                out.append(Seg(cur))
                cur = [w]
            else:
                cur.append(w)
        out.append(Seg(cur))
    return out


def font_size(heights: list[float]) -> float:
    """The font size (points) a line's word boxes suggest: a box spans the
    letters' ink (about seven tenths of the type size), not the type size."""
    return max(1.3 * heights[len(heights) // 2], 6.0) if heights else 10.0


def text_tables(ws: list[dict], page: int, fills: list[Fill]) -> tuple[list[Block], set[tuple]]:
    """Tables without rules among a scanned page's words (points), found from
    their positions the way :mod:`.pdf_text_tables` finds them on text pages:
    rows by height, columns by x alignment. Every table that finder accepts is
    kept, as on a text page: a name beside its organisation in a members list
    is a row as much as an amount beside its label. Returns the table blocks
    and the (left, top) keys of the OCR words they took."""
    if len(ws) < 6:
        return [], set()
    lines = _ocr_lines(ws)
    size = font_size(sorted(w["bottom"] - w["top"] for w in ws))
    blocks, used = [], set()
    # OCR line heights are too uneven to tell a wrapped cell from the next row:
    # rows stay as printed lines (the extractors join wrapped labels); a form's
    # boxes stand further apart than a typed table's rows
    for i0, i1, blk in find_text_tables(lines, size, page, fills, join_wraps=False, row_gap=3.5):
        blk.flags.append("ocr")
        blocks.append(blk)
        for ln in lines[i0:i1 + 1]:
            for w in ln.words:
                used.update(w["src"])
    return blocks, used


def straighten_words(ws: list[dict], image: Optional[PageImage]) -> None:
    """Move word boxes into the page's straightened frame (in place)."""
    if image is None or not image.tilt:
        return
    for w in ws:
        cx, cy = image.straighten((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2)
        hw, hh = (w["x1"] - w["x0"]) / 2, (w["bottom"] - w["top"]) / 2
        w["x0"], w["x1"], w["top"], w["bottom"] = cx - hw, cx + hw, cy - hh, cy + hh


def level_lines(ws: list[dict]) -> list[dict]:
    """Copies of the words with the top and bottom of the tesseract line they
    are on (its middle word's): a letter with a descender or a box swollen by
    shading ("Year ending" with "ending" twice as tall) must not put one word of
    a line above the other when a cell's text is put in reading order."""
    by_line: dict[tuple, list[dict]] = {}
    for w in ws:
        by_line.setdefault(w["key"], []).append(w)
    out = []
    for g in by_line.values():
        tops = sorted(w["top"] for w in g)
        bots = sorted(w["bottom"] for w in g)
        top, bottom = tops[len(tops) // 2], bots[len(bots) // 2]
        out.extend(dict(w, top=top, bottom=bottom) for w in g)
    return out


def drop_specks(ws: list[dict]) -> list[dict]:
    """The words without specks: a letter or digit far smaller than the page's
    letters both ways is a speck of dirt or noise that tesseract read as "i"
    or "1", not a letter."""
    if not ws:
        return ws
    hs = sorted(w["bottom"] - w["top"] for w in ws)
    least = 0.35 * hs[len(hs) // 2]

    def speck(w: dict) -> bool:
        # a hyphen or a full stop is that small in print; a letter or a digit is not
        return (w["bottom"] - w["top"] < least and w["x1"] - w["x0"] < least
                and any(ch.isalnum() for ch in w["text"]))

    return [w for w in ws if not speck(w)]


def _inside_any(w: dict, blocks: list[Block], scale: float, image: Optional[PageImage]) -> bool:
    """Is a tesseract word (pixels, as read) inside one of ``blocks`` (points,
    straightened frame)?"""
    left, top, width, height = (int(w[k]) for k in ("left", "top", "width", "height"))
    cx, cy = (left + width / 2) * scale, (top + height / 2) * scale
    if image is not None:
        cx, cy = image.straighten(cx, cy)
    return any(b.bbox[0] <= cx <= b.bbox[2] and b.bbox[1] <= cy <= b.bbox[3] for b in blocks)


def ocr_tables(words: list[dict], page: int, scale: float,
               min_conf: float = DEFAULT.ocr.min_confidence,
               image: Optional[PageImage] = None) -> tuple[list[Block], set[tuple]]:
    """Tables on a scanned page: those drawn with lines (from the page image),
    then those without rules among the other words. Returns the table blocks and
    the (left, top) keys of the OCR words they took."""
    ws = page_word_boxes(words, scale, min_conf)
    mend_item_numbers(ws)
    straighten_words(ws, image)
    ws = drop_specks(ws)
    for w in ws:
        w["size"] = font_size([w["bottom"] - w["top"]])
    blocks = ruled_tables(level_lines(ws), image, page)
    used: set[tuple] = set()
    if blocks:
        # everything read inside a drawn table is the table's, as on text pages:
        # specks and rules read as ":" or "|" too, which no cell took
        used = {(int(w["left"]), int(w["top"])) for w in words if _inside_any(w, blocks, scale, image)}
        ws = [w for w in ws if not any(inside(w, b.bbox) for b in blocks)]
    more, more_used = text_tables(ws, page, image_fills(image))
    return sorted(blocks + more, key=lambda b: b.bbox[1]), used | more_used
