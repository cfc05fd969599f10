"""Linking and audit logic on hand-built rows: identity rules and the
consecutive-period runs (property-tested against a plain reference)."""

import json
import sqlite3

from hypothesis import given, settings as hsettings, strategies as st

from boardpack import schema
from boardpack.store import audit
from boardpack.store.linking import link_milestones, plan_key, text_similarity
from boardpack.store.linking_runs import refresh_runs

PERIODS = [("2009/10 Q1", "2009-04-01"), ("2009/10 Q2", "2009-07-01"),
           ("2009/10 Q3", "2009-10-01"), ("2009/10 Q4", "2010-01-01")]


def _row(plan, ref, desc, period, status="on track", awaited=0, file="a.pdf", page=1):
    label, start = period
    return {"plan_title": plan, "action_ref": ref.rstrip("abcdefgh"), "ref": ref, "description": desc,
            "lead_agency": "SCDC", "period": label, "period_start": start, "progress": "x",
            "status": status, "stats_awaited": awaited, "funding_allocated": None,
            "source_file": file, "page": page}


def test_plan_key_drops_period_words_but_keeps_plan_years():
    a = plan_key("South Cambridgeshire CDRP Rolling Plan 2009–2012 – Q2 update")
    b = plan_key("SOUTH CAMBRIDGESHIRE CDRP ROLLING PLAN 2009-2012")
    assert a == b == "south cambridgeshire cdrp rolling plan 2009 2012"
    assert plan_key("Action Plan 2016-17") == "action plan"
    assert plan_key("Rolling Plan 2012-2015") != a


def test_same_ref_same_text_is_one_milestone_across_quarters():
    rows = [_row("Plan 2009-2012", "1.3a", "Work with Probation to clean affected areas", p) for p in PERIODS]
    plans, _, milestones, links = link_milestones(rows)
    assert len(plans) == 1 and len(milestones) == 1
    assert sorted(milestones[0].updates) == [p for p, _ in PERIODS]
    assert [l["method"] for l in links] == ["new", "ref", "ref", "ref"]


def test_renumbered_action_linked_by_text_with_score():
    rows = [_row("Plan 2009-2012", "2.1a", "Deliver domestic abuse awareness training to frontline staff", PERIODS[0]),
            _row("Plan 2009-2012", "3.1a", "Deliver domestic abuse awareness training to all frontline staff", PERIODS[1])]
    _, _, milestones, links = link_milestones(rows)
    assert len(milestones) == 1
    assert links[1]["method"] == "text" and links[1]["score"] >= 90


def test_same_ref_different_text_is_never_merged_silently():
    rows = [_row("Plan 2009-2012", "1.1a", "Monthly multi-agency information sharing meeting held", PERIODS[0]),
            _row("Plan 2009-2012", "1.1a", "Install CCTV cameras in village car parks", PERIODS[1])]
    _, _, milestones, links = link_milestones(rows)
    assert len(milestones) == 2
    assert links[1]["method"] == "ref-text-mismatch" and links[1]["candidate_id"] == milestones[0].milestone_id


def test_restarted_numbering_in_two_plans_kept_apart():
    rows = [_row("Priority Plan 2009-2012", "1.1", "Reduce burglary", PERIODS[0]),
            _row("Task Group Plan 2009-2012", "1.1", "Reduce burglary", PERIODS[0])]
    plans, _, milestones, _ = link_milestones(rows)
    assert len(plans) == 2 and len(milestones) == 2


def test_same_update_in_two_files_counted_once_with_both_sources():
    rows = [_row("Plan 2009-2012", "1.3a", "Clean areas", PERIODS[0], file="q1.pdf", page=4),
            _row("Plan 2009-2012", "1.3a", "Clean areas", PERIODS[0], file="q1.doc", page=None)]
    _, _, milestones, _ = link_milestones(rows)
    (u,) = milestones[0].updates.values()
    # each source also carries its path and URL (migration 0010); rows made here have none
    assert u["sources"] == [{"file": "q1.doc", "page": None, "path": None, "url": None},
                            {"file": "q1.pdf", "page": 4, "path": None, "url": None}]


def test_text_similarity_is_order_insensitive():
    assert text_similarity("Clean up events per year", "per year clean up events") == 100.0
    assert text_similarity("", "x") == 0.0


# -- the SQL run logic ------------------------------------------------------
def _db_with(milestone_flags: dict[str, list[int]], n_periods: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    schema.migrate(conn)
    conn.execute("INSERT INTO link_plans VALUES ('p', 'Plan', NULL, NULL)")
    for i in range(n_periods):
        conn.execute("INSERT INTO link_plan_periods VALUES ('p', ?, ?, ?)", (f"P{i:02d}", f"20{i:02d}-01-01", i))
    for mid, flags in milestone_flags.items():
        conn.execute("INSERT INTO link_milestones VALUES (?, 'p', ?, NULL, 'd', NULL)", (mid, mid))
        for i, f in enumerate(flags):
            if f is None:
                continue  # milestone not reported in that period
            conn.execute("INSERT INTO link_updates VALUES (?,?,?,?,?,?,?,?)",
                         (mid, f"P{i:02d}", f"20{i:02d}-01-01", "not reported" if f else "on track",
                          f, "", None, json.dumps([{"file": "f.pdf", "page": i + 1}])))
    refresh_runs(conn)  # as the link stage does after writing the timeline
    return conn


def _reference_runs(flags: list, min_len: int) -> list[list[int]]:
    runs, cur = [], []
    for i, f in enumerate(flags):
        if f == 1:
            cur.append(i)
        else:
            if len(cur) >= min_len:
                runs.append(cur)
            cur = []
    if len(cur) >= min_len:
        runs.append(cur)
    return runs


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([0, 1, None]), min_size=1, max_size=9), st.integers(1, 4))
def test_stats_awaited_runs_match_reference(flags, min_len):
    conn = _db_with({"1.1a": flags}, len(flags))
    got = [[int(p[1:]) for p in r["periods"]] for r in audit.stats_awaited(conn, min_len)]
    assert got == _reference_runs(flags, min_len)
    # not reported uses the same status flags here, so the same runs
    assert [[int(p[1:]) for p in r["periods"]] for r in audit.not_reported(conn, min_len)] == got


def test_run_sources_in_period_order():
    conn = _db_with({"1.3a": [1, 1, 1, 0]}, 4)
    (run,) = audit.stats_awaited(conn, 3)
    assert run["first_period"] == "P00" and run["last_period"] == "P02"
    assert [s["page"] for s in run["sources"]] == [1, 2, 3]


def test_status_changes_between_consecutive_updates():
    conn = _db_with({"1.1a": [0, 1, 1, 0]}, 4)
    changes = audit.status_changes(conn)
    assert [(c["from_period"], c["to_period"], c["from_status"], c["to_status"]) for c in changes] == [
        ("P00", "P01", "on track", "not reported"), ("P02", "P03", "not reported", "on track")]


def test_link_threshold_separates_distinct_milestones_on_the_corpus():
    """Validation of settings.action_link_threshold: no two different milestone
    texts of one plan in the corpus gold reach it, unless the plan itself
    repeats the text almost word for word (then only the ref can tell them
    apart, and refs are matched first)."""
    import itertools
    from pathlib import Path

    from rapidfuzz import fuzz

    from boardpack.core.settings import DEFAULT
    from boardpack.core.textnorm import one_line

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    by_ref: dict = {}
    for g in corpus.rglob("*.gold.json"):
        for r in json.loads(g.read_text()).get("views", {}).get("v_action_updates", []):
            by_ref.setdefault((r["plan_title"], r["ref"]), set()).add(r["description"])
    assert len(by_ref) > 100
    above = []
    for (k1, d1), (k2, d2) in itertools.combinations(by_ref.items(), 2):
        if k1[0] != k2[0]:
            continue
        for a in d1:
            for b in d2:
                if text_similarity(a, b) >= DEFAULT.action_link_threshold:
                    above.append((k1[1], k2[1], fuzz.ratio(one_line(a).lower(), one_line(b).lower())))
    assert all(ratio >= 95 for _, _, ratio in above), above


def test_reworded_milestones_link_and_different_ones_do_not():
    assert text_similarity("Improve responsiveness of graffiti removal service",
                           "Improve the responsiveness of the graffiti removal service") >= 90
    assert text_similarity("Meeting held every 2 months",
                           "Vehicle Crime Task Group meeting held every 2 months") < 90


def test_a_ref_that_returns_to_its_old_text_rejoins_its_milestone():
    rows = [_row("Plan 2009-2012", "1.1a", "Monthly multi-agency information sharing meeting held", PERIODS[0]),
            _row("Plan 2009-2012", "1.1a", "Install CCTV cameras in village car parks", PERIODS[1]),
            _row("Plan 2009-2012", "1.1a", "Monthly multi-agency information sharing meeting held", PERIODS[2])]
    _, _, milestones, links = link_milestones(rows)
    assert len(milestones) == 2
    assert [l["method"] for l in links] == ["new", "ref-text-mismatch", "ref"]
    assert links[2]["milestone_id"] == links[0]["milestone_id"]


def test_same_words_twice_in_one_period_are_two_actions_with_distinct_ids():
    """Regression: a log without refs that repeats an action under two
    workstreams ('Develop benefits case') gave two milestones one id, and
    the link stage failed on the whole real-world folder (UNIQUE constraint)."""
    may, july = ("2013-05-14", "2013-05-14"), ("2013-07-19", "2013-07-19")
    rows = [_row("Action log", "", "Develop benefits case", may, page=1),
            _row("Action log", "", "Develop benefits case", may, page=2),
            _row("Action log", "", "Develop benefits case", july, file="b.pdf")]
    _, _, milestones, links = link_milestones(rows)
    ids = [m.milestone_id for m in milestones]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert len({l["milestone_id"] for l in links}) == 2
    # the ids do not depend on anything but the rows (stable between runs)
    assert [m.milestone_id for m in link_milestones(rows)[2]] == ids
