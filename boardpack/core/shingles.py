"""A paper's fingerprint for the duplicate check: its word 5-gram shingles and its numbers.

Two files are the same paper when their words overlap (Jaccard of word
5-gram shingles) and their numbers agree (:mod:`boardpack.store.duplicates`
decides). The fingerprint depends only on the paper's own blocks, so it is
made where the paper is parsed (a worker process, in parallel) and stored
with the paper (``paper_shingles``), not made again from every paper's text
by the one process that links: shingling was most of a link (1.1 of 1.5 s
over 3,005 pages; 286 of 331 s at 10,000 packs).

Shingle hashes are CRC-32 (stable across runs and processes, which Python's
``hash`` of a string is not), stored as a sorted array of unsigned 32-bit
integers: the first k are the paper's bottom-k sketch, the length its size.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from boardpack.core.model import Block, Paper

_WORD = re.compile(r"[a-z0-9£]+")
NUMBER = re.compile(r"\w*\d[\w./-]*")  # tokens with a digit: dates, figures, "q3", "2009/10"
# flags whose blocks are not the paper's own words (a body's standard notes, page headers)
_NOT_COMPARED = ("boilerplate", "furniture")


def stable_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def shingles(text: str, n: int = 5) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return {stable_hash(" ".join(words))} if words else set()
    return {stable_hash(" ".join(words[i : i + n])) for i in range(len(words) - n + 1)}


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text.lower()))


def jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    # the union's size from the intersection's: building the union set cost as
    # much as the intersection, in a pass that compares millions of pairs
    common = len(a & b)
    return common / (len(a) + len(b) - common)


#: Hashes per paper for estimating a pair's Jaccard before computing it, and how far
#: under the threshold an estimate may fall and the pair still be compared: at 64
#: hashes an estimate of a true 0.8 has a standard deviation of 0.05, so 0.25 is five
#: of them; councils' papers from one template (Jaccard near 0.3) are left out.
ESTIMATE_K, ESTIMATE_MARGIN = 64, 0.25


def estimate_sketch(hashes: Sequence[int]) -> tuple[list[int], frozenset]:
    """A paper's k smallest hashes, sorted and as a set, for :func:`sketch_similarity`."""
    return list(hashes), frozenset(hashes)


def sketch_similarity(a: tuple[list[int], frozenset], b: tuple[list[int], frozenset], k: int = ESTIMATE_K) -> float:
    """Jaccard estimated from two bottom-k sketches (:func:`estimate_sketch`): below the
    smaller of the two sketches' largest hashes both sketches hold every hash of their
    paper, so the share of those hashes that both papers hold estimates the share of all
    their shingles. Exact when both papers have fewer than k shingles."""
    (la, sa), (lb, sb) = a, b
    top = min(la[-1] if len(la) >= k else float("inf"), lb[-1] if len(lb) >= k else float("inf"))
    both = sa & sb
    n_both = len(both) if top == float("inf") else sum(1 for h in both if h <= top)
    n_all = bisect_right(la, top) + bisect_right(lb, top) - n_both
    return n_both / n_all if n_all else 1.0


def sketches_rule_out(a: tuple[list[int], frozenset], b: tuple[list[int], frozenset], threshold: float) -> bool:
    """Two papers whose estimated Jaccard is more than ESTIMATE_MARGIN under ``threshold``:
    not worth the whole comparison."""
    return sketch_similarity(a, b) < threshold - ESTIMATE_MARGIN


def may_reach(n_a: int, n_b: int, threshold: float) -> bool:
    """Whether two sets of ``n_a`` and ``n_b`` items can have a Jaccard index of
    ``threshold`` or more: it is at most the smaller size over the larger (the
    intersection is no bigger than the one, the union no smaller than the
    other), so a pair that fails this is never a copy, and comparing its
    words is skipped (most candidate pairs of a large archive; exact)."""
    return bool(n_a and n_b) and min(n_a, n_b) / max(n_a, n_b) >= threshold


def compared(flags: Optional[str]) -> bool:
    """Whether a block with these stored flags (JSON text) counts as the paper's words."""
    return not flags or not any(f in flags for f in _NOT_COMPARED)


def _array(values: Iterable[int] | bytes) -> array:
    """Unsigned 32-bit integers; from ``bytes``, read as stored: little-endian
    whatever this machine's order, so a store moves between machines."""
    a = array("I", values)
    if a.itemsize != 4:  # "I" is 4 bytes on every platform CPython builds for; "L" is 8 on 64-bit Linux
        raise RuntimeError("unsigned int is not 4 bytes here")
    if isinstance(values, bytes) and sys.byteorder == "big":
        a.byteswap()
    return a


def _stored(a: array) -> bytes:
    if sys.byteorder == "big":
        a = array("I", a)
        a.byteswap()
    return a.tobytes()


@dataclass
class Fingerprint:
    """One paper's fingerprint in its stored form: the shingle hashes, sorted,
    as bytes; the numbers, a sorted JSON list. The sets are made on demand:
    a link compares few papers of the many it reads."""

    hashes: bytes
    numbers: str

    @classmethod
    def of(cls, text: str) -> "Fingerprint":
        return cls(_stored(_array(sorted(shingles(text)))), json.dumps(sorted(numbers(text)), ensure_ascii=False))

    @property
    def size(self) -> int:
        return len(self.hashes) // 4

    def sketch(self, k: int) -> list[int]:
        return _array(self.hashes[: 4 * k]).tolist() if self.hashes else []

    def shingle_set(self) -> set[int]:
        return set(_array(self.hashes))

    def number_set(self) -> set[str]:
        return set(json.loads(self.numbers))

    def row(self, paper_id: str, doc_sha256: str) -> dict:
        return {"paper_id": paper_id, "doc_sha256": doc_sha256, "n": self.size,
                "hashes": self.hashes, "numbers": self.numbers}


def paper_fingerprints(blocks: Sequence[Block], papers: Sequence[Paper]) -> list[Fingerprint]:
    """The fingerprint of each of ``papers`` (in order) from the document's ``blocks``.

    A block belongs to the first paper whose block range holds it (as the
    store's ``blocks.paper_id``); its text is its search text (tables
    flattened), boilerplate and page furniture left out, blocks in order."""
    owner: dict[int, int] = {}
    for i, p in enumerate(papers):
        for bi in range(p.start, p.end + 1):
            owner.setdefault(bi, i)
    parts: list[list[str]] = [[] for _ in papers]
    for b in sorted(blocks, key=lambda b: b.index):
        owned = owner.get(b.index)
        if owned is not None and compared(json.dumps(b.flags) if b.flags else None):
            parts[owned].append(b.search_text or "")
    return [Fingerprint.of(" ".join(p)) for p in parts]
