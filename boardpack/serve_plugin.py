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
from boardpack.store.views_doc import CANNED_QUERIES, TITLES, VIEWS

LINK_PREFIXES = ("file://", "http://", "https://")


def home_entries() -> dict:
    """The documented views and the canned audits, titled and described, in the
    order the home page lists them."""
    views = [{"name": name, "title": TITLES.get(name, name), "description": desc}
             for name, (desc, _) in VIEWS.items()]
    queries = [{"name": name, "title": q["title"], "description": q.get("description", "")}
               for name, q in CANNED_QUERIES.items()]
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


def render_cell(value, database, datasette):
    # a file:// link cannot be followed from an http page: point it at the served original
    if isinstance(value, str) and value.startswith("file://"):
        async def served():
            return source_link(value, await served_href(datasette, database, value))
        return served
    return source_link(value)


def register_routes():
    return [(ROUTE, original_view)]
