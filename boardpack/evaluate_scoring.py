"""How a prediction is judged against gold: what is judged (views with the
columns that key their rows, key fields), how values compare (normalised
text, near-identical free text, numbers within a tolerance), one-to-one
matching and the precision/recall/F1 :class:`Score`.

Apart from the corpus run (:mod:`boardpack.evaluate`) because the
real-world and layout evals judge with the same rules on their own files.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Sequence

from boardpack.core.textnorm import normalise

# ---------------------------------------------------------------------------
# What is judged (data)
# ---------------------------------------------------------------------------

#: Views judged, with the key columns that identify a row (row matching).
VIEW_KEYS: dict[str, tuple[str, ...]] = {
    "v_meetings": ("meeting_date",),
    "v_agenda_items": ("item_number",),
    "v_attendance": ("person", "attendance"),
    "v_minute_actions": ("action_text",),
    "v_decisions": ("decision_text",),
    "v_report_items": ("section", "item_text"),
    "v_action_updates": ("ref", "period"),
    "v_budget_amounts": ("item", "measure"),
    "v_indicator_values": ("indicator", "measure", "period_label"),
}


@dataclass(frozen=True)
class FieldSpec:
    """A key field: the view it lives in and the columns compared together
    (context columns first, the field's own value last)."""

    view: str
    columns: tuple[str, ...]


#: Key fields judged, by name.
FIELDS: dict[str, FieldSpec] = {
    "meeting_date": FieldSpec("v_meetings", ("meeting_date",)),
    "start_time": FieldSpec("v_meetings", ("meeting_date", "start_time")),
    "agenda_number": FieldSpec("v_agenda_items", ("item_number",)),
    "attendance": FieldSpec("v_attendance", ("person", "attendance")),
    "minutes_date": FieldSpec("v_attendance", ("meeting_date",)),
    "milestone_ref": FieldSpec("v_action_updates", ("ref",)),
    "status": FieldSpec("v_action_updates", ("ref", "period", "status")),
    "stats_awaited": FieldSpec("v_action_updates", ("ref", "period", "stats_awaited")),
    "amount": FieldSpec("v_budget_amounts", ("item", "measure", "amount")),
    "indicator_value": FieldSpec("v_indicator_values", ("indicator", "measure", "period_label", "value")),
}

#: Columns compared as numbers.
NUMERIC_COLUMNS = frozenset({"amount", "value", "stats_awaited", "funding_allocated", "is_total", "page"})
#: Free-text columns where near-identical text counts as equal.
FREE_TEXT_COLUMNS = frozenset({
    "action_text", "decision_text", "item_text", "item", "indicator", "description", "progress",
    "title", "table_title", "plan_title", "committee", "venue", "person", "role", "measure", "owners",
})
#: Minimum rapidfuzz ratio (0-100) for two normalised free texts to be equal.
TEXT_SIMILARITY = 95.0
#: Numbers equal when they differ by at most this (pounds, counts, percentages).
NUMBER_TOLERANCE = 0.005


# ---------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def __iadd__(self, other: "Score") -> "Score":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.gold, "predicted": self.predicted,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


# ---------------------------------------------------------------------------
# Normalisation and matching
# ---------------------------------------------------------------------------

_PUNCT = re.compile(r"[^\w£%]+", re.UNICODE)
_NUMBER = re.compile(r"^\s*\(?\s*[-+]?\s*£?\s*\d[\d,]*(?:\.\d+)?\s*\)?\s*%?\s*$")


def norm_text(v: Any) -> str:
    """Case, whitespace, punctuation and dash/quote variants folded away."""
    if v is None:
        return ""
    t = normalise(str(v)).casefold()
    return " ".join(_PUNCT.sub(" ", t).split())


def as_number(v: Any) -> Optional[float]:
    if v is None or isinstance(v, bool):
        return None if v is None else float(v)
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip()
    if not s or not _NUMBER.match(s):
        return None
    neg = s.startswith("(") and s.endswith(")") or "-" in s
    digits = re.sub(r"[^\d.]", "", s)
    try:
        x = float(digits)
    except ValueError:
        return None
    return -x if neg else x


def norm_value(column: str, v: Any) -> Any:
    """The comparable form of one cell: a float for numeric columns (when it
    parses), else normalised text; None and "" both become ""."""
    if column in NUMERIC_COLUMNS:
        x = as_number(v)
        if x is not None:
            return round(x, 2)
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return norm_text(v)


def values_equal(column: str, a: Any, b: Any) -> bool:
    """Equality of two normalised values of ``column`` with the tolerances."""
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, float) and isinstance(b, float):
            return abs(a - b) <= NUMBER_TOLERANCE + 1e-9 * max(abs(a), abs(b))
        return False
    if a == b:
        return True
    if column in FREE_TEXT_COLUMNS and a and b:
        from rapidfuzz import fuzz

        return fuzz.ratio(a, b) >= TEXT_SIMILARITY
    return False


def row_key(row: dict[str, Any], columns: Sequence[str]) -> tuple:
    return tuple(norm_value(c, row.get(c)) for c in columns)


def match(gold: Iterable[tuple], pred: Iterable[tuple], columns: Sequence[str],
          equal: Callable[[str, Any, Any], bool] = values_equal,
          misses: Optional[dict[str, list]] = None) -> Score:
    """One-to-one matching of two multisets of normalised tuples.

    Exact matches first, then near matches (``equal``: numeric tolerance,
    free-text similarity) among what is left, greedily in order. When
    ``misses`` is given, the unmatched gold and predicted tuples are put in
    it (keys ``missed`` and ``extra``), to show what went wrong.
    """
    gold = list(gold)
    pred = list(pred)
    left_pred: dict[tuple, list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        left_pred[p].append(j)
    used = [False] * len(pred)
    unmatched_gold = []
    tp = 0
    for g in gold:
        lst = left_pred.get(g)
        if lst:
            used[lst.pop()] = True
            tp += 1
        else:
            unmatched_gold.append(g)
    rest = [j for j in range(len(pred)) if not used[j]]
    missed = []
    for g in unmatched_gold:
        for k, j in enumerate(rest):
            p = pred[j]
            if all(equal(c, a, b) for c, a, b in zip(columns, g, p)):
                tp += 1
                del rest[k]
                break
        else:
            missed.append(g)
    if misses is not None:
        misses["missed"] = missed
        misses["extra"] = [pred[j] for j in rest]
    return Score(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def score_view(view: str, gold_rows: list[dict], pred_rows: list[dict]) -> Score:
    cols = VIEW_KEYS[view]
    return match((row_key(r, cols) for r in gold_rows), (row_key(r, cols) for r in pred_rows), cols)


def score_field(name: str, gold_rows: list[dict], pred_rows: list[dict]) -> Score:
    spec = FIELDS[name]
    cols = spec.columns
    return match((row_key(r, cols) for r in gold_rows), (row_key(r, cols) for r in pred_rows), cols)


def score_file(gold_views: dict[str, list[dict]], pred_views: dict[str, list[dict]]) -> tuple[dict[str, Score], dict[str, Score]]:
    """(per-view scores, per-field scores) for one file; only views present in gold are judged."""
    views: dict[str, Score] = {}
    fields: dict[str, Score] = {}
    for view, gold_rows in gold_views.items():
        if view not in VIEW_KEYS:
            continue
        pred_rows = pred_views.get(view, [])
        views[view] = score_view(view, gold_rows or [], pred_rows)
        for name, spec in FIELDS.items():
            if spec.view == view:
                fields[name] = score_field(name, gold_rows or [], pred_rows)
    return views, fields
