"""Full-text search over every stored block, ranked by FTS5 bm25, with snippets, file and page."""

from __future__ import annotations

import re
import sqlite3

from boardpack.store.sqlrows import dict_rows

_TOKEN = re.compile(r"[\w£%/.-]+", re.UNICODE)


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match,
    each quoted so FTS syntax characters ("-", ":", "/") in council text
    (e.g. "2009/10", "T&CG") do not raise syntax errors."""
    words = [w.strip(".-") for w in _TOKEN.findall(text)]
    words = [w for w in words if w]
    if not words:
        raise ValueError("search text has no words to look for")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(conn: sqlite3.Connection, text: str, limit: int = 20, raw: bool = False) -> list[dict]:
    """Blocks matching ``text`` (all words; ``raw=True`` passes FTS5 syntax through)."""
    q = text if raw else fts_query(text)
    sql = """
        SELECT s.source_file AS file, b.page, b.kind, p.paper_type,
               snippet(blocks_fts, 0, '[', ']', ' ... ', 14) AS snippet,
               round(bm25(blocks_fts), 3) AS score
        FROM blocks_fts
        JOIN blocks b ON b.rowid = blocks_fts.rowid
        JOIN v_sources s ON s.doc_sha256 = b.doc_sha256
        LEFT JOIN papers p ON p.paper_id = b.paper_id
        WHERE blocks_fts MATCH ?
          AND NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d
                          WHERE d.doc_sha256 = b.doc_sha256 AND d.block_index = b.block_index)
        ORDER BY bm25(blocks_fts), s.source_file, b.page
        LIMIT ?"""
    try:
        return dict_rows(conn, sql, (q, limit))
    except sqlite3.OperationalError as e:
        raise ValueError(f"bad search query {text!r}: {e}") from e
