"""The window's remembered choices, one JSON file at DataPaths.settings_path."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "theme": "light",
    "language": "fa",
    "folders": [],
    "last_query": "",
    "sort": "relevance",
    "zoom": 0,
    "geometry": "",
    "splitter": "",
    "window_state": "",
}


class Settings:
    """A dict of JSON values with defaults; `save()` writes atomically."""

    def __init__(self, path: Path):
        self.path = path
        self._values: dict[str, Any] = dict(DEFAULTS)
        self._load()

    def _load(self) -> None:
        try:
            stored = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings unreadable, using defaults: %s", exc)
            return
        if isinstance(stored, dict):
            self._values.update(stored)

    def get(self, key: str) -> Any:
        return self._values.get(key, DEFAULTS.get(key))

    def set(self, key: str, value: Any) -> None:
        self._values[key] = value

    @property
    def theme(self) -> str:
        return "dark" if self.get("theme") == "dark" else "light"

    @property
    def language(self) -> str:
        return "en" if self.get("language") == "en" else "fa"

    @property
    def folders(self) -> list[str]:
        return [str(f) for f in self.get("folders") or []]

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp = self.path.with_suffix(".tmp")
            temp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), "utf-8")
            os.replace(temp, self.path)
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
