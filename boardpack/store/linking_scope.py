"""What changed since the last link: the documents whose plans must be re-linked.

A full link rebuilds every plan and milestone, so its cost grows with the
archive even when one pack was added. The link stage records what it saw of
each document (``link_docs``: its source, which every linked update names,
and the plan titles of its updates); the next link compares that with the
store and re-links only the plans of the documents that are new, gone, or
whose source changed (a new path that sorts first, a new URL). Plans are
linked independently of each other (a milestone belongs to one plan), so
re-linking those plans gives exactly the tables a full link gives. The same
documents decide which groups of the people registry are rebuilt
(:mod:`boardpack.store.people_scope`, which keeps what each document named).

A full link is still made when there is no record to compare (a store
linked before ``link_docs`` existed, or never linked), when the link
settings changed since the last link, or when more than :data:`FULL_SHARE`
of the documents changed (a full pass is then quicker).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Optional

from boardpack.core.settings import Settings
from boardpack.store.sqlrows import has_object

_SETTINGS_KEY = "link_settings"
#: above this share of the documents changed, a full link (same result) is the quicker way
FULL_SHARE = 0.25


def settings_print(settings: Settings) -> str:
    return json.dumps(dataclasses.asdict(settings.link), sort_keys=True)


def sources(conn: sqlite3.Connection) -> dict[str, str]:
    """doc sha256 -> what the links depend on besides its rows, as JSON: its
    v_sources row and first path (what every update's sources name, and
    where the duplicate check's order puts it), and when and by which parser
    version it was stored (the same bytes parsed again by a newer parser
    have other rows)."""
    cols = ", ".join(f"s.{r[1]}" for r in conn.execute("PRAGMA table_info(v_sources)"))
    return {r[0]: json.dumps(r[1:]) for r in conn.execute(
        f"SELECT {cols}, (SELECT MIN(path) FROM files f WHERE f.sha256 = s.doc_sha256), "
        "d.parser_version, d.ingested_at FROM v_sources s JOIN documents d ON d.sha256 = s.doc_sha256")}


def titles_of(conn: sqlite3.Connection, docs) -> dict[str, list[str]]:
    """doc sha256 -> the distinct plan titles of its updates (as v_action_updates_all names them)."""
    out: dict[str, list[str]] = {}
    for sha in docs:
        out[sha] = sorted({r[0] for r in conn.execute(
            "SELECT COALESCE(p.title, '') FROM plan_updates u JOIN action_plans p ON p.plan_id = u.plan_id "
            "JOIN plan_actions a ON a.action_id = u.action_id WHERE u.doc_sha256 = ?", (sha,))})
    return out


def changed_docs(conn: sqlite3.Connection, settings: Settings) -> Optional[dict[str, list[str]]]:
    """The documents new, gone or with another source since the last link, each
    with the plan titles it had then and has now; None when every plan must be
    linked again (no record, or other link settings)."""
    if not has_object(conn, "link_docs"):
        return None
    seen = {sha: (src, json.loads(titles)) for sha, src, titles in
            conn.execute("SELECT doc_sha256, source, plan_titles FROM link_docs")}
    state = conn.execute("SELECT value FROM store_state WHERE key = ?", (_SETTINGS_KEY,)).fetchone()
    if not seen or state is None or state[0] != settings_print(settings):
        return None  # never linked, linked before link_docs was kept, or with other settings
    now = sources(conn)
    touched = {sha for sha in now.keys() | seen.keys() if sha not in seen or now.get(sha) != seen[sha][0]}
    if len(touched) > FULL_SHARE * max(len(now), 1):
        return None  # so much is new that one pass over everything is quicker (and gives the same)
    current = titles_of(conn, [sha for sha in touched if sha in now])
    return {sha: sorted(set(seen.get(sha, ("", []))[1]) | set(current.get(sha, []))) for sha in touched}


def record(conn: sqlite3.Connection, settings: Settings, changed: Optional[dict[str, list[str]]]) -> None:
    """Write what this link saw: every document (``changed`` None) or the changed ones."""
    if not has_object(conn, "link_docs"):
        return
    now = sources(conn)
    if changed is None:
        conn.execute("DELETE FROM link_docs")
        docs = list(now)
    else:
        conn.executemany("DELETE FROM link_docs WHERE doc_sha256 = ?", [(sha,) for sha in changed])
        docs = [sha for sha in changed if sha in now]
    titles = titles_of(conn, docs)
    conn.executemany("INSERT INTO link_docs VALUES (?,?,?)",
                     [(sha, now[sha], json.dumps(titles[sha], ensure_ascii=False)) for sha in docs])
    conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES (?, ?)",
                 (_SETTINGS_KEY, settings_print(settings)))
