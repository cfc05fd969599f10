"""Export every documented view to files (CSV, JSON or Parquet) via pandas.

SQLite keeps dates as ISO text, flags as 0/1 and lists as JSON text; a CSV
cell can only hold text, but JSON and Parquet can say what a value is, so
those exports give a JSON column (``sources``) as the list it holds and
Parquet also types dates as dates, start times as times and flags as
booleans (a reader of the file then sorts and filters them as such).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pandas as pd

from boardpack.output import JSON_COLUMNS, decode_json

FORMATS = ("csv", "json", "parquet")

#: view columns holding an ISO date (YYYY-MM-DD)
DATE_COLUMNS = frozenset({"meeting_date", "period_start", "first_period_start", "last_period_start"})
#: view columns holding a 0/1 flag
FLAG_COLUMNS = frozenset({"stats_awaited", "is_total"})
#: view columns holding a clock time (HH:MM)
TIME_COLUMNS = frozenset({"start_time"})


def _date(v):
    try:
        return dt.date.fromisoformat(v[:10]) if isinstance(v, str) and v else None
    except ValueError:  # a partial date ("2010") stays unknown rather than invented
        return None


def _time(v):
    try:
        return dt.time.fromisoformat(v) if isinstance(v, str) and v else None
    except ValueError:
        return None


def typed_frame(df: pd.DataFrame, parquet: bool) -> pd.DataFrame:
    """``df`` with its JSON columns decoded and, for Parquet, dates, times and flags typed."""
    for col in df.columns.intersection(sorted(JSON_COLUMNS)):
        df[col] = df[col].map(lambda v, c=col: decode_json(c, v))
    if parquet:
        for col in df.columns.intersection(sorted(DATE_COLUMNS)):
            df[col] = df[col].map(_date).astype("object")
        for col in df.columns.intersection(sorted(TIME_COLUMNS)):
            df[col] = df[col].map(_time).astype("object")
        for col in df.columns.intersection(sorted(FLAG_COLUMNS)):
            df[col] = df[col].map(lambda v: None if v is None or v != v else bool(v)).astype("boolean")
    return df


def view_names(conn: sqlite3.Connection) -> list[str]:
    """The query contract's views (``v_*``), excluding internal helper views."""
    internal = {"v_sources", "v_duplicate_blocks"}
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'v\\_%' ESCAPE '\\' ORDER BY name")
        if r[0] not in internal]


def export_views(conn: sqlite3.Connection, out_dir, fmt: str = "csv") -> list[dict]:
    """Write one file per view into ``out_dir``; return [{view, rows, path}]."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in view_names(conn):
        df = pd.read_sql_query(f'SELECT * FROM "{name}"', conn)
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            df.to_csv(path, index=False)
        elif fmt == "json":
            # a JSON column (sources) as the list it holds, not a string of JSON inside JSON
            typed_frame(df, parquet=False).to_json(path, orient="records", indent=1, force_ascii=False)
        else:
            typed_frame(df, parquet=True).to_parquet(path, index=False)
        written.append({"view": name, "rows": len(df), "path": str(path)})
    return written
