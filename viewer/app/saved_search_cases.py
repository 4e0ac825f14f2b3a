"""Saved searches as the faces use them: each one's total and its new matches, searched afresh
(so they are right after any re-index), and opening one, which makes its matches seen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.collections.saved_searches import SavedSearch, SavedSearches
from viewer.core.results import SearchResult

# query, tags, limit, with_ids -> the search's result (the Library's search, timeline included)
Search = Callable[[str, Sequence[str], int, bool], "SearchResult"]


@dataclass(frozen=True)
class SavedSearchStatus:
    name: str
    query: str
    tags: list[str]
    total: int
    new: int  # matches that were not among them when the search was last opened (or saved)

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "query": self.query, "tags": self.tags, "total": self.total, "new": self.new}


class SavedSearchCases:
    def __init__(self, store: SavedSearches, search: Search):
        self._store = store
        self._search = search

    def add(self, name: str, query: str, tags: Sequence[str] = ()) -> SavedSearch:
        """Saves the search (a bad query is refused before it is kept); what it finds now is seen."""
        result = self._search(query, tags, 1, True)
        return self._store.add(name, query, tags, result.doc_ids)

    def status(self, name: str) -> SavedSearchStatus:
        saved = self._store.get(name)
        result = self._search(saved.query, saved.tags, 1, True)
        new = len(set(result.doc_ids) - self._store.seen(saved.name))
        return SavedSearchStatus(saved.name, saved.query, saved.tags, result.total, new)

    def all(self) -> list[SavedSearchStatus]:
        """Every saved search with its total and new matches, by name."""
        return [self.status(saved.name) for saved in self._store.all()]

    def open(self, name: str, limit: int = 10) -> SearchResult:
        """The search's result; its matches are seen from now on (new goes back to 0)."""
        saved = self._store.get(name)
        result = self._search(saved.query, saved.tags, limit, True)
        self._store.mark_seen(saved.name, result.doc_ids)
        return result

    def get(self, name: str) -> SavedSearch:
        return self._store.get(name)

    def delete(self, name: str) -> None:
        self._store.delete(name)
