"""`boardpack report`: one audit as a self-contained HTML file
(:mod:`boardpack.store.report_html`), registered in :data:`boardpack.cli.LAZY_COMMANDS`."""

from __future__ import annotations

from pathlib import Path

import click

from boardpack.output import db_option
from boardpack.store.database import Store
from boardpack.store.report_html import REPORTS, build_report


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("audit_name", metavar="AUDIT", type=click.Choice(list(REPORTS)))
@click.option("--html", "html_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write.")
@db_option
@click.option("-n", "--min-periods", type=click.IntRange(min=1), default=None,
              help="Runs of at least this many consecutive reported periods (stats-awaited, not-reported; "
                   "default 2).")
def report(audit_name, html_path, db, min_periods):
    """Write one audit (stats-awaited, not-reported or status-changes) as a self-contained HTML
    report to attach to a committee paper: the question, the answer as a table, each row's
    sources as links, the date it was built and the files it was built from."""
    if min_periods is not None and audit_name == "status-changes":
        raise click.UsageError("-n/--min-periods applies to stats-awaited and not-reported only")
    with Store.open(db, readonly=True) as store:
        page, n = build_report(store.db.conn, audit_name, min_periods or 2)
    html_path.write_text(page, encoding="utf-8")
    click.echo(f"{html_path}: {n} row{'s' if n != 1 else ''}")
