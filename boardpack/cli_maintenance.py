"""CLI verbs that look after a store: relink, forget, prune.

Thin layers over :class:`boardpack.store.database.Store`; registered lazily in
:data:`boardpack.cli.LAZY_COMMANDS`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from boardpack.cli_settings import settings_option
from boardpack.output import db_option


def _relink(store, settings) -> None:
    from boardpack.core.errors import BoardpackError

    try:
        store.link(settings)
    except BoardpackError as e:
        click.echo(f"error: link: {e.message}", err=True)
        sys.exit(1)


@click.command()
@db_option
@settings_option
def relink(db, settings):
    """Rebuild what is derived across files: plans and milestones linked over
    periods, papers published twice, people clusters.

    Ingest does this after every batch that changed anything, and again on
    the next run when a batch died or met a lock while linking; this command
    does it on demand, with the link thresholds of --settings.
    """
    from boardpack.store.database import Store

    with Store.open(db) as store:
        _relink(store, settings)
        n = store.db.conn.execute("SELECT count(*) FROM files WHERE status != 'failed'").fetchone()[0]
    click.echo(f"relinked {n} files")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@settings_option
def forget(paths, db, settings):
    """Remove files from the store: their rows in files and errors, and the
    document with everything extracted from it when no other path holds the
    same bytes. One transaction; each removal logged in table removals;
    links rebuilt after. The files on disk are not touched.
    """
    from boardpack.store.database import Store

    with Store.open(db) as store:
        removed = store.forget(paths, reason="forget")
        known = {r["path"] for r in removed}
        from boardpack.store.database import file_key

        for p in paths:
            if file_key(p) not in known:
                click.echo(f"error: {p}: not in the store", err=True)
        if removed:
            _relink(store, settings)
    for r in removed:
        click.echo(f"forgot {r['path']}" + (" (and its document)" if r["document_removed"] else ""))
    sys.exit(0 if len(removed) == len(paths) else 1)


@click.command()
@db_option
@click.option("-n", "--dry-run", is_flag=True, help="Only list the paths that would be removed.")
@settings_option
def prune(db, dry_run, settings):
    """Remove every recorded file that no longer exists on disk (see `forget`).

    With --dry-run, list them and change nothing.
    """
    from boardpack.store.database import Store

    with Store.open(db) as store:
        gone = store.vanished_paths()
        if dry_run:
            for p in gone:
                click.echo(f"would forget {p}")
            return
        removed = store.forget(gone, reason="prune")
        if removed:
            _relink(store, settings)
    for r in removed:
        click.echo(f"forgot {r['path']}" + (" (and its document)" if r["document_removed"] else ""))
    click.echo(f"{len(removed)} vanished files removed")
