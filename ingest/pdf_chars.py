"""Characters as pdfplumber's dicts, built without its generic attribute walk.

The one place the reader relies on something pdfplumber does not document.
Written against pdfplumber 0.11.10 (pdfminer.six 20260107), where
``Page.parse_objects`` turns every pdfminer layout object into a dict through
the method ``Page.process_object``: it filters the object's attributes and
resolves each one recursively. Characters are most of a page's objects and
their attributes are plain numbers and tuples already, so the same dict (same
keys, same values) is built directly here. On real packs that takes about a
sixth off a whole ingest's CPU time (measured: 18.5 s -> 15.8 s for 116 pages),
which keeps `boardpack ingest` within the README's 1.25x of a bare pdfplumber
pass. No public option of pdfplumber changes how page objects are built, and
leaving the hook out gives the same document model, only slower.

So a pdfplumber that moved or changed the hook still reads correctly:
:func:`use_fast_chars` does nothing if ``Page.process_object`` is gone, and
the first character each process reads is also built by pdfplumber and
compared; if the two differ, pdfplumber's own path is used from then on.
tests/test_pdf_chars.py fails when the hook is gone, no longer called, or
builds a different dict.
"""

from __future__ import annotations

import logging
import types
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar
from pdfplumber.page import Page as _PlumberPage
from pdfplumber.utils.pdfinternals import resolve_and_decode

log = logging.getLogger(__name__)

#: pdfplumber's own method (None if a release dropped it: then no fast path)
PLUMBER_PROCESS = getattr(_PlumberPage, "process_object", None)
#: "unchecked" until the first character is compared, then "same" or "differs"
_verdict = {"state": "unchecked"}


def use_fast_chars(page) -> None:
    """Let this pdfplumber page build its character dicts through :func:`char_dict`."""
    if PLUMBER_PROCESS is not None and _verdict["state"] != "differs":
        page.process_object = types.MethodType(_process_object, page)


def _process_object(page, obj):
    if type(obj) is not LTChar or _verdict["state"] == "differs" or isinstance(obj.fontname, bytes):
        return PLUMBER_PROCESS(page, obj)  # byte-encoded font names: rare, pdfplumber repairs them
    out = char_dict(page, obj)
    if _verdict["state"] == "unchecked":
        same = out == PLUMBER_PROCESS(page, obj)
        _verdict["state"] = "same" if same else "differs"
        if not same:
            log.warning("pdfplumber builds character dicts differently from this reader's fast path; using pdfplumber's own")
            return PLUMBER_PROCESS(page, obj)
    return out


def char_dict(page, obj: LTChar) -> dict:
    """The dict pdfplumber 0.11.10 builds for one character (pdfminer's public attributes only)."""
    gs = obj.graphicstate
    sc, nc = gs.scolor, gs.ncolor
    text = obj.get_text()
    if page.pdf.unicode_norm is not None:
        text = normalize_unicode(page.pdf.unicode_norm, text)
    # pdfminer's coordinates are relative to the MediaBox; pdfplumber's are not
    mb_x0, mb_top = page.mediabox[:2]
    top = (page.height - obj.y1) + mb_top
    bottom = (page.height - obj.y0) + mb_top
    x0, x1 = obj.x0, obj.x1
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    cs = obj.ncs.name
    return {
        "matrix": obj.matrix, "fontname": obj.fontname, "adv": obj.adv, "upright": obj.upright,
        "x0": x0, "y0": obj.y0, "x1": x1, "y1": obj.y1,
        "width": obj.width, "height": obj.height,
        "size": obj.size, "mcid": obj.mcid, "tag": obj.tag, "object_type": "char",
        "page_number": page.page_number, "ncs": cs if isinstance(cs, str) else resolve_and_decode(cs),
        "text": text,
        "stroking_color": sc if isinstance(sc, tuple) else (sc,),
        "non_stroking_color": nc if isinstance(nc, tuple) else (nc,),
        "top": top, "bottom": bottom, "doctop": page.initial_doctop + top,
    }
