"""The results list's keys and clicks for stories: a story's row expands to show its copies under it.

The arrow pointing the way the text reads (Left in Persian, Right in English) or + expands the
current row; the other arrow or - collapses it (on a copy: back to its story's row); Enter or Return
opens the current article in the reading pane; a click on a row's "N copies" expands or collapses it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QListView

from viewer.gui.results.delegate import ResultDelegate
from viewer.gui.results.model import ROW_ROLE, ResultsModel


class StoryKeys(QObject):
    def __init__(self, view: QListView, model: ResultsModel, open_current: Callable[[], object]):
        super().__init__(view)
        self.view, self.model, self._open = view, model, open_current
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and watched is self.view:
            return self._key(event)
        if (isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton and watched is self.view.viewport()):
            return self._click(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        row = self.view.currentIndex().row()
        if row < 0 or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        rtl = self.view.layoutDirection() == Qt.LayoutDirection.RightToLeft
        forward, back = (Qt.Key.Key_Left, Qt.Key.Key_Right) if rtl else (Qt.Key.Key_Right, Qt.Key.Key_Left)
        key = event.key()
        if key in (forward, Qt.Key.Key_Plus):
            self.model.set_expanded(row, True)
            return True
        if key in (back, Qt.Key.Key_Minus):
            story = self.model.story_row(row)
            if story != row:
                self._go_to(story)
            else:
                self.model.set_expanded(row, False)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open()
            return True
        return False

    def _click(self, event: QMouseEvent) -> bool:
        index = self.view.indexAt(event.position().toPoint())
        delegate = self.view.itemDelegate()
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None or not isinstance(delegate, ResultDelegate):
            return False
        area = delegate.copies_area(self.view.visualRect(index), self.view.font(), row)
        if not area.contains(event.position()):
            return False
        self.model.set_expanded(index.row(), not self.model.is_expanded(index.row()))
        return False  # the click selects the row as well

    def _go_to(self, row: int) -> None:
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
