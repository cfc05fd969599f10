"""What a store holds, independent of row ids and of the runs that built it:
the crash and concurrency suites compare a store with a clean ingest by it."""

from __future__ import annotations

import sqlite3

# Columns that list values in the order their rows were stored (a bare
# group_concat): the same store built in another order lists them in
# another order. Compared as sorted lists; the view should order them.
UNORDERED = {("v_organisations", "spellings"): ","}


def _view_rows(con, view: str) -> list[str]:
    cur = con.execute(f'SELECT * FROM "{view}"')
    cols = [d[0] for d in cur.description]
    seps = {i: UNORDERED[(view, c)] for i, c in enumerate(cols) if (view, c) in UNORDERED}
    rows = []
    for r in cur:
        r = list(r)
        for i, sep in seps.items():
            if isinstance(r[i], str):
                r[i] = sep.join(sorted(r[i].split(sep)))
        rows.append(repr(tuple(r)))
    return sorted(rows)


def snapshot(db) -> dict:
    """Every documented view's rows (v_*, sorted), every table's row count,
    the store's state, its files and `PRAGMA integrity_check`."""
    con = sqlite3.connect(db)
    try:
        names = con.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view')"
                            " ORDER BY name").fetchall()
        # a full-text index's own tables hold b-tree segments, whose number
        # depends on how the inserts were batched: the index is compared by
        # its rows (count of the virtual table) instead
        virtual = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        out = {}
        for kind, name in names:
            if kind == "view" and name.startswith("v_"):
                out[name] = _view_rows(con, name)
            elif kind == "table" and not any(name.startswith(v + "_") for v in virtual):
                out[f"count:{name}"] = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        out["store_state"] = sorted(con.execute("SELECT key, value FROM store_state"))
        out["files"] = sorted(con.execute("SELECT path, status, sha256 FROM files"))
        out["integrity"] = con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()
    return out


def differences(got: dict, want: dict) -> list[str]:
    """The keys of two snapshots that differ."""
    return [k for k in sorted(set(got) | set(want)) if got.get(k) != want.get(k)]


def explain(got: dict, want: dict, limit: int = 2) -> str:
    """The differences, with a few rows of each side, for an assertion message."""
    lines = []
    for k in differences(got, want):
        g, w = got.get(k), want.get(k)
        if isinstance(g, list) and isinstance(w, list):
            lines.append(f"{k}: only here {[x for x in g if x not in w][:limit]}; "
                         f"only in the reference {[x for x in w if x not in g][:limit]}")
        else:
            lines.append(f"{k}: {g!r} here, {w!r} in the reference")
    return "\n".join(lines)
