"""DOCX reader: block order, headings, lists, merged cells, shading, pages, furniture, errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.core.errors import UnreadableDocument
from boardpack.ingest import file_sha256
from boardpack.ingest.formats import FORMATS
from boardpack.ingest.docx_reader import read_docx
from boardpack.core.model import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Document

from docx_samples import build_plain_docx, build_sample_docx, build_word_features_docx


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory) -> Path:
    return build_sample_docx(tmp_path_factory.mktemp("docx") / "sample-pack.docx")


@pytest.fixture(scope="session")
def sample(sample_path) -> Document:
    return read_docx(sample_path, file_sha256(sample_path))


def _kinds(doc):
    return [(b.kind, b.level, b.text) for b in doc.blocks if b.kind != TABLE]


def test_registered_for_docx():
    assert FORMATS["docx"].load_reader() is read_docx


def test_body_blocks_in_document_order(sample):
    assert _kinds(sample) == [
        (HEADING, 1, "Crime and Disorder Reduction Partnership"),
        (HEADING, 1, "Agenda"),
        (LIST_ITEM, 0, "1. Apologies"),
        (LIST_ITEM, 0, "2. Minutes of the last meeting"),
        (HEADING, 2, "Key Achievements during this Quarter"),
        (LIST_ITEM, 0, "Reduced burglary"),
        (LIST_ITEM, 1, "Dwelling burglary down 12%"),
        (LIST_ITEM, 0, "Literal bullet item"),
        (PARAGRAPH, 0, "The Board APPROVED the plan."),
        (PARAGRAPH, 0, "This bold sentence is a paragraph, not a heading."),
        (PAGE_BREAK, 0, ""),
        (HEADING, 2, "Rolling Plan"),
        (PARAGRAPH, 0, "Before break"),
        (PAGE_BREAK, 0, ""),
        (PARAGRAPH, 0, "After break"),
        (PARAGRAPH, 0, "Inside content control"),
        (PARAGRAPH, 0, "Lead Officer:"),  # the placeholder prompts are not read
        (HEADING, 1, "Performance Data"),
        (PARAGRAPH, 0, "Final paragraph of the pack."),
    ]
    kinds = [b.kind for b in sample.blocks]
    # the table sits between the "Rolling Plan" heading and the next paragraph
    assert kinds.index(TABLE) == 12
    assert [b.index for b in sample.blocks] == list(range(len(sample.blocks)))


def test_formatted_headings_ranked_by_size(sample):
    by_text = {b.text: b for b in sample.blocks}
    assert by_text["Performance Data"].font_size == 16.0
    assert by_text["Key Achievements during this Quarter"].bold
    assert by_text["Key Achievements during this Quarter"].style == "Normal"
    assert by_text["Agenda"].style == "Heading 1"


def _table(doc):
    return next(b for b in doc.blocks if b.kind == TABLE)


def test_merged_cells_not_duplicated(sample):
    t = _table(sample)
    assert t.grid() == [
        ["Number", "Action", "Milestones", "Progress"],
        ["1.1", "Improve graffiti removal", "1.1a Survey", "GREEN"],
        ["", "", "1.1b Report\nSecond line", "Stats awaited"],
        ["FUNDING ALLOCATED: £500", "", "Quarterly counts", "RED"],
    ]
    r1, r2, r3 = t.rows[1:]
    assert [c.rowspan for c in r1.cells] == [2, 2, 1, 1]
    assert [c.continued for c in r2.cells] == [True, True, False, False]
    assert [c.colspan for c in r3.cells] == [2, 1, 1]
    assert t.n_cols == 4
    assert "Improve graffiti removal" in t.table_text()
    assert t.table_text().count("Improve graffiti removal") == 1


def test_nested_table_kept_on_its_cell(sample):
    cell = _table(sample).rows[3].cells[1]
    assert cell.text == "Quarterly counts"  # nested text not flattened into the cell
    assert len(cell.tables) == 1
    assert cell.tables[0].kind == TABLE
    assert cell.tables[0].grid() == [["Q1", "Q2"], ["10", "12"]]
    assert cell.tables[0].page == 2 and [r.page for r in cell.tables[0].rows] == [2, 2]


def test_cell_fill_colours(sample):
    t = _table(sample)
    fills = [[c.fill for c in r.cells] for r in t.rows]
    assert fills[1][3] == "#00b050"
    assert fills[2][3] == "#ffc000"
    assert fills[3][2] == "#ff0000"
    assert fills[0] == [None] * 4  # "Table Grid" has no shading; "auto" is not a colour


def test_bold_first_row_is_header(sample):
    t = _table(sample)
    assert [r.is_header for r in t.rows] == [True, False, False, False]
    assert all(c.bold for c in t.rows[0].cells)


def test_pages_from_explicit_breaks(sample):
    pages = {b.text: b.page for b in sample.blocks if b.text}
    assert pages["Agenda"] == 1
    assert pages["The Board APPROVED the plan."] == 1
    assert pages["Rolling Plan"] == 2
    assert pages["Before break"] == 2
    assert pages["After break"] == 3
    assert pages["Final paragraph of the pack."] == 3
    t = _table(sample)
    assert (t.page, t.page_end) == (2, 2)
    assert {r.page for r in t.rows} == {2}
    assert sample.pages == 3
    # a break inside one paragraph splits it; both halves keep the paragraph's index
    before = next(b for b in sample.blocks if b.text == "Before break")
    after = next(b for b in sample.blocks if b.text == "After break")
    assert before.source_index == after.source_index


def test_headers_and_footers_kept_out_of_body(sample):
    assert sample.headers == ["South Cambridgeshire CDRP Rolling Plan 2009-2012"]
    assert sample.footers == ["Page 1"]
    body = " ".join(b.text for b in sample.blocks) + _table(sample).table_text()
    assert "Rolling Plan 2009-2012" not in body
    assert "Page 1" not in body


def test_provenance(sample, sample_path):
    assert sample.format == "docx"
    assert sample.sha256 == file_sha256(sample_path)
    assert sample.path == str(sample_path)
    assert sample.converted_from is None
    assert sample.producer  # from docProps/app.xml
    assert all(b.source_index is not None for b in sample.blocks)


def test_no_page_markers_gives_no_pages(tmp_path):
    p = build_plain_docx(tmp_path / "plain.docx")
    doc = read_docx(p, "0" * 64)
    assert [(b.kind, b.page, b.source_index) for b in doc.blocks] == [
        (PARAGRAPH, None, 0), (TABLE, None, 1), (PARAGRAPH, None, 2)
    ]
    assert doc.blocks[1].rows[0].page is None


def test_round_trips_through_dict(sample):
    again = Document.from_dict(sample.to_dict())
    assert again.to_dict() == sample.to_dict()


def test_broken_zip_is_unreadable(tmp_path, sample_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(sample_path.read_bytes()[:2000])
    with pytest.raises(UnreadableDocument, match="corrupt DOCX"):
        read_docx(bad, "0" * 64)


def test_bad_xml_is_unreadable(tmp_path, sample_path):
    bad = tmp_path / "badxml.docx"
    with zipfile.ZipFile(sample_path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(UnreadableDocument, match="corrupt DOCX"):
        read_docx(bad, "0" * 64)


def test_missing_document_part_is_unreadable(tmp_path, sample_path):
    bad = tmp_path / "nobody.docx"
    with zipfile.ZipFile(sample_path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item.filename))
    with pytest.raises(UnreadableDocument):
        read_docx(bad, "0" * 64)


# -- a file as Word saves it ---------------------------------------------------

@pytest.fixture(scope="session")
def word(tmp_path_factory) -> Document:
    p = build_word_features_docx(tmp_path_factory.mktemp("word") / "word-features.docx")
    return read_docx(p, file_sha256(p))


def test_word_file_blocks_and_pages(word):
    got = [(b.kind, b.text, b.page, b.page_end) for b in word.blocks if b.kind != TABLE]
    assert got == [
        (PARAGRAPH, "Page one text.", 1, 1),
        (PAGE_BREAK, "", 1, 1),
        # the rendered break Word writes after an explicit one does not count again
        (PARAGRAPH, "Page two text.", 2, 2),
        (HEADING, "Key Achievements during this Quarter", 2, 2),
        # a paragraph Word wrapped over a page stays one block
        (PARAGRAPH, "Long paragraph starts on page two and ends on page three.", 2, 3),
        # the footnote sits at the foot of the page that references it
        (PARAGRAPH, "1 Please ensure that you only highlight notable achievements.", 2, 2),
        # tracked deletion dropped, insertion kept
        (PARAGRAPH, "The Board APPROVED the plan.", 3, 3),
        # small bold print is a note, not a heading
        (PARAGRAPH, "PLEASE RESTRICT THE REPORT TO ONE PAGE", 3, 3),
        (PARAGRAPH, "End of section one.", 4, 4),
        (PAGE_BREAK, "", 4, 4),  # section break, next page
        (PARAGRAPH, "Section two starts page five.", 5, 5),
        (PAGE_BREAK, "", 5, 5),  # pageBreakBefore
        (PARAGRAPH, "Starts page six.", 6, 6),
        (PARAGRAPH, "Anchor paragraph.", 6, 6),
        (PARAGRAPH, "Text box words", 6, 6),
        (LIST_ITEM, "Symbol bullet item", 6, 6),
    ]
    assert word.blocks[-1].level == 1  # from its indent (1440 twips = second level)
    assert word.pages == 6
    assert word.metadata["page_source"] == "rendered"


def test_word_footnotes_flagged(word):
    notes = [b for b in word.blocks if "footnote" in b.flags]
    assert [b.text for b in notes] == ["1 Please ensure that you only highlight notable achievements."]


def test_repeat_header_style_shading_and_split_row(word):
    t = next(b for b in word.blocks if b.kind == TABLE)
    assert [r.is_header for r in t.rows] == [True, False, False]  # w:tblHeader
    assert [c.fill for c in t.rows[0].cells] == ["#4f81bd"] * 3  # table style, first row
    assert [c.fill for c in t.rows[1].cells] == [None] * 3  # banding is not a status colour
    assert t.grid() == [["Indicator", "2008/09", "2009/10"], ["Burglary", "120", "98"], ["", "45", "split row"]]
    assert [r.page for r in t.rows] == [3, 3, 3]
    assert (t.page, t.page_end) == (3, 4)  # the last row runs onto page 4


def test_typed_footnotes_flagged(tmp_path):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    h = d.add_paragraph()
    h.add_run("Areas of Concern").bold = True
    sup = h.add_run("2")
    sup.font.superscript = True
    rule = d.add_paragraph()
    rule.add_run("_" * 30).font.size = Pt(8)
    note = d.add_paragraph()
    m = note.add_run("2")
    m.font.superscript, m.font.size = True, Pt(8)
    note.add_run(" Please ensure that you only highlight concerns.").font.size = Pt(8)
    d.add_paragraph("Body text again.")
    d.save(str(tmp_path / "typed.docx"))
    doc = read_docx(tmp_path / "typed.docx", "0" * 64)
    assert [(b.kind, b.text, b.flags) for b in doc.blocks] == [
        # the superscript marker is not part of the heading's text
        (HEADING, "Areas of Concern", []),
        (PARAGRAPH, "_" * 30, ["footnote"]),
        (PARAGRAPH, "2 Please ensure that you only highlight concerns.", ["footnote"]),
        (PARAGRAPH, "Body text again.", []),
    ]


def test_macro_enabled_document_is_read(tmp_path):
    # .docm files (a macro-enabled template saved by an officer) are the same markup.
    plain = build_plain_docx(tmp_path / "plain.docx")
    docm = tmp_path / "agenda.docm"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(docm, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            dst.writestr(item, data)
    doc = read_docx(docm, "0" * 64)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (PARAGRAPH, "First paragraph."), (TABLE, ""), (PARAGRAPH, "Third item.")
    ]


def _rewrite(src: Path, dst: Path, changes: dict) -> Path:
    """Copy a package, replacing (bytes) or dropping (None) the named parts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            if item.filename in changes:
                if changes[item.filename] is None:
                    continue
                zout.writestr(item, changes[item.filename])
            else:
                zout.writestr(item, zin.read(item.filename))
    return dst


def test_broken_auxiliary_parts_are_skipped_and_recorded(tmp_path, sample_path, sample):
    # A truncated footer and a lost numbering part: Word would offer to recover the
    # body, and so do we, saying what was skipped.
    bad = _rewrite(sample_path, tmp_path / "damaged.docx", {
        "word/footer1.xml": b"<?xml version='1.0'?><w:ftr xmlns:w='x'><w:p>",
        "word/numbering.xml": None,
    })
    doc = read_docx(bad, "0" * 64)
    assert doc.metadata["repaired"] == ["word/footer1.xml", "word/numbering.xml"]
    assert doc.metadata["warnings"][0]["kind"] == "repaired"
    assert doc.footers == []
    assert doc.headers == sample.headers
    # without numbering.xml, list styles still make list items (no labels)
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert (LIST_ITEM, "Apologies") in texts
    assert [b.text for b in doc.blocks if b.kind != LIST_ITEM] == [
        b.text for b in sample.blocks if b.kind != LIST_ITEM
    ]


def test_malformed_footnotes_skipped(tmp_path, word):
    src = Path(word.path)
    bad = _rewrite(src, tmp_path / "notes.docx", {"word/footnotes.xml": b"<w:footnotes"})
    doc = read_docx(bad, "0" * 64)
    assert not any("footnote" in b.flags for b in doc.blocks)
    assert doc.metadata["warnings"][0]["kind"] == "repaired"
    assert [b.text for b in doc.blocks if b.text][:2] == ["Page one text.", "Page two text."]


def test_bold_rows_at_top_are_headers(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    rows = [["Funding", "", ""], ["Source", "2015/16", "2016/17"], ["PCC grant", "15,777", "15,277"],
            ["TOTAL", "15,777", "15,277"]]
    for r, vals in enumerate(rows):
        for c, v in enumerate(vals):
            run = t.cell(r, c).paragraphs[0].add_run(v)
            run.bold = r < 2 or r == 3
    all_bold = d.add_table(rows=2, cols=1)
    for r in range(2):
        all_bold.cell(r, 0).paragraphs[0].add_run(f"bold {r}").bold = True
    d.save(str(tmp_path / "headers.docx"))
    doc = read_docx(tmp_path / "headers.docx", "0" * 64)
    first, second = [b for b in doc.blocks if b.kind == TABLE]
    # a bold TOTAL row further down is not a header
    assert [r.is_header for r in first.rows] == [True, True, False, False]
    assert [r.is_header for r in second.rows] == [True, False]


def test_strict_open_xml_named_in_error(tmp_path):
    plain = build_plain_docx(tmp_path / "plain.docx")
    strict = tmp_path / "strict.docx"
    transitional = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(strict, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith(".xml"):
                data = data.replace(transitional, b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            dst.writestr(item, data)
    with pytest.raises(UnreadableDocument, match="Strict Open XML"):
        read_docx(strict, "0" * 64)


# -- property: merged cells never duplicate or lose text -----------------------

@st.composite
def merged_tables(draw):
    rows = draw(st.integers(1, 5))
    cols = draw(st.integers(1, 5))
    merges = draw(st.lists(
        st.tuples(st.integers(0, rows - 1), st.integers(0, cols - 1),
                  st.integers(0, rows - 1), st.integers(0, cols - 1)),
        max_size=3))
    return rows, cols, merges


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=merged_tables())
def test_merged_cells_keep_each_text_once(spec, tmp_path):
    import docx

    rows, cols, merges = spec
    d = docx.Document()
    t = d.add_table(rows=rows, cols=cols)
    for r in range(rows):
        for c in range(cols):
            t.cell(r, c).text = f"r{r}c{c}"
    taken: set = set()
    for r1, c1, r2, c2 in merges:
        area = {(r, c) for r in range(min(r1, r2), max(r1, r2) + 1) for c in range(min(c1, c2), max(c1, c2) + 1)}
        if area & taken:
            continue  # merged regions in Word never overlap
        taken |= area
        t.cell(r1, c1).merge(t.cell(r2, c2))
    path = tmp_path / "merged.docx"
    d.save(str(path))
    table = next(b for b in read_docx(path, "0" * 64).blocks if b.kind == TABLE)

    tokens = [tok for row in table.rows for cell in row.cells for tok in cell.text.split()]
    assert sorted(tokens) == sorted(f"r{r}c{c}" for r in range(rows) for c in range(cols))
    assert all(sum(cell.colspan for cell in row.cells) == cols for row in table.rows)
    # every rowspan is matched by continued placeholders at the same column below
    for i, row in enumerate(table.rows):
        col = 0
        for cell in row.cells:
            for k in range(1, cell.rowspan):
                below, at = table.rows[i + k], 0
                match = [b for b in below.cells if (at := at + b.colspan) - b.colspan == col]
                assert match and match[0].continued and match[0].colspan == cell.colspan
            col += cell.colspan


# -- the generated corpus (realistic council Word files) ------------------------

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def corpus_docx():
    docs = {}
    for p in sorted(CORPUS.rglob("*.docx")):
        if p.parent.name == "bad":
            continue
        docs[p.name] = read_docx(p, file_sha256(p))
    if not docs:
        pytest.skip("no corpus DOCX generated (run `make corpus`)")
    return docs


def test_corpus_docx_furniture_stays_out_of_body(corpus_docx):
    for name, doc in corpus_docx.items():
        assert doc.headers, name
        assert doc.pages and doc.pages > 1, name
        # Furniture leaking into the body would show as blocks of its own (the
        # committee's name may of course occur inside body sentences).
        lines = {ln.strip() for f in doc.headers + doc.footers for ln in f.splitlines()}
        assert not [b.text for b in doc.blocks if b.text.strip() in lines], name
        assert not any("moderngov" in b.text for b in doc.blocks), name
        pages = [b.page for b in doc.blocks]
        assert None not in pages and pages == sorted(pages), name


def test_corpus_rag_plan_keeps_colours_and_merges(corpus_docx):
    fills = {c.fill for d in corpus_docx.values() for b in d.blocks for r in b.rows for c in r.cells}
    if not fills - {None}:
        pytest.skip("no shaded cells in this corpus build")
    # a RAG column shows at least green, amber and red as colours
    assert {"#00b050", "#ffc000", "#ff0000"} <= fills
    for doc in corpus_docx.values():
        for b in (b for b in doc.blocks if b.kind == TABLE):
            tokens = [c.norm for r in b.rows for c in r.cells if c.norm]
            for r_i, row in enumerate(b.rows):
                for c in row.cells:
                    if c.rowspan > 1:  # merged down: placeholders below, text only once
                        assert tokens.count(c.norm) == 1 or len(c.norm) < 4
                        assert any(x.continued for x in b.rows[r_i + 1].cells)


# -- auto-numbering labels (agenda numbers often exist only as Word numbering) --

NUMBERING_XML = b"""<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1 (%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\xef\x82\xb7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>"""


def test_numbering_labels_as_word_shows_them():
    from lxml import etree

    from boardpack.ingest.docx_styles import Numbering

    n = Numbering(etree.fromstring(NUMBERING_XML))
    got = [n.next_label(num, lvl) for num, lvl in
           [(1, 0), (1, 0), (1, 0), (1, 0), (1, 1), (1, 1), (1, 2), (1, 2), (1, 0), (1, 1), (2, 0), (3, 0), (3, 0)]]
    assert got == ["1.", "2.", "3.", "4.", "4 (a)", "4 (b)", "i)", "ii)", "5.", "5 (a)", "", "7.", "8."]
    assert n.is_bullet(2, 0) and not n.is_bullet(1, 0)
