"""``boardpack files`` and ``boardpack query``: the store read as it is, the
ingested files with their status, or one read-only SQL statement; registered
lazily in :data:`boardpack.cli.LAZY_COMMANDS`.
"""

from __future__ import annotations

import click

from boardpack.output import db_option, emit, output_options


FILE_COLUMNS = ("path", "format", "pages", "status", "error", "size", "sha256", "ingested_at", "parser_version")


@click.command()
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


@click.command()
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
