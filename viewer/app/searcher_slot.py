"""One open index searcher for one kind of work, reopened by its own thread after a sync.

The window reads articles on its UI thread while a worker searches; a Whoosh searcher is not
shared between threads, so the `Library` keeps one slot per kind of work. A sync only marks the
slots stale: each is closed and reopened by the thread that uses it, on its next use, unless the
sync committed nothing (the sync at every opening, mostly): a new searcher reads its tables again
(~3 s for the first search's count at 200,000 articles)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.search.results.searcher import ArchiveSearcher


class SearcherSlot:
    def __init__(self, open_searcher: Callable[[], ArchiveSearcher]):
        self._open = open_searcher
        self._searcher: ArchiveSearcher | None = None
        self._stale = threading.Event()
        # Opened by the thread that opens the archive, then used by the one thread of its kind of work.
        self._opening = threading.Lock()

    def get(self) -> ArchiveSearcher:
        with self._opening:
            return self._current()

    def _current(self) -> ArchiveSearcher:
        if self._searcher is None or self._stale.is_set():
            self._stale.clear()
            if self._searcher is not None and self._searcher.up_to_date():
                return self._searcher  # the sync changed nothing: its tables read once serve on
            if self._searcher is not None:
                # A new searcher rather than Searcher.refresh(), which fails on a reader of an empty index.
                self._searcher.close()
            self._searcher = self._open()
        return self._searcher

    def mark_stale(self) -> None:
        self._stale.set()

    def close(self) -> None:
        with self._opening:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
