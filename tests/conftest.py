"""Shared fixtures: where the real files are, and parsed documents cached per session.

* ``corpus_dir``: the generated sample packs (``corpus/``); tests that need a
  particular sample skip when it has not been generated.
* ``realworld_dir``: real published council papers in ``../shared/realworld``;
  tests that read them skip (visibly) when the folder is absent.
* ``corpus_ingest``: the whole corpus ingested once per session, for tests
  that query a populated store.
* ``corpus_text_packs``: the corpus's DOCX and PDF packs, for tests that
  ingest a small store of their own (skips when they are not generated).
* ``two_parsed_packs``: the first two DOCX packs, parsed once (read-only).
* ``parsed(path, until="extract")``: :func:`boardpack.pipeline.parse_file`
  cached for the whole session, so several tests can look at one file
  without parsing it again. Treat the result as read-only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REALWORLD = (ROOT.parent / "shared" / "realworld").resolve()


def sample_folders() -> list[Path]:
    """The folders of corpus/ that `make run` ingests: all but layouts/ (and caches)."""
    return sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name not in {"layouts", "__pycache__"})


def realworld_files(pattern: str = "**/*.pdf") -> list[Path]:
    """Real-world files matching ``pattern`` (empty when the folder is absent)."""
    return sorted(REALWORLD.glob(pattern)) if REALWORLD.is_dir() else []


@pytest.fixture(scope="session")
def root_dir() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def realworld_dir() -> Path:
    if not REALWORLD.is_dir():
        pytest.skip(f"real-world papers not present at {REALWORLD}")
    return REALWORLD


@pytest.fixture(scope="session")
def corpus_ingest(tmp_path_factory):
    """The whole corpus ingested once per session through the CLI (2 workers).

    Returns ``(db_path, click result)``; treat the database as read-only.
    Skips when the corpus has not been generated.
    """
    from click.testing import CliRunner

    from boardpack.cli import cli

    if not any(CORPUS.rglob("*.gold.json")):
        pytest.skip("corpus not generated (run `make corpus`)")
    db = tmp_path_factory.mktemp("corpus-db") / "corpus.db"
    # every folder of corpus/ but layouts/ (the same packs typeset six more ways, judged by
    # tests/test_corpus_layouts.py): what `make run` ingests
    folders = [str(p) for p in sample_folders()]
    result = CliRunner().invoke(cli, ["ingest", *folders, "--db", str(db), "-w", "2", "-s"])
    return db, result


@pytest.fixture(scope="session")
def corpus_text_packs() -> list[Path]:
    files = sorted((CORPUS / "docx").glob("*.docx")) + sorted((CORPUS / "pdf").glob("*.pdf"))
    if len(files) < 2:
        pytest.skip("corpus files not built (make corpus)")
    return files


@pytest.fixture(scope="session")
def two_parsed_packs(corpus_text_packs, parsed) -> list:
    return [parsed(f) for f in corpus_text_packs[:2]]


@pytest.fixture(scope="session")
def parsed():
    from boardpack.pipeline import parse_file

    cache: dict = {}

    def get(path, until: str = "extract"):
        key = (str(Path(path).resolve()), until)
        if key not in cache:
            cache[key] = parse_file(path, until=until)
        return cache[key]

    return get


def write_docx(path: Path, paragraphs: list[str], heading: str = "Notes") -> Path:
    """A small Word file (python-docx) with a heading and paragraphs; distinct text gives distinct bytes."""
    import docx

    d = docx.Document()
    d.add_heading(heading, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


@pytest.fixture
def make_docx():
    return write_docx
