"""Every way into the notes store stores a colour the same way: a palette name (English or Persian)
as the palette's light colour, any other colour as #rrggbb, anything else refused with a message in
both languages (an import refuses that note and takes the rest). Qt painted a bare "green" #008000.
Notes stored before, with bare names, are mapped by a schema step, checked on a file the old
Bayegan wrote (tests/data/notes-old)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from viewer.core.annotation import HIGHLIGHT_PALETTE, Annotation, Motivation, new_annotation_id
from viewer.core.errors import BayeganError
from viewer.notes import extras
from viewer.notes.schema import LATEST_VERSION
from viewer.notes.store import NotesStore
from viewer.notes.w3c_import import import_data
from viewer.notes.webanno import export_store

OLD_NOTES = Path(__file__).parents[2] / "data" / "notes-old" / "schema2-colours.sqlite3"
GREEN, YELLOW, BLUE, PINK = (HIGHLIGHT_PALETTE[n] for n in ("green", "yellow", "blue", "pink"))


def stored_colours(path: Path, table: str = "annotations") -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute(f"SELECT color FROM {table} ORDER BY seq")]


def annotation(number: int, colour: object, text: str = "یادداشت همکار") -> dict[str, Any]:
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "id": f"urn:uuid:00000000-0000-4000-8000-00000000010{number}", "motivation": "commenting",
            "created": "2026-01-01T10:00:00.000Z",
            "body": {"type": "TextualBody", "value": f"{text} {number}", "color": colour},
            "target": "urn:bayegan:article:a1"}


def test_every_write_stores_the_palettes_colour_for_a_name(store: NotesStore) -> None:
    text = "متن خبر برای برجسته‌سازی"
    added = store.add(Annotation(new_annotation_id(), "a1", Motivation.COMMENTING, "نخست", "green"))
    highlight = store.create_highlight("a1", text, 0, 3, color="Yellow")
    comment = store.create_comment("a1", "دوم", color="سبز")
    edited = store.create_comment("a1", "سوم", color="#ABC")
    after = store.edit(edited.id, color="Pink").after
    with store.transaction() as db:
        extras.keep_version(db, added.id, extras.KeptVersion("کنار گذاشته", "blue", "", added.modified, "replaced"))
        NotesStore.write_text(db, added.with_changes(body="نخست ویراسته", color="آبی"))
    report = import_data(store, [annotation(1, "yellow"), annotation(2, "#ABCDEF")])
    assert report.added == 2 and not report.refused
    assert (added.color, highlight.color, comment.color, after.color) == (GREEN, YELLOW, GREEN, PINK)  # as returned
    assert stored_colours(store.path) == [BLUE, YELLOW, GREEN, PINK, YELLOW, "#abcdef"]  # as stored
    assert stored_colours(store.path, "annotation_versions") == [BLUE]


@pytest.mark.parametrize("write", ["add", "comment", "edit"])
def test_what_is_no_colour_is_refused_in_both_languages_and_nothing_changes(store: NotesStore, write: str) -> None:
    kept = store.create_comment("a1", "بماند", color="orange")
    writes: dict[str, Callable[[], object]] = {
        "add": lambda: store.add(Annotation(new_annotation_id(), "a1", Motivation.COMMENTING, "تازه", "banana")),
        "comment": lambda: store.create_comment("a1", "تازه", color="banana"),
        "edit": lambda: store.edit(kept.id, body="ویراسته", color="banana"),
    }
    with pytest.raises(BayeganError) as refused:
        writes[write]()
    assert "banana" in refused.value.en and "رنگ نیست" in refused.value.fa
    assert store.all() == [kept]


def test_an_import_refuses_the_note_with_no_colour_and_takes_the_rest(store: NotesStore) -> None:
    report = import_data(store, [annotation(1, "green"), annotation(2, "banana"), annotation(3, "Red"),
                                 annotation(4, "rgb(1, 2, 3)")])
    assert report.added == 2
    assert [(r["annotation"][-3:], r["field"]) for r in report.refused] == [("102", "body.color"), ("104", "body.color")]
    assert all("banana" in r["reason"] or "rgb" in r["reason"] for r in report.refused)
    assert all("رنگ نیست" in r["reason_fa"] for r in report.refused)
    assert stored_colours(store.path) == [GREEN, "#ff0000"]


def test_the_export_writes_the_stored_colour(store: NotesStore) -> None:
    import_data(store, [annotation(1, "green")])
    store.create_comment("a1", "تازه", color="زرد")
    items = export_store(store)["first"]["items"]
    assert [item["body"]["color"] for item in items] == [GREEN, YELLOW]


def test_notes_stored_with_bare_names_by_the_old_bayegan_are_mapped(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    shutil.copy(OLD_NOTES, path)
    with sqlite3.connect(path) as db:
        assert {v for (v,) in db.execute("SELECT version FROM schema_version")} == {1, 2}
        before = {row[0]: row[1:] for row in db.execute("SELECT body, color, id, modified, quote_exact FROM annotations")}
    assert before["رنگ Red"][0] == "Red" and before["سبز همکار"][0] == "سبز"  # written as typed
    with NotesStore(path, tmp_path / "backups", backup=False) as store:
        colours = {note.body: note.color for note in store.all()}
        versions = store.versions("urn:uuid:00000000-0000-4000-8000-000000000003")
    assert colours == {"رنگ Red": "#ff0000", "رنگ #ABC": "#aabbcc", "رنگ banana": "", "رنگ green": GREEN,
                       "رنگ پیش‌فرض": "", "زرد همکار": YELLOW, "سبز همکار": GREEN, "متن تازهٔ همکار": BLUE}
    assert [(v.body, v.color) for v in versions] == [("متن من", BLUE)]
    with sqlite3.connect(path) as db:
        assert max(v for (v,) in db.execute("SELECT version FROM schema_version")) == LATEST_VERSION
        after = {row[0]: row[1:] for row in db.execute("SELECT body, color, id, modified, quote_exact FROM annotations")}
    assert {body: rest[1:] for body, rest in after.items()} == {body: rest[1:] for body, rest in before.items()}
