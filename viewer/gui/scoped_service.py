"""The window's archive service with the research filters on top: searches go through the `Library`
with the current `Scope` (a collection, the articles with notes) and ask for the timeline; every
other call (articles, hit keys, indexing) goes to the service the window opened.

A bridge until the window holds a `Library` itself (issue 15): then the scope is passed to its search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from viewer.app.scope import Scope

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.app.types import SearchResult

PAGE_SIZE = 100
ALL_ARTICLES = "*"


class ScopedService:
    def __init__(self, service: Any, library: Library, scope: Callable[[], Scope]):
        self._service = service
        self._library = library
        self._scope = scope

    def search(self, query: str, tags: Sequence[str] = (), sort: str = "relevance",
               limit: int = PAGE_SIZE) -> SearchResult:
        return self._library.search(query.strip() or ALL_ARTICLES, tags, limit=limit, sort=sort, with_ids=True,
                                    scope=self._scope(), timeline=True)

    def ranked_ids(self, query: str, tags: Sequence[str] = (), sort: str = "relevance",
                   limit: int = PAGE_SIZE) -> list[str]:
        return self._library.ranked_ids(query.strip() or ALL_ARTICLES, tags, sort=sort, limit=limit,
                                        scope=self._scope())

    def refresh(self) -> None:
        """After a sync (called by the indexer before it reports): both see the new index."""
        self._service.refresh()
        self._library.refresh()

    def close(self) -> None:
        self._service.close()
        self._library.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._service, name)
