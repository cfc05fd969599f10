"""Golden tests of the document model: what read + clean make of real corpus files.

Each ``tests/golden/<file name>.json`` holds the expected blocks (kind, pages,
level, normalised text; tables as rows with their pages, cell text and fill)
of one sample in ``corpus/``. A reader or cleaner change that alters the
model shows up here as a readable diff. When the change is intended,
regenerate with::

    BOARDPACK_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_golden.py

and review the diff of ``tests/golden/`` before committing. The guard test
below fails while the switch is on, so it cannot be left on by mistake.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from boardpack.store.database import compact_block

GOLDEN_DIR = Path(__file__).parent / "golden"
REGEN = os.environ.get("BOARDPACK_REGEN_GOLDEN", "") not in ("", "0")

# One sample per format at least; found by name anywhere under corpus/.
SAMPLES = (
    "cdrp-2009-07-27.pdf",
    "cdrp-2009-07-27.docx",
    "cdrp-2010-04-26.doc",
)


def find_sample(corpus: Path, name: str) -> Path:
    hits = sorted(corpus.rglob(name))
    if not hits:
        pytest.skip(f"corpus sample {name} not generated (run `make corpus`)")
    return hits[0]


def document_model(parsed) -> dict:
    doc = parsed.doc
    return {
        "file": Path(doc.path).name,
        "format": doc.format,
        "converted_from": doc.converted_from,
        "pages": doc.pages,
        "scanned_pages": doc.scanned_pages,
        "headers": doc.headers,
        "footers": doc.footers,
        "blocks": [compact_block(b) for b in doc.blocks],
    }


def test_regeneration_switch_is_off():
    assert not REGEN, "BOARDPACK_REGEN_GOLDEN is set: goldens were rewritten, unset it and review the diff"


@pytest.mark.parametrize("name", SAMPLES)
def test_document_model_matches_golden(name, corpus_dir, parsed):
    path = find_sample(corpus_dir, name)
    got = document_model(parsed(path, until="clean"))
    golden = GOLDEN_DIR / f"{name}.json"
    if REGEN:
        GOLDEN_DIR.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden for {name}: run with BOARDPACK_REGEN_GOLDEN=1"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got["format"] == expected["format"] and got["pages"] == expected["pages"]
    # Block by block first, so a failure names the first block that differs.
    for i, (g, e) in enumerate(zip(got["blocks"], expected["blocks"])):
        assert g == e, f"{name}: block {i} differs"
    assert got == expected


def test_goldens_cover_every_format():
    formats = set()
    for name in SAMPLES:
        golden = GOLDEN_DIR / f"{name}.json"
        assert golden.exists(), f"missing golden {golden.name}"
        data = json.loads(golden.read_text(encoding="utf-8"))
        formats.add((data["format"], data["converted_from"]))
        assert data["blocks"], f"{golden.name} has no blocks"
    assert {("pdf", None), ("docx", None), ("doc", "doc")} <= formats
