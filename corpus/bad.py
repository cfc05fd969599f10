"""Bad inputs for corpus/bad/: files a real archive contains and the pipeline must survive.

* ``truncated.pdf``      a real pack PDF cut in half (no xref, no %%EOF)
* ``empty.pdf``          zero bytes
* ``encrypted.pdf``      a real two-page PDF protected with the user password "secret" (pypdf, AES-128)
* ``scanned-page.pdf``   page 1 a real text page (the 2017 cover letter), page 2 an image-only "scan"
                         of typed minutes of 19 January 2009 with no text layer (drawn with Pillow);
                         its gold judges v_meetings only (the cover letter's meeting and, via OCR,
                         the minuted one)
* ``wrong-extension.doc`` really a PDF (the 2017 cover letter and agenda) saved under a .doc name
* ``broken.docx``        a corrupt zip: the first 40% of a real DOCX
* ``notes.txt``          plain text, an unsupported format

Each gets a gold file: ``expected_error`` names the typed exception
(boardpack.core.errors) the reader must raise, or is null when the file must be
read; ``scanned_pages`` lists pages without a text layer. Built from the
committed pack PDFs/DOCX, so run after them (build.py does).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SOURCE_PDF = ROOT / "pdf" / "cdrp-2017-02-23.pdf"
SOURCE_DOCX = ROOT / "docx" / "cdrp-2011-04-26.docx"
FIXED_ID = b"\x00" * 16


@contextlib.contextmanager
def _fixed_randomness():
    """pypdf draws salts, IVs and the file ID from secrets.token_bytes; make them repeatable."""
    import secrets
    real = secrets.token_bytes
    counter = [0]

    def fake(n=32):
        counter[0] += 1
        return hashlib.sha256(b"boardpack-%d" % counter[0]).digest()[:n]

    secrets.token_bytes = fake
    try:
        yield
    finally:
        secrets.token_bytes = real


def _writer_bytes(writer) -> bytes:
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _pages(src: Path, numbers: list[int]):
    from pypdf import PdfReader, PdfWriter
    r = PdfReader(str(src))
    w = PdfWriter()
    for n in numbers:
        w.add_page(r.pages[n - 1])
    return w


SCAN_MEETING = {"committee": "South Cambridgeshire Crime and Disorder Reduction Partnership",
                "meeting_date": "2009-01-19", "start_time": "10:00", "venue": None, "page": 2}


def scan_image():
    """A greyish page image of typed minutes, slightly skewed, as a scanner would produce."""
    from PIL import Image, ImageDraw, ImageFont
    im = Image.new("L", (1240, 1754), 250)  # A4 at 150 dpi
    d = ImageDraw.Draw(im)
    try:
        font = ImageFont.load_default(size=26)
        big = ImageFont.load_default(size=34)
    except TypeError:  # old Pillow without sized default font
        font = big = ImageFont.load_default()
    y = 150
    d.text((200, y), "SOUTH CAMBRIDGESHIRE CRIME AND DISORDER", font=big, fill=20)
    y += 50
    d.text((200, y), "REDUCTION PARTNERSHIP", font=big, fill=20)
    y += 90
    lines = [
        "Minutes of the meeting held on Monday, 19 January 2009 at 10.00 a.m.",
        "",
        "PRESENT: County Councillor John Reynolds - Chairman",
        "Vickie Crompton, Mick Harding, Rick Hylton and Darcy Weaver.",
        "",
        "1. APOLOGIES",
        "Apologies were received from Tom Jefford and Denise Lewis.",
        "",
        "2. MINUTES OF PREVIOUS MEETING",
        "The minutes of the meeting held on 20 October 2008 were agreed",
        "as a correct record.",
    ]
    for ln in lines:
        d.text((150, y), ln, font=font, fill=30)
        y += 42
    im = im.rotate(0.6, fillcolor=250)
    return im


def build(outdir: Path) -> None:
    from pypdf import PdfReader
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    golds: dict[str, dict] = {}

    src = SOURCE_PDF.read_bytes()
    (outdir / "truncated.pdf").write_bytes(src[: len(src) // 2])
    golds["truncated.pdf"] = {"expected_error": "UnreadableDocument"}

    (outdir / "empty.pdf").write_bytes(b"")
    golds["empty.pdf"] = {"expected_error": "UnreadableDocument"}

    with _fixed_randomness():
        w = _pages(SOURCE_PDF, [1, 2])
        w.add_metadata({"/Producer": "boardpack corpus"})
        w.encrypt(user_password="secret", owner_password="owner-secret", algorithm="AES-128")
        (outdir / "encrypted.pdf").write_bytes(_writer_bytes(w))
    golds["encrypted.pdf"] = {"expected_error": "EncryptedDocument"}

    # Text page + image-only page.
    img_pdf = io.BytesIO()
    scan_image().convert("L").save(img_pdf, format="PDF", resolution=150.0)
    w = _pages(SOURCE_PDF, [1])
    w.add_page(PdfReader(io.BytesIO(img_pdf.getvalue())).pages[0])
    (outdir / "scanned-page.pdf").write_bytes(_writer_bytes(w))
    golds["scanned-page.pdf"] = {"expected_error": None, "scanned_pages": [2], "views": "cover"}

    w = _pages(SOURCE_PDF, [1, 2])
    (outdir / "wrong-extension.doc").write_bytes(_writer_bytes(w))
    golds["wrong-extension.doc"] = {"expected_error": None, "real_format": "pdf", "views": "cover+agenda"}

    d = SOURCE_DOCX.read_bytes()
    (outdir / "broken.docx").write_bytes(d[: int(len(d) * 0.4)])
    golds["broken.docx"] = {"expected_error": "UnreadableDocument"}

    (outdir / "notes.txt").write_text(
        "Notes for the CDRP officer: remember to chase the Q2 stats from Paul Quigley.\n", encoding="utf-8")
    golds["notes.txt"] = {"expected_error": "UnsupportedFormat"}

    full = json.loads((ROOT / "pdf" / "cdrp-2017-02-23.pdf.gold.json").read_text(encoding="utf-8"))["views"]
    for name, g in golds.items():
        views: dict = {}
        if g.get("views") == "cover":
            # Page 2 is an image: only what OCR must find there is judged (the minuted meeting);
            # attendance and decisions of the scan are left unjudged until OCR quality is settled.
            views = {"v_meetings": [r for r in full["v_meetings"] if r.get("page") == 1] + [SCAN_MEETING]}
        elif g.get("views") == "cover+agenda":
            views = {"v_meetings": [r for r in full["v_meetings"] if r.get("page") == 1],
                     "v_agenda_items": [r for r in full["v_agenda_items"] if r.get("page") in (1, 2)]}
        doc = {"file": name, **{k: v for k, v in g.items() if k != "views"}, "views": views}
        (outdir / (name + ".gold.json")).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
