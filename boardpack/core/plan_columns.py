"""Action-plan column roles: what each column of a plan's header row is for.

A plan's header row is read by meaning (Number / Ref, Action, Milestones,
Lead agency, Other partners, Progress / Q4 Update, RAG / Status), never by
position. The vocabulary and the test of a header row live in the core
because two stages need them: the mark stage records, when it classifies a
table (``ingest/table_kind.py``), which of its rows are plan header rows and
their column roles (:class:`~boardpack.core.model.PlanHeader`), and the
action-plan extractor reads that record (:func:`plan_headers_of`).
"""

from __future__ import annotations

import re
from typing import Optional

from boardpack.core.model import Block, Cell, PlanHeader
from boardpack.core.textnorm import one_line as _one_line


def one_line(text: Optional[str]) -> str:
    """Whitespace collapsed, characters as written (as the plan extractor reads them)."""
    return _one_line(text, as_written=True)


ROLE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("number", re.compile(r"^(?:number|no\.?|num\.?|nos?\.|ref(?:erence)?\.?(?:\s*no\.?)?|#|id|key\s+support\s+indicator|"
                          r"action\s*(?:no\.?|number|ref\.?|reference|id))$"
                          # "Meeting date & action number", "Date/ref": the meeting names the action
                          r"|^(?:meeting\s+)?(?:date|meeting)\s*(?:&|and|/)\s*(?:action\s*|item\s*)?(?:no\.?|number|ref\.?|reference)$",
                          re.I)),
    ("status", re.compile(r"^(?:rag(?:\s+status|\s+rating)?|status|rating|red\s*/\s*amber\s*/\s*green|current\s+status|"
                          r"rag\s*/\s*status)\b"
                          # a combined cell: "Finish & status", "Due date / status"
                          r"|^[\w ]{2,20}\s*(?:&|and|/)\s*(?:rag\s+)?status$", re.I)),
    ("milestones", re.compile(r"^(?:key\s+)?milestones?\b", re.I)),
    ("lead", re.compile(r"^(?:lead\b|responsib|owner|accountable|who\b|action\s+(?:owner|lead|by)\b|by\s+whom\b)", re.I)),
    ("partners", re.compile(r"^(?:other\s+|key\s+|supporting\s+)?partners?\b|^supporting\b|^partner\s+agenc", re.I)),
    ("progress", re.compile(r"progress|update|\bytd\b|^comments?$|^position\b|^outcomes?\s+achieved|"
                            r"^follow[\s-]*up\b|^action\s+taken\b|^response\b", re.I)),
    ("priority", re.compile(r"^(?:priority(?:\s+area)?|theme|objective|strategic\s+aim|issue|subject|topic|workstream)$", re.I)),
    ("action", re.compile(r"^(?:actions?|action\s+plan\s+items?|activity|activities|tasks?|what\s+we\s+will\s+do)\b", re.I)),
    ("target", re.compile(r"target|deadline|timescale|by\s+when|^dates?\b|^when\b|^due\b|^finish\b", re.I)),
]


def header_role(text: str) -> Optional[str]:
    r = _header_role(one_line(text))
    if r is None and "\n" in (text or ""):
        r = _header_role((text or "").replace("\n", ""))  # "Numbe\nr" in a narrow PDF column
    return r


def _header_role(text: str) -> Optional[str]:
    t = text.strip(" :*").replace("\u2019", "'")
    if not t or len(t) > 60:
        return None
    for role, pat in ROLE_PATTERNS:
        if pat.search(t):
            return role
    return None


def header_roles(texts: list[str], strict: bool = False) -> Optional[dict[int, str]]:
    """Column index -> role when ``texts`` is an action-plan header row, else None."""
    roles: dict[int, str] = {}
    filled = [t for t in texts if t.strip()]
    if len(filled) < 3:
        return None
    for i, t in enumerate(texts):
        r = header_role(t)
        if r == "progress" and "progress" in roles.values():
            roles[i] = f"progress:{i}"  # one progress column per reporting period ("Q1 Update", "Q2 Update")
        elif r and r not in roles.values():
            roles[i] = r
    found = {r.split(":")[0] for r in roles.values()}
    if not ({"action", "milestones"} & found):
        return None
    if len(found) < 3 or not ({"progress", "status", "lead", "milestones"} & found):
        return None
    if strict and not ({"progress", "status", "milestones"} & found and len(found) >= 3):
        return None
    # Most cells of a header are headings: reject data rows that happen to match.
    if sum(1 for t in filled if header_role(t)) < max(3, len(filled) // 2):
        return None
    return roles


def cell_text(c: Optional[Cell]) -> str:
    """A cell's text; empty for a missing cell or the placeholder of a merged one."""
    if c is None or c.continued:
        return ""
    return (c.norm or "").strip()


def expanded_texts(cells: list[Cell]) -> list[str]:
    """One row's cell texts with merged cells expanded to their span (spanned
    positions after the first are empty strings)."""
    out: list[str] = []
    for c in cells:
        out.append(cell_text(c))
        out.extend([""] * (max(1, c.colspan) - 1))
    return out


def plan_headers(b: Block) -> list[PlanHeader]:
    """Every row of a table that reads as an action-plan header row, with its
    column roles and whether it passes the strict test (for tables outside an
    action-plan paper)."""
    out: list[PlanHeader] = []
    for i, r in enumerate(b.rows):
        texts = expanded_texts(r.cells)
        roles = header_roles(texts)
        if roles:
            out.append(PlanHeader(i, roles, header_roles(texts, strict=True) is not None))
    return out


def plan_headers_of(b: Block) -> list[PlanHeader]:
    """The plan header rows recorded on the table by the mark stage. A table that
    never went through it (a document built by hand) is read here the same way."""
    return b.table.plan_headers if b.table is not None else plan_headers(b)
