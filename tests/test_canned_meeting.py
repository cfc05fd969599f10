"""The browser's "one meeting" audit (issue 12): a meeting's agenda,
attendance, decisions and actions together, each row with its source page."""

from __future__ import annotations

import sqlite3

from boardpack.store.views_doc import CANNED_QUERIES


def test_one_meeting_brings_its_agenda_attendance_decisions_and_actions(corpus_ingest):
    db, _ = corpus_ingest
    q = CANNED_QUERIES["meeting"]
    assert q["params"] == ["meeting_date"]
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(q["sql"], {"meeting_date": "2009-07-27"}).fetchall()
        none = conn.execute(q["sql"], {"meeting_date": "1999-01-01"}).fetchall()
    parts = {r[0].split()[0] for r in rows}
    assert parts == {"meeting", "agenda", "attendance", "decision", "action"}
    assert all(r[6] and r[6].startswith("file://") for r in rows), "every row links to its source"
    assert any(r[0] == "attendance" and r[3] and "Reynolds" in r[3] for r in rows)
    assert none == []
