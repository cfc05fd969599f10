"""PDF reader: blocks, tables (ruled, text-aligned, joined over page breaks),
cell fills, scanned pages, typed errors, and every real council PDF readable.

Fixtures are small PDFs under tests/fixtures/pdf/ named after what they test
(rebuilt by tests/fixtures/pdf/build.py from python-docx + LibreOffice).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpack.core.errors import EncryptedDocument, UnreadableDocument
from boardpack.ingest import file_sha256
from boardpack.ingest.formats import FORMATS
from boardpack.ingest.clean import clean_document
from boardpack.ingest.furniture import mark_furniture
from boardpack.ingest.pdf_reader import read_pdf
from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Document

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"


def _read(name: str) -> Document:
    path = FIXTURES / name
    return read_pdf(path, file_sha256(path))


@pytest.fixture(scope="session")
def plan_doc() -> Document:
    return _read("table-split-across-pages.pdf")


@pytest.fixture(scope="session")
def minutes_doc() -> Document:
    return _read("borderless-table-and-lists.pdf")


def _tables(doc):
    return [b for b in doc.blocks if b.kind == TABLE]


def test_registered_for_pdf():
    assert FORMATS["pdf"].load_reader().__module__ == "boardpack.ingest.pdf_reader"


def test_document_metadata(plan_doc):
    assert plan_doc.format == "pdf"
    assert plan_doc.pages == 6
    assert "LibreOffice" in plan_doc.producer
    assert plan_doc.scanned_pages == []
    assert len(plan_doc.sha256) == 64


def test_every_block_has_provenance(plan_doc):
    assert [b.index for b in plan_doc.blocks] == list(range(len(plan_doc.blocks)))
    for b in plan_doc.blocks:
        assert b.page is not None and 1 <= b.page <= 6
        if b.kind != PAGE_BREAK:
            assert b.bbox is not None and b.bbox[0] < b.bbox[2] and b.bbox[1] < b.bbox[3]
            assert b.norm


def test_page_breaks_between_pages(plan_doc):
    breaks = [b for b in plan_doc.blocks if b.kind == PAGE_BREAK]
    assert [b.page for b in breaks] == [1, 2, 3, 4, 5]


def test_headings_with_levels(plan_doc):
    heads = [(b.norm, b.level) for b in plan_doc.blocks if b.kind == HEADING]
    assert ("Rolling Plan Progress Report", 1) in heads
    assert ("Key Achievements", 2) in heads


def test_paragraph_lines_grouped(plan_doc):
    paras = [b for b in plan_doc.blocks if b.kind == PARAGRAPH and b.norm.startswith("This report")]
    assert len(paras) == 1
    assert paras[0].norm.endswith("from partner agencies.")
    assert paras[0].norm.count("\n") == 2


def test_bullets_stripped_into_list_items(plan_doc):
    items = [b for b in plan_doc.blocks if b.kind == LIST_ITEM]
    assert [b.norm for b in items] == [
        "Graffiti removal times fell in every month of the quarter.",
        "Two new neighbourhood panels were set up in the north of the district.",
        "Funding for the burglary prevention scheme was confirmed.",
    ]
    assert all(b.level == 0 for b in items)


def test_numbered_list_items_keep_their_numbers(minutes_doc):
    items = [b.norm for b in minutes_doc.blocks if b.kind == LIST_ITEM]
    assert items == ["1. Apologies were received from the district commander.",
                     "2. The Board APPROVED the spending plan."]


# -- the table split over six pages ----------------------------------------------------


def test_table_joined_across_pages(plan_doc):
    tables = _tables(plan_doc)
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.page_end) == (1, 6)
    assert t.n_cols == 4


def test_repeated_header_row_dropped(plan_doc):
    t = _tables(plan_doc)[0]
    assert t.rows[0].texts == ["Number", "Action", "Progress", "Status"]
    assert t.rows[0].is_header
    assert sum(1 for r in t.rows if r.texts[0] == "Number") == 1
    # 8 actions x 3 milestones, plus the header
    assert len(t.rows) == 25


def test_rows_keep_their_own_pages(plan_doc):
    t = _tables(plan_doc)[0]
    pages = [r.page for r in t.rows]
    assert pages == sorted(pages)
    assert pages[0] == 1 and pages[-1] == 6
    assert set(pages) == {1, 2, 3, 4, 5, 6}
    by_milestone = {r.texts[2].split(":")[0]: r.page for r in t.rows[1:]}
    assert by_milestone["Milestone 1.1a"] == 1
    assert by_milestone["Milestone 1.8c"] == 6


def test_row_split_across_break_is_one_row(plan_doc):
    t = _tables(plan_doc)[0]
    # Milestone 1.2a starts on page 1 and finishes on page 2.
    row = next(r for r in t.rows if r.texts[2].startswith("Milestone 1.2a"))
    assert row.page == 1
    assert row.texts[0] == "1.2"
    assert "number 2" in row.texts[1]
    assert "Measurement = monthly returns" in row.texts[2].replace("\n", " ")
    assert "Stats awaited" in row.texts[2].replace("\n", " ")
    # every milestone is one row: none starts mid-sentence
    for r in t.rows[1:]:
        assert r.texts[2].startswith("Milestone 1."), r.texts


def test_continuation_rows_kept_with_empty_first_column(plan_doc):
    t = _tables(plan_doc)[0]
    rows = t.rows[1:]
    assert [r.texts[0] for r in rows[:4]] == ["1.1", "", "", "1.2"]


def test_cell_fill_colours(plan_doc):
    t = _tables(plan_doc)[0]
    fills = {r.texts[3]: r.cells[3].fill for r in t.rows[1:]}
    assert fills == {"GREEN": "#00b050", "AMBER": "#ffc000", "RED": "#ff0000"}
    assert t.rows[1].cells[0].fill is None


def test_table_words_not_repeated_as_paragraphs(plan_doc):
    text = "\n".join(b.norm for b in plan_doc.blocks if b.kind != TABLE)
    assert "Milestone" not in text
    assert "Measurement" not in text


def test_text_aligned_table_without_rules(minutes_doc):
    tables = _tables(minutes_doc)
    assert len(tables) == 1
    t = tables[0]
    assert t.n_cols == 2
    grid = [[c.replace("\n", " ") for c in r] for r in t.grid()]
    assert grid[0] == ["Cllr John Reynolds", "South Cambridgeshire District Council"]
    assert ["Paul Clarke", "Cambridgeshire Fire and Rescue Service"] in grid
    assert len(grid) == 5
    prose = [b.norm for b in minutes_doc.blocks if b.kind == PARAGRAPH]
    assert any(p.startswith("The Chairman welcomed") for p in prose)
    assert not any("Phillipson" in p for p in prose)


def test_furniture_lines_are_blocks_of_their_own(plan_doc):
    lone = [b for b in plan_doc.blocks if b.norm.startswith("Page ")]
    assert len(lone) == 6
    assert all(b.norm.count("\n") == 0 for b in lone)


# -- scanned, encrypted, truncated -------------------------------------------------------


def test_scanned_page_flagged():
    doc = _read("scanned-page-2.pdf")
    assert doc.pages == 5
    assert doc.scanned_pages == [2]
    assert not doc.is_scanned
    assert not any(b.page == 2 and b.kind != PAGE_BREAK for b in doc.blocks)


def test_scan_painted_through_a_pattern_is_flagged_scanned():
    """Regression: a page image painted as a pattern fill of a page-sized
    rectangle (no image XObject, no text) was taken for a blank text page and
    stored ``ok`` with no text."""
    doc = _read("scan-painted-as-pattern.pdf")
    assert doc.scanned_pages == [1]
    assert doc.is_scanned


def test_blank_page_and_text_page_are_not_scans():
    from boardpack.ingest.pdf_census import looks_scanned
    from boardpack.core.settings import DEFAULT

    page = 612.0 * 792.0
    assert not looks_scanned(0, 0, 0, 0.0, page, DEFAULT)            # blank page
    assert not looks_scanned(0, 0, 0, 0.1 * page, page, DEFAULT)     # a small patterned logo
    assert not looks_scanned(500, 1, 0, page, page, DEFAULT)         # text over a background
    assert looks_scanned(0, 0, 0, page, page, DEFAULT)               # picture through a pattern
    assert looks_scanned(3, 1, 0, 0.0, page, DEFAULT)                # image, a few stray characters


def test_encrypted_pdf_raises_typed_error():
    with pytest.raises(EncryptedDocument) as ei:
        _read("encrypted-with-password.pdf")
    assert "encrypted" in ei.value.message


def test_truncated_pdf_raises_typed_error():
    with pytest.raises(UnreadableDocument) as ei:
        _read("truncated.pdf")
    assert not isinstance(ei.value, EncryptedDocument)
    assert ei.value.message.startswith("truncated or corrupt PDF")
    assert "truncated.pdf" in ei.value.one_line()


def test_garbage_after_header_is_unreadable(tmp_path):
    p = tmp_path / "junk.pdf"
    p.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    with pytest.raises(UnreadableDocument, match="truncated or corrupt PDF"):
        read_pdf(p, "0" * 64)


def test_document_round_trips_through_dict(plan_doc):
    again = Document.from_dict(plan_doc.to_dict())
    assert again.blocks[5].norm == plan_doc.blocks[5].norm
    assert _tables(again)[0].rows[3].cells[3].fill == _tables(plan_doc)[0].rows[3].cells[3].fill


# -- real council PDFs ------------------------------------------------------------------

REAL_PDFS = sorted(REALWORLD.rglob("*.pdf")) if REALWORLD.is_dir() else []
realworld = pytest.mark.skipif(not REAL_PDFS, reason=f"{REALWORLD} is absent")


@pytest.fixture(scope="session")
def real_docs():
    docs = {}
    for p in REAL_PDFS:
        docs[p.relative_to(REALWORLD).as_posix()] = clean_document(mark_furniture(read_pdf(p, file_sha256(p))))
    return docs


@realworld
def test_every_realworld_pdf_reads(real_docs):
    assert len(real_docs) == len(REAL_PDFS) >= 30
    for name, doc in real_docs.items():
        assert doc.pages and doc.pages >= 1, name
        if len(doc.scanned_pages) < doc.pages:
            assert any(b.kind != PAGE_BREAK for b in doc.blocks), name


@realworld
@pytest.mark.parametrize("name", [
    "souldern-parish-council/spc-minutes/2021-03-25 SPC minutes.pdf",
    "souldern-parish-council/spc-minutes/2022-11-24 SPC minutes.pdf",
    "souldern-parish-council/spc-agenda/2021-03-25 Agenda.pdf",
])
def test_realworld_scanned_flagged(real_docs, name):
    doc = real_docs[name]
    assert doc.is_scanned
    assert doc.scanned_pages == list(range(1, doc.pages + 1))


@realworld
def test_realworld_text_pdfs_not_flagged(real_docs):
    doc = real_docs["kent-county-council/cabinet-2025-01-30/Minutes of the meeting held on 9th January 2025.pdf"]
    assert doc.scanned_pages == []
    assert doc.producer


@realworld
def test_realworld_finance_tables_found(real_docs):
    doc = real_docs["kent-county-council/county-council-2025-02-13/Appendix E - 2025-26 Budget by Directorate.pdf"]
    tables = _tables(doc)
    assert tables
    assert max(len(t.rows) for t in tables) >= 10
    # the borderless category table on the left: one row per line, figures in their own cells
    text_rows = [r.texts for t in tables if t.style == "text-aligned" for r in t.rows]
    assert ["Original base budget", "1,429,506.8", "0.0", "1,429,506.8"] in text_rows
    # the shaded directorate columns on the right are split into one row per baseline
    ruled = max((t for t in tables if t.style == "ruled"), key=lambda t: len(t.rows))
    assert len(ruled.rows) >= 30
    assert any(r.texts[0] == "585,946.2" for r in ruled.rows)
    assert ruled.rows[0].cells[0].fill and ruled.rows[0].cells[0].fill.startswith("#")


# -- text-aligned tables and page joins from synthetic words ------------------------------

from boardpack.ingest.pdf_blocks import join_across_pages  # noqa: E402
from boardpack.ingest.pdf_page import page_lines as _lines  # noqa: E402
from boardpack.ingest.pdf_text_tables import find_text_tables  # noqa: E402


def _words(rows, size=10.0, lead=14.0, top=100.0):
    """rows: list of [(x0, "text"), ...] runs; each run's words 5pt per char + spaces."""
    out = []
    for i, runs in enumerate(rows):
        t = top + i * lead
        for x, text in runs:
            for w in text.split():
                out.append({"text": w, "x0": x, "x1": x + 5 * len(w), "top": t, "bottom": t + size,
                            "size": size, "fontname": "Arial"})
                x += 5 * len(w) + 3
    return out


def _find(rows, **kw):
    lines = _lines(_words(rows, **kw), 1)
    return find_text_tables(lines, 10.0, 1, [])


def test_aligned_columns_make_a_table():
    rows = [[(72, "Name"), (250, "Organisation"), (420, "Role")],
            [(72, "Paul Clarke"), (250, "Fire Authority"), (420, "Member")],
            [(72, "Mark Freeman"), (250, "CVS"), (420, "Member")],
            [(72, "Mike Hill"), (250, "SCDC"), (420, "Chairman")]]
    found = _find(rows)
    assert len(found) == 1
    first, last, block = found[0]
    assert (first, last) == (0, 3)
    assert block.grid()[2] == ["Mark Freeman", "CVS", "Member"]


def test_prose_is_not_a_table():
    text = "the partnership agreed the plan and noted the progress made by the task groups this quarter"
    rows = [[(72, text)] for _ in range(6)]
    rows[2] = [(72, "the partnership agreed"), (300, "the plan and noted progress")]
    assert _find(rows) == []


def test_hanging_numbers_are_not_a_table():
    rows = [[(72, "1.3.1"), (115, "An annual meeting of the Council shall be held")],
            [(115, "in every year in the month of May.")],
            [(72, "1.3.2"), (115, "At least 3 other meetings shall be held.")],
            [(72, "1.3.3"), (115, "An extraordinary meeting may be called.")]]
    assert _find(rows) == []


def test_wrapped_cell_folds_into_its_row():
    rows = [[(72, "Cllr John Reynolds"), (250, "South Cambridgeshire District")],
            [(250, "Council")],
            [(72, "Paul Clarke"), (250, "Fire Authority")],
            [(72, "Mark Freeman"), (250, "Youth Offending Service")]]
    words = _words(rows[:2], lead=11.5) + _words(rows[2:], lead=20, top=140)
    found = find_text_tables(_lines(words, 1), 10.0, 1, [])
    assert len(found) == 1
    grid = found[0][2].grid()
    assert grid[0] == ["Cllr John Reynolds", "South Cambridgeshire District\nCouncil"]
    assert len(grid) == 3


def _blk(kind, text, page, x0=72.0, top=700.0):
    from boardpack.core.model import Block
    return Block(kind=kind, text=text, page=page, bbox=(x0, top, 500.0, top + 12), font_size=11.0)


def test_paragraph_cut_by_page_break_is_joined():
    a = _blk(PARAGRAPH, "Members noted that the review would continue and", 1)
    br = Block(kind=PAGE_BREAK, page=1)
    footer = _blk(PARAGRAPH, "Page 1", 1, top=780)
    b = _blk(PARAGRAPH, "report back in the spring.", 2, top=60)
    out = join_across_pages([a, footer, br, b], 11.0, {id(footer)})
    assert [x.kind for x in out] == [PARAGRAPH, PARAGRAPH, PAGE_BREAK]
    assert out[0].norm.endswith("continue and\nreport back in the spring.")
    assert (out[0].page, out[0].page_end) == (1, 2)


def test_finished_paragraph_is_not_joined():
    a = _blk(PARAGRAPH, "The minutes were agreed.", 1)
    b = _blk(PARAGRAPH, "the next item was deferred.", 2, top=60)
    out = join_across_pages([a, Block(kind=PAGE_BREAK, page=1), b], 11.0, set())
    assert len(out) == 3


from boardpack.core.model import Block  # noqa: E402


@realworld
def test_realworld_numbered_clauses_are_list_items(real_docs):
    doc = real_docs["souldern-parish-council/spc-documents/Souldern Parish Council standing orders.pdf"]
    items = [b.norm for b in doc.blocks if b.kind == LIST_ITEM]
    assert any(t.startswith("1.3.1 An annual meeting") for t in items)
    # the clause cut by the page break is one block
    cut = next(b for b in doc.blocks if b.norm.startswith("1.3.6 "))
    assert (cut.page, cut.page_end) == (3, 4) and "(1.3.4 above)" in cut.norm
    assert not any(b.kind == TABLE and "Standing Orders Issue" in b.table_text() for b in doc.blocks)


def test_one_broken_page_does_not_lose_the_document(monkeypatch):
    from boardpack.ingest import pdf_pages

    real = pdf_pages.read_page

    def flaky(page, page_no, settings):
        if page_no == 2:
            raise ValueError("bad content stream")
        return real(page, page_no, settings)

    monkeypatch.setattr(pdf_pages, "read_page", flaky)
    doc = _read("borderless-table-and-lists.pdf")
    assert doc.pages == 4
    assert doc.metadata["page_errors"] == [{"page": 2, "error": "truncated or corrupt PDF: page 2: ValueError: bad content stream"}]
    assert not any(b.page == 2 and b.kind != PAGE_BREAK for b in doc.blocks)
    assert any(b.page == 3 and b.norm == "Item 4" for b in doc.blocks)


def test_every_page_broken_is_unreadable(monkeypatch):
    from boardpack.ingest import pdf_pages

    def broken(page, page_no, settings):
        raise ValueError("bad content stream")

    monkeypatch.setattr(pdf_pages, "read_page", broken)
    with pytest.raises(UnreadableDocument, match="page 1: ValueError"):
        _read("borderless-table-and-lists.pdf")


def test_header_spanning_a_gutter_does_not_merge_columns():
    rows = [[(72, "Directorate"), (250, "Budget Forecast Variance")],
            [(72, "Adult Social Care"), (250, "586.1"), (290, "621.6"), (330, "+35.4")],
            [(72, "Children and Education"), (250, "430.6"), (290, "420.8"), (330, "-9.9")],
            [(72, "Growth and Transport"), (250, "202.9"), (290, "209.2"), (330, "+6.3")],
            [(72, "Non Attributable Costs"), (250, "102.4"), (290, "95.4"), (330, "-7.0")],
            [(72, "Total"), (250, "1322.0"), (290, "1345.4"), (330, "+23.3")]]
    found = _find(rows)
    assert len(found) == 1
    grid = found[0][2].grid()
    assert grid[0] == ["Directorate", "Budget", "Forecast", "Variance"]
    assert grid[1] == ["Adult Social Care", "586.1", "621.6", "+35.4"]


def test_row_of_figures_with_empty_cells_is_not_a_wrapped_line():
    head = [[(72, "Details"), (250, "Payment"), (330, "Budget")]]
    body = [[(72, "Village Hall"), (250, "250.00"), (330, "350.00")],
            [(72, "Insurance"), (250, "470.82")],
            [(72, "Grass cutting"), (250, "2880.00"), (330, "3140.00")]]
    words = _words(head, lead=30) + _words(body, lead=11.5, top=130)
    found = find_text_tables(_lines(words, 1), 10.0, 1, [])
    assert len(found) == 1
    grid = found[0][2].grid()
    assert grid[2] == ["Insurance", "470.82", ""]
    assert len(grid) == 4


# -- the team's generated corpus (skips until corpus/ is built) ---------------------------

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _corpus_pdf(rel: str) -> Path:
    p = CORPUS / rel
    if not p.exists():
        pytest.skip(f"corpus sample {rel} not generated (run `make corpus`)")
    return p


@pytest.fixture(scope="session")
def rolling_plan_doc():
    p = _corpus_pdf("series/pdf/cdrp-2009-07-27.pdf")
    return clean_document(mark_furniture(read_pdf(p, file_sha256(p))))


def test_corpus_rolling_plan_is_one_table_over_ten_pages(rolling_plan_doc):
    plans = [t for t in _tables(rolling_plan_doc) if t.rows and t.rows[0].texts[:2] == ["Number", "Action"]]
    assert len(plans) == 1
    plan = plans[0]
    assert (plan.page, plan.page_end) == (12, 21)
    assert sum(1 for r in plan.rows if r.texts[0] == "Number") == 1
    pages = [r.page for r in plan.rows]
    assert pages == sorted(pages) and set(pages) == set(range(12, 22))
    # every row starts a milestone or an action: rows split by a page break were rejoined
    for r in plan.rows[1:]:
        assert r.texts[0] or r.texts[2][:1].isdigit() or r.texts[2].startswith("See "), r.texts
    assert "South Cambridgeshire CDRP Rolling Plan 2009\u20132012" in rolling_plan_doc.headers


def test_corpus_template_footnotes_flagged(rolling_plan_doc):
    notes = [b for b in rolling_plan_doc.blocks if "footnote" in b.flags]
    assert any(b.norm.startswith("1 Please ensure") for b in notes)
    heads = [b.norm for b in rolling_plan_doc.blocks if b.kind == HEADING]
    assert "Key Achievements during this Quarter" in heads  # superscript marker kept off


def test_corpus_rag_colour_only_column():
    p = _corpus_pdf("pdf/cdrp-2017-02-23.pdf")
    doc = read_pdf(p, file_sha256(p))
    plan = next(t for t in _tables(doc) if t.rows[0].texts[:2] == ["Priority", "Action"])
    rag = [r.cells[3] for r in plan.rows[1:]]
    assert all(c.norm == "" for c in rag)
    assert {c.fill for c in rag} >= {"#00b050"}


@pytest.mark.parametrize("name,error", [("bad/encrypted.pdf", EncryptedDocument),
                                        ("bad/truncated.pdf", UnreadableDocument),
                                        ("bad/empty.pdf", UnreadableDocument)])
def test_corpus_bad_pdfs_raise_typed_errors(name, error):
    p = _corpus_pdf(name)
    with pytest.raises(error):
        read_pdf(p, file_sha256(p))


def test_corpus_scanned_page_flagged():
    p = _corpus_pdf("bad/scanned-page.pdf")
    doc = read_pdf(p, file_sha256(p))
    assert doc.scanned_pages == [2]


def test_borderless_table_continued_on_next_page_is_joined():
    from boardpack.ingest.pdf_tables import join_split_tables
    from boardpack.core.model import Cell, Row

    def table(page, rows, x1):
        b = Block(kind=TABLE, page=page, bbox=(72.0, 100.0, x1, 700.0), style="text-aligned",
                  rows=[Row(cells=[Cell(text=t) for t in r], page=page) for r in rows])
        return b

    a = table(1, [["Name", "Role"], ["Paul Clarke", "Fire Authority"]], 480.0)
    b = table(2, [["Name", "Role"], ["Mark Freeman", "Youth Offending Service and CVS"]], 520.0)
    out = join_split_tables([a, Block(kind=PAGE_BREAK, page=1), b], lambda blk: False)
    assert [x.kind for x in out] == [TABLE, PAGE_BREAK]
    assert [r.texts[0] for r in out[0].rows] == ["Name", "Paul Clarke", "Mark Freeman"]
    assert [r.page for r in out[0].rows] == [1, 1, 2]
    assert (out[0].page, out[0].page_end) == (1, 2)


def test_framed_notice_is_text_not_a_table():
    doc = _read("framed-notice-box.pdf")
    paras = [b.norm for b in doc.blocks if b.kind == PARAGRAPH]
    assert paras == ["Members of the public are welcome to attend this meeting.",
                     "Please note: this meeting will be recorded and the recording published on\nthe council website.",
                     "The agenda follows."]
    tables = _tables(doc)
    assert len(tables) == 1 and tables[0].grid() == [["Item", "Title"], ["1", "Apologies"], ["2", "Minutes"]]
