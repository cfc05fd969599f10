"""Full-text search over every stored block, ranked by FTS5 bm25, with snippets, file and page.

The result is the query ``ORDER BY bm25, file name, page LIMIT n`` over the
blocks that are not in a copy of a paper (``v_duplicate_blocks``). In one SQL
statement SQLite looked up every matching block, its file name and its
copies before sorting, and a word common in an archive of thousands of
packs matches thousands of blocks. Here the matches are ranked by bm25
alone (the index does that without reading a block), then walked best
first: a block's copies and file name are looked up only until ``n`` blocks
are kept and the next match scores worse than the last kept (ties are all
taken, then ordered by file name and page as before); snippets are made for
the ``n`` kept only. Whether a match lies in a copy is read from copy_blocks,
by rowid, before any block row is read.
"""

from __future__ import annotations

import re
import sqlite3

_TOKEN = re.compile(r"[\w£%/.-]+", re.UNICODE)

_RANKED = "SELECT rowid, bm25(blocks_fts) FROM blocks_fts WHERE blocks_fts MATCH ? ORDER BY bm25(blocks_fts)"
# the matches that lie in a copy of a paper (v_duplicate_blocks' blocks, by
# rowid: copy_blocks, migration 0025), told apart without reading their rows
COPIES_SQL = "SELECT block_rowid FROM copy_blocks WHERE block_rowid IN ({})"
_BLOCKS = "SELECT b.rowid, b.doc_sha256, b.page, b.kind FROM blocks b WHERE b.rowid IN ({})"
# a store opened read-only before it was migrated to 0025 has no copy_blocks
_UNMIGRATED = """SELECT b.rowid, b.doc_sha256, b.page, b.kind FROM blocks b WHERE b.rowid IN ({})
    AND NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d WHERE d.doc_sha256 = b.doc_sha256
                    AND d.block_index = b.block_index)"""
# A block's paper is its last column, read past the block's text (often on
# overflow pages): looked up for the kept rows only. The copies check reads
# it from the index blocks_paper (migration 0019) instead.
_PAPER_TYPE = "SELECT p.paper_type FROM blocks b JOIN papers p ON p.paper_id = b.paper_id WHERE b.rowid = ?"
#: matches looked up in one query (the best first; most searches need one batch)
BATCH = 100
_FILE = "SELECT source_file FROM v_sources WHERE doc_sha256 = ?"
_SNIPPET = ("SELECT snippet(blocks_fts, 0, '[', ']', ' ... ', 14) FROM blocks_fts "
            "WHERE blocks_fts MATCH ? AND rowid = ?")


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
    try:
        return _search(conn, q, limit)
    except sqlite3.OperationalError as e:
        raise ValueError(f"bad search query {text!r}: {e}") from e


def _search(conn: sqlite3.Connection, q: str, limit: int) -> list[dict]:
    files: dict[str, str | None] = {}
    kept: list[tuple] = []
    ranked = conn.execute(_RANKED, (q,)).fetchall()
    for start in range(0, len(ranked), BATCH):
        batch = ranked[start:start + BATCH]
        if len(kept) >= limit and batch[0][1] > kept[-1][0]:
            break
        info = _blocks(conn, [rowid for rowid, _ in batch])
        for rowid, score in batch:
            if len(kept) >= limit and score > kept[-1][0]:
                break  # every block that can make the first ``limit`` is kept, ties included
            row = info.get(rowid)
            if row is None:
                continue  # a block of a copy of a paper: the paper is counted once
            sha, page, kind = row
            if sha not in files:
                found = conn.execute(_FILE, (sha,)).fetchone()
                files[sha] = found[0] if found else None
            kept.append((score, files[sha], page, kind, rowid))
    # SQL's order: NULL before any file name or page
    kept.sort(key=lambda k: (k[0], k[1] is not None, k[1] or "", k[2] is not None, k[2] or 0))
    return [{"file": file, "page": page, "kind": kind, "paper_type": _paper_type(conn, rowid),
             "snippet": conn.execute(_SNIPPET, (q, rowid)).fetchone()[0], "score": round(score, 3)}
            for score, file, page, kind, rowid in kept[:max(limit, 0)]]


def _blocks(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple]:
    """rowid -> (document, page, kind) of the blocks among ``rowids`` that are not in a copy."""
    marks = ", ".join("?" * len(rowids))
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'copy_blocks'").fetchone():
        return {r[0]: tuple(r)[1:] for r in conn.execute(_UNMIGRATED.format(marks), rowids)}
    copies = {r[0] for r in conn.execute(COPIES_SQL.format(marks), rowids)}
    kept = [r for r in rowids if r not in copies]
    if not kept:
        return {}
    return {r[0]: tuple(r)[1:] for r in conn.execute(_BLOCKS.format(", ".join("?" * len(kept))), kept)}


def _paper_type(conn: sqlite3.Connection, rowid: int):
    found = conn.execute(_PAPER_TYPE, (rowid,)).fetchone()
    return found[0] if found else None
