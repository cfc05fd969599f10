"""Words from a pdfium page's characters, as pdfplumber's word extractor makes them.

After the characters, pdfplumber's ``extract_words`` was the largest cost of
reading a page with the pdfium engine (about a tenth of a whole ingest's CPU
time over corpus and real-world PDFs; this takes a third off it): generic code for every
reading direction, a generator per line, a clustering pass that sorts its
keys twice. The reader asks for one thing only: upright text read left to
right, lines clustered by their top, the default tolerances (or a gap judged
against the font size, ``x_tolerance_ratio``) and ``extra_attrs``. That case
is written out here with the same steps in the same order, so the same words
come out (same keys in the same order, same values), less three keys no
reader code reads (:data:`UNREAD`):

* consecutive characters grouped by ``upright`` and the extra attributes;
* a group's characters clustered into lines by ``top``: distinct tops
  sorted, a new line where a top is more than ``y_tolerance`` below the one
  before; each line keeps the characters' order, then sorts by ``x0``
  (stably);
* a word ends at a blank character, and a character starts a new one when
  it lies left of the previous one's start, more than ``x_tolerance`` right
  of its end, or more than ``y_tolerance`` above or below its top.

Anything else (a rotated group, other options) goes to pdfplumber. Written
against pdfplumber 0.11.10; the first page each process reads is also read
by pdfplumber and compared, and on any difference pdfplumber's extractor is
used from then on (as :mod:`.pdf_chars` does for character dicts).
tests/test_ingest_costs.py compares the two over the corpus's PDFs.
"""

from __future__ import annotations

import logging
from itertools import groupby
from operator import itemgetter
from typing import Optional

from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES, extract_words

log = logging.getLogger(__name__)

#: "unchecked" until the first page is compared with pdfplumber's, then "same" or "differs"
_verdict = {"state": "unchecked"}
#: the options this module reads itself
_OWN_OPTIONS = frozenset({"extra_attrs", "x_tolerance_ratio"})
_X0 = itemgetter("x0")
#: Keys of pdfplumber's word dicts the reader never reads: two follow from the
#: box, one is constant for upright text. Left out, a word's dict is 272 bytes
#: instead of 464 (CPython's dict grows past 10 keys), and a long pack's every
#: word is held until its tables over page breaks are joined: 6 MB less at the
#: peak of a worker reading a 171-page agenda.
UNREAD = frozenset({"height", "width", "direction"})


def reader_word(word: dict) -> dict:
    """A pdfplumber word dict as this reader keeps it (without :data:`UNREAD`)."""
    return {k: v for k, v in word.items() if k not in UNREAD}


def _pdfplumbers(chars: list[dict], options: dict) -> list[dict]:
    return [reader_word(w) for w in extract_words(chars, **options)]


def page_words(chars: list[dict], **options) -> list[dict]:
    """``pdfplumber.utils.text.extract_words(chars, **options)``, quicker for the reader's options."""
    if _verdict["state"] == "differs" or not set(options) <= _OWN_OPTIONS:
        return _pdfplumbers(chars, options)
    out = upright_words(chars, options.get("extra_attrs") or [], options.get("x_tolerance_ratio"))
    if _verdict["state"] == "unchecked" and chars:
        theirs = _pdfplumbers(chars, options)
        same = out == theirs
        _verdict["state"] = "same" if same else "differs"
        if not same:
            log.warning("pdfplumber makes words differently from this reader's fast path; using pdfplumber's own")
            return theirs
    return out


def upright_words(chars: list[dict], extra_attrs: list[str], x_ratio: Optional[float]) -> list[dict]:
    """pdfplumber's words for ``chars`` (less :data:`UNREAD`); a group of rotated characters is pdfplumber's."""
    out: list[dict] = []
    for _, run in groupby(chars, itemgetter("upright", *extra_attrs)):
        group = list(run)
        if not group[0]["upright"]:
            out += _pdfplumbers(group, {"extra_attrs": extra_attrs, "x_tolerance_ratio": x_ratio})
            continue
        for line in _lines(group):
            line.sort(key=_X0)
            for word in _split(line, x_ratio):
                out.append(_merge(word, extra_attrs))
    return out


def _lines(group: list[dict]) -> list[list[dict]]:
    """The group's characters clustered by ``top`` (pdfplumber's ``cluster_objects``)."""
    tops = sorted({c["top"] for c in group})
    line_of, n, last = {}, 0, tops[0]
    for t in tops:
        if t > last + DEFAULT_Y_TOLERANCE:
            n += 1
        line_of[t] = n
        last = t
    lines: list[list[dict]] = [[] for _ in range(n + 1)]
    for c in group:
        lines[line_of[c["top"]]].append(c)
    return lines


def _split(line: list[dict], x_ratio: Optional[float]) -> list[list[dict]]:
    words: list[list[dict]] = []
    cur: list[dict] = []
    for c in line:
        text = c["text"]
        if text.isspace():
            if cur:
                words.append(cur)
            cur = []
        elif text == "":  # pdfplumber: "" is 'in' its (empty) punctuation string
            if cur:
                words.append(cur)
            words.append([c])
            cur = []
        elif cur:
            prev = cur[-1]
            x = DEFAULT_X_TOLERANCE if x_ratio is None else x_ratio * prev["size"]
            cx = c["x0"]
            if cx < prev["x0"] or cx > prev["x1"] + x or abs(c["top"] - prev["top"]) > DEFAULT_Y_TOLERANCE:
                words.append(cur)
                cur = [c]
            else:
                cur.append(c)
        else:
            cur = [c]
    if cur:
        words.append(cur)
    return words


def _merge(chars: list[dict], extra_attrs: list[str]) -> dict:
    first = chars[0]
    if len(chars) == 1:  # one glyph (an initial, a digit): its own box
        x0, top, x1, bottom = first["x0"], first["top"], first["x1"], first["bottom"]
        text = first["text"]
        text = LIGATURES.get(text, text or "")
    else:
        x0, top = min([c["x0"] for c in chars]), min([c["top"] for c in chars])
        x1, bottom = max([c["x1"] for c in chars]), max([c["bottom"] for c in chars])
        texts = [c["text"] for c in chars]
        text = "".join([LIGATURES.get(t, t or "") for t in texts])
    word = {
        "text": text,
        "x0": x0, "x1": x1, "top": top, "doctop": top + (first["doctop"] - first["top"]), "bottom": bottom,
        "upright": first["upright"],
    }
    for key in extra_attrs:
        word[key] = first[key]
    return word
