"""The lab in the window: a Lab… action, a status-bar indicator, and when to sync — at start, every
few minutes, and soon after a change (a cheap check of the local queue) — always on a worker thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from viewer.app.settings import LAB, Settings
from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths
from viewer.gui.common.digits import digits
from viewer.gui.common.tasks import TaskRunner
from viewer.gui.common.translations import current_language
from viewer.gui.lab.lab_dialog import LabDialog
from viewer.gui.lab.lab_worker import join_job, leave_job, sync_job, waiting_job

SYNC_EVERY_MS = 5 * 60 * 1000
CHECK_QUEUE_EVERY_MS = 15 * 1000


class LabControl(QObject):
    # A sync brought notes, collections or saved searches, or deletions of them: what shows them reloads.
    received = Signal()

    def __init__(self, window: QMainWindow, paths: DataPaths, settings: Settings):
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.settings = settings
        self.runner = TaskRunner(1, self)
        self.busy = False
        self.syncs_done = 0
        self.indicator = QLabel(window)
        window.statusBar().addPermanentWidget(self.indicator)
        self.action = QAction(self.tr("Lab…"), window)
        self.action.triggered.connect(self.open_dialog)
        window.menuBar().addAction(self.action)
        self.sync_timer = QTimer(self)
        self.sync_timer.timeout.connect(self.sync_now)
        self.queue_timer = QTimer(self)
        self.queue_timer.timeout.connect(self.check_queue)
        self.dialog: LabDialog | None = None
        # What the indicator says and why the last sync failed, said again in a new interface language.
        self._indicator_says: Callable[[], str] | None = None
        self._failure: BayeganError | None = None
        self._refresh_indicator()
        window.installEventFilter(self)  # the menu item and the indicator follow the interface language

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.action.setText(self.tr("Lab…"))
            self._refresh_indicator()
        return super().eventFilter(watched, event)

    def _member(self) -> tuple[str, str] | None:
        found = Settings(self.paths.settings_path).get(LAB)
        if isinstance(found, dict) and isinstance(found.get("url"), str):
            return found["url"], str(found.get("name") or "")
        return None

    def start(self) -> None:
        """Sync once now, then on the timers (nothing is done while this desktop is in no lab)."""
        self.sync_timer.start(SYNC_EVERY_MS)
        self.queue_timer.start(CHECK_QUEUE_EVERY_MS)
        self.sync_now()

    def stop(self) -> None:
        self.sync_timer.stop()
        self.queue_timer.stop()
        self.runner.wait()

    def _refresh_indicator(self, says: Callable[[], str] | None = None) -> None:
        member = self._member()
        self.indicator.setVisible(member is not None)
        if says is not None:
            self._indicator_says = says
        elif member is not None and self._indicator_says is None:
            self._indicator_says = lambda: self.tr("Lab: not synced yet")
        self.indicator.setText(self._indicator_says() if self._indicator_says is not None else "")
        self.indicator.setToolTip(self._failure.message(current_language()) if self._failure is not None else "")

    def sync_now(self) -> None:
        if self.busy or self._member() is None:
            return
        self.busy = True
        self._refresh_indicator(lambda: self.tr("Lab: syncing…"))
        self.runner.run(sync_job(self.paths), self._synced, self._failed)

    def check_queue(self) -> None:
        if self.busy or self._member() is None:
            return
        self.runner.run(waiting_job(self.paths), self._queue_checked, lambda exc: None)

    def _queue_checked(self, waiting: object) -> None:
        if isinstance(waiting, int) and waiting > 0:
            self.sync_now()

    def _synced(self, report: object) -> None:
        self.busy = False
        self.syncs_done += 1
        if not isinstance(report, dict):
            self._refresh_indicator()
            return
        self._failure = None
        if report.get("sending_refused"):
            self._refresh_indicator(lambda: self.tr("Lab: received; sending refused (read-only role)"))
        else:
            self._refresh_indicator(lambda: self.tr("Lab: synced"))
        received = report.get("received")
        if isinstance(received, int) and received:
            self.received.emit()
            self.window.statusBar().showMessage(
                digits(self.tr("Received from the lab: %1 changes to notes, collections or saved searches")
                       .replace("%1", str(received))), 8000)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, BayeganError):
            self._failure = exc
        self._refresh_indicator(lambda: self.tr("Lab: offline — changes wait here"))

    def open_dialog(self) -> None:
        self.dialog = LabDialog(self._member(), self.window)
        self.dialog.join_button.clicked.connect(self._join)
        self.dialog.leave_button.clicked.connect(self._leave)
        self.dialog.show()

    def _join(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.set_busy(True)
        dialog.show_message(lambda: self.tr("Joining…"))
        job = join_job(self.paths, dialog.url.text(), dialog.password.text(), dialog.name.text())
        dialog.password.clear()
        self.runner.run(job, self._joined, self._dialog_failed)

    def _joined(self, result: object) -> None:
        if self.dialog is not None:
            self.dialog.set_busy(False)
            self.dialog.set_member(self._member())
        self._synced(result)
        self.start()

    def _leave(self) -> None:
        self.runner.run(leave_job(self.paths), self._left, self._dialog_failed)

    def _left(self, _: object) -> None:
        self.sync_timer.stop()
        self.queue_timer.stop()
        if self.dialog is not None:
            self.dialog.set_member(None)
        self._indicator_says, self._failure = None, None
        self._refresh_indicator()

    def _dialog_failed(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.set_busy(False)
            self.dialog.show_message(lambda: exc.message(current_language()) if isinstance(exc, BayeganError)
                                     else str(exc))
