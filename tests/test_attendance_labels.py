"""Attendance labels are vocabulary: the built-in ones come from
boardpack.core.vocabulary, and a label a user adds in a settings file is read
end to end, from a Word file through segmentation to the attendance rows."""

from __future__ import annotations

import pytest

from boardpack.core.errors import SettingsError
from boardpack.core.settings import DEFAULT, Settings
from boardpack.core.vocabulary import ATTENDANCE_LABELS
from boardpack.extractors.attendance_labels import labels_for
from boardpack.pipeline import parse_file

docx = pytest.importorskip("docx", reason="python-docx builds the test document")

# a label no built-in pattern knows: without it the line is not a list of names
LABEL = "Sitting with the committee"


def _minutes(path):
    d = docx.Document()
    d.add_heading("Minutes of the meeting of Little Barton Parish Council held on 8 September 2015", 1)
    d.add_paragraph("Present: Councillors D Rich (Chair), S Lind, M Arm")
    d.add_paragraph(f"{LABEL}: Mr T Oldham, Mrs R Vane")
    d.add_paragraph("Apologies: Councillor P Moor")
    d.add_heading("15.09.1 Register of Interests", 2)
    d.add_paragraph("No interests were declared by members of the council at this meeting.")
    d.save(path)
    return path


def _attendance(path, settings):
    rows = parse_file(path, settings).result.rows
    return {(a["person"], a["attendance"]) for a in rows.get("attendance", [])}


def test_a_label_added_in_a_settings_file_is_read_end_to_end(tmp_path):
    path = _minutes(tmp_path / "minutes.docx")
    toml = tmp_path / "settings.toml"
    toml.write_text(f'[vocabulary.attendance_labels]\n"{LABEL}" = "in attendance"\n', encoding="utf-8")
    members = {("Councillor D Rich", "chair"), ("S Lind", "present"), ("M Arm", "present"),
               ("Councillor P Moor", "apologies")}
    # without the label its line is read as more of the present list, or not at all
    assert _attendance(path, DEFAULT) == members | {("Mrs R Vane", "present")}
    assert _attendance(path, Settings.from_toml(toml)) == members | {
        ("Mr T Oldham", "in attendance"), ("Mrs R Vane", "in attendance")}


def test_the_built_in_labels_are_the_vocabulary_default():
    assert dict(DEFAULT.vocabulary.attendance_labels) == dict(ATTENDANCE_LABELS)
    assert labels_for().cue("Apologies for absence: Mr A Smith") == ("apologies", "Mr A Smith")
    assert labels_for().cue(f"{LABEL}: Mr A Smith") == (None, f"{LABEL}: Mr A Smith")


def test_a_user_phrase_counts_before_a_colon_or_alone_not_inside_a_sentence():
    labels = labels_for(Settings.from_dict({"vocabulary": {"attendance_labels": {"Visiting  Officers": "In Attendance"}}}))
    assert labels.cue("Visiting officers: Mr A Smith") == ("in attendance", "Mr A Smith")
    assert labels.cue("Visiting Officers")[0] == "in attendance"
    assert labels.cue("Visiting officers were thanked")[0] is None


def test_a_label_needs_a_known_category_and_a_valid_pattern():
    with pytest.raises(SettingsError, match="vocabulary.attendance_labels"):
        Settings.from_dict({"vocabulary": {"attendance_labels": {"guests": "visiting"}}})
    with pytest.raises(SettingsError, match="vocabulary.attendance_labels"):
        Settings.from_dict({"vocabulary": {"attendance_labels": {"guests (": "present"}}})
    replaced = Settings.from_dict({"vocabulary": {"replace": ["attendance_labels"], "attendance_labels": {"here": "present"}}})
    assert dict(replaced.vocabulary.attendance_labels) == {"here": "present"}


def test_a_user_label_inside_a_paragraph_opens_its_own_list(tmp_path):
    """One paragraph with line breaks (as PDF text often comes): the user's label
    cuts it into units as the built-in labels do."""
    d = docx.Document()
    d.add_heading("Minutes of the meeting of Little Barton Parish Council held on 8 September 2015", 1)
    run = d.add_paragraph().add_run("Present: Councillors D Rich (Chair), S Lind, M Arm")
    run.add_break()
    run.add_text(f"{LABEL}: Mr T Oldham, Mrs R Vane")
    run.add_break()
    run.add_text("Apologies: Councillor P Moor")
    d.add_heading("15.09.1 Register of Interests", 2)
    d.add_paragraph("No interests were declared by members of the council at this meeting.")
    path = tmp_path / "one-paragraph.docx"
    d.save(path)
    settings = Settings.from_dict({"vocabulary": {"attendance_labels": {LABEL: "in attendance"}}})
    got = _attendance(path, settings)
    assert {("Mr T Oldham", "in attendance"), ("Mrs R Vane", "in attendance"), ("S Lind", "present"),
            ("Councillor P Moor", "apologies")} <= got
    assert ("Mrs R Vane", "in attendance") not in _attendance(path, DEFAULT)


def test_a_user_label_heads_a_column_and_follows_a_sentence():
    added = labels_for(Settings.from_dict({"vocabulary": {"attendance_labels": {"Visiting officers": "in attendance"}}}))
    header, inline = "Present: Visiting officers: Apologies", "Present: Mr A Smith, Mrs B Jones. Visiting officers: Mr C Dee"
    assert added.header_cats(header) == ["present", "in attendance", "apologies"]
    # the first piece's own label is read too (a line of lists run together: "Chairman: X Councillors: Y")
    assert added.split_inline(inline) == [("present", "Mr A Smith, Mrs B Jones"), ("in attendance", "Mr C Dee")]
    assert labels_for().header_cats(header) is None
    assert labels_for().split_inline(inline) == [(None, inline)]
