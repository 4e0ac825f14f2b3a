"""Collections: named lists of article ids, in the order they were added. Ids are stable across
re-indexing, so a collection survives it; an article that leaves the archive stays listed (it may
come back) until it is removed by hand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.collections.database import NamedRows
from viewer.collections.names import clean_name, name_key
from viewer.core.errors import BayeganError


@dataclass(frozen=True)
class CollectionInfo:
    name: str
    count: int


def no_such_collection(name: str) -> BayeganError:
    return BayeganError(f"There is no collection named “{name}”.", f"مجموعه‌ای به نام «{name}» نیست.")


class Collections(NamedRows):
    table = "collections"
    missing = staticmethod(no_such_collection)

    def create(self, name: str) -> str:
        """Makes an empty collection; returns its name as kept. An error if the name (folded) is taken."""
        cleaned = clean_name(name)
        with self._database.transaction() as db:
            self._check_free(db, cleaned, lambda taken: BayeganError(f"A collection named “{taken}” already exists.",
                                                                     f"مجموعه‌ای به نام «{taken}» از پیش هست."))
            db.execute("INSERT INTO collections (name, key) VALUES (?, ?)", (cleaned, name_key(cleaned)))
        return cleaned

    def delete(self, name: str) -> None:
        with self._database.transaction() as db:
            db.execute("DELETE FROM collections WHERE id = ?", (self._id(db, name),))

    def add(self, name: str, article_ids: Sequence[str]) -> int:
        """Adds the ids not yet in the collection, in order; returns how many were added."""
        with self._database.transaction() as db:
            collection = self._id(db, name)
            last = db.execute("SELECT COALESCE(MAX(position), 0) FROM collection_items WHERE collection = ?",
                              (collection,)).fetchone()[0]
            added = 0
            for article_id in dict.fromkeys(article_ids):
                cursor = db.execute("INSERT OR IGNORE INTO collection_items VALUES (?, ?, ?)",
                                    (collection, article_id, last + added + 1))
                added += cursor.rowcount
        return added

    def remove(self, name: str, article_ids: Sequence[str]) -> int:
        """Takes the ids out; returns how many were in it."""
        with self._database.transaction() as db:
            collection = self._id(db, name)
            return sum(db.execute("DELETE FROM collection_items WHERE collection = ? AND article_id = ?",
                                  (collection, article_id)).rowcount for article_id in set(article_ids))

    def ids(self, name: str) -> list[str]:
        """The collection's article ids, in the order they were added."""
        with self._database.reading() as db:
            rows = db.execute("SELECT article_id FROM collection_items WHERE collection = ? ORDER BY position",
                              (self._id(db, name),)).fetchall()
        return [str(row[0]) for row in rows]

    def name_of(self, name: str) -> str:
        """The name as kept, for a name typed in any folded spelling of it."""
        with self._database.reading() as db:
            row = db.execute("SELECT name FROM collections WHERE key = ?", (name_key(name),)).fetchone()
        if row is None:
            raise no_such_collection(name)
        return str(row[0])

    def all(self) -> list[CollectionInfo]:
        """Every collection with its number of articles, by name."""
        with self._database.reading() as db:
            rows = db.execute("SELECT c.name, COUNT(i.article_id) FROM collections c "
                              "LEFT JOIN collection_items i ON i.collection = c.id GROUP BY c.id ORDER BY c.key").fetchall()
        return [CollectionInfo(str(name), int(count)) for name, count in rows]
