"""Shared CLI plumbing: output formats, the ``--db`` option, one-line errors.

Every command that prints rows takes the same options, added by
:func:`output_options` (as sqlite-utils does): ``--json`` (default),
``--csv``, ``--nl`` (newline-delimited JSON) and ``--table`` (for people,
drawn by rich), and prints through :func:`emit`::

    @cli.command()
    @db_option
    @output_options
    def audit(db, fmt):
        '''Help text.'''
        emit(rows, fmt)

Library code raises :class:`boardpack.core.errors.BoardpackError`; the CLI group
turns it into one ``error: ...`` line and exit 1 (``--debug`` shows the
traceback).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import click

from boardpack.store.database import DEFAULT_DB

FORMATS = ("json", "csv", "nl", "table")


def output_options(fn):
    """Add ``--json/--csv/--nl/--table`` to a command; it receives ``fmt``."""
    opts = [
        click.option("--table", "fmt", flag_value="table", help="Print a table for people to read."),
        click.option("--nl", "fmt", flag_value="nl", help="Print newline-delimited JSON, one object per line."),
        click.option("--csv", "fmt", flag_value="csv", help="Print CSV with a header row."),
        click.option("--json", "fmt", flag_value="json", default=True, help="Print a JSON array of objects (default)."),
    ]
    for opt in opts:
        fn = opt(fn)
    return fn


def db_option(fn):
    """Add ``--db FILE`` (default ``db/boardpacks.db``); the command receives ``db`` as a Path."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        show_default=True,
        help="SQLite database file.",
    )(fn)


def _jsonable(v: Any) -> Any:
    if isinstance(v, bytes):
        return v.hex()
    return v


def emit(
    rows: Iterable[dict[str, Any]],
    fmt: str = "json",
    columns: Optional[Sequence[str]] = None,
    out=None,
    title: Optional[str] = None,
) -> None:
    """Print rows (dicts) in ``fmt``. ``columns`` fixes the order (and the CSV header when empty)."""
    out = out or sys.stdout
    rows = list(rows)
    if columns is None:
        columns = list(rows[0].keys()) if rows else []
    if fmt == "json":
        out.write(json.dumps([{k: _jsonable(r.get(k)) for k in columns} for r in rows], indent=2, ensure_ascii=False, default=str) + "\n")
    elif fmt == "nl":
        for r in rows:
            out.write(json.dumps({k: _jsonable(r.get(k)) for k in columns}, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if r.get(k) is None else _jsonable(r.get(k)) for k in columns])
        out.write(buf.getvalue())
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        t = Table(title=title, show_lines=False)
        for c in columns:
            t.add_column(str(c), overflow="fold")
        for r in rows:
            t.add_row(*("" if r.get(k) is None else str(r.get(k)) for k in columns))
        Console(file=out, width=None if out.isatty() else 200).print(t)
    else:
        raise click.UsageError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
