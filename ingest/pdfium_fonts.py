"""Font names and descents for pdfium's glyphs, as pdfminer reads them.

pdfium names a glyph's font by its BaseFont and measures descents from the
font program; pdfminer (and so every box the reader compared and tuned on)
uses the descriptor's /FontName and /Descent. To build the same character
boxes, :class:`~boardpack.ingest.pdfium_page.PdfiumPage` asks this table,
which reads the page's font resources through the pdfminer document
pdfplumber has open anyway, once per document where pages share fonts.
"""

from __future__ import annotations

import ctypes
import re
from typing import Optional

import pypdfium2.raw as R
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral


class FontTable:
    """A text object's (font name, descriptor descent per unit, font size),
    names and descents as pdfminer reads them from the page's resources.
    ``known`` is the document's table (pages share their fonts): a page's
    resources are read only when it uses a font no page before it did."""

    def __init__(self, plumber_page, known: dict[str, tuple[str, float]]):
        self._known = known
        self._walked = False
        self._plumber_page = plumber_page
        self._cache: dict[int, tuple[str, float]] = {}
        self._buf = ctypes.create_string_buffer(512)

    def info(self, obj) -> tuple[str, float, float]:
        size = ctypes.c_float()
        tf = float(size.value) if R.FPDFTextObj_GetFontSize(obj, size) else 0.0
        font = R.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self._cache:
            n = R.FPDFFont_GetBaseFontName(font, self._buf, len(self._buf))
            base = self._buf.raw[: max(n - 1, 0)].decode("utf-8", "replace")
            named = self._named(_plain(base))
            if named is None:
                d = ctypes.c_float()
                descent = d.value if R.FPDFFont_GetDescent(font, ctypes.c_float(1.0), d) else 0.0
                named = (base or "unknown", min(descent, 0.0))
            self._cache[key] = named
        name, descent = self._cache[key]
        return name, descent, tf

    def _named(self, base: str) -> Optional[tuple[str, float]]:
        if base not in self._known and not self._walked:
            self._walked = True
            try:
                _walk_fonts(resolve1(self._plumber_page.page_obj.resources), self._known, 0)
            except Exception:  # noqa: BLE001 - odd resources: pdfium's own metrics are used
                pass
        return self._known.get(base)


def _name(v) -> str:
    v = resolve1(v)
    if isinstance(v, PSLiteral):
        v = v.name
    if isinstance(v, bytes):
        v = v.decode("latin-1")
    return v if isinstance(v, str) else ""


def _walk_fonts(res, out: dict, depth: int) -> None:
    """BaseFont (subset tag dropped) -> (pdfminer's font name, descent per unit of font size) for
    the fonts of ``res`` and of the forms it holds."""
    if not isinstance(res, dict) or depth > 4:
        return
    fonts = resolve1(res.get("Font"))
    for spec in (fonts.values() if isinstance(fonts, dict) else ()):
        spec = resolve1(spec)
        if not isinstance(spec, dict):
            continue
        base = _name(spec.get("BaseFont"))
        desc = resolve1(spec.get("FontDescriptor"))
        if desc is None and isinstance(resolve1(spec.get("DescendantFonts")), list):
            kids = resolve1(spec.get("DescendantFonts"))
            kid = resolve1(kids[0]) if kids else None
            desc = resolve1(kid.get("FontDescriptor")) if isinstance(kid, dict) else None
        if isinstance(desc, dict):
            name = _name(desc.get("FontName")) or "unknown"
            descent = resolve1(desc.get("Descent", 0))
            descent = float(descent) if isinstance(descent, (int, float)) else 0.0
        else:
            name, descent = _standard_metrics(base)
        out.setdefault(_plain(base), (name, -abs(descent) * 0.001))
    xobjects = resolve1(res.get("XObject"))
    for xo in (xobjects.values() if isinstance(xobjects, dict) else ()):
        xo = resolve1(xo)
        attrs = getattr(xo, "attrs", None)
        if isinstance(attrs, dict) and _name(attrs.get("Subtype")) == "Form":
            _walk_fonts(resolve1(attrs.get("Resources")), out, depth + 1)


def _plain(base: str) -> str:
    """A font name without its subset tag (pdfium gives it without)."""
    return re.sub(r"^[A-Z]{6}\+", "", base)


def _standard_metrics(base: str) -> tuple[str, float]:
    """A font without a descriptor (one of the standard 14): pdfminer's AFM metrics."""
    from pdfminer.fontmetrics import FONT_METRICS

    plain = _plain(base)
    if plain in FONT_METRICS:
        desc = FONT_METRICS[plain][0]
        return str(desc.get("FontName", plain)), float(desc.get("Descent", 0))
    return base or "unknown", 0.0
