"""What a scanned page's image shows besides its words: its tilt, its ruling
lines and its coloured cell fills.

A text page's PDF says where its lines and shaded rectangles are; a scan only
shows them. Read here from the page image (a numpy array), once per page, so
the same table reconstruction as for text pages can run on OCR words:

* the tilt: a sheet is seldom fed quite straight (half a degree moves a line
  end by a third of a line over a landscape page), found as the rotation
  whose rows of ink are sharpest (a projection profile);
* ruling lines: long thin runs of pixels darker than either side (or, between
  two shaded cells, lighter), horizontal and vertical, in the straightened
  image, joined across small breaks (toner gaps, noise); a fill's edges
  count as lines too, as a PDF's rectangle edges do for pdfplumber;
* fills: large even areas of one clear colour (RAG cells), with the text
  pixels inside them left out; grey shading is no status and is not kept.

Everything is returned in PDF points in the straightened frame; OCR word boxes
are moved into that frame with :meth:`PageImage.straighten`. The result is a
small JSON-able object, cached beside the OCR words (:mod:`.ocr`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

#: bump when what :func:`analyse` returns changes, so cached results are not misread
VERSION = 5

# Luminance under which a pixel is ink (text, rules); scans are rarely pure black.
_INK = 150
# Luminance under which paper is shaded (a filled cell, not white paper).
_SHADED = 225
# Chroma (max - min channel) over which a pixel is coloured, not grey or noise.
_CHROMA = 45


@dataclass
class PageImage:
    """The image facts of one scanned page, in PDF points (straightened frame)."""

    width: float  # page size in points
    height: float
    tilt: float = 0.0  # degrees the page was turned by (counter-clockwise); undone in the frame
    #: (orientation "h"/"v", x0, top, x1, bottom)
    rules: list[tuple] = field(default_factory=list)
    #: (x0, top, x1, bottom, "#rrggbb")
    fills: list[tuple] = field(default_factory=list)

    def straighten(self, x: float, y: float) -> tuple[float, float]:
        """A point of the scanned page (points) in the straightened frame."""
        if not self.tilt:
            return x, y
        a = math.radians(-self.tilt)
        cx, cy = self.width / 2, self.height / 2
        dx, dy = x - cx, y - cy
        # y runs down the page: a counter-clockwise turn by a
        return cx + dx * math.cos(a) + dy * math.sin(a), cy - dx * math.sin(a) + dy * math.cos(a)

    def to_json(self) -> dict:
        return {"version": VERSION, "width": self.width, "height": self.height, "tilt": self.tilt,
                "rules": [list(r) for r in self.rules], "fills": [list(f) for f in self.fills]}

    @classmethod
    def from_json(cls, d: dict) -> "PageImage":
        if d.get("version") != VERSION:
            raise ValueError("page image analysis of another version")
        return cls(d["width"], d["height"], d["tilt"], [tuple(r) for r in d["rules"]],
                   [tuple(f) for f in d["fills"]])


#: rows of the page :func:`thin_lines` works on at a time
_BAND = 256


def luminance(rgb: np.ndarray) -> np.ndarray:
    """Grey level (float32) of an 8-bit image, channel by channel: a float copy
    of the whole RGB page would be 100 MB at 300 dpi (issue 10: a worker's peak)."""
    if rgb.ndim == 2:
        return rgb.astype(np.float32)
    lum = rgb[..., 0] * np.float32(0.299)
    lum += rgb[..., 1] * np.float32(0.587)
    lum += rgb[..., 2] * np.float32(0.114)
    return lum


def chroma(rgb: np.ndarray) -> np.ndarray:
    """Spread between a pixel's strongest and weakest channel (uint8: it
    cannot be negative, so no wider copy of the page is needed)."""
    return rgb.max(axis=2) - rgb.min(axis=2)


def ink_mask(lum: np.ndarray, spread: np.ndarray) -> np.ndarray:
    """Dark pixels that are not of a clear colour: text and rules, not a
    saturated green or red fill (which are as dark as grey ink). ``spread`` is
    :func:`chroma` of the image."""
    return (lum < _INK) & (spread <= _CHROMA)


def thin_lines(lum: np.ndarray, contrast: float = 35.0) -> np.ndarray:
    """Pixels of thin horizontal lines: darker than the pixels a few rows above
    and below them, whatever the background (a rule between two green cells is
    as much a rule as one on white paper); or lighter than both where both are
    shaded (the white gap a form leaves between two shaded cells)."""
    h = lum.shape[0]
    out = np.zeros(lum.shape, dtype=bool)
    # A band of rows at a time, with the four rows above and below it (paper,
    # i.e. white, beyond the page's edges): the shifted rows are views of that
    # band and every difference goes into one scratch array, so the scratch is
    # a band's worth of float32, not a dozen copies of the page (issue 10: a
    # worker's peak memory while it reads a scan).
    for a in range(0, h, _BAND):
        b = min(h, a + _BAND)
        lo, hi = max(0, a - 4), min(h, b + 4)
        pad = np.full((b - a + 8, *lum.shape[1:]), 255.0, dtype=np.float32)
        pad[4 - (a - lo):4 + (hi - a)] = lum[lo:hi]
        _thin_band(pad, lum[a:b], out[a:b], contrast)
    return out


def _thin_band(pad: np.ndarray, lum: np.ndarray, out: np.ndarray, contrast: float) -> None:
    """:func:`thin_lines` for rows ``lum`` (``pad`` is them with four rows either side)."""
    n = lum.shape[0]
    tmp = np.empty(lum.shape, dtype=np.float32)
    for k in (2, 3, 4):
        up, down = pad[4 - k:4 - k + n], pad[4 + k:4 + k + n]
        np.minimum(up, down, out=tmp)
        tmp -= lum
        out |= tmp > contrast
        np.maximum(up, down, out=tmp)
        shaded = tmp < _SHADED
        np.subtract(lum, tmp, out=tmp)
        out |= (tmp > contrast) & shaded


def estimate_tilt(lum: np.ndarray, limit: float = 3.0) -> float:
    """Degrees the page content is turned counter-clockwise (0 when the rows of
    ink are sharpest as they are): lines of text and ruling lines give the
    sharpest row profile when level. A coarse search on a quarter-size image,
    then a fine one on a half-size image."""
    ink = Image.fromarray((lum < _INK).astype(np.uint8) * 255)

    def sharpness(small: Image.Image, angle: float) -> float:
        a = np.asarray(small.rotate(angle, resample=Image.BILINEAR, fillcolor=0), dtype=np.float32)
        return float(np.square(np.diff(a.sum(axis=1))).sum())

    quarter, half = ink.reduce(4), ink.reduce(2)
    best = max(np.arange(-limit, limit + 1e-9, 0.25), key=lambda a: sharpness(quarter, a))
    best = max(np.arange(best - 0.3, best + 0.3 + 1e-9, 0.05), key=lambda a: sharpness(half, a))
    # the angle that straightens the page undoes its tilt
    return -round(float(best), 2)


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least ``min_len`` long, per row."""
    out = []
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    rows, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)
    keep = (ends - starts) >= min_len
    for r, s, e in zip(rows[keep], starts[keep], ends[keep]):
        out.append((int(r), int(s), int(e)))
    return out


def _bridge(mask: np.ndarray, gap: int) -> np.ndarray:
    """Close breaks up to ``gap`` pixels along each row (a rule broken by noise)."""
    before = np.zeros_like(mask)  # ink within ``gap`` pixels to the left
    after = np.zeros_like(mask)  # ... and to the right
    for k in range(1, gap + 1):
        before[:, k:] |= mask[:, :-k]
        after[:, :-k] |= mask[:, k:]
    return mask | (before & after)


def _line_groups(runs: list[tuple[int, int, int]], near: int, gap: int) -> list[list[int]]:
    """Runs on neighbouring rows that overlap along the row are one line:
    [first row, last row, start, end]."""
    groups: list[list[int]] = []
    open_: list[list[int]] = []
    for r, s, e in sorted(runs):
        open_ = [g for g in open_ if r - g[1] <= near]
        for g in open_:
            if s <= g[3] + gap and e >= g[2] - gap:
                g[1], g[2], g[3] = r, min(g[2], s), max(g[3], e)
                break
        else:
            g = [r, r, s, e]
            groups.append(g)
            open_.append(g)
    return groups


def find_rules(lum: np.ndarray, scale: float, min_h_pt: float = 40.0, min_v_pt: float = 12.0,
               max_thick_pt: float = 3.0) -> list[tuple]:
    """Ruling lines of a straightened page: ("h"/"v", x0, top, x1, bottom) in points.
    A band thicker than a rule (a dark filled cell) gives its two edges.
    Horizontal rules must be longer than a bold word's run of touching letters;
    vertical ones only as tall as a row of one line."""
    out = []
    thick = max(int(max_thick_pt / scale), 2)
    for orient, m, min_pt in (("h", thin_lines(lum), min_h_pt), ("v", thin_lines(lum.T), min_v_pt)):
        min_len = max(int(min_pt / scale), 8)
        groups = _line_groups(_runs(_bridge(m, 2), min_len), near=2, gap=4)
        for r0, r1, s, e in groups:
            if e - s < min_len:
                continue
            rows = [(r0 + r1) / 2] if r1 - r0 <= thick else [r0, r1]
            for r in rows:
                a, b, c = round(s * scale, 2), round(r * scale, 2), round(e * scale, 2)
                out.append(("h", a, b, c, b) if orient == "h" else ("v", b, a, b, c))
    return out


def _colour_tiles(rgb: np.ndarray, lum: np.ndarray, cell: int) -> tuple[np.ndarray, np.ndarray]:
    """Per ``cell`` x ``cell`` tile: whether it is coloured (most of its paper
    pixels of a clear colour) and its mean colour over those pixels."""
    h, w = lum.shape
    h2, w2 = h - h % cell, w - w % cell
    px = rgb[:h2, :w2]  # a view: the masks below are a byte a pixel, not a copy of the page
    spread = chroma(px)
    coloured = (spread > _CHROMA) & (px.max(axis=2) > 90)
    paper = ~ink_mask(lum[:h2, :w2], spread)
    del spread

    def tiles(a):
        return a.reshape(h2 // cell, cell, w2 // cell, cell).sum(axis=(1, 3))

    n_col, n_paper = tiles(coloured & paper), tiles(paper)
    on = (n_col >= 0.6 * np.maximum(n_paper, 1)) & (n_paper >= 0.3 * cell * cell)
    # each tile's mean colour over its coloured pixels, to keep different colours apart
    sums = np.stack([tiles(np.where(coloured, px[..., k], 0)) for k in range(3)], axis=-1)
    return on, sums / np.maximum(n_col, 1)[..., None]


def find_fills(rgb: np.ndarray, lum: np.ndarray, scale: float, min_side_pt: float = 8.0,
               cell: int = 6) -> list[tuple]:
    """Even areas of one clear colour: (x0, top, x1, bottom, "#rrggbb") in points.

    The page is cut into ``cell`` x ``cell`` pixel tiles; a tile is coloured when
    most of its pixels that are not ink are of a clear colour (text inside a
    filled cell does not break the fill). Tiles of one colour that touch make
    one fill; a fill is kept when it is large, mostly solid and even in colour
    (a photograph or a logo is neither)."""
    if rgb.ndim != 3:
        return []
    on, mean = _colour_tiles(rgb, lum, cell)
    out = []
    # plain lists: the flood fill below looks at single tiles, where numpy is slow
    on_l, mean_l = on.tolist(), mean.tolist()
    seen = [[False] * len(row) for row in on_l]
    th, tw = on.shape
    for y0, x0 in zip(*np.nonzero(on)):
        if seen[y0][x0]:
            continue
        ref = mean_l[y0][x0]
        stack, comp = [(int(y0), int(x0))], []
        seen[y0][x0] = True
        while stack:
            y, x = stack.pop()
            comp.append((y, x))
            for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                if 0 <= ny < th and 0 <= nx < tw and on_l[ny][nx] and not seen[ny][nx] \
                        and max(abs(a - b) for a, b in zip(mean_l[ny][nx], ref)) < 60:
                    seen[ny][nx] = True
                    stack.append((ny, nx))
        ys = [c[0] for c in comp]
        xs = [c[1] for c in comp]
        ty0, ty1, tx0, tx1 = min(ys), max(ys) + 1, min(xs), max(xs) + 1
        if min(ty1 - ty0, tx1 - tx0) * cell * scale < min_side_pt:
            continue
        if len(comp) < 0.6 * (ty1 - ty0) * (tx1 - tx0):
            continue
        if (ty1 - ty0) * (tx1 - tx0) > 0.5 * th * tw:
            continue  # coloured paper: the page's colour is no cell's
        cols = np.array([mean_l[y][x] for y, x in comp])
        if cols.std(axis=0).max() > 25:
            continue
        colour = "#" + "".join(f"{int(round(v)):02x}" for v in np.median(cols, axis=0))
        out.append((*(round(float(v) * cell * scale, 2) for v in (tx0, ty0, tx1, ty1)), colour))
    return out


def same_inks(fills: list[tuple], tolerance: int = 24) -> list[tuple]:
    """One printed colour scans as a few slightly different ones (toner, JPEG,
    the light): fills whose colours differ by no more than ``tolerance`` per
    channel take the colour of the first of them, so a shaded header band
    reads as one colour as it was printed."""
    seen: list[tuple[int, int, int]] = []
    out = []
    for f in fills:
        rgb = tuple(int(f[4][k:k + 2], 16) for k in (1, 3, 5))
        same = next((s for s in seen if max(abs(a - b) for a, b in zip(s, rgb)) <= tolerance), None)
        if same is None:
            seen.append(rgb)
            same = rgb
        out.append((*f[:4], "#" + "".join(f"{v:02x}" for v in same)))
    return out


def _edges(fill: tuple) -> list[tuple]:
    x0, t, x1, b = fill[:4]
    return [("h", x0, t, x1, t), ("h", x0, b, x1, b), ("v", x0, t, x0, b), ("v", x1, t, x1, b)]


def analyse(image: Image.Image, dpi: int) -> PageImage:
    """The tilt, ruling lines and colour fills of a scanned page's image."""
    scale = 72.0 / dpi
    rgb = np.asarray(image.convert("RGB"))
    lum = luminance(rgb)
    tilt = estimate_tilt(lum)
    if abs(tilt) >= 0.1:
        image = image.convert("RGB").rotate(-tilt, resample=Image.BILINEAR, fillcolor=(255, 255, 255))
        rgb = np.asarray(image)
        lum = luminance(rgb)
    else:
        tilt = 0.0
    page = PageImage(rgb.shape[1] * scale, rgb.shape[0] * scale, tilt)
    page.fills = same_inks(find_fills(rgb, lum, scale))
    # a fill's edges bound its cell as rules do (pdfplumber counts rect edges as lines too)
    page.rules = find_rules(lum, scale) + [r for f in page.fills for r in _edges(f)]
    return page
