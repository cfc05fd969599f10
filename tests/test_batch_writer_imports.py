"""The ingest's writer process does not import the parse pipeline (issue 10).

With worker processes, the process that walks, hashes, schedules and stores
never imports a reader, an extractor or spaCy: the parse task is named, not
imported (boardpack.batch_worker), and a parsed file unpickles into the
document model only. An unchanged re-run therefore imports none of it either.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the read stage's OCR, image and PDF libraries too: importing any ingest module runs
# boardpack/ingest/__init__.py, which must not pull them in (read_document lives in ingest/read.py)
HEAVY = ["boardpack.pipeline", "boardpack.batch_worker", "boardpack.extractors.people", "boardpack.ingest.pdf_reader",
         "boardpack.ingest.docx_reader", "spacy", "boardpack.ingest.read", "boardpack.ingest.ocr", "pdfplumber", "PIL",
         "numpy", "pandas"]  # sqlite-utils would import both for value types the store never passes

_SCRIPT = """
import json, sys
from boardpack.batch import ingest_paths
s = ingest_paths(sys.argv[1:-1], db_path=sys.argv[-1], workers=2)
print(json.dumps({"line": s.line(), "loaded": [m for m in %r if m in sys.modules]}))
""" % (HEAVY,)


def _ingest(paths: list[Path], db: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _SCRIPT, *map(str, paths), str(db)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_writer_imports_no_reader_extractor_or_spacy(tmp_path):
    files = [ROOT / "corpus" / "series" / "docx" / "cdrp-2009-07-27.docx",
             ROOT / "corpus" / "series" / "docx" / "cdrp-2009-10-26.docx"]
    if not all(f.exists() for f in files):
        pytest.skip("corpus samples missing")
    db = tmp_path / "s.db"
    first = _ingest(files, db)
    assert first["line"].startswith("2 files: 2 new"), first
    assert first["loaded"] == [], f"the writer imported {first['loaded']}"
    again = _ingest(files, db)
    assert again["line"].startswith("2 files: 0 new, 2 unchanged"), again
    assert again["loaded"] == []


def test_one_worker_parses_in_the_writer(tmp_path):
    # the check above can fail: parsing in-process does import the pipeline
    f = ROOT / "corpus" / "series" / "docx" / "cdrp-2009-07-27.docx"
    if not f.exists():
        pytest.skip("corpus sample missing")
    script = _SCRIPT.replace("workers=2", "workers=1")
    done = subprocess.run([sys.executable, "-c", script, str(f), str(tmp_path / "s.db")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])["loaded"]
    assert "boardpack.pipeline" in loaded and "spacy" in loaded


def test_a_parse_worker_imports_no_store():
    # a spawned worker imports the CLI's main module (__mp_main__) and the parse task's
    # module; neither needs the store (sqlite-utils), which would cost each worker memory
    code = ("import json, sys, boardpack.cli, boardpack.batch_worker; "
            "print(json.dumps([m for m in ('sqlite_utils', 'boardpack.store.database', 'boardpack.batch') "
            "if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_a_worker_loads_a_formats_reader_only_when_it_meets_that_format():
    # readers are imported on a worker's first file of their format: a worker that reads
    # PDFs only never loads python-docx and lxml (the .doc temp-folder sweep every worker
    # runs at start lives apart from the .doc reader for that reason)
    pdf = ROOT / "corpus" / "layouts" / "grid" / "cdrp-2010-01-25-grid.pdf"
    docx = ROOT / "corpus" / "series" / "docx" / "cdrp-2009-07-27.docx"
    if not (pdf.exists() and docx.exists()):
        pytest.skip("corpus samples missing")
    code = ("import json, sys\n"
            "from boardpack.batch_worker import warm_worker, parse_in_worker\n"
            "from boardpack.core.settings import DEFAULT\n"
            "warm_worker()\n"
            "seen = lambda: [m for m in ('docx', 'lxml.etree', 'boardpack.ingest.docx_reader') if m in sys.modules]\n"
            "out = {'warm': seen()}\n"
            "out['pdf'] = [parse_in_worker(sys.argv[1], None, DEFAULT)[0], seen()]\n"
            "out['docx'] = [parse_in_worker(sys.argv[2], None, DEFAULT)[0], seen()]\n"
            "print(json.dumps(out))")
    done = subprocess.run([sys.executable, "-c", code, str(pdf), str(docx)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["warm"] == [] and got["pdf"] == ["ok", []]
    assert got["docx"] == ["ok", ["docx", "lxml.etree", "boardpack.ingest.docx_reader"]]
