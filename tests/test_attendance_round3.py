"""Attendance, round 3: what broke on a held-out set of real minutes of bodies the
project had never seen (kept outside the repository). Inputs are made up; each
test names the clerk's rule."""

from __future__ import annotations

from boardpack.core.model import MINUTES, Block, Document, Paper
from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.extractors.attendance_names import name_run, parse_entry, plausible_person

load_all()


def _attendance(texts):
    blocks = [Block("paragraph", text=t, page=1) for t in texts]
    doc = Document(path="x.docx", sha256="d" * 64, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(MINUTES, "", 0, len(blocks) - 1, cue=texts[0])])
    rows = extract_document(ctx).rows.get("attendance", [])
    return sorted((r["attendance"], r["person"]) for r in rows)


def test_a_list_printed_without_commas_is_one_person_per_initials_and_surname():
    assert name_run("A Marsh B Cole B D Pryce C Lowe") == ["A Marsh", "B Cole", "B D Pryce", "C Lowe"]
    assert name_run("Mrs Anne Marsh") == ["Mrs Anne Marsh"]


def test_apologies_in_brackets_inside_the_list_of_members():
    got = _attendance(["Minutes of the Meeting of the Planning Committee held on 20th March 2017",
                       "Councillors Present: K Marsh (Vice Chairman) A Cole (Apologies) G Pryce J Lowe (Apologies)",
                       "1. Declarations of interest - none."])
    assert got == [("apologies", "A Cole"), ("apologies", "J Lowe"), ("present", "G Pryce"), ("present", "K Marsh")]


def test_attended_by_with_the_chair_named_first_and_members_of_the_public():
    got = _attendance(["Annual Meeting - 12 April 2022",
                       "Attended by: Chairperson Councillor G. Marsh; and Councillors P. Cole, D. Pryce, and C. Lowe. "
                       "Members of the public: Ann Hart, Sue Bell.",
                       "Apologies for absence: none."])
    assert got == [("chair", "Councillor G. Marsh"), ("in attendance", "Ann Hart"), ("in attendance", "Sue Bell"),
                   ("present", "C. Lowe"), ("present", "Councillor P. Cole"), ("present", "D. Pryce")]


def test_minute_numbered_label_and_the_chair_who_presided_after_the_list():
    got = _attendance(["Minutes of the Meeting of Netherwick Community Council held on Wednesday 5th December 2018",
                       "Minute no. 1 – Members Present Councillors: A Marsh A Cole B Pryce",
                       "Chairman Councillor A Marsh presided over the meeting",
                       "Minute no. 2 - Apologies for Absence Apologies for absence were received from Councillor T Lowe."])
    assert ("chair", "Councillor A Marsh") in got and ("present", "A Cole") in got and ("present", "B Pryce") in got
    assert not any(p == "A Marsh" for _, p in got)  # the chair once, as chair


def test_a_post_written_after_a_name_with_initials_is_the_role():
    assert parse_entry("Mr W Pryce Clerk and Executive Officer")[:2] == ("Mr W Pryce", "Clerk and Executive Officer")
    assert not plausible_person("Netherwick Parish Council")
    assert plausible_person("Anne Marsh")
