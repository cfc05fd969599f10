"""People and organisations named anywhere in a document.

A whole-document extractor, run after the paper extractors so their rows are
in ``ctx.results``:

1. structured mentions first: attendance rows (with their roles), action
   owners, agenda presenters, addressees and contact officers, report lead
   officers, action-plan leads and sources;
2. those names seed a spaCy EntityRuler (:mod:`boardpack.extractors.nlp`) together with
   the agency gazetteer and title/given-name shapes, which then reads every
   paragraph, list item, heading and table cell, so people the minutes list
   are found again in reports and action plans.

Each person mention keeps the raw spelling, the canonical name
(:func:`boardpack.core.names.parse_person`), title, role, organisation (an agency
named next to the person: "SCDC Licensing – Myles Bebbington", "Leigh Roberts
CCC"), the kind of context and where it was. Organisations go to
``org_mentions``. Clustering across spellings and documents is
:func:`boardpack.core.names.rebuild_people`.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Optional

from boardpack.core.model import ACTION_PLAN, AGENDA, BUDGET, COVER, MINUTES, PAGE_BREAK, PERFORMANCE, PROGRESS_REPORT, TABLE, Block, Paper
from boardpack.core.names import NOT_NAME_WORDS, looks_like_person, parse_person, split_people
from boardpack.extractors.nlp import build_nlp, canonical_org, clean_org_span, clean_person_span, find_entities_many
from boardpack.core.textnorm import one_line
from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext, Extractor, ExtractResult, register
from boardpack.extractors.people_record import Collector, Mention

_PAPER_CONTEXT = {
    MINUTES: "minutes",
    PROGRESS_REPORT: "report",
    ACTION_PLAN: "action",
    AGENDA: "agenda",
    COVER: "cover",
    BUDGET: "budget",
    PERFORMANCE: "performance",
}
_CUES = [
    (re.compile(r"\blead\s+officer\b|\blead\s*:|\bled\s+by\b|\bsource\s*:|\bresponsible\s+officer\b|\bowner\s*:", re.I), "lead"),
    (re.compile(r"^\s*actions?\b\s*[:\-]|\baction\s*:\s", re.I), "action"),
    (re.compile(r"^\s*(?:from|author|report\s+(?:of|by))\s*:", re.I), "author"),
    (re.compile(r"^\s*(?:to|contact|enquiries\s+to)\s*:", re.I), "addressee"),
]
_SEP = re.compile(r"^[\s\-–—,:/(]*$")


def _snippet(text: str, start: int, end: int, width: int = 90) -> str:
    a = max(0, start - width)
    b = min(len(text), end + width)
    s = one_line(text[a:b])
    return ("…" if a > 0 else "") + s + ("…" if b < len(text) else "")


def _rows(ctx: ExtractContext, table: str) -> list[dict[str, Any]]:
    return ctx.results.rows.get(table, [])


def _org_of_role(role: Optional[str]) -> Optional[str]:
    """An attendance role that names an agency ("SCDC", "Cambridgeshire Constabulary")."""
    if not role:
        return None
    for part in re.split(r"[,;/()]| - | – ", role):
        part = part.strip()
        if not part:
            continue
        canon, abbrev = canonical_org(part)
        if canon != part or abbrev:
            return canon
        if re.search(r"\b(Council|Constabulary|Police|Service|Services|Trust|Partnership|Agency|Commissioner|Probation|Authority|Board|NHS|CVS)\b", part):
            return part
    return None


def structured_mentions(ctx: ExtractContext, col: Collector) -> list[str]:
    """Mentions from other extractors' rows; returns the seed names for the ruler."""
    seeds: list[str] = []
    for source in (_attendance_seeds, _owner_seeds, _presenter_seeds, _meeting_seeds, _lead_officer_seeds):
        source(ctx, col, seeds)
    return seeds


def _seed(m: Optional[dict], seeds: list[str]) -> None:
    """A recorded mention's canonical name, read when it is recorded, is a seed."""
    if m:
        seeds.append(m["canonical"])


def _attendance_seeds(ctx: ExtractContext, col: Collector, seeds: list[str]) -> None:
    for r in _rows(ctx, "attendance"):
        raw = r.get("person_raw") or r.get("person")
        name = r.get("person") or raw
        role = r.get("role")
        _seed(col.person(Mention(name, "attendance", r.get("page"), r.get("block_index"), role=role, organisation=_org_of_role(role), context=one_line(raw or "")[:200])), seeds)


def _owner_seeds(ctx: ExtractContext, col: Collector, seeds: list[str]) -> None:
    """The owners of minuted actions."""
    for r in _rows(ctx, "minute_actions"):
        owners = r.get("owners") or ""
        for o in re.split(r";\s*", owners):
            for name in split_people(o):
                _seed(col.person(Mention(name, "action", r.get("page"), r.get("block_index"), context=(r.get("action_text") or "")[:200])), seeds)


def _presenter_seeds(ctx: ExtractContext, col: Collector, seeds: list[str]) -> None:
    for r in _rows(ctx, "agenda_items"):
        if r.get("presenter"):
            for name in split_people(r["presenter"]):
                _seed(col.person(Mention(name, "presenter", r.get("page"), r.get("block_index"), context=(r.get("title") or "")[:200])), seeds)


def _meeting_seeds(ctx: ExtractContext, col: Collector, seeds: list[str]) -> None:
    """A meeting's contact officer and the people a summons is addressed to."""
    for r in _rows(ctx, "meetings"):
        if r.get("contact_officer"):
            _seed(col.person(Mention(r["contact_officer"], "contact", r.get("page"), r.get("block_index"), role="contact officer")), seeds)
        adds = r.get("addressees")
        if adds:
            try:
                lst = json.loads(adds) if isinstance(adds, str) else list(adds)
            except ValueError:
                lst = [adds]
            for a in lst:
                for name in split_people(str(a)):
                    _seed(col.person(Mention(name, "addressee", r.get("page"), r.get("block_index"))), seeds)


def _lead_officer_seeds(ctx: ExtractContext, col: Collector, seeds: list[str]) -> None:
    for r in _rows(ctx, "progress_reports"):
        if r.get("lead_officer"):
            for name in split_people(r["lead_officer"]):
                _seed(col.person(Mention(name, "lead", r.get("page"), r.get("block_index"), role="lead officer")), seeds)


def _block_texts(block: Block) -> Iterable[tuple[str, Any, Optional[str]]]:
    """(text, page, column header) for a block: its text, or each table cell."""
    if block.kind == TABLE:
        header = [one_line(c.norm) for c in block.rows[0].cells] if block.rows else []
        for ri, row in enumerate(block.rows):
            for ci, cell in enumerate(row.cells):
                h = header[ci] if ri > 0 and ci < len(header) else None
                if cell.norm:
                    yield cell.norm, row.page if row.page is not None else block.page, h
                for t in cell.tables:
                    yield from _block_texts(t)
    elif block.kind != PAGE_BREAK and block.norm:
        yield block.norm, block.page, None


def _context_kind(text: str, start: int, paper_kind: str, header: Optional[str]) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    for rx, kind in _CUES:
        if rx.search(prefix):
            return kind
    if header and re.search(r"\blead|\bled\s+by|owner|responsib|source|contact|officer", header, re.I):
        return "lead"
    if header and re.search(r"\baction", header, re.I) and paper_kind == "minutes":
        return "action"
    return paper_kind


def _organisation_near(text: str, person, ents) -> Optional[Any]:
    """An ORG entity written right next to a person: "SCDC Licensing – Name", "Name CCC", "Name (SCDC)"."""
    best = None
    for e in ents:
        if e.label != "ORG":
            continue
        if e.end <= person.start and _SEP.match(text[e.end:person.start]) and person.start - e.end <= 4 and "\n" not in text[e.end:person.start]:
            best = e
        elif e.start >= person.end and _SEP.match(text[person.end:e.start]) and e.start - person.end <= 3 and "\n" not in text[person.end:e.start]:
            return e
    return best


_MALE = {"mr", "sir", "lord"}
_FEMALE = {"mrs", "ms", "miss", "dame", "lady", "baroness"}


def _sex(titles) -> Optional[str]:
    low = {t.lower() for t in titles or ()}
    return "m" if low & _MALE else "f" if low & _FEMALE else None


def _by_surname(text: str, surnames: dict[str, set[tuple[str, Optional[str]]]]) -> Optional[tuple[str, str]]:
    """"Mr Gough" -> ("R W Gough", "Mr Gough") when exactly one seeded person has
    that surname (and no title says otherwise: "Mr Meade" is not "Ms J Meade")."""
    p = parse_person(text)
    toks = [t for t in p.canonical.split() if t.lower() not in NOT_NAME_WORDS]
    if len(toks) != 1 or not p.titles or len(toks[0]) < 2:
        return None
    sex = _sex(p.titles)
    found = {c for c, s in surnames.get(toks[0].lower(), set()) if not (sex and s and s != sex)}
    if len(found) != 1:
        return None
    return next(iter(found)), f"{' '.join(p.titles)} {toks[0]}"


def scan_blocks(ctx: ExtractContext, col: Collector, seeds: list[str]) -> None:
    paper_of = _paper_type_of_blocks(ctx)
    seed_orgs = _seed_orgs(ctx)
    nlp = build_nlp(seeds, [o for o in seed_orgs if len(o) > 2])
    surnames = _listed_surnames(col)
    items = []
    for b in ctx.doc.blocks:
        if "boilerplate" in b.flags:
            continue
        pk = _PAPER_CONTEXT.get(paper_of.get(b.index, ""), "text")
        for text, page, header in _block_texts(b):
            items.append((b, text, page, header, pk))
    # names wrap across PDF lines; a same-length replacement keeps offsets valid
    found = find_entities_many(nlp, [text.replace("\n", " ") for _, text, _, _, _ in items])
    for item, ents in zip(items, found):
        b, text, page, header, pk = item
        ents = _trimmed_orgs(ents)
        for e in ents:
            if e.label == "ORG":
                col.org(e.text, _context_kind(text, e.start, pk, header), page, b.index, context=_snippet(text, e.start, e.end), start=e.start)
        for e in ents:
            if e.label == "PERSON":
                _person_mention(col, item, e, ents, surnames)


def _paper_type_of_blocks(ctx: ExtractContext) -> dict[int, str]:
    """Block index -> the type of the paper it is in (the first, when papers overlap)."""
    paper_of: dict[int, str] = {}
    for p in ctx.papers:
        if p.paper_type == WHOLE_DOCUMENT:
            continue
        for i in range(p.start, p.end + 1):
            paper_of.setdefault(i, p.paper_type)
    return paper_of


def _seed_orgs(ctx: ExtractContext) -> list[str]:
    """Organisations named as leads and partners of plan actions."""
    seed_orgs = []
    for r in _rows(ctx, "plan_actions"):
        for k in ("lead_agency", "other_partners"):
            v = r.get(k)
            if v:
                seed_orgs.extend(x.strip() for x in re.split(r"[,;/]| and |&", v) if x.strip() and not looks_like_person(parse_person(x.strip()).canonical))
    return seed_orgs


def _listed_surnames(col: Collector) -> dict[str, set[tuple[str, Optional[str]]]]:
    """Surname -> the listed (seed) people with it, and their sex from the title."""
    surnames: dict[str, set[tuple[str, Optional[str]]]] = {}
    for m in col.res.rows.get("people_mentions", []):
        if m.get("method") == "seed" and m.get("canonical"):
            fam = m["canonical"].split()[-1].lower()
            surnames.setdefault(fam, set()).add((m["canonical"], _sex((m.get("title") or "").split())))
    # one person listed twice (with and without a title) is still one person
    for fam, found in list(surnames.items()):
        names = {c for c, _ in found}
        if len(names) == 1 and len(found) > 1:
            sexes = {x for _, x in found if x}
            surnames[fam] = {(names.pop(), sexes.pop() if len(sexes) == 1 else None)}
    return surnames


def _trimmed_orgs(ents: list) -> list:
    """Organisation spans found by the model cut to the organisation's name (dropped without one)."""
    kept = []
    for e in ents:
        if e.label == "ORG" and e.method not in ("gazetteer", "seed_org"):
            name = clean_org_span(e.text)
            if not name:
                continue
            off = e.text.find(name)
            e = type(e)("ORG", name, e.start + max(off, 0), e.start + max(off, 0) + len(name), e.method)
        kept.append(e)
    return kept


def _person_mention(col: Collector, item: tuple, e: Any, ents: list, surnames: dict) -> None:
    """A person found in a block's text: the name (a titled surname of a listed person read
    as that person), the organisation near it and a bracketed role after it."""
    b, text, page, header, pk = item
    span = e.text if e.method == "seed" else clean_person_span(e.text)
    method, written = e.method, None
    if not span and e.method == "title":
        # "Mr Gough" in running minutes: the one listed person with that surname
        hit = _by_surname(e.text, surnames)
        if hit:
            span, written = hit
            method = "seed_surname"
    if not span:
        return
    org = _organisation_near(text, e, ents)
    # a bracketed role right after the name: "John Reynolds (Chairman)"
    m = re.match(r"\s*\(([^()]{2,40})\)", text[e.end:])
    role = None
    if m:
        c, ab = canonical_org(m.group(1))
        names_org = bool(ab) or c != m.group(1).strip()
        if not names_org and not re.search(r"\b(Council|Service|Police)\b", m.group(1)):
            role = m.group(1)
        if names_org and org is None:
            org = type(e)("ORG", m.group(1), 0, 0, "gazetteer")
    col.person(Mention(
        span,
        _context_kind(text, e.start, pk, header),
        page,
        b.index,
        role=role,
        organisation=canonical_org(org.text)[0] if org else None,
        context=_snippet(text, e.start, e.end),
        method=method,
        raw=written,
    ))


@register
class PeopleExtractor(Extractor):
    """People and organisations in the whole document (runs after paper extractors)."""

    name = "people"
    paper_types = (WHOLE_DOCUMENT,)
    produces = ("people_mentions", "org_mentions")
    order = 90

    def extract(self, paper: Paper, ctx: ExtractContext) -> ExtractResult:
        res = ExtractResult()
        col = Collector(ctx, res)
        seeds = structured_mentions(ctx, col)
        scan_blocks(ctx, col, seeds)
        return res
