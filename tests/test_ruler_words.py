"""The ruler runs only on texts holding a word one of its patterns needs (issue 10),
and that skip changes no mention."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpack.extractors import nlp
from boardpack.extractors.ruler_words import pattern_words, required_words, spec_words

TEXTS = [
    "Ongoing", "Q1 2009/10", "The Board noted the report.", "Cllr John Reynolds (Chairman) opened the meeting.",
    "Ch Insp. Dave Sargent reported for the Police.", "SCDC Housing and CF&RS attended.",
    "Paul Clarke and Mary-Jane Smith-Jones", "Minutes of the Annual Meeting", "Zebedee Quux agreed to write.",
    "Action: Mr Gough to circulate", "South Cambs DC Community Safety Partnership", "Budget Monitoring Statement",
    "Fire and Rescue Service", "Through the CSE Task & Finish Group", "Friday 24 July 2009", "Dear Sir / Madam",
]


def test_every_base_pattern_names_a_word():
    # a pattern with only shapes would turn the skip off for everything
    pipe = nlp.build_nlp([], [])
    words = required_words(pipe.get_pipe("entity_ruler"))
    assert words is not None and len(words) > 100


def test_words_of_specs():
    assert spec_words({"ORTH": "Police"}) == ["Police"]
    assert spec_words({"LOWER": {"IN": ["mr", "dr"]}, "IS_TITLE": True}) == ["mr", "dr"]
    assert spec_words({"TEXT": {"REGEX": r"^(?:CI|DI|PC)$"}}) == ["CI", "DI", "PC"]
    assert spec_words({"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}}) is None
    # an optional token is not required: the next required one counts
    assert pattern_words([{"LOWER": "the", "OP": "?"}, {"TEXT": {"REGEX": "^x"}}, {"ORTH": "Council"}]) == ["Council"]
    assert pattern_words([{"TEXT": {"REGEX": "^[A-Z]"}}, {"ORTH": "x", "OP": "*"}]) is None


def test_a_shape_only_pattern_turns_the_skip_off():
    pipe = nlp.build_nlp([], [])
    ruler = pipe.get_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": {"REGEX": "^Zz"}}], "id": "seed_org"}])
    try:
        assert required_words(ruler) is None
    finally:
        nlp.build_nlp([], [])  # the next build removes the seed_org patterns again
    assert required_words(ruler) is not None


def _mentions(seeds, texts, skip: bool, monkeypatch):
    if not skip:
        monkeypatch.setattr(nlp, "required_words", lambda ruler: None)
    pipe = nlp.build_nlp(seeds, ["Bobby Scheme"])
    out = nlp.find_entities_many(pipe, texts)
    monkeypatch.undo()
    return out


def test_the_skip_changes_no_mention(monkeypatch):
    seeds = ["Zebedee Quux", "R W Gough"]
    texts = TEXTS + ["Bobby Scheme rep", "quux zebedee", "ZEBEDEE QUUX"]
    with_skip = _mentions(seeds, texts, True, monkeypatch)
    without = _mentions(seeds, texts, False, monkeypatch)
    assert with_skip == without
    assert any(m.method == "seed" for ms in with_skip for m in ms)
    assert any(m.method == "seed_org" for ms in with_skip for m in ms)


def test_the_skip_changes_no_mention_on_a_real_pack(monkeypatch):
    from boardpack.pipeline import parse_file

    pdf = Path(__file__).resolve().parent.parent / "corpus" / "series" / "pdf" / "cdrp-2009-07-27.pdf"
    if not pdf.exists():
        pytest.skip("corpus sample missing")
    texts = [b.text.replace("\n", " ") for b in parse_file(pdf, until="segment").doc.blocks if b.text]
    assert _mentions([], texts, True, monkeypatch) == _mentions([], texts, False, monkeypatch)
