"""CLI verbs for questions across packs: audit, timeline, search, people, export, serve.

Each verb is a thin layer over a library function (:mod:`boardpack.store.audit`,
:mod:`boardpack.store.search`, :mod:`boardpack.store.person_record`,
:mod:`boardpack.export`, :mod:`boardpack.serve`) and is registered lazily in
:data:`boardpack.cli.LAZY_COMMANDS`. The database is opened read-only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from boardpack.core.errors import BoardpackError
from boardpack.output import db_option, emit, output_options

# Every audit row names its (first) source: file, page, path as ingested and
# a URL that opens it at the page; ``sources`` lists every file that said it.
SOURCE_COLUMNS = ["source_file", "page", "source_path", "source_url"]
RUN_COLUMNS = ["plan_title", "ref", "description", "lead_agency", "periods", "first_period", "last_period", "sources",
               *SOURCE_COLUMNS]
CHANGE_COLUMNS = ["plan_title", "ref", "description", "from_period", "to_period", "from_status", "to_status",
                  "change", "sources", *SOURCE_COLUMNS]
FUNDING_COLUMNS = ["kind", "table_title", "item", "year", "measure", "amount", "detail", *SOURCE_COLUMNS]
TIMELINE_COLUMNS = ["plan_title", "ref", "period", "status", "stats_awaited", "progress", "funding_allocated",
                    "file", "page", "sources", "source_path", "source_url"]


def _columns(columns: list[str], fmt: str) -> list[str]:
    """A table for people leaves out the long path and URL (and file and page
    when its ``sources`` column names them); every other format keeps them."""
    if fmt != "table":
        return columns
    return [c for c in columns if c not in ("source_path", "source_url")
            and not (c in ("source_file", "page") and "sources" in columns)]


def _open(db):
    from boardpack.store.database import Store

    return Store.open(db, readonly=True)


def _flatten_for_text(rows: list[dict], fmt: str) -> list[dict]:
    """CSV and tables cannot hold lists: show periods as "a, b" and sources as "file p.N"."""
    if fmt in ("json", "nl"):
        return rows
    out = []
    for r in rows:
        r = dict(r)
        if isinstance(r.get("periods"), list):
            r["periods"] = ", ".join(r["periods"])
        if isinstance(r.get("sources"), list):
            r["sources"] = "; ".join(f"{s['file']} p.{s['page']}" if s.get("page") else str(s["file"])
                                     for s in r["sources"])
        out.append(r)
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def audit():
    """Audits across quarters and years: what stayed "stats awaited", unreported or changed status,
    and whether funding adds up. Run `boardpack ingest` first; every row names its files and pages."""


def _min_periods_option(fn):
    return click.option("-n", "--min-periods", type=click.IntRange(min=1), default=2, show_default=True,
                        help="Report only runs of at least this many consecutive reported periods.")(fn)


def _runs_command(name: str, lib_name: str, title: str, help_text: str):
    """An audit verb over runs of consecutive periods (stats-awaited, not-reported)."""

    @audit.command(name, help=help_text)
    @db_option
    @_min_periods_option
    @output_options
    def command(db, min_periods, fmt):
        from boardpack.store import audit as lib

        with _open(db) as store:
            rows = getattr(lib, lib_name)(store.db.conn, min_periods)
        emit(_flatten_for_text(rows, fmt), fmt, columns=_columns(RUN_COLUMNS, fmt), title=title)

    return command


stats_awaited_cmd = _runs_command(
    "stats-awaited", "stats_awaited", "Stats awaited",
    """Milestones whose progress was "stats awaited" (or figures/response awaited) in N or more
    consecutive reported periods of the same plan, with every period and the file and page of
    each paper that said so.""")
not_reported_cmd = _runs_command(
    "not-reported", "not_reported", "Not reported",
    """Milestones whose status was left blank or as the unfilled template "on track/not on track"
    in N or more consecutive reported periods.""")


@audit.command("status-changes")
@db_option
@output_options
def status_changes_cmd(db, fmt):
    """Every change of a milestone's status between consecutive reported periods
    (on track -> not on track, green -> amber, reopened after closed ...)."""
    from boardpack.store import audit as lib

    with _open(db) as store:
        rows = lib.status_changes(store.db.conn)
    emit(_flatten_for_text(rows, fmt), fmt, columns=_columns(CHANGE_COLUMNS, fmt), title="Status changes")


@audit.command("funding")
@db_option
@output_options
def funding_cmd(db, fmt):
    """Funding allocated per action and year from action plans, budget allocations by measure
    (original, revised ...), and every budget total that does not equal the sum of its items."""
    from boardpack.store import audit as lib

    with _open(db) as store:
        rows = lib.funding(store.db.conn)
    emit(rows, fmt, columns=_columns(FUNDING_COLUMNS, fmt), title="Funding")


@click.command()
@click.argument("ref")
@click.option("--plan", help="Only plans whose title contains this text.")
@db_option
@output_options
def timeline(ref, plan, db, fmt):
    """Show one milestone or action over time: period, status, progress, file and page.

    REF is a milestone code such as 1.3a, or an action number such as 1.3
    (all of its milestones)."""
    from boardpack.store import audit as lib

    with _open(db) as store:
        rows = lib.timeline(store.db.conn, ref, plan)
    if not rows:  # one "error:" line and exit 1, as every command fails
        raise BoardpackError(f"no milestone or action {ref!r} in the linked plans"
                             + (f" matching --plan {plan!r}" if plan else ""))
    emit(_flatten_for_text(rows, fmt), fmt, columns=_columns(TIMELINE_COLUMNS, fmt), title=f"Timeline of {ref}")


@click.command()
@click.argument("text")
@click.option("-l", "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most results.")
@click.option("--raw", is_flag=True, help="Pass TEXT to SQLite FTS5 as a query (AND, OR, NEAR, prefix*).")
@db_option
@output_options
def search(text, limit, raw, db, fmt):
    """Full-text search over everything stored, best match first (FTS5 bm25), with a
    snippet, the file and the page. All words must match unless --raw is given."""
    from boardpack.store.search import search as lib_search

    with _open(db) as store:
        try:
            rows = lib_search(store.db.conn, text, limit, raw)
        except ValueError as e:
            raise click.UsageError(str(e))
    emit(rows, fmt, columns=["file", "page", "kind", "paper_type", "snippet", "score"], title=f"Search: {text}")


@click.command()
@click.argument("name")
@db_option
@output_options
def people(name, db, fmt):
    """A person's record across all packs: meetings attended (or apologies), actions owned and
    reports led, whatever spelling or title each paper used."""
    from boardpack.store.person_record import person_record

    with _open(db) as store:
        rows = person_record(store.db.conn, name)
    emit(rows, fmt, columns=["person", "kind", "date_or_period", "detail", "source_file", "page"], title=name)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "json", "parquet"]), default="csv",
              show_default=True, help="File format of the exported views.")
@db_option
def export(directory, fmt, db):
    """Write every query view (v_meetings, v_action_updates, ...) to DIRECTORY, one file per view."""
    from boardpack.export import export_views

    with _open(db) as store:
        written = export_views(store.db.conn, directory, fmt)
    for w in written:
        click.echo(f"{w['path']}: {w['rows']} rows")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on.")
def serve(db, host, port):
    """Browse the store in Datasette (needs `pip install -e .[web]`): read-only, with every view and
    column described and the audits as canned queries."""
    from boardpack.serve import PortInUse, serve as lib_serve

    try:
        status = lib_serve(db, host, port)
    except PortInUse as e:
        click.echo(f"error: {e.message}", err=True)
        sys.exit(2)
    sys.exit(status)
