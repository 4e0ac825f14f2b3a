"""architecture.md's layers are import-linter contracts in pyproject.toml (run by `.ci/dev test`).
What a static graph cannot tell is checked here: the command line and the app import no Qt (nor the
engine) when they start; Qt and the engine load only when a command needs them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("PySide6", "qt_material", "whoosh", "hazm", "viewer.search", "viewer.notes", "viewer.export",
         "viewer.gui", "viewer.importers", "viewer.analysis")


def _loaded_after(statement: str) -> list[str]:
    code = (f"import sys, json\n{statement}\n"
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {{'PySide6', 'qt_material', "
            f"'whoosh', 'hazm'}} or m.startswith({HEAVY!r}))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return list(json.loads(done.stdout))


@pytest.mark.parametrize("statement", [
    "import viewer.cli",
    "from viewer.cli import build_parser; build_parser()",
    "import viewer.app.library, viewer.app.settings, viewer.app.note_exchange, viewer.app.pdf_export",
])
def test_starting_loads_neither_qt_nor_the_engine(statement: str) -> None:
    assert _loaded_after(statement) == []


def test_the_types_the_faces_name_load_neither_qt_nor_the_engine() -> None:
    # Hit, SearchResult, SyncReport, ... are plain data in viewer/core: naming them costs no Whoosh.
    loaded = _loaded_after("from viewer.app import types")
    assert not [m for m in loaded if m.startswith(("PySide6", "viewer.gui", "whoosh", "hazm", "viewer.search"))]
