"""Export every documented view to files (CSV, JSON or Parquet) via pandas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

from boardpack.output import JSON_COLUMNS, decode_json

FORMATS = ("csv", "json", "parquet")


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
            for col in df.columns.intersection(sorted(JSON_COLUMNS)):
                df[col] = df[col].map(lambda v, c=col: decode_json(c, v))
            df.to_json(path, orient="records", indent=1, force_ascii=False)
        else:
            df.to_parquet(path, index=False)
        written.append({"view": name, "rows": len(df), "path": str(path)})
    return written
