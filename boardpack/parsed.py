"""What parsing one file gives the store: :class:`ParsedFile`.

Apart from :mod:`boardpack.pipeline`, which makes it, because the ingest's
writer receives it from worker processes: unpickling it there imports this
module and the document model only, never the readers, extractors and spaCy
that made it, so the process that hashes, schedules and stores stays small
(issue 10).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from boardpack.core.model import Document, Paper
from boardpack.core.shingles import Fingerprint


@dataclass
class ParsedFile:
    """Everything the store needs for one file, produced by :func:`boardpack.pipeline.parse_file`."""

    path: str
    sha256: str
    size: int
    doc: Document
    papers: list[Paper] = field(default_factory=list)
    result: Optional["ExtractResult"] = None  # noqa: F821 (extractors.base.ExtractResult)
    # one per paper, for the duplicate check (core.shingles): made here, in parallel, not by the linker
    fingerprints: list[Fingerprint] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return self.doc.pages or 0

    @property
    def n_rows(self) -> int:
        if self.result is None:
            return 0
        return sum(len(rows) for rows in self.result.rows.values())
