"""The ingested originals, served read-only by ``boardpack serve``.

A ``source_url`` in the store is a ``file://`` URL (so the CLI and exports
give a link a user can open without a server); in the browser that link
goes nowhere (browsers do not open ``file://`` from an ``http://`` page), so
each one is shown as a link to ``/-/original/DB/SHA256/NAME#page=N``. That
route looks the file up in the store's ``files`` table by the hash of its
bytes and sends the file at a recorded path: no part of the request is ever
joined onto the file system (the trailing NAME is only for the browser's
title bar and download name). A recorded path whose bytes are no longer the
ingested ones is not sent: the row would point into another version.

A Word file opens as a page-anchored HTML rendering of what was read from
it (its stored blocks: headings, paragraphs, tables, each page introduced by
an element with the id ``page=N``), so ``…/NAME#page=N`` opens at the page a
row names, as a PDF does; ``?download=1`` sends the original bytes. We chose
the rendering over a PDF converted at ingest because it needs no LibreOffice
(at ingest or while browsing) and shows exactly the text the rows came from;
a Word file's pages are the ones Word recorded when it last laid the file
out (its rendered page breaks), so they match what Word shows, not any
printer's pagination.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from boardpack.core.pathnames import fs_path

#: Datasette ``register_routes`` pattern: database name, hash, an optional file name
ROUTE = r"^/-/original/(?P<database>[^/]+)/(?P<sha>[0-9a-f]{64})(?:/[^/]*)?$"
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
}
_BY_URL = "SELECT sha256, path FROM files WHERE url = ? AND sha256 IS NOT NULL ORDER BY path LIMIT 1"
_BY_SHA = "SELECT path, format FROM files WHERE sha256 = ? ORDER BY path"
_BLOCKS = ("SELECT kind, level, page, text, rows_json FROM blocks WHERE doc_sha256 = ? "
           "AND kind != 'page_break' ORDER BY block_index")
#: formats a browser cannot show: rendered from their stored blocks
RENDERED = frozenset({"docx", "doc"})


def original_href(database: str, sha: str, path: str, fragment: str = "") -> str:
    """The served URL of a stored original (``fragment`` as ``page=N`` or empty)."""
    name = quote(os.path.basename(fs_path(path)), safe="")
    href = f"/-/original/{quote(database, safe='')}/{sha}/{name}"
    return f"{href}#{fragment}" if fragment else href


async def served_href(datasette, database: str, file_url: str) -> Optional[str]:
    """Where a ``file://`` source_url opens through serve; None when the store
    records no file at that URL (the cell then keeps its ``file://`` link)."""
    url, _, fragment = file_url.partition("#")
    db = datasette.get_database(database)
    row = (await db.execute(_BY_URL, [url])).first()
    return original_href(database, row[0], row[1], fragment) if row else None


def _same_bytes(path: Path, sha: str) -> bool:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest() == sha


def pick_original(rows, sha: str) -> tuple[Optional[Path], Optional[str], list[str]]:
    """The first recorded path that still holds the ingested bytes, its format,
    and a note for each recorded path that does not (for the missing page)."""
    notes = []
    for path, fmt in rows:
        target = Path(fs_path(path))
        try:
            if target.is_file() and _same_bytes(target, sha):
                return target, fmt, notes
            notes.append(f"{path}: changed since it was ingested" if target.is_file() else f"{path}: not found")
        except OSError as e:
            notes.append(f"{path}: {e.strerror or e}")
    return None, None, notes


def missing_page(sha: str, notes: list[str]) -> str:
    items = "".join(f"<li>{html.escape(n)}</li>" for n in notes) or "<li>no file with these bytes is recorded</li>"
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Original not available</title></head><body>"
            "<h1>Original not available</h1>"
            f"<p>The file this row was read from (sha256 {sha[:12]}) cannot be opened from the paths "
            "the store recorded:</p>"
            f"<ul>{items}</ul><p>The rows stay in the store. Ingest the file again where it is now, or "
            "remove what is gone with <code>boardpack prune</code>.</p></body></html>")


def _cells_html(rows_json: str | None) -> str:
    rows = json.loads(rows_json or "[]")
    out = []
    for r in rows:
        tag = "th" if r.get("header") else "td"
        out.append("<tr>" + "".join(f"<{tag}>{html.escape(c.get('text') or '')}</{tag}>" for c in r.get("cells", []))
                   + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def rendered_page(name: str, blocks, download: str) -> str:
    """A Word original as HTML from its stored blocks, each page opened by an
    element whose id is ``page=N`` (the fragment a source_url names)."""
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(name)}</title>"
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #bbb;padding:2px 6px;vertical-align:top;white-space:pre-wrap}"
             ".page{color:#777;border-top:1px solid #ccc;margin-top:2em}</style></head><body>",
             f"<p><a href='{html.escape(download, quote=True)}'>Download the original</a> "
             "(the text below is what boardpack read from it)</p>"]
    page = None
    for kind, level, pg, text, rows_json in blocks:
        if pg is not None and pg != page:
            page = pg
            parts.append(f"<p class='page' id='page={pg}'>Page {pg}</p>")
        if kind == "table":
            parts.append(_cells_html(rows_json))
        elif kind == "heading":
            h = min(max(int(level or 1), 1), 6)
            parts.append(f"<h{h}>{html.escape(text or '')}</h{h}>")
        else:
            parts.append(f"<p>{html.escape(text or '')}</p>".replace("\n", "<br>"))
    return "".join(parts) + "</body></html>"


async def original_view(request, datasette):
    """Datasette route: send a stored original, or a page saying why it cannot be sent."""
    from datasette.utils.asgi import Response  # this module's views run only under Datasette

    database, sha = request.url_vars["database"], request.url_vars["sha"]
    try:
        db = datasette.get_database(database)
    except KeyError:
        return Response.html(missing_page(sha, [f"no database {database!r}"]), status=404)
    rows = (await db.execute(_BY_SHA, [sha])).rows
    target, fmt, notes = pick_original([tuple(r) for r in rows], sha)
    if target is None:
        return Response.html(missing_page(sha, notes), status=404)
    name = quote(target.name, safe="")
    if fmt in RENDERED and not request.args.get("download"):
        blocks = (await db.execute(_BLOCKS, [sha])).rows
        download = original_href(database, sha, str(target)) + "?download=1"
        return Response.html(rendered_page(target.name, [tuple(b) for b in blocks], download))
    return Response(target.read_bytes(), content_type=MEDIA_TYPES.get(fmt or "", "application/octet-stream"),
                    headers={"content-disposition": f"inline; filename*=UTF-8''{name}",
                             "x-content-type-options": "nosniff"})
