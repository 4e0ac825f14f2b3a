"""Notes in and out as W3C Web Annotation JSON-LD, the one way both faces exchange them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.core.article import Article
from viewer.core.atomic_write import write_text_atomically
from viewer.core.errors import BayeganError

if TYPE_CHECKING:
    from viewer.notes.store import MergeReport, NotesStore
    from viewer.notes.w3c_import import ArticleFinder


def document(store: NotesStore) -> dict[str, Any]:
    from viewer.notes.webanno import export_store

    return export_store(store)


def as_text(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def write(collection: dict[str, Any], target: Path) -> int:
    """Writes the collection to `target` atomically; returns its number of notes."""
    try:
        write_text_atomically(target, as_text(collection))
    except OSError as exc:
        raise BayeganError(f"Cannot write {target}: {exc.strerror or exc}",
                           f"پروندهٔ {target} نوشته نشد: {exc.strerror or exc}") from exc
    return int(collection["total"])


def read(source: Path) -> Any:
    """The parsed file; a bilingual error when it is not JSON."""
    from viewer.notes.webanno import read_file

    return read_file(source)


def merge(store: NotesStore, data: Any, finder: ArticleFinder | Callable[[str], Article | None]) -> MergeReport:
    """`finder` places each note: by id, and (an ArticleFinder) by the page's URL or by its quote."""
    from viewer.notes.webanno import import_data

    return import_data(store, data, finder)
