"""The notes store: threads, text order, edit/delete with undo, search, schema, pragmas, backups."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from viewer.core.annotation import Motivation
from viewer.core.article import Article
from viewer.core.paths import DataPaths
from viewer.notes.backups import backup_files, daily_backup
from viewer.notes.errors import NotesError
from viewer.notes.schema import LATEST_VERSION
from viewer.notes.store import NotesStore


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_highlight_keeps_quote_context_and_position(store: NotesStore, seed_article: Article) -> None:
    text = seed_article.text
    start, end = span(text, "کوروش خسروی")
    note = store.create_highlight(seed_article.id, text, start, end, color="#ffeb3b", creator="مریم")
    assert note.id.startswith("urn:uuid:")
    assert note.motivation is Motivation.HIGHLIGHTING
    assert note.quote is not None and note.position is not None
    assert note.quote.exact == "کوروش خسروی"
    assert text.endswith(note.quote.suffix, 0, end + len(note.quote.suffix))
    assert len(note.quote.prefix) == 32 and len(note.quote.suffix) == 32
    assert (note.position.start, note.position.end) == (start, end)
    assert note.created.endswith("Z") and note.created == note.modified
    assert store.get(note.id) == note


def test_replies_to_replies_form_one_thread_in_text_order(store: NotesStore, seed_article: Article) -> None:
    text = seed_article.text
    later = store.create_highlight(seed_article.id, text, *span(text, "خواهرخواندگی اصفهان"), body="دوم")
    earlier = store.create_highlight(seed_article.id, text, *span(text, "کوروش خسروی"), body="اول")
    comment = store.create_comment(seed_article.id, "دربارهٔ کل خبر")
    reply = store.create_reply(earlier.id, "پاسخ", creator="علی")
    reply_to_reply = store.create_reply(reply.id, "پاسخ به پاسخ", creator="مریم")
    second_reply = store.create_reply(earlier.id, "پاسخ دوم")

    threads = store.threads(seed_article.id)
    assert [t.annotation.id for t in threads] == [comment.id, earlier.id, later.id]
    walked = [(depth, a.id) for depth, a in threads[1].walk()]
    assert walked == [(0, earlier.id), (1, reply.id), (2, reply_to_reply.id), (1, second_reply.id)]
    assert reply_to_reply.article_id == seed_article.id and reply_to_reply.motivation is Motivation.REPLYING
    assert [a.id for a in store.for_article(seed_article.id)][:3] == [comment.id, earlier.id, reply.id]
    assert store.thread(reply.id).count() == 2
    assert [a.id for a in store.highlights(seed_article.id)] == [earlier.id, later.id]
    assert store.articles_with_notes() == {seed_article.id: 6}


def test_reply_to_a_missing_note_is_a_bilingual_error(store: NotesStore) -> None:
    with pytest.raises(NotesError) as caught:
        store.create_reply("urn:uuid:00000000-0000-0000-0000-000000000000", "x")
    assert "No note" in caught.value.en and "یادداشتی" in caught.value.fa
    assert store.count() == 0


def test_edit_and_undo(store: NotesStore, seed_article: Article) -> None:
    text = seed_article.text
    note = store.create_highlight(seed_article.id, text, *span(text, "کوروش خسروی"), color="#ffeb3b")
    edit = store.edit(note.id, body="یادداشت تازه", color="#a5d6a7")
    assert edit.before == note
    assert store.require(note.id).body == "یادداشت تازه"
    assert store.require(note.id).motivation is Motivation.COMMENTING  # a highlight with a note comments
    assert store.require(note.id).color == "#a5d6a7"
    store.revert(edit)
    restored = store.require(note.id)
    assert (restored.body, restored.color, restored.motivation) == ("", "#ffeb3b", Motivation.HIGHLIGHTING)


def test_delete_takes_the_subtree_and_undo_brings_it_back(store: NotesStore, seed_article: Article) -> None:
    root = store.create_comment(seed_article.id, "ریشه")
    reply = store.create_reply(root.id, "پاسخ")
    deeper = store.create_reply(reply.id, "عمیق‌تر")
    other = store.create_reply(root.id, "دیگری")
    store.delete(other.id)  # deleted on its own, before
    ids = store.delete(reply.id)
    assert set(ids) == {reply.id, deeper.id}
    assert [a.id for _, a in store.thread(root.id).walk()] == [root.id]
    assert store.get(deeper.id) is None
    store.restore(ids)
    assert [a.id for _, a in store.thread(root.id).walk()] == [root.id, reply.id, deeper.id]
    assert store.get(other.id) is None  # undoing one delete does not undo another
    with pytest.raises(NotesError):
        store.edit(other.id, body="x")


def test_search_folds_persian_spellings(store: NotesStore, seed_article: Article) -> None:
    text = seed_article.text
    a = store.create_highlight(seed_article.id, text, *span(text, "کوروش خسروی"), body="مي‌كند و كتابها")
    b = store.create_comment(seed_article.id, "یک یادداشت دیگر")
    assert [n.id for n in store.search("میکند")] == [a.id]
    assert [n.id for n in store.search("می کند کتاب‌ها")] == [a.id]
    assert [n.id for n in store.search("يادداشت")] == [b.id]
    assert [n.id for n in store.search("خسروی")] == [a.id]  # the highlighted passage counts too
    assert store.search("میکند یادداشت") == []
    assert store.search("   ") == []


def test_pragmas_and_schema_version(store: NotesStore, data_paths: DataPaths) -> None:
    db = sqlite3.connect(data_paths.notes_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == LATEST_VERSION
    db.close()
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_newer_schema_is_refused_not_damaged(data_paths: DataPaths) -> None:
    with NotesStore(data_paths.notes_path) as store:
        store.create_comment("a1", "نگه دار")
    db = sqlite3.connect(data_paths.notes_path)
    db.execute("INSERT INTO schema_version VALUES (?)", (LATEST_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(NotesError) as caught:
        NotesStore(data_paths.notes_path)
    assert "newer" in caught.value.en and "بایگان" in caught.value.fa


def test_not_a_database_is_a_bilingual_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(NotesError) as caught:
        NotesStore(bad)
    assert "is damaged" in caught.value.en and "no backup" in caught.value.en and "آسیب دیده" in caught.value.fa


def test_opening_makes_one_backup_a_day(data_paths: DataPaths) -> None:
    with NotesStore(data_paths.notes_path, data_paths.backups_dir) as store:
        assert backup_files(data_paths.backups_dir) == []  # nothing to keep yet
        store.create_comment("a1", "یادداشت")
    with NotesStore(data_paths.notes_path, data_paths.backups_dir) as store:
        store.create_comment("a1", "دومی")
    with NotesStore(data_paths.notes_path, data_paths.backups_dir):
        pass
    copies = backup_files(data_paths.backups_dir)
    assert len(copies) == 1
    db = sqlite3.connect(copies[0])
    assert db.execute("SELECT body FROM annotations").fetchall() == [("یادداشت",)]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_backups_rotate_keeping_seven(store: NotesStore, data_paths: DataPaths) -> None:
    store.create_comment("a1", "یادداشت")
    first = date(2026, 1, 1)
    for day in range(10):
        assert daily_backup(store._db, data_paths.backups_dir, today=first + timedelta(days=day)) is not None
    assert daily_backup(store._db, data_paths.backups_dir, today=first + timedelta(days=9)) is None
    names = [p.name for p in backup_files(data_paths.backups_dir)]
    assert names == [f"notes-{first + timedelta(days=d)}.sqlite3" for d in range(3, 10)]
    assert not list(data_paths.backups_dir.glob("*.tmp"))
