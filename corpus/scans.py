"""Scanned copies of rendered packs: what a pack looks like after a trip through an office scanner.

:func:`scan_pdf` rasterises every page of a PDF (pypdfium2) in greyscale,
turns each page by a small angle (a sheet fed a little askew), softens it, adds
noise and a few specks, and writes an image-only PDF (one JPEG per page, no
text layer), as a multifunction printer's "scan to PDF" does. Everything
random comes from one seeded generator, so the same PDF and seed give the
same bytes.
"""

from __future__ import annotations

import calendar
import time
from pathlib import Path

#: Defaults: 200 dpi greyscale, up to 0.7 degree of skew, a slightly soft image, noise of 12 grey
#: levels on the ink, a light grey paper, 40 specks per page, JPEG quality 50.
DPI = 200
MAX_SKEW_DEGREES = 0.7
BLUR_RADIUS = 0.6
NOISE_SIGMA = 12.0
INK_BELOW = 235
PAPER_GREY = 243.0
SPECKS_PER_PAGE = 40
JPEG_QUALITY = 50


def scan_page(img, rng, max_skew: float = MAX_SKEW_DEGREES, noise: float = NOISE_SIGMA,
              specks: int = SPECKS_PER_PAGE):
    """One greyscale page image, skewed, softened, noisy and specked (a PIL image in, a PIL image out).

    Noise goes on the ink only and the paper becomes one flat light grey, as a
    scanner's background removal leaves it: noise on blank paper would make
    every page JPEG several times larger without making the text any harder
    to read.
    """
    import numpy as np
    from PIL import Image, ImageFilter

    angle = float(rng.uniform(-max_skew, max_skew))
    # never exactly straight: a real feeder always turns the sheet a little
    if abs(angle) < 0.15:
        angle = 0.15 if angle >= 0 else -0.15
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(BLUR_RADIUS))
    arr = np.asarray(img, dtype=np.float32)
    arr = np.where(arr < INK_BELOW, arr + rng.normal(0.0, noise, size=arr.shape), PAPER_GREY)
    h, w = arr.shape
    ys = rng.integers(0, h - 3, size=specks)
    xs = rng.integers(0, w - 3, size=specks)
    for y, x in zip(ys, xs):
        arr[y:y + 2, x:x + 2] = rng.uniform(40, 120)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def scan_pdf(src: Path, dst: Path, dpi: int = DPI, seed: int = 9, quality: int = JPEG_QUALITY) -> int:
    """Write an image-only scan of ``src`` to ``dst``; return the number of pages."""
    import numpy as np
    import pypdfium2 as pdfium

    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(src))
    try:
        pages = []
        for i in range(len(pdf)):
            bitmap = pdf[i].render(scale=dpi / 72.0, grayscale=True)
            pages.append(scan_page(bitmap.to_pil().convert("L"), rng))
    finally:
        pdf.close()
    dst = Path(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    # Pillow stamps the time of writing unless given dates: fixed ones keep the bytes reproducible
    when = time.gmtime(calendar.timegm((2009, 10, 16, 9, 0, 0)))
    pages[0].save(dst, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi), quality=quality,
                  title=dst.stem, creationDate=when, modDate=when)
    return len(pages)
