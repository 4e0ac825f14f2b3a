"""Saved searches: a query and its tags under a name, and the ids of the articles it matched when
it was last opened. What it matches now and was not matched then is new: right after a re-index
that adds, changes or removes articles, because ids are stable and the matches are searched afresh."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.collections.database import NamedRows
from viewer.collections.names import clean_name, name_key
from viewer.core.errors import BayeganError


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    tags: list[str]


def no_such_search(name: str) -> BayeganError:
    return BayeganError(f"There is no saved search named “{name}”.", f"جست‌وجوی ذخیره‌شده‌ای به نام «{name}» نیست.")


class SavedSearches(NamedRows):
    table = "saved_searches"
    missing = staticmethod(no_such_search)

    def add(self, name: str, query: str, tags: Sequence[str], seen: Iterable[str]) -> SavedSearch:
        """Saves the search with the ids it matches now as seen. An error if the name (folded) is taken."""
        cleaned = clean_name(name)
        with self._database.transaction() as db:
            self._check_free(db, cleaned, lambda taken: BayeganError(f"A saved search named “{taken}” already exists.",
                                                                     f"جست‌وجویی به نام «{taken}» از پیش ذخیره شده است."))
            cursor = db.execute("INSERT INTO saved_searches (name, key, query, tags) VALUES (?, ?, ?, ?)",
                                (cleaned, name_key(cleaned), query, json.dumps(list(tags), ensure_ascii=False)))
            db.executemany("INSERT INTO saved_seen VALUES (?, ?)", ((cursor.lastrowid, i) for i in set(seen)))
        return SavedSearch(cleaned, query, list(tags))

    def get(self, name: str) -> SavedSearch:
        with self._database.reading() as db:
            row = db.execute("SELECT name, query, tags FROM saved_searches WHERE key = ?", (name_key(name),)).fetchone()
        if row is None:
            raise no_such_search(name)
        return SavedSearch(str(row[0]), str(row[1]), list(json.loads(row[2])))

    def all(self) -> list[SavedSearch]:
        with self._database.reading() as db:
            rows = db.execute("SELECT name, query, tags FROM saved_searches ORDER BY key").fetchall()
        return [SavedSearch(str(name), str(query), list(json.loads(tags))) for name, query, tags in rows]

    def seen(self, name: str) -> set[str]:
        with self._database.reading() as db:
            rows = db.execute("SELECT article_id FROM saved_seen WHERE search = ?", (self._id(db, name),)).fetchall()
        return {str(row[0]) for row in rows}

    def mark_seen(self, name: str, ids: Iterable[str]) -> None:
        """Opening the search: what it matches now is no longer new (one transaction)."""
        with self._database.transaction() as db:
            search = self._id(db, name)
            db.execute("DELETE FROM saved_seen WHERE search = ?", (search,))
            db.executemany("INSERT INTO saved_seen VALUES (?, ?)", ((search, i) for i in set(ids)))

    def delete(self, name: str) -> None:
        with self._database.transaction() as db:
            db.execute("DELETE FROM saved_searches WHERE id = ?", (self._id(db, name),))
