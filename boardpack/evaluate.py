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

The judging rules (:data:`VIEW_KEYS`, :data:`FIELDS`, the tolerances,
:func:`match`) live in :mod:`boardpack.evaluate_scoring` and the report
(:class:`EvalReport`, the table) in :mod:`boardpack.evaluate_report`; this
module runs the pipeline on the corpus.

CLI: ``boardpack eval [CORPUS_DIR] [--json|--table] [--fail-under F1]``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Optional

from boardpack.batch import ingest_paths
from boardpack.core.settings import DEFAULT, Settings
from boardpack.evaluate_report import EvalReport, FileResult, format_table
from boardpack.evaluate_scoring import FIELDS, VIEW_KEYS, Score, match, norm_text, norm_value, score_file
from boardpack.ingest.detect import detect_format
from boardpack.store.database import Store

GOLD_SUFFIX = ".gold.json"

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


# What other modules and tests take from here: the scoring rules
# (evaluate_scoring) and the report (evaluate_report) moved out.
__all__ = [
    "evaluate", "EvalReport", "FileResult", "Score", "FIELDS", "VIEW_KEYS", "GOLD_SUFFIX", "find_samples",
    "format_table", "ingest_one", "load_gold", "match", "norm_text", "norm_value", "score_file",
]
