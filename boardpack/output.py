"""Shared CLI plumbing: output formats, the ``--db`` option, one-line errors.

Every command that prints rows takes the same options, added by
:func:`output_options` (as sqlite-utils does): ``--json`` (default),
``--csv``, ``--tsv``, ``--nl`` (newline-delimited JSON) and ``-t/--table``
(for people, drawn by rich), and prints through :func:`emit`::

    @cli.command()
    @db_option
    @output_options
    def audit(db, fmt):
        '''Help text.'''
        emit(rows, fmt)

Library code raises :class:`boardpack.core.errors.BoardpackError`; the CLI group
turns it into one ``error: ...`` line and exit 1 (``--debug`` shows the
traceback); a usage error is one ``error: ...`` line and exit 2
(:func:`error_line`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import click

from boardpack.core.pathnames import DEFAULT_DB

FORMATS = ("json", "csv", "tsv", "nl", "table")

#: The environment variable that names the store when --db is not given.
DB_ENVVAR = "BOARDPACK_DB"

#: Columns the store keeps as JSON text: decoded in --json and --nl output
#: (and JSON exports), so a list is a list, not a string holding one.
JSON_COLUMNS = frozenset({"sources", "header", "addressees", "scanned_pages", "bbox", "rows_json", "flags",
                          "variants", "roles", "organisations"})

#: A table shows this many characters of a sha256 (as git shows 12 of a hash).
SHORT_HASH = 12
_SHA256 = re.compile(r"[0-9a-f]{64}")
#: A table column is never narrower than its longest word, up to this width,
#: so rich wraps long text at spaces instead of breaking short words.
WORD_WIDTH = 24


def output_options(fn):
    """Add ``--json/--csv/--tsv/--nl/-t/--table`` to a command; it receives ``fmt``."""
    opts = [
        click.option("-t", "--table", "fmt", flag_value="table", help="Print a table for people to read."),
        click.option("--nl", "fmt", flag_value="nl", help="Print newline-delimited JSON, one object per line."),
        click.option("--tsv", "fmt", flag_value="tsv", help="Print tab-separated values with a header row."),
        click.option("--csv", "fmt", flag_value="csv", help="Print CSV with a header row."),
        click.option("--json", "fmt", flag_value="json", default=True, help="Print a JSON array of objects (default)."),
    ]
    for opt in opts:
        fn = opt(fn)
    return fn


def db_option(fn):
    """Add ``--db FILE`` (default ``$BOARDPACK_DB``, else ``db/boardpacks.db``); the command receives ``db`` as a Path."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        envvar=DB_ENVVAR,
        show_envvar=True,
        show_default=True,
        help=f"SQLite database file (default: ${DB_ENVVAR} when set).",
    )(fn)


def error_line(e: click.ClickException) -> str:
    """A click error as the one lower-case ``error:`` line every command prints
    (click's own is "Error:", after a usage block for a usage error)."""
    msg = " ".join(e.format_message().split())
    ctx = getattr(e, "ctx", None)
    if isinstance(e, click.UsageError) and ctx is not None:
        msg += f" (see `{ctx.command_path} --help`)"
    return f"error: {msg}"


def _jsonable(v: Any) -> Any:
    if isinstance(v, bytes):
        return v.hex()
    return v


def decode_json(column: str, v: Any) -> Any:
    """A JSON column's text as the list or object it holds (anything else unchanged)."""
    if column in JSON_COLUMNS and isinstance(v, str) and v[:1] in ("[", "{"):
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def _json_value(column: str, v: Any) -> Any:
    return decode_json(column, _jsonable(v))


def _text_cell(v: Any) -> str:
    """A value as CSV/TSV text: lists and objects as JSON (not Python's repr)."""
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return _jsonable(v)


def _cell(v: Any) -> str:
    """A value as table text: lists and objects as JSON, sha256 hashes shortened."""
    s = str(_text_cell(v))
    return _SHA256.sub(lambda m: m.group(0)[:SHORT_HASH], s)


def _table(rows: list[dict], columns: Sequence[str], out, title: Optional[str]) -> None:
    # Cells are rich Text, never markup: "[graffiti]" in a search snippet is
    # text to show, not a style tag to swallow.
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cells = [[_cell(r.get(k)) for k in columns] for r in rows]
    t = Table(title=Text(title) if title else None, show_lines=False)
    for i, c in enumerate(columns):
        words = [w for row in cells for w in row[i].split()] + str(c).split()
        t.add_column(Text(str(c)), overflow="fold", min_width=min(max(map(len, words), default=1), WORD_WIDTH))
    for row in cells:
        t.add_row(*(Text(v) for v in row))
    # a terminal's own width (or $COLUMNS); 200 columns into a pipe or file
    wide = out.isatty() or os.environ.get("COLUMNS")
    Console(file=out, width=None if wide else 200, highlight=False).print(t)


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
        out.write(json.dumps([{k: _json_value(k, r.get(k)) for k in columns} for r in rows], indent=2,
                             ensure_ascii=False, default=str) + "\n")
    elif fmt == "nl":
        for r in rows:
            out.write(json.dumps({k: _json_value(k, r.get(k)) for k in columns}, ensure_ascii=False, default=str) + "\n")
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", **({"delimiter": "\t"} if fmt == "tsv" else {}))
        w.writerow(columns)
        for r in rows:
            w.writerow([_text_cell(r.get(k)) for k in columns])
        out.write(buf.getvalue())
    elif fmt == "table":
        _table(rows, columns, out, title)
    else:
        raise click.UsageError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
