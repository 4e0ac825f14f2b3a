"""Replies made in the same millisecond keep the order they arrived in: in the store, after an export and
an import into another data folder, and in a database made before this was fixed (schema 1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.core.annotation import new_annotation_id
from viewer.core.paths import DataPaths
from viewer.notes import store as store_module
from viewer.notes.schema import MIGRATIONS
from viewer.notes.store import NotesStore
from viewer.notes.webanno import export_store, import_data

FROZEN = "2026-03-01T12:00:00.000Z"
REPLIES = 12  # random ids sort in arrival order by chance once in 12! runs


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every note the store stamps gets the same millisecond."""
    monkeypatch.setattr(store_module, "utc_now", lambda: FROZEN)
    return FROZEN


def _thread_of_replies(store: NotesStore) -> tuple[str, list[str]]:
    root = store.create_comment("article-1", "ریشه")
    bodies = [f"پاسخ {n}" for n in range(REPLIES)]
    for body in bodies:
        store.create_reply(root.id, body)
    return root.id, bodies


def _orders(store: NotesStore, root_id: str) -> list[list[str]]:
    """The replies' bodies as each reader of the store sees them."""
    [thread] = store.threads("article-1")
    return [
        [a.body for a in store.replies(root_id)],
        [t.annotation.body for t in store.thread(root_id).replies],
        [t.annotation.body for t in thread.replies],
        [a.body for a in store.for_article("article-1")][1:],
    ]


def test_equal_timestamps_keep_arrival_order(data_paths: DataPaths, frozen_clock: str) -> None:
    with NotesStore(data_paths.notes_path, data_paths.backups_dir) as store:
        root_id, bodies = _thread_of_replies(store)
        assert {a.created for a in store.replies(root_id)} == {frozen_clock}
        assert _orders(store, root_id) == [bodies] * 4


def test_arrival_order_survives_export_and_import(tmp_path: Path, data_paths: DataPaths, frozen_clock: str) -> None:
    with NotesStore(data_paths.notes_path, data_paths.backups_dir) as store:
        root_id, bodies = _thread_of_replies(store)
        exported = export_store(store)
    other = DataPaths.resolve(tmp_path / "colleague").ensure()
    with NotesStore(other.notes_path, other.backups_dir) as store:
        import_data(store, exported)
        assert _orders(store, root_id) == [bodies] * 4


def test_a_schema_1_database_keeps_arrival_order(data_paths: DataPaths) -> None:
    """A notes file written by an older Bayegan: ids that sort against arrival, one timestamp."""
    db = sqlite3.connect(data_paths.notes_path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    version, statements = MIGRATIONS[0]
    for statement in statements:
        assert isinstance(statement, str)  # step 1 is SQL only
        db.execute(statement)
    db.execute("INSERT INTO schema_version VALUES (?)", (version,))
    root_id = new_annotation_id()
    rows: list[tuple[str, str, str, str | None]] = [(root_id, "commenting", "ریشه", None)]
    ids = sorted((new_annotation_id() for _ in range(REPLIES)), reverse=True)
    bodies = [f"پاسخ {n}" for n in range(REPLIES)]
    rows += [(reply_id, "replying", body, root_id) for reply_id, body in zip(ids, bodies, strict=True)]
    db.executemany("INSERT INTO annotations (id, article_id, motivation, body, parent_id, created, modified) "
                   "VALUES (?, 'article-1', ?, ?, ?, ?, ?)", [(*row, FROZEN, FROZEN) for row in rows])
    db.commit()
    db.close()
    with NotesStore(data_paths.notes_path, data_paths.backups_dir) as store:
        assert _orders(store, root_id) == [bodies] * 4
