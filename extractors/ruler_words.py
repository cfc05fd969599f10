"""The words an EntityRuler cannot match without: a test that skips its matcher.

Most texts of a pack (a cell's 'Ongoing', a date, a sentence about a budget)
hold no word that any of the ruler's patterns needs, and the matcher, which
steps every capitalised word through the organisation and name shapes, was
most of spaCy's time (issue 10). Every pattern of the ruler names at least one
token it must match: a phrase (a pack's seeded names) its first token; a token
pattern a required token given as a word, a list of words, or an anchored
alternation of plain words. A text with none of those tokens gets no match
from the ruler, so it need not run. The words are read from the patterns the
ruler holds at the time, so a pattern added later is taken into account; a
pattern with no such token (only shapes) turns the test off.
"""

from __future__ import annotations

import re
from typing import Optional

#: token attributes compared with the required words (hashes), for ``Doc.to_array``
WORD_ATTRS = ["ORTH", "LOWER"]
#: the keys of a token spec that name words, compared as ORTH or LOWER hashes
_WORD_KEYS = ("ORTH", "TEXT", "LOWER")
#: operators under which a token must be there (absent: exactly once)
_REQUIRED_OPS = (None, "1", "+")
#: "^(?:CI|DI|PC)$": a regex that is only a list of words
_ALTERNATION = re.compile(r"\^\(\?:([A-Za-z]+(?:\|[A-Za-z]+)*)\)\$|\^([A-Za-z]+)\$")


def spec_words(spec: dict) -> Optional[list[str]]:
    """The words a token spec accepts when it names them, else None."""
    for key in _WORD_KEYS:
        v = spec.get(key)
        if isinstance(v, str):
            return [v]
        if not isinstance(v, dict):
            continue
        if isinstance(v.get("IN"), (list, tuple)) and all(isinstance(w, str) for w in v["IN"]):
            return list(v["IN"])
        m = _ALTERNATION.fullmatch(v["REGEX"]) if isinstance(v.get("REGEX"), str) else None
        if m:
            return (m.group(1) or m.group(2)).split("|")
    return None


def pattern_words(pattern: list[dict]) -> Optional[list[str]]:
    """The words of a required token of a token pattern, None when it has none."""
    for spec in pattern:
        if isinstance(spec, dict) and spec.get("OP") in _REQUIRED_OPS:
            words = spec_words(spec)
            if words:
                return words
    return None


def required_words(ruler) -> Optional[frozenset]:
    """Hashes of the tokens (ORTH or LOWER) one of which a text needs for ``ruler`` to
    match anything; None when some pattern cannot be read so (then run the ruler always)."""
    if getattr(ruler, "phrase_matcher_attr", None) not in (None, "ORTH", "TEXT"):
        return None
    strings = ruler.nlp.vocab.strings
    out: set[int] = set()
    for patterns in ruler.token_patterns.values():
        for pattern in patterns:
            words = pattern_words(pattern)
            if words is None:
                return None
            out.update(strings.add(w) for w in words)
    for docs in ruler.phrase_patterns.values():
        for doc in docs:
            if len(doc):  # an empty phrase matches nothing
                out.add(doc[0].orth)
    return frozenset(out)
