"""A self-contained HTML report of one audit, for a scrutiny officer to attach
to a committee paper: the question in words, the answer as a table, each
row's sources as links, when it was built and from which files.

One file, no scripts, no external styles or fonts: it must open the same when
mailed or printed. Every value goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from datetime import datetime, timezone
from typing import Callable, Optional

from boardpack.store import audit
from boardpack.store.sqlrows import dict_rows

RUN_COLUMNS = [("plan_title", "Plan"), ("ref", "Milestone"), ("description", "Description"),
               ("lead_agency", "Lead agency"), ("periods", "Periods"), ("sources", "Sources")]
CHANGE_COLUMNS = [("plan_title", "Plan"), ("ref", "Milestone"), ("description", "Description"),
                  ("from_period", "From period"), ("to_period", "To period"), ("from_status", "From status"),
                  ("to_status", "To status"), ("change", "Change"), ("sources", "Sources")]

#: report name -> (title, question with {n}, rows(conn, n), columns)
REPORTS: dict[str, tuple[str, str, Callable, list]] = {
    "stats-awaited": (
        "Statistics awaited, period after period",
        "Which action-plan milestones had their progress reported as \u201cstats awaited\u201d (or figures or "
        "a response awaited) in {n} or more consecutive reported periods of the same plan?",
        audit.stats_awaited, RUN_COLUMNS),
    "not-reported": (
        "Status not reported, period after period",
        "Which action-plan milestones had no status reported (left blank, or the unfilled template "
        "\u201con track/not on track\u201d) in {n} or more consecutive reported periods of the same plan?",
        audit.not_reported, RUN_COLUMNS),
    "status-changes": (
        "Changes of status",
        "Which action-plan milestones changed status between one reported period and the next "
        "(on track to not on track, green to amber, reopened after closed ...)?",
        lambda conn, n: audit.status_changes(conn), CHANGE_COLUMNS),
}

STYLE = """body{font-family:sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;font-size:0.9em}
th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eee}.question{font-size:1.1em}.meta{color:#555;font-size:0.85em}"""


def _sources_cell(sources: list[dict]) -> str:
    """Each source as "file p.N", a link when the store knows its URL."""
    parts = []
    for s in sources or []:
        label = html.escape(f"{s.get('file')} p.{s['page']}" if s.get("page") else str(s.get("file")))
        url = s.get("url")
        parts.append(f'<a href="{html.escape(url, quote=True)}">{label}</a>' if url else label)
    return "<br>".join(parts)


def _cell(key: str, value) -> str:
    if key == "sources":
        return _sources_cell(value)
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    return html.escape("" if value is None else str(value))


def _table(rows: list[dict], columns: list) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{_cell(k, r.get(k))}</td>" for k, _ in columns) + "</tr>"
                     for r in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _files_list(conn) -> str:
    files = dict_rows(conn, "SELECT path, format, pages, status, ingested_at FROM files ORDER BY path")
    items = "\n".join(
        f"<li>{html.escape(f['path'])} ({html.escape(str(f['format'] or '?'))}"
        f"{', ' + str(f['pages']) + ' pages' if f['pages'] else ''}; {html.escape(f['status'])}, "
        f"ingested {html.escape(f['ingested_at'])})</li>" for f in files)
    return f"<p>Built from {len(files)} file{'s' if len(files) != 1 else ''} in the store:</p>\n<ul>\n{items}\n</ul>"


def build_report(conn, name: str, min_periods: int = 2, built_at: Optional[datetime] = None) -> tuple[str, int]:
    """The report ``name`` (a key of :data:`REPORTS`) as one HTML page, and its row count."""
    title, question, rows_of, columns = REPORTS[name]
    rows = rows_of(conn, min_periods)
    built = (built_at or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    answer = _table(rows, columns) if rows else "<p><strong>None.</strong> No milestone in the store answers it.</p>"
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="question">{html.escape(question.format(n=min_periods))}</p>
<h2>Answer: {len(rows)} row{'s' if len(rows) != 1 else ''}</h2>
{answer}
<h2>Sources</h2>
<p class="meta">Built {built} by boardpack (audit {html.escape(name)}). Each row's sources are the
papers that said it, linked at their page.</p>
{_files_list(conn)}
</body>
</html>
"""
    return page, len(rows)
