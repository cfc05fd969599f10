"""Made-up papers for the rule tests written from held-out sets (tests/test_*_round*.py): a
paper given as its paragraphs, read by one stage, so each test states only its text and
what a clerk would read from it."""

from __future__ import annotations

from boardpack.core.model import AGENDA, MINUTES, PARAGRAPH, Block, Document, Paper
from boardpack.extractors import ExtractContext, extract_document, load_all
from boardpack.pipeline import segment

load_all()


def paragraphs(texts, fmt: str = "docx") -> Document:
    """A document of one paragraph per text, all on page 1."""
    doc = Document(path=f"x.{fmt}", sha256="d" * 64, format=fmt, blocks=[Block(PARAGRAPH, text=t, page=1) for t in texts])
    doc.renumber()
    return doc


def paper_types(texts) -> list[str]:
    """The types of the papers the segmenter finds in the paragraphs."""
    return [p.paper_type for p in segment(paragraphs(texts))]


def agenda_items(texts) -> list[tuple]:
    """(item number, title) of the paragraphs read as one agenda."""
    doc = paragraphs(texts)
    ctx = ExtractContext(doc, [Paper(AGENDA, "", 0, len(doc.blocks) - 1, cue="AGENDA")])
    return [(r["item_number"], r["title"]) for r in extract_document(ctx).rows.get("agenda_items", [])]


def attendance(texts) -> list[tuple]:
    """(category, person) of the paragraphs read as one set of minutes, sorted."""
    doc = paragraphs(texts)
    ctx = ExtractContext(doc, [Paper(MINUTES, "", 0, len(doc.blocks) - 1, cue=texts[0])])
    return sorted((r["attendance"], r["person"]) for r in extract_document(ctx).rows.get("attendance", []))


def meetings(texts) -> list[tuple]:
    """(committee, date, start time, venue) of the meetings found in the segmented paragraphs."""
    doc = paragraphs(texts)
    ctx = ExtractContext(doc, segment(doc))
    return [(m["committee"], m["meeting_date"], m["start_time"], m["venue"])
            for m in extract_document(ctx).rows.get("meetings", [])]
