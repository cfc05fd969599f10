"""Small units, held by the suite: ruff over the package folders, mypy over the core.

ruff runs with the configuration in pyproject.toml ([tool.ruff]): pyflakes,
syntax errors, cyclomatic complexity (C901, limit 15), too many arguments
(PLR0913) and statements (PLR0915). A function may also not run past
MAX_LINES lines, nor a module past MAX_MODULE_LINES (ruff has no such rules;
the AST and the file give them; a module's unit name is ``<module>``).

The size findings are a ratchet, not an exception list:
tests/complexity_baseline.txt names the units that were already over a limit,
with their size then. A listed unit may not grow; an unlisted one may not pass
the limit; and a listed unit that got smaller fails until its line is lowered
(or dropped, once it is under the limit), so the list only ever shrinks.
Every other ruff finding fails outright.

Rewrite the baseline from the code as it is (after shrinking a unit) with
``python tests/test_lint.py --write-baseline``; review the diff: it must only
lower numbers or drop lines.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("boardpack", "ingest", "extractors", "schema")
BASELINE = ROOT / "tests" / "complexity_baseline.txt"
MAX_LINES = 60
#: a module longer than this holds more than one idea: split it by meaning
MAX_MODULE_LINES = 400

#: ruff size rules -> the measure's name in the baseline
SIZE_RULES = {"C901": "complexity", "PLR0913": "args", "PLR0915": "statements"}
#: "(72 > 15)" at the end of a size finding's message
_MEASURE = re.compile(r"\((\d+) > (\d+)\)")


def _ruff_findings() -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "json", "--no-cache", *FOLDERS],
        cwd=ROOT, capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        pytest.fail(f"ruff did not run (install the test extra: pip install -e '.[test]'): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def _functions(path: Path) -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function in a module with its qualified name (Class.method, outer.inner)."""
    out: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((prefix + child.name, child))
                walk(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                walk(child, prefix + child.name + ".")
            else:
                walk(child, prefix)

    walk(ast.parse(path.read_text(encoding="utf-8")), "")
    return out


def _unit_at(rel: str, row: int, cache: dict) -> str:
    """The qualified name of the function whose ``def`` line is ``row``."""
    if rel not in cache:
        cache[rel] = {fn.lineno: name for name, fn in _functions(ROOT / rel)}
    return cache[rel].get(row, f"line {row}")


def measure() -> tuple[dict[tuple[str, str], int], list[str]]:
    """(unit, measure) -> size for every unit over a limit; and every other finding."""
    sizes: dict[tuple[str, str], int] = {}
    other: list[str] = []
    defs: dict[str, dict[int, str]] = {}
    for f in _ruff_findings():
        rel = Path(f["filename"]).resolve().relative_to(ROOT).as_posix()
        row = f["location"]["row"]
        m = _MEASURE.search(f["message"])
        if f["code"] in SIZE_RULES and m:
            sizes[(f"{rel}:{_unit_at(rel, row, defs)}", SIZE_RULES[f["code"]])] = int(m.group(1))
        else:
            other.append(f"{rel}:{row}: {f['code']} {f['message']}")
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            module_lines = len(path.read_text(encoding="utf-8").splitlines())
            if module_lines > MAX_MODULE_LINES:
                sizes[(f"{rel}:<module>", "lines")] = module_lines
            for name, fn in _functions(path):
                length = fn.end_lineno - fn.lineno + 1
                if length > MAX_LINES:
                    sizes[(f"{rel}:{name}", "lines")] = length
    return sizes, other


def read_baseline() -> dict[tuple[str, str], int]:
    out = {}
    for n, line in enumerate(BASELINE.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        assert len(parts) == 3 and parts[2].isdigit(), f"{BASELINE.name}:{n}: want 'path:function measure size', got {line!r}"
        out[(parts[0], parts[1])] = int(parts[2])
    return out


def ratchet(current: dict[tuple[str, str], int], baseline: dict[tuple[str, str], int]) -> list[str]:
    """What breaks the ratchet: new oversized units, grown ones, and shrunk ones whose line was not lowered."""
    problems = []
    for key in sorted(set(current) | set(baseline)):
        unit, what = key
        now, then = current.get(key), baseline.get(key)
        if then is None:
            problems.append(f"{unit}: {what} {now} is over the limit (split it into smaller named steps)")
        elif now is not None and now > then:
            problems.append(f"{unit}: {what} grew from {then} to {now} (the baseline only shrinks)")
        elif now is None:
            problems.append(f"{unit}: {what} is now under the limit: drop its line from {BASELINE.name}")
        elif now < then:
            problems.append(f"{unit}: {what} shrank from {then} to {now}: lower its line in {BASELINE.name}")
    return problems


def test_ruff_finds_nothing_outside_the_size_rules():
    _, other = measure()
    assert not other, "ruff findings:\n" + "\n".join(other)


def test_unit_sizes_only_shrink():
    current, _ = measure()
    problems = ratchet(current, read_baseline())
    assert not problems, "unit sizes against tests/complexity_baseline.txt:\n" + "\n".join(problems)


def test_the_ratchet_catches_growth_newcomers_and_unrecorded_shrinking():
    base = {("a.py:f", "complexity"): 20, ("a.py:g", "lines"): 80}
    assert ratchet({("a.py:f", "complexity"): 20, ("a.py:g", "lines"): 80}, base) == []
    assert "grew" in ratchet({("a.py:f", "complexity"): 21, ("a.py:g", "lines"): 80}, base)[0]
    assert "shrank" in ratchet({("a.py:f", "complexity"): 19, ("a.py:g", "lines"): 80}, base)[0]
    assert "drop its line" in ratchet({("a.py:g", "lines"): 80}, base)[0]
    assert "over the limit" in ratchet({**base, ("a.py:h", "args"): 7}, base)[0]


def test_no_private_name_crosses_a_module():
    """A name another module imports is part of its module's interface, so it is public."""
    crossing = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("boardpack")):
                    crossing += [f"{path.relative_to(ROOT)}:{node.lineno}: {a.name} from {node.module}"
                                 for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
    assert not crossing, "private names imported across modules:\n" + "\n".join(crossing)


def test_mypy_passes_on_the_core():
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    if "No module named mypy" in proc.stderr:
        pytest.fail("mypy is not installed: pip install -e '.[test]'")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def write_baseline() -> None:
    current, _ = measure()
    lines = [
        "# Units over a size limit when the limits came in (tests/test_lint.py).",
        "# path:function measure size. A line may only be lowered or dropped, never raised or added.",
    ]
    lines += [f"{unit} {what} {size}" for (unit, what), size in sorted(current.items())]
    BASELINE.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write-baseline"]:
    write_baseline()
