"""Helpers for the report and action-plan tests: build documents in the model
directly, and query v_report_items / v_action_updates for one extraction in an
in-memory database (the real migrations, no store or CLI)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable

from boardpack.extractors.base import ExtractContext, ExtractResult
from boardpack.core.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Cell, Document, Paper, Row
from boardpack.schema import migrate
from boardpack.core.textnorm import one_line


def cell(text: str = "", fill: str | None = None, colspan: int = 1, bold: bool = False) -> Cell:
    return Cell(text=text, fill=fill, colspan=colspan, bold=bold)


def row(*cells, header: bool = False, page: int | None = 1) -> Row:
    return Row(cells=[c if isinstance(c, Cell) else cell(c or "") for c in cells], is_header=header, page=page)


def table(*rows: Row, page: int = 1) -> Block:
    pages = [r.page for r in rows if r.page is not None]
    return Block(TABLE, rows=list(rows), page=page, page_end=max(pages) if pages else page)


def para(text: str, page: int = 1, bold: bool = False, flags: Iterable[str] = ()) -> Block:
    return Block(PARAGRAPH, text=text, page=page, bold=bold, flags=list(flags))


def heading(text: str, page: int = 1, level: int = 3) -> Block:
    return Block(HEADING, text=text, page=page, level=level, bold=True)


def bullet(text: str, page: int = 1) -> Block:
    return Block(LIST_ITEM, text=text, page=page)


def document(blocks: list[Block], sha: str = "f" * 64, headers: list[str] | None = None) -> Document:
    doc = Document(path="test.docx", sha256=sha, format="docx", blocks=blocks, headers=list(headers or []))
    doc.renumber()
    return doc


def views(doc: Document, res: ExtractResult, source: str = "test.docx") -> dict[str, list[dict[str, Any]]]:
    """The report/plan views over ``res`` (rows of one document)."""
    c = sqlite3.connect(":memory:")
    c.row_factory = sqlite3.Row
    migrate(c)
    c.execute("INSERT INTO documents(sha256, format, size, n_blocks, parser_version, ingested_at) "
              "VALUES (?, ?, 0, 0, 'test', 'now')", (doc.sha256, doc.format))
    c.execute("INSERT INTO files(path, sha256, ingested_at, status, parser_version) VALUES (?, ?, 'now', 'ok', 'test')",
              (source, doc.sha256))
    for t, rows in res.rows.items():
        cols = {r[1] for r in c.execute(f"PRAGMA table_info({t})")}
        if not cols:
            continue
        for r in rows:
            r = dict(r, doc_sha256=doc.sha256)
            unknown = set(r) - cols
            assert not unknown, f"{t}: columns {unknown} not in the schema"
            ks = list(r)
            c.execute(f"INSERT INTO {t} ({', '.join(ks)}) VALUES ({', '.join('?' * len(ks))})", [r[k] for k in ks])
    return {v: [dict(x) for x in c.execute(f"SELECT * FROM {v}")] for v in ("v_report_items", "v_action_updates")}


def run_extractors(doc: Document, papers: list[Paper] | None = None) -> ExtractResult:
    """Run only the report and action-plan extractors, as extract_document would
    (paper by paper, then the whole-document pass)."""
    from boardpack.extractors.action_plans import ActionPlanExtractor
    from boardpack.extractors.base import WHOLE_DOCUMENT
    from boardpack.extractors.reports import ProgressReportExtractor

    if papers is None:
        papers = [Paper("action_plan", "", 0, len(doc.blocks) - 1)]
    ctx = ExtractContext(doc, papers)
    rep = ProgressReportExtractor()
    for p in papers:
        if p.paper_type in rep.paper_types:
            ctx.results.merge(rep.extract(p, ctx))
    whole = Paper(WHOLE_DOCUMENT, "", 0, len(doc.blocks) - 1)
    ctx.results.merge(ActionPlanExtractor().extract(whole, ctx))
    ctx.results.merge(ActionPlanExtractor().extract(whole, ctx))  # a second pass must add nothing
    return ctx.results


def norm(v):
    return one_line(v) if isinstance(v, str) else v


def gold_rows(gold_path: Path, view: str) -> list[dict[str, Any]]:
    g = json.loads(gold_path.read_text(encoding="utf-8"))
    return g["views"].get(view, [])


def compare(got: list[dict], gold: list[dict], key: tuple[str, ...], fields: list[str]) -> dict[str, list]:
    """Mismatches by field ('_rows' for missing/extra keys) between extracted and gold rows."""
    g = {tuple(norm(r[k]) for k in key): r for r in got}
    e = {tuple(norm(r[k]) for k in key): r for r in gold}
    out: dict[str, list] = {"_rows": sorted(set(g) ^ set(e), key=str)}
    for f in fields:
        bad = [(k, norm(g[k][f]), norm(e[k][f])) for k in e if k in g and norm(g[k][f]) != norm(e[k][f])]
        if bad:
            out[f] = bad
    return {k: v for k, v in out.items() if v}


def paper_rows(blocks: list[Block], paper_type: str = "minutes", path: str = "x.docx") -> dict[str, list[dict]]:
    """Every extractor's rows for a made-up document that is one paper of ``paper_type``."""
    from boardpack.extractors import extract_document, load_all

    load_all()
    doc = Document(path=path, sha256="e" * 64, format=path.rsplit(".", 1)[-1], blocks=blocks)
    doc.renumber()
    return extract_document(ExtractContext(doc, [Paper(paper_type, "", 0, len(blocks) - 1)])).rows
