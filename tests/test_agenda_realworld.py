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
