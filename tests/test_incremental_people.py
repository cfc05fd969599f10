"""Re-linking people after a few packs gives the people tables a full link gives (issue 13).

The registry falls apart into groups of similar surnames
(:mod:`boardpack.core.person_groups`); a link after new, changed or gone
documents rebuilds only the groups their names reach
(:mod:`boardpack.store.people_scope`). Packs are written straight into the
tables the extractors fill (meetings, attendance, minute_actions,
people_mentions), chosen so that every rule of the registry has work: near
spellings of a surname (Philipson / Phillipson), surnames that join two
others only while they are stored (Phillipson between Philipson and
Phillipsen, Hartwood between Harwood and Hartword), near
given names merged by context (Katy / Katie Draper), initials that fit one
person or two (K Draper, J Smith), ids that collide (John / Jane Smith),
one-word names, and a name in attendance that only a later pack's mention
puts in the registry. Linking after every pack, in several orders, and forgetting
packs must give exactly the rows of one full link of the same store.
"""

from __future__ import annotations

import itertools

import pytest

from boardpack.core.identity import row_id
from boardpack.core.names import canonical_name
from boardpack.core.person_groups import surname_key, surnames_reached
from boardpack.store import linking, linking_scope, people_scope
from boardpack.store.database import Store

PACKS = {
    "2015-06-01": ("Safer Streets Board", ["Cllr Katy Draper", "Nicky Philipson", "John Smith", "Wood"],
                   ["Katy Draper; John Smith"]),
    "2015-09-14": ("Safer Streets Board", ["Katie Draper", "Nicky Phillipson", "Jane Smith", "Ann Harwood"],
                   ["Jane Smith"]),
    "2016-01-11": ("Safer Streets Board", ["K Draper", "J Smith", "Ann Hartwood", "Maria Hughes"], ["K Draper"]),
    "2016-03-07": ("Licensing Committee", ["Ann Hartword", "Dave Sargent", "Maria Hughes", "R C Love",
                                           "Nick Phillipsen", "Tom Baker"], ["David Sargent"]),
    "2016-06-20": ("Licensing Committee", ["David Sargent", "Robert Love", "Nicky Philipson", "Wood"],
                   ["Robert Love; Maria Hughes"]),
}
#: attendance no person mention stands behind (a name that joins the registry
#: only when another pack mentions it: its person comes with that pack's link)
UNMENTIONED = {"2015-06-01": ["Cllr Tom Baker"]}
#: what a link writes about people, and the views over it; person_aliases is left
#: out: it keeps every id once given out, so it records the order packs came in
PEOPLE = ("person_clusters", "person_merges", "person_names", "v_people", "v_people_mentions",
          "v_attendance", "v_minute_actions")


@pytest.fixture(autouse=True)
def always_incremental(monkeypatch):
    """Every pack here is a large share of the store: link incrementally all the same."""
    monkeypatch.setattr(linking_scope, "FULL_SHARE", 1.0)


def add_pack(conn, date: str) -> None:
    """One pack's minutes as the extractors store them (not linked)."""
    body, present, actions = PACKS[date]
    sha = row_id("doc", date)
    conn.execute("INSERT INTO documents (sha256, format, size, parser_version, ingested_at) "
                 "VALUES (?, 'pdf', 1, '1', 'now')", [sha])
    conn.execute("INSERT INTO files (path, sha256, format, ingested_at, status, parser_version, source_path, url) "
                 "VALUES (?, ?, 'pdf', 'now', 'ok', '1', ?, ?)",
                 [f"/packs/{date}.pdf", sha, f"{date}.pdf", f"file:///packs/{date}.pdf"])
    meeting = row_id("meeting", body, date)
    conn.execute("INSERT INTO meetings (meeting_row_id, meeting_id, doc_sha256, committee, meeting_date, page, "
                 "block_index) VALUES (?, ?, ?, ?, ?, 1, 0)", [row_id(sha, meeting), meeting, sha, body, date])
    mentions = []
    for i, person in enumerate(present):
        conn.execute("INSERT INTO attendance (attendance_id, meeting_id, doc_sha256, meeting_date, person, "
                     "person_raw, attendance, page, block_index) VALUES (?, ?, ?, ?, ?, ?, 'present', 1, ?)",
                     [row_id(sha, "att", i), meeting, sha, date, person, person, i + 1])
        mentions.append((person, "attendance", "member", i + 1))
    for i, person in enumerate(UNMENTIONED.get(date, [])):
        conn.execute("INSERT INTO attendance (attendance_id, meeting_id, doc_sha256, meeting_date, person, "
                     "person_raw, attendance, page, block_index) VALUES (?, ?, ?, ?, ?, ?, 'present', 1, ?)",
                     [row_id(sha, "unmentioned", i), meeting, sha, date, person, person, 50 + i])
    for i, owners in enumerate(actions):
        conn.execute("INSERT INTO minute_actions (minute_action_id, meeting_id, doc_sha256, meeting_date, owners, "
                     "action_text, page, block_index) VALUES (?, ?, ?, ?, ?, 'to report back', 2, ?)",
                     [row_id(sha, "act", i), meeting, sha, date, owners, 100 + i])
        mentions += [(o.strip(), "action", "officer", 100 + i) for o in owners.split(";")]
    for j, (raw, kind, role, block) in enumerate(mentions):
        conn.execute("INSERT INTO people_mentions (mention_id, doc_sha256, raw, canonical, context_kind, role, page, "
                     "block_index) VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
                     [row_id(sha, "m", j), sha, raw, canonical_name(raw), kind, role, block])
    conn.commit()


def people(conn) -> dict:
    return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in PEOPLE}


def link(store: Store, full: bool = False) -> None:
    linking.link_all(store.db, full=full)
    store.db.conn.commit()


def full_link_of(tmp_path, dates) -> dict:
    """The people tables of one full link of a store holding ``dates``."""
    with Store.open(tmp_path / f"full-{len(list(tmp_path.iterdir()))}.db") as store:
        for d in dates:
            add_pack(store.db.conn, d)
        link(store, full=True)
        out = people(store.db.conn)
    assert out["person_clusters"] and out["person_names"], "nothing clustered"
    return out


ORDERS = [sorted(PACKS), sorted(PACKS, reverse=True), ["2016-01-11", "2015-06-01", "2016-06-20", "2015-09-14",
                                                       "2016-03-07"]]


@pytest.mark.parametrize("order", ORDERS, ids=["in-time", "backwards", "shuffled"])
def test_a_link_after_every_pack_equals_one_full_link(tmp_path, order):
    with Store.open(tmp_path / "parts.db") as store:
        for d in order:
            add_pack(store.db.conn, d)
            link(store)
        got = people(store.db.conn)
    assert got == full_link_of(tmp_path, order)


def test_packs_stored_in_parts_equal_one_full_link(tmp_path):
    dates = sorted(PACKS)
    with Store.open(tmp_path / "parts.db") as store:
        for part in (dates[:2], dates[2:3], dates[3:]):
            for d in part:
                add_pack(store.db.conn, d)
            link(store)
        got = people(store.db.conn)
    assert got["person_merges"], "Katy and Katie Draper are merged by context"
    # written in the first pack, mentioned in a later one only: resolved when that one is linked
    assert any(r.startswith("('Cllr Tom Baker', '") for r in got["person_names"])
    assert got == full_link_of(tmp_path, dates)


@pytest.mark.parametrize("gone", ["2016-01-11", "2015-09-14", "2016-03-07"])
def test_a_forgotten_pack_relinks_as_a_full_link(tmp_path, gone):
    """2016-01-11 holds K Draper and Hartwood (the surname joining Harwood and
    Hartword); 2015-09-14 Katie Draper (the context merge) and Phillipson
    (joining Philipson and Phillipsen)."""
    with Store.open(tmp_path / "s.db") as store:
        for d in sorted(PACKS):
            add_pack(store.db.conn, d)
        link(store)
        store.forget([f"/packs/{gone}.pdf"])
        assert set(linking_scope.changed_docs(store.db.conn, linking.DEFAULT)) == {row_id("doc", gone)}
        link(store)
        got = people(store.db.conn)
    assert got == full_link_of(tmp_path, [d for d in sorted(PACKS) if d != gone])


def test_aliases_are_those_full_links_after_every_pack_give(tmp_path):
    """person_aliases records history (every id once given out); linking only
    what changed records the same history as linking everything each time."""
    out = []
    for full in (False, True):
        with Store.open(tmp_path / f"a-{full}.db") as store:
            for d in ORDERS[2]:
                add_pack(store.db.conn, d)
                link(store, full=full)
            store.forget(["/packs/2016-01-11.pdf"])
            link(store, full=full)
            out.append(sorted(store.db.conn.execute("SELECT * FROM person_aliases")))
    assert out[0] == out[1]


def test_a_pack_rebuilds_only_the_groups_its_names_reach(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        conn = store.db.conn
        for d in sorted(PACKS)[:3]:
            add_pack(conn, d)
        link(store)
        rowids = dict(conn.execute("SELECT canonical, rowid FROM person_clusters"))
        name_rows = dict(conn.execute("SELECT name, rowid FROM person_names"))
        add_pack(conn, "2016-03-07")
        changed = linking_scope.changed_docs(conn, linking.DEFAULT)
        reached = people_scope.surnames_to_rebuild(conn, changed, 88.0)
        # its names, and the groups they join: Hartword through Hartwood to Harwood,
        # Phillipsen through Phillipson to Philipson; not Draper, Smith or Wood
        assert reached == {"hartword", "hartwood", "harwood", "sargent", "hughes", "love", "phillipsen",
                           "phillipson", "philipson", "baker"}
        link(store)
        after = dict(conn.execute("SELECT canonical, rowid FROM person_clusters"))
        names_after = dict(conn.execute("SELECT name, rowid FROM person_names"))
    untouched = {c for c in rowids if surname_key(c) not in reached}
    assert untouched and all(after[c] == rowids[c] for c in untouched)  # rows of other groups not written again
    assert any(after.get(c) != rowids[c] for c in rowids if surname_key(c) in reached)
    # names as written of other groups keep their row; Maria Hughes's is written again
    assert all(names_after[n] == name_rows[n] for n in ("John Smith", "Katie Draper", "K Draper", "Wood"))
    assert names_after["Maria Hughes"] != name_rows["Maria Hughes"]


def test_an_emptied_registry_is_rebuilt_by_the_next_link(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        for d in sorted(PACKS):
            add_pack(store.db.conn, d)
        link(store)
        want = people(store.db.conn)
        store.db.conn.execute("DELETE FROM person_clusters")
        store.db.conn.commit()
        assert linking_scope.changed_docs(store.db.conn, linking.DEFAULT) == {}
        link(store)
        assert people(store.db.conn) == want


def test_surnames_reached_follow_chains_of_alike_surnames():
    surnames = {"harwood", "hartwood", "hartword", "hartley", "smith", "smyth", "wood", ""}
    assert surnames_reached(surnames, {"hartword"}, 88.0) == {"harwood", "hartwood", "hartword"}
    # without the surname between them (ratio 80), the two ends are groups of their own
    assert surnames_reached(surnames - {"hartwood"}, {"hartword"}, 88.0) == {"hartword"}
    assert surnames_reached(surnames, {"smith"}, 88.0) == {"smith"}  # 'smyth' is 80: compared never
    assert surnames_reached(surnames, {"", "gone"}, 88.0) == {"", "gone"}  # a seed no longer stored stays
    for a, b in itertools.combinations(sorted(surnames - {""}), 2):
        joined = b in surnames_reached({a, b}, {a}, 88.0)
        assert joined == (b in surnames_reached({a, b}, {b}, 88.0) and a in surnames_reached({a, b}, {b}, 88.0))
