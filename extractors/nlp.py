"""spaCy pipeline for people and organisations named in packs.

A blank English pipeline (``spacy.blank("en")``) with an EntityRuler whose
patterns come from three places:

1. a gazetteer of partner agencies and their abbreviations (SCDC, CCC,
   CFRS / CF&RS, DAAT, YOS / YOT, PCC / OPCC, Police, Probation ...), plus
   generic "<Capitalised words> Council/Service/Partnership/Trust ..." shapes;
2. each pack's own people: names from its attendance lists, addressees,
   presenters, lead officers and action owners (``seed_people``), so a name
   the minutes list is found again in the reports and action plans;
3. shapes that mark a person without a model: a title or rank before
   capitalised words ("Cllr John Reynolds", "Ch Insp. Dave Sargent"), and a
   common given name followed by a capitalised surname ("Paul Clarke").

When a trained English model (``en_core_web_sm``) is installed, its PERSON
and ORG entities are added as well; it is never downloaded.

The gazetteer and the base patterns are built in entity_patterns.py; this
module builds the pipeline once, seeds it per pack and reads its mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional

from boardpack.core.names import NOT_NAME_WORDS, looks_like_person, parse_person
from boardpack.extractors.entity_patterns import AGENCIES, GIVEN_NAMES, base_patterns, canonical_org
from boardpack.extractors.ruler_words import WORD_ATTRS as _WORD_ATTRS, required_words
from boardpack.extractors.spacy_import import load_spacy


@dataclass
class Mention:
    label: str  # PERSON | ORG
    text: str
    start: int  # character offsets in the text given to find_entities
    end: int
    method: str  # seed | title | given | gazetteer | org_shape | model


@lru_cache(maxsize=1)
def _model():
    """A trained English pipeline if installed (never downloaded), else None."""
    spacy = load_spacy()
    for name in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"):
        try:
            if spacy.util.is_package(name):
                return spacy.load(name, disable=["lemmatizer"])
        except Exception:  # a broken install is the same as none
            continue
    return None


def has_model() -> bool:
    return _model() is not None



@lru_cache(maxsize=1)
def _base_pattern_cache() -> tuple:
    return tuple(base_patterns())


#: pattern ids of a pack's own seeds: removed before the next pack's are added
_SEED_IDS = ("seed", "seed_org")


@lru_cache(maxsize=1)
def _shared_nlp():
    """The blank English pipeline and its EntityRuler with the base patterns
    (gazetteer, title and given-name shapes), built once per process: building
    it compiles a few hundred token patterns, which used to be paid again by
    every document (issue 10)."""
    nlp = load_spacy().blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(list(_base_pattern_cache()))
    return nlp


#: Strings a shared pipeline's vocabulary may gain, beyond what it held when
#: built (a trained model comes with many), before it is built again.
#: Every word a pipeline reads stays in its vocabulary with a few strings of
#: its own (lower case, shape, affixes): every name, reference and amount of
#: every pack a worker reads, about 280 bytes a string, so a long import's
#: workers would grow with the archive. Building the pipeline again takes
#: about 0.05 CPU s (its patterns are compiled once per process), and the next
#: pack works out its words' attributes afresh; the corpus and the real papers
#: add a few thousand strings in all, so that is once in many packs. (A spaCy
#: memory zone per pack freed the words as well, but made every pack work out
#: every word's attributes afresh: the entity pass took 1.6 times as long.) At most
#: about 6 MB of vocabulary a worker (issue 10).
VOCAB_LIMIT = 20_000


def built_with(nlp) -> int:
    """How many strings ``nlp``'s vocabulary held when :func:`_fresh_enough`
    first saw it (kept on the pipeline itself, so it goes when the pipeline goes)."""
    if not hasattr(nlp, "boardpack_built_with"):
        nlp.boardpack_built_with = len(nlp.vocab.strings)
    return nlp.boardpack_built_with


def _fresh_enough(cached):
    """``cached()`` (an lru_cache'd pipeline), built again first when its
    vocabulary has gained more than :data:`VOCAB_LIMIT` strings."""
    nlp = cached()
    if len(nlp.vocab.strings) > built_with(nlp) + VOCAB_LIMIT:
        cached.cache_clear()
        nlp = cached()
        built_with(nlp)
    return nlp


def build_nlp(seed_people: Iterable[str] = (), seed_orgs: Iterable[str] = ()):
    """The process's pipeline (:func:`_shared_nlp`) with this pack's seeded
    people and organisations in place of the previous pack's.

    One ruler holds base and seed patterns, so overlapping matches are settled
    as before (longest span first). The pipeline is shared: it is valid until
    the next call, which replaces the seeds."""
    nlp = _fresh_enough(_shared_nlp)
    if _model() is not None:
        _fresh_enough(_model)
    ruler = nlp.get_pipe("entity_ruler")
    for ent_id in _SEED_IDS:
        try:
            ruler.remove(ent_id)
        except ValueError:  # no such patterns (the first pack, or a pack without seeds)
            pass
    pats = []
    seen = set()
    for name in seed_people:
        for variant in _seed_variants(name):
            if variant in seen:
                continue
            seen.add(variant)
            pats.append({"label": "PERSON", "pattern": variant, "id": "seed"})
    for org in seed_orgs:
        o = " ".join((org or "").split())
        if o and o not in seen and len(o) <= 80:
            seen.add(o)
            pats.append({"label": "ORG", "pattern": o, "id": "seed_org"})
    if pats:
        ruler.add_patterns(pats)
    return nlp


def _seed_variants(name: str) -> list[str]:
    p = parse_person(name)
    out = []
    if p.canonical and looks_like_person(p.canonical):
        out.append(p.canonical)
        raw = " ".join((name or "").split())
        if raw and raw != p.canonical and len(raw) <= 60 and "(" not in raw:
            out.append(raw)
        if p.canonical.isupper() is False and p.canonical.upper() != p.canonical:
            out.append(p.canonical.upper())
    return out


_HAS_NAME_SHAPE = re.compile(r"[A-Z][a-z]|[A-Z]{2,}|[A-Z]&[A-Z]")


def find_entities_many(nlp, texts: list[str], batch_size: int = 256) -> list[list[Mention]]:
    """:func:`find_entities` over many texts, batched through ``nlp.pipe``; texts with
    no capitalised word (numbers, dates) are skipped without running the pipeline."""
    out: list[list[Mention]] = [[] for _ in texts]
    # A pack repeats much of its text (running heads, a column's 'Ongoing',
    # the same owner in every row of a plan): each distinct text goes through
    # the pipeline once, and every copy gets mentions of its own.
    first: dict[str, int] = {}
    for i, t in enumerate(texts):
        if t and t not in first and _HAS_NAME_SHAPE.search(t):
            first[t] = i
    # Most cells and many sentences hold no word that a pattern needs, and
    # the ruler (its matcher is most of spaCy's time) would find nothing
    # there; telling them costs one tokenizing (about 10 µs a text).
    needs = None if has_model() else required_words(nlp.get_pipe("entity_ruler"))
    idx = [i for i in first.values() if needs is None or _may_match(nlp, texts[i], needs)]
    for i, doc in zip(idx, nlp.pipe((texts[i] for i in idx), batch_size=batch_size)):
        out[i] = _mentions(doc, texts[i])
    for i, t in enumerate(texts):
        j = first.get(t) if t else None
        if j is not None and j != i:
            out[i] = [replace(m) for m in out[j]]
    return out


def _may_match(nlp, text: str, needs: frozenset) -> bool:
    """Whether ``text`` has a token (its text or lower case) among ``needs``."""
    return not needs.isdisjoint(nlp.make_doc(text).to_array(_WORD_ATTRS).ravel().tolist())


def find_entities(nlp, text: str) -> list[Mention]:
    """PERSON and ORG mentions in one text (a paragraph, a cell)."""
    if not text or not text.strip():
        return []
    return _mentions(nlp(text), text)


def _mentions(doc, text: str) -> list[Mention]:
    out = []
    for ent in doc.ents:
        method = ent.ent_id_ or "ruler"
        out.append(Mention(ent.label_, ent.text, ent.start_char, ent.end_char, method))
    model = _model()
    if model is not None:
        taken = [(m.start, m.end) for m in out]
        for ent in model(text).ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            if any(not (ent.end_char <= s or ent.start_char >= e) for s, e in taken):
                continue
            out.append(Mention(ent.label_, ent.text, ent.start_char, ent.end_char, "model"))
    out.sort(key=lambda m: m.start)
    return out


_ORG_LEAD_NOISE = frozenset(
    "the that this these those through with from by for to and of in on at new our their its all each every any "
    "members member board chairman chair vice deputy dear via within across between under".split()
)


def clean_org_span(text: str) -> Optional[str]:
    """Trim an organisation found by shape ("Through the CSE Task & Finish Group",
    "Board Members of the CDRP Board") to its name, or None when only a head
    word is left ("The Board")."""
    toks = text.split()
    while toks and toks[0].lower() in _ORG_LEAD_NOISE:
        toks.pop(0)
    # "Members of the CDRP Board": keep what follows a leading "X of the"
    low = [t.lower() for t in toks]
    if "of" in low[:3] and low[0] in ("members", "member", "chairman", "chair"):
        toks = toks[low.index("of") + 1 :]
        while toks and toks[0].lower() in _ORG_LEAD_NOISE:
            toks.pop(0)
    if len(toks) < 2 or not toks[0][:1].isupper():
        return None
    return " ".join(toks)


def clean_person_span(text: str) -> Optional[str]:
    """Trim a PERSON span found by a shape pattern to the name part, or None when
    what is left is not a person ("Chairman Report", "Mr Chairman")."""
    toks = text.split()
    while toks and (toks[-1].strip(".,;:").lower() in NOT_NAME_WORDS):
        toks.pop()
    if not toks:
        return None
    s = " ".join(toks)
    p = parse_person(s)
    if not looks_like_person(p.canonical):
        return None
    return s


__all__ = [
    "AGENCIES",
    "GIVEN_NAMES",
    "Mention",
    "build_nlp",
    "find_entities",
    "find_entities_many",
    "canonical_org",
    "clean_person_span",
    "clean_org_span",
    "has_model",
]
