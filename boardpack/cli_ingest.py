"""``boardpack ingest``: files and folders into the store, with a progress
bar, one error line per failing file and a summary line; registered lazily
in :data:`boardpack.cli.LAZY_COMMANDS`.

A thin layer over :func:`boardpack.cli_shards.ingest_run` (the database, a
Dask cluster or shard files); the progress callback is the only part of its
own, and it lives here beside its one user.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from boardpack.cli_settings import settings_option
from boardpack.output import db_option


class IngestProgress:
    """Progress callback for ingest_paths: a rich bar with files and pages/s on stderr."""

    def __init__(self, show_bar: bool):
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False)
        self.bar = None
        self.task = None
        self.pages = 0
        if show_bar and self.console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[pages]} pages"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )

    def __call__(self, kind: str, value) -> None:
        if kind == "start" and self.bar is not None:
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=value, pages=0, rate="")
        elif kind == "skip":
            path, why = value
            self._say(f"skipped: {path}: {why}")
        elif kind == "partial":
            path, why = value
            self._say(f"error: {path}: {why}".replace("\n", " "))
        elif kind == "file":
            self.pages += value.pages
            if value.outcome == "failed":
                self._say(f"error: {value.path}: {value.message}".replace("\n", " "))
            if self.bar is not None:
                elapsed = self.bar.tasks[0].elapsed or 0
                rate = f"{self.pages / elapsed:.1f} pages/s" if elapsed > 0 and self.pages else ""
                self.bar.update(self.task, advance=1, pages=self.pages, rate=rate)

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Parser processes to run in parallel (default: number of CPUs; 1 parses in this process).")
@click.option("-s", "--silent", is_flag=True, help="Hide the progress bar (errors and the summary still print).")
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default=None,
              help="Read PDF text layers with pdfium (fast) or pdfplumber (the reference reader); "
                   "default: the pdf.engine setting.")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Parse on a Dask cluster: a scheduler's address (tcp://HOST:8786), or 'local' for a "
                   "LocalCluster of -w processes. Needs the cluster extra (pip install 'boardpack[cluster]').")
@click.option("--shards", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="Write each parsed file as a shard in DIR instead of into the database; "
                   "`boardpack merge DIR --db FILE` builds the store.")
@settings_option
def ingest(paths, db, workers, silent, settings, cluster, shards, pdf_engine):
    """Ingest board-pack files and folders (recursively) into the database.

    Every file is attempted, whatever its extension: PDF, DOCX and DOC are
    read (the format is detected from the bytes), anything else is recorded
    as failed. Inside folders, sidecars (*.json such as gold annotations,
    README files, *.py) and hidden files are skipped. Unchanged files are
    skipped after hashing; a changed file replaces what its path held; the
    same bytes under two paths are stored once. Each failing file prints "error: PATH: MESSAGE" and is recorded in
    the errors table; the rest of the batch goes on.

    Ends with one summary line: files new/unchanged/replaced/failed, pages
    parsed, rows extracted, seconds. Exit status: 0 all stored, 1 some files
    failed (the rest stored), 2 usage error (no input exists).
    """
    from dataclasses import replace

    from boardpack.batch import NoInputs
    from boardpack.cli_shards import ingest_run

    if pdf_engine:  # the flag wins over --settings
        settings = replace(settings, pdf=settings.pdf.updated({"engine": pdf_engine}))
    progress = IngestProgress(show_bar=not silent)
    try:
        summary = ingest_run(paths, db, workers, progress, settings=settings, cluster=cluster, shards=shards)
    except NoInputs as e:
        click.echo(f"error: {e.message}", err=True)
        sys.exit(2)
    finally:
        progress.stop()
    for where, message in summary.errors:
        if where == "link":
            click.echo(f"error: link: {message}", err=True)
    click.echo(summary.line())
    sys.exit(1 if summary.errors else 0)
