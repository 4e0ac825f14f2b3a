"""The Delete key on a list: removes what is chosen there (the collections and saved-searches lists)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class DeleteKey(QObject):
    """Calls `action` when Delete is pressed while `widget` has the focus."""

    def __init__(self, widget: QWidget, action: Callable[[], object]):
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Delete):
            self._action()
            return True
        return super().eventFilter(watched, event)
