"""The real-world eval: hand-written gold for real papers of many bodies.

Three kinds of test:

* the gold itself is well formed (every file names a paper, values are in
  the documented forms), so a typo in gold cannot pass as a parser miss;
* the scoring rules on made-up rows (titles ignored in names, partial views
  judged on recall, the minutes' date once per paper);
* the eval over ``../shared/realworld`` (skipped visibly when absent): no
  paper fails, and every field, body and format stays at or above the
  floor measured when these tests were written. The issue's targets (0.95
  per field, 0.85 per body) are in TARGET_* and printed beside the floors;
  raise a floor whenever the pipeline improves, never lower one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from boardpack.evaluate_realworld import DEFAULT_GOLD, FIELDS, VIEWS, RealField, find_gold, score_field

GOLD_FILES = sorted(DEFAULT_GOLD.rglob("*.json"))
ATTENDANCE = {"chair", "present", "in attendance", "apologies"}
STATUSES = {"complete", "closed", "on track", "not on track", "ongoing", "open", "in progress", "new",
            "carried forward", "cancelled", "overdue", "deferred", "on hold"}
PAPER_TYPES = {"agenda", "minutes", "action_log", "report", "budget", "accounts", "notice", "other"}

TARGET_FIELD_F1 = 0.95
TARGET_BODY_F1 = 0.85


# -- the gold ---------------------------------------------------------------------


def test_gold_covers_every_folder_and_format():
    assert len(GOLD_FILES) >= 60
    rels = [p.relative_to(DEFAULT_GOLD).as_posix()[:-5] for p in GOLD_FILES]
    suffixes = {Path(r).suffix.lower() for r in rels}
    assert {".pdf", ".docx", ".doc"} <= suffixes


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.relative_to(DEFAULT_GOLD).as_posix())
def test_gold_file_is_well_formed(path):
    g = json.loads(path.read_text(encoding="utf-8"))
    rel = path.relative_to(DEFAULT_GOLD).as_posix()[:-5]
    assert g["file"] == rel
    assert g.get("paper_type") in PAPER_TYPES
    assert set(g.get("partial") or []) <= set(g["views"])
    assert set(g["views"]) <= VIEWS | {"v_decisions"}
    for row in g["views"].get("v_meetings", []):
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", row["meeting_date"]), row
        assert row.get("start_time") is None or re.fullmatch(r"[012]\d:[0-5]\d", row["start_time"]), row
    for row in g["views"].get("v_attendance", []):
        assert row["attendance"] in ATTENDANCE, row
        assert row["person"] and row["person"].strip() == row["person"], row
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", row.get("meeting_date") or ""), row
    for row in g["views"].get("v_action_updates", []):
        status = row.get("status")
        assert status is None or status == status.lower(), row
    for row in g["views"].get("v_budget_amounts", []):
        assert isinstance(row["amount"], (int, float)), row


def test_every_gold_file_names_a_real_paper(realworld_dir):
    pairs, missing = find_gold(DEFAULT_GOLD, realworld_dir)
    assert missing == []
    assert len(pairs) == len(GOLD_FILES)


# -- the scoring rules ----------------------------------------------------------------


def test_person_compared_without_titles_or_honours():
    spec = FIELDS["attendance"]
    gold = [{"person": "J Todd", "attendance": "present"}, {"person": "P M Hill", "attendance": "present"}]
    pred = [{"person": "Cllr J Todd", "attendance": "present"}, {"person": "Mr P M Hill, OBE", "attendance": "present"}]
    s = score_field(spec, gold, pred, partial=False)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)


def test_wrong_category_is_both_a_miss_and_an_extra():
    spec = FIELDS["attendance"]
    s = score_field(spec, [{"person": "Ann Lee", "attendance": "in attendance"}],
                    [{"person": "Ann Lee", "attendance": "present"}], partial=False)
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_partial_view_judges_recall_only():
    spec = FIELDS["amount"]
    gold = [{"item": "Grass cutting", "amount": 1200}]
    pred = [{"item": "Grass cutting", "amount": "1,200.00"}, {"item": "Insurance", "amount": 300}]
    misses: dict = {}
    s = score_field(spec, gold, pred, partial=True, misses=misses)
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert misses == {"missed": [], "extra": []}
    full = score_field(spec, gold, pred, partial=False, misses=misses)
    assert (full.tp, full.fp, full.fn) == (1, 1, 0)
    assert misses["extra"] == [("insurance", 300.0)]


def test_minutes_date_judged_once_per_paper():
    spec = FIELDS["minutes_date"]
    gold = [{"meeting_date": "2019-09-03"}] * 7
    pred = [{"meeting_date": "2019-09-03"}] * 5 + [{"meeting_date": "2019-10-01"}]
    s = score_field(spec, gold, pred, partial=False)
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_filtered_field_and_unnumbered_rows():
    chair = FIELDS["chair"]
    rows = [{"person": "Ann Lee", "attendance": "chair"}, {"person": "Bo Ng", "attendance": "present"}]
    s = score_field(chair, rows, [{"person": "Bo Ng", "attendance": "chair"}], partial=False)
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    number = FIELDS["agenda_number"]
    s = score_field(number, [{"item_number": None, "title": "Public comment"}, {"item_number": "1", "title": "x"}],
                    [{"item_number": "1", "title": "y"}], partial=False)
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)  # an unnumbered heading says nothing about numbers


def test_free_text_near_match_but_dates_exact():
    spec = FIELDS["committee"]
    s = score_field(spec, [{"meeting_date": "2023-06-06", "committee": "Planning Commission"}],
                    [{"meeting_date": "2023-06-06", "committee": "Planning Commision"}], partial=False)
    assert s.tp == 1
    s = score_field(spec, [{"meeting_date": "2023-06-06", "committee": "Planning Commission"}],
                    [{"meeting_date": "2023-06-07", "committee": "Planning Commission"}], partial=False)
    assert s.tp == 0


def test_realfield_is_hashable_data():
    assert RealField("v_meetings", ("meeting_date",)) == FIELDS["meeting_date"]


# -- the eval over the real papers -------------------------------------------------------

#: F1 per field measured over all real papers when the floor was last raised (2026-11-30,
#: 95 papers; attendance, present, in_attendance, minute_action and action_owner raised
#: 2026-12-01 from 0.998, 1.000, 0.993, 0.997, 0.997; meeting_date, start_time, committee,
#: agenda_number and agenda_title raised 2026-12-01 from 1.000, 1.000, 0.976, 1.000, 0.975;
#: amount and total from 0.964, 0.946), less 0.02 so that a different
#: tesseract build cannot fail CI on one word.
FIELD_FLOORS = {
    "meeting_date": 0.98, "start_time": 0.98, "committee": 0.955, "venue": 0.95, "minutes_date": 0.98,
    "attendance": 0.978, "chair": 0.98, "present": 0.98, "apologies": 0.98, "in_attendance": 0.973,
    "minute_action": 0.976, "action_owner": 0.976, "agenda_number": 0.98, "agenda_title": 0.955, "amount": 0.944,
    "total": 0.926, "action_ref": 0.98, "action_status": 0.98,
}
#: F1 over all fields per folder (body), and per format, measured likewise (2026-12-01:
#: lowest body 0.927, lowest format 0.944, both less about 0.02).
BODY_FLOOR = 0.90
FORMAT_FLOOR = 0.92


@pytest.fixture(scope="session")
def realworld_report(realworld_dir):
    from boardpack.evaluate_realworld import evaluate_realworld

    return evaluate_realworld(realworld_dir, DEFAULT_GOLD, workers=2)


def test_no_real_paper_fails(realworld_report):
    failed = [(f.file, f.error) for f in realworld_report.files if f.status != "ok"]
    assert failed == []
    assert {f.format for f in realworld_report.files} >= {"pdf", "docx", "doc", "scanned"}


def test_every_field_at_or_above_its_floor(realworld_report):
    totals = realworld_report.total()
    assert set(totals) == set(FIELD_FLOORS)
    report = {k: round(v.f1, 3) for k, v in totals.items()}
    print("real-world F1 per field:", report, "target", TARGET_FIELD_F1)
    below = {k: (report[k], floor) for k, floor in FIELD_FLOORS.items() if report[k] < floor}
    assert below == {}


def test_every_body_and_format_at_or_above_the_floor(realworld_report):
    bodies = {b: round(realworld_report.f1_overall(s).f1, 3) for b, s in realworld_report.groups("body").items()}
    formats = {b: round(realworld_report.f1_overall(s).f1, 3) for b, s in realworld_report.groups("format").items()}
    print("real-world F1 per body:", bodies, "target", TARGET_BODY_F1)
    print("real-world F1 per format:", formats)
    assert len(bodies) >= 20
    assert {b: f for b, f in bodies.items() if f < BODY_FLOOR} == {}
    assert {b: f for b, f in formats.items() if f < FORMAT_FLOOR} == {}


def test_budget_item_named_with_its_column_matches_item_plus_measure():
    spec = FIELDS["amount"]
    gold = [{"item": "Grass cutting (budget 2016/17)", "amount": 900}, {"item": "Grass cutting", "amount": 850}]
    pred = [{"item": "Grass cutting", "measure": "Budget 2016/17", "amount": 900},
            {"item": "Grass cutting", "measure": "Actual", "amount": 850}]
    s = score_field(spec, gold, pred, partial=False)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    wrong = [{"item": "Grass cutting", "measure": "Budget 2016/17", "amount": 950}]
    assert score_field(spec, gold[:1], wrong, partial=False).tp == 0


def test_budget_columns_named_by_dates_keep_their_years_apart():
    spec = FIELDS["amount"]
    gold = [{"item": "Balances brought forward (31 March 2025)", "amount": 100},
            {"item": "Balances brought forward (31 March 2026)", "amount": 120}]
    pred = [{"item": "Balances brought forward", "measure": "31 March 2025", "amount": 100},
            {"item": "Balances brought forward", "measure": "31 March 2026", "amount": 120}]
    s = score_field(spec, gold, pred, partial=False)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
