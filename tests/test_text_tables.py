"""Text-aligned tables (no ruling lines): rows and wrapped cells of statements."""

from __future__ import annotations

from boardpack.ingest.pdf_text_tables import TLine, find_text_tables, split_segments

SIZE = 10.0


def _line(top, cells):
    """One visual line: (x, text) cells, words 5 pt a letter plus a 3 pt space, 10 pt high."""
    words = []
    for x, text in cells:
        for t in text.split():
            words.append({"text": t, "x0": x, "x1": x + 5 * len(t), "top": top, "bottom": top + SIZE, "fontname": "Arial"})
            x += 5 * len(t) + 3
    ln = TLine(words=words)
    ln.segs = split_segments(words, SIZE)
    return ln


def test_text_table_capitalised_group_label_under_a_full_row_is_a_row_not_a_wrap():
    lines = [
        _line(100, [(50, "ASSETS")]),
        _line(120, [(50, "Cash and cash equivalents"), (400, "$"), (420, "1,450,852")]),
        # set tight under the row above, but it is the group label of the next rows
        _line(131, [(50, "Receivables, net of allowance")]),
        _line(151, [(60, "Property taxes"), (420, "2,130,861")]),
        _line(171, [(60, "Other"), (445, "1,186")]),
        _line(191, [(50, "Capital assets (net of accumulated")]),
        # a real wrapped label line (lower case, tight under its first line)
        _line(202, [(50, "depreciation)"), (420, "5,091,027")]),
        _line(222, [(50, "Total assets"), (420, "8,697,194")]),
    ]
    found = find_text_tables(lines, SIZE, 1, [])
    assert len(found) == 1
    grid = found[0][2].grid()
    labels = [r[0] for r in grid]
    assert "Cash and cash equivalents" in labels
    assert "Receivables, net of allowance" in labels
