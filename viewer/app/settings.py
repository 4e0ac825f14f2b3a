"""The remembered choices, one JSON file at DataPaths.settings_path (the same file and keys the
window has always written).

Every key is declared here once, with its type and default (as qutebrowser's configdata): code asks
`settings.get(ZOOM)` and gets an `int`. A stored value of the wrong type (a hand-edited file) reads
as the default; keys this version does not know are kept as they are when the file is saved."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from viewer.core.atomic_write import write_text_atomically

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting[T]:
    """One remembered choice: its key in the file, its default, and the JSON types it may hold."""

    name: str
    default: T
    kinds: tuple[type, ...]
    doc: str

    def accepts(self, value: object) -> bool:
        if isinstance(value, bool) and bool not in self.kinds:
            return False  # JSON true is no zoom level
        return isinstance(value, self.kinds)


THEME = Setting[str]("theme", "light", (str,), "the colour theme: light or dark")
LANGUAGE = Setting[str]("language", "fa", (str,), "the interface language: fa or en")
FOLDERS = Setting[list[str]]("folders", [], (list,), "the archive's folders, as the researcher chose them")
LAST_QUERY = Setting[str]("last_query", "", (str,), "the search box's text at the end of the last session")
SORT = Setting[str]("sort", "relevance", (str,), "the order of the results")
ZOOM = Setting[int]("zoom", 0, (int,), "the article's text size, in steps from the normal one")
GEOMETRY = Setting[str]("geometry", "", (str,), "the window's place and size (Qt's, in base64)")
SPLITTER = Setting[str]("splitter", "", (str,), "the widths of tags, results and article (Qt's, in base64)")
WINDOW_STATE = Setting[str]("window_state", "", (str,), "the side panels' places (Qt's, in base64)")
SHOWN_PANELS = Setting[list[str] | None]("shown_panels", None, (list, type(None)),
                                         "the panels shown: tags, results, notes, research (absent: the default "
                                         "layout for the window's width)")
READING_MODE = Setting[bool]("reading_mode", False, (bool,), "the article alone in the window")
LAST_ARTICLE = Setting[str]("last_article", "", (str,), "the id of the article read last")
EXPORT_FOLDER = Setting[str]("export_folder", "", (str,), "the folder a PDF or a list was last exported to")
EXPORT_LIST_FORMAT = Setting[str]("export_list_format", "csv", (str,),
                                  "the format a reference list was last exported in: csv, csl-json, ris or bibtex")
HIGHLIGHT_COLOUR = Setting[str]("highlight_colour", "", (str,), "the highlight colour chosen last")
COUNT_STORIES_ONCE = Setting[bool]("count_stories_once", False, (bool,),
                                   "tag counts count a story and its near duplicates once")
LAB = Setting[dict[str, str] | None]("lab", None, (dict, type(None)),
                                      "the lab this desktop is in: its password-free URL and the member's name")
AUTHOR = Setting[str | None]("author", None, (str, type(None)),
                             "the name on notes and PDFs (\"\": none chosen); absent: not asked yet")

SETTINGS: tuple[Setting[Any], ...] = (THEME, LANGUAGE, FOLDERS, LAST_QUERY, SORT, ZOOM, GEOMETRY, SPLITTER,
                                      WINDOW_STATE, SHOWN_PANELS, READING_MODE, LAST_ARTICLE, EXPORT_FOLDER,
                                      EXPORT_LIST_FORMAT, HIGHLIGHT_COLOUR,
                                      COUNT_STORIES_ONCE, AUTHOR, LAB)


class Settings:
    """The declared settings read from and written to one JSON object; `save()` writes atomically. An
    unreadable file means the defaults (and a warning in the log), never an error."""

    def __init__(self, path: Path):
        self.path = path
        self._values: dict[str, Any] = {}
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

    def get[T](self, setting: Setting[T]) -> T:
        value = self._values.get(setting.name, setting.default)
        return cast(T, value) if setting.accepts(value) else setting.default

    def set[T](self, setting: Setting[T], value: T) -> None:
        self._values[setting.name] = value

    @property
    def theme(self) -> str:
        return "dark" if self.get(THEME) == "dark" else "light"

    @property
    def language(self) -> str:
        return "en" if self.get(LANGUAGE) == "en" else "fa"

    @property
    def folders(self) -> list[str]:
        return [str(f) for f in self.get(FOLDERS)]

    @property
    def author(self) -> str | None:
        """The name the researcher gave for their notes ("" when they chose none); None: not asked yet."""
        name = self.get(AUTHOR)
        return name.strip() if name is not None else None

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            values = {setting.name: setting.default for setting in SETTINGS if setting.default is not None}
            write_text_atomically(self.path, json.dumps(values | self._values, ensure_ascii=False, indent=2))
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
