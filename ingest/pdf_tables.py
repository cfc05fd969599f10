"""Tables in PDF pages: ruled (pdfplumber's lattice finder), text-aligned, and
tables continued over page breaks.

Everything here works on objects the PDF reader has already extracted once per
page (words, filled rects, pdfplumber ``Table`` objects), so finding a table
never re-extracts text: the bare ``extract_text`` + ``extract_tables`` pass is
the speed budget (issue 2's benchmark).

* :mod:`.pdf_cells`: fill colours, cell text and the TABLE block, shared by
  every finder;
* :mod:`.pdf_ruled`: :func:`ruled_table_block` turns a pdfplumber ``Table``
  into a TABLE block, resolving merged cells and reading each cell's fill
  colour from the filled rects under it;
* :mod:`.pdf_text_tables` and :mod:`.pdf_table_flow`: tables without ruling
  lines, found from text alignment, followed over page breaks;
* :mod:`.pdf_table_join`: :func:`join_split_tables` joins a table continued on
  the next page into one block whose rows keep their own pages.

This module keeps the names other modules import from it.
"""

from __future__ import annotations

from boardpack.ingest.pdf_cells import (
    BBox, Fill, colour_hex, fill_for, inside, is_bold_font, page_fills, table_block, table_block_text, words_text,
)
from boardpack.ingest.pdf_ruled import ruled_columns, ruled_table_block
from boardpack.ingest.pdf_table_join import join_split_tables

__all__ = [
    "BBox", "Fill", "colour_hex", "fill_for", "inside", "is_bold_font", "join_split_tables", "page_fills",
    "ruled_columns", "ruled_table_block", "table_block", "table_block_text", "words_text",
]
