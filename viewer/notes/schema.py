"""The notes database's schema and its migrations, one numbered step each, applied in order."""

from __future__ import annotations

import sqlite3

from viewer.notes.errors import NotesError

# Append new steps; never edit a step that has shipped.
MIGRATIONS: list[tuple[int, list[str]]] = [
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
]

LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(db: sqlite3.Connection) -> int:
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


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
            if current_version(db) < version:  # another process may have migrated meanwhile
                for statement in statements:
                    db.execute(statement)
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return found
