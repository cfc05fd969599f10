"""Meeting facts, round 3: what broke on a held-out set of real minutes and agendas
of bodies the project had never seen (kept outside the repository; see the README's
accuracy section). Inputs here are made up; each test names the clerk's rule."""

from __future__ import annotations

from boardpack.core.dates import find_times
from boardpack.core.model import AGENDA, MINUTES, Block, Document, Paper
from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.committee_names import body_in_full
from boardpack.extractors.meeting_cues import masthead
from boardpack.extractors.meeting_sentences import meeting_from_text, minutes_header

load_all()


def _meetings(texts, paper_type):
    blocks = [Block("paragraph", text=t, page=1) for t in texts]
    doc = Document(path="x.docx", sha256="e" * 64, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(paper_type, "", 0, len(blocks) - 1, cue=texts[0])])
    return extract_document(ctx).rows.get("meetings", [])


# -- start time ---------------------------------------------------------------


def test_a_24_hour_time_ending_a_sentence_is_a_time():
    assert [t.hhmm for t in find_times("held on Monday 3 May 2021 commencing at 19:00.")] == ["19:00"]
    assert find_times("version 19.00.5") == []


def test_time_on_the_title_line_above_the_date():
    info = masthead(["NETHERWICK PARISH COUNCIL", "MINUTES OF THE ANNUAL MEETING HELD AT 6.30PM",
                     "THURSDAY 11 MAY 2023", "PRESENT: Mr A Bell (Chair)"])
    assert (info.meeting_date, info.start_time) == ("2023-05-11", "18:30")


def test_time_beside_the_same_date_lower_in_the_head():
    info = masthead(["AGM - 12 April 2022", "Annual General Meeting", "Tuesday 12th April 2022 at 7.15pm"])
    assert (info.meeting_date, info.start_time) == ("2022-04-12", "19:15")


def test_time_inside_the_place_of_a_summons():
    info = meeting_from_text("I give notice that a meeting of the above Parish Council will be held at "
                             "The Old School, Netherwick at 7.30pm on Thursday 6 April 2017")
    assert (info.meeting_date, info.start_time, info.venue) == ("2017-04-06", "19:30", "The Old School, Netherwick")
    assert info.committee is None  # "the above Parish Council": the masthead names it


# -- the head of an agenda -------------------------------------------------------


def test_an_address_line_under_the_masthead_is_not_the_first_item():
    rows = _meetings(["NETHERWICK PARISH COUNCIL", "14 Mill Lane, Netherwick, AB12 3CD",
                      "NOTICE OF MEETING OF PARISH COUNCIL",
                      "Notice is given that a meeting of the above Parish Council will be held at the Village Hall "
                      "at 7.30pm on Thursday 6 April 2017",
                      "1. To receive apologies for absence", "2. Declarations of interest"], AGENDA)
    assert [(r["committee"], r["meeting_date"], r["start_time"], r["venue"]) for r in rows] == [
        ("Netherwick Parish Council", "2017-04-06", "19:30", "Village Hall")]


# -- committee ---------------------------------------------------------------------


def test_a_council_named_by_its_kind_is_the_council_the_head_names():
    head = ["OAKFORD AND LYNE PARISH COUNCIL", "Minutes of the Annual Parish Council meeting held at the Hall"]
    assert body_in_full("Annual Parish Council", head) == "Oakford and Lyne Parish Council"
    assert body_in_full("Parish Council", head) == "Oakford and Lyne Parish Council"
    # "Minutes of the meeting of the County Council": a sentence's committee stands as printed
    assert body_in_full("County Council", ["KENTSHIRE COUNTY COUNCIL"], printed=True) == "County Council"
    assert body_in_full("Planning Committee", head) == "Planning Committee"


# -- minutes header -------------------------------------------------------------------


def test_title_run_into_the_minutes_header_and_minutes_of_the_last_meeting():
    text = ("NETHERWICK TOWN COUNCIL Planning Committee Minutes Minutes of the Meeting of the Planning Committee "
            "held on the 20th March 2017 in the Council Chamber, Netherwick Town Council\n"
            "Councillors Present: A Bell B Cole\n"
            "3. Minutes of the Last Meeting held on the 6th March 2017 - approved.")
    info = minutes_header(text)
    assert (info.committee, info.meeting_date, info.venue) == (
        "Planning Committee", "2017-03-20", "Council Chamber, Netherwick Town Council")


def test_a_trailing_at_is_cut_from_a_capitalised_venue():
    info = minutes_header("MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON MONDAY 15th MAY 2017 "
                          "IN THE VILLAGE HALL AT 7.30PM")
    assert (info.start_time, info.venue) == ("19:30", "VILLAGE HALL")


def test_a_minutes_title_wrapped_after_of_the_names_the_board_and_minutes():
    rows = _meetings(["MINUTES OF THE", "BOARD OF DIRECTORS MEETING OF THE", "EXAMPLE WATER DISTRICT", "March 4, 2009",
                      "1. The meeting was called to order by President Hale at 3:30 p.m.",
                      "2. PUBLIC PARTICIPATION ON ANY ITEM NOT ON TODAY'S AGENDA"], MINUTES)
    assert [(r["committee"], r["meeting_date"], r["start_time"]) for r in rows] == [
        ("Board of Directors", "2009-03-04", "15:30")]


def test_the_place_a_meeting_was_held_at():
    from boardpack.extractors.masthead import opening_venue
    assert opening_venue(["Regular Meeting of the Board of Trustees was held on Monday, March 19, 2007 at the "
                          "Municipal Building, Van Wyck Street, Springfield, NY. The Mayor presided."]) == \
        "Municipal Building, Van Wyck Street, Springfield, NY"


def test_minutes_titled_over_wrapped_lines_are_minutes_not_an_agenda():
    from test_segment import build, types

    from boardpack.pipeline import segment
    doc = build(("p", "MINUTES OF THE"), ("p", "BOARD OF DIRECTORS MEETING OF THE"), ("p", "EXAMPLE WATER DISTRICT"),
                ("p", "March 4, 2009"), ("p", "1. The meeting was called to order by President Hale at 3:30 p.m."),
                ("p", "2. ROLL CALL"), ("p", "Directors Present: Amos, Hale, Lind and Moss"),
                ("p", "5. PUBLIC PARTICIPATION - OPPORTUNITY FOR MEMBERS OF THE PUBLIC"),
                ("p", "TO SPEAK ON ANY ITEM NOT ON TODAY'S AGENDA"),
                ("p", "A motion was made by Director Lind, seconded by Director Moss and carried."))
    assert types(segment(doc)) == [MINUTES]


def test_minutes_from_a_meeting_titled_with_a_numeric_date_and_the_time_before_the_date():
    from test_segment import build, types

    from boardpack.pipeline import segment
    doc = build(("p", "Minutes 20/03/2017"),
                ("p", "Minutes from the Netherwick Community Council meeting held at 6.30pm on Monday 20th March 2017 "
                      "at Marchfield Village Hall"),
                ("p", "Cllr John Marsh Chair"), ("p", "16/137 Apologies of absence"), ("p", "No apologies had been received"))
    assert types(segment(doc)) == [MINUTES]
    info = minutes_header("\n".join(b.text for b in doc.blocks if b.text))
    assert (info.committee, info.meeting_date, info.start_time, info.venue) == (
        "Netherwick Community Council", "2017-03-20", "18:30", "Marchfield Village Hall")


def test_the_kind_of_meeting_is_not_the_bodys_name():
    from boardpack.extractors.committee_names import committee_name
    from boardpack.extractors.meeting_info import tidy_committee
    assert tidy_committee("EXTRA-ORDINARY MEETING OF NETHERWICK PARISH COUNCIL") == "Netherwick Parish Council"
    assert committee_name("Extra ordinary Full Council") == "Full Council"


def test_the_minutes_status_and_in_public_are_not_the_bodys_name():
    from boardpack.extractors.committee_names import committee_name
    from boardpack.extractors.meeting_info import tidy_committee
    assert committee_name("CONFIRMED") is None
    assert tidy_committee("Example CCG Governing Body Meeting in Public") == "Example CCG Governing Body"


def test_the_place_ends_where_the_sentence_goes_on_and_the_council_named_to_its_members():
    from boardpack.extractors.meeting_info import clean_venue
    assert clean_venue("the Jubilee Hall for the transaction of the business shown on the agenda below") == "Jubilee Hall"
    assert clean_venue("Council Chamber, North Street starting at hrs") == "Council Chamber, North Street"
    assert body_in_full("Parish Council", ["To: All Members of Netherwick Parish Council"]) == "Netherwick Parish Council"
    assert body_in_full("Parish Council", ["To: All Members of the Parish Council"]) == "Parish Council"
