"""The archive as the CLI and the window use it: one index in the data folder, synced from
source folders, searched through `ArchiveSearcher`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from viewer.core.paths import DataPaths
from viewer.search.archive_index import open_index
from viewer.search.searcher import ArchiveSearcher
from viewer.search.sync import Progress, SyncReport, _never, _silent, sync_sources


class Archive:
    def __init__(self, paths: DataPaths):
        self.paths = paths
        self.ix, self._created = open_index(paths.index_dir)

    def sync(self, roots: Iterable[Path], *, remove_missing: bool = True,
             progress: Progress = _silent, cancel: Callable[[], bool] = _never) -> SyncReport:
        report = sync_sources(self.ix, self.paths.index_dir, roots, fresh=self._created,
                              remove_missing=remove_missing, progress=progress, cancel=cancel)
        self._created = False
        return report

    def searcher(self) -> ArchiveSearcher:
        return ArchiveSearcher(self.ix)

    def close(self) -> None:
        self.ix.close()
