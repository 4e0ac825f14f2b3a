"""Indexing in the background: syncs run one at a time on the serial index worker, report progress
through signals (delivered on the UI thread) and stop when cancelled."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from viewer.core.errors import CancelledError
from viewer.core.results import SyncReport
from viewer.gui.archive.folders import sources
from viewer.gui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from viewer.app.library import Library


class Indexer(QObject):
    started = Signal()
    progress = Signal(int, int, str)  # done, total, path
    page_progress = Signal(int, int, str, int, int)  # done, total, path, its page about to be read by OCR, its pages
    finished = Signal(object)  # SyncReport
    cancelled = Signal()
    failed = Signal(object)  # exception

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.worker = TaskRunner(max_threads=1, parent=self)
        self._cancel = threading.Event()
        self.running = 0
        self.closed = False
        self.cancel_requested = False

    def sync(self, folders: Sequence[str], forget: Sequence[Path] = ()) -> None:
        """Syncs `folders` (after taking the `forget` folders out) on the index worker."""
        if self.closed:
            return
        self._cancel.clear()
        self.cancel_requested = False
        self.running += 1
        self.started.emit()
        folders, forget = list(folders), list(forget)
        self.worker.run(lambda: self._sync(folders, forget), self._done, self._failed)

    def _sync(self, folders: list[str], forget: list[Path]) -> SyncReport:
        # Emitted from the worker thread: Qt queues it to the UI thread. The Library marks its
        # searchers stale when the sync ends, however it ends: each reopens on its next use.
        return self.library.sync(sources(folders), progress=self.progress.emit, cancel=self._cancel.is_set,
                                 forget=forget, page_progress=self.page_progress.emit)

    def cancel(self) -> None:
        self.cancel_requested = True
        self._cancel.set()

    def close(self) -> None:
        """The window is closing: cancel, and let no late result touch the archive (it is being
        closed; refreshing it then raised ReaderClosed)."""
        self.closed = True
        self.cancel()

    @property
    def busy(self) -> bool:
        return self.running > 0

    def _done(self, report: SyncReport) -> None:
        self.running -= 1
        if self.closed:
            return
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.running -= 1
        if self.closed:
            return
        if isinstance(exc, CancelledError):
            self.cancelled.emit()
        else:
            self.failed.emit(exc)

    def wait(self, msecs: int = -1) -> bool:
        return self.worker.wait(msecs)
