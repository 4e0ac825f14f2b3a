"""Notes in and out: W3C Web Annotation JSON-LD (the one way both faces exchange them) and Markdown
for writing. Exports name each article by its URL when the archive has it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.core.article import Article
from viewer.core.atomic_write import write_text_atomically
from viewer.core.errors import BayeganError

if TYPE_CHECKING:
    from viewer.core.results import MergeReport
    from viewer.notes.store import NotesStore
    from viewer.search.results.searcher import ArchiveSearcher

ArticleLookup = Callable[[str], Article | None]
NOTES_FORMATS = ("jsonld", "markdown")  # export_notes' formats


def document(store: NotesStore, get_article: ArticleLookup | None = None) -> dict[str, Any]:
    from viewer.notes.webanno import export_store

    return export_store(store, get_article)


def as_text(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def notes_text(store: NotesStore, get_article: ArticleLookup, fmt: str = "jsonld") -> tuple[str, int]:
    """Every note as `fmt` (jsonld or markdown), and the number of notes."""
    if fmt == "markdown":
        from viewer.notes.markdown import notes_markdown

        return notes_markdown(store, get_article), store.count()
    if fmt != "jsonld":
        raise BayeganError(f"Unknown notes format {fmt!r} (jsonld or markdown).",
                           f"قالب {fmt!r} برای یادداشت‌ها شناخته نیست (jsonld یا markdown).")
    collection = document(store, get_article)
    return as_text(collection), int(collection["total"])


def write(text: str, target: Path) -> None:
    """Writes `text` to `target` atomically (the file appears only when complete)."""
    try:
        write_text_atomically(target, text)
    except OSError as exc:
        raise BayeganError(f"Cannot write {target}: {exc.strerror or exc}",
                           f"پروندهٔ {target} نوشته نشد: {exc.strerror or exc}") from exc


def read(source: Path) -> Any:
    """The parsed file; a bilingual error when it is not JSON."""
    from viewer.notes.webanno import read_file

    return read_file(source)


def merge(store: NotesStore, data: Any, searcher: ArchiveSearcher) -> MergeReport:
    """Merges parsed W3C data; each note's article is found by URL, news code, Bayegan IRI or id, then
    by its quoted passage."""
    from viewer.notes.webanno import import_data
    from viewer.search.results.article_finder import ArchiveArticleFinder

    return import_data(store, data, ArchiveArticleFinder(searcher))
