"""The state of action plans being read: a plan, its actions, the row
segments that belong to each action, and an update about to be written.

Shared by the table reader (:mod:`boardpack.extractors.plan_rows`) and the
row writer (:mod:`boardpack.extractors.plan_emit`), apart from both so
neither has to import the other.
"""

from __future__ import annotations

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import Cell


@dataclass
class Segment:
    """The cells of one table row that belong to one action."""

    milestones: str = ""
    lead: str = ""
    partners: str = ""
    progress: str = ""
    progress_raw: str = ""
    progress_fill: Optional[str] = None
    status: str = ""
    status_fill: Optional[str] = None
    extra: dict = field(default_factory=dict)  # "progress:<col>" -> (text, raw, fill)
    page: Optional[int] = None
    block_index: int = 0


@dataclass
class ActionState:
    number: Optional[str]
    text: str
    raw: str
    priority: Optional[str]
    lead: str = ""
    partners: str = ""
    status_cell: str = ""
    page: Optional[int] = None
    block_index: int = 0
    segments: list[Segment] = field(default_factory=list)
    action_fill: Optional[str] = None


@dataclass
class PlanState:
    plan_id: str
    title: str
    key: str
    roles: dict[int, str]
    header_texts: list[str]
    ordinal: int
    numbers: set = field(default_factory=set)
    actions: list[ActionState] = field(default_factory=list)
    row: dict = field(default_factory=dict)
    generic: bool = False  # title is only "Action Plan" (or none)
    headerless: bool = False  # an action log of small tables without header rows
    log_date: Optional[str] = None  # an action log's "as of" (or meeting) date: its period when no quarter is named
    is_log: bool = False  # the paper calls itself an action log / actions report: its own status words count


def cells_by_col(cells: list[Cell]) -> list[tuple[int, Cell]]:
    out, col = [], 0
    for c in cells:
        out.append((col, c))
        col += max(1, c.colspan)
    return out


def role_cells(cells: list[Cell], roles: dict[int, str]) -> dict[str, Cell]:
    """The cell under each role's column (merged cells count once, for the role
    whose column they start in)."""
    placed = cells_by_col(cells)
    out: dict[str, Cell] = {}
    used: set[int] = set()
    for col, role in sorted(roles.items()):
        for start, c in placed:
            if start <= col < start + max(1, c.colspan):
                if id(c) in used and start != col:
                    break
                out[role] = c
                used.add(id(c))
                break
    return out


def add_action(p: PlanState, a: ActionState, seg: Segment) -> None:
    """Append a new action to the plan, with the row it starts on as its first segment."""
    a.action_fill = seg.status_fill or seg.progress_fill
    a.segments.append(seg)
    p.actions.append(a)


@dataclass
class UpdateOf:
    """What a plan update belongs to and carries over from its action and milestone (one
    object instead of twelve positional parameters through _emit_update and _emit_one)."""

    plan: PlanState
    action: ActionState
    action_id: str
    milestone_id: Optional[str]
    ref: Optional[str]  # the milestone's code, or the action's number without one
    parsed: Optional[dict]  # the milestone cell read by parse_milestone; None without coded milestones
    segs: list[Segment]  # the rows the update is read from
    action_status: Optional[str]  # a status stated in the action's own text
    funding: Optional[float]
    funding_raw: Optional[str]
    ms_text: str = ""  # the milestone column's text, when no milestone in it is coded
    has_progress_col: bool = False
