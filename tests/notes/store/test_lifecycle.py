"""The notes' lifecycle: migration from schema 1, purge after 30 days, backups listed and restored,
Markdown for writing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.notes.archives import indexed, write_json
from viewer.core.paths import DataPaths
from viewer.notes.backups import backup_files, daily_backup
from viewer.notes.markdown import notes_markdown
from viewer.notes.schema import MIGRATIONS
from viewer.notes.store import NotesStore
from viewer.search.archive import Archive

Cli = Callable[..., tuple[int, str, str]]


def test_migration_from_schema_1_keeps_every_note(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for statement in MIGRATIONS[0][1]:
        assert isinstance(statement, str)  # step 1 is SQL only
        db.execute(statement)
    db.execute("INSERT INTO schema_version VALUES (1)")
    db.execute("INSERT INTO annotations (id, article_id, motivation, body, created, modified, deleted) VALUES "
               "('urn:uuid:1', 'a1', 'commenting', 'کهنه', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', NULL)")
    db.execute("INSERT INTO annotations (id, article_id, motivation, body, created, modified, parent_id) VALUES "
               "('urn:uuid:2', 'a1', 'replying', 'پاسخ', '2020-01-02T00:00:00.000Z', '2020-01-02T00:00:00.000Z', 'urn:uuid:1')")
    db.commit()
    db.close()
    with NotesStore(path, backup=False) as store:
        assert [(a.id, a.body, a.parent_id) for a in store.all()] == [("urn:uuid:1", "کهنه", None),
                                                                     ("urn:uuid:2", "پاسخ", "urn:uuid:1")]
        assert store.versions("urn:uuid:1") == [] and store.source("urn:uuid:1") is None
    db = sqlite3.connect(path)
    assert {v for (v,) in db.execute("SELECT version FROM schema_version")} == {version for version, _ in MIGRATIONS}
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"annotation_sources", "annotation_versions", "annotation_sync"} <= tables
    db.close()


def test_deleted_notes_are_purged_after_30_days_and_undo_works_before(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with NotesStore(path) as store:
        old = store.create_comment("a1", "پاک‌شدهٔ کهنه")
        recent = store.create_comment("a1", "پاک‌شدهٔ تازه")
        store.delete(old.id)
        ids = store.delete(recent.id)
        store.restore(ids)  # undo within the session
        assert store.get(recent.id) is not None
        store.delete(recent.id)
        now = datetime(2026, 6, 1, tzinfo=UTC)
        store._db.execute("UPDATE annotations SET deleted = ? WHERE id = ?", ((now - timedelta(days=31)).isoformat(), old.id))
        store._db.execute("UPDATE annotations SET deleted = ? WHERE id = ?", ((now - timedelta(days=29)).isoformat(),
                                                                               recent.id))
        assert store.purge_deleted(now) == 1
        assert store.known_ids([old.id, recent.id]).keys() == {recent.id}
        store.restore([recent.id])  # still there to bring back
        assert store.require(recent.id).body == "پاک‌شدهٔ تازه"


def test_backups_are_listed_and_one_restored_safely(run_cli: Cli, tmp_path: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    with NotesStore(paths.notes_path, paths.backups_dir) as store:
        store.create_comment("a1", "نسخهٔ دیروز")
        assert daily_backup(store._db, paths.backups_dir, today=datetime(2026, 1, 1).date()) is not None
        store.create_comment("a1", "امروز")
    code, out, err = run_cli("notes", "backups", "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert [(b["kind"], b["notes"]) for b in listed] == [("daily", 1), ("recent", 2)]  # recent: at closing
    assert listed[0]["name"] == "notes-2026-01-01.sqlite3"

    code, out, err = run_cli("notes", "restore", "2026-01-01")
    assert code == 0, err
    assert "restored 1 notes" in out
    with NotesStore(paths.notes_path, backup=False) as store:
        assert [a.body for a in store.all()] == ["نسخهٔ دیروز"]
    listed = json.loads(run_cli("notes", "backups", "--json")[1])
    (safety,) = [b for b in listed if b["kind"] == "before-restore"]
    assert safety["notes"] == 2  # the notes as they were, kept
    code, out, _ = run_cli("notes", "restore", safety["name"])  # and the restore undone
    assert code == 0
    with NotesStore(paths.notes_path, backup=False) as store:
        assert sorted(a.body for a in store.all()) == ["امروز", "نسخهٔ دیروز"]
    assert backup_files(paths.backups_dir)[0].name == "notes-2026-01-01.sqlite3"  # restoring left it as it was
    assert json.loads(run_cli("notes", "backups", "--json")[1])[0]["notes"] == 1


def test_restore_of_a_bad_or_missing_backup_changes_nothing(run_cli: Cli, tmp_path: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    with NotesStore(paths.notes_path, paths.backups_dir) as store:
        store.create_comment("a1", "بماند")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 50)
    for name, message in ((str(bad), "not a readable notes backup"), ("2001-01-01", "No backup")):
        code, _out, err = run_cli("notes", "restore", name)
        assert code == 1 and message in err and "Traceback" not in err
        assert len(err.strip().split("\n")) == 2  # English and Persian
    with NotesStore(paths.notes_path, backup=False) as store:
        assert [a.body for a in store.all()] == ["بماند"]


def test_markdown_export_for_writing(run_cli: Cli, tmp_path: Path) -> None:
    paths = indexed(tmp_path / "data", write_json(tmp_path / "files"))
    with Archive(paths).searcher() as searcher, NotesStore(paths.notes_path) as store:
        article = next(a for a in searcher.articles() if a.code == "1201")
        start = article.text.index("کوروش خسروی")
        note = store.create_highlight(article.id, article.text, start, start + 11, body="نام او", creator="مریم")
        reply = store.create_reply(note.id, "پاسخ", creator="علی")
        store.create_reply(reply.id, "پاسخ به پاسخ")
        text = notes_markdown(store, searcher.article)
    assert f"## {article.title}" in text
    assert "> کوروش خسروی" in text and "نام او — مریم" in text
    assert "- پاسخ — علی" in text and "  - پاسخ به پاسخ" in text
    code, out, err = run_cli("--data-dir", str(paths.data_dir), "notes", "export", "--format", "markdown")
    assert code == 0 and out == text, err
