"""The remembered choices, one JSON file at DataPaths.settings_path (the same file and keys the
window has always written)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from viewer.core.atomic_write import write_text_atomically

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
AUTHOR_KEY = "author"


class Settings:
    """A dict of JSON values with defaults; `save()` writes atomically. An unreadable file means
    the defaults (and a warning in the log), never an error."""

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

    @property
    def author(self) -> str | None:
        """The name the researcher gave for their notes ("" when they chose none); None: not asked yet."""
        name = self.get(AUTHOR_KEY)
        return name.strip() if isinstance(name, str) else None

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self.path, json.dumps(self._values, ensure_ascii=False, indent=2))
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
