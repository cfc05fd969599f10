"""Path geometry for pdfium's page objects, in pdfminer's terms.

pdfium gives a path as segments in the object's own space; pdfminer's rules
(which class a path as line, rect or curve, and which the table finder's
edges come from) want subpaths of points in page space, a Bézier as its end
point. The matrix arithmetic and the segment regrouping live here so the page
reader (:mod:`.pdfium_page`) reads as the walk over objects it is.
"""

from __future__ import annotations

import ctypes
from typing import Optional

import pypdfium2.raw as R

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mult(m: Matrix, n: Matrix) -> Matrix:
    """m then n (pdfminer's mult_matrix)."""
    a1, b1, c1, d1, e1, f1 = m
    a0, b0, c0, d0, e0, f0 = n
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point (x, y) through m."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def curves_joined(segs: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """pdfium gives a Bézier segment as three points: one ``c`` ending at the last."""
    out: list[tuple[str, float, float]] = []
    k = 0
    while k < len(segs):
        if segs[k][0] == "c":
            j = k
            while j < len(segs) and segs[j][0] == "c" and j - k < 3:
                j += 1
            out.append(segs[j - 1])
            k = j
        else:
            out.append(segs[k])
            k += 1
    return out


def subpaths(segs: list[tuple[str, float, float]]) -> list[list[tuple[str, float, float]]]:
    """Segments cut at each move-to; a subpath of one point draws nothing."""
    subs: list[list[tuple[str, float, float]]] = []
    for s in segs:
        if s[0] == "m" or not subs:
            subs.append([s])
        else:
            subs[-1].append(s)
    return [s for s in subs if s[0][0] == "m" and len(s) > 1]


def obj_matrix(obj) -> Matrix:
    fm = R.FS_MATRIX()
    if not R.FPDFPageObj_GetMatrix(obj, fm):
        return IDENTITY
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def stroke_width(obj) -> float:
    w = ctypes.c_float()
    return float(w.value) if R.FPDFPageObj_GetStrokeWidth(obj, w) else 0.0


def colour(obj, getter) -> Optional[tuple[float, float, float]]:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)
