"""Spans into papers: each typed (by its cue, else its evidence, then the
whole-paper vote), titled and given a confidence; papers that hold nothing
but boilerplate join the paper before them.

Apart from the boundary scan (:mod:`boardpack.ingest.spans`) because typing
a paper looks at the whole of it, after its boundaries are known.
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import (
    ACTION_PLAN, AGENDA, HEADING, MINUTES, OTHER, PAGE_BREAK, PARAGRAPH, TABLE, Block, Document, Paper,
)
from boardpack.core.settings import Settings
from boardpack.ingest import boilerplate
from boardpack.ingest.cues import NUMBERED, Hit, despace, is_title_like, short, text_hits
from boardpack.ingest.hits import is_separator
from boardpack.ingest.spans import STICKY, Span, has_content
from boardpack.ingest.table_kind import title_rows

_SIGNATURE_LINE = re.compile(r"^[A-Z][A-Z.' -]{1,40}$")


def _cue_title(blocks: list[Block], p: Paper, hits: list[list[Hit]]) -> Optional[str]:
    """The title line whose cue decided the paper's type, with its priority area when one is named."""
    title = None
    area = None
    for j in range(p.start, min(p.end, p.start + 15) + 1):
        for h in hits[j]:
            if h.paper_type != p.paper_type:
                continue
            if title is None and h.title_ok:
                title = h.cue if blocks[j].kind == TABLE else " ".join(blocks[j].norm.split())
            elif title is None and h.name == "table:agenda":
                title = "Agenda"
            if h.name == "priority_area_label" and area is None:
                area = " ".join(blocks[j].norm.split())
    if title and area and area.lower() not in title.lower():
        title = f"{title} - {area}"
    return title


def title_for(blocks: list[Block], p: Paper, hits: Optional[list[list[Hit]]] = None) -> str:
    """The paper's title: the title line that decided its type when there is
    one, else its first heading-like line (not a signature or an item line)."""
    title = _cue_title(blocks, p, hits) if hits is not None else None
    if title:
        return short(title, 200)
    cands = [b for b in blocks[p.start : p.end + 1] if b.kind in (HEADING, PARAGRAPH) and b.norm.strip()
             and not boilerplate.is_boilerplate(b) and not is_separator(b)]
    cands = [b for b in cands[:8] if is_title_like(b) and len(re.findall(r"[A-Za-z]{2,}", despace(b.norm))) >= 2
             and not (_SIGNATURE_LINE.match(b.norm.strip()) and len(b.norm.split()) <= 3)
             and not (p.paper_type in STICKY and NUMBERED.match(b.norm))
             and not re.match(r"^\s*(?:present|apologies|in\s+attendance|dear)\b", b.norm, re.I)]
    for b in cands:
        if b.kind == HEADING:
            return short(b.norm, 200)
    if cands:
        return short(cands[0].norm, 200)
    for b in blocks[p.start : p.end + 1][:8]:
        if b.kind == TABLE:
            rows = [t for t in title_rows(b) if len(t) > 3]
            if rows:
                return short(rows[0], 200)
            break
    return short(p.cue, 200)


def papers_from_spans(blocks: list[Block], hits: list[list[Hit]], spans: list[Span], settings: Settings) -> list[Paper]:
    """The spans as papers: typed (by their cue, else their evidence, then the whole-paper
    vote) and titled; a span voted into the type of the paper before it joins that paper."""
    papers: list[Paper] = []
    for k, sp in enumerate(spans):
        end = (spans[k + 1].start - 1) if k + 1 < len(spans) else len(blocks) - 1
        if end < sp.start:
            continue
        typed = _span_type(hits, sp, end, settings)
        ptype, strength, cue, evidence, retyped = _whole_paper_vote(blocks, hits, sp, end, typed)
        pages = _pages(blocks[sp.start : end + 1])
        paper = Paper(
            paper_type=ptype,
            title="",
            start=sp.start,
            end=end,
            page_start=min(pages) if pages else None,
            page_end=max(pages) if pages else None,
            ordinal=len(papers),
            confidence=paper_confidence(settings, strength),
            cue=cue,
            evidence=evidence,
        )
        paper.title = title_for(blocks, paper, hits)
        if retyped and papers and papers[-1].paper_type == ptype:
            # A paper overruled by its own content into the type of the paper
            # before it is that paper continued (the agenda a set of minutes
            # lists, under its own "Agenda" heading).
            _absorb(papers[-1], paper)
            continue
        papers.append(paper)
    return papers


def _span_type(hits: list[list[Hit]], sp: Span, end: int, settings: Settings) -> tuple[str, int, str]:
    """(type, strength, cue) of a span: its deciding cue's, else the type with the most
    evidence (when enough), else OTHER."""
    if sp.paper_type is not None:
        return sp.paper_type, sp.strength, sp.cue
    ev = {t: s for t, s in sp.evidence.items() if t != OTHER}
    if ev and max(ev.values()) >= settings.segment.min_evidence:
        ptype = max(ev, key=lambda t: ev[t])
        cue = next((h.cue for j in range(sp.start, end + 1) for h in hits[j] if h.paper_type == ptype), "")
        return ptype, 1, cue
    return OTHER, 0, sp.cue


#: Types the whole-paper vote may move a paper to: their evidence (attendance
#: labels, narrative of a meeting held, numbered business, action columns) is
#: structural, so it outweighs one title line that names something else.
_VOTE_TYPES = (MINUTES, AGENDA, ACTION_PLAN)


def _in_opening(blocks: list[Block], lo: int, i: int) -> bool:
    """True when only title lines (and furniture) stand between ``lo`` and ``i``."""
    return all(b.kind == PAGE_BREAK or boilerplate.is_boilerplate(b) or is_title_like(b) for b in blocks[lo:i])


def _whole_paper_vote(blocks: list[Block], hits: list[list[Hit]], sp: "Span", end: int,
                      typed: tuple[str, int, str]) -> tuple[str, int, str, dict[str, float], bool]:
    """Type a paper from all its evidence, not only the first cue that matched.

    Every cue of every block votes for its type (strength, doubled for a
    table). A type decided in the paper's opening title run by a title cue
    stands unless another meeting-paper type has at least twice its weight;
    a type decided further down (an agenda item titled "Action Plan", an
    "Agenda" heading below the attendance grid of minutes) or by a weak cue
    gives way to one with half as much again. ``typed`` is the span's
    ``(type, strength, cue)`` so far. Returns ``(type, strength, cue,
    evidence, retyped)``; ``evidence`` maps each type to its weight.
    """
    ptype, strength, cue = typed
    ev: dict[str, float] = {}
    first_cue: dict[str, str] = {}
    for j in range(sp.start, end + 1):
        w = 2 if blocks[j].kind == TABLE else 1
        # one vote per type per block: a line two cues of one type match ("Agenda" is both
        # an agenda heading and an agenda title) counts once, at its strongest
        best_here: dict[str, int] = {}
        for h in hits[j]:
            best_here[h.paper_type] = max(best_here.get(h.paper_type, 0), h.strength)
            first_cue.setdefault(h.paper_type, h.cue)
        for t, st in best_here.items():
            ev[t] = ev.get(t, 0) + st * w
    evidence = {t: round(v, 1) for t, v in sorted(ev.items(), key=lambda kv: -kv[1])}
    rivals = [t for t in _VOTE_TYPES if t != ptype and ev.get(t, 0) > 0]
    if not rivals or ptype == OTHER:  # a paper that names itself a report, rules, a register stays so
        return ptype, strength, cue, evidence, False
    best = max(rivals, key=lambda t: ev[t])
    mine = ev.get(ptype, 0)
    opening = sp.decided_at is not None and _in_opening(blocks, sp.start, sp.decided_at)
    if strength >= 3 and opening:
        wins = ev[best] >= 6 and ev[best] >= 2 * mine
    else:
        wins = ev[best] >= 4 and ev[best] > 1.5 * mine
    if not wins:
        return ptype, strength, cue, evidence, False
    new_strength = 2 if ev[best] >= 2 * max(mine, 3) else 1
    return best, new_strength, f"whole paper: {first_cue[best]}", evidence, True


def _absorb(prev: Paper, p: Paper) -> None:
    prev.end = p.end
    if p.page_end is not None:
        prev.page_end = max(prev.page_end or p.page_end, p.page_end)
        if prev.page_start is None:
            prev.page_start = p.page_start
    for t, v in p.evidence.items():
        prev.evidence[t] = round(prev.evidence.get(t, 0) + v, 1)


def paper_confidence(settings: Settings, strength: int) -> float:
    """A paper's confidence from the strength (0-3) of the cue that typed it."""
    table = settings.segment.confidence
    return table[strength] if isinstance(strength, int) and 0 <= strength < len(table) else table[0]


def furniture_title(doc: Document, papers: list[Paper], strong: float) -> None:
    """A running title removed as page furniture ("Appendix I: Budget Risks
    Register 2025-26" at the top of every page) names the document: it
    decides the first paper's type when nothing in the body did strongly."""
    if not papers or papers[0].confidence >= strong:
        return
    seen = []
    for line in doc.headers:
        t = " ".join(str(line).split())
        if t and t not in seen:
            seen.append(t)
    for t in seen[:3]:
        hs = [h for h in text_hits(Block(kind=HEADING, text=t)) if h.strength >= 3]
        if hs:
            h = hs[0]
            papers[0].paper_type, papers[0].cue, papers[0].confidence = h.paper_type, h.cue, strong
            papers[0].title = short(t, 200)
            return


def _pages(blocks: list[Block]) -> list[int]:
    """Pages of a paper's content blocks (boilerplate only when there is nothing else)."""
    content = [p for b in blocks if b.kind != PAGE_BREAK and not boilerplate.is_boilerplate(b)
               for p in (b.page, b.page_end) if p is not None]
    if content:
        return content
    return [p for b in blocks if b.kind != PAGE_BREAK for p in (b.page, b.page_end) if p is not None]


def merge_trailing(papers: list[Paper], blocks: list[Block], keep: set[int]) -> None:
    """Papers holding nothing but boilerplate or page breaks join the paper before them."""
    k = 1
    while k < len(papers):
        p = papers[k]
        if not has_content(blocks, p.start, p.end + 1) and p.paper_type == OTHER and p.start not in keep:
            prev = papers[k - 1]
            prev.end = p.end
            if p.page_end is not None:
                prev.page_end = max(prev.page_end or p.page_end, p.page_end)
                if prev.page_start is None:
                    prev.page_start = p.page_start
            del papers[k]
        else:
            k += 1
