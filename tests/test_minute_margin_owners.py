"""Owners written in the right margin of minutes beside the sentence they own, and the
action lines around them: initials in a margin cell, after a sentence's end at the end of a
printed line, or breaking into a sentence before it wraps; one action listed twice; a
payments table after the action table; the owner a later sentence tasks. Made-up minutes
of two shapes, then the real papers that broke (../shared/realworld; skipped when absent)."""

from __future__ import annotations

import pytest

from boardpack.core.model import MINUTES, Block, Cell, Row
from boardpack.extractors.minute_actions import action_owners, sentence_owners
from boardpack.extractors.minute_margin import split_sentences
from report_views_helper import paper_rows

SPC = "souldern-parish-council/spc-minutes"


def para(text, kind="paragraph"):
    return Block(kind, text=text, page=1)


def table(rows, header=False):
    return Block("table", rows=[Row([Cell(c) for c in r], page=1, is_header=header and k == 0)
                                for k, r in enumerate(rows)], page=1)


def actions(blocks):
    rows = paper_rows(blocks, MINUTES, "x.pdf")
    return [(a["action_text"], a["owners"]) for a in rows.get("minute_actions", [])]


HEAD = [para("MINUTES OF THE VILLAGE HALL COMMITTEE MEETING HELD ON 3rd May 2019"),
        para("Present: Ms Ann Lowe (Chair), Mr Ben Carr, Mrs Jo Dale"),
        para("Apologies: Mr Tom Reed")]


# -- made-up minutes --------------------------------------------------------------------


def test_initials_in_the_margin_own_the_whole_sentence_beside_them():
    got = actions(HEAD + [
        para("1 Village hall roof", kind="heading"),
        para("The roof leaks again after the storm. It was agreed to obtain three quotes\n"
             "for the repair before the next meeting. BC\nThe insurers have been told."),
        para("2 The green", kind="heading"),
        table([["The hedge on the green needs cutting back before the summer fete and", ""],
               ["the footpath signs are to be replaced.", "JD"],
               ["Payments:", ""], ["Hedge trimmer hire", "£40.00"]]),
        para("3 Parking", kind="heading"),
        para("Residents asked about parking on the verge. AL offered to write to the\n"
             "highways team about the verge before the AL\nwinter and to copy in the police."),
    ])
    assert got == [
        ("It was agreed to obtain three quotes for the repair before the next meeting.", "BC"),
        ("The hedge on the green needs cutting back before the summer fete and the footpath signs are to be replaced.",
         "JD"),
        ("AL offered to write to the highways team about the verge before the winter and to copy in the police.", "AL"),
    ]


def test_margin_initials_wait_for_the_sentence_end_and_join_owners():
    got = actions(HEAD + [
        para("1 Playground", kind="heading"),
        table([["1", "Playground\nVolunteers were sought. It was therefore resolved that a notice be put", "Action"],
               ["", "on the gate asking for help with the weeding of the", "AL"],
               ["", "bark pit and the painting of the fence.", "(BC)"],
               ["", "a) Benches", ""],
               ["", "Two benches are broken and are to be removed before the", ""],
               ["", "fete.", "All"],
               ["", "The bin is full.", ""]]),
    ])
    # the sub-item's title ("a) Benches") is no part of the sentence after it
    assert got == [
        ("It was therefore resolved that a notice be put on the gate asking for help with the weeding of the bark pit "
         "and the painting of the fence.", "AL; BC"),
        ("Two benches are broken and are to be removed before the fete.", "All"),
    ]


def test_initials_that_are_no_margin():
    # initials of nobody present, initials opening the next line's sentence or phrase, and
    # initials inside a sentence in minutes that have no margin are all text
    got = actions(HEAD + [
        para("1 Planning", kind="heading"),
        para("12 High Street, rear extension. AL\nOBJECTION raised by neighbours."),
        para("The quotes were approved. XY\nThe hall was booked. BC\nwill pay the deposit."),
        para("The chairman thanked BC\nfor the report on the accounts."),
    ])
    assert got == []


def test_sentences_end_at_a_full_stop_or_where_a_new_clause_opens():
    assert split_sentences("approved. Proposed by Mr. Carr and J. Dale. It was") == [
        ("approved.", True), ("Proposed by Mr. Carr and J. Dale.", True), ("It was", False)]
    assert split_sentences("residents of the lane The discussion did not") == [
        ("residents of the lane", True), ("The discussion did not", False)]


def test_action_listed_again_in_the_action_list_summary_is_one_action():
    summary = [["No", "Action", "Owner"], ["May19.01", "BC to book the hall for the fete", "BC"],
               ["May19.02", "JD to order the new bench", "JD"]]
    got = actions(HEAD + [para("1 Actions", kind="heading"), table(summary[:2]),
                          para("2 Finance", kind="heading"), para("The accounts were approved."),
                          para("ACTION LIST SUMMARY"), table(summary)])
    assert got == [("BC to book the hall for the fete", "BC"), ("JD to order the new bench", "JD")]


def test_payments_table_after_an_action_table_is_no_action_table():
    got = actions(HEAD + [
        para("1 Clerks report and actions", kind="heading"),
        table([["NO", "ACTION", "Update", "OWNER"], ["01.19.04", "BC to contact the bus company", "Done", "BC"]]),
        para("2 Finance", kind="heading"),
        para("The following payments had been made since the previous meeting:"),
        table([["Date", "Payee", "Description", "Amount"], ["26/01/19", "Jo Dale", "Clerk salary", "£82.00"]],
              header=True),
    ])
    assert got == [("BC to contact the bus company", "BC")]


def test_owner_tasked_in_a_later_sentence_of_an_action_line():
    assert sentence_owners("Cheese & Wine fundraiser to be arranged. NO to confirm with the pub.") == ["NO"]
    # a later sentence that says what someone will do tasks nobody
    assert sentence_owners("Members wanted more on the pilot. The Secretariat will distribute a note.") == []
    got = actions(HEAD + [para("1 Defibrillator", kind="heading"),
                          para("ACTION : Quiz night to be arranged. JD to ask the pub about the date.")])
    assert got == [("Quiz night to be arranged. JD to ask the pub about the date.", "JD")]


def test_a_body_s_members_own_an_action_and_a_document_does_not():
    assert action_owners("Panel members to contribute case studies.") == ["Panel members"]
    assert action_owners("ToR to reflect the outcome of the review") == []
    assert action_owners("MoU to be signed by both parties") == []


# -- the real papers that broke ---------------------------------------------------------------


def real_actions(parsed, realworld_dir, rel):
    pf = parsed(realworld_dir / rel)
    assert pf.result is not None
    return [(a["action_text"], a["owners"]) for a in pf.result.rows.get("minute_actions", [])]


def test_prose_actions_with_owners_in_a_margin_column(parsed, realworld_dir):
    got = dict(real_actions(parsed, realworld_dir, f"{SPC}/2012-06-28 SPC minutes.pdf"))
    assert len(got) == 22
    # a margin cell beside the last line of a sentence begun two rows up
    assert got["Mr Richard Deeley a local farmer had previously indicated that he was interested and after some "
               "discussion it was resolved to co-opt Mr Deeley on to the Council."] == "AM"
    # two margin cells beside one sentence
    assert got["It was therefore resolved that families with children would be targeted and a notice placed on the "
               "playground to the effect that if no volunteers came forward as each piece of equipment failed to "
               "reach health and safety standards it would not be replaced."] == "AM; DB"
    # initials breaking into the sentence before it wraps, and after its end on the printed line
    assert got["RJ said that he would find out who we should contact in relation to the maintenance of the "
               "bridleway."] == "RJ"
    assert got["The financial returns have now been signed and are ready to be sent to the external auditors."] == "JM"
    # no full stop: the next clause opening "It was ..." ends the sentence
    assert got["It was resolved to monitor the bridleway so that it doesn\u2019t become inaccessible to visitors to "
               "the wood"] == "All"
    # a lettered sub-item's title is no part of the action
    assert got["The current village map is now out of date and it was resolved to ask Jenny Mander to update it as "
               "she did the original one."] == "AM"


def test_margin_initials_below_an_owner_led_sentence(parsed, realworld_dir):
    got = real_actions(parsed, realworld_dir, f"{SPC}/2016-03-17 SPC minutes.pdf")
    assert ("BM will meet with the technician when he comes", "BM") in got
    assert len(got) == 3


@pytest.mark.parametrize("rel, n", [(f"{SPC}/2023-11-30 SPC minutes.pdf", 12), (f"{SPC}/2026-03-26 SPC minutes.pdf", 3)])
def test_action_repeated_in_the_summary_table_is_listed_once(parsed, realworld_dir, rel, n):
    got = real_actions(parsed, realworld_dir, rel)
    assert len(got) == len(set(got)) == n


def test_payments_table_is_no_continued_action_table_and_later_sentence_owner(parsed, realworld_dir):
    got = real_actions(parsed, realworld_dir, f"{SPC}/2018-03-22 SPC minutes.pdf")
    assert not [a for a in got if "Payee" in a[0]]
    assert ("Cheese & Wine fundraiser to be arranged. NO to confirm with the pub that the defibrillator can be sited "
            "on the wall.", "NO") in got


def test_group_owner_and_no_document_owner(parsed, realworld_dir):
    rel = "uk-local-public-data-panel/Local Public Data Panel_Nineteenth Meeting 21 March 2013_Minutes.doc"
    got = dict(real_actions(parsed, realworld_dir, rel))
    assert got["Panel members to contribute case studies."] == "Panel members"
    assert [o for t, o in got.items() if t.startswith("ToR to reflect")] == [None]
    rel = "uk-local-public-data-panel/Meeting notes and actions 1 March 2010.doc"
    got = dict(real_actions(parsed, realworld_dir, rel))
    assert [o for t, o in got.items() if t.startswith("Panel members were interested")] == [None]
