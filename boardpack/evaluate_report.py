"""The report of an eval run: each file's result (status, scores per view
and field), the sums overall and per format, the flat rows ``--json``
prints and the rich table ``boardpack eval`` shows.

Apart from the corpus run (:mod:`boardpack.evaluate`) because the layout
eval builds the same report from its own runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from boardpack.evaluate_scoring import FIELDS, VIEW_KEYS, Score


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
# Output
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
