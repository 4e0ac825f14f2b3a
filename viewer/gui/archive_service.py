"""The archive as the window uses it: searches on the search worker's own searcher, article
lookups on the UI thread's searcher, syncs on the serial index worker. Plain Python: the
threads are the callers' (see tasks.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from viewer.core.article import Article
from viewer.core.paths import DataPaths
from viewer.gui.archive_folders import sources
from viewer.search.archive import Archive
from viewer.search.searcher import ArchiveSearcher, SearchResult
from viewer.search.sync import SyncReport

PAGE_SIZE = 100
ALL_ARTICLES = "*"


class ArchiveService:
    def __init__(self, paths: DataPaths):
        self.paths = paths
        self.archive = Archive(paths)
        self._ui_searcher = self.archive.searcher()
        self._search_searcher: ArchiveSearcher | None = None  # made and used on the search thread
        self._search_stale = threading.Event()
        self._keys: dict[str, set[str]] = {}

    # -- search thread -------------------------------------------------------------------------
    def search(self, query: str, tags: Sequence[str] = (), sort: str = "relevance",
               limit: int = PAGE_SIZE) -> SearchResult:
        text = query.strip() or ALL_ARTICLES
        return self._thread_searcher().search(text, tags=list(tags), limit=limit, sort=sort, with_ids=True)

    def ranked_ids(self, query: str, tags: Sequence[str] = (), sort: str = "relevance", limit: int = PAGE_SIZE) -> list[str]:
        """The ids of the search's first `limit` hits in its order (the results list's later pages)."""
        text = query.strip() or ALL_ARTICLES
        return self._thread_searcher().ranked_ids(text, tags=list(tags), sort=sort, limit=limit)

    def _thread_searcher(self) -> ArchiveSearcher:
        if self._search_searcher is None:
            self._search_searcher = self.archive.searcher()
            self._search_stale.clear()
        elif self._search_stale.is_set():
            self._search_stale.clear()
            self._search_searcher.close()
            self._search_searcher = self.archive.searcher()
        return self._search_searcher

    # -- UI thread ---------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        return self._ui_searcher.article(article_id)

    def hit_keys(self, query: str) -> set[str]:
        """The index terms `query` matches (what the reading pane marks), cached per query."""
        from viewer.gui.hit_finder import index_hit_keys

        cached = self._keys.get(query)
        if cached is None:
            cached = index_hit_keys(query, self.archive.ix) if query.strip() else set()
            self._keys = {query: cached}
        return cached

    def refresh(self) -> None:
        """After a sync: the UI searcher now, the search thread's before its next search."""
        # A new searcher rather than Searcher.refresh(), which fails on a reader of an empty index.
        self._ui_searcher.close()
        self._ui_searcher = self.archive.searcher()
        self._keys = {}
        self._search_stale.set()

    @property
    def article_count(self) -> int:
        return self._ui_searcher.doc_count

    # -- index thread ------------------------------------------------------------------------
    @property
    def roots(self) -> list[Path]:
        """Every folder the index was built from (by the window or by `bayegan index`)."""
        return self.archive.roots

    def sync(self, folders: Sequence[str], progress: Callable[[int, int, str], None],
             cancel: Callable[[], bool], forget: Sequence[Path] = ()) -> SyncReport:
        """Takes the `forget` folders out of the index, then syncs the archive's folders."""
        forgotten = self.archive.forget(forget) if forget else None
        report = self.archive.sync(sources(folders), progress=progress, cancel=cancel)
        if forgotten is not None:
            report.removed += forgotten.removed
        if report.changed_ids or report.removed:
            self._reanchor_notes(report.changed_ids)
        return report

    def _reanchor_notes(self, changed_ids: list[str]) -> None:
        try:
            from viewer.notes.reanchor import reanchor_articles
        except ImportError:
            return
        if not self.paths.notes_path.exists():
            return
        with self.archive.searcher() as searcher:
            reanchor_articles(self.paths.notes_path, changed_ids, searcher.article)

    def close(self) -> None:
        self._ui_searcher.close()
        if self._search_searcher is not None:
            self._search_searcher.close()
        self.archive.close()
