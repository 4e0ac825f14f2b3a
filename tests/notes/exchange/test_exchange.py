"""Exchanging notes between two researchers: conflicts keep both texts; notes land by URL in an
archive built from other files holding the same articles; several targets become linked notes."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.notes.archives import indexed, write_json, write_jsonl, write_txt
from viewer.core.annotation import Annotation, Motivation
from viewer.notes import store as store_module
from viewer.notes.store import NotesStore
from viewer.notes.webanno import ANNO_CONTEXT, export_store, import_data
from viewer.search.archive import Archive
from viewer.search.results.article_finder import ArchiveArticleFinder

Cli = Callable[..., tuple[int, str, str]]


def _note(body: str, modified: str) -> Annotation:
    return Annotation("urn:uuid:00000000-0000-4000-8000-000000000001", "a1", Motivation.COMMENTING, body,
                      created="2026-01-01T10:00:00.000Z", modified=modified)


@pytest.fixture
def ticking_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each edit a second after the one before: which edit is newer never rests on the machine's speed."""
    seconds = itertools.count(1)
    monkeypatch.setattr(store_module, "utc_now", lambda: f"2026-02-01T10:00:{next(seconds):02}.000Z")


def test_both_edited_keeps_both_texts_newer_shown(tmp_path: Path, ticking_clock: None) -> None:
    with NotesStore(tmp_path / "mine.sqlite3") as mine, NotesStore(tmp_path / "theirs.sqlite3") as theirs:
        mine.add(_note("متن نخست", "2026-01-01T10:00:00.000Z"))
        import_data(theirs, export_store(mine))
        theirs_edit = theirs.edit(_note("", "").id, body="ویرایش همکار").after
        mine_edit = mine.edit(_note("", "").id, body="ویرایش من").after
        assert theirs_edit.modified < mine_edit.modified  # mine is the newer edit

        report = import_data(mine, export_store(theirs))
        assert (report.conflicts, report.updated, report.added) == (1, 0, 0)
        assert mine.require(mine_edit.id).body == "ویرایش من"  # the newer shown
        assert [(v.body, v.reason) for v in mine.versions(mine_edit.id)] == [("ویرایش همکار", "conflict")]

        report = import_data(theirs, export_store(mine))  # the other way: the newer (mine) is shown there
        assert report.conflicts == 1
        assert theirs.require(mine_edit.id).body == "ویرایش من"
        assert [(v.body, v.reason) for v in theirs.versions(mine_edit.id)] == [("ویرایش همکار", "conflict")]
        again = import_data(theirs, export_store(mine))
        assert (again.conflicts, again.skipped) == (0, 1)  # nothing new: no second copy kept


def test_an_edit_only_there_updates_and_keeps_the_old_text(tmp_path: Path) -> None:
    with NotesStore(tmp_path / "mine.sqlite3") as mine, NotesStore(tmp_path / "theirs.sqlite3") as theirs:
        mine.add(_note("متن نخست", "2026-01-01T10:00:00.000Z"))
        import_data(theirs, export_store(mine))
        theirs.edit(_note("", "").id, body="ویرایش همکار")
        report = import_data(mine, export_store(theirs))
        assert (report.updated, report.conflicts) == (1, 0)
        assert mine.require(_note("", "").id).body == "ویرایش همکار"
        assert [(v.body, v.reason) for v in mine.versions(_note("", "").id)] == [("متن نخست", "replaced")]


def test_cli_import_json_names_conflicts_and_refusals(run_cli: Cli, tmp_path: Path) -> None:
    document = {"@context": ANNO_CONTEXT, "type": "AnnotationCollection", "items": [
        {"id": "urn:uuid:00000000-0000-4000-8000-0000000000a1", "type": "Annotation", "bodyValue": "یک",
         "target": "https://example.org/not-here"},
        {"id": "relative-id", "type": "Annotation", "target": "https://example.org/x"}]}
    path = tmp_path / "in.jsonld"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    code, out, err = run_cli("notes", "import", str(path), "--json")
    assert code == 3, err  # something was refused: a script can tell, though the rest is merged
    assert "1 annotation(s) refused" in err and "رد شد" in err
    shown = json.loads(out)
    assert (shown["added"], shown["orphaned"], shown["conflicts"]) == (1, 1, 0)
    assert [(r["annotation"], r["field"]) for r in shown["refused"]] == [("relative-id", "id")]


def test_cli_import_exits_non_zero_when_every_annotation_is_refused(run_cli: Cli, tmp_path: Path) -> None:
    document = {"@context": ANNO_CONTEXT, "type": "AnnotationCollection", "items": [
        {"id": "relative-id", "type": "Annotation", "target": "https://example.org/x"},
        {"id": "urn:uuid:00000000-0000-4000-8000-0000000000a2", "type": "Annotation"}]}
    path = tmp_path / "in.jsonld"
    path.write_text(json.dumps(document), "utf-8")
    code, out, err = run_cli("notes", "import", str(path))
    assert code == 3 and "2 annotation(s) refused" in err
    assert json.loads(out)["added"] == 0 and len(json.loads(out)["refused"]) == 2
    document["items"] = [{"id": "urn:uuid:00000000-0000-4000-8000-0000000000a3", "type": "Annotation",
                          "bodyValue": "یک", "target": "https://example.org/not-here"}]
    path.write_text(json.dumps(document), "utf-8")
    code, out, err = run_cli("notes", "import", str(path))
    assert code == 0 and json.loads(out)["refused"] == [] and "refused" not in err


def _export_from(folder_writer: Callable[[Path], Path], tmp_path: Path, name: str) -> tuple[dict, dict[str, str]]:
    paths = indexed(tmp_path / f"{name}-data", folder_writer(tmp_path / f"{name}-files"))
    with Archive(paths).searcher() as searcher, NotesStore(paths.notes_path) as store:
        by_code = {a.code or a.title: a for a in searcher.articles()}
        texts = {}
        for key, article in by_code.items():
            start = article.text.index(article.text.split()[2])
            note = store.create_highlight(article.id, article.text, start, start + 12, body=f"یادداشت {key}")
            store.create_reply(note.id, f"پاسخ {key}")
            texts[f"یادداشت {key}"] = article.title
        return json.loads(json.dumps(export_store(store, searcher.article), ensure_ascii=False)), texts


def _import_into(folder_writer: Callable[[Path], Path], tmp_path: Path, document: dict) -> dict[str, str]:
    paths = indexed(tmp_path / "other-data", folder_writer(tmp_path / "other-files"))
    with Archive(paths).searcher() as searcher, NotesStore(paths.notes_path) as store:
        report = import_data(store, document, ArchiveArticleFinder(searcher))
        assert report.refused == [] and report.orphaned == 0, report.as_json()
        landed = {}
        for note in store.all():
            article = searcher.article(note.article_id)
            assert article is not None
            if note.parent_id is None:
                assert note.quote is not None and note.position is not None
                assert article.text[note.position.start:note.position.end] == note.quote.exact
                landed[note.body] = article.title
        return landed


def test_round_trip_into_an_archive_of_other_files_lands_by_url(tmp_path: Path) -> None:
    document, placed = _export_from(write_json, tmp_path, "json")
    # The ids differ (the .jsonl names the code another way, some articles have no URL) …
    assert any(item["target"]["source"].startswith("https://") for item in document["first"]["items"]
               if isinstance(item["target"], dict))
    assert _import_into(write_jsonl, tmp_path, document) == placed  # … yet every note is on its article


def test_round_trip_from_text_files_without_urls_lands_by_quote(tmp_path: Path) -> None:
    document, placed = _export_from(write_txt, tmp_path, "txt")
    assert all(item["target"]["source"].startswith("urn:bayegan:article:") for item in document["first"]["items"]
               if isinstance(item["target"], dict))
    landed = _import_into(write_json, tmp_path, document)
    assert set(landed) == set(placed) and all(landed[k] == placed[k] for k in placed)


def test_edits_of_the_same_moment_show_the_same_text_on_both_sides(tmp_path: Path) -> None:
    with NotesStore(tmp_path / "mine.sqlite3") as mine, NotesStore(tmp_path / "theirs.sqlite3") as theirs:
        mine.add(_note("متن نخست", "2026-01-01T10:00:00.000Z"))
        import_data(theirs, export_store(mine))
        same_moment = "2026-02-01T10:00:00.000Z"
        for store, body in ((mine, "ویرایش من"), (theirs, "ویرایش همکار")):
            store.write_text(store._db, store.require(_note("", "").id).with_changes(body=body, modified=same_moment))
        import_data(mine, export_store(theirs))
        import_data(theirs, export_store(mine))
        shown = {mine.require(_note("", "").id).body, theirs.require(_note("", "").id).body}
        assert len(shown) == 1, shown
