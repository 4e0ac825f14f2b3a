"""What this desktop knows of its lab (lab.sqlite3 in the data folder): per note, the local state last
agreed with the server, and how far it has read the server's changes; likewise, which collections,
collection articles and saved searches this desktop and the server last agreed it had.

The outbox is implicit: a note whose (modified, deleted) differs from its agreed state is waiting to be
sent, so a change made offline, or in a sync killed half-way, simply goes at the next sync. Each mark is
written only after the server (or the local store) committed what it stands for: a kill between the two
repeats a step whose second run changes nothing. A collection, article or saved search agreed and gone
here was deleted here: its tombstone waits to be sent, so no tombstone is kept in the local stores."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS agreed (
    id TEXT PRIMARY KEY, local_modified TEXT NOT NULL, local_deleted TEXT, server_modified TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cursors (name TEXT PRIMARY KEY, change INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS agreed_lists (kind TEXT NOT NULL, key TEXT NOT NULL, item TEXT NOT NULL,
    PRIMARY KEY (kind, key, item));
CREATE TABLE IF NOT EXISTS pending_lists (kind TEXT NOT NULL, key TEXT NOT NULL, item TEXT NOT NULL,
    PRIMARY KEY (kind, key, item));
"""

# Kinds of rows in agreed_lists: a collection (item ''), an article in a collection, a saved search (item '').
COLLECTION, ITEM, SEARCH = "collection", "item", "search"
ListMark = tuple[str, str, str]


@dataclass(frozen=True)
class Agreed:
    local_modified: str
    local_deleted: str | None
    server_modified: str


class LabState:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, timeout=15.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> LabState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def agreed(self) -> dict[str, Agreed]:
        rows = self._db.execute("SELECT id, local_modified, local_deleted, server_modified FROM agreed")
        return {r[0]: Agreed(r[1], r[2], r[3]) for r in rows}

    def agree(self, marks: Iterable[tuple[str, Agreed]]) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO agreed VALUES (?, ?, ?, ?)",
                                 [(i, a.local_modified, a.local_deleted, a.server_modified) for i, a in marks])

    def cursor(self, name: str) -> int:
        row = self._db.execute("SELECT change FROM cursors WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def advance(self, name: str, change: int) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("INSERT OR REPLACE INTO cursors VALUES (?, ?)", (name, change))

    def list_marks(self) -> set[ListMark]:
        return {(str(k), str(key), str(i)) for k, key, i in self._db.execute("SELECT kind, key, item FROM agreed_lists")}

    def pending_lists(self) -> set[ListMark]:
        """What a received batch touches while it is applied here: until it is marked, it is neither
        an addition nor a deletion made here (a kill mid-way must not send it back as one)."""
        return {(str(k), str(key), str(i)) for k, key, i in self._db.execute("SELECT kind, key, item FROM pending_lists")}

    def stage_lists(self, touched: Iterable[ListMark]) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM pending_lists")
            self._db.executemany("INSERT OR IGNORE INTO pending_lists VALUES (?, ?, ?)", list(touched))

    def agree_lists(self, added: Iterable[ListMark], dropped: Iterable[ListMark],
                    cursors: Iterable[tuple[str, int]] = (), *, settle_pending: bool = False) -> None:
        """Marks and cursors in one transaction: a kill leaves either all of them or none."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            if settle_pending:
                self._db.execute("DELETE FROM pending_lists")
            self._db.executemany("DELETE FROM agreed_lists WHERE kind = ? AND key = ? AND item = ?", list(dropped))
            self._db.executemany("INSERT OR IGNORE INTO agreed_lists VALUES (?, ?, ?)", list(added))
            self._db.executemany("INSERT OR REPLACE INTO cursors VALUES (?, ?)", list(cursors))
