"""Dragging the selected results out of the results list (onto a collection), without changing the
list's model: a press then a move past the drag distance starts a drag of the selected ids."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from viewer.gui.common.article_ids_mime import ids_mime


class ResultsDrag(QObject):
    def __init__(self, view: QAbstractItemView, selected_ids: Callable[[], list[str]]):
        super().__init__(view)
        self._view = view
        self._selected_ids = selected_ids
        self._pressed: QPoint | None = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
                self._pressed = event.position().toPoint()
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._pressed = None
            elif (event.type() == QEvent.Type.MouseMove and self._pressed is not None
                  and event.buttons() & Qt.MouseButton.LeftButton
                  and (event.position().toPoint() - self._pressed).manhattanLength()
                  >= QApplication.startDragDistance()):
                self._pressed = None
                return self.start_drag()
        return super().eventFilter(watched, event)

    def start_drag(self) -> bool:
        ids = self._selected_ids()
        if not ids:
            return False
        drag = QDrag(self._view)
        drag.setMimeData(ids_mime(ids))
        drag.exec(Qt.DropAction.CopyAction)
        return True
