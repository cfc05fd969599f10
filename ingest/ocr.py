"""OCR of scanned PDF pages (pages the PDF reader found with no text layer).

Older packs and parish papers are often scans. Each scanned page is
rasterised with poppler's ``pdftoppm`` and read by ``tesseract`` (both
Debian packages: ``poppler-utils``, ``tesseract-ocr``); tesseract's TSV
output gives words with boxes, grouped here into its own blocks and
paragraphs, so two-column scans ("Present:" beside "Members of the public:")
stay apart. Tables go through the reconstruction text pages get
(:mod:`.ocr_tables`): the page is also rendered in colour and its tilt,
ruling lines and colour fills read off the image (:mod:`.ocr_image`), so a
scanned action plan keeps its columns and its RAG cells their colours; a
table continued over a page break of the scan is joined as on text pages.
Blocks carry the ``"ocr"`` flag and bboxes in PDF points, so provenance
reads the same as for text pages.

Without the tools, scanned pages stay flagged in ``doc.scanned_pages`` and
the document still ingests (a warning in ``doc.metadata["ocr"]``).

Speed: the scanned pages of one file are OCR'd ``settings.ocr.page_workers``
at a time (threads that only wait on the pdftoppm and tesseract children,
so a long scan uses every core, not one), and tesseract runs with
``OMP_THREAD_LIMIT=1``: it is an OpenMP program that otherwise starts a
thread per core in every call, so N batch workers with N pages each would
ask for N x N x cores threads. Blocks still come out in page order and the
cache keys are the same, so the result is the serial one.

Cache: each page's words are kept under the key they have always had (file
hash, page, resolution, ``psm3``, language): what is stored there has not
changed. The page image's analysis is kept beside them under a key of its
own that carries the analysis version (``image-vN``), so an entry an older
analysis wrote is never read as this one's.
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

from PIL import Image

from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Block, Document
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.textnorm import strip_bullet
from boardpack.core.vocabulary import MONTH_STEM_RE
from boardpack.ingest.furniture import in_band
from boardpack.ingest.ocr_image import VERSION as IMAGE_VERSION
from boardpack.ingest.ocr_image import PageImage, analyse
from boardpack.ingest.ocr_ruled import fill_repeated_header, item_numbers_from_parts
from boardpack.ingest.ocr_tables import kept_word, ocr_tables
from boardpack.ingest.pdf_tables import join_split_tables

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


def _rasterise(pdf: Path, page: int, dpi: int, out_dir: Path, timeout: float, colour: bool = False) -> Path:
    # tesseract reads the grey rendering (what its cached words were read from);
    # the page image analysis needs the colours
    stem = out_dir / f"p{page}{'-rgb' if colour else ''}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), *([] if colour else ["-gray"]), "-png", "-f", str(page), "-l", str(page),
         "-singlefile", str(pdf), str(stem)],
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



def words_to_blocks(words: list[dict], page: int, scale: float,
                    min_conf: float = DEFAULT.ocr.min_confidence, image: Optional[PageImage] = None) -> list[Block]:
    """Group tesseract words (TSV rows) into blocks: tables drawn with lines
    (``image``: the page image's lines and fills) and runs of lines whose
    amounts stand in columns become tables (:func:`.ocr_tables.ocr_tables`);
    the rest one block per tesseract paragraph, lines kept as line breaks;
    short all-capital paragraphs become headings and bulleted ones list items."""
    tables, used = ocr_tables(words, page, scale, min_conf, image)
    paras: dict[tuple[int, int], dict[int, list[dict]]] = {}
    for w in words:
        if not kept_word(w, min_conf):
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


def _cached(key: Optional[Path]):
    """A cache entry's JSON, or None (absent or damaged: read again)."""
    if key is not None and key.is_file():
        try:
            return json.loads(key.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    return None


def _store(key: Optional[Path], value) -> None:
    if key is None:
        return
    try:
        key.parent.mkdir(parents=True, exist_ok=True)
        # pid and thread: pages of one file are written from several threads
        part = key.with_suffix(f".{os.getpid()}-{threading.get_ident()}.part")
        part.write_text(json.dumps(value), encoding="utf-8")
        os.replace(part, key)  # atomic: parallel workers never see half a file
    except OSError:
        pass  # a read-only home still ingests, only slower next time


def _cache_key(sha256: Optional[str], page: int, settings: Settings, what: str) -> Optional[Path]:
    """Each entry is keyed by what it holds: tesseract's words of the grey
    rendering (``psm3``, the key they have always had) or the page image's
    analysis (``image-vN``, N bumped whenever that analysis changes)."""
    where = cache_dir(settings) if sha256 else None
    return where / f"{sha256}-p{page}-{settings.ocr.dpi}dpi-{what}.json" if where else None


def _page_words(pdf: Path, sha256: Optional[str], page: int, settings: Settings) -> list[dict]:
    cfg = settings.ocr
    # tesseract's default language keeps the key words were cached under before it was a setting
    lang = "" if cfg.language == "eng" else f"-{cfg.language}"
    key = _cache_key(sha256, page, settings, f"psm3{lang}")
    words = _cached(key)
    if words is not None:
        return words
    with tempfile.TemporaryDirectory(prefix="boardpack-ocr-") as tmp:
        image = _rasterise(Path(pdf), page, cfg.dpi, Path(tmp), cfg.timeout)
        words = _tsv(image, cfg.timeout, cfg.language)
    _store(key, words)
    return words


def page_image(pdf: Path, sha256: Optional[str], page: int, settings: Settings = DEFAULT) -> PageImage:
    """The tilt, ruling lines and colour fills of a scanned page (cached like its words)."""
    cfg = settings.ocr
    key = _cache_key(sha256, page, settings, f"image-v{IMAGE_VERSION}")
    found = _cached(key)
    if found is not None:
        try:
            return PageImage.from_json(found)
        except (KeyError, TypeError, ValueError):
            pass
    with tempfile.TemporaryDirectory(prefix="boardpack-ocr-") as tmp:
        png = _rasterise(Path(pdf), page, cfg.dpi, Path(tmp), cfg.timeout, colour=True)
        with Image.open(png) as im:
            result = analyse(im, cfg.dpi)
    _store(key, result.to_json())
    return result


def ocr_page(pdf: Path, page: int, settings: Settings = DEFAULT, sha256: Optional[str] = None) -> list[Block]:
    words = _page_words(Path(pdf), sha256, page, settings)
    image = page_image(Path(pdf), sha256, page, settings) if words else None
    return words_to_blocks(words, page, 72.0 / settings.ocr.dpi, settings.ocr.min_confidence, image)


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
    _join_scanned_tables(doc, settings)
    doc.renumber()
    return doc


def _join_scanned_tables(doc: Document, settings: Settings) -> None:
    """A table continued over a page break of a scan joins the table above the
    break, as on text pages (:func:`.pdf_tables.join_split_tables`); a running
    header or footer read off the scan may stand between the two parts. Text
    pages' tables were joined by the reader already: nothing else of theirs
    counts as skippable here, so they come out as they went in."""
    if not any(b.kind == TABLE and "ocr" in b.flags for b in doc.blocks):
        return
    heights = doc.metadata.get("page_heights") or []

    def skippable(b: Block) -> bool:
        if "ocr" not in b.flags or b.kind == TABLE or not b.bbox or not b.page or b.page > len(heights):
            return False
        return in_band(b.bbox[1], b.bbox[3], heights[b.page - 1], settings.furniture_band) is not None

    last = None  # the last scanned table, while only a page break and furniture follow it
    for b in doc.blocks:
        if b.kind == TABLE:
            if last is not None and "ocr" in b.flags and b.page != last.page:
                fill_repeated_header(last, b)
            last = b if "ocr" in b.flags else None
        elif b.kind != PAGE_BREAK and not skippable(b):
            last = None
    doc.blocks = join_split_tables(doc.blocks, skippable, settings.pdf)
    for b in doc.blocks:
        # after the join, so a row at the top of a page knows the item above it
        if b.kind == TABLE and "ocr" in b.flags and b.style == "ruled":
            item_numbers_from_parts(b)
