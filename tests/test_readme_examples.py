"""The README's console examples are the output of real runs, and stay so.

Every fenced block of README.md that starts with ``$ boardpack ...`` is run,
command by command and in the README's order, in one scratch folder (with
``corpus`` linked in, ``BOARDPACK_DB`` pointing into the folder, and the
README's ``toml`` example written to ``boardpack.toml``), and what the
command prints is compared with the lines under it. The README elides with
``...``: a line that is only ``...`` stands for any number of lines, and
``...`` inside a line for any text. The run time at the end of the ingest
summary and the order of ``error:`` lines (files finish in any order when
several workers parse) are the only other freedoms. A changed output makes
this fail until the README shows the new one.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.S | re.M)
#: "; 10.4s" closing the ingest summary: the only figure that changes run to run
_ELAPSED = re.compile(r"; \d+(?:\.\d+)?s$")


def examples(text: str) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for every ``$ boardpack`` line of every block."""
    out: list[tuple[str, list[str]]] = []
    for block in _FENCE.findall(text):
        lines = block.rstrip("\n").split("\n")
        if not lines[0].startswith("$ boardpack "):
            continue
        for line in lines:
            if line.startswith("$ "):
                out.append((line[2:], []))
            else:
                out[-1][1].append(line)
    return out


def _line_pattern(expected: str) -> re.Pattern:
    parts = [re.escape(p) for p in _ELAPSED.sub("; <elapsed>", expected).split("...")]
    return re.compile(".*".join(parts).replace("<elapsed>", r"\d+(?:\.\d+)?s") + r"\Z")


def lines_match(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` with its ``...`` elisions filled in."""
    pats = [None if e.strip() == "..." else _line_pattern(e) for e in expected]
    # reach[j]: expected[:i] can produce actual[:j]
    reach = [True] + [False] * len(actual)
    for pat in pats:
        nxt = [False] * (len(actual) + 1)
        for j, ok in enumerate(reach):
            if not ok:
                continue
            if pat is None:  # any number of lines from here on
                for k in range(j, len(actual) + 1):
                    nxt[k] = True
                break
            if j < len(actual) and pat.match(actual[j]):
                nxt[j + 1] = True
        reach = nxt
    return reach[len(actual)]


def test_the_matcher_can_fail():
    assert lines_match(["a", "...", "c"], ["a", "b", "b", "c"])
    assert lines_match(["x: ...]"], ["x: ['p', 'q']"])
    assert not lines_match(["a", "c"], ["a", "b", "c"])
    assert not lines_match(["22 files; 1.0s"], ["23 files; 1.0s"])
    assert lines_match(["22 files; 1.0s"], ["22 files; 13.25s"])


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    if not any((ROOT / "corpus").rglob("*.gold.json")):
        pytest.skip("corpus not generated (run `make corpus`)")
    ws = tmp_path_factory.mktemp("readme")
    (ws / "corpus").symlink_to(ROOT / "corpus")
    toml = re.search(r"^```toml\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)
    assert toml, "the README's Settings section lost its toml example"
    (ws / "boardpack.toml").write_text(toml.group(1), encoding="utf-8")
    return ws


def _run(command: str, ws: Path) -> tuple[list[str], list[str]]:
    argv = shlex.split(command)
    env = {**os.environ, "BOARDPACK_DB": str(ws / "boardpacks.db"), "COLUMNS": "100"}
    proc = subprocess.run([sys.executable, "-m", "boardpack", *argv[1:]], cwd=ws, env=env,
                          capture_output=True, text=True, timeout=600)
    return proc.stdout.rstrip("\n").split("\n"), proc.stderr.rstrip("\n").split("\n")


def test_every_readme_console_example_prints_what_the_readme_shows(workspace):
    found = examples(README.read_text(encoding="utf-8"))
    assert len(found) >= 4, "the README's console examples were not found"
    stale = []
    for command, expected in found:
        out, err = _run(command, workspace)
        want_err = sorted(e for e in expected if e.startswith("error: "))
        want_out = [e for e in expected if not e.startswith("error: ")]
        got_err = sorted(e for e in err if e.startswith("error: "))
        if want_err != got_err or not lines_match(want_out, out):
            printed = err + out
            more = f"\n[{len(printed) - 40} more lines]" if len(printed) > 40 else ""
            stale.append(f"$ {command}\n--- printed:\n" + "\n".join(printed[:40]) + more)
    assert not stale, "README examples no longer match a real run:\n\n" + "\n\n".join(stale)
