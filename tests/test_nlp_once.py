"""The spaCy pipeline is built once per process, not once per document (issue 10)."""

from __future__ import annotations

import spacy

from boardpack.core.model import MINUTES, PARAGRAPH, Block, Document, Paper
from boardpack.extractors import nlp
from boardpack.extractors.base import WHOLE_DOCUMENT, ExtractContext
from boardpack.extractors.people import PeopleExtractor


def _people(sha: str, text: str, attendee: str) -> set[tuple[str, str]]:
    blocks = [Block(kind=PARAGRAPH, text=f"Present: {attendee}"), Block(kind=PARAGRAPH, text=text)]
    doc = Document(path=f"/x/{sha[:4]}.docx", sha256=sha, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(paper_type=MINUTES, title="", start=0, end=1)])
    ctx.results.add("attendance", {"person": attendee, "person_raw": attendee, "role": "", "attendance": "present",
                                   "page": 1, "block_index": 0})
    res = PeopleExtractor().extract(Paper(paper_type=WHOLE_DOCUMENT, title="", start=0, end=1), ctx)
    return {(m["canonical"], m["method"]) for m in res.rows.get("people_mentions", []) if m["context_kind"] != "attendance"}


def test_two_documents_build_the_pipeline_once(monkeypatch):
    built = []
    real = spacy.blank
    monkeypatch.setattr(spacy, "blank", lambda *a, **k: built.append(a) or real(*a, **k))
    nlp._shared_nlp.cache_clear()
    first = _people("a" * 64, "Zebedee Quux reported on the scheme.", "Zebedee Quux")
    after_first = len(built)
    second = _people("b" * 64, "Zebedee Quux and Orla Vantongeren reported.", "Orla Vantongeren")
    assert after_first >= 1 and len(built) == after_first, "the second document built a pipeline again"
    # each pack sees its own seeds only: the first pack's attendee is no seed of the second
    assert ("Zebedee Quux", "seed") in first
    assert ("Orla Vantongeren", "seed") in second and ("Zebedee Quux", "seed") not in second


def test_the_shared_pipeline_is_built_again_once_its_vocabulary_has_grown(monkeypatch):
    # the pipeline lives as long as the worker, and every word it reads stays in
    # its vocabulary: past VOCAB_LIMIT new strings it is built again, and reads alike
    nlp._shared_nlp.cache_clear()
    texts = ["Cllr Zebedee Quux raised ref QX-2024-0117 with Wobblecombe Trust.",
             "Action: Zebedee Quux to write to Blorptown Council by 3 March."]
    first = nlp.build_nlp(["Zebedee Quux"])
    built_with = nlp.built_with(first)  # counted before the pack's seeds were added
    found = nlp.find_entities_many(first, texts)
    assert ("PERSON", "Cllr Zebedee Quux") in {(m.label, m.text) for m in found[0]}
    assert ("ORG", "Blorptown Council") in {(m.label, m.text) for m in found[1]}
    grown = len(first.vocab.strings) - built_with
    assert grown > 0  # the pack's seeds and words stayed
    monkeypatch.setattr(nlp, "VOCAB_LIMIT", grown + 1)
    assert nlp.build_nlp(["Zebedee Quux"]) is first  # under the limit: the same pipeline
    nlp.find_entities_many(first, ["Some more words: Xanthe Yarrowby of Quillfeather Parish Council."])
    again = nlp.build_nlp(["Zebedee Quux"])
    assert again is not first and len(again.vocab.strings) < len(first.vocab.strings)
    assert [[(m.label, m.text) for m in ms] for ms in nlp.find_entities_many(again, texts)] == \
        [[(m.label, m.text) for m in ms] for ms in found]
