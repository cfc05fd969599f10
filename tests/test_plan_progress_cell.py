"""A progress cell's "To meet target" clause wrapped over lines (narrow PDF columns).

Regression for issue 9, narrow layout: the clause "To meet target - on
track/not on track" (the template left unfilled) broke after "not on", the
last word fell to the progress text and the clause read "on track".
"""

from __future__ import annotations

from boardpack.core.status import status_from_text
from boardpack.extractors.plan_text import parse_progress_cell


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
