"""``boardpack eval``: the corpus eval and, with ``--realworld``, the eval over real papers.

The command only parses options and prints; scoring lives in
:mod:`boardpack.evaluate` (corpus) and :mod:`boardpack.evaluate_realworld`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from boardpack import evaluate_layouts as el
from boardpack import evaluate_realworld as rw
from boardpack.cli_settings import settings_option
from boardpack.core.settings import Settings
from boardpack.evaluate import GOLD_SUFFIX, evaluate, format_table


@click.command("eval")
@click.argument("corpus_dir", default="corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--realworld", "realworld", is_flag=False, flag_value="", default=None, metavar="[DIR]",
              help="Score the real published papers in DIR (default ../shared/realworld beside the project) "
                   "against the hand-written gold in corpus/realworld_gold, per field, body and format.")
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="With --realworld: the gold folder (default corpus/realworld_gold).")
@click.option("--json", "fmt", flag_value="json", help="Print the structured report as JSON.")
@click.option("--table", "fmt", flag_value="table", default=True, help="Print tables for people to read (default).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None, help="Parallel ingest processes (default: CPU count).")
@click.option("--fail-under", type=click.FloatRange(0.0, 1.0), default=None,
              help="Exit 1 when any view or field F1 (overall or per format) is below this.")
@click.option("--by-layout", "by_layout", is_flag=True,
              help="CORPUS_DIR is a layout corpus (corpus/layouts: the same packs in several layouts, listed in "
                   "its layouts.json): print F1 per field for each layout, overall and per format.")
@click.option("--layout", "layouts", multiple=True, metavar="NAME",
              help="With --by-layout: score only this layout (repeatable).")
@settings_option
def eval_command(corpus_dir: Path, realworld: Optional[str], gold_dir: Optional[Path], fmt: str,
                 workers: Optional[int], fail_under: Optional[float], by_layout: bool, layouts: tuple[str, ...],
                 settings: Settings) -> None:
    """Score extraction against the gold annotations in CORPUS_DIR (default: corpus/).

    Every sample with a <file>.gold.json beside it is ingested into a
    temporary database; each v_* view is read back for that file and
    compared with the gold rows. Prints precision, recall and F1 per view and
    per key field (dates, agenda numbers, attendance, milestone refs, status,
    stats_awaited, amounts, indicator values), overall and per format.

    With --realworld, scores real papers of many bodies against gold written
    by hand from their pages instead. With --by-layout, scores a layout
    corpus (each file against its pack's gold) per layout.
    """
    if realworld is not None:
        _realworld(realworld, gold_dir, fmt, workers, fail_under, settings)
        return
    if by_layout or layouts:
        _by_layout(corpus_dir, set(layouts), fmt, workers, fail_under, settings)
        return
    report = evaluate(corpus_dir, settings, workers=workers)
    if not report.files:
        hint = f" ({corpus_dir} is a layout corpus: add --by-layout)" if (corpus_dir / el.MANIFEST).exists() else ""
        raise click.UsageError(f"no samples with {GOLD_SUFFIX} annotations under {corpus_dir}{hint}")
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        format_table(report)
    if fail_under is not None and (report.failures(fail_under) or not all(f.as_expected for f in report.files)):
        raise SystemExit(1)


def _realworld(papers: str, gold_dir: Optional[Path], fmt: str, workers: Optional[int],
               fail_under: Optional[float], settings: Settings) -> None:
    papers_dir = Path(papers) if papers else rw.DEFAULT_PAPERS
    gold_dir = gold_dir or rw.DEFAULT_GOLD
    if not papers_dir.is_dir():
        raise click.UsageError(f"real-world papers folder not found: {papers_dir}")
    pairs, missing = rw.find_gold(gold_dir, papers_dir)
    if not pairs:
        raise click.UsageError(f"no gold under {gold_dir} names a paper in {papers_dir}")
    for rel in missing:
        click.echo(f"warning: {rel}: gold without its paper in {papers_dir}", err=True)
    report = rw.evaluate_realworld(papers_dir, gold_dir, settings, workers=workers)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        rw.format_table(report)
    if fail_under is not None and rw.below(report, fail_under, fail_under):
        raise SystemExit(1)


def _by_layout(corpus_dir: Path, layouts: set[str], fmt: str, workers: Optional[int], fail_under: Optional[float],
               settings: Settings) -> None:
    if not (corpus_dir / el.MANIFEST).exists():
        raise click.UsageError(f"{corpus_dir} has no {el.MANIFEST}: not a layout corpus (build it with "
                               "`python corpus/build.py --layouts`)")
    report = el.evaluate_layouts(corpus_dir, settings, workers=workers, only=layouts or None)
    if not report.layouts:
        raise click.UsageError(f"no files of layout(s) {', '.join(sorted(layouts)) or 'any'} under {corpus_dir}")
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        el.format_layout_table(report)
    if fail_under is not None and (report.failures(fail_under) or any(f.status != "ok" for f in report.files)):
        raise SystemExit(1)
