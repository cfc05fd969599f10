"""Tables read off scanned pages: OCR word boxes into rows and columns."""

from __future__ import annotations


from boardpack.ingest.ocr import words_to_blocks
from boardpack.core.model import TABLE

SCALE = 72.0 / 200


def _words(lines):
    """Made-up tesseract TSV rows: ``lines`` is a list of (top, [(left, text), ...]);
    each line is its own tesseract line, words 18 px high, 14 px a letter."""
    out = []
    for n, (top, words) in enumerate(lines, start=1):
        for k, (left, text) in enumerate(words, start=1):
            out.append({"level": "5", "block_num": str(n), "par_num": "1", "line_num": "1", "word_num": str(k),
                        "left": str(left), "top": str(top), "width": str(14 * len(text)), "height": "18",
                        "conf": "95", "text": text})
    return out


def _split(lines):
    """Each (left, phrase) split into words at 14 px a letter plus a space."""
    out = []
    for top, cells in lines:
        ws = []
        for left, phrase in cells:
            x = left
            for t in phrase.split():
                ws.append((x, t))
                x += 14 * len(t) + 8
        out.append((top, ws))
    return out


STATEMENT = _split([
    (100, [(150, "1. Balances brought"), (1000, "Total balances and reserves at the")]),
    (130, [(170, "forward"), (600, "16,634"), (800, "16,053)"), (1000, "beginning of the year as recorded")]),
    (170, [(150, "2. (+) Precept"), (600, "7,994"), (800, "8,154)"), (1000, "Total amount of precept received")]),
    (210, [(150, "3. (-) Staff costs"), (1000, "Total expenditure on all employees")]),
    (240, [(600, "1,972"), (800, "2,01"), (860, "8"), (1000, "including salaries and wages")]),
    (280, [(150, "4. (=) Balances carried"), (1000, "Total balances and reserves at")]),
    (310, [(170, "forward"), (600, "16,053"), (800, "16,450"), (1000, "the end of the year")]),
])


def test_ocr_statement_form_with_amount_columns_becomes_a_table():
    blocks = words_to_blocks(_words(STATEMENT), 1, SCALE)
    tables = [b for b in blocks if b.kind == TABLE]
    assert len(tables) == 1
    t = tables[0]
    assert "ocr" in t.flags
    grid = t.grid()
    assert all(len(r) == 4 for r in grid)
    # box edges read as brackets are gone and the split thousands group is joined
    assert grid[1][:3] == ["forward", "16,634", "16,053"]
    assert grid[4][1:3] == ["1,972", "2,018"]
    # the words went into the table, not into paragraphs as well
    assert not any("16,634" in b.text for b in blocks if b.kind != TABLE)


def test_ocr_columns_of_names_keep_their_columns_apart():
    # as on a text page: a list set in two columns is a table whose columns
    # stay apart ("Cllr A Smith (Chair)" never runs into "Mr B Jones")
    members = _split([
        (100, [(150, "Present:"), (800, "Members of the public:")]),
        (130, [(150, "Cllr A Smith (Chair)"), (800, "Mr B Jones")]),
        (160, [(150, "Cllr C Brown"), (800, "Mrs D Green")]),
        (190, [(150, "Cllr E White"), (800, "Ms F Black")]),
    ])
    blocks = words_to_blocks(_words(members), 1, SCALE)
    tables = [b for b in blocks if b.kind == TABLE]
    assert len(tables) == 1
    assert tables[0].grid()[1] == ["Cllr A Smith (Chair)", "Mr B Jones"]
    assert not any("Mr B Jones" in b.text for b in blocks if b.kind != TABLE)


def test_scanned_accounting_statements_read_as_budget_rows(parsed, realworld_dir):
    path = realworld_dir / "souldern-parish-council/spc-documents/Souldern PC Accounting Statements 2025-26.pdf"
    rows = parsed(path).result.rows.get("budget_amounts", [])
    by = {(r["item"], r["measure"]): r for r in rows}
    assert by[("Balances brought forward", "31 March 2025")]["amount"] == 16634.0
    assert by[("Precept or Rates and Levies", "31 March 2026")]["amount"] == 8154.0
    assert by[("Staff costs", "31 March 2026")]["amount"] == 2018.0
    total = by[("Total fixed assets plus long term investments and assets", "31 March 2026")]
    assert total["amount"] == 59962.0 and total["is_total"] == 1
