"""People counted right (issue 12): one person_id per person across spellings,
stable as packs arrive (and resolvable when a merge moves it), carried by
v_attendance and v_minute_actions so "who sent apologies most often" is one
GROUP BY person_id.

The store is made up: packs of one body's minutes, written straight into the
tables the extractors fill (attendance, minute_actions, people_mentions), then
linked as an ingest would.
"""

from __future__ import annotations

import pytest

from boardpack.core.identity import row_id
from boardpack.core.names import canonical_name
from boardpack.store.database import Store
from boardpack.store.linking import link_all

BODY = "Community Safety Partnership"


@pytest.fixture
def conn(tmp_path):
    store = Store.open(tmp_path / "people.db")
    yield store.db.conn
    store.close()


def add_pack(conn, date: str, attendance: list[tuple[str, str]], actions: list[str] = ()) -> None:
    """One pack's minutes: (name as written, present | apologies) rows and action owners."""
    sha = row_id("doc", date)
    conn.execute("INSERT INTO documents (sha256, format, size, parser_version, ingested_at) "
                 "VALUES (?, 'pdf', 1, '1', 'now')", [sha])
    conn.execute("INSERT INTO files (path, sha256, format, ingested_at, status, parser_version, source_path, url) "
                 "VALUES (?, ?, 'pdf', 'now', 'ok', '1', ?, ?)",
                 [f"/packs/{date}.pdf", sha, f"{date}.pdf", f"file:///packs/{date}.pdf"])
    meeting = row_id("meeting", BODY, date)
    conn.execute("INSERT INTO meetings (meeting_row_id, meeting_id, doc_sha256, committee, meeting_date, page, "
                 "block_index) VALUES (?, ?, ?, ?, ?, 1, 0)", [row_id(sha, meeting), meeting, sha, BODY, date])
    mentions = []
    for i, (person, how) in enumerate(attendance):
        conn.execute("INSERT INTO attendance (attendance_id, meeting_id, doc_sha256, meeting_date, person, "
                     "person_raw, attendance, page, block_index) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
                     [row_id(sha, "att", i), meeting, sha, date, person, person, how, i + 1])
        mentions.append((person, "attendance", i + 1))
    for i, owners in enumerate(actions):
        conn.execute("INSERT INTO minute_actions (minute_action_id, meeting_id, doc_sha256, meeting_date, owners, "
                     "action_text, page, block_index) VALUES (?, ?, ?, ?, ?, 'to report back', 2, ?)",
                     [row_id(sha, "act", i), meeting, sha, date, owners, 100 + i])
        mentions += [(o.strip(), "action", 100 + i) for o in owners.split(";")]
    for j, (raw, kind, block) in enumerate(mentions):
        conn.execute("INSERT INTO people_mentions (mention_id, doc_sha256, raw, canonical, context_kind, page, "
                     "block_index) VALUES (?, ?, ?, ?, ?, 1, ?)", [row_id(sha, "m", j), sha, raw,
                                                                   canonical_name(raw), kind, block])
    link_all(conn)
    conn.commit()


def ids_by_name(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT person, person_id FROM v_attendance"))


def apologies(conn) -> list[tuple]:
    return conn.execute("SELECT p.name, COUNT(*) AS n FROM v_attendance a JOIN v_people p USING (person_id) "
                        "WHERE a.attendance = 'apologies' GROUP BY a.person_id ORDER BY n DESC, p.name").fetchall()


def two_packs(conn) -> None:
    add_pack(conn, "2016-11-10", [("Cllr Maria Hughes", "present"), ("N Oakhill", "apologies"),
                                  ("K Draper", "apologies")], ["Nick Oakhill"])
    add_pack(conn, "2017-02-23", [("Maria Hughes", "present"), ("Nick Oakhill", "apologies"),
                                  ("Katie Draper", "present")], ["Nick Oakhill; Maria Hughes"])


def test_initials_and_full_name_of_one_person_are_one_person_id(conn):
    two_packs(conn)
    ids = ids_by_name(conn)
    assert ids["N Oakhill"] == ids["Nick Oakhill"]
    assert ids["K Draper"] == ids["Katie Draper"]
    assert ids["Cllr Maria Hughes"] == ids["Maria Hughes"]
    assert len({ids["Nick Oakhill"], ids["Katie Draper"], ids["Maria Hughes"]}) == 3
    # who sent apologies most often: one GROUP BY person_id
    assert apologies(conn) == [("Nick Oakhill", 2), ("Katie Draper", 1)]


def test_minute_actions_carry_the_owners_person_ids(conn):
    two_packs(conn)
    ids = ids_by_name(conn)
    got = dict(conn.execute("SELECT owners, person_id FROM v_minute_actions"))
    assert got["Nick Oakhill"] == ids["Nick Oakhill"]
    assert got["Nick Oakhill; Maria Hughes"] == f"{ids['Nick Oakhill']}; {ids['Maria Hughes']}"


def test_ids_do_not_change_when_a_third_pack_arrives(conn):
    two_packs(conn)
    before = ids_by_name(conn)
    people_before = set(conn.execute("SELECT person_id FROM v_people"))
    # a new most frequent spelling for two people, and a newcomer
    add_pack(conn, "2017-05-18", [("Nicholas Oakhill", "apologies"), ("Cllr Nicholas Oakhill", "present"),
                                  ("Katherine Draper", "present"), ("Mrs Katherine Draper", "present"),
                                  ("Jane Smith", "present")], ["Nicholas Oakhill", "Katherine Draper"])
    after = ids_by_name(conn)
    assert {k: after[k] for k in before} == before
    assert after["Nicholas Oakhill"] == before["Nick Oakhill"]
    assert after["Katherine Draper"] == before["Katie Draper"]
    assert people_before <= set(conn.execute("SELECT person_id FROM v_people"))
    assert [n for _, n in apologies(conn)] == [3, 1]
    # nothing retired, nothing to alias
    assert conn.execute("SELECT COUNT(*) FROM person_aliases").fetchone()[0] == 0


def test_an_id_a_merge_moves_stays_resolvable(conn):
    two_packs(conn)
    old = ids_by_name(conn)["Nick Oakhill"]
    # a misspelt surname that merges with him and sorts first moves his key
    add_pack(conn, "2017-05-18", [("Nick Oakhil", "apologies")])
    new = ids_by_name(conn)["Nick Oakhill"]
    assert ids_by_name(conn)["Nick Oakhil"] == new and new != old
    alias = conn.execute("SELECT person_id, variants FROM person_aliases WHERE alias_id = ?", [old]).fetchone()
    assert alias is not None and alias[0] == new and "Nick Oakhill" in alias[1]
    # and an alias follows the person through later moves
    conn.execute("INSERT INTO person_aliases VALUES ('person-old', 'gone', '[\"Nick Oakhill\"]')")
    link_all(conn)
    assert conn.execute("SELECT person_id FROM person_aliases WHERE alias_id = 'person-old'").fetchone()[0] == new


def test_people_who_share_initial_and_surname_keep_apart(conn):
    add_pack(conn, "2016-11-10", [("John Smith", "present"), ("Jane Smith", "apologies")])
    ids = ids_by_name(conn)
    assert ids["John Smith"] != ids["Jane Smith"]
    n = conn.execute("SELECT COUNT(DISTINCT person_id) FROM v_people").fetchone()[0]
    assert n == conn.execute("SELECT COUNT(*) FROM v_people").fetchone()[0]


def test_relinking_gives_the_same_ids(conn):
    two_packs(conn)
    before = sorted(conn.execute("SELECT * FROM person_clusters"))
    link_all(conn)
    assert sorted(conn.execute("SELECT * FROM person_clusters")) == before


def test_a_store_without_people_links(tmp_path):
    with Store.open(tmp_path / "empty.db") as s:
        link_all(s.db.conn)
        assert s.db.conn.execute("SELECT COUNT(*) FROM person_names").fetchone()[0] == 0
        assert s.db.conn.execute("SELECT COUNT(*) FROM v_attendance").fetchone()[0] == 0


def test_report_leads_carry_their_person(conn):
    two_packs(conn)
    sha = row_id("doc", "2017-02-23")
    conn.execute("INSERT INTO progress_reports (report_id, doc_sha256, ordinal, lead_officer, period, page, "
                 "block_index) VALUES ('r1', ?, 0, 'Cllr Nick Oakhill', '2016/17 Q3', 4, 50)", [sha])
    conn.execute("INSERT INTO report_sections (section_id, report_id, doc_sha256, section, ordinal, n_items, page, "
                 "block_index) VALUES ('s1', 'r1', ?, 'achievement', 0, 1, 4, 51)", [sha])
    conn.execute("INSERT INTO report_items (item_id, report_id, section_id, doc_sha256, section, ordinal, item_text, "
                 "page, block_index) VALUES ('i1', 'r1', 's1', ?, 'achievement', 0, 'Graffiti removed', 4, 52)", [sha])
    link_all(conn)
    got = conn.execute("SELECT lead_officer, person_id FROM v_report_items").fetchall()
    assert got == [("Cllr Nick Oakhill", ids_by_name(conn)["Nick Oakhill"])]


def add_body_pack(conn, body: str, date: str, names: list[str]) -> None:
    global BODY
    old, BODY = BODY, body
    try:
        add_pack(conn, date, [(n, "apologies") for n in names])
    finally:
        BODY = old


def test_near_spellings_merge_when_one_body_names_them_in_overlapping_years(conn):
    add_body_pack(conn, "Souldern Parish Council", "2018-03-22", ["Katy Draper", "Nick Oakhill"])
    add_body_pack(conn, "Souldern Parish Council", "2019-01-17", ["Katie Draper"])
    add_body_pack(conn, "Souldern Parish Council", "2019-05-16", ["K Draper"])
    ids = ids_by_name(conn)
    assert ids["Katy Draper"] == ids["Katie Draper"] == ids["K Draper"]
    assert [n for _, n in apologies(conn)][:1] == [3]
    merges = conn.execute("SELECT person_id, evidence FROM person_merges").fetchall()
    assert {pid for pid, _ in merges} == {ids["Katy Draper"]} and len(merges) == 2
    assert any("same body" in ev and "souldern parish council" in ev for _, ev in merges)


def test_near_spellings_in_other_bodies_or_years_stay_apart(conn):
    add_body_pack(conn, "Souldern Parish Council", "2018-03-22", ["Katy Draper"])
    add_body_pack(conn, "Kent County Council", "2018-04-12", ["Katie Draper"])
    add_body_pack(conn, "Souldern Parish Council", "2012-03-22", ["Jon Hale"])
    add_body_pack(conn, "Souldern Parish Council", "2019-03-22", ["Joan Hale"])
    ids = ids_by_name(conn)
    assert ids["Katy Draper"] != ids["Katie Draper"]
    assert ids["Jon Hale"] != ids["Joan Hale"]
    assert conn.execute("SELECT COUNT(*) FROM person_merges").fetchone()[0] == 0
