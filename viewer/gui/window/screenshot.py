"""`bayegan gui --screenshot FILE`: wait (in the event loop) until indexing is done, the results are
shown and the article is open, then save the window as a PNG and quit."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from viewer.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)
GIVE_UP_MS = 120_000


class ScreenshotTaker(QObject):
    def __init__(self, window: MainWindow, path: Path):
        super().__init__(window)
        self.window = window
        self.path = path
        self.saved = False
        self._scheduled = False
        window.results_shown.connect(self._check)
        window.search_failed.connect(self._check)
        window.archive_ready.connect(self._connect_indexer)
        QTimer.singleShot(GIVE_UP_MS, self._give_up)

    def _connect_indexer(self) -> None:
        indexer = self.window.indexer
        if indexer is not None:
            for signal in (indexer.finished, indexer.cancelled, indexer.failed):
                signal.connect(self._check)
        self._check()

    def ready(self) -> bool:
        w = self.window
        if w.library is None or w.indexer is None or w.indexer.busy or w.search_pending or w.result is None:
            return False
        return w.result.total == 0 or w.article_pane.article is not None

    def _check(self, *_args: object) -> None:
        if self._scheduled or not self.ready():
            return
        self._scheduled = True
        # One more turn of the event loop so the last layout and paint happen before the grab.
        QTimer.singleShot(0, self._save)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.saved = self.window.grab().save(str(self.path), "PNG")
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(0 if self.saved else 1)

    def _give_up(self) -> None:
        if not self._scheduled:
            log.error("screenshot: the window did not become ready")
            self._scheduled = True
            self._save()
