"""What a note carries beside its own row: the W3C annotation it came from, texts set aside, sync marks.

The tables are made by migration 2 (schema.py). Functions take the connection (inside the caller's
transaction), so an import writes a note and its extras in one commit.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from viewer.core.colours import stored_colour


@dataclass(frozen=True, slots=True)
class NoteSource:
    """The imported annotation a note was made from."""

    document: dict[str, Any]
    imported_body: str
    target_index: int = 0
    group_id: str | None = None


@dataclass(frozen=True, slots=True)
class KeptVersion:
    """A text set aside by an import: `conflict` when both sides had edited, `replaced` for an update."""

    body: str
    color: str
    creator: str
    modified: str
    reason: str


def save_source(db: sqlite3.Connection, note_id: str, source: NoteSource) -> None:
    db.execute("INSERT OR REPLACE INTO annotation_sources (id, document, imported_body, target_index, group_id) "
               "VALUES (?, ?, ?, ?, ?)",
               (note_id, json.dumps(source.document, ensure_ascii=False), source.imported_body, source.target_index,
                source.group_id))


def load_source(db: sqlite3.Connection, note_id: str) -> NoteSource | None:
    row = db.execute("SELECT document, imported_body, target_index, group_id FROM annotation_sources WHERE id = ?",
                     (note_id,)).fetchone()
    if row is None:
        return None
    document = json.loads(row[0])
    return NoteSource(document if isinstance(document, dict) else {}, row[1], int(row[2]), row[3])


def group_members(db: sqlite3.Connection, group_id: str) -> list[str]:
    rows = db.execute("SELECT s.id FROM annotation_sources s JOIN annotations a ON a.id = s.id "
                      "WHERE s.group_id = ? AND a.deleted IS NULL ORDER BY s.target_index", (group_id,))
    return [r[0] for r in rows]


def keep_version(db: sqlite3.Connection, note_id: str, version: KeptVersion) -> None:
    db.execute("INSERT INTO annotation_versions (id, body, color, creator, modified, reason) VALUES (?, ?, ?, ?, ?, ?)",
               (note_id, version.body, stored_colour(version.color), version.creator, version.modified, version.reason))


def kept_versions(db: sqlite3.Connection, note_id: str) -> list[KeptVersion]:
    rows = db.execute("SELECT body, color, creator, modified, reason FROM annotation_versions WHERE id = ? ORDER BY seq",
                      (note_id,))
    return [KeptVersion(*row) for row in rows]


def synced_modified(db: sqlite3.Connection, note_id: str) -> str | None:
    row = db.execute("SELECT modified FROM annotation_sync WHERE id = ?", (note_id,)).fetchone()
    return str(row[0]) if row else None


def mark_synced(db: sqlite3.Connection, note_id: str, modified: str) -> None:
    db.execute("INSERT OR REPLACE INTO annotation_sync (id, modified) VALUES (?, ?)", (note_id, modified))


def forget(db: sqlite3.Connection, note_ids: list[str]) -> None:
    """Drop the extras of notes purged for good."""
    for table in ("annotation_sources", "annotation_versions", "annotation_sync"):
        db.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in note_ids])
