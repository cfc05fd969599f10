"""Datasette hooks for ``boardpack serve``: a home page for people who do not
write SQL, and source links that open the paper.

Plain functions: the plugin file ``boardpack.serve`` writes for Datasette's
``--plugins-dir`` wraps them in ``hookimpl``, so this module imports nothing
of Datasette and the project's templates (``serve_templates``, given with
``--template-dir``) only extend Datasette's own (``default:index.html``).
"""

from __future__ import annotations

import html

from boardpack.serve_originals import ROUTE, original_view, served_href
from boardpack.serve_pages import (MILESTONE_ROUTE, PAGE_QUERIES, PERSON_ROUTE, milestone_view, page_href,
                                   person_view)
from boardpack.store.views_doc import CANNED_QUERIES, TITLES, VIEWS

LINK_PREFIXES = ("file://", "http://", "https://")


def home_entries() -> dict:
    """The documented views and the canned audits, titled and described, in the
    order the home page lists them."""
    views = [{"name": name, "title": TITLES.get(name, name), "description": desc}
             for name, (desc, _) in VIEWS.items()]
    queries = [{"name": name, "title": q["title"], "description": q.get("description", "")}
               for name, q in {**CANNED_QUERIES, **PAGE_QUERIES}.items()]
    return {"boardpack_views": views, "boardpack_queries": queries}


# Hooks take only the arguments they use: pluggy passes a hook implementation
# the subset of the specification's arguments it names.
def extra_template_vars(template):
    if template == "index.html":
        return home_entries()
    return {}


def source_link(value, href=None):
    """A ``source_url`` value (``file://...#page=N`` or http) as an HTML link (to
    ``href`` when given: the original served by serve); None for anything
    else, so Datasette renders it as usual."""
    if not isinstance(value, str) or not value.startswith(LINK_PREFIXES):
        return None
    from markupsafe import Markup  # Datasette's own dependency: this module runs only under it

    url = html.escape(value, quote=True)
    return Markup(f'<a href="{html.escape(href or value, quote=True)}">{url}</a>')


#: columns whose value opens a page of its own: column -> (page, column holding the page's key)
PAGE_COLUMNS = {"milestone_id": ("milestone", "milestone_id"), "ref": ("milestone", "milestone_id"),
                "person_id": ("person", "person_id")}


def page_link(value, column, row, database):
    """A milestone or person cell as a link to its page (a ``ref`` links when its
    row holds the milestone's id); None for any other cell."""
    kind, key_column = PAGE_COLUMNS.get(column, (None, None))
    if kind is None or not isinstance(value, str) or not value:
        return None
    try:
        key = row[key_column]
    except (KeyError, IndexError, TypeError):
        return None
    if not isinstance(key, str) or not key:
        return None
    from markupsafe import Markup

    href = html.escape(page_href(kind, database, key), quote=True)
    return Markup(f'<a href="{href}">{html.escape(value)}</a>')


def _page_of(row):
    try:
        page = row["page"]
    except (KeyError, IndexError, TypeError):
        return None
    return page if isinstance(page, int) else None


def render_cell(value, column, row, database, datasette):
    # a file:// link cannot be followed from an http page: point it at the served original
    if isinstance(value, str) and value.startswith("file://"):
        async def served():
            href = await served_href(datasette, database, value)
            # a Word file's URL names no page; its served rendering has one anchor per page
            page = _page_of(row)
            if href and "#" not in href and page is not None:
                href += f"#page={page}"
            return source_link(value, href)
        return served
    return page_link(value, column, row, database) or source_link(value)


def canned_queries():
    return PAGE_QUERIES


def register_routes():
    return [(ROUTE, original_view), (MILESTONE_ROUTE, milestone_view), (PERSON_ROUTE, person_view)]
