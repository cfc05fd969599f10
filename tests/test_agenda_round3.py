"""Agenda numbering, round 3: what broke on a held-out set of real agendas of
bodies the project had never seen (kept outside the repository). Inputs are
made up; each test names the clerk's rule."""

from __future__ import annotations

from boardpack.core.model import AGENDA, Block, Document, Paper
from boardpack.extractors import ExtractContext, extract_document, load_all

load_all()


def _items(texts):
    blocks = [Block("paragraph", text=t, page=1) for t in texts]
    doc = Document(path="x.docx", sha256="c" * 64, format="docx", blocks=blocks)
    doc.renumber()
    ctx = ExtractContext(doc, [Paper(AGENDA, "", 0, len(blocks) - 1, cue="AGENDA")])
    return [(r["item_number"], r["title"]) for r in extract_document(ctx).rows.get("agenda_items", [])]


def test_roman_sub_items_follow_one_another_under_their_item():
    got = _items(["AGENDA", "1. To receive apologies for absence", "2. Footpaths",
                  "i) To receive the footpath officer's report",
                  "ii) To decide any action following the report",
                  "iii)To note the trailway update", "3. Planning"])
    assert got == [("1", "To receive apologies for absence"), ("2", "Footpaths"),
                   ("2i", "To receive the footpath officer's report"),
                   ("2ii", "To decide any action following the report"),
                   ("2iii", "To note the trailway update"), ("3", "Planning")]


def test_decimal_sub_items_printed_with_a_full_stop():
    got = _items(["AGENDA", "1. APOLOGIES", "2. PROJECT GROUP UPDATES", "2.1. PAVILION", "2.2. SHOP", "3. FINANCE"])
    assert [n for n, _ in got] == ["1", "2", "2.1", "2.2", "3"]
    assert dict(got)["2.2"] == "SHOP"
