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


def test_a_packs_words_leave_the_shared_vocabulary_when_it_is_done():
    # the pipeline lives as long as the worker: without a memory zone every word of
    # every pack (names, references, amounts) stayed in its vocabulary for good
    pipe = nlp.build_nlp(["Zebedee Quux"])
    texts = ["Cllr Zebedee Quux raised ref QX-2024-0117 with Wobblecombe Trust.",
             "Action: Zebedee Quux to write to Blorptown Council by 3 March."]
    before = len(pipe.vocab.strings)
    found = nlp.find_entities_many(pipe, texts)
    assert ("PERSON", "Cllr Zebedee Quux") in {(m.label, m.text) for m in found[0]}
    assert ("ORG", "Blorptown Council") in {(m.label, m.text) for m in found[1]}
    assert len(pipe.vocab.strings) == before
    # and the next pack's texts are read as well as the first's
    again = nlp.find_entities_many(nlp.build_nlp(["Zebedee Quux"]), texts)
    assert [[(m.label, m.text) for m in ms] for ms in again] == [[(m.label, m.text) for m in ms] for ms in found]
