"""Pages of their own in ``boardpack serve``: a milestone's timeline and a
person's record.

Each is a Datasette route (``register_routes``) that reads the documented
views through Datasette's database API and renders a template of
``serve_templates`` that extends Datasette's ``base.html``: nothing of
Datasette is copied. Statuses and attendance show as coloured labels (the
class names come from :func:`label_class`, the colours from the template),
and every period, meeting or mention links to its source page through the
served original (:mod:`boardpack.serve_originals`).
"""

from __future__ import annotations

import re
from typing import Optional
from urllib.parse import quote

from boardpack.serve_originals import served_href

MILESTONE_ROUTE = r"^/-/milestone/(?P<database>[^/]+)/(?P<key>[0-9a-f]+)$"
PERSON_ROUTE = r"^/-/person/(?P<database>[^/]+)/(?P<key>[0-9a-f]+)$"

_SOURCE = "source_file, page, source_url"
_PERIODS = ("SELECT plan_title, ref, action_ref, description, lead_agency, period, ordinal, status, "
            f"stats_awaited, progress, {_SOURCE} FROM v_milestone_periods WHERE milestone_id = ? ORDER BY ordinal")
_PERSON = "SELECT person_id, name, variants, roles, organisations FROM v_people WHERE person_id = ?"
_ALIAS = "SELECT person_id FROM person_aliases WHERE alias_id = ? AND person_id IS NOT NULL"
# a person's record: each part of the store that names a person by person_id
_RECORD = {
    "attendance": f"SELECT meeting_date, attendance, role, {_SOURCE} FROM v_attendance "
                  "WHERE person_id = ? ORDER BY meeting_date, page",
    "actions": f"SELECT meeting_date, action_text, {_SOURCE} FROM v_minute_actions "
               "WHERE person_id = ? ORDER BY meeting_date, page",
    "reports": f"SELECT period, priority_area, section, item_text, {_SOURCE} FROM v_report_items "
               "WHERE person_id = ? ORDER BY period, page",
    "mentions": f"SELECT context_kind, raw, role, organisation, context, {_SOURCE} FROM v_people_mentions "
                "WHERE person_id = ? ORDER BY source_file, page LIMIT 500",
}


# Canned queries (Datasette's ``canned_queries`` hook) that find a milestone or a
# person by what a reader knows: each row's id cell opens the page.
PAGE_QUERIES = {
    "search": {
        "title": "Search every paper's text",
        "description": "Blocks of text with these words in this order, best match first (copies of a "
                       "paper counted once), each with its file and page; source_url opens the page.",
        # the words as one FTS5 phrase: nothing typed can be query syntax
        "sql": "SELECT s.source_file, b.page, snippet(blocks_fts, 0, '[', ']', ' ... ', 14) AS snippet, "
               "CASE WHEN s.format = 'pdf' AND b.page IS NOT NULL THEN s.file_url || '#page=' || b.page "
               "ELSE s.file_url END AS source_url "
               "FROM blocks_fts JOIN blocks b ON b.rowid = blocks_fts.rowid "
               "JOIN v_sources s ON s.doc_sha256 = b.doc_sha256 "
               "WHERE blocks_fts MATCH '\"' || replace(:q, '\"', '\"\"') || '\"' "
               "AND NOT EXISTS (SELECT 1 FROM v_duplicate_blocks d "
               "WHERE d.doc_sha256 = b.doc_sha256 AND d.block_index = b.block_index) "
               "ORDER BY bm25(blocks_fts), s.source_file, b.page LIMIT 100",
    },
    "find_milestone": {
        "title": "Find a milestone's timeline",
        "description": "Milestones or actions with this reference (3.3a); the milestone_id opens its "
                       "status period by period.",
        "sql": "SELECT milestone_id, plan_title, ref, action_ref, description, count(*) AS n_periods, "
               "min(period) AS first_period, max(period) AS last_period FROM v_milestone_periods "
               "WHERE lower(ref) = lower(:ref) OR lower(action_ref) = lower(:ref) "
               "GROUP BY milestone_id ORDER BY plan_title, ref",
    },
    "find_person": {
        "title": "Find a person's record",
        "description": "People whose name or a spelling of it contains this text; the person_id opens "
                       "their meetings, actions, report leads and mentions.",
        "sql": "SELECT person_id, name, variants, roles, organisations FROM v_people "
               "WHERE name LIKE '%' || :name || '%' OR variants LIKE '%' || :name || '%' ORDER BY name",
    },
}


def page_href(kind: str, database: str, key: str) -> str:
    """Where the page of a milestone (``kind`` 'milestone') or person ('person') is."""
    return f"/-/{kind}/{quote(database, safe='')}/{quote(key, safe='')}"


def label_class(value: Optional[str]) -> str:
    """CSS class of a status or attendance label: ``bp-label bp-on-track``."""
    slug = re.sub(r"[^a-z0-9]+", "-", (value or "none").lower()).strip("-") or "none"
    return f"bp-label bp-{slug}"


async def _with_links(datasette, database: str, rows) -> list[dict]:
    """Rows as dicts, each with ``href``: its source page through serve (the
    ``file://`` URL when the file is not recorded)."""
    out, cache = [], {}
    for r in rows:
        row = dict(r)
        url = row.get("source_url")
        if url and url.startswith("file://"):
            if url not in cache:
                cache[url] = await served_href(datasette, database, url) or url
            row["href"] = cache[url]
        else:
            row["href"] = url
        out.append(row)
    return out


def _not_found(Response, what: str, key: str):
    return Response.html(f"<!DOCTYPE html><html><body><h1>No {what} {key}</h1><p>The store holds no "
                         f"{what} with this id.</p></body></html>", status=404)


async def milestone_view(request, datasette):
    """Datasette route: one milestone's status in every period, as labels."""
    from datasette.utils.asgi import Response  # this module's views run only under Datasette

    database, key = request.url_vars["database"], request.url_vars["key"]
    db = datasette.get_database(database)
    periods = await _with_links(datasette, database, (await db.execute(_PERIODS, [key])).rows)
    if not periods:
        return _not_found(Response, "milestone", key)
    for p in periods:
        p["label"] = label_class(p["status"])
    context = {"database": database, "milestone": periods[-1], "periods": periods,
               "timeline_sql_href": datasette.urls.table(database, "v_milestone_periods")
               + f"?milestone_id={quote(key)}"}
    return Response.html(await datasette.render_template("boardpack_milestone.html", context, request=request))


async def person_view(request, datasette):
    """Datasette route: a person's record (attendance as labels, actions, report
    leads, mentions); an id merged away redirects to the person it became."""
    from datasette.utils.asgi import Response

    database, key = request.url_vars["database"], request.url_vars["key"]
    db = datasette.get_database(database)
    person = (await db.execute(_PERSON, [key])).first()
    if person is None:
        alias = (await db.execute(_ALIAS, [key])).first()
        if alias is not None:
            return Response.redirect(page_href("person", database, alias[0]))
        return _not_found(Response, "person", key)
    record = {part: await _with_links(datasette, database, (await db.execute(sql, [key])).rows)
              for part, sql in _RECORD.items()}
    for row in record["attendance"]:
        row["label"] = label_class(row["attendance"])
    person = dict(person)
    person["variants"] = [v.strip() for v in (person["variants"] or "").split(";") if v.strip()]
    context = {"database": database, "person": person, **record}
    return Response.html(await datasette.render_template("boardpack_person.html", context, request=request))
