"""architecture.md's layers, enforced: imports point down only; Qt only in gui and export."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

VIEWER = Path(__file__).resolve().parents[1] / "viewer"

ALLOWED = {
    "core": {"core"},
    "analysis": {"core", "analysis"},
    "importers": {"core", "analysis", "importers"},
    "search": {"core", "analysis", "search", "importers"},
    "notes": {"core", "notes"},
    "export": {"core", "notes", "export"},
    "commands": {"core", "analysis", "importers", "search", "notes", "export", "commands", "cli"},
    "gui": {"core", "analysis", "importers", "search", "notes", "export", "gui", "commands"},
}
QT_ALLOWED = {"gui", "export"}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module, at top level) for every import in the file."""
    tree = ast.parse(path.read_text("utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, id(node) in top))
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_down(layer: str) -> None:
    folder = VIEWER / layer
    if not folder.is_dir():
        pytest.skip(f"viewer/{layer} does not exist yet")
    for path in folder.rglob("*.py"):
        for module, at_top in _imports(path):
            parts = module.split(".")
            if parts[0] == "PySide6":
                assert layer in QT_ALLOWED, f"{path}: Qt imported outside gui/export"
            if parts[0] == "viewer" and len(parts) > 1 and parts[1] != "__init__":
                target = parts[1]
                if target == "gui" and layer == "commands" and not at_top:
                    continue  # the gui command starts the window lazily
                assert target in ALLOWED[layer] or target in {"__version__"}, f"{path} imports {module}"


def test_cli_and_core_never_import_qt_at_top_level() -> None:
    for path in [VIEWER / "cli.py", *VIEWER.glob("commands/*.py"), *VIEWER.glob("core/*.py")]:
        for module, at_top in _imports(path):
            assert not (at_top and module.startswith(("PySide6", "viewer.gui"))), f"{path} imports {module} at start"
