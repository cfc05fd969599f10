"""What a PDF page's objects say about its text layer, before any word is read.

The reader must decide, per page, whether the text layer can be trusted
(a scan has none; a bad ToUnicode map has one that lies) and how to cut
words (producers that draw no spaces). Those decisions only count glyphs,
images and painted areas, so they live here apart from the reading itself,
and tests can call them with plain numbers.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from operator import itemgetter

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

from boardpack.core.settings import Settings

WORD_ATTRS = ["size", "fontname"]


class Census:
    """Counts over one page's objects: glyphs (visible, spaces, unreadable,
    letters/digits, leaders), images, outline curves, and the area painted
    with a pattern.

    Some producers (macOS Quartz printing a scan, for one) paint the page
    image as a *pattern* fill of a page-sized rectangle instead of drawing
    an image XObject; pdfminer then sees one rectangle and no image, so the
    painted area is what tells such a page from a blank one.
    """

    __slots__ = ("visible", "spaces", "unreadable", "alnum", "leaders", "images", "curves", "pattern_area")

    def __init__(self) -> None:
        self.visible = self.spaces = self.unreadable = self.alnum = self.leaders = 0
        self.images = self.curves = 0
        self.pattern_area = 0.0


#: Characters of dot leaders and rules drawn in type (contents pages).
_LEADERS = frozenset("._-\u2026\u00b7=")


def unreadable_glyph(text: str) -> bool:
    """A glyph whose text says nothing: pdfminer's ``(cid:NN)`` for a glyph
    with no Unicode mapping, a private-use or unassigned code point, a
    control character, or the replacement character."""
    if text.startswith("(cid:"):
        return True
    if len(text) != 1:
        return False
    if text == "\ufffd":
        return True
    return unicodedata.category(text) in ("Co", "Cn", "Cs") or (
        unicodedata.category(text) == "Cc" and not text.isspace())


def glyph_census(container) -> Census:
    """The census of a page read by pdfminer, from its layout objects."""
    c = Census()
    stack = list(container)
    while stack:
        obj = stack.pop()
        t = type(obj)
        if t is LTChar:
            text = obj._text
            if text.isspace():
                c.spaces += 1
                continue
            c.visible += 1
            if unreadable_glyph(text):
                c.unreadable += 1
            elif text.isalnum():
                c.alnum += 1
            elif text in _LEADERS:
                c.leaders += 1
        elif t is LTImage:
            c.images += 1
        elif t is LTCurve or t is LTLine or t is LTRect:
            c.curves += t is LTCurve
            # a pattern colour is a resource name ("P1"), not a tuple of components
            if getattr(obj, "fill", False) and isinstance(getattr(obj, "non_stroking_color", None), str):
                c.pattern_area += max(0.0, obj.width) * max(0.0, obj.height)
        elif isinstance(obj, LTContainer):
            stack.extend(obj)
    return c


def char_census(chars: list[dict]) -> Census:
    """The census of a page read by pdfium (:mod:`.pdfium_page`), from its
    character dicts; it reaches the reader only with more text than a scan
    has, so images, outlines and pattern fills are not counted."""
    c = Census()
    # A page has thousands of glyphs but a few dozen distinct ones: each is
    # classed once, with its count (the per-glyph loop was a read's hot spot).
    for text, n in Counter(map(itemgetter("text"), chars)).items():
        if text.isspace():
            c.spaces += n
            continue
        c.visible += n
        if text.isalnum():
            c.alnum += n
        elif unreadable_glyph(text):
            c.unreadable += n
        elif text in _LEADERS:
            c.leaders += n
    return c


#: A text layer is unreadable when at least this share of its glyphs are
#: unmapped (``(cid:NN)``, private use), or when, leaders aside, fewer than
#: ``_MIN_ALNUM_SHARE`` of them are letters or digits (a bad ToUnicode map
#: turning words into punctuation), given at least ``_MIN_GLYPHS`` glyphs.
_UNREADABLE_SHARE = 0.3
_MIN_ALNUM_SHARE = 0.3
_MIN_GLYPHS = 40


def text_layer_unreadable(visible: int, unreadable: int, alnum: int, leaders: int = 0) -> bool:
    """Whether a page's text layer lies about what the page shows, so the page
    must be read from its image like a scan."""
    if visible < _MIN_GLYPHS:
        return False
    if unreadable >= _UNREADABLE_SHARE * visible:
        return True
    rest = visible - leaders
    return rest >= _MIN_GLYPHS and alnum < _MIN_ALNUM_SHARE * rest


def looks_scanned(n_text: int, n_images: int, n_curves: int, pattern_area: float, page_area: float,
                  settings: Settings) -> bool:
    """A page whose text layer is (nearly) empty but that paints something a
    reader would see: an image, glyphs drawn as outlines, or a picture filled
    in through a pattern over a good part of the page."""
    if n_text > settings.scanned_max_chars:
        return False
    painted = page_area > 0 and pattern_area >= settings.scanned_min_pattern_share * page_area
    return n_images > 0 or n_curves > settings.scanned_min_curves or painted


#: A page with fewer space characters than this share of its visible ones
#: sets words apart by the gaps between glyphs alone (spreadsheet exports do).
_FEW_SPACES = 0.05
#: ... and then a gap wider than this share of the font size starts a word
#: (a space is about a quarter of an em; letters of a word sit closer).
_GAP_RATIO = 0.18


def word_options(n_text: int, n_spaces: int) -> dict:
    """``extract_words`` options for a page.

    pdfplumber starts a new word at a gap of 3pt; a producer that draws no
    space characters leaves gaps of about a quarter em between words, under
    3pt in small type ("CDC - Dog Bins" would read "CDC-DogBins"). On such a
    page the gap is judged against the font size instead.
    """
    opts: dict = {"extra_attrs": WORD_ATTRS}
    if n_text >= 20 and n_spaces < _FEW_SPACES * n_text:
        opts["x_tolerance_ratio"] = _GAP_RATIO
    return opts
