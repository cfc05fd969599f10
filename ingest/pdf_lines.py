"""Visual lines of a PDF page as the table finders see them.

A :class:`TLine` is one line of words; its :class:`Seg` runs are words
separated from the next run by a gap wide enough to be a column gutter
(:func:`split_segments`). Shared by the text-aligned table finder, the
cross-page table flow and the OCR table reader. A :class:`Line` is a PDF
page's line with its typography, as the block builder reads it.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from boardpack.ingest.pdf_cells import is_bold_font


_TOP, _BOTTOM, _X1 = itemgetter("top"), itemgetter("bottom"), itemgetter("x1")


@dataclass
class Seg:
    """A run of words on one line, separated from the next run by a wide gap."""

    words: list[dict]

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class TLine:
    """One visual line of a page (outside ruled tables)."""

    words: list[dict]
    segs: list[Seg] = field(default_factory=list)

    # asked many times a line by the block, table and column builders: map
    # over itemgetter costs half a generator's time
    @property
    def top(self) -> float:
        return min(map(_TOP, self.words))

    @property
    def bottom(self) -> float:
        return max(map(_BOTTOM, self.words))

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return max(map(_X1, self.words))


@dataclass
class Line(TLine):
    """A visual line of a page with its typography (most common size, mostly
    bold or not), its band ("top"/"bottom" when in the furniture band) and
    whether it was marked as furniture."""

    page: int = 0
    size: float = 0.0
    bold: bool = False
    band: Optional[str] = None
    furniture: bool = False

    @property
    def text(self) -> str:
        if not self.segs:
            return " ".join(w["text"] for w in self.words)
        return "\t".join(s.text for s in self.segs)


def wrap_edge(text_lines: Sequence[Line], body: float) -> float:
    """Where a line of ``text_lines`` (a page's, or one column's) that ran to
    the right margin ends: a line ending there wraps into the next."""
    if not text_lines:
        return float("inf")
    xs1 = sorted(ln.x1 for ln in text_lines)
    edge = xs1[int(0.9 * (len(xs1) - 1))]
    left = min(ln.x0 for ln in text_lines)
    return edge - max(5 * body, 0.12 * (edge - left))


NUMBERING = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|\(?[a-z]\))$", re.I)
NUMERIC_WORD = re.compile(r"^[-+(£$€]*\d[\d,.]*%?\)?$|^[-\u2013]$")


def split_segments(words: list[dict], size: float) -> list[Seg]:
    """Split a line's words where the gap is wide enough to be a column gutter.

    Prose word gaps stay under about half the font size even when justified;
    numbers in a spreadsheet export sit closer to each other than label
    columns do, so a smaller gap splits next to a number.
    """
    wide = max(1.6 * size, 12.0)
    near_number = max(0.75 * size, 6.0)
    both_numbers = max(0.45 * size, 3.5)
    segs = [Seg([words[0]])]
    b = NUMERIC_WORD.match(words[0]["text"])
    for w in words[1:]:
        prev = segs[-1].words[-1]
        gap = w["x0"] - prev["x1"]
        a, b = b, NUMERIC_WORD.match(w["text"])  # ``prev`` is the word before: its match is the last ``b``
        # two figures side by side ("621.6 +35.4 +6.0%") are two cells even at a
        # little more than a word space
        if gap > wide or ((a or b) and gap > near_number) or (a and b and gap > both_numbers):
            segs.append(Seg([w]))
        else:
            segs[-1].words.append(w)
    return segs


def seg_column(seg: Seg, cols: list[list[float]]) -> int:
    c = (seg.x0 + seg.x1) / 2
    for k, (a, b) in enumerate(cols):
        if a - 1 <= c <= b + 1:
            return k
    return min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - c))


def word_column(w: dict, cols: list[list[float]]) -> int:
    c = (w["x0"] + w["x1"]) / 2
    for k, (a, b) in enumerate(cols):
        if a - 1 <= c <= b + 1:
            return k
    # in a gutter (a spanning header word): the column whose edge is nearest
    return min(range(len(cols)), key=lambda k: min(abs(cols[k][0] - c), abs(cols[k][1] - c)))


def line_typography(words: list[dict]) -> tuple[float, bool]:
    """A line's font size (the one most of its characters are set in) and
    whether it is bold (four fifths of its characters or more)."""
    sizes: Counter = Counter()
    bold = 0
    for w in words:
        n = len(w["text"])
        sizes[round(w.get("size", 0), 1)] += n
        if is_bold_font(w.get("fontname", "")):
            bold += n
    total = sum(sizes.values()) or 1
    return (sizes.most_common(1)[0][0] if sizes else 0.0), bold >= 0.8 * total


def common_size(lines: Sequence) -> float:
    """The font size most of a page's lines' words are set in (lines with a
    ``size``, as the PDF reader's are): the size the table finder is given."""
    size = Counter(ln.size for ln in lines for _ in ln.words).most_common(1)
    return size[0][0] if size else 10.0
