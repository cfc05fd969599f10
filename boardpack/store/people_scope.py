"""Which groups of the people registry a link must rebuild.

The registry falls apart into groups of similar surnames
(:mod:`boardpack.core.person_groups`): spellings cluster, ids collide and
people merge by context only within one. A link after new, changed or gone
documents rebuilds the groups their names reach, then and now, and leaves
the others as they are, which is what a rebuild of everything writes for
them. What a document named when it was last linked is kept in
``link_doc_surnames`` (migration 0021): a gone document's mentions are gone
with it, and the groups it was in must be rebuilt without it.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

from boardpack.core.person_groups import surname_key, surnames_reached
from boardpack.store.sqlrows import has_object


def doc_surnames(conn: sqlite3.Connection, docs: Iterable[str]) -> dict[str, set[str]]:
    """doc sha256 -> the surnames of the spellings it mentions now."""
    out: dict[str, set[str]] = {}
    for sha in docs:
        out[sha] = {surname_key(c) for (c,) in conn.execute(
            "SELECT DISTINCT canonical FROM people_mentions WHERE doc_sha256 = ? AND canonical <> ''", (sha,))}
    return out


def surnames_to_rebuild(conn: sqlite3.Connection, changed: Iterable[str], threshold: float) -> set[str]:
    """The surnames of every group the ``changed`` documents' names reach, then
    and now. The surnames they named (kept by :func:`record`) and name now are
    followed through the surnames stored now; a gone surname is followed too,
    so the groups it held together are rebuilt, apart or not. (A chain of the
    groups as they were runs through stored surnames and such seeds only, so
    this reaches them as well.) Spellings mentioned but not in the registry, or
    in it but no longer mentioned (none after a link; all when the registry was
    emptied by hand) count as changed too, so a link repairs it."""
    changed = list(changed)
    mentioned = {c for (c,) in conn.execute("SELECT DISTINCT canonical FROM people_mentions WHERE canonical <> ''")}
    filed = {c for (c,) in conn.execute("SELECT canonical FROM person_clusters")}
    seeds = set().union(*doc_surnames(conn, changed).values()) | {surname_key(c) for c in mentioned ^ filed}
    if has_object(conn, "link_doc_surnames"):
        for sha in changed:
            seeds |= {s for (s,) in conn.execute("SELECT surname FROM link_doc_surnames WHERE doc_sha256 = ?", (sha,))}
    if not seeds:
        return set()
    return surnames_reached({surname_key(c) for c in mentioned}, seeds, threshold)


def record(conn: sqlite3.Connection, docs: Iterable[str] | None) -> None:
    """Keep the surnames each of ``docs`` names (every document when None) for the next link."""
    if not has_object(conn, "link_doc_surnames"):
        return
    if docs is None:
        conn.execute("DELETE FROM link_doc_surnames")
        found = {(sha, surname_key(c)) for sha, c in conn.execute(
            "SELECT DISTINCT doc_sha256, canonical FROM people_mentions WHERE canonical <> ''")}
        rows = sorted(found)
    else:
        docs = list(docs)
        conn.executemany("DELETE FROM link_doc_surnames WHERE doc_sha256 = ?", [(sha,) for sha in docs])
        rows = [(sha, s) for sha, names in doc_surnames(conn, docs).items() for s in sorted(names)]
    conn.executemany("INSERT INTO link_doc_surnames VALUES (?, ?)", rows)
