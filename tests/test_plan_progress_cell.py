"""Plan cell text as PDF layouts and scans give it (issue 9).

Narrow layout: the clause "To meet target - on track/not on track" (the
template left unfilled) broke after "not on", the last word fell to the
progress text and the clause read "on track". Scanned layout: OCR read a
milestone code's point as a comma ("1,5d") and the milestone was lost in
the one above.
"""

from __future__ import annotations

from boardpack.core.status import status_from_text
from boardpack.extractors.plan_text import parse_progress_cell, split_milestones


def test_wrapped_unfilled_clause_stays_whole():
    prog, clause, label = parse_progress_cell(
        "Q3 Progress \u2013 Stats awaited\nTo meet target \u2013 on track/not on\ntrack")
    assert prog == "Stats awaited"
    assert clause == "To meet target \u2013 on track/not on track"
    assert status_from_text(clause) == status_from_text("To meet target - on track/not on track")
    assert status_from_text(clause) != "on track"


def test_wrap_starting_with_slash_joins_clause():
    _, clause, _ = parse_progress_cell("Done\nTo meet target - on track\n/not on track")
    assert clause == "To meet target - on track /not on track"


def test_progress_sentence_after_clause_stays_progress():
    prog, clause, _ = parse_progress_cell(
        "Q3 Progress - Meetings held\nTo meet target - on track\nDiscussions are on-going with partners")
    assert clause == "To meet target - on track"
    assert "Discussions are on-going" in prog


def test_code_with_a_comma_for_its_point_opens_its_milestone():
    lines = [("1.5c Improve liaison with the task group", 0), ("1,5d Deploy off-road motorcycles", 0),
             ("To meet target - on track", 0)]
    assert [c for c, _, _ in split_milestones(lines, "1.5")] == ["1.5c", "1.5d"]


def test_figures_with_a_comma_are_not_a_code():
    lines = [("1.5a Reduce incidents", 0), ("1,5 million people reached", 0), ("2,5d", 0)]
    assert [c for c, _, _ in split_milestones(lines, "1.5")] == ["1.5a"]
