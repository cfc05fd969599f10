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


def test_last_entry_of_a_longer_later_column_stays_in_the_table():
    """Regression: three side-by-side lists (Present | Also in attendance |
    Apologies) where the middle one runs a line longer: that last name was
    cut off the table as a lone paragraph and lost from attendance."""
    lines = [
        _line(100, [(50, "Present:"), (250, "Also in attendance:"), (450, "Apologies")]),
        _line(114, [(50, "K Draper"), (250, "R Summers"), (450, "N Oakhill")]),
        _line(128, [(50, "K Allpress"), (250, "D Summers"), (450, "M May")]),
        _line(142, [(50, "B May"), (250, "D Carlisle")]),
        _line(156, [(250, "T Noble")]),
        _line(200, [(50, "1. Minutes: the minutes of the last meeting were approved and signed")]),
    ]
    found = find_text_tables(lines, SIZE, 1, [])
    assert len(found) == 1
    first, last, block = found[0]
    assert (first, last) == (0, 4)
    assert block.grid()[-1] == ["", "T Noble", ""]


def test_lone_line_under_the_first_column_is_not_pulled_into_the_table():
    lines = [
        _line(100, [(50, "Item"), (250, "Owner"), (450, "Due")]),
        _line(114, [(50, "Draft policy"), (250, "KD"), (450, "May")]),
        _line(128, [(50, "Publish data"), (250, "BM"), (450, "June")]),
        _line(142, [(50, "Review budget"), (250, "NO"), (450, "July")]),
        _line(156, [(50, "Note: dates are provisional")]),
    ]
    (first, last, _), = find_text_tables(lines, SIZE, 1, [])
    assert (first, last) == (0, 3)
