"""Per-field accuracy of the whole pipeline against the corpus gold annotations.

:func:`evaluate` ingests every sample in a folder that has a
``<file>.gold.json`` beside it (``{"file": ..., "views": {"v_meetings":
[...], ...}}``, see docs/CONTRIBUTING.md) into a temporary database, reads each
query view (``v_*``) back for that file (``WHERE source_file = <base
name>``) and compares the rows with the gold rows:

* **per view**: rows are matched one-to-one on the view's key columns
  (:data:`VIEW_KEYS`); precision, recall and F1 over matched rows;
* **per key field**: the multiset of a field's value tuples
  (:data:`FIELDS`, e.g. attendance = (person, attendance), status =
  (ref, period, status)) in gold against prediction;
* both overall and per format (pdf / docx / doc).

Comparison: free text is compared after normalisation (case, whitespace,
punctuation, dash/quote variants), and long free text may differ by a few
characters (:data:`TEXT_SIMILARITY`, rapidfuzz ratio); numbers are compared
numerically within :data:`NUMBER_TOLERANCE`; NULL and empty text are equal.
A view absent from a gold file is not judged for that file; a view present
with ``[]`` means "must extract nothing" (any predicted row is a false
positive).

Each sample is ingested into its own temporary database, so a paper that
appears in two samples (the same pack as PDF and DOCX) is not de-duplicated
away by the link stage and every file is judged on what was read from it.

CLI: ``boardpack eval [CORPUS_DIR] [--json|--table] [--fail-under F1]``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from boardpack.batch import ingest_paths
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.textnorm import normalise
from boardpack.ingest.detect import detect_format
from boardpack.store.database import Store

GOLD_SUFFIX = ".gold.json"

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


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


@dataclass
class FileResult:
    file: str
    path: str
    format: str
    #: "ok"; "failed" (an error nobody expected); for bad inputs annotated with
    #: ``expected_error``: "expected_error" (rejected as it should be),
    #: "wrong_error" or "missing_error" (ingested although it should fail)
    status: str
    error: Optional[str] = None
    views: dict[str, Score] = field(default_factory=dict)
    fields: dict[str, Score] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    expected_error: Optional[str] = None

    @property
    def as_expected(self) -> bool:
        return self.status in ("ok", "expected_error")


@dataclass
class EvalReport:
    corpus: str
    files: list[FileResult] = field(default_factory=list)

    # -- aggregation ---------------------------------------------------------
    def _sum(self, kind: str, fmt: Optional[str] = None) -> dict[str, Score]:
        out: dict[str, Score] = {}
        for f in self.files:
            if fmt is not None and f.format != fmt:
                continue
            for name, s in getattr(f, kind).items():
                out.setdefault(name, Score())
                out[name] += s
        return out

    @property
    def views(self) -> dict[str, Score]:
        return self._sum("views")

    @property
    def fields(self) -> dict[str, Score]:
        return self._sum("fields")

    @property
    def formats(self) -> list[str]:
        return sorted({f.format for f in self.files})

    def by_format(self, kind: str) -> dict[str, dict[str, Score]]:
        return {fmt: self._sum(kind, fmt) for fmt in self.formats}

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows: scope (view/field), name, format ("all" or pdf/docx/doc), scores."""
        out = []
        for kind in ("views", "fields"):
            order = list(VIEW_KEYS) if kind == "views" else list(FIELDS)
            groups = [("all", self._sum(kind))] + [(fmt, self._sum(kind, fmt)) for fmt in self.formats]
            for name in order:
                for fmt, scores in groups:
                    if name in scores:
                        out.append({"scope": kind[:-1], "name": name, "format": fmt, **scores[name].as_dict()})
        return out

    def failures(self, threshold: float) -> list[dict[str, Any]]:
        return [r for r in self.rows() if r["f1"] < threshold]

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "files": [
                {"file": f.file, "format": f.format, "status": f.status, "error": f.error, "notes": f.notes,
                 "expected_error": f.expected_error,
                 "views": {k: v.as_dict() for k, v in f.views.items()},
                 "fields": {k: v.as_dict() for k, v in f.fields.items()}}
                for f in self.files
            ],
            "views": {k: v.as_dict() for k, v in self.views.items()},
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "by_format": {
                fmt: {"views": {k: v.as_dict() for k, v in self._sum("views", fmt).items()},
                      "fields": {k: v.as_dict() for k, v in self._sum("fields", fmt).items()}}
                for fmt in self.formats
            },
            "rows": self.rows(),
        }


# ---------------------------------------------------------------------------
# Running the pipeline on the corpus
# ---------------------------------------------------------------------------


def find_samples(corpus_dir) -> list[tuple[Path, Path]]:
    """(sample, gold) pairs: every ``X.gold.json`` under ``corpus_dir`` whose ``X`` exists."""
    root = Path(corpus_dir)
    out = []
    for gold in sorted(root.rglob("*" + GOLD_SUFFIX)):
        sample = gold.with_name(gold.name[: -len(GOLD_SUFFIX)])
        if sample.exists():
            out.append((sample, gold))
    return out


def load_gold(path: Path) -> dict[str, Any]:
    """The gold annotation: ``views`` (rows per view) and, for bad inputs,
    ``expected_error`` (the error class the file must be rejected with)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    views = data.get("views") or {}
    if not isinstance(views, dict):
        raise ValueError(f"{path}: 'views' must be an object")
    return {"views": views, "expected_error": data.get("expected_error")}


def _format_of(path: Path) -> str:
    try:
        return detect_format(path)
    except Exception:  # noqa: BLE001 - a sample the detector rejects still gets judged
        return path.suffix.lower().lstrip(".") or "unknown"


def ingest_one(sample: str, views: list[str], settings: Settings) -> dict[str, Any]:
    """Ingest one sample into its own temporary database; return the rows of
    ``views`` for it (top level: runs in worker processes)."""
    path = Path(sample)
    name = path.name
    out: dict[str, Any] = {"format": None, "error": None, "error_types": [], "views": {}, "notes": []}

    def progress(kind, value):
        err = getattr(value, "error", None) if kind == "file" else None
        if err is not None:
            out["error_types"] = [c.__name__ for c in type(err).__mro__]

    with tempfile.TemporaryDirectory(prefix="boardpack-eval-") as tmp:
        db = Path(tmp) / "eval.db"
        summary = ingest_paths([path], db_path=db, workers=1, settings=settings, progress=progress)
        if summary.failed:
            out["error"] = "; ".join(m for _, m in summary.errors) or "failed"
        with Store.open(db) as store:
            try:
                _, rows = store.query(
                    "SELECT d.format, d.pages, d.scanned_pages FROM documents d JOIN files f ON f.sha256 = d.sha256"
                    " ORDER BY f.path LIMIT 1")
                if rows:
                    out["format"], out["pages"] = rows[0][0], rows[0][1]
                    out["scanned_pages"] = json.loads(rows[0][2] or "[]")
            except Exception:  # noqa: BLE001
                pass
            for view in views:
                try:
                    cur = store.db.conn.execute(f"SELECT * FROM {view} WHERE source_file = ?", [name])
                except sqlite3.Error as e:
                    out["notes"].append(f"{view}: {e}")
                    out["views"][view] = []
                    continue
                cols = [d[0] for d in cur.description]
                out["views"][view] = [dict(zip(cols, r)) for r in cur.fetchall()]
    return out


def evaluate(corpus_dir="corpus", settings: Settings = DEFAULT, workers: Optional[int] = None) -> EvalReport:
    """Ingest every gold-annotated sample under ``corpus_dir`` and score it.

    Returns an :class:`EvalReport` (per file, per view, per field, per format).
    """
    samples = find_samples(corpus_dir)
    report = EvalReport(corpus=str(corpus_dir))
    if not samples:
        return report
    golds = {str(s): load_gold(g) for s, g in samples}
    judged = {str(s): [v for v in golds[str(s)]["views"] if v in VIEW_KEYS] for s, _ in samples}
    n = workers or settings.workers or os.cpu_count() or 1
    n = max(1, min(n, len(samples)))
    results: dict[str, dict[str, Any]] = {}
    if n == 1:
        for s, _ in samples:
            results[str(s)] = ingest_one(str(s), judged[str(s)], settings)
    else:
        with ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn")) as ex:
            futs = {str(s): ex.submit(ingest_one, str(s), judged[str(s)], settings) for s, _ in samples}
            for k, fut in futs.items():
                results[k] = fut.result()
    for s, _ in samples:
        key = str(s)
        res = results[key]
        fmt = res["format"] or _format_of(s)
        gold = golds[key]
        views, fields = score_file(gold["views"], res["views"])
        expected = gold["expected_error"]
        if expected:
            status = "expected_error" if expected in res["error_types"] else (
                "wrong_error" if res["error"] else "missing_error")
        else:
            status = "failed" if res["error"] else "ok"
        report.files.append(FileResult(
            file=s.name, path=key, format=fmt, status=status, error=res["error"], views=views, fields=fields,
            notes=res["notes"], expected_error=expected,
        ))
    return report


# ---------------------------------------------------------------------------
# Output and CLI
# ---------------------------------------------------------------------------


def format_table(report: EvalReport, out=None) -> None:
    """Print the eval table (per view and per field, overall and per format) with rich."""
    import sys

    from rich.console import Console
    from rich.table import Table

    out = out or sys.stdout
    console = Console(file=out, width=None if out.isatty() else 120)
    for kind in ("view", "field"):
        t = Table(title=f"Accuracy per {kind} ({report.corpus}, {len(report.files)} files)")
        for c, j in (("name", "left"), ("format", "left"), ("gold", "right"), ("pred", "right"),
                     ("P", "right"), ("R", "right"), ("F1", "right")):
            t.add_column(c, justify=j)
        for r in report.rows():
            if r["scope"] != kind:
                continue
            f1 = f"{r['f1']:.3f}"
            style = None if r["f1"] >= 0.95 else "red"
            t.add_row(r["name"] if r["format"] == "all" else "", r["format"], str(r["gold"]), str(r["predicted"]),
                      f"{r['precision']:.3f}", f"{r['recall']:.3f}", f1, style=style)
        console.print(t)
    below = [(f, kind, name, sc) for f in report.files for kind in ("views", "fields")
             for name, sc in getattr(f, kind).items() if sc.f1 < 0.95]
    if below:
        t = Table(title="Files below F1 0.95")
        for c in ("file", "format", "view/field", "gold", "pred", "F1"):
            t.add_column(c)
        for f, kind, name, sc in below:
            t.add_row(f.file, f.format, name, str(sc.gold), str(sc.predicted), f"{sc.f1:.3f}", style="red")
        console.print(t)
    for f in report.files:
        if not f.as_expected:
            want = f" (expected {f.expected_error})" if f.expected_error else ""
            console.print(f"[red]{f.status}[/red] {f.file}: {f.error or 'ingested'}{want}")
    n_bad = sum(1 for f in report.files if f.status == "expected_error")
    if n_bad:
        console.print(f"{n_bad} bad input(s) rejected with their expected errors")


__all__ = ["evaluate", "EvalReport", "Score", "FIELDS", "VIEW_KEYS", "match", "score_file"]
