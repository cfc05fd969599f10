"""A person's record across all packs: attendance, actions owned, reports led.

People are matched through the person registry (``v_people``: every spelling
merged into one person), so "Nicky Philipson" finds the rows that say
"Nicky Phillipson" too; names are compared on their canonical form (titles,
ranks and honours removed).
"""

from __future__ import annotations

import sqlite3

from boardpack.core.names import canonical_name, name_key, same_person
from boardpack.store.sqlrows import dict_rows, has_object


def find_people(conn: sqlite3.Connection, name: str) -> list[dict]:
    """People in the registry whose name or a variant matches ``name``."""
    if not has_object(conn, "v_people"):
        return []
    wanted = canonical_name(name) or name
    out = []
    for p in dict_rows(conn, "SELECT person_id, name, variants, roles, organisations FROM v_people"):
        variants = [v.strip() for v in (p["variants"] or p["name"] or "").split(";") if v.strip()]
        key = name_key(wanted)
        if any(key == name_key(v) or key in name_key(v).split(" ") or same_person(wanted, v) for v in variants):
            p["variant_list"] = variants or [p["name"]]
            out.append(p)
    return out


def _matches(raw: str | None, variants: list[str]) -> bool:
    if not raw:
        return False
    c = canonical_name(raw)
    return any(name_key(c) == name_key(v) or same_person(c, v) for v in variants)


def person_record(conn: sqlite3.Connection, name: str) -> list[dict]:
    """One row per thing the person is recorded doing: kind attendance / action / report."""
    people = find_people(conn, name)
    variants = [v for p in people for v in p["variant_list"]] or [canonical_name(name) or name]
    person = people[0]["name"] if len(people) == 1 else (canonical_name(name) or name)
    out: list[dict] = []
    if has_object(conn, "v_attendance"):
        for r in dict_rows(conn, "SELECT * FROM v_attendance ORDER BY meeting_date, source_file"):
            if _matches(r["person"], variants):
                out.append({"person": person, "kind": "attendance", "date_or_period": r["meeting_date"],
                            "detail": r["attendance"] + (f" ({r['role']})" if r.get("role") else ""),
                            "source_file": r["source_file"], "page": r["page"]})
    if has_object(conn, "v_minute_actions"):
        for r in dict_rows(conn, "SELECT * FROM v_minute_actions ORDER BY meeting_date, source_file"):
            owners = [o.strip() for o in (r["owners"] or "").split(";")]
            if any(_matches(o, variants) for o in owners):
                out.append({"person": person, "kind": "action", "date_or_period": r["meeting_date"],
                            "detail": r["action_text"], "source_file": r["source_file"], "page": r["page"]})
    if has_object(conn, "v_report_items"):
        for r in dict_rows(conn, "SELECT DISTINCT priority_area, lead_officer, period, source_file, MIN(page) AS page "
                             "FROM v_report_items GROUP BY priority_area, lead_officer, period, source_file "
                             "ORDER BY period, source_file"):
            if _matches(r["lead_officer"], variants):
                out.append({"person": person, "kind": "report led", "date_or_period": r["period"],
                            "detail": r["priority_area"], "source_file": r["source_file"], "page": r["page"]})
    return out
