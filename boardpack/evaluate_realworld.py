"""Accuracy on real published papers against hand-written gold.

The corpus eval (:mod:`boardpack.evaluate`) scores samples rendered from the
same texts as their gold, so it cannot see layouts the project never had.
This eval reads gold written by hand for real papers of many bodies
(``corpus/realworld_gold/<folder>/<path>.json``, see the README there),
ingests each paper from the papers folder (``../shared/realworld`` by
default; the papers are never copied into the repository) into its own
temporary store, and scores the documented views per field, per folder
(one body, or a few of one kind) and per format (pdf, docx, doc, scanned).

Differences from the corpus eval, all because the gold is written from the
page and not from the pipeline's own vocabulary:

* fields compare only what a reader states (no ``measure`` column names, no
  reporting periods the paper does not give);
* a person is compared without titles and honours ("Cllr J Todd" = "J Todd");
* free text (titles, venues, committees) is equal above a lower similarity;
* views listed in the gold's ``partial`` are judged on recall only;
* some fields are judged once per paper (the minutes' meeting date), not
  once per row.

CLI: ``boardpack eval --realworld [DIR] [--gold DIR] [--json] [--fail-under F]``.
"""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Optional

from boardpack.evaluate import Score, ingest_one, match, norm_value
from boardpack.core.names import canonical_name
from boardpack.core.settings import DEFAULT, Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "corpus" / "realworld_gold"
DEFAULT_PAPERS = ROOT.parent / "shared" / "realworld"

#: Free text of real papers is equal at this rapidfuzz ratio or above.
TEXT_SIMILARITY = 90.0


@dataclass(frozen=True)
class RealField:
    """One judged field: its view, the columns compared together, an
    optional filter on gold and predicted rows, and whether it is judged
    once per paper (distinct values) rather than once per row."""

    view: str
    columns: tuple[str, ...]
    where: tuple[tuple[str, str], ...] = ()
    distinct: bool = False


FIELDS: dict[str, RealField] = {
    "meeting_date": RealField("v_meetings", ("meeting_date",)),
    "start_time": RealField("v_meetings", ("meeting_date", "start_time")),
    "committee": RealField("v_meetings", ("meeting_date", "committee")),
    "venue": RealField("v_meetings", ("meeting_date", "venue")),
    "agenda_number": RealField("v_agenda_items", ("item_number",)),
    "agenda_title": RealField("v_agenda_items", ("item_number", "title")),
    "minutes_date": RealField("v_attendance", ("meeting_date",), distinct=True),
    "attendance": RealField("v_attendance", ("person", "attendance")),
    "chair": RealField("v_attendance", ("person",), where=(("attendance", "chair"),)),
    "present": RealField("v_attendance", ("person",), where=(("attendance", "present"),)),
    "apologies": RealField("v_attendance", ("person",), where=(("attendance", "apologies"),)),
    "in_attendance": RealField("v_attendance", ("person",), where=(("attendance", "in attendance"),)),
    "minute_action": RealField("v_minute_actions", ("action_text",)),
    "action_owner": RealField("v_minute_actions", ("action_text", "owners")),
    "action_ref": RealField("v_action_updates", ("ref",)),
    "action_status": RealField("v_action_updates", ("ref", "status")),
    "amount": RealField("v_budget_amounts", ("item", "amount")),
    "total": RealField("v_budget_amounts", ("item", "amount"), where=(("is_total", "1"),)),
}

#: Views the gold may hold (others are ignored).
VIEWS = frozenset(f.view for f in FIELDS.values())
#: Columns holding people, compared as canonical names.
PERSON_COLUMNS = frozenset({"person"})


def _value(column: str, v: Any) -> Any:
    if column in PERSON_COLUMNS and v:
        v = canonical_name(str(v)) or v
    if column == "is_total":
        return "1" if v in (1, "1", True) else "0"
    return norm_value(column, v)


def _equal(column: str, a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, float) and isinstance(b, float) and abs(a - b) <= 0.005 + 1e-9 * max(abs(a), abs(b))
    if a == b:
        return True
    if a and b and column not in ("meeting_date", "start_time", "item_number", "ref", "status", "attendance"):
        from rapidfuzz import fuzz

        return fuzz.ratio(a, b) >= TEXT_SIMILARITY
    return False


def _tuples(spec: RealField, rows: list[dict]) -> list[tuple]:
    out = []
    for r in rows:
        if all(_value(c, r.get(c)) == _value(c, v) for c, v in spec.where):
            out.append(tuple(_value(c, r.get(c)) for c in spec.columns))
    # a row with nothing in the field's own column (an unnumbered agenda
    # heading for agenda_number) says nothing about that field
    out = [t for t in out if t[-1] not in ("", None) or len(t) > 1 and t[0] not in ("", None)]
    if spec.distinct:
        out = sorted(set(out))
    return out


def _digits(s: str) -> list[str]:
    return re.findall(r"\d+", s)


def _name_columns(gold: list[dict], pred: list[dict]) -> list[dict]:
    """Budget rows: where a table has several amount columns, a person writing
    gold names the row and its column together ("Grass cutting (budget
    2016/17)"), the view keeps them apart (``item``, ``measure``). A
    predicted row whose item plus measure is such a gold item takes that name."""
    gold_items = {norm_value("item", r.get("item")) for r in gold}
    out = []
    for r in pred:
        if r.get("measure"):
            both = norm_value("item", f"{r.get('item') or ''} {r['measure']}")
            # exact first; a near match only when the figures in the names agree
            # ("... 31 March 2025" is not "... 31 March 2026")
            hit = both if both in gold_items else next(
                (g for g in gold_items if g and _digits(g) == _digits(both) and _equal("item", g, both)), None)
            if hit is not None:
                r = {**r, "item": hit}
        out.append(r)
    return out


def score_field(spec: RealField, gold: list[dict], pred: list[dict], partial: bool,
                misses: Optional[dict[str, list]] = None) -> Score:
    if spec.view == "v_budget_amounts":
        pred = _name_columns(gold, pred)
    g, p = _tuples(spec, gold), _tuples(spec, pred)
    s = match(g, p, spec.columns, equal=_equal, misses=misses)
    if partial:  # the gold lists only some rows: what else was found is not judged
        s.fp = 0
        if misses is not None:
            misses["extra"] = []
    return s


@dataclass
class PaperResult:
    file: str
    body: str
    format: str
    paper_type: str
    status: str
    error: Optional[str] = None
    fields: dict[str, Score] = field(default_factory=dict)
    #: per field, the gold tuples not found ("missed") and the predicted ones not in gold ("extra")
    misses: dict[str, dict[str, list]] = field(default_factory=dict)


@dataclass
class RealworldReport:
    papers_dir: str
    files: list[PaperResult] = field(default_factory=list)

    def total(self, key: Optional[str] = None, value: Optional[str] = None) -> dict[str, Score]:
        out: dict[str, Score] = {}
        for f in self.files:
            if key is not None and getattr(f, key) != value:
                continue
            for name, s in f.fields.items():
                out.setdefault(name, Score())
                out[name] += s
        return out

    def groups(self, key: str) -> dict[str, dict[str, Score]]:
        return {v: self.total(key, v) for v in sorted({getattr(f, key) for f in self.files})}

    @staticmethod
    def f1_overall(scores: dict[str, Score]) -> Score:
        s = Score()
        for v in scores.values():
            s += v
        return s

    def to_dict(self) -> dict[str, Any]:
        return {
            "papers_dir": self.papers_dir,
            "fields": {k: v.as_dict() for k, v in self.total().items()},
            "by_body": {b: {"all": self.f1_overall(sc).as_dict(), **{k: v.as_dict() for k, v in sc.items()}}
                        for b, sc in self.groups("body").items()},
            "by_format": {b: {"all": self.f1_overall(sc).as_dict(), **{k: v.as_dict() for k, v in sc.items()}}
                          for b, sc in self.groups("format").items()},
            "files": [{"file": f.file, "body": f.body, "format": f.format, "paper_type": f.paper_type,
                       "status": f.status, "error": f.error,
                       "fields": {k: v.as_dict() for k, v in f.fields.items()},
                       "misses": f.misses} for f in self.files],
        }


def find_gold(gold_dir: Path, papers_dir: Path) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(paper, gold) pairs, and the gold files whose paper is missing."""
    pairs, missing = [], []
    for gold in sorted(Path(gold_dir).rglob("*.json")):
        rel = gold.relative_to(gold_dir).as_posix()[: -len(".json")]
        paper = Path(papers_dir) / rel
        (pairs.append((paper, gold)) if paper.is_file() else missing.append(rel))
    return pairs, missing


def _format(res: dict[str, Any], paper: Path) -> str:
    pages, scanned = res.get("pages") or 0, res.get("scanned_pages") or []
    if pages and len(scanned) * 2 >= pages:
        return "scanned"
    return res.get("format") or paper.suffix.lower().lstrip(".")


def evaluate_realworld(papers_dir: Path = DEFAULT_PAPERS, gold_dir: Path = DEFAULT_GOLD,
                       settings: Settings = DEFAULT, workers: Optional[int] = None) -> RealworldReport:
    pairs, _ = find_gold(Path(gold_dir), Path(papers_dir))
    report = RealworldReport(papers_dir=str(papers_dir))
    golds = {str(p): json.loads(g.read_text(encoding="utf-8")) for p, g in pairs}
    judged = {k: sorted(v for v in (g.get("views") or {}) if v in VIEWS) for k, g in golds.items()}
    n = max(1, min(workers or settings.workers or os.cpu_count() or 1, len(pairs) or 1))
    results: dict[str, dict[str, Any]] = {}
    if n == 1:
        for p, _ in pairs:
            results[str(p)] = ingest_one(str(p), judged[str(p)], settings)
    else:
        with ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn")) as ex:
            futs = {str(p): ex.submit(ingest_one, str(p), judged[str(p)], settings) for p, _ in pairs}
            results = {k: f.result() for k, f in futs.items()}
    for paper, _ in pairs:
        key = str(paper)
        gold, res = golds[key], results[key]
        partial = set(gold.get("partial") or [])
        scores: dict[str, Score] = {}
        misses: dict[str, dict[str, list]] = {}
        for name, spec in FIELDS.items():
            if spec.view in gold.get("views", {}):
                misses[name] = {}
                scores[name] = score_field(spec, gold["views"][spec.view] or [],
                                           res["views"].get(spec.view, []), spec.view in partial, misses[name])
                if not misses[name]["missed"] and not misses[name]["extra"]:
                    del misses[name]
        rel = paper.relative_to(papers_dir).as_posix()
        report.files.append(PaperResult(
            file=rel, body=rel.split("/", 1)[0], format=_format(res, paper),
            paper_type=gold.get("paper_type") or "other", status="failed" if res["error"] else "ok",
            error=res["error"], fields=scores, misses=misses))
    return report


def format_table(report: RealworldReport, out=None) -> None:
    """Print per-field, per-body and per-format tables (rich)."""
    import sys

    from rich.console import Console
    from rich.table import Table

    out = out or sys.stdout
    console = Console(file=out, width=None if out.isatty() else 140)
    t = Table(title=f"Real-world accuracy per field ({len(report.files)} papers)")
    for c in ("field", "gold", "pred", "P", "R", "F1"):
        t.add_column(c, justify="left" if c == "field" else "right")
    for name, s in report.total().items():
        t.add_row(name, str(s.gold), str(s.predicted), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                  style=None if s.f1 >= 0.95 else "red")
    console.print(t)
    for key, title in (("body", "folder (body)"), ("format", "format")):
        t = Table(title=f"Real-world accuracy per {title}")
        for c in (key, "papers", "gold", "pred", "P", "R", "F1", "weakest fields"):
            t.add_column(c, justify="left" if c in (key, "weakest fields") else "right")
        for name, scores in report.groups(key).items():
            s = report.f1_overall(scores)
            weak = sorted((v.f1, k) for k, v in scores.items() if v.f1 < 0.95)[:3]
            n = sum(1 for f in report.files if getattr(f, key) == name)
            t.add_row(name, str(n), str(s.gold), str(s.predicted), f"{s.precision:.3f}", f"{s.recall:.3f}",
                      f"{s.f1:.3f}", ", ".join(f"{k} {v:.2f}" for v, k in weak),
                      style=None if s.f1 >= 0.85 else "red")
        console.print(t)
    for f in report.files:
        if f.status != "ok":
            console.print(f"[red]failed[/red] {f.file}: {f.error}")


def below(report: RealworldReport, field_min: float, body_min: float) -> list[str]:
    """What misses the targets: fields overall under ``field_min``, bodies under ``body_min``."""
    out = [f"field {k}: F1 {v.f1:.3f}" for k, v in report.total().items() if v.f1 < field_min]
    for body, scores in report.groups("body").items():
        s = report.f1_overall(scores)
        if s.f1 < body_min:
            out.append(f"body {body}: F1 {s.f1:.3f}")
    out += [f"failed {f.file}: {f.error}" for f in report.files if f.status != "ok"]
    return out
