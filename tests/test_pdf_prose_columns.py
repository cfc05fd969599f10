"""Prose set in columns is read column by column, not as a table (issue 9).

A front sheet set in two newspaper columns came out of the PDF reader as a
two-column text table, so the summons' date and time sentence and a title
page's plan period were lost. Tables whose rows line up across their columns
(cells starting on the same lines, short cells, a numbering column) stay
tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from boardpack.core.model import TABLE
from boardpack.ingest.pdf_blocks import Builder, Line, PageItems, page_blocks
from boardpack.ingest.pdf_prose_columns import is_prose, prose_regions
from boardpack.ingest.pdf_page import page_lines
from boardpack.ingest.pdf_text_tables import find_text_tables
from boardpack.pipeline import clean, read

SIZE = 10.0
CHAR, SPACE = 5.0, 3.0  # a letter is 5 pt wide, a space 3 pt
PITCH = 14.0
LAYOUTS = Path(__file__).resolve().parent.parent / "corpus" / "layouts"


def _words(x: float, top: float, text: str, bold: bool = False, size: float = SIZE) -> list[dict]:
    out = []
    for t in text.split():
        w = CHAR * len(t) * size / SIZE
        out.append({"text": t, "x0": x, "x1": x + w, "top": top, "bottom": top + size, "size": size,
                    "fontname": "Arial-Bold" if bold else "Arial"})
        x += w + SPACE
    return out


def _width(text: str) -> float:
    return CHAR * len(text.replace(" ", "")) + SPACE * text.count(" ")


def _wrap(text: str, width: float) -> list[str]:
    """Greedy wrapping: a line breaks where the next word does not fit."""
    lines, cur = [], ""
    for t in text.split():
        if cur and _width(f"{cur} {t}") > width:
            lines.append(cur)
            cur = t
        else:
            cur = f"{cur} {t}".strip()
    return lines + [cur]


def _visual_lines(placed: list[tuple[float, list[dict]]]) -> list[Line]:
    """The words grouped into visual lines as the PDF reader groups them
    (words at nearly one height are one line, whatever column they are in)."""
    return page_lines([w for _, ws in placed for w in ws], 1)


def _newspaper(paragraphs: list[str], splits: list[int], lefts=(50.0, 300.0), width=200.0,
               gaps=(6.0, 11.0)) -> list[Line]:
    """Paragraphs flowing down a left column and on into the next ones (a
    column ends after the line numbers in ``splits``); each column's
    paragraphs apart by its own gap, so the columns' paragraphs start at
    heights of their own."""
    flow = [(k, i == 0, ln) for k, p in enumerate(paragraphs) for i, ln in enumerate(_wrap(p, width))]
    ends = [0, *splits, len(flow)]
    placed = []
    for col in range(len(ends) - 1):
        top = 100.0
        for n, (_, starts, text) in enumerate(flow[ends[col]:ends[col + 1]]):
            if starts and n:
                top += gaps[col]
            placed.append((top, _words(lefts[col], top, text)))
            top += PITCH
    return _visual_lines(placed)


SUMMONS = [
    "Friday 24 July 2009",
    "To: Members of the Community Safety Board",
    "Dear Sir or Madam",
    "You are invited to attend the next meeting of the Community Safety Board, which will be held in the "
    "Council Chamber at the Guildhall, Market Square, Newtown on Monday 27 July 2009 at 10.00 a.m.",
    "Yours faithfully",
    "Chief Executive",
    "The council is committed to improving access to its agendas and minutes for every member of the "
    "community; please let us know of any specific needs you have and we will do what we can to help.",
]


def _summons() -> list[Line]:
    # the invitation runs off the foot of the left column after its third line
    return _newspaper(SUMMONS, [3 + 3])


def test_front_sheet_in_two_columns_is_prose_not_a_table():
    lines = _summons()
    assert any(len(ln.segs) >= 2 for ln in lines)  # the columns share visual lines
    (region,) = prose_regions(lines, SIZE)
    assert (region.first, region.last) == (0, len(lines) - 1)
    assert find_text_tables(lines, SIZE, 1, []) == []


def test_front_sheet_in_two_columns_is_read_column_by_column():
    page = PageItems(1, 595.0, 842.0, items=_summons())
    blocks = page_blocks(page, Builder(SIZE, [], 50.0), set())
    texts = [" ".join(b.text.split()) for b in blocks]
    # the invitation that runs from the foot of the left column on at the head
    # of the right one is one paragraph, with the meeting's date and time
    assert texts == SUMMONS
    assert all(b.kind != TABLE for b in blocks)


def test_three_columns_of_prose_are_read_one_after_the_other():
    paragraphs = SUMMONS + ["Members of the public may attend the meeting; the papers are published on the "
                            "council's website a week before it, and copies can be seen at the library."]
    lines = _newspaper(paragraphs, [8, 15], lefts=(50.0, 240.0, 430.0), width=160.0, gaps=(6.0, 11.0, 16.0))
    (region,) = prose_regions(lines, SIZE)
    assert len(region.cuts) == 2
    blocks = page_blocks(PageItems(1, 842.0, 595.0, items=lines), Builder(SIZE, [], 50.0), set())
    assert [" ".join(b.text.split()) for b in blocks] == paragraphs


def test_a_table_whose_cells_start_on_the_same_lines_stays_a_table():
    rows = [
        ("Issue raised", "Response"),
        ("Residents asked whether the street lighting in the new estate would be switched off at night",
         "The lighting will stay on all night until the estate is adopted by the highway authority next year"),
        ("The footpath beside the brook floods after heavy rain and is closed for days at a time",
         "A drainage survey has been commissioned and its findings will come to the next meeting"),
        ("Parking on the verges near the school damages the grass and blocks the view of drivers",
         "Officers will write to the school and ask parents to use the car park in the village hall"),
    ]
    placed, top = [], 100.0
    for left, right in rows:
        a, b = _wrap(left, 200), _wrap(right, 200)
        for k, text in enumerate(a):
            placed.append((top + k * PITCH, _words(50, top + k * PITCH, text)))
        for k, text in enumerate(b):
            placed.append((top + k * PITCH, _words(300, top + k * PITCH, text)))
        top += max(len(a), len(b)) * PITCH + 6
    lines = _visual_lines(placed)
    assert prose_regions(lines, SIZE) == []
    (found,) = find_text_tables(lines, SIZE, 1, [])
    assert (found[0], found[1]) == (0, len(lines) - 1)
    assert found[2].grid()[0] == ["Issue raised", "Response"]


def test_names_beside_figures_stay_a_table():
    """Short cells (a name, an allowance of the same width on every line)
    start no paragraphs a reader could tell apart, but they are no prose."""
    names = ["Cllr D Allan", "Cllr L Allen", "Cllr C Bennett", "Cllr J Cairns", "Cllr J Ellis",
             "Cllr D Griffin", "Cllr M Hewett", "Cllr C Hodivala", "Cllr C Horrocks", "Cllr C Ives"]
    placed = [(100.0, _words(50, 100.0, "Councillor")), (100.0, _words(270, 100.0, "£"))]
    for k, name in enumerate(names, 1):
        top = 100.0 + k * PITCH
        placed += [(top, _words(50, top, name)), (top, _words(270, top, "715"))]
    lines = _visual_lines(placed)
    assert prose_regions(lines, SIZE) == []
    (found,) = find_text_tables(lines, SIZE, 1, [])
    assert found[2].grid()[1] == ["Cllr D Allan", "715"]


def _title(left: list[str], right: list[str], size: float = 20.0) -> list[tuple[float, list[dict]]]:
    placed = []
    for centre, texts in ((160.0, left), (420.0, right)):
        for k, text in enumerate(texts):
            top = 100.0 + k * 1.6 * size
            placed.append((top, _words(centre - _width(text) * size / SIZE / 2, top, text, bold=True, size=size)))
    return placed


def test_title_page_in_two_columns_of_centred_display_lines_is_read_column_by_column():
    left = ["South Newtown", "Community Safety", "Partnership"]
    right = ["Performance Report", "Quarter 4", "January 2011 - March 2011", "26 April 2011"]
    lines = _visual_lines(_title(left, right))
    assert find_text_tables(lines, 20.0, 1, []) == []
    page = PageItems(1, 595.0, 842.0, items=lines)
    blocks = page_blocks(page, Builder(10.0, [(20.0, True)], 50.0), set())
    words = " ".join(b.text for b in blocks).split()
    assert words == " ".join(left + right).split()


def test_centred_headings_above_other_text_are_no_title_page():
    """Column headings stacked and centred over a table's columns look like
    a title set in two columns; only a page that holds nothing else is one."""
    placed = _title(["Programme", "Operating Grants"], ["Net (Expense)", "Revenue and", "Change in Net Position"],
                    size=10.0)
    placed.append((160.0, _words(50, 160.0, "General government expenses for the year were met from the "
                                           "precept and from grants as the notes to these accounts explain")))
    lines = _visual_lines(placed)
    assert prose_regions(lines, SIZE) == []


def _page_one_words(path: Path) -> list[str]:
    doc = clean(read(path))
    text = " ".join(b.text for b in doc.blocks if b.page == 1)
    return re.sub(r"\s+([,.;:])", r"\1", text).split()


@pytest.mark.parametrize("pdf", sorted(LAYOUTS.glob("*/*-serif.pdf")) + sorted(LAYOUTS.glob("*/*-open.pdf")),
                         ids=lambda p: p.name)
def test_two_column_front_sheet_reads_as_its_word_twin(pdf: Path):
    """The front sheet set in two columns reads, word for word, as the Word
    file it was typeset from (the PDF may keep the page's running header,
    which the furniture test leaves when it is not repeated enough)."""
    twin = pdf.with_suffix(".docx")
    if not twin.exists():
        pytest.skip(f"no DOCX twin of {pdf.name}")
    ours, theirs = _page_one_words(pdf), _page_one_words(twin)
    assert ours[len(ours) - len(theirs):] == theirs
    assert all(b.kind != TABLE for b in read(pdf).blocks if b.page == 1)


def test_columns_whose_lines_hold_cells_side_by_side_are_no_prose():
    """Where a caption across a table's first columns leaves one gutter open
    (before its last column), the lines left of it still hold cells side by
    side (a project, a year, an amount): a table, however full its lines."""
    projects = ["Community Transport Scheme", "Annual Planned Enhancement", "School Basic Need Programme",
                "Integrated Transport Schemes", "Moving Traffic Enforcement", "Market Square Improvement"]
    reason = ("Grants moved between projects as the year went on, external income received and the "
              "funding of projects completed under budget returned to the capital programme")
    left, right = [], []
    for k, (project, text) in enumerate(zip(projects, _wrap(reason, 230))):
        top = 100.0 + k * PITCH
        left.append((k, _words(50, top, project) + _words(330, top, "24-25") + _words(390, top, "+0.036")))
        right.append((k, _words(470, top, text)))
    assert not is_prose([left, right], SIZE)
    # the same columns with the cells of the left one run together read as prose
    left = [(k, _words(50, 100.0 + k * PITCH, f"{p} 24-25 +0.036")) for k, p in enumerate(projects)]
    assert is_prose([left, right], SIZE)
