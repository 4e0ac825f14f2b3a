"""An annotation with several text bodies and several targets (issue 32): each body and each target
stays visible in the notes panel, and the export gives the annotation back as it came."""

from __future__ import annotations

import copy
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.notes.archives import ARTICLES, indexed, write_json, write_jsonl
from viewer.app.library import Library
from viewer.core.paths import DataPaths
from viewer.notes.store import NotesStore
from viewer.notes.w3c_export import as_uri
from viewer.notes.webanno import ANNO_CONTEXT, export_store, import_data
from viewer.search.archive import Archive
from viewer.search.results.article_finder import ArchiveArticleFinder

if TYPE_CHECKING:
    from viewer.gui.notes.panel import NotesPanel

ANNOTATION_ID = "http://example.org/anno/two-bodies-two-targets"
FIRST_BODY, SECOND_BODY = "دو شهر خواهرخوانده", "نمایشگاه را هم ببینید"


def _annotation() -> dict[str, Any]:
    return {
        "@context": ANNO_CONTEXT, "id": ANNOTATION_ID, "type": "Annotation", "motivation": "commenting",
        "created": "2024-03-01T10:00:00Z", "creator": {"type": "Person", "name": "سارا"},
        "body": [{"type": "TextualBody", "value": FIRST_BODY, "purpose": "commenting", "language": "fa"},
                 {"type": "TextualBody", "value": SECOND_BODY, "format": "text/plain"}],
        "target": [
            {"source": as_uri(str(ARTICLES[0]["url"])), "selector": {"type": "TextQuoteSelector", "exact": "کوروش خسروی"}},
            {"source": as_uri(str(ARTICLES[1]["url"])),
             "selector": {"type": "TextQuoteSelector", "exact": "ناشران خارجی از بیست کشور"}},
        ],
    }


@pytest.fixture
def imported(tmp_path: Path) -> Iterator[tuple[DataPaths, NotesStore]]:
    paths = indexed(tmp_path / "data", write_json(tmp_path / "archive"))
    with Archive(paths).searcher() as searcher, NotesStore(paths.notes_path) as store:
        report = import_data(store, _annotation(), ArchiveArticleFinder(searcher))
        assert (report.added, report.refused, report.orphaned) == (2, [], 0), report.as_json()
        yield paths, store


def _exported(paths: DataPaths, store: NotesStore) -> dict[str, Any]:
    with Archive(paths).searcher() as searcher:
        return dict(json.loads(json.dumps(export_store(store, searcher.article), ensure_ascii=False)))


def test_each_body_is_kept_apart(imported: tuple[DataPaths, NotesStore]) -> None:
    _paths, store = imported
    note = store.require(ANNOTATION_ID)
    assert store.bodies(note.id) == [FIRST_BODY, SECOND_BODY]
    (other,) = store.linked(note.id)
    assert store.bodies(other.id) == [FIRST_BODY, SECOND_BODY] and other.article_id != note.article_id


def test_the_export_gives_the_annotation_back_as_it_came(imported: tuple[DataPaths, NotesStore]) -> None:
    paths, store = imported
    original = _annotation()
    document = _exported(paths, store)
    assert document["total"] == 1
    (item,) = document["first"]["items"]
    assert item["id"] == ANNOTATION_ID and "via" not in item
    assert item["body"] == original["body"] and item["creator"] == original["creator"]
    assert isinstance(item["target"], list) and len(item["target"]) == 2
    for came, went in zip(original["target"], item["target"], strict=True):
        assert went["source"] == came["source"]
        quote, position = went["selector"]
        assert quote["type"] == "TextQuoteSelector" and quote["exact"] == came["selector"]["exact"]
        assert position["type"] == "TextPositionSelector"

    # … and read again elsewhere (an archive of other files), the same two notes, the same export.
    other = indexed(paths.data_dir.parent / "other-data", write_jsonl(paths.data_dir.parent / "other-files"))
    with Archive(other).searcher() as searcher, NotesStore(other.notes_path) as again:
        report = import_data(again, copy.deepcopy(document), ArchiveArticleFinder(searcher))
        assert (report.added, report.orphaned) == (2, 0)
        assert again.bodies(ANNOTATION_ID) == [FIRST_BODY, SECOND_BODY]
        twice = json.loads(json.dumps(export_store(again, searcher.article), ensure_ascii=False))
    assert twice["first"]["items"] == document["first"]["items"]


def test_an_edited_target_goes_out_on_its_own_nothing_lost(imported: tuple[DataPaths, NotesStore]) -> None:
    paths, store = imported
    (other,) = store.linked(ANNOTATION_ID)
    store.edit(other.id, body="نظر تازه")
    items = {item["id"]: item for item in _exported(paths, store)["first"]["items"]}
    assert set(items) == {ANNOTATION_ID, other.id}
    assert items[other.id]["via"] == ANNOTATION_ID and items[other.id]["body"]["value"] == "نظر تازه"
    assert items[ANNOTATION_ID]["body"] == _annotation()["body"]
    assert store.bodies(other.id) == ["نظر تازه"]


def _card_lines(panel: NotesPanel, note_id: str) -> list[str]:
    """The lines of the note's text on its card in the notes panel, as the reader sees them."""
    from viewer.gui.notes.card import NoteCard

    card = panel.card_for(note_id)
    assert isinstance(card, NoteCard)
    return [html.unescape(line) for line in card.rows[0].body.text().split("<br>")]


def test_the_panel_shows_each_body_and_each_target(qtbot, qapp, imported: tuple[DataPaths, NotesStore]) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.notes.panel import NotesPanel

    paths, _store = imported
    with Library(paths) as library:
        panel = NotesPanel(library, author=lambda: "مریم")
        qtbot.addWidget(panel)
        note = library.notes.require(ANNOTATION_ID)
        panel.show_article(note.article_id)
        lines = _card_lines(panel, ANNOTATION_ID)
        assert f"• {FIRST_BODY}" in lines and f"• {SECOND_BODY}" in lines
        other_title = str(ARTICLES[1]["title"])
        assert any(line.startswith(f"↔ {other_title}") and "ناشران خارجی" in line for line in lines), lines
        (other,) = library.notes.linked(ANNOTATION_ID)
        panel.show_article(other.article_id)
        assert any(line.startswith(f"↔ {ARTICLES[0]['title']}") for line in _card_lines(panel, other.id))
        panel.library_closing()
