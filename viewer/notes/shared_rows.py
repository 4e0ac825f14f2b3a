"""What a lab sync reads and writes in the notes database beside the store's own edits: every row with
its deletion time, tombstones received, orphan marks for articles not here. Functions take the
connection of the caller's `NotesStore.transaction()`, like extras.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from viewer.core.annotation import Annotation
from viewer.notes.store import ANNOTATION_COLUMNS, row_to_annotation


def every_row(db: sqlite3.Connection) -> list[tuple[Annotation, str | None]]:
    """Every note with its deletion time (None: alive), deleted ones included, parents first."""
    rows = db.execute(f"SELECT {ANNOTATION_COLUMNS}, deleted FROM annotations ORDER BY seq").fetchall()
    return [(row_to_annotation(r[:-1]), r[-1]) for r in rows]


def deleted_at(db: sqlite3.Connection, annotation_id: str) -> str | None:
    """When the note was deleted (None: alive or unknown)."""
    found = db.execute("SELECT deleted FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
    return str(found[0]) if found and found[0] is not None else None


def mark_deleted(db: sqlite3.Connection, annotation_id: str, deleted: str) -> None:
    """A tombstone received from elsewhere (a note already deleted here keeps its own time)."""
    db.execute("UPDATE annotations SET deleted = ? WHERE id = ? AND deleted IS NULL", (deleted, annotation_id))


def mark_orphaned(db: sqlite3.Connection, article_ids: Iterable[str]) -> int:
    """The root notes of these articles marked orphaned (their articles are not in this archive)."""
    return sum(db.execute("UPDATE annotations SET orphaned = 1 WHERE article_id = ? AND parent_id IS NULL "
                          "AND orphaned = 0", (article_id,)).rowcount for article_id in set(article_ids))
