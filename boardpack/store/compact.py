"""Blocks and table rows as small JSON-able dicts.

One shape serves three readers: the ``blocks.rows_json`` column of the store,
``show --json`` and the stage goldens, so a table prints, stores and is
pinned the same way. Defaults are left out to keep a long plan's rows short.
"""

from __future__ import annotations

from typing import Any

from boardpack.core.model import Block, Row


def compact_cells(rows: list[Row]) -> list[dict[str, Any]]:
    """Table rows as small JSON-able dicts: defaults left out, nested tables kept."""
    out = []
    for r in rows:
        cells = []
        for c in r.cells:
            d: dict[str, Any] = {"text": c.text}
            if c.norm != c.text:
                d["norm"] = c.norm
            if c.fill:
                d["fill"] = c.fill
            if c.colspan > 1:
                d["colspan"] = c.colspan
            if c.rowspan > 1:
                d["rowspan"] = c.rowspan
            if c.continued:
                d["continued"] = True
            if c.bold:
                d["bold"] = True
            if c.tables:
                d["tables"] = [compact_cells(t.rows) for t in c.tables]
            cells.append(d)
        row: dict[str, Any] = {"page": r.page, "cells": cells}
        if r.is_header:
            row["header"] = True
        out.append(row)
    return out


def compact_block(b: Block) -> dict[str, Any]:
    """One block as a small JSON-able dict (``show --json`` and the golden tests)."""
    d: dict[str, Any] = {"index": b.index, "kind": b.kind, "page": b.page}
    if b.page_end != b.page:
        d["page_end"] = b.page_end
    if b.level:
        d["level"] = b.level
    if b.kind == "table":
        d["rows"] = compact_cells(b.rows)
    elif b.kind != "page_break":
        d["text"] = b.norm
    if b.flags:
        d["flags"] = list(b.flags)
    return d
