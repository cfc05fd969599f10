"""CLI for parsing elsewhere: ``ingest --cluster/--shards`` and the ``merge`` verb.

Thin layers over :mod:`boardpack.cluster` and :mod:`boardpack.shards`;
``merge`` is registered lazily in :data:`boardpack.cli.LAZY_COMMANDS`. Dask
is imported only when ``--cluster`` is given, so a plain ingest starts as fast
as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from boardpack.output import db_option


def ingest_run(paths, db, workers, progress, settings=None, cluster=None, shards=None):
    """Run ``ingest`` with its parse stage (local processes or ``--cluster``) and its
    sink (the database, or ``--shards``); return the batch Summary."""
    from boardpack.batch import ingest_paths

    stage = workers
    if cluster:
        from boardpack.cluster import ClusterUnavailable, dask_parse

        try:
            stage = dask_parse(cluster, workers)
        except ClusterUnavailable as e:
            click.echo(f"error: {e.message}", err=True)
            sys.exit(2)
    if shards is not None:
        from boardpack.shards import ingest_to_shards

        return ingest_to_shards(paths, shards, workers=stage, progress=progress, settings=settings)
    return ingest_paths(paths, db, workers=stage, progress=progress, settings=settings)


@click.command()
@click.argument("dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
def merge(dirs, db):
    """Merge shard folders written by `ingest --shards DIR` into the database.

    Idempotent: a shard merged before is skipped, bytes found in several
    shards are stored once, and shards are applied in the order they were
    written whatever the order of the folders. Links are rebuilt once at the
    end. A shard of another parser version is refused (ingest the file
    again). Shards are pickles: merge only shards your own runs wrote.

    Ends with one summary line. Exit status: 0 all merged, 1 some shards
    refused, 2 a folder does not exist.
    """
    from boardpack.batch import NoInputs
    from boardpack.shards import merge_shards

    try:
        summary = merge_shards(dirs, db)
    except NoInputs as e:
        click.echo(f"error: {e.message}", err=True)
        sys.exit(2)
    for where, message in summary.errors:
        click.echo(f"error: {where}: {message}".replace("\n", " "), err=True)
    click.echo(summary.line())
    sys.exit(1 if summary.errors else 0)
