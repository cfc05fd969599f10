"""Side-by-side attendance lists: which column a name printed on a line stands in.

Parish minutes often print "Present:" beside "Also in attendance:" and the PDF
reader gives each printed line with the names of both columns run together.
Split from attendance.py: where a line holds fewer names than there are
columns, these rules place them (by the block's x position, or because the
chair heads the members present).
"""

from __future__ import annotations

from typing import Optional

from boardpack.extractors.attendance_names import parse_entry


def chair_run(lines: list[list[str]], n_cols: int) -> int:
    """How many lines of one name each stand above the chair's line in two side-by-side lists.

    A clerk heads the members present with the chair; when the first line holding a name in
    each column opens with the chair, the single names above it belong to the other column
    (the present list was printed lower down, beside the longer one). 0 otherwise."""
    if n_cols != 2:
        return 0
    k = 0
    while k < len(lines) and len(lines[k]) <= 1:
        k += 1
    if k == 0 or k == len(lines) or len(lines[k]) != 2 or not parse_entry(lines[k][0])[2]:
        return 0
    return k


def column_of(x0: Optional[float], box: Optional[tuple], n: int) -> Optional[int]:
    if x0 is None or not box or n < 2:
        return None
    hx0, hx1 = box[0], box[2]
    width = (hx1 - hx0) / n if hx1 > hx0 else 0
    if width <= 0:
        return None
    return max(0, min(n - 1, int((x0 - hx0 + width * 0.25) // width)))
