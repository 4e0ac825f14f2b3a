"""The archive as the CLI and the window use it: one index in the data folder, synced from
source folders, searched through `ArchiveSearcher`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from viewer.core.closing import Closable
from viewer.core.errors import CancelledError
from viewer.core.paths import DataPaths
from viewer.core.results import SyncReport
from viewer.core.steps import Cancel, PageProgress, Progress, never, silent
from viewer.search.copies.kept_tables import is_kept
from viewer.search.indexing.archive_index import INDEX_VERSION, open_index
from viewer.search.indexing.known_roots import load_roots, save_roots
from viewer.search.indexing.manifest import Manifest, copied_files, manifest_pending
from viewer.search.results.searcher import ArchiveSearcher


class Archive(Closable):
    def __init__(self, paths: DataPaths):
        self.paths = paths
        self.ix, self._created = open_index(paths.index_dir)
        self._copied: dict[str, list[str]] | None = None  # read on first use, again after every sync

    @property
    def roots(self) -> list[Path]:
        """Every folder or file this archive has been synced from."""
        return load_roots(self.paths.index_dir)

    def sync(self, roots: Iterable[Path], *, remove_missing: bool = True,
             progress: Progress = silent, cancel: Cancel = never, page_progress: PageProgress | None = None) -> SyncReport:
        """Sync `roots`. When the index was just (re)built, or the last sync was cut off before its
        manifest was saved, every known root is read again too: articles no file accounts for are
        dropped then, and those of the other folders must not be among them."""
        from viewer.search.indexing.sync import sync_sources  # the importers with it: not needed to search

        wanted = [Path(r).expanduser().resolve() for r in roots]
        known = self.roots
        if self._created or manifest_pending(self.paths.index_dir, INDEX_VERSION):
            wanted += [r for r in known if r not in wanted and r.exists()]
        report = sync_sources(self.ix, self.paths.index_dir, wanted,
                              remove_missing=remove_missing, progress=progress, cancel=cancel,
                              derived=self.paths.derived, page_progress=page_progress)
        self._created = False
        save_roots(self.paths.index_dir, [*known, *(r for r in wanted if r.exists())])
        self._keep_copies(cancel)
        if self._copied is not None:
            self._copied = copied_files(self.paths.index_dir, INDEX_VERSION)  # here, not on the window's thread
        return report

    def forget(self, roots: Iterable[Path]) -> SyncReport:
        """Take folders out of the archive: their articles leave the index (notes stay)."""
        from viewer.search.indexing.sync import forget_sources

        gone = {Path(r).expanduser().resolve() for r in roots}
        report = forget_sources(self.ix, self.paths.index_dir, gone)
        save_roots(self.paths.index_dir, [r for r in self.roots if r not in gone])
        if self._copied is not None:
            self._copied = copied_files(self.paths.index_dir, INDEX_VERSION)
        return report  # the sync that follows keeps the stories

    def _keep_copies(self, cancel: Cancel = never) -> None:
        """The near-duplicate tables and stories of the index as it is now, kept beside it
        (kept_tables.py): worked out here, at the end of a sync (or once for an index that has none
        yet), not when the archive is next opened. A cancel stops it with nothing kept: the sync's
        articles are committed by then (its report stands), and the next sync, or a searcher that
        needs them, works them out."""
        with self.ix.reader() as reader:  # cheaper than a searcher when they are kept already
            if reader.doc_count_all() == 0 or is_kept(self.paths.index_dir, reader):
                return
        with self.searcher() as searcher, contextlib.suppress(CancelledError):
            searcher.keep_copies(cancel)

    def sources(self) -> dict[str, list[str]]:
        """article id -> every file holding it (exact copies), the one it is indexed from first: the
        manifest read whole (the command line's listings; the window wants `copied_files`)."""
        return Manifest.load(self.paths.index_dir, INDEX_VERSION).sources()

    def copied_files(self) -> dict[str, list[str]]:
        """`sources` of the articles held in several files only; any other article's one file is the
        `source` its document stores."""
        if self._copied is None:
            self._copied = copied_files(self.paths.index_dir, INDEX_VERSION)
        return self._copied

    def searcher(self) -> ArchiveSearcher:
        return ArchiveSearcher(self.ix)

    def close(self) -> None:
        self.ix.close()
