"""No import cycle inside a package: every import counts, also one under TYPE_CHECKING or inside a
function, because each is a dependency of one module on another all the same (a cycle there is what
a free function taking the window, typed by a TYPE_CHECKING import, makes). The graph is read from
the source with ast, so it sees imports that never run."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Packages whose modules must not import each other in a circle: all of viewer (issue 31 cut the window's
# cycle of ten modules, the notes panel's of four, the notes backups' and the discourse counts' of
# two and three), and the window on its own so a failure names its part.
ACYCLIC = ["viewer", "viewer.gui"]


def module_names(root: Path = REPO) -> dict[str, Path]:
    """Every module of viewer/ by dotted name (a package by its own name, for its __init__.py)."""
    names = {}
    for path in (root / "viewer").rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:  # a relative import: from the module's package, up `level - 1` packages
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[:len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    yield base
    yield from (f"{base}.{alias.name}" for alias in node.names)  # `from package import module`


def import_graph(root: Path = REPO) -> dict[str, set[str]]:
    """module -> the modules of viewer/ it imports anywhere in its source (the packages a dotted import
    passes through included, as Python runs their __init__ first)."""
    names = module_names(root)
    graph: dict[str, set[str]] = {name: set() for name in names}
    for name, path in names.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _imported(node, name, path.name == "__init__.py"):
                    parts = target.split(".")
                    for i in range(1, len(parts) + 1):
                        prefix = ".".join(parts[:i])
                        if prefix in names and prefix != name:
                            graph[name].add(prefix)
    return graph


def cycles(graph: dict[str, set[str]], within: str) -> list[list[str]]:
    """The strongly connected components of more than one module among the modules of `within`
    (Tarjan's algorithm, iterative)."""
    nodes = sorted(n for n in graph if n == within or n.startswith(within + "."))
    inside = set(nodes)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start] & inside)))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child] & inside))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle_through_a_type_checking_import(tmp_path: Path) -> None:
    package = tmp_path / "viewer" / "part"
    package.mkdir(parents=True)
    (tmp_path / "viewer" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "window.py").write_text("from viewer.part.helper import lay_out\n")
    (package / "helper.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                       "    from viewer.part.window import Window\n")
    (package / "late.py").write_text("def f():\n    from . import window\n")
    (package / "apart.py").write_text("import viewer.part.late\n")
    graph = import_graph(tmp_path)
    assert graph["viewer.part.late"] == {"viewer", "viewer.part", "viewer.part.window"}
    assert cycles(graph, "viewer.part") == [["viewer.part.helper", "viewer.part.window"]]


@pytest.mark.parametrize("package", ACYCLIC)
def test_no_import_cycle(package: str) -> None:
    found = cycles(import_graph(), package)
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(cycle) for cycle in found)
