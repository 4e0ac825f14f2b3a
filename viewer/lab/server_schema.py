"""The lab's tables on the server and their migrations, one numbered step each, like the local stores.

Every row carries `change`, drawn from one sequence when it is written: a member asks for the rows with
a change above the last one it received. Writers hold one advisory lock for their whole transaction, so
changes become visible in the order they were drawn and a reader never skips one."""

from __future__ import annotations

import psycopg

from viewer.core.errors import BayeganError

WRITE_LOCK = 290029  # pg_advisory_xact_lock key held by every writing transaction

# Append new steps; never edit a step that has shipped.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        "CREATE SEQUENCE lab_change",
        """CREATE TABLE lab_notes (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL,
            motivation TEXT NOT NULL,
            body TEXT NOT NULL,
            color TEXT NOT NULL,
            quote_exact TEXT, quote_prefix TEXT, quote_suffix TEXT,
            pos_start INTEGER, pos_end INTEGER,
            parent_id TEXT,
            creator TEXT NOT NULL,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            deleted TEXT,
            article_fold TEXT NOT NULL DEFAULT '',
            change BIGINT NOT NULL DEFAULT nextval('lab_change'))""",
        "CREATE INDEX lab_notes_by_change ON lab_notes (change)",
        """CREATE TABLE lab_note_versions (
            id TEXT NOT NULL, body TEXT NOT NULL, color TEXT NOT NULL, creator TEXT NOT NULL,
            modified TEXT NOT NULL, change BIGINT NOT NULL DEFAULT nextval('lab_change'),
            PRIMARY KEY (id, body, color))""",
        "CREATE INDEX lab_note_versions_by_change ON lab_note_versions (change)",
        """CREATE TABLE lab_collection_items (
            collection TEXT NOT NULL, name TEXT NOT NULL, article_id TEXT NOT NULL,
            change BIGINT NOT NULL DEFAULT nextval('lab_change'), PRIMARY KEY (collection, article_id))""",
        """CREATE TABLE lab_saved_searches (
            key TEXT PRIMARY KEY, name TEXT NOT NULL, query TEXT NOT NULL, tags TEXT NOT NULL,
            change BIGINT NOT NULL DEFAULT nextval('lab_change'))""",
        """CREATE TABLE lab_members (
            name TEXT PRIMARY KEY, login TEXT NOT NULL, joined TIMESTAMPTZ NOT NULL DEFAULT now())""",
    ]),
    # Deletions of collections, of their articles and of saved searches travel as tombstones; a
    # collection is a row of its own, so an empty one travels and its deletion can be told apart.
    (2, [
        "ALTER TABLE lab_collection_items ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT false",
        "ALTER TABLE lab_saved_searches ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT false",
        """CREATE TABLE lab_collections (
            key TEXT PRIMARY KEY, name TEXT NOT NULL, deleted BOOLEAN NOT NULL DEFAULT false,
            change BIGINT NOT NULL DEFAULT nextval('lab_change'))""",
        "INSERT INTO lab_collections (key, name) SELECT DISTINCT ON (collection) collection, name "
        "FROM lab_collection_items ORDER BY collection, change",
        "CREATE INDEX lab_collection_items_by_change ON lab_collection_items (change)",
        "CREATE INDEX lab_collections_by_change ON lab_collections (change)",
        "CREATE INDEX lab_saved_searches_by_change ON lab_saved_searches (change)",
    ]),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def refuse_newer(version: int) -> None:
    if version > LATEST_VERSION:
        raise BayeganError(f"The lab's server was set up by a newer Bayegan (schema {version}); update Bayegan.",
                           f"کارساز آزمایشگاه را نسخهٔ تازه‌تری از بایگان ساخته است (طرح {version})؛ بایگان را به‌روز کنید.")


def migrate(db: psycopg.Connection[tuple[object, ...]]) -> int:
    """Bring the server's tables to LATEST_VERSION (one transaction per step); returns the version found.
    Only a role allowed to create tables can do it: the lab's owner, at the first join."""
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        db.execute("CREATE TABLE IF NOT EXISTS lab_schema (version INTEGER PRIMARY KEY)")
        row = db.execute("SELECT COALESCE(MAX(version), 0) FROM lab_schema").fetchone()
    found = int(row[0]) if row else 0  # type: ignore[call-overload]  # a COUNT-like integer
    refuse_newer(found)
    for version, statements in MIGRATIONS:
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            if db.execute("SELECT 1 FROM lab_schema WHERE version = %s", (version,)).fetchone() is None:
                for statement in statements:
                    db.execute(statement)
                db.execute("INSERT INTO lab_schema (version) VALUES (%s)", (version,))
    return found


def schema_version(db: psycopg.Connection[tuple[object, ...]]) -> int:
    """The server's schema version, 0 when the lab's tables are not there yet (read-only, no DDL)."""
    with db.transaction():
        exists = db.execute("SELECT to_regclass('lab_schema')").fetchone()
        if not exists or exists[0] is None:
            return 0
        row = db.execute("SELECT COALESCE(MAX(version), 0) FROM lab_schema").fetchone()
    return int(row[0]) if row else 0  # type: ignore[call-overload]
