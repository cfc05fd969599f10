"""The people registry falls apart into groups of similar surnames.

Two spellings are only ever taken for one person when their surnames are
alike (the same first letter and a rapidfuzz ratio of at least
:func:`surname_cutoff`, or the very same surname for a spelling with
initials only), ids collide only between spellings with one surname, and the
merges by context (store/person_ids.py) join people with one surname. So the
surnames, joined wherever two are alike, fall into connected groups, and the
registry of one group depends on the mentions of that group's surnames only.
A link after a few packs rebuilds the groups their names reach
(:func:`surnames_reached`) and leaves every other row as it was: what a
rebuild of everything would write for them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from rapidfuzz import fuzz, process

_NOT_LETTERS = re.compile(r"[^a-z\u00e0-\u024f ]+")


def name_key(name: str) -> str:
    """Comparison key: lower case, letters and spaces only."""
    return " ".join(_NOT_LETTERS.sub(" ", (name or "").lower()).split())


def surname_key(name: str) -> str:
    """The group a spelling belongs to: the last word of its key ('' for none).
    A one-word spelling's word counts as its surname: it is only ever one
    person with spellings of the same key."""
    t = name_key(name).split()
    return t[-1] if t else ""


def surname_cutoff(threshold: float) -> float:
    """The rapidfuzz ratio two surnames need before their spellings are compared at all."""
    return max(85.0, threshold - 3)


def alike_surnames(surname: str, pool: list[str], threshold: float) -> list[str]:
    """The surnames of ``pool`` (one first letter's) alike enough to ``surname``
    for their spellings to be compared (rapidfuzz's C search)."""
    found = process.extract(surname, pool, scorer=fuzz.ratio, score_cutoff=surname_cutoff(threshold), limit=None)
    return [other for other, _, _ in found]


def surnames_reached(surnames: Iterable[str], seeds: Iterable[str], threshold: float) -> set[str]:
    """The seeds and every surname of ``surnames`` joined to one of them through
    a chain of alike surnames: the whole groups the seeds fall in. A seed not
    among ``surnames`` (no longer stored) is followed all the same: the
    surnames it held together are reached, whichever groups they form now."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for s in set(surnames):
        buckets[s[:1]].append(s)
    for pool in buckets.values():
        pool.sort()
    reached = set(seeds)
    todo = sorted(reached)
    while todo:
        s = todo.pop()
        if not s:
            continue  # spellings with no letters are one group of their own
        for other in alike_surnames(s, buckets.get(s[:1], []), threshold):
            if other not in reached:
                reached.add(other)
                todo.append(other)
    return reached
