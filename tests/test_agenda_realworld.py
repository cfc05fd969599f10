"""Agenda items on real published agendas (../shared/realworld; skipped when absent)."""

from __future__ import annotations


def _items(parsed, path):
    res = parsed(path).result
    return [(r["item_number"], r["title"]) for r in res.rows.get("agenda_items", [])]


def test_timed_numbered_items_under_a_date_heading(parsed, realworld_dir):
    got = _items(parsed, realworld_dir / "uk-local-public-data-panel" / "Agenda 12-01-17.doc")
    assert [n for n, _ in got] == [str(i) for i in range(1, 10)]
    assert got[0] == ("1", "Welcome and introductions")
    assert got[4] == ("5", "Update from Cabinet Office")


def test_agenda_item_lead_table_with_lettered_sub_lines(parsed, realworld_dir):
    got = dict(_items(parsed, realworld_dir / "walbottle-village-residents-association" / "240910 - AGM Agenda.pdf"))
    assert got["1"] == "Members present"
    assert got["5"] == "Officer reports 2023-2024"
    assert (got["5a"], got["5e"]) == ("Chair", "Communications")
    assert got["8"] == "Upcoming Events"


def test_untyped_us_agenda_with_capital_lettered_sub_items(parsed, realworld_dir):
    got = dict(_items(parsed, realworld_dir / "us-california-local-agencies" / "rolling_hills_estates_agenda_2.pdf"))
    assert got["4"] == "CONSENT CALENDAR"
    assert got["4b"] == "DEMANDS AND WARRANTS OF NOVEMBER 2022"
    assert got["10c"] == "CALIFORNIA SPECIFIED GRANT FUNDS AUTHORIZING RESOLUTION FOR NATURE CENTER PROJECT APPLICATION"


def test_roman_outline_numbers_join_their_levels(parsed, realworld_dir):
    got = _items(parsed, realworld_dir / "us-cuyahoga-county-boards" / "cuya_community_college_agenda.pdf")
    nums = [n for n, _ in got]
    assert nums[:6] == ["I", "II", "III", "IV", "V", "VA"]
    assert nums[-3:] == ["VC13", "VD", "VI"]
    assert dict(got)["III"] == "APPROVAL OF THE MINUTES"


def test_lettered_outline_with_presenter_lines_and_closed_session_citations(parsed, realworld_dir):
    got = dict(_items(parsed, realworld_dir / "us-california-local-agencies" / "ladwp_2.pdf"))
    assert got["I"] == "Management Reports"
    assert got["J3"].startswith("Elysian Reservoir Community Parks Enhancement Fund")
    assert got["L5"].startswith("Approval of Agreement No. 47696")
    assert got["M7"] == "CONFERENCE WITH LEGAL COUNSEL - ANTICIPATED LITIGATION"
    assert got["N"] == "Adjournment"


def test_business_headings_unnumbered_and_numbering_restarting_per_section(parsed, realworld_dir):
    got = _items(parsed, realworld_dir / "us-california-local-agencies" / "west_lake_village_agenda_1.pdf")
    assert got[:3] == [("", "CALL TO ORDER"), ("", "PLEDGE OF ALLEGIANCE"), ("", "ROLL CALL")]
    assert ("1", "PROFESSIONAL SERVICES AGREEMENT WITH R3 CONSULTING GROUP, INC. FOR ASSISTANCE WITH SOLID WASTE "
                 "PROGRAM ADMINISTRATION") in got
    assert [n for n, _ in got].count("1") == 5
    assert got[-1] == ("", "ADJOURNMENT")


def test_agenda_without_numbers_lists_headings_and_bullets(parsed, realworld_dir):
    got = _items(parsed, realworld_dir / "us-crete-township-illinois" / "March 13, 2024 - Board Agenda.pdf")
    assert all(n == "" for n, _ in got)
    titles = [t for _, t in got]
    assert titles[:4] == ["CALL TO ORDER", "ROLL CALL", "PLEDGE OF ALLEGIANCE", "APPROVAL OF MINUTES"]
    assert "Set date for Budget Workshop" in titles and titles[-1] == "ADJOURNMENT"
