"""The layers of the code, held against its imports.

    core (boardpack.core)                       depends on nothing of the project
    ingest, extractors, schema                  on the core only (and not on each other)
    store (boardpack.store)                     on the core, the schema and the extractors' row types
    surfaces (boardpack.<module>: pipeline,     on anything below
      batch, cli*, serve, export, evaluate*)

Imports are read from the source (every ``import`` statement, at module level
or inside a function), so a cycle cannot hide in a late import. The only
imports allowed inside functions are the CLI's: its commands load their module
when used, so that ``boardpack --help`` stays fast.
"""

from __future__ import annotations

import ast
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: layer of each import-name prefix; a surface is any other boardpack module
LAYERS = {
    "boardpack.core": 0,
    "boardpack.ingest": 1,
    "boardpack.extractors": 1,
    "boardpack.schema": 1,
    "boardpack.store": 2,
}
SURFACE = 3
#: modules whose functions may import project modules (lazy command loading)
LAZY_IMPORTERS = ("boardpack.cli",)


def _package_dirs() -> dict[str, Path]:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    mapped = conf["package-dir"]
    out = {}
    for pkg in conf["packages"]:
        base = next((k for k in sorted(mapped, key=len, reverse=True) if pkg == k or pkg.startswith(k + ".")), None)
        folder = Path(mapped[base]) / Path(*pkg[len(base) + 1:].split(".")) if base and pkg != base else Path(mapped.get(pkg, pkg))
        out[pkg] = ROOT / folder
    return out


def _modules() -> dict[str, Path]:
    mods = {}
    for pkg, folder in _package_dirs().items():
        for f in folder.glob("*.py"):
            mods[pkg if f.name == "__init__.py" else f"{pkg}.{f.stem}"] = f
    return mods


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, bool, int]]:
    """(imported project module, inside a function?, line) for every import in ``path``."""
    tree = ast.parse(path.read_text())
    pkg = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for a in child.names:
                    target = _longest_module(a.name)
                    if target:
                        out.append((target, in_function, child.lineno))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    parts = pkg.split(".")
                    base = ".".join(parts[: len(parts) - (child.level - 1)] + ([child.module] if child.module else []))
                else:
                    base = child.module or ""
                for a in child.names:
                    target = _longest_module(f"{base}.{a.name}") or _longest_module(base)
                    if target:
                        out.append((target, in_function, child.lineno))
            visit(child, nested)

    visit(tree, False)
    return [t for t in out if t[0] != name]


def _longest_module(dotted: str) -> str | None:
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        if ".".join(parts[:i]) in MODULES:
            return ".".join(parts[:i])
    return None


def _layer(module: str) -> tuple[int, str]:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix], prefix
    return SURFACE, "boardpack"


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def test_the_layout_is_read_from_the_real_tree():
    # a broken package-dir map would make every other test here vacuous
    for expected in ("boardpack.core.model", "boardpack.ingest.pdf_reader", "boardpack.extractors.minutes",
                     "boardpack.schema", "boardpack.store.database", "boardpack.cli"):
        assert expected in MODULES
    assert sum(len(v) for v in GRAPH.values()) > 100


def test_corpus_generator_is_not_installed():
    assert not any(m.startswith(("boardpack.corpus", "corpus")) for m in MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_layers(module):
    mine, my_group = _layer(module)
    bad = []
    for target, _, line in GRAPH[module]:
        theirs, group = _layer(target)
        if theirs > mine or (theirs == mine and group != my_group and mine != SURFACE):
            bad.append(f"{MODULES[module].relative_to(ROOT)}:{line} imports {target}")
    assert not bad, "upward or sideways imports:\n" + "\n".join(bad)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_project_import_inside_a_function(module):
    if module.startswith(LAZY_IMPORTERS):
        return
    late = [f"{MODULES[module].relative_to(ROOT)}:{line} imports {t} inside a function"
            for t, in_function, line in GRAPH[module] if in_function]
    assert not late, "\n".join(late)


def test_no_import_cycles():
    edges = defaultdict(set)
    for m, targets in GRAPH.items():
        for t, _, _ in targets:
            edges[m].add(t)
    # Tarjan's strongly connected components
    index, low, stack, on, cycles, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(MODULES):
        if v not in index:
            strong(v)
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)
