"""Action logs and action reports of any scheme: references as printed (or none),
statuses from the settings' vocabulary wherever the log puts them, and the
log's meeting / "as of" date as its period when it names no quarter.

Unit tests build small documents in the model (made-up text); the real-paper
tests read ../shared/realworld and skip visibly when it is absent."""

from __future__ import annotations

import pytest

from boardpack.core.errors import SettingsError
from boardpack.extractors.action_plans import extract_plans, header_role
from boardpack.extractors.base import ExtractContext
from boardpack.core.model import Paper
from boardpack.core.periods import day_period
from boardpack.core.settings import STATUS_WORDS, Settings
from boardpack.core.status import status_cell, status_word, status_word_in

from report_views_helper import cell, document, heading, para, row, run_extractors, table, views


def _updates(doc, papers=None):
    return views(doc, run_extractors(doc, papers))["v_action_updates"]


# -- the status vocabulary -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Completed", "complete"), ("DONE", "complete"), ("Achieved.", "complete"), ("Closed", "closed"),
    ("ONGOING", "ongoing"), ("On-going", "ongoing"), ("OPEN", "open"), ("In progress", "in progress"),
    ("New", "new"), ("Carried\nforward", "carried forward"), ("CANCELLED", "cancelled"), ("Overdue", "overdue"),
    ("Deferred", "deferred"), ("ON HOLD", "on hold"), ("On track for\ndue date", "on track"),
    ("Not on track", "not on track"),
])
def test_status_words_of_the_vocabulary(text, expected):
    assert status_word(text) == expected
    assert status_cell(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ongoing. Cabinet Office leads on this work.", "ongoing"),
    ("Completed. Amended ToR circulated for comment by 19 August.", "complete"),
    ("Ongoing and see attached report.", "ongoing"),
    ("Letter sent to all parishes in June\nCompleted", "complete"),  # the word at the right margin
    ("New guidance was issued in May", None),  # a first word that is not closed off is prose
    ("Open data portal launched", None),
    ("See attached paper for discussion on 29 September.", None),
])
def test_status_from_the_first_or_last_words_of_a_progress_cell(text, expected):
    assert status_word_in(text) == expected


def test_status_cell_in_other_words_is_kept_as_printed_lower_cased():
    assert status_cell("Plan in place") == "plan in place"
    assert status_cell("Initial stages") == "initial stages"
    assert status_cell("31/03/2012 - Complete") == "complete"  # a combined "Finish & status" cell
    assert status_cell("Meeting held on 3 May 2012 with all partners present") is None


def test_added_status_word_is_picked_up_from_settings():
    assert status_cell("Parked") == "parked"  # not in the table: as printed
    st = Settings(status_words={"Parked": "On hold", "WIP": "in progress"})
    assert status_cell("Parked", st) == "on hold" and status_word("wip", st) == "in progress"
    assert status_word_in("Parked. Waiting for funding.", st) == "on hold"
    assert Settings.from_dict({"status_words": {"awaiting sign-off": "open"}}).status_table()["awaiting sign-off"] == "open"
    assert STATUS_WORDS["done"] == "complete" and "parked" not in STATUS_WORDS  # the default is unchanged
    with pytest.raises(SettingsError):
        Settings(status_words={"parked": 3})


def test_added_status_word_reaches_the_extractor():
    doc = document([heading("Board Action Log as of 3 March 2014"),
                    table(row("Ref", "Action", "Owner", "Status", header=True),
                          row("A1", "Draft the data strategy", "JB", "Parked"),
                          row("A2", "Publish the register", "KL", "Done"))])
    papers = [Paper("action_plan", "", 0, len(doc.blocks) - 1)]
    ctx = ExtractContext(doc, papers, settings=Settings(status_words={"parked": "on hold"}))
    got = {u["ref"]: u["status"] for u in extract_plans(ctx).rows["plan_updates"]}
    assert got == {"A1": "on hold", "A2": "complete"}


def test_added_status_word_reaches_the_extractor_through_the_pipeline(tmp_path):
    """The settings given to parse_file travel to the extract stage (they used
    to stop at the clean stage)."""
    import docx

    from boardpack.pipeline import parse_file

    d = docx.Document()
    d.add_heading("Board Action Log as of 3 March 2014", 1)
    t = d.add_table(rows=3, cols=4)
    for r, cells in enumerate([("Ref", "Action", "Owner", "Status"), ("A1", "Draft the data strategy", "JB", "Parked"),
                               ("A2", "Publish the register", "KL", "Done")]):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    path = tmp_path / "log.docx"
    d.save(str(path))
    plain = parse_file(path)
    extended = parse_file(path, Settings(status_words={"parked": "on hold"}))

    def statuses(pf):
        return {u["ref"]: u["status"] for u in pf.result.rows["plan_updates"]}

    assert statuses(extended) == {"A1": "on hold", "A2": "complete"}
    assert statuses(plain)["A1"] != "on hold"


# -- headers ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, role", [
    ("Meeting date & action number", "number"), ("Action No.", "number"), ("Finish & status", "status"),
    ("Follow-up", "progress"), ("Due", "target"), ("Issue", "priority"), ("Action owner", "lead"),
])
def test_action_log_header_words(text, role):
    assert header_role(text) == role


# -- refs and statuses out of log tables -------------------------------------------------

def test_refs_of_any_scheme_kept_as_printed():
    doc = document([heading("Programme Board Action Log"),
                    table(row("Ref", "Action", "Owner", "Status", header=True),
                          row("(A)", "Agree the terms of reference", "Chair", "Completed"),
                          row("Ai", "Circulate the draft", "Secretary", "OPEN"),
                          row("TB(11)05", "Report on spend", "Treasurer", "In progress"),
                          row("12/03", "Invite the auditor", "Clerk", "CANCELLED"),
                          row("1.1a", "Publish the minutes", "Clerk", "Overdue"))])
    got = [(u["ref"], u["status"], u["lead_agency"]) for u in _updates(doc)]
    assert got == [("(A)", "complete", "Chair"), ("Ai", "open", "Secretary"), ("TB(11)05", "in progress", "Treasurer"),
                   ("12/03", "cancelled", "Clerk"), ("1.1a", "overdue", "Clerk")]


def test_meeting_date_as_action_number_repeats_row_after_row():
    doc = document([heading("Board Action Log as 19 July 2011"),
                    table(row("Meeting date & action number", "Action", "Deadline", "Progress", header=True),
                          row("02/03/2011", "Members to be kept informed of the review.", "Ongoing",
                              cell("On track", "#92d050")),
                          row("02/03/2011", "Board to invite the Commissioner to a meeting.", "September",
                              cell("Plan in place", "#ffc000")),
                          row("08/06/2011", "Director to present on the partnership.", "September",
                              cell("Plan in place", "#ffc000")))])
    ups = _updates(doc)
    # words beat the cell's colour; a status outside the vocabulary stays as printed
    assert [(u["ref"], u["status"]) for u in ups] == [("02/03/2011", "on track"), ("02/03/2011", "plan in place"),
                                                      ("08/06/2011", "plan in place")]
    # no quarter named: the log's "as of" date is the period
    assert {(u["period"], u["period_start"]) for u in ups} == {("2011-07-19", "2011-07-19")}


def test_unnumbered_actions_report_status_first_in_follow_up_prose():
    doc = document([para("BOARD - ACTIONS REPORT"), para("23 September 2011"),
                    table(row("Issue", "Action", "Follow-up", header=True),
                          row("Funding", "Confirm forward funding in August.", "See attached paper."),
                          row("Terms of Reference", "Amend draft ToR.", "Completed. Circulated on 19 August."),
                          row("Parishes", "Engage the national association.", "Ongoing. No plan to publish yet."),
                          row("Priorities", "Map policy areas.", "Ongoing and see attached report."))])
    ups = _updates(doc, [Paper("other", "", 0, 2)])  # a paper not typed as a plan
    # no reference printed: the ref stays empty (the row's place is plan_actions.ordinal)
    assert [(u["ref"], u["status"]) for u in ups] == [("", "not reported"), ("", "complete"),
                                                      ("", "ongoing"), ("", "ongoing")]
    assert ups[1]["description"] == "Amend draft ToR."
    assert {u["period"] for u in ups} == {"2011-09-23"}


def test_status_cell_split_over_unlabelled_column_and_rows_split_per_line():
    # a PDF reader that gives one row per printed line and puts a vertically
    # centred status in the unlabelled column beside the Status column
    doc = document([heading("Status update on Board actions from last meeting 19.11.10"),
                    table(row("Action", "Due", "Status", "", header=True),
                          row("Team to provide an update on", "11.01.11", "", ""),
                          row("the review, including its terms.", "", "Completed", ""),
                          row("Team to confirm plan for", "Late", "", ""),
                          row("publishing a paper on data.", "Spring", "", "On track for"),
                          row("", "2011", "", "due date"),
                          row("Team to engage with the", "11.01.11", "", ""),
                          row("Public Bodies Team on records.", "", "Plan in place", ""))])
    ups = _updates(doc)
    assert [u["status"] for u in ups] == ["complete", "on track", "plan in place"]
    assert ups[2]["description"].startswith("Team to engage with the") and "Public Bodies" in ups[2]["description"]


def test_headerless_workstream_tables_with_status_column_and_lead_in_heading():
    doc = document([heading("Group Action Log - 14 May 2013"),
                    heading("Secretariat"),
                    table(row("Circulate minutes and actions from the meeting", "New"),
                          row("Publish the note of the meeting", "Ongoing")),
                    para("Address Dataset - Lead HS/BB"),
                    table(row("Survey of small firms on address data", "Carried\nforward"),
                          row("Develop benefits case", "Completed")),
                    para("Vehicle data - Lead JT"),
                    table(row("Develop benefits case", "ON HOLD")),
                    heading("Other"),
                    table(row("Plan the recruitment campaign", "Cancelled"))])
    ups = _updates(doc, [Paper("other", "", 0, len(doc.blocks) - 1)])
    got = [(u["status"], u["lead_agency"], u["description"]) for u in ups]
    assert got == [("new", None, "Circulate minutes and actions from the meeting"),
                   ("ongoing", None, "Publish the note of the meeting"),
                   ("carried forward", "HS/BB", "Survey of small firms on address data"),
                   ("complete", "HS/BB", "Develop benefits case"),
                   ("on hold", "JT", "Develop benefits case"),  # same words, another group: another action
                   ("cancelled", None, "Plan the recruitment campaign")]
    assert {u["ref"] for u in ups} == {""}


def test_two_column_table_outside_an_action_log_is_not_read_as_one():
    doc = document([heading("Finance report"),
                    table(row("Circulate the budget to members", "New"),
                          row("Publish the accounts", "Ongoing"))])
    assert _updates(doc, [Paper("report", "", 0, len(doc.blocks) - 1)]) == []


def test_day_period_label():
    p = day_period("2011-07-19")
    assert (p.label, p.kind, p.start, p.end, p.fy_start_year, p.quarter) == (
        "2011-07-19", "day", "2011-07-19", "2011-07-19", 2011, 2)
    assert day_period(None) is None


# -- real papers ----------------------------------------------------------------------------

REAL = {
    "uk-transparency-board/TB_8_1.ii Action log as of 19 July.pdf": (21, {"on track": 7, "plan in place": 10,
                                                                          "place in place": 1, "complete": 3}),
    "uk-transparency-board/TB(10)1.i.ii Action Log 2011-10-11.doc": (22, {"on track": 7, "plan in place": 8,
                                                                          "initial stages": 3, "complete": 4}),
    "uk-transparency-board/TB(4)1.i Status update on actions from last meeting - 11.01.11.pdf":
        (9, {"complete": 3, "on track": 3, "plan in place": 3}),
    "uk-local-public-data-panel/110923 LPDP action report.doc": (8, {"ongoing": 4, "complete": 3, "not reported": 1}),
    "uk-open-data-user-group/ODUG Action Log 14 May 2013.pdf": (39, {"new": 11, "ongoing": 2, "carried forward": 19,
                                                                     "complete": 7}),
}


@pytest.mark.parametrize("rel", sorted(REAL))
def test_real_action_logs_statuses(realworld_dir, parsed, rel):
    from collections import Counter

    pf = parsed(realworld_dir / rel)
    ups = pf.result.rows.get("plan_updates", [])
    n, statuses = REAL[rel]
    assert len(ups) == n
    assert Counter(u["status"] for u in ups) == statuses


def test_real_action_log_meeting_dates_as_refs(realworld_dir, parsed):
    pf = parsed(realworld_dir / "uk-transparency-board/TB_8_1.ii Action log as of 19 July.pdf")
    ups = pf.result.rows["plan_updates"]
    assert [u["ref"] for u in ups[:3]] == ["11/01/2011", "19/11/2010", "08/02/2011"]
    assert {u["period"] for u in ups} == {"2011-07-19"}
