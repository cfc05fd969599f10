"""Golden tests per pipeline stage (read, segment, extract) for every corpus sample.

Every sample the corpus eval judges (a file under ``corpus/`` with a
``.gold.json`` beside it, ``corpus/bad/`` excepted: those must fail to read)
has three goldens in ``corpus/goldens/<path under corpus>.<stage>.json``:

* ``read``: the document model after read + clean (format, pages, removed
  page furniture, every block compact: kind, pages, level, normalised text,
  flags; tables as rows with their pages, cell text and fill);
* ``segment``: the papers found (type, title, page range, block span,
  confidence, the deciding cue and the evidence vote), and the flags the
  segmenter set on blocks (boilerplate), by block index;
* ``extract``: every row of every table, sorted, and the warnings.

A change in a stage shows up as a diff that names the sample and the stage.
When the change is intended, regenerate all goldens with::

    BOARDPACK_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_stage_goldens.py tests/test_schema_pinned.py

then read ``git diff corpus/goldens tests/golden`` before committing. The
guard test below fails while the switch is on, so it cannot be left on.

Each sample is read once: ``parse_file(until="clean")``, then the pipeline's
own ``segment`` and ``extract`` stage functions on that document, so each
stage's golden is taken where the stage ends. A check on one sample holds
this stage-by-stage run to what ``parse_file`` gives in one go.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from boardpack.evaluate import find_samples
from boardpack.pipeline import extract, parse_file, segment
from boardpack.store.database import compact_block

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDENS = CORPUS / "goldens"
STAGES = ("read", "segment", "extract")
REGEN = os.environ.get("BOARDPACK_REGEN_GOLDEN", "") not in ("", "0")

# Row fields that differ between two runs over the same bytes. None today:
# ids are content hashes and no extractor stamps times or absolute paths;
# test_extract_rows_carry_no_machine_paths keeps it so.
VOLATILE_FIELDS: frozenset[str] = frozenset()


def corpus_samples() -> list[Path]:
    """Samples judged by the corpus eval, as paths relative to ``corpus/``."""
    out = []
    for sample, _gold in find_samples(CORPUS):
        rel = sample.relative_to(CORPUS)
        if rel.parts[0] not in ("bad", "goldens"):
            out.append(rel)
    return out


SAMPLES = corpus_samples()


def golden_path(rel: Path, stage: str) -> Path:
    return GOLDENS / rel.parent / f"{rel.name}.{stage}.json"


def dump(data: Any) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, default=str) + "\n"


# -- what each stage's golden holds --------------------------------------------


def read_model(doc) -> dict[str, Any]:
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


def segment_model(doc, papers, flags_before: list[list[str]]) -> dict[str, Any]:
    flagged = [
        {"index": b.index, "flags": list(b.flags)}
        for b, before in zip(doc.blocks, flags_before)
        if list(b.flags) != before
    ]
    return {
        "file": Path(doc.path).name,
        "papers": [dataclasses.asdict(p) for p in papers],
        "flags_set": flagged,
    }


def _row_key(row: dict[str, Any]) -> tuple:
    # Document order first so the file reads like the pack; the full row
    # breaks ties, so the order never depends on the extractors' emit order.
    page = row.get("page")
    block = row.get("block_index")
    return (page is None, page or 0, block is None, block or 0, dump(row))


def extract_model(doc, result) -> dict[str, Any]:
    rows = {
        table: sorted(
            ({k: v for k, v in r.items() if k not in VOLATILE_FIELDS} for r in table_rows),
            key=_row_key,
        )
        for table, table_rows in result.rows.items()
    }
    return {
        "file": Path(doc.path).name,
        "rows": rows,
        "warnings": sorted(result.warnings, key=dump),
    }


_RUNS: dict[Path, dict[str, Any]] = {}


def stage_models(rel: Path) -> dict[str, Any]:
    """The three stage models of one sample, computed once per session."""
    if rel not in _RUNS:
        doc = parse_file(CORPUS / rel, until="clean").doc
        models: dict[str, Any] = {"read": read_model(doc)}
        flags_before = [list(b.flags) for b in doc.blocks]
        papers = segment(doc)
        models["segment"] = segment_model(doc, papers, flags_before)
        models["extract"] = extract_model(doc, extract(doc, papers))
        # Round-trip through JSON so a tuple and a list compare alike.
        _RUNS[rel] = {stage: json.loads(dump(m)) for stage, m in models.items()}
    return _RUNS[rel]


# -- comparison ----------------------------------------------------------------


def golden_mismatch(label: str, expected_text: str, got: Any, max_lines: int = 80) -> str | None:
    """None when ``got`` matches the golden text, else a message with a unified diff."""
    got_text = dump(got)
    if got_text == expected_text:
        return None
    diff = list(difflib.unified_diff(
        expected_text.splitlines(), got_text.splitlines(),
        fromfile=f"golden {label}", tofile=f"now {label}", lineterm="", n=4,
    ))
    more = len(diff) - max_lines
    shown = diff[:max_lines] + ([f"... {more} more diff lines"] if more > 0 else [])
    return (
        f"{label} differs from its golden (intended? regenerate with BOARDPACK_REGEN_GOLDEN=1 "
        "and review the diff):\n" + "\n".join(shown)
    )


def check_golden(path: Path, label: str, got: Any) -> None:
    if REGEN:
        text = dump(got)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if not path.exists():
        raise AssertionError(f"no golden for {label} at {path.relative_to(ROOT)}: run with BOARDPACK_REGEN_GOLDEN=1")
    message = golden_mismatch(label, path.read_text(encoding="utf-8"), got)
    if message:
        raise AssertionError(message)


# -- tests ---------------------------------------------------------------------


def test_regeneration_switch_is_off():
    assert not REGEN, "BOARDPACK_REGEN_GOLDEN is set: goldens were rewritten, unset it and review the diff"


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("rel", SAMPLES, ids=str)
def test_stage_matches_golden(rel, stage):
    check_golden(golden_path(rel, stage), f"{rel.as_posix()} [{stage}]", stage_models(rel)[stage])


def test_every_sample_has_goldens_and_no_golden_is_orphaned():
    assert len(SAMPLES) >= 15, f"corpus samples not found under {CORPUS} (run `make corpus`)"
    formats = {stage_models(rel)["read"]["format"] for rel in SAMPLES}
    assert {"pdf", "docx", "doc"} <= formats
    wanted = {golden_path(rel, stage) for rel in SAMPLES for stage in STAGES}
    present = set(GOLDENS.rglob("*.json"))
    orphans = sorted(p.relative_to(ROOT).as_posix() for p in present - wanted)
    if REGEN:
        for p in present - wanted:
            p.unlink()
        orphans = []
    assert not orphans, f"goldens without a corpus sample (remove them, or regenerate): {orphans}"
    missing = sorted(p.relative_to(ROOT).as_posix() for p in wanted - set(GOLDENS.rglob("*.json")))
    assert not missing, f"samples without goldens: {missing}"


def test_goldens_are_not_empty():
    for rel in SAMPLES:
        models = stage_models(rel)
        assert models["read"]["blocks"], f"{rel}: no blocks"
        assert models["segment"]["papers"], f"{rel}: no papers"
        assert any(models["extract"]["rows"].values()), f"{rel}: no rows"


def test_extract_rows_carry_no_machine_paths():
    # A row holding where this checkout lives would make the goldens differ
    # from one machine to the next.
    for rel in SAMPLES:
        text = dump(stage_models(rel)["extract"])
        assert str(ROOT) not in text and str(CORPUS / rel) not in text, rel


def test_stage_by_stage_run_matches_parse_file():
    # The smallest sample through parse_file in one go: the same papers and
    # rows, and the same blocks once the segmenter's flags are applied.
    rel = min(SAMPLES, key=lambda r: (CORPUS / r).stat().st_size)
    parsed = parse_file(CORPUS / rel)
    staged = stage_models(rel)
    blocks = {b["index"]: dict(b) for b in staged["read"]["blocks"]}
    for change in staged["segment"]["flags_set"]:
        blocks[change["index"]]["flags"] = change["flags"]
        if not change["flags"]:
            del blocks[change["index"]]["flags"]
    whole = json.loads(dump({
        "blocks": [compact_block(b) for b in parsed.doc.blocks],
        "papers": [dataclasses.asdict(p) for p in parsed.papers],
        "extract": extract_model(parsed.doc, parsed.result),
    }))
    assert whole["blocks"] == [blocks[i] for i in sorted(blocks)]
    assert whole["papers"] == staged["segment"]["papers"]
    assert whole["extract"] == staged["extract"]


def test_a_changed_golden_fails_with_a_diff_naming_sample_and_stage(tmp_path):
    rel = SAMPLES[0]
    got = stage_models(rel)["extract"]
    table = sorted(t for t, rows in got["rows"].items() if rows)[0]
    corrupted = json.loads(dump(got))
    corrupted["rows"][table][0]["page"] = 999
    golden = tmp_path / "corrupted.extract.json"
    golden.write_text(dump(corrupted), encoding="utf-8")
    label = f"{rel.as_posix()} [extract]"
    message = golden_mismatch(label, golden.read_text(encoding="utf-8"), got)
    assert message is not None
    assert rel.as_posix() in message.splitlines()[0] and "[extract]" in message.splitlines()[0]
    removed = [line for line in message.splitlines() if line.startswith("-") and not line.startswith("---")]
    # Exactly the corrupted line, no more: the diff points at what changed.
    assert len(removed) == 1 and '"page": 999' in removed[0], message
    assert golden_mismatch(label, dump(got), got) is None
    if not REGEN:  # check_golden would rewrite the file instead
        with pytest.raises(AssertionError, match=r"\[extract\] differs"):
            check_golden(golden, label, got)
