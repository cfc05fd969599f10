"""Identity of rows and plans: the keys that make a re-ingest change nothing.

Row primary keys are content hashes of their natural keys, so ingesting the
same file twice writes the same ids; a plan's key ignores the period words its
title carries ("Q3 update", "2009/10"), so the quarterly reports of one plan
share one key. Both live here, below every stage, because readers of the store
(linking, audits) and extractors need the same answer.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from boardpack.core.textnorm import one_line
from boardpack.core.vocabulary import MONTH_STEMS


#: Bumped whenever readers or extractors change what they produce; stored with
#: every file so a re-ingest after an upgrade can be detected.
PARSER_VERSION = "1"


def row_id(*parts: Any) -> str:
    """Deterministic 16-hex-digit id from natural-key parts."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


_PERIOD_WORDS = re.compile(
    r"\b(q[1-4]|quarter\s*[1-4]|quarterly|update[sd]?|progress|report|ytd|year\s+to\s+date|"
    r"(?:19|20)\d\d\s*[/-]\s*\d{2}(?!\d)|"  # a financial year like 2009/10 (not 2009-2012)
    # any word from a month stem, but "may" alone ("mayor" is not a period word)
    + "|".join(stem if stem == "may" else stem + r"\w*" for stem in MONTH_STEMS) + r")\b"
)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def plan_key(title: str | None) -> str:
    """Normalised plan identity: lower case, period words and punctuation removed."""
    t = one_line(title or "").lower().replace("&", " and ")
    t = _PERIOD_WORDS.sub(" ", t)
    return " ".join(_NON_WORD.sub(" ", t).split()) or "untitled plan"
