"""Accuracy per layout: the same packs typeset in several ways, each scored against the pack's one gold.

A layout corpus (``corpus/layouts/``, built by ``corpus/build.py --layouts``)
holds the sample packs rendered in several layouts (ruled grid, no rulings,
shaded header only, landscape, small type in narrow columns, another
typeface, two-column front sheet, scans...). Its manifest ``layouts.json``
names, for every file, its layout, its format and the gold it is judged
against: the pack's gold, the same for every layout, because a layout
changes how the papers look and not what they say.

:func:`evaluate_layouts` ingests every file of the manifest into its own
temporary database (as :func:`boardpack.evaluate.evaluate` does), scores it
with the corpus eval's matching (:func:`boardpack.evaluate.score_file`), and
sums the scores per layout: F1 per field and per view, overall and per
format. Pages are not judged (the pack gold has none, and the scorer never
compares them).

CLI: ``boardpack eval corpus/layouts --by-layout [--json] [--fail-under F1]``.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Optional

from boardpack.core.settings import DEFAULT, Settings
from boardpack.evaluate import FIELDS, VIEW_KEYS, EvalReport, FileResult, ingest_one, load_gold, score_file

#: The manifest file at the top of a layout corpus.
MANIFEST = "layouts.json"
#: F1 a text layout should reach per field (issue 9); the table marks what is below it.
TARGET = 0.98


@dataclass
class LayoutSample:
    """One file of a layout corpus and what it is judged against."""

    path: Path
    layout: str
    pack: str
    format: str
    gold: Path


@dataclass
class LayoutReport:
    """Scores per layout: one :class:`~boardpack.evaluate.EvalReport` for the files of each layout."""

    corpus: str
    descriptions: dict[str, str] = field(default_factory=dict)
    layouts: dict[str, EvalReport] = field(default_factory=dict)

    def field_f1(self) -> dict[str, dict[str, float]]:
        """{layout: {field: F1}} over all formats of the layout (fields its gold judges)."""
        return {name: {f: round(s.f1, 4) for f, s in rep.fields.items()} for name, rep in self.layouts.items()}

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows: layout, scope (view/field), name, format ("all" or pdf/docx/doc), scores."""
        return [{"layout": name, **r} for name, rep in self.layouts.items() for r in rep.rows()]

    def failures(self, threshold: float) -> list[dict[str, Any]]:
        return [r for r in self.rows() if r["f1"] < threshold]

    @property
    def files(self) -> list[FileResult]:
        return [f for rep in self.layouts.values() for f in rep.files]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"corpus": self.corpus, "layouts": {}}
        for name, rep in self.layouts.items():
            d = rep.to_dict()
            out["layouts"][name] = {
                "description": self.descriptions.get(name, ""),
                "files": [{k: f[k] for k in ("file", "format", "status", "error", "fields")} for f in d["files"]],
                "fields": d["fields"], "views": d["views"], "by_format": d["by_format"],
            }
        out["field_f1"] = self.field_f1()
        out["rows"] = self.rows()
        return out


def load_manifest(layouts_dir) -> tuple[dict[str, str], list[LayoutSample]]:
    """(layout descriptions, samples) from ``layouts_dir/layouts.json``; paths resolved against the folder.

    Raises FileNotFoundError when the folder has no manifest.
    """
    root = Path(layouts_dir)
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    samples = [LayoutSample(path=root / f["path"], layout=f["layout"], pack=f["pack"], format=f["format"],
                            gold=(root / f["gold"]).resolve())
               for f in data["files"]]
    return dict(data.get("layouts") or {}), samples


def evaluate_layouts(layouts_dir="corpus/layouts", settings: Settings = DEFAULT, workers: Optional[int] = None,
                     only: Optional[set[str]] = None) -> LayoutReport:
    """Ingest every file of the layout corpus (or of the layouts in ``only``) and score it per layout."""
    descriptions, samples = load_manifest(layouts_dir)
    samples = [s for s in samples if s.path.exists() and (not only or s.layout in only)]
    golds = {s.gold: load_gold(s.gold) for s in samples}
    judged = {s.gold: [v for v in golds[s.gold]["views"] if v in VIEW_KEYS] for s in samples}
    n = max(1, min(workers or settings.workers or os.cpu_count() or 1, len(samples) or 1))
    results: dict[Path, dict[str, Any]] = {}
    if n == 1:
        for s in samples:
            results[s.path] = ingest_one(str(s.path), judged[s.gold], settings)
    else:
        with ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn")) as ex:
            futs = {s.path: ex.submit(ingest_one, str(s.path), judged[s.gold], settings) for s in samples}
            results = {k: fut.result() for k, fut in futs.items()}
    report = LayoutReport(corpus=str(layouts_dir), descriptions=descriptions)
    for s in samples:
        res = results[s.path]
        views, fields = score_file(golds[s.gold]["views"], res["views"])
        rep = report.layouts.setdefault(s.layout, EvalReport(corpus=f"{layouts_dir}/{s.layout}"))
        rep.files.append(FileResult(file=s.path.name, path=str(s.path), format=s.format,
                                    status="failed" if res["error"] else "ok", error=res["error"],
                                    views=views, fields=fields, notes=res["notes"]))
    return report


def format_layout_table(report: LayoutReport, out=None) -> None:
    """Print F1 per field (columns) per layout (rows), then per layout and format, with rich."""
    import sys

    from rich.console import Console
    from rich.table import Table

    out = out or sys.stdout
    console = Console(file=out, width=None if out.isatty() else 200)
    names = [f for f in FIELDS if any(f in rep.fields for rep in report.layouts.values())]
    t = Table(title=f"F1 per field and layout ({report.corpus}, {len(report.files)} files)")
    t.add_column("layout")
    t.add_column("format")
    for f in names:
        t.add_column(f, justify="right")
    for layout, rep in report.layouts.items():
        groups = [("all", rep.fields)] + [(fmt, rep.by_format("fields")[fmt]) for fmt in rep.formats]
        for fmt, scores in groups:
            cells = [f"{scores[f].f1:.3f}" if f in scores else "" for f in names]
            low = any(f in scores and scores[f].f1 < TARGET for f in names)
            t.add_row(layout if fmt == "all" else "", fmt, *cells, style="red" if low and fmt == "all" else None)
    console.print(t)
    below = [(layout, f, name, sc) for layout, rep in report.layouts.items() for f in rep.files
             for name, sc in f.fields.items() if sc.f1 < TARGET]
    if below:
        t = Table(title=f"Files with a field below F1 {TARGET}")
        for c in ("layout", "file", "field", "gold", "pred", "F1"):
            t.add_column(c)
        for layout, f, name, sc in below:
            t.add_row(layout, f.file, name, str(sc.gold), str(sc.predicted), f"{sc.f1:.3f}")
        console.print(t)
    for f in report.files:
        if f.status != "ok":
            console.print(f"[red]{f.status}[/red] {f.file}: {f.error}")


__all__ = ["evaluate_layouts", "format_layout_table", "load_manifest", "LayoutReport", "LayoutSample", "MANIFEST"]
