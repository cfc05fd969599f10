"""Writing one parsed document: its ``documents`` row, papers, blocks, the
extractors' rows and the warnings, in that order, inside the transaction
:meth:`boardpack.store.database.Store.store_parsed` holds.

Apart from the Store so that what a document becomes in the database (one
function per table) can be read without the transaction, replacement and
failure bookkeeping around it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Callable, Optional

from sqlite_utils.db import jsonify_if_needed

from boardpack.core.errors import StoreError
from boardpack.core.identity import row_id
from boardpack.core.model import Block, Document
from boardpack.store.compact import compact_cells
from boardpack.store.files import now

#: table -> its primary key columns (None for a rowid table); raises
#: StoreError for a table no migration creates
PrimaryKeyOf = Callable[[str], Optional[tuple[str, ...]]]


def insert_document(db, parsed, pk_of: PrimaryKeyOf, store_path: Path, parser_version: str) -> None:
    """Insert every row of one parsed file (a ``pipeline.ParsedFile``), the
    ``documents`` row stamped with ``parser_version`` (the Store's)."""
    doc = parsed.doc
    sha = doc.sha256
    insert_many(db.conn, "documents", [document_row(parsed, parser_version)])
    paper_of_block, paper_ids = insert_papers(db, sha, parsed.papers)
    # made by the worker that parsed the file (absent from a shard an older version wrote)
    prints = getattr(parsed, "fingerprints", None) or []
    if len(prints) == len(paper_ids):
        insert_many(db.conn, "paper_shingles", [fp.row(pid, sha) for pid, fp in zip(paper_ids, prints)])
    insert_many(db.conn, "blocks", [block_row(sha, b, paper_of_block.get(b.index)) for b in doc.blocks])
    warnings = read_warnings(doc)
    result = parsed.result
    if result is not None:
        for table, rows in result.rows.items():
            warnings.extend(insert_rows(db, sha, table, rows, pk_of, store_path))
        warnings.extend(result.warnings)
    if warnings:
        insert_many(db.conn, "warnings", [
            {
                "doc_sha256": sha,
                "kind": w.get("kind") or "extract",
                "message": str(w.get("message", "")),
                "page": w.get("page"),
                "block_index": w.get("block_index"),
            }
            for w in warnings
        ])


#: values sqlite3 stores as they are; anything else is converted as
#: sqlite-utils converts it (JSON for dicts, lists and tuples, ISO text for dates)
_AS_IS = frozenset({str, int, float, type(None), bytes, bool})


def insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts; a key missing from a row is NULL) into ``table``
    with one prepared statement. The store's tables all exist (migrations make
    them), so nothing is created or altered; a column no migration made fails
    as sqlite3 says. sqlite-utils' ``insert_all`` stored the same values but
    spent most of the writer's time building statements and checking every
    value (issue 10: the writer's share of a 2-worker run)."""
    if not rows:
        return
    cols = list(dict.fromkeys(k for r in rows for k in r))
    sql = "INSERT INTO [{}] ({}) VALUES ({})".format(table, ", ".join(f"[{c}]" for c in cols), ", ".join("?" * len(cols)))
    conn.executemany(sql, [[v if type(v) in _AS_IS else jsonify_if_needed(v) for v in (r.get(c) for c in cols)]
                           for r in rows])


def document_row(parsed, parser_version: str) -> dict[str, Any]:
    doc = parsed.doc
    return {
        "sha256": doc.sha256,
        "format": doc.format,
        "size": parsed.size,
        "pages": doc.pages,
        "producer": doc.producer,
        "converted_from": doc.converted_from,
        "scanned_pages": json.dumps(doc.scanned_pages),
        "n_blocks": len(doc.blocks),
        "parser_version": parser_version,
        "ingested_at": now(),
    }


def insert_papers(db, sha: str, papers) -> tuple[dict[int, str], list[str]]:
    """Insert the papers; return (block index -> the first paper holding it, the papers' ids in order)."""
    ordinals = [p.ordinal for p in papers]
    # ids come from the ordinal; when a segmenter repeats one, the position
    # keeps the ids distinct
    distinct = len(set(ordinals)) == len(ordinals)
    paper_rows = []
    paper_of_block: dict[int, str] = {}
    for i, p in enumerate(papers):
        ordinal = p.ordinal if distinct else i
        pid = row_id(sha, ordinal)
        paper_rows.append(
            {
                "paper_id": pid,
                "doc_sha256": sha,
                "ordinal": ordinal,
                "paper_type": p.paper_type,
                "title": p.title,
                "block_start": p.start,
                "block_end": p.end,
                "page_start": p.page_start,
                "page_end": p.page_end,
                "confidence": p.confidence,
                "cue": p.cue,
            }
        )
        for bi in range(p.start, p.end + 1):
            paper_of_block.setdefault(bi, pid)
    if paper_rows:
        insert_many(db.conn, "papers", paper_rows)
    return paper_of_block, [r["paper_id"] for r in paper_rows]


def block_row(sha: str, b: Block, paper_id: Optional[str]) -> dict[str, Any]:
    return {
        "doc_sha256": sha,
        "block_index": b.index,
        "kind": b.kind,
        "level": b.level,
        "page": b.page,
        "page_end": b.page_end,
        "source_index": b.source_index,
        "bbox": json.dumps(list(b.bbox)) if b.bbox else None,
        "text": b.text,
        # Tables are indexed for search by their flattened cell text.
        "norm": b.search_text,
        "rows_json": json.dumps(compact_cells(b.rows), ensure_ascii=False) if b.rows else None,
        "flags": json.dumps(b.flags) if b.flags else None,
        "paper_id": paper_id,
    }


def read_warnings(doc: Document) -> list[dict[str, Any]]:
    """What the read stage noted about the file: scanned pages and OCR, pages
    that failed, a repaired PDF."""
    warnings = []
    if doc.scanned_pages:
        pages = ", ".join(str(p) for p in doc.scanned_pages)
        ocr = ", ".join(str(p) for p in doc.metadata.get("ocr_pages", [])) or "none"
        warnings.append({"kind": "scanned", "message": f"pages with no text layer: {pages}; read by OCR: {ocr}"})
    if doc.metadata.get("ocr"):
        warnings.append({"kind": "ocr", "message": str(doc.metadata["ocr"])})
    for e in doc.metadata.get("page_errors") or []:
        warnings.append({"kind": "page_error", "page": e.get("page"), "message": str(e.get("error", ""))})
    if doc.format == "pdf" and doc.metadata.get("repaired"):
        warnings.append({"kind": "repaired", "message": str(doc.metadata["repaired"])})
    return warnings


def insert_rows(db, sha: str, table: str, rows: list[dict[str, Any]], pk_of: PrimaryKeyOf,
                store_path: Path) -> list[dict[str, Any]]:
    """Insert one extractor table's rows for a document; return warnings."""
    if not rows:
        return []
    pk = pk_of(table)
    out, seen, dropped = [], set(), 0
    for r in rows:
        r = dict(r)
        r["doc_sha256"] = sha
        if pk:
            key = tuple(r.get(k) for k in pk)
            if key in seen:
                dropped += 1
                continue
            seen.add(key)
        out.append(r)
    try:
        insert_many(db.conn, table, out)
    except sqlite3.IntegrityError as e:
        raise StoreError(f"table {table}: {e} (row ids must include the document's sha256 when keys can repeat across documents)", store_path) from e
    except sqlite3.OperationalError as e:
        if "locked" in str(e).lower():
            raise
        raise StoreError(f"table {table}: {e}", store_path) from e
    if dropped:
        return [{"kind": "duplicate_key", "message": f"{dropped} row(s) of {table} repeated a primary key and were dropped"}]
    return []
