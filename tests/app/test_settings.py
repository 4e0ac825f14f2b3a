"""The settings file read through the one declaration of its keys (viewer/app/settings.py): each key
gives its declared type, a value of the wrong type in a hand-edited file reads as the default, and a
key this version does not know survives a save."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from viewer.app.settings import AUTHOR, COUNT_STORIES_ONCE, FOLDERS, SETTINGS, ZOOM, Settings

REPO = Path(__file__).resolve().parents[2]


def test_each_key_reads_as_its_declared_type(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"zoom": "3", "folders": "/one/folder", "count_stories_once": 1, "author": 7,
                                "sort": "date", "from_a_newer_version": {"kept": True}}), "utf-8")
    settings = Settings(path)
    assert settings.get(ZOOM) == 0 and settings.get(FOLDERS) == [] and settings.folders == []
    assert settings.get(COUNT_STORIES_ONCE) is False and settings.get(AUTHOR) is None and settings.author is None
    settings.set(ZOOM, 2)
    settings.save()
    stored = json.loads(path.read_text("utf-8"))
    assert stored["zoom"] == 2 and stored["sort"] == "date" and stored["from_a_newer_version"] == {"kept": True}
    assert Settings(path).get(ZOOM) == 2


def test_every_default_has_its_declared_type() -> None:
    for setting in SETTINGS:
        assert setting.accepts(setting.default), setting.name
    assert len({setting.name for setting in SETTINGS}) == len(SETTINGS)


def test_no_module_names_a_settings_key_as_a_string() -> None:
    """`settings.get("zoom")` would bypass the declaration: every get and set passes a declared key."""
    names = {setting.name for setting in SETTINGS}
    found = []
    for path in (REPO / "viewer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "set")
                    and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value in names
                    and "settings" in ast.unparse(node.func.value).lower()):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not found
