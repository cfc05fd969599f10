"""Word style and numbering resolution for the DOCX reader.

python-docx exposes a style's own properties but does not walk the
``basedOn`` chain or compute list labels, and council templates lean on both:
headings are often "Normal + bold 14pt" styles, list levels come from the
style rather than the paragraph, and agenda numbers ("4.", "5 (a)") exist only
as Word auto-numbering, never as text. This module answers, for a paragraph or
run, the *effective* bold, size, numbering and page-break-before, and renders
numbered-list labels the way Word would display them. It also resolves theme
colours (``w:themeFill="accent3" w:themeFillTint="99"``) through the
document's theme part (:class:`Theme`), since officers pick shading from the
theme palette and Word need not write the hex beside it.
"""

from __future__ import annotations

import colorsys
import re
from typing import Optional

from functools import lru_cache

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn as _qn
from docx.styles import BabelFish
from lxml import etree

# Clark-notation names are looked up hundreds of thousands of times per pack.
qn = lru_cache(maxsize=None)(_qn)

W_VAL = qn("w:val")
TRUE_VALUES = {None, "1", "true", "on"}


def on_off(el) -> Optional[bool]:
    """Value of a Word on/off element (``<w:b/>``, ``<w:b w:val="0"/>``), None if absent."""
    if el is None:
        return None
    return el.get(W_VAL) in TRUE_VALUES


def int_attr(el, name: str = "w:val") -> Optional[int]:
    if el is None:
        return None
    v = el.get(qn(name))
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None


# -- theme colours ---------------------------------------------------------

_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
#: a ``w:themeFill``/``w:themeColor`` name -> the theme's colour-scheme slot
#: (Word's default mapping: background/text are the light/dark slots)
THEME_SLOTS = {
    "dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2",
    "text1": "dk1", "background1": "lt1", "text2": "dk2", "background2": "lt2",
    "accent1": "accent1", "accent2": "accent2", "accent3": "accent3", "accent4": "accent4",
    "accent5": "accent5", "accent6": "accent6", "hyperlink": "hlink", "followedHyperlink": "folHlink",
}


class Theme:
    """The colour scheme of a document's theme part (``word/theme/theme1.xml``)."""

    def __init__(self, theme_el=None):
        self.colours: dict[str, str] = {}
        if theme_el is None:
            return
        scheme = theme_el.find(f".//{{{_A_NS}}}clrScheme")
        if scheme is None:
            return
        for slot in scheme:
            name = slot.tag.rsplit("}", 1)[-1]
            for c in slot:
                # sysClr (window, windowText) carries the colour it last had as lastClr
                val = c.get("lastClr") if c.tag.endswith("sysClr") else c.get("val")
                if val and re.fullmatch(r"[0-9A-Fa-f]{6}", val):
                    self.colours[name] = val.upper()
                    break

    @classmethod
    def from_xml(cls, data: Optional[bytes]) -> "Theme":
        if not data:
            return cls()
        try:
            return cls(etree.fromstring(data))
        except etree.XMLSyntaxError:
            return cls()  # a damaged theme only loses theme colours

    def colour(self, name: Optional[str], tint: Optional[str] = None, shade: Optional[str] = None) -> Optional[str]:
        """"#rrggbb" of a theme colour name with Word's tint/shade (hex bytes
        "00".."FF"), or None when the theme does not define it."""
        base = self.colours.get(THEME_SLOTS.get(name or "", name or ""))
        if base is None:
            return None
        return "#" + tinted(base, _byte(tint), _byte(shade)).lower()


def document_theme(part) -> Theme:
    """The theme of a python-docx document part (empty when it has none)."""
    try:
        return Theme.from_xml(part.part_related_by(RT.THEME).blob)
    except (KeyError, AttributeError):
        return Theme()


def _byte(v: Optional[str]) -> Optional[int]:
    try:
        return int(v, 16) if v else None
    except ValueError:
        return None


def tinted(hex6: str, tint: Optional[int] = None, shade: Optional[int] = None) -> str:
    """Word's theme tint (lighten towards white) and shade (darken), applied to
    the luminance in HSL; within one step of what Word writes beside them."""
    r, g, b = (int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    if tint is not None:
        lum = lum * tint / 255 + (1 - tint / 255)
    if shade is not None:
        lum = lum * shade / 255
    return "".join(f"{round(x * 255):02X}" for x in colorsys.hls_to_rgb(h, lum, s))


class StyleSheet:
    """Effective properties of paragraph and character styles (basedOn resolved)."""

    def __init__(self, styles_el, numbering_el=None, theme: Optional[Theme] = None):
        #: the document's theme colours (empty when it has no theme part)
        self.theme = theme or Theme()
        self._styles: dict[str, object] = {}
        self.names: dict[str, str] = {}
        self.default_para: Optional[str] = None
        self.default_char: Optional[str] = None
        self.default_table: Optional[str] = None
        self.doc_bold = False
        self.doc_size: Optional[float] = None
        if styles_el is not None:
            for s in styles_el.iterchildren(qn("w:style")):
                sid = s.get(qn("w:styleId"))
                if not sid:
                    continue
                self._styles[sid] = s
                name = s.find(qn("w:name"))
                raw = name.get(W_VAL) if name is not None else sid
                # Word stores built-in names in lower case ("heading 1"); report the UI name.
                self.names[sid] = BabelFish.internal2ui(raw)
                if s.get(qn("w:default")) in ("1", "true", "on"):
                    kind = s.get(qn("w:type"))
                    if kind == "paragraph":
                        self.default_para = sid
                    elif kind == "character":
                        self.default_char = sid
                    elif kind == "table":
                        self.default_table = sid
            rpr = styles_el.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
            if rpr is not None:
                self.doc_bold = bool(on_off(rpr.find(qn("w:b"))))
                sz = int_attr(rpr.find(qn("w:sz")))
                self.doc_size = sz / 2 if sz else None
        if self.default_para is None and "Normal" in self._styles:
            # LibreOffice's DOCX export marks no default style; Word falls back to Normal.
            self.default_para = "Normal"
        self._cache: dict[tuple, object] = {}
        self.numbering = Numbering(numbering_el)

    # -- style chain ------------------------------------------------------
    def chain(self, sid: Optional[str]) -> list:
        """The style element and its basedOn ancestors, nearest first."""
        out, seen = [], set()
        while sid and sid in self._styles and sid not in seen:
            seen.add(sid)
            s = self._styles[sid]
            out.append(s)
            b = s.find(qn("w:basedOn"))
            sid = b.get(W_VAL) if b is not None else None
        return out

    def name(self, sid: Optional[str]) -> Optional[str]:
        return self.names.get(sid) if sid else None

    def _lookup(self, sid, path: str):
        """First element at ``path`` (e.g. "w:rPr/w:b") along the style chain."""
        key = (sid, path)
        if key not in self._cache:
            found = None
            xp = "/".join(qn(p) for p in path.split("/"))
            for s in self.chain(sid):
                el = s.find(xp)
                if el is not None:
                    found = el
                    break
            self._cache[key] = found
        return self._cache[key]

    def para_style_id(self, p) -> Optional[str]:
        ps = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        return ps.get(W_VAL) if ps is not None else self.default_para

    def style_bold(self, sid) -> Optional[bool]:
        return on_off(self._lookup(sid, "w:rPr/w:b"))

    def style_size(self, sid) -> Optional[float]:
        sz = int_attr(self._lookup(sid, "w:rPr/w:sz"))
        return sz / 2 if sz else None

    def body_size(self) -> float:
        return self.style_size(self.default_para) or self.doc_size or 10.0

    def run_bold(self, r, para_sid) -> bool:
        rpr = r.find(qn("w:rPr"))
        if rpr is not None:
            b = on_off(rpr.find(qn("w:b")))
            if b is not None:
                return b
            rs = rpr.find(qn("w:rStyle"))
            if rs is not None:
                b = self.style_bold(rs.get(W_VAL))
                if b is not None:
                    return b
        b = self.style_bold(para_sid)
        if b is not None:
            return b
        return self.doc_bold

    def run_size(self, r, para_sid) -> float:
        rpr = r.find(qn("w:rPr"))
        if rpr is not None:
            sz = int_attr(rpr.find(qn("w:sz")))
            if sz:
                return sz / 2
            rs = rpr.find(qn("w:rStyle"))
            if rs is not None:
                s = self.style_size(rs.get(W_VAL))
                if s:
                    return s
        return self.style_size(para_sid) or self.doc_size or 10.0

    def page_break_before(self, p, sid) -> bool:
        el = p.find(qn("w:pPr") + "/" + qn("w:pageBreakBefore"))
        if el is None:
            el = self._lookup(sid, "w:pPr/w:pageBreakBefore")
        return bool(on_off(el))

    def outline_level(self, p, sid) -> Optional[int]:
        el = p.find(qn("w:pPr") + "/" + qn("w:outlineLvl"))
        if el is None:
            el = self._lookup(sid, "w:pPr/w:outlineLvl")
        v = int_attr(el)
        return v if v is not None and v < 9 else None

    def num_pr(self, p, sid) -> tuple[Optional[int], Optional[int], bool]:
        """(numId, ilvl, ilvl_explicit) for a paragraph, from its pPr or its style."""
        npr = p.find(qn("w:pPr") + "/" + qn("w:numPr"))
        num_id = ilvl = None
        explicit = False
        if npr is not None:
            num_id = int_attr(npr.find(qn("w:numId")))
            ilvl = int_attr(npr.find(qn("w:ilvl")))
            explicit = ilvl is not None
        if num_id is None:
            num_id = int_attr(self._lookup(sid, "w:pPr/w:numPr/w:numId"))
        if ilvl is None:
            ilvl = int_attr(self._lookup(sid, "w:pPr/w:numPr/w:ilvl"))
        if ilvl is None and num_id:
            # A style linked to a level of a list (<w:pStyle> inside <w:lvl>).
            ilvl = self.numbering.level_for_style(num_id, sid)
        return num_id, ilvl, explicit

    def left_indent(self, p, sid) -> Optional[int]:
        el = p.find(qn("w:pPr") + "/" + qn("w:ind"))
        if el is None:
            el = self._lookup(sid, "w:pPr/w:ind")
        if el is None:
            return None
        return int_attr(el, "w:left") if el.get(qn("w:left")) is not None else int_attr(el, "w:start")


# -- numbering -----------------------------------------------------------

def _roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # Word's lowerLetter: a..z, then aa..zz, aaa..
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero") or not fmt:
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


class Numbering:
    """Renders Word auto-numbering labels ("1.", "4 (a)", "1.3") in document order."""

    def __init__(self, numbering_el):
        self.abstract: dict[int, dict[int, dict]] = {}
        self.num_to_abs: dict[int, int] = {}
        self.overrides: dict[int, dict[int, int]] = {}
        self.counters: dict[int, dict[int, int]] = {}
        if numbering_el is None:
            return
        for a in numbering_el.iterchildren(qn("w:abstractNum")):
            aid = int_attr(a, "w:abstractNumId")
            levels = {}
            for lvl in a.iterchildren(qn("w:lvl")):
                il = int_attr(lvl, "w:ilvl") or 0
                fmt = lvl.find(qn("w:numFmt"))
                txt = lvl.find(qn("w:lvlText"))
                ps = lvl.find(qn("w:pStyle"))
                levels[il] = {
                    "start": int_attr(lvl.find(qn("w:start"))) or 1,
                    "fmt": fmt.get(W_VAL) if fmt is not None else "decimal",
                    "text": txt.get(W_VAL) if txt is not None else "",
                    "style": ps.get(W_VAL) if ps is not None else None,
                }
            self.abstract[aid] = levels
        for n in numbering_el.iterchildren(qn("w:num")):
            nid = int_attr(n, "w:numId")
            ab = int_attr(n.find(qn("w:abstractNumId")))
            if nid is None or ab is None:
                continue
            self.num_to_abs[nid] = ab
            for ov in n.iterchildren(qn("w:lvlOverride")):
                so = int_attr(ov.find(qn("w:startOverride")))
                if so is not None:
                    self.overrides.setdefault(nid, {})[int_attr(ov, "w:ilvl") or 0] = so

    def levels(self, num_id: int) -> dict[int, dict]:
        return self.abstract.get(self.num_to_abs.get(num_id, -1), {})

    def level_for_style(self, num_id: int, sid: Optional[str]) -> Optional[int]:
        for il, spec in self.levels(num_id).items():
            if sid and spec["style"] == sid:
                return il
        return None

    def is_bullet(self, num_id: int, ilvl: int) -> bool:
        spec = self.levels(num_id).get(ilvl)
        return spec is None or spec["fmt"] in ("bullet", "none")

    def next_label(self, num_id: int, ilvl: int) -> str:
        """Advance the counter for (numId's list, ilvl) and return the displayed label.

        Counters are kept per abstract list, as Word does when several w:num
        share one abstractNum without restarts.
        """
        levels = self.levels(num_id)
        spec = levels.get(ilvl)
        if spec is None:
            return ""
        ab = self.num_to_abs.get(num_id, -1)
        key = ab if num_id not in self.overrides else -num_id - 1000
        ctr = self.counters.setdefault(key, {})
        start = self.overrides.get(num_id, {}).get(ilvl, spec["start"])
        ctr[ilvl] = ctr.get(ilvl, start - 1) + 1
        for deeper in [k for k in ctr if k > ilvl]:
            del ctr[deeper]
        if spec["fmt"] in ("bullet", "none"):
            return ""

        def repl(m):
            lv = int(m.group(1)) - 1
            lspec = levels.get(lv, {"start": 1, "fmt": "decimal"})
            n = ctr.get(lv, lspec["start"])
            return format_number(n, lspec["fmt"])

        return re.sub(r"%(\d)", repl, spec["text"])
