"""OCR of scanned PDF pages (pages the PDF reader found with no text layer).

Older packs and parish papers are often scans. Each scanned page is
rasterised with poppler's ``pdftoppm`` and read by ``tesseract`` (both
Debian packages: ``poppler-utils``, ``tesseract-ocr``); tesseract's TSV
output gives words with boxes, grouped here into its own blocks and
paragraphs, so two-column scans ("Present:" beside "Members of the public:")
stay apart. Blocks carry the ``"ocr"`` flag and bboxes in PDF points, so
provenance reads the same as for text pages.

Without the tools, scanned pages stay flagged in ``doc.scanned_pages`` and
the document still ingests (a warning in ``doc.metadata["ocr"]``).

Speed: the scanned pages of one file are OCR'd ``settings.ocr.page_workers``
at a time (threads that only wait on the pdftoppm and tesseract children,
so a long scan uses every core, not one), and tesseract runs with
``OMP_THREAD_LIMIT=1``: it is an OpenMP program that otherwise starts a
thread per core in every call, so N batch workers with N pages each would
ask for N x N x cores threads. Blocks still come out in page order and the
cache keys are the same, so the result is the serial one.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from boardpack.ingest.pdf_text_tables import Seg, TLine, find_text_tables, split_segments
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.textnorm import strip_bullet
from boardpack.core.vocabulary import MONTH_STEM_RE

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|\(?[a-z]\)|\d{2}\.\d{2}\.\d{2})\s+")
# A line that opens a numbered or lettered item ("2 Declarations", "3. To receive",
# "a. Playground", "03.21.07 Apologies"): tesseract often runs such items into one
# paragraph, which the agenda and minutes extractors would read as one item.
_ITEM_START = re.compile(r"^\s*(?:\d{1,2}[.)]?|\(?[a-z][.)]|\(?[ivx]{1,4}\)|\d{2}\.\d{2}\.\d{2})\s+[A-Z]")
# Superscript ordinals read as a quote or trademark sign: 24" November -> 24 November.
_ORDINAL_MARK = re.compile(
    r"\b(\d{1,2})(?:[\"\u201c\u201d\u2122*°]|(?<=\d)[\"'](?:th)?)\s+"
    rf"(?={MONTH_STEM_RE}[a-z]*\b)", re.I)


def missing_tools() -> list[str]:
    """Debian packages to install for OCR (empty when everything is there)."""
    out = []
    if not shutil.which("pdftoppm"):
        out.append("poppler-utils")
    if not shutil.which("tesseract"):
        out.append("tesseract-ocr")
    return out


def _rasterise(pdf: Path, page: int, dpi: int, out_dir: Path, timeout: float) -> Path:
    stem = out_dir / f"p{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(stem)],
        check=True, capture_output=True, timeout=timeout,
    )
    return stem.with_suffix(".png")


def _tesseract_env() -> dict:
    """The environment for tesseract: one OpenMP thread, since the parallelism
    is ours (batch workers x page workers), sized to the cores."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _tsv(image: Path, timeout: float, language: str = "eng") -> list[dict]:
    res = subprocess.run(["tesseract", str(image), "stdout", "-l", language, "--psm", "3", "tsv"],
                         check=True, capture_output=True, timeout=timeout, env=_tesseract_env())
    reader = csv.DictReader(io.StringIO(res.stdout.decode("utf-8", "replace")), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    return [r for r in reader if r.get("level") == "5" and (r.get("text") or "").strip()]


def _kept(w: dict, min_conf: float) -> bool:
    """False for speckle: a word of one or two characters read with a
    confidence under ``min_conf`` (``settings.ocr.min_confidence``)."""
    try:
        conf = float(w["conf"])
    except (TypeError, ValueError):
        conf = -1
    return not (conf < min_conf and len(w["text"].strip()) <= 2)


# -- tables from word positions ----------------------------------------------------

# An amount as OCR reads it in a statement column: digits with a thousands
# group or pence ("16,053", "5000.00", "£ 200"); a bare small number is no amount.
_AMOUNT_WORD = re.compile(r"^[(£$€-]*\d{1,3}(?:,\d{3})+(?:\.\d+)?[.)]?$|^[(£$€-]*\d+\.\d{2}\)?$")
# Box edges read as brackets or bars after an amount: "16,053)" with no "(".
_EDGE_AFTER = re.compile(r"^([-£$€]?\d[\d,]*(?:\.\d+)?)[)\]|]$")
_NUMBER_WORD = re.compile(r"^[(£$€-]*\d[\d,]*(?:\.\d+)?[.)]?$")
# Box edges and speckle read as words: "|", "._|", "]".
_EDGE_WORD = re.compile(r"^[|\[\]_.:;,'‘’\"“”!]+$")
_POUND_SLIP = re.compile(r"^(?:£&|&£|£8&)$")
_PART_GROUP = re.compile(r"^[(£$€-]*\d{1,3}(?:,\d{3})*,\d{1,2}$")


def _page_word_boxes(words: list[dict], scale: float, min_conf: float) -> list[dict]:
    """Tesseract words as the PDF reader's word dicts (points), with the OCR's
    line keys kept, and two OCR slips on amounts mended: a box edge read as a
    closing bracket ("16,053)") and a thousands group split by a space ("2,01 8")."""
    out = []
    for w in words:
        if not _kept(w, min_conf):
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
        size = _font_size(hs)
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


def _font_size(heights: list[float]) -> float:
    """The font size (points) a line's word boxes suggest: a box spans the
    letters' ink (about seven tenths of the type size), not the type size."""
    return max(1.3 * heights[len(heights) // 2], 6.0) if heights else 10.0


def _has_amount_column(block: Block) -> bool:
    """A table read off a scan is kept only when a column right of the first holds
    amounts in three rows or more (statements, receipts and payments, registers):
    member lists and agendas set in columns stay paragraphs."""
    counts: dict[int, int] = {}
    for r in block.rows:
        for k, c in enumerate(r.cells[1:], start=1):
            if any(_AMOUNT_WORD.match(t) for t in c.text.split()):
                counts[k] = counts.get(k, 0) + 1
    return any(n >= 3 for n in counts.values())


def ocr_tables(words: list[dict], page: int, scale: float,
               min_conf: float = DEFAULT.ocr.min_confidence) -> tuple[list[Block], set[tuple]]:
    """Tables without rules on a scanned page, found from the words' positions the
    way :mod:`.pdf_text_tables` finds them on text pages: rows by height, columns
    by x alignment. Returns the table blocks and the (left, top) keys of the OCR
    words they took."""
    ws = _page_word_boxes(words, scale, min_conf)
    if len(ws) < 6:
        return [], set()
    lines = _ocr_lines(ws)
    size = _font_size(sorted(w["bottom"] - w["top"] for w in ws))
    blocks, used = [], set()
    # OCR line heights are too uneven to tell a wrapped cell from the next row:
    # rows stay as printed lines (the extractors join wrapped labels); a form's
    # boxes stand further apart than a typed table's rows
    for i0, i1, blk in find_text_tables(lines, size, page, [], join_wraps=False, row_gap=3.5):
        if not _has_amount_column(blk):
            continue
        blk.flags.append("ocr")
        blocks.append(blk)
        for ln in lines[i0:i1 + 1]:
            for w in ln.words:
                used.update(w["src"])
    return blocks, used


def words_to_blocks(words: list[dict], page: int, scale: float,
                    min_conf: float = DEFAULT.ocr.min_confidence) -> list[Block]:
    """Group tesseract words (TSV rows) into blocks: runs of lines whose amounts
    stand in columns become tables (:func:`ocr_tables`); the rest one block per
    tesseract paragraph, lines kept as line breaks; short all-capital paragraphs
    become headings and bulleted ones list items."""
    tables, used = ocr_tables(words, page, scale, min_conf)
    paras: dict[tuple[int, int], dict[int, list[dict]]] = {}
    for w in words:
        if not _kept(w, min_conf):
            continue
        if used and (int(w["left"]), int(w["top"])) in used:
            continue
        key = (int(w["block_num"]), int(w["par_num"]))
        paras.setdefault(key, {}).setdefault(int(w["line_num"]), []).append(w)
    groups: list[list[list[dict]]] = []
    for key in sorted(paras, key=lambda k: min(int(w["top"]) for ln in paras[k].values() for w in ln)):
        lines = [sorted(ws, key=lambda w: int(w["left"])) for _, ws in sorted(paras[key].items())]
        groups.append([])
        for ln in lines:
            if groups[-1] and _ITEM_START.match(" ".join(w["text"] for w in ln)):
                groups.append([])
            groups[-1].append(ln)
    blocks = []
    for lines in groups:
        text_lines = [_ORDINAL_MARK.sub(r"\1 ", " ".join(w["text"] for w in ln)) for ln in lines]
        allw = [w for ln in lines for w in ln]
        x0 = min(int(w["left"]) for w in allw) * scale
        top = min(int(w["top"]) for w in allw) * scale
        x1 = max(int(w["left"]) + int(w["width"]) for w in allw) * scale
        bottom = max(int(w["top"]) + int(w["height"]) for w in allw) * scale
        text = "\n".join(text_lines)
        first, bulleted = strip_bullet(text_lines[0])
        kind = PARAGRAPH
        letters = [c for c in text if c.isalpha()]
        if bulleted:
            kind, text = LIST_ITEM, "\n".join([first] + text_lines[1:])
        elif len(text_lines) <= 2 and letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 \
                and len(text.split()) <= 12 and not _NUMBERED.match(text):
            kind = HEADING
        blocks.append(Block(kind=kind, text=text, level=1 if kind == HEADING else 0, page=page,
                            bbox=(round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)), flags=["ocr"]))
    if tables:
        blocks = sorted(blocks + tables, key=lambda b: b.bbox[1])
    return blocks


def cache_dir(settings: Settings = DEFAULT) -> Optional[Path]:
    """Where tesseract's words are kept between runs (None: no cache).

    OCR is by far the slowest step (seconds a page) and re-importing an
    archive after a parser upgrade should not pay it again: the words of a
    page depend only on the file's bytes, the page, the resolution and the
    tesseract call, so they are cached under those keys.
    """
    if not settings.ocr.cache:
        return None
    base = os.environ.get("BOARDPACK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "boardpack")
    return Path(base) / "ocr"


def _page_words(pdf: Path, sha256: Optional[str], page: int, settings: Settings) -> list[dict]:
    cfg = settings.ocr
    where = cache_dir(settings) if sha256 else None
    # tesseract's default language keeps the key words were cached under before it was a setting
    lang = "" if cfg.language == "eng" else f"-{cfg.language}"
    key = where / f"{sha256}-p{page}-{cfg.dpi}dpi-psm3{lang}.json" if where else None
    if key is not None and key.is_file():
        try:
            return json.loads(key.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # a damaged cache entry is read again
    with tempfile.TemporaryDirectory(prefix="boardpack-ocr-") as tmp:
        image = _rasterise(Path(pdf), page, cfg.dpi, Path(tmp), cfg.timeout)
        words = _tsv(image, cfg.timeout, cfg.language)
    if key is not None:
        try:
            key.parent.mkdir(parents=True, exist_ok=True)
            # pid and thread: pages of one file are written from several threads
            part = key.with_suffix(f".{os.getpid()}-{threading.get_ident()}.part")
            part.write_text(json.dumps(words), encoding="utf-8")
            os.replace(part, key)  # atomic: parallel workers never see half a file
        except OSError:
            pass  # a read-only home still ingests, only slower next time
    return words


def ocr_page(pdf: Path, page: int, settings: Settings = DEFAULT, sha256: Optional[str] = None) -> list[Block]:
    words = _page_words(Path(pdf), sha256, page, settings)
    return words_to_blocks(words, page, 72.0 / settings.ocr.dpi, settings.ocr.min_confidence)


def page_workers(settings: Settings = DEFAULT) -> int:
    """How many scanned pages of one file are OCR'd at once: ``ocr.page_workers``,
    or (0) the CPUs each batch worker may use: CPU count // ``run.workers``
    (``run.workers`` 0 means one worker per CPU, so one page each), at least 1."""
    if settings.ocr.page_workers:
        return settings.ocr.page_workers
    cpus = os.cpu_count() or 1
    return max(1, cpus // (settings.run.workers or cpus))


def _ocr_or_error(pdf: Path, page: int, settings: Settings, sha256: Optional[str]):
    try:
        return ocr_page(pdf, page, settings, sha256=sha256)
    except (subprocess.SubprocessError, OSError) as e:
        return e


def add_ocr_blocks(doc: Document, settings: Settings = DEFAULT) -> Document:
    """Insert OCR blocks for every scanned page of a PDF document, in page order."""
    if doc.format != "pdf" or not doc.scanned_pages or not settings.ocr.enabled:
        return doc
    missing = missing_tools()
    if missing:
        doc.metadata["ocr"] = f"scanned pages not read: install {' and '.join(missing)}"
        return doc
    pages = sorted(doc.scanned_pages)
    n = min(page_workers(settings), len(pages))
    if n > 1:
        pool = ThreadPoolExecutor(max_workers=n, thread_name_prefix="boardpack-ocr")
        try:
            # map keeps the pages' order whatever order they finish in
            results = list(pool.map(lambda p: _ocr_or_error(Path(doc.path), p, settings, doc.sha256), pages))
        finally:
            # the batch's file timeout raises here: pages not started are dropped
            # (those running end by ocr.timeout) rather than waited for
            pool.shutdown(wait=False, cancel_futures=True)
    else:
        results = [_ocr_or_error(Path(doc.path), p, settings, doc.sha256) for p in pages]
    done, failed = [], []
    for page, new in zip(pages, results):
        if isinstance(new, Exception):
            failed.append(f"page {page}: {type(new).__name__}")
            continue
        # after every block of earlier pages; the break that opens page N
        # carries page N-1, so it comes before the new blocks too
        at = 0
        for i, b in enumerate(doc.blocks):
            if (b.page or 0) < page:
                at = i + 1
        doc.blocks[at:at] = new
        done.append(page)
    doc.metadata["ocr_pages"] = done
    if failed:
        doc.metadata["ocr"] = "OCR failed on " + ", ".join(failed)
    doc.renumber()
    return doc
