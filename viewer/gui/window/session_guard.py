"""The session survives a logout: the window's state is saved shortly after the query or the
article changes, and SIGTERM (or SIGHUP) closes the window as the close button does."""

from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

SAVE_AFTER_MS = 1000
_POLL_MS = 250  # Python runs its signal handlers only when Qt's loop hands it control


class SessionGuard(QObject):
    def __init__(self, window: QWidget, save: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_AFTER_MS)
        self.save_timer.timeout.connect(save)
        self._poll = QTimer(self)

    def changed(self, *_args: object) -> None:
        """Something the session remembers changed: save soon (once for a burst of changes)."""
        self.save_timer.start()

    def close_on_terminate(self) -> None:
        """SIGTERM and SIGHUP close the window (saving the session) instead of killing the process."""
        for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is not None:
                signal.signal(sig, lambda _sig, _frame: QTimer.singleShot(0, self.window.close))
        self._poll.timeout.connect(lambda: None)
        self._poll.start(_POLL_MS)
