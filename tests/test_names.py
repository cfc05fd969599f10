"""boardpack.core.names: canonical person names, splitting lists, clustering spellings."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpack.core.names import (
    build_person_clusters,
    canonical_name,
    cluster_names,
    looks_like_person,
    parse_person,
    rebuild_people,
    same_person,
    split_people,
)


@pytest.mark.parametrize(
    "raw,canonical,titles",
    [
        ("Ch Insp. Dave Sargent", "Dave Sargent", ["Ch Insp"]),
        ("CI Dave Sargent", "Dave Sargent", ["CI"]),
        ("Insp Chris Savage", "Chris Savage", ["Insp"]),
        ("DI Jane Doe", "Jane Doe", ["DI"]),
        ("PC John Smith", "John Smith", ["PC"]),
        ("Cllr John Reynolds", "John Reynolds", ["Cllr"]),
        ("County Councillor Mrs J Smith", "J Smith", ["County Councillor", "Mrs"]),
        ("District Councillor Bob Jones", "Bob Jones", ["District Councillor"]),
        ("Sir John Roe", "John Roe", ["Sir"]),
        ("Dr. Liz Robin", "Liz Robin", ["Dr"]),
        ("Chief Inspector James Sutherland", "James Sutherland", ["Chief Inspector"]),
        ("Mrs. S. Brown", "S Brown", ["Mrs"]),
        ("JOHN SMITH", "John Smith", []),
        ("Di Smith", "Di Smith", []),  # a first name, not the rank "DI"
        ("Nicky Phillipson", "Nicky Phillipson", []),
    ],
)
def test_titles_and_ranks_stripped(raw, canonical, titles):
    p = parse_person(raw)
    assert p.canonical == canonical
    assert p.titles == titles


def test_honours_and_roles_kept_apart():
    p = parse_person("Mr R C Love, OBE")
    assert (p.canonical, p.honours, p.titles) == ("R C Love", ["OBE"], ["Mr"])
    p = parse_person("John Reynolds (Chairman)")
    assert (p.canonical, p.role) == ("John Reynolds", "Chairman")
    p = parse_person("Cllr John Reynolds - Chairman")
    assert (p.canonical, p.role) == ("John Reynolds", "Chairman")
    assert canonical_name("Sir John Roe KBE QPM") == "John Roe"


def test_split_people():
    assert split_people("Paul Clarke and Mark Freeman") == ["Paul Clarke", "Mark Freeman"]
    assert split_people("Mr R C Love, OBE, Mrs J Smith, Cllr Bob Jones (Chairman)") == ["Mr R C Love, OBE", "Mrs J Smith", "Cllr Bob Jones (Chairman)"]
    assert split_people("TK, IB & BF") == ["TK", "IB", "BF"]
    assert split_people("") == []


@pytest.mark.parametrize(
    "name,ok",
    [("John Smith", True), ("R C Love", True), ("Yinka Ogunsuyi", True), ("SCDC Housing", False), ("Lead Agency", False),
     ("South Cambridgeshire", False), ("Community Safety Partnership", False), ("John", False), ("John S", False), ("TK", False)],
)
def test_looks_like_person(name, ok):
    assert looks_like_person(name) is ok


def test_clusters_merge_spellings_but_keep_people_apart():
    clusters = cluster_names(
        ["Nicky Philipson", "Nicky Phillipson", "Nicky Philipson", "Mark Peck", "Mark Peak", "Dave Sargent", "David Sargent",
         "J Smith", "John Smith", "Jane Smith", "R C Love", "Robert Love", "Paul Clarke", "Paul Clark"]
    )
    as_sets = {frozenset(c) for c in clusters}
    assert frozenset({"Nicky Philipson", "Nicky Phillipson"}) in as_sets
    assert frozenset({"Dave Sargent", "David Sargent"}) in as_sets
    assert frozenset({"Paul Clarke", "Paul Clark"}) in as_sets
    assert frozenset({"R C Love", "Robert Love"}) in as_sets
    # different surnames, different people; "J Smith" fits two people, so joins neither
    assert frozenset({"Mark Peck"}) in as_sets and frozenset({"Mark Peak"}) in as_sets
    assert frozenset({"J Smith"}) in as_sets
    # most frequent spelling first
    assert [c for c in clusters if "Nicky Philipson" in c][0][0] == "Nicky Philipson"


def test_build_person_clusters_keeps_roles_and_organisations():
    mentions = [
        {"canonical": "Nicky Philipson", "role": "Chair", "organisation": "SCDC"},
        {"canonical": "Nicky Phillipson", "role": "Chair"},
        {"canonical": "Nicky Phillipson", "role": "Vice Chair"},
        "Mark Peck",
    ]
    people = {p.name: p for p in build_person_clusters(mentions)}
    nicky = people["Nicky Phillipson"]
    assert nicky.variants == ["Nicky Philipson", "Nicky Phillipson"]
    assert nicky.roles == ["Chair", "Vice Chair"]
    assert nicky.organisations == ["SCDC"]
    assert nicky.n_mentions == 3
    assert people["Mark Peck"].person_id != nicky.person_id


def test_rebuild_people_and_v_people():
    from boardpack.schema import migrate

    conn = sqlite3.connect(":memory:")
    migrate(conn)
    conn.execute("INSERT INTO documents (sha256, format, size, parser_version, ingested_at) VALUES ('d', 'pdf', 1, '1', 'now')")
    rows = [("1", "Nicky Philipson", "Chair"), ("2", "Nicky Phillipson", None), ("3", "Mark Peck", "Officer")]
    conn.executemany(
        "INSERT INTO people_mentions (mention_id, doc_sha256, raw, canonical, role, context_kind) VALUES (?, 'd', ?, ?, ?, 'attendance')",
        [(i, n, n, r) for i, n, r in rows],
    )
    conn.commit()
    # before clustering every spelling is its own person
    assert conn.execute("SELECT COUNT(*) FROM v_people").fetchone()[0] == 3
    assert rebuild_people(conn) == 2
    got = {r[1]: r for r in conn.execute("SELECT person_id, name, variants, roles, organisations FROM v_people")}
    assert set(got) == {"Nicky Philipson", "Mark Peck"}
    assert got["Nicky Philipson"][2] == "Nicky Philipson; Nicky Phillipson"
    assert got["Nicky Philipson"][3] == "Chair"
    # inside a caller's transaction nothing is committed behind its back
    conn.execute("BEGIN")
    rebuild_people(conn)
    assert conn.in_transaction
    conn.execute("ROLLBACK")
    assert rebuild_people(sqlite3.connect(":memory:")) == 0  # no tables: nothing to do


# -- properties ---------------------------------------------------------------

first = st.sampled_from(["John", "Jane", "Nicky", "Dave", "Yinka", "Mary-Jane", "Siobhan", "Paul", "Rachel", "Myles"])
last = st.sampled_from(["Smith", "Philipson", "Sargent", "O'Neill", "Ogunsuyi", "McDonald", "Bebbington", "Clarke", "Jolley"])
title = st.sampled_from(["", "Mr ", "Mrs ", "Cllr ", "Cllr. ", "Ch Insp. ", "CI ", "DI ", "PC ", "Sir ", "Dr ", "County Councillor ", "Insp "])
honour = st.sampled_from(["", ", OBE", " MBE", ", JP", " (Chairman)", " - Vice Chair"])


@given(title, first, last, honour)
def test_canonical_strips_any_title_and_honour(t, f, l, h):
    assert canonical_name(f"{t}{f} {l}{h}") == f"{f} {l}"


@given(title, first, last, honour)
def test_canonical_is_idempotent(t, f, l, h):
    c = canonical_name(f"{t}{f} {l}{h}")
    assert canonical_name(c) == c


@given(st.lists(st.tuples(first, last), min_size=1, max_size=6))
def test_split_people_round_trips(pairs):
    names = [f"{f} {l}" for f, l in pairs]
    text = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
    assert split_people(text) == names


@settings(max_examples=50)
@given(st.lists(st.tuples(first, last), min_size=1, max_size=8))
def test_clusters_partition_the_names(pairs):
    names = [f"{f} {l}" for f, l in pairs]
    clusters = cluster_names(names)
    flat = [n for c in clusters for n in c]
    assert sorted(flat) == sorted(set(names))
    for c in clusters:
        for n in c[1:]:
            assert any(same_person(n, m) for m in c if m != n)


@given(first, last)
def test_same_person_is_symmetric(f, l):
    a, b = f"{f} {l}", f"{f} {l}s"
    assert same_person(a, b) == same_person(b, a)
