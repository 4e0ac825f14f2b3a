"""`library.sqlite3`: collections and saved searches, with the notes database's durability rules
(WAL, synchronous=FULL, one transaction per edit). A file of its own: the notes database has its
own migrations, and this one can be lost without losing a note."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

from viewer.collections.names import name_key
from viewer.core.closing import Closable
from viewer.core.errors import BayeganError
from viewer.core.sqlite_writes import write_transaction

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 10.0
_SCHEMA = """
CREATE TABLE collections (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE);
CREATE TABLE collection_items (
    collection INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (collection, article_id));
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE, query TEXT NOT NULL,
    tags TEXT NOT NULL);
CREATE TABLE saved_seen (
    search INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL, PRIMARY KEY (search, article_id));
"""


def _unreadable(path: Path, exc: Exception) -> BayeganError:
    return BayeganError(f"The collections database {path} cannot be opened: {exc}",
                        f"پایگاه دادهٔ مجموعه‌ها ({path}) باز نشد: {exc}")


class LibraryDatabase(Closable):
    """One open `library.sqlite3`; close it, or use it as a context manager."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # The window filters by a collection on its search worker and edits collections on its UI
            # thread: one connection, used by one thread at a time (the lock).
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
            self._lock = threading.RLock()
        except (OSError, sqlite3.Error) as exc:
            raise _unreadable(self.path, exc) from exc
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise _unreadable(self.path, exc) from exc

    def _migrate(self) -> None:
        with self.transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise BayeganError(f"{self.path} was written by a newer Bayegan.",
                                   f"{self.path} را نسخهٔ تازه‌تری از بایگان نوشته است.")
            if version == 0:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, write_transaction(self.db) as db:
            yield db

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for reads (fetch the rows inside the block)."""
        with self._lock:
            yield self.db

    def id_of(self, db: sqlite3.Connection, table: str, name: str, missing: Callable[[str], BayeganError]) -> int:
        """The row id of the collection or saved search `name` (compared folded) in `table`."""
        row = db.execute(f"SELECT id FROM {table} WHERE key = ?", (name_key(name),)).fetchone()
        if row is None:
            raise missing(name)
        return int(row[0])

    def close(self) -> None:
        self.db.close()


class NamedRows:
    """Rows kept under a name (collections, saved searches) in one table of the library database."""

    table: ClassVar[str]

    def __init__(self, database: LibraryDatabase):
        self._database = database

    @staticmethod
    def missing(name: str) -> BayeganError:
        """The error for a name that is not there."""
        raise NotImplementedError

    def _id(self, db: sqlite3.Connection, name: str) -> int:
        return self._database.id_of(db, self.table, name, self.missing)

    def _check_free(self, db: sqlite3.Connection, name: str, taken: Callable[[str], BayeganError]) -> None:
        """`taken(the name as kept)` when a row already has `name`, compared folded."""
        row = db.execute(f"SELECT name FROM {self.table} WHERE key = ?", (name_key(name),)).fetchone()
        if row is not None:
            raise taken(row[0])
