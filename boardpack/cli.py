"""The ``boardpack`` command line: a thin layer over the library.

Verbs mirror library functions: ``ingest`` -> :func:`boardpack.batch.ingest_paths`,
``show`` -> :func:`boardpack.pipeline.parse_file`, ``files``/``query`` ->
:class:`boardpack.store.database.Store`. Library errors
(:class:`~boardpack.core.errors.BoardpackError`) become one ``error: ...`` line
on stderr and exit 1; usage errors exit 2; ``--debug`` shows tracebacks.

Adding a command: keep it in a ``cli_*`` module named for what it does
(``cli_ingest``, ``cli_store``, ...) and list it in :data:`LAZY_COMMANDS`
as ``"name": "module:attribute"`` (imported only when used); ``show`` is
still decorated here with ``@cli.command()``. Use
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
from boardpack.output import error_line

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: Commands defined in other modules: name -> "module:attribute" (a click command).
LAZY_COMMANDS: dict[str, str] = {}
LAZY_COMMANDS["ingest"] = "boardpack.cli_ingest:ingest"
LAZY_COMMANDS["files"] = "boardpack.cli_store:files"
LAZY_COMMANDS["query"] = "boardpack.cli_store:query"
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
