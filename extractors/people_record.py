"""The people and organisation mentions of one document, as the people extractor records them.

Split from people.py: a mention passes the same checks and is deduplicated the
same way whichever reader found it (an attendance row, an action owner, the
entity ruler over a paragraph), so :class:`Collector` is the one door to the
``people_mentions`` and ``org_mentions`` rows, and :class:`Mention` says what
a reader knows of a person at that door.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from boardpack.core.names import looks_like_person, parse_person
from boardpack.core.textnorm import one_line
from boardpack.extractors.base import ExtractContext, ExtractResult, row_id
from boardpack.extractors.nlp import canonical_org


@dataclass
class Mention:
    """One mention of a person: the name, the kind of context (attendance, action,
    presenter ...) and where; ``raw`` is the text as written when it differs from
    ``name`` ("Mr Gough" resolved to the listed "R W Gough")."""

    name: str
    kind: str
    page: Any
    block_index: Any
    role: Optional[str] = None
    organisation: Optional[str] = None
    context: Optional[str] = None
    method: str = "seed"
    raw: Optional[str] = None


class Collector:
    """Adds the document's person and organisation mention rows, each once per block."""

    def __init__(self, ctx: ExtractContext, res: ExtractResult):
        self.ctx = ctx
        self.res = res
        self.sha = ctx.doc.sha256
        self.seen: set[tuple] = set()
        self.n = 0

    def person(self, m: Mention) -> Optional[dict]:
        """Record mention ``m``; None when it is no person's name or was recorded already."""
        name = one_line(m.name or "")
        if not name:
            return None
        p = parse_person(name)
        raw = one_line(m.raw) if m.raw else name
        canon = p.canonical
        if not looks_like_person(canon):
            return None
        key = (m.block_index, canon.lower())
        if key in self.seen:
            return None
        self.seen.add(key)
        self.n += 1
        return self.res.add(
            "people_mentions",
            {
                "mention_id": row_id("person_mention", self.sha, m.block_index, canon.lower(), m.kind, self.n),
                "raw": raw,
                "canonical": canon,
                "title": p.title,
                "honours": " ".join(p.honours) or None,
                "role": one_line(m.role) if m.role else p.role,
                "organisation": m.organisation,
                "context_kind": m.kind,
                "context": m.context,
                "method": m.method,
                "page": m.page,
                "block_index": m.block_index,
            },
        )

    def org(self, raw: str, kind: str, page, block_index, context=None, start=0) -> Optional[str]:
        raw = one_line(raw or "").strip(" .,;:()")
        if not raw or len(raw) > 100:
            return None
        canon, abbrev = canonical_org(raw)
        key = ("org", block_index, raw.lower(), start)
        if key in self.seen:
            return canon
        self.seen.add(key)
        self.n += 1
        self.res.add(
            "org_mentions",
            {
                "mention_id": row_id("org_mention", self.sha, block_index, raw.lower(), start, self.n),
                "raw": raw,
                "canonical": canon,
                "abbreviation": abbrev,
                "context_kind": kind,
                "context": context,
                "page": page,
                "block_index": block_index,
            },
        )
        return canon
