"""The notes database's schema and its migrations, one numbered step each, applied in order."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from viewer.core.colours import readable_colour
from viewer.notes.errors import NotesError


def _palette_colours(db: sqlite3.Connection) -> None:
    """Colours stored as given before the store mapped them: "green" is the palette's, "Red" and
    "#ABC" #rrggbb; a value that is no colour (Qt painted it black) is none, the default."""
    for table in ("annotations", "annotation_versions"):
        found = [row[0] for row in db.execute(f"SELECT DISTINCT color FROM {table}")]
        db.executemany(f"UPDATE {table} SET color = ? WHERE color = ?",
                       [(readable_colour(old), old) for old in found if readable_colour(old) != old])


# Append new steps (an SQL statement, or a function given the connection); never edit a step that has shipped.
MIGRATIONS: list[tuple[int, list[str | Callable[[sqlite3.Connection], None]]]] = [
    (1, [
        """CREATE TABLE annotations (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL,
            motivation TEXT NOT NULL CHECK (motivation IN ('highlighting', 'commenting', 'replying')),
            body TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT '',
            quote_exact TEXT,
            quote_prefix TEXT,
            quote_suffix TEXT,
            pos_start INTEGER,
            pos_end INTEGER,
            parent_id TEXT,
            creator TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            orphaned INTEGER NOT NULL DEFAULT 0,
            deleted TEXT,
            search_text TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX annotations_by_article ON annotations (article_id, pos_start)",
        "CREATE INDEX annotations_by_parent ON annotations (parent_id)",
    ]),
    # 2: what W3C exchange needs beside a note.
    (2, [
        # The colleague's annotation as it came (verbatim JSON-LD), so export gives back what Bayegan
        # does not use (link bodies, purposes, other selectors, ...); `imported_body` is the note's text
        # as imported: while the note still says that, export returns the original bodies unchanged.
        # `group_id` links the notes made from one annotation with several target articles.
        """CREATE TABLE annotation_sources (
            id TEXT PRIMARY KEY,
            document TEXT NOT NULL,
            imported_body TEXT NOT NULL,
            target_index INTEGER NOT NULL DEFAULT 0,
            group_id TEXT
        )""",
        "CREATE INDEX annotation_sources_by_group ON annotation_sources (group_id)",
        # Texts set aside by an import: a colleague's or one's own, never silently overwritten.
        """CREATE TABLE annotation_versions (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            body TEXT NOT NULL,
            color TEXT NOT NULL DEFAULT '',
            creator TEXT NOT NULL DEFAULT '',
            modified TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('conflict', 'replaced'))
        )""",
        "CREATE INDEX annotation_versions_by_id ON annotation_versions (id)",
        # The `modified` of the copy last imported: a local edit after it makes a newer import a conflict.
        "CREATE TABLE annotation_sync (id TEXT PRIMARY KEY, modified TEXT NOT NULL)",
    ]),
    # 3: colours as the store writes them since (viewer/core/colours.py).
    (3, [_palette_colours]),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(db: sqlite3.Connection) -> int:
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def applied_versions(db: sqlite3.Connection) -> set[int]:
    """Steps already applied: each step is checked on its own, so a database that skipped a step
    (made on a branch merged later) still gets it."""
    current_version(db)
    return {int(v) for (v,) in db.execute("SELECT version FROM schema_version")}


def migrate(db: sqlite3.Connection) -> int:
    """Bring the database to LATEST_VERSION, one transaction per step; returns the version found."""
    db.execute("BEGIN IMMEDIATE")
    try:
        found = current_version(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    if found > LATEST_VERSION:
        raise NotesError(
            f"The notes file was written by a newer Bayegan (schema {found}); update Bayegan to open it.",
            f"پروندهٔ یادداشت‌ها را نسخهٔ تازه‌تری از بایگان نوشته است (طرح {found})؛ بایگان را به‌روز کنید.",
        )
    for version, statements in MIGRATIONS:
        db.execute("BEGIN IMMEDIATE")
        try:
            if version not in applied_versions(db):  # another process may have migrated meanwhile
                for statement in statements:
                    if callable(statement):
                        statement(db)
                    else:
                        db.execute(statement)
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return found
