"""The ``boardpack`` command line: a thin layer over the library.

Verbs mirror library functions: ``ingest`` -> :func:`boardpack.batch.ingest_paths`,
``show`` -> :func:`boardpack.pipeline.parse_file`, ``files``/``query`` ->
:class:`boardpack.store.database.Store`. Library errors
(:class:`~boardpack.core.errors.BoardpackError`) become one ``error: ...`` line
on stderr and exit 1; usage errors exit 2; ``--debug`` shows tracebacks.

Adding a command: either decorate a function here with ``@cli.command()``,
or keep it next to its code and list it in :data:`LAZY_COMMANDS` as
``"name": "module:attribute"`` (imported only when used). Use
``@db_option`` and ``@output_options`` from :mod:`boardpack.output` and
print rows with :func:`boardpack.output.emit`. Every command needs a
docstring: ``tests/test_cli.py`` fails on a command without help text.
"""

from __future__ import annotations

import importlib
import os
import json
import sys
from pathlib import Path

import click

from boardpack import __version__
from boardpack.cli_settings import settings_option
from boardpack.core.errors import BoardpackError
from boardpack.output import db_option, emit, error_line, output_options

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: Commands defined in other modules: name -> "module:attribute" (a click command).
LAZY_COMMANDS: dict[str, str] = {}
LAZY_COMMANDS["eval"] = "boardpack.cli_eval:eval_command"  # segmentation+eval owner
LAZY_COMMANDS["audit"] = "boardpack.cli_longitudinal:audit"
LAZY_COMMANDS["timeline"] = "boardpack.cli_longitudinal:timeline"
LAZY_COMMANDS["search"] = "boardpack.cli_longitudinal:search"
LAZY_COMMANDS["people"] = "boardpack.cli_longitudinal:people"
LAZY_COMMANDS["export"] = "boardpack.cli_longitudinal:export"
LAZY_COMMANDS["serve"] = "boardpack.cli_longitudinal:serve"
LAZY_COMMANDS["report"] = "boardpack.cli_report:report"
LAZY_COMMANDS["relink"] = "boardpack.cli_maintenance:relink"
LAZY_COMMANDS["forget"] = "boardpack.cli_maintenance:forget"
LAZY_COMMANDS["prune"] = "boardpack.cli_maintenance:prune"
LAZY_COMMANDS["merge"] = "boardpack.cli_shards:merge"
LAZY_COMMANDS["settings"] = "boardpack.cli_settings:settings_command"

_DEBUG_KEY = "boardpack.debug"


def _set_debug(ctx: click.Context, param, value) -> None:
    if value:
        ctx.meta[_DEBUG_KEY] = True
        # libraries' own logs (pdfminer, pypdf, ...) are shown only under --debug,
        # in this process and in spawned ingest workers (see ingest.quiet_library_logs)
        os.environ["BOARDPACK_DEBUG"] = "1"


def _debug_param() -> click.Option:
    return click.Option(
        ["--debug"], is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
        help="Show the full traceback when something fails.",
    )


def _add_debug(cmd: click.Command) -> None:
    """Give ``cmd`` (and, for a group, every subcommand) a ``--debug`` flag."""
    if not any(p.name == "debug" for p in cmd.params):
        cmd.params.append(_debug_param())
    if isinstance(cmd, click.Group):
        for sub in cmd.commands.values():
            _add_debug(sub)


# A group called without a command: click shows its help (click >= 8.2 raises this for it).
_HELP_NOT_ERROR = getattr(click.exceptions, "NoArgsIsHelpError", ())


class BoardpackGroup(click.Group):
    """A click group that loads :data:`LAZY_COMMANDS`, gives every command
    ``--debug``, and turns library errors into one line."""

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        if cmd is None and name in LAZY_COMMANDS:
            module, _, attr = LAZY_COMMANDS[name].partition(":")
            try:
                cmd = getattr(importlib.import_module(module), attr)
            except ModuleNotFoundError as e:
                if e.name != module:
                    raise
                return None  # listed but not written yet
        if cmd is not None:
            _add_debug(cmd)
        return cmd

    def make_context(self, info_name, args, parent=None, **extra):
        # `boardpack --bogus`: parsed before invoke, so caught here
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.UsageError as e:
            if isinstance(e, _HELP_NOT_ERROR):
                raise
            click.echo(error_line(e), err=True)
            sys.exit(e.exit_code)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except _HELP_NOT_ERROR:
            raise  # `boardpack audit` alone: click shows the help
        except click.exceptions.ClickException as e:
            # click would print "Error: ..." (after a usage block for a usage
            # error): every failure is one lower-case line, same exit status
            click.echo(error_line(e), err=True)
            ctx.exit(e.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            # the reader went away (`boardpack show ... | head`): not an error;
            # point stdout at /dev/null so the interpreter's final flush is quiet
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except BoardpackError as e:
            if ctx.meta.get(_DEBUG_KEY):
                raise
            click.echo(f"error: {e.one_line()}", err=True)
            ctx.exit(1)
        except Exception as e:  # noqa: BLE001 - never a traceback without --debug
            if ctx.meta.get(_DEBUG_KEY):
                raise
            click.echo(f"error: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)", err=True)
            ctx.exit(1)


@click.group(cls=BoardpackGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="boardpack")
@click.option("--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
              help="Show full tracebacks instead of one-line errors.")
def cli():
    """Read council board packs (PDF, DOCX, DOC) into a normalised SQLite store and query them.

    Start with `boardpack ingest FOLDER`, then `boardpack files` and
    `boardpack query "select ..."`. The database is db/boardpacks.db
    unless --db says otherwise.
    """


# -- ingest ----------------------------------------------------------------


class _IngestProgress:
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


@cli.command()
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
    progress = _IngestProgress(show_bar=not silent)
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


# -- files -------------------------------------------------------------------

FILE_COLUMNS = ("path", "format", "pages", "status", "error", "size", "sha256", "ingested_at", "parser_version")


@cli.command()
@db_option
@output_options
def files(db, fmt):
    """List every ingested file: path, format, pages, status (ok, scanned, partial, failed) and error.

    A failed file that still has data from an earlier good version keeps
    status ok and shows the latest error.
    """
    from boardpack.store.database import Store, iter_rows

    with Store.open(db, readonly=True) as store:
        rows = iter_rows(store, f"SELECT {', '.join(FILE_COLUMNS)} FROM files ORDER BY path")
    emit(rows, fmt, columns=FILE_COLUMNS)


# -- query -------------------------------------------------------------------


@cli.command()
@click.argument("sql")
@db_option
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="Named parameter for :NAME in the SQL (repeatable).")
@output_options
def query(sql, db, params, fmt):
    """Run one read-only SQL statement against the database and print the rows.

    The database is opened read-only (mode=ro, query_only), so INSERT,
    UPDATE, DELETE and DDL are rejected. Example:

        boardpack query "select source_file, count(*) from v_sources group by 1" --table
    """
    from boardpack.store.database import Store

    with Store.open(db, readonly=True) as store:
        cols, rows = store.query(sql, dict(params) if params else None)
    emit((dict(zip(cols, r)) for r in rows), fmt, columns=cols)


# -- show --------------------------------------------------------------------


def _fmt_pages(a, b) -> str:
    if a is None:
        return "-"
    return str(a) if b in (None, a) else f"{a}-{b}"


def _one_line(text: str) -> str:
    # One block per output line; the reader's own line breaks stay visible.
    return (text or "").replace("\n", " ⏎ ")


def _print_blocks(doc, papers) -> None:
    paper_of = {}
    for p in papers:
        for i in range(p.start, p.end + 1):
            paper_of.setdefault(i, p.ordinal)
    for b in doc.blocks:
        flags = f" [{', '.join(b.flags)}]" if b.flags else ""
        paper = f"P{paper_of[b.index]} " if b.index in paper_of else ""
        lvl = f" L{b.level}" if b.kind in ("heading", "list_item") else ""
        head = f"{b.index:>4} p{_fmt_pages(b.page, b.page_end):<6} {paper}{b.kind}{lvl}{flags}"
        if b.kind == "table":
            click.echo(f"{head}: {len(b.rows)} rows x {b.n_cols} cols")
            for r in b.rows:
                cells = " | ".join(_one_line(c.norm) + (f" {{{c.fill}}}" if c.fill else "") for c in r.cells)
                hdr = " H" if r.is_header else ""
                click.echo(f"        p{_fmt_pages(r.page, None)}{hdr}: {cells}")
        elif b.kind == "page_break":
            click.echo(head)
        else:
            click.echo(f"{head}: {_one_line(b.norm)}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--stage", type=click.Choice(["read", "clean", "segment", "extract"]), default="extract",
              show_default=True, help="Run the pipeline up to this stage and print its result.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON instead of text.")
@click.option("--tables", "only_tables", is_flag=True, help="Print only the tables (their rows, pages and fills).")
@click.option("--page", type=click.IntRange(min=1), help="Print only blocks on this page (and draw it with --image).")
@click.option("--image", type=click.Path(dir_okay=False, path_type=Path),
              help="PDF only: draw page --page (default 1) into this PNG file with what the reader found "
                   "on it: words (grey), rulings (red), each table's rows (orange) and columns (blue).")
@settings_option
def show(file, stage, as_json, only_tables, page, image, settings):
    """Print what each pipeline stage makes of one file (nothing is stored).

    read: blocks as the reader produced them; clean: after page furniture is
    removed; segment: also the papers found, with page ranges and the cue
    that decided each type; extract: also the rows every extractor produced.
    Each block shows its index, pages, paper (P0, P1...), kind, level and
    text; tables show each row's page and cell fill colours in braces.

    To see why a PDF table came out wrong: `show FILE --stage read --tables
    --page 3 --image p3.png` prints the tables on page 3 and draws the page
    with the words, rulings, columns and rows the reader found there.
    """
    from boardpack.pipeline import parse_file

    parsed = parse_file(file, settings, until=stage)
    doc = parsed.doc
    papers = parsed.papers
    if image is not None:
        _draw_page(file, doc, page or 1, image)
    if only_tables or page:
        doc.blocks = [b for b in doc.blocks if (not only_tables or b.kind == "table") and _on_page(b, page)]
    if as_json:
        click.echo(json.dumps(_show_json(file, stage, parsed), indent=2, ensure_ascii=False, default=str))
        return
    scanned = f", scanned pages {doc.scanned_pages}" if doc.scanned_pages else ""
    conv = f", converted from {doc.converted_from}" if doc.converted_from else ""
    click.echo(f"{file}: {doc.format}, {doc.pages} pages, {len(doc.blocks)} blocks{conv}{scanned}; sha256 {doc.sha256[:12]}")
    if stage != "read" and (doc.headers or doc.footers):
        click.echo(f"removed headers: {doc.headers}  footers: {doc.footers}")
    if stage in ("segment", "extract"):
        click.echo(f"papers ({len(papers)}):")
        for p in papers:
            click.echo(
                f"  P{p.ordinal} {p.paper_type:<16} pages {_fmt_pages(p.page_start, p.page_end):<7} "
                f"blocks {p.start}-{p.end} conf {p.confidence:.2f} {p.title!r} cue: {p.cue!r}"
            )
            evidence = getattr(p, "evidence", None)
            if evidence:
                click.echo("      evidence: " + ", ".join(f"{t} {v:g}" for t, v in evidence.items()))
    click.echo("blocks:")
    _print_blocks(doc, papers)
    if stage == "extract" and parsed.result is not None:
        for table, rows in sorted(parsed.result.rows.items()):
            click.echo(f"{table} ({len(rows)} rows):")
            for r in rows:
                click.echo("  " + json.dumps(r, ensure_ascii=False, default=str))
        for w in parsed.result.warnings:
            click.echo(f"warning: {w}")


def _show_json(file: Path, stage: str, parsed) -> dict:
    from boardpack.store.database import compact_block

    doc = parsed.doc
    out = {"file": str(file), "stage": stage, "sha256": doc.sha256, "format": doc.format, "pages": doc.pages,
           "producer": doc.producer, "converted_from": doc.converted_from, "scanned_pages": doc.scanned_pages,
           "headers": doc.headers, "footers": doc.footers, "blocks": [compact_block(b) for b in doc.blocks]}
    if stage in ("segment", "extract"):
        out["papers"] = [p.__dict__ for p in parsed.papers]
    if stage == "extract" and parsed.result is not None:
        out["rows"] = parsed.result.rows
        out["warnings"] = parsed.result.warnings
    return out


def _on_page(b, page) -> bool:
    if page is None:
        return True
    if b.kind == "table":
        return any(r.page == page for r in b.rows)
    return (b.page or 0) <= page <= (b.page_end or b.page or 0)


def _draw_page(file: Path, doc, page: int, image: Path) -> None:
    """``show --image``: the page drawn with the reader's evidence (one library call)."""
    from boardpack.ingest.pdf_table_image import draw_page

    try:
        click.echo(f"wrote {image}: {draw_page(file, doc, page, image)}", err=True)
    except ValueError as e:
        raise click.UsageError(str(e)) from e


def main() -> None:
    """Console-script entry point (`boardpack`)."""
    cli(prog_name="boardpack")


if __name__ == "__main__":  # pragma: no cover
    main()
